//! The JS facade (`new Clerk(...)` as JavaScript sees it): ClerkJS-shaped objects, the
//! undefined/null convention, listeners, signOut overloads and real JS errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use clerk_wasm::{is_clerk_api_response_error, JsClerk};
use common::*;
use js_sys::{Function, Object, Promise, Reflect};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &key.into()).unwrap()
    })
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// A JS function recording into `window[name]` (the test page has no CSP).
fn recorder(name: &str) -> Function {
    Function::new_with_args(
        "e",
        &format!(
            "(window.{name} = window.{name} || []).push(e === undefined ? 'call' : \
             e.session === undefined ? 'undefined' : e.session === null ? 'null' : e.session.id)"
        ),
    )
}

fn recorded(name: &str) -> Vec<String> {
    let value = get(&web_sys::window().unwrap().into(), name);
    if value.is_undefined() {
        return Vec::new();
    }
    js_sys::Array::from(&value)
        .iter()
        .map(|v| v.as_string().unwrap())
        .collect()
}

/// Load options with a recording `routerPush`, so redirects do not leave the test page.
fn load_options(extra: &[(&str, JsValue)]) -> JsValue {
    let push = Function::new_with_args("to", "(window.__pushed = window.__pushed || []).push(to)");
    let mut pairs = vec![("routerPush", JsValue::from(push))];
    pairs.extend(extra.iter().cloned());
    obj(&pairs)
}

async fn await_promise(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

async fn loaded_js_clerk() -> JsClerk {
    let window: JsValue = web_sys::window().unwrap().into();
    for name in ["__pushed", "__seen", "__callback"] {
        Reflect::delete_property(window.unchecked_ref::<Object>(), &JsValue::from_str(name))
            .unwrap();
    }
    let clerk = JsClerk::new(&publishable_key(), &JsValue::UNDEFINED).unwrap();
    await_promise(clerk.load(&load_options(&[]))).await.unwrap();
    clerk
}

#[wasm_bindgen_test]
fn a_malformed_key_throws_a_clerk_runtime_error_with_a_stable_code() {
    let err = JsClerk::new("pk_live_nope", &JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name"), "ClerkRuntimeError");
    assert_eq!(get(&err, "code"), "invalid_publishable_key");
    assert!(!is_clerk_api_response_error(&err));
    let bad_proxy = obj(&[("proxyUrl", "ftp://x".into())]);
    let err = JsClerk::new(&publishable_key(), &bad_proxy).unwrap_err();
    assert_eq!(get(&err, "code"), "invalid_option");
}

#[wasm_bindgen_test]
async fn before_load_session_and_user_are_undefined_and_after_a_signed_out_load_null() {
    reset(false, false).await;
    let clerk = JsClerk::new(&publishable_key(), &JsValue::UNDEFINED).unwrap();
    assert!(clerk.session().is_undefined() && clerk.user().is_undefined());
    assert!(clerk.client().is_undefined());
    assert_eq!(
        (clerk.loaded(), clerk.status()),
        (false, JsValue::from_str("loading"))
    );
    await_promise(clerk.load(&JsValue::UNDEFINED))
        .await
        .unwrap();
    assert!(clerk.session().is_null() && clerk.user().is_null());
    assert_eq!(
        (clerk.loaded(), clerk.status(), clerk.is_signed_in()),
        (true, JsValue::from_str("ready"), false)
    );
    assert_eq!(clerk.instance_type(), "development");
    assert_eq!(
        clerk.frontend_api(),
        server_url().trim_start_matches("http://")
    );
}

#[wasm_bindgen_test]
async fn the_user_reads_like_clerkjs_and_objects_are_stable_until_the_state_changes() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let user = clerk.user();
    assert_eq!(get(&user, "firstName"), "Ada");
    assert_eq!(get(&user, "fullName"), "Ada Lovelace");
    assert_eq!(
        get(&user, "primaryEmailAddress.emailAddress"),
        "ada@example.test"
    );
    assert_eq!(get(&user, "hasImage"), true);
    assert!(get(&user, "imageUrl")
        .as_string()
        .unwrap()
        .starts_with("http://127.0.0.1"));
    assert!(get(&user, "createdAt").is_instance_of::<js_sys::Date>());
    assert!(
        Object::is(&clerk.user(), &user),
        "clerk.user === clerk.user"
    );
    let session = clerk.session();
    assert!(
        Object::is(&get(&session, "user"), &user),
        "session.user === clerk.user"
    );
    assert!(Object::is(&clerk.session(), &session));
    assert_eq!(get(&session, "status"), "active");
    assert_eq!(
        get(&session, "publicUserData.identifier"),
        "ada@example.test"
    );
    assert!(get(&session, "lastActiveAt").is_instance_of::<js_sys::Date>());
    let client = clerk.client();
    assert_eq!(
        js_sys::Array::from(&get(&client, "signedInSessions")).length(),
        1
    );
    assert_eq!(get(&client, "lastActiveSessionId"), get(&session, "id"));
    assert!(clerk.is_signed_in());
}

#[wasm_bindgen_test]
async fn listeners_get_client_session_user_and_a_throwing_one_does_not_stop_the_others() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let thrower = Function::new_no_args("throw new Error('listener bug')");
    let _unsubscribe_thrower = clerk.add_listener(thrower);
    let unsubscribe: Function = clerk.add_listener(recorder("__seen")).unchecked_into();
    let first = recorded("__seen");
    assert_eq!(first.len(), 1, "called at once when loaded");
    assert!(first[0].starts_with("sess_"));

    let callback = recorder("__callback");
    await_promise(clerk.sign_out(&callback.into(), &JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(recorded("__seen")[1..], ["undefined", "null"]);
    assert_eq!(recorded("__callback"), ["call"]);
    assert!(
        recorded("__pushed").is_empty(),
        "the callback replaced the redirect"
    );

    unsubscribe.call0(&JsValue::NULL).unwrap();
    assert_eq!(
        clerk.as_clerk().listener_count(),
        1,
        "only the thrower is left"
    );
    unsubscribe
        .call0(&JsValue::NULL)
        .expect("unsubscribing twice is harmless");
    await_promise(clerk.set_active(&obj(&[("session", JsValue::NULL)])))
        .await
        .unwrap();
    assert_eq!(recorded("__seen").len(), 3, "no call after unsubscribe");
}

#[wasm_bindgen_test]
async fn sign_out_awaits_a_thenable_the_callback_returns() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let callback = Function::new_no_args(
        "return { then(resolve) { setTimeout(() => { window.__thenable = 'settled'; resolve(); }, 10); } }",
    );
    await_promise(clerk.sign_out(&callback.into(), &JsValue::UNDEFINED))
        .await
        .unwrap();
    let window: JsValue = web_sys::window().unwrap().into();
    assert_eq!(
        get(&window, "__thenable"),
        "settled",
        "signOut resolved after it"
    );
}

#[wasm_bindgen_test]
async fn a_callback_that_throws_or_rejects_does_not_fail_the_sign_out() {
    for body in [
        "throw new Error('boom')",
        "return Promise.reject(new Error('boom'))",
    ] {
        reset(false, false).await;
        sign_in("ada@example.test").await;
        let clerk = loaded_js_clerk().await;
        let callback = Function::new_no_args(body);
        await_promise(clerk.sign_out(&callback.into(), &JsValue::UNDEFINED))
            .await
            .expect("signOut resolves: the callback's failure is only reported");
        assert!(clerk.session().is_null(), "signed out ({body})");
    }
}

#[wasm_bindgen_test]
async fn sign_out_with_options_redirects_through_router_push() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let options = obj(&[("redirectUrl", "/goodbye".into())]);
    await_promise(clerk.sign_out(&options, &JsValue::UNDEFINED))
        .await
        .unwrap();
    assert_eq!(
        recorded("__pushed").last().map(String::as_str),
        Some("/goodbye")
    );
    assert!(clerk.session().is_null());
}

#[wasm_bindgen_test]
async fn an_api_failure_rejects_with_a_clerk_api_response_error() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    fault(json!({"method": "DELETE", "path": "/v1/client/sessions", "status": 422})).await;
    let err = await_promise(clerk.sign_out(&JsValue::UNDEFINED, &JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert!(is_clerk_api_response_error(&err));
    assert_eq!(get(&err, "name"), "ClerkAPIResponseError");
    assert_eq!(get(&err, "status"), 422);
    assert_eq!(get(&err, "code"), "form_param_value_invalid");
    let first = Reflect::get(&get(&err, "errors"), &0.into()).unwrap();
    assert_eq!(get(&first, "code"), "form_param_value_invalid");
    assert!(get(&first, "message").is_string());
    assert!(get(&first, "meta").is_object(), "meta is always an object");
    assert!(Reflect::has(&get(&first, "meta"), &"paramName".into()).unwrap());
    assert!(Reflect::has(&err, &"clerkTraceId".into()).unwrap());
    assert!(
        !Reflect::has(&err, &"retryAfter".into()).unwrap(),
        "no Retry-After: left out, as in ClerkJS"
    );
    assert!(get(&err, "longMessage")
        .as_string()
        .is_some_and(|m| !m.is_empty()));
    assert!(clerk.is_signed_in());
}

#[wasm_bindgen_test]
async fn the_session_object_ends_itself_and_hands_out_tokens() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let session = clerk.session();
    let get_token: Function = get(&session, "getToken").unchecked_into();
    let token = await_promise(get_token.call0(&session).unwrap().unchecked_into())
        .await
        .unwrap();
    assert_eq!(token.as_string().unwrap().split('.').count(), 3);
    let end: Function = get(&session, "end").unchecked_into();
    await_promise(end.call0(&session).unwrap().unchecked_into())
        .await
        .unwrap();
    assert!(clerk.session().is_null());
    let id = get(&session, "id").as_string().unwrap();
    assert_eq!(server_session_status(&id).await, "ended");
}

#[wasm_bindgen_test]
async fn set_active_accepts_an_id_or_a_session_object_and_null_signs_out_locally() {
    reset(true, false).await;
    let ada = sign_in("ada@example.test").await;
    sign_in("grace@example.test").await;
    let clerk = loaded_js_clerk().await;
    await_promise(clerk.set_active(&obj(&[("session", ada.clone().into())])))
        .await
        .unwrap();
    assert_eq!(get(&clerk.session(), "id"), ada.as_str());
    await_promise(clerk.set_active(&obj(&[("session", JsValue::NULL)])))
        .await
        .unwrap();
    assert!(clerk.session().is_null());
}

#[wasm_bindgen_test]
async fn a_session_is_a_session_object_with_plain_data_and_listeners_get_the_same_objects() {
    reset(false, false).await;
    sign_in("ada@example.test").await;
    let clerk = loaded_js_clerk().await;
    let session = clerk.session();
    let fields = Object::keys(session.unchecked_ref::<Object>());
    let fields: Vec<String> = fields.iter().filter_map(|k| k.as_string()).collect();
    for field in [
        "id",
        "status",
        "user",
        "publicUserData",
        "lastActiveAt",
        "expireAt",
        "abandonAt",
        "createdAt",
        "updatedAt",
        "lastActiveToken",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    assert!(get(&session, "end").is_function() && get(&session, "getToken").is_function());
    assert!(get(&session, "expireAt").is_instance_of::<js_sys::Date>());
    let text = String::from(js_sys::JSON::stringify(&session).unwrap());
    let json = js_sys::JSON::parse(&text).unwrap();
    assert_eq!(get(&json, "object"), "session");
    assert_eq!(get(&json, "id"), get(&session, "id"));
    assert_eq!(get(&json, "user.firstName"), "Ada");
    let user = clerk.user();
    assert_eq!(
        get(&user, "emailAddresses.0.emailAddress"),
        "ada@example.test"
    );
    assert!(js_sys::Array::is_array(&get(&user, "phoneNumbers")));
    assert!(js_sys::Array::is_array(&get(&user, "web3Wallets")));
    assert_eq!(
        get(&user, "primaryEmailAddressId"),
        get(&user, "primaryEmailAddress.id")
    );
    assert!(Object::is(&get(&clerk.client(), "sessions.0"), &session));

    let keep = Function::new_with_args("e", "window.__payload = e");
    let _unsubscribe = clerk.add_listener(keep);
    let payload = get(&web_sys::window().unwrap().into(), "__payload");
    assert!(Object::is(&get(&payload, "client"), &clerk.client()));
    assert!(Object::is(&get(&payload, "session"), &session));
    assert!(Object::is(&get(&payload, "user"), &user));
}

#[wasm_bindgen_test]
async fn a_sessions_methods_work_taken_off_it_and_its_keys_stay_its_data() {
    reset(true, false).await;
    sign_in("ada@example.test").await;
    sign_in("grace@example.test").await;
    let clerk = loaded_js_clerk().await;
    let session = clerk.session();
    let keys = Object::keys(session.unchecked_ref::<Object>());
    for method in ["end", "remove", "getToken", "toJSON", "free"] {
        assert!(
            !keys.includes(&method.into(), 0),
            "{method} is not enumerable"
        );
    }
    // As ClerkJS allows: `const { getToken } = session`.
    let detached = Function::new_with_args(
        "s",
        "const { getToken, toJSON } = s; return getToken().then((jwt) => [jwt, toJSON().id])",
    );
    let answer = await_promise(detached.call1(&JsValue::NULL, &session).unwrap().into())
        .await
        .unwrap();
    assert!(get(&answer, "0").as_string().unwrap().split('.').count() == 3);
    assert_eq!(get(&answer, "1"), get(&session, "id"));

    let other = js_sys::Array::from(&get(&clerk.client(), "sessions"))
        .find(&mut |s, _, _| get(&s, "id") != get(&session, "id"));
    let end = Function::new_with_args("s", "const { end } = s; return end()");
    await_promise(end.call1(&JsValue::NULL, &other).unwrap().into())
        .await
        .unwrap();
    let id = get(&other, "id").as_string().unwrap();
    let on_server = http("GET", &format!("/__dev/sessions/{id}"), None).await;
    assert_eq!(on_server.json()["status"], "ended");
}
