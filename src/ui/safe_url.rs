//! Which URLs the user button will put into the page. Avatar URLs and link targets come from
//! the server and from props; a `javascript:` link or a `data:text/html` image must never
//! reach an attribute, so both are checked against an allow-list before use.

use crate::config::is_loopback;

/// An avatar image URL is used only when it is `https:`, `http:` on a loopback host (the
/// development server), or a `data:image/` URL. Anything else falls back to initials.
pub(crate) fn safe_image_url(url: &str) -> Option<&str> {
    if has_hidden_characters(url) {
        return None;
    }
    // What follows `prefix`, when `url` starts with it in any case (schemes are
    // case-insensitive). Compared in place: no lowercased copy, no split.
    let after = |prefix: &str| {
        let head = url.get(..prefix.len())?;
        head.eq_ignore_ascii_case(prefix)
            .then(|| url.get(prefix.len()..))
            .flatten()
    };
    let ok = if let Some(rest) = after("https://") {
        !rest.is_empty()
    } else if let Some(rest) = after("http://") {
        is_loopback(authority_host(rest))
    } else {
        after("data:image/").is_some()
    };
    ok.then_some(url)
}

/// A link target is used only when it is an absolute `http:`/`https:` URL or a relative URL
/// (no scheme), which the browser resolves against the page's own origin. The scheme is read
/// by the core's navigation rule, which parses it as browsers do (so `/a:b` and `?x=1:2`
/// are relative).
pub(crate) fn safe_link_url(url: &str) -> Option<&str> {
    if url.is_empty() || has_hidden_characters(url) {
        return None;
    }
    match crate::navigation::scheme_of(url).as_deref() {
        None | Some("http" | "https") => Some(url),
        Some(_) => None,
    }
}

/// The host (and port) of `//host:port/path` after the slashes. Userinfo is kept in, so
/// `127.0.0.1@evil.test` is not mistaken for a loopback host.
fn authority_host(after_slashes: &str) -> &str {
    let end = after_slashes
        .find(['/', '?', '#', '\\'])
        .unwrap_or(after_slashes.len());
    after_slashes.get(..end).unwrap_or_default()
}

/// Browsers strip leading/trailing control characters and spaces and drop tabs and newlines
/// anywhere in a URL, so `" java\tscript:"` still runs script; such URLs are refused outright.
fn has_hidden_characters(url: &str) -> bool {
    url.chars().any(|c| c.is_control() || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_loopback_http_and_data_images_are_used_for_avatars() {
        for url in [
            "https://img.clerk.com/a.png",
            "HTTPS://img.example.test/x",
            "http://127.0.0.1:4000/__avatars/ada.svg",
            "http://localhost/a.png",
            "http://[::1]:8080/a.png",
            "data:image/png;base64,iVBORw0KGgo=",
        ] {
            assert_eq!(safe_image_url(url), Some(url), "{url}");
        }
    }

    #[test]
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
            "https:",
            "//img.example.test/a.png",
            "/relative.png",
            "vbscript:msgbox",
            "",
        ] {
            assert_eq!(safe_image_url(url), None, "{url}");
        }
    }

    #[test]
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
            assert_eq!(safe_link_url(url), Some(url), "{url}");
        }
    }

    #[test]
    fn script_and_data_links_are_refused() {
        for url in [
            "javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,hi",
            "mailto:x@example.test",
            "",
        ] {
            assert_eq!(safe_link_url(url), None, "{url:?}");
        }
    }
}
