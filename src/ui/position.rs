//! Keeps the open panel inside the viewport. The stylesheet places it under the trigger,
//! aligned to the trigger's end edge with an 8 px gap; when that would cross the viewport's
//! side or bottom edge, a data attribute flips the alignment or the side (no inline styles,
//! so a strict CSP is not involved).
//!
//! A few lines of JS: read in wasm, each `DOMRect` edge and window size was a `Reflect.get`
//! by name, and the code for those reads outweighed this function.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
export function keepInViewport(panel, trigger) {
  const r = panel.getBoundingClientRect();
  if (r.left < 0 || r.right > innerWidth) panel.setAttribute("data-align", "start");
  if (r.bottom > innerHeight && trigger.getBoundingClientRect().top - 8 >= r.height)
    panel.setAttribute("data-side", "top");
}
"#)]
extern "C" {
    /// Flips the panel's alignment or side when its default place overflows the viewport.
    #[wasm_bindgen(js_name = keepInViewport)]
    pub(crate) fn keep_in_viewport(panel: &Element, trigger: &Element);
}
