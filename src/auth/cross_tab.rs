//! Cross-tab sign-out over `BroadcastChannel("clerk")`, interoperable with ClerkJS tabs: a
//! tab that signs out posts `{type: "signout"}`, and every other tab re-reads its client.
//! When the sign-out request was lost, the message also carries the pending sign-out
//! (`pending: {client_id, session_ids}`, which ClerkJS ignores), so a tab that hears it can
//! replay it without reading `localStorage`, where the sender's write may not be visible yet.

use crate::auth::pending::PendingSignOut;
use crate::browser::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// The channel ClerkJS uses.
const CHANNEL: &str = "clerk";
/// The `type` of a sign-out message.
const SIGN_OUT: &str = "signout";

/// A message on the channel, as ClerkJS writes it (other fields ignored).
#[derive(Serialize, Deserialize)]
struct Message {
    #[serde(rename = "type")]
    kind: String,
    /// The sign-out the server has not confirmed, if the sender's request was lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pending: Option<PendingSignOut>,
}

/// The channel and its message listener; dropping it removes the listener and closes the
/// channel.
pub(crate) struct CrossTab {
    channel: BroadcastChannel,
    _on_message: EventListener,
}

impl std::fmt::Debug for CrossTab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CrossTab")
    }
}

impl CrossTab {
    /// Listens for `{type: "signout"}` from other tabs, handing on the pending sign-out it
    /// carries; `None` where the browser has no `BroadcastChannel` (the constructor is
    /// missing or refuses, e.g. an opaque origin).
    pub(crate) fn listen(
        mut on_sign_out: impl FnMut(Option<PendingSignOut>) + 'static,
    ) -> Option<Self> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let on_message = EventListener::new(&channel, "message", move |event| {
            if let Some(message) = sign_out(&event) {
                on_sign_out(message.pending.filter(PendingSignOut::is_well_formed));
            }
        });
        Some(Self {
            channel,
            _on_message: on_message,
        })
    }

    /// Tells the other tabs this browser signed out, and what is left for the server to
    /// confirm, if anything.
    pub(crate) fn announce_sign_out(&self, pending: Option<PendingSignOut>) {
        let message = serde_wasm_bindgen::to_value(&Message {
            kind: SIGN_OUT.to_owned(),
            pending,
        });
        // Posting a plain object to an open channel does not throw; a closed one is no one's.
        if let Ok(message) = message {
            let _ = self.channel.post_message(&message);
        }
    }
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        // The listener guard, dropped right after, removes the listener.
        self.channel.close();
    }
}

/// The sign-out message of a channel event: its data an object whose `type` is `"signout"`.
/// Anything else (another kind, not an object, a `pending` of another shape) is someone
/// else's message.
fn sign_out(event: &web_sys::Event) -> Option<Message> {
    let event = event.dyn_ref::<MessageEvent>()?;
    serde_wasm_bindgen::from_value::<Message>(event.data())
        .ok()
        .filter(|message| message.kind == SIGN_OUT)
}
