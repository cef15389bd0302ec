//! Ownership: unmounting, replacing, detaching and keeping many buttons in sync.

use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::ui::{mount_user_button, mounted_count, UserButtonProps};

#[wasm_bindgen_test]
fn mounting_before_load_renders_once_state_arrives() {
    let (clerk, el) = (clerk(), host());
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    assert_eq!(el.child_element_count(), 0);
    sign_in(&clerk, &[ada()], &Env::default());
    trigger(&el);
}

#[wasm_bindgen_test]
fn dropping_the_handle_removes_every_node_and_listener() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let base = clerk.listener_count();
    let b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    assert_eq!(clerk.listener_count(), base + 1);
    drop(b);
    assert_eq!(el.inner_html(), "");
    assert_eq!(clerk.listener_count(), base);
    // The panel's document listeners are gone too: Escape no longer reaches a mount.
    assert!(press("Escape", false), "nobody handles Escape any more");
}

#[wasm_bindgen_test]
fn mounting_again_on_the_same_element_replaces_the_first_button() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let base = clerk.listener_count();
    let first = mount_user_button(&clerk, &el, UserButtonProps::default());
    let second = mount_user_button(&clerk, &el, UserButtonProps::default());
    assert_eq!(
        el.query_selector_all(".cl-userButtonBox").unwrap().length(),
        1
    );
    assert_eq!(clerk.listener_count(), base + 1);
    assert!(!first.is_mounted() && second.is_mounted());
    drop(first);
    assert_eq!(
        el.child_element_count(),
        1,
        "dropping the replaced handle leaves the new button alone"
    );
    drop(second);
    assert_eq!(clerk.listener_count(), base);
}

#[wasm_bindgen_test]
async fn an_element_that_leaves_the_document_releases_its_button() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let base = clerk.listener_count();
    let b = mount_user_button(&clerk, &el, UserButtonProps::default());
    el.remove();
    settle(0).await; // mutation observers run as a microtask
    assert!(!b.is_mounted());
    assert_eq!(clerk.listener_count(), base);
    assert_eq!(el.inner_html(), "");
}

#[wasm_bindgen_test]
async fn a_host_mounted_while_detached_is_kept_until_it_leaves_the_document() {
    let (clerk, el) = (clerk(), doc().create_element("div").unwrap());
    sign_in(&clerk, &[ada()], &Env::default());
    let b = mount_user_button(&clerk, &el, UserButtonProps::default());
    settle(0).await;
    assert!(b.is_mounted(), "not yet inserted is not removed");
    doc().body().unwrap().append_child(&el).unwrap();
    settle(0).await;
    assert!(b.is_mounted());
    el.remove();
    settle(0).await;
    assert!(!b.is_mounted());
}

#[wasm_bindgen_test]
fn many_buttons_work_independently_and_stay_in_sync() {
    let clerk = clerk();
    sign_in(&clerk, &[ada()], &Env::default());
    let before = mounted_count();
    let hosts: Vec<Element> = (0..3).map(|_| host()).collect();
    let buttons: Vec<_> = hosts
        .iter()
        .map(|h| mount_user_button(&clerk, h, UserButtonProps::default()))
        .collect();
    assert_eq!(mounted_count(), before + 3);
    trigger(&hosts[1]).click();
    assert!(panel(&hosts[0]).is_none() && panel(&hosts[1]).is_some() && panel(&hosts[2]).is_none());
    let ids: Vec<String> = hosts
        .iter()
        .filter_map(|h| panel(h).map(|p| p.id()))
        .collect();
    assert_eq!(ids.len(), 1);
    pointer_down(&trigger(&hosts[2]));
    trigger(&hosts[2]).click();
    assert!(
        panel(&hosts[1]).is_none(),
        "opening one closes the other (a press outside it)"
    );
    let grace = user(Some("Grace"), Some("Hopper"), "grace@example.test", "");
    sign_in(&clerk, &[grace], &Env::default());
    for h in &hosts {
        assert_eq!(
            q(h, ".cl-userButtonAvatarBox")
                .unwrap()
                .text_content()
                .as_deref(),
            Some("GH")
        );
    }
    drop(buttons);
    assert_eq!(mounted_count(), before);
}

#[wasm_bindgen_test]
fn set_props_changes_what_the_button_shows_without_a_remount() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let before = mounted_count();
    let b = mount_user_button(&clerk, &el, UserButtonProps::default());
    let first_trigger = trigger(&el);
    first_trigger.click();
    assert!(panel(&el).is_some());
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_none());

    let named = || UserButtonProps {
        show_name: true,
        ..UserButtonProps::default()
    };
    b.set_props(named());
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_some());
    assert!(
        trigger(&el).is_same_node(Some(&first_trigger)),
        "the same trigger node"
    );
    assert!(panel(&el).is_some(), "the open panel stays open");
    assert_eq!(mounted_count(), before + 1);

    // A handle whose button was replaced no longer reaches the button on its element.
    let replacement = mount_user_button(&clerk, &el, UserButtonProps::default());
    b.set_props(named());
    assert!(!b.is_mounted());
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_none());
    replacement.set_props(named());
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_some());
    drop(replacement);
    assert_eq!(mounted_count(), before);
}
