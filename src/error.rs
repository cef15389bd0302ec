//! The one error type of the SDK.

use std::fmt;

/// Everything that can go wrong in the SDK.
///
/// Match on [`ClerkError::code`]: it is stable across releases. `Display` gives the message
/// for developers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClerkError {
    /// The publishable key is not `pk_test_`/`pk_live_` + base64 of `<host>$`.
    InvalidPublishableKey {
        /// Why the key was rejected.
        reason: &'static str,
    },
}

impl ClerkError {
    /// The stable, machine-readable code of this error.
    ///
    /// ```
    /// let err = clerk_wasm::Clerk::new("nope").unwrap_err();
    /// assert_eq!(err.code(), "invalid_publishable_key");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidPublishableKey { .. } => "invalid_publishable_key",
        }
    }
}

impl fmt::Display for ClerkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidPublishableKey { reason } => {
                write!(f, "The publishable key is invalid: {reason}.")
            }
        }
    }
}

impl std::error::Error for ClerkError {}
