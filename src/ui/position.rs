//! Keeps the open panel inside the viewport. The stylesheet places it under the trigger,
//! aligned to the trigger's end edge with an 8 px gap; when that would cross the viewport's
//! side or bottom edge, a data attribute flips the alignment or the side (no inline styles,
//! so a strict CSP is not involved).

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{attr, invoke, prop};

/// A number property by name (`DOMRect` edges, `innerWidth`): one `Reflect.get` import
/// instead of one import per getter; 0 when absent.
fn num(obj: &JsValue, name: &str) -> f64 {
    prop(obj, name).as_f64().unwrap_or(0.0)
}

/// Flips the panel's alignment or side when its default place overflows the viewport.
pub(crate) fn keep_in_viewport(panel: &Element, trigger: &Element) {
    // The global object is the window here; its sizes are read by name like the rects'.
    let window: JsValue = js_sys::global().into();
    let rect = invoke(panel, "getBoundingClientRect");
    if num(&rect, "left") < 0.0 || num(&rect, "right") > num(&window, "innerWidth") {
        attr(panel, "data-align", "start");
    }
    let anchor = invoke(trigger, "getBoundingClientRect");
    if num(&rect, "bottom") > num(&window, "innerHeight")
        && num(&anchor, "top") - 8.0 >= num(&rect, "height")
    {
        attr(panel, "data-side", "top");
    }
}
