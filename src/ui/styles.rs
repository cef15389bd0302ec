//! The user button's stylesheet, a constructable stylesheet adopted by the document (or the
//! shadow root) the button lives in: no `<style>` element and no `style=""` attribute, so a
//! strict CSP (`style-src 'self'`, no `'unsafe-inline'`) needs nothing more. The theme is a
//! handful of custom properties on `.cl-userButtonBox`; `appearance.variables` and the
//! panel's placement set them per mount through the CSSOM, which CSP does not restrict.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, Node, ShadowRoot};

/// Every rule of the user button. Clerk's look: its type scale (13 px base), 28 px trigger
/// and 36 px preview avatars, a 16 px icon per action in a column as wide as the preview
/// avatar, 1 px row separators, a 23.5rem card. Logical properties (`inset-inline-end`,
/// `padding-inline`) so a right-to-left page mirrors it. The dark palette applies under
/// `prefers-color-scheme: dark` unless `data-cl-theme` pins one.
pub(crate) const CSS: &str = concat!(
    ".cl-userButtonBox{--cl-p:#6c47ff;--cl-bg:#fff;--cl-fg:#212126;--cl-fg2:#747686;",
    "--cl-danger:#ef4444;--cl-warn:#f36b16;--cl-font:inherit;--cl-fs:.8125rem;--cl-r:.375rem;",
    "--cl-line:color-mix(in srgb,var(--cl-fg) 7%,transparent);",
    "--cl-edge:color-mix(in srgb,var(--cl-fg) 11%,transparent);",
    "--cl-hover:color-mix(in srgb,var(--cl-fg) 4%,transparent);",
    "position:relative;display:inline-flex;vertical-align:middle;min-width:0;max-width:100%;",
    "font-family:var(--cl-font);font-size:var(--cl-fs);line-height:1.38;color-scheme:light}",
    ".cl-userButtonBox[data-cl-theme=dark]{--cl-p:#8f7cff;--cl-bg:#212126;--cl-fg:#fff;",
    "--cl-fg2:#a7a7b0;--cl-danger:#f87171;color-scheme:dark}",
    "@media (prefers-color-scheme:dark){.cl-userButtonBox:not([data-cl-theme=light]){",
    "--cl-p:#8f7cff;--cl-bg:#212126;--cl-fg:#fff;--cl-fg2:#a7a7b0;--cl-danger:#f87171;",
    "color-scheme:dark}}",
    ".cl-userButtonBox *{box-sizing:border-box}",
    ".cl-userButtonBox :focus-visible{outline:2px solid var(--cl-p);outline-offset:2px}",
    ".cl-userButtonBox svg{display:block;flex:none}",
    // The trigger sits on the page: its text keeps the page's colour. Never wider than
    // 20rem; in a narrower flex header the name gives way first (see the name below).
    ".cl-userButtonTrigger{display:inline-flex;align-items:center;gap:.5rem;min-width:0;",
    "max-width:20rem;min-height:1.75rem;margin:0;padding:0;border:0;border-radius:999px;",
    "background:none;color:inherit;font:inherit;text-align:start;cursor:pointer}",
    // One line with an ellipsis. Clamped as a box of lines (not `nowrap`) with a break
    // allowed anywhere, so its narrowest size is one letter: a flex header can then shrink
    // the button instead of overflowing the page.
    ".cl-userButtonOuterIdentifier{min-width:0;overflow:hidden;display:-webkit-box;",
    "-webkit-box-orient:vertical;-webkit-line-clamp:1;line-clamp:1;word-break:break-all;",
    "padding-inline-start:.25rem;font-weight:500}",
    ".cl-avatarBox{flex:none;display:inline-flex;align-items:center;justify-content:center;",
    "width:1.75rem;height:1.75rem;border-radius:50%;overflow:hidden;background:var(--cl-p);",
    "color:#fff;font-size:.6875rem;font-weight:600;line-height:1;user-select:none}",
    ".cl-userPreview .cl-avatarBox{width:2.25rem;height:2.25rem;font-size:.8125rem}",
    ".cl-avatarImage{display:block;width:100%;height:100%;object-fit:cover}",
    ".cl-userButtonPopoverCard{position:absolute;top:calc(100% + 8px);inset-inline-end:0;",
    "z-index:2147483000;display:flex;flex-direction:column;width:23.5rem;",
    "max-width:calc(100vw - 2rem);max-height:var(--cl-max-h,none);overflow:hidden;",
    "translate:var(--cl-dx,0) 0;background:var(--cl-bg);color:var(--cl-fg);",
    "border:1px solid var(--cl-edge);border-radius:calc(var(--cl-r)*2);text-align:start;",
    "box-shadow:0 5px 15px rgba(0,0,0,.08),0 15px 35px -5px rgba(25,28,33,.2)}",
    ".cl-userButtonPopoverCard[data-align=start]{inset-inline-end:auto;inset-inline-start:0}",
    ".cl-userButtonPopoverCard[data-side=top]{top:auto;bottom:calc(100% + 8px)}",
    ".cl-userButtonPopoverCard>*{flex:none}",
    ".cl-userPreview{display:flex;align-items:center;gap:1rem;min-width:0}",
    ".cl-userButtonPopoverUserPreview{padding:1rem 1.25rem}",
    ".cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0;flex:1}",
    ".cl-userPreviewMainIdentifier{font-weight:500;color:var(--cl-fg)}",
    ".cl-userPreviewSecondaryIdentifier{color:var(--cl-fg2)}",
    ".cl-userPreviewMainIdentifier,.cl-userPreviewSecondaryIdentifier,",
    ".cl-userButtonPopoverActionButtonText{overflow:hidden;text-overflow:ellipsis;",
    "white-space:nowrap;min-width:0}",
    ".cl-userButtonPopoverActions{display:flex;flex-direction:column;",
    "border-top:1px solid var(--cl-line)}",
    // The session list is what gives way when the card would be taller than the viewport.
    ".cl-userButtonPopoverCard>.cl-userButtonPopoverSessions{flex:0 1 auto;min-height:4.5rem;",
    "overflow-y:auto;overscroll-behavior:contain}",
    ".cl-userButtonPopoverActionButton{display:flex;align-items:center;gap:1rem;width:100%;",
    "min-height:2.75rem;margin:0;padding:.75rem 1.25rem;border:0;border-radius:0;",
    "background:none;color:var(--cl-fg);font:inherit;font-weight:500;text-align:start;",
    "text-decoration:none;cursor:pointer}",
    ".cl-userButtonPopoverActionButton:hover{background:var(--cl-hover)}",
    // Row separators (after the row rule, whose `border:0` they override).
    ".cl-userButtonPopoverActions>*+*{border-top:1px solid var(--cl-line)}",
    ".cl-userButtonPopoverActionButton:focus-visible{outline-offset:-2px}",
    ".cl-userButtonPopoverActionButton[aria-busy=true]{opacity:.6;cursor:progress}",
    ".cl-userButtonPopoverActionButton[aria-disabled=true]{cursor:default}",
    ".cl-userButtonPopoverActionButton__session{font-weight:400}",
    ".cl-userButtonPopoverActionButtonIconBox{flex:0 0 2.25rem;display:flex;",
    "justify-content:center;color:var(--cl-fg2)}",
    ".cl-userButtonPopoverActionButtonIcon{width:1rem;height:1rem}",
    // The exit arrow points out of the door: towards the reading direction's end.
    ".cl-userButtonPopoverActionButtonIcon__signOut:dir(rtl),",
    ".cl-userButtonPopoverActionButtonIcon__signOutAll:dir(rtl){transform:scaleX(-1)}",
    ".cl-userButtonPopoverSessionsLabel{position:sticky;top:0;z-index:1;margin:0;",
    "padding:.75rem 1.25rem .25rem;background:var(--cl-bg);color:var(--cl-fg2);",
    "font-size:.75rem;font-weight:500}",
    ".cl-userButtonPopoverSessionsLabel+*{border-top:0}",
    ".cl-userButtonPopoverError{margin:0;padding:.75rem 1.25rem;color:var(--cl-danger);",
    "border-top:1px solid var(--cl-line);font-size:.75rem}",
    ".cl-userButtonPopoverFooter{padding:1rem 2rem;border-top:1px solid var(--cl-line);",
    "background:color-mix(in srgb,var(--cl-fg) 3%,var(--cl-bg));color:var(--cl-warn);",
    "font-size:.6875rem;font-weight:600;text-align:center}",
);

thread_local! {
    /// The stylesheet of each document, made once: a constructed stylesheet can only be
    /// adopted by the document whose window made it, so a host in a same-origin iframe gets
    /// its own. Weak keys: a document that goes away takes its sheet with it.
    static SHEETS: js_sys::WeakMap = js_sys::WeakMap::new();
}

/// Makes the stylesheet apply to `host`: adopted by its shadow root when it lives in one,
/// else by its document. Does nothing where constructable stylesheets are missing.
pub(crate) fn adopt(host: &Element, doc: &Document) {
    let Some(sheet) = sheet_for(doc) else { return };
    let root = host.get_root_node();
    if root.node_type() == Node::DOCUMENT_FRAGMENT_NODE {
        let shadow = root.unchecked_into::<ShadowRoot>();
        if let Some(sheets) = with_sheet(&shadow.adopted_style_sheets(), &sheet) {
            shadow.set_adopted_style_sheets(&sheets);
        }
    } else if let Some(sheets) = with_sheet(&doc.adopted_style_sheets(), &sheet) {
        doc.set_adopted_style_sheets(&sheets);
    }
}

/// `adopted` with `sheet` added; `None` when it is already there.
fn with_sheet(adopted: &js_sys::Array, sheet: &CssStyleSheet) -> Option<JsValue> {
    if adopted.includes(sheet, 0) {
        return None;
    }
    let sheets = adopted.slice(0, adopted.length());
    sheets.push(sheet);
    Some(sheets.into())
}

/// The document's stylesheet, made with its own window's `CSSStyleSheet`.
fn sheet_for(doc: &Document) -> Option<CssStyleSheet> {
    // Checked with `is_object`, not `instanceof`: an iframe's sheet comes from its realm.
    let known = SHEETS.with(|sheets| sheets.get(doc));
    if known.is_object() {
        return Some(known.unchecked_into());
    }
    let window = doc.default_view()?;
    let constructor = js_sys::Reflect::get(&window, &"CSSStyleSheet".into()).ok()?;
    let constructor = constructor.dyn_ref::<js_sys::Function>()?;
    let sheet: CssStyleSheet = js_sys::Reflect::construct(constructor, &js_sys::Array::new())
        .ok()?
        .unchecked_into();
    sheet.replace_sync(CSS).ok()?;
    SHEETS.with(|sheets| sheets.set(doc, &sheet));
    Some(sheet)
}
