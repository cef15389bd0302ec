//! `signOut`: every branch of PROTOCOL.md §7, plus the durable sign-out when offline.

use std::rc::Rc;

use crate::api::wire::{self, ClientEnvelope, Envelope};
use crate::api::Method;
use crate::auth::pending::{remove_path, PendingSignOut};
use crate::clerk::Inner;
use crate::flight::FlightWait;
use crate::navigation::sign_out_target;
use crate::resources::{Client, SessionStatus};
use crate::{AfterSignOut, Clerk, ClerkError, SignOutOptions};

/// What one `signOut` call has to do, decided from the state when it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Plan {
    /// No client or no sessions: resolve at once.
    Nothing,
    /// `POST /v1/client/sessions?_method=DELETE`.
    AllSessions,
    /// `POST /v1/client/sessions/{id}/remove`; `current` when it is the current session.
    Remove { session_id: String, current: bool },
}

/// Decides the branch (mirrors ClerkJS): no sessions → nothing; no `session_id` or exactly one
/// signed-in session → every session of this browser; else remove that one session, or
/// nothing if it is not a signed-in session of this browser.
pub(crate) fn plan(
    client: Option<&Client>,
    current: Option<&str>,
    session_id: Option<&str>,
) -> Plan {
    let Some(client) = client.filter(|c| !c.sessions.is_empty()) else {
        return Plan::Nothing;
    };
    let signed_in = client.signed_in_sessions().count();
    match session_id {
        None => Plan::AllSessions,
        Some(_) if signed_in == 1 => Plan::AllSessions,
        Some(id) if client.signed_in_session(id).is_some() => Plan::Remove {
            session_id: id.to_owned(),
            current: Some(id) == current,
        },
        Some(_) => Plan::Nothing,
    }
}

impl Clerk {
    /// Signs out (PROTOCOL.md §7) and then navigates to the redirect target.
    ///
    /// ```no_run
    /// # async fn demo(clerk: clerk_wasm::Clerk) -> Result<(), clerk_wasm::ClerkError> {
    /// use clerk_wasm::SignOutOptions;
    /// // Every session of this browser, then to "/bye".
    /// let options = SignOutOptions { redirect_url: Some("/bye".into()), ..Default::default() };
    /// clerk.sign_out(options).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`ClerkError::Api`] when the server refused (the user stays signed in). A network
    /// failure is not an error: the user is signed out locally and the sign-out is replayed
    /// when the network returns. Like a JS promise, the sign-out starts when this is called,
    /// not when the future is first polled, and runs to completion either way. Called while
    /// a `load` is in flight, it waits for the load and signs out what the load found, or
    /// fails with the load's error.
    pub fn sign_out(
        &self,
        options: SignOutOptions,
    ) -> impl core::future::Future<Output = Result<(), ClerkError>> + 'static {
        self.sign_out_then(options, AfterSignOut::Redirect)
    }

    /// Signs out, then runs `after` (a callback replaces the redirect). Concurrent calls for
    /// the same target share one request; each caller's `after` runs once it completes.
    ///
    /// # Errors
    /// As [`Clerk::sign_out`].
    // Not an `async fn`: the sign-out starts when this is called (planned on the state of that
    // moment, or of the end of a load in flight), and the future borrows nothing ('static).
    pub fn sign_out_then(
        &self,
        options: SignOutOptions,
        after: AfterSignOut,
    ) -> impl core::future::Future<Output = Result<(), ClerkError>> + 'static {
        let SignOutOptions {
            session_id,
            redirect_url,
        } = options;
        // Planned and started now, like a JS promise (and like `load`), except during a load:
        // planned on its empty state, it would resolve having done nothing while the session
        // the load then finds stays active; so it is planned once the load has read the client.
        let wait = match self.inner.loads.get("load") {
            Some(load) => self.start_after(load.wait(), session_id),
            None => self.start_planned(session_id.as_deref()),
        };
        let clerk = self.clone();
        async move {
            let signed_out_current = wait.await?;
            if !signed_out_current {
                return Ok(());
            }
            // Whatever happens to this future from here on, the state must not stay
            // transitioning.
            let _finish = FinishOnDrop(clerk.inner.clone());
            match after {
                AfterSignOut::Callback(callback) => callback().await,
                AfterSignOut::Redirect => {
                    let target = clerk.with_load_options(|options_| {
                        sign_out_target(
                            redirect_url.as_deref(),
                            options_.after_sign_out_url.as_deref(),
                            &options_.allowed_redirect_protocols,
                        )
                    });
                    clerk.navigate(&target);
                }
            }
            Ok(())
        }
    }
}

impl Clerk {
    /// Plans the sign-out on the current state and starts it, or joins the same sign-out in
    /// flight. Resolves to whether the current session was signed out.
    fn start_planned(&self, session_id: Option<&str>) -> FlightWait<Result<bool, ClerkError>> {
        let state = self.state();
        let plan = plan(
            state.client.as_deref(),
            state.current_session_id.as_deref(),
            session_id,
        );
        let key = match &plan {
            // Nothing to sign out: answered as a sign-out that left the current session.
            Plan::Nothing => return FlightWait::ready(Ok(false)),
            Plan::AllSessions => "all".to_owned(),
            Plan::Remove { session_id, .. } => session_id.clone(),
        };
        let inner = self.inner.clone();
        self.inner
            .sign_outs
            .join_or_start(&key, move || inner.start_sign_out(plan))
    }

    /// [`Clerk::start_planned`] once `load` has finished, run to completion whether or not
    /// anyone waits. Concurrent calls for the same target share it.
    ///
    /// # Errors
    /// The load's error: a load that failed leaves nothing known to sign out.
    fn start_after(
        &self,
        load: FlightWait<Result<(), ClerkError>>,
        session_id: Option<String>,
    ) -> FlightWait<Result<bool, ClerkError>> {
        let key = format!("after load:{}", session_id.as_deref().unwrap_or_default());
        let clerk = self.clone();
        self.inner
            .sign_outs
            .join_or_start(&key, move || async move {
                load.await?;
                clerk.start_planned(session_id.as_deref()).await
            })
    }
}

impl Inner {
    /// Marks the state transitioning (synchronously, so listeners see `undefined` before the
    /// request leaves) and returns the request's future. It resolves to whether the current
    /// session was signed out.
    fn start_sign_out(
        self: Rc<Self>,
        plan: Plan,
    ) -> impl core::future::Future<Output = Result<bool, ClerkError>> {
        let signs_out_current = match &plan {
            Plan::Remove { current, .. } => *current,
            _ => true,
        };
        if signs_out_current {
            self.set_transitioning(true);
        }
        // What the user means now, journaled as such if the request is lost: a session
        // created later is never among them.
        let intent = intent(self.snapshot().client.as_deref(), &plan);
        self.run_sign_out(plan, intent, signs_out_current)
    }

    /// The request and its outcome: whether the current session was signed out.
    async fn run_sign_out(
        self: Rc<Self>,
        plan: Plan,
        intent: PendingSignOut,
        signs_out_current: bool,
    ) -> Result<bool, ClerkError> {
        // What the other tabs are told is left to replay, when the request is lost.
        let mut pending = None;
        let client = match self.send_sign_out(&plan).await {
            Ok(client) => client.map(|c| Rc::new(Client::from(c))),
            // Ended by a sign-out that overlapped this one: what was asked for holds.
            Err(err) if matches!(plan, Plan::Remove { .. }) && is_gone(&err) => {
                self.client_without(&intent)
            }
            Err(err) if err.is_network() => {
                // Durable sign-out: the server is told later; locally the user is out now.
                let client = self.client_without(&intent);
                self.journal.add(intent.clone());
                pending = Some(intent);
                client
            }
            Err(err) => {
                if signs_out_current {
                    self.set_transitioning(false);
                }
                return Err(err);
            }
        };
        if let Plan::Remove { session_id, .. } = &plan {
            self.forget_token(session_id);
        }
        if !signs_out_current {
            self.apply_client(client, false);
            return Ok(false);
        }
        self.token_cache.borrow_mut().clear();
        self.clear_cookies();
        if let Some(channel) = self.cross_tab.borrow().as_ref() {
            channel.announce_sign_out(pending);
        }
        *self.signed_out_client.borrow_mut() = Some(client);
        Ok(true)
    }

    /// Sends the one request of a sign-out; answers the client the server sends back.
    async fn send_sign_out(&self, plan: &Plan) -> Result<Option<wire::Client>, ClerkError> {
        if let Plan::Remove { session_id, .. } = plan {
            return self.send_remove(session_id).await;
        }
        // Signing out every session answers with the client as `response` too.
        let answer: ClientEnvelope = self
            .fapi
            .request(Method::Delete, "/client/sessions", "")
            .await?;
        Ok(answer.client.or(answer.response))
    }

    /// Ends one session (a sign-out, or the replay of a pending one); answers the client the
    /// server sends back.
    pub(crate) async fn send_remove(
        &self,
        session_id: &str,
    ) -> Result<Option<wire::Client>, ClerkError> {
        let path = remove_path(session_id);
        let answer: Envelope = self.fapi.request(Method::Post, &path, "").await?;
        Ok(answer.client)
    }

    /// The current client as it will be once `entry` is confirmed.
    fn client_without(&self, entry: &PendingSignOut) -> Option<Rc<Client>> {
        self.snapshot()
            .client
            .as_deref()
            .map(|c| Rc::new(without(c, entry)))
    }

    /// Final step of signing out the current session: state `null`, listeners notified.
    /// Runs once, whichever caller gets here first.
    fn finish_sign_out(&self) {
        let Some(client) = self.signed_out_client.borrow_mut().take() else {
            return;
        };
        self.seed_tokens(client.as_deref());
        let mut s = self.draft();
        s.client = client;
        s.current_session_id = None;
        s.transitioning = false;
        self.publish(s);
    }

    fn set_transitioning(&self, transitioning: bool) {
        let mut s = self.draft();
        s.transitioning = transitioning;
        self.publish(s);
    }
}

/// Whether the server answered that the session is no longer signed in on this browser:
/// 404 `resource_not_found` (no longer this client's, PROTOCOL.md §6: removed, as by a
/// concurrent sign-out) or 400 `session_not_active` (ended, expired or revoked). Ending it is
/// then done. Said of one session only: for every session of this browser a 404 means no
/// client, which proves nothing about the sessions the user sees.
pub(crate) fn is_gone(err: &ClerkError) -> bool {
    err.api().is_some_and(|api| {
        matches!(
            (api.status, api.code()),
            (404, "resource_not_found") | (400, "session_not_active")
        )
    })
}

/// The sign-out `plan` means on `client`: the sessions to end, as they are now.
fn intent(client: Option<&Client>, plan: &Plan) -> PendingSignOut {
    let session_ids = match plan {
        Plan::Remove { session_id, .. } => vec![session_id.clone()],
        _ => client
            .map(|c| c.signed_in_sessions().map(|s| s.id.clone()).collect())
            .unwrap_or_default(),
    };
    PendingSignOut {
        client_id: client.map(|c| c.id.clone()).unwrap_or_default(),
        session_ids,
    }
}

/// The client as it will be once `entry` is confirmed: its sessions shown as ended.
fn without(client: &Client, entry: &PendingSignOut) -> Client {
    let mut client = client.clone();
    for session in &mut client.sessions {
        if entry.covers(&client.id, &session.id) && session.status.is_signed_in() {
            session.status = SessionStatus::Ended;
        }
    }
    client
}

struct FinishOnDrop(Rc<Inner>);

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        self.0.finish_sign_out();
    }
}

#[cfg(test)]
#[path = "sign_out_tests.rs"]
mod tests;
