//! The JS objects behind `clerk.client`, `clerk.session` and `clerk.user`, built once per
//! state snapshot so `clerk.user === clerk.user` until the state changes.

use alloc::rc::Rc;
use core::cell::{Ref, RefCell};

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
}

impl Default for Views {
    /// Objects of no snapshot (every snapshot's version differs), built on first use.
    fn default() -> Self {
        Self {
            version: u64::MAX,
            client: JsValue::UNDEFINED,
            session: JsValue::UNDEFINED,
            user: JsValue::UNDEFINED,
        }
    }
}

/// The cache shared by the facade and its listeners.
pub(crate) type ViewCache = Rc<RefCell<Views>>;

/// The objects for the current snapshot, built if the snapshot changed. Borrowed, not
/// copied: a getter clones only the object it answers. Release the borrow before calling
/// JavaScript, which may read them again.
pub(crate) fn current<'a>(clerk: &Clerk, cache: &'a ViewCache) -> Ref<'a, Views> {
    let state = clerk.state();
    if cache.borrow().version != state.version {
        let views = build(clerk, &state);
        *cache.borrow_mut() = views;
    }
    cache.borrow()
}

/// `{client, session, user}` for the current snapshot: the listeners' payload, and the
/// base of the facade's `state`. The borrow ends before this returns (a listener may read them again).
pub(crate) fn resources(clerk: &Clerk, cache: &ViewCache) -> JsValue {
    let views = current(clerk, cache);
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
            undefined
        } else {
            JsValue::NULL
        },
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
