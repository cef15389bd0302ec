//! One request over the browser's `fetch`, aborted when its future is dropped.

use crate::prelude::*;
use js_sys::{Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::{browser, host, ClerkError};

/// What came back, before interpretation.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) text: String,
    pub(crate) retry_after: Option<String>,
    /// The `Clerk-Db-Jwt` header, when the server exposes it.
    pub(crate) db_jwt: Option<String>,
}

/// Aborts the request when the future owning it is dropped before the answer is read.
struct AbortOnDrop(Promise);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        // After completion this is a no-op, so it is safe to always call.
        host::abort_fetch(&self.0);
    }
}

/// Sends one request. `form` is a URL-encoded body; `credentials` sends cookies.
///
/// # Errors
/// [`ClerkError::Network`] when no answer arrived (the HTTP status is not judged here).
pub(crate) async fn send(
    url: &str,
    method: &str,
    form: Option<&str>,
    credentials: bool,
) -> Result<RawResponse, ClerkError> {
    // URLSearchParams (in the JS) sets the urlencoded content type itself: a CORS-safelisted one.
    let guard = AbortOnDrop(host::fetch_text(url, method, form, credentials));
    let answer = JsFuture::from(guard.0.clone())
        .await
        .map_err(|err| ClerkError::Network {
            message: browser::error_message(&err),
        })?;
    drop(guard);
    let item = |i: u32| Reflect::get(&answer, &JsValue::from(i)).unwrap_or_default();
    Ok(RawResponse {
        status: item(0).as_f64().unwrap_or_default() as u16,
        text: item(1).as_string().unwrap_or_default(),
        retry_after: item(2).as_string(),
        db_jwt: item(3).as_string(),
    })
}
