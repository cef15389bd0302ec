//! What the user button shows, read in place from the SDK's state snapshot: nothing is copied
//! out of it. The mount keeps the snapshot it shows (an `Rc`) for its actions; the JS view
//! compares each new model with the last and leaves the DOM alone when nothing visible
//! changed, so a state notification that does not concern the button keeps focus.

use super::initials::initials;
use super::props::UserButtonProps;
use super::safe_url::{safe_image_url, safe_link_url};
use crate::prelude::*;
use crate::resources::{join_name, Session};
use crate::{Clerk, InstanceType, State};

/// A signed-in person as shown in the trigger, the preview and the session list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Person<'a> {
    /// Trimmed; empty when unset.
    first_name: &'a str,
    /// Trimmed; empty when unset.
    last_name: &'a str,
    /// Username, else primary email, else phone, else wallet (PROTOCOL.md §4).
    pub identifier: &'a str,
    /// Only URLs that passed [`safe_image_url`].
    pub image_url: Option<&'a str>,
}

impl<'a> Person<'a> {
    /// The person behind a session: its full user when the server sent one, else its
    /// `public_user_data`. Hostile image URLs are dropped here, once.
    pub(crate) fn of(session: &'a Session) -> Self {
        let (first, last, identifier, image) = match (&session.user, &session.public_user_data) {
            (Some(user), _) => (
                user.first_name.as_deref(),
                user.last_name.as_deref(),
                user.display_identifier(),
                Some(user.image_url.as_str()),
            ),
            (None, Some(public)) => (
                public.first_name.as_deref(),
                public.last_name.as_deref(),
                public.identifier.as_str(),
                public.image_url.as_deref(),
            ),
            (None, None) => (None, None, "", None),
        };
        Self {
            first_name: first.unwrap_or_default().trim(),
            last_name: last.unwrap_or_default().trim(),
            identifier,
            image_url: image.and_then(safe_image_url),
        }
    }

    /// "First Last"; empty when neither is set. The SDK's own `fullName` join, not a copy.
    pub(crate) fn full_name(&self) -> String {
        join_name(Some(self.first_name), Some(self.last_name)).unwrap_or_default()
    }

    /// The avatar's fallback when there is no image or it fails to load.
    pub(crate) fn initials(&self) -> String {
        initials(self.first_name, self.last_name, self.identifier)
    }
}

/// The main line of a person: `full_name` (from [`Person::full_name`]), else the identifier.
pub(crate) fn title<'s>(full_name: &'s str, person: &Person<'s>) -> &'s str {
    if full_name.is_empty() {
        person.identifier
    } else {
        full_name
    }
}

/// Everything a signed-in user button renders from the state, borrowed from the snapshot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    /// The current session (for a single-session sign-out in multi-session mode).
    pub session_id: &'a str,
    /// The current user.
    pub user: Person<'a>,
    /// The other signed-in sessions; none in single-session mode.
    pub others: Others<'a>,
    /// `auth_config.single_session_mode == false`.
    pub multi_session: bool,
    /// Development instance: the footer shows "Development mode".
    pub development: bool,
}

/// The view of a state snapshot; `None` while loading or signed out (the button renders
/// nothing).
pub(crate) fn view_for(state: &State) -> Option<View<'_>> {
    if !state.loaded {
        return None;
    }
    let session = state.session()?;
    let multi_session = !state.single_session_mode();
    let sessions = match &state.client {
        Some(client) if multi_session => client.sessions.as_slice(),
        _ => &[],
    };
    let development = match state
        .environment
        .display_config
        .instance_environment_type
        .as_deref()
    {
        Some(kind) => kind == "development",
        None => state.instance_type == InstanceType::Development,
    };
    Some(View {
        session_id: &session.id,
        user: Person::of(session),
        others: Others {
            sessions,
            current: &session.id,
        },
        multi_session,
        development,
    })
}

/// The other signed-in sessions of this browser, offered by the switcher: walked in place.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Others<'a> {
    sessions: &'a [Session],
    current: &'a str,
}

impl<'a> Others<'a> {
    /// The other signed-in sessions, in the client's order.
    pub(crate) fn iter(self) -> impl Iterator<Item = &'a Session> {
        let current = self.current;
        (self.sessions.iter()).filter(move |s| s.status.is_signed_in() && s.id != current)
    }

    /// Whether there is no other signed-in session.
    pub(crate) fn is_empty(self) -> bool {
        self.iter().next().is_none()
    }
}

/// Where the actions go, resolved from props, load options and the instance's settings.
/// Each is already filtered by [`safe_link_url`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Targets {
    /// "Manage account"; the action is hidden when `None`.
    pub user_profile: Option<String>,
    /// "Add account".
    pub sign_in: Option<String>,
    /// After switching sessions; stay on the page when `None`.
    pub after_switch: Option<String>,
    /// After signing out of the current one of several sessions.
    pub after_single_sign_out: Option<String>,
}

impl Targets {
    /// The targets for `state`: props first, then the `load()` options, then the instance's
    /// `display_config`.
    pub(crate) fn resolve(clerk: &Clerk, state: &State, props: &UserButtonProps) -> Self {
        let display = &state.environment.display_config;
        clerk.with_load_options(|load| {
            let sign_in_option = props.sign_in_url.as_deref().or(load.sign_in_url.as_deref());
            let choose = sign_in_option.map(|url| [url, "#/choose"].concat());
            Self {
                user_profile: Self::first_safe([
                    props.user_profile_url.as_deref(),
                    load.user_profile_url.as_deref(),
                    display.user_profile_url.as_deref(),
                ]),
                sign_in: Self::first_safe([sign_in_option, display.sign_in_url.as_deref()]),
                after_switch: Self::first_safe([
                    props.after_switch_session_url.as_deref(),
                    display.after_switch_session_url.as_deref(),
                ]),
                after_single_sign_out: Self::first_safe([
                    load.after_multi_session_single_sign_out_url.as_deref(),
                    choose.as_deref(),
                    display.after_sign_out_one_url.as_deref(),
                ]),
            }
        })
    }

    /// The first candidate that is a safe link.
    pub(crate) fn first_safe<'a>(candidates: impl AsRef<[Option<&'a str>]>) -> Option<String> {
        first_safe_of(candidates.as_ref())
    }
}

/// [`Targets::first_safe`] without the generic (one copy for every list length).
fn first_safe_of(candidates: &[Option<&str>]) -> Option<String> {
    for candidate in candidates {
        if let Some(url) = candidate.and_then(safe_link_url) {
            return Some(url.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::User;

    fn session(first: Option<&str>, last: Option<&str>, username: &str, image: &str) -> Session {
        Session {
            user: Some(
                User {
                    first_name: first.map(Into::into),
                    last_name: last.map(Into::into),
                    username: Some(username.into()),
                    image_url: image.into(),
                    ..User::default()
                }
                .into(),
            ),
            ..Session::default()
        }
    }

    #[test]
    fn a_person_without_a_name_is_titled_by_the_identifier() {
        let s = session(None, Some("  "), "linus", "");
        let p = Person::of(&s);
        assert_eq!(p.full_name(), "");
        assert_eq!(title(&p.full_name(), &p), "linus");
        assert_eq!(p.initials(), "L");
    }

    #[test]
    fn a_full_name_joins_first_and_last_and_hostile_images_are_dropped() {
        let s = session(Some("Ada"), Some(" Lovelace"), "ada", "javascript:alert(1)");
        let p = Person::of(&s);
        assert_eq!(title(&p.full_name(), &p), "Ada Lovelace");
        assert_eq!(p.image_url, None);
    }

    #[test]
    fn the_first_safe_target_wins() {
        let t = Targets::first_safe([None, Some("javascript:x"), Some("/profile"), Some("/b")]);
        assert_eq!(t.as_deref(), Some("/profile"));
    }
}
