//! Static files: `www/` (demo pages, optional Content-Security-Policy), `dist/` (the built
//! package; CORS `*` is added by the CORS layer) and the built-in avatars.
//!
//! `ServeDir` refuses `..` and absolute components, so no request escapes its directory,
//! and it picks content types by extension (`.wasm` → `application/wasm`).

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::errors::ApiError;
use crate::Config;

const ADA_SVG: &str = include_str!("../avatars/ada.svg");
const DEFAULT_SVG: &str = include_str!("../avatars/default.svg");

/// The `www/` service, with the CSP header when one is configured.
pub fn www(config: &Config) -> SetResponseHeaderLayerService {
    let csp = config
        .csp
        .as_deref()
        .and_then(|c| HeaderValue::from_str(c).ok());
    SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp)
        .layer(ServeDir::new(&config.www_dir).append_index_html_on_directories(true))
}

/// The type of [`www`].
pub type SetResponseHeaderLayerService =
    tower_http::set_header::SetResponseHeader<ServeDir, Option<HeaderValue>>;

/// The `dist/` service.
pub fn dist(config: &Config) -> ServeDir {
    ServeDir::new(&config.dist_dir)
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
