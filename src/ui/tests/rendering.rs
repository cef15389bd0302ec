//! What the user button shows for each state and prop.

use wasm_bindgen_test::wasm_bindgen_test;

use super::*;
use crate::ui::{mount_user_button, CustomMenuItem, UserButtonProps};

#[wasm_bindgen_test]
fn while_loading_and_when_signed_out_the_element_stays_empty() {
    let (clerk, el) = (clerk(), host());
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    assert_eq!(el.child_element_count(), 0, "loading");
    sign_out_locally(&clerk);
    assert_eq!(el.inner_html(), "", "signed out");
}

#[wasm_bindgen_test]
fn a_signed_in_user_gets_a_trigger_with_every_aria_attribute() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    let t = trigger(&el);
    assert_eq!(t.tag_name(), "BUTTON");
    assert_eq!(t.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        t.get_attribute("aria-label").as_deref(),
        Some("Open user menu")
    );
    assert_eq!(t.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(t.get_attribute("aria-haspopup").as_deref(), Some("dialog"));
    assert_eq!(t.get_attribute("aria-controls"), None);
    t.click();
    let p = panel(&el).expect("the panel opens");
    assert_eq!(
        t.get_attribute("aria-label").as_deref(),
        Some("Close user menu")
    );
    assert_eq!(t.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(t.get_attribute("aria-controls"), Some(p.id()));
    assert_eq!(
        p.get_attribute("aria-label").as_deref(),
        Some("Account panel")
    );
    let group = q(&p, "[role=group]").unwrap();
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Account actions")
    );
}

#[wasm_bindgen_test]
fn without_an_image_the_avatar_shows_unicode_aware_initials() {
    let (clerk, el) = (clerk(), host());
    let emile = user(Some("émile"), Some("zola"), "emile@example.test", "");
    sign_in(&clerk, &[emile], &Env::default());
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    let avatar = q(&el, ".cl-userButtonAvatarBox").unwrap();
    assert_eq!(avatar.text_content().as_deref(), Some("ÉZ"));
    assert!(q(&el, "img").is_none());

    let emoji = user(Some("👩🏽\u{200D}💻"), None, "dev@example.test", "");
    sign_in(&clerk, &[emoji], &Env::default());
    let avatar = q(&el, ".cl-userButtonAvatarBox").unwrap();
    assert_eq!(avatar.text_content().as_deref(), Some("👩🏽\u{200D}💻"));
}

#[wasm_bindgen_test]
fn a_safe_image_url_is_shown_and_hostile_ones_fall_back_to_initials() {
    let (clerk, el) = (clerk(), host());
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    sign_in(
        &clerk,
        &[user(Some("Ada"), None, "a@example.test", png)],
        &Env::default(),
    );
    let _button = mount_user_button(&clerk, &el, UserButtonProps::default());
    let img = q(&el, "img.cl-userButtonAvatarImage").expect("an avatar image");
    assert_eq!(img.get_attribute("src").as_deref(), Some(png));
    assert_eq!(img.get_attribute("alt").as_deref(), Some(""));
    for hostile in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://evil.test/pixel.png",
        " javascript:alert(1)",
    ] {
        sign_in(
            &clerk,
            &[user(Some("Ada"), None, "a@example.test", hostile)],
            &Env::default(),
        );
        assert!(
            q(&el, "img").is_none(),
            "{hostile} must not become an <img>"
        );
        assert_eq!(
            q(&el, ".cl-userButtonAvatarBox")
                .unwrap()
                .text_content()
                .as_deref(),
            Some("A")
        );
    }
}

#[wasm_bindgen_test]
fn names_and_labels_carrying_html_and_script_render_as_inert_text() {
    let (clerk, el) = (clerk(), host());
    let payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let evil = user(
        Some(payload),
        Some("<b>bold</b>"),
        "<svg onload=alert(1)>@x.test",
        "",
    );
    sign_in(&clerk, &[evil], &Env::default());
    let props = UserButtonProps {
        show_name: true,
        custom_menu_items: vec![
            CustomMenuItem::action("<i>x</i><script>window.__pwned=3</script>", || {}),
            CustomMenuItem::link("<a href=javascript:alert(1)>", "javascript:alert(1)"),
        ],
        ..UserButtonProps::default()
    };
    let _button = mount_user_button(&clerk, &el, props);
    trigger(&el).click();
    // The only SVG is the button's own icons (the sign-out row's exit arrow).
    for tag in [
        "script",
        "b",
        "i",
        "img",
        "svg:not(.cl-userButtonPopoverActionButtonIcon)",
    ] {
        assert!(
            q(&el, tag).is_none(),
            "a <{tag}> element was created from user text"
        );
    }
    let name = q(&el, ".cl-userPreviewMainIdentifier").unwrap();
    assert_eq!(
        name.text_content().unwrap(),
        [payload, " <b>bold</b>"].concat()
    );
    assert_eq!(
        name.get_attribute("title").unwrap(),
        [payload, " <b>bold</b>"].concat()
    );
    button_named(&el, "<i>x</i><script>window.__pwned=3</script>");
    // The javascript: link is dropped entirely rather than rendered.
    assert!(q(&el, "a").is_none());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
fn long_right_to_left_and_emoji_names_are_truncated_inside_the_panel() {
    let (clerk, el) = (clerk(), host());
    let long = "Maximiliana-Wilhelmina ".repeat(12);
    let arabic = "عبد الرحمن بن محمد";
    for (first, last) in [
        (long.as_str(), "von Habsburg"),
        (arabic, "الهاشمي"),
        ("🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀", "🇫🇷"),
    ] {
        sign_in(
            &clerk,
            &[user(Some(first), Some(last), "x@example.test", "")],
            &Env::default(),
        );
        let _button = mount_user_button(
            &clerk,
            &el,
            UserButtonProps {
                show_name: true,
                ..Default::default()
            },
        );
        trigger(&el).click();
        let p: HtmlElement = panel(&el).unwrap().unchecked_into();
        let name: HtmlElement = q(&p, ".cl-userPreviewMainIdentifier")
            .unwrap()
            .unchecked_into();
        let full = [first.trim(), " ", last].concat();
        assert_eq!(name.get_attribute("title").as_deref(), Some(full.as_str()));
        assert_eq!(name.get_attribute("dir").as_deref(), Some("auto"));
        let (n, pr) = (
            name.get_bounding_client_rect(),
            p.get_bounding_client_rect(),
        );
        assert!(
            n.right() <= pr.right() + 0.5 && n.left() >= pr.left() - 0.5,
            "{first}: the name overflows the panel"
        );
        assert!(
            p.scroll_width() <= p.client_width(),
            "{first}: the panel scrolls sideways"
        );
        let trig = trigger(&el).get_bounding_client_rect();
        assert!(trig.width() <= doc().document_element().unwrap().client_width() as f64);
    }
}

#[wasm_bindgen_test]
fn show_name_puts_the_full_name_beside_the_avatar() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            show_name: true,
            ..Default::default()
        },
    );
    let name = q(&el, ".cl-userButtonTrigger .cl-userButtonOuterIdentifier").unwrap();
    assert_eq!(name.text_content().as_deref(), Some("Ada Lovelace"));
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    assert!(q(&el, ".cl-userButtonOuterIdentifier").is_none());
}

#[wasm_bindgen_test]
fn the_panel_previews_the_user_and_lists_manage_account_only_when_a_profile_url_exists() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    let p = panel(&el).unwrap();
    assert_eq!(
        q(&p, ".cl-userPreviewMainIdentifier")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Ada Lovelace")
    );
    assert_eq!(
        q(&p, ".cl-userPreviewSecondaryIdentifier")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("ada@example.test")
    );
    assert!(q(&p, ".cl-userButtonPopoverActionButton__manageAccount").is_none());
    assert!(q(&p, ".cl-userButtonPopoverActionButton__signOut").is_some());
    assert!(
        q(&p, ".cl-userButtonPopoverFooter").is_none(),
        "no footer on production instances"
    );

    let env = Env {
        user_profile_url: Some("/account"),
        development: true,
        ..Env::default()
    };
    sign_in(&clerk, &[ada()], &env);
    let p = panel(&el).expect("still open after the state change");
    let labels: Vec<String> = p
        .query_selector_all(".cl-userButtonPopoverActionButton")
        .map(|l| {
            (0..l.length())
                .map(|i| l.item(i).unwrap().text_content().unwrap())
                .collect()
        })
        .unwrap();
    assert_eq!(labels, ["Manage account", "Sign out"]);
    assert_eq!(
        q(&p, ".cl-userButtonPopoverFooter")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Development mode")
    );
}

#[wasm_bindgen_test]
fn custom_menu_items_follow_manage_account_and_bare_labels_reorder_the_built_ins() {
    let (clerk, el) = (clerk(), host());
    sign_in(
        &clerk,
        &[ada()],
        &Env {
            user_profile_url: Some("/account"),
            ..Env::default()
        },
    );
    let labels = |el: &Element| -> Vec<String> {
        let l = el
            .query_selector_all(".cl-userButtonPopoverActions[role=group] > *")
            .unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    let items = vec![
        CustomMenuItem::link("Help", "https://example.test/help"),
        CustomMenuItem::action("Ping", || {}),
    ];
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            custom_menu_items: items,
            ..Default::default()
        },
    );
    trigger(&el).click();
    assert_eq!(labels(&el), ["Manage account", "Help", "Ping", "Sign out"]);
    let help = q(&el, "a.cl-userButtonPopoverCustomItemButton").unwrap();
    assert_eq!(
        help.get_attribute("href").as_deref(),
        Some("https://example.test/help")
    );

    let reorder = vec![
        CustomMenuItem {
            label: "signOut".into(),
            href: None,
            on_click: None,
            label_icon: None,
        },
        CustomMenuItem::action("Ping", || {}),
        CustomMenuItem {
            label: "manageAccount".into(),
            href: None,
            on_click: None,
            label_icon: None,
        },
    ];
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            custom_menu_items: reorder,
            ..Default::default()
        },
    );
    trigger(&el).click();
    assert_eq!(labels(&el), ["Sign out", "Ping", "Manage account"]);
}

#[wasm_bindgen_test]
fn multi_session_lists_other_sessions_add_account_and_sign_out_of_all() {
    let (clerk, el) = (clerk(), host());
    let grace = user(Some("Grace"), Some("Hopper"), "grace@example.test", "");
    let env = Env {
        multi_session: true,
        ..Env::default()
    };
    sign_in(&clerk, &[ada(), grace], &env);
    let _b = mount_user_button(&clerk, &el, UserButtonProps::default());
    trigger(&el).click();
    let group = q(&el, ".cl-userButtonPopoverSessions[role=group]").expect("the sessions group");
    let heading = doc()
        .get_element_by_id(&group.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert_eq!(heading.text_content().as_deref(), Some("Active sessions"));
    let switch = q(&group, ".cl-userButtonPopoverActionButton__session").unwrap();
    assert!(switch.text_content().unwrap().contains("Grace Hopper"));
    button_named(&el, "Add account");
    button_named(&el, "Sign out of all accounts");

    sign_in(&clerk, &[ada()], &env);
    assert!(
        q(&el, ".cl-userButtonPopoverSessions").is_none(),
        "no other sessions: no list"
    );
    assert!(q(&el, ".cl-userButtonPopoverActionButton__signOutAll").is_none());
    button_named(&el, "Add account");
}

#[wasm_bindgen_test]
fn every_built_in_row_has_its_icon_and_custom_rows_line_up_without_one() {
    let (clerk, el) = (clerk(), host());
    let grace = user(Some("Grace"), Some("Hopper"), "grace@example.test", "");
    let env = Env {
        multi_session: true,
        user_profile_url: Some("/account"),
        ..Env::default()
    };
    sign_in(&clerk, &[ada(), grace], &env);
    let props = UserButtonProps {
        custom_menu_items: vec![CustomMenuItem::action("Ping", || {})],
        ..UserButtonProps::default()
    };
    let _b = mount_user_button(&clerk, &el, props);
    trigger(&el).click();
    for (action, icon) in [
        ("manageAccount", "manageAccount"),
        ("signOut", "signOut"),
        ("addAccount", "addAccount"),
        ("signOutAll", "signOutAll"),
    ] {
        let row = q(&el, &format!(".cl-userButtonPopoverActionButton__{action}")).unwrap();
        let svg = q(&row, "svg").expect("an icon");
        assert_eq!(
            svg.namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg")
        );
        assert!(svg
            .class_list()
            .contains(&format!("cl-userButtonPopoverActionButtonIcon__{icon}")));
        assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
        assert!(
            q(&svg, "path").is_some(),
            "{action}: the icon draws something"
        );
    }
    let custom = button_named(&el, "Ping");
    let empty = q(&custom, ".cl-userButtonPopoverCustomItemButtonIconBox").unwrap();
    assert_eq!(empty.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn with_show_name_the_accessible_name_starts_with_the_name_shown() {
    let (clerk, el) = (clerk(), host());
    sign_in(&clerk, &[ada()], &Env::default());
    let _b = mount_user_button(
        &clerk,
        &el,
        UserButtonProps {
            show_name: true,
            ..Default::default()
        },
    );
    let t = trigger(&el);
    // The avatar's initials are decorative (`aria-hidden`): the name is the visible label.
    let shown = q(&el, ".cl-userButtonOuterIdentifier")
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(shown, "Ada Lovelace");
    let label = t.get_attribute("aria-label").unwrap();
    assert!(
        label.starts_with(&shown),
        "{label:?} does not start with {shown:?}"
    );
    assert_eq!(label, "Ada Lovelace, Open user menu");
    t.click();
    assert_eq!(
        t.get_attribute("aria-label").as_deref(),
        Some("Ada Lovelace, Close user menu")
    );
}
