//! The wire protocol: the query every request carries, and the answers the SDK reads, as
//! `#[derive(Deserialize)]` types filled by `serde_wasm_bindgen::from_value` from the
//! browser's own `JSON.parse`.
//!
//! Only the fields the SDK reads are declared; `serde_wasm_bindgen` reads exactly those from
//! each object, so unknown fields are never even looked at (PROTOCOL.md §3). Every optional
//! field goes through [`lenient`]: missing, `null` or of another JSON type, it reads as
//! absent, as ClerkJS reads it. Ids are required: a resource without one is an
//! [`ClerkError::InvalidResponse`] naming the field.

use js_sys::Array;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::ClerkError;

/// The FAPI version this SDK speaks (PROTOCOL.md §2).
pub(crate) const API_VERSION: &str = "2026-05-12";

/// An HTTP verb as the SDK means it; only GET and POST go on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Delete,
    Patch,
}

impl Method {
    /// The `_method` query value, for verbs the wire cannot carry: anything but GET and POST
    /// is sent as POST (no CORS preflight).
    fn override_name(self) -> Option<&'static str> {
        match self {
            Self::Delete => Some("DELETE"),
            Self::Patch => Some("PATCH"),
            Self::Get | Self::Post => None,
        }
    }
}

/// The query of every request: `__clerk_api_version`, `_clerk_js_version`, `_method` when the
/// verb needs it and `__clerk_db_jwt` on development instances (PROTOCOL.md §2).
pub(crate) fn query(method: Method, db_jwt: Option<&str>) -> Vec<(&'static str, &str)> {
    let mut pairs = vec![
        ("__clerk_api_version", API_VERSION),
        ("_clerk_js_version", crate::VERSION),
    ];
    if let Some(name) = method.override_name() {
        pairs.push(("_method", name));
    }
    if let Some(jwt) = db_jwt {
        pairs.push(("__clerk_db_jwt", jwt));
    }
    pairs
}

/// `Retry-After` in delta-seconds (the HTTP-date form is not used by FAPI).
pub(crate) fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse().ok()
}

/// Backoff before the GET retry number `attempt` (1-based): 200 ms, 600 ms.
pub(crate) fn retry_delay_ms(attempt: u32) -> Option<i32> {
    match attempt {
        1 => Some(200),
        2 => Some(600),
        _ => None,
    }
}

/// Reads an answer's parsed JSON into `T`; anything but a JSON object, or an object without
/// a required field, is an [`ClerkError::InvalidResponse`] naming what was wrong.
///
/// # Errors
/// [`ClerkError::InvalidResponse`] with `status`.
pub(crate) fn read<T: DeserializeOwned>(json: JsValue, status: u16) -> Result<T, ClerkError> {
    let invalid = |reason: String| ClerkError::InvalidResponse { status, reason };
    if !is_plain_object(&json) {
        return Err(invalid("expected a JSON object".to_owned()));
    }
    serde_wasm_bindgen::from_value(json).map_err(|e| invalid(e.to_string()))
}

/// Parses JSON text with the browser's `JSON.parse`; the error is the browser's message.
pub(crate) fn parse(text: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(text).map_err(|e| crate::browser::error_message(&e))
}

fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// The JSON type a wire field expects, checked before it is read (see [`lenient`]).
pub(crate) trait Shape {
    /// Whether `value` is of this type's JSON type.
    fn fits(value: &JsValue) -> bool;
}

impl Shape for String {
    fn fits(value: &JsValue) -> bool {
        value.is_string()
    }
}

impl Shape for f64 {
    fn fits(value: &JsValue) -> bool {
        value.as_f64().is_some()
    }
}

impl Shape for bool {
    fn fits(value: &JsValue) -> bool {
        value.as_bool().is_some()
    }
}

impl<T> Shape for Vec<T> {
    fn fits(value: &JsValue) -> bool {
        Array::is_array(value)
    }
}

/// A JSON object the SDK hands on without reading it (metadata, an actor's claims), kept as
/// its JSON text: `JSON.stringify` of what the browser parsed.
#[derive(Debug)]
pub(crate) struct JsonText(pub(crate) String);

impl<'de> Deserialize<'de> for JsonText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
        js_sys::JSON::stringify(&value)
            .map(|text| Self(text.into()))
            .map_err(|_| D::Error::custom("not JSON"))
    }
}

/// Resources (JSON objects) nested in an answer.
macro_rules! objects {
    ($($name:ident),*) => {$(
        impl Shape for $name {
            fn fits(value: &JsValue) -> bool {
                is_plain_object(value)
            }
        }
    )*};
}

objects!(
    JsonText,
    Client,
    Token,
    User,
    PublicUserData,
    AuthConfig,
    DisplayConfig,
    ErrorMeta
);

/// An optional field, read as ClerkJS reads it: missing (with `#[serde(default)]`), `null` or
/// of another JSON type than `T` (say `first_name: 5`), it is `None` and the resource around
/// it still reads. What is wrong *inside* a value of the right type still fails the read: a
/// session object without its `id` is not a session.
///
/// For `serde_wasm_bindgen` only (it hands over the `JsValue` itself), which is how every
/// answer is read.
pub(crate) fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Shape + DeserializeOwned,
{
    let value: JsValue = serde_wasm_bindgen::preserve::deserialize(deserializer)?;
    if !T::fits(&value) {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value(value)
        .map(Some)
        .map_err(D::Error::custom)
}

/// The envelope of the answers whose `response` is the client itself (`GET /v1/client`,
/// signing out every session): `{ "response": Client | null, "client": Client | null }`.
#[derive(Debug, Deserialize)]
pub(crate) struct ClientEnvelope {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) response: Option<Client>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) client: Option<Client>,
}

/// The envelope of the other answers (touch, end, remove): the SDK reads only the client
/// that comes with the response.
#[derive(Debug, Deserialize)]
pub(crate) struct Envelope {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) client: Option<Client>,
}

/// A client (PROTOCOL.md §4).
#[derive(Debug, Deserialize)]
pub(crate) struct Client {
    pub(crate) id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) sessions: Option<Vec<Session>>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) last_active_session_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) cookie_expires_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) created_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) updated_at: Option<f64>,
}

/// A session of a client.
#[derive(Debug, Deserialize)]
pub(crate) struct Session {
    pub(crate) id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) status: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) expire_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) abandon_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) last_active_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) last_active_token: Option<Token>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) user: Option<User>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) public_user_data: Option<PublicUserData>,
    /// The impersonator's claims (`{sub, ...}`) of an impersonation session.
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) actor: Option<JsonText>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) created_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) updated_at: Option<f64>,
}

/// A session token: `last_active_token`, and `POST .../tokens`' answer (no envelope).
#[derive(Debug, Deserialize)]
pub(crate) struct Token {
    pub(crate) jwt: String,
}

/// A session's `public_user_data`.
#[derive(Debug, Deserialize)]
pub(crate) struct PublicUserData {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) first_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) last_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) image_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) has_image: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) identifier: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) user_id: Option<String>,
}

/// A user.
#[derive(Debug, Deserialize)]
pub(crate) struct User {
    pub(crate) id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) first_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) last_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) username: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) image_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) has_image: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) primary_email_address_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) primary_phone_number_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) primary_web3_wallet_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) email_addresses: Option<Vec<Identification>>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) phone_numbers: Option<Vec<Identification>>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) web3_wallets: Option<Vec<Identification>>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) public_metadata: Option<JsonText>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) unsafe_metadata: Option<JsonText>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) created_at: Option<f64>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) updated_at: Option<f64>,
}

/// An email address, phone number or web3 wallet of a user (FAPI calls them all
/// identifications: `idn_...`). One type for the three lists: each field is read only where
/// it is present, and each distinct type is another deserializer in the wasm.
#[derive(Debug, Deserialize)]
pub(crate) struct Identification {
    pub(crate) id: String,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) email_address: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) phone_number: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) web3_wallet: Option<String>,
}

/// `GET /v1/environment` (no envelope).
#[derive(Debug, Deserialize)]
pub(crate) struct Environment {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) auth_config: Option<AuthConfig>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) display_config: Option<DisplayConfig>,
}

/// The environment's `auth_config`.
#[derive(Debug, Deserialize)]
pub(crate) struct AuthConfig {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) single_session_mode: Option<bool>,
}

/// The environment's `display_config`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DisplayConfig {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) sign_in_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) user_profile_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) after_sign_out_one_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) after_sign_out_all_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) after_switch_session_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) home_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) application_name: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) branded: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) instance_environment_type: Option<String>,
}

/// `POST /v1/dev_browser`'s answer: its `id` is the token.
#[derive(Debug, Deserialize)]
pub(crate) struct DevBrowser {
    pub(crate) id: String,
}

/// The body of an HTTP error answer (PROTOCOL.md §3). Read leniently throughout: an error
/// answer is an error whatever its body.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ErrorBody {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) errors: Option<Vec<ErrorItem>>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) clerk_trace_id: Option<String>,
}

/// One entry of an error body's `errors[]`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorItem {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) code: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) message: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) long_message: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) meta: Option<ErrorMeta>,
}

/// An error entry's `meta`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorMeta {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) param_name: Option<String>,
}

/// The claims of a session token the SDK reads (its payload, base64url JSON).
#[derive(Debug, Deserialize)]
pub(crate) struct Claims {
    #[serde(default, deserialize_with = "lenient")]
    pub(crate) exp: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_carries_the_api_and_sdk_versions_and_the_method_override() {
        assert_eq!(
            query(Method::Delete, None),
            [
                ("__clerk_api_version", "2026-05-12"),
                ("_clerk_js_version", crate::VERSION),
                ("_method", "DELETE"),
            ]
        );
        let get = query(Method::Get, Some("a b+c/="));
        assert_eq!(get.last(), Some(&("__clerk_db_jwt", "a b+c/=")));
        assert!(get.iter().all(|(k, _)| *k != "_method"));
        assert!(query(Method::Post, None)
            .iter()
            .all(|(k, _)| *k != "_method"));
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_an_http_date_is_ignored() {
        assert_eq!(parse_retry_after(" 30 "), Some(30));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn only_two_gets_retries_are_scheduled_with_growing_delays() {
        assert_eq!(
            (retry_delay_ms(1), retry_delay_ms(2), retry_delay_ms(3)),
            (Some(200), Some(600), None)
        );
    }
}
