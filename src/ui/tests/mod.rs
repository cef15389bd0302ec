//! Browser tests of the user button's states and props, in headless Chromium.
//!
//! These drive a real `Clerk` whose state is set through the core's own state update (the
//! same path a `GET /v1/client` takes), so any name, avatar URL or session list can be shown
//! without a server; the flows that need the Frontend API (sign-out, switching, failures,
//! the leak test) are in `tests/ui_*.rs` against the development server.
#![cfg(target_arch = "wasm32")]

mod bindings;
mod interaction;
mod lifecycle;
mod rendering;
mod rules;
mod theming;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test_configure;
use web_sys::{Document, Element, HtmlElement};

use crate::resources::{
    AuthConfig, Client, DisplayConfig, EmailAddress, Environment, Session, SessionStatus, User,
};
use crate::{Clerk, Status};

wasm_bindgen_test_configure!(run_in_browser);

pub(super) fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page's body (so the stylesheet applies and focus works).
pub(super) fn host() -> Element {
    let el = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

pub(super) fn user(first: Option<&str>, last: Option<&str>, email: &str, image: &str) -> User {
    User {
        id: ["user_", email].concat(),
        first_name: first.map(Into::into),
        last_name: last.map(Into::into),
        image_url: image.into(),
        primary_email_address_id: Some("idn_1".into()),
        email_addresses: vec![EmailAddress {
            id: "idn_1".into(),
            email_address: email.into(),
        }],
        ..User::default()
    }
}

pub(super) fn ada() -> User {
    user(Some("Ada"), Some("Lovelace"), "ada@example.test", "")
}

/// A `Clerk` that is still loading.
pub(super) fn clerk() -> Clerk {
    Clerk::new("pk_test_MTI3LjAuMC4xOjQwMDAk").unwrap()
}

/// Environment options of a signed-in fixture.
#[derive(Default, Clone)]
pub(super) struct Env {
    pub multi_session: bool,
    pub development: bool,
    pub user_profile_url: Option<&'static str>,
}

/// Puts `clerk` into the loaded state with these users signed in (the first is current).
pub(super) fn sign_in(clerk: &Clerk, users: &[User], env: &Env) {
    let sessions: Vec<Session> = users
        .iter()
        .enumerate()
        .map(|(i, u)| Session {
            id: ["sess_", &i.to_string()].concat(),
            status: SessionStatus::Active,
            user: Some(u.clone().into()),
            ..Session::default()
        })
        .collect();
    let current = sessions.first().map(|s| s.id.clone());
    let environment = Environment {
        auth_config: AuthConfig {
            single_session_mode: !env.multi_session,
        },
        display_config: DisplayConfig {
            sign_in_url: Some("/sign-in.html".into()),
            user_profile_url: env.user_profile_url.map(Into::into),
            instance_environment_type: Some(
                if env.development {
                    "development"
                } else {
                    "production"
                }
                .into(),
            ),
            ..DisplayConfig::default()
        },
    };
    clerk.inner.update(|s| {
        s.status = Status::Ready;
        s.loaded = true;
        s.environment = Rc::new(environment);
        s.client = Some(Rc::new(Client {
            id: "client_1".into(),
            last_active_session_id: current.clone(),
            sessions,
            ..Client::default()
        }));
        s.current_session_id = current;
    });
}

/// Loaded and signed out.
pub(super) fn sign_out_locally(clerk: &Clerk) {
    clerk.inner.update(|s| {
        s.loaded = true;
        s.status = Status::Ready;
        s.client = None;
        s.current_session_id = None;
    });
}

pub(super) fn q(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub(super) fn trigger(root: &Element) -> HtmlElement {
    q(root, ".cl-userButtonTrigger")
        .expect("a trigger")
        .unchecked_into()
}

pub(super) fn panel(root: &Element) -> Option<Element> {
    q(root, "[role=dialog]")
}

pub(super) fn active() -> Option<Element> {
    doc().active_element()
}

pub(super) fn button_named(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button,a[href]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name:?}"))
}

/// Dispatches a bubbling `keydown` at the focused element (or the body).
pub(super) fn press(key: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let target: web_sys::EventTarget = match active() {
        Some(el) => el.into(),
        None => doc().body().unwrap().into(),
    };
    target.dispatch_event(&event).unwrap()
}

/// A pointer press on `target`, as a click outside starts.
pub(super) fn pointer_down(target: &Element) {
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict("pointerdown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Lets pending promises, microtasks and a frame run.
pub(super) async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
