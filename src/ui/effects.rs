//! What an action does: navigation, custom callbacks and the SDK calls (`sign_out`,
//! `set_active`), the same ones JS users call. The UI never fetches by itself.
//!
//! Async actions mark themselves busy first, so a second click (or a double click) is
//! ignored until the first settles; the future holds only a `Weak` to the mount, so an
//! unmount in the meantime releases everything and the late result is dropped.

use crate::prelude::*;
use alloc::rc::Rc;

use super::action::Action;
use super::mount::{MountState, Shared};
use super::props::Label;
use crate::{Clerk, SignOutOptions};

/// The model's close codes (index 8): focus stays, focus the trigger, the trigger if focus
/// was inside the button.
const CLOSE: &str = "1";
const CLOSE_FOCUS: &str = "2";
const CLOSE_FOCUS_INSIDE: &str = "3";

/// Work to do after the mount's borrow is released (it may re-enter the mount).
#[derive(Default)]
pub(crate) enum Effect {
    /// Nothing.
    #[default]
    None,
    /// Go to a URL through the SDK (router push and protocol allow-list apply).
    Navigate(Clerk, String),
    /// A custom menu item's callback.
    Call(Rc<dyn Fn()>),
    /// A request to the Frontend API.
    Request(Clerk, Request),
}

/// The async actions: one future type serves them all (each spawned future type costs its
/// own copy of the executor glue in the wasm).
pub(crate) enum Request {
    /// Sign out with these options.
    SignOut(SignOutOptions),
    /// Make a session current, then maybe navigate.
    Switch(String, Option<String>),
}

/// Applies the action the view reported (by key) to the mount and says what to do next.
pub(crate) fn on_action(state: &mut MountState, key: &str) -> Effect {
    let Some(action) = Action::parse(key) else {
        return Effect::None;
    };
    // Only what the action needs is copied out of the view and targets.
    let Some(view) = state.view() else {
        return Effect::None;
    };
    let clerk = state.clerk.clone();
    let targets = &state.targets;
    match action {
        Action::Close => {
            state.error = None;
            Effect::None
        }
        Action::ManageAccount | Action::AddAccount => {
            let target = if action == Action::ManageAccount {
                targets.user_profile.clone()
            } else {
                targets.sign_in.clone()
            };
            state.error = None;
            state.send(CLOSE);
            target.map_or(Effect::None, |url| Effect::Navigate(clerk, url))
        }
        Action::Custom(index) => {
            let callback = state
                .props
                .custom_menu_items
                .get(index)
                .and_then(|item| item.on_click.clone());
            state.error = None;
            state.send(CLOSE_FOCUS);
            callback.map_or(Effect::None, Effect::Call)
        }
        Action::SignOut | Action::SignOutAll | Action::Switch(_) => {
            if state.busy.is_some() {
                return Effect::None;
            }
            let request = match action {
                Action::Switch(id) => Request::Switch(id.to_owned(), targets.after_switch.clone()),
                Action::SignOut if view.multi_session => Request::SignOut(SignOutOptions {
                    session_id: Some(view.session_id.to_owned()),
                    redirect_url: targets.after_single_sign_out.clone(),
                }),
                _ => Request::SignOut(SignOutOptions::default()),
            };
            state.busy = Some(action.key());
            state.error = None;
            state.send("");
            Effect::Request(clerk, request)
        }
    }
}

/// Performs an effect with no borrow of the mount held.
pub(crate) fn run_effect(shared: &Shared, effect: Effect) {
    let weak = Rc::downgrade(shared);
    match effect {
        Effect::None => {}
        Effect::Navigate(clerk, url) => clerk.navigate(&url),
        Effect::Call(callback) => callback(),
        Effect::Request(clerk, request) => wasm_bindgen_futures::spawn_local(async move {
            let (result, then) = match request {
                Request::SignOut(options) => (clerk.sign_out(options).await, None),
                Request::Switch(id, then) => (clerk.set_active(&id).await, Some(then)),
            };
            // Like ClerkJS, a successful switch closes the panel (focus back on the trigger).
            settle(
                &weak,
                result.as_ref().err().map(crate::ClerkError::long_message),
                then.is_some(),
            );
            if let (Ok(()), Some(Some(url))) = (result, then) {
                clerk.navigate(&url);
            }
        }),
    }
}

/// The async action finished: clear busy, show the failure or, when asked, close the panel
/// on success (if the mount still exists).
fn settle(
    weak: &alloc::rc::Weak<core::cell::RefCell<MountState>>,
    failure: Option<String>,
    close_on_success: bool,
) {
    let Some(shared) = weak.upgrade() else { return };
    let Ok(mut state) = shared.try_borrow_mut() else {
        return;
    };
    state.busy = None;
    let mut close = "";
    match failure {
        Some(message) => {
            let fallback = || state.label(Label::ActionFailed).to_owned();
            let message = Some(message).filter(|m| !m.trim().is_empty());
            state.error = Some(message.unwrap_or_else(fallback));
        }
        None if close_on_success => {
            state.error = None;
            close = CLOSE_FOCUS_INSIDE;
        }
        None => {}
    }
    state.send(close);
}
