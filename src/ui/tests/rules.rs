//! The grapheme rule in the browser, where `Intl.Segmenter` does the cutting: the same table
//! of cases the native unit tests check against the fallback rule (`ui::initials`).

use wasm_bindgen_test::wasm_bindgen_test;

use crate::ui::initials::cases::{GRAPHEMES, INITIALS};
use crate::ui::initials::{first_grapheme, initials};

#[wasm_bindgen_test]
fn intl_segmenter_gives_the_same_initials_as_the_native_rule() {
    for (first, last, identifier, expected) in INITIALS {
        assert_eq!(
            initials(first, last, identifier),
            expected,
            "{first} {last}"
        );
    }
    for (text, expected) in GRAPHEMES {
        assert_eq!(first_grapheme(text), expected, "{text}");
    }
}

#[wasm_bindgen_test]
fn intl_segmenter_keeps_clusters_the_native_rule_would_split() {
    // Hangul written as conjoining jamo (ᄀ + ᅡ + ᆨ) is one syllable, "각": beyond the
    // native rule's ranges, exact with the browser's UAX #29 tables.
    assert_eq!(
        first_grapheme("\u{1100}\u{1161}\u{11A8}x"),
        "\u{1100}\u{1161}\u{11A8}"
    );
}
