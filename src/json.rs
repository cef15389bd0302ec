//! Reading FAPI JSON: the browser's `JSON.parse`, then typed reads field by field.
//!
//! Measured with twiggy: serde + serde-wasm-bindgen cost ~38 KB of wasm (one deserializer
//! per resource type plus serde's error formatting, which drags in float formatting); these
//! reads cost a few KB. Unknown fields are ignored and missing or mistyped ones read as
//! their default, so the service can add or omit fields freely (PROTOCOL.md §3).

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON value.
#[derive(Debug, Clone)]
pub(crate) struct Json(JsValue);

impl Json {
    /// Parses JSON text.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        js_sys::JSON::parse(text)
            .map(Self)
            .map_err(|e| crate::browser::error_message(&e))
    }

    /// Whether this is a JSON object (not null, not an array).
    pub(crate) fn is_object(&self) -> bool {
        self.0.is_object() && !Array::is_array(&self.0)
    }

    /// Field `key`; `None` when absent, `null`, or this is not an object.
    pub(crate) fn get(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        let value = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!value.is_null() && !value.is_undefined()).then_some(Self(value))
    }

    /// A string field, `None` when absent, null or not a string.
    pub(crate) fn opt_str(&self, key: &str) -> Option<String> {
        self.get(key)?.0.as_string()
    }

    /// A string field, empty when absent.
    pub(crate) fn str(&self, key: &str) -> String {
        self.opt_str(key).unwrap_or_default()
    }

    /// A number field (epoch ms, counts), `None` when absent or not a number.
    pub(crate) fn opt_num(&self, key: &str) -> Option<f64> {
        self.get(key)?.0.as_f64()
    }

    /// A number field, 0 when absent.
    pub(crate) fn num(&self, key: &str) -> f64 {
        self.opt_num(key).unwrap_or_default()
    }

    /// A boolean field, `default` when absent or not a boolean.
    pub(crate) fn bool_or(&self, key: &str, default: bool) -> bool {
        self.get(key).and_then(|v| v.0.as_bool()).unwrap_or(default)
    }

    /// An array field's items, empty when absent or not an array.
    pub(crate) fn items(&self, key: &str) -> Vec<Self> {
        self.get(key)
            .filter(|v| Array::is_array(&v.0))
            // Checked to be an array: read in place, not copied by `Array.from`.
            .map(|v| v.0.unchecked_ref::<Array>().iter().map(Self).collect())
            .unwrap_or_default()
    }

    /// An object field read with `read`, `None` when absent or not an object.
    pub(crate) fn obj<T>(&self, key: &str, read: impl FnOnce(&Self) -> T) -> Option<T> {
        self.get(key).filter(Self::is_object).map(|v| read(&v))
    }
}
