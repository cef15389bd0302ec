//! Every branch of `signOut` (PROTOCOL.md §7), asserted on the requests the development
//! server logged and on its resulting state.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::{AfterSignOut, LoadOptions, SignOutOptions};
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn with_session(id: &str) -> SignOutOptions {
    SignOutOptions {
        session_id: Some(id.to_owned()),
        redirect_url: None,
    }
}

#[wasm_bindgen_test]
async fn sign_out_without_a_client_resolves_at_once_without_a_request_or_redirect() {
    reset(false, false).await;
    let (clerk, pushed) = loaded_clerk().await;
    clear_requests().await;
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    assert!(request_lines().await.is_empty());
    assert!(pushed.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn sign_out_with_one_session_ends_every_session_of_this_browser_but_not_other_browsers() {
    reset(false, false).await;
    let elsewhere = other_browser(&["ada@example.test"]).await;
    let elsewhere_session = elsewhere["session_ids"][0].as_str().unwrap().to_owned();
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let (_listener, seen) = record_states(&clerk);
    assert!(
        cookie_names().iter().any(|n| n.starts_with("__session_")),
        "the suffixed twin"
    );

    clerk.sign_out(SignOutOptions::default()).await.unwrap();

    let logged = requests().await;
    assert_eq!(
        logged.iter().map(Logged::line).collect::<Vec<_>>(),
        ["DELETE /v1/client/sessions"]
    );
    assert_eq!(
        logged[0].method, "POST",
        "DELETE travels as POST ?_method=DELETE"
    );
    assert_eq!(logged[0].query["_method"], "DELETE");
    assert_ne!(server_session_status(&ids[0]).await, "active");
    assert_eq!(server_session_status(&elsewhere_session).await, "active");
    assert_eq!(
        *seen.borrow(),
        [ids[0].clone(), "undefined".into(), "null".into()]
    );
    assert!(clerk.state().session().is_none() && !clerk.state().is_undetermined());
    assert_eq!(cookie("__session"), None);
    assert!(
        !cookie_names().iter().any(|n| n.starts_with("__session")),
        "{:?}",
        cookie_names()
    );
    assert_eq!(cookie("__client_uat").as_deref(), Some("0"));
    assert_eq!(*pushed.borrow(), ["/"]);
}

#[wasm_bindgen_test]
async fn the_redirect_url_wins_over_after_sign_out_url_and_bad_protocols_become_root() {
    for (redirect, after, expected) in [
        (Some("/bye"), Some("/after"), "/bye"),
        (None, Some("/after"), "/after"),
        (Some("javascript:alert(1)"), None, "/"),
    ] {
        reset(false, false).await;
        sign_in("ada@example.test").await;
        let pushed = Rc::new(RefCell::new(Vec::new()));
        let clerk = clerk();
        let options = LoadOptions {
            after_sign_out_url: after.map(Into::into),
            ..recording_options(&pushed)
        };
        clerk.load(options).await.unwrap();
        let sign_out = SignOutOptions {
            session_id: None,
            redirect_url: redirect.map(Into::into),
        };
        clerk.sign_out(sign_out).await.unwrap();
        assert_eq!(*pushed.borrow(), [expected], "{redirect:?} {after:?}");
    }
}

/// `javascript:`, `data:` and `vbscript:` targets in any case and with the characters browsers
/// strip (leading controls and spaces, tabs and newlines anywhere) go to `/` even when the app
/// lists those protocols in `allowed_redirect_protocols`: the sign-out redirect, and `navigate`
/// (which the user button's links and targets go through).
#[wasm_bindgen_test]
async fn dangerous_protocols_become_root_even_when_allowed_redirect_protocols_lists_them() {
    let dangerous = [
        "javascript:window.__clerkPwned=1",
        "JavaScript:window.__clerkPwned=2",
        " \u{1}javascript:window.__clerkPwned=3",
        "java\tscr\nipt:window.__clerkPwned=4",
        "data:text/html,<script>parent.__clerkPwned=5</script>",
        "DATA:text/html,x",
        "vbscript:msgbox(1)",
        "\u{0}\u{1f}VbScript:msgbox(1)",
    ];
    for url in dangerous {
        reset(false, false).await;
        sign_in("ada@example.test").await;
        let pushed = Rc::new(RefCell::new(Vec::new()));
        let clerk = clerk();
        let options = LoadOptions {
            allowed_redirect_protocols: ["javascript:", "Data", "vbscript:"]
                .map(String::from)
                .to_vec(),
            ..recording_options(&pushed)
        };
        clerk.load(options).await.unwrap();
        clerk.navigate(url);
        assert_eq!(*pushed.borrow(), ["/"], "navigate({url:?})");
        let sign_out = SignOutOptions {
            session_id: None,
            redirect_url: Some(url.to_owned()),
        };
        clerk.sign_out(sign_out).await.unwrap();
        assert_eq!(*pushed.borrow(), ["/", "/"], "sign-out to {url:?}");
    }
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__clerkPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a script ran: {pwned:?}");
}

#[wasm_bindgen_test]
async fn a_callback_replaces_the_redirect_and_runs_after_the_cookies_are_cleared() {
    reset(false, false).await;
    let (clerk, pushed, _) = signed_in_clerk(&["ada@example.test"]).await;
    let observed = Rc::new(RefCell::new(None));
    let sink = observed.clone();
    let c = clerk.clone();
    let after = AfterSignOut::call(move || {
        *sink.borrow_mut() = Some((c.state().is_undetermined(), cookie("__session")));
    });
    clerk
        .sign_out_then(SignOutOptions::default(), after)
        .await
        .unwrap();
    assert_eq!(*observed.borrow(), Some((true, None)));
    assert!(pushed.borrow().is_empty());
    assert!(!clerk.state().is_undetermined());
}

#[wasm_bindgen_test]
async fn an_async_callback_is_awaited_before_sign_out_resolves() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let done = Rc::new(RefCell::new(false));
    let flag = done.clone();
    let after = AfterSignOut::call_async(move || async move {
        sleep(50).await;
        *flag.borrow_mut() = true;
    });
    clerk
        .sign_out_then(SignOutOptions::default(), after)
        .await
        .unwrap();
    assert!(*done.borrow());
}

#[wasm_bindgen_test]
async fn in_multi_session_mode_signing_out_another_session_removes_only_it_without_redirect() {
    reset(true, false).await;
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let (ada, grace) = (ids[0].clone(), ids[1].clone());
    assert_eq!(
        clerk.state().current_session_id.as_deref(),
        Some(grace.as_str())
    );
    let (_listener, seen) = record_states(&clerk);

    clerk.sign_out(with_session(&ada)).await.unwrap();

    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{ada}/remove")]
    );
    assert_eq!(server_session_status(&ada).await, "removed");
    assert_eq!(server_session_status(&grace).await, "active");
    assert!(
        seen.borrow().iter().all(|s| *s == grace),
        "{:?}",
        seen.borrow()
    );
    let state = clerk.state();
    assert_eq!(state.session().map(|s| s.id.clone()), Some(grace));
    assert_eq!(state.signed_in_sessions().len(), 1);
    assert!(pushed.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn in_multi_session_mode_signing_out_the_current_session_keeps_the_others() {
    reset(true, false).await;
    let (clerk, pushed, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    let (ada, grace) = (ids[0].clone(), ids[1].clone());
    let (_listener, seen) = record_states(&clerk);

    clerk.sign_out(with_session(&grace)).await.unwrap();

    assert_eq!(
        request_lines().await,
        [format!("POST /v1/client/sessions/{grace}/remove")]
    );
    assert_eq!(server_session_status(&grace).await, "removed");
    assert_eq!(server_session_status(&ada).await, "active");
    assert_eq!(*seen.borrow(), [grace, "undefined".into(), "null".into()]);
    let state = clerk.state();
    assert_eq!(
        state
            .signed_in_sessions()
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>(),
        [ada]
    );
    assert_eq!(*pushed.borrow(), ["/"]);
}

#[wasm_bindgen_test]
async fn in_multi_session_mode_sign_out_without_a_session_id_ends_them_all() {
    reset(true, false).await;
    let (clerk, _, ids) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    assert_eq!(request_lines().await, ["DELETE /v1/client/sessions"]);
    for id in &ids {
        assert_ne!(server_session_status(id).await, "active", "{id}");
    }
    assert!(clerk.state().signed_in_sessions().is_empty());
}

#[wasm_bindgen_test]
async fn a_session_id_of_another_browser_is_ignored_without_a_request() {
    reset(true, false).await;
    let elsewhere = other_browser(&["linus"]).await;
    let foreign = elsewhere["session_ids"][0].as_str().unwrap().to_owned();
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test", "grace@example.test"]).await;
    clerk.sign_out(with_session(&foreign)).await.unwrap();
    assert!(request_lines().await.is_empty());
    assert_eq!(server_session_status(&foreign).await, "active");
    assert_eq!(clerk.state().signed_in_sessions().len(), 2);
}

#[wasm_bindgen_test]
async fn two_concurrent_sign_outs_send_one_request_and_both_resolve() {
    reset(false, false).await;
    let (clerk, pushed, _) = signed_in_clerk(&["ada@example.test"]).await;
    fault(
        serde_json::json!({"method": "DELETE", "path": "/v1/client/sessions", "latency_ms": 100}),
    )
    .await;
    let first = clerk.sign_out(SignOutOptions::default());
    let second = clerk.sign_out(SignOutOptions::default());
    let (a, b) = join(first, second).await;
    a.unwrap();
    b.unwrap();
    assert_eq!(request_lines().await, ["DELETE /v1/client/sessions"]);
    assert_eq!(*pushed.borrow(), ["/", "/"]);
}

#[wasm_bindgen_test]
async fn while_the_request_is_in_flight_session_and_user_are_undefined() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    fault(
        serde_json::json!({"method": "DELETE", "path": "/v1/client/sessions", "latency_ms": 400}),
    )
    .await;
    let c = clerk.clone();
    let during = Rc::new(RefCell::new(None));
    let sink = during.clone();
    wasm_bindgen_futures::spawn_local(async move {
        sleep(80).await;
        *sink.borrow_mut() = Some((c.state().is_undetermined(), c.is_signing_out()));
    });
    clerk.sign_out(SignOutOptions::default()).await.unwrap();
    assert_eq!(*during.borrow(), Some((true, true)));
    assert!(!clerk.is_signing_out());
}
