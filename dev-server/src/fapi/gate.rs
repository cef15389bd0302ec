//! What happens to every FAPI request before its handler: the method override (in front
//! of routing), then the request log, injected faults, a refused override and the dev
//! browser check; and after it, the `__client` cookie a handler asked for.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::ctx::{client_cookie, request_origin};
use super::{CookieAction, CLIENT_COOKIE};
use crate::dev::log::LogEntry;
use crate::errors::ApiError;
use crate::AppState;

/// The method the request came with, kept by [`method_override`] when it rewrote it.
#[derive(Debug, Clone)]
pub struct WireMethod(pub Method);

/// A `_method` that cannot be honoured; the gate answers it after logging the request.
#[derive(Debug, Clone)]
pub struct BadOverride(pub ApiError);

/// FAPI's method override, applied before routing (tower's `map_request`):
/// `POST ...?_method=DELETE|PATCH|PUT` is routed as that method. `_method` on another
/// method, or naming another method, leaves the request as it came and marks it refused.
pub fn method_override(mut req: Request) -> Request {
    let Some(value) = override_param(req.uri().query()) else {
        return req;
    };
    let wire = req.method().clone();
    match effective_method(&wire, &value) {
        Ok(method) => *req.method_mut() = method,
        Err(e) => {
            req.extensions_mut().insert(BadOverride(e));
        }
    }
    req.extensions_mut().insert(WireMethod(wire));
    req
}

fn override_param(query: Option<&str>) -> Option<String> {
    let query = query.filter(|q| q.contains("_method"))?;
    parse_query(Some(query))
        .into_iter()
        .find(|(k, _)| k == "_method")
        .map(|(_, v)| v)
}

fn effective_method(wire: &Method, requested: &str) -> Result<Method, ApiError> {
    if *wire != Method::POST {
        return Err(ApiError::bad_request(
            "request_method_invalid",
            "`_method` is only honoured on POST requests.",
        ));
    }
    match requested.to_ascii_uppercase().as_str() {
        "DELETE" => Ok(Method::DELETE),
        "PATCH" => Ok(Method::PATCH),
        "PUT" => Ok(Method::PUT),
        _ => Err(ApiError::bad_request(
            "request_method_invalid",
            "`_method` must be one of DELETE, PATCH or PUT.",
        )),
    }
}

/// The query's pairs in order.
pub fn parse_query(query: Option<&str>) -> Vec<(String, String)> {
    query
        .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .unwrap_or_default()
}

/// The middleware around every FAPI route (and its 404 and wrong-method answers).
pub async fn gate(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let query = parse_query(req.uri().query());
    let wire = req.extensions().get::<WireMethod>().map(|w| w.0.clone());
    state.log.push(LogEntry {
        method: wire.as_ref().unwrap_or(&method).to_string(),
        effective_method: method.to_string(),
        path: path.clone(),
        query: query.clone(),
        has_client_cookie: client_cookie(req.headers()).is_some(),
    });
    if let Some(fault) = state.faults.take(method.as_str(), &path) {
        if let Some(response) = fault.apply().await {
            return response;
        }
    }
    if let Some(BadOverride(e)) = req.extensions().get::<BadOverride>() {
        return e.clone().into_response();
    }
    if let Err(e) = check_dev_browser(&state, &method, &path, &query) {
        return e.into_response();
    }
    let secure = request_origin(&state, req.headers()).starts_with("https://");
    let mut response = next.run(req).await;
    if let Some(action) = response.extensions_mut().remove::<CookieAction>() {
        if let Some(cookie) = set_cookie(&state, &action, secure) {
            response.headers_mut().insert(header::SET_COOKIE, cookie);
        }
    }
    response
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
    if token.is_some_and(|t| inner.dev_browser_known(t)) {
        return Ok(());
    }
    Err(ApiError::new(
        StatusCode::UNAUTHORIZED,
        "dev_browser_unauthenticated",
        "Browser unauthenticated",
        "Unable to authenticate this browser for your development instance. Get a new token from POST /v1/dev_browser.",
    ))
}

/// The `Set-Cookie` value for `__client`: HttpOnly, SameSite=Lax, Path=/, Secure over https.
fn set_cookie(state: &AppState, action: &CookieAction, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    let (value, max_age) = match action {
        CookieAction::Keep => return None,
        CookieAction::Set(v) => (v.as_str(), state.config.lifetimes.cookie_ms / 1000),
        CookieAction::Clear => ("", 0),
    };
    HeaderValue::from_str(&format!(
        "{CLIENT_COOKIE}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    ))
    .ok()
}
