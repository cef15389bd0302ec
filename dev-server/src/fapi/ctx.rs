//! [`Ctx`]: what a FAPI handler reads from its request, extracted once (cookie, origins,
//! the form body), and the form's typed field readers.

use std::sync::Arc;

use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};

use super::CLIENT_COOKIE;
use crate::errors::ApiError;
use crate::AppState;

/// Everything a handler reads from the request.
#[derive(Debug)]
pub struct Ctx {
    /// Shared state.
    pub state: Arc<AppState>,
    /// This server's origin as the caller reached it (for absolute URLs in answers).
    pub origin: String,
    /// The configured origin: the session token's `iss`, whatever `Host` said.
    pub issuer: String,
    /// The `__client` cookie value, if sent.
    pub cookie: Option<String>,
    /// The calling page's origin when it is an allowed one (the token's `azp`).
    pub page_origin: Option<String>,
    /// Form fields of the body.
    pub form: Vec<(String, String)>,
}

impl Ctx {
    /// The first form field with this name.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A field the spec types as a nullable enum: absent or empty is `None`, a value
    /// outside `allowed` is a FAPI 422 naming the field.
    pub fn enum_field(&self, name: &str, allowed: &[&str]) -> Result<Option<&str>, ApiError> {
        match self.field(name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) if allowed.contains(&v) => Ok(Some(v)),
            Some(_) => Err(ApiError::invalid_param(
                name,
                &format!("{name} must be one of {}.", allowed.join(", ")),
            )),
        }
    }

    /// A field the spec types as a nullable boolean: `true` or `false`.
    pub fn bool_field(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.field(name).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ApiError::invalid_param(
                name,
                &format!("{name} must be true or false."),
            )),
        }
    }
}

impl FromRequest<Arc<AppState>> for Ctx {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let (parts, body) = req.into_parts();
        let config = &state.config;
        let bytes = crate::body::read(body, config.body_limit, config.body_timeout).await?;
        let page_origin = parts
            .headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .filter(|o| crate::cors::origin_allowed(state, o))
            .map(str::to_owned);
        Ok(Ctx {
            origin: request_origin(state, &parts.headers),
            issuer: issuer(state),
            cookie: client_cookie(&parts.headers),
            page_origin,
            form: parse_form(&bytes)?,
            state: state.clone(),
        })
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

/// The token issuer: the configured origin (https when the server is configured as
/// reached over https), never a request header, so a forged `Host` cannot choose it.
pub fn issuer(state: &AppState) -> String {
    let origin = &state.config.origin;
    match origin.strip_prefix("http://") {
        Some(rest) if state.config.secure_cookies => format!("https://{rest}"),
        _ => origin.clone(),
    }
}

/// Reads an `application/x-www-form-urlencoded` body (or none).
fn parse_form(bytes: &[u8]) -> Result<Vec<(String, String)>, ApiError> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    let malformed = || {
        ApiError::bad_request(
            "malformed_request_body",
            "The request body is not valid application/x-www-form-urlencoded data.",
        )
    };
    if !is_strict_form(bytes) {
        return Err(malformed());
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes).map_err(|_| malformed())
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
