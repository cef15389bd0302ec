//! `appearance` and `localization` given to `load()` apply to every user button of that
//! `Clerk`; a button's own props override them. The core keeps these UI options out of its
//! state, so they are kept here, per publishable key.

use crate::prelude::*;
use alloc::rc::Rc;

use super::global::Global;
use super::props::{Appearance, Localization};
use crate::Clerk;

#[derive(Debug, Default)]
pub(super) struct Defaults {
    key: String,
    appearance: Rc<Appearance>,
    localization: Rc<Localization>,
}

static DEFAULTS: Global<Vec<Defaults>> = Global::new(|g| &g.defaults);

/// Sets the appearance and localization every user button of `clerk` starts from (the
/// `appearance` and `localization` load options). Buttons mounted later pick them up.
///
/// ```no_run
/// use clerk_wasm::ui::{set_defaults, Appearance, Localization};
/// # let clerk = clerk_wasm::Clerk::new("pk_test_MTI3LjAuMC4xOjQwMDAk").unwrap();
/// let appearance = Appearance {
///     variables: vec![("colorPrimary".into(), "#0a7".into())],
///     ..Appearance::default()
/// };
/// set_defaults(&clerk, appearance, Localization::default());
/// ```
pub fn set_defaults(clerk: &Clerk, appearance: Appearance, localization: Localization) {
    let key = clerk.publishable_key().to_owned();
    DEFAULTS.with(|all| {
        // Keys are unique: at most one to replace (no generic `retain` copy for this), and
        // order does not matter (`swap_remove`: no tail shift).
        if let Some(i) = all.iter().position(|d| d.key == key) {
            all.swap_remove(i);
        }
        all.push(Defaults {
            key,
            appearance: Rc::new(appearance),
            localization: Rc::new(localization),
        });
    });
}

fn with_defaults<T>(clerk: &Clerk, f: impl Fn(Option<&Defaults>) -> T) -> T {
    DEFAULTS
        .with(|all| f(all.iter().find(|d| d.key == clerk.publishable_key())))
        .unwrap_or_else(|| f(None))
}

/// The load-level appearance and localization, shared: a mount keeps them beside its own
/// and reads both (its own first for text, the load-level first for styling), rather than
/// copying the two into merged ones.
pub(crate) fn base(clerk: &Clerk) -> Option<(Rc<Appearance>, Rc<Localization>)> {
    with_defaults(clerk, |defaults| {
        defaults.map(|d| (d.appearance.clone(), d.localization.clone()))
    })
}
