//! Static files: `www/` (demo pages, optional Content-Security-Policy), `dist/` (the built
//! package; CORS `*` is added by the CORS layer) and the built-in avatars.
//!
//! Served as a CDN serves them: gzip or brotli as the request's `Accept-Encoding` asks
//! (tower-http's compression layer at its best levels, each file compressed once and
//! kept by [`crate::edge_cache`]), with `Last-Modified` and a weak `ETag` as validators,
//! and `Cache-Control: public, max-age=0, must-revalidate` (the files are not
//! content-hashed, so a browser may keep them but must revalidate, and a rebuild is seen
//! at once).
//!
//! `ServeDir` refuses `..` and absolute components, so no request escapes its directory,
//! and it picks content types by extension (`.wasm` → `application/wasm`).

use axum::extract::{Path, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::edge_cache::{self, EdgeCache};
use crate::errors::ApiError;
use crate::Config;

const ADA_SVG: &str = include_str!("../avatars/ada.svg");
const DEFAULT_SVG: &str = include_str!("../avatars/default.svg");

/// What a CDN sends for files whose names do not change with their content.
const CACHE_CONTROL: &str = "public, max-age=0, must-revalidate";

/// The `www/` service, with the CSP header when one is configured.
pub fn www(config: &Config, cache: &EdgeCache) -> Router {
    let csp = config
        .csp
        .as_deref()
        .and_then(|c| HeaderValue::from_str(c).ok());
    let files = ServeDir::new(&config.www_dir).append_index_html_on_directories(true);
    cdn(Router::new().fallback_service(files), cache).layer(SetResponseHeaderLayer::if_not_present(
        header::CONTENT_SECURITY_POLICY,
        csp,
    ))
}

/// The `dist/` service.
pub fn dist(config: &Config, cache: &EdgeCache) -> Router {
    cdn(
        Router::new().fallback_service(ServeDir::new(&config.dist_dir)),
        cache,
    )
}

fn cdn(files: Router, cache: &EdgeCache) -> Router {
    files
        .layer(middleware::from_fn(validators))
        .layer(CompressionLayer::new().quality(CompressionLevel::Best))
        .layer(middleware::from_fn_with_state(
            cache.clone(),
            edge_cache::serve,
        ))
}

/// Adds the cache headers and a weak `ETag`, and answers a matching `If-None-Match`
/// with `304`. The tag is weak because the bytes differ per encoding.
async fn validators(req: Request, next: Next) -> Response {
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(req).await;
    let status = response.status();
    if status != StatusCode::OK && status != StatusCode::NOT_MODIFIED {
        return response;
    }
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    let Some(etag) = etag(headers) else {
        return response;
    };
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let etag = HeaderValue::from_str(&etag).ok();
    if matches {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        let h = not_modified.headers_mut();
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL),
        );
        for name in [header::LAST_MODIFIED, header::CONTENT_TYPE] {
            if let Some(v) = response.headers().get(&name) {
                h.insert(name, v.clone());
            }
        }
        if let Some(etag) = etag {
            h.insert(header::ETAG, etag);
        }
        return not_modified;
    }
    if let Some(etag) = etag {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// `W/"<size>-<hash of Last-Modified>"`: changes whenever the file is rewritten.
fn etag(headers: &HeaderMap) -> Option<String> {
    let modified = headers.get(header::LAST_MODIFIED)?.as_bytes();
    let length = headers.get(header::CONTENT_LENGTH)?.to_str().ok()?;
    // FNV-1a: a stable, dependency-free hash; collisions only cost a revalidation.
    let hash = modified.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    Some(format!("W/\"{length}-{hash:x}\""))
}

/// `GET /__avatars/{name}`: the images seeded users point at.
pub async fn avatar(Path(name): Path<String>) -> Response {
    let svg = match name.as_str() {
        "ada.svg" => ADA_SVG,
        "default.svg" => DEFAULT_SVG,
        _ => return ApiError::not_found().into_response(),
    };
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        svg,
    )
        .into_response()
}
