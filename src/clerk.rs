//! The Rust API: [`Clerk`], a cheap handle over the shared instance.

use core::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::api::{DevBrowser, Fapi};
use crate::auth::cookies::Cookies;
use crate::auth::cross_tab::CrossTab;
use crate::auth::dev_browser::PageTokenStore;
use crate::auth::online::OnlineListener;
use crate::auth::pending::Journal;
use crate::flight::Flights;
use crate::frontend_api::fapi_base_url;
use crate::listeners::{Listener, Registry};
use crate::navigation::{self, Navigation};
use crate::{browser, ClerkError, ClerkOptions, InstanceType, LoadOptions, PublishableKey, State};

/// A Clerk instance bound to one publishable key.
///
/// Cheap to clone: every clone is a handle on the same instance.
///
/// ```no_run
/// # async fn demo() -> Result<(), clerk_wasm::ClerkError> {
/// use clerk_wasm::{Clerk, LoadOptions, SignOutOptions};
/// let clerk = Clerk::new("pk_test_MTI3LjAuMC4xOjQwMDAk")?;
/// clerk.load(LoadOptions::default()).await?;
/// if clerk.state().is_signed_in() {
///     clerk.sign_out(SignOutOptions::default()).await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Clerk {
    pub(crate) inner: Rc<Inner>,
}

/// The shared instance behind every [`Clerk`] handle.
pub(crate) struct Inner {
    pub(crate) key: PublishableKey,
    pub(crate) fapi: Fapi,
    /// The instance's cookie jar (`__session`, `__client_uat`, ...).
    pub(crate) cookies: Cookies,
    pub(crate) journal: Journal,
    pub(crate) options: RefCell<LoadOptions>,
    pub(crate) state: RefCell<Rc<State>>,
    pub(crate) listeners: Rc<Registry>,
    pub(crate) loads: Flights<Result<(), ClerkError>>,
    /// Each answers whether it signed out the current session.
    pub(crate) sign_outs: Flights<Result<bool, ClerkError>>,
    pub(crate) tokens: Flights<Result<Option<String>, ClerkError>>,
    /// Cached session tokens: (session id, variant (template or organization, empty for the
    /// session's own token), jwt, expiry in epoch seconds).
    pub(crate) token_cache: RefCell<Vec<(String, String, String, f64)>>,
    /// The client to show once a sign-out of the current session finishes.
    pub(crate) signed_out_client: RefCell<Option<Option<Rc<crate::Client>>>>,
    pub(crate) cross_tab: RefCell<Option<CrossTab>>,
    pub(crate) online: RefCell<Option<OnlineListener>>,
}

/// A handle on a [`Clerk`] that does not keep it alive (for objects the instance's own
/// listeners reach, which would otherwise form a cycle).
#[derive(Debug, Clone)]
pub(crate) struct WeakClerk(Weak<Inner>);

impl WeakClerk {
    /// The instance, if it still exists.
    pub(crate) fn upgrade(&self) -> Option<Clerk> {
        self.0.upgrade().map(|inner| Clerk { inner })
    }
}

impl core::fmt::Debug for Inner {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Clerk")
            .field("publishable_key", &self.key.as_str())
            .field("state", &self.state.borrow())
            .field("listeners", &self.listeners)
            .finish_non_exhaustive()
    }
}

impl Clerk {
    /// Creates an instance for a publishable key. Nothing is fetched until it is loaded.
    ///
    /// # Errors
    /// [`ClerkError::InvalidPublishableKey`] when the key is malformed.
    pub fn new(publishable_key: &str) -> Result<Self, ClerkError> {
        Self::with_options(publishable_key, ClerkOptions::default())
    }

    /// Creates an instance with a `proxy_url` or satellite `domain`.
    ///
    /// # Errors
    /// [`ClerkError::InvalidPublishableKey`] for a malformed key, [`ClerkError::InvalidOption`]
    /// for an unusable `proxy_url`.
    // By value, as the JS constructor takes its options object.
    #[allow(clippy::needless_pass_by_value)]
    pub fn with_options(publishable_key: &str, options: ClerkOptions) -> Result<Self, ClerkError> {
        let key = PublishableKey::parse(publishable_key)?;
        let base = fapi_base_url(&key, &options, &browser::page_origin())?;
        let cookies = Cookies::new(key.as_str());
        let dev = (key.instance_type() == InstanceType::Development).then(|| {
            let store = PageTokenStore::new(cookies.clone());
            DevBrowser::new(Box::new(store))
        });
        let fapi = Fapi::new(base, dev);
        let inner = Inner {
            journal: Journal::new(key.as_str()),
            state: RefCell::new(Rc::new(State::initial(key.instance_type()))),
            key,
            fapi,
            cookies,
            options: RefCell::default(),
            listeners: Rc::default(),
            loads: Flights::default(),
            sign_outs: Flights::default(),
            tokens: Flights::default(),
            token_cache: RefCell::default(),
            signed_out_client: RefCell::default(),
            cross_tab: RefCell::default(),
            online: RefCell::default(),
        };
        Ok(Self {
            inner: Rc::new(inner),
        })
    }

    /// A handle that does not keep this instance alive.
    pub(crate) fn downgrade(&self) -> WeakClerk {
        WeakClerk(Rc::downgrade(&self.inner))
    }

    /// The publishable key this instance was made with.
    pub fn publishable_key(&self) -> &str {
        self.inner.key.as_str()
    }

    /// The Frontend API host decoded from the key.
    pub fn frontend_api(&self) -> &str {
        self.inner.key.frontend_api()
    }

    /// Development or production, from the key's prefix.
    pub fn instance_type(&self) -> InstanceType {
        self.inner.key.instance_type()
    }

    /// The current state snapshot. Cheap: a new snapshot replaces it on every change.
    pub fn state(&self) -> Rc<State> {
        self.inner.state.borrow().clone()
    }

    /// The options `load` was given.
    pub fn load_options(&self) -> LoadOptions {
        self.inner.options.borrow().clone()
    }

    /// Runs `read` on the options `load` was given, borrowed rather than copied (navigation and
    /// sign-out need one or two fields, not a copy of the appearance and localization too).
    /// `read` must not call `load`.
    pub(crate) fn with_load_options<T>(&self, read: impl FnOnce(&LoadOptions) -> T) -> T {
        read(&self.inner.options.borrow())
    }

    /// Whether a sign-out request is in flight.
    pub fn is_signing_out(&self) -> bool {
        self.inner.sign_outs.is_busy()
    }

    /// Registers a listener, called at once if already loaded and on every change after.
    /// Dropping the returned [`Listener`] unregisters it.
    pub fn add_listener(&self, mut callback: impl FnMut(&State) + 'static) -> Listener {
        let state = self.state();
        if state.loaded {
            callback(&state);
        }
        self.inner.listeners.add(callback)
    }

    /// How many listeners are registered (leak tests count them).
    pub fn listener_count(&self) -> usize {
        self.inner.listeners.len()
    }

    /// Navigates to `url`, honouring the protocol allow-list (a disallowed target becomes
    /// `/`) and `router_push` for same-origin targets.
    pub fn navigate(&self, url: &str) {
        // As ClerkJS: nowhere to go is no navigation (not a reload).
        if url.trim().is_empty() {
            return;
        }
        // The router is called after the borrow ends: it may call back into this instance.
        let (target, router) = self.with_load_options(|options| {
            let target = navigation::allowed_or_root(url, &options.allowed_redirect_protocols);
            (target, options.router_push.clone())
        });
        match navigation::plan(&target, &browser::page_origin(), router.is_some()) {
            Navigation::Push(path) => {
                if let Some(push) = router {
                    push(&path);
                }
            }
            Navigation::Assign(url) => navigation::assign(&url),
        }
    }
}

impl Inner {
    /// Replaces the state with `change` applied to a copy, then notifies listeners.
    /// The core itself uses [`Inner::draft`] + [`Inner::publish`]: a generic `update` is
    /// compiled once per call site (~130 bytes each in the wasm). The UI tests' way to set
    /// up a state (they run in the browser only).
    #[cfg(all(test, target_arch = "wasm32"))]
    pub(crate) fn update(&self, change: impl FnOnce(&mut State)) {
        let mut next = self.draft();
        change(&mut next);
        self.publish(next);
    }

    /// A copy of the current state to change and [`Inner::publish`].
    pub(crate) fn draft(&self) -> State {
        (**self.state.borrow()).clone()
    }

    /// Makes `next` the state (a new version) and notifies listeners.
    pub(crate) fn publish(&self, mut next: State) {
        next.version += 1;
        let next = Rc::new(next);
        *self.state.borrow_mut() = next.clone();
        self.listeners.notify(&next);
    }

    pub(crate) fn snapshot(&self) -> Rc<State> {
        self.state.borrow().clone()
    }
}
