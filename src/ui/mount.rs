//! One mounted user button: its view (the JS function that owns the DOM, see
//! `userButton` in src/host.rs), its state listener and its in-flight work, all released
//! together when the [`Mount`] is dropped.
//!
//! Rust keeps every decision: what is shown ([`MountState::model`]), what an action does
//! ([`super::effects`]). The view reports the action chosen by key through one callback
//! and gets a new model in answer. The callback holds only a `Weak` to the mount state (no
//! `Rc` cycle through the DOM), takes the `RefCell` borrow for the decision only, and
//! releases it before calling into the SDK core, whose listener notification re-enters
//! this mount synchronously.

use crate::prelude::*;
use alloc::rc::{Rc, Weak};
use core::cell::RefCell;

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Element;

use super::effects::{on_action, run_effect};
use super::props::{Appearance, Label, Labels, Localization, UserButtonProps};
use super::view::{view_for, Targets, View};
use crate::{Clerk, Listener, State};

pub(crate) type Shared = Rc<RefCell<MountState>>;

/// A live user button. Dropping it removes its nodes and listeners and abandons its in-flight
/// work (a request already sent completes in the core; this mount no longer reacts to it).
#[derive(Debug)]
pub(crate) struct Mount {
    _shared: Shared,
    _listener: Listener,
}

/// Everything one mount owns.
pub(crate) struct MountState {
    pub(crate) clerk: Clerk,
    pub(crate) props: UserButtonProps,
    /// The load-level appearance, applied before the button's own.
    pub(crate) base: Option<Rc<Appearance>>,
    /// The load-level localization, read after the button's own.
    base_text: Option<Rc<Localization>>,
    /// The state snapshot on screen; `None` while nothing is shown. Kept whole (an `Rc`):
    /// the view is read from it in place, nothing copied out.
    shown: Option<Rc<State>>,
    /// Where the actions of the shown view go.
    pub(crate) targets: Targets,
    /// The key ([`super::action::Action::key`]) of the action waiting on the Frontend API.
    pub(crate) busy: Option<String>,
    /// The last failure, shown in the panel until it closes.
    pub(crate) error: Option<String>,
    /// The view's `update(model)`.
    view: Function,
    /// The view's callback, kept alive as long as the view.
    _act: Closure<dyn FnMut(JsValue)>,
}

impl core::fmt::Debug for MountState {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MountState").finish_non_exhaustive()
    }
}

impl Mount {
    /// Mounts into `host` (the view attaches its box only once there is a signed-in user).
    pub(crate) fn new(clerk: &Clerk, host: &Element, props: UserButtonProps) -> Self {
        let (base, base_text) = super::defaults::base(clerk).unzip();
        let shared: Shared = Rc::new_cyclic(|me: &Weak<RefCell<MountState>>| {
            let me = me.clone();
            let act = Closure::<dyn FnMut(JsValue)>::new(move |key: JsValue| {
                let Some(shared) = me.upgrade() else { return };
                let effect = match (shared.try_borrow_mut(), key.as_string()) {
                    (Ok(mut state), Some(key)) => on_action(&mut state, &key),
                    _ => return,
                };
                run_effect(&shared, effect);
            });
            let view = crate::host::user_button(host, &act);
            RefCell::new(MountState {
                clerk: clerk.clone(),
                props,
                base,
                base_text,
                shown: None,
                targets: Targets::default(),
                busy: None,
                error: None,
                view,
                _act: act,
            })
        });
        on_state(&shared);
        let weak = Rc::downgrade(&shared);
        let listener = clerk.add_listener(move |_| {
            if let Some(shared) = weak.upgrade() {
                on_state(&shared);
            }
        });
        Self {
            _shared: shared,
            _listener: listener,
        }
    }
}

impl Drop for MountState {
    /// Unmounts the view: its nodes and listeners go.
    fn drop(&mut self) {
        let _ = self.view.call0(&JsValue::UNDEFINED);
    }
}

/// A new SDK state: a new model for the view. The snapshot is read from
/// the core (the one it is notifying about, as an `Rc` to keep) rather than taken from the
/// listener's argument; after a nested update that is the newer one, which is right to show.
fn on_state(shared: &Shared) {
    let Ok(mut mount) = shared.try_borrow_mut() else {
        return;
    };
    let state = mount.clerk.state();
    // While a sign-out or switch is under way the core reports no user; keep showing the
    // last view (with its busy action) so a failure can be shown where the user clicked.
    if state.transitioning && mount.shown.is_some() {
        return;
    }
    // Sent on every notification: the view leaves the DOM alone when the model is the same.
    mount.targets = Targets::resolve(&mount.clerk, &state, &mount.props);
    if view_for(&state).is_none() {
        mount.busy = None;
        mount.error = None;
        mount.shown = None;
    } else {
        mount.shown = Some(state);
    }
    mount.send("");
}

impl MountState {
    /// Sends the view a new model (`close`: see the model's index 8).
    pub(crate) fn send(&self, close: &str) {
        let _ = self.view.call1(&JsValue::NULL, &self.model(close));
    }

    /// One string this button shows (its own override, else the load-level one, else
    /// English). One call per string: no `Labels` value is built at every use.
    pub(crate) fn label(&self, label: Label) -> &str {
        let labels = Labels {
            own: &self.props.localization,
            base: self.base_text.as_deref(),
        };
        labels.get(label)
    }

    /// What the button shows now; `None` while nothing is.
    pub(crate) fn view(&self) -> Option<View<'_>> {
        view_for(self.shown.as_deref()?)
    }
}
