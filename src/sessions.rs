//! Session operations: `setActive`, `session.end()`, `session.remove()`, `session.touch()`,
//! `session.getToken()`.

use std::rc::Rc;

use core::future::Future;

use crate::api::wire::{self, Envelope};
use crate::api::Method;
use crate::clerk::Inner;
use crate::flight::FlightWait;
use crate::resources::Client;
use crate::{browser, Clerk, ClerkError, GetTokenOptions};

/// A token is refreshed when less than this many seconds of it are left.
const TOKEN_LEEWAY_S: f64 = 10.0;

/// What [`Inner::mutate_session`] asks of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SessionAction {
    /// `setActive`: `/touch` with `intent=select_session`, then it is current.
    Select,
    /// `session.end()`.
    End,
    /// `session.remove()`.
    Remove,
    /// `session.touch()`: marks the session active now; the current session stays.
    Touch,
}

impl SessionAction {
    fn path(self) -> &'static str {
        match self {
            Self::Select | Self::Touch => "/touch",
            Self::End => "/end",
            Self::Remove => "/remove",
        }
    }
}

/// The `exp` claim of a JWT (seconds), without verifying it (the server does).
pub(crate) fn jwt_exp(jwt: &str) -> Option<f64> {
    let payload = jwt.split('.').nth(1)?;
    let bytes = crate::config::decode_base64(payload)?;
    let claims = wire::parse(&String::from_utf8_lossy(&bytes)).ok()?;
    wire::read::<wire::Claims>(claims, 200).ok()?.exp
}

impl Clerk {
    /// Makes another signed-in session of this browser current
    /// (`POST /v1/client/sessions/{id}/touch`, `intent=select_session`).
    ///
    /// # Errors
    /// [`ClerkError::NotLoaded`], [`ClerkError::SessionNotFound`] when no signed-in session
    /// has that id, or the API error.
    // Not an `async fn`: the future owns what it needs ('static), so the JS facade can hand
    // it to a promise as is.
    pub fn set_active(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<(), ClerkError>> + 'static {
        self.inner.mutate_session(session_id, SessionAction::Select)
    }

    /// Signs out locally without a request (JS `setActive({ session: null })`).
    pub fn clear_active(&self) {
        let mut s = self.inner.draft();
        s.current_session_id = None;
        self.inner.publish(s);
        self.inner.clear_cookies();
    }

    /// Ends a session of this browser (`POST /v1/client/sessions/{id}/end`).
    ///
    /// # Errors
    /// The API error (e.g. 404 `resource_not_found` for a session of another client).
    pub fn end_session(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<(), ClerkError>> + 'static {
        self.inner.mutate_session(session_id, SessionAction::End)
    }

    /// Removes a session from this browser (`POST /v1/client/sessions/{id}/remove`).
    ///
    /// # Errors
    /// The API error.
    pub fn remove_session(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<(), ClerkError>> + 'static {
        self.inner.mutate_session(session_id, SessionAction::Remove)
    }

    /// Marks a session of this browser active now (`POST /v1/client/sessions/{id}/touch`,
    /// ClerkJS's `session.touch()`); the state takes the client the server answers with.
    ///
    /// # Errors
    /// The API error.
    pub fn touch_session(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<(), ClerkError>> + 'static {
        self.inner.mutate_session(session_id, SessionAction::Touch)
    }

    /// A session token (JWT) for `session_id`, or for the current session when `None`;
    /// `Ok(None)` when there is no such session. Cached until shortly before it expires;
    /// concurrent calls share one request. Like a JS promise, the request starts when this is
    /// called, not when the future is first polled, and runs to completion either way.
    ///
    /// ```no_run
    /// # async fn demo(clerk: clerk_wasm::Clerk) -> Result<(), clerk_wasm::ClerkError> {
    /// if let Some(jwt) = clerk.get_token(None).await? {
    ///     // Authorization: Bearer <jwt> for the app's own backend.
    ///     let _ = jwt;
    /// }
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The API error of `POST /v1/client/sessions/{id}/tokens`.
    pub fn get_token(
        &self,
        session_id: Option<&str>,
    ) -> impl Future<Output = Result<Option<String>, ClerkError>> + 'static {
        self.get_token_with(session_id, GetTokenOptions::default())
    }

    /// [`Clerk::get_token`] with ClerkJS's options: a JWT template's token (`POST
    /// .../tokens/{template}`, never the session's own token), an organization's, or a new
    /// one whatever the cache holds (`skip_cache`). Each template and organization has its
    /// own cache entry.
    ///
    /// # Errors
    /// The API error, e.g. 404 `resource_not_found` for a template the instance does not have.
    // Not an `async fn`: the request starts when this is called, and the future borrows
    // nothing ('static).
    pub fn get_token_with(
        &self,
        session_id: Option<&str>,
        options: GetTokenOptions,
    ) -> impl Future<Output = Result<Option<String>, ClerkError>> + 'static {
        let state = self.inner.snapshot();
        let Some(id) = session_id
            .map(str::to_owned)
            .or_else(|| state.current_session_id.clone())
        else {
            return FlightWait::ready(Ok(None));
        };
        let variant = options.variant();
        if !options.skip_cache {
            if let Some(jwt) = self.inner.cached_variant(&id, &variant) {
                return FlightWait::ready(Ok(Some(jwt)));
            }
        }
        let inner = self.inner.clone();
        let key = [id.as_str(), "\n", &variant].concat();
        self.inner
            .tokens
            .join_or_start(&key, move || inner.fetch_token(id, options))
    }
}

impl Inner {
    /// `POST /v1/client/sessions/{id}/{touch,end,remove}`, then the new client. The future
    /// owns what it needs ('static).
    pub(crate) fn mutate_session(
        self: &Rc<Self>,
        session_id: &str,
        action: SessionAction,
    ) -> impl Future<Output = Result<(), ClerkError>> + 'static {
        self.clone().run_mutation(session_id.to_owned(), action)
    }

    async fn run_mutation(
        self: Rc<Self>,
        session_id: String,
        action: SessionAction,
    ) -> Result<(), ClerkError> {
        let select = action == SessionAction::Select;
        if select {
            let state = self.snapshot();
            if !state.loaded {
                return Err(ClerkError::NotLoaded);
            }
            if state
                .client
                .as_deref()
                .and_then(|c| c.signed_in_session(&session_id))
                .is_none()
            {
                return Err(ClerkError::SessionNotFound { session_id });
            }
        }
        let path = ["/client/sessions/", &session_id, action.path()].concat();
        // ClerkJS's touch names the (absent) organization too.
        let form = if select {
            "active_organization_id=&intent=select_session"
        } else {
            ""
        };
        let answer: Envelope = self.fapi.request(Method::Post, &path, form).await?;
        let client = answer.client.map(|c| Rc::new(Client::from(c)));
        if select {
            let client = client.or_else(|| self.snapshot().client.clone());
            self.seed_tokens(client.as_deref());
            let mut s = self.draft();
            s.client = client;
            s.current_session_id = Some(session_id);
            self.publish(s);
        } else {
            if action != SessionAction::Touch {
                self.forget_token(&session_id);
            }
            if client.is_some() {
                self.apply_client(client, false);
            }
        }
        self.sync_cookies(&self.snapshot());
        Ok(())
    }

    async fn fetch_token(
        self: Rc<Self>,
        session_id: String,
        options: GetTokenOptions,
    ) -> Result<Option<String>, ClerkError> {
        let mut path = ["/client/sessions/", &session_id, "/tokens"].concat();
        let form = match options.template() {
            // A template's token names no organization, as ClerkJS's does not.
            Some(template) => {
                path.push('/');
                path.push_str(&browser::encode_component(template));
                String::new()
            }
            // As ClerkJS: `organization_id` always, empty for none.
            None => {
                let org = options.organization_id.as_deref().unwrap_or_default();
                browser::form([("organization_id", org)].into_iter())
            }
        };
        let token: wire::Token = self.fapi.request(Method::Post, &path, &form).await?;
        let variant = options.variant();
        self.remember_token(&session_id, &variant, &token.jwt);
        let state = self.snapshot();
        // Only the session's own token is the `__session` cookie.
        if variant.is_empty()
            && state.current_session_id.as_deref() == Some(session_id.as_str())
            && !state.transitioning
        {
            self.cookies.set("__session", &token.jwt, 60);
        }
        Ok(Some(token.jwt))
    }

    /// The session's own cached token, still valid for a while.
    pub(crate) fn cached_token(&self, session_id: &str) -> Option<String> {
        self.cached_variant(session_id, "")
    }

    /// A cached token of the session (`variant`: see [`GetTokenOptions::variant`]) still
    /// valid for a while.
    fn cached_variant(&self, session_id: &str, variant: &str) -> Option<String> {
        let now_s = browser::now_ms() / 1000.0;
        self.token_cache
            .borrow()
            .iter()
            .find(|(id, v, _, exp)| {
                id == session_id && v == variant && *exp - TOKEN_LEEWAY_S > now_s
            })
            .map(|(_, _, jwt, _)| jwt.clone())
    }

    fn remember_token(&self, session_id: &str, variant: &str, jwt: &str) {
        let Some(exp) = jwt_exp(jwt) else { return };
        let mut cache = self.token_cache.borrow_mut();
        cache.retain(|(id, v, _, _)| id != session_id || v != variant);
        cache.push((
            session_id.to_owned(),
            variant.to_owned(),
            jwt.to_owned(),
            exp,
        ));
    }

    /// Forgets every cached token of the session.
    pub(crate) fn forget_token(&self, session_id: &str) {
        self.token_cache
            .borrow_mut()
            .retain(|(id, _, _, _)| id != session_id);
    }

    /// Caches the `last_active_token` of every signed-in session; drops the others.
    pub(crate) fn seed_tokens(&self, client: Option<&Client>) {
        let Some(client) = client else {
            self.token_cache.borrow_mut().clear();
            return;
        };
        self.token_cache
            .borrow_mut()
            .retain(|(id, _, _, _)| client.signed_in_session(id).is_some());
        for session in client.signed_in_sessions() {
            if let Some(token) = &session.last_active_token {
                if self.cached_token(&session.id).is_none() {
                    self.remember_token(&session.id, "", &token.jwt);
                }
            }
        }
    }
}

#[cfg(test)]
#[cfg(target_arch = "wasm32")]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_session_token_s_expiry_is_read_from_its_claims() {
        // {"sid":"sess_1","exp":1700000000,"name":"Émile"}, base64url without padding.
        let payload = "eyJzaWQiOiJzZXNzXzEiLCJleHAiOjE3MDAwMDAwMDAsIm5hbWUiOiLDiW1pbGUifQ";
        assert_eq!(super::jwt_exp(&format!("h.{payload}.s")), Some(1.7e9));
        assert_eq!(super::jwt_exp("not-a-jwt"), None);
    }
}
