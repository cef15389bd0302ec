//! A Rust web app using clerk-wasm as a normal dependency, the way a Leptos, Yew or Dioxus app
//! would: typed Rust throughout, no `JsValue` juggling. The app loads Clerk, mounts the user
//! button into its header, keeps a greeting in sync with the signed-in user, and offers its own
//! "sign out" action.
//!
//! ```no_run
//! # async fn demo(header: web_sys::Element, greeting: web_sys::Element) -> Result<(), clerk_wasm::ClerkError> {
//! let app = clerk_wasm_example_app::App::start("pk_test_MTI3LjAuMC4xOjQwMDAk", &header, greeting).await?;
//! app.sign_out().await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs, missing_debug_implementations)]

use clerk_wasm::ui::{mount_user_button, UserButton, UserButtonProps};
use clerk_wasm::{AfterSignOut, Clerk, ClerkError, Listener, LoadOptions, SignOutOptions, State};
use web_sys::Element;

/// The running app: everything it owns is released when it is dropped (the user button is
/// unmounted and the listener unregistered).
#[derive(Debug)]
pub struct App {
    clerk: Clerk,
    _button: UserButton,
    _greeting: Listener,
}

impl App {
    /// Loads Clerk for `publishable_key`, mounts the user button into `header` and keeps
    /// `greeting`'s text in sync with who is signed in.
    ///
    /// # Errors
    /// A malformed key, or the Frontend API failing to answer `load`.
    pub async fn start(
        publishable_key: &str,
        header: &Element,
        greeting: Element,
    ) -> Result<Self, ClerkError> {
        let clerk = Clerk::new(publishable_key)?;
        let button = mount_user_button(
            &clerk,
            header,
            UserButtonProps {
                show_name: true,
                ..UserButtonProps::default()
            },
        );
        let listener =
            clerk.add_listener(move |state| greeting.set_text_content(Some(&greeting_for(state))));
        clerk.load(LoadOptions::default()).await?;
        Ok(Self {
            clerk,
            _button: button,
            _greeting: listener,
        })
    }

    /// The Clerk instance, for anything else the app needs.
    pub fn clerk(&self) -> &Clerk {
        &self.clerk
    }

    /// Signs out every session of this browser and stays on the page (an SPA re-renders from
    /// the listener instead of navigating).
    ///
    /// # Errors
    /// The Frontend API refusing the sign-out (the user stays signed in).
    pub async fn sign_out(&self) -> Result<(), ClerkError> {
        self.clerk
            .sign_out_then(SignOutOptions::default(), AfterSignOut::call(|| {}))
            .await
    }
}

/// What the header says for a state: who is signed in, or that nobody is.
pub fn greeting_for(state: &State) -> String {
    match state.user() {
        Some(user) => {
            let name = user
                .full_name()
                .unwrap_or_else(|| user.display_identifier().to_owned());
            format!("Signed in as {name}")
        }
        None if state.is_undetermined() => "Loading…".to_owned(),
        None => "Signed out".to_owned(),
    }
}
