//! Rust values as JS values: plain objects through serde, and `Date`s.

use js_sys::Date;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as a plain JS object (serde-wasm-bindgen's JSON-compatible form: `None` is
/// `null`). It cannot fail for the views here, which hold only strings, booleans, numbers
/// and JS values kept as is (serde-wasm-bindgen fails only for 64-bit integers beyond 2^53
/// and for maps with keys that are not strings); should it ever, the value is `undefined`
/// and the failure is reported on the console.
pub(crate) fn plain<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|err| {
            crate::browser::report("Clerk: a value could not be built", &err.into());
            JsValue::UNDEFINED
        })
}

/// Epoch milliseconds as a JS `Date`, as ClerkJS exposes timestamps.
pub(crate) fn date(ms: f64) -> Date {
    Date::new(&JsValue::from_f64(ms))
}
