//! Where requests go: the Frontend API base URL from the key, `proxyUrl` and `domain`.

use crate::config::base_url;
use crate::{ClerkError, InstanceType, PublishableKey};

/// Options given when constructing [`crate::Clerk`] (JS: `new Clerk(key, { proxyUrl, domain })`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClerkOptions {
    /// Send every request to `<proxy_url>/v1/...` instead of the key's host. Absolute, or a
    /// path relative to the page origin (e.g. `/__clerk`).
    pub proxy_url: Option<String>,
    /// Satellite domain: on production instances requests go to `clerk.<domain>`.
    pub domain: Option<String>,
}

/// Computes the base URL (without `/v1`) every request path is appended to.
///
/// `page_origin` (e.g. `https://app.example.com`) resolves a relative `proxy_url`.
///
/// ```
/// use clerk_wasm::{fapi_base_url, ClerkOptions, PublishableKey};
/// let key = PublishableKey::parse("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k").unwrap();
/// let opts = ClerkOptions { proxy_url: Some("/__clerk/".into()), domain: None };
/// assert_eq!(
///     fapi_base_url(&key, &opts, "https://app.test").unwrap(),
///     "https://app.test/__clerk"
/// );
/// ```
///
/// # Errors
/// [`ClerkError::InvalidOption`] when `proxy_url` is neither absolute http(s) nor a path, or
/// when it is relative and there is no page origin.
pub fn fapi_base_url(
    key: &PublishableKey,
    options: &ClerkOptions,
    page_origin: &str,
) -> Result<String, ClerkError> {
    if let Some(proxy) = options.proxy_url.as_deref().filter(|p| !p.is_empty()) {
        let invalid = |reason| ClerkError::InvalidOption {
            name: "proxyUrl",
            reason,
        };
        let proxy = proxy.trim_end_matches('/');
        if proxy.starts_with("https://") || proxy.starts_with("http://") {
            return Ok(proxy.to_owned());
        }
        if proxy.starts_with('/') && !proxy.starts_with("//") {
            if page_origin.is_empty() || page_origin == "null" {
                return Err(invalid("a relative proxy URL needs a page origin"));
            }
            return Ok([page_origin.trim_end_matches('/'), proxy].concat());
        }
        return Err(invalid(
            "it must be an absolute http(s) URL or a path starting with /",
        ));
    }
    if key.instance_type() == InstanceType::Production {
        if let Some(domain) = options
            .domain
            .as_deref()
            .map(strip_scheme)
            .filter(|d| !d.is_empty())
        {
            let host = if domain.starts_with("clerk.") {
                domain.to_owned()
            } else {
                ["clerk.", domain].concat()
            };
            return Ok(base_url(&host));
        }
    }
    Ok(key.fapi_base_url())
}

fn strip_scheme(url: &str) -> &str {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    rest.split('/').next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> PublishableKey {
        PublishableKey::parse(k).unwrap()
    }

    const LIVE: &str = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"; // clerk.example.com
    const LOCAL: &str = "pk_test_MTI3LjAuMC4xOjQwMDAk"; // 127.0.0.1:4000

    #[test]
    fn without_options_requests_go_to_the_key_host() {
        let none = ClerkOptions::default();
        assert_eq!(
            fapi_base_url(&key(LIVE), &none, "").unwrap(),
            "https://clerk.example.com"
        );
        assert_eq!(
            fapi_base_url(&key(LOCAL), &none, "").unwrap(),
            "http://127.0.0.1:4000"
        );
    }

    #[test]
    fn a_proxy_url_replaces_the_host_absolute_or_relative_to_the_page() {
        let abs = ClerkOptions {
            proxy_url: Some("https://proxy.test/clerk/".into()),
            domain: Some("ignored.test".into()),
        };
        assert_eq!(
            fapi_base_url(&key(LIVE), &abs, "").unwrap(),
            "https://proxy.test/clerk"
        );
        let rel = ClerkOptions {
            proxy_url: Some("/__clerk".into()),
            domain: None,
        };
        assert_eq!(
            fapi_base_url(&key(LIVE), &rel, "http://localhost:3000").unwrap(),
            "http://localhost:3000/__clerk"
        );
    }

    #[test]
    fn unusable_proxy_urls_are_rejected_with_a_stable_code() {
        for (proxy, origin) in [
            ("javascript:alert(1)", "https://a.test"),
            ("//evil.test", "https://a.test"),
            ("/__clerk", ""),
        ] {
            let opts = ClerkOptions {
                proxy_url: Some(proxy.into()),
                domain: None,
            };
            let err = fapi_base_url(&key(LIVE), &opts, origin).unwrap_err();
            assert_eq!(err.code(), "invalid_option", "{proxy}");
        }
    }

    #[test]
    fn a_satellite_domain_gets_the_clerk_prefix_in_production_only() {
        let opts = ClerkOptions {
            proxy_url: None,
            domain: Some("https://satellite.test".into()),
        };
        assert_eq!(
            fapi_base_url(&key(LIVE), &opts, "").unwrap(),
            "https://clerk.satellite.test"
        );
        assert_eq!(
            fapi_base_url(&key(LOCAL), &opts, "").unwrap(),
            "http://127.0.0.1:4000"
        );
    }
}
