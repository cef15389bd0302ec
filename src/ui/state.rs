//! The interaction state of one mounted button, beside what it shows (the `Model`): whether
//! the panel is open, which request is under way, the last failure, and which avatar images
//! failed to load.

use super::action::Action;

/// Where focus goes when the panel closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FocusAfter {
    /// Nowhere: the page is about to navigate, or focus is already where it belongs.
    Stays,
    /// Back to the trigger (Escape, a press outside, the trigger, a custom item).
    Trigger,
    /// Back to the trigger only when focus was inside the button: a switch that finished
    /// while the user was elsewhere leaves focus there.
    TriggerIfInside,
}

/// What the user has done with one button.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UiState {
    /// The panel is open.
    pub(crate) open: bool,
    /// The action whose request is in flight: it shows busy, and no other request starts.
    pub(crate) busy: Option<Action>,
    /// The last failure, shown in the panel until it closes or another action starts.
    pub(crate) error: Option<String>,
    /// Avatar URLs that failed to load: initials instead, for the life of the mount.
    pub(crate) failed_images: Vec<String>,
}

impl UiState {
    /// Whether `action`'s button is disabled: while a request runs, every action that would
    /// start another (navigating and custom items stay usable).
    pub(crate) fn disables(&self, action: &Action) -> bool {
        self.busy.is_some() && action.is_request()
    }

    /// Whether `action`'s request is the one in flight.
    pub(crate) fn is_busy(&self, action: &Action) -> bool {
        self.busy.as_ref() == Some(action)
    }

    /// Whether an avatar URL may be shown (it has not failed to load).
    pub(crate) fn shows_image(&self, url: &str) -> bool {
        !self.failed_images.iter().any(|failed| failed == url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_in_flight_disables_the_other_requests_only() {
        let ui = UiState {
            busy: Some(Action::SignOut),
            ..UiState::default()
        };
        assert!(ui.is_busy(&Action::SignOut) && !ui.is_busy(&Action::SignOutAll));
        assert!(ui.disables(&Action::SignOutAll) && ui.disables(&Action::Session("s".into())));
        assert!(!ui.disables(&Action::ManageAccount) && !ui.disables(&Action::Custom(0)));
        assert!(!UiState::default().disables(&Action::SignOut));
    }
}
