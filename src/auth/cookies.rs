//! The cookies the SDK writes on the page's domain (PROTOCOL.md §8).

use super::sha1::{base64_url_char, sha1};
use crate::decimal::decimal;

/// The suffix ClerkJS appends to its cookie twins: the first 8 characters of the URL-safe
/// base64 of SHA-1(publishable key).
pub(crate) fn cookie_suffix(publishable_key: &str) -> String {
    // 8 base64 characters encode exactly the digest's first 6 bytes: its first 48 bits.
    let [a, b, ..] = sha1(publishable_key.as_bytes());
    let bits = (u64::from(a) << 16) | u64::from(b >> 16);
    (0..8)
        .rev()
        .map(|i| base64_url_char(bits >> (6 * i)))
        .collect()
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
        let all = crate::host::cookies();
        let suffixed = [name, "_", &self.suffix].concat();
        find_cookie(&all, &suffixed).or_else(|| find_cookie(&all, name))
    }

    /// Writes `name` and its suffixed twin, path `/`, for `max_age_s` seconds.
    pub(crate) fn set(&self, name: &str, value: &str, max_age_s: u32) {
        let twin = [name, "_", &self.suffix].concat();
        for n in [name, &twin] {
            write(&cookie_string(n, value, max_age_s));
        }
    }

    /// Removes `name` and its suffixed twin (an empty value expiring at once).
    pub(crate) fn remove(&self, name: &str) {
        self.set(name, "", 0);
    }
}

fn write(cookie: &str) {
    // `host::set_cookie` adds `Secure` on https pages so the cookie never leaks over plain
    // http.
    crate::host::set_cookie(cookie);
}

/// `name=value; path=/; SameSite=Lax; max-age=N`; `0` expires it now.
pub(crate) fn cookie_string(name: &str, value: &str, max_age_s: u32) -> String {
    let max_age = decimal(u64::from(max_age_s));
    [
        name,
        "=",
        value,
        "; path=/; SameSite=Lax; max-age=",
        &max_age,
    ]
    .concat()
}

/// Finds `name` in a `document.cookie` string.
pub(crate) fn find_cookie(all: &str, name: &str) -> Option<String> {
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
    }

    #[test]
    fn a_cookie_is_found_by_exact_name_only() {
        let all = "__session_X=1; __session=tok; a=b=c";
        assert_eq!(find_cookie(all, "__session").as_deref(), Some("tok"));
        assert_eq!(find_cookie(all, "a").as_deref(), Some("b=c"));
        assert_eq!(find_cookie(all, "__sess"), None);
    }
}
