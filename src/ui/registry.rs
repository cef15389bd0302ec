//! Which element holds which user button. Mounting on an element that already has one
//! replaces it; unmounting by element (the JS API) or by handle (the Rust API) releases it;
//! an element that leaves the document releases its button too, noticed by one
//! `MutationObserver` that exists only while some button is mounted.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit};

use super::mount::Mount;
use super::props::UserButtonProps;

struct Entry {
    id: u64,
    host: Element,
    /// Seen in the document at least once: only then does leaving it mean "removed" (a host
    /// may be mounted while detached and inserted later, as frameworks do).
    seen_connected: bool,
    /// Dropped with the entry (its last holder), which unmounts.
    mount: Rc<Mount>,
}

#[derive(Default)]
struct Registry {
    next_id: u64,
    entries: Vec<Entry>,
    observer: Option<Observer>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::default();
}

/// Runs `f` on the registry; the default answer when it is already borrowed (no caller
/// does that: entries are dropped only after the borrow ends).
fn with<T: Default>(f: impl FnOnce(&mut Registry) -> T) -> T {
    REGISTRY
        .try_with(|r| r.try_borrow_mut().ok().map(|mut r| f(&mut r)))
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Registers `mount` for `host`; the caller has released any button there before mounting
/// (so the old one's teardown cannot touch the new one's nodes). Returns its id.
pub(crate) fn insert(host: &Element, mount: Mount) -> u64 {
    let (id, needs_observer) = with(|reg| {
        reg.next_id += 1;
        reg.entries.push(Entry {
            id: reg.next_id,
            host: host.clone(),
            seen_connected: host.is_connected(),
            mount: Rc::new(mount),
        });
        (reg.next_id, reg.observer.is_none())
    });
    if needs_observer {
        let observer = Observer::new();
        with(|reg| reg.observer = observer);
    }
    with(|reg| {
        if let (Some(observer), Some(doc)) = (&reg.observer, host.owner_document()) {
            observer.watch(&doc);
        }
    });
    id
}

/// Releases the button on `host`; whether there was one.
pub(crate) fn remove_host(host: &Element) -> bool {
    take_where(|e| e.host == *host)
}

/// Releases the button with this id (a dropped Rust handle); whether it was still there.
pub(crate) fn remove_id(id: u64) -> bool {
    take_where(|e| e.id == id)
}

/// Gives the button on `host`, if any, new props in place; whether there was one.
pub(crate) fn set_props_on_host(host: &Element, props: UserButtonProps) -> bool {
    set_props_where(|e| e.host == *host, props)
}

/// Gives the button with this id new props in place; whether it is still mounted.
pub(crate) fn set_props_on_id(id: u64, props: UserButtonProps) -> bool {
    set_props_where(|e| e.id == id, props)
}

/// The matching mount gets `props` outside the registry borrow (its re-render must be free to
/// call back in here); should its entry go meanwhile, it unmounts when this `Rc` drops.
fn set_props_where(pred: impl Fn(&Entry) -> bool, props: UserButtonProps) -> bool {
    let Some(mount) = with(|reg| {
        reg.entries
            .iter()
            .find(|e| pred(e))
            .map(|e| e.mount.clone())
    }) else {
        return false;
    };
    mount.set_props(props);
    true
}

/// Whether the button with this id is still mounted.
pub(crate) fn contains_id(id: u64) -> bool {
    with(|r| r.entries.iter().any(|e| e.id == id))
}

/// How many buttons are mounted.
pub(crate) fn len() -> usize {
    with(|r| r.entries.len())
}

/// Removes the matching entries. They are dropped after the registry borrow ends: dropping
/// a mount runs its teardown, which must be free to call back in here.
fn take_where(pred: impl Fn(&Entry) -> bool) -> bool {
    let (taken, observer) = with(|reg| {
        let (taken, kept): (Vec<Entry>, Vec<Entry>) = std::mem::take(&mut reg.entries)
            .into_iter()
            .partition(&pred);
        reg.entries = kept;
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

/// Releases buttons whose host left the document. Runs after each batch of DOM mutations in
/// the page, so the common case (nothing left) allocates nothing.
fn sweep() {
    let any_gone = with(|reg| {
        let mut any_gone = false;
        for entry in &mut reg.entries {
            let connected = entry.host.is_connected();
            any_gone |= entry.seen_connected && !connected;
            entry.seen_connected |= connected;
        }
        any_gone
    });
    if any_gone {
        take_where(|e| e.seen_connected && !e.host.is_connected());
    }
}

/// The `MutationObserver` over the documents of mounted buttons; disconnected when dropped.
struct Observer {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Observer {
    fn new() -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(|_, _| sweep());
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        Some(Self {
            observer,
            _callback: callback,
        })
    }

    /// Watches a document's whole tree (again for a document already watched: no-op).
    fn watch(&self, doc: &web_sys::Document) {
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = self.observer.observe_with_options(doc, &options);
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
