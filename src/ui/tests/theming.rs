//! Theming and styling: localization, appearance variables and classes, the adopted
//! stylesheet (no `<style>` element), shadow roots.

use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::ui::{mount_user_button, Appearance, BaseTheme, Localization, UserButtonProps};

#[wasm_bindgen_test]
fn localization_replaces_every_visible_and_accessible_string() {
    let (clerk, el) = (clerk(), host());
    sign_in(
        &clerk,
        &[ada()],
        &Env {
            development: true,
            ..Env::default()
        },
    );
    let localization = Localization {
        open_user_menu: Some("Menü öffnen".into()),
        close_user_menu: Some("Menü schließen".into()),
        account_panel: Some("Kontobereich".into()),
        account_actions: Some("Kontoaktionen".into()),
        sign_out: Some("Abmelden".into()),
        development_mode: Some("Entwicklungsmodus".into()),
        ..Localization::default()
    };
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            localization,
            ..Default::default()
        },
    );
    assert_eq!(
        trigger(&el).get_attribute("aria-label").as_deref(),
        Some("Menü öffnen")
    );
    trigger(&el).click();
    assert_eq!(
        trigger(&el).get_attribute("aria-label").as_deref(),
        Some("Menü schließen")
    );
    let p = panel(&el).unwrap();
    assert_eq!(
        p.get_attribute("aria-label").as_deref(),
        Some("Kontobereich")
    );
    button_named(&el, "Abmelden");
    assert_eq!(
        q(&p, ".cl-userButtonPopoverFooter")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Entwicklungsmodus")
    );
}

#[wasm_bindgen_test]
fn appearance_variables_become_custom_properties_and_elements_add_classes() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let appearance = Appearance {
        base_theme: None,
        variables: vec![
            ("colorPrimary".into(), "rgb(1, 2, 3)".into()),
            ("colorBackground".into(), "rgb(10, 20, 30)".into()),
            ("colorText".into(), "url(https://evil.test/x)".into()),
        ],
        elements: vec![
            ("userButtonTrigger".into(), "my-trigger extra".into()),
            ("userButtonPopoverCard".into(), "my-card".into()),
        ],
    };
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            appearance,
            ..Default::default()
        },
    );
    let t = trigger(&el);
    assert!(t.class_list().contains("my-trigger") && t.class_list().contains("extra"));
    let avatar: HtmlElement = q(&el, ".cl-userButtonAvatarBox").unwrap().unchecked_into();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&avatar)
        .unwrap()
        .unwrap();
    assert_eq!(
        style.get_property_value("background-color").unwrap(),
        "rgb(1, 2, 3)"
    );
    t.click();
    let card: HtmlElement = panel(&el).unwrap().unchecked_into();
    assert!(card.class_list().contains("my-card"));
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&card)
        .unwrap()
        .unwrap();
    assert_eq!(
        style.get_property_value("background-color").unwrap(),
        "rgb(10, 20, 30)"
    );
    assert_eq!(
        style.get_property_value("position").unwrap(),
        "absolute",
        "the adopted stylesheet applies"
    );
    let root: HtmlElement = q(&el, ".cl-userButtonBox").unwrap().unchecked_into();
    assert_eq!(
        root.style().get_property_value("--cl-fg").unwrap(),
        "",
        "a url() value is refused"
    );
}

#[wasm_bindgen_test]
fn the_stylesheet_is_adopted_once_however_many_buttons_mount() {
    let clerk = clerk();
    sign_in(&clerk, &[ada()], &Env::default());
    let buttons: Vec<_> = (0..5)
        .map(|_| mount_user_button(&clerk, &host(), UserButtonProps::default()))
        .collect();
    // Nothing else in this test page adopts sheets: the one there is ours, shared.
    assert_eq!(doc().adopted_style_sheets().length(), 1);
    assert!(
        doc().query_selector("style").unwrap().is_none(),
        "no <style> element"
    );
    drop(buttons);
}

#[wasm_bindgen_test]
fn a_button_inside_a_shadow_root_is_styled_too() {
    let clerk = clerk();
    sign_in(&clerk, &[ada()], &Env::default());
    let outer = host();
    let shadow = outer
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let el = doc().create_element("div").unwrap();
    shadow.append_child(&el).unwrap();
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    let card = panel(&el).unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&card)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("position").unwrap(), "absolute");
    // Focus and presses are judged inside the shadow tree, not at the retargeted host.
    let focused = shadow.active_element().unwrap();
    assert_eq!(focused.text_content().as_deref(), Some("Sign out"));
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let press = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    card.dispatch_event(&press).unwrap();
    assert!(
        panel(&el).is_some(),
        "a press inside the shadow panel keeps it open"
    );
    shadow
        .active_element()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .focus()
        .unwrap();
    let tab = web_sys::KeyboardEventInit::new();
    tab.set_key("Escape");
    tab.set_bubbles(true);
    tab.set_composed(true);
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &tab).unwrap();
    shadow
        .active_element()
        .unwrap()
        .dispatch_event(&escape)
        .unwrap();
    assert!(panel(&el).is_none());
    assert_eq!(
        shadow.active_element(),
        Some(trigger(&el).into()),
        "focus back on the trigger"
    );
}

#[wasm_bindgen_test]
fn a_button_in_an_iframe_is_styled_in_the_iframe_document() {
    // A stylesheet constructed in one document cannot be adopted by another: a host in a
    // same-origin iframe gets the styles another way, and the mount must not throw.
    let clerk = clerk();
    sign_in(&clerk, &[ada()], &Env::default());
    let frame = doc().create_element("iframe").unwrap();
    doc().body().unwrap().append_child(&frame).unwrap();
    let get =
        |obj: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(obj, &key.into()).unwrap();
    let inner: Document = get(&frame, "contentDocument").unchecked_into();
    let el = inner.create_element("div").unwrap();
    inner.body().unwrap().append_child(&el).unwrap();
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    let card = panel(&el).expect("the panel opens");
    let computed: js_sys::Function =
        get(&get(&frame, "contentWindow"), "getComputedStyle").unchecked_into();
    let style: web_sys::CssStyleDeclaration = computed
        .call1(&wasm_bindgen::JsValue::NULL, &card)
        .unwrap()
        .unchecked_into();
    assert_eq!(style.get_property_value("position").unwrap(), "absolute");
    frame.remove();
}

/// The computed `background-color` of the open panel of a button with this appearance.
fn panel_background(appearance: Appearance) -> String {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            appearance,
            ..Default::default()
        },
    );
    trigger(&el).click();
    let card = panel(&el).unwrap();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&card)
        .unwrap()
        .unwrap();
    style.get_property_value("background-color").unwrap()
}

#[wasm_bindgen_test]
fn base_theme_pins_the_palette_whatever_the_os_prefers() {
    // The test browser prefers light; the e2e suite emulates a dark OS for the other half.
    let pinned = |theme| Appearance {
        base_theme: theme,
        ..Appearance::default()
    };
    assert_eq!(panel_background(pinned(None)), "rgb(255, 255, 255)");
    assert_eq!(
        panel_background(pinned(Some(BaseTheme::Dark))),
        "rgb(33, 33, 38)"
    );
    assert_eq!(
        panel_background(pinned(Some(BaseTheme::Light))),
        "rgb(255, 255, 255)"
    );
    // Variables still win over the pinned palette.
    let custom = Appearance {
        base_theme: Some(BaseTheme::Dark),
        variables: vec![("colorBackground".into(), "rgb(1, 2, 3)".into())],
        ..Appearance::default()
    };
    assert_eq!(panel_background(custom), "rgb(1, 2, 3)");
}

#[wasm_bindgen_test]
fn load_level_appearance_applies_beneath_the_buttons_own() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    clerk.inner.options.borrow_mut().appearance = Appearance {
        base_theme: Some(BaseTheme::Dark),
        variables: vec![("colorPrimary".into(), "rgb(7, 8, 9)".into())],
        elements: vec![("userButtonTrigger".into(), "from-load".into())],
    };
    let own = Appearance {
        elements: vec![("userButtonTrigger".into(), "from-props".into())],
        ..Appearance::default()
    };
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            appearance: own,
            ..Default::default()
        },
    );
    let root = q(&el, ".cl-userButtonBox").unwrap();
    assert_eq!(root.get_attribute("data-cl-theme").as_deref(), Some("dark"));
    let classes = trigger(&el).class_name();
    assert_eq!(classes, "cl-userButtonTrigger from-load from-props");
    *clerk.inner.options.borrow_mut() = crate::LoadOptions::default();
}
