//! The one error type of the SDK.

use core::fmt;
use std::sync::Arc;

/// Everything that can go wrong in the SDK.
///
/// Match on [`ClerkError::code`]: it is stable across releases. `Display` gives the message
/// for developers; [`ClerkError::long_message`] the one for end users.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClerkError {
    /// The publishable key is not `pk_test_`/`pk_live_` + base64 of `<host>$`.
    InvalidPublishableKey {
        /// Why the key was rejected.
        reason: &'static str,
    },
    /// An option given to the constructor or to `load` is unusable.
    InvalidOption {
        /// The option's JS name, e.g. `proxyUrl`.
        name: &'static str,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// The Frontend API answered with an HTTP error (4xx/5xx). Shared, so that every caller
    /// awaiting one shared request (concurrent `load`s, sign-outs, token fetches) gets the
    /// error without a deep copy of its entries (a copy per waiter cost ~200 B gzip of wasm).
    Api(Arc<ApiError>),
    /// The request never got an answer: offline, connection reset, CORS refusal.
    Network {
        /// What the browser said.
        message: String,
    },
    /// A successful answer whose body is not the JSON the protocol promises.
    InvalidResponse {
        /// The HTTP status of the answer.
        status: u16,
        /// What was wrong with it.
        reason: String,
    },
    /// The operation needs `load()` to have completed.
    NotLoaded,
    /// No signed-in session of this browser has that id.
    SessionNotFound {
        /// The id asked for.
        session_id: String,
    },
    /// A browser API the SDK needs is missing (no `window`, no `fetch`, ...).
    BrowserUnavailable {
        /// Which API.
        what: &'static str,
    },
}

/// An HTTP error answer of the Frontend API, as ClerkJS's `ClerkAPIResponseError`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// The `errors[]` of the body (empty when the body was not FAPI JSON).
    pub errors: Vec<ApiErrorItem>,
    /// `clerk_trace_id` of the body, for support requests.
    pub clerk_trace_id: Option<String>,
    /// Seconds from the `Retry-After` header of a 429.
    pub retry_after: Option<u32>,
}

/// One entry of a FAPI error body's `errors[]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiErrorItem {
    /// Stable machine-readable code, e.g. `resource_not_found`.
    pub code: String,
    /// Short message for developers.
    pub message: String,
    /// Message meant for end users.
    pub long_message: Option<String>,
    /// `meta.param_name` when the error is about one parameter.
    pub meta: Option<ApiErrorMeta>,
}

/// The `meta` of an error entry (only the fields the SDK reads).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiErrorMeta {
    /// The parameter the error is about.
    pub param_name: Option<String>,
}

impl ApiError {
    /// The code of the first error entry, else `api_response_error` (e.g. a non-JSON 502 page).
    pub fn code(&self) -> &str {
        self.errors
            .first()
            .map(|e| e.code.as_str())
            .filter(|c| !c.is_empty())
            .unwrap_or("api_response_error")
    }

    /// Whether the server says the dev browser token is missing or stale (PROTOCOL.md §5).
    pub fn is_dev_browser_unauthenticated(&self) -> bool {
        self.status == 401 && self.code() == "dev_browser_unauthenticated"
    }
}

impl ClerkError {
    /// The stable, machine-readable code of this error. For API errors it is the server's
    /// code (e.g. `resource_not_found`).
    ///
    /// ```
    /// let err = clerk_wasm::Clerk::new("nope").unwrap_err();
    /// assert_eq!(err.code(), "invalid_publishable_key");
    /// ```
    pub fn code(&self) -> &str {
        match self {
            Self::InvalidPublishableKey { .. } => "invalid_publishable_key",
            Self::InvalidOption { .. } => "invalid_option",
            Self::Api(api) => api.code(),
            Self::Network { .. } => "network_error",
            Self::InvalidResponse { .. } => "invalid_response",
            Self::NotLoaded => "clerk_not_loaded",
            Self::SessionNotFound { .. } => "session_not_found",
            Self::BrowserUnavailable { .. } => "browser_unavailable",
        }
    }

    /// A message fit to show end users: the server's `long_message` when there is one.
    pub fn long_message(&self) -> String {
        match self {
            Self::Api(api) => api
                .errors
                .first()
                .map(|e| e.long_message.as_deref().unwrap_or(&e.message))
                .filter(|m| !m.is_empty())
                .map_or_else(|| self.message(), str::to_owned),
            Self::Network { .. } => {
                "We could not reach the server. Check your connection and try again.".to_owned()
            }
            _ => self.message(),
        }
    }

    /// The API error details when the server answered with an HTTP error.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    /// Whether the request never got an answer (offline, reset connection).
    pub fn is_network(&self) -> bool {
        matches!(self, Self::Network { .. })
    }
}

impl ClerkError {
    /// The message for developers (what `Display` prints).
    pub(crate) fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ClerkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidPublishableKey { reason } => {
                write!(f, "The publishable key is invalid: {reason}.")
            }
            Self::InvalidOption { name, reason } => {
                write!(f, "The option {name} is invalid: {reason}.")
            }
            Self::Api(api) => match api.errors.first() {
                Some(e) if !e.message.is_empty() => write!(
                    f,
                    "Clerk API error {}: {} ({})",
                    api.status,
                    e.message,
                    api.code()
                ),
                _ => write!(f, "Clerk API error: HTTP status {}", api.status),
            },
            Self::Network { message } => write!(f, "Network error: {message}"),
            Self::InvalidResponse { status, reason } => write!(
                f,
                "Unexpected answer from the Frontend API (HTTP {status}): {reason}"
            ),
            Self::NotLoaded => f.write_str("Clerk is not loaded yet: await clerk.load() first."),
            Self::SessionNotFound { session_id } => write!(
                f,
                "No signed-in session of this browser has the id {session_id}."
            ),
            Self::BrowserUnavailable { what } => {
                write!(f, "The browser API {what} is unavailable.")
            }
        }
    }
}

impl core::error::Error for ClerkError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_api_error_takes_its_code_and_long_message_from_the_first_entry() {
        let err = ClerkError::Api(Arc::new(ApiError {
            status: 422,
            errors: vec![ApiErrorItem {
                code: "form_param_invalid".into(),
                message: "is invalid".into(),
                long_message: Some("The session is invalid.".into()),
                meta: None,
            }],
            ..ApiError::default()
        }));
        assert_eq!(err.code(), "form_param_invalid");
        assert_eq!(err.long_message(), "The session is invalid.");
        assert!(err.to_string().contains("422"), "{err}");
    }

    #[test]
    fn an_api_error_without_entries_still_has_a_stable_code_and_status() {
        let err = ClerkError::Api(Arc::new(ApiError {
            status: 502,
            ..ApiError::default()
        }));
        assert_eq!(err.code(), "api_response_error");
        assert!(err.long_message().contains("502"));
    }

    #[test]
    fn errors_stay_send_and_sync_for_error_libraries() {
        // `Arc`, not `Rc`, for the shared API error: anyhow and friends need `Send + Sync`.
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<ClerkError>();
    }
}
