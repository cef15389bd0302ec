//! Development instances: the dev browser token (PROTOCOL.md §5) against the server in
//! development-instance mode.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::{LoadOptions, SignOutOptions};
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set_page_cookie(cookie: &str) {
    let doc: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    doc.set_cookie(cookie).unwrap();
}

#[wasm_bindgen_test]
async fn without_a_token_the_sdk_gets_one_up_front_and_loads_with_no_401() {
    reset(false, true).await;
    sign_in_with_token("ada@example.test", Some(&dev_browser_token().await)).await;
    clear_requests().await;
    let clerk = clerk();
    clerk.load(LoadOptions::default()).await.unwrap();
    assert!(clerk.state().is_signed_in());

    // As ClerkJS's first load: the token, then environment and client (in parallel, so in
    // either order) carrying it. Nothing was refused, and the session's token came with the
    // client (no token request).
    let logged = requests().await;
    let lines: Vec<String> = logged.iter().map(Logged::line).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], "POST /v1/dev_browser");
    let token = cookie("__clerk_db_jwt").expect("the token is kept in a cookie");
    for path in ["/v1/environment", "/v1/client"] {
        let sent: Vec<_> = logged.iter().filter(|r| r.path == path).collect();
        assert_eq!(sent.len(), 1, "{path} sent once: {lines:?}");
        assert_eq!(sent[0].query["__clerk_db_jwt"], token.as_str(), "{sent:?}");
    }
}

#[wasm_bindgen_test]
async fn a_token_already_in_a_cookie_is_used_up_front_without_a_401() {
    reset(false, true).await;
    let token = dev_browser_token().await;
    set_page_cookie(&format!("__clerk_db_jwt={token}; path=/"));
    let id = sign_in_with_token("ada@example.test", Some(&token)).await;
    clear_requests().await;

    let pushed = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let clerk = clerk();
    clerk.load(recording_options(&pushed)).await.unwrap();
    assert_eq!(
        clerk.state().session().map(|s| s.id.clone()),
        Some(id.clone())
    );
    for request in requests().await {
        assert_eq!(
            request.query["__clerk_db_jwt"],
            token.as_str(),
            "{request:?}"
        );
    }

    // load() fetches the session token in the background (for the `__session` cookie); join
    // it, or it may land in the sign-out's request log below.
    clerk.get_token(None).await.unwrap();
    clear_requests().await;
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    assert_eq!(request_lines().await, ["DELETE /v1/client/sessions"]);
    assert_ne!(server_session_status(&id).await, "active");
    assert_eq!(cookie("__client_uat").as_deref(), Some("0"));
}

/// Exactly one `POST /v1/dev_browser` in the server's request log.
async fn assert_one_dev_browser_refresh() {
    let lines = request_lines().await;
    let refreshes = lines
        .iter()
        .filter(|l| *l == "POST /v1/dev_browser")
        .count();
    assert_eq!(refreshes, 1, "{lines:?}");
}

#[wasm_bindgen_test]
async fn a_stale_token_in_a_cookie_is_replaced_after_one_refusal() {
    reset(false, true).await;
    set_page_cookie("__clerk_db_jwt=dvb_stale_from_an_old_server; path=/");
    let clerk = clerk();
    clerk.load(LoadOptions::default()).await.unwrap();
    assert_one_dev_browser_refresh().await;
    let fresh = cookie("__clerk_db_jwt").unwrap();
    assert_ne!(fresh, "dvb_stale_from_an_old_server");
    assert!(clerk.state().loaded);
}

#[wasm_bindgen_test]
async fn a_refusal_that_arrives_after_the_token_was_replaced_retries_without_a_second_refresh() {
    reset(false, true).await;
    set_page_cookie("__clerk_db_jwt=dvb_stale_from_an_old_server; path=/");
    // load() sends /environment and /client together with the stale token; /client's refusal
    // arrives after /environment's has already been answered with a new token.
    fault(
        serde_json::json!({"method": "GET", "path": "/v1/client", "latency_ms": 300, "times": 1}),
    )
    .await;
    let clerk = clerk();
    clerk.load(LoadOptions::default()).await.unwrap();
    assert_one_dev_browser_refresh().await;
    assert!(clerk.state().loaded);
}

#[wasm_bindgen_test]
async fn a_token_in_the_page_url_is_used_and_removed_from_the_address_bar() {
    reset(false, true).await;
    let token = dev_browser_token().await;
    clear_requests().await;
    let window = web_sys::window().unwrap();
    let original = window.location().href().unwrap();
    let url = web_sys::Url::new(&original).unwrap();
    url.search_params().set("__clerk_db_jwt", &token);
    let with_token = url.href();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&with_token))
        .unwrap();

    let clerk = clerk();
    clerk.load(LoadOptions::default()).await.unwrap();

    let href = window.location().href().unwrap();
    assert!(!href.contains("__clerk_db_jwt"), "{href}");
    assert!(request_lines()
        .await
        .iter()
        .all(|l| l != "POST /v1/dev_browser"));
    for request in requests().await {
        assert_eq!(request.query["__clerk_db_jwt"], token.as_str());
    }
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&original))
        .unwrap();
}
