//! Where the dev browser token of a development instance lives on the page (PROTOCOL.md §5):
//! the `__clerk_db_jwt` page URL parameter and cookie. The token's protocol (sending it,
//! replacing a refused one) is the Frontend API client's: `api::dev_browser`.

use super::cookies::Cookies;
use crate::api::TokenStore;

const PARAM: &str = "__clerk_db_jwt";
/// A year: the dev browser token lives as long as the development client.
const MAX_AGE_S: u32 = 365 * 24 * 3600;

/// The page's dev browser token: the page URL's `__clerk_db_jwt`, else the cookie.
#[derive(Debug)]
pub(crate) struct PageTokenStore {
    cookies: Cookies,
}

impl PageTokenStore {
    pub(crate) fn new(cookies: Cookies) -> Self {
        Self { cookies }
    }
}

impl TokenStore for PageTokenStore {
    /// The page URL's `__clerk_db_jwt` (removed from the address bar and saved as a cookie),
    /// else the `__clerk_db_jwt` cookie; never `rejected`.
    fn find(&self, rejected: Option<&str>) -> Option<String> {
        let fresh = |t: &String| !t.is_empty() && Some(t.as_str()) != rejected;
        if let Some(token) = take_from_page_url().filter(fresh) {
            self.save(&token);
            return Some(token);
        }
        self.cookies.get(PARAM).filter(fresh)
    }

    fn save(&self, token: &str) {
        self.cookies.set(PARAM, token, MAX_AGE_S);
    }
}

fn take_from_page_url() -> Option<String> {
    // Removed from the address bar: keep the token out of history and referrers.
    crate::navigation::take_query_param(PARAM)
}
