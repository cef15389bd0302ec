//! Helpers for the user button's browser tests against the development server: the server
//! URL (from `CLERK_DEV_SERVER_URL` at build time), its `/__dev` controls, a real password
//! sign-in through `POST /v1/client/sign_ins`, and a loaded `Clerk` whose navigations are
//! recorded through `router_push` instead of leaving the test page.
// Each test file uses a different subset of the helpers.
#![allow(dead_code)]
// Test helpers: a failed unwrap is a failed test, with its message.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::option_env_unwrap
)]

use std::cell::RefCell;
use std::rc::Rc;

use clerk_wasm::{Clerk, LoadOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, RequestCredentials, RequestInit, Response};

/// The development server's origin; a test that needs it fails loudly without it.
pub fn server() -> &'static str {
    option_env!("CLERK_DEV_SERVER_URL").expect(
        "CLERK_DEV_SERVER_URL must be set at build time, e.g. \
         CLERK_DEV_SERVER_URL=http://127.0.0.1:4000 (start clerk-dev-server --faults)",
    )
}

pub fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn fetch(method: &str, path: &str, body: Option<wasm_bindgen::JsValue>) -> Response {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    if let Some(body) = body {
        init.set_body(&body);
    }
    let url = [server(), path].concat();
    let promise = web_sys::window()
        .unwrap()
        .fetch_with_str_and_init(&url, &init);
    JsFuture::from(promise).await.unwrap().unchecked_into()
}

async fn text(response: Response) -> String {
    JsFuture::from(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

/// A `/__dev` control with a JSON body (sent as text/plain: the server reads JSON either way
/// and the browser skips the preflight).
pub async fn dev_post(path: &str, body: serde_json::Value) -> serde_json::Value {
    let response = fetch("POST", path, Some(body.to_string().into())).await;
    assert!(response.ok(), "POST {path} answered {}", response.status());
    let text = text(response).await;
    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null)
}

pub async fn dev_get(path: &str) -> serde_json::Value {
    let response = fetch("GET", path, None).await;
    assert!(response.ok(), "GET {path} answered {}", response.status());
    serde_json::from_str(&text(response).await).unwrap()
}

/// Resets the server (clients, sessions, faults, request log) into a mode.
pub async fn reset(multi_session: bool) {
    dev_post(
        "/__dev/reset",
        serde_json::json!({ "multi_session": multi_session }),
    )
    .await;
}

/// Signs in through the real Frontend API, as the demo's sign-in page does.
pub async fn sign_in(identifier: &str) {
    let form = web_sys::UrlSearchParams::new().unwrap();
    form.append("identifier", identifier);
    form.append("strategy", "password");
    form.append("password", "demo-password");
    let response = fetch("POST", "/v1/client/sign_ins", Some(form.into())).await;
    assert!(
        response.ok(),
        "sign-in as {identifier} answered {}",
        response.status()
    );
}

/// Requests the server received for `path` with this effective method.
pub async fn requests(effective_method: &str, path_suffix: &str) -> usize {
    let log = dev_get("/__dev/requests").await;
    log.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["effective_method"] == effective_method)
        .filter(|r| r["path"].as_str().unwrap().ends_with(path_suffix))
        .count()
}

/// Ids of the sessions the server holds as active.
pub async fn active_sessions() -> Vec<String> {
    let clients = dev_get("/__dev/clients").await;
    clients
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["sessions"].as_array().unwrap().clone())
        .filter(|s| s["status"] == "active")
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A loaded `Clerk` for the server; navigations are recorded instead of performed.
pub async fn loaded_clerk() -> (Clerk, Rc<RefCell<Vec<String>>>) {
    let host = server().trim_start_matches("http://");
    let key = web_sys::window()
        .unwrap()
        .btoa(&[host, "$"].concat())
        .unwrap();
    let clerk = Clerk::new(&["pk_test_", &key].concat()).unwrap();
    let navigations: Rc<RefCell<Vec<String>>> = Rc::default();
    let seen = navigations.clone();
    let options = LoadOptions {
        after_sign_out_url: Some("/signed-out".into()),
        after_multi_session_single_sign_out_url: Some("/signed-out-one".into()),
        sign_in_url: Some("/sign-in".into()),
        router_push: Some(Rc::new(move |to: &str| {
            seen.borrow_mut().push(to.to_owned())
        })),
        ..LoadOptions::default()
    };
    clerk.load(options).await.unwrap();
    (clerk, navigations)
}

pub fn host() -> Element {
    let el = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

pub fn q(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub fn click(root: &Element, selector: &str) {
    q(root, selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits (up to ~5 s) for `done`.
pub async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}
