//! Keeps the open panel inside the viewport. The stylesheet places it under the trigger,
//! aligned to the trigger's end edge with an 8 px gap; when that would cross the viewport's
//! side or bottom edge, a data attribute flips the alignment or the side (no inline styles,
//! so a strict CSP is not involved).

use web_sys::Element;

/// Flips the panel's alignment or side when its default place overflows the viewport.
pub(crate) fn keep_in_viewport(panel: &Element, trigger: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    let rect = panel.get_bounding_client_rect();
    if rect.left() < 0.0 || rect.right() > width {
        let _ = panel.set_attribute("data-align", "start");
    }
    let anchor = trigger.get_bounding_client_rect();
    if rect.bottom() > height && anchor.top() - 8.0 >= rect.height() {
        let _ = panel.set_attribute("data-side", "top");
    }
}
