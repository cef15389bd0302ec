//! The durable "pending sign-out" journal: a sign-out the server has not confirmed yet.
//!
//! When the sign-out request fails on the network the user is signed out locally at once;
//! the journal (in `localStorage`, keyed by publishable key) remembers what the user meant:
//! the client (this browser) and the ids of the sessions to end. It is replayed on the
//! `online` event and at the next load, before `GET /v1/client` is trusted, one removal per
//! session, so a session created after the click is never touched; each session leaves the
//! journal once the server confirms it is gone.

/// One sign-out the server has not confirmed: the sessions the user meant to end. It is also
/// what a tab tells the others in its sign-out message (`cross_tab`), as
/// `{client_id, session_ids}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct PendingSignOut {
    /// The client they belong to.
    pub(crate) client_id: String,
    /// The sessions to end, as they were when the user signed out.
    pub(crate) session_ids: Vec<String>,
}

impl PendingSignOut {
    /// Whether this sign-out makes `session_id` of `client_id` signed out once confirmed.
    pub(crate) fn covers(&self, client_id: &str, session_id: &str) -> bool {
        self.client_id == client_id && self.session_ids.iter().any(|id| id == session_id)
    }

    /// Whether every id is one the server could have issued (letters, digits, `_`), so an
    /// entry heard from another tab cannot bend the request path or the journal's text.
    pub(crate) fn is_well_formed(&self) -> bool {
        let is_id =
            |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        is_id(&self.client_id)
            && !self.session_ids.is_empty()
            && self.session_ids.iter().all(|id| is_id(id))
    }
}

/// The request that ends one session: `POST /v1/client/sessions/{id}/remove`.
pub(crate) fn remove_path(session_id: &str) -> String {
    format!("/client/sessions/{session_id}/remove")
}

/// What marks an entry of this format; entries without it (an earlier version's `all` or
/// `remove:<id>`) name no client, so replaying them could end a newer session: dropped.
const CLIENT_PREFIX: &str = "client:";

/// Encodes a journal as text: one line per entry, `client:<id> <session id>...`.
pub(crate) fn encode(entries: &[PendingSignOut]) -> String {
    entries
        .iter()
        .map(|entry| {
            let mut line = format!("{CLIENT_PREFIX}{}", entry.client_id);
            for id in &entry.session_ids {
                line.push(' ');
                line.push_str(id);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Decodes [`encode`]'s text; lines of another format or naming no session are dropped.
pub(crate) fn decode(text: &str) -> Vec<PendingSignOut> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let client_id = words.next()?.strip_prefix(CLIENT_PREFIX)?;
            let session_ids: Vec<String> = words.map(str::to_owned).collect();
            (!client_id.is_empty() && !session_ids.is_empty()).then(|| PendingSignOut {
                client_id: client_id.to_owned(),
                session_ids,
            })
        })
        .collect()
}

/// Adds an entry: its sessions join those already pending for the same client.
pub(crate) fn push(entries: &mut Vec<PendingSignOut>, entry: PendingSignOut) {
    match entries.iter_mut().find(|e| e.client_id == entry.client_id) {
        Some(existing) => {
            for id in entry.session_ids {
                if !existing.session_ids.contains(&id) {
                    existing.session_ids.push(id);
                }
            }
        }
        None if !entry.session_ids.is_empty() => entries.push(entry),
        None => {}
    }
}

/// Takes a confirmed session out; an entry with no session left goes.
pub(crate) fn confirm(entries: &mut Vec<PendingSignOut>, client_id: &str, session_id: &str) {
    for entry in entries.iter_mut().filter(|e| e.client_id == client_id) {
        entry.session_ids.retain(|id| id != session_id);
    }
    entries.retain(|e| !e.session_ids.is_empty());
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

    /// The Web Locks name under which one tab at a time replays the entry of `client_id`.
    pub(crate) fn lock_name(&self, client_id: &str) -> String {
        format!("{}:{client_id}", self.storage_key)
    }

    /// Removes one session the server confirmed is gone.
    pub(crate) fn confirm(&self, client_id: &str, session_id: &str) {
        let mut entries = self.entries();
        confirm(&mut entries, client_id, session_id);
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

    fn entry(client_id: &str, session_ids: &[&str]) -> PendingSignOut {
        PendingSignOut {
            client_id: client_id.into(),
            session_ids: session_ids.iter().map(|&id| id.to_owned()).collect(),
        }
    }

    #[test]
    fn the_journal_round_trips_and_drops_other_formats() {
        let entries = vec![
            entry("client_1", &["sess_1", "sess_2"]),
            entry("c2", &["s"]),
        ];
        assert_eq!(decode(&encode(&entries)), entries);
        assert_eq!(
            decode("all\nremove:x\nclient: s\nclient:c\nclient:c2 s3\njunk"),
            vec![entry("c2", &["s3"])],
        );
    }

    #[test]
    fn an_entry_covers_only_its_own_sessions_of_its_own_client() {
        let pending = entry("client_1", &["sess_1"]);
        assert!(pending.covers("client_1", "sess_1"));
        assert!(!pending.covers("client_1", "sess_2"), "a newer session");
        assert!(!pending.covers("client_2", "sess_1"));
        assert_eq!(remove_path("s"), "/client/sessions/s/remove");
    }

    #[test]
    fn an_entry_from_another_tab_names_only_plausible_ids() {
        assert!(entry("client_1", &["sess_1", "sess_2"]).is_well_formed());
        assert!(!entry("client_1", &[]).is_well_formed());
        assert!(!entry("", &["s"]).is_well_formed());
        assert!(!entry("c", &["s/../../x"]).is_well_formed());
        assert!(!entry("c", &["s t"]).is_well_formed());
        assert!(!entry("c\nclient:d", &["s"]).is_well_formed());
    }

    #[test]
    fn entries_of_one_client_merge_and_leave_one_session_at_a_time() {
        let mut entries = Vec::new();
        push(&mut entries, entry("c", &["a"]));
        push(&mut entries, entry("c", &["a", "b"]));
        push(&mut entries, entry("d", &[]));
        assert_eq!(entries, vec![entry("c", &["a", "b"])]);
        confirm(&mut entries, "c", "a");
        assert_eq!(entries, vec![entry("c", &["b"])]);
        confirm(&mut entries, "other", "b");
        assert_eq!(entries, vec![entry("c", &["b"])]);
        confirm(&mut entries, "c", "b");
        assert_eq!(entries, vec![]);
    }
}
