//! State shared by every user button of the wasm instance (the mount registry, the
//! stylesheet, the load-level defaults) without `thread_local!`, which needs std (this crate
//! is `no_std`).
//!
//! wasm-bindgen's `LazyCell` is its own stand-in for `thread_local!` in `no_std` builds (what
//! `#[wasm_bindgen(thread_local_v2)]` statics expand to): `Sync` because a wasm32 module
//! without the `atomics` target feature has one thread. It is `#[doc(hidden)]` API; the
//! exact-version pin on wasm-bindgen (Cargo.toml) keeps it from changing under us.

use core::cell::RefCell;

use wasm_bindgen::__rt::LazyCell;

/// A value shared by the whole wasm instance, borrowed through [`Global::with`].
pub(crate) struct Global<T: 'static>(LazyCell<RefCell<T>>);

impl<T> Global<T> {
    pub(crate) const fn new(init: fn() -> RefCell<T>) -> Self {
        Self(LazyCell::new(init))
    }

    /// Runs `f` on the value; `None` when it is already borrowed (a re-entrant call, which no
    /// caller makes: callers drop what they take out only after `f` returns).
    pub(crate) fn with<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.0.try_borrow_mut().ok().map(|mut value| f(&mut value))
    }
}
