//! The few DOM reads the Rust side of the user button still makes (the view owns the
//! DOM): element checks for the JS API and the registry, by name through `Reflect.get` (no
//! web-sys import per property), and the decimal numbers action keys carry.

use crate::prelude::*;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::browser::prop;

/// `prefix` followed by `n` in decimal. Hand-written because `to_string()` on an integer
/// links `core::fmt`'s integer formatting, which nothing else in the SDK needs.
pub(crate) fn numbered(prefix: &str, n: usize) -> String {
    let mut out = String::from(prefix);
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal: the higher digits first, by recursion (at most 20 deep).
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Calls a method with no argument by name (`disconnect`) for its effect.
pub(crate) fn call0(obj: &JsValue, method: &str) {
    if let Some(f) = prop(obj, method).dyn_ref::<js_sys::Function>() {
        let _ = f.call0(obj);
    }
}

/// `value` when it is an element (`nodeType` 1, read by name: no `instanceof Element`
/// import, and elements of other frames count too).
pub(crate) fn as_element(value: JsValue) -> Option<Element> {
    (prop(&value, "nodeType").as_f64() == Some(1.0)).then(|| value.unchecked_into())
}

/// Whether `node` is in a document (`isConnected`, read by name).
pub(crate) fn is_connected(node: &Element) -> bool {
    prop(node, "isConnected").is_truthy()
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 4096, usize::MAX] {
            assert_eq!(super::numbered("x-", n), format!("x-{n}"));
        }
    }
}
