//! The user button's rules, as pure functions of `user_button.js`: initials, which URLs
//! reach the page, which theme values apply, who a session shows, and action keys. These
//! were the native unit tests of the Rust modules the JS replaced; every case still holds.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::ui::js::{
    first_grapheme, first_link, initials, is_safe_theme_value, parse_action, person, safe_image,
    safe_link,
};

fn field(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap()
}

fn text(obj: &JsValue, key: &str) -> Option<String> {
    field(obj, key).as_string()
}

#[wasm_bindgen_test]
fn latin_names_give_the_uppercased_first_letters_of_first_and_last_name() {
    assert_eq!(initials("ada", "lovelace", "ada@example.test"), "AL");
    assert_eq!(initials("Émile", "Zola", "x"), "ÉZ");
}

#[wasm_bindgen_test]
fn decomposed_accents_stay_on_their_letter() {
    // "E" + COMBINING ACUTE ACCENT, as macOS file names and some IMEs produce.
    assert_eq!(initials("E\u{301}mile", "Zola", "x"), "E\u{301}Z");
}

#[wasm_bindgen_test]
fn cjk_names_take_one_character_from_each_part() {
    assert_eq!(initials("李", "小龙", "x"), "李小");
}

#[wasm_bindgen_test]
fn without_a_name_the_identifier_gives_one_letter() {
    assert_eq!(initials("", "", "linus@example.test"), "L");
    assert_eq!(initials("  ", "", "grace"), "G");
    assert_eq!(initials("", "", ""), "");
}

#[wasm_bindgen_test]
fn only_a_last_name_gives_its_initial() {
    assert_eq!(initials("", "Hopper", "grace"), "H");
}

#[wasm_bindgen_test]
fn emoji_names_keep_the_whole_emoji() {
    // woman technologist, medium skin tone: base + modifier + ZWJ + laptop
    let technologist = "👩🏽\u{200D}💻";
    assert_eq!(
        initials(&[technologist, "dev"].concat(), "", "x"),
        technologist
    );
    // family: man ZWJ woman ZWJ girl
    let family = "👨\u{200D}👩\u{200D}👧";
    assert_eq!(first_grapheme(&[family, " ok"].concat()), family);
    // heart with emoji presentation selector
    assert_eq!(first_grapheme("❤\u{FE0F}x"), "❤\u{FE0F}");
    // thumbs up with skin tone
    assert_eq!(first_grapheme("👍🏿👍"), "👍🏿");
    // keycap one
    assert_eq!(first_grapheme("1\u{FE0F}\u{20E3}2"), "1\u{FE0F}\u{20E3}");
}

#[wasm_bindgen_test]
fn flags_are_pairs_of_regional_indicators() {
    assert_eq!(first_grapheme("🇫🇷🇩🇪"), "🇫🇷");
    // a lone indicator is still one cluster
    assert_eq!(first_grapheme("🇫x"), "🇫");
    // England: black flag + tag letters + cancel tag
    let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    assert_eq!(first_grapheme(&[england, "!"].concat()), england);
}

#[wasm_bindgen_test]
fn right_to_left_and_indic_names_keep_their_marks() {
    assert_eq!(initials("שָׁלוֹם", "", "x"), "שָׁ");
    assert_eq!(first_grapheme("कि"), "कि");
    assert_eq!(initials("علي", "حسن", "x"), "عح");
}

#[wasm_bindgen_test]
fn https_and_loopback_http_and_data_images_are_used_for_avatars() {
    for url in [
        "https://img.clerk.com/a.png",
        "HTTPS://img.example.test/x",
        "http://127.0.0.1:4000/__avatars/ada.svg",
        "http://localhost/a.png",
        "http://localhost:3000/a.png",
        "http://127.1.2.3:9/a.png",
        // Octets in decimal with leading zeros: still 127.0.0.0/8, as the core's rule reads it.
        "http://127.000.0.1/a.png",
        "http://[::1]:8080/a.png",
        "data:image/png;base64,iVBORw0KGgo=",
    ] {
        assert_eq!(safe_image(url).as_deref(), Some(url), "{url}");
    }
}

#[wasm_bindgen_test]
fn hostile_or_remote_plain_http_avatars_fall_back_to_initials() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image",
        "http://evil.test/a.png",
        "http://127.0.0.1@evil.test/a.png",
        "http://127.0.0.1.evil.test/a.png",
        "http://127.0.0.256/a.png",
        "http://127.0..1/a.png",
        "http://127.0.1/a.png",
        "http://localhost.evil.test/a.png",
        "http://128.0.0.1/a.png",
        "https:",
        "//img.example.test/a.png",
        "/relative.png",
        "vbscript:msgbox",
        "",
    ] {
        assert_eq!(safe_image(url), None, "{url}");
    }
}

#[wasm_bindgen_test]
fn links_may_be_http_https_or_relative() {
    for url in [
        "https://example.test/user",
        "HTTPS://example.test/user",
        "http://example.test",
        "/user",
        "user#x",
        "?a=1:2",
        "/a:b",
    ] {
        assert_eq!(safe_link(url).as_deref(), Some(url), "{url}");
    }
}

#[wasm_bindgen_test]
fn script_and_data_links_are_refused() {
    for url in [
        "javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,hi",
        "mailto:x@example.test",
        "",
    ] {
        assert_eq!(safe_link(url), None, "{url:?}");
    }
}

#[wasm_bindgen_test]
fn theme_values_that_could_fetch_or_escape_are_refused() {
    for ok in ["#6c47ff", "rgb(1, 2, 3)", "Inter, system-ui", "0.5rem"] {
        assert!(is_safe_theme_value(ok), "{ok}");
    }
    for bad in [
        "URL(https://x.test)",
        "image-set(a)",
        "red; color: blue",
        "}",
        "",
        "a\\62",
    ] {
        assert!(!is_safe_theme_value(bad), "{bad}");
    }
}

/// A session object as the JS facade gives it, with these user fields.
fn session(user: &str) -> JsValue {
    js_sys::JSON::parse(&["{\"id\":\"sess_1\",\"user\":", user, "}"].concat()).unwrap()
}

#[wasm_bindgen_test]
fn a_person_without_a_name_is_titled_by_the_identifier() {
    let p = person(&session(
        r#"{"lastName":"  ","username":"linus","imageUrl":""}"#,
    ));
    assert_eq!(text(&p, "title").as_deref(), Some("linus"));
    assert_eq!(text(&p, "subtitle").as_deref(), Some(""));
    assert_eq!(text(&p, "initials").as_deref(), Some("L"));
}

#[wasm_bindgen_test]
fn a_full_name_joins_first_and_last_and_hostile_images_are_dropped() {
    let p = person(&session(
        r#"{"firstName":"Ada","lastName":" Lovelace","username":"ada","imageUrl":"javascript:alert(1)"}"#,
    ));
    assert_eq!(text(&p, "title").as_deref(), Some("Ada Lovelace"));
    assert_eq!(text(&p, "subtitle").as_deref(), Some("ada"));
    assert!(field(&p, "imageUrl").is_undefined());
}

#[wasm_bindgen_test]
fn the_first_safe_target_wins() {
    let target = first_link(None, Some("javascript:x"), Some("/profile"), Some("/b"));
    assert_eq!(target.as_deref(), Some("/profile"));
}

#[wasm_bindgen_test]
fn every_action_survives_its_attribute_round_trip() {
    for (key, kind, arg) in [
        ("toggle", "toggle", None),
        ("manageAccount", "manageAccount", None),
        ("signOut", "signOut", None),
        ("signOutAll", "signOutAll", None),
        ("addAccount", "addAccount", None),
        ("session:sess_2ab:c", "session", Some("sess_2ab:c")),
        ("custom:12", "custom", Some("12")),
    ] {
        let action = parse_action(key);
        assert_eq!(text(&action, "kind").as_deref(), Some(kind), "{key}");
        assert_eq!(text(&action, "arg").as_deref(), arg, "{key}");
    }
    for key in [
        "custom:x",
        "custom:",
        "custom:-1",
        "custom:99999999999999999999999",
        "nope",
    ] {
        assert!(parse_action(key).is_undefined(), "{key}");
    }
}
