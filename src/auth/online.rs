//! The window's `online` event, as an RAII registration.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Calls a callback whenever the browser comes back online; dropping it unregisters.
pub(crate) struct OnlineListener {
    window: web_sys::Window,
    callback: Closure<dyn FnMut()>,
}

impl std::fmt::Debug for OnlineListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnlineListener")
    }
}

impl OnlineListener {
    pub(crate) fn new(callback: impl FnMut() + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let callback = Closure::<dyn FnMut()>::new(callback);
        window
            .add_event_listener_with_callback("online", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Self { window, callback })
    }
}

impl Drop for OnlineListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("online", self.callback.as_ref().unchecked_ref());
    }
}
