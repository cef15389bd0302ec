//! The `#[wasm_bindgen]` facade: the only place `JsValue` appears in signatures. Each method
//! reads its arguments with serde (`options`), calls the typed Rust API and hands the result
//! back as ClerkJS-shaped objects built with serde (`views`, `session`, `errors`).

mod clerk;
mod errors;
mod js;
mod navigation;
pub(crate) mod options;
mod promise;
mod session;
mod types;
mod views;

pub use clerk::JsClerk;
pub use errors::is_clerk_api_response_error;
pub use session::JsSession;
