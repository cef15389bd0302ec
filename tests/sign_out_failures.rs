//! `signOut` when the server refuses (HTTP errors keep the user signed in) or cannot be
//! reached (durable sign-out: local at once, replayed and confirmed later).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::{ClerkError, LoadOptions, SignOutOptions};
use common::*;
use js_sys::{Function, Object, Reflect};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PENDING_PREFIX: &str = "clerk_wasm_pending_sign_out:";

fn pending_journal() -> Option<String> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .get_item(&format!("{PENDING_PREFIX}{}", publishable_key()))
        .unwrap()
}

/// The journal naming `session_ids` of the client the first of them belongs to.
async fn journal_of(session_ids: &[&str]) -> Option<String> {
    let session = server_session(session_ids[0]).await.unwrap();
    let client_id = session["client_id"].as_str().unwrap();
    Some(format!("client:{client_id} {}", session_ids.join(" ")))
}

async fn fail_sign_out_with(
    spec: serde_json::Value,
) -> (clerk_wasm::Clerk, ClerkError, Vec<String>, String) {
    reset(false, false).await;
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let mut spec = spec;
    spec["method"] = json!("DELETE");
    spec["path"] = json!("/v1/client/sessions");
    fault(spec).await;
    let (_listener, seen) = record_states(&clerk);
    let err = clerk.sign_out(SignOutOptions::default()).await.unwrap_err();
    assert!(pushed.borrow().is_empty(), "no redirect after a refusal");
    let seen = seen.borrow().clone();
    (clerk, err, seen, ids[0].clone())
}

#[wasm_bindgen_test]
async fn http_errors_reject_with_the_api_error_and_keep_the_user_signed_in() {
    for (status, code) in [
        (401, "authentication_invalid"),
        (404, "resource_not_found"),
        (422, "form_param_value_invalid"),
        (500, "internal_clerk_error"),
    ] {
        let (clerk, err, seen, id) = fail_sign_out_with(json!({"status": status})).await;
        let api = err.api().unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!((api.status, err.code()), (status, code));
        assert!(!err.long_message().is_empty());
        assert_eq!(
            seen,
            [id.clone(), "undefined".into(), id.clone()],
            "{status}"
        );
        assert!(clerk.state().is_signed_in(), "{status}");
        assert_eq!(server_session_status(&id).await, "active");
        assert!(cookie("__session").is_some(), "cookies kept after {status}");
        assert_eq!(pending_journal(), None);
    }
}

#[wasm_bindgen_test]
async fn a_429_carries_retry_after_and_the_trace_id_when_the_server_sends_them() {
    let (clerk, err, _, _) = fail_sign_out_with(json!({"status": 429, "retry_after": 7})).await;
    let api = err.api().unwrap();
    assert_eq!(
        (api.status, err.code(), api.retry_after),
        (429, "too_many_requests", Some(7))
    );
    assert!(api.clerk_trace_id.as_deref().is_some_and(|t| !t.is_empty()));
    assert!(clerk.state().is_signed_in());
}

#[wasm_bindgen_test]
async fn a_non_json_5xx_page_is_an_api_error_with_its_status() {
    let (clerk, err, _, _) = fail_sign_out_with(json!({"status": 502, "body": "non_json"})).await;
    assert_eq!(err.api().map(|a| a.status), Some(502));
    assert_eq!(err.code(), "api_response_error");
    assert!(clerk.state().is_signed_in());
}

#[wasm_bindgen_test]
async fn a_truncated_json_error_body_rejects_and_keeps_the_state_consistent() {
    let (clerk, err, _, id) =
        fail_sign_out_with(json!({"status": 500, "body": "malformed_json"})).await;
    assert_eq!(
        (err.api().map(|a| a.status), err.code()),
        (Some(500), "api_response_error")
    );
    assert!(clerk.state().is_signed_in());
    assert_eq!(clerk.state().session().map(|s| s.id.clone()), Some(id));
}

#[wasm_bindgen_test]
async fn an_offline_sign_out_signs_out_locally_and_is_replayed_when_the_browser_is_online() {
    reset(false, false).await;
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test"]).await;
    arm_network_failure("DELETE", "/v1/client/sessions").await;
    let (_listener, seen) = record_states(&clerk);

    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    drain_drops("DELETE", "/v1/client/sessions").await;

    assert_eq!(
        *seen.borrow(),
        [ids[0].clone(), "undefined".into(), "null".into()]
    );
    assert_eq!(*pushed.borrow(), ["/"]);
    assert_eq!(cookie("__session"), None);
    assert_eq!(
        server_session_status(&ids[0]).await,
        "active",
        "the server was not told yet"
    );
    assert_eq!(pending_journal(), journal_of(&[&ids[0]]).await);

    let online = web_sys::Event::new("online").unwrap();
    web_sys::window().unwrap().dispatch_event(&online).unwrap();
    assert!(
        wait_until(3000, || pending_journal().is_none()).await,
        "replay never confirmed"
    );

    assert_ne!(server_session_status(&ids[0]).await, "active");
    let replay = format!("POST /v1/client/sessions/{}/remove", ids[0]);
    let replays = request_lines()
        .await
        .iter()
        .filter(|l| **l == replay)
        .count();
    assert_eq!(replays, 1, "the replay ends the session it names");
    assert!(clerk.state().session().is_none());
}

#[wasm_bindgen_test]
async fn a_pending_sign_out_is_replayed_at_the_next_load_before_the_client_is_trusted() {
    let ids = page_closed_after_an_offline_sign_out().await;
    assert_eq!(pending_journal(), journal_of(&[&ids[0]]).await);
    clear_requests().await;

    // The next page load.
    let (next, _) = loaded_clerk().await;

    let lines = request_lines().await;
    let remove = format!("POST /v1/client/sessions/{}/remove", ids[0]);
    let replay = lines.iter().position(|l| *l == remove);
    let read = lines.iter().position(|l| l == "GET /v1/client");
    assert!(
        matches!((replay, read), (Some(a), Some(b)) if a < b),
        "{lines:?}"
    );
    assert_eq!(pending_journal(), None);
    assert!(next.state().session().is_none());
    assert_ne!(server_session_status(&ids[0]).await, "active");
}

#[wasm_bindgen_test]
async fn a_replay_the_server_refuses_stays_pending_and_the_user_stays_signed_out_locally() {
    let ids = page_closed_after_an_offline_sign_out().await;
    let remove = format!("/v1/client/sessions/{}/remove", ids[0]);
    fault(json!({"method": "POST", "path": remove, "status": 503, "times": 1})).await;

    let next = common::clerk();
    next.load(LoadOptions::default()).await.unwrap();

    assert_eq!(pending_journal(), journal_of(&[&ids[0]]).await);
    assert!(
        next.state().session().is_none(),
        "an unconfirmed sign-out is not undone"
    );
    assert_eq!(next.state().status, clerk_wasm::Status::Degraded);
    assert_eq!(server_session_status(&ids[0]).await, "active");
}

#[wasm_bindgen_test]
async fn a_get_is_retried_with_backoff_on_network_failure_but_a_post_fails_at_once() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let path = format!("/v1/client/sessions/{}/touch", ids[0]);
    arm_network_failure("POST", &path).await;
    let started = js_sys::Date::now();
    let err = clerk.set_active(&ids[0]).await.unwrap_err();
    let post_ms = js_sys::Date::now() - started;
    assert!(err.is_network(), "{err:?}");
    assert!(
        post_ms < 200.0, // a retry would first wait out the 200 ms backoff
        "a POST is not retried with backoff ({post_ms} ms)"
    );
    assert_eq!(
        clerk.state().current_session_id.as_deref(),
        Some(ids[1].as_str())
    );

    arm_network_failure("GET", "/v1/client").await;
    let fresh = common::clerk();
    let started = js_sys::Date::now();
    let err = fresh.load(LoadOptions::default()).await.unwrap_err();
    let get_ms = js_sys::Date::now() - started;
    assert!(err.is_network(), "{err:?}");
    assert!(
        get_ms >= 800.0,
        "two backoffs of 200 and 600 ms ({get_ms} ms)"
    );
    let gets = request_lines()
        .await
        .iter()
        .filter(|l| *l == "GET /v1/client")
        .count();
    assert!(gets >= 3, "one attempt and two retries at least ({gets})");
    assert_eq!(fresh.state().status, clerk_wasm::Status::Error);
}

#[wasm_bindgen_test]
async fn an_offline_single_session_sign_out_is_journaled_and_replayed_for_that_session_only() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let (ada, grace) = (ids[0].clone(), ids[1].clone());
    let path = format!("/v1/client/sessions/{grace}/remove");
    arm_network_failure("POST", &path).await;
    let options = SignOutOptions {
        session_id: Some(grace.clone()),
        redirect_url: None,
    };
    clerk.sign_out(options).await.unwrap();
    drain_drops("POST", &path).await;
    assert_eq!(pending_journal(), journal_of(&[&grace]).await);
    assert!(clerk.state().session().is_none());
    assert_eq!(
        clerk.state().signed_in_sessions().len(),
        1,
        "ada is still signed in"
    );

    let online = web_sys::Event::new("online").unwrap();
    web_sys::window().unwrap().dispatch_event(&online).unwrap();
    assert!(
        wait_until(3000, || pending_journal().is_none()).await,
        "replay never confirmed"
    );
    assert_eq!(server_session_status(&grace).await, "removed");
    assert_eq!(server_session_status(&ada).await, "active");
}

/// `window.localStorage` throwing a `SecurityError`, as where storage is disabled, until
/// dropped.
struct StorageDisabled {
    original: JsValue,
}

impl StorageDisabled {
    fn new() -> Self {
        let window = js_sys::global();
        let original = Object::get_own_property_descriptor(&window, &"localStorage".into());
        let throw = Function::new_no_args("throw new DOMException('disabled', 'SecurityError');");
        let descriptor = Object::new();
        Reflect::set(&descriptor, &"get".into(), &throw).unwrap();
        Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
        Object::define_property(&window, &"localStorage".into(), &descriptor);
        Self { original }
    }
}

impl Drop for StorageDisabled {
    fn drop(&mut self) {
        let window = js_sys::global();
        Reflect::delete_property(&window, &"localStorage".into()).unwrap();
        Object::define_property(
            &window,
            &"localStorage".into(),
            self.original.unchecked_ref(),
        );
    }
}

#[wasm_bindgen_test]
async fn with_storage_disabled_an_offline_sign_out_still_signs_out_locally() {
    reset(false, false).await;
    let disabled = StorageDisabled::new();
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test"]).await;
    arm_network_failure("DELETE", "/v1/client/sessions").await;

    let signed_out = clerk.sign_out(SignOutOptions::default()).await;
    drain_drops("DELETE", "/v1/client/sessions").await;
    drop(disabled);

    signed_out.unwrap();
    assert!(clerk.state().session().is_none());
    assert_eq!(*pushed.borrow(), ["/"]);
    assert_eq!(cookie("__session"), None);
    assert_eq!(pending_journal(), None, "storage refused the journal");
    assert_eq!(server_session_status(&ids[0]).await, "active");
}

/// Ada signs out while the network drops the request; then the page goes away, leaving only
/// the journal. Returns her session ids.
async fn page_closed_after_an_offline_sign_out() -> Vec<String> {
    reset(false, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    arm_network_failure("DELETE", "/v1/client/sessions").await;
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    drain_drops("DELETE", "/v1/client/sessions").await;
    drop(clerk);
    ids
}

/// Makes a session reach its `expire_at` now, on the server.
async fn expire(session_id: &str) {
    let answer = http(
        "POST",
        &format!("/__dev/sessions/{session_id}/expire"),
        None,
    )
    .await;
    assert!(answer.status < 300, "expire: {}", answer.text);
}

#[wasm_bindgen_test]
async fn a_pending_sign_out_ends_only_the_sessions_it_named_never_a_newer_one() {
    let old = page_closed_after_an_offline_sign_out().await;
    // The network returns; the old session expires and Ada signs in again on this browser.
    expire(&old[0]).await;
    let new = sign_in("ada@example.test").await;
    clear_requests().await;

    // The next page load replays the pending sign-out.
    let (next, _) = loaded_clerk().await;

    assert_eq!(
        server_session_status(&new).await,
        "active",
        "{:?}",
        request_lines().await
    );
    assert_eq!(next.state().session().map(|s| s.id.clone()), Some(new));
    assert_eq!(
        pending_journal(),
        None,
        "the old session is gone: confirmed"
    );
    assert_eq!(next.state().status, clerk_wasm::Status::Ready);
}

#[wasm_bindgen_test]
async fn a_replay_counts_a_session_already_gone_as_signed_out() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    arm_network_failure("DELETE", "/v1/client/sessions").await;
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    drain_drops("DELETE", "/v1/client/sessions").await;
    drop(clerk);
    // Grace's session is removed elsewhere (as by another tab) before the replay.
    let removed = http(
        "POST",
        &format!("/v1/client/sessions/{}/remove", ids[1]),
        None,
    )
    .await;
    assert_eq!(removed.status, 200, "{}", removed.text);
    clear_requests().await;

    let (next, _) = loaded_clerk().await;

    assert_eq!(pending_journal(), None, "{:?}", request_lines().await);
    for id in &ids {
        assert_ne!(server_session_status(id).await, "active", "{id}");
    }
    assert!(next.state().session().is_none());
    assert_eq!(next.state().status, clerk_wasm::Status::Ready);
}
