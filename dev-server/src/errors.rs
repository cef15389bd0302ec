//! FAPI-shaped errors: `{ "errors": [{ code, message, long_message, meta? }], "clerk_trace_id" }`.
//!
//! Every failure the emulator answers goes through [`ApiError`], so the SDK always sees the
//! same envelope it would get from Clerk (its error type keys on `code`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

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

    /// The JSON body.
    pub fn body(&self) -> Value {
        let mut error = json!({
            "code": self.code,
            "message": self.message,
            "long_message": self.long_message,
        });
        if let (Some(name), Some(obj)) = (&self.param_name, error.as_object_mut()) {
            obj.insert("meta".to_owned(), json!({ "param_name": name }));
        }
        json!({ "errors": [error], "clerk_trace_id": trace_id() })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &self.body())
    }
}

/// A JSON response with the given status. Never cached: like FAPI's answers, each one
/// describes state that the next request may change.
pub fn json_response(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A trace id per error, so logs and SDK errors can be matched like Clerk's.
fn trace_id() -> String {
    crate::ids::random_token(32).to_lowercase()
}
