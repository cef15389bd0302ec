//! The JS facade: `mountUserButton(el, props)` reads a plain JS props object, and
//! `load({appearance, localization})` sets what every button of that instance starts from.

use js_sys::{Array, Function, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::bindings::JsClerk;

/// The publishable key of this file's instances (the load-level defaults are per instance,
/// so instances with one key stay independent: see the last test).
const KEY: &str = "pk_test_MTI3LjAuMC4yOjQwMDAk";

fn set(obj: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(obj, &key.into(), value).unwrap();
}

/// What `clerk.load(options)` does with the JS options before loading: `appearance` and
/// `localization` read into the typed options the instance keeps (no request here: the
/// fixture's state is set by hand).
fn load_with(clerk: &Clerk, options: &JsValue) {
    let typed = crate::bindings::options::load_options(options).unwrap();
    *clerk.inner.options.borrow_mut() = typed;
}

#[wasm_bindgen_test]
fn mount_user_button_reads_every_prop_from_a_js_object() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&js.inner, &[ada()], &Env::default());
    let props = JSON::parse(
        r#"{"showName": true, "userProfileUrl": "/me",
            "appearance": {"variables": {"colorPrimary": "rgb(4, 5, 6)"},
                           "elements": {"userButtonTrigger": "from-js"}},
            "localization": {"userButton": {"action__signOut": "Log out",
                                             "action__manageAccount": "Profile",
                                             "action__openUserMenu": "Account menu"}}}"#,
    )
    .unwrap();
    let ping = Object::new();
    set(&ping, "label", &"Ping".into());
    set(
        &ping,
        "onClick",
        &Function::new_no_args("window.__pinged = (window.__pinged || 0) + 1"),
    );
    let hostile = Object::new();
    set(&hostile, "label", &"Evil".into());
    set(&hostile, "href", &"javascript:alert(1)".into());
    set(&props, "customMenuItems", &Array::of2(&ping, &hostile));

    let el = host();
    js.mount_user_button(&el.clone().into(), &props).unwrap();
    let t = trigger(&el);
    assert_eq!(
        t.get_attribute("aria-label").as_deref(),
        Some("Ada Lovelace, Account menu"),
        "with showName the accessible name starts with the name shown"
    );
    assert!(t.class_list().contains("from-js"));
    assert_eq!(
        q(&el, ".cl-userButtonOuterIdentifier")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Ada Lovelace")
    );
    let root: HtmlElement = q(&el, ".cl-userButtonBox").unwrap().unchecked_into();
    assert_eq!(
        root.style().get_property_value("--cl-p").unwrap(),
        "rgb(4, 5, 6)"
    );
    t.click();
    let labels: Vec<String> = {
        let l = el
            .query_selector_all(".cl-userButtonPopoverActions[role=group] > *")
            .unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        labels,
        ["Profile", "Ping", "Log out"],
        "the javascript: item is dropped"
    );
    button_named(&el, "Ping").click();
    let pinged = Reflect::get(&web_sys::window().unwrap(), &"__pinged".into()).unwrap();
    assert_eq!(pinged.as_f64(), Some(1.0));

    js.unmount_user_button(&el.clone().into()).unwrap();
    assert_eq!(el.inner_html(), "");
    js.unmount_user_button(&el.into()).unwrap(); // a second unmount is a no-op
}

#[wasm_bindgen_test]
fn update_props_gives_the_button_on_a_node_new_props_in_place() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&js.inner, &[ada()], &Env::default());
    let el = host();
    js.mount_user_button(&el.clone().into(), &JsValue::UNDEFINED)
        .unwrap();
    let first = trigger(&el);
    first.click();
    let params = |node: &JsValue| {
        let params = Object::new();
        set(&params, "node", node);
        set(
            &params,
            "props",
            &JSON::parse(r#"{"showName": true}"#).unwrap(),
        );
        params
    };
    // Another node, or none: nothing happens.
    js.update_props(&params(&host().into()));
    js.update_props(&params(&JsValue::NULL));
    js.update_props(&JsValue::UNDEFINED);
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_none());

    js.update_props(&params(&el.clone().into()));
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_some());
    assert!(trigger(&el).is_same_node(Some(&first)), "not remounted");
    assert!(panel(&el).is_some(), "the open panel stays open");
    js.unmount_user_button(&el.clone().into()).unwrap();
    assert_eq!(el.inner_html(), "");
}

#[wasm_bindgen_test]
fn show_name_is_read_by_javascript_truthiness() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&js.inner, &[ada()], &Env::default());
    let shown = |show_name: &str| {
        let props = JSON::parse(&format!(r#"{{"showName": {show_name}}}"#)).unwrap();
        let el = host();
        js.mount_user_button(&el.clone().into(), &props).unwrap();
        let shown = q(&el, ".cl-userButtonOuterIdentifier").is_some();
        js.unmount_user_button(&el.into()).unwrap();
        shown
    };
    for yes in ["true", "1", "-0.5", "\"no\"", "{}", "[]"] {
        assert!(shown(yes), "showName: {yes}");
    }
    for no in ["false", "0", "0.0", "\"\"", "null"] {
        assert!(!shown(no), "showName: {no}");
    }
}

#[wasm_bindgen_test]
fn base_theme_is_a_palette_name_or_a_theme_object_from_js() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&js.inner, &[ada()], &Env::default());
    let mounted = |props: &str| {
        let el = host();
        js.mount_user_button(&el.clone().into(), &JSON::parse(props).unwrap())
            .unwrap();
        let root: HtmlElement = q(&el, ".cl-userButtonBox").unwrap().unchecked_into();
        let seen = (
            root.get_attribute("data-cl-theme"),
            root.style().get_property_value("--cl-fg").unwrap(),
        );
        js.unmount_user_button(&el.into()).unwrap();
        seen
    };
    let palette = |props: &str| mounted(props).0;
    assert_eq!(
        palette(r#"{"appearance": {"baseTheme": "DARK"}}"#).as_deref(),
        Some("dark")
    );
    assert_eq!(
        palette(r#"{"appearance": {"baseTheme": "light"}}"#).as_deref(),
        Some("light")
    );
    for other in [r#""auto""#, "5", "null", "[1]", "true"] {
        let props = format!(r#"{{"appearance": {{"baseTheme": {other}}}}}"#);
        assert_eq!(palette(&props), None, "baseTheme: {other}");
    }
    // A theme object (the shape of `@clerk/themes`' `dark`): its background pins the
    // palette, and its variables lie beneath the appearance's own.
    let themed = mounted(
        r##"{"appearance": {"baseTheme": {"__type": "prebuilt_appearance",
              "variables": {"colorBackground": "#19191A", "colorText": "white"},
              "elements": {"providerIcon__github": {"filter": "invert(1)"}}},
            "variables": {"colorPrimary": "#0a7"}}}"##,
    );
    assert_eq!(themed.0.as_deref(), Some("dark"));
    assert_eq!(themed.1, "white");
    let own = mounted(
        r#"{"appearance": {"baseTheme": {"variables": {"colorText": "white"}},
                           "variables": {"colorText": "rgb(1, 2, 3)"}}}"#,
    );
    assert_eq!(
        own,
        (None, "rgb(1, 2, 3)".to_owned()),
        "its own variables win"
    );
}

#[wasm_bindgen_test]
fn mounting_on_something_that_is_not_an_element_throws_instead_of_crashing() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    assert!(js
        .mount_user_button(&"#user-button".into(), &JsValue::UNDEFINED)
        .is_err());
    assert!(js.unmount_user_button(&JsValue::NULL).is_err());
    // Missing or odd props are ignored rather than fatal.
    let el = host();
    sign_in(&js.inner, &[ada()], &Env::default());
    js.mount_user_button(&el.clone().into(), &JsValue::from(42))
        .unwrap();
    trigger(&el);
    js.unmount_user_button(&el.into()).unwrap();
}

#[wasm_bindgen_test]
fn load_options_set_appearance_and_localization_for_every_button_and_props_override_them() {
    let js = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&js.inner, &[ada()], &Env::default());
    let options = JSON::parse(
        r#"{"appearance": {"variables": {"colorPrimary": "rgb(7, 8, 9)"}},
            "localization": {"userButton": {"action__signOut": "Déconnexion",
                                             "action__openUserMenu": "Ouvrir"}}}"#,
    )
    .unwrap();
    load_with(&js.inner, &options);
    let (a, b) = (host(), host());
    js.mount_user_button(&a.clone().into(), &JsValue::UNDEFINED)
        .unwrap();
    let own =
        JSON::parse(r#"{"localization": {"userButton": {"action__openUserMenu": "Mon compte"}}}"#)
            .unwrap();
    js.mount_user_button(&b.clone().into(), &own).unwrap();
    assert_eq!(
        trigger(&a).get_attribute("aria-label").as_deref(),
        Some("Ouvrir")
    );
    assert_eq!(
        trigger(&b).get_attribute("aria-label").as_deref(),
        Some("Mon compte")
    );
    trigger(&b).click();
    button_named(&b, "Déconnexion");
    let root: HtmlElement = q(&b, ".cl-userButtonBox").unwrap().unchecked_into();
    assert_eq!(
        root.style().get_property_value("--cl-p").unwrap(),
        "rgb(7, 8, 9)"
    );
    js.unmount_user_button(&a.into()).unwrap();
    js.unmount_user_button(&b.into()).unwrap();
}

#[wasm_bindgen_test]
fn two_instances_with_the_same_key_keep_their_own_load_options() {
    let first = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    let second = JsClerk::new(KEY, &JsValue::UNDEFINED).unwrap();
    sign_in(&first.inner, &[ada()], &Env::default());
    sign_in(&second.inner, &[ada()], &Env::default());
    let options =
        JSON::parse(r#"{"localization": {"userButton": {"action__openUserMenu": "Ouvrir"}}}"#)
            .unwrap();
    load_with(&first.inner, &options);
    let (a, b) = (host(), host());
    first
        .mount_user_button(&a.clone().into(), &JsValue::UNDEFINED)
        .unwrap();
    second
        .mount_user_button(&b.clone().into(), &JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(
        trigger(&a).get_attribute("aria-label").as_deref(),
        Some("Ouvrir")
    );
    assert_eq!(
        trigger(&b).get_attribute("aria-label").as_deref(),
        Some("Open user menu")
    );
    first.unmount_user_button(&a.into()).unwrap();
    second.unmount_user_button(&b.into()).unwrap();
}
