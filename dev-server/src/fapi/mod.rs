//! The Frontend API: an axum [`Router`] over everything under `/v1/` and `/.well-known/`.
//!
//! In front of routing, [`gate::method_override`] turns `POST ...?_method=X` into `X`
//! (FAPI's override decides the operation). Around every route, [`gate::gate`] logs the
//! request, applies injected faults and the dev browser check, and sets the cookie a
//! handler asked for. Handlers are typed functions over [`Ctx`] (cookie, origins, form);
//! anything unknown, or a known path with another method, is a FAPI-shaped 404.

mod client;
pub mod ctx;
pub mod gate;
mod sessions;
mod sign_in;
mod templates;

pub use templates::{default_templates, JwtTemplate};

use std::sync::Arc;

use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use axum::Router;
use serde::Serialize;
use serde_json::Value;

pub use ctx::Ctx;

use crate::errors::{json_bytes_response, ApiError};
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

/// A successful FAPI answer: a JSON body and what to do with the cookie (the gate
/// writes the `Set-Cookie` header, whose attributes depend on how the server is reached).
#[derive(Debug)]
pub struct Reply {
    /// The serialized JSON body.
    pub body: Vec<u8>,
    /// Cookie change.
    pub cookie: CookieAction,
}

impl Reply {
    /// A `200` with this body; the cookie is left alone.
    pub fn json(body: impl Serialize) -> Self {
        Reply {
            body: serde_json::to_vec(&body).unwrap_or_default(),
            cookie: CookieAction::Keep,
        }
    }

    /// The same, changing the cookie.
    pub fn with_cookie(mut self, cookie: CookieAction) -> Self {
        self.cookie = cookie;
        self
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut response = json_bytes_response(StatusCode::OK, self.body);
        response.extensions_mut().insert(self.cookie);
        response
    }
}

/// FAPI's usual answer: the resource, and the client when it changed (or `null`).
#[derive(Debug, Serialize)]
pub struct Envelope {
    /// The resource asked for.
    pub response: Value,
    /// The caller's client after the operation, or `null`.
    pub client: Option<Value>,
}

/// `{object: "token", jwt}`.
#[derive(Debug, Serialize)]
pub struct Token {
    /// Always `token`.
    pub object: &'static str,
    /// The signed session token.
    pub jwt: String,
}

/// `POST /v1/dev_browser`'s answer.
#[derive(Debug, Serialize)]
struct DevBrowser {
    object: &'static str,
    id: String,
    token: String,
}

/// The FAPI routes, wrapped in the gate.
pub fn router(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/v1/environment", get(environment).patch(environment))
        .route("/v1/dev_browser", post(dev_browser))
        .route(
            "/v1/client",
            get(client::get)
                .post(client::create)
                .put(client::create)
                .delete(client::destroy),
        )
        .route("/v1/client/sessions", delete(client::remove_sessions))
        .route("/v1/client/sessions/{id}", get(sessions::get))
        .route("/v1/client/sessions/{id}/touch", post(sessions::touch))
        .route("/v1/client/sessions/{id}/end", post(sessions::end))
        .route("/v1/client/sessions/{id}/remove", post(sessions::remove))
        .route("/v1/client/sessions/{id}/tokens", post(sessions::tokens))
        .route(
            "/v1/client/sessions/{id}/tokens/{template}",
            post(templates::create),
        )
        .route("/v1/client/sign_ins", post(sign_in::create))
        .route("/.well-known/jwks.json", get(jwks))
        .route("/v1", any(not_found))
        .route("/v1/{*rest}", any(not_found))
        .route("/.well-known/{*rest}", any(not_found))
        .method_not_allowed_fallback(not_found)
        .layer(middleware::from_fn_with_state(state, gate::gate))
}

/// Unknown FAPI paths, and known ones with a method FAPI does not serve there.
async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// `GET`/`PATCH /v1/environment` (ClerkJS sends the PATCH, as a POST with `_method`).
async fn environment(ctx: Ctx) -> Reply {
    let inner = ctx.state.store.lock();
    Reply::json(crate::environment::environment(
        &ctx.origin,
        !inner.multi_session,
        inner.dev_instance,
    ))
}

/// `GET /.well-known/jwks.json`.
async fn jwks() -> Result<Reply, ApiError> {
    crate::jwt::keys()
        .map(|k| Reply::json(k.jwks()))
        .ok_or_else(|| ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR, None))
}

/// `POST /v1/dev_browser`: a new dev browser token (its `id`).
async fn dev_browser(ctx: Ctx) -> Reply {
    let token = format!("dvb_{}", crate::ids::random_token(27));
    ctx.state.store.lock().add_dev_browser(token.clone());
    Reply::json(DevBrowser {
        object: "dev_browser",
        id: token.clone(),
        token,
    })
}
