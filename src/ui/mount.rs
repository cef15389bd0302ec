//! One mounted user button: its nodes, its listeners and its in-flight work, all released
//! together when the [`Mount`] is dropped.
//!
//! Event handlers hold only a `Weak` to the mount (no `Rc` cycle through the DOM), take its
//! `RefCell` borrow for DOM work only, and release it before calling into the SDK, whose
//! listeners re-enter this mount synchronously (see `controller.rs`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use web_sys::{Document, Element};

use super::action::{Action, ATTR};
use super::controller::{self, listen};
use super::dom::El;
use super::model::Model;
use super::mounted::{MountState, Shared, Shown};
use super::props::UserButtonProps;
use super::state::UiState;
use super::styles;
use super::theme::Theme;
use crate::{Clerk, Listener};

/// A live user button. Dropping it removes its nodes and listeners and abandons its in-flight
/// work (a request already sent completes in the core; this mount no longer reacts to it).
#[derive(Debug)]
pub(crate) struct Mount {
    shared: Shared,
    _listener: Listener,
}

thread_local! {
    static PANELS: Cell<u64> = const { Cell::new(0) };
}

impl Mount {
    /// Mounts into `host` (whose document must exist: `None` otherwise). The root is created
    /// now but attached only once there is a signed-in user to show.
    pub(crate) fn new(clerk: &Clerk, host: &Element, props: UserButtonProps) -> Option<Self> {
        let doc = host.owner_document()?;
        styles::adopt(host, &doc);
        let (root, trigger) = nodes(&doc)?;
        let panel_id = PANELS.with(|n| {
            n.set(n.get() + 1);
            format!("cl-userButtonPanel-{}", n.get())
        });
        let shared = Rc::new_cyclic(|me: &Weak<RefCell<MountState>>| {
            RefCell::new(MountState {
                me: me.clone(),
                clerk: clerk.clone(),
                props,
                root_listeners: vec![
                    listen(&root, "click", false, me, controller::on_click),
                    // `error` does not bubble: caught in the capture phase.
                    listen(&root, "error", true, me, controller::on_image_error),
                ],
                doc,
                host: host.clone(),
                root,
                trigger,
                panel: None,
                panel_id,
                shown: None,
                ui: UiState::default(),
                open_listeners: Vec::new(),
            })
        });
        on_state(&shared);
        let weak = Rc::downgrade(&shared);
        let listener = clerk.add_listener(move |_| {
            if let Some(shared) = weak.upgrade() {
                on_state(&shared);
            }
        });
        Some(Self {
            shared,
            _listener: listener,
        })
    }
}

impl Mount {
    /// Shows `props` from now on: the same nodes (an open panel stays open), re-rendered
    /// where what the button shows changed.
    pub(crate) fn set_props(&self, props: UserButtonProps) {
        if let Ok(mut mount) = self.shared.try_borrow_mut() {
            mount.props = props;
        }
        on_state(&self.shared);
    }
}

/// The root box and the trigger in it, which live as long as the mount.
fn nodes(doc: &Document) -> Option<(Element, Element)> {
    let trigger = El::new(doc, "button", "cl-userButtonTrigger")
        .attr("type", "button")
        .attr(ATTR, &Action::Toggle.key())
        .attr("aria-haspopup", "dialog")
        .into_element()?;
    let root = El::new(doc, "div", "cl-userButtonBox cl-rootBox")
        .child(El::wrap(&trigger))
        .into_element()?;
    Some((root, trigger))
}

impl Drop for Mount {
    fn drop(&mut self) {
        if let Ok(mut state) = self.shared.try_borrow_mut() {
            state.teardown();
        }
    }
}

/// A new SDK state: re-render when what the button shows changed. Read from the core (the
/// latest snapshot) rather than from the listener's argument: after a nested update, that
/// is the one to show.
fn on_state(shared: &Shared) {
    let Ok(mut mount) = shared.try_borrow_mut() else {
        return;
    };
    let state = mount.clerk.state();
    // While a sign-out or switch is under way the core reports no user: keep the last view
    // (with its busy action), so a failure shows where the user clicked.
    if state.transitioning && mount.shown.is_some() {
        return;
    }
    let load = mount.clerk.load_options();
    let shown = Model::of(&state, &mount.props, &load).map(|model| Shown {
        model,
        theme: Theme::resolve(&load.appearance, &mount.props.appearance),
    });
    if shown == mount.shown {
        return;
    }
    if shown.is_none() {
        mount.ui = UiState::default();
    }
    mount.shown = shown;
    mount.render();
    // `defaultOpen`: the panel opens the first time there is a user to show.
    if mount.props.default_open && mount.shown.is_some() {
        mount.props.default_open = false;
        let listeners = controller::panel_listeners(&mount);
        mount.open(listeners);
    }
}
