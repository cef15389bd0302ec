//! Option types of `load`, `signOut` and the after-sign-out action.

mod appearance;
pub(crate) mod lenient;

pub(crate) use appearance::ThemeJs;
pub use appearance::{Appearance, BaseTheme, Localization};

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use std::rc::Rc;

/// A boxed future that runs on the page's thread.
pub type LocalFuture = Pin<Box<dyn Future<Output = ()>>>;

/// The app's SPA navigation function (JS `routerPush`).
pub type RouterPush = Rc<dyn Fn(&str)>;

/// Options of [`crate::Clerk::load`] (JS: `clerk.load(options)`).
#[derive(Clone, Default)]
pub struct LoadOptions {
    /// Where `signOut()` goes when no `redirect_url` is given (default `/`).
    pub after_sign_out_url: Option<String>,
    /// Where the user button goes after signing out of one session of several.
    pub after_multi_session_single_sign_out_url: Option<String>,
    /// The sign-in page ("Add account"); defaults to the environment's.
    pub sign_in_url: Option<String>,
    /// The profile page ("Manage account"); defaults to the environment's.
    pub user_profile_url: Option<String>,
    /// Protocols allowed in redirects besides `http:` and `https:` (e.g. `"myapp:"`).
    pub allowed_redirect_protocols: Vec<String>,
    /// SPA navigation: called with same-origin targets instead of a full page load.
    pub router_push: Option<RouterPush>,
    /// How every user button of this instance looks (each button's own `appearance` prop
    /// overrides it).
    pub appearance: Appearance,
    /// What every user button of this instance says (each button's own `localization` prop
    /// overrides it).
    pub localization: Localization,
}

impl fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoadOptions")
            .field("after_sign_out_url", &self.after_sign_out_url)
            .field(
                "after_multi_session_single_sign_out_url",
                &self.after_multi_session_single_sign_out_url,
            )
            .field("sign_in_url", &self.sign_in_url)
            .field("user_profile_url", &self.user_profile_url)
            .field(
                "allowed_redirect_protocols",
                &self.allowed_redirect_protocols,
            )
            .field("router_push", &self.router_push.is_some())
            .field("appearance", &self.appearance)
            .field("localization", &self.localization)
            .finish()
    }
}

/// Options of [`crate::Clerk::sign_out`] (JS: `signOut({ sessionId, redirectUrl })`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignOutOptions {
    /// Sign out only this session (multi-session instances); `None` signs out every session
    /// of this browser.
    pub session_id: Option<String>,
    /// Where to go afterwards (overrides `after_sign_out_url`).
    pub redirect_url: Option<String>,
}

/// Options of [`crate::Clerk::get_token_with`] (JS: `session.getToken({ template,
/// organizationId, skipCache })`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GetTokenOptions {
    /// A JWT template's name: the token comes from `POST .../tokens/{template}` and is never
    /// the session's own token. Empty means none, as in ClerkJS.
    pub template: Option<String>,
    /// The organization the token is for (`organization_id`); `Some("")` and `None` are the
    /// personal account (`None` sends it empty, as ClerkJS does for a session with no active
    /// organization: this SDK does not track an active organization). Not sent with a
    /// template, as ClerkJS does not.
    pub organization_id: Option<String>,
    /// Fetch a new token even when a cached one is still valid.
    pub skip_cache: bool,
}

impl GetTokenOptions {
    /// The template, if one is named.
    pub(crate) fn template(&self) -> Option<&str> {
        self.template.as_deref().filter(|t| !t.is_empty())
    }

    /// What tells this token apart from the session's others in the cache: empty for the
    /// session's own token.
    pub(crate) fn variant(&self) -> String {
        let mut variant = String::new();
        if let Some(template) = self.template() {
            variant.push_str(template);
        } else if let Some(org) = &self.organization_id {
            variant.push('\n');
            variant.push_str(org);
        }
        variant
    }
}

/// What happens once the current session is signed out.
#[non_exhaustive]
pub enum AfterSignOut {
    /// Navigate to the redirect target (PROTOCOL.md §7).
    Redirect,
    /// Run this instead of navigating; sign-out completes when its future does.
    Callback(Box<dyn FnOnce() -> LocalFuture>),
}

impl AfterSignOut {
    /// A synchronous callback replacing the redirect.
    ///
    /// ```no_run
    /// # async fn demo(clerk: clerk_wasm::Clerk) -> Result<(), clerk_wasm::ClerkError> {
    /// use clerk_wasm::{AfterSignOut, SignOutOptions};
    /// clerk
    ///     .sign_out_then(SignOutOptions::default(), AfterSignOut::call(|| { /* re-render */ }))
    ///     .await
    /// # }
    /// ```
    pub fn call(callback: impl FnOnce() + 'static) -> Self {
        Self::Callback(Box::new(move || {
            callback();
            Box::pin(async {})
        }))
    }

    /// An asynchronous callback replacing the redirect; awaited before sign-out completes.
    pub fn call_async<F: Future<Output = ()> + 'static>(
        callback: impl FnOnce() -> F + 'static,
    ) -> Self {
        Self::Callback(Box::new(move || Box::pin(callback())))
    }
}

impl fmt::Debug for AfterSignOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Redirect => "AfterSignOut::Redirect",
            Self::Callback(_) => "AfterSignOut::Callback",
        })
    }
}
