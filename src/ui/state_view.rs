//! The bridge from the SDK core's [`State`] to the user button's [`View`]: who is signed in,
//! which other sessions exist, and where each action goes (props first, then the `load()`
//! options, then the instance's `display_config`).

use super::props::UserButtonProps;
use super::view::{OtherSession, Person, Targets, View};
use crate::prelude::*;
use crate::resources::Session;
use crate::{Clerk, InstanceType, State};

/// The view for `state`; `None` while loading or signed out (the button renders nothing).
pub(crate) fn view_for(clerk: &Clerk, state: &State, props: &UserButtonProps) -> Option<View> {
    if !state.loaded {
        return None;
    }
    let session = state.session()?;
    let multi_session = !state.single_session_mode();
    // Plain loops with `push` rather than `collect()` here and in the other UI lists: each
    // `collect` is its own generic copy of Vec's from-iterator code in the wasm.
    let mut others = Vec::new();
    if multi_session {
        for s in state.signed_in_sessions() {
            if s.id != session.id {
                others.push(OtherSession {
                    id: s.id.clone(),
                    person: person_of(s),
                });
            }
        }
    }
    let display = &state.environment.display_config;
    let development = match display.instance_environment_type.as_deref() {
        Some(kind) => kind == "development",
        None => state.instance_type == InstanceType::Development,
    };
    let targets = clerk.with_load_options(|load| {
        let sign_in_option = props.sign_in_url.as_deref().or(load.sign_in_url.as_deref());
        let choose = sign_in_option.map(|url| [url, "#/choose"].concat());
        Targets {
            user_profile: Targets::first_safe([
                props.user_profile_url.as_deref(),
                load.user_profile_url.as_deref(),
                display.user_profile_url.as_deref(),
            ]),
            sign_in: Targets::first_safe([sign_in_option, display.sign_in_url.as_deref()]),
            after_switch: Targets::first_safe([
                props.after_switch_session_url.as_deref(),
                display.after_switch_session_url.as_deref(),
            ]),
            after_single_sign_out: Targets::first_safe([
                load.after_multi_session_single_sign_out_url.as_deref(),
                choose.as_deref(),
                display.after_sign_out_one_url.as_deref(),
            ]),
        }
    });
    Some(View {
        session_id: session.id.clone(),
        user: person_of(session),
        others,
        multi_session,
        development,
        targets,
    })
}

/// The person behind a session: its full user when the server sent one, else its
/// `public_user_data`.
fn person_of(session: &Session) -> Person {
    // Borrowed, not cloned: the person copies only what it shows. One call site of
    // `Person::new` for the three cases.
    let (first, last, identifier, image) = match (&session.user, &session.public_user_data) {
        (Some(user), _) => (
            user.first_name.as_deref(),
            user.last_name.as_deref(),
            user.display_identifier(),
            Some(user.image_url.as_str()).filter(|u| !u.is_empty()),
        ),
        (None, Some(public)) => (
            public.first_name.as_deref(),
            public.last_name.as_deref(),
            public.identifier.as_str(),
            public.image_url.as_deref(),
        ),
        (None, None) => (None, None, "", None),
    };
    Person::new(first, last, identifier, image)
}
