//! The dev browser of development instances (PROTOCOL.md §5).

use super::cookies::Cookies;
use core::future::Future;

use crate::api::fetch::{self, RawResponse};
use crate::api::wire::{request_url, Method};
use crate::flight::{Map, Outcome};
use crate::json::Json;
use crate::ClerkError;

const PARAM: &str = "__clerk_db_jwt";
/// A year: the dev browser token lives as long as the development client.
const MAX_AGE_S: u32 = 365 * 24 * 3600;

/// A new dev browser token from `POST /v1/dev_browser`, saved as the `__clerk_db_jwt`
/// cookie. The caller looks for one the page already has first ([`from_page`]).
///
/// Answers a flight's [`Outcome`] (the token is always `Some`) and owns its arguments, so it is
/// the flight's future itself; a [`Map`] over the request, not an async fn: its state machine
/// and drop glue cost more in the wasm.
///
/// # Errors
/// Network or API errors of `POST /v1/dev_browser`.
pub(crate) fn obtain(base: &str, cookies: Cookies) -> impl Future<Output = Outcome> + 'static {
    // Without credentials: the token, not a cookie, identifies the dev browser.
    let url = request_url(base, "/dev_browser", Method::Post, None);
    Map::new(
        fetch::send(&url, "POST", None, false),
        move |raw: Result<RawResponse, ClerkError>| {
            let raw = raw?;
            if raw.status >= 400 {
                return Err(crate::api::error_from(&raw));
            }
            let invalid = |reason: String| ClerkError::InvalidResponse {
                status: raw.status,
                reason,
            };
            let token = Json::parse(&raw.text)
                .map_err(invalid)?
                .opt_str("id")
                .filter(|t| !t.is_empty())
                .ok_or_else(|| invalid("no dev browser id".to_owned()))?;
            cookies.set(PARAM, &token, MAX_AGE_S);
            Ok(Some(token))
        },
    )
}

/// A token this page already has, without a request: the page URL's `__clerk_db_jwt`
/// (removed from the address bar and saved as a cookie), else the `__clerk_db_jwt` cookie;
/// never `rejected`.
pub(crate) fn from_page(cookies: &Cookies, rejected: Option<&str>) -> Option<String> {
    let fresh = |t: &String| !t.is_empty() && Some(t.as_str()) != rejected;
    if let Some(token) = take_from_page_url().filter(fresh) {
        cookies.set(PARAM, &token, MAX_AGE_S);
        return Some(token);
    }
    cookies.get(PARAM).filter(fresh)
}

/// Persists a token the server handed back in `Clerk-Db-Jwt`.
pub(crate) fn remember(cookies: &Cookies, token: &str) {
    cookies.set(PARAM, token, MAX_AGE_S);
}

fn take_from_page_url() -> Option<String> {
    // Removed from the address bar: keep the token out of history and referrers.
    crate::navigation::take_query_param(PARAM)
}
