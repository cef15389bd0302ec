//! clerk-wasm: Clerk's `window.Clerk` sign-out and user button, in Rust compiled to WebAssembly.
//!
//! The crate is usable two ways from Rust: as a typed API ([`Clerk`], [`ClerkError`]) for
//! Rust web apps, and as the library behind the npm package and the script tag (the `wasm/`
//! crate links it into the module), whose `#[wasm_bindgen]` facade lives in `bindings` (the
//! only place `JsValue` appears in signatures).
//!
//! The core (the Frontend API client, state, sign-out, cookies, cross-tab and offline
//! sign-out) is Rust, and so is the user button ([`ui`]), rendered through web-sys and
//! driving the core through the typed API an app uses.
//!
//! ```
//! use clerk_wasm::{Clerk, InstanceType};
//!
//! // base64("clerk.example.com$")
//! let clerk = Clerk::new("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k").unwrap();
//! assert_eq!(clerk.frontend_api(), "clerk.example.com");
//! assert_eq!(clerk.instance_type(), InstanceType::Production);
//! ```
#![deny(missing_docs, missing_debug_implementations)]

mod api;
mod auth;
mod bindings;
mod bindings_ui;
mod browser;
mod clerk;
mod config;
mod decimal;
mod error;
mod flight;
mod frontend_api;
mod listeners;
mod load;
mod navigation;
mod options;
mod resources;
mod sessions;
mod sign_out;
mod state;
pub mod ui;
mod urls;

pub use bindings::{is_clerk_api_response_error, JsClerk, JsSession};
pub use clerk::Clerk;
pub use config::{InstanceType, PublishableKey};
pub use error::{ApiError, ApiErrorItem, ApiErrorMeta, ClerkError};
pub use frontend_api::{fapi_base_url, ClerkOptions};
pub use listeners::Listener;
pub use options::{
    AfterSignOut, GetTokenOptions, LoadOptions, LocalFuture, RouterPush, SignOutOptions,
};
pub use resources::{
    AuthConfig, Client, DisplayConfig, EmailAddress, Environment, PhoneNumber, PublicUserData,
    Session, SessionStatus, Token, User, Web3Wallet,
};
pub use state::{State, Status};
pub use urls::SignInRedirectOptions;

#[cfg(all(feature = "small-alloc", target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// This SDK's version, sent to the Frontend API as `_clerk_js_version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
