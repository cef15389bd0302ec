//! Which element holds which user button. Mounting on an element that already has one
//! replaces it; unmounting by element (the JS API) or by handle (the Rust API) releases it;
//! an element that leaves the document releases its button too, noticed by one
//! `MutationObserver` that exists only while some button is mounted.

use crate::prelude::*;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Element;

use super::dom::{call0, is_connected};
use super::global::Global;
use super::mount::Mount;

struct Entry {
    id: u64,
    host: Element,
    /// Seen in the document at least once: only then does leaving it mean "removed" (a host
    /// may be mounted while detached and inserted later, as frameworks do).
    seen_connected: bool,
    /// Held for its `Drop`, which unmounts.
    _mount: Mount,
}

#[derive(Default)]
pub(super) struct Registry {
    next_id: u64,
    entries: Vec<Entry>,
    observer: Option<Observer>,
}

static REGISTRY: Global<Registry> = Global::new(|g| &g.registry);

/// Runs `f` on the registry; the default result when it is already borrowed (which no
/// caller does).
fn with_registry<T: Default>(f: impl FnOnce(&mut Registry) -> T) -> T {
    REGISTRY.with(f).unwrap_or_default()
}

/// Registers `mount` for `host`; the caller has released any button already there (before
/// mounting, so the old one's teardown cannot touch the new one's nodes).
pub(crate) fn insert(host: &Element, mount: Mount) -> u64 {
    let (id, needs_observer) = with_registry(|reg| {
        reg.next_id += 1;
        let id = reg.next_id;
        reg.entries.push(Entry {
            id,
            host: host.clone(),
            seen_connected: is_connected(host),
            _mount: mount,
        });
        (id, reg.observer.is_none())
    });
    if needs_observer {
        let observer = Observer::new(host);
        with_registry(|reg| reg.observer = observer);
    }
    id
}

/// Releases the button on `host`; `true` when there was one.
pub(crate) fn remove_host(host: &Element) -> bool {
    take_where(&|e| e.host == *host)
}

/// Releases the button with this id (a dropped Rust handle); `false` when it was already gone.
pub(crate) fn remove_id(id: u64) -> bool {
    take_where(&|e| e.id == id)
}

/// Whether the button with this id is still mounted.
pub(crate) fn contains_id(id: u64) -> bool {
    with_registry(|r| r.entries.iter().any(|e| e.id == id))
}

/// How many buttons are mounted.
pub(crate) fn len() -> usize {
    with_registry(|r| r.entries.len())
}

/// Removes matching entries. They are dropped after the registry borrow ends: dropping a
/// mount runs its teardown, which must be free to call back in here.
///
/// `&dyn Fn` and a plain loop: one copy of this code for every caller (a generic predicate
/// and `Iterator::partition` made one per caller).
fn take_where(pred: &dyn Fn(&Entry) -> bool) -> bool {
    let (taken, observer) = with_registry(|reg| {
        let mut taken = Vec::new();
        // Order does not matter here: `swap_remove` moves one entry instead of the tail.
        while let Some(i) = reg.entries.iter().position(pred) {
            taken.push(reg.entries.swap_remove(i));
        }
        let observer = if reg.entries.is_empty() {
            reg.observer.take()
        } else {
            None
        };
        (taken, observer)
    });
    let found = !taken.is_empty();
    drop(taken);
    drop(observer);
    found
}

/// Releases buttons whose host left the document. Runs after every batch of DOM mutations
/// in the page, so the common case (nothing left) allocates nothing.
fn sweep() {
    let any_gone = with_registry(|reg| {
        let mut any_gone = false;
        for entry in &mut reg.entries {
            let connected = is_connected(&entry.host);
            any_gone |= entry.seen_connected && !connected;
            entry.seen_connected |= connected;
        }
        any_gone
    });
    if any_gone {
        take_where(&|e| e.seen_connected && !is_connected(&e.host));
    }
}

/// The document-wide `MutationObserver`; disconnected when dropped.
struct Observer {
    observer: JsValue,
    _callback: Closure<dyn FnMut(JsValue)>,
}

impl Observer {
    fn new(host: &Element) -> Option<Self> {
        // The same closure type as the event listeners' (one conversion shim for all).
        let callback = Closure::<dyn FnMut(JsValue)>::new(|_| sweep());
        let observer = crate::host::observe_tree(host, callback.as_ref());
        observer.is_object().then(|| Self {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        call0(&self.observer, "disconnect");
    }
}
