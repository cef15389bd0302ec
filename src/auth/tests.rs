//! Browser tests of the auth plumbing where it meets the browser, in headless Chromium: the
//! cross-tab channel and the `online` listener (each removed on drop), and cookies and the
//! journal where the browser refuses access. Sign-out flows through them against the
//! development server are in `tests/cross_tab.rs` and `tests/sign_out_failures.rs`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::BroadcastChannel;

use super::cookies::Cookies;
use super::cross_tab::CrossTab;
use super::online::OnlineListener;
use super::pending::{Journal, PendingSignOut};
use crate::browser::{sleep, EventListener};

wasm_bindgen_test_configure!(run_in_browser);

/// A pending sign-out of one session of `client_1`.
fn pending(session_id: &str) -> PendingSignOut {
    PendingSignOut {
        client_id: "client_1".into(),
        session_ids: vec![session_id.into()],
    }
}

/// A counter and a callback that increments it.
fn counter() -> (Rc<Cell<u32>>, impl FnMut() + 'static) {
    let count = Rc::new(Cell::new(0));
    let inc = count.clone();
    (count, move || inc.set(inc.get() + 1))
}

/// Counts the page's uncaught errors, as a listener on a dropped closure would throw one.
fn uncaught_errors() -> (Rc<Cell<u32>>, EventListener) {
    let (count, mut inc) = counter();
    let window = web_sys::window().unwrap();
    (count, EventListener::new(&window, "error", move |_| inc()))
}

fn message(kind: &JsValue) -> JsValue {
    let message = Object::new();
    Reflect::set(&message, &"type".into(), kind).unwrap();
    message.into()
}

/// Another tab's channel that counts every message it hears. Created after the channel
/// under test, it hears each message after it (delivery follows creation order), so once
/// it has heard `n` messages, the one under test has had its chance at all `n`.
struct Witness {
    heard: Rc<Cell<u32>>,
    _listener: EventListener,
    channel: BroadcastChannel,
}

impl Witness {
    fn new() -> Self {
        let (heard, mut inc) = counter();
        let channel = BroadcastChannel::new("clerk").unwrap();
        let listener = EventListener::new(&channel, "message", move |_| inc());
        Self {
            heard,
            _listener: listener,
            channel,
        }
    }

    async fn until_heard(&self, n: u32) {
        for _ in 0..200 {
            if self.heard.get() >= n {
                return;
            }
            sleep(5).await;
        }
        panic!("the witness heard {} of {n} messages", self.heard.get());
    }
}

impl Drop for Witness {
    fn drop(&mut self) {
        self.channel.close();
    }
}

#[wasm_bindgen_test]
async fn only_a_signout_message_from_another_tab_calls_back() {
    let (calls, on_sign_out) = counter();
    let mut on_sign_out = on_sign_out;
    let cross_tab = CrossTab::listen(move |_| on_sign_out()).unwrap();
    let witness = Witness::new();
    let other_tab = BroadcastChannel::new("clerk").unwrap();
    let with_extra = message(&"signout".into());
    Reflect::set(&with_extra, &"reason".into(), &"user".into()).unwrap();
    for data in [
        message(&"signout".into()),
        "signout".into(),
        JsValue::NULL,
        message(&"session_changed".into()),
        message(&JsValue::from(1)),
        Object::new().into(),
        with_extra,
    ] {
        other_tab.post_message(&data).unwrap();
    }
    witness.until_heard(7).await;
    assert_eq!(
        calls.get(),
        2,
        "{{type: 'signout'}}, with or without more fields"
    );
    other_tab.close();
    drop(cross_tab);
}

#[wasm_bindgen_test]
async fn a_dropped_cross_tab_channel_hears_nothing_more() {
    let (errors, _errors) = uncaught_errors();
    let (calls, on_sign_out) = counter();
    let mut on_sign_out = on_sign_out;
    let cross_tab = CrossTab::listen(move |_| on_sign_out()).unwrap();
    let witness = Witness::new();
    let other_tab = BroadcastChannel::new("clerk").unwrap();
    other_tab.post_message(&message(&"signout".into())).unwrap();
    witness.until_heard(1).await;
    assert_eq!(calls.get(), 1, "heard while alive");

    drop(cross_tab);
    other_tab.post_message(&message(&"signout".into())).unwrap();
    witness.until_heard(2).await;
    assert_eq!(calls.get(), 1, "nothing after the drop");
    assert_eq!(errors.get(), 0, "no call into a dropped closure");
    other_tab.close();
}

#[wasm_bindgen_test]
async fn a_sign_out_is_announced_to_the_other_tabs() {
    let cross_tab = CrossTab::listen(|_| {}).unwrap();
    let witness = Witness::new();
    cross_tab.announce_sign_out(None);
    witness.until_heard(1).await;
}

#[wasm_bindgen_test]
async fn a_sign_out_message_hands_on_its_pending_sign_out_when_well_formed() {
    let heard: Rc<std::cell::RefCell<Vec<Option<PendingSignOut>>>> = Rc::default();
    let sink = heard.clone();
    let listening = CrossTab::listen(move |p| sink.borrow_mut().push(p)).unwrap();
    let witness = Witness::new();
    let announcing = CrossTab::listen(|_| {}).unwrap();
    announcing.announce_sign_out(Some(pending("sess_1")));
    let hostile = message(&"signout".into());
    let entry = serde_wasm_bindgen::to_value(&pending("sess_1/../../client")).unwrap();
    Reflect::set(&hostile, &"pending".into(), &entry).unwrap();
    let other_tab = BroadcastChannel::new("clerk").unwrap();
    other_tab.post_message(&hostile).unwrap();
    witness.until_heard(2).await;
    assert_eq!(*heard.borrow(), [Some(pending("sess_1")), None]);
    other_tab.close();
    drop((listening, announcing));
}

#[wasm_bindgen_test]
fn without_broadcast_channel_there_is_no_cross_tab_channel_and_no_error() {
    let global = js_sys::global();
    let original = Reflect::get(&global, &"BroadcastChannel".into()).unwrap();
    assert!(Reflect::delete_property(&global, &"BroadcastChannel".into()).unwrap());
    let cross_tab = CrossTab::listen(|_| {});
    Reflect::set(&global, &"BroadcastChannel".into(), &original).unwrap();
    assert!(cross_tab.is_none());
    assert!(CrossTab::listen(|_| {}).is_some(), "restored");
}

#[wasm_bindgen_test]
fn the_online_listener_calls_back_until_dropped() {
    let (errors, _errors) = uncaught_errors();
    let window = web_sys::window().unwrap();
    let (calls, on_online) = counter();
    let listener = OnlineListener::new(on_online);
    let online = web_sys::Event::new("online").unwrap();
    window.dispatch_event(&online).unwrap();
    assert_eq!(calls.get(), 1);

    drop(listener);
    window.dispatch_event(&online).unwrap();
    assert_eq!(calls.get(), 1, "nothing after the drop");
    assert_eq!(errors.get(), 0, "no call into a dropped closure");
}

/// Replaces `target[name]` with an accessor whose getter and setter throw a `SecurityError`
/// (what a sandboxed frame or disabled storage does) and count their calls in `window.__refused`;
/// returns the property's own descriptor to put back.
fn refuse(target: &Object, name: &str) -> JsValue {
    let original = Object::get_own_property_descriptor(target, &name.into());
    let throw = "window.__refused = (window.__refused || 0) + 1; \
                 throw new DOMException('refused', 'SecurityError');";
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"get".into(), &Function::new_no_args(throw)).unwrap();
    Reflect::set(
        &descriptor,
        &"set".into(),
        &Function::new_with_args("v", throw),
    )
    .unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    Reflect::set(&js_sys::global(), &"__refused".into(), &0.into()).unwrap();
    Object::define_property(target, &name.into(), &descriptor);
    original
}

/// Puts back what [`refuse`] replaced: the own descriptor, or none.
fn restore(target: &Object, name: &str, original: &JsValue) {
    Reflect::delete_property(target, &name.into()).unwrap();
    if !original.is_undefined() {
        Object::define_property(target, &name.into(), original.unchecked_ref());
    }
}

fn refusals() -> f64 {
    Reflect::get(&js_sys::global(), &"__refused".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

#[wasm_bindgen_test]
fn cookies_the_browser_refuses_read_as_absent_and_writes_are_dropped() {
    let document: Object = web_sys::window().unwrap().document().unwrap().into();
    let original = refuse(&document, "cookie");
    let cookies = Cookies::new("pk_test_MTI3LjAuMC4xOjQwMDAk");
    let read = cookies.get("__session");
    cookies.set("__client_uat", "0", 60);
    let calls = refusals();
    restore(&document, "cookie", &original);
    assert_eq!(read, None);
    assert!(
        calls >= 3.0,
        "the read and both writes reached document.cookie ({calls})"
    );
}

#[wasm_bindgen_test]
fn with_local_storage_disabled_the_journal_is_empty_and_writes_are_dropped() {
    let window: Object = web_sys::window().unwrap().into();
    let original = refuse(&window, "localStorage");
    let journal = Journal::new("pk_test_storage_disabled");
    journal.add(pending("sess_1"));
    let entries = journal.entries();
    journal.confirm("client_1", "sess_1");
    let calls = refusals();
    restore(&window, "localStorage", &original);
    assert_eq!(entries, []);
    assert!(calls >= 3.0, "every access reached localStorage ({calls})");
    assert_eq!(journal.entries(), [], "nothing was written");
}

#[wasm_bindgen_test]
fn a_full_storage_loses_the_journal_entry_without_an_error() {
    // `setItem` throws QuotaExceededError when the storage is full.
    let prototype: Object = Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|storage| Reflect::get(&storage, &"prototype".into()))
        .unwrap()
        .into();
    let set_item = Reflect::get(&prototype, &"setItem".into()).unwrap();
    let full = Function::new_with_args(
        "k, v",
        "throw new DOMException('full', 'QuotaExceededError');",
    );
    Reflect::set(&prototype, &"setItem".into(), &full).unwrap();
    let journal = Journal::new("pk_test_storage_full");
    journal.add(pending("sess_1"));
    Reflect::set(&prototype, &"setItem".into(), &set_item).unwrap();
    assert_eq!(journal.entries(), []);
    journal.add(pending("sess_1"));
    assert_eq!(journal.entries(), [pending("sess_1")], "restored");
    journal.confirm("client_1", "sess_1");
    assert_eq!(journal.entries(), []);
}
