//! Focus and keyboard behaviour of the open panel: Escape and a pointer press outside close
//! it and return focus to the trigger; Tab and Shift+Tab cycle inside it; arrow keys move
//! between its actions. The two document listeners exist only while the panel is open.

use alloc::rc::Weak;
use core::cell::RefCell;

use web_sys::{Document, Event};

use super::dom::{call, contains};
use super::effects::Effect;
use super::mount::{listen, Listeners, MountState};
use crate::host::{cycle_focus, panel_key};

/// The panel's document listeners, owned by the mount while the panel is open.
pub(crate) fn open_listeners(doc: &Document, weak: &Weak<RefCell<MountState>>) -> Listeners {
    [
        listen(doc, "keydown", false, weak, on_keydown),
        // Capture phase: a press outside closes the panel even if the page stops propagation.
        listen(doc, "pointerdown", true, weak, on_pointerdown),
    ]
}

fn on_pointerdown(state: &mut MountState, event: &Event) -> Effect {
    if !state.is_inside(event) {
        state.close(true);
    }
    Effect::None
}

// The codes `panel_key` answers (its list in src/host.rs, in this order).
const ESCAPE: i32 = 0;
const TAB: i32 = 1;
const SHIFT_TAB: i32 = 2;
const ARROW_DOWN: i32 = 3;
const ARROW_UP: i32 = 4;

fn on_keydown(state: &mut MountState, event: &Event) -> Effect {
    let key = panel_key(event);
    let step = match key {
        ESCAPE => {
            call(event, "preventDefault", &[]);
            state.close(true);
            return Effect::None;
        }
        TAB | ARROW_DOWN => 1,
        SHIFT_TAB | ARROW_UP => -1,
        _ => return Effect::None,
    };
    let Some(panel) = &state.panel else {
        return Effect::None;
    };
    let active = state.active_element();
    // The arrows are the last codes. Arrow keys belong to the page unless focus is in the panel.
    let arrows = key >= ARROW_DOWN;
    if arrows && !contains(panel, active.as_ref()) {
        return Effect::None;
    }
    call(event, "preventDefault", &[]);
    cycle_focus(panel, active.as_ref(), step);
    Effect::None
}

/// Moves focus to the panel's first action (forward into the ring from outside it).
pub(crate) fn focus_first(state: &MountState) {
    if let Some(panel) = &state.panel {
        cycle_focus(panel, None, 1);
    }
}
