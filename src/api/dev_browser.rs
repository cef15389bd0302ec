//! The dev browser of development instances (PROTOCOL.md §5): the token every request
//! carries, obtained before the first request, and its replacement when the server refuses
//! it.
//!
//! Every development (`pk_test_`) instance gets its token up front, as ClerkJS does on
//! Clerk's development hosts (where every development instance lives), so a first load is
//! dev browser, environment and client with no 401 round trip. A refusal still happens when
//! a kept token goes stale (another server, a token the server forgot), and is recovered.

use core::cell::RefCell;

use super::answer::answer;
use super::fetch::{self, Outgoing};
use super::wire::{self, Method};
use crate::flight::Flights;
use crate::ClerkError;

/// Where the token lives between page loads. The core implements it (the `__clerk_db_jwt`
/// cookie and page URL parameter), so this layer needs no cookie jar of its own.
pub(crate) trait TokenStore {
    /// A token the page already has, never `rejected`.
    fn find(&self, rejected: Option<&str>) -> Option<String>;
    /// Keeps `token` for later page loads.
    fn save(&self, token: &str);
}

/// The dev browser token of one instance.
pub(crate) struct DevBrowser {
    token: RefCell<Option<String>>,
    store: Box<dyn TokenStore>,
    /// Parallel requests refused at once share one new token.
    refresh: Flights<Result<String, ClerkError>>,
}

impl core::fmt::Debug for DevBrowser {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DevBrowser")
            .field("has_token", &self.token.borrow().is_some())
            .finish_non_exhaustive()
    }
}

impl DevBrowser {
    pub(crate) fn new(store: Box<dyn TokenStore>) -> Self {
        Self {
            token: RefCell::new(None),
            store,
            refresh: Flights::default(),
        }
    }

    /// The token to send: the one in use, else one the page has (no request, no 401), else a
    /// new one from the server (parallel first requests share it).
    ///
    /// # Errors
    /// Those of `POST /v1/dev_browser`.
    pub(crate) async fn token(&self, base: &str) -> Result<Option<String>, ClerkError> {
        if self.token.borrow().is_none() {
            self.set(self.store.find(None));
        }
        if self.token.borrow().is_none() {
            self.replace(base, None).await?;
        }
        Ok(self.token.borrow().clone())
    }

    /// Replaces `rejected`, the token a refused request carried. When another request has
    /// replaced it meanwhile, that one stands. First found wins: a token the page has (never
    /// the refused one, so a stale cookie cannot loop), else a new one from the server,
    /// shared by parallel requests refused at once.
    ///
    /// # Errors
    /// Those of `POST /v1/dev_browser`.
    pub(crate) async fn replace(
        &self,
        base: &str,
        rejected: Option<&str>,
    ) -> Result<(), ClerkError> {
        if self.token.borrow().as_deref() != rejected {
            return Ok(());
        }
        let token = match self.store.find(rejected) {
            Some(token) => token,
            None => {
                let base = base.to_owned();
                self.refresh
                    .join_or_start("dev_browser", || obtain(base))
                    .await?
            }
        };
        self.adopt(&token);
        Ok(())
    }

    /// Uses `token` from now on and keeps it (a `Clerk-Db-Jwt` answer header, a new token).
    pub(crate) fn adopt(&self, token: &str) {
        if self.token.borrow().as_deref() != Some(token) {
            self.set(Some(token.to_owned()));
            self.store.save(token);
        }
    }

    fn set(&self, token: Option<String>) {
        *self.token.borrow_mut() = token;
    }
}

/// A new token from `POST /v1/dev_browser`, sent without credentials (the token, not a
/// cookie, identifies the dev browser) and without a body.
///
/// # Errors
/// Network or API errors, or an answer without an `id`.
async fn obtain(base: String) -> Result<String, ClerkError> {
    let url = fetch::endpoint(&base, "/dev_browser");
    let reply = fetch::send(Outgoing {
        url: &url,
        method: Method::Post,
        // A bare POST, as ClerkJS sends it: no body, no content type.
        form: None,
        db_jwt: None,
        credentials: false,
    })
    .await?;
    let status = reply.status;
    let answer: wire::DevBrowser = answer(reply)?;
    if answer.id.is_empty() {
        return Err(ClerkError::InvalidResponse {
            status,
            reason: "the dev browser id is empty".to_owned(),
        });
    }
    Ok(answer.id)
}
