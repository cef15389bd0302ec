//! The `#[wasm_bindgen]` facade: the only place `JsValue` appears in signatures.

use wasm_bindgen::prelude::*;

use crate::ClerkError;

/// `Clerk` as JavaScript sees it.
#[wasm_bindgen(js_name = Clerk)]
#[derive(Debug)]
pub struct JsClerk {
    pub(crate) inner: crate::Clerk,
}

#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `new Clerk(publishableKey)`; throws a `ClerkRuntimeError` on a malformed key.
    #[wasm_bindgen(constructor)]
    pub fn new(publishable_key: &str) -> Result<JsClerk, JsError> {
        let inner = crate::Clerk::new(publishable_key).map_err(to_js_error)?;
        Ok(Self { inner })
    }

    /// The publishable key.
    #[wasm_bindgen(getter, js_name = publishableKey)]
    pub fn publishable_key(&self) -> String {
        self.inner.publishable_key().to_owned()
    }

    /// The Frontend API host.
    #[wasm_bindgen(getter, js_name = frontendApi)]
    pub fn frontend_api(&self) -> String {
        self.inner.frontend_api().to_owned()
    }

    /// `"development"` or `"production"`.
    #[wasm_bindgen(getter, js_name = instanceType)]
    pub fn instance_type(&self) -> String {
        self.inner.instance_type().as_str().to_owned()
    }

    /// The SDK version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        crate::VERSION.to_owned()
    }
}

fn to_js_error(err: ClerkError) -> JsError {
    JsError::new(&err.to_string())
}
