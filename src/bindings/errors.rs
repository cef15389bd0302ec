//! `ClerkError` → a real JS `Error` (`ClerkAPIResponseError` / `ClerkRuntimeError`), the
//! `isClerkAPIResponseError` guard and the panic hook.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::ClerkError;

fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// Builds the JS `Error` for `err`: `name`, `message`, `code` and `longMessage` always; for
/// API errors also `status`, `errors[]`, `clerkTraceId`, `retryAfter` and `clerkError: true`
/// (as ClerkJS's `ClerkAPIResponseError`).
pub(crate) fn to_js_error(err: &ClerkError) -> JsValue {
    let error = js_sys::Error::new(&err.message());
    let value: JsValue = error.clone().into();
    set(&value, "code", &JsValue::from_str(err.code()));
    set(
        &value,
        "longMessage",
        &JsValue::from_str(&err.long_message()),
    );
    match err.api() {
        Some(api) => {
            error.set_name("ClerkAPIResponseError");
            set(&value, "clerkError", &JsValue::TRUE);
            set(&value, "status", &JsValue::from(api.status));
            set(
                &value,
                "clerkTraceId",
                &opt_str(api.clerk_trace_id.as_deref()),
            );
            set(
                &value,
                "retryAfter",
                &api.retry_after.map_or(JsValue::UNDEFINED, JsValue::from),
            );
            let errors = Array::new();
            for item in &api.errors {
                let entry = Object::new();
                set(&entry, "code", &JsValue::from_str(&item.code));
                set(&entry, "message", &JsValue::from_str(&item.message));
                set(
                    &entry,
                    "longMessage",
                    &opt_str(item.long_message.as_deref()),
                );
                let meta = Object::new();
                let param = item.meta.as_ref().and_then(|m| m.param_name.as_deref());
                set(&meta, "paramName", &opt_str(param));
                set(&entry, "meta", &meta);
                errors.push(&entry);
            }
            set(&value, "errors", &errors);
        }
        None => {
            error.set_name("ClerkRuntimeError");
            set(&value, "clerkRuntimeError", &JsValue::TRUE);
        }
    }
    value
}

/// `isClerkAPIResponseError(e)`: whether `e` is an API error thrown by this SDK (or by
/// ClerkJS, which marks its errors the same way).
#[wasm_bindgen(js_name = isClerkAPIResponseError)]
pub fn is_clerk_api_response_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("clerkError"))
            .ok()
            .is_some_and(|v| v.is_truthy())
}

/// Installs, once, a panic hook that reports a panic on the console. A panic is a bug: the
/// code is written so none is reachable, and clippy denies the usual sources.
pub(crate) fn install_panic_hook() {
    // A flag, not std::sync::Once: single-threaded wasm needs no poisoning or waiting.
    static INSTALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if INSTALLED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    // Debug builds chain the hook installed earlier (a test harness reports through it);
    // release builds do not: chaining links std's default hook (+2.7 KB gzip).
    #[cfg(debug_assertions)]
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Message and location by hand: `info.to_string()` links the `Display` impls of
        // the hook info and of `Location` (with integer formatting).
        let line = info
            .location()
            .map(|l| [l.file(), ":", &crate::decimal::decimal(u64::from(l.line()))].concat())
            .unwrap_or_default();
        let message = [
            "clerk-wasm panicked (please report this bug) at ",
            &line,
            ": ",
            payload_text(info.payload()),
        ]
        .concat();
        web_sys::console::error_1(&JsValue::from_str(&message));
        #[cfg(debug_assertions)]
        previous(info);
    }));
}

/// A panic payload as text: `panic!("literal")` carries a `&str`, formatted panics a `String`.
fn payload_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("Box<dyn Any>")
}
