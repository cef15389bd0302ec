//! The user button's stylesheet, shipped as a constructable stylesheet adopted by the document
//! (`document.adoptedStyleSheets`). That needs no `<style>` element and no `style=""`
//! attribute, so it works under a strict CSP (`style-src 'self'`, no `'unsafe-inline'`, no
//! nonce). The theme is a handful of custom properties on `.cl-userButtonBox`; `appearance`
//! variables override them per mount through the CSSOM (`style.setProperty`, in the JS view),
//! which CSP does not restrict.

/// Every rule the user button needs. Logical properties (`inset-inline-end`, `padding-inline`)
/// so a right-to-left page mirrors the panel.
pub(crate) const CSS: &str = concat!(
    ".cl-userButtonBox{--cl-p:#6c47ff;--cl-bg:#fff;--cl-fg:#212126;--cl-fg2:#6b6d7c;",
    "--cl-danger:#d92d20;--cl-font:inherit;--cl-fs:.875rem;--cl-r:.5rem;",
    "--cl-line:color-mix(in srgb,var(--cl-fg) 12%,transparent);",
    "--cl-hover:color-mix(in srgb,var(--cl-fg) 6%,transparent);",
    "position:relative;display:inline-flex;vertical-align:middle;font-family:var(--cl-font);",
    "font-size:var(--cl-fs);line-height:1.4;color:var(--cl-fg);max-width:100%}",
    "@media (prefers-color-scheme:dark){.cl-userButtonBox{--cl-p:#8f7cff;--cl-bg:#212126;",
    "--cl-fg:#f4f4f5;--cl-fg2:#a1a1aa;--cl-danger:#f97066}}",
    ".cl-userButtonBox *{box-sizing:border-box}",
    ".cl-userButtonTrigger{display:inline-flex;align-items:center;gap:.5rem;min-width:2rem;",
    "min-height:2rem;max-width:100%;margin:0;padding:0;border:0;border-radius:999px;",
    "background:none;color:inherit;font:inherit;cursor:pointer}",
    ".cl-userButtonBox :focus-visible{outline:2px solid var(--cl-p);outline-offset:2px}",
    ".cl-userButtonOuterIdentifier{padding-inline-start:.5rem;font-weight:500}",
    ".cl-avatarBox{flex:none;display:inline-flex;align-items:center;justify-content:center;",
    "width:2rem;height:2rem;border-radius:50%;overflow:hidden;background:var(--cl-p);",
    "color:#fff;font-size:.8125rem;font-weight:600;line-height:1;user-select:none}",
    ".cl-userPreview .cl-avatarBox{width:2.75rem;height:2.75rem;font-size:1rem}",
    ".cl-avatarImage{display:block;width:100%;height:100%;object-fit:cover}",
    ".cl-userButtonPopoverCard{position:absolute;top:calc(100% + 8px);inset-inline-end:0;",
    "z-index:2147483000;width:20rem;max-width:calc(100vw - 16px);overflow:hidden;",
    "background:var(--cl-bg);color:var(--cl-fg);border:1px solid var(--cl-line);",
    "border-radius:calc(var(--cl-r)*1.5);box-shadow:0 12px 32px rgba(0,0,0,.18)}",
    ".cl-userButtonPopoverCard[data-align=start]{inset-inline-end:auto;inset-inline-start:0}",
    ".cl-userButtonPopoverCard[data-side=top]{top:auto;bottom:calc(100% + 8px)}",
    ".cl-userPreview{display:flex;align-items:center;gap:1rem;padding:1rem 1.25rem;min-width:0}",
    ".cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0;flex:1;",
    "text-align:start}",
    ".cl-userPreviewMainIdentifier{font-weight:600}",
    ".cl-userPreviewSecondaryIdentifier{color:var(--cl-fg2)}",
    ".cl-userPreviewMainIdentifier,.cl-userPreviewSecondaryIdentifier,",
    ".cl-userButtonOuterIdentifier,.cl-userButtonPopoverActionButtonText{overflow:hidden;",
    "text-overflow:ellipsis;white-space:nowrap;min-width:0}",
    ".cl-userButtonPopoverActions{display:flex;flex-direction:column;",
    "border-top:1px solid var(--cl-line)}",
    ".cl-userButtonPopoverActionButton{display:flex;align-items:center;gap:.75rem;width:100%;",
    "min-height:2.5rem;margin:0;padding:.5rem 1.25rem;border:0;border-radius:0;",
    "background:none;color:inherit;font:inherit;text-align:start;text-decoration:none;",
    "cursor:pointer}",
    ".cl-userButtonPopoverActionButton:hover{background:var(--cl-hover)}",
    ".cl-userButtonPopoverActionButton:focus-visible{outline-offset:-2px}",
    ".cl-userButtonPopoverActionButton__session{padding:.75rem 1.25rem}",
    ".cl-userButtonPopoverActionButton[aria-busy=true]{opacity:.6;cursor:progress}",
    ".cl-userButtonPopoverActionButton[aria-disabled=true]{cursor:default}",
    ".cl-userButtonPopoverSessionsLabel{margin:0;padding:.5rem 1.25rem 0;color:var(--cl-fg2);",
    "font-size:.75rem;font-weight:500}",
    ".cl-userButtonPopoverError{margin:0;padding:.5rem 1.25rem;color:var(--cl-danger);",
    "border-top:1px solid var(--cl-line)}",
    ".cl-userButtonPopoverFooter{padding:.5rem 1.25rem;border-top:1px solid var(--cl-line);",
    "color:var(--cl-fg2);font-size:.75rem;text-align:center;",
    "background:color-mix(in srgb,#f59e0b 12%,transparent)}",
);

/// `appearance.variables` → the custom property each one sets on `.cl-userButtonBox`.
pub(crate) const VARIABLES: [(&str, &str); 8] = [
    ("colorPrimary", "--cl-p"),
    ("colorBackground", "--cl-bg"),
    ("colorText", "--cl-fg"),
    ("colorTextSecondary", "--cl-fg2"),
    ("colorDanger", "--cl-danger"),
    ("fontFamily", "--cl-font"),
    ("fontSize", "--cl-fs"),
    ("borderRadius", "--cl-r"),
];

/// Whether a theme value may be applied: a value that could fetch something (`url(`,
/// `image(`) or escape its declaration is refused; a theme colour has no reason to.
pub(crate) fn is_safe_value(value: &str) -> bool {
    // Bytes rather than `str::contains`: its substring searcher costs KBs of wasm, and a
    // five-char pattern is its own copy of the multi-char searcher.
    let has = |needle: &[u8]| {
        (value.as_bytes().windows(needle.len())).any(|w| w.eq_ignore_ascii_case(needle))
    };
    !value.is_empty()
        && value.len() <= 200
        && !has(b"url(")
        && !has(b"image")
        && !value
            .bytes()
            .any(|b| matches!(b, b';' | b'{' | b'}' | b'\\' | b'<'))
}

#[cfg(test)]
mod tests {
    use super::is_safe_value;

    #[test]
    fn theme_values_that_could_fetch_or_escape_are_refused() {
        for ok in ["#6c47ff", "rgb(1, 2, 3)", "Inter, system-ui", "0.5rem"] {
            assert!(is_safe_value(ok), "{ok}");
        }
        for bad in [
            "URL(https://x.test)",
            "image-set(a)",
            "red; color: blue",
            "}",
            "",
            "a\\62",
        ] {
            assert!(!is_safe_value(bad), "{bad}");
        }
    }
}
