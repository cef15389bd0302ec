//! Typed state → ClerkJS-shaped JS objects (camelCase), and JS option objects → typed Rust.

use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::resources::{EmailAddress, PhoneNumber, PublicUserData, User, Web3Wallet};
use crate::{Client, LoadOptions, SignOutOptions};

pub(crate) use crate::browser::prop as get;

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

/// A plain JS object, built one field per call. A slice of `(key, JsValue)` pairs cost a
/// string conversion, a stack slot and a drop per field at every call site; here a field is
/// one call with the key and the Rust value (~45 fields across user, public data, client).
pub(crate) struct Obj(JsValue);

impl Obj {
    fn new() -> Self {
        Self(Object::new().into())
    }

    /// Adds fields to an existing object.
    pub(crate) fn wrap(object: JsValue) -> Self {
        Self(object)
    }

    /// Takes the value: a temporary is then released here, once, rather than by each of the
    /// ~45 call sites (an externref table release apiece in the wasm).
    pub(crate) fn val(self, key: &str, value: JsValue) -> Self {
        set(&self.0, key, &value);
        drop(value);
        self
    }

    pub(crate) fn text(self, key: &str, value: &str) -> Self {
        self.val(key, JsValue::from_str(value))
    }

    /// `null` for `None`, as ClerkJS's nullable fields.
    pub(crate) fn opt(self, key: &str, value: Option<&str>) -> Self {
        self.val(key, value.map_or(JsValue::NULL, JsValue::from_str))
    }

    pub(crate) fn date(self, key: &str, ms: f64) -> Self {
        self.val(key, date(ms))
    }

    pub(crate) fn done(self) -> JsValue {
        self.0
    }
}

fn list<T>(items: &[T], to_js: impl Fn(&T) -> JsValue) -> JsValue {
    items.iter().map(to_js).collect::<Array>().into()
}

fn email(e: &EmailAddress) -> JsValue {
    Obj::new()
        .text("id", &e.id)
        .text("emailAddress", &e.email_address)
        .done()
}

fn phone(p: &PhoneNumber) -> JsValue {
    Obj::new()
        .text("id", &p.id)
        .text("phoneNumber", &p.phone_number)
        .done()
}

fn wallet(w: &Web3Wallet) -> JsValue {
    Obj::new()
        .text("id", &w.id)
        .text("web3Wallet", &w.web3_wallet)
        .done()
}

/// ClerkJS's `UserResource` fields: `id`, `firstName`, `fullName`, `imageUrl`,
/// `primaryEmailAddress.emailAddress`, `emailAddresses[]`, ... `createdAt`/`updatedAt` Dates.
pub(crate) fn user(u: &User) -> JsValue {
    let primary_email = u.primary_email_address().map_or(JsValue::NULL, email);
    let primary_phone = u.primary_phone_number().map_or(JsValue::NULL, phone);
    let primary_wallet = u.primary_web3_wallet().map_or(JsValue::NULL, wallet);
    Obj::new()
        .text("id", &u.id)
        .opt("firstName", u.first_name.as_deref())
        .opt("lastName", u.last_name.as_deref())
        .opt("fullName", u.full_name().as_deref())
        .opt("username", u.username.as_deref())
        .text("imageUrl", &u.image_url)
        .val("hasImage", JsValue::from_bool(u.has_image))
        .opt(
            "primaryEmailAddressId",
            u.primary_email_address_id.as_deref(),
        )
        .val("primaryEmailAddress", primary_email)
        .val("emailAddresses", list(&u.email_addresses, email))
        .opt("primaryPhoneNumberId", u.primary_phone_number_id.as_deref())
        .val("primaryPhoneNumber", primary_phone)
        .val("phoneNumbers", list(&u.phone_numbers, phone))
        .opt("primaryWeb3WalletId", u.primary_web3_wallet_id.as_deref())
        .val("primaryWeb3Wallet", primary_wallet)
        .val("web3Wallets", list(&u.web3_wallets, wallet))
        .date("createdAt", u.created_at)
        .date("updatedAt", u.updated_at)
        .done()
}

/// ClerkJS's `PublicUserData`.
pub(crate) fn public_user_data(p: &PublicUserData) -> JsValue {
    Obj::new()
        .opt("firstName", p.first_name.as_deref())
        .opt("lastName", p.last_name.as_deref())
        .opt("imageUrl", p.image_url.as_deref())
        .val("hasImage", JsValue::from_bool(p.has_image))
        .text("identifier", &p.identifier)
        .opt("userId", p.user_id.as_deref())
        .done()
}

/// ClerkJS's `ClientResource` fields, with its `sessions` and `signedInSessions` arrays of
/// session objects.
pub(crate) fn client(c: &Client, sessions: Array, signed_in_sessions: Array) -> JsValue {
    Obj::new()
        .text("id", &c.id)
        .val("sessions", sessions.into())
        .val("signedInSessions", signed_in_sessions.into())
        .opt("lastActiveSessionId", c.last_active_session_id.as_deref())
        .date("createdAt", c.created_at)
        .date("updatedAt", c.updated_at)
        .done()
}

/// `load(options)` → [`LoadOptions`]. `routerPush` may return a promise; it is not awaited.
pub(crate) fn load_options(options: &JsValue) -> LoadOptions {
    let protocols = get(options, "allowedRedirectProtocols");
    let allowed_redirect_protocols = if Array::is_array(&protocols) {
        // Checked to be an array: read in place, not copied by `Array.from`.
        protocols
            .unchecked_ref::<Array>()
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
        // `appearance` and `localization`: crate::bindings_ui::apply_load_options.
        ..LoadOptions::default()
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
