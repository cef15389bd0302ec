//! The FAPI resources the SDK reads: the typed Rust API, built from the answers' wire types
//! (`api::wire`, see `from_wire.rs`).
//!
//! Every field the service might omit has a default, so new or missing fields never break
//! reading.

use std::sync::Arc;

mod from_wire;

/// `GET /v1/client`'s resource: this browser's client and its sessions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Client {
    /// `client_...`.
    pub id: String,
    /// Every session of this browser, signed in or not.
    pub sessions: Vec<Session>,
    /// The session the server considers current.
    pub last_active_session_id: Option<String>,
    /// When the `__client` cookie expires (epoch ms).
    pub cookie_expires_at: Option<f64>,
    /// Epoch ms.
    pub created_at: f64,
    /// Epoch ms; its seconds go into `__client_uat` on development instances.
    pub updated_at: f64,
}

impl Client {
    /// The sessions that count as signed in: `active` and `pending` (PROTOCOL.md §4).
    pub fn signed_in_sessions(&self) -> impl Iterator<Item = &Session> {
        self.sessions.iter().filter(|s| s.status.is_signed_in())
    }

    /// The current session on load: the signed-in session whose id is
    /// `last_active_session_id`, else the first signed-in one, else none.
    pub fn choose_current_session(&self) -> Option<&Session> {
        let last = self.last_active_session_id.as_deref();
        self.signed_in_sessions()
            .find(|s| Some(s.id.as_str()) == last)
            .or_else(|| self.signed_in_sessions().next())
    }

    /// A signed-in session by id.
    pub fn signed_in_session(&self, id: &str) -> Option<&Session> {
        self.signed_in_sessions().find(|s| s.id == id)
    }
}

/// A session's lifecycle status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SessionStatus {
    /// Signed in.
    Active,
    /// Signed in but with a task left to do; not yet `isSignedIn`.
    Pending,
    /// Signed out by the user.
    Ended,
    /// Removed from the client (multi-session sign-out of one session).
    Removed,
    /// Revoked by the backend.
    Revoked,
    /// Past its lifetime.
    Expired,
    /// Inactive too long.
    Abandoned,
    /// A status this SDK does not know yet: treated as not signed in.
    #[default]
    Unknown,
}

impl SessionStatus {
    /// `active` and `pending` count as signed in.
    pub fn is_signed_in(self) -> bool {
        matches!(self, Self::Active | Self::Pending)
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Pending => "pending",
            Self::Ended => "ended",
            Self::Removed => "removed",
            Self::Revoked => "revoked",
            Self::Expired => "expired",
            Self::Abandoned => "abandoned",
            Self::Unknown => "unknown",
        }
    }
}

/// A session token.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    /// The encoded JWT.
    pub jwt: String,
}

/// One session of this browser.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    /// `sess_...`.
    pub id: String,
    /// Lifecycle status.
    pub status: SessionStatus,
    /// Epoch ms.
    pub expire_at: f64,
    /// Epoch ms.
    pub abandon_at: f64,
    /// Epoch ms.
    pub last_active_at: f64,
    /// The latest token the server minted, if it sent one.
    pub last_active_token: Option<Token>,
    /// The signed-in user, shared (`Arc`, so resources stay `Send + Sync`): copies of a
    /// session (the durable sign-out's client) do not copy the user.
    pub user: Option<Arc<User>>,
    /// What may be shown about the user without the full user object.
    pub public_user_data: Option<Arc<PublicUserData>>,
    /// In an impersonation session, the impersonator's claims (`{"sub": ...}`) as JSON text.
    pub actor: Option<String>,
    /// Epoch ms.
    pub created_at: f64,
    /// Epoch ms.
    pub updated_at: f64,
}

/// `public_user_data` of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PublicUserData {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Avatar URL.
    pub image_url: Option<String>,
    /// Whether the avatar is an uploaded image rather than a generated one.
    pub has_image: bool,
    /// The identifier used to sign in (email, username, ...).
    pub identifier: String,
    /// The user's id.
    pub user_id: Option<String>,
}

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    /// `user_...`.
    pub id: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Username.
    pub username: Option<String>,
    /// Avatar URL.
    pub image_url: String,
    /// Whether the avatar is an uploaded image.
    pub has_image: bool,
    /// Id of the primary entry of `email_addresses`.
    pub primary_email_address_id: Option<String>,
    /// Id of the primary entry of `phone_numbers`.
    pub primary_phone_number_id: Option<String>,
    /// Id of the primary entry of `web3_wallets`.
    pub primary_web3_wallet_id: Option<String>,
    /// Every email address.
    pub email_addresses: Vec<EmailAddress>,
    /// Every phone number.
    pub phone_numbers: Vec<PhoneNumber>,
    /// Every web3 wallet.
    pub web3_wallets: Vec<Web3Wallet>,
    /// `public_metadata` as JSON text (`{}` when the server sent none); set by the backend.
    pub public_metadata: String,
    /// `unsafe_metadata` as JSON text (`{}` when the server sent none); writable by the user.
    pub unsafe_metadata: String,
    /// Epoch ms.
    pub created_at: f64,
    /// Epoch ms.
    pub updated_at: f64,
}

/// An email address of a user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmailAddress {
    /// `idn_...`.
    pub id: String,
    /// The address.
    pub email_address: String,
}

/// A phone number of a user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhoneNumber {
    /// `idn_...`.
    pub id: String,
    /// The number, E.164.
    pub phone_number: String,
}

/// A web3 wallet of a user.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Web3Wallet {
    /// `idn_...`.
    pub id: String,
    /// The wallet address.
    pub web3_wallet: String,
}

impl User {
    /// `first last`, either alone, or `None` when both are missing.
    pub fn full_name(&self) -> Option<String> {
        join_name(self.first_name.as_deref(), self.last_name.as_deref())
    }

    /// The primary email address.
    pub fn primary_email_address(&self) -> Option<&EmailAddress> {
        let id = self.primary_email_address_id.as_deref()?;
        self.email_addresses.iter().find(|e| e.id == id)
    }

    /// The primary phone number.
    pub fn primary_phone_number(&self) -> Option<&PhoneNumber> {
        let id = self.primary_phone_number_id.as_deref()?;
        self.phone_numbers.iter().find(|e| e.id == id)
    }

    /// The primary web3 wallet.
    pub fn primary_web3_wallet(&self) -> Option<&Web3Wallet> {
        let id = self.primary_web3_wallet_id.as_deref()?;
        self.web3_wallets.iter().find(|e| e.id == id)
    }

    /// What identifies the user to humans: username, else primary email, else primary phone,
    /// else primary web3 wallet, else empty.
    pub fn display_identifier(&self) -> &str {
        self.username
            .as_deref()
            .filter(|u| !u.is_empty())
            .or_else(|| {
                self.primary_email_address()
                    .map(|e| e.email_address.as_str())
            })
            .or_else(|| self.primary_phone_number().map(|p| p.phone_number.as_str()))
            .or_else(|| self.primary_web3_wallet().map(|w| w.web3_wallet.as_str()))
            .unwrap_or_default()
    }
}

impl PublicUserData {
    /// `first last`, either alone, or `None` when both are missing.
    pub fn full_name(&self) -> Option<String> {
        join_name(self.first_name.as_deref(), self.last_name.as_deref())
    }
}

/// The trimmed, non-empty parts of `first last`, joined by a space; `None` when both are empty.
/// Shared by the user's and the public user data's full name, so the wasm holds one copy.
pub(crate) fn join_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    // Part by part: `collect` + `join` would cost a Vec and a generic join in the wasm, a loop
    // over the pair an array iterator.
    let last = last.unwrap_or_default().trim();
    let mut name = String::from(first.unwrap_or_default().trim());
    if !last.is_empty() {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(last);
    }
    (!name.is_empty()).then_some(name)
}

/// `GET /v1/environment` (no envelope): the instance's settings the SDK reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Environment {
    /// Authentication settings.
    pub auth_config: AuthConfig,
    /// URLs and names for the UI.
    pub display_config: DisplayConfig,
}

/// `auth_config` of the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthConfig {
    /// `true` unless the instance allows several signed-in sessions per browser.
    pub single_session_mode: bool,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            single_session_mode: true,
        }
    }
}

/// `display_config` of the environment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisplayConfig {
    /// The hosted sign-in page.
    pub sign_in_url: Option<String>,
    /// The hosted user profile page.
    pub user_profile_url: Option<String>,
    /// Where to go after signing out of one session of several.
    pub after_sign_out_one_url: Option<String>,
    /// Where to go after signing out of every session.
    pub after_sign_out_all_url: Option<String>,
    /// Where to go after switching the current session.
    pub after_switch_session_url: Option<String>,
    /// The application's home page.
    pub home_url: Option<String>,
    /// The application's name.
    pub application_name: Option<String>,
    /// Whether "Secured by Clerk" branding is shown.
    pub branded: bool,
    /// `development` or `production`.
    pub instance_environment_type: Option<String>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn resources_stay_send_and_sync() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<super::Client>();
    }
}
