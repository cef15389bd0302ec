//! The window's `online` event, as an RAII registration.

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Calls a callback whenever the browser comes back online; dropping it unregisters.
pub(crate) struct OnlineListener {
    remove: Function,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl core::fmt::Debug for OnlineListener {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("OnlineListener")
    }
}

impl OnlineListener {
    pub(crate) fn new(mut callback: impl FnMut() + 'static) -> Self {
        // `FnMut(JsValue)` (the event is ignored): the one closure kind the SDK uses.
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| callback());
        let remove = crate::host::on_online(&callback);
        Self {
            remove,
            _callback: callback,
        }
    }
}

impl Drop for OnlineListener {
    fn drop(&mut self) {
        let _ = self.remove.call1(&JsValue::UNDEFINED, &JsValue::UNDEFINED);
    }
}
