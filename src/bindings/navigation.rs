//! `Clerk`'s navigation members as JavaScript sees them: `navigate`, the `build*Url`
//! builders, the `redirectTo*` redirects and `openUserProfile` / `closeUserProfile`.

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::clerk::JsClerk;
use super::errors::to_js_error;
use crate::options::lenient::{Lenient, TextMap};
use crate::SignInRedirectOptions;

/// `buildSignInUrl(options)`'s options, read as ClerkJS reads them: a field of the wrong type
/// is ignored.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SignInRedirectOptionsJs {
    #[serde(default)]
    redirect_url: Lenient<Option<String>>,
    #[serde(default)]
    sign_in_force_redirect_url: Lenient<Option<String>>,
    #[serde(default)]
    sign_in_fallback_redirect_url: Lenient<Option<String>>,
    #[serde(default)]
    initial_values: Lenient<TextMap>,
}

fn sign_in_options(value: &JsValue) -> SignInRedirectOptions {
    let js: SignInRedirectOptionsJs =
        serde_wasm_bindgen::from_value(value.clone()).unwrap_or_default();
    SignInRedirectOptions {
        redirect_url: js.redirect_url.0,
        sign_in_force_redirect_url: js.sign_in_force_redirect_url.0,
        sign_in_fallback_redirect_url: js.sign_in_fallback_redirect_url.0,
        initial_values: js.initial_values.0 .0,
    }
}

/// A URL for JavaScript. A `JsValue` rather than a `String` return: wasm-bindgen wraps each
/// `String` return in its own two-value shim (up to 640 B of wasm each).
fn text(url: &str) -> JsValue {
    JsValue::from_str(url)
}

/// A promise of `undefined` once `go` ran (ClerkJS's redirects are async).
fn went(go: impl FnOnce()) -> Promise {
    go();
    Promise::resolve(&JsValue::UNDEFINED)
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `navigate(to)`: goes to `to` through `routerPush` (same origin) or `location`; a
    /// protocol outside `allowedRedirectProtocols` (and `javascript:` always) goes to `/`.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn navigate(&self, to: &JsValue) -> Promise {
        match to.as_string() {
            Some(to) => went(|| self.inner.navigate(&to)),
            None if to.is_undefined() || to.is_null() => Promise::resolve(&JsValue::UNDEFINED),
            None => Promise::reject(&to_js_error(&crate::ClerkError::InvalidOption {
                name: "navigate(to)",
                reason: "it must be a string",
            })),
        }
    }

    /// `buildSignInUrl({ redirectUrl?, signInForceRedirectUrl?, signInFallbackRedirectUrl?,
    /// initialValues? })`: `signInUrl`, else the instance's, with `redirect_url` (default:
    /// this page); `""` when neither is known.
    #[wasm_bindgen(js_name = buildSignInUrl, unchecked_return_type = "string")]
    pub fn build_sign_in_url(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInRedirectOptions | undefined")]
        options: &JsValue,
    ) -> JsValue {
        text(&self.inner.build_sign_in_url(&sign_in_options(options)))
    }

    /// `buildUserProfileUrl()`: `userProfileUrl`, else the instance's; `""` when neither is known.
    #[wasm_bindgen(js_name = buildUserProfileUrl, unchecked_return_type = "string")]
    pub fn build_user_profile_url(&self) -> JsValue {
        text(&self.inner.build_user_profile_url())
    }

    /// `buildAfterSignOutUrl()`: `afterSignOutUrl`, else `/`.
    #[wasm_bindgen(js_name = buildAfterSignOutUrl, unchecked_return_type = "string")]
    pub fn build_after_sign_out_url(&self) -> JsValue {
        text(&self.inner.build_after_sign_out_url())
    }

    /// `buildAfterMultiSessionSingleSignOutUrl()`: `afterMultiSessionSingleSignOutUrl`, else
    /// `signInUrl#/choose`, else the instance's `after_sign_out_one_url`; `""` before load.
    #[wasm_bindgen(js_name = buildAfterMultiSessionSingleSignOutUrl, unchecked_return_type = "string")]
    pub fn build_after_multi_session_single_sign_out_url(&self) -> JsValue {
        text(&self.inner.build_after_multi_session_single_sign_out_url())
    }

    /// `redirectToSignIn(options?)`: navigates to `buildSignInUrl(options)`.
    #[wasm_bindgen(js_name = redirectToSignIn, unchecked_return_type = "Promise<void>")]
    pub fn redirect_to_sign_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignInRedirectOptions | undefined")]
        options: &JsValue,
    ) -> Promise {
        went(|| self.inner.redirect_to_sign_in(&sign_in_options(options)))
    }

    /// `redirectToUserProfile()`: navigates to `buildUserProfileUrl()`.
    #[wasm_bindgen(js_name = redirectToUserProfile, unchecked_return_type = "Promise<void>")]
    pub fn redirect_to_user_profile(&self) -> Promise {
        went(|| self.inner.redirect_to_user_profile())
    }

    /// `redirectToAfterSignOut()`: navigates to `buildAfterSignOutUrl()`.
    #[wasm_bindgen(js_name = redirectToAfterSignOut, unchecked_return_type = "Promise<void>")]
    pub fn redirect_to_after_sign_out(&self) -> Promise {
        went(|| self.inner.redirect_to_after_sign_out())
    }

    /// `openUserProfile(props?)`: this SDK has no user profile component, so it navigates to
    /// the user profile page (`buildUserProfileUrl()`); the props are ignored.
    #[wasm_bindgen(js_name = openUserProfile)]
    pub fn open_user_profile(&self, _props: &JsValue) {
        self.inner.redirect_to_user_profile();
    }

    /// `closeUserProfile()`: does nothing (no user profile component is ever open here).
    #[wasm_bindgen(js_name = closeUserProfile)]
    pub fn close_user_profile(&self) {}
}
