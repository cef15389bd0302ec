//! Small DOM helpers over web-sys: element creation that never parses markup, and an RAII
//! event listener whose `Drop` unregisters it (no `Closure::forget`: a listener lives exactly
//! as long as the mount that owns it).
//!
//! Every distinct DOM method the wasm calls is one more import, with a wrapper in the wasm
//! and a shim in the JS glue (~50 bytes gzip together), so the user button calls most DOM
//! methods by name through one `Reflect.apply` ([`invoke_with`]) and writes properties
//! through `Reflect.set`.

use crate::prelude::*;
use core::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget};

/// Creates `<tag class="…">`. Attribute and class values are set through the DOM API, so no
/// text ever goes through the HTML parser. `tag` must be a valid literal tag name
/// (`createElement` throws only for an invalid one).
pub(crate) fn el(doc: &Document, tag: &str, class: &str) -> Element {
    let node: Element = invoke1(doc, "createElement", &tag.into()).unchecked_into();
    attr(&node, "class", class);
    node
}

/// `prefix` followed by `n` in decimal. Hand-written because `to_string()` on an integer
/// links `core::fmt`'s integer formatting, which nothing else in the SDK needs.
pub(crate) fn numbered(prefix: &str, n: usize) -> String {
    let mut out = String::from(prefix);
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal: the higher digits first, by recursion (at most 20 deep).
fn push_decimal(out: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Reads a property by name (see [`crate::browser::prop`]). For properties that web-sys
/// binds once per interface (`activeElement` and `adoptedStyleSheets` of both `Document` and
/// `ShadowRoot`) one `Reflect.get` replaces an import per interface.
pub(crate) use crate::browser::prop;

/// Calls a DOM method by name (`focus`, `remove`, `setAttribute`, ...)
/// through `Reflect.apply`: one import for all of them rather than one each. `Err` when
/// there is no such method or it threw.
pub(crate) fn try_invoke(
    obj: &JsValue,
    method: &str,
    args: &[&JsValue],
) -> Result<JsValue, JsValue> {
    match prop(obj, method).dyn_ref::<js_sys::Function>() {
        Some(f) => js_sys::Reflect::apply(f, obj, &array(args)),
        None => Err(JsValue::UNDEFINED),
    }
}

/// [`try_invoke`], with `undefined` for a failure (the typed calls' errors were ignored too).
pub(crate) fn invoke_with(obj: &JsValue, method: &str, args: &[&JsValue]) -> JsValue {
    try_invoke(obj, method, args).unwrap_or(JsValue::UNDEFINED)
}

/// Calls a method by name for its effect: the result (or failure) is dropped here, once,
/// rather than at every call site.
pub(crate) fn call(obj: &JsValue, method: &str, args: &[&JsValue]) {
    let _ = try_invoke(obj, method, args);
}

/// [`invoke_with`] for a method that takes no argument.
pub(crate) fn invoke(obj: &JsValue, method: &str) -> JsValue {
    invoke_with(obj, method, &[])
}

/// [`invoke_with`] for a method that takes one argument.
pub(crate) fn invoke1(obj: &JsValue, method: &str, arg: &JsValue) -> JsValue {
    invoke_with(obj, method, &[arg])
}

fn array(items: &[&JsValue]) -> js_sys::Array {
    let list = js_sys::Array::new();
    for item in items {
        list.push(item);
    }
    list
}

/// `node.getAttribute(name)`.
pub(crate) fn get_attr(node: &Element, name: &str) -> Option<String> {
    invoke1(node, "getAttribute", &name.into()).as_string()
}

/// `outer.contains(inner)`: whether `inner` is `outer` or inside it.
pub(crate) fn contains(outer: &Element, inner: Option<&Element>) -> bool {
    inner.is_some_and(|inner| invoke1(outer, "contains", inner).is_truthy())
}

/// `value` when it is an element (`nodeType` 1, read by name: no `instanceof Element`
/// import, and elements of other frames count too).
pub(crate) fn as_element(value: JsValue) -> Option<Element> {
    (prop(&value, "nodeType").as_f64() == Some(1.0)).then(|| value.unchecked_into())
}

/// Whether `node` is in a document (`isConnected`, read by name).
pub(crate) fn is_connected(node: &Element) -> bool {
    prop(node, "isConnected").is_truthy()
}

/// The document `node` belongs to (`ownerDocument`, read by name); `None` for a document.
pub(crate) fn owner_document(node: &Element) -> Option<Document> {
    let doc = prop(node, "ownerDocument");
    doc.is_object().then(|| doc.unchecked_into())
}

/// The element an event was dispatched to (`target`, read by name), when it is one.
pub(crate) fn target_element(event: &Event) -> Option<Element> {
    as_element(prop(event, "target"))
}

/// Sets an attribute; the only failure is an invalid attribute name, and ours are literals.
pub(crate) fn attr(node: &Element, name: &str, value: &str) {
    call(node, "setAttribute", &[&name.into(), &value.into()]);
}

/// Appends `child` to `parent`.
pub(crate) fn append(parent: &Element, child: &Element) {
    call(parent, "appendChild", &[child]);
}

/// Sets the text of an element, replacing its children: user-controlled text is always
/// inert (`textContent`, never parsed). Written by name through `Reflect.set`, which the
/// core already imports.
pub(crate) fn text(node: &Element, content: &str) {
    let _ = js_sys::Reflect::set(node, &"textContent".into(), &content.into());
}

/// Live [`EventListener`]s, so leak tests can prove DOM listeners are released. Relaxed
/// everywhere: a wasm instance without the `atomics` feature has one thread.
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// How many DOM event listeners the user buttons hold right now.
pub(crate) fn live_listeners() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// An event listener registered on `target` until dropped.
pub(crate) struct EventListener {
    kind: &'static str,
    capture: bool,
    /// Typed `JsValue`, not `Event`: every closure of the user button (these and the
    /// registry's `MutationObserver` callback) is then one closure type, with one conversion
    /// shim in the wasm and in the JS glue. Kept alive here for as long as it is registered.
    _callback: Closure<dyn FnMut(JsValue)>,
    /// Unregisters the callback (from [`crate::host::listen`]).
    remove: js_sys::Function,
}

impl EventListener {
    /// Listens for `kind` on `target`. `capture` listeners also see non-bubbling events (an
    /// `<img>` `error`) of descendants. Listeners are not passive (the default for these
    /// event types): keyboard handling calls `preventDefault`.
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        mut callback: impl FnMut(Event) + 'static,
    ) -> Self {
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            callback(event.unchecked_into());
        });
        let remove = crate::host::listen(target, kind, &callback, capture);
        LIVE.fetch_add(1, Ordering::Relaxed);
        Self {
            kind,
            capture,
            _callback: callback,
            remove,
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.remove.call0(&JsValue::UNDEFINED);
        // No underflow: each drop follows its own increment.
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

impl core::fmt::Debug for EventListener {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EventListener")
            .field("kind", &self.kind)
            .field("capture", &self.capture)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 4096, usize::MAX] {
            assert_eq!(super::numbered("x-", n), format!("x-{n}"));
        }
    }
}
