//! `Session` as JavaScript sees it: ClerkJS's `SessionResource` fields and methods.

use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use super::convert::{date, get};
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

    fn clerk(&self) -> Result<Clerk, JsValue> {
        let inner: Option<Rc<Inner>> = self.clerk.upgrade();
        inner
            .map(|inner| Clerk { inner })
            .ok_or_else(|| to_js_error(&ClerkError::NotLoaded))
    }
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// `sess_...`.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.data.id.clone()
    }

    /// `active`, `pending`, `ended`, `removed`, `revoked`, `expired` or `abandoned`.
    #[wasm_bindgen(
        getter,
        unchecked_return_type = "\"active\" | \"pending\" | \"ended\" | \"removed\" | \"revoked\" | \"expired\" | \"abandoned\" | \"unknown\""
    )]
    pub fn status(&self) -> String {
        self.data.status.as_str().to_owned()
    }

    /// The session's user (the same object as `clerk.user` for the current session).
    #[wasm_bindgen(getter, unchecked_return_type = "UserResource | null")]
    pub fn user(&self) -> JsValue {
        self.user.clone()
    }

    /// `{firstName, lastName, imageUrl, hasImage, identifier, userId}`.
    #[wasm_bindgen(getter, js_name = publicUserData, unchecked_return_type = "PublicUserData | null")]
    pub fn public_user_data(&self) -> JsValue {
        self.public_user_data.clone()
    }

    /// A `Date`.
    #[wasm_bindgen(getter, js_name = lastActiveAt, unchecked_return_type = "Date")]
    pub fn last_active_at(&self) -> JsValue {
        date(self.data.last_active_at)
    }

    /// A `Date`.
    #[wasm_bindgen(getter, js_name = expireAt, unchecked_return_type = "Date")]
    pub fn expire_at(&self) -> JsValue {
        date(self.data.expire_at)
    }

    /// A `Date`.
    #[wasm_bindgen(getter, js_name = abandonAt, unchecked_return_type = "Date")]
    pub fn abandon_at(&self) -> JsValue {
        date(self.data.abandon_at)
    }

    /// A `Date`.
    #[wasm_bindgen(getter, js_name = createdAt, unchecked_return_type = "Date")]
    pub fn created_at(&self) -> JsValue {
        date(self.data.created_at)
    }

    /// A `Date`.
    #[wasm_bindgen(getter, js_name = updatedAt, unchecked_return_type = "Date")]
    pub fn updated_at(&self) -> JsValue {
        date(self.data.updated_at)
    }

    /// `{jwt}` of the latest token the server sent with the session, or `null`.
    #[wasm_bindgen(getter, js_name = lastActiveToken, unchecked_return_type = "{ jwt: string } | null")]
    pub fn last_active_token(&self) -> JsValue {
        match &self.data.last_active_token {
            Some(token) => {
                let obj: JsValue = js_sys::Object::new().into();
                super::convert::set(&obj, "jwt", &JsValue::from_str(&token.jwt));
                obj
            }
            None => JsValue::NULL,
        }
    }

    /// `session.end()`: ends this session on the server. Resolves when the state is updated.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn end(&self) -> Result<js_sys::Promise, JsValue> {
        let clerk = self.clerk()?;
        let id = self.data.id.clone();
        Ok(super::to_promise(async move {
            clerk.end_session(&id).await.map_err(|e| to_js_error(&e))?;
            Ok(JsValue::UNDEFINED)
        }))
    }

    /// `session.remove()`: removes this session from this browser.
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn remove(&self) -> Result<js_sys::Promise, JsValue> {
        let clerk = self.clerk()?;
        let id = self.data.id.clone();
        Ok(super::to_promise(async move {
            clerk
                .remove_session(&id)
                .await
                .map_err(|e| to_js_error(&e))?;
            Ok(JsValue::UNDEFINED)
        }))
    }

    /// `session.getToken({ skipCache? })`: the session JWT (`string`), or `null`.
    #[wasm_bindgen(js_name = getToken, unchecked_return_type = "Promise<string | null>")]
    pub fn get_token(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GetTokenOptions | undefined")] options: &JsValue,
    ) -> Result<js_sys::Promise, JsValue> {
        let clerk = self.clerk()?;
        let id = self.data.id.clone();
        if get(options, "skipCache").is_truthy() {
            clerk.inner.forget_token(&id);
        }
        Ok(super::to_promise(async move {
            let token = clerk
                .get_token(Some(&id))
                .await
                .map_err(|e| to_js_error(&e))?;
            Ok(token.map_or(JsValue::NULL, |t| JsValue::from_str(&t)))
        }))
    }

    /// Plain data for `JSON.stringify(session)`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let obj: JsValue = js_sys::Object::new().into();
        super::convert::set(&obj, "object", &JsValue::from_str("session"));
        super::convert::set(&obj, "id", &JsValue::from_str(&self.data.id));
        super::convert::set(
            &obj,
            "status",
            &JsValue::from_str(self.data.status.as_str()),
        );
        super::convert::set(&obj, "lastActiveAt", &self.last_active_at());
        super::convert::set(&obj, "expireAt", &self.expire_at());
        super::convert::set(&obj, "user", &self.user);
        super::convert::set(&obj, "publicUserData", &self.public_user_data);
        obj
    }
}
