//! The Frontend API client: URLs, `_method`, credentials, typed answers, errors, retries and
//! the dev browser.
//!
//! The bottom layer of the SDK: it speaks the protocol and knows nothing of the state built
//! on it. The core (`Clerk`, load, sign-out, sessions, `auth/`) imports it, never the
//! reverse; where it needs the page (the dev browser token's cookie), the core hands it a
//! [`TokenStore`].

mod answer;
mod client;
pub(crate) mod dev_browser;
mod fetch;
pub(crate) mod wire;

pub(crate) use client::Fapi;
pub(crate) use dev_browser::{DevBrowser, TokenStore};
pub(crate) use wire::Method;

#[cfg(test)]
mod tests;
