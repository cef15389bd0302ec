//! `setActive`, `getToken`, `session.end()` and `session.remove()` against the server.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::future::Future;

use clerk_wasm::ClerkError;
use common::*;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn jwt_claims(jwt: &str) -> serde_json::Value {
    let payload = jwt
        .split('.')
        .nth(1)
        .unwrap()
        .replace('-', "+")
        .replace('_', "/");
    let padded = format!("{payload}{}", "=".repeat((4 - payload.len() % 4) % 4));
    let text = web_sys::window().unwrap().atob(&padded).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
async fn get_token_returns_the_session_jwt_and_serves_it_from_cache_until_it_expires() {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let jwt = clerk.get_token(None).await.unwrap().unwrap();
    let claims = jwt_claims(&jwt);
    assert_eq!(claims["sid"], ids[0].as_str());
    assert!(claims["exp"].as_f64().unwrap() > js_sys::Date::now() / 1000.0);
    assert_eq!(clerk.get_token(None).await.unwrap(), Some(jwt));
    assert!(
        request_lines().await.is_empty(),
        "both served from the load-time token"
    );
}

#[wasm_bindgen_test]
async fn concurrent_token_requests_share_one_request() {
    // A session this instance holds no token for: signed in after the load, which cached the
    // last_active_token of each session it read.
    reset(true, false).await;
    sign_in("ada@example.test").await;
    let (clerk, _) = loaded_clerk().await;
    let id = sign_in("grace@example.test").await;
    let path = format!("/v1/client/sessions/{id}/tokens");
    fault(json!({"method": "POST", "path": path, "latency_ms": 150})).await;
    clear_requests().await;
    let (a, b) = join(clerk.get_token(Some(&id)), clerk.get_token(Some(&id))).await;
    let jwt = a.unwrap().unwrap();
    assert_eq!(b.unwrap().as_deref(), Some(jwt.as_str()));
    assert_eq!(jwt_claims(&jwt)["sid"], id.as_str());
    assert_eq!(request_lines().await, [format!("POST {path}")]);
}

#[wasm_bindgen_test]
async fn get_token_without_a_session_is_none_without_a_request() {
    reset(false, false).await;
    let (clerk, _) = loaded_clerk().await;
    clear_requests().await;
    assert_eq!(clerk.get_token(None).await.unwrap(), None);
    assert!(request_lines().await.is_empty());
}

#[wasm_bindgen_test]
async fn set_active_touches_the_session_and_makes_it_current() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let (_listener, seen) = record_states(&clerk);
    clerk.set_active(&ids[0]).await.unwrap();
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{}/touch", ids[0])]
    );
    assert_eq!(
        clerk.state().user().unwrap().first_name.as_deref(),
        Some("Ada")
    );
    assert_eq!(seen.borrow().last(), Some(&ids[0]));
    assert!(!seen.borrow().iter().any(|s| s == "null"));
}

#[wasm_bindgen_test]
async fn set_active_with_an_unknown_session_is_a_typed_error_without_a_request() {
    reset(true, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let err = clerk.set_active("sess_unknown").await.unwrap_err();
    assert_eq!(err.code(), "session_not_found");
    assert!(request_lines().await.is_empty());
    let unloaded = common::clerk();
    assert_eq!(
        unloaded.set_active("x").await.unwrap_err(),
        ClerkError::NotLoaded
    );
}

#[wasm_bindgen_test]
async fn ending_the_current_session_signs_the_browser_out_and_the_server_agrees() {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    clerk.end_session(&ids[0]).await.unwrap();
    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{}/end", ids[0])]
    );
    assert_eq!(server_session_status(&ids[0]).await, "ended");
    assert!(clerk.state().session().is_none());
    assert_eq!(cookie("__session"), None);
    // Ending it again is an error, not a resurrection.
    let again = clerk.end_session(&ids[0]).await.unwrap_err();
    assert!(again.api().is_some_and(|a| a.status >= 400), "{again:?}");
    assert_eq!(server_session_status(&ids[0]).await, "ended");
}

#[wasm_bindgen_test]
async fn removing_another_session_keeps_the_current_one() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    clerk.remove_session(&ids[0]).await.unwrap();
    assert_eq!(server_session_status(&ids[0]).await, "removed");
    assert_eq!(
        clerk.state().session().map(|s| s.id.clone()),
        Some(ids[1].clone())
    );
}

#[wasm_bindgen_test]
async fn a_session_of_another_browser_cannot_be_ended_from_this_one() {
    reset(false, false).await;
    let elsewhere = other_browser(&["grace@example.test"]).await;
    let foreign = elsewhere["session_ids"][0].as_str().unwrap().to_owned();
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let err = clerk.end_session(&foreign).await.unwrap_err();
    assert_eq!(
        (err.api().map(|a| a.status), err.code()),
        (Some(404), "resource_not_found")
    );
    assert_eq!(server_session_status(&foreign).await, "active");
    assert!(clerk.state().is_signed_in());
}

#[wasm_bindgen_test]
async fn dropping_a_pending_call_aborts_its_request_before_the_server_acts_on_it() {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let path = format!("/v1/client/sessions/{}/end", ids[0]);
    // The server waits 300 ms before handling the request; the caller gives up after 50.
    fault(json!({"method": "POST", "path": path, "latency_ms": 300})).await;
    let call = Box::pin(clerk.end_session(&ids[0]));
    let gave_up = Box::pin(sleep(50));
    let mut call = Some(call);
    let mut gave_up = Some(gave_up);
    std::future::poll_fn(|cx| {
        if let Some(c) = call.as_mut() {
            if c.as_mut().poll(cx).is_ready() {
                return std::task::Poll::Ready(());
            }
        }
        if gave_up.as_mut().unwrap().as_mut().poll(cx).is_ready() {
            call = None; // dropped: the fetch is aborted
            gave_up = None;
            return std::task::Poll::Ready(());
        }
        std::task::Poll::Pending
    })
    .await;
    assert!(
        call.is_none(),
        "the call finished before it could be dropped"
    );
    sleep(500).await;
    assert_eq!(
        request_lines().await,
        [format!("POST {path}")],
        "it did leave"
    );
    assert_eq!(
        server_session_status(&ids[0]).await,
        "active",
        "the server never acted on it"
    );
    assert!(clerk.state().is_signed_in());
}
