//! `ClerkError` → a real JS `Error` (`ClerkAPIResponseError` / `ClerkRuntimeError`), the
//! `isClerkAPIResponseError` guard. (Panics are reported by the npm module's panic handler,
//! `wasm/src/lib.rs`.)

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::convert::Obj;
use crate::ClerkError;

/// Builds the JS `Error` for `err`: `name`, `message`, `code` and `longMessage` always; for
/// API errors also `status`, `errors[]`, `clerkTraceId`, `retryAfter` and `clerkError: true`
/// (as ClerkJS's `ClerkAPIResponseError`).
///
/// The `Error` comes from `JsError` (JS `Error(message)`), which the UI bindings use too, and
/// `name` is a plain property set: `js_sys::Error::new` and `set_name` were two more imports
/// with shims in the wasm and the glue for the same object.
pub(crate) fn to_js_error(err: &ClerkError) -> JsValue {
    let value = Obj::wrap(JsError::new(&err.message()).into())
        .text("code", err.code())
        .text("longMessage", &err.long_message());
    match err.api() {
        Some(api) => {
            let errors = Array::new();
            for item in &api.errors {
                let meta = item.meta.as_ref().and_then(|m| m.param_name.as_deref());
                let meta = Obj::wrap(Object::new().into()).opt("paramName", meta);
                let entry = Obj::wrap(Object::new().into())
                    .text("code", &item.code)
                    .text("message", &item.message)
                    .opt("longMessage", item.long_message.as_deref())
                    .val("meta", meta.done());
                errors.push(&entry.done());
            }
            value
                .text("name", "ClerkAPIResponseError")
                .val("clerkError", JsValue::TRUE)
                .val("status", JsValue::from(api.status))
                .opt("clerkTraceId", api.clerk_trace_id.as_deref())
                .val(
                    "retryAfter",
                    api.retry_after.map_or(JsValue::UNDEFINED, JsValue::from),
                )
                .val("errors", errors.into())
                .done()
        }
        None => value
            .text("name", "ClerkRuntimeError")
            .val("clerkRuntimeError", JsValue::TRUE)
            .done(),
    }
}

/// Whether `value` is an API error thrown by this SDK (or by ClerkJS, which marks its errors
/// the same way). For Rust code; JavaScript imports `isClerkAPIResponseError` from the JS
/// entry (js/facade.js), so this is not a wasm export (that cost a shim in wasm and glue).
pub fn is_clerk_api_response_error(value: &JsValue) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("clerkError"))
            .ok()
            .is_some_and(|v| v.is_truthy())
}
