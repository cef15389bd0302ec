//! `ClerkError` → a real JS `Error` (`ClerkAPIResponseError` / `ClerkRuntimeError`), the
//! `isClerkAPIResponseError` guard. (Panics are reported by the npm module's panic hook,
//! `wasm/src/lib.rs`.)

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js::plain;
use crate::{ApiError, ApiErrorItem, ClerkError};

/// The fields of a `ClerkRuntimeError` besides `message`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuntimeErrorFields<'a> {
    name: &'static str,
    code: &'a str,
    long_message: String,
    clerk_runtime_error: bool,
}

/// The fields of a `ClerkAPIResponseError` besides `message`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ApiErrorFields<'a> {
    name: &'static str,
    code: &'a str,
    long_message: String,
    clerk_error: bool,
    status: u16,
    clerk_trace_id: Option<&'a str>,
    /// Left out (not `null`) without a `Retry-After`, as in ClerkJS.
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after: Option<u32>,
    errors: Vec<ApiErrorEntry<'a>>,
}

/// One entry of `errors[]` (ClerkJS's `ClerkAPIError`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ApiErrorEntry<'a> {
    code: &'a str,
    message: &'a str,
    long_message: Option<&'a str>,
    meta: Meta<'a>,
}

/// `meta`: always an object, `paramName` `null` when the error is about no parameter.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Meta<'a> {
    param_name: Option<&'a str>,
}

impl<'a> From<&'a ApiErrorItem> for ApiErrorEntry<'a> {
    fn from(item: &'a ApiErrorItem) -> Self {
        Self {
            code: &item.code,
            message: &item.message,
            long_message: item.long_message.as_deref(),
            meta: Meta {
                param_name: item.meta.as_ref().and_then(|m| m.param_name.as_deref()),
            },
        }
    }
}

fn api_fields<'a>(err: &'a ClerkError, api: &'a ApiError) -> JsValue {
    plain(&ApiErrorFields {
        name: "ClerkAPIResponseError",
        code: err.code(),
        long_message: err.long_message(),
        clerk_error: true,
        status: api.status,
        clerk_trace_id: api.clerk_trace_id.as_deref(),
        retry_after: api.retry_after,
        errors: api.errors.iter().map(Into::into).collect(),
    })
}

/// Builds the JS `Error` for `err`: `name`, `message`, `code` and `longMessage` always; for
/// API errors also `status`, `errors[]`, `clerkTraceId`, `retryAfter` and `clerkError: true`
/// (as ClerkJS's `ClerkAPIResponseError`), else `clerkRuntimeError: true`.
pub(crate) fn to_js_error(err: &ClerkError) -> JsValue {
    let fields = match err.api() {
        Some(api) => api_fields(err, api),
        None => plain(&RuntimeErrorFields {
            name: "ClerkRuntimeError",
            code: err.code(),
            long_message: err.long_message(),
            clerk_runtime_error: true,
        }),
    };
    let error: Object = JsValue::from(JsError::new(&err.message())).unchecked_into();
    Object::assign(&error, &fields.unchecked_into()).into()
}

/// Whether `value` is an API error thrown by this SDK (or by ClerkJS, which marks its errors
/// the same way). For Rust code; JavaScript imports `isClerkAPIResponseError` from the JS
/// entry (js/facade.js).
pub fn is_clerk_api_response_error(value: &JsValue) -> bool {
    value.is_object()
        && Reflect::get(value, &JsValue::from_str("clerkError"))
            .ok()
            .is_some_and(|v| v.is_truthy())
}
