//! ClerkJS parity around tokens and resources (issue 18): `getToken`'s `template`,
//! `organizationId` and `skipCache`, and what `session.touch()` resolves with, against the
//! development server.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::{ClerkError, GetTokenOptions, JsClerk};
use common::*;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn claims(jwt: &str) -> serde_json::Value {
    let payload = jwt
        .split('.')
        .nth(1)
        .unwrap()
        .replace('-', "+")
        .replace('_', "/");
    let padded = format!("{payload}{}", "=".repeat((4 - payload.len() % 4) % 4));
    serde_json::from_str(&web_sys::window().unwrap().atob(&padded).unwrap()).unwrap()
}

fn template(name: &str) -> GetTokenOptions {
    GetTokenOptions {
        template: Some(name.to_owned()),
        ..GetTokenOptions::default()
    }
}

#[wasm_bindgen_test]
async fn a_template_token_comes_from_the_template_endpoint_and_is_cached_apart() {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let own = clerk.get_token(None).await.unwrap().unwrap();
    let jwt = clerk
        .get_token_with(None, template("demo"))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(jwt, own);
    let c = claims(&jwt);
    assert_eq!(
        (c["aud"].as_str(), c["email"].as_str()),
        (Some("demo"), Some("ada@example.test"))
    );
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{}/tokens/demo", ids[0])]
    );
    let again = clerk.get_token_with(None, template("demo")).await.unwrap();
    assert_eq!(
        again.as_deref(),
        Some(jwt.as_str()),
        "served from its own cache entry"
    );
    assert_eq!(clerk.get_token(None).await.unwrap(), Some(own.clone()));
    assert_eq!(request_lines().await.len(), 1);
    assert_eq!(
        cookie("__session"),
        Some(own),
        "a template token is not the __session cookie"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_template_rejects_with_the_api_error_never_the_default_token() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let err = clerk
        .get_token_with(None, template("no-such-template"))
        .await
        .unwrap_err();
    let ClerkError::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((api.status, err.code()), (404, "resource_not_found"));
    assert!(
        err.long_message().contains("no-such-template"),
        "{}",
        err.long_message()
    );
}

#[wasm_bindgen_test]
async fn organization_id_is_sent_and_each_organization_has_its_own_token() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let org = |id: &str| GetTokenOptions {
        organization_id: Some(id.to_owned()),
        ..GetTokenOptions::default()
    };
    let jwt = clerk
        .get_token_with(None, org("org_2demoAnalyticalEngine0001"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(claims(&jwt)["org_id"], "org_2demoAnalyticalEngine0001");
    let personal = clerk.get_token_with(None, org("")).await.unwrap().unwrap();
    assert!(claims(&personal).get("org_id").is_none());
    let err = clerk
        .get_token_with(None, org("org_not_mine"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_a_member_in_organization");
}

#[wasm_bindgen_test]
async fn skip_cache_fetches_a_new_token_which_then_serves_the_cache() {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    clerk.get_token(None).await.unwrap();
    assert!(request_lines().await.is_empty(), "served from the cache");
    let fresh = clerk
        .get_token_with(
            None,
            GetTokenOptions {
                skip_cache: true,
                ..GetTokenOptions::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{}/tokens", ids[0])]
    );
    assert_eq!(clerk.get_token(None).await.unwrap(), fresh);
    assert_eq!(cookie("__session"), fresh);
}

fn here() -> (String, String) {
    let location = web_sys::window().unwrap().location();
    (location.origin().unwrap(), location.href().unwrap())
}

/// `text` form-encoded, as `URLSearchParams` writes it.
fn encoded(text: &str) -> String {
    let params = web_sys::UrlSearchParams::new().unwrap();
    params.append("x", text);
    String::from(params.to_string())
        .strip_prefix("x=")
        .unwrap()
        .to_owned()
}

#[wasm_bindgen_test]
async fn urls_come_from_the_environment_and_carry_the_dev_browser_token_to_another_origin() {
    reset(false, true).await;
    let (clerk, _) = loaded_clerk().await;
    let token = cookie("__clerk_db_jwt").expect("a dev browser token");
    let server = server_url();
    let (_, href) = here();
    let url = web_sys::Url::new(&clerk.build_sign_in_url(&Default::default())).unwrap();
    assert_eq!(
        [url.origin(), url.pathname()],
        [server.to_owned(), "/sign-in.html".to_owned()]
    );
    let params = url.search_params();
    assert_eq!(params.get("redirect_url"), Some(href), "back to this page");
    assert_eq!(params.get("__clerk_db_jwt"), Some(token.clone()));
    assert_eq!(
        clerk.build_user_profile_url(),
        format!("{server}/user-profile.html?__clerk_db_jwt={token}")
    );
    assert_eq!(clerk.build_after_sign_out_url(), "/");
    assert_eq!(
        clerk.build_after_multi_session_single_sign_out_url(),
        format!("{server}/?__clerk_db_jwt={token}")
    );
}

#[wasm_bindgen_test]
async fn load_options_come_before_the_environment() {
    reset(false, false).await;
    let clerk = clerk();
    assert_eq!(
        clerk.build_after_multi_session_single_sign_out_url(),
        "",
        "before load"
    );
    let options = clerk_wasm::LoadOptions {
        sign_in_url: Some("/login?x=1".into()),
        user_profile_url: Some("/account".into()),
        after_sign_out_url: Some("/bye".into()),
        ..Default::default()
    };
    load_settled(&clerk, options).await;
    let (origin, _) = here();
    let sign_in = clerk.build_sign_in_url(&clerk_wasm::SignInRedirectOptions {
        redirect_url: Some("/back?to=a b".into()),
        sign_in_force_redirect_url: Some("/forced".into()),
        initial_values: vec![("emailAddress".into(), "a+b@example.test".into())],
        ..Default::default()
    });
    assert_eq!(
        sign_in,
        format!(
            "{origin}/login?x=1&redirect_url={}&sign_in_force_redirect_url=%2Fforced#/?emailAddress={}",
            encoded("/back?to=a b"),
            encoded("a+b@example.test")
        )
    );
    assert_eq!(clerk.build_user_profile_url(), format!("{origin}/account"));
    assert_eq!(clerk.build_after_sign_out_url(), format!("{origin}/bye"));
    assert_eq!(
        clerk.build_after_multi_session_single_sign_out_url(),
        format!("{origin}/login?x=1#/choose")
    );
}

#[wasm_bindgen_test]
async fn redirects_go_through_the_router_and_the_protocol_allow_list() {
    reset(false, false).await;
    let clerk = clerk();
    let pushed = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let options = clerk_wasm::LoadOptions {
        sign_in_url: Some("/login".into()),
        user_profile_url: Some("javascript:alert(1)".into()),
        after_sign_out_url: Some("/bye".into()),
        ..recording_options(&pushed)
    };
    load_settled(&clerk, options).await;
    clerk.redirect_to_after_sign_out();
    clerk.redirect_to_user_profile();
    clerk.redirect_to_sign_in(&clerk_wasm::SignInRedirectOptions {
        redirect_url: Some("/x".into()),
        ..Default::default()
    });
    clerk.navigate("");
    clerk.navigate("/somewhere#h");
    assert_eq!(
        *pushed.borrow(),
        ["/bye", "/", "/login?redirect_url=%2Fx", "/somewhere#h"],
        "javascript: goes to /; an empty target goes nowhere"
    );
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// `await session.touch()`, called detached as ClerkJS allows.
async fn touch(session: &JsValue) -> JsValue {
    let touch: Function = get(session, "touch").unchecked_into();
    let promise: Promise = touch.call0(&JsValue::UNDEFINED).unwrap().unchecked_into();
    JsFuture::from(promise).await.unwrap()
}

#[wasm_bindgen_test]
async fn touch_resolves_with_the_touched_sessions_object_of_the_new_state() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let clerk = JsClerk::from_clerk(clerk);
    let current = clerk.session();
    let current_id = get(&current, "id").as_string().unwrap();
    let touched = touch(&current).await;
    assert_eq!(get(&touched, "id").as_string(), Some(current_id.clone()));
    assert!(Object::is(&touched, &clerk.session()), "not clerk.session");
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{current_id}/touch")]
    );

    // Another session of this browser: its object in `client.sessions`; the current stays.
    clear_requests().await;
    let other_id = ids.iter().find(|id| **id != current_id).unwrap();
    let sessions = || Array::from(&get(&clerk.client(), "sessions"));
    let other = sessions()
        .iter()
        .find(|s| get(s, "id").as_string().as_ref() == Some(other_id))
        .unwrap();
    let touched = touch(&other).await;
    assert_eq!(get(&touched, "id").as_string().as_ref(), Some(other_id));
    assert!(sessions().iter().any(|s| Object::is(&s, &touched)));
    assert_eq!(
        get(&clerk.session(), "id").as_string(),
        Some(current_id),
        "touch does not switch"
    );
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{other_id}/touch")]
    );
}
