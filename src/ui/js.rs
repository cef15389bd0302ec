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
    /// How many DOM event listeners the user button views hold right now.
    #[wasm_bindgen(js_name = liveListeners)]
    pub(crate) fn live_listeners() -> usize;
}

/// The module's pure rules, for the browser tests in `tests/rules.rs`.
#[cfg(test)]
#[wasm_bindgen(module = "/src/ui/user_button.js")]
extern "C" {
    /// A link target: relative, `http:` or `https:`; `None` for anything else.
    #[wasm_bindgen(js_name = safeLink)]
    pub(crate) fn safe_link(url: &str) -> Option<String>;
    /// The first safe link of four candidates.
    #[wasm_bindgen(js_name = firstLink)]
    pub(crate) fn first_link(
        a: Option<&str>,
        b: Option<&str>,
        c: Option<&str>,
        d: Option<&str>,
    ) -> Option<String>;
    /// An avatar URL: `https:`, loopback `http:` or `data:image/`; `None` for anything else.
    #[wasm_bindgen(js_name = safeImage)]
    pub(crate) fn safe_image(url: &str) -> Option<String>;
    /// The first grapheme cluster of the trimmed text.
    #[wasm_bindgen(js_name = firstGrapheme)]
    pub(crate) fn first_grapheme(text: &str) -> String;
    /// A person's initials.
    pub(crate) fn initials(first: &str, last: &str, identifier: &str) -> String;
    /// `{title, subtitle, initials, imageUrl}` of a session object.
    pub(crate) fn person(session: &JsValue) -> JsValue;
    /// Whether a theme variable's value is used.
    #[wasm_bindgen(js_name = isSafeThemeValue)]
    pub(crate) fn is_safe_theme_value(value: &str) -> bool;
    /// `{kind, arg}` of an action key, `undefined` for an unknown one.
    #[wasm_bindgen(js_name = parseAction)]
    pub(crate) fn parse_action(key: &str) -> JsValue;
}
