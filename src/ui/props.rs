//! What a user button is configured with: [`UserButtonProps`], its [`Appearance`] and
//! [`Localization`], and [`CustomMenuItem`]s. Plain Rust data; the JS facade parses the same
//! shapes out of a JS object.

use crate::prelude::*;
use alloc::rc::Rc;
use core::fmt;

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
    /// Theme variables and extra class names.
    pub appearance: Appearance,
    /// Text overrides.
    pub localization: Localization,
    /// Extra panel items after "Manage account"; see [`CustomMenuItem`].
    pub custom_menu_items: Vec<CustomMenuItem>,
}

/// Theming: CSS variables and extra class names per part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Appearance {
    /// `(name, value)` pairs: `colorPrimary`, `colorBackground`, `colorText`,
    /// `colorTextSecondary`, `colorDanger`, `fontFamily`, `fontSize`, `borderRadius`.
    /// Unknown names are ignored.
    pub variables: Vec<(String, String)>,
    /// `(part, classes)` pairs: a part name without the `cl-` prefix (`"userButtonTrigger"`)
    /// and space-separated class names added to that part.
    pub elements: Vec<(String, String)>,
}

/// Every string the user button shows, overridable one by one. `None` keeps the English
/// default (in quotes below). JS: the same strings under `localization.userButton`, keys in
/// brackets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Localization {
    /// The closed trigger's `aria-label`: "Open user menu" (`action__openUserMenu`).
    pub open_user_menu: Option<String>,
    /// The open trigger's `aria-label`: "Close user menu" (`action__closeUserMenu`).
    pub close_user_menu: Option<String>,
    /// The dialog's `aria-label`: "Account panel" (`popoverLabel`).
    pub account_panel: Option<String>,
    /// The actions group's `aria-label`: "Account actions" (`actionsLabel`).
    pub account_actions: Option<String>,
    /// "Manage account" (`action__manageAccount`).
    pub manage_account: Option<String>,
    /// "Sign out" (`action__signOut`).
    pub sign_out: Option<String>,
    /// The session list's heading: "Active sessions" (`sessionsLabel`).
    pub active_sessions: Option<String>,
    /// "Add account" (`action__addAccount`).
    pub add_account: Option<String>,
    /// "Sign out of all accounts" (`action__signOutAll`).
    pub sign_out_all: Option<String>,
    /// The development-instance footer: "Development mode" (`developmentMode`).
    pub development_mode: Option<String>,
    /// Shown when a failed request has no message of its own: "Something went wrong. Please
    /// try again." (`actionFailed`).
    pub action_failed: Option<String>,
}

/// One string of the user button, in the order of [`Localization`]'s fields.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Label {
    OpenUserMenu,
    CloseUserMenu,
    AccountPanel,
    AccountActions,
    ManageAccount,
    SignOut,
    ActiveSessions,
    AddAccount,
    SignOutAll,
    DevelopmentMode,
    ActionFailed,
}

/// The strings of one mount, looked up when shown: the prop's override, else the load
/// option's, else English (nothing is copied per mount).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Labels<'a> {
    /// The button's own `localization`.
    pub own: &'a Localization,
    /// The load-level `localization`, if any.
    pub base: Option<&'a Localization>,
}

/// The English defaults, in the order of [`Label`].
const DEFAULTS: [&str; 11] = [
    "Open user menu",
    "Close user menu",
    "Account panel",
    "Account actions",
    "Manage account",
    "Sign out",
    "Active sessions",
    "Add account",
    "Sign out of all accounts",
    "Development mode",
    "Something went wrong. Please try again.",
];

impl Localization {
    /// The override for one label, if set. A `match` (a table of field offsets in the wasm)
    /// rather than building an array of all eleven fields for every lookup.
    pub(crate) fn get(&self, label: Label) -> Option<&str> {
        let field = match label {
            Label::OpenUserMenu => &self.open_user_menu,
            Label::CloseUserMenu => &self.close_user_menu,
            Label::AccountPanel => &self.account_panel,
            Label::AccountActions => &self.account_actions,
            Label::ManageAccount => &self.manage_account,
            Label::SignOut => &self.sign_out,
            Label::ActiveSessions => &self.active_sessions,
            Label::AddAccount => &self.add_account,
            Label::SignOutAll => &self.sign_out_all,
            Label::DevelopmentMode => &self.development_mode,
            Label::ActionFailed => &self.action_failed,
        };
        field.as_deref()
    }
}

impl<'a> Labels<'a> {
    /// One string.
    pub(crate) fn get(self, label: Label) -> &'a str {
        let default = || DEFAULTS.get(label as usize).copied().unwrap_or_default();
        self.own
            .get(label)
            .or_else(|| self.base.and_then(|base| base.get(label)))
            .unwrap_or_else(default)
    }
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
}

impl CustomMenuItem {
    /// An item that links somewhere.
    pub fn link(label: impl Into<String>, href: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            href: Some(href.into()),
            on_click: None,
        }
    }

    /// An item that runs a callback.
    pub fn action(label: impl Into<String>, on_click: impl Fn() + 'static) -> Self {
        Self {
            label: label.into(),
            href: None,
            on_click: Some(Rc::new(on_click)),
        }
    }

    /// The built-in action this item stands for, when it is a bare reordering marker.
    pub(crate) fn builtin(&self) -> Option<Builtin> {
        if self.href.is_some() || self.on_click.is_some() {
            return None;
        }
        match self.label.as_str() {
            "manageAccount" => Some(Builtin::ManageAccount),
            "signOut" => Some(Builtin::SignOut),
            _ => None,
        }
    }
}

impl fmt::Debug for CustomMenuItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomMenuItem")
            .field("label", &self.label)
            .field("href", &self.href)
            .field("on_click", &self.on_click.is_some())
            .finish()
    }
}

/// The built-in actions custom items can reorder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    ManageAccount,
    SignOut,
}
