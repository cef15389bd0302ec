//! The state of one mounted user button ([`MountState`]) and what it does to its nodes:
//! render the current model, open and close the panel, keep focus where it belongs. The
//! controller (`controller.rs`) changes it in answer to events; the mount (`mount.rs`) owns
//! it and its lifecycle.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use web_sys::{Document, Element};

use super::action::ATTR;
use super::dom::{active_element, focus, Listen};
use super::keyboard;
use super::model::Model;
use super::place::place;
use super::props::UserButtonProps;
use super::state::{FocusAfter, UiState};
use super::theme::Theme;
use super::view::View;
use crate::Clerk;

/// A mount's state as its listeners reach it (weakly, see `mount.rs`).
pub(crate) type Shared = Rc<RefCell<MountState>>;

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
    pub(crate) me: Weak<RefCell<MountState>>,
    pub(crate) clerk: Clerk,
    pub(crate) props: UserButtonProps,
    pub(crate) doc: Document,
    pub(crate) host: Element,
    /// `.cl-userButtonBox`, in the host while there is something to show.
    pub(crate) root: Element,
    /// One node for the mount's life, updated in place.
    pub(crate) trigger: Element,
    pub(crate) panel: Option<Element>,
    pub(crate) panel_id: String,
    pub(crate) shown: Option<Shown>,
    pub(crate) ui: UiState,
    /// Held for their `Drop`: the root's click and image-error listeners.
    pub(crate) root_listeners: Vec<Listen>,
    /// The open panel's document and window listeners.
    pub(crate) open_listeners: Vec<Listen>,
}

impl Drop for MountState {
    fn drop(&mut self) {
        self.teardown();
    }
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
            custom: &self.props.custom_menu_items,
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

    /// Opens the panel with `listeners` (the keys and presses that close it, see
    /// `controller::panel_listeners`), and moves focus to its first action.
    pub(crate) fn open(&mut self, listeners: Vec<Listen>) {
        if self.ui.open || self.shown.is_none() {
            return;
        }
        self.ui.open = true;
        self.open_listeners = listeners;
        self.render();
        if let Some(panel) = &self.panel {
            keyboard::move_focus(panel, None, 1);
        }
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
    pub(crate) fn teardown(&mut self) {
        self.open_listeners.clear();
        self.root_listeners.clear();
        self.panel = None;
        self.shown = None;
        self.root.remove();
    }
}
