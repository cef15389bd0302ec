//! The user button's JS facade: `clerk.mountUserButton(el, props?)` and
//! `clerk.unmountUserButton(el)`, with props parsed from a plain JS object into typed Rust
//! ([`UserButtonProps`]) right here, so `JsValue` stays at the edge.

use crate::prelude::*;
use alloc::rc::Rc;

use js_sys::{Array, Function, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::bindings::JsClerk;
use crate::browser::prop as get;
use crate::ui::{Appearance, CustomMenuItem, Localization, UserButtonProps};

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `clerk.mountUserButton(el, props?)`: renders the user button into `el`, replacing any
    /// user button already there. Props: `showName`, `userProfileUrl`,
    /// `afterSwitchSessionUrl`, `signInUrl`, `appearance: {variables, elements}`,
    /// `localization`, `customMenuItems: [{label, href?, onClick?}]`.
    #[wasm_bindgen(js_name = mountUserButton)]
    pub fn mount_user_button(&self, el: JsValue, props: &JsValue) -> Result<(), JsValue> {
        let el = element(el, "mountUserButton expects a DOM element")?;
        crate::ui::mount_into(&self.inner, &el, parse_props(props));
        Ok(())
    }

    /// `clerk.unmountUserButton(el)`: removes the user button in `el` with every node,
    /// listener and piece of in-flight work it owns. Does nothing when there is none.
    #[wasm_bindgen(js_name = unmountUserButton)]
    pub fn unmount_user_button(&self, el: JsValue) -> Result<(), JsValue> {
        let el = element(el, "unmountUserButton expects a DOM element")?;
        crate::ui::unmount_from(&el);
        Ok(())
    }
}

/// Applies the `appearance` and `localization` options of `clerk.load(options)` to every
/// user button of this instance. The core's `load` binding calls this with its options object.
pub(crate) fn apply_load_options(clerk: &crate::Clerk, options: &JsValue) {
    let appearance = parse_appearance(&get(options, "appearance"));
    let localization = parse_localization(&get(options, "localization"));
    crate::ui::set_defaults(clerk, appearance, localization);
}

/// `value` as an element, checked as the JS facade checks it (`nodeType` 1); else `message`
/// as an error (whole literals: no string built at run time).
fn element(value: JsValue, message: &str) -> Result<Element, JsValue> {
    // `new Error(message)`: the import the core's errors already use.
    let error = || js_sys::Error::new(message).into();
    crate::ui::as_element(value).ok_or_else(error)
}

fn get_string(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

/// `{ key: "value", ... }` → pairs, string values only.
fn string_entries(obj: &JsValue) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !obj.is_object() {
        return out;
    }
    for pair in Object::entries(obj.unchecked_ref()).iter() {
        // `[key, value]` read by index name through the one property reader.
        if let (Some(key), Some(value)) = (get_string(&pair, "0"), get_string(&pair, "1")) {
            out.push((key, value));
        }
    }
    out
}

fn parse_props(props: &JsValue) -> UserButtonProps {
    UserButtonProps {
        show_name: get(props, "showName").is_truthy(),
        user_profile_url: get_string(props, "userProfileUrl"),
        after_switch_session_url: get_string(props, "afterSwitchSessionUrl"),
        sign_in_url: get_string(props, "signInUrl"),
        appearance: parse_appearance(&get(props, "appearance")),
        localization: parse_localization(&get(props, "localization")),
        custom_menu_items: parse_menu_items(&get(props, "customMenuItems")),
    }
}

fn parse_appearance(appearance: &JsValue) -> Appearance {
    Appearance {
        variables: string_entries(&get(appearance, "variables")),
        elements: string_entries(&get(appearance, "elements")),
    }
}

/// Clerk's localization shape: strings under `userButton`, named like Clerk's keys where
/// Clerk has one. A struct literal rather than a loop over a key table: no table of field
/// pointers and no drop of the fields' previous values (smaller in the wasm).
fn parse_localization(localization: &JsValue) -> Localization {
    let ub = get(localization, "userButton");
    let text = |key| get_string(&ub, key);
    Localization {
        open_user_menu: text("action__openUserMenu"),
        close_user_menu: text("action__closeUserMenu"),
        account_panel: text("popoverLabel"),
        account_actions: text("actionsLabel"),
        manage_account: text("action__manageAccount"),
        sign_out: text("action__signOut"),
        active_sessions: text("sessionsLabel"),
        add_account: text("action__addAccount"),
        sign_out_all: text("action__signOutAll"),
        development_mode: text("developmentMode"),
        action_failed: text("actionFailed"),
    }
}

fn parse_menu_items(items: &JsValue) -> Vec<CustomMenuItem> {
    let Some(items) = items.dyn_ref::<Array>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        let Some(label) = get_string(&item, "label") else {
            continue;
        };
        let on_click = get(&item, "onClick").dyn_into::<Function>().ok().map(|f| {
            Rc::new(move || {
                // A throwing callback is the page's bug; report it without breaking the button
                // (on `console.error` through the core's reporter: no import of its own).
                if let Err(err) = f.call0(&JsValue::UNDEFINED) {
                    crate::browser::report("Clerk: a customMenuItems onClick threw", &err);
                }
            }) as Rc<dyn Fn()>
        });
        out.push(CustomMenuItem {
            label,
            href: get_string(&item, "href"),
            on_click,
        });
    }
    out
}
