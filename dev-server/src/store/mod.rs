//! In-memory state: users, clients (one per browser, found by the `__client` cookie) and
//! their sessions.
//!
//! All state sits behind one mutex and every request does its whole read-modify-write
//! (and renders its answer) inside a single critical section, so concurrent requests on one
//! client can neither lose an update nor observe a half-finished transition. The lock is a
//! plain `std::sync::Mutex`, never held across an `.await`.

mod bounds;
pub mod session;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Mutex, MutexGuard};

use crate::ids::{new_id, now_ms, random_token};
use crate::users::{self, User, UserSeed};
pub use bounds::Limits;
use session::{SessionRec, Status};

/// Session timing, configurable so tests can watch sessions expire.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    /// How long a session lives (ms); Clerk's default is 7 days.
    pub session_ms: i64,
    /// Inactivity limit (ms) after which a session is abandoned.
    pub abandon_ms: i64,
    /// How long the `__client` cookie lives (ms).
    pub cookie_ms: i64,
}

impl Default for Lifetimes {
    fn default() -> Self {
        const DAY: i64 = 24 * 60 * 60 * 1000;
        Lifetimes {
            session_ms: 7 * DAY,
            abandon_ms: 30 * DAY,
            cookie_ms: 365 * DAY,
        }
    }
}

/// One browser's client.
#[derive(Debug, Clone)]
pub struct ClientRec {
    /// `client_...`
    pub id: String,
    /// The opaque `__client` cookie value (not the id, so ids seen in JSON are no cookie).
    pub cookie: String,
    /// Sessions in creation order, including terminal ones (removed ones are hidden).
    pub sessions: Vec<SessionRec>,
    /// The current session, or `None`.
    pub last_active_session_id: Option<String>,
    /// The strategy of the last successful sign-in.
    pub last_authentication_strategy: Option<String>,
    /// Epoch ms.
    pub created_at: i64,
    /// Epoch ms.
    pub updated_at: i64,
    /// When the cookie expires (epoch ms).
    pub cookie_expires_at: i64,
    /// When a request last named this client, as a store-wide sequence number (not a
    /// clock, so ties cannot happen): the least recently seen go first past the cap.
    pub last_seen: u64,
}

impl ClientRec {
    /// Applies time to every session and repairs `last_active_session_id`.
    pub fn refresh(&mut self, now: i64) {
        let mut changed = false;
        for s in &mut self.sessions {
            changed |= s.refresh(now);
        }
        if changed {
            self.updated_at = now;
        }
        self.repair_last_active();
    }

    /// `last_active_session_id` must name a signed-in session; when it does not, the most
    /// recently active signed-in session takes over (or none).
    pub fn repair_last_active(&mut self) {
        let current_ok = self.last_active_session_id.as_deref().is_some_and(|id| {
            self.sessions
                .iter()
                .any(|s| s.id == id && s.status.is_signed_in())
        });
        if !current_ok {
            self.last_active_session_id = self
                .sessions
                .iter()
                .filter(|s| s.status.is_signed_in())
                .max_by_key(|s| s.last_active_at)
                .map(|s| s.id.clone());
        }
    }

    /// The caller's session with this id; removed ones are gone from the client.
    pub fn session_mut(&mut self, id: &str) -> Option<&mut SessionRec> {
        self.sessions
            .iter_mut()
            .find(|s| s.id == id && s.status != Status::Removed)
    }

    /// Sessions the client still lists (everything but removed).
    pub fn visible_sessions(&self) -> impl Iterator<Item = &SessionRec> {
        self.sessions.iter().filter(|s| s.status != Status::Removed)
    }

    /// Signed-in sessions.
    pub fn signed_in(&self) -> impl Iterator<Item = &SessionRec> {
        self.sessions.iter().filter(|s| s.status.is_signed_in())
    }
}

/// Everything behind the lock.
#[derive(Debug)]
pub struct Inner {
    /// Seeded users.
    pub users: Vec<User>,
    /// Clients by id.
    pub clients: HashMap<String, ClientRec>,
    /// Cookie value → client id.
    by_cookie: HashMap<String, String>,
    /// Deleted clients, kept (unreachable by cookie) so tests can inspect how their
    /// sessions ended.
    pub destroyed: Vec<ClientRec>,
    /// Multi-session mode (several signed-in sessions per client).
    pub multi_session: bool,
    /// Development instance (dev browser required).
    pub dev_instance: bool,
    /// Issued dev browser tokens.
    dev_browsers: HashSet<String>,
    /// The same tokens, oldest first, so the oldest go first past the cap.
    dev_browser_order: VecDeque<String>,
    /// Session timing.
    pub lifetimes: Lifetimes,
    /// Caps on what the store holds.
    pub limits: Limits,
    /// The last value handed out by [`Inner::next_seen`].
    seen: u64,
}

impl Inner {
    /// The client a cookie value names, refreshed to `now`. Unknown or forged values
    /// name nothing: the caller is treated as a browser without a client.
    pub fn client_by_cookie(&mut self, cookie: Option<&str>, now: i64) -> Option<&mut ClientRec> {
        let id = self.by_cookie.get(cookie?)?.clone();
        if self.clients.get(&id)?.cookie_expires_at <= now {
            // The browser has dropped this cookie by now; so does the server.
            self.delete_client(&id);
            return None;
        }
        self.client_mut(&id, now)
    }

    /// Creates an empty client and returns its id.
    pub fn create_client(&mut self, now: i64) -> String {
        if self.clients.len() >= self.limits.clients {
            self.evict_clients();
        }
        let id = new_id("client");
        let cookie = random_token(48);
        let last_seen = self.next_seen();
        self.by_cookie.insert(cookie.clone(), id.clone());
        self.clients.insert(
            id.clone(),
            ClientRec {
                id: id.clone(),
                cookie,
                sessions: Vec::new(),
                last_active_session_id: None,
                last_authentication_strategy: None,
                created_at: now,
                updated_at: now,
                cookie_expires_at: now.saturating_add(self.lifetimes.cookie_ms),
                last_seen,
            },
        );
        id
    }

    /// Deletes a client; its cookie stops working.
    pub fn delete_client(&mut self, id: &str) -> Option<ClientRec> {
        let client = self.clients.remove(id)?;
        self.by_cookie.remove(&client.cookie);
        Some(client)
    }

    /// Keeps a deleted client for inspection (bounded: oldest forgotten first).
    pub fn bury(&mut self, client: ClientRec) {
        if self.destroyed.len() >= 1_000 {
            self.destroyed.remove(0);
        }
        self.destroyed.push(client);
    }

    /// Remembers an issued dev browser token; past the cap the oldest is forgotten (its
    /// browser gets a 401 and asks for a new one, as after a server restart).
    pub fn add_dev_browser(&mut self, token: String) {
        while self.dev_browser_order.len() >= self.limits.dev_browsers.max(1) {
            if let Some(old) = self.dev_browser_order.pop_front() {
                self.dev_browsers.remove(&old);
            }
        }
        self.dev_browsers.insert(token.clone());
        self.dev_browser_order.push_back(token);
    }

    /// Whether this server issued the dev browser token.
    pub fn dev_browser_known(&self, token: &str) -> bool {
        self.dev_browsers.contains(token)
    }

    /// The client with this id (refreshed).
    pub fn client_mut(&mut self, id: &str, now: i64) -> Option<&mut ClientRec> {
        let kept = self.limits.ended_sessions_per_client;
        let seen = self.next_seen();
        let client = self.clients.get_mut(id)?;
        client.refresh(now);
        client.prune(kept);
        client.last_seen = seen;
        Some(client)
    }

    /// The user with this id.
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.seed.id == id)
    }

    /// The user an identifier names.
    pub fn user_by_identifier(&self, identifier: &str) -> Option<&User> {
        self.users.iter().find(|u| u.matches(identifier))
    }

    /// Starts an active session for `user_id` on client `client_id` and makes it current.
    /// In single-session mode a client that is already signed in refuses
    /// (`Err(existing session id)`), as FAPI answers `session_exists`.
    pub fn start_session(
        &mut self,
        client_id: &str,
        user_id: &str,
        strategy: &str,
        now: i64,
    ) -> Result<String, Option<String>> {
        let lifetimes = self.lifetimes;
        let multi = self.multi_session;
        let cap = self.limits.signed_in_per_client;
        let client = self.client_mut(client_id, now).ok_or(None)?;
        if !multi || client.signed_in().count() >= cap {
            if let Some(existing) = client.signed_in().next() {
                return Err(Some(existing.id.clone()));
            }
        }
        let session = SessionRec::new(user_id, now, lifetimes.session_ms, lifetimes.abandon_ms);
        let id = session.id.clone();
        client.sessions.push(session);
        client.last_active_session_id = Some(id.clone());
        client.last_authentication_strategy = Some(strategy.to_owned());
        client.updated_at = now;
        Ok(id)
    }

    /// Every client and session gone, users re-seeded, modes set.
    pub fn reset(&mut self, seeds: &[UserSeed], multi_session: bool, dev_instance: bool) {
        self.users = users::load(seeds);
        self.clients.clear();
        self.by_cookie.clear();
        self.destroyed.clear();
        self.multi_session = multi_session;
        self.dev_instance = dev_instance;
    }
}

/// The shared state.
#[derive(Debug)]
pub struct Store {
    inner: Mutex<Inner>,
}

impl Store {
    /// A store with these users and modes.
    pub fn new(
        seeds: &[UserSeed],
        multi_session: bool,
        dev_instance: bool,
        lifetimes: Lifetimes,
        limits: Limits,
    ) -> Self {
        Store {
            inner: Mutex::new(Inner {
                users: users::load(seeds),
                clients: HashMap::new(),
                by_cookie: HashMap::new(),
                destroyed: Vec::new(),
                multi_session,
                dev_instance,
                dev_browsers: HashSet::new(),
                dev_browser_order: VecDeque::new(),
                lifetimes,
                limits,
                seen: 0,
            }),
        }
    }

    /// Locks the state. A poisoned lock (a panic elsewhere) still yields the data: every
    /// mutation here is completed before anything that could fail.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Convenience: the current time, so handlers read one clock.
    pub fn now(&self) -> i64 {
        now_ms()
    }
}
