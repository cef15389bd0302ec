//! The open panel's keyboard: Escape closes it; Tab and Shift+Tab cycle through its items
//! (it is a dialog), and so do the arrow keys while focus is inside it. Focus moves between
//! the panel's focusable nodes (`button`, `a[href]`), wrapping.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent};

use super::dom::{as_element, focus};

/// What a key press asks of the open panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PanelKey {
    /// Close, focus back on the trigger.
    Escape,
    /// Move focus by this many items (Tab and Shift+Tab, anywhere on the page).
    Cycle(i32),
    /// Move focus by this many items if it is inside the panel (arrow keys: otherwise they
    /// belong to the page).
    Arrow(i32),
}

/// The panel key of a `keydown`, if it is one and no one else took it (another handler
/// called `preventDefault`, or an input method is composing text with it).
pub(crate) fn panel_key(event: &Event) -> Option<PanelKey> {
    // Registered for `keydown` only: a `KeyboardEvent`, possibly of another frame's realm.
    let key = event.unchecked_ref::<KeyboardEvent>();
    if key.default_prevented() || key.is_composing() {
        return None;
    }
    match key.key().as_str() {
        "Escape" => Some(PanelKey::Escape),
        "Tab" => Some(PanelKey::Cycle(if key.shift_key() { -1 } else { 1 })),
        "ArrowDown" => Some(PanelKey::Arrow(1)),
        "ArrowUp" => Some(PanelKey::Arrow(-1)),
        _ => None,
    }
}

/// Moves focus `step` items on from `from` within `panel`, wrapping; from outside the panel,
/// to its first item (forwards) or its last (backwards).
pub(crate) fn move_focus(panel: &Element, from: Option<&Element>, step: i32) {
    let items = focusables(panel);
    let Ok(count) = i32::try_from(items.len()) else {
        return;
    };
    if count == 0 {
        return;
    }
    let at = from.and_then(|from| items.iter().position(|item| item == from));
    let next = match at.and_then(|i| i32::try_from(i).ok()) {
        Some(i) => (i + step).rem_euclid(count),
        None if step > 0 => 0,
        None => count - 1,
    };
    if let Some(item) = usize::try_from(next).ok().and_then(|i| items.get(i)) {
        focus(item);
    }
}

/// The panel's focusable nodes, in document order.
pub(crate) fn focusables(panel: &Element) -> Vec<Element> {
    let Ok(list) = panel.query_selector_all("button,a[href]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| as_element(&node))
        .collect()
}
