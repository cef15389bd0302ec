//! Small helpers over browser APIs: the page's origin, timers, tasks, properties, error
//! messages and DOM listeners. A leaf: it uses no other module of the SDK.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// The page's origin (`location.origin`), empty outside a page (no window, as in a worker)
/// and on native targets, where the typed API is still usable for parsing and doc tests.
pub(crate) fn page_origin() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

/// Runs a future to completion on the page's thread.
pub(crate) fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// A property by name; `undefined` when absent, and for `null`, `undefined` and primitives
/// without asking `Reflect.get`, which throws for them: a JS exception caught on every user
/// button mount (props left out, `querySelector` finding nothing) grew the wasm memory by
/// ~64 KB per 1,000 mounts (the e2e leak test).
pub(crate) fn prop(obj: &JsValue, name: &str) -> JsValue {
    if !obj.is_object() && !obj.is_function() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The page's address (`location.href`), empty outside a page.
pub(crate) fn page_href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// `url` resolved against the page's address; `None` when it cannot be parsed.
pub(crate) fn absolute_url(url: &str) -> Option<web_sys::Url> {
    web_sys::Url::new_with_base(url, &page_href()).ok()
}

/// `pairs` form-encoded (`a=1&b=x+y`) by the browser's `URLSearchParams`; empty outside a
/// browser.
pub(crate) fn form<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (name, value) in pairs {
        params.append(name, value);
    }
    params.to_string().into()
}

/// `encodeURIComponent(text)`: a path segment or a form value.
pub(crate) fn encode_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// `Date.now()` in milliseconds.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Resolves after `ms` milliseconds.
///
/// `setTimeout` calls the promise's own `resolve` function, so no Rust closure has to stay
/// alive until the timer fires (and none leaks if this future is dropped first). Without a
/// window (no timer to ask) it resolves at once.
pub(crate) async fn sleep(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|window| {
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .is_ok()
        });
        if !scheduled {
            // Calling `resolve` does not throw.
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    // The promise never rejects.
    let _ = JsFuture::from(timer).await;
}

/// The message of a thrown JS value: its `message` (an `Error`'s, a `DOMException`'s), else
/// the value itself when it is a string. Read as a property rather than through
/// `instanceof Error`, which is false for errors from another realm (a frame).
pub(crate) fn error_message(err: &JsValue) -> String {
    prop(err, "message")
        .as_string()
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// `console.error` with a message, for failures nobody awaits (listeners, background work).
pub(crate) fn report(message: &str, err: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str(message), err);
}

/// A DOM event listener that lives exactly as long as this guard (gloo-events' style):
/// dropping it removes the listener. The callback gets the event.
#[must_use = "the listener is removed when this guard is dropped"]
pub(crate) struct EventListener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl EventListener {
    /// Listens for `kind` events on `target` (in the bubbling phase).
    pub(crate) fn new(
        target: &web_sys::EventTarget,
        kind: &'static str,
        callback: impl FnMut(web_sys::Event) + 'static,
    ) -> Self {
        Self::with_capture(target, kind, false, callback)
    }

    /// Listens for `kind` events on `target`, in the capture phase when `capture` is set.
    pub(crate) fn with_capture(
        target: &web_sys::EventTarget,
        kind: &'static str,
        capture: bool,
        callback: impl FnMut(web_sys::Event) + 'static,
    ) -> Self {
        use wasm_bindgen::JsCast;
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(callback);
        // Adding a listener does not throw for a function and a string.
        let _ = target.add_event_listener_with_callback_and_bool(
            kind,
            callback.as_ref().unchecked_ref(),
            capture,
        );
        Self {
            target: target.clone(),
            kind,
            capture,
            callback,
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

impl std::fmt::Debug for EventListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventListener")
            .field("kind", &self.kind)
            .field("capture", &self.capture)
            .finish_non_exhaustive()
    }
}

/// Runs `work` holding the lock `name` of the Web Locks API, which one holder at a time gets
/// across every tab of the origin, and answers its output. Where the page has no
/// `navigator.locks` (an insecure context, an older browser) or the request fails before the
/// lock is granted, `work` runs without it. Once granted, `work` runs to completion even if
/// this future is dropped; `T::default()` answers if it never finished.
pub(crate) async fn exclusively<F, T>(name: &str, work: impl FnOnce() -> F + 'static) -> T
where
    F: std::future::Future<Output = T> + 'static,
    T: Default + 'static,
{
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::JsCast;
    let Some(locks) = web_locks::manager() else {
        return work().await;
    };
    let work = Rc::new(RefCell::new(Some(work)));
    let output = Rc::new(RefCell::new(None));
    let (granted, done) = (work.clone(), output.clone());
    // Called once the lock is held; the lock is released when the promise it returns settles.
    let callback = wasm_bindgen::closure::Closure::once(move |_lock: JsValue| {
        let work = granted.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(work) = work {
                let out = work().await;
                *done.borrow_mut() = Some(out);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    if let Ok(request) = locks.request(name, callback.as_ref().unchecked_ref()) {
        // The callback stays owned until the lock's promise settles (after the work's).
        let _ = JsFuture::from(request).await;
    }
    drop(callback);
    let out = output.borrow_mut().take();
    let never_granted = work.borrow_mut().take();
    match (out, never_granted) {
        (Some(out), _) => out,
        (None, Some(work)) => work().await,
        (None, None) => T::default(),
    }
}

/// The Web Locks API, bound here: web-sys 0.3.107 has `LockManager` only behind
/// `--cfg=web_sys_unstable_apis`, a flag every app that builds this crate would have to set.
mod web_locks {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `navigator.locks`.
        pub(super) type LockManager;

        /// `locks.request(name, callback)`: calls `callback` once the lock is held and holds
        /// it until the promise `callback` returns settles; throws for an invalid name.
        #[wasm_bindgen(method, catch)]
        pub(super) fn request(
            this: &LockManager,
            name: &str,
            callback: &js_sys::Function,
        ) -> Result<js_sys::Promise, JsValue>;
    }

    /// The page's lock manager; `None` where `navigator.locks` is missing.
    pub(super) fn manager() -> Option<LockManager> {
        let navigator = super::prop(&web_sys::window()?.into(), "navigator");
        let locks = super::prop(&navigator, "locks");
        locks.is_object().then(|| locks.unchecked_into())
    }
}

/// Timers and Web Locks in headless Chromium.
#[cfg(all(test, target_arch = "wasm32"))]
#[allow(clippy::unwrap_used)]
mod browser_tests {
    use std::cell::RefCell;
    use std::future::Future;
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Runs `exclusively(name)` for `ms` ms, logging `"<tag>+"` and `"<tag>-"` around it.
    async fn hold(name: &str, tag: &'static str, ms: i32, log: Rc<RefCell<Vec<String>>>) -> u8 {
        super::exclusively(name, move || async move {
            log.borrow_mut().push(format!("{tag}+"));
            super::sleep(ms).await;
            log.borrow_mut().push(format!("{tag}-"));
            7
        })
        .await
    }

    #[wasm_bindgen_test]
    async fn one_holder_at_a_time_gets_a_web_lock() {
        let log: Rc<RefCell<Vec<String>>> = Rc::default();
        let a = hold("clerk_wasm_test_lock", "a", 40, log.clone());
        let b = hold("clerk_wasm_test_lock", "b", 0, log.clone());
        let mut a = Box::pin(a);
        let mut b = Box::pin(b);
        // Both ask before either is granted: `b` waits for `a`'s release.
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let _ = a.as_mut().poll(&mut cx);
        let _ = b.as_mut().poll(&mut cx);
        assert_eq!((a.await, b.await), (7, 7));
        assert_eq!(*log.borrow(), ["a+", "a-", "b+", "b-"]);
    }

    #[wasm_bindgen_test]
    async fn without_web_locks_the_work_runs_unlocked() {
        let navigator = super::prop(&js_sys::global(), "navigator");
        let proto = js_sys::Object::get_prototype_of(&navigator);
        assert!(
            !super::prop(&navigator, "locks").is_undefined(),
            "Chromium has navigator.locks"
        );
        let descriptor = js_sys::Object::get_own_property_descriptor(&proto, &"locks".into());
        assert!(js_sys::Reflect::delete_property(&proto, &"locks".into()).unwrap());
        let log: Rc<RefCell<Vec<String>>> = Rc::default();
        let out = hold("clerk_wasm_test_lock", "a", 0, log.clone()).await;
        js_sys::Object::define_property(&proto, &"locks".into(), descriptor.unchecked_ref());
        assert_eq!(out, 7);
        assert_eq!(*log.borrow(), ["a+", "a-"]);
        assert!(!super::prop(&navigator, "locks").is_undefined(), "restored");
    }

    #[wasm_bindgen_test]
    async fn sleep_waits_at_least_its_time() {
        let start = super::now_ms();
        super::sleep(40).await;
        let slept = super::now_ms() - start;
        assert!(slept >= 39.0, "{slept} ms");
    }
}
