//! The window's `online` event, as an RAII registration.

use crate::browser::EventListener;

/// Calls a callback whenever the browser comes back online; dropping it removes the listener.
#[derive(Debug)]
pub(crate) struct OnlineListener {
    /// `None` outside a page (no window to listen on).
    _listener: Option<EventListener>,
}

impl OnlineListener {
    pub(crate) fn new(mut callback: impl FnMut() + 'static) -> Self {
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "online", move |_| callback()));
        Self {
            _listener: listener,
        }
    }
}
