//! `Session` as JavaScript sees it: ClerkJS's `SessionResource` fields and methods.

use crate::prelude::*;
use alloc::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use super::convert::{date, get, set, Obj};
use super::errors::to_js_error;
use crate::clerk::Inner;
use crate::{Clerk, ClerkError, Session};

/// A session of this browser, as `clerk.session` and `client.sessions[i]`.
#[wasm_bindgen(js_name = Session)]
#[derive(Debug)]
pub struct JsSession {
    clerk: Weak<Inner>,
    data: Session,
    user: JsValue,
    public_user_data: JsValue,
}

impl JsSession {
    pub(crate) fn new(
        clerk: Weak<Inner>,
        data: Session,
        user: JsValue,
        public_user_data: JsValue,
    ) -> Self {
        Self {
            clerk,
            data,
            user,
            public_user_data,
        }
    }

    /// `end()` and `remove()`: one promise body for both (each async body is its own state
    /// machine in the wasm).
    fn mutate(&self, action: &'static str) -> js_sys::Promise {
        let clerk = self.clerk();
        let id = self.data.id.clone();
        super::to_promise(async move {
            let result = clerk?.inner.mutate_session(&id, action).await;
            result
                .map(|()| JsValue::UNDEFINED)
                .map_err(|e| to_js_error(&e))
        })
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

/// The data fields are plain (own, enumerable) properties of the JS object, set once when it
/// is built: like ClerkJS's resources, and each getter export cost a wrapper in the wasm and a
/// shim in the JS glue. The TypeScript declarations declare them (`types.rs`).
impl JsSession {
    /// `sess_...`.
    pub fn id(&self) -> String {
        self.data.id.clone()
    }

    /// `active`, `pending`, `ended`, `removed`, `revoked`, `expired` or `abandoned`.
    pub fn status(&self) -> String {
        self.data.status.as_str().to_owned()
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
        match &self.data.last_active_token {
            Some(token) => {
                let obj: JsValue = js_sys::Object::new().into();
                set(&obj, "jwt", &JsValue::from_str(&token.jwt));
                obj
            }
            None => JsValue::NULL,
        }
    }

    /// The JS object: this session with its data fields as properties.
    pub(crate) fn into_js(self) -> JsValue {
        let d = &self.data;
        let (id, status) = (d.id.clone(), d.status.as_str());
        let times = (
            d.last_active_at,
            d.expire_at,
            d.abandon_at,
            d.created_at,
            d.updated_at,
        );
        let (last_active_at, expire_at, abandon_at, created_at, updated_at) = times;
        let user = self.user.clone();
        let public = self.public_user_data.clone();
        let token = self.last_active_token();
        Obj::wrap(self.into())
            .text("id", &id)
            .text("status", status)
            .val("user", &user)
            .val("publicUserData", &public)
            .date("lastActiveAt", last_active_at)
            .date("expireAt", expire_at)
            .date("abandonAt", abandon_at)
            .date("createdAt", created_at)
            .date("updatedAt", updated_at)
            .val("lastActiveToken", &token)
            .done()
    }
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// `session.end()`: ends this session on the server. Resolves when the state is updated.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn end(&self) -> js_sys::Promise {
        self.mutate("/end")
    }

    /// `session.remove()`: removes this session from this browser.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn remove(&self) -> js_sys::Promise {
        self.mutate("/remove")
    }

    /// `session.getToken({ skipCache? })`: the session JWT (`string`), or `null`.
    #[wasm_bindgen(js_name = getToken, unchecked_return_type = "Promise<string | null>")]
    pub fn get_token(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetTokenOptions | undefined")] options: &JsValue,
    ) -> js_sys::Promise {
        let clerk = self.clerk();
        let id = self.data.id.clone();
        let skip_cache = get(options, "skipCache").is_truthy();
        super::to_promise(async move {
            let clerk = clerk?;
            if skip_cache {
                clerk.inner.forget_token(&id);
            }
            let token = clerk
                .get_token(Some(&id))
                .await
                .map_err(|e| to_js_error(&e))?;
            Ok(token.map_or(JsValue::NULL, |t| JsValue::from_str(&t)))
        })
    }

    /// Plain data for `JSON.stringify(session)`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let obj: JsValue = js_sys::Object::new().into();
        set(&obj, "object", &JsValue::from_str("session"));
        set(&obj, "id", &JsValue::from_str(&self.data.id));
        set(
            &obj,
            "status",
            &JsValue::from_str(self.data.status.as_str()),
        );
        set(&obj, "lastActiveAt", &date(self.data.last_active_at));
        set(&obj, "expireAt", &date(self.data.expire_at));
        set(&obj, "user", &self.user);
        set(&obj, "publicUserData", &self.public_user_data);
        obj
    }
}
