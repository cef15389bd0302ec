//! Futures of the core as JS promises.

use std::future::Future;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

use super::errors::to_js_error;
use crate::ClerkError;

/// The promise of an operation that answers nothing (load, signOut, setActive, end,
/// remove): `undefined`, or rejected with the JS error.
pub(crate) fn operation_promise(
    operation: impl Future<Output = Result<(), ClerkError>> + 'static,
) -> Promise {
    answered_promise(operation, None)
}

/// The promise of an operation resolving with what `answer` gives once it succeeded
/// (`undefined` without one). The answer is boxed so operations of one future type (a
/// session's end, remove and touch) share one copy of the promise's code.
pub(crate) fn answered_promise(
    operation: impl Future<Output = Result<(), ClerkError>> + 'static,
    answer: Option<Box<dyn FnOnce() -> JsValue>>,
) -> Promise {
    future_to_promise(async move {
        operation.await.map_err(|err| to_js_error(&err))?;
        Ok(answer.map_or(JsValue::UNDEFINED, |answer| answer()))
    })
}

/// A promise rejected with `err` (bad arguments: nothing was started).
pub(crate) fn rejected(err: &ClerkError) -> Promise {
    Promise::reject(&to_js_error(err))
}
