//! Which URLs the user button puts into the page. Avatar URLs come from the server and link
//! targets from props: a `javascript:` link or a `data:text/html` image must never reach an
//! attribute, so both are checked against an allow-list before use.

/// An avatar image URL is used only when it is `https:`, `http:` on a loopback host (the
/// development server), or a `data:image/` URL. Anything else falls back to initials.
pub(crate) fn safe_image(url: &str) -> Option<&str> {
    if has_hidden_characters(url) {
        return None;
    }
    let ok = if let Some(rest) = strip_prefix_ignore_case(url, "https://") {
        !rest.is_empty()
    } else if let Some(rest) = strip_prefix_ignore_case(url, "http://") {
        is_loopback(authority(rest))
    } else {
        strip_prefix_ignore_case(url, "data:image/").is_some()
    };
    ok.then_some(url)
}

/// A link target is used only when it is an absolute `http:`/`https:` URL or a relative URL
/// (no scheme), which the browser resolves against the page's own origin. The scheme is what
/// precedes the first `:` when every character before it is a scheme character, as browsers
/// parse it (so `/a:b` and `?x=1:2` are relative).
pub(crate) fn safe_link(url: &str) -> Option<&str> {
    if url.is_empty() || has_hidden_characters(url) {
        return None;
    }
    match scheme(url) {
        None => Some(url),
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Some(url),
        Some(_) => None,
    }
}

/// The first candidate that is a safe link.
pub(crate) fn first_link(candidates: &[Option<&str>]) -> Option<String> {
    candidates
        .iter()
        .find_map(|c| c.and_then(safe_link))
        .map(str::to_owned)
}

/// The scheme of an absolute URL, `None` for a relative one.
fn scheme(url: &str) -> Option<&str> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first_is_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_letter && rest_ok).then_some(head)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// The host and port of `host:port/path` (after `//`). Userinfo stays in, so
/// `127.0.0.1@evil.test` is no loopback host.
fn authority(after_slashes: &str) -> &str {
    let end = after_slashes
        .find(['/', '?', '#', '\\'])
        .unwrap_or(after_slashes.len());
    after_slashes.get(..end).unwrap_or_default()
}

/// `localhost`, `[::1]` or 127.0.0.0/8 in dotted decimal (each octet at most 255, leading
/// zeros allowed), with an optional port.
fn is_loopback(host_port: &str) -> bool {
    let host = match host_port.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => host_port,
    };
    if host.eq_ignore_ascii_case("localhost") || host == "[::1]" {
        return true;
    }
    let Some(rest) = host.strip_prefix("127.") else {
        return false;
    };
    let octets: Vec<&str> = rest.split('.').collect();
    octets.len() == 3 && octets.iter().all(|o| is_octet(o))
}

fn is_octet(digits: &str) -> bool {
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits.trim_start_matches('0').len() <= 3
        && digits.parse::<u16>().is_ok_and(|n| n <= 255)
}

/// Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces around it,
/// so `" java\tscript:"` still runs script: URLs holding any of them are refused outright.
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
            "http://localhost:3000/a.png",
            "http://127.1.2.3:9/a.png",
            // Octets in decimal with leading zeros: still 127.0.0.0/8.
            "http://127.000.0.1/a.png",
            "http://[::1]:8080/a.png",
            "data:image/png;base64,iVBORw0KGgo=",
        ] {
            assert_eq!(safe_image(url), Some(url), "{url}");
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
            assert_eq!(safe_link(url), Some(url), "{url}");
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
            assert_eq!(safe_link(url), None, "{url:?}");
        }
    }

    #[test]
    fn the_first_safe_target_wins() {
        let target = first_link(&[None, Some("javascript:x"), Some("/profile"), Some("/b")]);
        assert_eq!(target.as_deref(), Some("/profile"));
        assert_eq!(first_link(&[None, Some("data:x")]), None);
    }
}
