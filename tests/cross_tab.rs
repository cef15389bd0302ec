//! Cross-tab sign-out over `BroadcastChannel("clerk")`. Two instances in one page stand for
//! two tabs: a channel delivers to every other channel object of the same name and origin.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::SignOutOptions;
use common::*;
use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{BroadcastChannel, MessageEvent};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn signing_out_in_one_tab_signs_out_the_other_after_it_re_reads_the_client() {
    reset(false, false).await;
    let (tab_a, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let (tab_b, _) = loaded_clerk().await;
    assert!(tab_b.state().is_signed_in());
    clear_requests().await;
    let (_listener, seen_by_b) = record_states(&tab_b);

    tab_a.sign_out(SignOutOptions::default()).await.unwrap();

    assert!(
        wait_until(2000, || seen_by_b.borrow().last().map(String::as_str)
            == Some("null"))
        .await
    );
    assert_eq!(*seen_by_b.borrow(), [ids[0].clone(), "null".into()]);
    assert_eq!(
        request_lines().await,
        ["DELETE /v1/client/sessions", "GET /v1/client"]
    );
}

#[wasm_bindgen_test]
async fn a_sign_out_announced_by_a_clerkjs_tab_is_understood() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    // The other tab signed out on the server, then told everyone, as ClerkJS does.
    let answer = http("POST", "/v1/client/sessions?_method=DELETE", None).await;
    assert_eq!(answer.status, 200);
    let clerkjs_tab = BroadcastChannel::new("clerk").unwrap();
    let message = Object::new();
    Reflect::set(&message, &"type".into(), &"signout".into()).unwrap();
    clerkjs_tab.post_message(&message).unwrap();

    assert!(wait_until(2000, || clerk.state().session().is_none()).await);
    clerkjs_tab.close();
}

#[wasm_bindgen_test]
async fn a_sign_out_is_announced_to_other_tabs_as_type_signout() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    let other_tab = BroadcastChannel::new("clerk").unwrap();
    let heard: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = heard.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        sink.borrow_mut().push(e.data());
    });
    other_tab.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

    clerk.sign_out(SignOutOptions::default()).await.unwrap();

    assert!(wait_until(1000, || !heard.borrow().is_empty()).await);
    let data = heard.borrow()[0].clone();
    assert_eq!(Reflect::get(&data, &"type".into()).unwrap(), "signout");
    assert_eq!(
        Object::keys(data.unchecked_ref::<Object>()).length(),
        1,
        "exactly {{type}}"
    );
    other_tab.set_onmessage(None);
    other_tab.close();
}

#[wasm_bindgen_test]
async fn a_dropped_instance_stops_listening_to_other_tabs() {
    reset(false, false).await;
    let (clerk, _, _) = signed_in_clerk(&["ada@example.test"]).await;
    drop(clerk);
    let tab = BroadcastChannel::new("clerk").unwrap();
    let message = Object::new();
    Reflect::set(&message, &"type".into(), &"signout".into()).unwrap();
    tab.post_message(&message).unwrap();
    sleep(100).await;
    assert!(
        request_lines().await.is_empty(),
        "nobody re-read the client"
    );
    tab.close();
}

/// Where the SDK journals pending sign-outs (`localStorage`, one key per publishable key).
fn journal_key() -> String {
    format!("clerk_wasm_pending_sign_out:{}", publishable_key())
}

/// A `clerk` channel that hides the journal from the tabs: on each message it deletes the
/// journal from storage, as if the sender's write were not visible to the receiving tab yet.
/// Opened before the tabs' channels, it hears every message before them: a channel delivers
/// to the others of its name in the order they were created (HTML, `postMessage` on
/// `BroadcastChannel`), each in its own task. Counts the journals it deleted.
struct JournalHider {
    channel: BroadcastChannel,
    deleted: Rc<RefCell<u32>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl JournalHider {
    fn open() -> Self {
        let channel = BroadcastChannel::new("clerk").unwrap();
        let deleted: Rc<RefCell<u32>> = Rc::default();
        let count = deleted.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
            let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
            if storage.get_item(&journal_key()).unwrap().is_some() {
                storage.remove_item(&journal_key()).unwrap();
                *count.borrow_mut() += 1;
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Self {
            channel,
            deleted,
            _on_message: on_message,
        }
    }
}

impl Drop for JournalHider {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// How many `POST /v1/client/sessions/{id}/remove` the server logged.
async fn removals_of(session_id: &str) -> usize {
    let replay = format!("POST /v1/client/sessions/{session_id}/remove");
    request_lines()
        .await
        .iter()
        .filter(|l| **l == replay)
        .count()
}

#[wasm_bindgen_test]
async fn a_tab_that_cannot_see_the_journal_yet_replays_the_lost_sign_out_it_heard_once() {
    reset(false, false).await;
    let hider = JournalHider::open();
    let (tab_a, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let (tab_b, _) = loaded_clerk().await;
    assert!(tab_b.state().is_signed_in());
    arm_network_failure("DELETE", "/v1/client/sessions").await;

    // A's request is lost: A signs out locally, journals it and tells the other tabs.
    tab_a.sign_out(SignOutOptions::default()).await.unwrap();

    assert!(
        wait_until(3000, || tab_b.state().session().is_none()).await,
        "tab B stayed signed in"
    );
    drain_drops("DELETE", "/v1/client/sessions").await;
    assert_eq!(*hider.deleted.borrow(), 1, "B's storage had no journal");
    assert_ne!(server_session_status(&ids[0]).await, "active");
    assert_eq!(removals_of(&ids[0]).await, 1, "B replayed it, once");
    assert!(
        wait_until(1000, || web_sys::window()
            .unwrap()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item(&journal_key())
            .unwrap()
            .is_none())
        .await,
        "the confirmed sign-out left the journal"
    );
}

#[wasm_bindgen_test]
async fn two_tabs_hearing_the_same_lost_sign_out_replay_it_once_in_total() {
    reset(false, false).await;
    let (tab_a, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let (tab_b, _) = loaded_clerk().await;
    let (tab_c, _) = loaded_clerk().await;
    assert!(tab_b.state().is_signed_in() && tab_c.state().is_signed_in());
    arm_network_failure("DELETE", "/v1/client/sessions").await;

    tab_a.sign_out(SignOutOptions::default()).await.unwrap();

    let signed_out = |tab: &clerk_wasm::Clerk| tab.state().session().is_none();
    assert!(
        wait_until(3000, || signed_out(&tab_b) && signed_out(&tab_c)).await,
        "a tab stayed signed in"
    );
    drain_drops("DELETE", "/v1/client/sessions").await;
    // Both tabs' re-reads are done once both are signed out; a second replay would be
    // logged before them.
    assert_ne!(server_session_status(&ids[0]).await, "active");
    assert_eq!(removals_of(&ids[0]).await, 1, "one replay for both tabs");
}

#[wasm_bindgen_test]
async fn two_tabs_coming_back_online_replay_a_lost_sign_out_once_in_total() {
    reset(false, false).await;
    let (tab_a, _, ids) = signed_in_clerk(&["ada@example.test"]).await;
    let (tab_b, _) = loaded_clerk().await;
    let remove = format!("/v1/client/sessions/{}/remove", ids[0]);
    arm_network_failure("DELETE", "/v1/client/sessions").await;
    arm_network_failure("POST", &remove).await;

    // Lost, and so is B's replay of what it heard: both tabs keep the sign-out pending.
    tab_a.sign_out(SignOutOptions::default()).await.unwrap();
    assert!(
        wait_until(3000, || tab_b.state().session().is_none()).await,
        "B shows the pending sign-out as signed out"
    );
    drain_drops("DELETE", "/v1/client/sessions").await;
    drain_drops("POST", &remove).await;
    assert_eq!(server_session_status(&ids[0]).await, "active");
    clear_requests().await;

    let online = web_sys::Event::new("online").unwrap();
    web_sys::window().unwrap().dispatch_event(&online).unwrap();

    // Each tab re-reads its client once its replay (or its finding it done) is over.
    let both_re_read = || async {
        let lines = request_lines().await;
        lines.iter().filter(|l| *l == "GET /v1/client").count() >= 2
    };
    let mut waited = 0;
    while !both_re_read().await {
        assert!(waited < 3000, "{:?}", request_lines().await);
        sleep(20).await;
        waited += 20;
    }
    assert_ne!(server_session_status(&ids[0]).await, "active");
    assert_eq!(removals_of(&ids[0]).await, 1, "one replay for both tabs");
}
