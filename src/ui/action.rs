//! What a click in the user button can ask for. Every interactive node carries its action in
//! `data-cl-action`, so one delegated listener per mount serves every node, and the same key
//! finds "the same" node again after a re-render (to keep focus on it).

/// A user button action, parsed from (and written to) its `data-cl-action` key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    /// Open or close the panel (the trigger).
    Toggle,
    /// Go to the user profile.
    ManageAccount,
    /// Sign out (of the current session, when there are several).
    SignOut,
    /// Sign out every session of this browser.
    SignOutAll,
    /// Go to sign-in to add another account.
    AddAccount,
    /// Make this session current.
    Session(String),
    /// A custom menu item's `on_click`, by its index in the props.
    Custom(usize),
}

/// The attribute naming an element's action.
pub(crate) const ATTR: &str = "data-cl-action";

impl Action {
    /// The attribute value.
    pub(crate) fn key(&self) -> String {
        match self {
            Self::Toggle => "toggle".into(),
            Self::ManageAccount => "manageAccount".into(),
            Self::SignOut => "signOut".into(),
            Self::SignOutAll => "signOutAll".into(),
            Self::AddAccount => "addAccount".into(),
            Self::Session(id) => format!("session:{id}"),
            Self::Custom(index) => format!("custom:{index}"),
        }
    }

    /// Parses [`Action::key`]; `None` for anything else.
    pub(crate) fn parse(key: &str) -> Option<Self> {
        Some(match key {
            "toggle" => Self::Toggle,
            "manageAccount" => Self::ManageAccount,
            "signOut" => Self::SignOut,
            "signOutAll" => Self::SignOutAll,
            "addAccount" => Self::AddAccount,
            _ => match key.split_once(':')? {
                ("session", id) if !id.is_empty() => Self::Session(id.to_owned()),
                ("custom", index) if index.bytes().all(|b| b.is_ascii_digit()) => {
                    Self::Custom(index.parse().ok()?)
                }
                _ => return None,
            },
        })
    }

    /// Actions that wait on the Frontend API: one at a time per button.
    pub(crate) fn is_request(&self) -> bool {
        matches!(self, Self::SignOut | Self::SignOutAll | Self::Session(_))
    }

    /// The CSS modifier of its action button (`cl-userButtonPopoverActionButton__<it>`).
    pub(crate) fn modifier(&self) -> &'static str {
        match self {
            Self::Toggle => "toggle",
            Self::ManageAccount => "manageAccount",
            Self::SignOut => "signOut",
            Self::SignOutAll => "signOutAll",
            Self::AddAccount => "addAccount",
            Self::Session(_) => "session",
            Self::Custom(_) => "custom",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_survives_its_attribute_round_trip() {
        for action in [
            Action::Toggle,
            Action::ManageAccount,
            Action::SignOut,
            Action::SignOutAll,
            Action::AddAccount,
            Action::Session("sess_2ab:c".into()),
            Action::Custom(12),
        ] {
            assert_eq!(Action::parse(&action.key()), Some(action));
        }
        for key in [
            "custom:x",
            "custom:",
            "custom:-1",
            "custom:+1",
            "custom:99999999999999999999999",
            "session:",
            "nope",
            "",
        ] {
            assert_eq!(Action::parse(key), None, "{key}");
        }
    }

    #[test]
    fn only_sign_outs_and_switches_wait_on_the_api() {
        assert!(Action::SignOut.is_request() && Action::Session("s".into()).is_request());
        assert!(!Action::ManageAccount.is_request() && !Action::Custom(0).is_request());
    }
}
