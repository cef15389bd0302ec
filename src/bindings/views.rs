//! The JS objects behind `clerk.client`, `clerk.session` and `clerk.user`, built once per
//! state snapshot so `clerk.user === clerk.user` until the state changes.

use core::cell::Ref;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use super::convert;
use super::session::JsSession;
use crate::Clerk;

/// One snapshot's objects (`undefined` = loading/transitioning, `null` = signed out).
#[derive(Debug)]
pub(crate) struct Views {
    version: u64,
    pub(crate) client: JsValue,
    pub(crate) session: JsValue,
    pub(crate) user: JsValue,
    /// `{client, session, user, loaded, status, isSignedIn}`, read by the JS facade's six
    /// getters: built with the rest, so a getter read allocates nothing.
    pub(crate) state: JsValue,
}

impl Default for Views {
    /// Objects of no snapshot (every snapshot's version differs), built on first use.
    fn default() -> Self {
        Self {
            version: u64::MAX,
            client: JsValue::UNDEFINED,
            session: JsValue::UNDEFINED,
            user: JsValue::UNDEFINED,
            state: JsValue::UNDEFINED,
        }
    }
}

/// The objects for the current snapshot, built if the snapshot changed. Borrowed, not
/// copied: a getter clones only the object it answers. Release the borrow before calling
/// JavaScript, which may read them again.
///
/// The cache belongs to the instance, so every wasm `Clerk` object wrapping it (the app's,
/// and the one its user buttons share) answers with the same objects, built once.
pub(crate) fn current(clerk: &Clerk) -> Ref<'_, Views> {
    let cache = &clerk.inner.js.views;
    let state = clerk.state();
    if cache.borrow().version != state.version {
        let mut views = build(clerk, &state);
        views.state = convert::Obj::wrap(payload(&views))
            .val("loaded", JsValue::from_bool(state.loaded))
            .text("status", state.status.as_str())
            .val("isSignedIn", JsValue::from_bool(state.is_signed_in()))
            .done();
        *cache.borrow_mut() = views;
    }
    cache.borrow()
}

/// `{client, session, user}` for the current snapshot: the listeners' payload. The borrow
/// ends before this returns (a listener may read them again).
pub(crate) fn resources(clerk: &Clerk) -> JsValue {
    payload(&current(clerk))
}

/// A new `{client, session, user}` object (each listener call gets its own).
fn payload(views: &Views) -> JsValue {
    convert::Obj::wrap(js_sys::Object::new().into())
        .val("client", views.client.clone())
        .val("session", views.session.clone())
        .val("user", views.user.clone())
        .done()
}

fn build(clerk: &Clerk, state: &crate::State) -> Views {
    let undefined = JsValue::UNDEFINED;
    let mut views = Views {
        version: state.version,
        client: if state.loaded {
            JsValue::NULL
        } else {
            undefined.clone()
        },
        session: if state.is_undetermined() {
            undefined.clone()
        } else {
            JsValue::NULL
        },
        user: if state.is_undetermined() {
            undefined.clone()
        } else {
            JsValue::NULL
        },
        // Filled in by `current` once the rest is built.
        state: undefined,
    };
    let Some(client) = state.client.as_deref().filter(|_| state.loaded) else {
        return views;
    };
    let current = state.session().map(|s| s.id.as_str());
    let weak = Rc::downgrade(&clerk.inner);
    // Straight into the client's two arrays: a Vec of the objects first was another
    // allocation and a release loop.
    let (all, signed_in) = (js_sys::Array::new(), js_sys::Array::new());
    for session in &client.sessions {
        let user = session.user.as_deref().map_or(JsValue::NULL, convert::user);
        let public = session
            .public_user_data
            .as_deref()
            .map_or(JsValue::NULL, convert::public_user_data);
        let js = JsSession::build(weak.clone(), session, &user, &public);
        if Some(session.id.as_str()) == current {
            views.session = js.clone();
            views.user = user;
        }
        all.push(&js);
        if session.status.is_signed_in() {
            signed_in.push(&js);
        }
    }
    views.client = convert::client(client, all, signed_in);
    views
}
