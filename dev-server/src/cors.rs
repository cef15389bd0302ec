//! CORS. FAPI and `/__dev/` routes allow credentials for an allow-list of origins (by
//! default any loopback origin on any port): the exact origin is echoed with
//! `Access-Control-Allow-Credentials: true`, never `*`. `dist/` is served like a CDN:
//! `Access-Control-Allow-Origin: *` and no credentials, so any page can load the script.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;

const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

/// Whether `origin` (`scheme://host[:port]`) is a loopback origin.
pub fn is_loopback_origin(origin: &str) -> bool {
    let rest = match origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    {
        Some(rest) => rest,
        None => return false,
    };
    let host = if let Some(v6) = rest.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, port)) if port.is_empty() || valid_port(port) => h,
            _ => return false,
        }
    } else {
        match rest.split_once(':') {
            Some((h, port)) if valid_port(&format!(":{port}")) => h,
            Some(_) => return false,
            None => rest,
        }
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn valid_port(with_colon: &str) -> bool {
    with_colon
        .strip_prefix(':')
        .is_some_and(|p| !p.is_empty() && p.parse::<u16>().is_ok())
}

/// Whether the configuration lets `origin` call with credentials.
pub fn origin_allowed(state: &AppState, origin: &str) -> bool {
    match &state.config.allowed_origins {
        Some(list) => list.iter().any(|o| o == origin),
        None => is_loopback_origin(origin),
    }
}

fn is_dist(path: &str) -> bool {
    path == "/dist" || path.starts_with("/dist/")
}

fn is_preflight(req: &Request) -> bool {
    req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

/// The middleware.
pub async fn layer(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if is_dist(req.uri().path()) {
        if is_preflight(&req) {
            let mut res = StatusCode::NO_CONTENT.into_response();
            let h = res.headers_mut();
            h.insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, HEAD, OPTIONS"),
            );
            allow_requested_headers(req.headers(), h);
            return res;
        }
        let mut res = next.run(req).await;
        res.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        return res;
    }
    let allowed = origin
        .as_deref()
        .filter(|o| origin_allowed(&state, o))
        .and_then(|o| HeaderValue::from_str(o).ok());
    if is_preflight(&req) {
        let mut res = StatusCode::NO_CONTENT.into_response();
        let h = res.headers_mut();
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
        if let Some(origin) = allowed {
            allow_with_credentials(h, origin);
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(ALLOW_METHODS),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            );
            allow_requested_headers(req.headers(), h);
        }
        return res;
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Some(origin) = allowed {
        allow_with_credentials(h, origin);
        // The SDK reads the dev browser token from this header.
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Clerk-Db-Jwt, Retry-After"),
        );
    }
    res
}

fn allow_requested_headers(req: &HeaderMap, res: &mut HeaderMap) {
    if let Some(requested) = req.get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
        res.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, requested.clone());
    }
}

/// The exact origin echoed with credentials allowed (never `*` with credentials).
fn allow_with_credentials(h: &mut HeaderMap, origin: HeaderValue) {
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    h.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
}

#[cfg(test)]
mod tests {
    use super::is_loopback_origin;

    #[test]
    fn loopback_origins_on_any_port_are_recognised_and_others_are_not() {
        for ok in [
            "http://127.0.0.1:4000",
            "http://127.0.0.1",
            "http://localhost:5173",
            "http://[::1]:8080",
            "https://127.1.2.3:443",
        ] {
            assert!(is_loopback_origin(ok), "{ok}");
        }
        for bad in [
            "http://example.test",
            "http://127.0.0.1.evil.test",
            "http://localhost.evil.test:80",
            "null",
            "file://",
            "http://127.0.0.1:notaport",
            "http://10.0.0.1:4000",
        ] {
            assert!(!is_loopback_origin(bad), "{bad}");
        }
    }
}
