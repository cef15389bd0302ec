//! Typed state → ClerkJS-shaped JS objects (camelCase), and JS option objects → typed Rust.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::resources::{EmailAddress, PhoneNumber, PublicUserData, User, Web3Wallet};
use crate::{Client, LoadOptions, SignOutOptions};

/// A property of a JS object; `undefined` for anything that is not an object.
pub(crate) fn get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() && !obj.is_function() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(crate) fn get_string(obj: &JsValue, key: &str) -> Option<String> {
    get(obj, key).as_string()
}

pub(crate) fn set(obj: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Epoch milliseconds as a JS `Date`, as ClerkJS exposes timestamps.
pub(crate) fn date(ms: f64) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ms)).into()
}

fn text(value: &str) -> JsValue {
    JsValue::from_str(value)
}

fn opt_text(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// A plain object from `(camelCaseKey, value)` pairs.
fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj: JsValue = Object::new().into();
    for (key, value) in pairs {
        set(&obj, key, value);
    }
    obj
}

fn list<T>(items: &[T], to_js: impl Fn(&T) -> JsValue) -> JsValue {
    items.iter().map(to_js).collect::<Array>().into()
}

fn email(e: &EmailAddress) -> JsValue {
    object(&[
        ("id", text(&e.id)),
        ("emailAddress", text(&e.email_address)),
    ])
}

fn phone(p: &PhoneNumber) -> JsValue {
    object(&[("id", text(&p.id)), ("phoneNumber", text(&p.phone_number))])
}

fn wallet(w: &Web3Wallet) -> JsValue {
    object(&[("id", text(&w.id)), ("web3Wallet", text(&w.web3_wallet))])
}

/// ClerkJS's `UserResource` fields: `id`, `firstName`, `fullName`, `imageUrl`,
/// `primaryEmailAddress.emailAddress`, `emailAddresses[]`, ... `createdAt`/`updatedAt` Dates.
pub(crate) fn user(u: &User) -> JsValue {
    object(&[
        ("id", text(&u.id)),
        ("firstName", opt_text(u.first_name.as_deref())),
        ("lastName", opt_text(u.last_name.as_deref())),
        ("fullName", opt_text(u.full_name().as_deref())),
        ("username", opt_text(u.username.as_deref())),
        ("imageUrl", text(&u.image_url)),
        ("hasImage", JsValue::from_bool(u.has_image)),
        (
            "primaryEmailAddressId",
            opt_text(u.primary_email_address_id.as_deref()),
        ),
        (
            "primaryEmailAddress",
            u.primary_email_address().map_or(JsValue::NULL, email),
        ),
        ("emailAddresses", list(&u.email_addresses, email)),
        (
            "primaryPhoneNumberId",
            opt_text(u.primary_phone_number_id.as_deref()),
        ),
        (
            "primaryPhoneNumber",
            u.primary_phone_number().map_or(JsValue::NULL, phone),
        ),
        ("phoneNumbers", list(&u.phone_numbers, phone)),
        (
            "primaryWeb3WalletId",
            opt_text(u.primary_web3_wallet_id.as_deref()),
        ),
        (
            "primaryWeb3Wallet",
            u.primary_web3_wallet().map_or(JsValue::NULL, wallet),
        ),
        ("web3Wallets", list(&u.web3_wallets, wallet)),
        ("createdAt", date(u.created_at)),
        ("updatedAt", date(u.updated_at)),
    ])
}

/// ClerkJS's `PublicUserData`.
pub(crate) fn public_user_data(p: &PublicUserData) -> JsValue {
    object(&[
        ("firstName", opt_text(p.first_name.as_deref())),
        ("lastName", opt_text(p.last_name.as_deref())),
        ("imageUrl", opt_text(p.image_url.as_deref())),
        ("hasImage", JsValue::from_bool(p.has_image)),
        ("identifier", text(&p.identifier)),
        ("userId", opt_text(p.user_id.as_deref())),
    ])
}

/// ClerkJS's `ClientResource` fields; `sessions` are the given session objects.
pub(crate) fn client(c: &Client, sessions: &[(String, JsValue)]) -> JsValue {
    let obj: JsValue = Object::new().into();
    set(&obj, "id", &JsValue::from_str(&c.id));
    let all = Array::new();
    let signed_in = Array::new();
    for (id, session) in sessions {
        all.push(session);
        if c.signed_in_session(id).is_some() {
            signed_in.push(session);
        }
    }
    set(&obj, "sessions", &all);
    set(&obj, "signedInSessions", &signed_in);
    let last = c.last_active_session_id.as_deref();
    set(
        &obj,
        "lastActiveSessionId",
        &last.map_or(JsValue::NULL, JsValue::from_str),
    );
    set(&obj, "createdAt", &date(c.created_at));
    set(&obj, "updatedAt", &date(c.updated_at));
    obj
}

/// `load(options)` → [`LoadOptions`]. `routerPush` may return a promise; it is not awaited.
pub(crate) fn load_options(options: &JsValue) -> LoadOptions {
    let protocols = get(options, "allowedRedirectProtocols");
    let allowed_redirect_protocols = if Array::is_array(&protocols) {
        Array::from(&protocols)
            .iter()
            .filter_map(|p| p.as_string())
            .collect()
    } else {
        Vec::new()
    };
    let router_push =
        get(options, "routerPush")
            .dyn_into::<Function>()
            .ok()
            .map(|push| -> Rc<dyn Fn(&str)> {
                Rc::new(move |to: &str| {
                    if let Err(err) = push.call1(&JsValue::NULL, &JsValue::from_str(to)) {
                        crate::browser::report("Clerk: routerPush threw", &err);
                    }
                })
            });
    LoadOptions {
        after_sign_out_url: get_string(options, "afterSignOutUrl"),
        after_multi_session_single_sign_out_url: get_string(
            options,
            "afterMultiSessionSingleSignOutUrl",
        ),
        sign_in_url: get_string(options, "signInUrl"),
        user_profile_url: get_string(options, "userProfileUrl"),
        allowed_redirect_protocols,
        router_push,
    }
}

/// `signOut(a?, b?)` → options and an optional callback: `signOut()`, `signOut(cb)`,
/// `signOut(options)`, `signOut(cb, options)`.
pub(crate) fn sign_out_args(a: &JsValue, b: &JsValue) -> (SignOutOptions, Option<Function>) {
    let (callback, options) = match a.dyn_ref::<Function>() {
        Some(f) => (Some(f.clone()), b),
        None => (b.dyn_ref::<Function>().cloned(), a),
    };
    let options = SignOutOptions {
        session_id: get_string(options, "sessionId"),
        redirect_url: get_string(options, "redirectUrl"),
    };
    (options, callback)
}
