//! The JS objects behind `clerk.client`, `clerk.session` and `clerk.user`: ClerkJS's
//! resource shapes as `#[derive(Serialize)]` views of the typed state, built once per state
//! snapshot so `clerk.user === clerk.user` until the state changes.
//!
//! What serde cannot express as plain data is attached as a JS value as is
//! (`serde_wasm_bindgen::preserve`): the `Date`s ClerkJS exposes for timestamps, the
//! `Session` class instances (with their methods), and the objects one view shares with
//! another (`session.user === clerk.user`).

use core::cell::{Ref, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Array, Date};
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::js::{date, json_object, plain, to_string_answers};
use super::session::{JsSession, SessionObjects};
use crate::resources::{EmailAddress, PhoneNumber, PublicUserData, User, Web3Wallet};
use crate::{Clerk, Client, SessionStatus, State};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EmailAddressView<'a> {
    id: &'a str,
    email_address: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhoneNumberView<'a> {
    id: &'a str,
    phone_number: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Web3WalletView<'a> {
    id: &'a str,
    web3_wallet: &'a str,
}

impl<'a> From<&'a EmailAddress> for EmailAddressView<'a> {
    fn from(e: &'a EmailAddress) -> Self {
        Self {
            id: &e.id,
            email_address: &e.email_address,
        }
    }
}

impl<'a> From<&'a PhoneNumber> for PhoneNumberView<'a> {
    fn from(p: &'a PhoneNumber) -> Self {
        Self {
            id: &p.id,
            phone_number: &p.phone_number,
        }
    }
}

impl<'a> From<&'a Web3Wallet> for Web3WalletView<'a> {
    fn from(w: &'a Web3Wallet) -> Self {
        Self {
            id: &w.id,
            web3_wallet: &w.web3_wallet,
        }
    }
}

/// ClerkJS's `UserResource` fields the SDK knows (`UserResource` in `types.rs`).
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
    primary_email_address: Option<EmailAddressView<'a>>,
    email_addresses: Vec<EmailAddressView<'a>>,
    primary_phone_number_id: Option<&'a str>,
    primary_phone_number: Option<PhoneNumberView<'a>>,
    phone_numbers: Vec<PhoneNumberView<'a>>,
    primary_web3_wallet_id: Option<&'a str>,
    primary_web3_wallet: Option<Web3WalletView<'a>>,
    web3_wallets: Vec<Web3WalletView<'a>>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    public_metadata: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    unsafe_metadata: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    created_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    updated_at: Date,
}

impl<'a> From<&'a User> for UserView<'a> {
    fn from(u: &'a User) -> Self {
        Self {
            id: &u.id,
            first_name: u.first_name.as_deref(),
            last_name: u.last_name.as_deref(),
            full_name: u.full_name(),
            username: u.username.as_deref(),
            image_url: &u.image_url,
            has_image: u.has_image,
            primary_email_address_id: u.primary_email_address_id.as_deref(),
            primary_email_address: u.primary_email_address().map(Into::into),
            email_addresses: u.email_addresses.iter().map(Into::into).collect(),
            primary_phone_number_id: u.primary_phone_number_id.as_deref(),
            primary_phone_number: u.primary_phone_number().map(Into::into),
            phone_numbers: u.phone_numbers.iter().map(Into::into).collect(),
            primary_web3_wallet_id: u.primary_web3_wallet_id.as_deref(),
            primary_web3_wallet: u.primary_web3_wallet().map(Into::into),
            web3_wallets: u.web3_wallets.iter().map(Into::into).collect(),
            public_metadata: json_object(&u.public_metadata),
            unsafe_metadata: json_object(&u.unsafe_metadata),
            created_at: date(u.created_at),
            updated_at: date(u.updated_at),
        }
    }
}

/// ClerkJS's `PublicUserData`.
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

impl<'a> From<&'a PublicUserData> for PublicUserDataView<'a> {
    fn from(p: &'a PublicUserData) -> Self {
        Self {
            first_name: p.first_name.as_deref(),
            last_name: p.last_name.as_deref(),
            image_url: p.image_url.as_deref(),
            has_image: p.has_image,
            identifier: &p.identifier,
            user_id: p.user_id.as_deref(),
        }
    }
}

/// ClerkJS's `ClientResource` fields, with its arrays of `Session` objects.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClientView<'a> {
    id: &'a str,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    sessions: Array,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    signed_in_sessions: Array,
    /// The `active` sessions (`pending` ones are signed in but not active).
    #[serde(with = "serde_wasm_bindgen::preserve")]
    active_sessions: Array,
    last_active_session_id: Option<&'a str>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    created_at: Date,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    updated_at: Date,
}

/// `{client, session, user}`: the listeners' payload (a new object per call).
#[derive(Serialize)]
struct Resources {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    client: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    session: JsValue,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    user: JsValue,
}

/// The user's object for a user, `null` without one. Its email addresses and phone numbers
/// answer `toString()` with the address or number, as ClerkJS's do.
pub(crate) fn user(user: Option<&User>) -> JsValue {
    let Some(user) = user else {
        return JsValue::NULL;
    };
    let object = plain(&UserView::from(user));
    for (list, one, field) in [
        ("emailAddresses", "primaryEmailAddress", "emailAddress"),
        ("phoneNumbers", "primaryPhoneNumber", "phoneNumber"),
    ] {
        let prop = |name| crate::browser::prop(&object, name);
        for item in Array::from(&prop(list)).iter().chain([prop(one)]) {
            to_string_answers(&item, field);
        }
    }
    object
}

/// The session's `publicUserData` object, `null` without one.
pub(crate) fn public_user_data(data: Option<&PublicUserData>) -> JsValue {
    data.map_or(JsValue::NULL, |p| plain(&PublicUserDataView::from(p)))
}

/// One snapshot's objects (`undefined` = loading/transitioning, `null` = signed out).
#[derive(Debug)]
pub(crate) struct Views {
    version: u64,
    pub(crate) client: JsValue,
    pub(crate) session: JsValue,
    pub(crate) user: JsValue,
    /// `client.sessions`, in the order of the snapshot's sessions (for [`session`]).
    sessions: Array,
}

impl Default for Views {
    /// Objects of no snapshot (every snapshot's version differs), built on first use.
    fn default() -> Self {
        Self {
            version: u64::MAX,
            client: JsValue::UNDEFINED,
            session: JsValue::UNDEFINED,
            user: JsValue::UNDEFINED,
            sessions: Array::new(),
        }
    }
}

/// The cache of one wasm `Clerk` object: the objects of the latest snapshot it was asked for.
pub(crate) type ViewCache = RefCell<Views>;

/// The objects for the current snapshot, built if the snapshot changed. Borrowed, not
/// copied: a getter clones only the object it answers. Release the borrow before calling
/// JavaScript, which may read them again.
pub(crate) fn current<'a>(clerk: &Clerk, cache: &'a Rc<ViewCache>) -> Ref<'a, Views> {
    let state = clerk.state();
    if cache.borrow().version != state.version {
        let views = build(clerk, &state, &Rc::downgrade(cache));
        *cache.borrow_mut() = views;
    }
    cache.borrow()
}

/// A session's object is the one `clerk.client.sessions` holds in the current snapshot (built
/// if the snapshot changed), found at the session's index in the state's client.
impl SessionObjects for ViewCache {
    fn session(self: Rc<Self>, clerk: &Clerk, id: &str) -> JsValue {
        let views = current(clerk, &self);
        let state = clerk.state();
        let index = (state.client.as_deref())
            .filter(|_| state.loaded)
            .and_then(|client| client.sessions.iter().position(|s| s.id == id))
            .and_then(|index| u32::try_from(index).ok());
        index.map_or(JsValue::NULL, |index| views.sessions.get(index))
    }
}

impl Views {
    /// A new `{client, session, user}` object (each listener call gets its own).
    pub(crate) fn resources(&self) -> JsValue {
        plain(&Resources {
            client: self.client.clone(),
            session: self.session.clone(),
            user: self.user.clone(),
        })
    }
}

fn build(clerk: &Clerk, state: &State, cache: &Weak<ViewCache>) -> Views {
    // Before load, or while a sign-out or switch is under way, session and user are unknown.
    let unknown_or_null = if state.is_undetermined() {
        JsValue::UNDEFINED
    } else {
        JsValue::NULL
    };
    let mut views = Views {
        version: state.version,
        client: if state.loaded {
            JsValue::NULL
        } else {
            JsValue::UNDEFINED
        },
        session: unknown_or_null.clone(),
        user: unknown_or_null,
        sessions: Array::new(),
    };
    let Some(client) = state.client.as_deref().filter(|_| state.loaded) else {
        return views;
    };
    let current = state.session().map(|s| s.id.as_str());
    let (all, signed_in, active) = (Array::new(), Array::new(), Array::new());
    for session in &client.sessions {
        let user = user(session.user.as_deref());
        let public = public_user_data(session.public_user_data.as_deref());
        let owner: (_, Weak<dyn SessionObjects>) = (clerk.downgrade(), cache.clone());
        let js = JsSession::build(owner, session, user.clone(), public);
        if Some(session.id.as_str()) == current {
            views.session = js.clone();
            views.user = user;
        }
        all.push(&js);
        if session.status.is_signed_in() {
            signed_in.push(&js);
        }
        if session.status == SessionStatus::Active {
            active.push(&js);
        }
    }
    views.sessions = all.clone();
    views.client = client_view(client, all, signed_in, active);
    views
}

fn client_view(
    client: &Client,
    sessions: Array,
    signed_in_sessions: Array,
    active_sessions: Array,
) -> JsValue {
    plain(&ClientView {
        id: &client.id,
        sessions,
        signed_in_sessions,
        active_sessions,
        last_active_session_id: client.last_active_session_id.as_deref(),
        created_at: date(client.created_at),
        updated_at: date(client.updated_at),
    })
}
