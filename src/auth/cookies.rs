//! The cookies the SDK writes on the page's domain (PROTOCOL.md §8), through
//! `document.cookie`.

use wasm_bindgen::JsCast;
use web_sys::HtmlDocument;

/// The suffix ClerkJS appends to its cookie twins: the first 8 characters of the URL-safe
/// base64 of SHA-1(publishable key). (SHA-1 only names a cookie here: no security rests on it.)
pub(crate) fn cookie_suffix(publishable_key: &str) -> String {
    // 8 base64 characters encode exactly the digest's first 6 bytes: its first 48 bits.
    let [a, b, c, d, e, f, ..] = sha1_smol::Sha1::from(publishable_key).digest().bytes();
    let bits = u64::from_be_bytes([0, 0, a, b, c, d, e, f]);
    (0..8)
        .rev()
        .map(|i| base64_url_char(bits >> (6 * i)))
        .collect()
}

/// The URL-safe base64 character of a sextet (the low 6 bits of `value`).
fn base64_url_char(value: u64) -> char {
    let v = (value & 63) as u8;
    char::from(match v {
        0..=25 => b'A' + v,
        26..=51 => b'a' + (v - 26),
        52..=61 => b'0' + (v - 52),
        62 => b'-',
        _ => b'_',
    })
}

/// Reads and writes `document.cookie` for one publishable key.
#[derive(Debug, Clone)]
pub(crate) struct Cookies {
    suffix: String,
}

impl Cookies {
    pub(crate) fn new(publishable_key: &str) -> Self {
        Self {
            suffix: cookie_suffix(publishable_key),
        }
    }

    /// The value of `name`, preferring the key-suffixed twin.
    pub(crate) fn get(&self, name: &str) -> Option<String> {
        let all = read_all();
        let suffixed = format!("{name}_{}", self.suffix);
        find_cookie(&all, &suffixed).or_else(|| find_cookie(&all, name))
    }

    /// Writes `name` and its suffixed twin, path `/`, SameSite=Lax, for `max_age_s` seconds.
    pub(crate) fn set(&self, name: &str, value: &str, max_age_s: u32) {
        self.set_pair(name, value, SameSite::Lax, max_age_s);
    }

    /// As [`Cookies::set`], SameSite=Strict (`__client_uat`, as ClerkJS writes it).
    pub(crate) fn set_strict(&self, name: &str, value: &str, max_age_s: u32) {
        self.set_pair(name, value, SameSite::Strict, max_age_s);
    }

    /// Writes `name` alone (no twin) until the browser closes, `Secure` in any secure
    /// context: `clerk_active_context`, as ClerkJS writes it.
    pub(crate) fn set_for_browser_session(&self, name: &str, value: &str) {
        write(&cookie_string(
            name,
            value,
            SameSite::Lax,
            None,
            secure_context(),
        ));
    }

    /// Removes a cookie [`Cookies::set_for_browser_session`] wrote, with the same `Secure`
    /// (a plain write may not replace a `Secure` cookie).
    pub(crate) fn remove_for_browser_session(&self, name: &str) {
        write(&cookie_string(
            name,
            "",
            SameSite::Lax,
            Some(0),
            secure_context(),
        ));
    }

    fn set_pair(&self, name: &str, value: &str, same_site: SameSite, max_age_s: u32) {
        let twin = format!("{name}_{}", self.suffix);
        let secure = page_is_https();
        for n in [name, &twin] {
            write(&cookie_string(n, value, same_site, Some(max_age_s), secure));
        }
    }

    /// Removes `name` and its suffixed twin (an empty value expiring at once).
    pub(crate) fn remove(&self, name: &str) {
        self.set(name, "", 0);
    }
}

/// The page's document, where it has cookies: `None` outside a page.
fn document() -> Option<HtmlDocument> {
    web_sys::window()?.document()?.dyn_into().ok()
}

/// `document.cookie`; empty outside a page and where the browser refuses access (a sandboxed
/// frame throws a `SecurityError`).
fn read_all() -> String {
    document()
        .and_then(|doc| doc.cookie().ok())
        .unwrap_or_default()
}

/// Writes one cookie string; a refusal is ignored, as for every cookie the browser rejects.
fn write(cookie: &str) {
    if let Some(doc) = document() {
        let _ = doc.set_cookie(cookie);
    }
}

/// Whether the page is served over https: its cookies are then `Secure`, so they never leak
/// over plain http.
fn page_is_https() -> bool {
    web_sys::window().is_some_and(|w| w.location().protocol().is_ok_and(|p| p == "https:"))
}

/// The `SameSite` attribute of a cookie.
#[derive(Debug, Clone, Copy)]
enum SameSite {
    Lax,
    Strict,
}

/// Where ClerkJS marks `clerk_active_context` `Secure`: https, or a secure context
/// (http://localhost and 127.0.0.1 are ones) in a browser other than Safari, which refuses
/// `Secure` cookies over http.
fn secure_context() -> bool {
    page_is_https()
        || web_sys::window().is_some_and(|w| {
            w.is_secure_context() && !js_sys::Reflect::has(&w, &"safari".into()).unwrap_or(true)
        })
}

/// `name=value; path=/; SameSite=Lax; max-age=N`, then `; Secure` when `secure`; `0` expires
/// it now, no `max_age_s` keeps it until the browser closes.
fn cookie_string(
    name: &str,
    value: &str,
    same_site: SameSite,
    max_age_s: Option<u32>,
    secure: bool,
) -> String {
    let same_site = match same_site {
        SameSite::Lax => "Lax",
        SameSite::Strict => "Strict",
    };
    let max_age = max_age_s.map_or(String::new(), |s| format!("; max-age={s}"));
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; path=/; SameSite={same_site}{max_age}{secure}")
}

/// Finds `name` in a `document.cookie` string.
fn find_cookie(all: &str, name: &str) -> Option<String> {
    all.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_suffix_matches_clerkjs_for_a_known_key() {
        // Computed independently: urlsafe_b64encode(sha1(key))[:8].
        assert_eq!(cookie_suffix("pk_test_MTI3LjAuMC4xOjQwMDAk"), "X-99I1TU");
        assert_eq!(cookie_suffix("pk_live_15"), "7LOURH_R");
    }

    #[test]
    fn the_cookie_suffix_is_sha1_of_the_standard_test_vectors() {
        // The FIPS 180 vectors and the padding's edges (the length still fits the data's
        // block at 55 bytes; a block of padding alone follows 64), as the first 8 characters
        // of urlsafe_b64encode(sha1(input)), each computed independently.
        let a55 = "a".repeat(55);
        let a64 = "a".repeat(64);
        for (input, suffix) in [
            ("abc", "qZk-NkcG"), // a9993e36 4706...
            ("", "2jmj7l5r"),    // da39a3ee 5e6b...
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "hJg-RBw7", // 84983e44 1c3b...
            ),
            (a55.as_str(), "wci73CJ5"), // c1c8bbdc 2279...
            (a64.as_str(), "AJi6gktc"), // 0098ba82 4b5c...
        ] {
            assert_eq!(cookie_suffix(input), suffix, "{input:?}");
        }
    }

    #[test]
    fn sextets_use_the_url_safe_alphabet() {
        let all: String = (0..64).map(base64_url_char).collect();
        assert_eq!(
            all,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        );
    }

    #[test]
    fn a_cookie_string_is_secure_only_on_https_pages() {
        assert_eq!(
            cookie_string(
                "__client_uat",
                "0",
                SameSite::Strict,
                Some(31_536_000),
                false
            ),
            "__client_uat=0; path=/; SameSite=Strict; max-age=31536000"
        );
        assert_eq!(
            cookie_string("__session", "", SameSite::Lax, Some(0), true),
            "__session=; path=/; SameSite=Lax; max-age=0; Secure"
        );
        assert_eq!(
            cookie_string(
                "clerk_active_context",
                "sess_1:",
                SameSite::Lax,
                None,
                false
            ),
            "clerk_active_context=sess_1:; path=/; SameSite=Lax"
        );
    }

    #[test]
    fn a_cookie_is_found_by_exact_name_only() {
        let all = "__session_X=1; __session=tok; a=b=c";
        assert_eq!(find_cookie(all, "__session").as_deref(), Some("tok"));
        assert_eq!(find_cookie(all, "a").as_deref(), Some("b=c"));
        assert_eq!(find_cookie(all, "__sess"), None);
    }
}
