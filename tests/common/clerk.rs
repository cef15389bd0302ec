//! Helpers around `Clerk` for the browser tests: loaded instances with a recording router,
//! state recorders, waiting and joining.

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::{Clerk, LoadOptions, State};
use wasm_bindgen_futures::JsFuture;

use super::{clear_requests, cookie, publishable_key, sign_in};

/// A new `Clerk` for the server's key.
pub fn clerk() -> Clerk {
    Clerk::new(&publishable_key()).unwrap()
}

/// A loaded `Clerk` whose redirects go to a recording router instead of the page
/// (navigating would unload the test page). Returns it and the recorded targets.
pub async fn loaded_clerk() -> (Clerk, Rc<RefCell<Vec<String>>>) {
    let clerk = clerk();
    let pushed = Rc::new(RefCell::new(Vec::new()));
    load_settled(&clerk, recording_options(&pushed)).await;
    (clerk, pushed)
}

/// Loads `clerk` and joins the session's token request `load()` starts in the background,
/// so a test that clears or reads the request log next sees it already logged: next to two
/// CPU hogs it was logged after the clear in 25 of 100 ui_flows loads and 13 of 40 ui_leak
/// loads. Without a session this sends nothing; a test that made the token request fail
/// reads that failure itself.
pub async fn load_settled(clerk: &Clerk, options: LoadOptions) {
    clerk.load(options).await.unwrap();
    let _ = clerk.get_token(None).await;
}

/// Load options whose `router_push` records targets into `pushed`.
pub fn recording_options(pushed: &Rc<RefCell<Vec<String>>>) -> LoadOptions {
    let sink = pushed.clone();
    LoadOptions {
        router_push: Some(Rc::new(move |to: &str| {
            sink.borrow_mut().push(to.to_owned())
        })),
        ..LoadOptions::default()
    }
}

/// What listeners saw, in order: `"undefined"`, `"null"` or the current session id.
pub fn record_states(clerk: &Clerk) -> (clerk_wasm::Listener, Rc<RefCell<Vec<String>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = clerk.add_listener(move |state: &State| {
        sink.borrow_mut().push(describe(state));
    });
    (listener, seen)
}

/// `"undefined"` (loading/transitioning), `"null"` (signed out) or the session id.
pub fn describe(state: &State) -> String {
    if state.is_undetermined() {
        return "undefined".into();
    }
    state
        .session()
        .map_or_else(|| "null".into(), |s| s.id.clone())
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `check` holds, polling every 20 ms, at most `timeout_ms`.
pub async fn wait_until(timeout_ms: i32, mut check: impl FnMut() -> bool) -> bool {
    let mut waited = 0;
    while !check() {
        if waited >= timeout_ms {
            return false;
        }
        sleep(20).await;
        waited += 20;
    }
    true
}

/// Signs each identifier in (in order) through the real sign-in endpoint, loads a `Clerk`
/// with a recording router, waits for the background token that writes `__session`, and
/// clears the request log. Returns the clerk, the router's targets and the session ids.
pub async fn signed_in_clerk(
    identifiers: &[&str],
) -> (Clerk, Rc<RefCell<Vec<String>>>, Vec<String>) {
    let mut ids = Vec::new();
    for identifier in identifiers {
        ids.push(sign_in(identifier).await);
    }
    let (clerk, pushed) = loaded_clerk().await;
    assert!(clerk.state().is_signed_in(), "sign-in did not stick");
    assert!(
        wait_until(2000, || cookie("__session").is_some()).await,
        "the __session cookie was never written"
    );
    clear_requests().await;
    (clerk, pushed, ids)
}

/// Polls two futures together (the tests avoid a futures dependency).
pub async fn join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let mut a = Box::pin(a);
    let mut b = Box::pin(b);
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let std::task::Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let std::task::Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            std::task::Poll::Ready((ra.take().unwrap(), rb.take().unwrap()))
        } else {
            std::task::Poll::Pending
        }
    })
    .await
}
