//! The browser APIs the SDK uses, as a handful of small JS functions: the core's, and the
//! user button's where a few lines of JS replace many DOM calls by name from wasm.
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
//! New functions go into the first snippet rather than one of their own: every
//! `inline_js` block is one more module file that pages fetch in parallel (and with five,
//! wasm-bindgen-test-runner's HTTP server stalled the test page; see
//! `scripts/wasm-test-runner.mjs`).

use crate::prelude::*;
use js_sys::{Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function fetchText(url, method, body, include) {
  const ctl = new AbortController();
  let answer;
  try {
    const init = { method, credentials: include ? "include" : "omit", signal: ctl.signal };
    if (body != null) init.body = new URLSearchParams(body);
    answer = fetch(url, init).then((r) =>
      r.text().then((text) => [r.status, text, r.headers.get("Retry-After"), r.headers.get("Clerk-Db-Jwt")]));
  } catch (e) {
    answer = Promise.reject(e);
  }
  answer.abort = () => ctl.abort();
  return answer;
}
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
export function keepInViewport(panel, trigger) {
  const r = panel.getBoundingClientRect();
  if (r.left < 0 || r.right > innerWidth) panel.setAttribute("data-align", "start");
  if (r.bottom > innerHeight && trigger.getBoundingClientRect().top - 8 >= r.height)
    panel.setAttribute("data-side", "top");
}
const sheets = new WeakMap();
export function adoptStyles(doc, host, css) {
  try {
    // A constructed sheet is adoptable only in the document whose window made it: one per
    // document (a host in a same-origin iframe lives in another).
    let sheet = sheets.get(doc);
    if (sheet === undefined) {
      try { sheet = new doc.defaultView.CSSStyleSheet(); sheet.replaceSync(css); } catch { sheet = null; }
      sheets.set(doc, sheet);
    }
    let scope = host.getRootNode();
    if (!scope.adoptedStyleSheets) scope = doc;
    if (sheet) {
      const adopted = scope.adoptedStyleSheets;
      if (!adopted.includes(sheet)) scope.adoptedStyleSheets = [...adopted, sheet];
    } else if (!doc.getElementById("cl-user-button-styles")) {
      const style = doc.createElement("style");
      style.id = "cl-user-button-styles";
      style.textContent = css;
      (doc.head || doc.documentElement).append(style);
    }
  } catch {}
}
export function panelKey(e) {
  if (e.defaultPrevented || e.isComposing) return -1;
  return ["Escape", "Tab", "ShiftTab", "ArrowDown", "ArrowUp"].indexOf(e.shiftKey && e.key == "Tab" ? "ShiftTab" : e.key);
}
export function listen(target, kind, callback, capture) {
  target.addEventListener(kind, callback, capture);
  return () => target.removeEventListener(kind, callback, capture);
}
// What can take focus in the user button: its buttons and links, in document order.
const focusables = (root) => [...root.querySelectorAll("button,a[href]")];
export function cycleFocus(root, active, step) {
  const items = focusables(root);
  const n = items.length, i = items.indexOf(active);
  items[i < 0 ? (step > 0 ? 0 : n - 1) : (i + n + step) % n]?.focus();
}
export function focusWhere(root, name, value) {
  const node = focusables(root).find((n) => n.getAttribute(name) == value);
  node?.focus();
  return !!node;
}
export function observeTree(node, callback) {
  try {
    const observer = new MutationObserver(callback);
    observer.observe(node.ownerDocument, { childList: true, subtree: true });
    return observer;
  } catch {
    return null;
  }
}
"#)]
extern "C" {
    /// `fetch(url, {method, credentials, signal, body: URLSearchParams(body)})`, resolving to
    /// `[status, text, Retry-After, Clerk-Db-Jwt]`; rejects when no answer arrived.
    #[wasm_bindgen(js_name = fetchText)]
    pub(crate) fn fetch_text(url: &str, method: &str, body: Option<&str>, include: bool)
        -> Promise;
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
    pub(crate) fn on_sign_out_message(callback: &Closure<dyn FnMut(JsValue)>) -> Option<Function>;
    /// Keeps the user button's open panel inside the viewport. The stylesheet places it
    /// under the trigger, aligned to the trigger's end edge with an 8 px gap; when that
    /// would cross the viewport's side or bottom edge, a data attribute flips the alignment
    /// or the side (no inline styles, so a strict CSP is not involved). In JS: from wasm,
    /// each `DOMRect` edge and window size was a `Reflect.get` by name.
    #[wasm_bindgen(js_name = keepInViewport)]
    pub(crate) fn keep_in_viewport(panel: &web_sys::Element, trigger: &web_sys::Element);
    /// Makes sure the user button's stylesheet `css` applies to `host`: adopted by its
    /// shadow root when it lives in one (document styles do not reach inside), else by `doc`
    /// (a detached host will most likely be inserted there). Idempotent and cheap after the first call; a page
    /// that replaces `adoptedStyleSheets` gets it back on the next mount.
    ///
    /// One sheet per document, shared by every mount in it: constructing it parses the CSS
    /// once, and a constructed sheet can only be adopted in the document whose window made
    /// it (a host in a same-origin iframe gets that document's own). Browsers without
    /// constructable stylesheets (Safari before 16.4) get a `<style>` element instead; those
    /// predate strict-CSP-only deployments of this SDK.
    ///
    /// JS rather than wasm: each step was a property read or a method call by name from
    /// wasm, and their code outweighed these lines.
    #[wasm_bindgen(js_name = adoptStyles)]
    pub(crate) fn adopt_styles(doc: &web_sys::Document, host: &web_sys::Element, css: &str);
    /// A `MutationObserver` calling `callback` after every batch of child-list changes in
    /// the document of `node` (the user button registry's); `null` where it cannot be made.
    /// In JS: from wasm, the constructor, its options object and `observe` were three calls
    /// by name.
    #[wasm_bindgen(js_name = observeTree)]
    pub(crate) fn observe_tree(node: &web_sys::Element, callback: &JsValue) -> JsValue;
    /// `target.addEventListener(kind, callback, capture)`; returns the function that removes
    /// it again. In JS: from wasm, each call by name built its argument array twice.
    pub(crate) fn listen(
        target: &web_sys::EventTarget,
        kind: &str,
        callback: &Closure<dyn FnMut(JsValue)>,
        capture: bool,
    ) -> Function;
    /// Focuses the action `step` (1 or -1) away from `active` among the focusable actions
    /// (buttons and links) inside `root`, a ring; from outside the ring, forward enters at the
    /// first action and backward at the last. In JS: from wasm, the query, the index
    /// arithmetic, `indexOf` and `focus` were calls by name around a Rust helper.
    #[wasm_bindgen(js_name = cycleFocus)]
    pub(crate) fn cycle_focus(
        root: &web_sys::Element,
        active: Option<&web_sys::Element>,
        step: i32,
    );
    /// Focuses the first focusable action inside `root` whose attribute `name` is `value`;
    /// whether there was one. In JS: from wasm, a loop of `getAttribute` calls by name.
    #[wasm_bindgen(js_name = focusWhere)]
    pub(crate) fn focus_where(root: &web_sys::Element, name: &str, value: &str) -> bool;
    /// The user button panel's key in a `keydown` event: 0 Escape, 1 Tab, 2 Shift+Tab,
    /// 3 ArrowDown, 4 ArrowUp; -1 for any other key, an event already handled
    /// (`defaultPrevented`) or one inside an IME composition. In JS: from wasm, the four
    /// field reads were one `Reflect.get` each, the key a string copied into the wasm.
    #[wasm_bindgen(js_name = panelKey)]
    pub(crate) fn panel_key(event: &web_sys::Event) -> i32;
}

#[wasm_bindgen(inline_js = "export function abortFetch(answer) { answer.abort(); }")]
extern "C" {
    /// Aborts the request behind a promise of [`fetch_text`] (a no-op once it settled).
    #[wasm_bindgen(js_name = abortFetch)]
    pub(crate) fn abort_fetch(answer: &Promise);
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
    pub(crate) fn on_online(callback: &Closure<dyn FnMut(JsValue)>) -> Function;
}
