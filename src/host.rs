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
// Makes sure the user button's stylesheet applies to `host`: adopted by its shadow root when
// it lives in one, else by `doc`; one constructed sheet per document (a constructed sheet is
// adoptable only in the document whose window made it); a `<style>` element where
// constructable stylesheets are missing.
const sheets = new WeakMap();
function adoptStyles(doc, host, css) {
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
// The user button's DOM, built from a view model that Rust computes (see src/ui/model.rs for
// its layout). Rust keeps every decision and effect; this renders, keeps the open state,
// focus and keyboard, and reports "action <key> chosen" through `act(key)` ("close" when
// the panel closed here). Returns `update(model)`: a model renders it, `null` renders
// nothing, no argument unmounts for good. User text goes in as text, never as markup.
// The user button's stylesheet (see src/ui/styles.rs for why it is adopted, not inlined).
// Logical properties (`inset-inline-end`, `padding-inline`) so a right-to-left page
// mirrors the panel.
const css =
  ".cl-userButtonBox{--cl-p:#6c47ff;--cl-bg:#fff;--cl-fg:#212126;--cl-fg2:#6b6d7c;--cl-danger:#d92d20;--cl-font:inherit;--cl-fs:.875rem;--cl-r:.5rem;--cl-line:color-mix(in srgb,var(--cl-fg) 12%,transparent);--cl-hover:color-mix(in srgb,var(--cl-fg) 6%,transparent);position:relative;display:inline-flex;vertical-align:middle;font-family:var(--cl-font);font-size:var(--cl-fs);line-height:1.4;color:var(--cl-fg);max-width:100%}" +
  "@media (prefers-color-scheme:dark){.cl-userButtonBox{--cl-p:#8f7cff;--cl-bg:#212126;--cl-fg:#f4f4f5;--cl-fg2:#a1a1aa;--cl-danger:#f97066}" +
  "}" +
  ".cl-userButtonBox *{box-sizing:border-box}" +
  ".cl-userButtonTrigger{display:inline-flex;align-items:center;gap:.5rem;min-width:2rem;min-height:2rem;max-width:100%;margin:0;padding:0;border:0;border-radius:999px;background:none;color:inherit;font:inherit;cursor:pointer}" +
  ".cl-userButtonBox :focus-visible{outline:2px solid var(--cl-p);outline-offset:2px}" +
  ".cl-userButtonOuterIdentifier{padding-inline-start:.5rem;font-weight:500}" +
  ".cl-avatarBox{flex:none;display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:50%;overflow:hidden;background:var(--cl-p);color:#fff;font-size:.8125rem;font-weight:600;line-height:1;user-select:none}" +
  ".cl-userPreview .cl-avatarBox{width:2.75rem;height:2.75rem;font-size:1rem}" +
  ".cl-avatarImage{display:block;width:100%;height:100%;object-fit:cover}" +
  ".cl-userButtonPopoverCard{position:absolute;top:calc(100% + 8px);inset-inline-end:0;z-index:2147483000;width:20rem;max-width:calc(100vw - 16px);overflow:hidden;background:var(--cl-bg);color:var(--cl-fg);border:1px solid var(--cl-line);border-radius:calc(var(--cl-r)*1.5);box-shadow:0 12px 32px rgba(0,0,0,.18)}" +
  ".cl-userButtonPopoverCard[data-align=start]{inset-inline-end:auto;inset-inline-start:0}" +
  ".cl-userButtonPopoverCard[data-side=top]{top:auto;bottom:calc(100% + 8px)}" +
  ".cl-userPreview{display:flex;align-items:center;gap:1rem;padding:1rem 1.25rem;min-width:0}" +
  ".cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0;flex:1;text-align:start}" +
  ".cl-userPreviewMainIdentifier{font-weight:600}" +
  ".cl-userPreviewSecondaryIdentifier{color:var(--cl-fg2)}" +
  ".cl-userPreviewMainIdentifier,.cl-userPreviewSecondaryIdentifier,.cl-userButtonOuterIdentifier,.cl-userButtonPopoverActionButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}" +
  ".cl-userButtonPopoverActions{display:flex;flex-direction:column;border-top:1px solid var(--cl-line)}" +
  ".cl-userButtonPopoverActionButton{display:flex;align-items:center;gap:.75rem;width:100%;min-height:2.5rem;margin:0;padding:.5rem 1.25rem;border:0;border-radius:0;background:none;color:inherit;font:inherit;text-align:start;text-decoration:none;cursor:pointer}" +
  ".cl-userButtonPopoverActionButton:hover{background:var(--cl-hover)}" +
  ".cl-userButtonPopoverActionButton:focus-visible{outline-offset:-2px}" +
  ".cl-userButtonPopoverActionButton__session{padding:.75rem 1.25rem}" +
  ".cl-userButtonPopoverActionButton[aria-busy=true]{opacity:.6;cursor:progress}" +
  ".cl-userButtonPopoverActionButton[aria-disabled=true]{cursor:default}" +
  ".cl-userButtonPopoverSessionsLabel{margin:0;padding:.5rem 1.25rem 0;color:var(--cl-fg2);font-size:.75rem;font-weight:500}" +
  ".cl-userButtonPopoverError{margin:0;padding:.5rem 1.25rem;color:var(--cl-danger);border-top:1px solid var(--cl-line)}" +
  ".cl-userButtonPopoverFooter{padding:.5rem 1.25rem;border-top:1px solid var(--cl-line);color:var(--cl-fg2);font-size:.75rem;text-align:center;background:color-mix(in srgb,#f59e0b 12%,transparent)}";
let live = 0, panels = 0;
export function liveListeners() { return live; }
export function userButton(host, act) {
  const doc = host.ownerDocument, root = doc.createElement("div"), id = "cl-userButtonPanel-" + ++panels;
  let m = null, open = false, panel, extra, offDoc = [];
  const failed = new Set(), trigger = doc.createElement("button");
  const on = (target, kind, f, capture) => {
    target.addEventListener(kind, f, capture);
    live++;
    return () => { target.removeEventListener(kind, f, capture); live--; };
  };
  const set = (n, name, value) => n.setAttribute(name, value);
  // A part: its stable classes, each followed by its appearance extras.
  const classes = (cls) => cls + cls.split(" ").map((c) => extra[c] || "").join("");
  const el = (tag, cls, parent, text) => {
    const n = doc.createElement(tag);
    n.className = classes(cls);
    if (text != null) n.textContent = text;
    parent?.append(n);
    return n;
  };
  const line = (parent, cls, text, titled) => {
    const n = el("span", cls, parent, text);
    set(n, "dir", "auto");
    if (titled) n.title = text;
  };
  // p: [title, secondary, initials, image URL]
  const avatar = (parent, p, kind) => {
    const box = el("span", `cl-avatarBox cl-${kind}AvatarBox`, parent);
    set(box, "aria-hidden", "true");
    if (p[3] && !failed.has(p[3])) {
      const img = el("img", `cl-avatarImage cl-${kind}AvatarImage`, box);
      img.alt = "";
      img.src = p[3];
    } else box.textContent = p[2];
  };
  const person = (parent, p) => {
    avatar(parent, p, "userPreview");
    const texts = el("span", "cl-userPreviewTextContainer", parent);
    line(texts, "cl-userPreviewMainIdentifier", p[0], 1);
    if (p[1]) line(texts, "cl-userPreviewSecondaryIdentifier", p[1], 1);
  };
  // a: [key, label, href, state ("" | "1" disabled | "2" disabled and busy), person?]
  const action = (parent, a) => {
    const [key, label, href, state] = a, kind = key.split(":")[0], base = "cl-userButtonPopoverActionButton";
    const custom = href || kind == "custom" ? " cl-userButtonPopoverCustomItemButton" : "";
    const n = el(href ? "a" : "button", base + (href ? "" : ` ${base}__${kind}`) + custom, parent);
    if (href) n.href = href;
    else {
      n.type = "button";
      set(n, "data-cl-action", key);
      if (state) set(n, "aria-disabled", "true");
      if (state == "2") set(n, "aria-busy", "true");
    }
    if (label) line(n, "cl-userButtonPopoverActionButtonText", label);
    if (a[4]) person(n, a[4]);
  };
  const group = (cls, items) => {
    const g = el("div", "cl-userButtonPopoverActions" + cls, panel);
    items.forEach((a) => action(g, a));
    return g;
  };
  const focusables = () => [...panel.querySelectorAll("button,a[href]")];
  const cycle = (active, step) => {
    const items = focusables(), n = items.length, i = items.indexOf(active);
    items[i < 0 ? (step > 0 ? 0 : n - 1) : (i + n + step) % n]?.focus();
  };
  const active = () => root.getRootNode().activeElement;
  // keep: focus stays on the same action (by key) when it was inside the button.
  const render = (keep) => {
    const a = active(), key = root.contains(a) && a.getAttribute("data-cl-action");
    panel?.remove();
    panel = null;
    if (!m) return root.remove();
    extra = {};
    for (let i = 0; i < m[13].length; i += 2) extra["cl-" + m[13][i]] = (extra["cl-" + m[13][i]] || "") + " " + m[13][i + 1];
    for (let i = 0; i < m[14].length; i += 2) root.style.setProperty(m[14][i], m[14][i + 1]);
    root.className = classes("cl-userButtonBox cl-rootBox");
    // The trigger is one node for the mount's life, updated in place.
    trigger.className = classes("cl-userButtonTrigger");
    trigger.textContent = "";
    set(trigger, "aria-label", m[+open]);
    set(trigger, "aria-expanded", open);
    open ? set(trigger, "aria-controls", id) : trigger.removeAttribute("aria-controls");
    if (m[7]) line(trigger, "cl-userButtonOuterIdentifier", m[7], 1);
    avatar(trigger, m[9], "userButton");
    if (root.parentNode != host) host.append(root);
    if (open) {
      panel = el("div", "cl-userButtonPopoverCard", root);
      panel.id = id;
      set(panel, "role", "dialog");
      set(panel, "aria-label", m[2]);
      person(el("div", "cl-userPreview cl-userButtonPopoverUserPreview", panel), m[9]);
      const actions = group("", m[10]);
      set(actions, "role", "group");
      set(actions, "aria-label", m[3]);
      if (m[11].length) {
        const sessions = group(" cl-userButtonPopoverSessions", []);
        set(sessions, "role", "group");
        set(sessions, "aria-labelledby", id + "-sessions");
        el("p", "cl-userButtonPopoverSessionsLabel", sessions, m[4]).id = id + "-sessions";
        m[11].forEach((a) => action(sessions, a));
      }
      if (m[12].length) group(" cl-userButtonPopoverActions__multiSession", m[12]);
      if (m[6]) set(el("p", "cl-userButtonPopoverError", panel, m[6]), "role", "alert");
      if (m[5]) el("div", "cl-userButtonPopoverFooter", panel, m[5]);
      // Inside the viewport: flip the alignment or the side (attributes, no inline style).
      const r = panel.getBoundingClientRect();
      if (r.left < 0 || r.right > innerWidth) set(panel, "data-align", "start");
      if (r.bottom > innerHeight && trigger.getBoundingClientRect().top - 8 >= r.height) set(panel, "data-side", "top");
    }
    if (keep && key) {
      const same = [trigger, ...(panel ? focusables() : [])].find((n) => n.getAttribute("data-cl-action") == key);
      same ? same.focus() : panel ? cycle(null, 1) : trigger.focus();
    }
  };
  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    const k = e.key, step = k == "Tab" ? (e.shiftKey ? -1 : 1) : k == "ArrowDown" ? 1 : k == "ArrowUp" ? -1 : 0;
    if (k == "Escape") {
      e.preventDefault();
      toggle(false, 1, 1);
    } else if (step && panel) {
      // Arrow keys belong to the page unless focus is in the panel.
      const a = active();
      if (k[0] == "A" && !panel.contains(a)) return;
      e.preventDefault();
      cycle(a, step);
    }
  };
  // A press outside closes (capture phase: even if the page stops propagation).
  const onDown = (e) => e.composedPath().includes(root) || toggle(false, 1, 1);
  // focus: 1 the trigger, 2 the trigger if focus was inside; tell: report "close" to Rust.
  const toggle = (o, focus, tell) => {
    if (o == open || (o && !m)) return;
    open = o;
    offDoc.forEach((off) => off());
    offDoc = o ? [on(doc, "keydown", onKey), on(doc, "pointerdown", onDown, true)] : [];
    const inside = root.contains(active());
    render(0);
    if (o) cycle(null, 1);
    else if (focus == 1 || (focus == 2 && inside)) trigger.focus();
    if (tell && !o) act("close");
  };
  const offRoot = [
    on(root, "click", (e) => {
      const n = e.target.closest?.("[data-cl-action]");
      if (!n || !root.contains(n)) return;
      const key = n.getAttribute("data-cl-action");
      key == "toggle" ? toggle(!open, 1, 1) : act(key);
    }),
    // Image failures (no bubbling: captured): initials from then on.
    on(root, "error", (e) => {
      const src = e.target.getAttribute?.("src");
      if (src && !failed.has(src)) failed.add(src), render(1);
    }, true),
  ];
  trigger.type = "button";
  set(trigger, "data-cl-action", "toggle");
  set(trigger, "aria-haspopup", "dialog");
  root.append(trigger);
  adoptStyles(doc, host, css);
  let last;
  return (model) => {
    if (model === undefined) offRoot.forEach((off) => off());
    // The same model again (a state change that does not concern the button): no re-render.
    const json = JSON.stringify(model);
    if (json == last) return;
    last = json;
    m = model;
    if (!m) return toggle(false), root.remove();
    // m[8]: close the panel ("1" focus stays, "2" focus the trigger, "3" the trigger if focus was inside)
    if (m[8] && open) toggle(false, +m[8] - 1);
    else render(1);
  };
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
    /// A `MutationObserver` calling `callback` after every batch of child-list changes in
    /// the document of `node` (the user button registry's); `null` where it cannot be made.
    /// In JS: from wasm, the constructor, its options object and `observe` were three calls
    /// by name.
    #[wasm_bindgen(js_name = observeTree)]
    pub(crate) fn observe_tree(node: &web_sys::Element, callback: &JsValue) -> JsValue;
    /// Creates the user button's view in `host` (its stylesheet adopted where it applies,
    /// see `adoptStyles`) and returns its `update(model)` function: a view model
    /// from [`crate::ui`]'s `model.rs` renders it, `null` renders nothing, `undefined`
    /// unmounts it. The view reports an action chosen by calling `act` with its key
    /// (`"close"` when it closed the panel itself: Escape, a press outside, the trigger).
    /// The DOM construction, ARIA, open state, keyboard and focus and viewport placement
    /// live in this one JS function; every decision and effect stays in Rust.
    #[wasm_bindgen(js_name = userButton)]
    pub(crate) fn user_button(host: &web_sys::Element, act: &Closure<dyn FnMut(JsValue)>)
        -> Function;
    /// How many DOM event listeners the user button views hold right now.
    #[wasm_bindgen(js_name = liveListeners)]
    pub(crate) fn live_listeners() -> usize;
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
