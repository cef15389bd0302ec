//! Builds the user button's DOM from a [`View`]: the trigger and the panel. Pure construction:
//! no listeners (the mount delegates events), no markup parsing (user text goes in as text
//! nodes), every part carries its stable `cl-` class plus any `appearance.elements` classes.

use crate::prelude::*;
use web_sys::Element;

use super::action::{Action, ATTR, TOGGLE};
use super::dom::{append, attr, call, el, text};
use super::mount::MountState;
use super::props::{Builtin, Label};
use super::safe_url::safe_link_url;
use super::view::{title, Person, View};

/// The classes of an action button with this modifier: a literal, not built per render.
macro_rules! action_class {
    ($modifier:literal) => {
        concat!(
            "cl-userButtonPopoverActionButton cl-userButtonPopoverActionButton",
            $modifier
        )
    };
}

/// The interaction state of one mount, rendered alongside the view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct UiState {
    /// The panel is open.
    pub open: bool,
    /// The key ([`Action::key`]) of the action waiting on the Frontend API, if any.
    pub busy: Option<String>,
    /// The last failure, shown in the panel.
    pub error: Option<String>,
    /// Avatar URLs that failed to load: initials instead.
    pub failed_images: Vec<String>,
}

/// Everything one render reads.
#[derive(Debug)]
pub(crate) struct Render<'a> {
    /// The mount's document, props, appearance layers, strings, interaction state and
    /// targets, read in place (not copied into this struct field by field).
    pub mount: &'a MountState,
    /// What to show, read from the mount's state snapshot.
    pub view: View<'a>,
}

impl Render<'_> {
    /// An element with its part classes (`"cl-a cl-b"`) plus the appearance extras for each.
    fn part(&self, tag: &str, classes: &str) -> Element {
        let classes = self
            .mount
            .props
            .appearance
            .with_extras(self.mount.base.as_deref(), classes);
        el(&self.mount.doc, tag, &classes)
    }

    /// A part appended to `parent`.
    fn child(&self, parent: &Element, tag: &str, classes: &str) -> Element {
        let node = self.part(tag, classes);
        append(parent, &node);
        node
    }

    /// A one-line `<span>` of user-controlled or localized text in `parent`: its own
    /// direction, truncated with an ellipsis, the full text in `title` when `titled`.
    fn line(&self, parent: &Element, classes: &str, content: &str, titled: bool) {
        let span = self.child(parent, "span", classes);
        attr(&span, "dir", "auto");
        if titled {
            attr(&span, "title", content);
        }
        text(&span, content);
    }

    /// The `<button>` that opens the panel.
    pub(crate) fn trigger(&self) -> Element {
        let button = self.part("button", "cl-userButtonTrigger");
        attr(&button, "type", "button");
        attr(&button, ATTR, TOGGLE);
        attr(&button, "aria-haspopup", "dialog");
        set_trigger_state(self.mount, &button);
        let user = &self.view.user;
        if self.mount.props.show_name {
            let full_name = user.full_name();
            let title = title(&full_name, user);
            self.line(&button, "cl-userButtonOuterIdentifier", title, true);
        }
        self.avatar(
            &button,
            user,
            "cl-avatarBox cl-userButtonAvatarBox",
            "cl-avatarImage cl-userButtonAvatarImage",
        );
        button
    }

    /// The image when it is usable and has not failed, else the initials. The classes are
    /// the full lists (`"cl-avatarBox cl-…AvatarBox"`), literals rather than built per render.
    fn avatar(&self, parent: &Element, person: &Person, box_class: &str, image_class: &str) {
        let holder = self.child(parent, "span", box_class);
        attr(&holder, "aria-hidden", "true");
        let image = person
            .image_url
            .filter(|url| !self.mount.ui.failed_images.iter().any(|f| f == url));
        match image {
            Some(url) => {
                let img = self.child(&holder, "img", image_class);
                attr(&img, "alt", "");
                attr(&img, "src", url);
            }
            None => text(&holder, &person.initials()),
        }
    }

    /// The dialog.
    pub(crate) fn panel(&self) -> Element {
        let card = self.part("div", "cl-userButtonPopoverCard");
        attr(&card, "id", &self.mount.panel_id);
        attr(&card, "role", "dialog");
        attr(&card, "aria-label", self.mount.label(Label::AccountPanel));
        let preview = self.child(
            &card,
            "div",
            "cl-userPreview cl-userButtonPopoverUserPreview",
        );
        self.person(&preview, &self.view.user);
        let actions = self.child(&card, "div", "cl-userButtonPopoverActions");
        attr(&actions, "role", "group");
        let label = self.mount.label(Label::AccountActions);
        attr(&actions, "aria-label", label);
        self.items(&actions);
        if self.view.multi_session {
            self.sessions(&card);
        }
        if let Some(message) = &self.mount.ui.error {
            let error = self.child(&card, "p", "cl-userButtonPopoverError");
            attr(&error, "role", "alert");
            text(&error, message);
        }
        if self.view.development {
            let footer = self.child(&card, "div", "cl-userButtonPopoverFooter");
            text(&footer, self.mount.label(Label::DevelopmentMode));
        }
        card
    }

    /// Avatar, then full name and identifier (the preview and each listed session).
    fn person(&self, parent: &Element, person: &Person) {
        self.avatar(
            parent,
            person,
            "cl-avatarBox cl-userPreviewAvatarBox",
            "cl-avatarImage cl-userPreviewAvatarImage",
        );
        let texts = self.child(parent, "span", "cl-userPreviewTextContainer");
        let full_name = person.full_name();
        let title = title(&full_name, person);
        self.line(&texts, "cl-userPreviewMainIdentifier", title, true);
        if !full_name.is_empty() {
            let secondary = "cl-userPreviewSecondaryIdentifier";
            self.line(&texts, secondary, person.identifier, true);
        }
    }

    /// Built-in and custom actions in display order: "Manage account", the custom items,
    /// "Sign out", unless bare `manageAccount`/`signOut` items place the built-ins elsewhere.
    /// Emitted as they are ordered (no list of them is built first).
    fn items(&self, parent: &Element) {
        let items = &self.mount.props.custom_menu_items;
        let has = |b| items.iter().any(|i| i.builtin() == Some(b));
        if !has(Builtin::ManageAccount) {
            self.item(parent, Item::Builtin(Builtin::ManageAccount));
        }
        for (index, item) in items.iter().enumerate() {
            let item = item.builtin().map_or(Item::Custom(index), Item::Builtin);
            self.item(parent, item);
        }
        if !has(Builtin::SignOut) {
            self.item(parent, Item::Builtin(Builtin::SignOut));
        }
    }

    /// One action node in `parent`, unless the item has nothing to show.
    fn item(&self, parent: &Element, item: Item) {
        match item {
            Item::Builtin(Builtin::ManageAccount) => {
                if self.mount.targets.user_profile.is_some() {
                    let label = self.mount.label(Label::ManageAccount);
                    self.action_button(
                        parent,
                        Action::ManageAccount,
                        action_class!("__manageAccount"),
                        label,
                    );
                }
            }
            Item::Builtin(Builtin::SignOut) => {
                let label = self.mount.label(Label::SignOut);
                self.action_button(parent, Action::SignOut, action_class!("__signOut"), label);
            }
            Item::Custom(index) => self.custom_item(parent, index),
        }
    }

    fn custom_item(&self, parent: &Element, index: usize) {
        let Some(item) = self.mount.props.custom_menu_items.get(index) else {
            return;
        };
        if item.on_click.is_some() {
            let classes = action_class!("__custom cl-userButtonPopoverCustomItemButton");
            self.action_button(parent, Action::Custom(index), classes, &item.label);
        } else if let Some(href) = item.href.as_deref().and_then(safe_link_url) {
            let link = self.child(
                parent,
                "a",
                "cl-userButtonPopoverActionButton cl-userButtonPopoverCustomItemButton",
            );
            attr(&link, "href", href);
            self.label_into(&link, &item.label);
        }
    }

    /// A `<button>` for an action in `parent`, busy-marked when it is the one in flight.
    fn action_button(
        &self,
        parent: &Element,
        action: Action<'_>,
        classes: &str,
        label: &str,
    ) -> Element {
        let button = self.child(parent, "button", classes);
        attr(&button, "type", "button");
        let key = action.key();
        attr(&button, ATTR, &key);
        if let Some(busy) = &self.mount.ui.busy {
            if action.is_async() {
                attr(&button, "aria-disabled", "true");
            }
            if *busy == key {
                attr(&button, "aria-busy", "true");
            }
        }
        if !label.is_empty() {
            self.label_into(&button, label);
        }
        button
    }

    fn label_into(&self, node: &Element, label: &str) {
        self.line(node, "cl-userButtonPopoverActionButtonText", label, false);
    }

    /// The multi-session part: the other sessions, "Add account", "Sign out of all accounts".
    fn sessions(&self, card: &Element) {
        let others = !self.view.others.is_empty();
        if others {
            let group = self.child(
                card,
                "div",
                "cl-userButtonPopoverActions cl-userButtonPopoverSessions",
            );
            attr(&group, "role", "group");
            let heading_id = [&self.mount.panel_id, "-sessions"].concat();
            attr(&group, "aria-labelledby", &heading_id);
            let heading = self.child(&group, "p", "cl-userButtonPopoverSessionsLabel");
            attr(&heading, "id", &heading_id);
            text(&heading, self.mount.label(Label::ActiveSessions));
            for other in self.view.others.iter() {
                // No label span: the avatar and the two lines of text name the session.
                let action = Action::Switch(&other.id);
                let button = self.action_button(&group, action, action_class!("__session"), "");
                self.person(&button, &Person::of(other));
            }
        }
        let add = self.mount.targets.sign_in.is_some();
        if !add && !others {
            return;
        }
        let more = self.child(
            card,
            "div",
            "cl-userButtonPopoverActions cl-userButtonPopoverActions__multiSession",
        );
        if add {
            let label = self.mount.label(Label::AddAccount);
            self.action_button(
                &more,
                Action::AddAccount,
                action_class!("__addAccount"),
                label,
            );
        }
        if others {
            let label = self.mount.label(Label::SignOutAll);
            self.action_button(
                &more,
                Action::SignOutAll,
                action_class!("__signOutAll"),
                label,
            );
        }
    }
}

/// One entry of the actions group.
#[derive(Debug, Clone, Copy)]
enum Item {
    Builtin(Builtin),
    Custom(usize),
}

/// The open/closed ARIA attributes of the trigger. It reads only the mount (no view), so the
/// mount updates them on open and close without building a [`Render`].
pub(crate) fn set_trigger_state(mount: &MountState, button: &Element) {
    let (label, expanded) = if mount.ui.open {
        (mount.label(Label::CloseUserMenu), "true")
    } else {
        (mount.label(Label::OpenUserMenu), "false")
    };
    attr(button, "aria-label", label);
    attr(button, "aria-expanded", expanded);
    if mount.ui.open {
        attr(button, "aria-controls", &mount.panel_id);
    } else {
        call(button, "removeAttribute", &[&"aria-controls".into()]);
    }
}
