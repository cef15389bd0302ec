//! The example app in headless Chromium against the development server.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../../tests/common/mod.rs"]
mod common;

use clerk_wasm_example_app::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn element(tag: &str) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element(tag).unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
async fn a_rust_app_shows_the_signed_in_user_and_signs_out_through_the_typed_api() {
    common::reset(false, false).await;
    common::clear_page_state();
    let session_id = common::sign_in("ada@example.test").await;
    let (header, greeting) = (element("header"), element("p"));

    let app = App::start(&common::publishable_key(), &header, greeting.clone())
        .await
        .unwrap();
    assert_eq!(
        greeting.text_content().unwrap(),
        "Signed in as Ada Lovelace"
    );
    assert!(
        header
            .query_selector(".cl-userButtonTrigger")
            .unwrap()
            .is_some(),
        "the user button is mounted"
    );

    app.sign_out().await.unwrap();
    assert_eq!(greeting.text_content().unwrap(), "Signed out");
    assert_ne!(common::server_session_status(&session_id).await, "active");
    assert_eq!(
        header.child_element_count(),
        0,
        "the button disappears once signed out"
    );

    drop(app);
    assert_eq!(
        clerk_wasm::ui::mounted_count(),
        0,
        "dropping the app unmounts its button"
    );
}
