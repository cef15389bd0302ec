//! Typed state → ClerkJS-shaped JS objects (camelCase), and JS option objects → typed Rust.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use serde::Serialize;
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

fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EmailView<'a> {
    id: &'a str,
    email_address: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhoneView<'a> {
    id: &'a str,
    phone_number: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WalletView<'a> {
    id: &'a str,
    web3_wallet: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UserView<'a> {
    id: &'a str,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    full_name: Option<String>,
    username: Option<&'a str>,
    image_url: &'a str,
    has_image: bool,
    primary_email_address_id: Option<&'a str>,
    primary_email_address: Option<EmailView<'a>>,
    email_addresses: Vec<EmailView<'a>>,
    primary_phone_number_id: Option<&'a str>,
    primary_phone_number: Option<PhoneView<'a>>,
    phone_numbers: Vec<PhoneView<'a>>,
    primary_web3_wallet_id: Option<&'a str>,
    primary_web3_wallet: Option<WalletView<'a>>,
    web3_wallets: Vec<WalletView<'a>>,
}

fn email(e: &EmailAddress) -> EmailView<'_> {
    EmailView {
        id: &e.id,
        email_address: &e.email_address,
    }
}

fn phone(p: &PhoneNumber) -> PhoneView<'_> {
    PhoneView {
        id: &p.id,
        phone_number: &p.phone_number,
    }
}

fn wallet(w: &Web3Wallet) -> WalletView<'_> {
    WalletView {
        id: &w.id,
        web3_wallet: &w.web3_wallet,
    }
}

/// ClerkJS's `UserResource` fields: `id`, `firstName`, `fullName`, `imageUrl`,
/// `primaryEmailAddress.emailAddress`, `emailAddresses[]`, ... `createdAt`/`updatedAt` Dates.
pub(crate) fn user(u: &User) -> JsValue {
    let view = UserView {
        id: &u.id,
        first_name: u.first_name.as_deref(),
        last_name: u.last_name.as_deref(),
        full_name: u.full_name(),
        username: u.username.as_deref(),
        image_url: &u.image_url,
        has_image: u.has_image,
        primary_email_address_id: u.primary_email_address_id.as_deref(),
        primary_email_address: u.primary_email_address().map(email),
        email_addresses: u.email_addresses.iter().map(email).collect(),
        primary_phone_number_id: u.primary_phone_number_id.as_deref(),
        primary_phone_number: u.primary_phone_number().map(phone),
        phone_numbers: u.phone_numbers.iter().map(phone).collect(),
        primary_web3_wallet_id: u.primary_web3_wallet_id.as_deref(),
        primary_web3_wallet: u.primary_web3_wallet().map(wallet),
        web3_wallets: u.web3_wallets.iter().map(wallet).collect(),
    };
    let value = to_js(&view);
    set(&value, "createdAt", &date(u.created_at));
    set(&value, "updatedAt", &date(u.updated_at));
    value
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PublicUserDataView<'a> {
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    image_url: Option<&'a str>,
    has_image: bool,
    identifier: &'a str,
    user_id: Option<&'a str>,
}

/// ClerkJS's `PublicUserData`.
pub(crate) fn public_user_data(p: &PublicUserData) -> JsValue {
    to_js(&PublicUserDataView {
        first_name: p.first_name.as_deref(),
        last_name: p.last_name.as_deref(),
        image_url: p.image_url.as_deref(),
        has_image: p.has_image,
        identifier: &p.identifier,
        user_id: p.user_id.as_deref(),
    })
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
