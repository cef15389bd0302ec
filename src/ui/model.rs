//! What a user button shows, derived from the SDK's state, the button's props and the
//! instance's load options: who is signed in, the panel's items in order, the other sessions,
//! where each action leads and every string. Plain owned data, compared with the last one
//! shown so a state change that does not concern the button leaves the DOM (and focus) alone.

use super::action::Action;
use super::initials::initials;
use super::labels::{Label, Labels};
use super::props::UserButtonProps;
use super::safe_url::{first_link, safe_image, safe_link};
use crate::{InstanceType, LoadOptions, Session, State};

/// A signed-in person as shown in the trigger, the preview and the session list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// The full name, else the identifier.
    pub(crate) title: String,
    /// The identifier under a full name; `None` when the title is already the identifier.
    pub(crate) subtitle: Option<String>,
    /// The avatar's text when there is no image.
    pub(crate) initials: String,
    /// Only a URL [`safe_image`] accepts.
    pub(crate) image: Option<String>,
}

impl Person {
    /// The person behind a session: its user when the server sent one, else its public data.
    pub(crate) fn of(session: &Session) -> Self {
        let (first, last, identifier, full_name, image) =
            match (&session.user, &session.public_user_data) {
                (Some(user), _) => (
                    user.first_name.as_deref(),
                    user.last_name.as_deref(),
                    user.display_identifier(),
                    user.full_name(),
                    Some(user.image_url.as_str()),
                ),
                (None, Some(public)) => (
                    public.first_name.as_deref(),
                    public.last_name.as_deref(),
                    public.identifier.as_str(),
                    public.full_name(),
                    public.image_url.as_deref(),
                ),
                (None, None) => (None, None, "", None, None),
            };
        let first = first.unwrap_or_default().trim();
        let last = last.unwrap_or_default().trim();
        let subtitle = full_name
            .as_ref()
            .filter(|_| !identifier.is_empty())
            .map(|_| identifier.to_owned());
        Self {
            title: full_name.unwrap_or_else(|| identifier.to_owned()),
            subtitle,
            initials: initials(first, last, identifier),
            image: image.and_then(safe_image).map(str::to_owned),
        }
    }
}

/// Where the actions lead, each the first safe link among props, load options and the
/// instance's `display_config`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Targets {
    /// "Manage account"; the action is hidden without one.
    pub(crate) user_profile: Option<String>,
    /// "Add account".
    pub(crate) sign_in: Option<String>,
    /// After switching sessions; stay on the page without one.
    pub(crate) after_switch: Option<String>,
    /// After signing out of the current one of several sessions.
    pub(crate) after_sign_out_one: Option<String>,
    /// After signing out of every session (the `afterSignOutUrl` prop; else the core's own
    /// target).
    pub(crate) after_sign_out: Option<String>,
}

impl Targets {
    fn resolve(state: &State, props: &UserButtonProps, load: &LoadOptions) -> Self {
        let display = &state.environment.display_config;
        let sign_in = props.sign_in_url.as_deref().or(load.sign_in_url.as_deref());
        // Signing out of one session of several lands on ClerkJS's account chooser.
        let choose = sign_in.map(|url| format!("{url}#/choose"));
        Self {
            user_profile: first_link(&[
                props.user_profile_url.as_deref(),
                load.user_profile_url.as_deref(),
                display.user_profile_url.as_deref(),
            ]),
            sign_in: first_link(&[sign_in, display.sign_in_url.as_deref()]),
            after_switch: first_link(&[
                props.after_switch_session_url.as_deref(),
                display.after_switch_session_url.as_deref(),
            ]),
            after_sign_out_one: first_link(&[
                load.after_multi_session_single_sign_out_url.as_deref(),
                choose.as_deref(),
                display.after_sign_out_one_url.as_deref(),
            ]),
            after_sign_out: first_link(&[props.after_sign_out_url.as_deref()]),
        }
    }
}

/// One entry of an action group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A `<button>` for an action, with its text.
    Button(Action, String),
    /// A custom item that links somewhere: `<a href>`; `index` is its place in the props
    /// (for its `label_icon`).
    Link {
        label: String,
        href: String,
        index: usize,
    },
}

/// The strings of the trigger and the panel's frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Texts {
    pub(crate) open_menu: String,
    pub(crate) close_menu: String,
    pub(crate) panel: String,
    pub(crate) actions: String,
    pub(crate) sessions: String,
    pub(crate) action_failed: String,
}

/// Everything a signed-in user button shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Model {
    /// The current session.
    pub(crate) session_id: String,
    /// The current user.
    pub(crate) user: Person,
    /// The name beside the avatar (`showName`).
    pub(crate) name: Option<String>,
    /// "Manage account", the custom items and "Sign out", in order.
    pub(crate) actions: Vec<Item>,
    /// The other signed-in sessions (multi-session instances): `(id, person)`.
    pub(crate) sessions: Vec<(String, Person)>,
    /// "Add account" and "Sign out of all accounts" (multi-session instances).
    pub(crate) more: Vec<Item>,
    /// `auth_config.single_session_mode == false`.
    pub(crate) multi_session: bool,
    /// "Development mode" on development instances.
    pub(crate) footer: Option<String>,
    pub(crate) texts: Texts,
    pub(crate) targets: Targets,
}

impl Model {
    /// What to show for `state`; `None` while loading or signed out (the button renders
    /// nothing).
    pub(crate) fn of(state: &State, props: &UserButtonProps, load: &LoadOptions) -> Option<Self> {
        if !state.loaded {
            return None;
        }
        let session = state.session()?;
        let labels = Labels {
            own: &props.localization,
            instance: &load.localization,
        };
        let targets = Targets::resolve(state, props, load);
        let multi_session = !state.single_session_mode();
        let sessions: Vec<(String, Person)> = match multi_session {
            true => (state.signed_in_sessions().into_iter())
                .filter(|s| s.id != session.id)
                .map(|s| (s.id.clone(), Person::of(s)))
                .collect(),
            false => Vec::new(),
        };
        let user = Person::of(session);
        Some(Self {
            session_id: session.id.clone(),
            name: props.show_name.then(|| user.title.clone()),
            user,
            actions: actions(props, &targets, labels),
            more: more(multi_session, !sessions.is_empty(), &targets, labels),
            sessions,
            multi_session,
            footer: is_development(state).then(|| labels.get(Label::DevelopmentMode).to_owned()),
            texts: Texts {
                open_menu: labels.get(Label::OpenUserMenu).to_owned(),
                close_menu: labels.get(Label::CloseUserMenu).to_owned(),
                panel: labels.get(Label::AccountPanel).to_owned(),
                actions: labels.get(Label::AccountActions).to_owned(),
                sessions: labels.get(Label::ActiveSessions).to_owned(),
                action_failed: labels.get(Label::ActionFailed).to_owned(),
            },
            targets,
        })
    }

    /// The trigger's accessible name. With `showName` it starts with the name shown, so the
    /// name a user sees is the name a voice-control user can say (WCAG 2.5.3).
    pub(crate) fn trigger_label(&self, open: bool) -> String {
        let label = if open {
            &self.texts.close_menu
        } else {
            &self.texts.open_menu
        };
        match &self.name {
            Some(name) => format!("{name}, {label}"),
            None => label.clone(),
        }
    }
}

/// The development footer shows on development instances (the environment says so, else the
/// publishable key does).
fn is_development(state: &State) -> bool {
    match state
        .environment
        .display_config
        .instance_environment_type
        .as_deref()
    {
        Some(kind) => kind == "development",
        None => state.instance_type == InstanceType::Development,
    }
}

/// "Manage account", the custom items, "Sign out": a bare custom item labelled
/// `manageAccount` or `signOut` places that built-in at its position instead.
fn actions(props: &UserButtonProps, targets: &Targets, labels: Labels<'_>) -> Vec<Item> {
    let items = &props.custom_menu_items;
    let placed = |name: &str| items.iter().any(|i| i.builtin() == Some(name));
    let builtin = |out: &mut Vec<Item>, name: &str| match name {
        "signOut" => out.push(Item::Button(
            Action::SignOut,
            labels.get(Label::SignOut).into(),
        )),
        _ if targets.user_profile.is_some() => out.push(Item::Button(
            Action::ManageAccount,
            labels.get(Label::ManageAccount).into(),
        )),
        _ => {}
    };
    let mut out = Vec::new();
    if !placed("manageAccount") {
        builtin(&mut out, "manageAccount");
    }
    for (index, item) in items.iter().enumerate() {
        let href = item.href.as_deref().and_then(safe_link);
        match (item.builtin(), &item.on_click, href) {
            (Some(name), _, _) => builtin(&mut out, name),
            _ if item.label.is_empty() => {}
            (None, Some(_), _) => out.push(Item::Button(Action::Custom(index), item.label.clone())),
            (None, None, Some(href)) => out.push(Item::Link {
                label: item.label.clone(),
                href: href.to_owned(),
                index,
            }),
            (None, None, None) => {}
        }
    }
    if !placed("signOut") {
        builtin(&mut out, "signOut");
    }
    out
}

/// "Add account" (where a sign-in page is known) and "Sign out of all accounts" (when other
/// sessions exist), on multi-session instances.
fn more(multi_session: bool, others: bool, targets: &Targets, labels: Labels<'_>) -> Vec<Item> {
    let mut out = Vec::new();
    if multi_session && targets.sign_in.is_some() {
        out.push(Item::Button(
            Action::AddAccount,
            labels.get(Label::AddAccount).into(),
        ));
    }
    if others {
        out.push(Item::Button(
            Action::SignOutAll,
            labels.get(Label::SignOutAll).into(),
        ));
    }
    out
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
