//! One request over the browser's `fetch`, aborted when its future is dropped.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials, RequestInit, Response, UrlSearchParams};

use crate::browser;
use crate::ClerkError;

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
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        // After completion this is a no-op, so it is safe to always call.
        self.0.abort();
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
    let window = browser::window()?;
    let controller = AbortController::new().map_err(network)?;
    let guard = AbortOnDrop(controller);
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(if credentials {
        RequestCredentials::Include
    } else {
        RequestCredentials::Omit
    });
    init.set_signal(Some(&guard.0.signal()));
    if let Some(form) = form {
        // URLSearchParams sets the urlencoded content type itself (a CORS-safelisted one).
        let params = UrlSearchParams::new_with_str(form).map_err(network)?;
        init.set_body(&params);
    }
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?;
    let response: Response = answer.dyn_into().map_err(network)?;
    let headers = response.headers();
    let retry_after = headers.get("Retry-After").ok().flatten();
    let db_jwt = headers.get("Clerk-Db-Jwt").ok().flatten();
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default();
    drop(guard);
    Ok(RawResponse {
        status: response.status(),
        text,
        retry_after,
        db_jwt,
    })
}

// By value: the shape `map_err` hands over.
#[allow(clippy::needless_pass_by_value)]
fn network(err: JsValue) -> ClerkError {
    ClerkError::Network {
        message: browser::error_message(&err),
    }
}
