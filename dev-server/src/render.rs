//! FAPI JSON for the stored resources, in the spec's shapes (`Client.Client`,
//! `Client.Session`, `Client.User`, `Client.PublicUserData`, `Client.SignIn`).
//!
//! Each shape is a struct borrowing from the store; every field is written out, and a
//! field the spec makes nullable that this emulator never fills is an `Option` left `None`
//! (serialized as `null`, as FAPI sends it), so a missing key is a compile-time omission.

use serde::Serialize;
use serde_json::Value;

use crate::fapi::Token;
use crate::store::session::SessionRec;
use crate::store::{ClientRec, Inner};
use crate::users::User;

/// The avatar served for users without an image (Clerk always sends an `image_url`).
pub const DEFAULT_AVATAR_PATH: &str = "/__avatars/default.svg";

/// A list this emulator always sends empty (`[]`): passkeys, linked accounts…
type Empty = [(); 0];

/// A resource as a JSON value for the envelope. Serializing these structs cannot fail
/// (string keys only, no custom serializers), so the fallback is never taken.
fn to_value(resource: impl Serialize) -> Value {
    serde_json::to_value(resource).unwrap_or(Value::Null)
}

/// Absolute image URL for a user: their own image or the default avatar.
fn image_url(user: &User, origin: &str) -> (String, bool) {
    match user.seed.image.as_deref() {
        Some(img) if img.starts_with('/') => (format!("{origin}{img}"), true),
        Some(img) if !img.is_empty() => (img.to_owned(), true),
        _ => (format!("{origin}{DEFAULT_AVATAR_PATH}"), false),
    }
}

/// `Client.Verification` in a final state.
#[derive(Debug, Clone, Copy, Serialize)]
struct Verification {
    object: &'static str,
    status: &'static str,
    strategy: &'static str,
    attempts: Option<u32>,
    expire_at: Option<i64>,
}

/// Identifications are seeded by an administrator, so they carry an admin verification.
const ADMIN_VERIFIED: Verification = Verification {
    object: "verification_admin",
    status: "verified",
    strategy: "admin",
    attempts: None,
    expire_at: None,
};

/// The first factor of a completed password sign-in: one attempt, verified.
const PASSWORD_VERIFIED: Verification = Verification {
    object: "verification_password",
    status: "verified",
    strategy: "password",
    attempts: Some(1),
    expire_at: None,
};

/// `Client.EmailAddress`.
#[derive(Debug, Serialize)]
struct EmailAddress<'a> {
    id: &'a str,
    object: &'static str,
    email_address: &'a str,
    reserved: bool,
    verification: Verification,
    linked_to: Empty,
    matches_sso_connection: bool,
    created_at: i64,
    updated_at: i64,
}

/// `Client.PhoneNumber`.
#[derive(Debug, Serialize)]
struct PhoneNumber<'a> {
    id: &'a str,
    object: &'static str,
    phone_number: &'a str,
    reserved_for_second_factor: bool,
    default_second_factor: bool,
    reserved: bool,
    verification: Verification,
    linked_to: Empty,
    backup_codes: Option<Vec<String>>,
    created_at: i64,
    updated_at: i64,
}

/// `Client.Web3Wallet`.
#[derive(Debug, Serialize)]
struct Web3Wallet<'a> {
    id: &'a str,
    object: &'static str,
    web3_wallet: &'a str,
    verification: Verification,
    created_at: i64,
    updated_at: i64,
}

/// `Client.User`.
#[derive(Debug, Serialize)]
struct UserJson<'a> {
    id: &'a str,
    object: &'static str,
    username: Option<&'a str>,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    image_url: String,
    has_image: bool,
    primary_email_address_id: Option<&'a str>,
    primary_phone_number_id: Option<&'a str>,
    primary_web3_wallet_id: Option<&'a str>,
    password_enabled: bool,
    two_factor_enabled: bool,
    totp_enabled: bool,
    backup_code_enabled: bool,
    email_addresses: Vec<EmailAddress<'a>>,
    phone_numbers: Vec<PhoneNumber<'a>>,
    web3_wallets: Vec<Web3Wallet<'a>>,
    passkeys: Empty,
    organization_memberships: Empty,
    external_accounts: Empty,
    saml_accounts: Empty,
    enterprise_accounts: Empty,
    password_last_updated_at: Option<i64>,
    public_metadata: &'a Value,
    unsafe_metadata: &'a Value,
    external_id: Option<&'a str>,
    last_sign_in_at: Option<i64>,
    banned: bool,
    locked: bool,
    deprovisioned: bool,
    lockout_expires_in_seconds: Option<i64>,
    verification_attempts_remaining: Option<i64>,
    created_at: i64,
    updated_at: i64,
    delete_self_enabled: bool,
    create_organization_enabled: bool,
    last_active_at: Option<i64>,
    mfa_enabled_at: Option<i64>,
    mfa_disabled_at: Option<i64>,
    legal_accepted_at: Option<i64>,
}

/// The id of the first (primary) identification in a list.
fn primary(list: &[(String, String)]) -> Option<&str> {
    list.first().map(|(id, _)| id.as_str())
}

impl<'a> UserJson<'a> {
    fn new(user: &'a User, origin: &str, last_sign_in_at: Option<i64>) -> Self {
        let (image_url, has_image) = image_url(user, origin);
        let seed = &user.seed;
        let created = user.created_at;
        UserJson {
            id: &seed.id,
            object: "user",
            username: seed.username.as_deref(),
            first_name: seed.first_name.as_deref(),
            last_name: seed.last_name.as_deref(),
            image_url,
            has_image,
            primary_email_address_id: primary(&user.emails),
            primary_phone_number_id: primary(&user.phones),
            primary_web3_wallet_id: primary(&user.wallets),
            password_enabled: true,
            two_factor_enabled: false,
            totp_enabled: false,
            backup_code_enabled: false,
            email_addresses: emails(user),
            phone_numbers: phones(user),
            web3_wallets: wallets(user),
            passkeys: [],
            organization_memberships: [],
            external_accounts: [],
            saml_accounts: [],
            enterprise_accounts: [],
            password_last_updated_at: None,
            public_metadata: &seed.public_metadata,
            unsafe_metadata: &seed.unsafe_metadata,
            external_id: None,
            last_sign_in_at,
            banned: false,
            locked: false,
            deprovisioned: false,
            lockout_expires_in_seconds: None,
            verification_attempts_remaining: None,
            created_at: created,
            updated_at: created,
            delete_self_enabled: false,
            create_organization_enabled: false,
            last_active_at: last_sign_in_at,
            mfa_enabled_at: None,
            mfa_disabled_at: None,
            legal_accepted_at: None,
        }
    }
}

fn emails(user: &User) -> Vec<EmailAddress<'_>> {
    let at = user.created_at;
    user.emails
        .iter()
        .map(|(id, address)| EmailAddress {
            id,
            object: "email_address",
            email_address: address,
            reserved: false,
            verification: ADMIN_VERIFIED,
            linked_to: [],
            matches_sso_connection: false,
            created_at: at,
            updated_at: at,
        })
        .collect()
}

fn phones(user: &User) -> Vec<PhoneNumber<'_>> {
    let at = user.created_at;
    user.phones
        .iter()
        .map(|(id, number)| PhoneNumber {
            id,
            object: "phone_number",
            phone_number: number,
            reserved_for_second_factor: false,
            default_second_factor: false,
            reserved: false,
            verification: ADMIN_VERIFIED,
            linked_to: [],
            backup_codes: None,
            created_at: at,
            updated_at: at,
        })
        .collect()
}

fn wallets(user: &User) -> Vec<Web3Wallet<'_>> {
    let at = user.created_at;
    user.wallets
        .iter()
        .map(|(id, address)| Web3Wallet {
            id,
            object: "web3_wallet",
            web3_wallet: address,
            verification: ADMIN_VERIFIED,
            created_at: at,
            updated_at: at,
        })
        .collect()
}

/// The user fields a sign-in shows before the session exists (`Client.SignIn.user_data`).
#[derive(Debug, Serialize)]
struct UserData<'a> {
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    image_url: String,
    has_image: bool,
}

impl<'a> UserData<'a> {
    fn new(user: &'a User, origin: &str) -> Self {
        let (image_url, has_image) = image_url(user, origin);
        UserData {
            first_name: user.seed.first_name.as_deref(),
            last_name: user.seed.last_name.as_deref(),
            image_url,
            has_image,
        }
    }
}

/// `Client.PublicUserData`: the sign-in's user data and who the user is.
#[derive(Debug, Serialize)]
struct PublicUserData<'a> {
    #[serde(flatten)]
    data: UserData<'a>,
    identifier: String,
    user_id: &'a str,
    username: Option<&'a str>,
}

impl<'a> PublicUserData<'a> {
    fn new(user: &'a User, origin: &str) -> Self {
        PublicUserData {
            data: UserData::new(user, origin),
            identifier: user.display_identifier(),
            user_id: &user.seed.id,
            username: user.seed.username.as_deref(),
        }
    }
}

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
