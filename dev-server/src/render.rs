//! FAPI JSON for the stored resources, in the spec's shapes (`Client.Client`,
//! `Client.Session`, `Client.User`, `Client.PublicUserData`, `Client.SignIn`).

use serde_json::{json, Value};

use crate::store::session::SessionRec;
use crate::store::{ClientRec, Inner};
use crate::users::User;

/// The avatar served for users without an image (Clerk always sends an `image_url`).
pub const DEFAULT_AVATAR_PATH: &str = "/__avatars/default.svg";

/// Absolute image URL for a user: their own image or the default avatar.
fn image_url(user: &User, origin: &str) -> (String, bool) {
    match user.seed.image.as_deref() {
        Some(img) if img.starts_with('/') => (format!("{origin}{img}"), true),
        Some(img) if !img.is_empty() => (img.to_owned(), true),
        _ => (format!("{origin}{DEFAULT_AVATAR_PATH}"), false),
    }
}

/// Identifications are seeded by an administrator, so they carry an admin verification.
fn admin_verification() -> Value {
    json!({
        "object": "verification_admin",
        "status": "verified",
        "strategy": "admin",
        "attempts": null,
        "expire_at": null,
    })
}

/// `Client.User`.
pub fn user(user: &User, origin: &str, last_sign_in_at: Option<i64>) -> Value {
    let (image_url, has_image) = image_url(user, origin);
    let seed = &user.seed;
    let created = user.created_at;
    let emails: Vec<Value> = user
        .emails
        .iter()
        .map(|(id, email)| {
            json!({
                "id": id, "object": "email_address", "email_address": email,
                "reserved": false, "verification": admin_verification(), "linked_to": [],
                "matches_sso_connection": false, "created_at": created, "updated_at": created,
            })
        })
        .collect();
    let phones: Vec<Value> = user
        .phones
        .iter()
        .map(|(id, phone)| {
            json!({
                "id": id, "object": "phone_number", "phone_number": phone,
                "reserved_for_second_factor": false, "default_second_factor": false,
                "reserved": false, "verification": admin_verification(), "linked_to": [],
                "backup_codes": null, "created_at": created, "updated_at": created,
            })
        })
        .collect();
    let wallets: Vec<Value> = user
        .wallets
        .iter()
        .map(|(id, wallet)| {
            json!({
                "id": id, "object": "web3_wallet", "web3_wallet": wallet,
                "verification": admin_verification(), "created_at": created, "updated_at": created,
            })
        })
        .collect();
    json!({
        "id": seed.id,
        "object": "user",
        "username": seed.username,
        "first_name": seed.first_name,
        "last_name": seed.last_name,
        "image_url": image_url,
        "has_image": has_image,
        "primary_email_address_id": user.emails.first().map(|(id, _)| id),
        "primary_phone_number_id": user.phones.first().map(|(id, _)| id),
        "primary_web3_wallet_id": user.wallets.first().map(|(id, _)| id),
        "password_enabled": true,
        "two_factor_enabled": false,
        "totp_enabled": false,
        "backup_code_enabled": false,
        "email_addresses": emails,
        "phone_numbers": phones,
        "web3_wallets": wallets,
        "passkeys": [],
        "organization_memberships": [],
        "external_accounts": [],
        "saml_accounts": [],
        "enterprise_accounts": [],
        "password_last_updated_at": null,
        "public_metadata": seed.public_metadata,
        "unsafe_metadata": seed.unsafe_metadata,
        "external_id": null,
        "last_sign_in_at": last_sign_in_at,
        "banned": false,
        "locked": false,
        "deprovisioned": false,
        "lockout_expires_in_seconds": null,
        "verification_attempts_remaining": null,
        "created_at": created,
        "updated_at": created,
        "delete_self_enabled": false,
        "create_organization_enabled": false,
        "last_active_at": last_sign_in_at,
        "mfa_enabled_at": null,
        "mfa_disabled_at": null,
        "legal_accepted_at": null,
    })
}

/// `Client.PublicUserData`.
pub fn public_user_data(user: &User, origin: &str) -> Value {
    let (image_url, has_image) = image_url(user, origin);
    json!({
        "first_name": user.seed.first_name,
        "last_name": user.seed.last_name,
        "image_url": image_url,
        "has_image": has_image,
        "identifier": user.display_identifier(),
        "user_id": user.seed.id,
        "username": user.seed.username,
    })
}

/// `Client.Session`, with its user embedded as FAPI does.
pub fn session(s: &SessionRec, inner: &Inner, origin: &str) -> Value {
    let user = inner.user(&s.user_id);
    json!({
        "id": s.id,
        "object": "session",
        "status": s.status.as_str(),
        "expire_at": s.expire_at,
        "abandon_at": s.abandon_at,
        "last_active_at": s.last_active_at,
        // Only a signed-in session's token is current.
        "last_active_token": s.last_active_token.as_ref()
            .filter(|_| s.status.is_signed_in())
            .map(|jwt| json!({"object": "token", "jwt": jwt})),
        "actor": s.actor,
        "tasks": null,
        "last_active_organization_id": null,
        "user": user.map(|u| self::user(u, origin, Some(s.created_at))),
        "public_user_data": user.map(|u| public_user_data(u, origin)),
        "factor_verification_age": [0, -1],
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    })
}

/// `Client.Client`.
pub fn client(c: &ClientRec, inner: &Inner, origin: &str) -> Value {
    let sessions: Vec<Value> = c
        .visible_sessions()
        .map(|s| session(s, inner, origin))
        .collect();
    json!({
        "object": "client",
        "id": c.id,
        "sessions": sessions,
        "sign_in": null,
        "sign_up": null,
        "last_active_session_id": c.last_active_session_id,
        "last_authentication_strategy": c.last_authentication_strategy,
        "cookie_expires_at": c.cookie_expires_at,
        "captcha_bypass": false,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
    })
}

/// A completed password sign-in (`Client.SignIn`, status `complete`).
pub fn sign_in_complete(
    identifier: &str,
    user: &User,
    session_id: &str,
    now: i64,
    origin: &str,
) -> Value {
    let (image_url, has_image) = image_url(user, origin);
    json!({
        "object": "sign_in_attempt",
        "id": crate::ids::new_id("sia"),
        "status": "complete",
        "supported_identifiers": ["email_address", "username"],
        "supported_first_factors": [{"strategy": "password"}],
        "supported_second_factors": null,
        "first_factor_verification": {
            "object": "verification_password",
            "status": "verified",
            "strategy": "password",
            "attempts": 1,
            "expire_at": null,
        },
        "second_factor_verification": null,
        "identifier": identifier,
        "user_data": {
            "first_name": user.seed.first_name,
            "last_name": user.seed.last_name,
            "image_url": image_url,
            "has_image": has_image,
        },
        "created_session_id": session_id,
        "abandon_at": now.saturating_add(24 * 60 * 60 * 1000),
        "client_trust_state": null,
    })
}
