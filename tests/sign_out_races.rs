//! `signOut` racing other operations: a `load()` in flight, and concurrent sign-outs whose
//! targets overlap (issue 16). Each asserts the requests the development server logged and
//! the sessions it holds afterwards.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use clerk_wasm::{AfterSignOut, LoadOptions, SignOutOptions};
use common::*;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// How many logged requests are `line`.
async fn count(line: &str) -> usize {
    request_lines().await.iter().filter(|l| *l == line).count()
}

#[wasm_bindgen_test]
async fn sign_out_called_during_load_waits_for_it_then_signs_out_with_one_request() {
    reset(false, false).await;
    let id = sign_in("ada@example.test").await;
    clear_requests().await;
    fault(json!({"method": "GET", "path": "/v1/client", "latency_ms": 300, "times": 1})).await;
    let clerk = clerk();
    let called = Rc::new(Cell::new(false));
    let flag = called.clone();

    // As `Clerk.load(); await Clerk.signOut(() => {})` with autoload off.
    let load = clerk.load(LoadOptions::default());
    let sign_out = clerk.sign_out_then(
        SignOutOptions::default(),
        AfterSignOut::call(move || flag.set(true)),
    );
    let (loaded, signed_out) = join(load, sign_out).await;

    loaded.unwrap();
    signed_out.unwrap();
    let lines = request_lines().await;
    let read = lines.iter().position(|l| l == "GET /v1/client");
    let delete = lines.iter().position(|l| l == "DELETE /v1/client/sessions");
    assert!(
        matches!((read, delete), (Some(a), Some(b)) if a < b),
        "the sign-out follows the load: {lines:?}"
    );
    assert_eq!(count("DELETE /v1/client/sessions").await, 1, "{lines:?}");
    assert_ne!(server_session_status(&id).await, "active");
    assert!(called.get(), "the callback ran");
    let state = clerk.state();
    assert!(state.loaded && !state.is_undetermined() && state.session().is_none());
}

#[wasm_bindgen_test]
async fn sign_out_called_during_a_load_that_fails_rejects_with_its_error_and_sends_nothing() {
    reset(false, false).await;
    let id = sign_in("ada@example.test").await;
    clear_requests().await;
    fault(json!({"method": "GET", "path": "/v1/client", "status": 500, "latency_ms": 100, "times": 1}))
        .await;
    let clerk = clerk();

    let load = clerk.load(LoadOptions::default());
    let sign_out = clerk.sign_out(SignOutOptions::default());
    let (loaded, signed_out) = join(load, sign_out).await;

    let load_err = loaded.unwrap_err();
    let err = signed_out.unwrap_err();
    assert_eq!(err, load_err);
    assert_eq!(err.api().map(|a| a.status), Some(500), "{err:?}");
    assert_eq!(count("DELETE /v1/client/sessions").await, 0);
    assert_eq!(server_session_status(&id).await, "active");
}

#[wasm_bindgen_test]
async fn overlapping_concurrent_sign_outs_all_resolve_once_their_sessions_are_gone() {
    reset(true, false).await;
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let current = clerk.state().current_session_id.clone().unwrap();
    let other = ids.iter().find(|id| **id != current).unwrap().clone();
    // The removal reaches the server after every session of this browser was ended: the
    // server no longer lists the session (404 `resource_not_found`).
    let remove = format!("/v1/client/sessions/{other}/remove");
    fault(json!({"method": "POST", "path": remove, "latency_ms": 300, "times": 1})).await;
    let callbacks = Rc::new(Cell::new(0));
    let (a, b) = (callbacks.clone(), callbacks.clone());

    // As `Promise.allSettled([signOut(cb), signOut(cb, {sessionId: other})])`.
    let all = clerk.sign_out_then(
        SignOutOptions::default(),
        AfterSignOut::call(move || a.set(a.get() + 1)),
    );
    let one = clerk.sign_out_then(
        SignOutOptions {
            session_id: Some(other.clone()),
            redirect_url: None,
        },
        AfterSignOut::call(move || b.set(b.get() + 1)),
    );
    let (all, one) = join(all, one).await;

    all.unwrap();
    one.unwrap();
    // Sent together, so they may arrive in either order.
    let mut lines = request_lines().await;
    lines.sort();
    assert_eq!(
        lines,
        [
            "DELETE /v1/client/sessions",
            format!("POST {remove}").as_str()
        ],
        "one request each"
    );
    for id in &ids {
        assert_ne!(server_session_status(id).await, "active", "{id}");
    }
    assert_eq!(
        callbacks.get(),
        1,
        "only the sign-out of the current session calls back"
    );
    assert!(
        pushed.borrow().is_empty(),
        "a callback replaces the redirect"
    );
    let state = clerk.state();
    assert!(!state.is_undetermined() && state.session().is_none());
    assert!(state.signed_in_sessions().is_empty());
}
