//! Ownership under load: 1,000 mount/unmount cycles leave no DOM nodes, SDK listeners, DOM
//! listeners or wasm memory behind; with the state loaded, mounting shows the trigger and a
//! click shows the panel synchronously, without waiting for anything. How fast they are is
//! measured by `npm run bench` (its 2 ms and one-frame budgets), not here: a timed test
//! fails on a busy machine, not on slow code. Needs `CLERK_DEV_SERVER_URL` (a real
//! signed-in state).

// A test crate: a failed unwrap is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod ui_common;

use clerk_wasm::ui::{
    dom_listener_count, mount_user_button, mounted_count, CustomMenuItem, UserButtonProps,
};
use clerk_wasm::Clerk;
use ui_common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn memory_bytes() -> f64 {
    let buffer = js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into()).unwrap();
    js_sys::Reflect::get(&buffer, &"byteLength".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

fn dom_nodes() -> u32 {
    doc().get_elements_by_tag_name("*").length()
}

fn props() -> UserButtonProps {
    UserButtonProps {
        show_name: true,
        custom_menu_items: vec![
            CustomMenuItem::link("Help", "https://example.test/help"),
            CustomMenuItem::action("Ping", || {}),
        ],
        ..UserButtonProps::default()
    }
}

/// One cycle, releasing the button one of three ways: dropping the handle, mounting another
/// on the same element (then dropping that), or the element leaving the document.
async fn cycle(clerk: &Clerk, el: &Element, i: usize) {
    let button = mount_user_button(clerk, el, props());
    click(el, ".cl-userButtonTrigger"); // the panel and its document listeners too
    match i % 10 {
        0 => {
            let detached = host();
            let doomed = mount_user_button(clerk, &detached, props());
            click(&detached, ".cl-userButtonTrigger");
            detached.remove();
            common::sleep(0).await;
            assert!(!doomed.is_mounted());
            drop(button);
        }
        1 => {
            let replacement = mount_user_button(clerk, el, props());
            assert!(!button.is_mounted());
            drop(replacement);
        }
        _ => drop(button),
    }
}

#[wasm_bindgen_test]
async fn a_thousand_mount_unmount_cycles_leave_no_nodes_listeners_or_memory_behind() {
    let (clerk, _navigations) = signed_in(false, &["ada@example.test"]).await;
    let el = host();
    for i in 0..50 {
        cycle(&clerk, &el, i).await; // warm-up: the allocator and the stylesheet settle
    }
    let (nodes, listeners, dom_listeners, mounted, memory) = (
        dom_nodes(),
        clerk.listener_count(),
        dom_listener_count(),
        mounted_count(),
        memory_bytes(),
    );
    for i in 0..1000 {
        cycle(&clerk, &el, i).await;
    }
    assert_eq!(dom_nodes(), nodes, "DOM nodes");
    assert_eq!(clerk.listener_count(), listeners, "SDK listeners");
    assert_eq!(dom_listener_count(), dom_listeners, "DOM listeners");
    assert_eq!(mounted_count(), mounted, "mounted buttons");
    let growth = memory_bytes() - memory;
    console_log!("wasm memory growth over 1,000 cycles: {growth} bytes");
    assert!(
        growth <= 64.0 * 1024.0,
        "wasm memory grew by {growth} bytes"
    );
}

#[wasm_bindgen_test]
async fn mounting_shows_the_trigger_and_a_click_shows_the_panel_synchronously() {
    let (clerk, _navigations) = signed_in(false, &["grace@example.test"]).await;
    let el = host();
    for _ in 0..20 {
        let button = mount_user_button(&clerk, &el, UserButtonProps::default());
        let trigger = q(&el, ".cl-userButtonTrigger").expect("the trigger right after mounting");
        assert!(q(&el, "[role=dialog]").is_none(), "closed until clicked");
        trigger.unchecked_into::<web_sys::HtmlElement>().click();
        assert!(
            q(&el, "[role=dialog]").is_some(),
            "the panel right after the click"
        );
        drop(button);
        assert!(el.inner_html().is_empty(), "unmounting empties the host");
    }
}
