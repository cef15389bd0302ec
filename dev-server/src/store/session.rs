//! The session status machine.
//!
//! `active` (and `pending`) are the only signed-in states. Every other state is terminal:
//! once a session has ended, been removed, revoked, expired or abandoned, nothing makes it
//! active again. Time-based states are applied lazily by [`SessionRec::refresh`] before any
//! read or transition, so `expire_at` / `abandon_at` hold even without a background task.

use serde::Serialize;

/// FAPI session statuses (the spec's enum).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed in.
    Active,
    /// Signed in with tasks left to do (not used by this server's sign-in, but valid).
    Pending,
    /// Ended by the user (`/end`, or the client was destroyed).
    Ended,
    /// Removed from the client (`/remove`, `DELETE /v1/client/sessions`).
    Removed,
    /// Revoked by an administrator.
    Revoked,
    /// Past `expire_at`.
    Expired,
    /// Past `abandon_at`.
    Abandoned,
}

impl Status {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Pending => "pending",
            Status::Ended => "ended",
            Status::Removed => "removed",
            Status::Revoked => "revoked",
            Status::Expired => "expired",
            Status::Abandoned => "abandoned",
        }
    }

    /// Whether the session counts as signed in.
    pub fn is_signed_in(self) -> bool {
        matches!(self, Status::Active | Status::Pending)
    }
}

/// Why a transition was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionError {
    /// The session is already in a terminal state.
    NotActive(Status),
}

/// One session as stored.
#[derive(Debug, Clone)]
pub struct SessionRec {
    /// `sess_...`
    pub id: String,
    /// The signed-in user.
    pub user_id: String,
    /// Current status (after [`SessionRec::refresh`]).
    pub status: Status,
    /// Epoch ms.
    pub created_at: i64,
    /// Epoch ms.
    pub updated_at: i64,
    /// Epoch ms of the last touch/token.
    pub last_active_at: i64,
    /// The session's lifetime ends here (status becomes `expired`).
    pub expire_at: i64,
    /// Inactivity limit (status becomes `abandoned`).
    pub abandon_at: i64,
    /// The last JWT minted for this session.
    pub last_active_token: Option<String>,
    /// An impersonation session's actor claims (`{"sub": "user_..."}`), rendered as `actor`.
    pub actor: Option<serde_json::Value>,
    /// When `last_active_token` was minted (epoch ms).
    pub token_minted_at: i64,
}

impl SessionRec {
    /// A new active session.
    pub fn new(user_id: &str, now: i64, lifetime_ms: i64, abandon_ms: i64) -> Self {
        SessionRec {
            id: crate::ids::new_id("sess"),
            user_id: user_id.to_owned(),
            status: Status::Active,
            created_at: now,
            updated_at: now,
            last_active_at: now,
            expire_at: now.saturating_add(lifetime_ms),
            abandon_at: now.saturating_add(abandon_ms),
            last_active_token: None,
            actor: None,
            token_minted_at: 0,
        }
    }

    /// Applies time: a signed-in session past `expire_at` becomes `expired`, past
    /// `abandon_at` becomes `abandoned`. Returns whether anything changed.
    pub fn refresh(&mut self, now: i64) -> bool {
        if !self.status.is_signed_in() {
            return false;
        }
        let next = if now >= self.expire_at {
            Status::Expired
        } else if now >= self.abandon_at {
            Status::Abandoned
        } else {
            return false;
        };
        self.status = next;
        // The moment it lapsed, not the moment somebody looked.
        self.updated_at = self.expire_at.min(self.abandon_at).min(now);
        true
    }

    /// Moves a signed-in session to a terminal state; refuses to touch terminal ones.
    pub fn finish(&mut self, to: Status, now: i64) -> Result<(), TransitionError> {
        self.refresh(now);
        if !self.status.is_signed_in() {
            return Err(TransitionError::NotActive(self.status));
        }
        self.status = to;
        self.updated_at = now;
        Ok(())
    }

    /// Removes the session from its client. Allowed from any state but `removed`: an
    /// ended session can still be cleared from the list, and stays inactive.
    pub fn remove(&mut self, now: i64) -> Result<(), TransitionError> {
        self.refresh(now);
        if self.status == Status::Removed {
            return Err(TransitionError::NotActive(self.status));
        }
        self.status = Status::Removed;
        self.updated_at = now;
        Ok(())
    }

    /// Records activity (touch, token): only a signed-in session can be touched.
    pub fn touch(&mut self, now: i64) -> Result<(), TransitionError> {
        self.refresh(now);
        if !self.status.is_signed_in() {
            return Err(TransitionError::NotActive(self.status));
        }
        self.last_active_at = now;
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ended_session_can_never_be_touched_or_ended_again() {
        let mut s = SessionRec::new("user_1", 1_000, 10_000, 20_000);
        assert_eq!(s.finish(Status::Ended, 2_000), Ok(()));
        assert!(s.touch(3_000).is_err());
        assert!(s.finish(Status::Ended, 3_000).is_err());
        assert_eq!(s.status, Status::Ended);
    }

    #[test]
    fn a_session_past_expire_at_reads_as_expired_and_stays_so() {
        let mut s = SessionRec::new("user_1", 1_000, 10_000, 20_000);
        assert!(s.refresh(11_000));
        assert_eq!(s.status, Status::Expired);
        assert!(s.touch(12_000).is_err());
        assert_eq!(s.status, Status::Expired);
    }

    #[test]
    fn a_session_past_abandon_at_reads_as_abandoned() {
        let mut s = SessionRec::new("user_1", 1_000, 50_000, 20_000);
        s.refresh(25_000);
        assert_eq!(s.status, Status::Abandoned);
    }

    #[test]
    fn removing_an_ended_session_keeps_it_inactive_and_a_second_remove_fails() {
        let mut s = SessionRec::new("user_1", 1_000, 10_000, 20_000);
        assert_eq!(s.finish(Status::Ended, 2_000), Ok(()));
        assert_eq!(s.remove(3_000), Ok(()));
        assert_eq!(s.status, Status::Removed);
        assert!(s.remove(4_000).is_err());
        assert!(s.touch(4_000).is_err());
    }
}
