//! Focus and keyboard behaviour of the open panel: Escape and a pointer press outside close
//! it and return focus to the trigger; Tab and Shift+Tab cycle inside it; arrow keys move
//! between its actions. The two document listeners exist only while the panel is open.

use alloc::rc::Weak;
use core::cell::RefCell;

use web_sys::{Document, Element, Event};

use super::dom::{call, contains, invoke1};
use super::effects::Effect;
use super::mount::{listen, Listeners, MountState};
use crate::host::panel_key;

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

fn on_keydown(state: &mut MountState, event: &Event) -> Effect {
    let key = panel_key(event);
    let step = match key {
        0 => {
            call(event, "preventDefault", &[]);
            state.close(true);
            return Effect::None;
        }
        1 | 3 => 1,
        2 | 4 => -1,
        _ => return Effect::None,
    };
    let Some(panel) = &state.panel else {
        return Effect::None;
    };
    let items = focusables(panel);
    let active = state.active_element();
    let arrows = key >= 3;
    // Arrow keys belong to the page unless focus is in the panel.
    if arrows && !contains(panel, active.as_ref()) {
        return Effect::None;
    }
    call(event, "preventDefault", &[]);
    // The focused action's place, by `indexOf` called by name rather than an identity test
    // per item in a loop here; -1, so `None`, when focus is outside the ring.
    let current = active
        .and_then(|a| invoke1(&items, "indexOf", &a).as_f64())
        .filter(|i| *i >= 0.0)
        .map(|i| i as usize);
    let len = items.length() as usize;
    if let Some(next) = cycle(current, step, len).and_then(|i| items.iter().nth(i)) {
        call(&next, "focus", &[]);
    }
    Effect::None
}

/// The index `step` away from `current` in a ring of `len` items; from outside the ring,
/// forward enters at the first item and backward at the last.
fn cycle(current: Option<usize>, step: isize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, step > 0) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
    })
}

/// What can take focus in the user button: its buttons and links.
const FOCUSABLE: &str = "button,a[href]";

/// The focusable actions inside `root`, in document order. A JS array (through `Array.from`,
/// which the core already imports), read in place rather than copied into a `Vec`.
pub(crate) fn focusables(root: &Element) -> js_sys::Array {
    js_sys::Array::from(&invoke1(root, "querySelectorAll", &FOCUSABLE.into()))
}

/// Moves focus to the panel's first action.
pub(crate) fn focus_first(state: &MountState) {
    if let Some(panel) = &state.panel {
        let first = invoke1(panel, "querySelector", &FOCUSABLE.into());
        // No action (`null`): the call finds no method and does nothing.
        call(&first, "focus", &[]);
    }
}

#[cfg(test)]
mod tests {
    use super::cycle;

    #[test]
    fn tab_wraps_around_and_enters_from_either_end() {
        assert_eq!(cycle(Some(2), 1, 3), Some(0));
        assert_eq!(cycle(Some(0), -1, 3), Some(2));
        assert_eq!(cycle(None, 1, 3), Some(0));
        assert_eq!(cycle(None, -1, 3), Some(2));
        assert_eq!(cycle(None, 1, 0), None);
    }
}
