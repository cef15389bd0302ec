//! `/v1/client/sessions/{id}` and its actions: `touch`, `end`, `remove`, `tokens`.
//!
//! A session id is looked up only among the calling client's sessions: another browser's
//! session is `404 resource_not_found`, exactly like an id that never existed.

use axum::extract::Path;
use axum::http::StatusCode;

use super::{Ctx, Envelope, Reply, Token};
use crate::errors::ApiError;
use crate::render;
use crate::store::session::{SessionRec, Status, TransitionError};
use crate::store::Inner;

fn not_active(e: TransitionError) -> ApiError {
    let TransitionError::NotActive(status) = e;
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "session_not_active",
        "session is not active",
        &format!(
            "This session is {} and can no longer be used.",
            status.as_str()
        ),
    )
}

/// `{response: Session, client: Client}` for the caller's client after a change.
fn wrapped(
    inner: &Inner,
    client_id: &str,
    session_id: &str,
    origin: &str,
) -> Result<Reply, ApiError> {
    let client = inner
        .clients
        .get(client_id)
        .ok_or_else(ApiError::not_found)?;
    let session = client
        .sessions
        .iter()
        .find(|s| s.id == session_id)
        .ok_or_else(ApiError::not_found)?;
    Ok(Reply::json(Envelope {
        response: render::session(session, inner, origin),
        client: Some(render::client(client, inner, origin)),
    }))
}

/// `GET /v1/client/sessions/{id}`.
pub async fn get(Path(id): Path<String>, ctx: Ctx) -> Result<Reply, ApiError> {
    let id = id.as_str();
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let client = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .ok_or_else(ApiError::not_found)?;
    client.session_mut(id).ok_or_else(ApiError::not_found)?;
    let client_id = client.id.clone();
    wrapped(&inner, &client_id, id, &ctx.origin)
}

/// The spec's values for touch's `intent`.
const TOUCH_INTENTS: &[&str] = &["focus", "select_session", "select_org"];

/// `POST /v1/client/sessions/{id}/touch`.
pub async fn touch(Path(id): Path<String>, ctx: Ctx) -> Result<Reply, ApiError> {
    ctx.enum_field("intent", TOUCH_INTENTS)?;
    action(&ctx, &id, Action::Touch)
}

/// `POST /v1/client/sessions/{id}/end`.
pub async fn end(Path(id): Path<String>, ctx: Ctx) -> Result<Reply, ApiError> {
    action(&ctx, &id, Action::End)
}

/// `POST /v1/client/sessions/{id}/remove`.
pub async fn remove(Path(id): Path<String>, ctx: Ctx) -> Result<Reply, ApiError> {
    action(&ctx, &id, Action::Remove)
}

/// `POST /v1/client/sessions/{id}/tokens`.
pub async fn tokens(Path(id): Path<String>, ctx: Ctx) -> Result<Reply, ApiError> {
    action(&ctx, &id, Action::Tokens)
}

/// What a session action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Touch,
    End,
    Remove,
    Tokens,
}

/// One action on one of the caller's sessions, answered with the session and client.
fn action(ctx: &Ctx, id: &str, action: Action) -> Result<Reply, ApiError> {
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let client = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .ok_or_else(ApiError::not_found)?;
    let client_id = client.id.clone();
    let session = client.session_mut(id).ok_or_else(ApiError::not_found)?;
    match action {
        Action::Touch => {
            session.touch(now).map_err(not_active)?;
            client.last_active_session_id = Some(id.to_owned());
        }
        Action::End => session.finish(Status::Ended, now).map_err(not_active)?,
        Action::Remove => session.remove(now).map_err(not_active)?,
        Action::Tokens => {
            let jwt = mint(ctx, session, now)?;
            client.updated_at = now;
            return Ok(Reply::json(Token {
                object: "token",
                jwt,
            }));
        }
    }
    client.updated_at = now;
    client.repair_last_active();
    wrapped(&inner, &client_id, id, &ctx.origin)
}

/// Signs a token for a signed-in session and remembers it as `last_active_token`.
fn mint(ctx: &Ctx, session: &mut SessionRec, now: i64) -> Result<String, ApiError> {
    session.refresh(now);
    if !session.status.is_signed_in() {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "signed_out",
            "signed out",
            "This session is no longer signed in.",
        ));
    }
    let keys = crate::jwt::keys()
        .ok_or_else(|| ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR, None))?;
    let jwt = keys.sign(&crate::jwt::Claims {
        session_id: &session.id,
        user_id: &session.user_id,
        issuer: &ctx.issuer,
        authorized_party: ctx.page_origin.as_deref(),
        now_secs: now / 1000,
    });
    session.last_active_token = Some(jwt.clone());
    Ok(jwt)
}
