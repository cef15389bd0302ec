//! Keeps the open panel inside the viewport. By default it hangs 8 px under the trigger,
//! aligned to its inline end; it flips to the start when that runs off the side, shifts when
//! neither fits (a 320 px screen with the trigger mid-header), opens above the trigger when
//! there is more room there, and caps its height to the room it has (the session list then
//! scrolls inside it). Through attributes and custom properties the stylesheet reads: an
//! inline `style=""` would break a strict CSP.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The least gap kept between the panel and the viewport's edges, in CSS px.
const MARGIN: f64 = 8.0;
/// The gap between the trigger and the panel (the stylesheet's `calc(100% + 8px)`).
const GAP: f64 = 8.0;
/// The panel is never capped below this height: a viewport that small scrolls the page.
const MIN_HEIGHT: f64 = 160.0;

/// Places `panel` (already in the document) for `trigger`, in `doc`'s viewport.
pub(crate) fn place(panel: &Element, trigger: &Element, doc: &Document) {
    let Some(viewport) = doc.document_element() else {
        return;
    };
    let (width, height) = (
        f64::from(viewport.client_width()),
        f64::from(viewport.client_height()),
    );
    let style = panel.unchecked_ref::<HtmlElement>().style();
    for reset in ["data-align", "data-side"] {
        let _ = panel.remove_attribute(reset);
    }
    let _ = style.remove_property("--cl-dx");
    let _ = style.remove_property("--cl-max-h");
    fit_horizontally(panel, width);
    fit_vertically(panel, trigger, height);
}

/// How far a box from `left` to `right` runs past the viewport's sides (0 when inside).
fn overflow(left: f64, right: f64, width: f64) -> f64 {
    (MARGIN - left).max(0.0) + (right - (width - MARGIN)).max(0.0)
}

fn fit_horizontally(panel: &Element, width: f64) {
    let end = panel.get_bounding_client_rect();
    if overflow(end.left(), end.right(), width) == 0.0 {
        return;
    }
    let _ = panel.set_attribute("data-align", "start");
    let start = panel.get_bounding_client_rect();
    if overflow(start.left(), start.right(), width) == 0.0 {
        return;
    }
    // Neither side fits: keep the alignment that runs over less, then shift it in, its
    // start edge first when it is wider than the room.
    let (left, right) = if overflow(end.left(), end.right(), width)
        < overflow(start.left(), start.right(), width)
    {
        let _ = panel.remove_attribute("data-align");
        (end.left(), end.right())
    } else {
        (start.left(), start.right())
    };
    let shift = if right - left > width - 2.0 * MARGIN || left < MARGIN {
        MARGIN - left
    } else {
        width - MARGIN - right
    };
    let style = panel.unchecked_ref::<HtmlElement>().style();
    let _ = style.set_property("--cl-dx", &format!("{}px", shift.round()));
}

fn fit_vertically(panel: &Element, trigger: &Element, height: f64) {
    let needed = panel.get_bounding_client_rect().height();
    let anchor = trigger.get_bounding_client_rect();
    let below = height - anchor.bottom() - GAP - MARGIN;
    let above = anchor.top() - GAP - MARGIN;
    if needed <= below {
        return;
    }
    let room = if above > below {
        let _ = panel.set_attribute("data-side", "top");
        above
    } else {
        below
    };
    if needed > room {
        let style = panel.unchecked_ref::<HtmlElement>().style();
        let cap = room.max(MIN_HEIGHT).floor();
        let _ = style.set_property("--cl-max-h", &format!("{cap}px"));
    }
}
