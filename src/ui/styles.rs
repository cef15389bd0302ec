//! The user button's stylesheet (the `css` constant in src/host.rs's snippet, beside the
//! view that uses its class names), shipped as a constructable stylesheet adopted by the document
//! (`document.adoptedStyleSheets`). That needs no `<style>` element and no `style=""`
//! attribute, so it works under a strict CSP (`style-src 'self'`, no `'unsafe-inline'`, no
//! nonce). The theme is a handful of custom properties on `.cl-userButtonBox`; `appearance`
//! variables override them per mount through the CSSOM (`style.setProperty`, in the JS view),
//! which CSP does not restrict.

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
