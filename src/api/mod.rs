//! The Frontend API client: URLs, `_method`, credentials, envelopes, errors, retries and the
//! dev browser.

pub(crate) mod fetch;
pub(crate) mod wire;

use core::cell::{Cell, RefCell};

use crate::auth::cookies::Cookies;
use crate::auth::dev_browser;
use crate::auth::pending::PendingSignOut;
use crate::flight::{FlightWait, Flights, Outcome};
use crate::json::Json;
use crate::{browser, ClerkError};
use fetch::RawResponse;
pub(crate) use wire::{Envelope, Method};

/// Talks to one Frontend API.
#[derive(Debug)]
pub(crate) struct Fapi {
    base: String,
    /// The instance's cookie jar (the one copy: the core writes the session cookies through it).
    pub(crate) cookies: Cookies,
    /// `Some` on development instances (pk_test_): the dev browser may be required.
    dev: Option<DevBrowser>,
}

#[derive(Debug)]
struct DevBrowser {
    token: RefCell<Option<String>>,
    /// Counts the changes of `token`: what a request remembers of the token it sent (a copy
    /// of the token kept across the request was an allocation and more future state).
    changes: Cell<u32>,
    up_front: bool,
    /// Parallel requests refused at once share one new token.
    refresh: Flights<Outcome>,
}

impl Fapi {
    pub(crate) fn new(base: String, cookies: Cookies, development: bool, up_front: bool) -> Self {
        let dev = development.then(|| DevBrowser {
            token: RefCell::new(None),
            changes: Cell::new(0),
            up_front,
            refresh: Flights::default(),
        });
        Self { base, cookies, dev }
    }

    /// Sends with retries (GET, network failures only) and one dev-browser retry; returns
    /// the JSON object of a 2xx answer (the resource itself, or an [`Envelope`] to read).
    /// One async fn for both kinds of answer: each is another state machine in the wasm.
    /// `path` is owned: built by the caller, it is then kept in this future only, not also
    /// in the caller's across the await.
    ///
    /// # Errors
    /// Network, API and response-shape errors.
    pub(crate) async fn request(
        &self,
        method: Method,
        path: String,
        form: Option<&str>,
    ) -> Result<Json, ClerkError> {
        // `Some(changes)` when the dev browser token must be replaced before sending (unless it
        // changed since): up front, or after a refusal; awaited at one point of the loop below.
        let mut refresh = None;
        if let Some(dev) = &self.dev {
            if dev.token.borrow().is_none() {
                // A token this browser already has costs no request and saves a 401.
                let known = dev_browser::from_page(&self.cookies, None);
                dev.set(known);
            }
            if dev.up_front && dev.token.borrow().is_none() {
                refresh = Some(dev.changes.get());
            }
        }
        let (mut dev_retried, mut attempt) = (false, 0);
        // The wait before a GET is retried, slept at the top of the loop: the failure that
        // asked for it is dropped by then, not kept in the future's state while it sleeps.
        let mut delay = None;
        // One loop, one state machine: the GET retries and the dev browser refresh were async
        // fns of their own, each another state machine with its own drop glue.
        loop {
            if let Some(ms) = delay.take() {
                // The timer promise never rejects.
                let _ = browser::sleep(ms).await;
            }
            if let Some((dev, refreshed)) = refresh.take().and_then(|r| self.refresh_dev_browser(r))
            {
                dev.set(refreshed.await?);
            }
            let sent = self.dev.as_ref().map_or(0, |d| d.changes.get());
            // The URL is dropped before the await: the request owns what it needs.
            let sending = {
                let token = self.dev.as_ref().map(|d| d.token.borrow());
                let token = token.as_deref().and_then(Option::as_deref);
                let url = wire::request_url(&self.base, &path, method, token);
                fetch::send(&url, method.wire(), form, true)
            };
            let raw = match sending.await {
                Err(err) if method == Method::Get && err.is_network() => {
                    attempt += 1;
                    delay = wire::retry_delay_ms(attempt);
                    if delay.is_none() {
                        return Err(err);
                    }
                    continue;
                }
                answer => answer?,
            };
            if raw.status < 400 {
                if let (Some(dev), Some(jwt)) = (&self.dev, raw.db_jwt.as_deref()) {
                    dev.set(Some(jwt.to_owned()));
                    dev_browser::remember(&self.cookies, jwt);
                }
                return decode(&raw);
            }
            let err = error_from(&raw);
            let dev_browser_missing = err
                .api()
                .is_some_and(|a| a.is_dev_browser_unauthenticated());
            if self.dev.is_some() && dev_browser_missing && !dev_retried {
                dev_retried = true;
                // The token this request carried, not the current one: a parallel request
                // may have replaced it already, and then this one just retries with that.
                refresh = Some(sent);
                // The retried request gets its own network retries.
                attempt = 0;
                continue;
            }
            return Err(err);
        }
    }

    /// Starts replacing (or joins the replacement of) the dev browser token the server refused
    /// (the one current after `changes` changes): the token to await, and where it goes.
    /// `None` when another request already replaced it meanwhile: the new one is used as is.
    /// The request of one sign-out, sent or replayed: one copy of its method and path.
    pub(crate) fn sign_out(
        &self,
        entry: &PendingSignOut,
    ) -> impl core::future::Future<Output = Result<Json, ClerkError>> + '_ {
        let method = match entry {
            PendingSignOut::AllSessions => Method::Delete,
            PendingSignOut::Session(_) => Method::Post,
        };
        self.request(method, entry.path(), None)
    }

    fn refresh_dev_browser(&self, changes: u32) -> Option<(&DevBrowser, FlightWait<Outcome>)> {
        let dev = self.dev.as_ref()?;
        if dev.changes.get() != changes {
            return None;
        }
        let rejected = dev.token.borrow().clone();
        let rejected = rejected.as_deref();
        // First found wins: a token the page has (never the refused one, so a stale cookie
        // cannot loop), else a new one, shared by parallel requests refused at once.
        if let Some(token) = dev_browser::from_page(&self.cookies, rejected) {
            return Some((dev, FlightWait::ready(Ok(Some(token)))));
        }
        let refreshed = dev.refresh.join_or_start("dev_browser", || {
            dev_browser::obtain(&self.base, self.cookies.clone())
        });
        Some((dev, refreshed))
    }
}

impl DevBrowser {
    /// Replaces the token; a change is counted only if it differs (a parallel request's answer
    /// echoing the same token does not replace it).
    fn set(&self, token: Option<String>) {
        if *self.token.borrow() != token {
            self.changes.set(self.changes.get().wrapping_add(1));
            *self.token.borrow_mut() = token;
        }
    }
}

/// The typed error of a 4xx/5xx answer, whatever its body.
pub(crate) fn error_from(raw: &RawResponse) -> ClerkError {
    let body = Json::parse(&raw.text)
        .ok()
        .filter(Json::is_object)
        .map(|j| wire::ErrorBody::read(&j));
    ClerkError::Api(wire::api_error(raw.status, body, raw.retry_after.as_deref()).into())
}

/// The JSON object of a 2xx answer.
fn decode(raw: &RawResponse) -> Result<Json, ClerkError> {
    let invalid = |reason: String| ClerkError::InvalidResponse {
        status: raw.status,
        reason,
    };
    let json = Json::parse(&raw.text).map_err(invalid)?;
    if json.is_object() {
        Ok(json)
    } else {
        Err(invalid("expected a JSON object".to_owned()))
    }
}
