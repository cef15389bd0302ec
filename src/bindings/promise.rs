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
    future_to_promise(async move {
        operation.await.map_err(|err| to_js_error(&err))?;
        Ok(JsValue::UNDEFINED)
    })
}

/// A promise rejected with `err` (bad arguments: nothing was started).
pub(crate) fn rejected(err: &ClerkError) -> Promise {
    Promise::reject(&to_js_error(err))
}
