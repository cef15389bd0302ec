//! The user button's JS facade: `clerk.mountUserButton(el, props?)` and
//! `clerk.unmountUserButton(el)`. The props object goes to the JS view as is; the view
//! checks that `el` is an element (a `nodeType` 1 object) and throws an `Error` if not.

use wasm_bindgen::prelude::*;

use crate::bindings::JsClerk;

// `el` by value: the signature Rust callers of the wasm class already use.
#[allow(clippy::needless_pass_by_value)]
#[wasm_bindgen(js_class = Clerk)]
impl JsClerk {
    /// `clerk.mountUserButton(el, props?)`: renders the user button into `el`, replacing any
    /// user button already there. Props: `showName`, `userProfileUrl`,
    /// `afterSwitchSessionUrl`, `signInUrl`, `appearance: {variables, elements}`,
    /// `localization`, `customMenuItems: [{label, href?, onClick?}]`.
    #[wasm_bindgen(js_name = mountUserButton)]
    pub fn mount_user_button(&self, el: JsValue, props: &JsValue) -> Result<(), JsValue> {
        crate::ui::mount_into(&self.inner, &el, props).map(drop)
    }

    /// `clerk.unmountUserButton(el)`: removes the user button in `el` with every node,
    /// listener and piece of in-flight work it owns. Does nothing when there is none.
    #[wasm_bindgen(js_name = unmountUserButton)]
    pub fn unmount_user_button(&self, el: JsValue) -> Result<(), JsValue> {
        crate::ui::js::unmount_button(&el).map(drop)
    }
}

/// Applies the `appearance` and `localization` options of `clerk.load(options)` to every
/// user button of this instance. The core's `load` binding calls this with its options object,
/// which is kept as is: the buttons read those two fields of it.
pub(crate) fn apply_load_options(clerk: &crate::Clerk, options: &JsValue) {
    crate::ui::store_defaults(clerk, options.clone());
}
