//! Avatar initials, cut on user-perceived characters (grapheme clusters) rather than bytes or
//! code points, with a small hand-written cluster rule instead of the Unicode tables: the
//! initials of "Émile" (decomposed), "👩🏽‍💻" or "🇫🇷" must stay whole, but the full UAX #29
//! tables would cost more bytes than the rest of the user button.

use crate::prelude::*;

/// The initials shown when there is no usable avatar image: the first character of the first
/// name and of the last name, else of the identifier, uppercased. An absent name is an empty
/// one, which has no initial.
pub(crate) fn initials(first_name: &str, last_name: &str, identifier: &str) -> String {
    let mut out = String::new();
    push_initial(&mut out, first_name);
    push_initial(&mut out, last_name);
    if out.is_empty() {
        push_initial(&mut out, identifier);
    }
    out
}

/// Appends the uppercased first cluster of `part`, if it has one.
fn push_initial(out: &mut String, part: &str) {
    if let Some(cluster) = first_cluster(part.trim()) {
        out.push_str(&upper(cluster));
    }
}

/// Uppercases with the browser's own Unicode case tables: `str::to_uppercase` would link
/// Rust's tables into the wasm (several KB) to do what `String.prototype.toUpperCase` does.
#[cfg(target_arch = "wasm32")]
fn upper(text: &str) -> String {
    js_sys::JsString::from(text).to_upper_case().into()
}

/// Native builds (unit tests) use Rust's tables: the same Unicode default case mapping.
#[cfg(not(target_arch = "wasm32"))]
fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The first grapheme cluster of `text`, approximated: a base character followed by every
/// extending character, each zero-width joiner pulling in the next character, and regional
/// indicators taken in pairs (one flag).
pub(crate) fn first_cluster(text: &str) -> Option<&str> {
    let mut chars = text.char_indices();
    let (_, base) = chars.next()?;
    let mut end = base.len_utf8();
    let mut joined = false;
    // A regional indicator pairs with the one right after it (no `Peekable` needed).
    let mut flag = is_regional_indicator(base);
    for (i, c) in chars {
        let pairs = flag && is_regional_indicator(c);
        flag = false;
        if pairs || joined || is_extend(c) || c == ZWJ {
            joined = c == ZWJ;
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    text.get(..end)
}

const ZWJ: char = '\u{200D}';

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters that never start a cluster: combining marks of the common scripts, variation
/// selectors, emoji skin-tone modifiers, emoji tag sequences and the enclosing keycap.
fn is_extend(c: char) -> bool {
    EXTEND.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// The ranges [`is_extend`] accepts, inclusive. A table walked by one loop: as a `match`,
/// every range was its own pair of comparisons in the wasm.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names_give_the_uppercased_first_letters_of_first_and_last_name() {
        assert_eq!(initials("ada", "lovelace", "ada@example.test"), "AL");
        assert_eq!(initials("Émile", "Zola", "x"), "ÉZ");
    }

    #[test]
    fn decomposed_accents_stay_on_their_letter() {
        // "E" + COMBINING ACUTE ACCENT, as macOS file names and some IMEs produce.
        assert_eq!(initials("E\u{301}mile", "Zola", "x"), "E\u{301}Z");
    }

    #[test]
    fn cjk_names_take_one_character_from_each_part() {
        assert_eq!(initials("李", "小龙", "x"), "李小");
    }

    #[test]
    fn without_a_name_the_identifier_gives_one_letter() {
        assert_eq!(initials("", "", "linus@example.test"), "L");
        assert_eq!(initials("  ", "", "grace"), "G");
        assert_eq!(initials("", "", ""), "");
    }

    #[test]
    fn only_a_last_name_gives_its_initial() {
        assert_eq!(initials("", "Hopper", "grace"), "H");
    }

    #[test]
    fn emoji_names_keep_the_whole_emoji() {
        // woman technologist, medium skin tone: base + modifier + ZWJ + laptop
        let technologist = "👩🏽\u{200D}💻";
        assert_eq!(
            initials(&format!("{technologist}dev"), "", "x"),
            technologist
        );
        // family: man ZWJ woman ZWJ girl
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(first_cluster(&format!("{family} ok")), Some(family));
        // heart with emoji presentation selector
        assert_eq!(first_cluster("❤\u{FE0F}x"), Some("❤\u{FE0F}"));
        // thumbs up with skin tone
        assert_eq!(first_cluster("👍🏿👍"), Some("👍🏿"));
        // keycap one
        assert_eq!(
            first_cluster("1\u{FE0F}\u{20E3}2"),
            Some("1\u{FE0F}\u{20E3}")
        );
    }

    #[test]
    fn flags_are_pairs_of_regional_indicators() {
        assert_eq!(first_cluster("🇫🇷🇩🇪"), Some("🇫🇷"));
        // a lone indicator is still one cluster
        assert_eq!(first_cluster("🇫x"), Some("🇫"));
        // England: black flag + tag letters + cancel tag
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
        assert_eq!(first_cluster(&format!("{england}!")), Some(england));
    }

    #[test]
    fn right_to_left_and_indic_names_keep_their_marks() {
        assert_eq!(initials("שָׁלוֹם", "", "x"), "שָׁ");
        assert_eq!(first_cluster("कि"), Some("कि"));
        assert_eq!(initials("علي", "حسن", "x"), "عح");
    }
}
