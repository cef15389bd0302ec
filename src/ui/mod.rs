//! The user button: a view model computed in Rust (`model.rs`), rendered by one JS function
//! (`userButton` in src/host.rs: DOM, ARIA, open state, keyboard and focus, no framework,
//! no `innerHTML`), every decision and effect in Rust.
//!
//! [`mount_user_button`] renders into an element and returns a [`UserButton`] handle whose
//! `Drop` unmounts it, removing every node, listener and piece of in-flight work it owns
//! (the JS API, `mountUserButton(el, props)` / `unmountUserButton(el)`, uses the same mounts
//! keyed by element). The button renders nothing while loading or signed out, and re-renders
//! on every state change of its [`Clerk`].
//!
//! Every part carries a stable class name (Clerk's where Clerk has one): `cl-userButtonBox`,
//! `cl-userButtonTrigger`, `cl-userButtonOuterIdentifier`, `cl-avatarBox`,
//! `cl-userButtonAvatarBox`, `cl-avatarImage`, `cl-userButtonAvatarImage`,
//! `cl-userButtonPopoverCard`, `cl-userPreview`, `cl-userButtonPopoverUserPreview`,
//! `cl-userPreviewAvatarBox`, `cl-userPreviewAvatarImage`, `cl-userPreviewTextContainer`,
//! `cl-userPreviewMainIdentifier`, `cl-userPreviewSecondaryIdentifier`,
//! `cl-userButtonPopoverActions`, `cl-userButtonPopoverActionButton` (with
//! `__manageAccount`, `__signOut`, `__addAccount`, `__signOutAll`, `__session`, `__custom`),
//! `cl-userButtonPopoverActionButtonText`, `cl-userButtonPopoverCustomItemButton`,
//! `cl-userButtonPopoverSessions`, `cl-userButtonPopoverSessionsLabel`,
//! `cl-userButtonPopoverActions__multiSession`, `cl-userButtonPopoverError`,
//! `cl-userButtonPopoverFooter`. `appearance.elements` keys are these names without `cl-`.
//!
//! ```no_run
//! use clerk_wasm::ui::{mount_user_button, UserButtonProps};
//! # fn demo(clerk: &clerk_wasm::Clerk, el: &web_sys::Element) {
//! let button = mount_user_button(clerk, el, UserButtonProps { show_name: true, ..Default::default() });
//! // ... later, e.g. when the component unmounts:
//! drop(button);
//! # }
//! ```

mod action;
mod defaults;
mod dom;
mod effects;
mod global;
mod initials;
mod model;
mod mount;
mod props;
mod registry;
mod safe_url;
mod styles;
mod view;

#[cfg(test)]
mod tests;

pub use defaults::set_defaults;
pub(crate) use dom::as_element;
pub use props::{Appearance, CustomMenuItem, Localization, UserButtonProps};

use crate::Clerk;
use web_sys::Element;

/// A mounted user button. Dropping it unmounts the button (leptos/gloo style); so does
/// mounting another button on the same element, or the element leaving the document, after
/// which dropping the handle does nothing.
#[must_use = "the user button is unmounted when this handle is dropped"]
#[derive(Debug)]
pub struct UserButton {
    id: u64,
}

impl UserButton {
    /// Unmounts now (the same as dropping the handle).
    pub fn unmount(self) {}

    /// Whether this button is still mounted.
    pub fn is_mounted(&self) -> bool {
        registry::contains_id(self.id)
    }
}

impl Drop for UserButton {
    fn drop(&mut self) {
        registry::remove_id(self.id);
    }
}

/// Renders a user button for `clerk` into `el`, replacing any user button already there.
///
/// It shows nothing until a user is signed in (mounting before `load()` finishes is fine)
/// and follows every state change afterwards.
pub fn mount_user_button(clerk: &Clerk, el: &Element, props: UserButtonProps) -> UserButton {
    registry::remove_host(el);
    let id = registry::insert(el, mount::Mount::new(clerk, el, props));
    UserButton { id }
}

/// Mounts a button owned by the element registry (the JS API: released by
/// [`unmount_from`], a new mount on `el`, or `el` leaving the document).
pub(crate) fn mount_into(clerk: &Clerk, el: &Element, props: UserButtonProps) {
    registry::remove_host(el);
    registry::insert(el, mount::Mount::new(clerk, el, props));
}

/// Unmounts the button on `el`, if any; `true` when there was one.
pub(crate) fn unmount_from(el: &Element) -> bool {
    registry::remove_host(el)
}

/// How many DOM event listeners all user buttons hold right now: two per mounted button, two
/// more while its panel is open (the registry's one `MutationObserver` is not counted). For
/// leak tests and diagnostics.
pub fn dom_listener_count() -> usize {
    crate::host::live_listeners()
}

/// How many user buttons are mounted in this page (all `Clerk` instances together).
pub fn mounted_count() -> usize {
    registry::len()
}
