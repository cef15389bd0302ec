//! What a user button is configured with: [`UserButtonProps`] and its [`CustomMenuItem`]s
//! (its [`Appearance`] and [`Localization`] are the core's, shared with the load options).
//! Plain Rust data; the JS facade (`crate::bindings_ui`) reads the same shapes from a JS
//! props object.

use core::fmt;
use std::rc::Rc;

use crate::options::{Appearance, Localization};

/// Options for one user button, as `mountUserButton(el, props)` takes them.
///
/// ```
/// use clerk_wasm::ui::{UserButtonProps, CustomMenuItem};
///
/// let props = UserButtonProps {
///     show_name: true,
///     user_profile_url: Some("/account".into()),
///     custom_menu_items: vec![CustomMenuItem::link("Help", "https://example.test/help")],
///     ..UserButtonProps::default()
/// };
/// assert!(props.show_name);
/// ```
#[derive(Debug, Clone, Default)]
pub struct UserButtonProps {
    /// Show the full name (or identifier) beside the avatar.
    pub show_name: bool,
    /// Where "Manage account" goes; else the instance's `user_profile_url`.
    pub user_profile_url: Option<String>,
    /// Where to go after switching to another session; else the instance's setting, else stay.
    pub after_switch_session_url: Option<String>,
    /// Where "Add account" goes; else the `signInUrl` load option, else the instance's setting.
    pub sign_in_url: Option<String>,
    /// Palette, theme variables and extra class names (over the instance's `appearance`).
    pub appearance: Appearance,
    /// Text overrides (over the instance's `localization`).
    pub localization: Localization,
    /// Extra panel items after "Manage account"; see [`CustomMenuItem`].
    pub custom_menu_items: Vec<CustomMenuItem>,
    /// Open the panel as soon as the button first shows a user.
    pub default_open: bool,
    /// Where "Sign out" (and "Sign out of all accounts") go; else the `afterSignOutUrl` load
    /// option, else `/`.
    pub after_sign_out_url: Option<String>,
}

/// One extra panel item. A bare item labelled `"manageAccount"` or `"signOut"` (no `href`, no
/// `on_click`) places that built-in action at its position instead, which reorders them.
#[derive(Clone)]
pub struct CustomMenuItem {
    /// The visible text (inert: never parsed as HTML).
    pub label: String,
    /// A link target (`http:`, `https:` or relative; anything else is dropped).
    pub href: Option<String>,
    /// Called on click, after the panel closes.
    pub on_click: Option<Rc<dyn Fn()>>,
    /// An icon for the row: the app's element, cloned (deeply) into the row's icon box each
    /// time the panel is drawn.
    pub label_icon: Option<web_sys::Element>,
}

impl CustomMenuItem {
    /// An item that links somewhere.
    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: Some(href.into()),
            on_click: None,
            label_icon: None,
        }
    }

    /// An item that runs a callback.
    pub fn action(label: impl Into<String>, on_click: impl Fn() + 'static) -> Self {
        Self {
            label: label.into(),
            href: None,
            on_click: Some(Rc::new(on_click)),
            label_icon: None,
        }
    }
}

impl fmt::Debug for CustomMenuItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomMenuItem")
            .field("label", &self.label)
            .field("href", &self.href)
            .field("on_click", &self.on_click.is_some())
            .field("label_icon", &self.label_icon.is_some())
            .finish()
    }
}

impl CustomMenuItem {
    /// The built-in action this item places, `"manageAccount"` or `"signOut"`, when it is a
    /// bare reordering marker (no `href`, no `on_click`).
    pub(crate) fn builtin(&self) -> Option<&'static str> {
        if self.href.is_some() || self.on_click.is_some() {
            return None;
        }
        ["manageAccount", "signOut"]
            .into_iter()
            .find(|name| *name == self.label)
    }
}
