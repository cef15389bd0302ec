//! The user button, rendered by Rust straight into the DOM through web-sys (no framework, no
//! `innerHTML`, no JavaScript of its own).
//!
//! [`mount_user_button`] renders into an element and returns a [`UserButton`] handle whose
//! `Drop` unmounts it, removing every node, listener and piece of in-flight work it owns
//! (the JS API, `mountUserButton(el, props)` / `unmountUserButton(el)`, uses the same mounts
//! keyed by element). The button renders nothing while loading or signed out, and re-renders
//! on every state change of its [`Clerk`], which it reads and acts on only through the typed
//! API an app uses (`state`, `add_listener`, `sign_out`, `set_active`, `navigate`,
//! `load_options`).
//!
//! How it is built: `model.rs` (what it shows: people, items, targets, strings) and
//! `state.rs` (open, busy, failure) are plain data; `view.rs` turns them into DOM (with
//! `dom.rs`'s element helpers, `icons.rs`' SVG and `styles.rs`' adopted stylesheet) and
//! `place.rs` keeps the panel inside the viewport; `mount.rs` owns one button's nodes and
//! listeners, `controller.rs` turns its events into actions, and `registry.rs` keeps the
//! mounts by element.
//!
//! Every part carries a stable class name (Clerk's where Clerk has one): `cl-userButtonBox`,
//! `cl-userButtonTrigger`, `cl-userButtonOuterIdentifier`, `cl-avatarBox`,
//! `cl-userButtonAvatarBox`, `cl-avatarImage`, `cl-userButtonAvatarImage`,
//! `cl-userButtonPopoverCard`, `cl-userPreview`, `cl-userButtonPopoverUserPreview`,
//! `cl-userPreviewAvatarBox`, `cl-userPreviewAvatarImage`, `cl-userPreviewTextContainer`,
//! `cl-userPreviewMainIdentifier`, `cl-userPreviewSecondaryIdentifier`,
//! `cl-userButtonPopoverActions`, `cl-userButtonPopoverActionButton` (with
//! `__manageAccount`, `__signOut`, `__addAccount`, `__signOutAll`, `__session`, `__custom`),
//! `cl-userButtonPopoverActionButtonIconBox` and `cl-userButtonPopoverActionButtonIcon`
//! (with the same suffixes), `cl-userButtonPopoverActionButtonText`,
//! `cl-userButtonPopoverCustomItemButton`, `cl-userButtonPopoverCustomItemButtonIconBox`,
//! `cl-userButtonPopoverSessions`, `cl-userButtonPopoverSessionsLabel`,
//! `cl-userButtonPopoverActions__multiSession`, `cl-userButtonPopoverError`,
//! `cl-userButtonPopoverFooter`. `appearance.elements` keys are these names without `cl-`.
//! The root carries `data-cl-theme="light"` or `"dark"` when `appearance.base_theme` pins a
//! palette.
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
mod controller;
mod dom;
mod icons;
mod initials;
mod keyboard;
mod labels;
mod model;
mod mount;
mod mounted;
mod place;
mod props;
mod registry;
mod safe_url;
mod state;
mod styles;
mod theme;
mod view;

#[cfg(test)]
mod tests;

pub use crate::options::{Appearance, BaseTheme, Localization};
pub use props::{CustomMenuItem, UserButtonProps};

use web_sys::Element;

use crate::Clerk;

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

    /// Gives the button new props without remounting it: the same nodes, an open panel
    /// stays open (what a component framework calls when its props change). Does nothing
    /// once the button is unmounted.
    pub fn set_props(&self, props: UserButtonProps) {
        registry::set_props_on_id(self.id, props);
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
/// and follows every state change afterwards. The instance's `appearance` and
/// `localization` load options apply beneath the props' own.
pub fn mount_user_button(clerk: &Clerk, el: &Element, props: UserButtonProps) -> UserButton {
    registry::remove_host(el);
    let id = mount::Mount::new(clerk, el, props).map_or(0, |m| registry::insert(el, m));
    UserButton { id }
}

/// Mounts a button the element registry owns (the JS API: released by [`unmount_from`], a
/// new mount on `el`, or `el` leaving the document).
pub(crate) fn mount_into(clerk: &Clerk, el: &Element, props: UserButtonProps) {
    registry::remove_host(el);
    if let Some(mount) = mount::Mount::new(clerk, el, props) {
        registry::insert(el, mount);
    }
}

/// Gives the button on `el`, if any, new props in place (the JS API's
/// `__unstable__updateProps`); whether there was one.
pub(crate) fn update_props_on(el: &Element, props: UserButtonProps) -> bool {
    registry::set_props_on_host(el, props)
}

/// Unmounts the button on `el`, if any; whether there was one.
pub(crate) fn unmount_from(el: &Element) -> bool {
    registry::remove_host(el)
}

/// How many DOM event listeners all user buttons hold right now: two per mounted button,
/// three more while its panel is open (the registry's one `MutationObserver` is not counted).
/// For leak tests and diagnostics.
pub fn dom_listener_count() -> usize {
    dom::live_listeners()
}

/// How many user buttons are mounted in this page (all `Clerk` instances together).
pub fn mounted_count() -> usize {
    registry::len()
}
