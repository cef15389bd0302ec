//! The dev browser of development instances (PROTOCOL.md §5): the token every request
//! carries, obtained before the first request, and its replacement when the server refuses
//! it.
//!
//! Every development (`pk_test_`) instance gets its token up front, as ClerkJS does on
//! Clerk's development hosts (where every development instance lives), so a first load is
//! dev browser, environment and client with no 401 round trip. A refusal still happens when
//! a kept token goes stale (another server, a token the server forgot), and is recovered.

use core::cell::RefCell;
use std::rc::Rc;

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
    /// Shared with the refresh in flight, which adopts the new token itself.
    current: Rc<Current>,
    /// Parallel requests refused at once share one new token.
    refresh: Flights<Result<String, ClerkError>>,
}

/// The token in use, and where it is kept.
struct Current {
    token: RefCell<Option<String>>,
    store: Box<dyn TokenStore>,
}

impl core::fmt::Debug for DevBrowser {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DevBrowser")
            .field("has_token", &self.current.token.borrow().is_some())
            .finish_non_exhaustive()
    }
}

impl DevBrowser {
    pub(crate) fn new(store: Box<dyn TokenStore>) -> Self {
        Self {
            current: Rc::new(Current {
                token: RefCell::new(None),
                store,
            }),
            refresh: Flights::default(),
        }
    }

    /// The token to send: the one in use, else one the page has (no request, no 401), else a
    /// new one from the server (parallel first requests share it).
    ///
    /// # Errors
    /// Those of `POST /v1/dev_browser`.
    pub(crate) async fn token(&self, base: &str) -> Result<Option<String>, ClerkError> {
        let current = &self.current;
        if current.token.borrow().is_none() {
            current.set(current.store.find(None));
        }
        if current.token.borrow().is_none() {
            self.replace(base, None).await?;
        }
        Ok(current.token.borrow().clone())
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
        let current = &self.current;
        if current.token.borrow().as_deref() != rejected {
            return Ok(());
        }
        if let Some(token) = current.store.find(rejected) {
            current.adopt(&token);
            return Ok(());
        }
        let (base, current) = (base.to_owned(), current.clone());
        // The flight adopts the new token itself, before it ends. Adopted by its waiters
        // instead, a refusal handled after the flight ended but before the first waiter's
        // turn found neither a flight to join nor a new token, and started a second refresh
        // (two `POST /v1/dev_browser`, two tokens).
        self.refresh
            .join_or_start("dev_browser", || async move {
                let token = obtain(base).await?;
                current.adopt(&token);
                Ok(token)
            })
            .await?;
        Ok(())
    }

    /// Uses `token` from now on and keeps it (a `Clerk-Db-Jwt` answer header, a new token).
    pub(crate) fn adopt(&self, token: &str) {
        self.current.adopt(token);
    }
}

impl Current {
    fn adopt(&self, token: &str) {
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

#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use core::future::Future;
    use core::task::{Context, Waker};

    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// A page without a token, keeping what it is given.
    #[derive(Default)]
    struct Kept(Rc<RefCell<Vec<String>>>);

    impl TokenStore for Kept {
        fn find(&self, _rejected: Option<&str>) -> Option<String> {
            None
        }
        fn save(&self, token: &str) {
            self.0.borrow_mut().push(token.to_owned());
        }
    }

    /// The development server of the browser suites (`POST /v1/dev_browser` answers in
    /// every mode).
    fn server() -> &'static str {
        option_env!("CLERK_DEV_SERVER_URL")
            .filter(|url| !url.is_empty())
            .expect("CLERK_DEV_SERVER_URL (a running clerk-dev-server) when this test is built")
    }

    /// A race found while tracing CI's one `dev_browser` failure on a34a3cf (its log kept no
    /// message): request A is refused and starts the refresh; the refresh ends; B's refusal
    /// is handled before A runs again. B must take the refresh's token, not start a second
    /// refresh. Deterministic here: A is not polled again until the end.
    #[wasm_bindgen_test]
    async fn a_refusal_handled_after_the_refresh_ended_but_before_its_waiter_ran_reuses_its_token()
    {
        let saved = Rc::new(RefCell::new(Vec::new()));
        let dev = DevBrowser::new(Box::new(Kept(saved.clone())));
        let mut cx = Context::from_waker(Waker::noop());

        let mut first = Box::pin(dev.replace(server(), None));
        assert!(first.as_mut().poll(&mut cx).is_pending());
        let flight = dev.refresh.get("dev_browser").expect("A started a refresh");
        let token = flight.wait().await.expect("a new dev browser token");

        let mut second = Box::pin(dev.replace(server(), None));
        assert!(
            second.as_mut().poll(&mut cx).is_ready(),
            "B took the new token at once, without a second refresh"
        );
        assert!(!dev.refresh.is_busy());
        first.await.expect("A ends with the same token");
        assert_eq!(dev.current.token.borrow().as_deref(), Some(token.as_str()));
        assert_eq!(*saved.borrow(), [token], "one token, kept once");
    }
}
