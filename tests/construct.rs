//! Constructing `Clerk` in a real browser.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use clerk_wasm::{Clerk, InstanceType};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn constructing_clerk_from_a_publishable_key_exposes_the_frontend_api_and_instance_type() {
    // base64("127.0.0.1:4000$")
    let clerk = Clerk::new("pk_test_MTI3LjAuMC4xOjQwMDAk").unwrap();
    assert_eq!(clerk.frontend_api(), "127.0.0.1:4000");
    assert_eq!(clerk.instance_type(), InstanceType::Development);
}

#[wasm_bindgen_test]
fn a_malformed_publishable_key_is_a_typed_error_with_a_stable_code() {
    let err = Clerk::new("pk_live_bm90IGEga2V5").unwrap_err();
    assert_eq!(err.code(), "invalid_publishable_key");
    assert!(err.to_string().contains("publishable key"), "{err}");
}
