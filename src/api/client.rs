//! [`Fapi`]: one Frontend API's requests, with the dev browser token and the retries.

use serde::de::DeserializeOwned;

use super::answer::{answer, is_dev_browser_refusal};
use super::dev_browser::DevBrowser;
use super::fetch::{self, endpoint, Outgoing, Reply};
use super::wire::{self, Method};
use crate::ClerkError;

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
            form: Some(form),
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
