//! The user button's DOM, built from what it shows (`Model`), its interaction state
//! (`UiState`) and its appearance (`Theme`). Construction only: no listeners (the controller
//! delegates events from the root), no markup parsing (user text goes in as text), and every
//! part carries its stable `cl-` class names plus any `appearance.elements` classes.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::action::{Action, ATTR};
use super::dom::El;
use super::icons;
use super::model::{Item, Model, Person};
use super::props::CustomMenuItem;
use super::state::UiState;
use super::theme::Theme;

/// The custom properties a theme may set on the root, cleared before a theme is applied.
const PROPERTIES: [&str; 8] = [
    "--cl-p",
    "--cl-bg",
    "--cl-fg",
    "--cl-fg2",
    "--cl-danger",
    "--cl-font",
    "--cl-fs",
    "--cl-r",
];

/// Everything one render reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) model: &'a Model,
    pub(crate) ui: &'a UiState,
    pub(crate) theme: &'a Theme,
    /// The panel's `id`, for the trigger's `aria-controls`.
    pub(crate) panel_id: &'a str,
    /// The custom items of the props (their `label_icon`s).
    pub(crate) custom: &'a [CustomMenuItem],
}

impl View<'_> {
    /// An element with its part classes (`"cl-a cl-b"`) and their appearance extras.
    fn part(&self, tag: &str, classes: &str) -> El {
        El::new(self.doc, tag, &self.theme.classes(classes))
    }

    /// The root box: classes, pinned palette and theme variables.
    pub(crate) fn update_root(&self, root: &Element) {
        El::wrap(root)
            .class(&self.theme.classes("cl-userButtonBox cl-rootBox"))
            .attr_if("data-cl-theme", self.theme.palette_attribute());
        if self.theme.palette.is_none() {
            let _ = root.remove_attribute("data-cl-theme");
        }
        let style = root.unchecked_ref::<HtmlElement>().style();
        for property in PROPERTIES {
            let _ = style.remove_property(property);
        }
        for (property, value) in &self.theme.properties {
            let _ = style.set_property(property, value);
        }
    }

    /// The trigger, updated in place: one node for the mount's life, so focus stays on it.
    pub(crate) fn update_trigger(&self, trigger: &Element) {
        let open = self.ui.open;
        trigger.set_text_content(None);
        El::wrap(trigger)
            .class(&self.theme.classes("cl-userButtonTrigger"))
            .attr("aria-label", &self.model.trigger_label(open))
            .attr("aria-expanded", if open { "true" } else { "false" })
            .child(
                self.model
                    .name
                    .as_deref()
                    .map(|name| self.line("cl-userButtonOuterIdentifier", name, true)),
            )
            .child(self.avatar(&self.model.user, "userButton"));
        if open {
            let _ = trigger.set_attribute("aria-controls", self.panel_id);
        } else {
            let _ = trigger.remove_attribute("aria-controls");
        }
    }

    /// The dialog.
    pub(crate) fn panel(&self) -> Option<Element> {
        let m = self.model;
        let sessions = (!m.sessions.is_empty()).then(|| self.sessions());
        let more = (!m.more.is_empty()).then(|| {
            let names = "cl-userButtonPopoverActions cl-userButtonPopoverActions__multiSession";
            self.part("div", names)
                .children(m.more.iter().map(|item| self.item(item)))
        });
        let error = self.ui.error.as_deref().map(|message| {
            self.part("p", "cl-userButtonPopoverError")
                .attr("role", "alert")
                .text(message)
        });
        let footer = m
            .footer
            .as_deref()
            .map(|text| self.part("div", "cl-userButtonPopoverFooter").text(text));
        self.part("div", "cl-userButtonPopoverCard")
            .attr("id", self.panel_id)
            .attr("role", "dialog")
            .attr("aria-label", &m.texts.panel)
            .child(self.preview(
                &m.user,
                self.part("div", "cl-userPreview cl-userButtonPopoverUserPreview"),
            ))
            .child(
                self.part("div", "cl-userButtonPopoverActions")
                    .attr("role", "group")
                    .attr("aria-label", &m.texts.actions)
                    .children(m.actions.iter().map(|item| self.item(item))),
            )
            .child(sessions)
            .child(more)
            .child(error)
            .child(footer)
            .into_element()
    }

    /// "Active sessions": a heading and one button per other session.
    fn sessions(&self) -> El {
        let heading_id = format!("{}-sessions", self.panel_id);
        let heading = self
            .part("p", "cl-userButtonPopoverSessionsLabel")
            .attr("id", &heading_id)
            .text(&self.model.texts.sessions);
        let rows = self.model.sessions.iter().map(|(id, person)| {
            let action = Action::Session(id.clone());
            self.preview(person, self.action_button(&action))
        });
        self.part(
            "div",
            "cl-userButtonPopoverActions cl-userButtonPopoverSessions",
        )
        .attr("role", "group")
        .attr("aria-labelledby", &heading_id)
        .child(heading)
        .children(rows)
    }

    /// A row of an action group: a `<button>` with its icon and text, or a link.
    fn item(&self, item: &Item) -> El {
        match item {
            Item::Button(action, label) => self
                .action_button(action)
                .child(self.icon_box(action))
                .child(self.line("cl-userButtonPopoverActionButtonText", label, false)),
            Item::Link { label, href, index } => self
                .part(
                    "a",
                    "cl-userButtonPopoverActionButton cl-userButtonPopoverCustomItemButton",
                )
                .attr("href", href)
                .child(self.part("span", "cl-userButtonPopoverCustomItemButtonIconBox cl-userButtonPopoverActionButtonIconBox").attr("aria-hidden", "true").child(self.label_icon(*index)))
                .child(self.line("cl-userButtonPopoverActionButtonText", label, false)),
        }
    }

    /// A `<button>` for `action`, marked disabled or busy while a request runs.
    fn action_button(&self, action: &Action) -> El {
        let base = "cl-userButtonPopoverActionButton";
        let mut classes = format!("{base} {base}__{}", action.modifier());
        match action {
            Action::Custom(_) => classes.push_str(" cl-userButtonPopoverCustomItemButton"),
            // A session's row is a preview of its user, sized like the panel's own.
            Action::Session(_) => classes.push_str(" cl-userPreview"),
            _ => {}
        }
        self.part("button", &classes)
            .attr("type", "button")
            .attr(ATTR, &action.key())
            .attr_if("aria-disabled", self.ui.disables(action).then_some("true"))
            .attr_if("aria-busy", self.ui.is_busy(action).then_some("true"))
    }

    /// The icon column of a row (empty for custom items, so every label lines up).
    fn icon_box(&self, action: &Action) -> El {
        let modifier = action.modifier();
        let classes = if matches!(action, Action::Custom(_)) {
            "cl-userButtonPopoverCustomItemButtonIconBox cl-userButtonPopoverActionButtonIconBox"
                .to_owned()
        } else {
            format!("cl-userButtonPopoverActionButtonIconBox cl-userButtonPopoverActionButtonIconBox__{modifier}")
        };
        let icon = match action {
            Action::Custom(index) => self.label_icon(*index),
            _ => icons::for_action(self.doc, action),
        };
        self.part("span", &classes)
            .attr("aria-hidden", "true")
            .child(icon)
    }

    /// A copy of custom item `index`'s `label_icon` (the app's element stays where it is).
    fn label_icon(&self, index: usize) -> Option<El> {
        let icon = self.custom.get(index)?.label_icon.as_ref()?;
        let copy = icon.clone_node_with_deep(true).ok()?;
        Some(El::wrap(copy.unchecked_ref()))
    }

    /// Avatar, then the main and secondary line, appended to `into`.
    fn preview(&self, person: &Person, into: El) -> El {
        let texts =
            self.part("span", "cl-userPreviewTextContainer")
                .child(self.line("cl-userPreviewMainIdentifier", &person.title, true))
                .child(person.subtitle.as_deref().map(|subtitle| {
                    self.line("cl-userPreviewSecondaryIdentifier", subtitle, true)
                }));
        into.child(self.avatar(person, "userPreview")).child(texts)
    }

    /// The image when it is usable and has not failed to load, else the initials.
    fn avatar(&self, person: &Person, part: &str) -> El {
        let holder = self
            .part("span", &format!("cl-avatarBox cl-{part}AvatarBox"))
            .attr("aria-hidden", "true");
        match person
            .image
            .as_deref()
            .filter(|url| self.ui.shows_image(url))
        {
            Some(url) => holder.child(
                self.part("img", &format!("cl-avatarImage cl-{part}AvatarImage"))
                    .attr("alt", "")
                    .attr("src", url),
            ),
            None => holder.text(&person.initials),
        }
    }

    /// One line of user or localized text: its own direction (a Hebrew name in an English
    /// page), and the full text as a tooltip where an ellipsis may cut it.
    fn line(&self, classes: &str, text: &str, titled: bool) -> El {
        self.part("span", classes)
            .attr("dir", "auto")
            .attr_if("title", titled.then_some(text))
            .text(text)
    }
}
