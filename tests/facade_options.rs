//! The JS facade's option objects: a field of the wrong type is a `ClerkRuntimeError` with
//! the code `invalid_option` naming the field, and nothing is sent or lost; `undefined` and
//! `null` mean the defaults; fields the SDK does not read are ignored.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::JsClerk;
use common::*;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The value of a JS expression (the test page has no CSP).
fn js(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

async fn rejection(promise: Promise) -> JsValue {
    JsFuture::from(promise)
        .await
        .expect_err("the promise rejects")
}

/// `err` is a `ClerkRuntimeError` with the code `invalid_option` whose message names `field`.
fn assert_invalid_option(err: &JsValue, field: &str) {
    assert!(err.is_instance_of::<js_sys::Error>(), "{err:?}");
    assert_eq!(get(err, "name"), "ClerkRuntimeError");
    assert_eq!(get(err, "code"), "invalid_option", "{err:?}");
    let message = get(err, "message").as_string().unwrap();
    assert!(message.contains(field), "{message:?} names {field}");
}

/// A JS function recording its calls into `window[name]`.
fn recorder(name: &str) -> Function {
    Function::new_no_args(&format!(
        "(window.{name} = window.{name} || []).push('call')"
    ))
}

fn calls(name: &str) -> usize {
    let value = get(&web_sys::window().unwrap().into(), name);
    let count = if value.is_undefined() {
        0
    } else {
        js_sys::Array::from(&value).length()
    };
    Reflect::delete_property(
        web_sys::window().unwrap().unchecked_ref::<Object>(),
        &name.into(),
    )
    .unwrap();
    count as usize
}

#[wasm_bindgen_test]
fn wrongly_typed_constructor_options_throw_naming_the_field() {
    for (options, field) in [
        ("{ proxyUrl: 5 }", "proxyUrl"),
        ("{ domain: ['example.test'] }", "domain"),
        ("'https://proxy.example.test'", "new Clerk(key, options)"),
    ] {
        let err = JsClerk::new(&publishable_key(), &js(options)).unwrap_err();
        assert_invalid_option(&err, field);
    }
    // Fields the SDK does not read are ignored, whatever their type; `null` is the defaults.
    assert!(JsClerk::new(&publishable_key(), &js("{ isSatellite: 'yes' }")).is_ok());
    assert!(JsClerk::new(&publishable_key(), &JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
async fn a_wrongly_typed_load_option_rejects_naming_it_and_nothing_is_loaded_or_sent() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    clear_requests().await;
    let clerk = JsClerk::new(&publishable_key(), &JsValue::UNDEFINED).unwrap();
    for (options, field) in [
        ("{ afterSignOutUrl: 5 }", "afterSignOutUrl"),
        (
            "{ afterMultiSessionSingleSignOutUrl: {} }",
            "afterMultiSessionSingleSignOutUrl",
        ),
        ("{ signInUrl: true }", "signInUrl"),
        ("{ userProfileUrl: ['/me'] }", "userProfileUrl"),
        (
            "{ allowedRedirectProtocols: 'myapp:' }",
            "allowedRedirectProtocols",
        ),
        (
            "{ allowedRedirectProtocols: ['myapp:', 3] }",
            "allowedRedirectProtocols",
        ),
        ("{ routerPush: '/next' }", "routerPush"),
        ("'/after-sign-out'", "load(options)"),
    ] {
        let err = rejection(clerk.load(&js(options))).await;
        assert_invalid_option(&err, field);
        assert!(!clerk.loaded(), "{options}: not loaded");
    }
    assert_eq!(request_lines().await, Vec::<String>::new(), "nothing sent");
    // Fields the SDK does not read are ignored, whatever their type.
    let ignored = js("{ standardBrowser: 'yes', signUpUrl: 5, routerPush: null }");
    JsFuture::from(clerk.load(&ignored)).await.unwrap();
    assert!(clerk.is_signed_in());
}

#[wasm_bindgen_test]
async fn wrongly_typed_sign_out_set_active_and_get_token_arguments_reject_and_send_nothing() {
    reset(true, false).await;
    sign_in("ada@example.test").await;
    let clerk = JsClerk::new(&publishable_key(), &JsValue::UNDEFINED).unwrap();
    let push = js("(to) => { window.__pushed = to; }");
    let options = Object::new();
    Reflect::set(&options, &"routerPush".into(), &push).unwrap();
    JsFuture::from(clerk.load(&options)).await.unwrap();
    let session = clerk.session();
    let get_token: Function = get(&session, "getToken").unchecked_into();
    clear_requests().await;
    let callback: JsValue = recorder("__callback").into();
    let cases = [
        (
            clerk.sign_out(&js("{ sessionId: 5 }"), &JsValue::UNDEFINED),
            "sessionId",
        ),
        (
            clerk.sign_out(
                &callback,
                &js("{ redirectUrl: new URL('https://x.test/') }"),
            ),
            "redirectUrl",
        ),
        (
            clerk.sign_out(&js("'sess_1'"), &JsValue::UNDEFINED),
            "signOut(options)",
        ),
        (clerk.set_active(&js("{ session: 5 }")), "session"),
        (clerk.set_active(&js("{ session: { id: 5 } }")), "session"),
        (clerk.set_active(&js("'sess_1'")), "setActive(params)"),
        (
            get_token
                .call1(&session, &js("{ skipCache: 'yes' }"))
                .unwrap()
                .unchecked_into(),
            "skipCache",
        ),
    ];
    for (promise, field) in cases {
        assert_invalid_option(&rejection(promise).await, field);
    }
    assert_eq!(request_lines().await, Vec::<String>::new(), "nothing sent");
    assert_eq!(calls("__callback"), 0, "the callback did not run");
    assert!(get(&web_sys::window().unwrap().into(), "__pushed").is_undefined());
    assert!(clerk.is_signed_in(), "still signed in");
    assert!(Object::is(&clerk.session(), &session), "the same state");
}

#[wasm_bindgen_test]
async fn undefined_or_null_options_mean_the_defaults() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = JsClerk::new(&publishable_key(), &JsValue::NULL).unwrap();
    JsFuture::from(clerk.load(&JsValue::NULL)).await.unwrap();
    let session = clerk.session();
    // `load()` starts the session's token request in the background; join it before the log
    // is cleared, or it may be logged after (it was, once, under load).
    let get_token: Function = get(&session, "getToken").unchecked_into();
    let pending: Promise = get_token
        .call1(&session, &JsValue::NULL)
        .unwrap()
        .unchecked_into();
    JsFuture::from(pending).await.unwrap();
    clear_requests().await;
    // `setActive` without a session keeps the current one, as ClerkJS does.
    for params in [JsValue::UNDEFINED, js("{}"), js("{ session: undefined }")] {
        JsFuture::from(clerk.set_active(&params)).await.unwrap();
        assert!(Object::is(&clerk.session(), &session), "{params:?}");
    }
    assert_eq!(request_lines().await, Vec::<String>::new());
    let token = JsFuture::from(
        get_token
            .call1(&session, &JsValue::NULL)
            .unwrap()
            .unchecked_into::<Promise>(),
    )
    .await
    .unwrap();
    assert_eq!(token.as_string().unwrap().split('.').count(), 3);
    // `null` sign-out options: every session of this browser (the callback replaces the
    // redirect, which would leave the test page).
    let callback: JsValue = recorder("__done").into();
    JsFuture::from(clerk.sign_out(&callback, &JsValue::NULL))
        .await
        .unwrap();
    assert_eq!(calls("__done"), 1);
    assert!(clerk.session().is_null());
}
