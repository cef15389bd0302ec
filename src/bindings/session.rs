//! `Session` as JavaScript sees it: ClerkJS's `SessionResource` fields and methods.

use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use super::convert::{get, Obj};
use super::errors::to_js_error;
use crate::clerk::Inner;
use crate::sessions::SessionAction;
use crate::{Clerk, ClerkError, Session, SessionStatus};

/// A session of this browser, as `clerk.session` and `client.sessions[i]`.
///
/// Keeps only what its methods read after the object is built (the data fields are set as
/// properties once, in [`JsSession::build`]): copying the whole [`Session`] cost a deep clone
/// of it, user included, for every session on every state change.
#[wasm_bindgen(js_name = Session)]
#[derive(Debug)]
pub struct JsSession {
    clerk: Weak<Inner>,
    id: String,
    status: SessionStatus,
    last_active_at: f64,
    expire_at: f64,
    user: JsValue,
    public_user_data: JsValue,
    last_active_token: JsValue,
}

impl JsSession {
    /// The JS object for `data`: a `Session` with its data fields as plain (own, enumerable)
    /// properties, set once, like ClerkJS's resources (a getter export per field cost a
    /// wrapper in the wasm and a shim in the JS glue). The TypeScript declarations declare
    /// them (`types.rs`).
    pub(crate) fn build(
        clerk: Weak<Inner>,
        data: &Session,
        user: &JsValue,
        public_user_data: &JsValue,
    ) -> JsValue {
        let last_active_token = match &data.last_active_token {
            Some(token) => Obj::wrap(js_sys::Object::new().into())
                .text("jwt", &token.jwt)
                .done(),
            None => JsValue::NULL,
        };
        let session = Self {
            clerk,
            id: data.id.clone(),
            status: data.status,
            last_active_at: data.last_active_at,
            expire_at: data.expire_at,
            user: user.clone(),
            public_user_data: public_user_data.clone(),
            last_active_token: last_active_token.clone(),
        };
        Obj::wrap(session.into())
            .text("id", &data.id)
            .text("status", data.status.as_str())
            .val("user", user.clone())
            .val("publicUserData", public_user_data.clone())
            .date("lastActiveAt", data.last_active_at)
            .date("expireAt", data.expire_at)
            .date("abandonAt", data.abandon_at)
            .date("createdAt", data.created_at)
            .date("updatedAt", data.updated_at)
            .val("lastActiveToken", last_active_token)
            .done()
    }

    /// `end()` and `remove()`: one promise body for both (each async body is its own state
    /// machine in the wasm).
    fn mutate(&self, action: SessionAction) -> js_sys::Promise {
        match self.clerk() {
            Ok(clerk) => {
                super::operation_promise(Box::pin(clerk.inner.mutate_session(&self.id, action)))
            }
            Err(err) => js_sys::Promise::reject(&err),
        }
    }

    /// The instance this session belongs to; a `NotLoaded` error once it is gone. The methods
    /// reject with it rather than throw: they are async, and a `Result` return cost a
    /// multivalue shim in the wasm and a check in the glue per method.
    fn clerk(&self) -> Result<Clerk, JsValue> {
        let inner: Option<Rc<Inner>> = self.clerk.upgrade();
        inner
            .map(|inner| Clerk { inner })
            .ok_or_else(|| to_js_error(&ClerkError::NotLoaded))
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
        self.user.clone()
    }

    /// `{firstName, lastName, imageUrl, hasImage, identifier, userId}`.
    pub fn public_user_data(&self) -> JsValue {
        self.public_user_data.clone()
    }

    /// `{jwt}` of the latest token the server sent with the session, or `null`.
    pub fn last_active_token(&self) -> JsValue {
        self.last_active_token.clone()
    }
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// `session.end()`: ends this session on the server. Resolves when the state is updated.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn end(&self) -> js_sys::Promise {
        self.mutate(SessionAction::End)
    }

    /// `session.remove()`: removes this session from this browser.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn remove(&self) -> js_sys::Promise {
        self.mutate(SessionAction::Remove)
    }

    /// `session.getToken({ skipCache? })`: the session JWT (`string`), or `null`.
    #[wasm_bindgen(js_name = getToken, unchecked_return_type = "Promise<string | null>")]
    pub fn get_token(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetTokenOptions | undefined")] options: &JsValue,
    ) -> js_sys::Promise {
        let clerk = match self.clerk() {
            Ok(clerk) => clerk,
            Err(err) => return js_sys::Promise::reject(&err),
        };
        if get(options, "skipCache").is_truthy() {
            clerk.inner.forget_token(&self.id);
        }
        // The request starts here; the adapter only converts its answer.
        let token = clerk.get_token(Some(&self.id));
        super::to_promise(async move {
            token
                .await
                .map(|token| token.map_or(JsValue::NULL, |t| JsValue::from_str(&t)))
                .map_err(|e| to_js_error(&e))
        })
    }

    /// Plain data for `JSON.stringify(session)`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        Obj::wrap(js_sys::Object::new().into())
            .text("object", "session")
            .text("id", &self.id)
            .text("status", self.status.as_str())
            .date("lastActiveAt", self.last_active_at)
            .date("expireAt", self.expire_at)
            .val("user", self.user.clone())
            .val("publicUserData", self.public_user_data.clone())
            .done()
    }
}
