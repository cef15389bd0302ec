//! What an action does: open and close the panel, navigate, run a custom item's callback, or
//! ask the SDK for a sign-out or a session switch, through the same typed API an app uses
//! (`sign_out`, `set_active`, `navigate`); the button never fetches by itself.
//!
//! An action first changes the mount (busy, closed) under its borrow and returns an
//! [`Effect`]; [`run`] performs it once the borrow is released, because the SDK notifies its
//! listeners (this mount among them) synchronously. A request's future holds only a `Weak`
//! to the mount: an unmount in the meantime releases everything, and the late answer is
//! dropped.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

use super::action::{Action, ATTR};
use super::dom::{active_element, as_element, Listen};
use super::keyboard::{self, PanelKey};
use super::mounted::{MountState, Shared};
use super::place::place;
use super::state::FocusAfter;
use crate::{Clerk, SignOutOptions};

/// Work to do once the mount's borrow is released.
#[derive(Default)]
pub(crate) enum Effect {
    /// Nothing.
    #[default]
    None,
    /// Go to a URL through the SDK (its router push and protocol allow-list apply).
    Navigate(Clerk, String),
    /// A custom menu item's callback.
    Call(Rc<dyn Fn()>),
    /// A request to the Frontend API.
    Request(Clerk, Request),
}

/// The requests a button makes.
#[derive(Debug)]
pub(crate) enum Request {
    /// Sign out with these options.
    SignOut(SignOutOptions),
    /// Make a session current, then maybe navigate.
    Switch(String, Option<String>),
}

impl core::fmt::Debug for Effect {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Navigate(_, url) => f.debug_tuple("Navigate").field(url).finish(),
            Self::Call(_) => f.write_str("Call"),
            Self::Request(_, request) => f.debug_tuple("Request").field(request).finish(),
        }
    }
}

// ── Events: what the mount's listeners hear ──────────────────────────────────────────────

/// A click on a node of the button: the action its `data-cl-action` names.
pub(crate) fn on_click(state: &mut MountState, event: &Event) -> Effect {
    let node = event
        .target()
        .and_then(|t| as_element(t.unchecked_ref()))
        .and_then(|t| t.closest("[data-cl-action]").ok().flatten());
    let action = node
        .filter(|node| state.root.contains(Some(node)))
        .and_then(|node| node.get_attribute(ATTR))
        .and_then(|key| Action::parse(&key));
    match action {
        Some(action) => on_action(state, action),
        None => Effect::None,
    }
}

/// A key press anywhere in the document while the panel is open (see `keyboard.rs`).
pub(crate) fn on_key(state: &mut MountState, event: &Event) -> Effect {
    let Some(key) = keyboard::panel_key(event) else {
        return Effect::None;
    };
    let Some(panel) = state.panel.clone() else {
        return Effect::None;
    };
    let active = active_element(&state.root);
    let step = match key {
        PanelKey::Escape => {
            event.prevent_default();
            state.close(FocusAfter::Trigger);
            return Effect::None;
        }
        PanelKey::Cycle(step) => step,
        PanelKey::Arrow(step) if panel.contains(active.as_ref().map(AsRef::as_ref)) => step,
        PanelKey::Arrow(_) => return Effect::None,
    };
    event.prevent_default();
    keyboard::move_focus(&panel, active.as_ref(), step);
    Effect::None
}

/// A press outside closes the panel. The composed path sees through shadow roots, where
/// the document sees the press retargeted to the shadow host.
pub(crate) fn on_press(state: &mut MountState, event: &Event) -> Effect {
    if !event.composed_path().includes(&state.root, 0) {
        state.close(FocusAfter::Trigger);
    }
    Effect::None
}

/// The viewport changed size while the panel is open: place it again.
pub(crate) fn on_resize(state: &mut MountState, _: &Event) -> Effect {
    if let Some(panel) = &state.panel {
        place(panel, &state.trigger, &state.doc);
    }
    Effect::None
}

/// An avatar image that fails to load shows initials from then on.
pub(crate) fn on_image_error(state: &mut MountState, event: &Event) -> Effect {
    let src = event
        .target()
        .and_then(|t| as_element(t.unchecked_ref()))
        .and_then(|img| img.get_attribute("src"));
    if let Some(src) = src.filter(|src| state.ui.shows_image(src)) {
        state.ui.failed_images.push(src);
        state.render();
    }
    Effect::None
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────

/// Applies an action to the mount and says what to do next.
pub(crate) fn on_action(state: &mut MountState, action: Action) -> Effect {
    let Some(shown) = &state.shown else {
        return Effect::None;
    };
    let targets = shown.model.targets.clone();
    let clerk = state.clerk.clone();
    match action {
        Action::Toggle if state.ui.open => state.close(FocusAfter::Trigger),
        Action::Toggle => {
            let listeners = panel_listeners(state);
            state.open(listeners);
        }
        Action::ManageAccount | Action::AddAccount => {
            let target = match action {
                Action::ManageAccount => targets.user_profile,
                _ => targets.sign_in,
            };
            // The page is about to change: focus stays where it is.
            state.close(FocusAfter::Stays);
            return target.map_or(Effect::None, |url| Effect::Navigate(clerk, url));
        }
        Action::Custom(index) => {
            let callback =
                (state.props.custom_menu_items.get(index)).and_then(|item| item.on_click.clone());
            state.close(FocusAfter::Trigger);
            return callback.map_or(Effect::None, Effect::Call);
        }
        Action::SignOut | Action::SignOutAll | Action::Session(_) => {
            return start_request(state, action, clerk);
        }
    }
    Effect::None
}

/// Marks `action` busy and asks for its request; nothing while another one runs.
fn start_request(state: &mut MountState, action: Action, clerk: Clerk) -> Effect {
    let Some(shown) = &state.shown else {
        return Effect::None;
    };
    if state.ui.busy.is_some() {
        return Effect::None;
    }
    let model = &shown.model;
    let request = match &action {
        Action::Session(id) => Request::Switch(id.clone(), model.targets.after_switch.clone()),
        // "Sign out" with several sessions signs out of the current one only.
        Action::SignOut if model.multi_session => Request::SignOut(SignOutOptions {
            session_id: Some(model.session_id.clone()),
            redirect_url: model.targets.after_sign_out_one.clone(),
        }),
        _ => Request::SignOut(SignOutOptions {
            session_id: None,
            redirect_url: model.targets.after_sign_out.clone(),
        }),
    };
    state.ui.busy = Some(action);
    state.ui.error = None;
    state.render();
    Effect::Request(clerk, request)
}

/// Performs an effect with no borrow of the mount held.
pub(crate) fn run(shared: &Shared, effect: Effect) {
    match effect {
        Effect::None => {}
        Effect::Navigate(clerk, url) => clerk.navigate(&url),
        Effect::Call(callback) => callback(),
        Effect::Request(clerk, request) => {
            let mount = Rc::downgrade(shared);
            wasm_bindgen_futures::spawn_local(perform(mount, clerk, request));
        }
    }
}

async fn perform(mount: Weak<core::cell::RefCell<MountState>>, clerk: Clerk, request: Request) {
    match request {
        Request::SignOut(options) => {
            let result = clerk.sign_out(options).await;
            settle(&mount, result.err().map(|e| e.long_message()), false);
        }
        Request::Switch(id, then) => {
            let result = clerk.set_active(&id).await;
            let switched = result.is_ok();
            // Like ClerkJS, a successful switch closes the panel.
            settle(&mount, result.err().map(|e| e.long_message()), true);
            if let (true, Some(url), true) = (switched, then, mount.strong_count() > 0) {
                clerk.navigate(&url);
            }
        }
    }
}

/// The request finished: the button is no longer busy; a failure shows in the panel (the
/// server's message, written for users, else a generic one), and a successful switch closes
/// the panel.
fn settle(mount: &Weak<core::cell::RefCell<MountState>>, failure: Option<String>, close: bool) {
    let Some(shared) = mount.upgrade() else {
        return;
    };
    let Ok(mut state) = shared.try_borrow_mut() else {
        return;
    };
    state.ui.busy = None;
    match failure {
        Some(message) => {
            let message = Some(message).filter(|m| !m.trim().is_empty());
            let fallback = || {
                (state.shown.as_ref())
                    .map(|s| s.model.texts.action_failed.clone())
                    .unwrap_or_default()
            };
            state.ui.error = Some(message.unwrap_or_else(fallback));
            state.render();
        }
        None if close && state.ui.open => state.close(FocusAfter::TriggerIfInside),
        None => state.render(),
    }
}

// ── Listeners ─────────────────────────────────────────────────────────────────────────────

/// What a listener does to its mount: a plain function, so every listener of the button is
/// the same closure type.
type Handler = fn(&mut MountState, &Event) -> Effect;

/// Listens for `kind` on `target` with `handler`, run on the mount while it is alive; the
/// effect it asks for runs after the borrow is released.
pub(crate) fn listen(
    target: &EventTarget,
    kind: &'static str,
    capture: bool,
    me: &Weak<RefCell<MountState>>,
    handler: Handler,
) -> Listen {
    let me = me.clone();
    Listen::new(target, kind, capture, move |event| {
        let Some(shared) = me.upgrade() else { return };
        let effect = match shared.try_borrow_mut() {
            Ok(mut state) => handler(&mut state, &event),
            Err(_) => return,
        };
        run(&shared, effect);
    })
}

/// The open panel's listeners: keys, presses outside, and the window's size.
pub(crate) fn panel_listeners(state: &MountState) -> Vec<Listen> {
    let mut listeners = vec![
        listen(&state.doc, "keydown", false, &state.me, on_key),
        // Capture phase: a press outside closes the panel even if the page stops
        // propagation.
        listen(&state.doc, "pointerdown", true, &state.me, on_press),
    ];
    if let Some(window) = state.doc.default_view() {
        listeners.push(listen(&window, "resize", false, &state.me, on_resize));
    }
    listeners
}
