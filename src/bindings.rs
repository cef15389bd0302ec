//! The `#[wasm_bindgen]` facade: the only place `JsValue` appears in signatures. Each method
//! converts its arguments, calls the typed Rust API and converts the result back.

mod convert;
mod errors;
mod session;
mod types;
mod views;

use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::{AfterSignOut, ClerkOptions};
pub use errors::is_clerk_api_response_error;
pub(crate) use errors::to_js_error;
pub use session::JsSession;
use views::Views;

/// What the JS edge keeps per instance, shared by every wasm `Clerk` object that wraps it.
#[derive(Debug, Default)]
pub(crate) struct InstanceJs {
    /// The JS resource objects of the latest state snapshot, built once for all wrappers.
    pub(crate) views: core::cell::RefCell<Views>,
}

/// `Clerk` as JavaScript sees it (exported to Rust too, for apps that hand an instance to JS
/// and for the facade's own tests).
#[wasm_bindgen(js_name = Clerk)]
#[derive(Debug)]
pub struct JsClerk {
    pub(crate) inner: crate::Clerk,
}

impl JsClerk {
    /// The typed Rust instance behind this JS object.
    pub fn as_clerk(&self) -> &crate::Clerk {
        &self.inner
    }

    /// Wraps a Rust instance for JavaScript (e.g. to hand a Rust app's `Clerk` to JS code).
    pub fn from_clerk(clerk: crate::Clerk) -> Self {
        Self { inner: clerk }
    }

    // Not exported: the JS facade (js/facade.js) answers these itself from the key it has
    // already parsed, or from `state`, and each getter export cost a shim in the wasm and
    // the glue.

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

    /// `true` once `load()` completed.
    pub fn loaded(&self) -> bool {
        self.inner.state().loaded
    }

    /// `loading`, `ready`, `degraded` or `error`.
    pub fn status(&self) -> JsValue {
        JsValue::from_str(self.inner.state().status.as_str())
    }

    /// Whether an `active` session is current (`pending` is not signed in).
    pub fn is_signed_in(&self) -> bool {
        self.inner.state().is_signed_in()
    }

    /// The client: `undefined` before load, `null` without one.
    pub fn client(&self) -> JsValue {
        views::current(&self.inner).client.clone()
    }

    /// The current session: `undefined` while loading or transitioning, `null` signed out.
    pub fn session(&self) -> JsValue {
        views::current(&self.inner).session.clone()
    }

    /// The current user: `undefined` while loading or transitioning, `null` signed out.
    pub fn user(&self) -> JsValue {
        views::current(&self.inner).user.clone()
    }
}

/// Every promise the facade returns goes through one boxed future type, so the promise
/// machinery is compiled once instead of once per method (measured: ~4 KB of wasm).
pub(crate) fn to_promise(
    future: impl core::future::Future<Output = Result<JsValue, JsValue>> + 'static,
) -> Promise {
    let boxed: core::pin::Pin<Box<dyn core::future::Future<Output = Result<JsValue, JsValue>>>> =
        Box::pin(future);
    wasm_bindgen_futures::future_to_promise(boxed)
}

/// The core's operations that answer nothing (load, signOut, setActive, end, remove), each
/// a 'static future boxed as is.
pub(crate) type Operation =
    core::pin::Pin<Box<dyn core::future::Future<Output = Result<(), crate::ClerkError>>>>;

/// The promise of an [`Operation`]: `undefined`, or rejected with the JS error. One adapter
/// for all of them: an async block per method was a state machine and drop glue each.
pub(crate) fn operation_promise(operation: Operation) -> Promise {
    to_promise(crate::flight::Map::new(
        operation,
        |answer: Result<(), _>| {
            answer
                .map(|()| JsValue::UNDEFINED)
                .map_err(|e| to_js_error(&e))
        },
    ))
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `new Clerk(publishableKey, { proxyUrl?, domain? })`; throws a `ClerkRuntimeError`
    /// (`code` `invalid_publishable_key` or `invalid_option`) on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(
        publishable_key: &str,
        #[wasm_bindgen(unchecked_param_type = "ClerkOptions | undefined")] options: &JsValue,
    ) -> Result<JsClerk, JsValue> {
        let options = ClerkOptions {
            proxy_url: convert::get_string(options, "proxyUrl"),
            domain: convert::get_string(options, "domain"),
        };
        let inner =
            crate::Clerk::with_options(publishable_key, options).map_err(|e| to_js_error(&e))?;
        Ok(Self { inner })
    }

    /// `await clerk.load(options?)`: `afterSignOutUrl`, `afterMultiSessionSingleSignOutUrl`,
    /// `signInUrl`, `userProfileUrl`, `allowedRedirectProtocols`, `routerPush`, `appearance`,
    /// `localization`. Idempotent. Rejects with the error when the client cannot be loaded.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn load(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LoadOptions | undefined")] options: &JsValue,
    ) -> Promise {
        let clerk = &self.inner;
        let mut typed = convert::load_options(options);
        crate::bindings_ui::apply_load_options(options, &mut typed);
        operation_promise(Box::pin(clerk.load(typed)))
    }

    /// `signOut()`, `signOut(callback)`, `signOut(options)`, `signOut(callback, options)`;
    /// options `{ sessionId?, redirectUrl? }`. A callback (sync or returning a promise)
    /// replaces the redirect.
    #[wasm_bindgen(js_name = signOut, unchecked_return_type = "Promise<void>")]
    pub fn sign_out(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignOutCallback | SignOutOptions | undefined")]
        a: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "SignOutOptions | undefined")] b: &JsValue,
    ) -> Promise {
        let clerk = &self.inner;
        let (options, callback) = convert::sign_out_args(a, b);
        let after = match callback {
            Some(callback) => AfterSignOut::call_async(move || run_callback(&callback)),
            None => AfterSignOut::Redirect,
        };
        operation_promise(Box::pin(clerk.sign_out_then(options, after)))
    }

    /// `setActive({ session })`: `session` is a session id, a session object or `null`
    /// (signs out locally without a request).
    #[wasm_bindgen(js_name = setActive, unchecked_return_type = "Promise<void>")]
    pub fn set_active(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SetActiveParams")] params: &JsValue,
    ) -> Promise {
        let clerk = &self.inner;
        let session = convert::get(params, "session");
        let id = session
            .as_string()
            .or_else(|| convert::get_string(&session, "id"));
        match id {
            Some(id) => operation_promise(Box::pin(clerk.set_active(&id))),
            None => {
                clerk.clear_active();
                Promise::resolve(&JsValue::UNDEFINED)
            }
        }
    }

    /// `addListener(callback) → unsubscribe`: called with `{client, session, user}` at once
    /// if loaded and on every change. A listener that throws is reported on the console;
    /// the others still run.
    #[wasm_bindgen(js_name = addListener, unchecked_return_type = "Unsubscribe")]
    pub fn add_listener(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Listener")] callback: Function,
    ) -> JsValue {
        let weak = Rc::downgrade(&self.inner.inner);
        let listener = self.inner.add_listener(move |_state| {
            let Some(inner) = weak.upgrade() else { return };
            let payload = views::resources(&crate::Clerk { inner });
            if let Err(err) = callback.call1(&JsValue::NULL, &payload) {
                crate::browser::report("Clerk: a listener threw", &err);
            }
        });
        // The unsubscribe function owns the listener: calling it drops (unregisters) it. An
        // `FnMut` over an `Option`, not `Closure::once_into_js`: the SDK's other closures are
        // `browser::JsCallback`s, so this one reuses their shims instead of adding an
        // `FnOnce` kind.
        let mut listener = Some(listener);
        crate::browser::JsCallback::new(move |_| {
            drop(listener.take());
            Ok(())
        })
        .into_js_value()
    }

    /// `{client, session, user, loaded, status, isSignedIn}`, read by the JS facade's six
    /// getters: one export, not a getter export (a wasm shim plus a glue function) each; one
    /// object per state snapshot, not one per getter read.
    #[wasm_bindgen(
        getter,
        unchecked_return_type = "Resources & { loaded: boolean; status: ClerkStatus; isSignedIn: boolean }"
    )]
    pub fn state(&self) -> JsValue {
        // Built once per state snapshot with the resource objects (`views::current`).
        views::current(&self.inner).state.clone()
    }
}

/// Calls a sign-out callback; the future resolves once what it returned settles (a promise
/// or any thenable; anything else at once). A throw or rejection is reported, not raised.
/// A [`Map`](crate::flight::Map) over the answer's promise, not an async fn: its state
/// machine and error paths cost more in the wasm.
fn run_callback(callback: &Function) -> impl core::future::Future<Output = ()> + 'static {
    // `Promise.resolve` adopts promises and thenables and resolves anything else at once.
    // `call1` with `undefined`, as everywhere in the SDK: a `call0` import was one more
    // shim in the glue (only `arguments.length` tells them apart).
    let (answer, failure) = match callback.call1(&JsValue::NULL, &JsValue::UNDEFINED) {
        Ok(value) => (
            Promise::resolve(&value),
            "Clerk: the signOut callback rejected",
        ),
        Err(err) => (Promise::reject(&err), "Clerk: the signOut callback threw"),
    };
    crate::flight::Map::new(
        JsFuture::from(answer),
        move |settled: Result<JsValue, JsValue>| {
            if let Err(err) = settled {
                crate::browser::report(failure, &err);
            }
        },
    )
}
