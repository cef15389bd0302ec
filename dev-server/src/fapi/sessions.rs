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
use crate::store::{ClientRec, Inner};

/// A `last_active_token` is re-minted once this old (ms): every answer then carries one
/// valid for at least half of its 60 s, without signing a token per read.
const TOKEN_REUSE_MS: i64 = crate::jwt::TOKEN_TTL_SECS * 1000 / 2;

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
    fresh_tokens(&ctx, client, now);
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
    let org = match action {
        Action::Tokens => organization(ctx, &mut inner, id, now)?,
        _ => None,
    };
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
            let jwt = mint(ctx, session, org, now)?;
            client.updated_at = now;
            return Ok(Reply::json(Token {
                object: "token",
                jwt,
            }));
        }
    }
    client.updated_at = now;
    client.repair_last_active();
    fresh_tokens(ctx, client, now);
    wrapped(&inner, &client_id, id, &ctx.origin)
}

/// 401 `signed_out`: a token asked for a session that is no longer signed in.
pub(super) fn signed_out() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "signed_out",
        "signed out",
        "This session is no longer signed in.",
    )
}

/// The `organization_id` a token request names (empty: the personal account, no claim),
/// refused unless the user is a member of it (the users file's `organizations`).
fn organization<'a>(
    ctx: &'a Ctx,
    inner: &mut Inner,
    session_id: &str,
    now: i64,
) -> Result<Option<&'a str>, ApiError> {
    let Some(org) = ctx.field("organization_id").filter(|o| !o.is_empty()) else {
        return Ok(None);
    };
    let user_id = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .and_then(|c| c.session_mut(session_id))
        .map(|s| s.user_id.clone());
    let user = user_id.and_then(|id| inner.user(&id));
    if user.is_some_and(|u| u.seed.organizations.iter().any(|m| m == org)) {
        return Ok(Some(org));
    }
    Err(ApiError::new(
        StatusCode::FORBIDDEN,
        "not_a_member_in_organization",
        "not a member",
        "The user is not a member of this organization.",
    )
    .param("organization_id"))
}

/// Gives every signed-in session of `client` a current `last_active_token`, as FAPI's
/// answers carry one, so an SDK needs no token request after reading the client. Called
/// where an SDK reads the client (`GET /v1/client`, the session actions), not on sign-in: a
/// signature per sign-in would bound the sign-in rate, and a page reads the client next.
pub fn fresh_tokens(ctx: &Ctx, client: &mut ClientRec, now: i64) {
    for session in &mut client.sessions {
        let stale = session.last_active_token.is_none()
            || now.saturating_sub(session.token_minted_at) >= TOKEN_REUSE_MS;
        if session.status.is_signed_in() && stale {
            // A session that is not signed in after all, or no signing key: no token.
            let _ = mint(ctx, session, None, now);
        }
    }
}

/// Signs a token for a signed-in session and remembers it as `last_active_token`.
fn mint(
    ctx: &Ctx,
    session: &mut SessionRec,
    org: Option<&str>,
    now: i64,
) -> Result<String, ApiError> {
    session.refresh(now);
    if !session.status.is_signed_in() {
        return Err(signed_out());
    }
    let keys = crate::jwt::keys()
        .ok_or_else(|| ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR, None))?;
    let jwt = keys.sign(&crate::jwt::Claims {
        session_id: &session.id,
        user_id: &session.user_id,
        issuer: &ctx.issuer,
        authorized_party: ctx.page_origin.as_deref(),
        organization_id: org,
        now_secs: now / 1000,
    });
    session.last_active_token = Some(jwt.clone());
    session.token_minted_at = now;
    Ok(jwt)
}
