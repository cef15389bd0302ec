//! `Session` as JavaScript sees it: ClerkJS's `SessionResource` fields and methods.

use std::rc::{Rc, Weak};

use js_sys::{Date, Object, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::errors::to_js_error;
use super::js::{bind_methods, date, json_object, plain};
use super::options;
use super::promise::{answered_promise, operation_promise};
use crate::clerk::WeakClerk;
use crate::{Clerk, ClerkError, Session, SessionStatus};

/// Where a `Session` object finds its session's object of the latest state: the view cache of
/// the `Clerk` object that made it (implemented there, so this module does not import it).
pub(crate) trait SessionObjects {
    /// The `Session` object of session `id` in the current state, `null` without one.
    fn session(self: Rc<Self>, clerk: &Clerk, id: &str) -> JsValue;
}

/// The data fields of a `Session` object (`Session` in `types.rs`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionData<'a> {
    id: &'a str,
    status: &'static str,
    /// The same object as `clerk.user` for the current session.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    user: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    public_user_data: JsValue,
    /// The impersonator's claims, or `null`.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    actor: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    last_active_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    expire_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    abandon_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    created_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    updated_at: Date,
    last_active_token: Option<TokenView<'a>>,
}

/// `lastActiveToken`: `{jwt}`.
#[derive(Serialize)]
struct TokenView<'a> {
    jwt: &'a str,
}

/// A session of this browser, as `clerk.session` and `client.sessions[i]`.
///
/// Its data fields are plain (own, enumerable) properties, as on ClerkJS's resources, copied
/// once from [`SessionData`]; the class adds the methods, which each object also holds bound
/// to itself (`const { getToken } = session` works). The instance and its `Clerk` object's
/// view cache are held weakly: they reach these objects.
#[wasm_bindgen(js_name = Session)]
#[derive(Debug)]
pub struct JsSession {
    clerk: WeakClerk,
    /// The cache of the `Clerk` object that made this one, where `touch()` finds its answer.
    views: Weak<dyn SessionObjects>,
    id: String,
    status: SessionStatus,
    /// The data fields, as a plain object (for the Rust accessors and `toJSON`).
    data: Object,
}

impl JsSession {
    /// The JS object for `session`: a `Session` with the data fields set on it.
    pub(crate) fn build(
        (clerk, views): (WeakClerk, Weak<dyn SessionObjects>),
        session: &Session,
        user: JsValue,
        public_user_data: JsValue,
    ) -> JsValue {
        let data = plain(&SessionData {
            id: &session.id,
            status: session.status.as_str(),
            user,
            public_user_data,
            actor: session.actor.as_deref().map_or(JsValue::NULL, json_object),
            last_active_at: date(session.last_active_at),
            expire_at: date(session.expire_at),
            abandon_at: date(session.abandon_at),
            created_at: date(session.created_at),
            updated_at: date(session.updated_at),
            last_active_token: session
                .last_active_token
                .as_ref()
                .map(|token| TokenView { jwt: &token.jwt }),
        });
        let data: Object = data.unchecked_into();
        let object: JsValue = Self {
            clerk,
            views,
            id: session.id.clone(),
            status: session.status,
            data: data.clone(),
        }
        .into();
        let object = Object::assign(object.unchecked_ref(), &data);
        bind_methods(&object);
        object.into()
    }

    /// The instance this session belongs to; a `NotLoaded` error once it is gone.
    fn clerk(&self) -> Result<Clerk, ClerkError> {
        self.clerk.upgrade().ok_or(ClerkError::NotLoaded)
    }

    fn field(&self, name: &str) -> JsValue {
        crate::browser::prop(&self.data, name)
    }
}

/// For Rust code holding a `JsSession`; JavaScript reads the same values as properties.
impl JsSession {
    /// `sess_...`.
    pub fn id(&self) -> String {
        self.id.clone()
    }

    /// `active`, `pending`, `ended`, `removed`, `revoked`, `expired` or `abandoned`.
    pub fn status(&self) -> String {
        self.status.as_str().to_owned()
    }

    /// The session's user (the same object as `clerk.user` for the current session).
    pub fn user(&self) -> JsValue {
        self.field("user")
    }

    /// `{firstName, lastName, imageUrl, hasImage, identifier, userId}`.
    pub fn public_user_data(&self) -> JsValue {
        self.field("publicUserData")
    }

    /// `{jwt}` of the latest token the server sent with the session, or `null`.
    pub fn last_active_token(&self) -> JsValue {
        self.field("lastActiveToken")
    }
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// `session.end()`: ends this session on the server. Resolves when the state is updated.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn end(&self) -> Promise {
        match self.clerk() {
            Ok(clerk) => operation_promise(clerk.end_session(&self.id)),
            Err(err) => Promise::reject(&to_js_error(&err)),
        }
    }

    /// `session.remove()`: removes this session from this browser.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn remove(&self) -> Promise {
        match self.clerk() {
            Ok(clerk) => operation_promise(clerk.remove_session(&self.id)),
            Err(err) => Promise::reject(&to_js_error(&err)),
        }
    }

    /// `session.touch()`: marks this session active now on the server. Resolves, once the
    /// state is updated, with this session's object of the new state (the one
    /// `clerk.client.sessions` holds), or `null` if the client no longer has it. The current
    /// session stays.
    #[wasm_bindgen(unchecked_return_type = "Promise<Session | null>")]
    pub fn touch(&self) -> Promise {
        let (Some(clerk), Some(cache)) = (self.clerk.upgrade(), self.views.upgrade()) else {
            return Promise::reject(&to_js_error(&ClerkError::NotLoaded));
        };
        let (touched, id) = (clerk.touch_session(&self.id), self.id.clone());
        let answer = move || cache.session(&clerk, &id);
        answered_promise(touched, Some(Box::new(answer)))
    }

    /// `session.getToken({ template?, organizationId?, skipCache? })`: the session JWT
    /// (`string`), a JWT template's token, or `null` without a session. A template the
    /// instance does not have rejects with the API error (never the session's own token).
    #[wasm_bindgen(js_name = getToken, unchecked_return_type = "Promise<string | null>")]
    pub fn get_token(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetTokenOptions | undefined")] options: &JsValue,
    ) -> Promise {
        let started = self.clerk().and_then(|clerk| {
            let options = options::get_token_options(options)?;
            // The request starts here, as a JS promise's would.
            Ok(clerk.get_token_with(Some(&self.id), options))
        });
        let token = match started {
            Ok(token) => token,
            Err(err) => return Promise::reject(&to_js_error(&err)),
        };
        wasm_bindgen_futures::future_to_promise(async move {
            match token.await {
                Ok(token) => Ok(token.map_or(JsValue::NULL, JsValue::from)),
                Err(err) => Err(to_js_error(&err)),
            }
        })
    }

    /// Plain data for `JSON.stringify(session)`: the data fields and `object: "session"`
    /// (without it, `JSON.stringify` would also list the wasm object's pointer).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let json = Object::new();
        // Setting a property on a new plain object does not throw.
        let _ = js_sys::Reflect::set(&json, &"object".into(), &"session".into());
        Object::assign(&json, &self.data).into()
    }
}
