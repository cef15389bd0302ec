//! The durable "pending sign-out" journal: a sign-out the server has not confirmed yet.
//!
//! When the sign-out request fails on the network the user is signed out locally at once;
//! the journal (in `localStorage`, keyed by publishable key) remembers what the server still
//! has to be told. It is replayed on the `online` event and at the next load before
//! `GET /v1/client` is trusted, and cleared only when the server confirms.

/// One sign-out the server has not confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PendingSignOut {
    /// `POST /v1/client/sessions?_method=DELETE`.
    AllSessions,
    /// `POST /v1/client/sessions/{id}/remove`.
    Session(String),
}

impl PendingSignOut {
    pub(crate) fn path(&self) -> String {
        match self {
            Self::AllSessions => "/client/sessions".to_owned(),
            Self::Session(id) => ["/client/sessions/", id, "/remove"].concat(),
        }
    }

    /// Whether this sign-out makes `session_id` signed out once confirmed.
    pub(crate) fn covers(&self, session_id: &str) -> bool {
        match self {
            Self::AllSessions => true,
            Self::Session(id) => id == session_id,
        }
    }
}

/// Encodes a journal as text: entries separated by spaces, `all` or `remove:<id>`.
pub(crate) fn encode(entries: &[PendingSignOut]) -> String {
    // push_str, not `Vec<String>::join`: that one links its own 1 KB copy of the joiner.
    let mut out = String::new();
    for entry in entries {
        if !out.is_empty() {
            out.push(' ');
        }
        match entry {
            PendingSignOut::AllSessions => out.push_str("all"),
            PendingSignOut::Session(id) => {
                out.push_str("remove:");
                out.push_str(id);
            }
        }
    }
    out
}

/// Decodes [`encode`]'s text; unknown entries (another version's) are dropped. Split on the
/// one space `encode` writes: `split_whitespace` linked Unicode whitespace tables (~100 B gzip).
pub(crate) fn decode(text: &str) -> Vec<PendingSignOut> {
    text.split(' ')
        .filter_map(|part| match part {
            "all" => Some(PendingSignOut::AllSessions),
            _ => part
                .strip_prefix("remove:")
                .filter(|id| !id.is_empty())
                .map(|id| PendingSignOut::Session(id.to_owned())),
        })
        .collect()
}

/// Adds an entry; signing out everything supersedes everything else.
pub(crate) fn push(entries: &mut Vec<PendingSignOut>, entry: PendingSignOut) {
    if entry == PendingSignOut::AllSessions {
        entries.clear();
    }
    if !entries.contains(&entry) && !entries.contains(&PendingSignOut::AllSessions) {
        entries.push(entry);
    }
}

/// The journal of one publishable key in `localStorage`.
#[derive(Debug, Clone)]
pub(crate) struct Journal {
    storage_key: String,
}

impl Journal {
    pub(crate) fn new(publishable_key: &str) -> Self {
        Self {
            storage_key: ["clerk_wasm_pending_sign_out:", publishable_key].concat(),
        }
    }

    pub(crate) fn entries(&self) -> Vec<PendingSignOut> {
        // Storage access can fail (disabled cookies, sandboxed frames): then no journal.
        crate::host::storage_get(&self.storage_key)
            .map(|t| decode(&t))
            .unwrap_or_default()
    }

    pub(crate) fn add(&self, entry: PendingSignOut) {
        let mut entries = self.entries();
        push(&mut entries, entry);
        self.write(&entries);
    }

    /// Removes one confirmed entry.
    pub(crate) fn confirm(&self, entry: &PendingSignOut) {
        let mut entries = self.entries();
        entries.retain(|e| e != entry);
        self.write(&entries);
    }

    fn write(&self, entries: &[PendingSignOut]) {
        let text = (!entries.is_empty()).then(|| encode(entries));
        crate::host::storage_set(&self.storage_key, text.as_deref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_round_trips_and_ignores_unknown_entries() {
        let entries = vec![
            PendingSignOut::Session("sess_1".into()),
            PendingSignOut::Session("sess_2".into()),
        ];
        assert_eq!(decode(&encode(&entries)), entries);
        assert_eq!(
            decode("all junk remove: remove:x"),
            vec![
                PendingSignOut::AllSessions,
                PendingSignOut::Session("x".into())
            ]
        );
    }

    #[test]
    fn signing_out_everything_supersedes_single_session_entries() {
        let mut entries = vec![PendingSignOut::Session("a".into())];
        push(&mut entries, PendingSignOut::AllSessions);
        push(&mut entries, PendingSignOut::Session("b".into()));
        assert_eq!(entries, vec![PendingSignOut::AllSessions]);
        assert!(entries[0].covers("anything"));
        assert_eq!(
            PendingSignOut::Session("s".into()).path(),
            "/client/sessions/s/remove"
        );
    }
}
