//! The Frontend API client: URLs, `_method`, credentials, typed answers, errors, retries and
//! the dev browser.
//!
//! The bottom layer of the SDK: it speaks the protocol and knows nothing of the state built
//! on it. The core (`Clerk`, load, sign-out, sessions, `auth/`) imports it, never the
//! reverse; where it needs the page (the dev browser token's cookie), the core hands it a
//! [`TokenStore`].

pub(crate) mod dev_browser;
mod fetch;
pub(crate) mod wire;

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiErrorItem, ApiErrorMeta};
use crate::ClerkError;
pub(crate) use dev_browser::{DevBrowser, TokenStore};
use fetch::{Outgoing, Reply};
pub(crate) use wire::Method;

/// Talks to one Frontend API.
#[derive(Debug)]
pub(crate) struct Fapi {
    base: String,
    /// `Some` on development instances (pk_test_): the dev browser may be required.
    dev: Option<DevBrowser>,
}

impl Fapi {
    /// A client for the Frontend API at `base` (without `/v1`).
    pub(crate) fn new(base: String, dev: Option<DevBrowser>) -> Self {
        Self { base, dev }
    }

    /// Sends `method` to `/v1<path>` with a form body (`""` for none) and reads the 2xx
    /// answer as `T`: the resource itself, or an envelope.
    ///
    /// # Errors
    /// Network and API errors, and [`ClerkError::InvalidResponse`] for an answer that is not
    /// the JSON the protocol promises.
    pub(crate) async fn request<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        form: &str,
    ) -> Result<T, ClerkError> {
        answer(self.send(method, path, form).await?)
    }

    /// Sends with the dev browser token where there is one, and once more with a new token
    /// when the server refuses it (PROTOCOL.md §5).
    async fn send(&self, method: Method, path: &str, form: &str) -> Result<Reply, ClerkError> {
        let url = endpoint(&self.base, path);
        let outgoing = |db_jwt| Outgoing {
            url: &url,
            method,
            form,
            db_jwt,
            credentials: true,
        };
        let Some(dev) = &self.dev else {
            return send_retrying(outgoing(None)).await;
        };
        let sent = dev.token(&self.base).await?;
        let mut reply = send_retrying(outgoing(sent.as_deref())).await?;
        if is_dev_browser_refusal(&reply) {
            // The token this request carried, not the current one: a parallel request may
            // have replaced it already, and then this one just retries with that.
            dev.replace(&self.base, sent.as_deref()).await?;
            let token = dev.token(&self.base).await?;
            reply = send_retrying(outgoing(token.as_deref())).await?;
        }
        if let (true, Some(jwt)) = (reply.status < 400, reply.db_jwt.as_deref()) {
            dev.adopt(jwt);
        }
        Ok(reply)
    }
}

/// `<base>/v1<path>`.
fn endpoint(base: &str, path: &str) -> String {
    [base.trim_end_matches('/'), "/v1", path].concat()
}

/// Sends, retrying a GET that got no answer (never a POST, never an HTTP error) after
/// 200 ms, then 600 ms (PROTOCOL.md §2).
async fn send_retrying(request: Outgoing<'_>) -> Result<Reply, ClerkError> {
    let mut attempt = 0;
    loop {
        match fetch::send(request).await {
            Err(err) if request.method == Method::Get && err.is_network() => {
                attempt += 1;
                let Some(ms) = wire::retry_delay_ms(attempt) else {
                    return Err(err);
                };
                // The timer never fails.
                let _ = crate::browser::sleep(ms).await;
            }
            reply => return reply,
        }
    }
}

/// A 2xx answer read as `T`; any other, its typed error.
fn answer<T: DeserializeOwned>(reply: Reply) -> Result<T, ClerkError> {
    if reply.status >= 400 {
        return Err(error_from(&reply));
    }
    let status = reply.status;
    let json = reply
        .body
        .map_err(|reason| ClerkError::InvalidResponse { status, reason })?;
    wire::read(json, status)
}

fn is_dev_browser_refusal(reply: &Reply) -> bool {
    reply.status == 401
        && error_from(reply)
            .api()
            .is_some_and(ApiError::is_dev_browser_unauthenticated)
}

/// The typed error of a 4xx/5xx answer, whatever its body (a proxy's HTML page, truncated
/// JSON: then only the status and `Retry-After`).
fn error_from(reply: &Reply) -> ClerkError {
    let body: wire::ErrorBody = reply
        .body
        .as_ref()
        .ok()
        .and_then(|json| wire::read(json.clone(), reply.status).ok())
        .unwrap_or_default();
    ClerkError::Api(Arc::new(ApiError {
        status: reply.status,
        errors: body
            .errors
            .unwrap_or_default()
            .into_iter()
            .map(ApiErrorItem::from)
            .collect(),
        clerk_trace_id: body.clerk_trace_id,
        retry_after: reply
            .retry_after
            .as_deref()
            .and_then(wire::parse_retry_after),
    }))
}

impl From<wire::ErrorItem> for ApiErrorItem {
    fn from(item: wire::ErrorItem) -> Self {
        Self {
            code: item.code.unwrap_or_default(),
            message: item.message.unwrap_or_default(),
            long_message: item.long_message,
            meta: item.meta.map(|meta| ApiErrorMeta {
                param_name: meta.param_name,
            }),
        }
    }
}

#[cfg(test)]
mod tests;
