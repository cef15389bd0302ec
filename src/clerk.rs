//! The Rust API: [`Clerk`].

use crate::{ClerkError, InstanceType, PublishableKey};

/// A Clerk instance bound to one publishable key.
///
/// Cheap to clone: every clone is a handle on the same instance.
#[derive(Debug, Clone)]
pub struct Clerk {
    key: PublishableKey,
}

impl Clerk {
    /// Creates an instance for a publishable key. Nothing is fetched until it is loaded.
    ///
    /// # Errors
    /// [`ClerkError::InvalidPublishableKey`] when the key is malformed.
    pub fn new(publishable_key: &str) -> Result<Self, ClerkError> {
        Ok(Self {
            key: PublishableKey::parse(publishable_key)?,
        })
    }

    /// The publishable key this instance was made with.
    pub fn publishable_key(&self) -> &str {
        self.key.as_str()
    }

    /// The Frontend API host decoded from the key.
    pub fn frontend_api(&self) -> &str {
        self.key.frontend_api()
    }

    /// Development or production, from the key's prefix.
    pub fn instance_type(&self) -> InstanceType {
        self.key.instance_type()
    }
}
