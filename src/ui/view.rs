//! What the user button shows, derived from the SDK state and the props. Rendering compares
//! the new view with the previous one and leaves the DOM alone when nothing visible changed,
//! so a state notification that does not concern the button costs nothing and keeps focus.

use super::initials::initials;
use super::safe_url::{safe_image_url, safe_link_url};
use crate::prelude::*;

/// A signed-in person as shown in the trigger, the preview and the session list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// "First Last"; empty when neither is set.
    pub full_name: String,
    /// Username, else primary email, else phone, else wallet (PROTOCOL.md §4).
    pub identifier: String,
    /// Only URLs that passed [`safe_image_url`].
    pub image_url: Option<String>,
    /// Fallback when there is no image or it fails to load.
    pub initials: String,
}

impl Person {
    /// Builds a person from raw fields; hostile image URLs are dropped here, once.
    pub(crate) fn new(
        first_name: Option<&str>,
        last_name: Option<&str>,
        identifier: &str,
        image_url: Option<&str>,
    ) -> Self {
        // A plain loop: `collect` + `join` cost a Vec and a generic join copy in the wasm.
        let mut full_name = String::new();
        // An absent name is an empty one (both are skipped): no `Flatten` adapter.
        for part in [
            first_name.unwrap_or_default(),
            last_name.unwrap_or_default(),
        ] {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if !full_name.is_empty() {
                full_name.push(' ');
            }
            full_name.push_str(part);
        }
        Self {
            full_name,
            identifier: identifier.to_owned(),
            image_url: image_url.and_then(safe_image_url).map(str::to_owned),
            initials: initials(first_name, last_name, identifier),
        }
    }

    /// The main line: the full name, else the identifier.
    pub(crate) fn title(&self) -> &str {
        if self.full_name.is_empty() {
            &self.identifier
        } else {
            &self.full_name
        }
    }
}

/// Another signed-in session of this browser, offered by the switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OtherSession {
    /// The session id passed to `set_active`.
    pub id: String,
    /// Whose session it is.
    pub person: Person,
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

/// Everything a signed-in user button renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct View {
    /// The current session (for a single-session sign-out in multi-session mode).
    pub session_id: String,
    /// The current user.
    pub user: Person,
    /// The other signed-in sessions; empty in single-session mode.
    pub others: Vec<OtherSession>,
    /// `auth_config.single_session_mode == false`.
    pub multi_session: bool,
    /// Development instance: the footer shows "Development mode".
    pub development: bool,
    /// Action targets.
    pub targets: Targets,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_without_a_name_is_titled_by_the_identifier() {
        let p = Person::new(None, Some("  "), "linus", None);
        assert_eq!(p.full_name, "");
        assert_eq!(p.title(), "linus");
        assert_eq!(p.initials, "L");
    }

    #[test]
    fn a_full_name_joins_first_and_last_and_hostile_images_are_dropped() {
        let p = Person::new(
            Some("Ada"),
            Some("Lovelace"),
            "ada",
            Some("javascript:alert(1)"),
        );
        assert_eq!(p.title(), "Ada Lovelace");
        assert_eq!(p.image_url, None);
    }

    #[test]
    fn the_first_safe_target_wins() {
        let t = Targets::first_safe([None, Some("javascript:x"), Some("/profile"), Some("/b")]);
        assert_eq!(t.as_deref(), Some("/profile"));
    }
}
