//! FAPI-shaped errors: `{ "errors": [{ code, message, long_message, meta? }], "clerk_trace_id" }`.
//!
//! Every failure the emulator answers goes through [`ApiError`], so the SDK always sees the
//! same envelope it would get from Clerk (its error type keys on `code`). Errors produced
//! below the handlers (axum's extractor rejections, the static file service's misses,
//! hyper-level limits checked in [`crate::guard`]) are reshaped into it by
//! [`ApiError::transport`].

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One FAPI error answer: an HTTP status and the single error it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The stable machine-readable code (`resource_not_found`, `form_password_incorrect`, ...).
    pub code: String,
    /// Short developer message.
    pub message: String,
    /// Sentence for end users.
    pub long_message: String,
    /// The form parameter at fault, reported as `meta.param_name` like FAPI does.
    pub param_name: Option<String>,
}

/// The wire shape of an error answer.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// Always exactly one error here.
    pub errors: [ErrorItem<'a>; 1],
    /// A trace id per error, so logs and SDK errors can be matched like Clerk's.
    pub clerk_trace_id: String,
}

/// One entry of `errors`.
#[derive(Debug, Serialize)]
pub struct ErrorItem<'a> {
    /// See [`ApiError::code`].
    pub code: &'a str,
    /// See [`ApiError::message`].
    pub message: &'a str,
    /// See [`ApiError::long_message`].
    pub long_message: &'a str,
    /// `{param_name}` when a form field is at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<ErrorMeta<'a>>,
}

/// `meta` of an error entry.
#[derive(Debug, Serialize)]
pub struct ErrorMeta<'a> {
    /// The form field at fault.
    pub param_name: &'a str,
}

impl ApiError {
    /// An error with the given status, code and messages.
    pub fn new(status: StatusCode, code: &str, message: &str, long_message: &str) -> Self {
        ApiError {
            status,
            code: code.to_owned(),
            message: message.to_owned(),
            long_message: long_message.to_owned(),
            param_name: None,
        }
    }

    /// Attaches `meta.param_name`.
    pub fn param(mut self, name: &str) -> Self {
        self.param_name = Some(name.to_owned());
        self
    }

    /// 404 `resource_not_found`: unknown routes, and ids that are not the caller's.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "resource_not_found",
            "not found",
            "The requested resource was not found.",
        )
    }

    /// 400 for a request the server cannot read (bad `_method`, malformed form body).
    pub fn bad_request(code: &str, long_message: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, "bad request", long_message)
    }

    /// 422 for a form field whose value the spec does not allow.
    pub fn invalid_param(param: &str, long_message: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "form_param_value_invalid",
            &format!("{param} is invalid"),
            long_message,
        )
        .param(param)
    }

    /// The error for a status produced below the handlers (routing, static files,
    /// transport limits), with the code FAPI would use for it.
    pub fn transport(status: StatusCode) -> Self {
        let (code, long) = match status.as_u16() {
            400 => ("bad_request", "The request could not be read."),
            404 => (
                "resource_not_found",
                "The requested resource was not found.",
            ),
            405 => (
                "method_not_allowed",
                "This resource does not accept that method.",
            ),
            408 => (
                "request_timeout",
                "The request body did not arrive in time.",
            ),
            413 => (
                "request_body_too_large",
                "The request body is larger than this server accepts.",
            ),
            414 => (
                "request_uri_too_long",
                "The request URL is longer than this server accepts.",
            ),
            431 => (
                "request_header_fields_too_large",
                "The request headers are larger than this server accepts.",
            ),
            _ if status.is_server_error() => {
                ("internal_clerk_error", "The server could not answer.")
            }
            _ => ("unexpected_error", "The request could not be completed."),
        };
        let message = status.canonical_reason().unwrap_or("error").to_lowercase();
        Self::new(status, code, &message, long)
    }

    /// The error a fault answers with when only a status was given: the code FAPI uses
    /// for that status, so the SDK's error mapping is exercised with realistic input.
    pub fn for_status(status: StatusCode, code: Option<&str>) -> Self {
        let default_code = match status.as_u16() {
            400 => "bad_request",
            401 => "authentication_invalid",
            403 => "authorization_invalid",
            404 => "resource_not_found",
            409 => "conflict",
            422 => "form_param_value_invalid",
            429 => "too_many_requests",
            503 => "service_unavailable",
            _ if status.is_server_error() => "internal_clerk_error",
            _ => "unexpected_error",
        };
        let code = code.unwrap_or(default_code);
        let long = status
            .canonical_reason()
            .unwrap_or("The request could not be completed.");
        Self::new(status, code, long, &format!("{long} (injected fault)."))
    }

    /// The wire body.
    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            errors: [ErrorItem {
                code: &self.code,
                message: &self.message,
                long_message: &self.long_message,
                meta: self
                    .param_name
                    .as_deref()
                    .map(|param_name| ErrorMeta { param_name }),
            }],
            clerk_trace_id: crate::ids::random_token(32).to_lowercase(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// A JSON response with the given status. Never cached: like FAPI's answers, each one
/// describes state that the next request may change.
pub fn json_response(status: StatusCode, body: &impl Serialize) -> Response {
    json_bytes_response(status, serde_json::to_vec(body).unwrap_or_default())
}

/// [`json_response`] for a body already serialized.
pub fn json_bytes_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
