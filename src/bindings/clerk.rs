//! `Clerk` as JavaScript sees it: the `#[wasm_bindgen]` class and its methods.

use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::errors::to_js_error;
use super::options;
use super::promise::{operation_promise, rejected};
use super::views::{self, ViewCache};
use crate::AfterSignOut;

/// `Clerk` as JavaScript sees it (exported to Rust too, for apps that hand an instance to JS
/// and for the facade's own tests).
#[wasm_bindgen(js_name = Clerk)]
#[derive(Debug)]
pub struct JsClerk {
    pub(crate) inner: crate::Clerk,
    /// The resource objects of the latest state snapshot this object was asked for, so
    /// `clerk.user === clerk.user` until the state changes. Shared with this object's
    /// listeners, which hand out the same objects.
    views: Rc<ViewCache>,
}

impl JsClerk {
    /// The typed Rust instance behind this JS object.
    pub fn as_clerk(&self) -> &crate::Clerk {
        &self.inner
    }

    /// Wraps a Rust instance for JavaScript (e.g. to hand a Rust app's `Clerk` to JS code).
    pub fn from_clerk(clerk: crate::Clerk) -> Self {
        Self {
            inner: clerk,
            views: Rc::default(),
        }
    }

    // Not exported: the JS facade (js/facade.js) answers these from the key it has already
    // parsed (synchronously, before the wasm exists).

    /// The publishable key.
    pub fn publishable_key(&self) -> String {
        self.inner.publishable_key().to_owned()
    }

    /// The Frontend API host.
    pub fn frontend_api(&self) -> String {
        self.inner.frontend_api().to_owned()
    }

    /// `"development"` or `"production"`.
    pub fn instance_type(&self) -> String {
        self.inner.instance_type().as_str().to_owned()
    }

    /// The SDK version.
    pub fn version(&self) -> String {
        crate::VERSION.to_owned()
    }
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `new Clerk(publishableKey, { proxyUrl?, domain? })`; throws a `ClerkRuntimeError`
    /// (`code` `invalid_publishable_key` or `invalid_option`) on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(
        publishable_key: &str,
        #[wasm_bindgen(unchecked_param_type = "DomainOrProxyUrl | undefined")] options: &JsValue,
    ) -> Result<JsClerk, JsValue> {
        let clerk = options::clerk_options(options)
            .and_then(|options| crate::Clerk::with_options(publishable_key, options))
            .map_err(|err| to_js_error(&err))?;
        Ok(Self::from_clerk(clerk))
    }

    /// `true` once `load()` completed.
    #[wasm_bindgen(getter)]
    pub fn loaded(&self) -> bool {
        self.inner.state().loaded
    }

    /// `loading`, `ready`, `degraded` or `error`.
    #[wasm_bindgen(getter, unchecked_return_type = "ClerkStatus")]
    pub fn status(&self) -> JsValue {
        JsValue::from_str(self.inner.state().status.as_str())
    }

    /// Whether an `active` session is current (`pending` is not signed in).
    #[wasm_bindgen(getter, js_name = isSignedIn)]
    pub fn is_signed_in(&self) -> bool {
        self.inner.state().is_signed_in()
    }

    /// The client: `undefined` before load, `null` without one.
    #[wasm_bindgen(getter, unchecked_return_type = "ClientResource | null | undefined")]
    pub fn client(&self) -> JsValue {
        views::current(&self.inner, &self.views).client.clone()
    }

    /// The current session: `undefined` while loading or transitioning, `null` signed out.
    #[wasm_bindgen(getter, unchecked_return_type = "Session | null | undefined")]
    pub fn session(&self) -> JsValue {
        views::current(&self.inner, &self.views).session.clone()
    }

    /// The current user: `undefined` while loading or transitioning, `null` signed out.
    #[wasm_bindgen(getter, unchecked_return_type = "UserResource | null | undefined")]
    pub fn user(&self) -> JsValue {
        views::current(&self.inner, &self.views).user.clone()
    }

    /// `await clerk.load(options?)`: `afterSignOutUrl`, `afterMultiSessionSingleSignOutUrl`,
    /// `signInUrl`, `userProfileUrl`, `allowedRedirectProtocols`, `routerPush`, `appearance`,
    /// `localization`. Idempotent. Rejects with the error when the client cannot be loaded,
    /// or with an `invalid_option` error (nothing loaded) for an option of the wrong type.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn load(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ClerkOptions | undefined")] options: &JsValue,
    ) -> Promise {
        let typed = match options::load_options(options) {
            Ok(typed) => typed,
            Err(err) => return rejected(&err),
        };
        operation_promise(self.inner.load(typed))
    }

    /// `signOut()`, `signOut(callback)`, `signOut(options)`, `signOut(callback, options)`;
    /// options `{ sessionId?, redirectUrl? }`. A callback (sync or returning a promise)
    /// replaces the redirect. An option of the wrong type rejects with `invalid_option`
    /// before anything is sent.
    #[wasm_bindgen(js_name = signOut, unchecked_return_type = "Promise<void>")]
    pub fn sign_out(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignOutCallback | SignOutOptions | undefined")]
        a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "SignOutOptions | undefined")] b: &JsValue,
    ) -> Promise {
        let (options, callback) = match options::sign_out_args(a, b) {
            Ok(args) => args,
            Err(err) => return rejected(&err),
        };
        let after = match callback {
            Some(callback) => AfterSignOut::call_async(move || run_callback(callback)),
            None => AfterSignOut::Redirect,
        };
        operation_promise(self.inner.sign_out_then(options, after))
    }

    /// `setActive({ session })`: `session` is a session id, a session object or `null`
    /// (signs out locally without a request); left out, the current session stays.
    #[wasm_bindgen(js_name = setActive, unchecked_return_type = "Promise<void>")]
    pub fn set_active(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SetActiveParams")] params: &JsValue,
    ) -> Promise {
        match options::set_active_params(params) {
            Ok(options::SessionChoice::Id(id)) => operation_promise(self.inner.set_active(&id)),
            Ok(options::SessionChoice::SignedOut) => {
                self.inner.clear_active();
                Promise::resolve(&JsValue::UNDEFINED)
            }
            Ok(options::SessionChoice::Current) => Promise::resolve(&JsValue::UNDEFINED),
            Err(err) => rejected(&err),
        }
    }

    /// `addListener(callback) → unsubscribe`: called with `{client, session, user}` at once
    /// if loaded and on every change. A listener that throws is reported on the console;
    /// the others still run.
    #[wasm_bindgen(js_name = addListener, unchecked_return_type = "UnsubscribeCallback")]
    pub fn add_listener(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ListenerCallback")] callback: Function,
    ) -> JsValue {
        // Weak: the listener lives in the instance it would otherwise keep alive.
        let clerk = self.inner.downgrade();
        let views = self.views.clone();
        let listener = self.inner.add_listener(move |_state| {
            let Some(clerk) = clerk.upgrade() else { return };
            // The borrow of the cache ends before the listener runs: it may read it again.
            let payload = views::current(&clerk, &views).resources();
            if let Err(err) = callback.call1(&JsValue::NULL, &payload) {
                crate::browser::report("Clerk: a listener threw", &err);
            }
        });
        // The unsubscribe function owns the listener: calling it drops (unregisters) it;
        // calling it again does nothing.
        let mut listener = Some(listener);
        Closure::<dyn FnMut()>::new(move || drop(listener.take())).into_js_value()
    }
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `clerk.mountUserButton(el, props?)`: renders the user button into `el`, replacing any
    /// user button already there. Props: `showName`, `userProfileUrl`,
    /// `afterSwitchSessionUrl`, `signInUrl`, `appearance: {baseTheme, variables, elements}`,
    /// `localization`, `customMenuItems: [{label, href?, onClick?}]`. Throws a
    /// `ClerkRuntimeError` (`invalid_element`) when `el` is not an element.
    #[wasm_bindgen(js_name = mountUserButton)]
    pub fn mount_user_button(&self, el: &JsValue, props: &JsValue) -> Result<(), JsValue> {
        crate::bindings_ui::mount(&self.inner, el, props)
    }

    /// `clerk.__unstable__updateProps({ node, props })` (ClerkJS's name, used by its React
    /// layer and by `clerk-wasm/react`): the user button mounted on `node` takes `props` without
    /// a remount (the same nodes; an open panel stays open). Does nothing for another node.
    #[wasm_bindgen(js_name = __unstable__updateProps)]
    pub fn update_props(&self, params: &JsValue) {
        crate::bindings_ui::update_props(params);
    }

    /// `clerk.unmountUserButton(el)`: removes the user button in `el` with every node,
    /// listener and piece of in-flight work it owns. Does nothing when there is none.
    #[wasm_bindgen(js_name = unmountUserButton)]
    pub fn unmount_user_button(&self, el: &JsValue) -> Result<(), JsValue> {
        crate::bindings_ui::unmount(el)
    }
}

/// Calls a sign-out callback; resolves once what it returned settles (a promise or any
/// thenable; anything else at once). A throw or rejection is reported, not raised: the
/// sign-out itself succeeded.
async fn run_callback(callback: Function) {
    match callback.call0(&JsValue::NULL) {
        Err(err) => crate::browser::report("Clerk: the signOut callback threw", &err),
        // `Promise.resolve` adopts promises and thenables and resolves anything else.
        Ok(answer) => {
            if let Err(err) = JsFuture::from(Promise::resolve(&answer)).await {
                crate::browser::report("Clerk: the signOut callback rejected", &err);
            }
        }
    }
}
