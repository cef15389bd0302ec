//! One request over the browser's `fetch`, aborted when its future is dropped.

use js_sys::{Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::flight::Map;
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

/// The answer of one request; aborts the request when dropped before the answer is read
/// (after that, aborting is a no-op).
struct Answer {
    promise: Promise,
    future: JsFuture,
}

impl Future for Answer {
    type Output = Result<JsValue, JsValue>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.get_mut().future).poll(cx)
    }
}

impl Drop for Answer {
    fn drop(&mut self) {
        host::abort_fetch(&self.promise);
    }
}

/// Sends one request. `form` is a URL-encoded body; `credentials` sends cookies. The answer
/// is read through a [`Map`], not in an async fn: its state machine and drop glue cost more
/// in the wasm.
///
/// # Errors
/// [`ClerkError::Network`] when no answer arrived (the HTTP status is not judged here).
pub(crate) fn send(
    url: &str,
    method: &str,
    form: Option<&str>,
    credentials: bool,
) -> impl Future<Output = Result<RawResponse, ClerkError>> + 'static {
    // URLSearchParams (in the JS) sets the urlencoded content type itself: a CORS-safelisted one.
    let promise = host::fetch_text(url, method, form, credentials);
    let future = JsFuture::from(promise.clone());
    Map::new(
        Answer { promise, future },
        |answer: Result<JsValue, JsValue>| {
            let answer = answer.map_err(|err| ClerkError::Network {
                message: browser::error_message(&err),
            })?;
            let item = |i: u32| Reflect::get(&answer, &JsValue::from(i)).unwrap_or_default();
            Ok(RawResponse {
                status: item(0).as_f64().unwrap_or_default() as u16,
                text: item(1).as_string().unwrap_or_default(),
                retry_after: item(2).as_string(),
                db_jwt: item(3).as_string(),
            })
        },
    )
}
