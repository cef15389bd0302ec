//! Users seeded from a JSON file (`dev-server/users.json` is embedded as the default).
//!
//! File format: an array of
//! `{ "id", "first_name"?, "last_name"?, "username"?, "email_addresses"?: [..],
//!    "phone_numbers"?: [..], "web3_wallets"?: [..], "password", "image"?,
//!    "public_metadata"?, "unsafe_metadata"?, "organizations"?: ["org_..."] }`
//! where `image` is an absolute URL or a path on this server (`/__avatars/ada.svg`).

use serde::Deserialize;

use crate::ids::now_ms;

/// The embedded default users: Ada, Grace and `linus`, all with password `demo-password`.
pub const DEFAULT_USERS_JSON: &str = include_str!("../users.json");

/// The password of every default user, printed by the CLI.
pub const DEMO_PASSWORD: &str = "demo-password";

/// One user as written in the users file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSeed {
    /// The user id (`user_...`).
    pub id: String,
    /// Given name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Username, also usable as a sign-in identifier.
    #[serde(default)]
    pub username: Option<String>,
    /// Email addresses; the first is primary.
    #[serde(default)]
    pub email_addresses: Vec<String>,
    /// Phone numbers; the first is primary.
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    /// Web3 wallet addresses; the first is primary.
    #[serde(default)]
    pub web3_wallets: Vec<String>,
    /// The password for `strategy=password` sign-in.
    pub password: String,
    /// Profile image: absolute URL, or a path on this server.
    #[serde(default)]
    pub image: Option<String>,
    /// `public_metadata` (any JSON; `{}` when absent).
    #[serde(default = "empty_object")]
    pub public_metadata: serde_json::Value,
    /// `unsafe_metadata` (any JSON; `{}` when absent).
    #[serde(default = "empty_object")]
    pub unsafe_metadata: serde_json::Value,
    /// Ids of the organizations the user is a member of (tokens may name them).
    #[serde(default)]
    pub organizations: Vec<String>,
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(serde_json::Map::new())
}

/// A seeded user with the ids of its identifications fixed at load time.
#[derive(Debug, Clone)]
pub struct User {
    /// What the file said.
    pub seed: UserSeed,
    /// `(id, address)` for each email address, primary first.
    pub emails: Vec<(String, String)>,
    /// `(id, number)` for each phone number, primary first.
    pub phones: Vec<(String, String)>,
    /// `(id, address)` for each wallet, primary first.
    pub wallets: Vec<(String, String)>,
    /// When the user was loaded (stands in for creation time).
    pub created_at: i64,
}

impl User {
    fn from_seed(seed: UserSeed, created_at: i64) -> Self {
        // Stable, per-user ids: the same file always yields the same ids, which keeps
        // fixtures and logs comparable across restarts.
        let stem = seed.id.trim_start_matches("user_").to_owned();
        let ids = |prefix: &str, list: &[String]| -> Vec<(String, String)> {
            list.iter()
                .enumerate()
                .map(|(i, v)| (format!("{prefix}_{stem}{i}"), v.clone()))
                .collect()
        };
        User {
            emails: ids("idn_email", &seed.email_addresses),
            phones: ids("idn_phone", &seed.phone_numbers),
            wallets: ids("idn_web3", &seed.web3_wallets),
            seed,
            created_at,
        }
    }

    /// Whether `identifier` names this user (username, email or phone; case-insensitive
    /// for emails and usernames, as FAPI is).
    pub fn matches(&self, identifier: &str) -> bool {
        let id = identifier.trim();
        let ci = |s: &str| s.eq_ignore_ascii_case(id);
        self.seed.username.as_deref().is_some_and(ci)
            || self.emails.iter().any(|(_, e)| ci(e))
            || self.phones.iter().any(|(_, p)| p == id)
            || self.wallets.iter().any(|(_, w)| ci(w))
    }

    /// The identifier shown for the user: username, else primary email, else phone,
    /// else wallet (the order ClerkJS uses).
    pub fn display_identifier(&self) -> String {
        self.seed
            .username
            .clone()
            .or_else(|| self.emails.first().map(|(_, e)| e.clone()))
            .or_else(|| self.phones.first().map(|(_, p)| p.clone()))
            .or_else(|| self.wallets.first().map(|(_, w)| w.clone()))
            .unwrap_or_default()
    }
}

/// Parses a users file, refusing duplicates and empty ids so sign-in is unambiguous.
pub fn parse_users(json: &str) -> Result<Vec<UserSeed>, String> {
    let seeds: Vec<UserSeed> =
        serde_json::from_str(json).map_err(|e| format!("users file: {e}"))?;
    let mut seen_ids = std::collections::HashSet::new();
    let mut seen_identifiers = std::collections::HashSet::new();
    for seed in &seeds {
        if seed.id.is_empty() || !seen_ids.insert(seed.id.clone()) {
            return Err(format!("users file: empty or duplicate id {:?}", seed.id));
        }
        let identifiers = seed
            .username
            .iter()
            .chain(&seed.email_addresses)
            .chain(&seed.phone_numbers)
            .chain(&seed.web3_wallets);
        for ident in identifiers {
            if !seen_identifiers.insert(ident.to_lowercase()) {
                return Err(format!("users file: identifier {ident:?} is used twice"));
            }
        }
    }
    Ok(seeds)
}

/// The embedded default users.
pub fn default_users() -> Vec<UserSeed> {
    // The embedded file is checked by a test; an empty list is the harmless fallback.
    parse_users(DEFAULT_USERS_JSON).unwrap_or_default()
}

/// Builds the in-memory users from seeds.
pub fn load(seeds: &[UserSeed]) -> Vec<User> {
    let now = now_ms();
    seeds
        .iter()
        .cloned()
        .map(|s| User::from_seed(s, now))
        .collect()
}
