//! The resources built from the answers' wire types; absent optional fields take their
//! defaults here.

use std::sync::Arc;

use super::{
    AuthConfig, Client, DisplayConfig, EmailAddress, Environment, PhoneNumber, PublicUserData,
    Session, SessionStatus, Token, User, Web3Wallet,
};
use crate::api::wire;
use crate::ClerkError;

/// `JSON.parse`, then a wire type, for the public `from_json` readers.
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ClerkError> {
    let json = wire::parse(text).map_err(|reason| ClerkError::InvalidResponse {
        status: 200,
        reason,
    })?;
    wire::read(json, 200)
}

impl Client {
    /// Parses a FAPI client object (as in `GET /v1/client`'s `response`). Browser only: the
    /// text is parsed by the browser's `JSON.parse`.
    ///
    /// # Errors
    /// [`ClerkError::InvalidResponse`] when the text is not a JSON object, or a client or one
    /// of its sessions or users has no `id`.
    pub fn from_json(text: &str) -> Result<Self, ClerkError> {
        from_json::<wire::Client>(text).map(Self::from)
    }
}

impl From<wire::Client> for Client {
    fn from(c: wire::Client) -> Self {
        Self {
            id: c.id,
            sessions: c
                .sessions
                .unwrap_or_default()
                .into_iter()
                .map(Session::from)
                .collect(),
            last_active_session_id: c.last_active_session_id,
            cookie_expires_at: c.cookie_expires_at,
            created_at: c.created_at.unwrap_or_default(),
            updated_at: c.updated_at.unwrap_or_default(),
        }
    }
}

impl SessionStatus {
    fn parse(name: &str) -> Self {
        match name {
            "active" => Self::Active,
            "pending" => Self::Pending,
            "ended" => Self::Ended,
            "removed" => Self::Removed,
            "revoked" => Self::Revoked,
            "expired" => Self::Expired,
            "abandoned" => Self::Abandoned,
            _ => Self::Unknown,
        }
    }
}

impl From<wire::Session> for Session {
    fn from(s: wire::Session) -> Self {
        Self {
            id: s.id,
            status: s
                .status
                .as_deref()
                .map_or(SessionStatus::Unknown, SessionStatus::parse),
            expire_at: s.expire_at.unwrap_or_default(),
            abandon_at: s.abandon_at.unwrap_or_default(),
            last_active_at: s.last_active_at.unwrap_or_default(),
            last_active_token: s.last_active_token.map(Token::from),
            user: s.user.map(|u| Arc::new(User::from(u))),
            public_user_data: s
                .public_user_data
                .map(|p| Arc::new(PublicUserData::from(p))),
            actor: s.actor.map(|a| a.0),
            created_at: s.created_at.unwrap_or_default(),
            updated_at: s.updated_at.unwrap_or_default(),
        }
    }
}

impl From<wire::Token> for Token {
    fn from(t: wire::Token) -> Self {
        Self { jwt: t.jwt }
    }
}

impl From<wire::PublicUserData> for PublicUserData {
    fn from(p: wire::PublicUserData) -> Self {
        Self {
            first_name: p.first_name,
            last_name: p.last_name,
            image_url: p.image_url,
            has_image: p.has_image.unwrap_or_default(),
            identifier: p.identifier.unwrap_or_default(),
            user_id: p.user_id,
        }
    }
}

impl From<wire::User> for User {
    fn from(u: wire::User) -> Self {
        let list = |items: Option<Vec<wire::Identification>>| items.unwrap_or_default();
        Self {
            id: u.id,
            first_name: u.first_name,
            last_name: u.last_name,
            username: u.username,
            image_url: u.image_url.unwrap_or_default(),
            has_image: u.has_image.unwrap_or_default(),
            primary_email_address_id: u.primary_email_address_id,
            primary_phone_number_id: u.primary_phone_number_id,
            primary_web3_wallet_id: u.primary_web3_wallet_id,
            email_addresses: list(u.email_addresses)
                .into_iter()
                .map(|e| EmailAddress {
                    id: e.id,
                    email_address: e.email_address.unwrap_or_default(),
                })
                .collect(),
            phone_numbers: list(u.phone_numbers)
                .into_iter()
                .map(|p| PhoneNumber {
                    id: p.id,
                    phone_number: p.phone_number.unwrap_or_default(),
                })
                .collect(),
            web3_wallets: list(u.web3_wallets)
                .into_iter()
                .map(|w| Web3Wallet {
                    id: w.id,
                    web3_wallet: w.web3_wallet.unwrap_or_default(),
                })
                .collect(),
            public_metadata: json_object(u.public_metadata),
            unsafe_metadata: json_object(u.unsafe_metadata),
            created_at: u.created_at.unwrap_or_default(),
            updated_at: u.updated_at.unwrap_or_default(),
        }
    }
}

/// A JSON object's text, `{}` when absent (as ClerkJS reads missing metadata).
fn json_object(text: Option<wire::JsonText>) -> String {
    text.map_or_else(|| "{}".to_owned(), |t| t.0)
}

impl Environment {
    /// Parses `GET /v1/environment`'s body. Browser only, as [`Client::from_json`].
    ///
    /// # Errors
    /// [`ClerkError::InvalidResponse`] when the text is not a JSON object.
    pub fn from_json(text: &str) -> Result<Self, ClerkError> {
        from_json::<wire::Environment>(text).map(Self::from)
    }
}

impl From<wire::Environment> for Environment {
    fn from(e: wire::Environment) -> Self {
        let d = e.display_config.unwrap_or_default();
        Self {
            auth_config: AuthConfig {
                single_session_mode: e
                    .auth_config
                    .and_then(|a| a.single_session_mode)
                    .unwrap_or(true),
            },
            display_config: DisplayConfig {
                sign_in_url: d.sign_in_url,
                user_profile_url: d.user_profile_url,
                after_sign_out_one_url: d.after_sign_out_one_url,
                after_sign_out_all_url: d.after_sign_out_all_url,
                after_switch_session_url: d.after_switch_session_url,
                home_url: d.home_url,
                application_name: d.application_name,
                branded: d.branded.unwrap_or_default(),
                instance_environment_type: d.instance_environment_type,
            },
        }
    }
}
