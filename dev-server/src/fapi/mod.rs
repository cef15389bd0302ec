//! The FAPI dispatcher: method override, request log, faults, dev browser check, body
//! parsing and routing for everything under `/v1/` and `/.well-known/`.
//!
//! Routing is done here rather than with axum routes because FAPI's method override
//! (`POST ...?_method=DELETE`) decides the operation, and because anything unknown must be
//! a FAPI-shaped 404 rather than axum's empty one.

mod client;
mod sessions;
mod sign_in;
mod templates;

pub use templates::{default_templates, JwtTemplate};

use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::dev::log::LogEntry;
use crate::errors::{json_response, ApiError};
use crate::AppState;

/// Name of the client cookie.
pub const CLIENT_COOKIE: &str = "__client";

/// What a handler wants done with the `__client` cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CookieAction {
    /// Leave it.
    Keep,
    /// Set it to this value.
    Set(String),
    /// Expire it.
    Clear,
}

/// A successful FAPI answer.
#[derive(Debug)]
pub struct Reply {
    /// The JSON body.
    pub body: Value,
    /// Cookie change.
    pub cookie: CookieAction,
}

impl Reply {
    fn json(body: Value) -> Self {
        Reply {
            body,
            cookie: CookieAction::Keep,
        }
    }
}

/// Everything a handler reads from the request.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// Shared state.
    pub state: &'a AppState,
    /// This server's origin as the caller reached it (for absolute URLs and `iss`).
    pub origin: String,
    /// The `__client` cookie value, if sent.
    pub cookie: Option<String>,
    /// The calling page's origin (`azp`).
    pub page_origin: Option<String>,
    /// Form fields of the body.
    pub form: Vec<(String, String)>,
}

impl Ctx<'_> {
    /// The first form field with this name.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The `__client` value from a `Cookie` header.
pub fn client_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == CLIENT_COOKIE)
        .map(|(_, value)| value.trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
}

/// This server's origin as the request reached it.
pub fn request_origin(state: &AppState, headers: &HeaderMap) -> String {
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"));
    let origin = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| !h.is_empty() && !h.contains(['/', ' ', '@']))
        .map(|h| format!("http://{h}"))
        .unwrap_or_else(|| state.config.origin.clone());
    match origin.strip_prefix("http://") {
        Some(rest) if forwarded_https || state.config.secure_cookies => format!("https://{rest}"),
        _ => origin,
    }
}

fn parse_query(query: Option<&str>) -> Vec<(String, String)> {
    query
        .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .unwrap_or_default()
}

/// The operation's method: the wire method, or `_method` on a POST.
fn effective_method(wire: &Method, query: &[(String, String)]) -> Result<Method, ApiError> {
    let Some((_, m)) = query.iter().find(|(k, _)| k == "_method") else {
        return Ok(wire.clone());
    };
    if *wire != Method::POST {
        return Err(ApiError::bad_request(
            "request_method_invalid",
            "`_method` is only honoured on POST requests.",
        ));
    }
    match m.to_ascii_uppercase().as_str() {
        "DELETE" => Ok(Method::DELETE),
        "PATCH" => Ok(Method::PATCH),
        "PUT" => Ok(Method::PUT),
        _ => Err(ApiError::bad_request(
            "request_method_invalid",
            "`_method` must be one of DELETE, PATCH or PUT.",
        )),
    }
}

/// Entry point for every FAPI request.
pub async fn handle(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_owned();
    let query = parse_query(parts.uri.query());
    let effective = effective_method(&parts.method, &query);
    let cookie = client_cookie(&parts.headers);
    state.log.push(LogEntry {
        method: parts.method.to_string(),
        effective_method: match &effective {
            Ok(m) => m.to_string(),
            Err(_) => parts.method.to_string(),
        },
        path: path.clone(),
        query: query.clone(),
        has_client_cookie: cookie.is_some(),
    });
    let method_name = effective.as_ref().unwrap_or(&parts.method).to_string();
    if let Some(fault) = state.faults.take(&method_name, &path) {
        if let Some(response) = fault.apply().await {
            return response;
        }
    }
    let method = match effective {
        Ok(m) => m,
        Err(e) => return e.into_response(),
    };
    if let Err(e) = check_dev_browser(&state, &method, &path, &query) {
        return e.into_response();
    }
    let form = match read_form(body, state.config.body_limit).await {
        Ok(form) => form,
        Err(e) => return e.into_response(),
    };
    let ctx = Ctx {
        state: &state,
        origin: request_origin(&state, &parts.headers),
        cookie,
        page_origin: parts
            .headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        form,
    };
    match route(&ctx, &method, &path) {
        Ok(reply) => finish(&ctx, &reply),
        Err(e) => e.into_response(),
    }
}

/// On a development instance every request but `POST /v1/dev_browser` (and the public
/// `/.well-known/` documents) must carry a dev browser token this server issued.
fn check_dev_browser(
    state: &AppState,
    method: &Method,
    path: &str,
    query: &[(String, String)],
) -> Result<(), ApiError> {
    let inner = state.store.lock();
    if !inner.dev_instance
        || (*method == Method::POST && path == "/v1/dev_browser")
        || path.starts_with("/.well-known/")
    {
        return Ok(());
    }
    let token = query
        .iter()
        .find(|(k, _)| k == "__clerk_db_jwt")
        .map(|(_, v)| v.as_str());
    if token.is_some_and(|t| inner.dev_browsers.contains(t)) {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::UNAUTHORIZED,
        "dev_browser_unauthenticated",
        "Browser unauthenticated",
        "Unable to authenticate this browser for your development instance. Get a new token from POST /v1/dev_browser.",
    ))
}

/// Reads an `application/x-www-form-urlencoded` body (or none), bounded by `limit`.
async fn read_form(body: Body, limit: usize) -> Result<Vec<(String, String)>, ApiError> {
    let bytes = to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request_body_too_large",
            "request body too large",
            "The request body is larger than this server accepts.",
        )
    })?;
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let malformed = || {
        ApiError::bad_request(
            "malformed_request_body",
            "The request body is not valid application/x-www-form-urlencoded data.",
        )
    };
    if !is_strict_form(&bytes) {
        return Err(malformed());
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes).map_err(|_| malformed())
}

/// The form decoder is lenient (it passes `%ZZ` through and replaces invalid UTF-8);
/// FAPI refuses such bodies, so check first: UTF-8 text, well-formed `%XX` escapes, and
/// escapes that decode to UTF-8.
fn is_strict_form(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    text.split('&')
        .flat_map(|pair| pair.split('='))
        .all(|part| {
            let mut decoded = Vec::with_capacity(part.len());
            let mut it = part.bytes();
            while let Some(b) = it.next() {
                match b {
                    b'%' => {
                        let hex = |c: Option<u8>| c.and_then(|c| char::from(c).to_digit(16));
                        match (hex(it.next()), hex(it.next())) {
                            (Some(h), Some(l)) => {
                                decoded.push(u8::try_from(h * 16 + l).unwrap_or(0))
                            }
                            _ => return false,
                        }
                    }
                    b'+' => decoded.push(b' '),
                    other => decoded.push(other),
                }
            }
            std::str::from_utf8(&decoded).is_ok()
        })
}

fn route(ctx: &Ctx<'_>, method: &Method, path: &str) -> Result<Reply, ApiError> {
    if path == "/.well-known/jwks.json" && *method == Method::GET {
        return crate::jwt::keys()
            .map(|k| Reply::json(k.jwks()))
            .ok_or_else(|| ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR, None));
    }
    let Some(rest) = path.strip_prefix("/v1/") else {
        return Err(ApiError::not_found());
    };
    let segments: Vec<&str> = rest.split('/').collect();
    let m = method.as_str();
    match (m, segments.as_slice()) {
        ("GET" | "PATCH", ["environment"]) => {
            let inner = ctx.state.store.lock();
            Ok(Reply::json(crate::environment::environment(
                &ctx.origin,
                !inner.multi_session,
                inner.dev_instance,
            )))
        }
        ("POST", ["dev_browser"]) => Ok(dev_browser(ctx)),
        ("GET", ["client"]) => client::get(ctx),
        ("POST" | "PUT", ["client"]) => client::create(ctx),
        ("DELETE", ["client"]) => client::destroy(ctx),
        ("DELETE", ["client", "sessions"]) => client::remove_sessions(ctx),
        ("GET", ["client", "sessions", id]) => sessions::get(ctx, id),
        ("POST", ["client", "sessions", id, action]) => sessions::action(ctx, id, action),
        ("POST", ["client", "sessions", id, "tokens", name]) => templates::create(ctx, id, name),
        ("POST", ["client", "sign_ins"]) => sign_in::create(ctx),
        _ => Err(ApiError::not_found()),
    }
}

/// `POST /v1/dev_browser`: a new dev browser token (its `id`).
fn dev_browser(ctx: &Ctx<'_>) -> Reply {
    let token = format!("dvb_{}", crate::ids::random_token(27));
    ctx.state.store.lock().dev_browsers.insert(token.clone());
    Reply::json(json!({ "object": "dev_browser", "id": token, "token": token }))
}

/// The `Set-Cookie` value for `__client`: HttpOnly, SameSite=Lax, Path=/, Secure over https.
fn set_cookie(ctx: &Ctx<'_>, action: &CookieAction) -> Option<HeaderValue> {
    let secure = if ctx.origin.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let (value, max_age) = match action {
        CookieAction::Keep => return None,
        CookieAction::Set(v) => (v.as_str(), ctx.state.config.lifetimes.cookie_ms / 1000),
        CookieAction::Clear => ("", 0),
    };
    HeaderValue::from_str(&format!(
        "{CLIENT_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    ))
    .ok()
}

fn finish(ctx: &Ctx<'_>, reply: &Reply) -> Response {
    let mut response = json_response(StatusCode::OK, &reply.body);
    if let Some(cookie) = set_cookie(ctx, &reply.cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
