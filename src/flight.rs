//! Shared in-flight operations: concurrent callers of the same operation await one result.

use core::cell::RefCell;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::rc::Rc;

struct Slot<T> {
    value: Option<T>,
    wakers: Vec<Waker>,
}

/// One operation's eventual result, awaitable by any number of callers.
pub(crate) struct Flight<T> {
    slot: Rc<RefCell<Slot<T>>>,
}

impl<T> Clone for Flight<T> {
    fn clone(&self) -> Self {
        Self {
            slot: self.slot.clone(),
        }
    }
}

impl<T: Clone> Flight<T> {
    fn new() -> Self {
        Self {
            slot: Rc::new(RefCell::new(Slot {
                value: None,
                wakers: Vec::new(),
            })),
        }
    }

    fn finish(&self, value: T) {
        let wakers = {
            let mut slot = self.slot.borrow_mut();
            slot.value = Some(value);
            core::mem::take(&mut slot.wakers)
        };
        wakers.into_iter().for_each(Waker::wake);
    }

    /// A future resolving to the result.
    pub(crate) fn wait(&self) -> FlightWait<T> {
        FlightWait {
            slot: self.slot.clone(),
        }
    }
}

/// Resolves when the flight finishes.
pub(crate) struct FlightWait<T> {
    slot: Rc<RefCell<Slot<T>>>,
}

impl<T> FlightWait<T> {
    /// A wait that is already over: for callers that answer some requests at once (a cached
    /// value) and join a flight for the others, with one future type for both.
    pub(crate) fn ready(value: T) -> Self {
        Self {
            slot: Rc::new(RefCell::new(Slot {
                value: Some(value),
                wakers: Vec::new(),
            })),
        }
    }
}

impl<T: Clone> Future for FlightWait<T> {
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.slot.borrow_mut();
        match &slot.value {
            Some(value) => Poll::Ready(value.clone()),
            None => {
                slot.wakers.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

type Entry<T> = (String, Flight<T>);

/// Operations in flight, by key.
pub(crate) struct Flights<T> {
    map: Rc<RefCell<Vec<Entry<T>>>>,
}

impl<T> Default for Flights<T> {
    fn default() -> Self {
        Self { map: Rc::default() }
    }
}

impl<T> core::fmt::Debug for Flights<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Flights")
            .field("in_flight", &self.map.borrow().len())
            .finish()
    }
}

impl<T: Clone + 'static> Flights<T> {
    /// Joins the operation `key` if it is in flight, else starts it with `start` (called at
    /// once, so its synchronous part runs before this returns) and runs it to completion even
    /// if every caller stops waiting.
    pub(crate) fn join_or_start<F>(&self, key: &str, start: impl FnOnce() -> F) -> FlightWait<T>
    where
        F: Future<Output = T> + 'static,
    {
        if let Some(flight) = self.get(key) {
            return flight.wait();
        }
        // Boxed here so everything below exists once per result type, not once per call site
        // (each is another copy in the wasm).
        self.start(key, Box::pin(start()))
    }

    fn start(&self, key: &str, operation: Pin<Box<dyn Future<Output = T>>>) -> FlightWait<T> {
        let flight = Flight::new();
        self.map.borrow_mut().push((key.to_owned(), flight.clone()));
        let (map, done) = (self.map.clone(), flight.clone());
        crate::browser::spawn(async move {
            let value = operation.await;
            // Found by identity: no second copy of the key kept for this.
            map.borrow_mut()
                .retain(|(_, f)| !Rc::ptr_eq(&f.slot, &done.slot));
            done.finish(value);
        });
        flight.wait()
    }

    /// The flight `key`, if in flight.
    pub(crate) fn get(&self, key: &str) -> Option<Flight<T>> {
        self.map
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, f)| f.clone())
    }

    /// Whether anything is in flight.
    pub(crate) fn is_busy(&self) -> bool {
        !self.map.borrow().is_empty()
    }
}

/// Polls two futures concurrently and returns both results (what `futures::join!` does).
pub(crate) async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (core::pin::pin!(a), core::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    core::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                ra = x;
                rb = y;
                Poll::Pending
            }
        }
    })
    .await
}
