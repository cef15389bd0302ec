//! The strings the user button shows: a button's own `localization`, else the instance's (the
//! `localization` load option), else English.

use crate::options::Localization;

/// One string of the user button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    OpenUserMenu,
    CloseUserMenu,
    AccountPanel,
    AccountActions,
    ManageAccount,
    SignOut,
    ActiveSessions,
    AddAccount,
    SignOutAll,
    DevelopmentMode,
    ActionFailed,
}

impl Label {
    /// The English text.
    fn english(self) -> &'static str {
        match self {
            Self::OpenUserMenu => "Open user menu",
            Self::CloseUserMenu => "Close user menu",
            Self::AccountPanel => "Account panel",
            Self::AccountActions => "Account actions",
            Self::ManageAccount => "Manage account",
            Self::SignOut => "Sign out",
            Self::ActiveSessions => "Active sessions",
            Self::AddAccount => "Add account",
            Self::SignOutAll => "Sign out of all accounts",
            Self::DevelopmentMode => "Development mode",
            Self::ActionFailed => "Something went wrong. Please try again.",
        }
    }

    /// The override `localization` holds for this label, if any.
    fn in_localization(self, l: &Localization) -> Option<&str> {
        let field = match self {
            Self::OpenUserMenu => &l.open_user_menu,
            Self::CloseUserMenu => &l.close_user_menu,
            Self::AccountPanel => &l.account_panel,
            Self::AccountActions => &l.account_actions,
            Self::ManageAccount => &l.manage_account,
            Self::SignOut => &l.sign_out,
            Self::ActiveSessions => &l.active_sessions,
            Self::AddAccount => &l.add_account,
            Self::SignOutAll => &l.sign_out_all,
            Self::DevelopmentMode => &l.development_mode,
            Self::ActionFailed => &l.action_failed,
        };
        field.as_deref()
    }
}

/// The strings of one button: its own overrides first, then the instance's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Labels<'a> {
    pub(crate) own: &'a Localization,
    pub(crate) instance: &'a Localization,
}

impl<'a> Labels<'a> {
    /// One string.
    pub(crate) fn get(self, label: Label) -> &'a str {
        label
            .in_localization(self.own)
            .or_else(|| label.in_localization(self.instance))
            .unwrap_or_else(|| label.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buttons_own_string_wins_over_the_instances_which_wins_over_english() {
        let own = Localization {
            sign_out: Some("Log out".into()),
            ..Localization::default()
        };
        let instance = Localization {
            sign_out: Some("Déconnexion".into()),
            add_account: Some("Ajouter".into()),
            ..Localization::default()
        };
        let labels = Labels {
            own: &own,
            instance: &instance,
        };
        assert_eq!(labels.get(Label::SignOut), "Log out");
        assert_eq!(labels.get(Label::AddAccount), "Ajouter");
        assert_eq!(labels.get(Label::SignOutAll), "Sign out of all accounts");
    }
}
