//! Focus, keyboard, pointer and image-failure behaviour of a mounted button.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::ui::{mount_user_button, CustomMenuItem, UserButtonProps};

fn mounted() -> (Clerk, Element, crate::ui::UserButton) {
    let (clerk, el) = (clerk(), host());
    sign_in(
        &clerk,
        &[ada()],
        &Env {
            user_profile_url: Some("/account"),
            ..Env::default()
        },
    );
    let button = mount_user_button(&clerk, &el, UserButtonProps::default());
    (clerk, el, button)
}

#[wasm_bindgen_test]
fn opening_moves_focus_to_the_first_action() {
    let (_clerk, el, _b) = mounted();
    trigger(&el).focus().unwrap();
    trigger(&el).click();
    assert_eq!(
        active().unwrap().text_content().as_deref(),
        Some("Manage account")
    );
}

#[wasm_bindgen_test]
fn escape_closes_the_panel_and_returns_focus_to_the_trigger() {
    let (_clerk, el, _b) = mounted();
    trigger(&el).click();
    assert!(panel(&el).is_some());
    let not_cancelled = press("Escape", false);
    assert!(!not_cancelled, "Escape is handled");
    assert!(panel(&el).is_none());
    assert_eq!(active(), Some(trigger(&el).into()));
    assert_eq!(
        trigger(&el).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
fn a_click_outside_closes_the_panel_and_returns_focus_to_the_trigger() {
    let (_clerk, el, _b) = mounted();
    trigger(&el).click();
    pointer_down(&q(&el, ".cl-userPreview").unwrap());
    assert!(panel(&el).is_some(), "a press inside keeps it open");
    pointer_down(&doc().body().unwrap());
    assert!(panel(&el).is_none());
    assert_eq!(active(), Some(trigger(&el).into()));
}

#[wasm_bindgen_test]
fn tab_and_shift_tab_stay_inside_the_open_panel() {
    let (_clerk, el, _b) = mounted();
    trigger(&el).click();
    let name = || active().unwrap().text_content().unwrap();
    assert_eq!(name(), "Manage account");
    press("Tab", false);
    assert_eq!(name(), "Sign out");
    press("Tab", false);
    assert_eq!(name(), "Manage account", "Tab wraps to the first action");
    press("Tab", true);
    assert_eq!(name(), "Sign out", "Shift+Tab wraps to the last action");
    press("ArrowUp", false);
    assert_eq!(name(), "Manage account");
    // Focus moved elsewhere by script: Shift+Tab enters the panel at its last action.
    doc().body().unwrap().focus().unwrap();
    press("Tab", true);
    assert_eq!(name(), "Sign out");
    // And Tab brings it back into the panel.
    doc().body().unwrap().focus().unwrap();
    press("Tab", false);
    assert!(panel(&el)
        .unwrap()
        .contains(active().as_ref().map(AsRef::as_ref)));
}

#[wasm_bindgen_test]
fn clicking_the_trigger_again_closes_the_panel() {
    let (_clerk, el, _b) = mounted();
    trigger(&el).click();
    trigger(&el).click();
    assert!(panel(&el).is_none());
    assert_eq!(active(), Some(trigger(&el).into()));
}

#[wasm_bindgen_test]
async fn an_image_that_fails_to_load_falls_back_to_initials() {
    let (clerk, el) = (clerk(), host());
    // Port 9 (discard) is closed on loopback: the request fails at once.
    let broken = user(
        Some("Ada"),
        Some("Lovelace"),
        "ada@example.test",
        "http://127.0.0.1:9/ada.png",
    );
    sign_in(&clerk, &[broken], &Env::default());
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    assert!(q(&el, "img").is_some(), "the image is tried first");
    for _ in 0..50 {
        if q(&el, "img").is_none() {
            break;
        }
        settle(20).await;
    }
    assert!(q(&el, "img").is_none(), "the broken image is gone");
    assert_eq!(
        q(&el, ".cl-userButtonAvatarBox")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("AL")
    );
    trigger(&el).click();
    assert!(
        q(&el, "img").is_none(),
        "the preview does not retry the failed URL"
    );
}

#[wasm_bindgen_test]
fn a_state_change_re_renders_without_closing_the_panel_or_losing_focus() {
    let (clerk, el, _b) = mounted();
    trigger(&el).click();
    press("Tab", false);
    assert_eq!(
        active().unwrap().text_content().as_deref(),
        Some("Sign out")
    );
    let renamed = user(Some("Augusta Ada"), Some("King"), "ada@example.test", "");
    sign_in(
        &clerk,
        &[renamed],
        &Env {
            user_profile_url: Some("/account"),
            ..Env::default()
        },
    );
    let p = panel(&el).expect("still open");
    assert_eq!(
        q(&p, ".cl-userPreviewMainIdentifier")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Augusta Ada King")
    );
    assert_eq!(
        active().unwrap().text_content().as_deref(),
        Some("Sign out"),
        "focus stays on the same action"
    );
}

#[wasm_bindgen_test]
fn a_sign_out_elsewhere_removes_the_button_and_a_new_sign_in_brings_it_back() {
    let (clerk, el, _b) = mounted();
    trigger(&el).click();
    sign_out_locally(&clerk);
    assert_eq!(el.inner_html(), "");
    sign_in(&clerk, &[ada()], &Env::default());
    assert!(panel(&el).is_none(), "a new sign-in starts closed");
    assert_eq!(
        trigger(&el).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
fn a_custom_item_callback_runs_after_the_panel_closes() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let seen = Rc::new(core::cell::Cell::new(0));
    let s = seen.clone();
    let item = CustomMenuItem::action("Ping", move || s.set(s.get() + 1));
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            custom_menu_items: vec![item],
            ..Default::default()
        },
    );
    trigger(&el).click();
    button_named(&el, "Ping").click();
    assert_eq!(seen.get(), 1);
    assert!(panel(&el).is_none());
    assert_eq!(active(), Some(trigger(&el).into()));
}

#[wasm_bindgen_test]
fn the_panel_stays_inside_the_viewport_when_the_trigger_is_at_the_left_edge() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    // A trigger at the very left: the panel, right-aligned to it by default, would overflow.
    let t = trigger(&el);
    assert!(t.get_bounding_client_rect().left() < 50.0);
    t.click();
    let p = panel(&el).unwrap();
    let rect = p.get_bounding_client_rect();
    let width = doc().document_element().unwrap().client_width() as f64;
    assert!(
        rect.left() >= 0.0 && rect.right() <= width,
        "{} .. {}",
        rect.left(),
        rect.right()
    );
    let gap = rect.top() - t.get_bounding_client_rect().bottom();
    assert!((gap - 8.0).abs() < 0.5, "8 px under the trigger, got {gap}");
}

#[wasm_bindgen_test]
fn every_action_is_at_least_24_by_24_pixels() {
    let (clerk, el) = (clerk(), host());
    let grace = user(Some("Grace"), Some("Hopper"), "grace@example.test", "");
    let env = Env {
        multi_session: true,
        user_profile_url: Some("/account"),
        ..Env::default()
    };
    sign_in(&clerk, &[ada(), grace], &env);
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    let all = el.query_selector_all("button,a[href]").unwrap();
    assert!(all.length() >= 6);
    for i in 0..all.length() {
        let node: Element = all.item(i).unwrap().unchecked_into();
        let r = node.get_bounding_client_rect();
        assert!(
            r.width() >= 24.0 && r.height() >= 24.0,
            "{}: {}x{}",
            node.class_name(),
            r.width(),
            r.height()
        );
    }
}
