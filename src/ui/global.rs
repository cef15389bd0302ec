//! State shared by every user button of the wasm instance (the mount registry and the
//! load-level defaults) without `thread_local!`, which needs std (this crate
//! is `no_std`).
//!
//! In the browser this is wasm-bindgen's `LazyCell`, its own stand-in for `thread_local!` in
//! `no_std` builds (what `#[wasm_bindgen(thread_local_v2)]` statics expand to): `Sync`
//! because a wasm32 module without the `atomics` target feature has one thread. It is
//! `#[doc(hidden)]` API; the exact-version pin on wasm-bindgen (Cargo.toml) keeps it from
//! changing under us. Other targets have no DOM for a user button and may have threads, so
//! there a `Global` holds nothing and [`Global::with`] always answers `None`.
//!
//! The parts live in one lazy cell, [`Globals`], each in its own `RefCell` (borrowed
//! independently, as separate statics would be): every lazy static is its own copy of the
//! initialisation check in the wasm, about 200 bytes each.

use crate::prelude::*;
use core::cell::RefCell;

use super::defaults::Defaults;
use super::registry::Registry;

#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!(
    "clerk-wasm's user button keeps per-instance state that needs a single-threaded wasm module \
     (no `atomics` target feature)"
);

/// The user button's instance-wide state. Only built in the browser (see the module docs).
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) struct Globals {
    pub(super) registry: RefCell<Registry>,
    pub(super) defaults: RefCell<Vec<Defaults>>,
}

/// Which part of [`Globals`] a [`Global`] is.
type Part<T> = fn(&Globals) -> &RefCell<T>;

#[cfg(target_arch = "wasm32")]
static GLOBALS: wasm_bindgen::__rt::LazyCell<Globals> =
    wasm_bindgen::__rt::LazyCell::new(Globals::default);

/// One part of the instance-wide state, borrowed through [`Global::with`].
#[cfg(target_arch = "wasm32")]
pub(crate) struct Global<T: 'static>(Part<T>);

#[cfg(target_arch = "wasm32")]
impl<T> Global<T> {
    pub(crate) const fn new(part: Part<T>) -> Self {
        Self(part)
    }

    /// Runs `f` on the value; `None` when it is already borrowed (a re-entrant call, which no
    /// caller makes: callers drop what they take out only after `f` returns).
    pub(crate) fn with<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        let cell = (self.0)(&GLOBALS);
        cell.try_borrow_mut().ok().map(|mut value| f(&mut value))
    }
}

/// Off wasm32: no state (see the module docs).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Global<T: 'static>(core::marker::PhantomData<Part<T>>);

#[cfg(not(target_arch = "wasm32"))]
impl<T> Global<T> {
    pub(crate) const fn new(_: Part<T>) -> Self {
        Self(core::marker::PhantomData)
    }

    /// Always `None`: there is no state to run `f` on.
    pub(crate) fn with<R>(&'static self, _: impl FnOnce(&mut T) -> R) -> Option<R> {
        None
    }
}
