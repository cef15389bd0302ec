//! What only the JS user button (`src/ui/user_button.js`) reads from the wasm `Clerk`:
//! `state`, `uiConfig()` and `navigate(url)`. Hidden from the TypeScript declarations; they
//! go with that button.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{plain, views, JsClerk};

/// `{client, session, user, loaded, status, isSignedIn}`: the button reads one snapshot.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StateView {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    client: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    session: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    user: JsValue,
    loaded: bool,
    status: &'static str,
    is_signed_in: bool,
}

/// Instance settings and load options the resource objects do not carry (absent URLs `null`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UiConfig<'a> {
    single_session: bool,
    development: bool,
    user_profile_url: Option<&'a str>,
    sign_in_url: Option<&'a str>,
    after_multi_session_single_sign_out_url: Option<&'a str>,
    instance_user_profile_url: Option<&'a str>,
    instance_sign_in_url: Option<&'a str>,
    instance_after_switch_session_url: Option<&'a str>,
    instance_after_sign_out_one_url: Option<&'a str>,
    /// The object whose `appearance` and `localization` the buttons start from: the
    /// instance's load options (`undefined` until set).
    #[serde(with = "serde_wasm_bindgen::preserve")]
    load_defaults: JsValue,
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// The state snapshot the button renders: `{client, session, user, loaded, status,
    /// isSignedIn}`, with the same resource objects as the getters.
    #[doc(hidden)]
    #[wasm_bindgen(getter, skip_typescript)]
    pub fn state(&self) -> JsValue {
        let state = self.inner.state();
        let views = views::current(&self.inner, &self.views);
        plain(&StateView {
            client: views.client.clone(),
            session: views.session.clone(),
            user: views.user.clone(),
            loaded: state.loaded,
            status: state.status.as_str(),
            is_signed_in: state.is_signed_in(),
        })
    }

    /// `{singleSession, development}` of the instance; the load options `userProfileUrl`,
    /// `signInUrl` and `afterMultiSessionSingleSignOutUrl`; the instance's display settings
    /// `instanceUserProfileUrl`, `instanceSignInUrl`, `instanceAfterSwitchSessionUrl` and
    /// `instanceAfterSignOutOneUrl`; and `loadDefaults`.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = uiConfig, skip_typescript)]
    pub fn ui_config(&self) -> JsValue {
        let clerk = &self.inner;
        let state = clerk.state();
        let display = &state.environment.display_config;
        let development = match display.instance_environment_type.as_deref() {
            Some(kind) => kind == "development",
            None => state.instance_type == crate::InstanceType::Development,
        };
        let load_defaults = clerk.inner.js.ui_defaults.borrow().clone();
        clerk.with_load_options(|load| {
            plain(&UiConfig {
                single_session: state.single_session_mode(),
                development,
                user_profile_url: load.user_profile_url.as_deref(),
                sign_in_url: load.sign_in_url.as_deref(),
                after_multi_session_single_sign_out_url: load
                    .after_multi_session_single_sign_out_url
                    .as_deref(),
                instance_user_profile_url: display.user_profile_url.as_deref(),
                instance_sign_in_url: display.sign_in_url.as_deref(),
                instance_after_switch_session_url: display.after_switch_session_url.as_deref(),
                instance_after_sign_out_one_url: display.after_sign_out_one_url.as_deref(),
                load_defaults,
            })
        })
    }

    /// `navigate(url)`: goes to `url` through `routerPush` for same-origin targets, else
    /// `location.assign`; a protocol outside the allow-list becomes `/`.
    #[doc(hidden)]
    #[wasm_bindgen(skip_typescript)]
    pub fn navigate(&self, url: &str) {
        self.inner.navigate(url);
    }
}
