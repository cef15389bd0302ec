//! Browser-side authentication plumbing: cookies, the dev browser, the cross-tab channel and
//! the pending sign-out journal.

pub(crate) mod cookies;
pub(crate) mod cross_tab;
pub(crate) mod dev_browser;
pub(crate) mod online;
pub(crate) mod pending;
#[cfg(test)]
mod tests;
