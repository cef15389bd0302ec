//! `load()`: environment and client in parallel, pending sign-outs first, then the state.

use std::rc::{Rc, Weak};

use crate::api::wire::{ClientEnvelope, Environment as WireEnvironment};
use crate::api::Method;
use crate::auth::cross_tab::CrossTab;
use crate::auth::online::OnlineListener;
use crate::auth::pending::PendingSignOut;
use crate::clerk::Inner;
use crate::flight::{join, FlightWait};
use crate::resources::{Client, Environment, SessionStatus};
use crate::sign_out::is_gone;
use crate::{Clerk, ClerkError, LoadOptions, State, Status};

impl Clerk {
    /// Loads the environment and this browser's client, in parallel, and starts listening to
    /// other tabs and to the network coming back. Idempotent: later calls resolve at once,
    /// concurrent calls share one load. A pending sign-out is replayed before the client is
    /// trusted. Like a JS promise, the load starts when this is called, not when the future is
    /// first polled, and runs to completion either way.
    ///
    /// ```no_run
    /// # async fn demo(clerk: clerk_wasm::Clerk) -> Result<(), clerk_wasm::ClerkError> {
    /// use std::rc::Rc;
    /// use clerk_wasm::LoadOptions;
    /// clerk
    ///     .load(LoadOptions {
    ///         after_sign_out_url: Some("/signed-out".into()),
    ///         router_push: Some(Rc::new(|to: &str| { /* the app's router */ let _ = to; })),
    ///         ..LoadOptions::default()
    ///     })
    ///     .await?;
    /// assert!(clerk.state().loaded);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The client could not be loaded (network or API error); `status` is then `error`.
    // Not an `async fn`: the load starts when this is called (the flight is joined now), and
    // the future borrows nothing ('static).
    pub fn load(
        &self,
        options: LoadOptions,
    ) -> impl core::future::Future<Output = Result<(), ClerkError>> + 'static {
        if self.inner.snapshot().loaded {
            return FlightWait::ready(Ok(()));
        }
        *self.inner.options.borrow_mut() = options;
        let inner = self.inner.clone();
        self.inner
            .loads
            .join_or_start("load", move || inner.run_load())
    }
}

impl Inner {
    async fn run_load(self: Rc<Self>) -> Result<(), ClerkError> {
        self.listen_to_browser();
        // A development instance "touches" its environment, as ClerkJS does.
        let method = match self.key.instance_type() {
            crate::InstanceType::Development => Method::Patch,
            crate::InstanceType::Production => Method::Get,
        };
        let environment = self
            .fapi
            .request::<WireEnvironment>(method, "/environment", "");
        let (environment, client) = join(environment, self.read_client()).await;
        let (client, confirmed) = match client {
            Ok(found) => found,
            Err(err) => {
                let mut s = self.draft();
                s.status = Status::Error;
                self.publish(s);
                return Err(err);
            }
        };
        let status = if environment.is_ok() && confirmed {
            Status::Ready
        } else {
            Status::Degraded
        };
        let mut s = self.draft();
        s.status = status;
        s.loaded = true;
        if let Ok(env) = environment {
            s.environment = Rc::new(Environment::from(env));
        }
        // Nothing is current before the first load: the server's choice becomes current.
        self.publish_client(s, client, true);
        self.sync_cookies(&self.snapshot());
        self.refresh_session_cookie();
        Ok(())
    }

    /// Without a token for the current session, fetches one in the background so the
    /// `__session` cookie (read by server-rendered pages) is written. FAPI's client carries
    /// each signed-in session's `last_active_token`, so this sends nothing there (nor does
    /// ClerkJS); it covers an answer without one.
    fn refresh_session_cookie(self: &Rc<Self>) {
        let state = self.snapshot();
        let Some(id) = state.session().map(|s| s.id.clone()) else {
            return;
        };
        if self.cached_token(&id).is_none() {
            let clerk = crate::Clerk {
                inner: self.clone(),
            };
            // The token request starts now and runs to completion without a waiter (no
            // spawned task to await it); a failure leaves the cookie unset and the next
            // getToken() retries.
            drop(clerk.get_token(Some(&id)));
        }
    }

    /// Replays pending sign-outs, then `GET /v1/client`. Returns the client and whether every
    /// pending sign-out is confirmed; sessions of unconfirmed ones are shown as ended.
    ///
    /// # Errors
    /// `GET /v1/client` failed, except for a network failure with a sign-out pending, which
    /// gives no client (the user stays signed out locally).
    pub(crate) async fn read_client(
        self: &Rc<Self>,
    ) -> Result<(Option<Rc<Client>>, bool), ClerkError> {
        let confirmed = self.replay_pending().await;
        let answer = self
            .fapi
            .request::<ClientEnvelope>(Method::Get, "/client", "")
            .await;
        let client = match answer {
            Ok(envelope) => envelope.response.map(Client::from),
            Err(err) if err.is_network() && !confirmed => return Ok((None, false)),
            Err(err) => return Err(err),
        };
        let pending = self.journal.entries();
        let client = client.map(|mut c| {
            for session in &mut c.sessions {
                if pending.iter().any(|p| p.covers(&c.id, &session.id)) {
                    session.status = SessionStatus::Ended;
                }
            }
            Rc::new(c)
        });
        Ok((client, confirmed))
    }

    /// Ends every journaled session, one removal each (only those: a session created since
    /// is never touched); returns whether all are confirmed now. Each entry is replayed under
    /// its Web Lock, so of the tabs replaying it at once one sends the removals and the
    /// others find them confirmed.
    pub(crate) async fn replay_pending(self: &Rc<Self>) -> bool {
        for entry in self.journal.entries() {
            let name = self.journal.lock_name(&entry.client_id);
            let inner = self.clone();
            let replay = move || async move { inner.replay_entry(&entry.client_id).await };
            if !crate::browser::exclusively(&name, replay).await {
                return false;
            }
        }
        true
    }

    /// Replays the entry of `client_id` as the journal has it now (inside the lock: another
    /// tab may have confirmed some or all of it meanwhile); returns whether all is confirmed.
    async fn replay_entry(&self, client_id: &str) -> bool {
        let entries = self.journal.entries();
        let Some(entry) = entries.iter().find(|e| e.client_id == client_id) else {
            return true;
        };
        for session_id in &entry.session_ids {
            match self.send_remove(session_id).await {
                Ok(_) => {}
                // Already gone (ended elsewhere, expired, or the client is another one):
                // nothing left to sign out.
                Err(err) if is_gone(&err) => {}
                Err(_) => return false,
            }
            self.journal.confirm(client_id, session_id);
        }
        true
    }

    /// Replaces the client. The current session stays if still signed in; otherwise, when
    /// `choose` is set (a fresh read), the server's choice, else none.
    pub(crate) fn apply_client(&self, client: Option<Rc<Client>>, choose: bool) {
        self.publish_client(self.draft(), client, choose);
    }

    /// [`Inner::apply_client`] on a draft that may carry other changes (the load's status
    /// and environment), published together: one copy of the session choice for both.
    fn publish_client(&self, mut s: State, client: Option<Rc<Client>>, choose: bool) {
        let current = client.as_deref().and_then(|c| {
            s.current_session_id
                .as_deref()
                .and_then(|id| c.signed_in_session(id))
                .or_else(|| choose.then(|| c.choose_current_session()).flatten())
                .map(|s| s.id.clone())
        });
        self.seed_tokens(client.as_deref());
        s.client = client;
        s.current_session_id = current;
        self.publish(s);
    }

    /// Writes `__session`, `__client_uat` and `clerk_active_context` (`<session id>:<organization
    /// id>`, ClerkJS's format; no organizations here) for a signed-in state, clears them
    /// otherwise.
    pub(crate) fn sync_cookies(&self, state: &State) {
        let development = self.key.instance_type() == crate::InstanceType::Development;
        match state.session() {
            Some(session) => {
                let token = self.cached_token(&session.id);
                if let Some(jwt) = token {
                    self.cookies.set("__session", &jwt, 60);
                }
                let context = [session.id.as_str(), ":"].concat();
                self.cookies
                    .set_for_browser_session("clerk_active_context", &context);
                if development {
                    let uat = state.client.as_ref().map_or(0.0, |c| c.updated_at / 1000.0);
                    self.cookies.set_strict(
                        "__client_uat",
                        // `as` truncates, which is `floor` for the non-negative timestamps
                        // (and saturates otherwise).
                        &(uat as u64).to_string(),
                        365 * 86400,
                    );
                }
            }
            None if !state.transitioning => self.clear_cookies(),
            None => {}
        }
    }

    /// Sign-out cookies: `__session` and twin, `clerk_active_context`; `__client_uat=0` on
    /// development instances.
    pub(crate) fn clear_cookies(&self) {
        self.cookies.remove("__session");
        self.cookies
            .remove_for_browser_session("clerk_active_context");
        if self.key.instance_type() == crate::InstanceType::Development {
            self.cookies.set_strict("__client_uat", "0", 365 * 86400);
        }
    }

    fn listen_to_browser(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        *self.cross_tab.borrow_mut() = CrossTab::listen(move |pending| {
            if let Some(inner) = weak.upgrade() {
                inner.adopt(pending);
                crate::browser::spawn(inner.resync(false));
            }
        });
        let weak = Rc::downgrade(self);
        *self.online.borrow_mut() = Some(OnlineListener::new(move || spawn_resync(&weak, true)));
    }

    /// Journals a pending sign-out another tab announced, when it is of this browser's
    /// client, so the re-read that follows replays it even if the sender's own journal write
    /// is not visible here yet (and this tab replays it later if its network is out too).
    fn adopt(&self, pending: Option<PendingSignOut>) {
        let ours = |p: &PendingSignOut| {
            self.snapshot()
                .client
                .as_ref()
                .is_some_and(|c| c.id == p.client_id)
        };
        if let Some(pending) = pending.filter(ours) {
            self.journal.add(pending);
        }
    }

    /// Catches up with the server: after a sign-out in another tab (`online` false), or when
    /// the network comes back (`online`: pending sign-outs are replayed first). One async fn
    /// for both events: each was its own state machine with its own copy of the re-read.
    async fn resync(self: Rc<Self>, online: bool) {
        if online {
            if self.journal.entries().is_empty() {
                return;
            }
            if !(self.replay_pending().await && self.snapshot().loaded) {
                return;
            }
        }
        // Re-reads the client; the current session stays if still signed in.
        let refreshed = self.read_client().await.map(|(client, _)| {
            self.apply_client(client, true);
            self.sync_cookies(&self.snapshot());
        });
        if online {
            if self.snapshot().status == Status::Degraded {
                let mut s = self.draft();
                s.status = Status::Ready;
                self.publish(s);
            }
        } else if let Err(err) = refreshed {
            crate::browser::report(
                "Clerk: re-reading the client after a sign-out in another tab failed",
                &err.message().into(),
            );
        }
    }
}

/// Runs [`Inner::resync`] if the instance still exists.
fn spawn_resync(weak: &Weak<Inner>, online: bool) {
    if let Some(inner) = weak.upgrade() {
        crate::browser::spawn(inner.resync(online));
    }
}
