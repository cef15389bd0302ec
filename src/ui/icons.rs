//! The action rows' icons: inline SVG drawn here (16 × 16, stroked with the text colour), made
//! with `createElementNS` like any other node; no markup is parsed.

use web_sys::Document;

use super::action::Action;
use super::dom::El;

/// A gear: eight teeth around a hub.
const GEAR: [&str; 2] = [
    "M12.75 6.81 14.54 7.08 14.54 8.92 12.75 9.19 12.2 10.52 13.27 11.97 11.97 13.27 10.52 12.2 \
     9.19 12.75 8.92 14.54 7.08 14.54 6.81 12.75 5.48 12.2 4.03 13.27 2.73 11.97 3.8 10.52 3.25 \
     9.19 1.46 8.92 1.46 7.08 3.25 6.81 3.8 5.48 2.73 4.03 4.03 2.73 5.48 3.8 6.81 3.25 7.08 1.46 \
     8.92 1.46 9.19 3.25 10.52 3.8 11.97 2.73 13.27 4.03 12.2 5.48Z",
    "M10 8a2 2 0 1 1-4 0 2 2 0 0 1 4 0Z",
];

/// An arrow leaving through a door frame.
const EXIT: [&str; 2] = [
    "M6.5 2.5h-3a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h3",
    "M10.5 5 13.5 8l-3 3M13.5 8H6",
];

/// A plus.
const PLUS: [&str; 1] = ["M8 3v10M3 8h10"];

/// The icon of an action's row, if it has one.
pub(crate) fn for_action(doc: &Document, action: &Action) -> Option<El> {
    let paths: &[&str] = match action {
        Action::ManageAccount => &GEAR,
        Action::SignOut | Action::SignOutAll => &EXIT,
        Action::AddAccount => &PLUS,
        _ => return None,
    };
    let class = format!(
        "cl-userButtonPopoverActionButtonIcon cl-userButtonPopoverActionButtonIcon__{}",
        action.modifier()
    );
    let svg = El::svg(doc, "svg")
        .attr("class", &class)
        .attr("viewBox", "0 0 16 16")
        .attr("fill", "none")
        .attr("stroke", "currentColor")
        .attr("stroke-width", "1.25")
        .attr("stroke-linecap", "round")
        .attr("stroke-linejoin", "round")
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    Some(svg.children(paths.iter().map(|d| El::svg(doc, "path").attr("d", d))))
}
