//! `Client.User` with its identifications, and the public view of a user
//! (`Client.PublicUserData`, a sign-in's `user_data`).

use serde::Serialize;
use serde_json::Value;

use crate::users::User;

/// The avatar served for users without an image (Clerk always sends an `image_url`).
pub const DEFAULT_AVATAR_PATH: &str = "/__avatars/default.svg";

/// A list this emulator always sends empty (`[]`): passkeys, linked accounts…
type Empty = [(); 0];

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
pub(super) struct Verification {
    pub(super) object: &'static str,
    pub(super) status: &'static str,
    pub(super) strategy: &'static str,
    pub(super) attempts: Option<u32>,
    pub(super) expire_at: Option<i64>,
}

/// Identifications are seeded by an administrator, so they carry an admin verification.
const ADMIN_VERIFIED: Verification = Verification {
    object: "verification_admin",
    status: "verified",
    strategy: "admin",
    attempts: None,
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
pub(super) struct UserJson<'a> {
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
    pub(super) fn new(user: &'a User, origin: &str, last_sign_in_at: Option<i64>) -> Self {
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
pub(super) struct UserData<'a> {
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    image_url: String,
    has_image: bool,
}

impl<'a> UserData<'a> {
    pub(super) fn new(user: &'a User, origin: &str) -> Self {
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
pub(super) struct PublicUserData<'a> {
    #[serde(flatten)]
    data: UserData<'a>,
    identifier: String,
    user_id: &'a str,
    username: Option<&'a str>,
}

impl<'a> PublicUserData<'a> {
    pub(super) fn new(user: &'a User, origin: &str) -> Self {
        PublicUserData {
            data: UserData::new(user, origin),
            identifier: user.display_identifier(),
            user_id: &user.seed.id,
            username: user.seed.username.as_deref(),
        }
    }
}
