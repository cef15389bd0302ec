//! The browser APIs the SDK core uses, as a handful of small JS functions. (The user button
//! is JS of its own: `src/ui/user_button.js`, declared in `src/ui/js.rs`.)
//!
//! Every distinct web-sys method is a wasm import with a wrapper in the wasm and a shim in
//! the JS glue. `fetch` alone took 15 of them (AbortController, RequestInit setters,
//! URLSearchParams, Response, Headers), the cookie jar, `localStorage`, the address bar and
//! the cross-tab channel another 25. Here each job is one import whose body is a few lines of
//! JS. Each function catches what the browser may throw (storage disabled, no
//! `BroadcastChannel`), so an import never throws through the wasm.
//!
//! Imports that need no argument conversion are imported by wasm-bindgen straight from their
//! snippet, once per function (several from one snippet repeat its key in the glue's imports
//! object, with the same module as value each time: harmless, and esbuild merges them).
//!
//! Each `inline_js` block is one more snippet module: esbuild bundles them all into the
//! shipped files, and the wasm test page's many parallel module requests go through the
//! one-connection-per-request proxy of `scripts/wasm-test-runner.mjs`.

use crate::browser::JsCallback;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function cookies() {
  return typeof document == "undefined" ? "" : document.cookie;
}
export function setCookie(cookie) {
  if (typeof document != "undefined")
    document.cookie = cookie + (location.protocol == "https:" ? "; Secure" : "");
}
export function storageGet(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}
export function storageSet(key, value) {
  try { value == null ? localStorage.removeItem(key) : localStorage.setItem(key, value); } catch {}
}
export function takeParam(name) {
  try {
    const url = new URL(location.href);
    const value = url.searchParams.get(name);
    if (value != null) {
      url.searchParams.delete(name);
      try { history.replaceState(history.state, "", url.href); } catch {}
    }
    return value;
  } catch { return null; }
}
export function origin() {
  return typeof location == "undefined" ? "" : location.origin;
}
export function assign(url) {
  try { location.assign(url); } catch {}
}
export function onSignOutMessage(callback) {
  if (typeof BroadcastChannel == "undefined") return null;
  const channel = new BroadcastChannel("clerk");
  channel.onmessage = (e) => { if (e.data?.type == "signout") callback(); };
  return (announce) => {
    if (announce) channel.postMessage({ type: "signout" });
    else { channel.onmessage = null; channel.close(); }
  };
}
"#)]
extern "C" {
    /// `document.cookie`.
    pub(crate) fn cookies() -> String;
    /// Writes one cookie string (`Secure` added on https pages).
    #[wasm_bindgen(js_name = setCookie)]
    pub(crate) fn set_cookie(cookie: &str);
    /// `localStorage.getItem(key)`; `None` also when storage is unavailable.
    #[wasm_bindgen(js_name = storageGet)]
    pub(crate) fn storage_get(key: &str) -> Option<String>;
    /// `localStorage.setItem(key, value)`, or `removeItem(key)` for `None`.
    #[wasm_bindgen(js_name = storageSet)]
    pub(crate) fn storage_set(key: &str, value: Option<&str>);
    /// Removes query parameter `name` from the address bar (`history.replaceState`) and
    /// returns its value.
    #[wasm_bindgen(js_name = takeParam)]
    pub(crate) fn take_param(name: &str) -> Option<String>;
    /// `location.origin`.
    pub(crate) fn origin() -> String;
    /// `location.assign(url)`.
    pub(crate) fn assign(url: &str);
    /// Listens on `BroadcastChannel("clerk")` for `{type: "signout"}`. Returns the channel's
    /// control: `control(true)` announces a sign-out, `control()` closes; `None` where
    /// `BroadcastChannel` is missing.
    #[wasm_bindgen(js_name = onSignOutMessage)]
    pub(crate) fn on_sign_out_message(callback: &JsCallback) -> Option<Function>;
}

#[wasm_bindgen(
    inline_js = "export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }"
)]
extern "C" {
    /// A promise resolved after `ms` milliseconds.
    pub(crate) fn sleep(ms: i32) -> Promise;
}

#[wasm_bindgen(inline_js = r#"
export function onOnline(callback) {
  addEventListener("online", callback);
  return () => removeEventListener("online", callback);
}
"#)]
extern "C" {
    /// Adds an `online` listener on the window; returns the function that removes it.
    #[wasm_bindgen(js_name = onOnline)]
    pub(crate) fn on_online(callback: &JsCallback) -> Function;
}
