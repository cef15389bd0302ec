//! The state snapshot listeners and the UI read: status, client, current session, environment.

use std::rc::Rc;

use crate::resources::{Client, Environment, Session, User};
use crate::InstanceType;

/// Where `load()` is: ClerkJS's `clerk.status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `load()` not called or not finished.
    Loading,
    /// Environment and client loaded.
    Ready,
    /// The client loaded but something else did not (the environment, or a pending
    /// sign-out could not be confirmed); the SDK works with defaults.
    Degraded,
    /// The client could not be loaded.
    Error,
}

impl Status {
    /// The JS name: `loading`, `ready`, `degraded` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Loading => "loading",
            Self::Ready => "ready",
            Self::Degraded => "degraded",
            Self::Error => "error",
        }
    }
}

/// An immutable snapshot of everything the SDK knows. A new one replaces it on every change;
/// [`State::version`] tells snapshots apart.
#[derive(Debug, Clone)]
pub struct State {
    /// Load status.
    pub status: Status,
    /// Whether `load()` completed (also when degraded).
    pub loaded: bool,
    /// This browser's client; `None` when there is none (signed out, no cookie yet).
    pub client: Option<Rc<Client>>,
    /// The id of the current session, `None` when signed out.
    pub current_session_id: Option<String>,
    /// A sign-out (or switch) is under way: `session` and `user` read as `undefined` in JS.
    pub transitioning: bool,
    /// The instance's environment (defaults until loaded or when it failed to load).
    pub environment: Rc<Environment>,
    /// Development or production, from the publishable key.
    pub instance_type: InstanceType,
    /// Increases by one with every new snapshot.
    pub version: u64,
}

impl State {
    pub(crate) fn initial(instance_type: InstanceType) -> Self {
        Self {
            status: Status::Loading,
            loaded: false,
            client: None,
            current_session_id: None,
            transitioning: false,
            environment: Rc::new(Environment::default()),
            instance_type,
            version: 0,
        }
    }

    /// The current session, if signed in (and not transitioning).
    pub fn session(&self) -> Option<&Session> {
        if self.transitioning {
            return None;
        }
        let id = self.current_session_id.as_deref()?;
        self.client.as_deref()?.signed_in_session(id)
    }

    /// The current user, if signed in (and not transitioning).
    pub fn user(&self) -> Option<&User> {
        self.session()?.user.as_deref()
    }

    /// Whether `session`/`user` are unknown right now (JS `undefined`): before load or while
    /// transitioning.
    pub fn is_undetermined(&self) -> bool {
        !self.loaded || self.transitioning
    }

    /// ClerkJS's `isSignedIn`: a current session that is `active` (a `pending` one is not).
    pub fn is_signed_in(&self) -> bool {
        self.session()
            .is_some_and(|s| s.status == crate::SessionStatus::Active)
    }

    /// Every signed-in session of this browser (the current one included).
    pub fn signed_in_sessions(&self) -> Vec<&Session> {
        self.client
            .as_deref()
            .map(|c| c.signed_in_sessions().collect())
            .unwrap_or_default()
    }

    /// Whether the instance allows only one signed-in session per browser.
    pub fn single_session_mode(&self) -> bool {
        self.environment.auth_config.single_session_mode
    }
}
