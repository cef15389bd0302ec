//! `load()`, the state it produces and listeners, against the development server.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::{LoadOptions, SessionStatus, Status};
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn loading_a_signed_out_browser_reads_environment_and_client_once_and_is_ready() {
    reset(false, false).await;
    let clerk = clerk();
    assert_eq!(clerk.state().status, Status::Loading);
    assert!(!clerk.state().loaded);
    clerk.load(LoadOptions::default()).await.unwrap();

    let state = clerk.state();
    assert_eq!((state.status, state.loaded), (Status::Ready, true));
    assert!(state.session().is_none() && state.user().is_none());
    assert!(!state.is_undetermined() && !state.is_signed_in());
    // A development instance (pk_test_): the dev browser token first, then the environment
    // "touched" (POST ?_method=PATCH) and the client, as ClerkJS loads.
    let logged = requests().await;
    assert_eq!(logged[0].line(), "POST /v1/dev_browser");
    let mut lines: Vec<String> = logged[1..].iter().map(Logged::line).collect();
    lines.sort();
    assert_eq!(lines, ["GET /v1/client", "PATCH /v1/environment"]);
    for request in &logged {
        let wire = if request.path == "/v1/client" {
            "GET"
        } else {
            "POST"
        };
        assert_eq!(request.method, wire);
        assert_eq!(request.query["__clerk_api_version"], "2026-05-12");
        assert_eq!(request.query["_clerk_js_version"], clerk_wasm::VERSION);
    }
}

#[wasm_bindgen_test]
async fn loading_a_signed_in_browser_exposes_the_user_and_writes_the_session_cookies() {
    reset(false, false).await;
    let session_id = sign_in("ada@example.test").await;
    let (clerk, _) = loaded_clerk().await;

    let state = clerk.state();
    assert!(state.is_signed_in());
    let session = state.session().unwrap();
    assert_eq!(session.id, session_id);
    assert_eq!(session.status, SessionStatus::Active);
    let user = state.user().unwrap();
    assert_eq!(user.full_name().as_deref(), Some("Ada Lovelace"));
    assert_eq!(user.display_identifier(), "ada@example.test");
    assert!(
        user.image_url.contains("/__avatars/ada"),
        "{}",
        user.image_url
    );
    let public = session.public_user_data.as_ref().unwrap();
    assert_eq!(public.identifier, "ada@example.test");
    assert!(state.single_session_mode());
    assert!(state.environment.display_config.sign_in_url.is_some());

    assert!(
        wait_until(2000, || cookie("__session").is_some()).await,
        "__session cookie"
    );
    let jwt = cookie("__session").unwrap();
    assert_eq!(jwt.split('.').count(), 3, "{jwt}");
    let uat: u64 = cookie("__client_uat").unwrap().parse().unwrap();
    assert!(uat > 1_600_000_000, "__client_uat {uat}");
    assert_eq!(
        cookie("clerk_active_context"),
        Some(format!("{session_id}:")),
        "ClerkJS's <session id>:<organization id>"
    );
    assert!(
        request_lines()
            .await
            .iter()
            .all(|l| !l.ends_with("/tokens")),
        "no token request: the session's last_active_token is the token"
    );
}

#[wasm_bindgen_test]
async fn load_is_idempotent_and_concurrent_loads_share_one_request_each() {
    reset(false, false).await;
    let clerk = clerk();
    let (a, b) = join(
        clerk.load(LoadOptions::default()),
        clerk.load(LoadOptions::default()),
    )
    .await;
    a.unwrap();
    b.unwrap();
    clerk.load(LoadOptions::default()).await.unwrap();
    let mut lines = request_lines().await;
    lines.sort();
    assert_eq!(
        lines,
        [
            "GET /v1/client",
            "PATCH /v1/environment",
            "POST /v1/dev_browser"
        ]
    );
}

#[wasm_bindgen_test]
async fn a_listener_is_called_once_loaded_and_not_after_its_handle_is_dropped() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = clerk();
    let (listener, seen) = record_states(&clerk);
    assert_eq!(clerk.listener_count(), 1);
    assert!(seen.borrow().is_empty(), "not called before load");
    clerk.load(LoadOptions::default()).await.unwrap();
    assert_eq!(seen.borrow().len(), 1);
    assert!(seen.borrow()[0].starts_with("sess_"), "{:?}", seen.borrow());

    // Added after load: called at once.
    let late = Rc::new(RefCell::new(0));
    let l = late.clone();
    let second = clerk.add_listener(move |_| *l.borrow_mut() += 1);
    assert_eq!(*late.borrow(), 1);

    drop(listener);
    drop(second);
    assert_eq!(clerk.listener_count(), 0);
    clerk.clear_active();
    assert_eq!(seen.borrow().len(), 1);
    assert_eq!(*late.borrow(), 1);
}

#[wasm_bindgen_test]
async fn the_environment_reflects_multi_session_mode() {
    reset(true, false).await;
    let (clerk, _) = loaded_clerk().await;
    assert!(!clerk.state().single_session_mode());
}

#[wasm_bindgen_test]
async fn a_pending_session_is_current_but_not_signed_in() {
    // The server has no pending sessions; the rule is checked on the state itself.
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let (clerk, _) = loaded_clerk().await;
    let mut state = (*clerk.state()).clone();
    let mut client = (**state.client.as_ref().unwrap()).clone();
    client.sessions[0].status = SessionStatus::Pending;
    state.client = Some(Rc::new(client));
    assert!(state.session().is_some());
    assert!(!state.is_signed_in());
}

#[wasm_bindgen_test]
async fn an_environment_failure_degrades_the_load_but_the_client_is_still_read() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    fault(serde_json::json!({"method": "PATCH", "path": "/v1/environment", "status": 500})).await;
    let clerk = clerk();
    clerk.load(LoadOptions::default()).await.unwrap();
    let state = clerk.state();
    assert_eq!((state.status, state.loaded), (Status::Degraded, true));
    assert!(state.is_signed_in());
    assert!(
        state.single_session_mode(),
        "defaults stand in for the environment"
    );
}

#[wasm_bindgen_test]
async fn a_client_failure_rejects_load_with_the_api_error_and_status_error() {
    reset(false, false).await;
    fault(serde_json::json!({"method": "GET", "path": "/v1/client", "status": 500})).await;
    let clerk = clerk();
    let err = clerk.load(LoadOptions::default()).await.unwrap_err();
    assert_eq!(err.api().map(|a| a.status), Some(500));
    assert_eq!(
        (clerk.state().status, clerk.state().loaded),
        (Status::Error, false)
    );
    let gets = request_lines()
        .await
        .iter()
        .filter(|l| *l == "GET /v1/client")
        .count();
    assert_eq!(gets, 1, "HTTP errors are not retried");
}
