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

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
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

/// Entry point for `/__dev/*`.
pub async fn handle(State(state): State<Arc<AppState>>, req: Request) -> Response {
    if !state.config.faults {
        return ApiError::not_found().into_response();
    }
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().trim_start_matches("/__dev").to_owned();
    let result = match (&parts.method, path.as_str()) {
        (&Method::POST, "/reset") => match json_body::<ResetBody>(body, true).await {
            Ok(b) => Ok(reset(&state, &b)),
            Err(e) => Err(e),
        },
        (&Method::POST, "/clients") => match json_body::<ClientsBody>(body, false).await {
            Ok(b) => create_client(&state, &b.identifiers, b.actor.as_ref()),
            Err(e) => Err(e),
        },
        (&Method::GET, "/clients") => Ok(list_clients(&state)),
        (&Method::POST, "/faults") => match json_body::<faults::Fault>(body, false).await {
            Ok(f) => match f.validate() {
                Ok(()) => {
                    state.faults.add(f);
                    Ok(StatusCode::NO_CONTENT.into_response())
                }
                Err(msg) => Err(ApiError::bad_request("fault_invalid", &msg)),
            },
            Err(e) => Err(e),
        },
        (&Method::GET, "/requests") => {
            let entries: Vec<Value> = state.log.snapshot().iter().map(|e| e.to_json()).collect();
            Ok(json_response(StatusCode::OK, &Value::Array(entries)))
        }
        (&Method::DELETE, "/requests") => {
            state.log.clear();
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        (&Method::GET, p) if p.starts_with("/sessions/") => {
            session_info(&state, p.trim_start_matches("/sessions/"))
        }
        (&Method::POST, p) if p.starts_with("/sessions/") => {
            match p.trim_start_matches("/sessions/").split_once('/') {
                Some((id, "revoke")) => change_session(&state, id, false),
                Some((id, "expire")) => change_session(&state, id, true),
                _ => Err(ApiError::not_found()),
            }
        }
        _ => Err(ApiError::not_found()),
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

/// Parses a JSON body; an empty body reads as `{}` when `empty_ok`.
async fn json_body<T: DeserializeOwned>(body: Body, empty_ok: bool) -> Result<T, ApiError> {
    let bytes = to_bytes(body, 64 * 1024)
        .await
        .map_err(|_| ApiError::bad_request("request_body_too_large", "Body too large."))?;
    let bytes: &[u8] = if empty_ok && bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request("malformed_request_body", &format!("Invalid JSON body: {e}"))
    })
}

fn reset(state: &AppState, body: &ResetBody) -> Response {
    let config = &state.config;
    state.store.lock().reset(
        &config.users,
        body.multi_session.unwrap_or(config.multi_session),
        body.dev_instance.unwrap_or(config.dev_instance),
    );
    state.faults.clear();
    state.log.clear();
    StatusCode::NO_CONTENT.into_response()
}

/// A client with one active session per identifier, the last one current: "another
/// browser" for tests. Sessions are created directly, so the mode's one-session limit
/// does not apply (a test may want an impossible-in-production state on purpose).
fn create_client(
    state: &AppState,
    identifiers: &[String],
    actor: Option<&Value>,
) -> Result<Response, ApiError> {
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

fn list_clients(state: &AppState) -> Response {
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
fn change_session(state: &AppState, id: &str, expire: bool) -> Result<Response, ApiError> {
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
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn session_info(state: &AppState, id: &str) -> Result<Response, ApiError> {
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
