//! What a user button is configured with: [`UserButtonProps`], its [`Appearance`] and
//! [`Localization`], and [`CustomMenuItem`]s. Plain Rust data, handed to the JS view as the
//! same JS object shapes the JS API takes.

use core::fmt;
use std::rc::Rc;

use crate::browser::JsCallback;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

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

/// The typed props as the JS props object the view reads (only the Rust API needs this: the
/// JS API hands its object over as is). `on_click` callbacks become JS functions kept alive
/// in `keep` for as long as the mount's handle.
pub(crate) fn props_to_js(props: &UserButtonProps, keep: &mut Vec<JsCallback>) -> JsValue {
    let obj = Object::new();
    set(&obj, "showName", &JsValue::from_bool(props.show_name));
    set_opt(&obj, "userProfileUrl", props.user_profile_url.as_deref());
    set_opt(
        &obj,
        "afterSwitchSessionUrl",
        props.after_switch_session_url.as_deref(),
    );
    set_opt(&obj, "signInUrl", props.sign_in_url.as_deref());
    set(&obj, "appearance", &appearance_to_js(&props.appearance));
    set(
        &obj,
        "localization",
        &localization_to_js(&props.localization),
    );
    let items = Array::new();
    for item in &props.custom_menu_items {
        let js = Object::new();
        set(&js, "label", &JsValue::from_str(&item.label));
        set_opt(&js, "href", item.href.as_deref());
        if let Some(callback) = item.on_click.clone() {
            let closure = JsCallback::new(move |_| {
                callback();
                Ok(())
            });
            set(&js, "onClick", closure.as_ref());
            keep.push(closure);
        }
        items.push(&js);
    }
    set(&obj, "customMenuItems", &items);
    obj.into()
}

/// `{variables: {...}, elements: {...}}`.
/// `{appearance, localization}`, the shape of the JS load options the buttons read them from.
pub(crate) fn defaults_to_js(appearance: &Appearance, localization: &Localization) -> JsValue {
    let obj = Object::new();
    set(&obj, "appearance", &appearance_to_js(appearance));
    set(&obj, "localization", &localization_to_js(localization));
    obj.into()
}

fn appearance_to_js(appearance: &Appearance) -> JsValue {
    let pairs = |list: &[(String, String)]| {
        let obj = Object::new();
        for (k, v) in list {
            set(&obj, k, &JsValue::from_str(v));
        }
        obj
    };
    let obj = Object::new();
    set(&obj, "variables", &pairs(&appearance.variables));
    set(&obj, "elements", &pairs(&appearance.elements));
    obj.into()
}

/// Clerk's shape: `{userButton: {action__signOut: ..., ...}}`.
fn localization_to_js(l: &Localization) -> JsValue {
    let ub = Object::new();
    for (key, value) in [
        ("action__openUserMenu", &l.open_user_menu),
        ("action__closeUserMenu", &l.close_user_menu),
        ("popoverLabel", &l.account_panel),
        ("actionsLabel", &l.account_actions),
        ("action__manageAccount", &l.manage_account),
        ("action__signOut", &l.sign_out),
        ("sessionsLabel", &l.active_sessions),
        ("action__addAccount", &l.add_account),
        ("action__signOutAll", &l.sign_out_all),
        ("developmentMode", &l.development_mode),
        ("actionFailed", &l.action_failed),
    ] {
        set_opt(&ub, key, value.as_deref());
    }
    let obj = Object::new();
    set(&obj, "userButton", &ub);
    obj.into()
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn set_opt(obj: &Object, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        set(obj, key, &JsValue::from_str(value));
    }
}
