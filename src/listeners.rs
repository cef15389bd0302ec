//! Listener registry: callbacks in as `FnMut`, out as RAII [`Listener`] handles.

use core::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::State;

type Callback = Rc<RefCell<dyn FnMut(&State)>>;

/// Every registered listener of one `Clerk`.
#[derive(Default)]
pub(crate) struct Registry {
    next_id: Cell<u64>,
    entries: RefCell<Vec<(u64, Callback)>>,
}

impl core::fmt::Debug for Registry {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Registry")
            .field("listeners", &self.len())
            .finish()
    }
}

impl Registry {
    pub(crate) fn add(self: &Rc<Self>, callback: impl FnMut(&State) + 'static) -> Listener {
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        let callback: Callback = Rc::new(RefCell::new(callback));
        self.entries.borrow_mut().push((id, callback));
        Listener {
            registry: Rc::downgrade(self),
            id,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.borrow().len()
    }

    /// Calls every listener with `state`. The list is copied first so a listener may add or
    /// drop listeners (its own included) while being called; one dropped meanwhile is skipped.
    pub(crate) fn notify(&self, state: &State) {
        let snapshot: Vec<(u64, Callback)> = self.entries.borrow().clone();
        for (id, callback) in snapshot {
            let still_registered = self.entries.borrow().iter().any(|(i, _)| *i == id);
            // A listener that triggers a change from inside itself is not re-entered.
            if let (true, Ok(mut cb)) = (still_registered, callback.try_borrow_mut()) {
                cb(state);
            }
        }
    }

    fn remove(&self, id: u64) {
        // Take the callback out before dropping it: its drop may drop other listeners.
        let removed = {
            let mut entries = self.entries.borrow_mut();
            entries
                .iter()
                .position(|(i, _)| *i == id)
                .map(|pos| entries.remove(pos))
        };
        drop(removed);
    }
}

/// A registered state listener. Dropping it unregisters the callback.
///
/// ```no_run
/// # async fn demo(clerk: clerk_wasm::Clerk) {
/// let listener = clerk.add_listener(|state| {
///     let _signed_in = state.is_signed_in();
/// });
/// drop(listener); // no longer called
/// # }
/// ```
#[must_use = "the listener is unregistered when this handle is dropped"]
#[derive(Debug)]
pub struct Listener {
    registry: Weak<Registry>,
    id: u64,
}

impl Listener {
    /// Keeps the listener registered for as long as the `Clerk` lives.
    pub fn forget(self) {
        core::mem::forget(self);
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(registry) = self.registry.upgrade() {
            registry.remove(self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::InstanceType;

    #[test]
    fn dropping_the_handle_unregisters_the_listener() {
        let registry = Rc::new(Registry::default());
        let calls = Rc::new(Cell::new(0));
        let c = calls.clone();
        let listener = registry.add(move |_| c.set(c.get() + 1));
        let state = State::initial(InstanceType::Production);
        registry.notify(&state);
        assert_eq!((calls.get(), registry.len()), (1, 1));
        drop(listener);
        registry.notify(&state);
        assert_eq!((calls.get(), registry.len()), (1, 0));
    }

    #[test]
    fn a_listener_dropped_by_an_earlier_listener_is_not_called() {
        let registry = Rc::new(Registry::default());
        let second_calls = Rc::new(Cell::new(0));
        let slot: Rc<RefCell<Option<Listener>>> = Rc::default();
        let s = slot.clone();
        let _first = registry.add(move |_| drop(s.borrow_mut().take()));
        let c = second_calls.clone();
        *slot.borrow_mut() = Some(registry.add(move |_| c.set(c.get() + 1)));
        registry.notify(&State::initial(InstanceType::Production));
        assert_eq!(second_calls.get(), 0);
        assert_eq!(registry.len(), 1);
    }
}
