//! The user button, written in JS (`src/ui/user_button.js`: what it shows, what its
//! actions do, DOM, ARIA, open state, keyboard and focus, no framework, no `innerHTML`). It
//! reads the state and acts through the same methods a JS app calls (`state`,
//! `addListener`, `signOut`, `setActive`, plus `uiConfig` and `navigate`). Rust hands over
//! the element, the `Clerk` and the props.
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

pub(crate) mod js;
mod props;

#[cfg(test)]
mod tests;

pub use props::{Appearance, CustomMenuItem, Localization, UserButtonProps};

use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::bindings::JsClerk;
use crate::Clerk;

/// A mounted user button. Dropping it unmounts the button (leptos/gloo style); so does
/// mounting another button on the same element, or the element leaving the document, after
/// which dropping the handle does nothing.
#[must_use = "the user button is unmounted when this handle is dropped"]
pub struct UserButton {
    /// The view's handle: `h()` unmounts, `h(1)` says whether it is mounted.
    handle: Option<Function>,
    /// The `on_click` callbacks of the props, alive as long as the button.
    _callbacks: Vec<crate::browser::JsCallback>,
}

impl core::fmt::Debug for UserButton {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("UserButton").finish_non_exhaustive()
    }
}

impl UserButton {
    /// Unmounts now (the same as dropping the handle).
    pub fn unmount(self) {}

    /// Whether this button is still mounted.
    pub fn is_mounted(&self) -> bool {
        (self.handle.as_ref())
            .and_then(|h| h.call1(&JsValue::NULL, &JsValue::TRUE).ok())
            .is_some_and(|v| v.is_truthy())
    }
}

impl Drop for UserButton {
    fn drop(&mut self) {
        if let Some(handle) = &self.handle {
            let _ = handle.call1(&JsValue::NULL, &JsValue::UNDEFINED);
        }
    }
}

/// Renders a user button for `clerk` into `el`, replacing any user button already there.
///
/// It shows nothing until a user is signed in (mounting before `load()` finishes is fine)
/// and follows every state change afterwards.
// By value: the public signature (the props are handed over to the view).
#[allow(clippy::needless_pass_by_value)]
pub fn mount_user_button(clerk: &Clerk, el: &Element, props: UserButtonProps) -> UserButton {
    let mut callbacks = Vec::new();
    let props = props::props_to_js(&props, &mut callbacks);
    UserButton {
        // An element is always accepted.
        handle: mount_into(clerk, el, &props).ok(),
        _callbacks: callbacks,
    }
}

/// Mounts a button with a JS props object (the JS API; released by unmounting `el`, a new
/// mount on `el`, or `el` leaving the document). Returns the view's handle; an error when
/// `el` is not an element.
pub(crate) fn mount_into(
    clerk: &Clerk,
    el: &JsValue,
    props: &JsValue,
) -> Result<Function, JsValue> {
    // The buttons of one instance share one wasm `Clerk` object, held weakly by the instance
    // (it holds the instance): made again once every button holding it is gone.
    let shared = &clerk.inner.js.button_clerk;
    let mut js = crate::ui::js::deref(&shared.borrow());
    if js.is_undefined() {
        js = JsClerk::from_clerk(clerk.clone()).into();
        *shared.borrow_mut() = crate::ui::js::weak_ref(&js);
    }
    crate::ui::js::mount_button(el, js, props)
}

/// Sets the appearance and localization every user button of `clerk` starts from (the
/// `appearance` and `localization` load options). Buttons mounted later pick them up.
// By value: the public signature.
#[allow(clippy::needless_pass_by_value)]
pub fn set_defaults(clerk: &Clerk, appearance: Appearance, localization: Localization) {
    store_defaults(clerk, props::defaults_to_js(&appearance, &localization));
}

/// Keeps the object whose `appearance` and `localization` the buttons of `clerk` start from
/// (the JS load options, or what [`set_defaults`] builds), for `uiConfig()` to hand over:
/// they belong to this instance, not to its publishable key.
pub(crate) fn store_defaults(clerk: &Clerk, defaults: JsValue) {
    *clerk.inner.js.ui_defaults.borrow_mut() = defaults;
}

/// How many DOM event listeners all user buttons hold right now: two per mounted button, two
/// more while its panel is open (the one `MutationObserver` is not counted). For leak tests
/// and diagnostics.
pub fn dom_listener_count() -> usize {
    crate::ui::js::live_listeners()
}

/// How many user buttons are mounted in this page (all `Clerk` instances together).
pub fn mounted_count() -> usize {
    crate::ui::js::mounted_count()
}
