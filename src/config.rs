//! Publishable keys and the Frontend API base URL they point at.

use crate::ClerkError;

/// Whether a key belongs to a development or a production instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstanceType {
    /// `pk_test_` keys.
    Development,
    /// `pk_live_` keys.
    Production,
}

impl InstanceType {
    /// The name ClerkJS uses: `"development"` or `"production"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Development => "development",
            Self::Production => "production",
        }
    }
}

/// A parsed publishable key: `pk_test_` or `pk_live_` followed by base64 of `<fapi-host>$`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishableKey {
    key: String,
    host: String,
    instance_type: InstanceType,
}

impl PublishableKey {
    /// Parses a publishable key.
    ///
    /// ```
    /// let key = clerk_wasm::PublishableKey::parse("pk_test_MTI3LjAuMC4xOjQwMDAk").unwrap();
    /// assert_eq!(key.frontend_api(), "127.0.0.1:4000");
    /// assert_eq!(key.fapi_base_url(), "http://127.0.0.1:4000");
    /// ```
    ///
    /// # Errors
    /// [`ClerkError::InvalidPublishableKey`] when the prefix is unknown, the rest is not base64,
    /// the decoded text does not end in exactly one `$`, or the host is not an ASCII host name
    /// with a dot (or a loopback name).
    pub fn parse(key: &str) -> Result<Self, ClerkError> {
        let invalid = |reason| ClerkError::InvalidPublishableKey { reason };
        let (instance_type, encoded) = if let Some(rest) = key.strip_prefix("pk_test_") {
            (InstanceType::Development, rest)
        } else if let Some(rest) = key.strip_prefix("pk_live_") {
            (InstanceType::Production, rest)
        } else {
            return Err(invalid("it must start with pk_test_ or pk_live_"));
        };
        let decoded = decode_base64(encoded).ok_or(invalid("it is not base64"))?;
        // Text that is not UTF-8 is no host name either.
        let decoded =
            String::from_utf8(decoded).map_err(|_| invalid("it must decode to a host name"))?;
        let host = match decoded.strip_suffix('$') {
            Some(host) if !host.is_empty() && !host.contains('$') => host,
            _ => return Err(invalid("it must decode to a host followed by one $")),
        };
        let valid_chars = host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
        if !valid_chars || !(host.contains('.') || is_loopback(host)) {
            return Err(invalid("it must decode to a host name"));
        }
        Ok(Self {
            key: key.to_owned(),
            host: host.to_owned(),
            instance_type,
        })
    }

    /// The key as given.
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The Frontend API host (with port when it has one), as ClerkJS's `frontendApi`.
    pub fn frontend_api(&self) -> &str {
        &self.host
    }

    /// Development or production.
    pub fn instance_type(&self) -> InstanceType {
        self.instance_type
    }

    /// `https://<host>`, or `http://<host>` for loopback hosts so the development server works.
    pub fn fapi_base_url(&self) -> String {
        base_url(&self.host)
    }
}

/// `https://<host>`, or `http://<host>` for loopback hosts (the key's host or a satellite's).
pub(crate) fn base_url(host: &str) -> String {
    let scheme = if is_loopback(host) {
        "http://"
    } else {
        "https://"
    };
    [scheme, host].concat()
}

/// `localhost`, `127.0.0.0/8` or `[::1]`, with or without a port.
pub(crate) fn is_loopback(host_port: &str) -> bool {
    let host = if let Some(rest) = host_port.strip_prefix('[') {
        rest.split(']').next().unwrap_or_default()
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    host == "localhost"
        || host == "::1"
        || host.strip_prefix("127.").is_some_and(|rest| {
            let mut octets = 0;
            rest.split('.').all(|o| {
                octets += 1;
                crate::decimal::parse_decimal(o).is_some_and(|n| n <= 255)
            }) && octets == 3
        })
}

/// Standard or URL-safe base64, padding optional. `None` on any other byte.
pub(crate) fn decode_base64(input: &str) -> Option<Vec<u8>> {
    let input = input.trim_end_matches('=');
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for byte in input.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // A lone trailing sextet cannot encode a byte.
    (input.len() % 4 != 1).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_key_for_a_loopback_host_uses_http() {
        let key = PublishableKey::parse("pk_test_MTI3LjAuMC4xOjQwMDAk").unwrap();
        assert_eq!(key.frontend_api(), "127.0.0.1:4000");
        assert_eq!(key.instance_type(), InstanceType::Development);
        assert_eq!(key.fapi_base_url(), "http://127.0.0.1:4000");
    }

    #[test]
    fn a_live_key_uses_https_and_padding_is_optional() {
        // base64("clerk.example.com$") has no padding; "clerk.example.co$" needs one "=".
        let key = PublishableKey::parse("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k").unwrap();
        assert_eq!(key.fapi_base_url(), "https://clerk.example.com");
        let padded = PublishableKey::parse("pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ=").unwrap();
        assert_eq!(padded.frontend_api(), "clerk.example.co");
        let unpadded = PublishableKey::parse("pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ").unwrap();
        assert_eq!(
            unpadded,
            PublishableKey {
                key: "pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ".into(),
                ..padded
            }
        );
    }

    #[test]
    fn malformed_keys_are_rejected_with_a_stable_code() {
        for key in [
            "",
            "pk_test_",
            "sk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
            "pk_test_!!!!",
            "pk_test_Y2xlcmsuZXhhbXBsZS5jb20", // "clerk.example.com", no $
            "pk_test_Y2xlcmskLmV4YW1wbGUuY29tJA", // "clerk$.example.com$"
            "pk_test_bm9kb3Qk",                // "nodot$"
            "pk_test_PHNjcmlwdD4uJA",          // "<script>.$"
        ] {
            let err = PublishableKey::parse(key).unwrap_err();
            assert_eq!(err.code(), "invalid_publishable_key", "{key}");
        }
    }

    #[test]
    fn keys_decoding_to_non_ascii_hosts_or_invalid_utf8_are_rejected() {
        // base64("hé.com$") and base64(b"\xff\xfe.com$")
        for key in ["pk_live_aMOpLmNvbSQ=", "pk_live_//4uY29tJA=="] {
            let err = PublishableKey::parse(key).unwrap_err();
            assert_eq!(err.code(), "invalid_publishable_key", "{key}");
        }
    }

    #[test]
    fn loopback_hosts_are_recognised_and_lookalikes_are_not() {
        for host in [
            "localhost",
            "localhost:3000",
            "127.0.0.1",
            "127.1.2.3:9",
            "[::1]:4000",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "127.0.0.1.evil.test",
            "127.0.0.256",
            "127.0..1",
            "127.0.1",
            "localhost.evil.test",
            "128.0.0.1",
            "example.com",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
