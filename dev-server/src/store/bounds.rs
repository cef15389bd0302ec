//! What keeps the store bounded under long use: signed-out sessions are forgotten past a
//! few per client, clients past a total cap (least recently seen first), and dev browser
//! tokens past theirs (oldest first, in `Inner::add_dev_browser`).

use super::{ClientRec, Inner};

/// Caps on what the store holds, configurable so tests can reach them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Clients kept in all; past it the least recently seen quarter is dropped (their
    /// browsers become browsers without a client, as after the cookie expired).
    pub clients: usize,
    /// Dev browser tokens kept; past it the oldest is forgotten.
    pub dev_browsers: usize,
    /// Signed-out (ended, removed, revoked, expired, abandoned) sessions a client keeps,
    /// most recent first; older ones are forgotten.
    pub ended_sessions_per_client: usize,
    /// Signed-in sessions a client may hold; another sign-in is refused (`session_exists`).
    pub signed_in_per_client: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            clients: 10_000,
            dev_browsers: 10_000,
            ended_sessions_per_client: 10,
            signed_in_per_client: 50,
        }
    }
}

impl ClientRec {
    /// Forgets all but the `kept` most recently created signed-out sessions.
    pub fn prune(&mut self, kept: usize) {
        let signed_out = self
            .sessions
            .iter()
            .filter(|s| !s.status.is_signed_in())
            .count();
        let mut excess = signed_out.saturating_sub(kept);
        if excess == 0 {
            return;
        }
        // Sessions are in creation order, so the first signed-out ones are the oldest.
        self.sessions.retain(|s| {
            let drop = excess > 0 && !s.status.is_signed_in();
            excess -= usize::from(drop);
            !drop
        });
    }
}

impl Inner {
    /// Drops the least recently seen quarter of the clients (at least one). Done in a
    /// batch so that creating clients at the cap costs O(1) amortized, not a scan each.
    pub(super) fn evict_clients(&mut self) {
        let mut seen: Vec<(u64, String)> = self
            .clients
            .values()
            .map(|c| (c.last_seen, c.id.clone()))
            .collect();
        let count = (seen.len() / 4).max(1).min(seen.len());
        if count == 0 {
            return;
        }
        seen.select_nth_unstable(count - 1);
        for (_, id) in seen.into_iter().take(count) {
            self.delete_client(&id);
        }
    }
}

impl Inner {
    /// The next value of the "last seen" sequence.
    pub(super) fn next_seen(&mut self) -> u64 {
        self.seen += 1;
        self.seen
    }
}
