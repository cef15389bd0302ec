//! One mounted user button: its nodes, its listeners and its in-flight work, all released
//! together when the [`Mount`] is dropped.
//!
//! Event handlers hold only a `Weak` to the mount (no `Rc` cycle through the DOM), take its
//! `RefCell` borrow for DOM work only, and release it before calling into the SDK, whose
//! listeners re-enter this mount synchronously (see `controller.rs`).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use web_sys::{Document, Element, Event, EventTarget};

use super::action::{Action, ATTR};
use super::controller::{self, Effect};
use super::dom::{active_element, focus, El, Listen};
use super::keyboard;
use super::model::Model;
use super::place::place;
use super::props::UserButtonProps;
use super::state::{FocusAfter, UiState};
use super::styles;
use super::theme::Theme;
use super::view::View;
use crate::{Clerk, Listener};

pub(crate) type Shared = Rc<RefCell<MountState>>;

/// A live user button. Dropping it removes its nodes and listeners and abandons its in-flight
/// work (a request already sent completes in the core; this mount no longer reacts to it).
#[derive(Debug)]
pub(crate) struct Mount {
    shared: Shared,
    _listener: Listener,
}

/// What the button shows now: the model and the appearance it is drawn with.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Shown {
    pub(crate) model: Model,
    pub(crate) theme: Theme,
}

/// Everything one mount owns.
#[derive(Debug)]
pub(crate) struct MountState {
    /// Handed to the listeners this mount adds later (the open panel's).
    me: Weak<RefCell<MountState>>,
    pub(crate) clerk: Clerk,
    pub(crate) props: UserButtonProps,
    pub(crate) doc: Document,
    host: Element,
    /// `.cl-userButtonBox`, in the host while there is something to show.
    pub(crate) root: Element,
    /// One node for the mount's life, updated in place.
    pub(crate) trigger: Element,
    pub(crate) panel: Option<Element>,
    panel_id: String,
    pub(crate) shown: Option<Shown>,
    pub(crate) ui: UiState,
    /// Held for their `Drop`: the root's click and image-error listeners.
    root_listeners: Vec<Listen>,
    /// The open panel's document and window listeners.
    open_listeners: Vec<Listen>,
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

impl Drop for MountState {
    fn drop(&mut self) {
        self.teardown();
    }
}

/// What a listener does to its mount: a plain function, so every listener of the button is
/// the same closure type.
type Handler = fn(&mut MountState, &Event) -> Effect;

/// Listens for `kind` on `target` with `handler`, run on the mount while it is alive; the
/// effect it asks for runs after the borrow is released.
fn listen(
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
        controller::run(&shared, effect);
    })
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
}

impl MountState {
    /// Draws the current model: the root and trigger in place, the panel anew when open, and
    /// focus kept on the same action (or the nearest sensible place when it is gone).
    pub(crate) fn render(&mut self) {
        let focused = self.focused_key();
        let Some(shown) = &self.shown else {
            self.open_listeners.clear();
            self.ui.open = false;
            self.remove_panel();
            self.root.remove();
            return;
        };
        let view = View {
            doc: &self.doc,
            model: &shown.model,
            ui: &self.ui,
            theme: &shown.theme,
            panel_id: &self.panel_id,
        };
        view.update_root(&self.root);
        view.update_trigger(&self.trigger);
        let panel = self.ui.open.then(|| view.panel()).flatten();
        if self.root.parent_node().as_ref() != Some(self.host.as_ref()) {
            let _ = self.host.append_child(&self.root);
        }
        self.remove_panel();
        if let Some(panel) = panel {
            let _ = self.root.append_child(&panel);
            place(&panel, &self.trigger, &self.doc);
            self.panel = Some(panel);
        }
        if let Some(key) = focused {
            self.refocus(&key);
        }
    }

    fn remove_panel(&mut self) {
        if let Some(panel) = self.panel.take() {
            panel.remove();
        }
    }

    /// Opens the panel, listens for the keys and presses that close it, and moves focus to
    /// its first action.
    pub(crate) fn open(&mut self) {
        if self.ui.open || self.shown.is_none() {
            return;
        }
        self.ui.open = true;
        self.open_listeners = self.panel_listeners();
        self.render();
        if let Some(panel) = &self.panel {
            keyboard::move_focus(panel, None, 1);
        }
    }

    fn panel_listeners(&self) -> Vec<Listen> {
        let mut listeners = vec![
            listen(&self.doc, "keydown", false, &self.me, controller::on_key),
            // Capture phase: a press outside closes the panel even if the page stops
            // propagation.
            listen(
                &self.doc,
                "pointerdown",
                true,
                &self.me,
                controller::on_press,
            ),
        ];
        if let Some(window) = self.doc.default_view() {
            listeners.push(listen(
                &window,
                "resize",
                false,
                &self.me,
                controller::on_resize,
            ));
        }
        listeners
    }

    /// Closes the panel (its failure message with it) and moves focus as asked.
    pub(crate) fn close(&mut self, focus_after: FocusAfter) {
        if !self.ui.open {
            return;
        }
        let had_focus = self.has_focus();
        self.ui.open = false;
        self.ui.error = None;
        self.open_listeners.clear();
        self.render();
        let to_trigger = match focus_after {
            FocusAfter::Stays => false,
            FocusAfter::Trigger => true,
            FocusAfter::TriggerIfInside => had_focus,
        };
        if to_trigger {
            focus(&self.trigger);
        }
    }

    /// Whether focus is inside this button.
    pub(crate) fn has_focus(&self) -> bool {
        let active = active_element(&self.root);
        self.root.contains(active.as_ref().map(AsRef::as_ref))
    }

    /// The action key of the focused element, when focus is inside this button.
    fn focused_key(&self) -> Option<String> {
        let active = active_element(&self.root)?;
        if !self.root.contains(Some(&active)) {
            return None;
        }
        active.get_attribute(ATTR)
    }

    /// Focuses the node whose action is `key`: else the panel's first item, else the trigger.
    fn refocus(&self, key: &str) {
        let same = |node: &Element| node.get_attribute(ATTR).as_deref() == Some(key);
        if same(&self.trigger) {
            focus(&self.trigger);
            return;
        }
        match &self.panel {
            Some(panel) => match keyboard::focusables(panel).into_iter().find(same) {
                Some(node) => focus(&node),
                None => keyboard::move_focus(panel, None, 1),
            },
            None => focus(&self.trigger),
        }
    }

    /// Removes every node and listener of this mount (idempotent).
    fn teardown(&mut self) {
        self.open_listeners.clear();
        self.root_listeners.clear();
        self.panel = None;
        self.shown = None;
        self.root.remove();
    }
}
