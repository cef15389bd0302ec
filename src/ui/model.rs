//! The view model the JS view (`userButton` in src/host.rs) renders: computed here from the
//! state snapshot, the props, the load-level options and the mount's busy/error state.
//! Every string is resolved (localization: the prop, else the load option, else English),
//! every URL already checked ([`safe_link_url`], `safe_image_url`), every list in display
//! order; the view only turns it into DOM nodes.
//!
//! A JS array, read by position:
//!
//! | index | content |
//! |---|---|
//! | 0–4 | labels: open menu, close menu, panel, actions group, sessions heading |
//! | 5 | the development footer's text; empty on production instances |
//! | 6 | the failure message; empty for none |
//! | 7 | the trigger's name (`showName`); empty when hidden |
//! | 8 | close the panel: empty no, `1` focus stays, `2` focus the trigger, `3` the trigger if focus was inside |
//! | 9 | the user: a person |
//! | 10 | the actions group: action entries |
//! | 11 | the other sessions (multi-session): action entries with a person |
//! | 12 | "Add account", "Sign out of all accounts" (multi-session): action entries |
//! | 13 | `appearance.elements`: part, classes, part, classes, … (load level first) |
//! | 14 | `appearance.variables`: custom property, value, … (checked; load level first) |
//!
//! A person is `[title, secondary line, initials, image URL]`; an action entry is
//! `[key, label, link, state, person?]`, state empty, `1` (disabled while another request
//! runs) or `2` (the busy one); a link entry has no key.

use js_sys::Array;
use wasm_bindgen::JsValue;

use super::action::Action;
use super::mount::MountState;
use super::props::{Appearance, Builtin, Label};
use super::safe_url::safe_link_url;
use super::styles::{is_safe_value, VARIABLES};
use super::view::{title, Person};

/// A JS array being filled.
struct List(Array);

impl List {
    fn new() -> Self {
        Self(Array::new())
    }

    fn s(&self, value: &str) -> &Self {
        self.0.push(&JsValue::from_str(value));
        self
    }

    /// A nested list appended to this one.
    fn list(&self) -> Self {
        let list = Self::new();
        self.0.push(&list.0);
        list
    }

    fn person(&self, person: &Person) {
        let full_name = person.full_name();
        let list = self.list();
        list.s(title(&full_name, person));
        list.s(if full_name.is_empty() {
            ""
        } else {
            person.identifier
        });
        list.s(&person.initials());
        list.s(person.image_url.unwrap_or_default());
    }
}

impl MountState {
    /// The model for the view now; `null` when nothing is shown. `close` is index 8.
    pub(crate) fn model(&self, close: &str) -> JsValue {
        let Some(view) = self.view() else {
            return JsValue::NULL;
        };
        let m = List::new();
        for label in [
            Label::OpenUserMenu,
            Label::CloseUserMenu,
            Label::AccountPanel,
            Label::AccountActions,
            Label::ActiveSessions,
        ] {
            m.s(self.label(label));
        }
        m.s(if view.development {
            self.label(Label::DevelopmentMode)
        } else {
            ""
        });
        m.s(self.error.as_deref().unwrap_or_default());
        let full_name = view.user.full_name();
        m.s(if self.props.show_name {
            title(&full_name, &view.user)
        } else {
            ""
        });
        m.s(close);
        m.person(&view.user);

        // Built-in and custom actions in display order: "Manage account", the custom items,
        // "Sign out", unless bare `manageAccount`/`signOut` items place the built-ins elsewhere.
        let actions = m.list();
        let items = &self.props.custom_menu_items;
        let has = |b| items.iter().any(|i| i.builtin() == Some(b));
        if !has(Builtin::ManageAccount) {
            self.builtin(&actions, Builtin::ManageAccount);
        }
        for (index, item) in items.iter().enumerate() {
            if let Some(builtin) = item.builtin() {
                self.builtin(&actions, builtin);
            } else if item.on_click.is_some() {
                self.action(&actions, Action::Custom(index), &item.label);
            } else if let Some(href) = item.href.as_deref().and_then(safe_link_url) {
                actions.list().s("").s(&item.label).s(href).s("");
            }
        }
        if !has(Builtin::SignOut) {
            self.builtin(&actions, Builtin::SignOut);
        }

        let sessions = m.list();
        let more = m.list();
        if view.multi_session {
            for other in view.others.iter() {
                let entry = self.action(&sessions, Action::Switch(&other.id), "");
                entry.person(&Person::of(other));
            }
            if self.targets.sign_in.is_some() {
                self.action(&more, Action::AddAccount, self.label(Label::AddAccount));
            }
            if !view.others.is_empty() {
                self.action(&more, Action::SignOutAll, self.label(Label::SignOutAll));
            }
        }

        let layers = [self.base.as_deref(), Some(&self.props.appearance)];
        let classes = m.list();
        let variables = m.list();
        for layer in layers.into_iter().flatten() {
            appearance(layer, &classes, &variables);
        }
        m.0.into()
    }

    fn builtin(&self, list: &List, builtin: Builtin) {
        match builtin {
            Builtin::ManageAccount => {
                if self.targets.user_profile.is_some() {
                    let label = self.label(Label::ManageAccount);
                    self.action(list, Action::ManageAccount, label);
                }
            }
            Builtin::SignOut => {
                self.action(list, Action::SignOut, self.label(Label::SignOut));
            }
        }
    }

    /// An action entry, busy-marked when it is the one in flight.
    fn action(&self, list: &List, action: Action<'_>, label: &str) -> List {
        let key = action.key();
        let state = match &self.busy {
            Some(busy) if *busy == key => "2",
            Some(_) if action.is_async() => "1",
            _ => "",
        };
        let entry = list.list();
        entry.s(&key).s(label).s("").s(state);
        entry
    }
}

/// One appearance layer: its extra classes, and its variables that pass [`is_safe_value`]
/// as the custom properties they set (a value that could fetch something or escape its
/// declaration is ignored).
fn appearance(layer: &Appearance, classes: &List, variables: &List) {
    for (part, extra) in &layer.elements {
        classes.s(part).s(extra);
    }
    for (name, value) in &layer.variables {
        if let Some((_, property)) = VARIABLES.iter().find(|(n, _)| n == name) {
            if is_safe_value(value) {
                variables.s(property).s(value);
            }
        }
    }
}
