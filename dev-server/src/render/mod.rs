//! FAPI JSON for the stored resources, in the spec's shapes (`Client.Client`,
//! `Client.Session`, `Client.User`, `Client.PublicUserData`, `Client.SignIn`).
//!
//! Each shape is a struct borrowing from the store with every field written out; a field
//! the spec makes nullable that this emulator never fills is an `Option` left `None`,
//! serialized as `null` as FAPI sends it.

mod user;

use serde::Serialize;
use serde_json::Value;

use crate::fapi::Token;
use crate::store::session::SessionRec;
use crate::store::{ClientRec, Inner};
use crate::users::User;
pub use user::DEFAULT_AVATAR_PATH;
use user::{PublicUserData, UserData, UserJson, Verification};

/// A resource as a JSON value for the envelope. Serializing these structs cannot fail
/// (string keys only, no custom serializers), so the fallback is never taken.
fn to_value(resource: impl Serialize) -> Value {
    serde_json::to_value(resource).unwrap_or(Value::Null)
}

/// The first factor of a completed password sign-in: one attempt, verified.
const PASSWORD_VERIFIED: Verification = Verification {
    object: "verification_password",
    status: "verified",
    strategy: "password",
    attempts: Some(1),
    expire_at: None,
};

/// `Client.Session`, with its user embedded as FAPI does.
#[derive(Debug, Serialize)]
struct Session<'a> {
    id: &'a str,
    object: &'static str,
    status: &'static str,
    expire_at: i64,
    abandon_at: i64,
    last_active_at: i64,
    last_active_token: Option<Token>,
    actor: Option<&'a Value>,
    tasks: Option<Vec<Value>>,
    last_active_organization_id: Option<&'a str>,
    user: Option<UserJson<'a>>,
    public_user_data: Option<PublicUserData<'a>>,
    factor_verification_age: [i64; 2],
    created_at: i64,
    updated_at: i64,
}

impl<'a> Session<'a> {
    fn new(s: &'a SessionRec, inner: &'a Inner, origin: &str) -> Self {
        let user = inner.user(&s.user_id);
        // Only a signed-in session's token is current.
        let token = s
            .last_active_token
            .as_ref()
            .filter(|_| s.status.is_signed_in());
        Session {
            id: &s.id,
            object: "session",
            status: s.status.as_str(),
            expire_at: s.expire_at,
            abandon_at: s.abandon_at,
            last_active_at: s.last_active_at,
            last_active_token: token.map(|jwt| Token {
                object: "token",
                jwt: jwt.clone(),
            }),
            actor: s.actor.as_ref(),
            tasks: None,
            last_active_organization_id: None,
            user: user.map(|u| UserJson::new(u, origin, Some(s.created_at))),
            public_user_data: user.map(|u| PublicUserData::new(u, origin)),
            // Minutes since each factor was verified: the first just now, the second never.
            factor_verification_age: [0, -1],
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// `Client.Session`.
pub fn session(s: &SessionRec, inner: &Inner, origin: &str) -> Value {
    to_value(Session::new(s, inner, origin))
}

/// `Client.Client`.
#[derive(Debug, Serialize)]
struct ClientJson<'a> {
    object: &'static str,
    id: &'a str,
    sessions: Vec<Session<'a>>,
    sign_in: Option<Value>,
    sign_up: Option<Value>,
    last_active_session_id: Option<&'a str>,
    last_authentication_strategy: Option<&'a str>,
    cookie_expires_at: i64,
    captcha_bypass: bool,
    created_at: i64,
    updated_at: i64,
}

/// `Client.Client`.
pub fn client(c: &ClientRec, inner: &Inner, origin: &str) -> Value {
    to_value(ClientJson {
        object: "client",
        id: &c.id,
        sessions: c
            .visible_sessions()
            .map(|s| Session::new(s, inner, origin))
            .collect(),
        sign_in: None,
        sign_up: None,
        last_active_session_id: c.last_active_session_id.as_deref(),
        last_authentication_strategy: c.last_authentication_strategy.as_deref(),
        cookie_expires_at: c.cookie_expires_at,
        captcha_bypass: false,
        created_at: c.created_at,
        updated_at: c.updated_at,
    })
}

/// A sign-in factor (`{strategy}`).
#[derive(Debug, Serialize)]
struct Factor {
    strategy: &'static str,
}

/// `Client.SignIn`.
#[derive(Debug, Serialize)]
struct SignIn<'a> {
    object: &'static str,
    id: String,
    status: &'static str,
    supported_identifiers: [&'static str; 2],
    supported_first_factors: [Factor; 1],
    supported_second_factors: Option<Vec<Factor>>,
    first_factor_verification: Verification,
    second_factor_verification: Option<Verification>,
    identifier: &'a str,
    user_data: UserData<'a>,
    created_session_id: &'a str,
    abandon_at: i64,
    client_trust_state: Option<&'static str>,
}

/// A completed password sign-in (`Client.SignIn`, status `complete`).
pub fn sign_in_complete(
    identifier: &str,
    user: &User,
    session_id: &str,
    now: i64,
    origin: &str,
) -> Value {
    to_value(SignIn {
        object: "sign_in_attempt",
        id: crate::ids::new_id("sia"),
        status: "complete",
        supported_identifiers: ["email_address", "username"],
        supported_first_factors: [Factor {
            strategy: "password",
        }],
        supported_second_factors: None,
        first_factor_verification: PASSWORD_VERIFIED,
        second_factor_verification: None,
        identifier,
        user_data: UserData::new(user, origin),
        created_session_id: session_id,
        abandon_at: now.saturating_add(24 * 60 * 60 * 1000),
        client_trust_state: None,
    })
}
