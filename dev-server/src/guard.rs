//! The outermost layer: transport limits answered in FAPI's error shape, and every error
//! produced below the handlers (axum's rejections, the static file service's 404 and
//! 405) reshaped into it, so no error body is empty or plain text.
//!
//! hyper refuses heads beyond its own limits with empty 414/431 answers before any
//! service runs; the limits here are well inside hyper's, so a request over them gets a
//! FAPI body instead (hyper's own remain a backstop: a URI of 64 KiB or more, or a head
//! over hyper's buffer).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;

/// Longest accepted request target (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Most header fields accepted.
pub const MAX_HEADERS: usize = 100;
/// Largest accepted header block (names and values), in bytes: as much as Cloudflare,
/// in front of Clerk's FAPI, accepts, since every loopback app's cookies arrive here.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Marks a response that must reach the client as it is (an injected fault's broken body).
#[derive(Debug, Clone, Copy)]
pub struct AsIs;

/// The middleware.
pub async fn guard(req: Request, next: Next) -> Response {
    if let Some(status) = over_limits(&req) {
        return ApiError::transport(status).into_response();
    }
    let response = next.run(req).await;
    if needs_reshaping(&response) {
        reshape(response)
    } else {
        response
    }
}

fn over_limits(req: &Request) -> Option<StatusCode> {
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return Some(StatusCode::URI_TOO_LONG);
    }
    let headers = req.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return Some(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
    None
}

fn needs_reshaping(response: &Response) -> bool {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    (status.is_client_error() || status.is_server_error())
        && !is_json
        && response.extensions().get::<AsIs>().is_none()
}

/// The same status and headers (CORS, `Allow`) with a FAPI error body.
fn reshape(response: Response) -> Response {
    let (mut parts, _) = response.into_parts();
    let error = ApiError::transport(parts.status);
    let body = serde_json::to_vec(&error.body()).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(body))
}
