//! Builds the user button's DOM from a [`View`]: the trigger and the panel. Pure construction:
//! no listeners (the mount delegates events), no markup parsing (user text goes in as text
//! nodes), every part carries its stable `cl-` class plus any `appearance.elements` classes.

use web_sys::{Document, Element};

use super::action::{Action, ATTR};
use super::dom::{append, attr, el, text};
use super::props::{Builtin, Label, Labels, UserButtonProps};
use super::safe_url::safe_link_url;
use super::view::{Person, View};

/// The interaction state of one mount, rendered alongside the view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UiState {
    /// The panel is open.
    pub open: bool,
    /// The action waiting on the Frontend API, if any.
    pub busy: Option<Action>,
    /// The last failure, shown in the panel.
    pub error: Option<String>,
    /// Avatar URLs that failed to load: initials instead.
    pub failed_images: Vec<String>,
}

/// Everything one render reads.
#[derive(Debug)]
pub(crate) struct Render<'a> {
    pub doc: &'a Document,
    pub view: &'a View,
    pub props: &'a UserButtonProps,
    pub labels: &'a Labels,
    pub ui: &'a UiState,
    /// Unique per mount, for `aria-controls`.
    pub panel_id: &'a str,
}

impl Render<'_> {
    /// An element with its part classes (`"cl-a cl-b"`) plus the appearance extras for each.
    fn part(&self, tag: &str, classes: &str) -> Option<Element> {
        el(self.doc, tag, &self.props.appearance.with_extras(classes))
    }

    /// The `<button>` that opens the panel.
    pub(crate) fn trigger(&self) -> Option<Element> {
        let button = self.part("button", "cl-userButtonTrigger")?;
        attr(&button, "type", "button");
        attr(&button, ATTR, &Action::Toggle.key());
        attr(&button, "aria-haspopup", "dialog");
        self.set_trigger_state(&button);
        if self.props.show_name {
            let name = self.part("span", "cl-userButtonOuterIdentifier")?;
            attr(&name, "dir", "auto");
            attr(&name, "title", self.view.user.title());
            text(&name, self.view.user.title());
            append(&button, &name);
        }
        let avatar = self.avatar(
            &self.view.user,
            "cl-userButtonAvatarBox",
            "cl-userButtonAvatarImage",
        )?;
        append(&button, &avatar);
        Some(button)
    }

    /// The open/closed ARIA attributes of the trigger.
    pub(crate) fn set_trigger_state(&self, button: &Element) {
        let (label, expanded) = if self.ui.open {
            (self.labels.get(Label::CloseUserMenu), "true")
        } else {
            (self.labels.get(Label::OpenUserMenu), "false")
        };
        attr(button, "aria-label", label);
        attr(button, "aria-expanded", expanded);
        if self.ui.open {
            attr(button, "aria-controls", self.panel_id);
        } else {
            let _ = button.remove_attribute("aria-controls");
        }
    }

    /// The image when it is usable and has not failed, else the initials.
    fn avatar(&self, person: &Person, box_class: &str, image_class: &str) -> Option<Element> {
        let holder = self.part("span", &["cl-avatarBox ", box_class].concat())?;
        attr(&holder, "aria-hidden", "true");
        let image = person
            .image_url
            .as_deref()
            .filter(|url| !self.ui.failed_images.iter().any(|f| f == url));
        match image {
            Some(url) => {
                let img = self.part("img", &["cl-avatarImage ", image_class].concat())?;
                attr(&img, "alt", "");
                attr(&img, "src", url);
                append(&holder, &img);
            }
            None => text(&holder, &person.initials),
        }
        Some(holder)
    }

    /// The dialog.
    pub(crate) fn panel(&self) -> Option<Element> {
        let card = self.part("div", "cl-userButtonPopoverCard")?;
        attr(&card, "id", self.panel_id);
        attr(&card, "role", "dialog");
        attr(&card, "aria-label", self.labels.get(Label::AccountPanel));
        append(&card, &self.preview(&self.view.user)?);
        let actions = self.part("div", "cl-userButtonPopoverActions")?;
        attr(&actions, "role", "group");
        attr(
            &actions,
            "aria-label",
            self.labels.get(Label::AccountActions),
        );
        for item in self.ordered_items() {
            if let Some(node) = self.item(item)? {
                append(&actions, &node);
            }
        }
        append(&card, &actions);
        if self.view.multi_session {
            self.sessions(&card)?;
        }
        if let Some(message) = &self.ui.error {
            let error = self.part("p", "cl-userButtonPopoverError")?;
            attr(&error, "role", "alert");
            text(&error, message);
            append(&card, &error);
        }
        if self.view.development {
            let footer = self.part("div", "cl-userButtonPopoverFooter")?;
            text(&footer, self.labels.get(Label::DevelopmentMode));
            append(&card, &footer);
        }
        Some(card)
    }

    /// Avatar, full name and identifier.
    fn preview(&self, person: &Person) -> Option<Element> {
        let preview = self.part("div", "cl-userPreview cl-userButtonPopoverUserPreview")?;
        append(
            &preview,
            &self.avatar(
                person,
                "cl-userPreviewAvatarBox",
                "cl-userPreviewAvatarImage",
            )?,
        );
        append(&preview, &self.person_text(person)?);
        Some(preview)
    }

    fn person_text(&self, person: &Person) -> Option<Element> {
        let texts = self.part("span", "cl-userPreviewTextContainer")?;
        let main = self.part("span", "cl-userPreviewMainIdentifier")?;
        attr(&main, "dir", "auto");
        attr(&main, "title", person.title());
        text(&main, person.title());
        append(&texts, &main);
        if person.full_name.is_some() {
            let secondary = self.part("span", "cl-userPreviewSecondaryIdentifier")?;
            attr(&secondary, "dir", "auto");
            attr(&secondary, "title", &person.identifier);
            text(&secondary, &person.identifier);
            append(&texts, &secondary);
        }
        Some(texts)
    }

    /// Built-in and custom actions in display order: "Manage account", the custom items,
    /// "Sign out", unless bare `manageAccount`/`signOut` items place the built-ins elsewhere.
    fn ordered_items(&self) -> Vec<Item> {
        let items = &self.props.custom_menu_items;
        let has = |b| items.iter().any(|i| i.builtin() == Some(b));
        let mut out = Vec::with_capacity(items.len() + 2);
        if !has(Builtin::ManageAccount) {
            out.push(Item::Builtin(Builtin::ManageAccount));
        }
        for (index, item) in items.iter().enumerate() {
            out.push(item.builtin().map_or(Item::Custom(index), Item::Builtin));
        }
        if !has(Builtin::SignOut) {
            out.push(Item::Builtin(Builtin::SignOut));
        }
        out
    }

    /// One action node; `Some(None)` when the item has nothing to show.
    fn item(&self, item: Item) -> Option<Option<Element>> {
        match item {
            Item::Builtin(Builtin::ManageAccount) => {
                if self.view.targets.user_profile.is_none() {
                    return Some(None);
                }
                let label = self.labels.get(Label::ManageAccount);
                self.action_button(&Action::ManageAccount, "__manageAccount", label)
                    .map(Some)
            }
            Item::Builtin(Builtin::SignOut) => self
                .action_button(
                    &Action::SignOut,
                    "__signOut",
                    self.labels.get(Label::SignOut),
                )
                .map(Some),
            Item::Custom(index) => self.custom_item(index),
        }
    }

    fn custom_item(&self, index: usize) -> Option<Option<Element>> {
        let Some(item) = self.props.custom_menu_items.get(index) else {
            return Some(None);
        };
        if item.on_click.is_some() {
            let modifier = "__custom cl-userButtonPopoverCustomItemButton";
            let button = self.action_button(&Action::Custom(index), modifier, &item.label)?;
            return Some(Some(button));
        }
        let Some(href) = item.href.as_deref().and_then(safe_link_url) else {
            return Some(None);
        };
        let link = self.part(
            "a",
            "cl-userButtonPopoverActionButton cl-userButtonPopoverCustomItemButton",
        )?;
        attr(&link, "href", href);
        self.label_into(&link, &item.label)?;
        Some(Some(link))
    }

    /// A `<button>` for an action, busy-marked when it is the one in flight.
    fn action_button(&self, action: &Action, modifier: &str, label: &str) -> Option<Element> {
        let base = "cl-userButtonPopoverActionButton";
        let button = self.part("button", &[base, " ", base, modifier].concat())?;
        attr(&button, "type", "button");
        attr(&button, ATTR, &action.key());
        if let Some(busy) = &self.ui.busy {
            if action.is_async() {
                attr(&button, "aria-disabled", "true");
            }
            if busy == action {
                attr(&button, "aria-busy", "true");
            }
        }
        self.label_into(&button, label)?;
        Some(button)
    }

    fn label_into(&self, node: &Element, label: &str) -> Option<()> {
        let span = self.part("span", "cl-userButtonPopoverActionButtonText")?;
        attr(&span, "dir", "auto");
        text(&span, label);
        append(node, &span);
        Some(())
    }

    /// The multi-session part: the other sessions, "Add account", "Sign out of all accounts".
    fn sessions(&self, card: &Element) -> Option<()> {
        if !self.view.others.is_empty() {
            let group = self.part(
                "div",
                "cl-userButtonPopoverActions cl-userButtonPopoverSessions",
            )?;
            attr(&group, "role", "group");
            let heading_id = [self.panel_id, "-sessions"].concat();
            attr(&group, "aria-labelledby", &heading_id);
            let heading = self.part("p", "cl-userButtonPopoverSessionsLabel")?;
            attr(&heading, "id", &heading_id);
            text(&heading, self.labels.get(Label::ActiveSessions));
            append(&group, &heading);
            for other in &self.view.others {
                let button =
                    self.action_button(&Action::Switch(other.id.clone()), "__session", "")?;
                // The label span is replaced by the avatar and the two lines of text.
                button.set_text_content(None);
                let avatar = self.avatar(
                    &other.person,
                    "cl-userPreviewAvatarBox",
                    "cl-userPreviewAvatarImage",
                )?;
                append(&button, &avatar);
                append(&button, &self.person_text(&other.person)?);
                append(&group, &button);
            }
            append(card, &group);
        }
        let more = self.part(
            "div",
            "cl-userButtonPopoverActions cl-userButtonPopoverActions__multiSession",
        )?;
        let add = self.view.targets.sign_in.is_some();
        if add {
            append(
                &more,
                &self.action_button(
                    &Action::AddAccount,
                    "__addAccount",
                    self.labels.get(Label::AddAccount),
                )?,
            );
        }
        if !self.view.others.is_empty() {
            append(
                &more,
                &self.action_button(
                    &Action::SignOutAll,
                    "__signOutAll",
                    self.labels.get(Label::SignOutAll),
                )?,
            );
        }
        if add || !self.view.others.is_empty() {
            append(card, &more);
        }
        Some(())
    }
}

/// One entry of the actions group.
#[derive(Debug, Clone, Copy)]
enum Item {
    Builtin(Builtin),
    Custom(usize),
}
