//! Pure pieces of the wire protocol: URLs, query strings, form bodies, envelopes, errors.

use crate::error::{ApiError, ApiErrorItem, ApiErrorMeta};
use crate::json::Json;
use crate::resources::Client;

/// The FAPI version this SDK speaks (PROTOCOL.md §2).
pub(crate) const API_VERSION: &str = "2026-05-12";

/// An HTTP verb as the SDK means it; only GET and POST go on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    /// The verb sent on the wire: anything but GET becomes POST (no CORS preflight).
    pub(crate) fn wire(self) -> &'static str {
        match self {
            Self::Get => "GET",
            _ => "POST",
        }
    }

    /// The `_method` query value, for verbs the wire cannot carry.
    fn override_name(self) -> Option<&'static str> {
        match self {
            Self::Delete => Some("DELETE"),
            _ => None,
        }
    }
}

/// Builds `<base>/v1<path>?__clerk_api_version=..&_clerk_js_version=..[&_method=..][&__clerk_db_jwt=..]`.
/// Written straight into one string (the keys need no encoding): a list of pairs serialized
/// by a general form encoder cost a vector and a loop over it in the wasm.
pub(crate) fn request_url(base: &str, path: &str, method: Method, db_jwt: Option<&str>) -> String {
    let mut url = [
        base.trim_end_matches('/'),
        "/v1",
        path,
        "?__clerk_api_version=",
        API_VERSION,
        "&_clerk_js_version=",
    ]
    .concat();
    encode_component(crate::VERSION, &mut url);
    if let Some(name) = method.override_name() {
        url.push_str("&_method=");
        url.push_str(name);
    }
    if let Some(jwt) = db_jwt {
        url.push_str("&__clerk_db_jwt=");
        encode_component(jwt, &mut url);
    }
    url
}

/// Appends `text` `application/x-www-form-urlencoded` (spaces as `+`).
fn encode_component(text: &str, out: &mut String) {
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(hex_digit(byte >> 4));
                out.push(hex_digit(byte & 15));
            }
        }
    }
}

fn hex_digit(nibble: u8) -> char {
    char::from(if nibble < 10 {
        b'0' + nibble
    } else {
        b'A' + nibble - 10
    })
}

/// `{ "response": <resource> | null, "client": Client | null }`, each read only by the
/// callers that use it (read eagerly, the client was parsed even where only the response
/// mattered, and the struct cost its own drop glue).
#[derive(Debug)]
pub(crate) struct Envelope(pub(crate) Json);

impl Envelope {
    pub(crate) fn response(&self) -> Option<Json> {
        self.0.get("response").filter(Json::is_object)
    }

    pub(crate) fn client(&self) -> Option<Client> {
        self.0.obj("client", Client::read)
    }
}

/// The body of an HTTP error answer.
#[derive(Debug, Default)]
pub(crate) struct ErrorBody {
    pub(crate) errors: Vec<ApiErrorItem>,
    pub(crate) clerk_trace_id: Option<String>,
}

impl ErrorBody {
    pub(crate) fn read(j: &Json) -> Self {
        let errors = j
            .items("errors")
            .iter()
            .map(|e| ApiErrorItem {
                code: e.str("code"),
                message: e.str("message"),
                long_message: e.opt_str("long_message"),
                meta: e.obj("meta", |m| ApiErrorMeta {
                    param_name: m.opt_str("param_name"),
                }),
            })
            .collect();
        Self {
            errors,
            clerk_trace_id: j.opt_str("clerk_trace_id"),
        }
    }
}

/// The error for an HTTP error answer; `body` is `None` when it was not FAPI JSON.
pub(crate) fn api_error(
    status: u16,
    body: Option<ErrorBody>,
    retry_after: Option<&str>,
) -> ApiError {
    let body = body.unwrap_or_default();
    ApiError {
        status,
        errors: body.errors,
        clerk_trace_id: body.clerk_trace_id,
        retry_after: retry_after.and_then(parse_retry_after),
    }
}

/// `Retry-After` in delta-seconds (the HTTP-date form is not used by FAPI).
pub(crate) fn parse_retry_after(value: &str) -> Option<u32> {
    crate::decimal::parse_decimal(value.trim())
}

/// Backoff before the GET retry number `attempt` (1-based): 200 ms, 600 ms.
pub(crate) fn retry_delay_ms(attempt: u32) -> Option<i32> {
    match attempt {
        1 => Some(200),
        2 => Some(600),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_the_api_version_the_sdk_version_and_the_method_override() {
        let url = request_url(
            "http://127.0.0.1:4000/",
            "/client/sessions",
            Method::Delete,
            None,
        );
        assert_eq!(
            url,
            format!(
                "http://127.0.0.1:4000/v1/client/sessions?__clerk_api_version=2026-05-12&_clerk_js_version={}&_method=DELETE",
                crate::VERSION
            )
        );
        assert_eq!(Method::Delete.wire(), "POST");
        let get = request_url(
            "https://p.test/clerk",
            "/client",
            Method::Get,
            Some("a b+c/="),
        );
        assert!(get.starts_with("https://p.test/clerk/v1/client?"), "{get}");
        assert!(get.ends_with("&__clerk_db_jwt=a+b%2Bc%2F%3D"), "{get}");
        assert!(!get.contains("_method"));
    }

    #[test]
    fn query_values_are_form_url_encoded() {
        for (value, encoded) in [
            ("ada@example.test", "ada%40example.test"),
            ("Émile & co", "%C3%89mile+%26+co"),
            ("select_session-1.*", "select_session-1.*"),
        ] {
            let mut out = String::new();
            encode_component(value, &mut out);
            assert_eq!(out, encoded);
        }
    }

    #[test]
    fn an_error_without_a_parsable_body_keeps_its_status_and_ignores_an_http_date() {
        let body = ErrorBody {
            errors: vec![ApiErrorItem {
                code: "too_many_requests".into(),
                ..ApiErrorItem::default()
            }],
            clerk_trace_id: Some("trace_9".into()),
        };
        let err = api_error(429, Some(body), Some(" 30 "));
        assert_eq!(
            (err.code(), err.retry_after),
            ("too_many_requests", Some(30))
        );
        assert_eq!(err.clerk_trace_id.as_deref(), Some("trace_9"));
        let html = api_error(502, None, Some("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(
            (html.code(), html.retry_after),
            ("api_response_error", None)
        );
    }

    #[test]
    fn only_two_gets_retries_are_scheduled_with_growing_delays() {
        assert_eq!(
            (retry_delay_ms(1), retry_delay_ms(2), retry_delay_ms(3)),
            (Some(200), Some(600), None)
        );
    }
}
