//! User-button helpers on top of the shared server helpers in `tests/common`: a signed-in
//! `Clerk` whose every navigation (including the multi-session and switch targets, which
//! would otherwise point at the server's own pages) is recorded instead of performed, and
//! small DOM queries.
// Each test file uses a different subset of the helpers.
#![allow(dead_code)]
// Test helpers: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::Clerk;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::common;

pub fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resets the server into a mode, signs `identifiers` in through the real sign-in endpoint
/// (the last one is current) and loads a `Clerk` with recorded navigation, its background
/// token request joined before the request log is cleared.
pub async fn signed_in(
    multi_session: bool,
    identifiers: &[&str],
) -> (Clerk, Rc<RefCell<Vec<String>>>) {
    common::reset(multi_session, false).await;
    for identifier in identifiers {
        common::sign_in(identifier).await;
    }
    let pushed = Rc::new(RefCell::new(Vec::new()));
    let mut options = common::recording_options(&pushed);
    options.after_sign_out_url = Some("/signed-out".into());
    options.after_multi_session_single_sign_out_url = Some("/signed-out-one".into());
    options.sign_in_url = Some("/sign-in".into());
    let clerk = common::clerk();
    common::load_settled(&clerk, options).await;
    assert!(clerk.state().is_signed_in(), "sign-in did not stick");
    common::clear_requests().await;
    (clerk, pushed)
}

/// How many logged FAPI requests had this effective method and a path ending in `suffix`.
pub async fn requests(effective_method: &str, suffix: &str) -> usize {
    let log = common::requests().await;
    log.iter()
        .filter(|r| r.effective_method == effective_method && r.path.ends_with(suffix))
        .count()
}

/// Ids of the sessions the server holds as active.
pub async fn active_sessions() -> Vec<String> {
    let clients = common::http("GET", "/__dev/clients", None).await.json();
    let sessions = clients.as_array().unwrap().iter();
    sessions
        .flat_map(|c| {
            c.get("sessions")
                .and_then(|s| s.as_array())
                .cloned()
                .unwrap_or_default()
        })
        .filter(|s| s.get("status").and_then(|v| v.as_str()) == Some("active"))
        .filter_map(|s| s.get("id").and_then(|v| v.as_str()).map(str::to_owned))
        .collect()
}

pub fn host() -> Element {
    let el = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

pub fn q(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn click(root: &Element, selector: &str) {
    q(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits (up to 5 s) for `done`.
pub async fn until(what: &str, done: impl FnMut() -> bool) {
    assert!(
        common::wait_until(5000, done).await,
        "timed out waiting for {what}"
    );
}
