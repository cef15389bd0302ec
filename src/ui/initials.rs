//! Avatar initials, cut on user-perceived characters (grapheme clusters), not bytes or code
//! points: the initial of "Émile" written with a combining accent, of "👩🏽‍💻" or of "🇫🇷" stays
//! whole.
//!
//! In the browser the cluster comes from `Intl.Segmenter`, the platform's own UAX #29
//! segmentation (the Unicode tables of a Rust crate such as `unicode-segmentation` would ship
//! in every page's wasm to do what the browser already does). Elsewhere, and in a browser
//! without `Intl.Segmenter`, a small rule covers the common scripts and emoji sequences; the
//! same table of cases is tested against both (`initials::tests` natively,
//! `ui::tests::rendering` in the browser).

/// The initials shown when there is no usable avatar image: the first character of the first
/// name and of the last name, else of the identifier, uppercased. An empty part has none.
pub(crate) fn initials(first_name: &str, last_name: &str, identifier: &str) -> String {
    let mut out = String::new();
    out.push_str(first_grapheme(first_name).as_str());
    out.push_str(first_grapheme(last_name).as_str());
    if out.is_empty() {
        out.push_str(first_grapheme(identifier).as_str());
    }
    uppercase(&out)
}

/// Uppercases with the browser's own Unicode case tables: `str::to_uppercase` links Rust's
/// into the wasm to do what `String.prototype.toUpperCase` does (measured: -9.9 KB gzip of
/// the script-tag payload, most of it the tables).
#[cfg(target_arch = "wasm32")]
fn uppercase(text: &str) -> String {
    js_sys::JsString::from(text).to_upper_case().into()
}

/// Elsewhere (native unit tests), Rust's tables: the same Unicode default case mapping.
#[cfg(not(target_arch = "wasm32"))]
fn uppercase(text: &str) -> String {
    text.to_uppercase()
}

/// The first grapheme cluster of `text` after trimming; empty for blank text.
pub(crate) fn first_grapheme(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    // An ASCII character followed by another (or by nothing) is a cluster of its own: UAX #29
    // joins two ASCII characters only as CR LF, and trimmed text starts with neither. The
    // common case so needs no segmenter, whose creation cost 17 ms on the way to a cold page's
    // first button (92 samples of a CPU profile, Chromium, `bench/side-by-side.mjs`'s page).
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii) && bytes.get(1).is_none_or(u8::is_ascii) {
        return text.get(..1).unwrap_or_default().to_owned();
    }
    segmented(text).unwrap_or_else(|| first_cluster(text).to_owned())
}

/// `Intl.Segmenter`'s first grapheme of `text`; `None` where it is missing.
#[cfg(target_arch = "wasm32")]
fn segmented(text: &str) -> Option<String> {
    thread_local! {
        /// Made once: a button shows a few initials per session on every state change.
        static SEGMENTER: Option<js_sys::Intl::Segmenter> = segmenter();
    }
    let first = SEGMENTER.with(|s| s.as_ref().map(|s| s.segment(text).containing(0)))??;
    Some(first.segment().into())
}

#[cfg(target_arch = "wasm32")]
fn segmenter() -> Option<js_sys::Intl::Segmenter> {
    use wasm_bindgen::JsCast;
    // Checked before use: the constructor binding throws where `Intl.Segmenter` is missing.
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor = js_sys::Reflect::get(&intl, &"Segmenter".into()).ok()?;
    constructor.dyn_ref::<js_sys::Function>()?;
    Some(js_sys::Intl::Segmenter::new(
        &js_sys::Array::new(),
        &js_sys::Object::new(),
    ))
}

#[cfg(not(target_arch = "wasm32"))]
fn segmented(_text: &str) -> Option<String> {
    None
}

/// The first grapheme cluster of non-empty `text`, by a small rule: a base character, then
/// every extending character, each zero-width joiner pulling in the next character, and
/// regional indicators taken in pairs (one flag).
fn first_cluster(text: &str) -> &str {
    let mut chars = text.char_indices();
    let Some((_, base)) = chars.next() else {
        return text;
    };
    let mut end = base.len_utf8();
    let mut joined = false;
    let mut flag = is_regional_indicator(base);
    for (i, c) in chars {
        let pairs = flag && is_regional_indicator(c);
        flag = false;
        if !(pairs || joined || is_extend(c) || c == ZWJ) {
            break;
        }
        joined = c == ZWJ;
        end = i + c.len_utf8();
    }
    text.get(..end).unwrap_or(text)
}

const ZWJ: char = '\u{200D}';

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters that never start a cluster: combining marks of the common scripts, variation
/// selectors, emoji skin-tone modifiers, emoji tag sequences and the enclosing keycap.
fn is_extend(c: char) -> bool {
    EXTEND.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// The ranges [`is_extend`] accepts, inclusive.
const EXTEND: [(char, char); 25] = [
    ('\u{0300}', '\u{036F}'), // combining diacritical marks
    ('\u{0483}', '\u{0489}'), // Cyrillic
    ('\u{0591}', '\u{05BD}'), // Hebrew points
    ('\u{05BF}', '\u{05BF}'),
    ('\u{05C1}', '\u{05C2}'),
    ('\u{05C4}', '\u{05C5}'),
    ('\u{05C7}', '\u{05C7}'),
    ('\u{0610}', '\u{061A}'), // Arabic
    ('\u{064B}', '\u{065F}'),
    ('\u{0670}', '\u{0670}'),
    ('\u{0900}', '\u{0903}'), // Devanagari signs
    ('\u{093A}', '\u{094F}'),
    ('\u{0E31}', '\u{0E31}'), // Thai
    ('\u{0E34}', '\u{0E3A}'),
    ('\u{0E47}', '\u{0E4E}'),
    ('\u{1AB0}', '\u{1AFF}'),
    ('\u{1DC0}', '\u{1DFF}'),
    ('\u{200C}', '\u{200C}'), // zero-width non-joiner
    ('\u{20D0}', '\u{20FF}'), // combining marks for symbols, incl. keycap U+20E3
    ('\u{3099}', '\u{309A}'), // kana voicing marks
    ('\u{FE00}', '\u{FE0F}'), // variation selectors
    ('\u{FE20}', '\u{FE2F}'),
    ('\u{1F3FB}', '\u{1F3FF}'), // skin-tone modifiers
    ('\u{E0020}', '\u{E007F}'), // tags (subdivision flags)
    ('\u{E0100}', '\u{E01EF}'), // variation selectors supplement
];

/// The cases both implementations must agree on: `(first, last, identifier, initials)`, then
/// `(text, first grapheme)`. Shared with the browser tests.
#[cfg(test)]
pub(crate) mod cases {
    /// `(first name, last name, identifier, initials)`.
    pub(crate) const INITIALS: [(&str, &str, &str, &str); 11] = [
        ("ada", "lovelace", "ada@example.test", "AL"),
        ("Émile", "Zola", "x", "ÉZ"),
        // "E" + COMBINING ACUTE ACCENT, as macOS file names and some IMEs produce.
        ("E\u{301}mile", "Zola", "x", "E\u{301}Z"),
        ("李", "小龙", "x", "李小"),
        ("", "", "linus@example.test", "L"),
        ("  ", "", "grace", "G"),
        ("", "", "", ""),
        ("", "Hopper", "grace", "H"),
        ("👩🏽\u{200D}💻dev", "", "x", "👩🏽\u{200D}💻"),
        ("שָׁלוֹם", "", "x", "שָׁ"),
        ("علي", "حسن", "x", "عح"),
    ];

    /// `(text, its first grapheme cluster)`.
    pub(crate) const GRAPHEMES: [(&str, &str); 8] = [
        ("👨\u{200D}👩\u{200D}👧 ok", "👨\u{200D}👩\u{200D}👧"),
        ("❤\u{FE0F}x", "❤\u{FE0F}"),
        ("👍🏿👍", "👍🏿"),
        ("1\u{FE0F}\u{20E3}2", "1\u{FE0F}\u{20E3}"),
        ("🇫🇷🇩🇪", "🇫🇷"),
        ("🇫x", "🇫"),
        (
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}!",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
        ),
        ("कि", "कि"),
    ];
}

#[cfg(test)]
mod tests {
    use super::cases::{GRAPHEMES, INITIALS};
    use super::*;

    #[test]
    fn initials_take_the_first_cluster_of_first_and_last_name_else_of_the_identifier() {
        for (first, last, identifier, expected) in INITIALS {
            assert_eq!(
                initials(first, last, identifier),
                expected,
                "{first} {last}"
            );
        }
    }

    #[test]
    fn emoji_flags_keycaps_and_marks_stay_whole() {
        for (text, expected) in GRAPHEMES {
            assert_eq!(first_grapheme(text), expected, "{text}");
        }
        assert_eq!(first_grapheme("  "), "");
    }
}
