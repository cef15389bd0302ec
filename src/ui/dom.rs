//! Small web-sys helpers so the view reads as the tree it builds: [`El`] creates an element
//! and chains attributes, text and children; user text only ever goes in as text
//! (`textContent`), never through the HTML parser. [`Listen`] is an event listener that lives
//! as long as its guard, counted for the leak tests.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, Node};

use crate::browser::EventListener;

const SVG: &str = "http://www.w3.org/2000/svg";

/// An element being built. DOM calls that can only fail for invalid names (ours are
/// literals) have their errors ignored here, once; an element that could not be created
/// (never, for a literal tag) is `None` and every call on it does nothing.
#[derive(Debug)]
pub(crate) struct El(Option<Element>);

impl El {
    /// `<tag class="…">` in `doc`.
    pub(crate) fn new(doc: &Document, tag: &str, class: &str) -> Self {
        Self(doc.create_element(tag).ok()).class(class)
    }

    /// `<svg:tag>` in `doc`, for icons.
    pub(crate) fn svg(doc: &Document, tag: &str) -> Self {
        Self(doc.create_element_ns(Some(SVG), tag).ok())
    }

    /// Wraps an existing element (the trigger, updated in place).
    pub(crate) fn wrap(el: &Element) -> Self {
        Self(Some(el.clone()))
    }

    pub(crate) fn class(self, class: &str) -> Self {
        self.attr("class", class)
    }

    pub(crate) fn attr(self, name: &str, value: &str) -> Self {
        if let Some(el) = &self.0 {
            let _ = el.set_attribute(name, value);
        }
        self
    }

    /// An attribute only when `value` is `Some`.
    pub(crate) fn attr_if(self, name: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Replaces the children with one text node.
    pub(crate) fn text(self, text: &str) -> Self {
        if let Some(el) = &self.0 {
            el.set_text_content(Some(text));
        }
        self
    }

    pub(crate) fn child(self, child: impl Into<Option<El>>) -> Self {
        if let (Some(el), Some(El(Some(child)))) = (&self.0, child.into()) {
            let _ = el.append_child(&child);
        }
        self
    }

    pub(crate) fn children(self, children: impl IntoIterator<Item = El>) -> Self {
        children.into_iter().fold(self, Self::child)
    }

    pub(crate) fn into_element(self) -> Option<Element> {
        self.0
    }
}

/// The element a DOM value is, when it is one: `nodeType` 1 (read as a property, so elements
/// of other frames, whose prototypes differ, count too).
pub(crate) fn as_element(node: &Node) -> Option<Element> {
    (node.node_type() == Node::ELEMENT_NODE).then(|| node.clone().unchecked_into())
}

/// Focuses an element (every focusable node the button makes is an `HTMLElement`).
pub(crate) fn focus(el: &Element) {
    let _ = el.unchecked_ref::<HtmlElement>().focus();
}

/// The focused element as seen from `node`'s tree: inside a shadow root the document only
/// reports the shadow host.
pub(crate) fn active_element(node: &Node) -> Option<Element> {
    let root = node.get_root_node();
    match root.node_type() {
        Node::DOCUMENT_NODE => root.unchecked_into::<Document>().active_element(),
        Node::DOCUMENT_FRAGMENT_NODE => root
            .unchecked_into::<web_sys::ShadowRoot>()
            .active_element(),
        _ => None,
    }
}

thread_local! {
    /// Live [`Listen`] guards, so leak tests can prove DOM listeners are released.
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many DOM event listeners the user buttons hold right now.
pub(crate) fn live_listeners() -> usize {
    LIVE.with(Cell::get)
}

/// A DOM event listener of the user button, removed when dropped
/// ([`crate::browser::EventListener`], counted).
#[derive(Debug)]
pub(crate) struct Listen {
    _guard: EventListener,
}

impl Listen {
    /// Listens for `kind` on `target`; in the capture phase when `capture` is set (which also
    /// sees events that do not bubble, like an `<img>`'s `error`).
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        callback: impl FnMut(Event) + 'static,
    ) -> Self {
        LIVE.with(|n| n.set(n.get() + 1));
        Self {
            _guard: EventListener::with_capture(target, kind, capture, callback),
        }
    }
}

impl Drop for Listen {
    fn drop(&mut self) {
        LIVE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}
