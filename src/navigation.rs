//! Redirect targets and navigation: the protocol allow-list, relative URLs and `routerPush`;
//! the address bar (`location.assign`, a query parameter taken out of the URL).

use wasm_bindgen::JsValue;

/// How to reach a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Navigation {
    /// Same origin: hand the path to the app's router (`routerPush`) when it has one.
    Push(String),
    /// Another origin, or no router: `location.assign`.
    Assign(String),
}

/// The scheme of an absolute URL (lowercase, without `:`), `None` for relative URLs.
///
/// Tabs and newlines are dropped and leading controls/spaces trimmed first, as the URL parser
/// of browsers does, so `"java\nscript:"` is seen as `javascript:`.
pub(crate) fn scheme_of(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| scheme.to_ascii_lowercase())
}

/// Schemes that run script or render attacker-chosen documents in the page's context: never
/// navigated to, whatever `allowedRedirectProtocols` says (PROTOCOL.md §7).
const DANGEROUS_SCHEMES: [&str; 3] = ["javascript", "data", "vbscript"];

/// Whether `url` may be navigated to: relative, `http:`, `https:`, or a protocol of
/// `allowed` (given with or without the trailing `:`), except the [`DANGEROUS_SCHEMES`].
pub(crate) fn is_allowed(url: &str, allowed: &[String]) -> bool {
    match scheme_of(url) {
        // Relative and protocol-relative URLs keep the page's own (http/https) protocol.
        None => true,
        Some(s) if DANGEROUS_SCHEMES.contains(&s.as_str()) => false,
        Some(s) => {
            s == "http"
                || s == "https"
                || allowed
                    .iter()
                    .any(|a| a.trim().trim_end_matches(':').eq_ignore_ascii_case(&s))
        }
    }
}

/// The sign-out redirect target (PROTOCOL.md §7): `redirect_url`, else `after_sign_out_url`,
/// else `/`; a target with a disallowed protocol falls back to `/`.
pub(crate) fn sign_out_target(
    redirect_url: Option<&str>,
    after_sign_out_url: Option<&str>,
    allowed: &[String],
) -> String {
    let target = redirect_url
        .filter(|u| !u.trim().is_empty())
        .or(after_sign_out_url.filter(|u| !u.trim().is_empty()))
        .unwrap_or("/");
    allowed_or_root(target, allowed)
}

/// `target` if allowed, else `/`.
pub(crate) fn allowed_or_root(target: &str, allowed: &[String]) -> String {
    if is_allowed(target, allowed) {
        target.trim().to_owned()
    } else {
        "/".to_owned()
    }
}

/// Decides how to go to `target` from a page at `page_origin` (e.g. `https://app.test`).
/// Same-origin targets are pushed as a path when the app has a router.
pub(crate) fn plan(target: &str, page_origin: &str, has_router: bool) -> Navigation {
    if !has_router {
        return Navigation::Assign(target.to_owned());
    }
    if scheme_of(target).is_none() && !target.starts_with("//") {
        return Navigation::Push(target.to_owned());
    }
    match target.strip_prefix(page_origin) {
        Some(rest)
            if !page_origin.is_empty()
                && (rest.is_empty() || rest.starts_with(['/', '?', '#'])) =>
        {
            let path = if rest.is_empty() { "/" } else { rest };
            Navigation::Push(path.to_owned())
        }
        _ => Navigation::Assign(target.to_owned()),
    }
}

/// `location.assign(url)`. Nothing happens without a window; the browser's refusal (a URL it
/// cannot parse) is ignored like the navigation a click on such a link would not make.
pub(crate) fn assign(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Removes query parameter `name` from the address bar and returns its value, `None` when the
/// page URL has none. The history entry is replaced (`history.replaceState`, keeping its
/// state), not added: the value is kept out of the history, the back button and referrers.
pub(crate) fn take_query_param(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let url = web_sys::Url::new(&window.location().href().ok()?).ok()?;
    let params = url.search_params();
    let value = params.get(name)?;
    params.delete(name);
    // A page whose history cannot be replaced (a sandboxed frame) still gets the value.
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_redirect_url_wins_then_after_sign_out_url_then_root() {
        let none: &[String] = &[];
        assert_eq!(sign_out_target(Some("/bye"), Some("/after"), none), "/bye");
        assert_eq!(
            sign_out_target(None, Some("https://a.test/after"), none),
            "https://a.test/after"
        );
        assert_eq!(sign_out_target(Some(""), None, none), "/");
        assert_eq!(sign_out_target(None, None, none), "/");
    }

    #[test]
    fn dangerous_protocols_fall_back_to_root_even_when_disguised() {
        let none: &[String] = &[];
        for url in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html,<b>",
            "vbscript:x",
        ] {
            assert_eq!(sign_out_target(Some(url), None, none), "/", "{url:?}");
        }
    }

    #[test]
    fn dangerous_protocols_are_refused_even_when_allowed() {
        let allowed: Vec<String> = ["javascript:", "DATA", " vbscript: ", "myapp"]
            .map(String::from)
            .to_vec();
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "\u{0} \u{1f}javascript:x",
            "jav\ta\rscr\nipt:x",
            "data:text/html,<b>",
            "Data:x",
            "vbscript:x",
            " VBScript:x",
        ] {
            assert!(!is_allowed(url, &allowed), "{url:?}");
            assert_eq!(sign_out_target(Some(url), None, &allowed), "/", "{url:?}");
        }
        assert!(is_allowed("myapp://x", &allowed));
    }

    #[test]
    fn allowed_redirect_protocols_extend_http_and_https() {
        let allowed = vec!["myapp:".to_owned(), "electron".to_owned()];
        assert_eq!(
            sign_out_target(Some("myapp://home"), None, &allowed),
            "myapp://home"
        );
        assert_eq!(
            sign_out_target(Some("electron://x"), None, &allowed),
            "electron://x"
        );
        assert_eq!(sign_out_target(Some("other://x"), None, &allowed), "/");
    }

    #[test]
    fn relative_urls_are_kept() {
        let none: &[String] = &[];
        for url in ["/sign-in#/choose", "page.html", "?x=1", "#top", "a/b:c"] {
            assert_eq!(sign_out_target(Some(url), None, none), url);
        }
    }

    #[test]
    fn same_origin_targets_are_pushed_to_the_router_and_others_assigned() {
        let o = "http://127.0.0.1:4000";
        assert_eq!(plan("/a", o, true), Navigation::Push("/a".into()));
        assert_eq!(
            plan("http://127.0.0.1:4000/b?c", o, true),
            Navigation::Push("/b?c".into())
        );
        assert_eq!(
            plan("http://127.0.0.1:4000", o, true),
            Navigation::Push("/".into())
        );
        assert_eq!(
            plan("http://127.0.0.1:40001/x", o, true),
            Navigation::Assign("http://127.0.0.1:40001/x".into())
        );
        assert_eq!(
            plan("https://other.test/", o, true),
            Navigation::Assign("https://other.test/".into())
        );
        assert_eq!(plan("/a", o, false), Navigation::Assign("/a".into()));
    }
}

/// The address bar in headless Chromium.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    #![allow(clippy::unwrap_used)]

    use super::take_query_param;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_query_parameter_is_taken_out_of_the_address_bar_in_place() {
        let window = web_sys::window().unwrap();
        let (location, history) = (window.location(), window.history().unwrap());
        let original = location.href().unwrap();
        let url = web_sys::Url::new(&original).unwrap();
        url.search_params().set("a", "1");
        url.search_params().set("__clerk_db_jwt", "dvb_1 x");
        url.search_params().set("b", "2");
        url.set_hash("#frag");
        let state = JsValue::from("the app's state");
        history
            .replace_state_with_url(&state, "", Some(&url.href()))
            .unwrap();
        let entries = history.length().unwrap();

        let taken = take_query_param("__clerk_db_jwt");
        let (href, kept, again) = (
            location.href().unwrap(),
            history.state().unwrap(),
            take_query_param("__clerk_db_jwt"),
        );
        let after = history.length().unwrap();
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&original))
            .unwrap();

        assert_eq!(taken.as_deref(), Some("dvb_1 x"));
        assert!(href.ends_with("a=1&b=2#frag"), "{href}");
        assert_eq!(kept, state, "the history entry's state is kept");
        assert_eq!(after, entries, "replaced, not pushed");
        assert_eq!(again, None);
    }
}
