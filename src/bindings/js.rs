//! Rust values as JS values: plain objects through serde, and `Date`s.

use js_sys::{Date, Function, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// `value` as a plain JS object (serde-wasm-bindgen's JSON-compatible form: `None` is
/// `null`). It cannot fail for the views here, which hold only strings, booleans, numbers
/// and JS values kept as is (serde-wasm-bindgen fails only for 64-bit integers beyond 2^53
/// and for maps with keys that are not strings); should it ever, the value is `undefined`
/// and the failure is reported on the console.
pub(crate) fn plain<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|err| {
            crate::browser::report("Clerk: a value could not be built", &err.into());
            JsValue::UNDEFINED
        })
}

/// Epoch milliseconds as a JS `Date`, as ClerkJS exposes timestamps.
pub(crate) fn date(ms: f64) -> Date {
    Date::new(&JsValue::from_f64(ms))
}

/// Gives `object` an own copy of each method of its class, bound to it, so a method taken off
/// the object still works (`const { getToken } = session`), as on ClerkJS's resources. The copy
/// has the attributes of the prototype's method (non-enumerable), so `Object.keys` and
/// `JSON.stringify` see the object as before; the class (and its TypeScript declaration) keeps
/// the methods. Symbol-keyed members (`Symbol.dispose`) are left on the prototype.
pub(crate) fn bind_methods(object: &Object) {
    let proto = Object::get_prototype_of(object);
    for name in Object::get_own_property_names(&proto) {
        if name == "constructor" {
            continue;
        }
        let descriptor = Object::get_own_property_descriptor(&proto, &name);
        // An accessor's descriptor has no `value`: it is left alone.
        let value = Reflect::get(&descriptor, &"value".into()).unwrap_or_default();
        let Some(method) = value.dyn_ref::<Function>() else {
            continue;
        };
        // Setting a data property on the descriptor (a plain object) and defining a
        // configurable property on the object do not throw.
        let _ = Reflect::set(&descriptor, &"value".into(), &method.bind0(object));
        Object::define_property(object, &name, descriptor.unchecked_ref());
    }
}

/// The object a resource's JSON text stands for (`JSON.parse`), an empty object when the text
/// is not a JSON object (a resource built in Rust without it).
pub(crate) fn json_object(text: &str) -> JsValue {
    js_sys::JSON::parse(text)
        .ok()
        .filter(|value| value.is_object())
        .unwrap_or_else(|| Object::new().into())
}

/// Makes `object.toString()` answer its `field` (an email address's `emailAddress`), so
/// `String(user.primaryEmailAddress)` is the address, as in ClerkJS. The method is
/// `String.prototype.toString` bound to the text: no function is compiled (a strict CSP
/// allows it) and none is kept in Rust. Non-enumerable, like a class's method, so
/// `Object.keys` and `JSON.stringify` are unchanged. Not an object: nothing happens.
pub(crate) fn to_string_answers(object: &JsValue, field: &str) {
    let (Some(object), Some(text)) = (
        object.dyn_ref::<Object>(),
        crate::browser::prop(object, field).as_string(),
    ) else {
        return;
    };
    let text = JsValue::from_str(&text);
    // `String.prototype` (`Object.getPrototypeOf` of a string) and its `toString`.
    let method = crate::browser::prop(&Object::get_prototype_of(&text).into(), "toString");
    let Some(method) = method.dyn_ref::<Function>() else {
        return;
    };
    let descriptor = Object::new();
    // Setting properties on a new plain object does not throw.
    let _ = Reflect::set(&descriptor, &"value".into(), &method.bind0(&text));
    let _ = Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&descriptor, &"writable".into(), &JsValue::TRUE);
    Object::define_property(object, &"toString".into(), &descriptor);
}
