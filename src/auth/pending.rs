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
            Self::Session(id) => format!("/client/sessions/{id}/remove"),
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
    entries
        .iter()
        .map(|entry| match entry {
            PendingSignOut::AllSessions => "all".to_owned(),
            PendingSignOut::Session(id) => format!("remove:{id}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes [`encode`]'s text; unknown entries (another version's) are dropped.
pub(crate) fn decode(text: &str) -> Vec<PendingSignOut> {
    text.split_whitespace()
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
            storage_key: format!("clerk_wasm_pending_sign_out:{publishable_key}"),
        }
    }

    pub(crate) fn entries(&self) -> Vec<PendingSignOut> {
        local_storage()
            .and_then(|storage| storage.get_item(&self.storage_key).ok().flatten())
            .map(|text| decode(&text))
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

    /// Saves the journal, or removes it once empty. Where storage refuses (disabled, full) the
    /// journal is lost: the local sign-out stands, only its replay after a reload is missed.
    fn write(&self, entries: &[PendingSignOut]) {
        let Some(storage) = local_storage() else {
            return;
        };
        let _ = if entries.is_empty() {
            storage.remove_item(&self.storage_key)
        } else {
            storage.set_item(&self.storage_key, &encode(entries))
        };
    }
}

/// The page's `localStorage`; `None` where there is none or the browser refuses access
/// (storage disabled, a sandboxed frame: reading `window.localStorage` throws there).
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
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
