//! One mounted user button: its nodes, its listeners and its in-flight work, all released
//! together when the [`Mount`] is dropped.
//!
//! Event handlers hold only a `Weak` to the mount state (no `Rc` cycle through the DOM), take
//! the `RefCell` borrow for DOM work only, and release it before calling into the SDK core,
//! whose listener notification re-enters this mount synchronously.

use crate::prelude::*;
use alloc::rc::{Rc, Weak};
use core::cell::RefCell;
use core::sync::atomic::{AtomicUsize, Ordering};

use web_sys::{Document, Element, Event};

use super::action::{Action, ATTR};
use super::dom::{
    append, as_element, call, contains, el, get_attr, invoke, invoke1, text, EventListener,
};
use super::effects::{run_effect, Effect};
use super::keyboard;
use super::props::{Appearance, Label, Labels, Localization, UserButtonProps};
use super::render::{set_trigger_state, Render, UiState};
use super::styles::{apply_variables, ensure_adopted};
use super::view::{view_for, Targets, View};
use crate::{Clerk, Listener, State};

pub(crate) type Shared = Rc<RefCell<MountState>>;

/// A live user button. Dropping it removes its nodes and listeners and abandons its in-flight
/// work (a request already sent completes in the core; this mount no longer reacts to it).
#[derive(Debug)]
pub(crate) struct Mount {
    shared: Shared,
    _listener: Listener,
}

/// Everything one mount owns.
#[derive(Debug)]
pub(crate) struct MountState {
    /// Handed to the listeners this mount creates later (the panel's document listeners).
    me: Weak<RefCell<MountState>>,
    pub(crate) clerk: Clerk,
    pub(crate) doc: Document,
    host: Element,
    root: Element,
    pub(crate) props: UserButtonProps,
    /// The load-level appearance, applied before the button's own.
    pub(crate) base: Option<Rc<Appearance>>,
    /// The load-level localization, read after the button's own.
    base_text: Option<Rc<Localization>>,
    pub(crate) panel_id: String,
    /// The state snapshot on screen; `None` while nothing is shown. Kept whole (an `Rc`):
    /// the view is read from it in place, nothing copied out.
    shown: Option<Rc<State>>,
    /// Where the actions of the shown view go.
    pub(crate) targets: Targets,
    pub(crate) ui: UiState,
    trigger: Option<Element>,
    pub(crate) panel: Option<Element>,
    /// Held for their `Drop`; `None` once torn down.
    root_listeners: Option<Listeners>,
    /// The panel's document listeners, while it is open.
    open_listeners: Option<Listeners>,
}

static NEXT_PANEL: AtomicUsize = AtomicUsize::new(0);

impl Mount {
    /// Mounts into `host` (an empty `.cl-userButtonBox` is created but only attached once
    /// there is a signed-in user). `None` when `host` has no document.
    pub(crate) fn new(clerk: &Clerk, host: &Element, props: UserButtonProps) -> Option<Self> {
        let doc = super::dom::owner_document(host)?;
        let (base, base_text) = super::defaults::base(clerk).unzip();
        ensure_adopted(&doc, host);
        let classes = "cl-userButtonBox cl-rootBox";
        let root = el(
            &doc,
            "div",
            &props.appearance.with_extras(base.as_deref(), classes),
        );
        // The load-level variables first: the button's own override them.
        if let Some(base) = &base {
            apply_variables(&root, &base.variables);
        }
        apply_variables(&root, &props.appearance.variables);
        // Relaxed: a wasm instance without the `atomics` feature has one thread.
        let n = NEXT_PANEL.fetch_add(1, Ordering::Relaxed).wrapping_add(1);
        let panel_id = super::dom::numbered("cl-userButtonPanel-", n);
        let shared: Shared = Rc::new(RefCell::new(MountState {
            me: Weak::new(),
            clerk: clerk.clone(),
            doc,
            host: host.clone(),
            root_listeners: None,
            root,
            props,
            base,
            base_text,
            panel_id,
            shown: None,
            targets: Targets::default(),
            ui: UiState::default(),
            trigger: None,
            panel: None,
            open_listeners: None,
        }));
        // The self-references are filled in once the `Rc` exists: `Rc::new_cyclic` costs more
        // code in the wasm. Nothing else holds the new cell, so the borrow succeeds.
        if let Ok(mut state) = shared.try_borrow_mut() {
            state.me = Rc::downgrade(&shared);
            state.root_listeners = Some(root_listeners(&state.root, &state.me));
        }
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

/// The two listeners every mount keeps on its root: delegated clicks, and image failures
/// (`error` does not bubble, so it is caught in the capture phase).
fn root_listeners(root: &Element, weak: &Weak<RefCell<MountState>>) -> Listeners {
    [
        listen(root, "click", false, weak, MountState::on_click),
        listen(root, "error", true, weak, MountState::on_image_error),
    ]
}

/// A fixed pair of listeners (an array, not a `Vec`: no heap list code for two items).
pub(crate) type Listeners = [EventListener; 2];

/// What a listener does to its mount. A plain function pointer, so every listener of the
/// user button is the same closure type: one copy of the closure glue and of the
/// borrow-and-run code in the wasm instead of one per listener.
pub(crate) type Handler = fn(&mut MountState, &Event) -> Effect;

/// Listens for `kind` on `target` with `handler`, run on the mount if it is alive and not
/// busy; the effect it asks for runs after the borrow is released.
pub(crate) fn listen(
    target: &web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    weak: &Weak<RefCell<MountState>>,
    handler: Handler,
) -> EventListener {
    let weak = weak.clone();
    EventListener::new(target, kind, capture, move |event| {
        let Some(shared) = weak.upgrade() else { return };
        let effect = match shared.try_borrow_mut() {
            Ok(mut state) => handler(&mut state, &event),
            Err(_) => return,
        };
        run_effect(&shared, effect);
    })
}

/// A new SDK state: re-render when what the button shows changed. The snapshot is read from
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
    let targets = Targets::resolve(&mount.clerk, &state, &mount.props);
    let view = view_for(&state);
    if view == mount.view() && targets == mount.targets {
        return;
    }
    let shown = view.is_some();
    if !shown {
        mount.ui = UiState::default();
    }
    mount.shown = shown.then_some(state);
    mount.targets = targets;
    mount.render();
}

impl MountState {
    /// Rebuilds the trigger (and the panel when open), keeping focus on the same action.
    pub(crate) fn render(&mut self) {
        let focus = self.focused_key();
        self.trigger = None;
        self.panel = None;
        text(&self.root, "");
        let Some(trigger) = self.render_input().map(|r| r.trigger()) else {
            self.open_listeners = None;
            call(&self.root, "remove", &[]);
            return;
        };
        append(&self.root, &trigger);
        if !contains(&self.host, Some(&self.root)) {
            append(&self.host, &self.root);
        }
        self.trigger = Some(trigger);
        if self.ui.open {
            self.show_panel();
        }
        if let Some(key) = focus {
            self.focus_key(&key);
        }
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

    fn render_input(&self) -> Option<Render<'_>> {
        Some(Render {
            mount: self,
            view: self.view()?,
        })
    }

    /// Builds the panel and puts it in place of the current one (the root's last child, so
    /// remove + append replaces it in place), inside the viewport.
    fn show_panel(&mut self) {
        let Some(panel) = self.render_input().map(|r| r.panel()) else {
            return;
        };
        if let Some(old) = self.panel.replace(panel.clone()) {
            call(&old, "remove", &[]);
        }
        append(&self.root, &panel);
        if let Some(trigger) = &self.trigger {
            crate::host::keep_in_viewport(&panel, trigger);
        }
    }

    /// The open/closed ARIA state of the trigger.
    fn update_trigger(&self) {
        if let Some(trigger) = &self.trigger {
            set_trigger_state(self, trigger);
        }
    }

    /// Opens the panel: build it, wire the document listeners, move focus to the first action.
    pub(crate) fn open(&mut self) {
        if self.ui.open || self.shown.is_none() {
            return;
        }
        self.ui.open = true;
        self.update_trigger();
        self.show_panel();
        self.open_listeners = Some(keyboard::open_listeners(&self.doc, &self.me));
        keyboard::focus_first(self);
    }

    /// Closes the panel and drops the document listeners; optionally returns focus.
    pub(crate) fn close(&mut self, focus_trigger: bool) {
        if !self.ui.open {
            return;
        }
        self.ui.open = false;
        self.ui.error = None;
        self.open_listeners = None;
        if let Some(panel) = self.panel.take() {
            call(&panel, "remove", &[]);
        }
        self.update_trigger();
        if focus_trigger {
            self.focus_trigger();
        }
    }

    /// Rebuilds only the panel (busy and error changes), keeping focus in it.
    pub(crate) fn refresh_panel(&mut self) {
        if !self.ui.open {
            return;
        }
        let focus = self.focused_key();
        self.show_panel();
        if let Some(key) = focus {
            self.focus_key(&key);
        }
    }

    pub(crate) fn focus_trigger(&self) {
        if let Some(trigger) = &self.trigger {
            call(trigger, "focus", &[]);
        }
    }

    /// The action key of the focused element, when focus is inside this button.
    fn focused_key(&self) -> Option<String> {
        let active = self.active_element()?;
        if !contains(&self.root, Some(&active)) {
            return None;
        }
        get_attr(&active, ATTR)
    }

    fn focus_key(&self, key: &str) {
        if crate::host::focus_where(&self.root, ATTR, key) {
            return;
        }
        if self.ui.open {
            keyboard::focus_first(self);
        } else {
            self.focus_trigger();
        }
    }

    /// Whether focus is inside this button.
    pub(crate) fn has_focus(&self) -> bool {
        let active = self.active_element();
        contains(&self.root, active.as_ref())
    }

    /// The focused element as seen from this button's tree: inside a shadow root the
    /// document only reports the shadow host.
    pub(crate) fn active_element(&self) -> Option<Element> {
        // `activeElement` of the root node, a document or a shadow root alike (read by name:
        // one import for both); a detached button has none.
        let scope = invoke(&self.root, "getRootNode");
        as_element(super::dom::prop(&scope, "activeElement"))
    }

    /// Whether an event happened inside this button. Its composed path is used rather than
    /// its target, which the document sees retargeted to the shadow host in a shadow tree.
    pub(crate) fn is_inside(&self, event: &Event) -> bool {
        let root: &wasm_bindgen::JsValue = self.root.as_ref();
        invoke1(&invoke(event, "composedPath"), "includes", root).is_truthy()
    }

    fn on_click(&mut self, event: &Event) -> Effect {
        let target = super::dom::target_element(event);
        let closest = |t: Element| invoke1(&t, "closest", &"[data-cl-action]".into());
        let Some(node) = target.and_then(|t| as_element(closest(t))) else {
            return Effect::None;
        };
        if !contains(&self.root, Some(&node)) {
            return Effect::None;
        }
        match get_attr(&node, ATTR).as_deref().and_then(Action::parse) {
            Some(action) => super::effects::on_action(self, action),
            None => Effect::None,
        }
    }

    fn on_image_error(&mut self, event: &Event) -> Effect {
        // Only `<img>` fires `error` inside the button; a `src` identifies the failed image.
        let src = super::dom::target_element(event).and_then(|img| get_attr(&img, "src"));
        if let Some(src) = src {
            if !self.ui.failed_images.contains(&src) {
                self.ui.failed_images.push(src);
                self.render();
            }
        }
        Effect::None
    }

    /// Removes every node and listener of this mount (idempotent).
    fn teardown(&mut self) {
        self.open_listeners = None;
        self.root_listeners = None;
        call(&self.root, "remove", &[]);
        self.trigger = None;
        self.panel = None;
        self.shown = None;
    }
}
