//! Cross-tab sign-out over `BroadcastChannel("clerk")`, interoperable with ClerkJS tabs.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "clerk";

/// The channel and its message handler; dropping it closes both.
pub(crate) struct CrossTab {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl std::fmt::Debug for CrossTab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CrossTab")
    }
}

impl CrossTab {
    /// Listens for `{type: "signout"}` from other tabs; `None` where BroadcastChannel is missing.
    pub(crate) fn listen(mut on_sign_out: impl FnMut() + 'static) -> Option<Self> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if is_sign_out(&event.data()) {
                on_sign_out();
            }
        });
        channel.set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_message.as_ref(),
        )));
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }

    /// Tells the other tabs this browser signed out.
    pub(crate) fn announce_sign_out(&self) {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"signout".into());
        let _ = self.channel.post_message(&message);
    }
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

fn is_sign_out(data: &JsValue) -> bool {
    js_sys::Reflect::get(data, &"type".into())
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "signout")
}
