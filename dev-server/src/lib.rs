//! clerk-dev-server: emulates Clerk's Frontend API for the SDK's demo and tests, and serves
//! the demo pages (`www/`) and the built package (`dist/`).

use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

/// What the server serves and how it behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// The demo pages, served at `/`.
    pub www_dir: PathBuf,
    /// The built package, served at `/dist`.
    pub dist_dir: PathBuf,
}

/// The whole application, ready to be served or driven with `oneshot` in tests.
pub fn app(config: &Config) -> Router {
    Router::new()
        .nest_service("/dist", ServeDir::new(&config.dist_dir))
        .fallback_service(ServeDir::new(&config.www_dir))
}
