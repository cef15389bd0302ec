//! The window's `online` event, as an RAII registration.

use crate::browser::JsCallback;
use js_sys::Function;
use wasm_bindgen::JsValue;

/// Calls a callback whenever the browser comes back online; dropping it unregisters.
pub(crate) struct OnlineListener {
    remove: Function,
    _callback: JsCallback,
}

impl core::fmt::Debug for OnlineListener {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("OnlineListener")
    }
}

impl OnlineListener {
    pub(crate) fn new(mut callback: impl FnMut() + 'static) -> Self {
        // The one closure kind the SDK uses (see `JsCallback`); the event is ignored.
        let callback = JsCallback::new(move |_| {
            callback();
            Ok(())
        });
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
