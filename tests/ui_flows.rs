//! The user button against the development server: real sign-in, real sign-out requests,
//! injected failures, multi-session switching. Needs `CLERK_DEV_SERVER_URL` at build time
//! and a server started with `--faults`.

// A test crate: a failed unwrap is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod ui_common;

use clerk_wasm::ui::{mount_user_button, UserButtonProps};
use serde_json::json;
use ui_common::*;

use common::fault;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn signing_out_from_the_panel_ends_the_session_on_the_server_and_removes_the_button() {
    let (clerk, navigations) = signed_in(false, &["ada@example.test"]).await;
    let el = host();
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    // Ada's avatar is served by the development server over loopback http.
    let img = q(&el, "img.cl-userButtonAvatarImage").expect("Ada's avatar image");
    assert!(img.get_attribute("src").unwrap().contains("/__avatars/"));
    click(&el, ".cl-userButtonTrigger");
    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    until("the button to disappear", || el.inner_html().is_empty()).await;
    assert_eq!(active_sessions().await, Vec::<String>::new());
    assert_eq!(requests("DELETE", "/v1/client/sessions").await, 1);
    until("the redirect", || !navigations.borrow().is_empty()).await;
    assert_eq!(*navigations.borrow(), ["/signed-out"]);
}

#[wasm_bindgen_test]
async fn a_double_click_on_sign_out_sends_one_request_and_marks_the_action_busy() {
    let (clerk, _navigations) = signed_in(false, &["grace@example.test"]).await;
    fault(json!({"method": "DELETE", "path": "/v1/client/sessions", "latency_ms": 300})).await;
    let el = host();
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    click(&el, ".cl-userButtonTrigger");
    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    let busy =
        q(&el, ".cl-userButtonPopoverActionButton__signOut").expect("still shown while in flight");
    assert_eq!(busy.get_attribute("aria-busy").as_deref(), Some("true"));
    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    until("the button to disappear", || el.inner_html().is_empty()).await;
    assert_eq!(requests("DELETE", "/v1/client/sessions").await, 1);
}

#[wasm_bindgen_test]
async fn a_500_on_sign_out_shows_the_error_in_the_panel_and_keeps_the_user_signed_in() {
    let (clerk, navigations) = signed_in(false, &["linus"]).await;
    fault(json!({"method": "DELETE", "path": "/v1/client/sessions", "status": 500, "times": 1}))
        .await;
    let el = host();
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    click(&el, ".cl-userButtonTrigger");
    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    until("the error to show", || {
        q(&el, ".cl-userButtonPopoverError").is_some()
    })
    .await;
    let error = q(&el, ".cl-userButtonPopoverError").unwrap();
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(!error.text_content().unwrap().trim().is_empty());
    let sign_out = q(&el, ".cl-userButtonPopoverActionButton__signOut").unwrap();
    assert_eq!(sign_out.get_attribute("aria-busy"), None, "no longer busy");
    assert_eq!(
        active_sessions().await.len(),
        1,
        "the server still holds the session"
    );
    assert!(navigations.borrow().is_empty());
    // The fault was one-shot: trying again works.
    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    until("the button to disappear", || el.inner_html().is_empty()).await;
    assert_eq!(active_sessions().await, Vec::<String>::new());
}

#[wasm_bindgen_test]
async fn multi_session_switches_accounts_and_signs_out_only_the_current_one() {
    let (clerk, navigations) = signed_in(true, &["ada@example.test", "grace@example.test"]).await;
    let el = host();
    let props = UserButtonProps {
        after_switch_session_url: Some("/switched".into()),
        ..UserButtonProps::default()
    };
    let _button = mount_user_button(&clerk, &el, props);
    click(&el, ".cl-userButtonTrigger");
    let main = |el: &web_sys::Element| {
        q(el, ".cl-userPreviewMainIdentifier")
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(
        main(&el),
        "Grace Hopper",
        "the last signed-in session is current"
    );
    click(&el, ".cl-userButtonPopoverActionButton__session");
    until("the switch to finish", || q(&el, "[role=dialog]").is_none()).await;
    let focused = doc().active_element().unwrap();
    assert!(
        focused.class_list().contains("cl-userButtonTrigger"),
        "focus returns to the trigger"
    );
    assert_eq!(requests("POST", "/touch").await, 1);
    assert_eq!(*navigations.borrow(), ["/switched"]);
    click(&el, ".cl-userButtonTrigger");
    assert_eq!(main(&el), "Ada Lovelace", "Ada is current");

    click(&el, ".cl-userButtonPopoverActionButton__signOut");
    until("only Ada's session to end", || el.inner_html().is_empty()).await;
    assert_eq!(requests("POST", "/remove").await, 1);
    assert_eq!(active_sessions().await.len(), 1, "Grace stays signed in");
    assert_eq!(
        navigations.borrow().last().map(String::as_str),
        Some("/signed-out-one")
    );
}

#[wasm_bindgen_test]
async fn sign_out_of_all_accounts_ends_every_session_of_this_browser() {
    let (clerk, _navigations) =
        signed_in(true, &["ada@example.test", "grace@example.test", "linus"]).await;
    let el = host();
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    click(&el, ".cl-userButtonTrigger");
    let others = el
        .query_selector_all(".cl-userButtonPopoverActionButton__session")
        .unwrap();
    assert_eq!(others.length(), 2);
    click(&el, ".cl-userButtonPopoverActionButton__addAccount");
    assert!(
        q(&el, "[role=dialog]").is_none(),
        "navigating away closes the panel"
    );
    click(&el, ".cl-userButtonTrigger");
    click(&el, ".cl-userButtonPopoverActionButton__signOutAll");
    until("the button to disappear", || el.inner_html().is_empty()).await;
    assert_eq!(active_sessions().await, Vec::<String>::new());
    assert_eq!(requests("DELETE", "/v1/client/sessions").await, 1);
}

/// Issue 16's "sign-in did not stick": on 0a77436 every earlier test's `Clerk` outlived its
/// test (the JS button's wasm `Clerk` object held it until garbage collection) and re-read
/// the client whenever a later test signed out; under load that `GET /v1/client` was
/// answered after the next test's reset and sign-in, and the server's answer to its stale
/// `__client` cookie (clear it) erased the new one. A dropped instance whose button was used
/// must hear no sign-out of another tab.
#[wasm_bindgen_test]
async fn a_dropped_clerk_whose_button_was_used_re_reads_nothing_on_a_later_sign_out() {
    let (clerk, _navigations) = signed_in(false, &["ada@example.test"]).await;
    let el = host();
    let button = mount_user_button(&clerk, &el, UserButtonProps::default());
    click(&el, ".cl-userButtonTrigger");
    drop(button);
    drop(clerk);
    let other_tab = web_sys::BroadcastChannel::new("clerk").unwrap();
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"signout".into()).unwrap();
    other_tab.post_message(&message).unwrap();
    common::sleep(200).await;
    other_tab.close();
    assert_eq!(
        common::request_lines().await,
        Vec::<String>::new(),
        "nobody re-read the client"
    );
}
