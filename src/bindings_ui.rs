//! The user button's JS facade: `clerk.mountUserButton(el, props?)` and
//! `clerk.unmountUserButton(el)`. The JS props object is read into typed Rust
//! ([`UserButtonProps`]) right here with serde, as ClerkJS reads it: a field of the wrong
//! type is ignored, never an error. (The `appearance` and `localization` load options are
//! read with the other load options, in `crate::bindings::options`.)

use std::rc::Rc;

use js_sys::Function;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::bindings::options::AppearanceJs;
use crate::options::lenient::Lenient;
use crate::options::Localization;
use crate::ui::{CustomMenuItem, UserButtonProps};

/// `clerk.mountUserButton(el, props)` (the method itself is declared with the rest of the
/// class, in `bindings/clerk.rs`).
///
/// # Errors
/// A `ClerkRuntimeError` (`invalid_element`) when `el` is not an element.
pub(crate) fn mount(clerk: &crate::Clerk, el: &JsValue, props: &JsValue) -> Result<(), JsValue> {
    let el = element(el, "mountUserButton")?;
    crate::ui::mount_into(clerk, &el, user_button_props(props));
    Ok(())
}

/// `clerk.__unstable__updateProps({ node, props })`, ClerkJS's call from its React layer when a
/// mounted component's props change: the button on `node` (if any) takes `props` in place.
pub(crate) fn update_props(params: &JsValue) {
    let get =
        |name: &str| js_sys::Reflect::get(params, &JsValue::from_str(name)).unwrap_or_default();
    if let Ok(el) = element(&get("node"), "__unstable__updateProps") {
        crate::ui::update_props_on(&el, user_button_props(&get("props")));
    }
}

/// `clerk.unmountUserButton(el)`.
///
/// # Errors
/// A `ClerkRuntimeError` (`invalid_element`) when `el` is not an element.
pub(crate) fn unmount(el: &JsValue) -> Result<(), JsValue> {
    crate::ui::unmount_from(&element(el, "unmountUserButton")?);
    Ok(())
}

/// The JS props object.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PropsJs {
    /// Kept as the JS value: read by JavaScript truthiness, as ClerkJS's `if (showName)`.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    show_name: JsValue,
    #[serde(default)]
    user_profile_url: Lenient<Option<String>>,
    #[serde(default)]
    after_switch_session_url: Lenient<Option<String>>,
    #[serde(default)]
    sign_in_url: Lenient<Option<String>>,
    #[serde(default)]
    appearance: Lenient<AppearanceJs>,
    #[serde(default)]
    localization: Lenient<Localization>,
    #[serde(default)]
    custom_menu_items: Lenient<Vec<Lenient<MenuItemJs>>>,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    default_open: JsValue,
    #[serde(default)]
    user_profile_mode: Lenient<Option<String>>,
    #[serde(default)]
    after_sign_out_url: Lenient<Option<String>>,
}

/// One of `customMenuItems`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MenuItemJs {
    #[serde(default)]
    label: Lenient<Option<String>>,
    #[serde(default)]
    href: Lenient<Option<String>>,
    /// Kept as the JS value: a function is called on click, anything else is ignored.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    on_click: JsValue,
    /// Kept as the JS value: an element is cloned into the row, anything else is ignored.
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    label_icon: JsValue,
}

/// `value` read as `T`; `T::default()` for `undefined`, `null` or the wrong shape.
fn read<T: for<'de> Deserialize<'de> + Default>(value: &JsValue) -> T {
    if value.is_undefined() || value.is_null() {
        return T::default();
    }
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or_default()
}

thread_local! {
    static MODAL_WARNED: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

fn user_button_props(props: &JsValue) -> UserButtonProps {
    let js: PropsJs = read(props);
    // There is no user profile component here: "Manage account" always navigates.
    if js.user_profile_mode.0.as_deref() == Some("modal") && !MODAL_WARNED.replace(true) {
        web_sys::console::warn_1(&JsValue::from_str(
            "Clerk: userProfileMode \"modal\" is not available in clerk-wasm (it has no user profile component); \"Manage account\" navigates to the user profile URL instead.",
        ));
    }
    UserButtonProps {
        default_open: js.default_open.is_truthy(),
        after_sign_out_url: js.after_sign_out_url.0,
        show_name: js.show_name.is_truthy(),
        user_profile_url: js.user_profile_url.0,
        after_switch_session_url: js.after_switch_session_url.0,
        sign_in_url: js.sign_in_url.0,
        appearance: js.appearance.0.into(),
        localization: js.localization.0,
        custom_menu_items: (js.custom_menu_items.0.into_iter())
            .filter_map(|item| menu_item(item.0))
            .collect(),
    }
}

/// An item with a string label; its `onClick` when that is a function.
fn menu_item(item: MenuItemJs) -> Option<CustomMenuItem> {
    let label = item.label.0?;
    // `typeof` rather than `instanceof`: a function from another frame counts too.
    let on_click = item.on_click.is_function().then(|| {
        let f: Function = item.on_click.unchecked_into();
        Rc::new(move || {
            // A throwing callback is the page's bug: reported, and the button goes on.
            if let Err(err) = f.call0(&JsValue::UNDEFINED) {
                crate::browser::report("Clerk: a customMenuItems onClick threw", &err);
            }
        }) as Rc<dyn Fn()>
    });
    Some(CustomMenuItem {
        label,
        href: item.href.0,
        on_click,
        label_icon: as_element(&item.label_icon),
    })
}

/// `value` as an element: `nodeType` 1, read as a property so elements of other frames count.
fn as_element(value: &JsValue) -> Option<Element> {
    let node_type = crate::browser::prop(value, "nodeType").as_f64();
    (node_type == Some(1.0)).then(|| value.clone().unchecked_into())
}

/// `value` as an element; else a `ClerkRuntimeError` with code `invalid_element`, as the JS
/// facade throws.
fn element(value: &JsValue, method: &str) -> Result<Element, JsValue> {
    if let Some(element) = as_element(value) {
        return Ok(element);
    }
    let error = js_sys::Error::new(&format!("{method} expects a DOM element"));
    error.set_name("ClerkRuntimeError");
    let _ = js_sys::Reflect::set(&error, &"code".into(), &"invalid_element".into());
    Err(error.into())
}
