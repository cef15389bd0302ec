//! Reading the resources from FAPI JSON, field by field (see `json.rs` for why not serde).

use super::{
    AuthConfig, Client, DisplayConfig, EmailAddress, Environment, PhoneNumber, PublicUserData,
    Session, SessionStatus, Token, User, Web3Wallet,
};
use crate::json::Json;
use crate::ClerkError;

fn parse_object(text: &str) -> Result<Json, ClerkError> {
    let invalid = |reason: String| ClerkError::InvalidResponse {
        status: 200,
        reason,
    };
    let json = Json::parse(text).map_err(invalid)?;
    if json.is_object() {
        Ok(json)
    } else {
        Err(invalid("expected a JSON object".to_owned()))
    }
}

impl Client {
    /// Parses a FAPI client object (as in `GET /v1/client`'s `response`).
    ///
    /// # Errors
    /// [`ClerkError::InvalidResponse`] when the text is not a JSON object.
    pub fn from_json(text: &str) -> Result<Self, ClerkError> {
        parse_object(text).map(|j| Self::read(&j))
    }

    pub(crate) fn read(j: &Json) -> Self {
        Self {
            id: j.str("id"),
            sessions: j.items("sessions").iter().map(Session::read).collect(),
            last_active_session_id: j.opt_str("last_active_session_id"),
            cookie_expires_at: j.opt_num("cookie_expires_at"),
            created_at: j.num("created_at"),
            updated_at: j.num("updated_at"),
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

impl Session {
    pub(crate) fn read(j: &Json) -> Self {
        Self {
            id: j.str("id"),
            status: SessionStatus::parse(&j.str("status")),
            expire_at: j.num("expire_at"),
            abandon_at: j.num("abandon_at"),
            last_active_at: j.num("last_active_at"),
            last_active_token: j.obj("last_active_token", Token::read),
            user: j.obj("user", |u| User::read(u).into()),
            public_user_data: j.obj("public_user_data", |p| PublicUserData::read(p).into()),
            created_at: j.num("created_at"),
            updated_at: j.num("updated_at"),
        }
    }
}

impl Token {
    pub(crate) fn read(j: &Json) -> Self {
        Self { jwt: j.str("jwt") }
    }
}

impl PublicUserData {
    fn read(j: &Json) -> Self {
        Self {
            first_name: j.opt_str("first_name"),
            last_name: j.opt_str("last_name"),
            image_url: j.opt_str("image_url"),
            has_image: j.bool_or("has_image", false),
            identifier: j.str("identifier"),
            user_id: j.opt_str("user_id"),
        }
    }
}

impl User {
    fn read(j: &Json) -> Self {
        Self {
            id: j.str("id"),
            first_name: j.opt_str("first_name"),
            last_name: j.opt_str("last_name"),
            username: j.opt_str("username"),
            image_url: j.str("image_url"),
            has_image: j.bool_or("has_image", false),
            primary_email_address_id: j.opt_str("primary_email_address_id"),
            primary_phone_number_id: j.opt_str("primary_phone_number_id"),
            primary_web3_wallet_id: j.opt_str("primary_web3_wallet_id"),
            // Read straight into each type: an intermediate (id, value) list cost an extra
            // collect and an in-place conversion per list in the wasm.
            email_addresses: j
                .items("email_addresses")
                .iter()
                .map(|e| EmailAddress {
                    id: e.str("id"),
                    email_address: e.str("email_address"),
                })
                .collect(),
            phone_numbers: j
                .items("phone_numbers")
                .iter()
                .map(|e| PhoneNumber {
                    id: e.str("id"),
                    phone_number: e.str("phone_number"),
                })
                .collect(),
            web3_wallets: j
                .items("web3_wallets")
                .iter()
                .map(|e| Web3Wallet {
                    id: e.str("id"),
                    web3_wallet: e.str("web3_wallet"),
                })
                .collect(),
            created_at: j.num("created_at"),
            updated_at: j.num("updated_at"),
        }
    }
}

impl Environment {
    /// Parses `GET /v1/environment`'s body.
    ///
    /// # Errors
    /// [`ClerkError::InvalidResponse`] when the text is not a JSON object.
    pub fn from_json(text: &str) -> Result<Self, ClerkError> {
        parse_object(text).map(|j| Self::read(&j))
    }

    pub(crate) fn read(j: &Json) -> Self {
        let auth = j.get("auth_config");
        let d = j.get("display_config");
        let text = |key: &str| d.as_ref().and_then(|d| d.opt_str(key));
        Self {
            auth_config: AuthConfig {
                single_session_mode: auth.is_none_or(|a| a.bool_or("single_session_mode", true)),
            },
            display_config: DisplayConfig {
                sign_in_url: text("sign_in_url"),
                user_profile_url: text("user_profile_url"),
                after_sign_out_one_url: text("after_sign_out_one_url"),
                after_sign_out_all_url: text("after_sign_out_all_url"),
                after_switch_session_url: text("after_switch_session_url"),
                home_url: text("home_url"),
                application_name: text("application_name"),
                branded: d.as_ref().is_some_and(|d| d.bool_or("branded", false)),
                instance_environment_type: text("instance_environment_type"),
            },
        }
    }
}
