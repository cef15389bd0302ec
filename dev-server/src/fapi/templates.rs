//! `POST /v1/client/sessions/{id}/tokens/{template}` (Clerk's `createSessionTokenWithTemplate`):
//! a session token shaped by a JWT template. Templates come from `--jwt-template` flags, or
//! the built-in `demo` template when none is given.

use axum::extract::Path;
use axum::http::StatusCode;
use serde_json::{json, Map, Value};

use super::{Ctx, Reply};
use crate::errors::ApiError;
use crate::users::User;

/// A JWT template: a name and the custom claims it adds to the standard ones.
#[derive(Debug, Clone, PartialEq)]
pub struct JwtTemplate {
    /// What `getToken({ template })` names.
    pub name: String,
    /// Custom claims. A string value that is a whole shortcode (`{{user.id}}`) is replaced
    /// by the user's value, as in Clerk's template editor.
    pub claims: Map<String, Value>,
}

impl JwtTemplate {
    /// Reads `NAME` or `NAME={"claim": ...}` (the `--jwt-template` flag).
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (name, claims) = spec.split_once('=').unwrap_or((spec, "{}"));
        let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
        if name.is_empty() || !name.chars().all(valid) {
            return Err(format!("--jwt-template: invalid template name {name:?}"));
        }
        let claims = serde_json::from_str(claims)
            .map_err(|e| format!("--jwt-template {name}: the claims must be a JSON object: {e}"))?;
        Ok(Self {
            name: name.to_owned(),
            claims,
        })
    }
}

/// The template a server started without `--jwt-template` has.
pub fn default_templates() -> Vec<JwtTemplate> {
    let claims = json!({ "aud": "demo", "email": "{{user.primary_email_address}}" });
    vec![JwtTemplate {
        name: "demo".to_owned(),
        claims: claims.as_object().cloned().unwrap_or_default(),
    }]
}

/// `POST /v1/client/sessions/{id}/tokens/{template}`. An unknown template is `404
/// resource_not_found`, as Clerk answers; so is a session that is not the caller's.
pub async fn create(
    Path((session_id, name)): Path<(String, String)>,
    ctx: Ctx,
) -> Result<Reply, ApiError> {
    let (session_id, name) = (session_id.as_str(), name.as_str());
    let now = ctx.state.store.now();
    let mut inner = ctx.state.store.lock();
    let client = inner
        .client_by_cookie(ctx.cookie.as_deref(), now)
        .ok_or_else(ApiError::not_found)?;
    let session = client
        .session_mut(session_id)
        .ok_or_else(ApiError::not_found)?;
    session.refresh(now);
    if !session.status.is_signed_in() {
        return Err(super::sessions::signed_out());
    }
    let user_id = session.user_id.clone();
    let template = ctx
        .state
        .config
        .jwt_templates
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "resource_not_found",
                "not found",
                &format!("No JWT template exists with name: {name}"),
            )
        })?;
    let user = inner.user(&user_id).ok_or_else(ApiError::not_found)?;
    let keys = crate::jwt::keys()
        .ok_or_else(|| ApiError::for_status(StatusCode::INTERNAL_SERVER_ERROR, None))?;
    let jwt = keys.sign_payload(&payload(&ctx, template, user, now));
    Ok(Reply::json(super::Token {
        object: "token",
        jwt,
    }))
}

/// The template's claims for `user`, then the standard ones, which win: Clerk reserves them.
fn payload(ctx: &Ctx, template: &JwtTemplate, user: &User, now: i64) -> Value {
    let mut payload: Map<String, Value> = template
        .claims
        .iter()
        .map(|(k, v)| (k.clone(), shortcode(v, user)))
        .collect();
    let now_secs = now / 1000;
    for (k, v) in [
        ("sub", json!(user.seed.id)),
        ("iss", json!(ctx.issuer)),
        ("iat", json!(now_secs)),
        ("nbf", json!(now_secs - 10)),
        ("exp", json!(now_secs + crate::jwt::TOKEN_TTL_SECS)),
        ("jti", json!(crate::ids::random_token(20))),
        ("azp", json!(ctx.page_origin)),
    ] {
        payload.insert(k.to_owned(), v);
    }
    Value::Object(payload)
}

/// A claim value with a whole-string shortcode replaced by the user's value.
fn shortcode(value: &Value, user: &User) -> Value {
    let seed = &user.seed;
    match value.as_str() {
        Some("{{user.id}}") => json!(seed.id),
        Some("{{user.first_name}}") => json!(seed.first_name),
        Some("{{user.last_name}}") => json!(seed.last_name),
        Some("{{user.username}}") => json!(seed.username),
        Some("{{user.primary_email_address}}") => json!(user.emails.first().map(|(_, e)| e)),
        Some("{{user.public_metadata}}") => seed.public_metadata.clone(),
        _ => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::JwtTemplate;

    #[test]
    fn a_template_flag_is_a_name_and_optional_json_claims() {
        let t = JwtTemplate::parse(r#"hasura={"aud":"x"}"#).unwrap();
        assert_eq!(
            (t.name.as_str(), t.claims["aud"].as_str()),
            ("hasura", Some("x"))
        );
        assert!(JwtTemplate::parse("plain").unwrap().claims.is_empty());
        assert!(JwtTemplate::parse("a/b").is_err());
        assert!(JwtTemplate::parse("x=[1]").is_err());
    }
}
