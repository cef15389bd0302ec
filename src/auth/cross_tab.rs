//! Cross-tab sign-out over `BroadcastChannel("clerk")`, interoperable with ClerkJS tabs.

use crate::browser::JsCallback;
use js_sys::Function;
use wasm_bindgen::JsValue;

/// The channel and its message handler; dropping it closes both.
pub(crate) struct CrossTab {
    /// `control(true)` announces a sign-out, `control()` closes the channel.
    control: Function,
    _on_message: JsCallback,
}

impl core::fmt::Debug for CrossTab {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("CrossTab")
    }
}

impl CrossTab {
    /// Listens for `{type: "signout"}` from other tabs; `None` where BroadcastChannel is missing.
    pub(crate) fn listen(mut on_sign_out: impl FnMut() + 'static) -> Option<Self> {
        // The one closure kind the SDK uses (see `JsCallback`).
        let on_message = JsCallback::new(move |_| {
            on_sign_out();
            Ok(())
        });
        let control = crate::host::on_sign_out_message(&on_message)?;
        Some(Self {
            control,
            _on_message: on_message,
        })
    }

    /// Tells the other tabs this browser signed out.
    pub(crate) fn announce_sign_out(&self) {
        let _ = self.control.call1(&JsValue::UNDEFINED, &JsValue::TRUE);
    }
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        let _ = self.control.call1(&JsValue::UNDEFINED, &JsValue::UNDEFINED);
    }
}
