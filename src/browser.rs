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

/// Timers in headless Chromium.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn sleep_waits_at_least_its_time() {
        let start = super::now_ms();
        super::sleep(40).await;
        let slept = super::now_ms() - start;
        assert!(slept >= 39.0, "{slept} ms");
    }
}
