//! The Frontend API client: URLs, `_method`, credentials, envelopes, errors, retries and the
//! dev browser.

use crate::prelude::*;

pub(crate) mod fetch;
pub(crate) mod wire;

use core::cell::RefCell;

use crate::auth::cookies::Cookies;
use crate::auth::dev_browser;
use crate::flight::{Flights, Outcome};
use crate::json::Json;
use crate::{browser, ClerkError};
use fetch::RawResponse;
pub(crate) use wire::{Envelope, Method};

/// Talks to one Frontend API.
#[derive(Debug)]
pub(crate) struct Fapi {
    base: String,
    cookies: Cookies,
    /// `Some` on development instances (pk_test_): the dev browser may be required.
    dev: Option<DevBrowser>,
}

#[derive(Debug)]
struct DevBrowser {
    token: RefCell<Option<String>>,
    up_front: bool,
    /// Parallel requests refused at once share one new token.
    refresh: Flights<Outcome>,
}

impl Fapi {
    pub(crate) fn new(base: String, cookies: Cookies, development: bool, up_front: bool) -> Self {
        let dev = development.then(|| DevBrowser {
            token: RefCell::new(None),
            up_front,
            refresh: Flights::default(),
        });
        Self { base, cookies, dev }
    }

    /// Sends with retries (GET, network failures only) and one dev-browser retry; returns
    /// the JSON object of a 2xx answer (the resource itself, or an [`Envelope`] to read).
    /// One async fn for both kinds of answer: each is another state machine in the wasm.
    ///
    /// # Errors
    /// Network, API and response-shape errors.
    pub(crate) async fn request(
        &self,
        method: Method,
        path: &str,
        form: Option<&str>,
    ) -> Result<Json, ClerkError> {
        // `Some(rejected)` when the dev browser token must be replaced before sending. One
        // await of the refresh, not one up front and one on a refusal: each await of it was
        // another copy of its polling in this state machine.
        let mut refresh = None;
        if let Some(dev) = &self.dev {
            if dev.token.borrow().is_none() {
                // A token this browser already has costs no request and saves a 401.
                let known = dev_browser::from_page(&self.cookies);
                *dev.token.borrow_mut() = known;
            }
            if dev.up_front && dev.token.borrow().is_none() {
                refresh = Some(None);
            }
        }
        let mut dev_retried = false;
        loop {
            if let Some(rejected) = refresh.take() {
                self.refresh_dev_browser(rejected).await?;
            }
            let (raw, sent_token) = self.send_with_retries(method, path, form).await?;
            if raw.status < 400 {
                if let (Some(dev), Some(jwt)) = (&self.dev, raw.db_jwt.as_deref()) {
                    *dev.token.borrow_mut() = Some(jwt.to_owned());
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
                refresh = Some(sent_token);
                continue;
            }
            return Err(err);
        }
    }

    /// The answer, and the dev browser token the request carried.
    async fn send_with_retries(
        &self,
        method: Method,
        path: &str,
        form: Option<&str>,
    ) -> Result<(RawResponse, Option<String>), ClerkError> {
        let mut attempt = 0;
        loop {
            let token = self.dev_token();
            let url = wire::request_url(&self.base, path, method, token.as_deref());
            match fetch::send(&url, method.wire(), form, true).await {
                Err(err) if method == Method::Get && err.is_network() => {
                    attempt += 1;
                    match wire::retry_delay_ms(attempt) {
                        Some(ms) => {
                            // The timer promise never rejects.
                            let _ = browser::sleep(ms).await;
                        }
                        None => return Err(err),
                    }
                }
                other => return other.map(|raw| (raw, token)),
            }
        }
    }

    fn dev_token(&self) -> Option<String> {
        self.dev.as_ref().and_then(|d| d.token.borrow().clone())
    }

    /// Replaces the dev browser token the server refused (`rejected`). If another request
    /// already replaced it meanwhile, the new one is used as is.
    async fn refresh_dev_browser(&self, rejected: Option<String>) -> Result<(), ClerkError> {
        let Some(dev) = &self.dev else { return Ok(()) };
        if *dev.token.borrow() != rejected {
            return Ok(());
        }
        let (base, cookies) = (self.base.clone(), self.cookies.clone());
        let token = dev
            .refresh
            .join_or_start("dev_browser", move || {
                dev_browser::obtain(base, cookies, rejected)
            })
            .await?;
        *dev.token.borrow_mut() = token;
        Ok(())
    }
}

/// The typed error of a 4xx/5xx answer, whatever its body.
pub(crate) fn error_from(raw: &RawResponse) -> ClerkError {
    let body = Json::parse(&raw.text)
        .ok()
        .filter(Json::is_object)
        .map(|j| wire::ErrorBody::read(&j));
    ClerkError::Api(wire::api_error(
        raw.status,
        body,
        raw.retry_after.as_deref(),
    ))
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
