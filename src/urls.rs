//! ClerkJS's URL builders and redirects: `buildSignInUrl`, `buildUserProfileUrl`,
//! `buildAfterSignOutUrl`, `buildAfterMultiSessionSingleSignOutUrl` and the `redirectTo*`
//! that navigate to them. Each URL comes from the load options, then the environment's
//! `display_config`, as ClerkJS takes them; every navigation goes through
//! [`Clerk::navigate`] (the protocol allow-list and `routerPush`).

use crate::{browser, Clerk, InstanceType};

/// Options of [`Clerk::build_sign_in_url`] (JS: `buildSignInUrl({ redirectUrl, ... })`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInRedirectOptions {
    /// Where the sign-in page sends the user back (`redirect_url`); default: this page.
    pub redirect_url: Option<String>,
    /// `sign_in_force_redirect_url`: where to go after signing in, whatever else says.
    pub sign_in_force_redirect_url: Option<String>,
    /// `sign_in_fallback_redirect_url`: where to go after signing in without a `redirect_url`.
    pub sign_in_fallback_redirect_url: Option<String>,
    /// Values the sign-in form starts with (`emailAddress`, ...), in the URL's hash query.
    pub initial_values: Vec<(String, String)>,
}

/// `base` with `pairs` added to its query (before any fragment), then `hash_pairs` as the
/// fragment's query (`#/?k=v`, ClerkJS's hash routing), each form-encoded by the browser's
/// `URLSearchParams`. A relative base stays relative.
fn with_params(base: &str, pairs: &[(&str, &str)], hash_pairs: &[(String, String)]) -> String {
    let (path, hash) = base.split_once('#').unwrap_or((base, ""));
    let mut url = path.to_owned();
    let query = browser::form(pairs.iter().copied());
    if !query.is_empty() {
        url.push(if path.contains('?') { '&' } else { '?' });
        url.push_str(&query);
    }
    let hash_query = browser::form(hash_pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if !hash.is_empty() || !hash_query.is_empty() {
        url.push('#');
        url.push_str(if hash.is_empty() { "/" } else { hash });
    }
    if !hash_query.is_empty() {
        url.push(if hash.contains('?') { '&' } else { '?' });
        url.push_str(&hash_query);
    }
    url
}

impl Clerk {
    /// The sign-in page (`signInUrl`, else the instance's) with `redirect_url` (default: this
    /// page) and the other options in its query; `""` when neither is known.
    pub fn build_sign_in_url(&self, options: &SignInRedirectOptions) -> String {
        let state = self.state();
        let base = self.with_load_options(|o| o.sign_in_url.clone());
        let Some(base) = base.or_else(|| state.environment.display_config.sign_in_url.clone())
        else {
            return String::new();
        };
        let here = browser::page_href();
        let mut pairs = vec![(
            "redirect_url",
            options
                .redirect_url
                .as_deref()
                .filter(|u| !u.is_empty())
                .unwrap_or(&here),
        )];
        if let Some(url) = &options.sign_in_force_redirect_url {
            pairs.push(("sign_in_force_redirect_url", url));
        }
        if let Some(url) = &options.sign_in_fallback_redirect_url {
            pairs.push(("sign_in_fallback_redirect_url", url));
        }
        self.with_auth(&with_params(&base, &pairs, &options.initial_values))
    }

    /// The user profile page (`userProfileUrl`, else the instance's); `""` when neither is known.
    pub fn build_user_profile_url(&self) -> String {
        let url = self.with_load_options(|o| o.user_profile_url.clone());
        let url = url.or_else(|| {
            self.state()
                .environment
                .display_config
                .user_profile_url
                .clone()
        });
        url.map(|u| self.with_auth(&u)).unwrap_or_default()
    }

    /// `afterSignOutUrl`, else `/`.
    pub fn build_after_sign_out_url(&self) -> String {
        let url = self.with_load_options(|o| o.after_sign_out_url.clone());
        url.filter(|u| !u.is_empty())
            .map_or_else(|| "/".to_owned(), |u| self.with_auth(&u))
    }

    /// Where signing out of one session of several lands: `afterMultiSessionSingleSignOutUrl`,
    /// else the sign-in page's account chooser (`signInUrl#/choose`), else the instance's
    /// `after_sign_out_one_url`; `""` before load.
    pub fn build_after_multi_session_single_sign_out_url(&self) -> String {
        let state = self.state();
        if !state.loaded {
            return String::new();
        }
        let (after, sign_in) = self.with_load_options(|o| {
            (
                o.after_multi_session_single_sign_out_url.clone(),
                o.sign_in_url.clone(),
            )
        });
        let url = after
            .or_else(|| sign_in.map(|s| format!("{s}#/choose")))
            .or_else(|| {
                state
                    .environment
                    .display_config
                    .after_sign_out_one_url
                    .clone()
            });
        url.map(|u| self.with_auth(&u)).unwrap_or_default()
    }

    /// Navigates to [`Clerk::build_sign_in_url`].
    pub fn redirect_to_sign_in(&self, options: &SignInRedirectOptions) {
        self.navigate(&self.build_sign_in_url(options));
    }

    /// Navigates to [`Clerk::build_user_profile_url`] (`openUserProfile` too: this SDK has no
    /// user profile component).
    pub fn redirect_to_user_profile(&self) {
        self.navigate(&self.build_user_profile_url());
    }

    /// Navigates to [`Clerk::build_after_sign_out_url`].
    pub fn redirect_to_after_sign_out(&self) {
        self.navigate(&self.build_after_sign_out_url());
    }

    /// ClerkJS's `buildUrlWithAuth`: on a development instance, a URL on another origin (the
    /// Account Portal) carries the dev browser token, so that page knows this browser.
    fn with_auth(&self, url: &str) -> String {
        if self.instance_type() != InstanceType::Development {
            return url.to_owned();
        }
        let Some(target) = browser::absolute_url(url) else {
            return url.to_owned();
        };
        if target.origin() == browser::page_origin() {
            return target.href();
        }
        if let Some(token) = self.inner.cookies.get("__clerk_db_jwt") {
            target.search_params().set("__clerk_db_jwt", &token);
        }
        target.href()
    }
}
