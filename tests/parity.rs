//! ClerkJS parity around tokens and resources (issue 18): `getToken`'s `template`,
//! `organizationId` and `skipCache`, against the development server.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::{ClerkError, GetTokenOptions};
use common::*;
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
