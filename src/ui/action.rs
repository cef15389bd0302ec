//! The things a click in the user button can do. Each action entry of the view model carries
//! its key, the view puts it in `data-cl-action` and reports it back when the action is
//! chosen (the trigger's `toggle` stays in the view).

use crate::prelude::*;

/// A user button action. `Copy`, borrowing a switch's session id from wherever it was read
/// (the view, or the clicked node's attribute): no string is copied and no drop glue exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action<'a> {
    /// The view closed the panel by itself (Escape, a press outside, the trigger).
    Close,
    /// Go to the user profile.
    ManageAccount,
    /// Sign out (the current session in multi-session mode, else all).
    SignOut,
    /// Sign out every session of this browser.
    SignOutAll,
    /// Go to sign-in to add another account.
    AddAccount,
    /// Make another session current.
    Switch(&'a str),
    /// A custom menu item's `on_click`, by index in the props.
    Custom(usize),
}

impl<'a> Action<'a> {
    /// The attribute value; also the key that finds "the same" element after a re-render.
    pub(crate) fn key(self) -> String {
        match self {
            Self::Close => "close".into(),
            Self::ManageAccount => "manageAccount".into(),
            Self::SignOut => "signOut".into(),
            Self::SignOutAll => "signOutAll".into(),
            Self::AddAccount => "addAccount".into(),
            Self::Switch(id) => ["session:", id].concat(),
            Self::Custom(i) => super::dom::numbered("custom:", i),
        }
    }

    /// Parses [`Action::key`].
    pub(crate) fn parse(key: &'a str) -> Option<Self> {
        Some(match key {
            "close" => Self::Close,
            "manageAccount" => Self::ManageAccount,
            "signOut" => Self::SignOut,
            "signOutAll" => Self::SignOutAll,
            "addAccount" => Self::AddAccount,
            _ => {
                if let Some(id) = key.strip_prefix("session:") {
                    Self::Switch(id)
                } else {
                    Self::Custom(index(key.strip_prefix("custom:")?)?)
                }
            }
        })
    }

    /// Actions that wait on the Frontend API; only one may run at a time per mount.
    pub(crate) fn is_async(self) -> bool {
        matches!(self, Self::SignOut | Self::SignOutAll | Self::Switch(_))
    }
}

/// A decimal index as [`super::dom::numbered`] writes it. Hand-written: `str::parse` links
/// core's general integer parser (signs, radixes) for this one use.
fn index(digits: &str) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    let mut n: usize = 0;
    for b in digits.bytes() {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n = n.checked_mul(10)?.checked_add(usize::from(digit))?;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_survives_its_attribute_round_trip() {
        for action in [
            Action::Close,
            Action::ManageAccount,
            Action::SignOut,
            Action::SignOutAll,
            Action::AddAccount,
            Action::Switch("sess_2ab:c"),
            Action::Custom(12),
        ] {
            assert_eq!(Action::parse(&action.key()), Some(action));
        }
        assert_eq!(Action::parse("custom:x"), None);
        assert_eq!(Action::parse("custom:"), None);
        assert_eq!(Action::parse("custom:-1"), None);
        assert_eq!(Action::parse("custom:99999999999999999999999"), None);
        assert_eq!(Action::parse("nope"), None);
    }
}
