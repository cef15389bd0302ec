//! clerk-dev-server: emulates Clerk's Frontend API (FAPI) for the SDK's demo and tests, and
//! serves the demo pages (`www/`) and the built package (`dist/`).
//!
//! The FAPI endpoints live under `/v1/` and `/.well-known/`; test controls under `/__dev/`
//! (only with `--faults`); built-in avatars under `/__avatars/`; `dist/` at `/dist/`; and
//! `www/` at `/`.

pub mod body;
pub mod cli;
pub mod cors;
pub mod dev;
pub mod edge_cache;
pub mod environment;
pub mod errors;
pub mod fapi;
pub mod guard;
pub mod ids;
pub mod jwt;
pub mod render;
pub mod serve;
pub mod statics;
pub mod store;
pub mod users;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::routing::get;
use axum::{middleware, Router};
use tower::ServiceBuilder;

use store::{Lifetimes, Limits, Store};
use users::UserSeed;

/// What the server serves and how it behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// The demo pages, served at `/`.
    pub www_dir: PathBuf,
    /// The built package, served at `/dist`.
    pub dist_dir: PathBuf,
    /// Users to seed (and re-seed on `/__dev/reset`).
    pub users: Vec<UserSeed>,
    /// Several signed-in sessions per client (default: single-session).
    pub multi_session: bool,
    /// Development instance: every FAPI request needs a `__clerk_db_jwt`.
    pub dev_instance: bool,
    /// Enables the `/__dev/` test controls.
    pub faults: bool,
    /// Content-Security-Policy sent with `www/` responses, if any.
    pub csp: Option<String>,
    /// Origins allowed to call with credentials; `None` means loopback origins on any port.
    pub allowed_origins: Option<Vec<String>>,
    /// This server's own origin, used when a request carries no `Host` header.
    pub origin: String,
    /// Mark `__client` Secure (the server is reached over https, e.g. behind a proxy).
    pub secure_cookies: bool,
    /// Session timing.
    pub lifetimes: Lifetimes,
    /// Caps on clients, sessions and dev browser tokens.
    pub limits: Limits,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    /// JWT templates for `getToken({ template })`.
    pub jwt_templates: Vec<fapi::JwtTemplate>,
    /// How long a request body may take to arrive.
    pub body_timeout: Duration,
}

impl Config {
    /// Defaults for a project root holding `www/` and `dist/`: the embedded demo users,
    /// single-session, production instance, no test controls.
    pub fn new(root: &Path) -> Self {
        Config {
            www_dir: root.join("www"),
            dist_dir: root.join("dist"),
            users: users::default_users(),
            multi_session: false,
            dev_instance: false,
            faults: false,
            csp: None,
            allowed_origins: None,
            origin: "http://127.0.0.1".to_owned(),
            secure_cookies: false,
            lifetimes: Lifetimes::default(),
            limits: Limits::default(),
            body_limit: 16 * 1024,
            jwt_templates: fapi::default_templates(),
            body_timeout: Duration::from_secs(10),
        }
    }
}

/// Shared by every handler.
#[derive(Debug)]
pub struct AppState {
    /// The configuration the server started with.
    pub config: Config,
    /// Users, clients, sessions.
    pub store: Store,
    /// Injected faults (`/__dev/faults`).
    pub faults: dev::faults::Faults,
    /// FAPI requests received (`/__dev/requests`).
    pub log: dev::log::RequestLog,
}

/// The whole application with fresh state, ready to be served or driven with `oneshot`.
pub fn app(config: &Config) -> Router {
    let state = Arc::new(AppState {
        store: Store::new(
            &config.users,
            config.multi_session,
            config.dev_instance,
            config.lifetimes,
            config.limits,
        ),
        faults: dev::faults::Faults::default(),
        log: dev::log::RequestLog::default(),
        config: config.clone(),
    });
    let edge = edge_cache::EdgeCache::default();
    let routes = Router::new()
        .merge(fapi::router(state.clone()))
        .nest("/__dev", dev::router(config.faults))
        .route("/__avatars/{name}", get(statics::avatar))
        .nest_service("/dist", statics::dist(config, &edge))
        .fallback_service(statics::www(config, &edge))
        .layer(middleware::from_fn_with_state(state.clone(), cors::layer))
        .with_state(state);
    // Layers added to a Router run after routing; these must run before it (the method
    // override decides the route), so they wrap the routed app as a whole.
    let outer = ServiceBuilder::new()
        .layer(middleware::from_fn(guard::guard))
        .map_request(fapi::gate::method_override)
        .service(routes);
    Router::new().fallback_service(outer)
}
