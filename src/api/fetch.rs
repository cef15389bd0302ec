//! One request through gloo-net's `RequestBuilder`, aborted when its future is dropped.

use gloo_net::http::{Method as HttpMethod, RequestBuilder};
use wasm_bindgen::JsValue;
use web_sys::{AbortController, RequestCredentials, UrlSearchParams};

use super::wire::{self, Method};
use crate::ClerkError;

/// What came back, before interpretation.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    /// The body as the browser's `JSON.parse` read it, or why it could not.
    pub(crate) body: Result<JsValue, String>,
    /// The `Retry-After` header.
    pub(crate) retry_after: Option<String>,
    /// The `Clerk-Db-Jwt` header, when the server exposes it.
    pub(crate) db_jwt: Option<String>,
}

/// One request as the protocol sends it (PROTOCOL.md §2).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outgoing<'a> {
    /// `<base>/v1<path>`, without a query.
    pub(crate) url: &'a str,
    pub(crate) method: Method,
    /// `application/x-www-form-urlencoded` fields of a POST, e.g. `intent=select_session`
    /// (`Some("")`: the content type with an empty body); `None`: no body at all.
    pub(crate) form: Option<&'a str>,
    /// The dev browser token, on development instances.
    pub(crate) db_jwt: Option<&'a str>,
    /// Whether cookies go along (`credentials: include`); the dev browser request goes
    /// without.
    pub(crate) credentials: bool,
}

/// The content type of every POST.
const FORM: &str = "application/x-www-form-urlencoded";

/// `<base>/v1<path>`.
pub(crate) fn endpoint(base: &str, path: &str) -> String {
    [base.trim_end_matches('/'), "/v1", path].concat()
}

/// Aborts the request when dropped: whoever stops waiting for an answer (a dropped future)
/// also stops the request. Dropped after the answer was read, it is a no-op.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends one request and reads its status, headers and JSON body.
///
/// # Errors
/// [`ClerkError::Network`] when no answer arrived (the HTTP status is not judged here).
pub(crate) async fn send(request: Outgoing<'_>) -> Result<Reply, ClerkError> {
    let abort =
        AbortOnDrop(
            AbortController::new().map_err(|_| ClerkError::BrowserUnavailable {
                what: "AbortController",
            })?,
        );
    let credentials = if request.credentials {
        RequestCredentials::Include
    } else {
        RequestCredentials::Omit
    };
    let builder = RequestBuilder::new(request.url)
        .query(wire::query(request.method, request.db_jwt))
        .credentials(credentials)
        .abort_signal(Some(&abort.0.signal()));
    let builder = match request.method {
        Method::Get => builder.method(HttpMethod::GET),
        Method::Post | Method::Delete | Method::Patch => builder.method(HttpMethod::POST),
    };
    let built = match request.form {
        // A form POST says `application/x-www-form-urlencoded` even with an empty body, as
        // ClerkJS does (without the `;charset=UTF-8` a `URLSearchParams` body would add).
        // The type is CORS-safelisted: still no preflight.
        Some(form) if request.method != Method::Get => {
            let form = UrlSearchParams::new_with_str(form).map_err(|e| network(&e))?;
            builder.header("Content-Type", FORM).body(form.to_string())
        }
        _ => builder.build(),
    };
    let response = built.map_err(gloo)?.send().await.map_err(gloo)?;
    let headers = response.headers();
    let (retry_after, db_jwt) = (headers.get("Retry-After"), headers.get("Clerk-Db-Jwt"));
    let text = response.text().await.map_err(gloo)?;
    Ok(Reply {
        status: response.status(),
        body: wire::parse(&text),
        retry_after,
        db_jwt,
    })
}

/// A request that never got an answer: what the browser said.
fn gloo(err: gloo_net::Error) -> ClerkError {
    let message = match err {
        gloo_net::Error::JsError(js) => js.message,
        other => other.to_string(),
    };
    ClerkError::Network { message }
}

fn network(err: &JsValue) -> ClerkError {
    ClerkError::Network {
        message: crate::browser::error_message(err),
    }
}

#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn dropping_the_guard_aborts_the_request_s_signal() {
        let controller = AbortController::new().unwrap();
        let signal = controller.signal();
        let guard = AbortOnDrop(controller);
        assert!(!signal.aborted());
        drop(guard);
        assert!(signal.aborted());
    }
}
