//! `/v1/client`: read, create, destroy, and sign every session of this browser out.

use serde_json::Value;

use super::{CookieAction, Ctx, Envelope, Reply};
use crate::errors::ApiError;
use crate::render;
use crate::store::session::Status;

/// `GET /v1/client`: `{response: Client | null, client: null}`. An unknown or forged
/// cookie is a browser without a client, as on FAPI; the stale cookie is cleared.
pub async fn get(ctx: Ctx) -> Result<Reply, ApiError> {
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let id = inner.client_by_cookie(ctx.cookie.as_deref(), now).map(|c| {
        super::sessions::fresh_tokens(&ctx, c, now);
        c.id.clone()
    });
    let Some(client) = id.as_deref().and_then(|id| inner.clients.get(id)) else {
        let cookie = if ctx.cookie.is_some() {
            CookieAction::Clear
        } else {
            CookieAction::Keep
        };
        return Ok(Reply::json(Envelope {
            response: Value::Null,
            client: None,
        })
        .with_cookie(cookie));
    };
    Ok(Reply::json(Envelope {
        response: render::client(client, &inner, &ctx.origin),
        client: None,
    }))
}

/// `POST`/`PUT /v1/client`: a new, empty client for this browser.
pub async fn create(ctx: Ctx) -> Result<Reply, ApiError> {
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let id = inner.create_client(now);
    let client = inner.clients.get(&id).ok_or_else(ApiError::not_found)?;
    let rendered = render::client(client, &inner, &ctx.origin);
    Ok(Reply::json(Envelope {
        response: rendered.clone(),
        client: Some(rendered),
    })
    .with_cookie(CookieAction::Set(client.cookie.clone())))
}

/// `DELETE /v1/client`: ends every session and deletes the client; the cookie goes too.
pub async fn destroy(ctx: Ctx) -> Result<Reply, ApiError> {
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let id = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .map(|c| c.id.clone())
        .ok_or_else(ApiError::not_found)?;
    let mut client = inner.delete_client(&id).ok_or_else(ApiError::not_found)?;
    for s in &mut client.sessions {
        // Terminal sessions keep their status; only signed-in ones end.
        let _ = s.finish(Status::Ended, now);
    }
    client.last_active_session_id = None;
    client.updated_at = now;
    let rendered = render::client(&client, &inner, &ctx.origin);
    inner.bury(client);
    Ok(Reply::json(Envelope {
        response: rendered,
        client: None,
    })
    .with_cookie(CookieAction::Clear))
}

/// `DELETE /v1/client/sessions`: removes every session of this client (this browser
/// only; the user's sessions elsewhere keep working) and keeps the `__client` cookie.
pub async fn remove_sessions(ctx: Ctx) -> Result<Reply, ApiError> {
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let client = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .ok_or_else(ApiError::not_found)?;
    for s in &mut client.sessions {
        let _ = s.remove(now);
    }
    client.last_active_session_id = None;
    client.updated_at = now;
    let id = client.id.clone();
    let client = inner.clients.get(&id).ok_or_else(ApiError::not_found)?;
    let rendered = render::client(client, &inner, &ctx.origin);
    Ok(Reply::json(Envelope {
        response: rendered.clone(),
        client: Some(rendered),
    }))
}
