//! Parsing FAPI JSON in the browser: unknown fields ignored, optional fields optional.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use clerk_wasm::{Client, Environment, SessionStatus};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_client_with_unknown_and_missing_fields_parses() {
    let client = Client::from_json(
        r#"{"object":"client","id":"client_1","brand_new_field":{"x":[1,2]},
        "last_active_session_id":null,"sign_in":null,"updated_at":1700000000000,
        "sessions":[{"object":"session","id":"sess_1","status":"active","expire_at":1,
          "last_active_token":{"object":"token","jwt":"a.b.c"},
          "user":{"id":"user_1","first_name":"Émile","last_name":null,"image_url":"https://i/1",
            "primary_email_address_id":"idn_2",
            "email_addresses":[{"id":"idn_1","email_address":"old@x.test"},
                               {"id":"idn_2","email_address":"e@x.test","verification":{}}]},
          "public_user_data":{"first_name":"Émile","identifier":"e@x.test","has_image":false}},
          {"id":"sess_2","status":"something_new"}]}"#,
    )
    .unwrap();
    assert_eq!(
        (client.id.as_str(), client.updated_at),
        ("client_1", 1.7e12)
    );
    assert_eq!(client.last_active_session_id, None);
    assert_eq!(client.cookie_expires_at, None);
    let session = &client.sessions[0];
    assert_eq!(session.status, SessionStatus::Active);
    assert_eq!(session.last_active_token.as_ref().unwrap().jwt, "a.b.c");
    let user = session.user.as_ref().unwrap();
    assert_eq!(user.full_name().as_deref(), Some("Émile"));
    assert_eq!(user.display_identifier(), "e@x.test");
    assert!(user.phone_numbers.is_empty() && user.username.is_none());
    assert_eq!(client.sessions[1].status, SessionStatus::Unknown);
    assert_eq!(client.signed_in_sessions().count(), 1);
    assert_eq!(client.choose_current_session().unwrap().id, "sess_1");
}

#[wasm_bindgen_test]
fn null_missing_or_mistyped_optional_fields_read_as_absent_instead_of_failing() {
    let client = Client::from_json(
        r#"{"id":"client_1","sessions":"nope","updated_at":"soon","cookie_expires_at":null,
        "last_active_session_id":5}"#,
    )
    .unwrap();
    assert_eq!(
        (client.id.as_str(), client.sessions.len(), client.updated_at),
        ("client_1", 0, 0.0)
    );
    assert_eq!(client.last_active_session_id, None);

    let client = Client::from_json(
        r#"{"id":"client_1","sessions":[
          {"id":"sess_1","status":5,"expire_at":"soon","last_active_token":"a.b.c","user":5,
           "public_user_data":[]},
          {"id":"sess_2","status":"active","user":{"id":"user_1","first_name":5,
           "last_name":null,"username":{},"image_url":7,"has_image":"yes",
           "primary_email_address_id":"idn_1","email_addresses":{"id":"idn_1"},
           "phone_numbers":null}}]}"#,
    )
    .unwrap();
    let odd = &client.sessions[0];
    assert_eq!((odd.status, odd.expire_at), (SessionStatus::Unknown, 0.0));
    assert!(odd.last_active_token.is_none() && odd.user.is_none());
    assert!(odd.public_user_data.is_none());
    let user = client.sessions[1].user.as_ref().unwrap();
    assert_eq!(user.id, "user_1");
    assert_eq!(
        (user.first_name.as_ref(), user.last_name.as_ref()),
        (None, None)
    );
    assert_eq!(
        (user.username.as_ref(), user.image_url.as_str()),
        (None, "")
    );
    assert!(!user.has_image && user.email_addresses.is_empty());
    assert_eq!((user.full_name(), user.display_identifier()), (None, ""));
}

#[wasm_bindgen_test]
fn a_resource_without_its_id_is_an_invalid_response_naming_the_field() {
    for text in [
        r#"{"sessions":[]}"#,
        r#"{"id":7}"#,
        r#"{"id":"client_1","sessions":[{"status":"active"}]}"#,
        r#"{"id":"client_1","sessions":[{"id":"sess_1","user":{"first_name":"Ada"}}]}"#,
        r#"{"id":"client_1","sessions":[{"id":"sess_1","last_active_token":{"object":"token"}}]}"#,
    ] {
        let err = Client::from_json(text).unwrap_err();
        assert_eq!(err.code(), "invalid_response", "{text}");
        let message = err.to_string();
        assert!(
            message.contains("`id`")
                || message.contains("`jwt`")
                || message.contains("invalid type"),
            "{text}: {message}"
        );
    }
    let err = Client::from_json(r#"{"sessions":[]}"#).unwrap_err();
    assert!(err.to_string().contains("missing field `id`"), "{err}");
}

#[wasm_bindgen_test]
fn text_that_is_not_a_json_object_is_an_invalid_response() {
    for text in ["<html>502</html>", "[1]", "null", "{\"id\":", ""] {
        let err = Client::from_json(text).unwrap_err();
        assert_eq!(err.code(), "invalid_response", "{text:?}");
    }
}

#[wasm_bindgen_test]
fn the_environment_defaults_to_single_session_mode_and_reads_display_urls() {
    let env = Environment::from_json(
        r#"{"display_config":{"sign_in_url":"http://x/sign-in","application_name":"Demo",
        "instance_environment_type":"development","unknown":1},"auth_config":{}}"#,
    )
    .unwrap();
    assert!(env.auth_config.single_session_mode);
    assert_eq!(
        env.display_config.sign_in_url.as_deref(),
        Some("http://x/sign-in")
    );
    assert_eq!(env.display_config.application_name.as_deref(), Some("Demo"));
    assert_eq!(env.display_config.user_profile_url, None);
    let multi = Environment::from_json(r#"{"auth_config":{"single_session_mode":false}}"#).unwrap();
    assert!(!multi.auth_config.single_session_mode);
    assert!(
        Environment::from_json("{}")
            .unwrap()
            .auth_config
            .single_session_mode
    );
    let odd = Environment::from_json(
        r#"{"auth_config":5,"display_config":{"sign_in_url":5,"branded":"yes","home_url":"/"}}"#,
    )
    .unwrap();
    assert!(odd.auth_config.single_session_mode);
    assert_eq!(odd.display_config.sign_in_url, None);
    assert!(!odd.display_config.branded);
    assert_eq!(odd.display_config.home_url.as_deref(), Some("/"));
}
