//! Test harness: the real router driven with `oneshot`, a browser-like cookie jar, and a
//! spec check on every FAPI response any test produces.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use clerk_dev_server::{app, Config};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// How many responses were checked against the spec in this run.
pub static SPEC_CHECKED: AtomicUsize = AtomicUsize::new(0);

/// The page origin tests call from: another loopback port, like the SDK's test pages.
pub const PAGE_ORIGIN: &str = "http://127.0.0.1:5173";

/// A project root with a small `www/` and `dist/`, unique per call.
pub fn fixture_root() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "clerk-dev-server-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(root.join("www")).unwrap();
    std::fs::create_dir_all(root.join("dist")).unwrap();
    std::fs::write(
        root.join("www/index.html"),
        "<!doctype html><title>demo</title>",
    )
    .unwrap();
    std::fs::write(root.join("dist/clerk.js"), "export {};").unwrap();
    std::fs::write(root.join("dist/clerk_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(root.join("secret.txt"), "outside www").unwrap();
    root
}

/// A config with test controls on, over a fresh fixture root.
pub fn config() -> Config {
    let mut c = Config::new(&fixture_root());
    c.faults = true;
    c
}

/// The app with the default test config changed by `f`.
pub fn server_with(f: impl FnOnce(&mut Config)) -> Router {
    let mut c = config();
    f(&mut c);
    app(&c)
}

/// The app with the default test config.
pub fn server() -> Router {
    server_with(|_| {})
}

/// A response, body read.
#[derive(Debug)]
pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Res {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The first error's code.
    pub fn error_code(&self) -> String {
        self.json()["errors"][0]["code"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// A request under construction.
pub struct Req {
    method: Method,
    uri: String,
    body: Option<(String, Vec<u8>)>,
    headers: Vec<(String, String)>,
    off_spec: bool,
}

impl Req {
    pub fn new(method: Method, uri: &str) -> Self {
        Req {
            method,
            uri: uri.to_owned(),
            body: None,
            headers: vec![("origin".into(), PAGE_ORIGIN.into())],
            off_spec: false,
        }
    }

    pub fn form(mut self, fields: &[(&str, &str)]) -> Self {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.body = Some((
            "application/x-www-form-urlencoded".into(),
            body.into_bytes(),
        ));
        self
    }

    pub fn raw(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.body = Some((content_type.into(), body.into()));
        self
    }

    pub fn json(self, body: &Value) -> Self {
        self.raw("application/json", body.to_string())
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn cookie(self, cookie: &str) -> Self {
        self.header("cookie", cookie)
    }

    /// This request provokes an answer the spec does not describe on purpose (an
    /// injected fault, an oversized body): skip the spec check.
    pub fn off_spec(mut self) -> Self {
        self.off_spec = true;
        self
    }

    pub async fn send(self, app: &Router) -> Res {
        let mut builder = Request::builder()
            .method(self.method.clone())
            .uri(&self.uri);
        for (n, v) in &self.headers {
            builder = builder.header(n, v);
        }
        let body = match &self.body {
            Some((ct, bytes)) => {
                builder = builder.header(header::CONTENT_TYPE, ct);
                Body::from(bytes.clone())
            }
            None => Body::empty(),
        };
        let response = app
            .clone()
            .oneshot(builder.body(body).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        let res = Res {
            status,
            headers,
            body,
        };
        if !self.off_spec {
            check_against_spec(&self.method, &self.uri, &res);
        }
        res
    }
}

/// Every FAPI response must be one the spec allows.
pub fn check_against_spec(wire: &Method, uri: &str, res: &Res) {
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    // Preflights are CORS, not FAPI operations.
    if *wire == Method::OPTIONS || !(path.starts_with("/v1/") || path.starts_with("/.well-known/"))
    {
        return;
    }
    let Some(spec) = crate::spec::spec() else {
        return;
    };
    let overridden = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap()
        .into_iter()
        .find(|(k, _)| k == "_method")
        .map(|(_, v)| v.to_ascii_uppercase());
    let method = match (wire, overridden) {
        (&Method::POST, Some(m)) if ["DELETE", "PATCH", "PUT"].contains(&m.as_str()) => m,
        _ => wire.to_string(),
    };
    if let Err(e) = spec.check(&method, path, res.status.as_u16(), &res.body) {
        panic!("response does not conform to the FAPI spec: {e}");
    }
    SPEC_CHECKED.fetch_add(1, Ordering::Relaxed);
}

pub fn get(uri: &str) -> Req {
    Req::new(Method::GET, uri)
}

pub fn post(uri: &str) -> Req {
    Req::new(Method::POST, uri)
}

/// A browser: remembers the `__client` cookie the server sets, like a real one does.
pub struct Browser {
    pub app: Router,
    pub cookie: Option<String>,
}

impl Browser {
    pub fn new(app: &Router) -> Self {
        Browser {
            app: app.clone(),
            cookie: None,
        }
    }

    pub async fn send(&mut self, req: Req) -> Res {
        let req = match &self.cookie {
            Some(c) => req.cookie(&format!("__client={c}")),
            None => req,
        };
        let res = req.send(&self.app).await;
        if let Some(set) = res.header("set-cookie") {
            let value = set
                .split(';')
                .next()
                .unwrap()
                .trim_start_matches("__client=");
            self.cookie = if set.contains("Max-Age=0") {
                None
            } else {
                Some(value.to_owned())
            };
        }
        res
    }

    /// Signs in with the demo password; returns the new session id.
    pub async fn sign_in(&mut self, identifier: &str) -> String {
        let res = self
            .send(post("/v1/client/sign_ins").form(&[
                ("identifier", identifier),
                ("strategy", "password"),
                ("password", "demo-password"),
            ]))
            .await;
        assert_eq!(
            res.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&res.body)
        );
        res.json()["response"]["created_session_id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// `GET /v1/client`'s `response`.
    pub async fn client(&mut self) -> Value {
        let res = self.send(get("/v1/client")).await;
        assert_eq!(res.status, StatusCode::OK);
        res.json()["response"].clone()
    }
}

/// The statuses of a client's sessions, by id.
pub fn statuses(client: &Value) -> Vec<(String, String)> {
    client["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
