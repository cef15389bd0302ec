//! The view model's rules, natively: who is shown, the panel's items, targets and strings.

use std::rc::Rc;
use std::sync::Arc;

use super::*;
use crate::options::Localization;
use crate::resources::{
    AuthConfig, Client, DisplayConfig, EmailAddress, Environment, PublicUserData, SessionStatus,
    User,
};
use crate::ui::CustomMenuItem;

fn user(first: Option<&str>, last: Option<&str>, username: &str, image: &str) -> User {
    User {
        first_name: first.map(Into::into),
        last_name: last.map(Into::into),
        username: Some(username.into()).filter(|u: &String| !u.is_empty()),
        image_url: image.into(),
        primary_email_address_id: Some("idn_1".into()),
        email_addresses: vec![EmailAddress {
            id: "idn_1".into(),
            email_address: format!("{}@example.test", first.unwrap_or("x").to_lowercase()),
        }],
        ..User::default()
    }
}

fn session(id: &str, user: User) -> Session {
    Session {
        id: id.into(),
        status: SessionStatus::Active,
        user: Some(Arc::new(user)),
        ..Session::default()
    }
}

/// A loaded state with these sessions signed in, the first one current.
fn state(sessions: Vec<Session>, multi_session: bool, display: DisplayConfig) -> State {
    let mut s = State::initial(InstanceType::Production);
    s.loaded = true;
    s.current_session_id = sessions.first().map(|s| s.id.clone());
    s.client = Some(Rc::new(Client {
        sessions,
        ..Client::default()
    }));
    s.environment = Rc::new(Environment {
        auth_config: AuthConfig {
            single_session_mode: !multi_session,
        },
        display_config: display,
    });
    s
}

fn ada() -> Session {
    session("sess_ada", user(Some("Ada"), Some(" Lovelace"), "ada", ""))
}

fn labels_of(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .map(|i| match i {
            Item::Button(_, label) | Item::Link { label, .. } => label.as_str(),
        })
        .collect()
}

#[test]
fn nothing_is_shown_while_loading_or_signed_out() {
    let props = UserButtonProps::default();
    let mut loading = state(vec![ada()], false, DisplayConfig::default());
    loading.loaded = false;
    assert_eq!(Model::of(&loading, &props, &LoadOptions::default()), None);
    let signed_out = state(vec![], false, DisplayConfig::default());
    assert_eq!(
        Model::of(&signed_out, &props, &LoadOptions::default()),
        None
    );
}

#[test]
fn a_person_without_a_name_is_titled_by_the_identifier() {
    let p = Person::of(&session("s", user(None, Some("  "), "linus", "")));
    assert_eq!(p.title, "linus");
    assert_eq!(p.subtitle, None);
    assert_eq!(p.initials, "L");
}

#[test]
fn a_full_name_joins_first_and_last_and_hostile_images_are_dropped() {
    let p = Person::of(&session(
        "s",
        user(Some("Ada"), Some(" Lovelace"), "ada", "javascript:alert(1)"),
    ));
    assert_eq!(p.title, "Ada Lovelace");
    assert_eq!(p.subtitle.as_deref(), Some("ada"));
    assert_eq!(p.initials, "AL");
    assert_eq!(p.image, None);
    let with_image = user(Some("Ada"), None, "ada", "https://img.example.test/a.png");
    let p = Person::of(&session("s", with_image));
    assert_eq!(p.image.as_deref(), Some("https://img.example.test/a.png"));
}

#[test]
fn another_session_may_carry_only_public_user_data() {
    let s = Session {
        public_user_data: Some(Arc::new(PublicUserData {
            first_name: Some("Grace".into()),
            last_name: Some("Hopper".into()),
            identifier: "grace@example.test".into(),
            image_url: Some("http://evil.test/x.png".into()),
            ..PublicUserData::default()
        })),
        ..Session::default()
    };
    let p = Person::of(&s);
    assert_eq!(
        (p.title.as_str(), p.subtitle.as_deref()),
        ("Grace Hopper", Some("grace@example.test"))
    );
    assert_eq!((p.initials.as_str(), p.image), ("GH", None));
}

#[test]
fn targets_come_from_props_then_load_options_then_the_instance() {
    let display = DisplayConfig {
        user_profile_url: Some("/instance-profile".into()),
        sign_in_url: Some("/instance-sign-in".into()),
        after_switch_session_url: Some("/instance-switched".into()),
        after_sign_out_one_url: Some("/instance-one".into()),
        ..DisplayConfig::default()
    };
    let s = state(vec![ada()], true, display);
    let none = Model::of(&s, &UserButtonProps::default(), &LoadOptions::default()).unwrap();
    assert_eq!(
        none.targets.user_profile.as_deref(),
        Some("/instance-profile")
    );
    assert_eq!(
        none.targets.after_sign_out_one.as_deref(),
        Some("/instance-one")
    );
    let load = LoadOptions {
        user_profile_url: Some("javascript:alert(1)".into()),
        sign_in_url: Some("/load-sign-in".into()),
        ..LoadOptions::default()
    };
    let props = UserButtonProps {
        after_switch_session_url: Some("/props-switched".into()),
        ..UserButtonProps::default()
    };
    let t = Model::of(&s, &props, &load).unwrap().targets;
    assert_eq!(
        t.user_profile.as_deref(),
        Some("/instance-profile"),
        "javascript: skipped"
    );
    assert_eq!(t.sign_in.as_deref(), Some("/load-sign-in"));
    assert_eq!(t.after_switch.as_deref(), Some("/props-switched"));
    assert_eq!(
        t.after_sign_out_one.as_deref(),
        Some("/load-sign-in#/choose")
    );
}

#[test]
fn manage_account_shows_only_with_a_profile_url_and_custom_items_follow_it() {
    let s = state(vec![ada()], false, DisplayConfig::default());
    let bare = Model::of(&s, &UserButtonProps::default(), &LoadOptions::default()).unwrap();
    assert_eq!(labels_of(&bare.actions), ["Sign out"]);
    let props = UserButtonProps {
        user_profile_url: Some("/me".into()),
        custom_menu_items: vec![
            CustomMenuItem::link("Help", "https://example.test/help"),
            CustomMenuItem::action("Ping", || {}),
            CustomMenuItem::link("Evil", "javascript:alert(1)"),
            CustomMenuItem::link("", "/unlabelled"),
        ],
        ..UserButtonProps::default()
    };
    let m = Model::of(&s, &props, &LoadOptions::default()).unwrap();
    assert_eq!(
        labels_of(&m.actions),
        ["Manage account", "Help", "Ping", "Sign out"]
    );
    assert_eq!(
        m.actions.get(2),
        Some(&Item::Button(Action::Custom(1), "Ping".into()))
    );
}

#[test]
fn bare_built_in_labels_reorder_the_built_ins() {
    let s = state(vec![ada()], false, DisplayConfig::default());
    let marker = |label: &str| CustomMenuItem {
        label: label.into(),
        href: None,
        on_click: None,
        label_icon: None,
    };
    let props = UserButtonProps {
        user_profile_url: Some("/me".into()),
        custom_menu_items: vec![
            marker("signOut"),
            CustomMenuItem::action("Ping", || {}),
            marker("manageAccount"),
        ],
        ..UserButtonProps::default()
    };
    let m = Model::of(&s, &props, &LoadOptions::default()).unwrap();
    assert_eq!(
        labels_of(&m.actions),
        ["Sign out", "Ping", "Manage account"]
    );
}

#[test]
fn multi_session_lists_the_other_sessions_add_account_and_sign_out_of_all() {
    let display = DisplayConfig {
        sign_in_url: Some("/sign-in".into()),
        ..DisplayConfig::default()
    };
    let grace = session(
        "sess_grace",
        user(Some("Grace"), Some("Hopper"), "grace", ""),
    );
    let mut ended = session("sess_ended", user(Some("Old"), None, "old", ""));
    ended.status = SessionStatus::Ended;
    let s = state(vec![ada(), grace, ended], true, display.clone());
    let m = Model::of(&s, &UserButtonProps::default(), &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = m.sessions.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["sess_grace"]);
    assert_eq!(
        labels_of(&m.more),
        ["Add account", "Sign out of all accounts"]
    );
    let alone = state(vec![ada()], true, display.clone());
    let m = Model::of(&alone, &UserButtonProps::default(), &LoadOptions::default()).unwrap();
    assert_eq!(labels_of(&m.more), ["Add account"]);
    let single = state(
        vec![ada(), session("b", user(None, None, "b", ""))],
        false,
        display,
    );
    let m = Model::of(
        &single,
        &UserButtonProps::default(),
        &LoadOptions::default(),
    )
    .unwrap();
    assert!(m.sessions.is_empty() && m.more.is_empty() && !m.multi_session);
}

#[test]
fn strings_follow_props_then_load_options_and_the_shown_name_leads_the_label() {
    let display = DisplayConfig {
        instance_environment_type: Some("development".into()),
        ..DisplayConfig::default()
    };
    let s = state(vec![ada()], false, display);
    let load = LoadOptions {
        localization: Localization {
            development_mode: Some("Entwicklung".into()),
            open_user_menu: Some("Menü".into()),
            ..Localization::default()
        },
        ..LoadOptions::default()
    };
    let props = UserButtonProps {
        show_name: true,
        localization: Localization {
            close_user_menu: Some("Zu".into()),
            ..Localization::default()
        },
        ..UserButtonProps::default()
    };
    let m = Model::of(&s, &props, &load).unwrap();
    assert_eq!(m.footer.as_deref(), Some("Entwicklung"));
    assert_eq!(m.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(m.trigger_label(false), "Ada Lovelace, Menü");
    assert_eq!(m.trigger_label(true), "Ada Lovelace, Zu");
    let hidden = Model::of(&s, &UserButtonProps::default(), &load).unwrap();
    assert_eq!(hidden.trigger_label(false), "Menü");
}
