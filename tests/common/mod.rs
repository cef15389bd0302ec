//! Helpers for browser tests that run against the development server over real HTTP.
//!
//! The server URL is read at build time from `CLERK_DEV_SERVER_URL` (start
//! `clerk-dev-server --port 0 --faults` and build the tests with its URL). A test that needs
//! the server fails with a clear message when the URL is missing.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

mod clerk;
#[allow(unused_imports)] // Not every suite uses them.
pub use clerk::*;

/// The demo users' password (dev-server/users.json).
pub const PASSWORD: &str = "demo-password";

/// The development server's origin, e.g. `http://127.0.0.1:43123`.
pub fn server_url() -> &'static str {
    match option_env!("CLERK_DEV_SERVER_URL") {
        Some(url) if !url.is_empty() => url.trim_end_matches('/'),
        _ => panic!(
            "CLERK_DEV_SERVER_URL was not set when this test was built: start \
             `cargo run -p clerk-dev-server -- --port 0 --faults` and rebuild the tests with \
             CLERK_DEV_SERVER_URL=http://127.0.0.1:<port>"
        ),
    }
}

/// The server's publishable key: `pk_test_` + base64(`<host:port>$`).
pub fn publishable_key() -> String {
    let host = server_url()
        .trim_start_matches("http://")
        .trim_start_matches("https://");
    let encoded = js_sys::global()
        .unchecked_into::<web_sys::Window>()
        .btoa(&format!("{host}$"))
        .unwrap();
    format!("pk_test_{encoded}")
}

/// One answer from the server: status and body text.
pub struct Answer {
    pub status: u16,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

/// A raw request from the test page, with cookies (`credentials: include`).
pub async fn http(method: &str, path: &str, body: Option<(&str, String)>) -> Answer {
    try_http(method, path, body, true)
        .await
        .unwrap_or_else(|e| panic!("{method} {path} failed: {e}"))
}

/// As [`http`], with a network failure as `Err`, and cookies only if `with_cookies`.
pub async fn try_http(
    method: &str,
    path: &str,
    body: Option<(&str, String)>,
    with_cookies: bool,
) -> Result<Answer, String> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(if with_cookies {
        RequestCredentials::Include
    } else {
        RequestCredentials::Omit
    });
    if let Some((content_type, body)) = body {
        let headers = web_sys::Headers::new().unwrap();
        headers.set("Content-Type", content_type).unwrap();
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(&body));
    }
    let window: web_sys::Window = js_sys::global().unchecked_into();
    let url = format!("{}{path}", server_url());
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    let text = JsFuture::from(response.text().unwrap())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Answer {
        status: response.status(),
        text: text.as_string().unwrap_or_default(),
    })
}

async fn dev(method: &str, path: &str, body: Option<Value>) -> Answer {
    let body = body.map(|b| ("application/json", b.to_string()));
    let answer = http(method, &format!("/__dev{path}"), body).await;
    assert!(
        answer.status < 300,
        "{method} /__dev{path} answered {}: {} (is the server running with --faults?)",
        answer.status,
        answer.text
    );
    answer
}

/// Resets the server (clients, sessions, faults, request log) and this page's cookies and
/// storage, so tests do not depend on each other.
pub async fn reset(multi_session: bool, dev_instance: bool) {
    dev(
        "POST",
        "/reset",
        Some(json!({"multi_session": multi_session, "dev_instance": dev_instance})),
    )
    .await;
    clear_page_state();
}

/// Removes every cookie the page can see and the SDK's localStorage entries.
pub fn clear_page_state() {
    let doc: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    for pair in doc.cookie().unwrap().split(';') {
        if let Some((name, _)) = pair.trim().split_once('=') {
            doc.set_cookie(&format!("{name}=; path=/; max-age=0"))
                .unwrap();
        }
    }
    if let Some(storage) = web_sys::window().unwrap().local_storage().unwrap() {
        storage.clear().unwrap();
    }
}

/// Signs `identifier` in through the real `POST /v1/client/sign_ins` (this browser's
/// `__client` cookie is set by the server). Returns the new session id.
pub async fn sign_in(identifier: &str) -> String {
    sign_in_with_token(identifier, None).await
}

/// As [`sign_in`], on a development instance with a dev browser token.
pub async fn sign_in_with_token(identifier: &str, db_jwt: Option<&str>) -> String {
    let query = db_jwt
        .map(|t| format!("?__clerk_db_jwt={t}"))
        .unwrap_or_default();
    let form = format!(
        "identifier={}&strategy=password&password={PASSWORD}",
        js_sys::encode_uri_component(identifier)
    );
    let answer = http(
        "POST",
        &format!("/v1/client/sign_ins{query}"),
        Some(("application/x-www-form-urlencoded", form)),
    )
    .await;
    assert_eq!(answer.status, 200, "sign-in failed: {}", answer.text);
    let body = answer.json();
    body["response"]["created_session_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no created_session_id in {body}"))
        .to_owned()
}

/// A new dev browser token from `POST /v1/dev_browser`.
pub async fn dev_browser_token() -> String {
    let answer = http("POST", "/v1/dev_browser", None).await;
    answer.json()["id"].as_str().unwrap().to_owned()
}

/// Another browser: a client with one active session per identifier (its cookie is not
/// this page's). Returns the server's description.
pub async fn other_browser(identifiers: &[&str]) -> Value {
    dev(
        "POST",
        "/clients",
        Some(json!({ "identifiers": identifiers })),
    )
    .await
    .json()
}

/// The server's view of a session: `{id, status, user_id, client_id}`, `None` if unknown.
pub async fn server_session(id: &str) -> Option<Value> {
    let answer = http("GET", &format!("/__dev/sessions/{id}"), None).await;
    (answer.status == 200).then(|| answer.json())
}

/// The status of a session on the server.
pub async fn server_session_status(id: &str) -> String {
    let session = server_session(id)
        .await
        .unwrap_or_else(|| panic!("the server does not know session {id}"));
    session["status"].as_str().unwrap().to_owned()
}

/// One logged FAPI request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub method: String,
    pub effective_method: String,
    pub path: String,
    pub query: Value,
}

impl Logged {
    /// `"DELETE /v1/client/sessions"`: effective method and path.
    pub fn line(&self) -> String {
        format!("{} {}", self.effective_method, self.path)
    }
}

/// FAPI requests logged since the last reset/clear, in arrival order.
pub async fn requests() -> Vec<Logged> {
    let body = dev("GET", "/requests", None).await.json();
    body.as_array()
        .unwrap()
        .iter()
        .map(|r| Logged {
            method: r["method"].as_str().unwrap_or_default().to_owned(),
            effective_method: r["effective_method"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            path: r["path"].as_str().unwrap_or_default().to_owned(),
            query: r["query"].clone(),
        })
        .collect()
}

/// `"EFFECTIVE_METHOD /path"` of every logged request.
pub async fn request_lines() -> Vec<String> {
    requests().await.iter().map(Logged::line).collect()
}

/// Forgets the logged requests.
pub async fn clear_requests() {
    dev("DELETE", "/requests", None).await;
}

/// Injects a fault (see /work/notes/devserver.md for the fields).
pub async fn fault(spec: Value) {
    dev("POST", "/faults", Some(spec)).await;
}

/// A cookie of this page, if set.
pub fn cookie(name: &str) -> Option<String> {
    let doc: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    doc.cookie().unwrap().split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// The names of this page's cookies.
pub fn cookie_names() -> Vec<String> {
    let doc: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    doc.cookie()
        .unwrap()
        .split(';')
        .filter_map(|pair| pair.trim().split_once('=').map(|(k, _)| k.to_owned()))
        .collect()
}

/// How many drops [`arm_network_failure`] arms: more than Chromium can use up on its own.
pub const DROPS: usize = 20;

/// Makes the next requests `effective_method path` fail on the network (the connection is
/// dropped). Chromium silently re-sends a request whose reused keep-alive connection closes
/// under it, once per pooled connection (up to 6), so one drop is not enough to make a
/// `fetch` fail: [`DROPS`] are armed, and [`drain_drops`] consumes what is left.
pub async fn arm_network_failure(effective_method: &str, path: &str) {
    fault(json!({"method": effective_method, "path": path, "drop": true, "times": DROPS})).await;
}

/// Consumes the drops [`arm_network_failure`] armed that are left, with cookie-less
/// requests that change nothing on the server even if one gets through.
pub async fn drain_drops(effective_method: &str, path: &str) {
    let line = format!("{effective_method} {path}");
    let (wire, query) = match effective_method {
        "GET" => ("GET", ""),
        "DELETE" => ("POST", "?_method=DELETE"),
        _ => ("POST", ""),
    };
    for _ in 0..DROPS {
        let seen = request_lines().await.iter().filter(|l| **l == line).count();
        if seen >= DROPS {
            return;
        }
        let _ = try_http(wire, &format!("{path}{query}"), None, false).await;
    }
}
