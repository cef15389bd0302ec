//! The Frontend API request as JS, until the request goes through gloo-net (issue 14).
//!
//! Every other browser API of the core goes through web-sys where it is used: cookies
//! (`auth/cookies.rs`), `localStorage` (`auth/pending.rs`), the address bar
//! (`navigation.rs`), the cross-tab channel (`auth/cross_tab.rs`), the `online` event
//! (`auth/online.rs`) and timers (`browser.rs`).

use js_sys::Promise;
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
"#)]
extern "C" {
    /// `fetch(url, {method, credentials, signal, body: URLSearchParams(body)})`, resolving to
    /// `[status, text, Retry-After, Clerk-Db-Jwt]`; rejects when no answer arrived.
    #[wasm_bindgen(js_name = fetchText)]
    pub(crate) fn fetch_text(url: &str, method: &str, body: Option<&str>, include: bool)
        -> Promise;
}

#[wasm_bindgen(inline_js = "export function abortFetch(answer) { answer.abort(); }")]
extern "C" {
    /// Aborts the request behind a promise of [`fetch_text`] (a no-op once it settled).
    #[wasm_bindgen(js_name = abortFetch)]
    pub(crate) fn abort_fetch(answer: &Promise);
}
