//! Test controls under `/__dev/` (a prefix FAPI does not use), enabled by `--faults`.
//!
//! - `POST /__dev/reset` `{multi_session?, dev_instance?}` → 204
//! - `POST /__dev/clients` `{identifiers: [..], actor?: {sub}}` → a signed-in client and its
//!   cookie (with `actor`, impersonation sessions)
//! - `GET /__dev/clients`, `GET /__dev/sessions/{id}`
//! - `POST /__dev/sessions/{id}/revoke` and `/expire`: what an administrator or the clock
//!   does to a session elsewhere, for tests of how the SDK notices
//! - `POST /__dev/faults` → 204
//! - `GET`/`DELETE /__dev/requests`

pub mod faults;
pub mod log;

use std::sync::Arc;

use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::errors::{json_response, ApiError};
use crate::fapi::CLIENT_COOKIE;
use crate::store::session::{SessionRec, Status};
use crate::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    multi_session: Option<bool>,
    dev_instance: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientsBody {
    identifiers: Vec<String>,
    /// Makes every session an impersonation session with these actor claims.
    #[serde(default)]
    actor: Option<Value>,
}

/// The controls, nested at `/__dev`; without `--faults` every path there is a 404.
pub fn router(enabled: bool) -> Router<Arc<AppState>> {
    if !enabled {
        return Router::new().fallback(not_found);
    }
    Router::new()
        .route("/reset", post(reset))
        .route("/clients", post(create_client).get(list_clients))
        .route("/faults", post(add_fault))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/sessions/{id}", get(session_info))
        .route("/sessions/{id}/revoke", post(revoke))
        .route("/sessions/{id}/expire", post(expire))
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
}

async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// A JSON body; an empty body reads as `{}` for `T`s whose fields are all optional.
#[derive(Debug)]
pub struct DevJson<T>(T);

impl<T: DeserializeOwned> FromRequest<Arc<AppState>> for DevJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let timeout = state.config.body_timeout;
        let bytes = crate::body::read(req.into_body(), 64 * 1024, timeout).await?;
        let empty = bytes.iter().all(u8::is_ascii_whitespace);
        let parsed = serde_json::from_slice(if empty { b"{}" } else { &bytes });
        parsed.map(DevJson).map_err(|e| {
            ApiError::bad_request("malformed_request_body", &format!("Invalid JSON body: {e}"))
        })
    }
}

async fn add_fault(
    State(state): State<Arc<AppState>>,
    DevJson(fault): DevJson<faults::Fault>,
) -> Result<StatusCode, ApiError> {
    fault
        .validate()
        .map_err(|msg| ApiError::bad_request("fault_invalid", &msg))?;
    state.faults.add(fault);
    Ok(StatusCode::NO_CONTENT)
}

async fn requests(State(state): State<Arc<AppState>>) -> Response {
    let entries: Vec<Value> = state.log.snapshot().iter().map(|e| e.to_json()).collect();
    json_response(StatusCode::OK, &entries)
}

async fn clear_requests(State(state): State<Arc<AppState>>) -> StatusCode {
    state.log.clear();
    StatusCode::NO_CONTENT
}

async fn revoke(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    change_session(&state, &id, false)
}

async fn expire(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    change_session(&state, &id, true)
}

async fn reset(
    State(state): State<Arc<AppState>>,
    DevJson(body): DevJson<ResetBody>,
) -> StatusCode {
    let config = &state.config;
    state.store.lock().reset(
        &config.users,
        body.multi_session.unwrap_or(config.multi_session),
        body.dev_instance.unwrap_or(config.dev_instance),
    );
    state.faults.clear();
    state.log.clear();
    StatusCode::NO_CONTENT
}

/// A client with one active session per identifier, the last one current: "another
/// browser" for tests. Sessions are created directly, so the mode's one-session limit
/// does not apply (a test may want an impossible-in-production state on purpose).
async fn create_client(
    State(state): State<Arc<AppState>>,
    DevJson(body): DevJson<ClientsBody>,
) -> Result<Response, ApiError> {
    let identifiers = &body.identifiers;
    let actor = body.actor.as_ref();
    let now = state.store.now();
    let mut inner = state.store.lock();
    let mut user_ids = Vec::new();
    for ident in identifiers {
        let user = inner.user_by_identifier(ident).ok_or_else(|| {
            ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "form_identifier_not_found",
                "Couldn't find your account.",
                &format!("No seeded user has the identifier {ident:?}."),
            )
        })?;
        user_ids.push(user.seed.id.clone());
    }
    let lifetimes = inner.lifetimes;
    let client_id = inner.create_client(now);
    let client = inner
        .client_mut(&client_id, now)
        .ok_or_else(ApiError::not_found)?;
    let mut session_ids = Vec::new();
    for (i, user_id) in user_ids.iter().enumerate() {
        let mut session = SessionRec::new(user_id, now, lifetimes.session_ms, lifetimes.abandon_ms);
        // Later sessions are more recent, so the last one is the current one.
        session.last_active_at = now.saturating_add(i64::try_from(i).unwrap_or(0));
        session.actor = actor.cloned();
        session_ids.push(session.id.clone());
        client.sessions.push(session);
    }
    client.last_active_session_id = session_ids.last().cloned();
    if !session_ids.is_empty() {
        client.last_authentication_strategy = Some("password".to_owned());
    }
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "client_id": client_id,
            "cookie": format!("{CLIENT_COOKIE}={}", client.cookie),
            "session_ids": session_ids,
            "last_active_session_id": client.last_active_session_id,
        }),
    ))
}

fn session_summary(s: &SessionRec) -> Value {
    json!({ "id": s.id, "status": s.status.as_str(), "user_id": s.user_id })
}

async fn list_clients(State(state): State<Arc<AppState>>) -> Response {
    let now = state.store.now();
    let mut inner = state.store.lock();
    let mut clients: Vec<_> = inner.clients.values_mut().collect();
    clients.sort_by_key(|c| c.created_at);
    let list: Vec<Value> = clients
        .into_iter()
        .map(|c| {
            c.refresh(now);
            json!({
                "id": c.id,
                "last_active_session_id": c.last_active_session_id,
                "sessions": c.sessions.iter().map(session_summary).collect::<Vec<_>>(),
            })
        })
        .collect();
    json_response(StatusCode::OK, &Value::Array(list))
}

/// Revokes a signed-in session, or makes it reach `expire_at` now. Either way it
/// can never be active again; a session already terminal is a 400.
fn change_session(state: &AppState, id: &str, expire: bool) -> Result<StatusCode, ApiError> {
    let now = state.store.now();
    let mut inner = state.store.lock();
    let client = inner
        .clients
        .values_mut()
        .find(|c| c.sessions.iter().any(|s| s.id == id))
        .ok_or_else(ApiError::not_found)?;
    let session = client
        .sessions
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(ApiError::not_found)?;
    session.refresh(now);
    if !session.status.is_signed_in() {
        return Err(ApiError::bad_request(
            "session_not_active",
            "Only a signed-in session can be revoked or expired.",
        ));
    }
    if expire {
        session.expire_at = now;
        session.refresh(now);
    } else {
        let _ = session.finish(Status::Revoked, now);
    }
    client.updated_at = now;
    client.repair_last_active();
    Ok(StatusCode::NO_CONTENT)
}

async fn session_info(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = id.as_str();
    let now = state.store.now();
    let mut inner = state.store.lock();
    let inner = &mut *inner;
    let live = inner.clients.values_mut();
    for client in live.chain(inner.destroyed.iter_mut()) {
        client.refresh(now);
        if let Some(s) = client.sessions.iter().find(|s| s.id == id) {
            let mut body = session_summary(s);
            if let Some(obj) = body.as_object_mut() {
                obj.insert("client_id".into(), json!(client.id));
            }
            return Ok(json_response(StatusCode::OK, &body));
        }
    }
    Err(ApiError::not_found())
}
