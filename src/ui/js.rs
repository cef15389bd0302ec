//! The user button's JS module (`user_button.js`: stylesheet, view, controller and the
//! registry of mounts), as the wasm imports it. esbuild bundles the module into the shipped
//! files like the other snippets.

use js_sys::Function;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/user_button.js")]
extern "C" {
    /// Mounts a user button in `host` for `clerk` (a wasm `Clerk` object: the view reads the
    /// state, listens and acts through its JS methods) with `props` (the JS props object),
    /// replacing any button there. Returns the handle: `h()` unmounts, `h(1)` is `true`
    /// while mounted.
    /// Throws (an `Error`) when `host` is not an element.
    #[wasm_bindgen(catch, js_name = mountButton)]
    pub(crate) fn mount_button(
        host: &JsValue,
        clerk: JsValue,
        props: &JsValue,
    ) -> Result<Function, JsValue>;
    /// Unmounts the button in `host`, if any; throws when `host` is not an element.
    #[wasm_bindgen(catch, js_name = unmountButton)]
    pub(crate) fn unmount_button(host: &JsValue) -> Result<JsValue, JsValue>;
    /// `weak.deref()`; `undefined` for anything but a live `WeakRef`.
    pub(crate) fn deref(weak: &JsValue) -> JsValue;
    /// `new WeakRef(value)`; `undefined` where `WeakRef` is missing.
    #[wasm_bindgen(js_name = weakRef)]
    pub(crate) fn weak_ref(value: &JsValue) -> JsValue;
    /// How many user buttons are mounted.
    #[wasm_bindgen(js_name = mountedCount)]
    pub(crate) fn mounted_count() -> usize;
    /// The load-level `appearance` and `localization` of the instance with this key.
    #[wasm_bindgen(js_name = uiDefaults)]
    pub(crate) fn ui_defaults(key: &str, appearance: &JsValue, localization: &JsValue);
    /// How many DOM event listeners the user button views hold right now.
    #[wasm_bindgen(js_name = liveListeners)]
    pub(crate) fn live_listeners() -> usize;
}
