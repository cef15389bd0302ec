//! `POST /v1/client/sign_ins` with `strategy=password`: identify, verify, and create an
//! active session in one request, as FAPI allows.

use super::{CookieAction, Ctx, Envelope, Reply};
use crate::errors::ApiError;
use crate::render;
use axum::http::StatusCode;

fn unprocessable(code: &str, message: &str, long_message: &str, param: &str) -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        code,
        message,
        long_message,
    )
    .param(param)
}

fn missing(param: &str) -> ApiError {
    unprocessable(
        "form_param_missing",
        &format!("{param} is missing"),
        &format!("Enter {param}."),
        param,
    )
}

/// Creates a completed sign-in, or answers the FAPI form errors.
pub async fn create(ctx: Ctx) -> Result<Reply, ApiError> {
    // Typed fields the spec declares are checked even where this server ignores them.
    ctx.bool_field("transfer")?;
    let identifier = ctx
        .field("identifier")
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| missing("identifier"))?;
    match ctx.field("strategy") {
        Some("password") => {}
        Some(_) => {
            return Err(unprocessable(
                "strategy_for_user_invalid",
                "strategy is not supported",
                "This server signs users in with strategy=password only.",
                "strategy",
            ))
        }
        None => return Err(missing("strategy")),
    }
    let password = ctx
        .field("password")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| missing("password"))?;

    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let user = inner
        .user_by_identifier(identifier)
        .cloned()
        .ok_or_else(|| {
            unprocessable(
                "form_identifier_not_found",
                "Couldn't find your account.",
                "Couldn't find your account.",
                "identifier",
            )
        })?;
    if user.seed.password != password {
        return Err(unprocessable(
            "form_password_incorrect",
            "Password is incorrect. Try again, or use another method.",
            "Password is incorrect. Try again, or use another method.",
            "password",
        ));
    }
    let (client_id, cookie) = match inner.client_by_cookie(ctx.cookie.as_deref(), now) {
        Some(c) => (c.id.clone(), CookieAction::Keep),
        None => {
            let id = inner.create_client(now);
            let value = inner.clients.get(&id).map(|c| c.cookie.clone());
            (id, value.map_or(CookieAction::Keep, CookieAction::Set))
        }
    };
    let session_id = inner
        .start_session(&client_id, &user.seed.id, "password", now)
        .map_err(|_| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "session_exists",
                "You're already signed in",
                "You're already signed in.",
            )
        })?;
    let client = inner
        .clients
        .get(&client_id)
        .ok_or_else(ApiError::not_found)?;
    Ok(Reply::json(Envelope {
        response: render::sign_in_complete(identifier, &user, &session_id, now, &ctx.origin),
        client: Some(render::client(client, &inner, &ctx.origin)),
    })
    .with_cookie(cookie))
}
