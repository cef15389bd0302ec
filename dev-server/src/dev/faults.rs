//! Injected faults: latency, forced statuses, broken bodies, dropped connections.

use std::sync::Mutex;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::errors::ApiError;
use crate::guard::AsIs;
use crate::serve::DropConnection;

/// How a faulty answer's body is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// A FAPI error body (the default).
    Json,
    /// An HTML error page, as a proxy in front of FAPI would send.
    NonJson,
    /// Truncated JSON labelled `application/json`.
    MalformedJson,
}

/// A fault as posted to `/__dev/faults`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Effective method to match; any when absent.
    pub method: Option<String>,
    /// Exact path to match.
    pub path: String,
    /// Forced status.
    pub status: Option<u16>,
    /// Error code for the FAPI error body.
    pub code: Option<String>,
    /// Body kind.
    pub body: Option<BodyKind>,
    /// Delay before answering.
    pub latency_ms: Option<u64>,
    /// Close the connection instead of answering.
    pub drop: Option<bool>,
    /// `Retry-After` header value (seconds).
    pub retry_after: Option<u32>,
    /// How many matching requests it applies to; every one when absent.
    pub times: Option<u32>,
}

impl Fault {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.path == path
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }

    /// Whether the fault is well-formed (a valid status, if any).
    pub fn validate(&self) -> Result<(), String> {
        if let Some(status) = self.status {
            if !(400..=599).contains(&status) {
                return Err(format!("status {status} is not an error status (400-599)"));
            }
        }
        if self.times == Some(0) {
            return Err("times must be at least 1 (omit it for every request)".to_owned());
        }
        if !self.path.starts_with('/') {
            return Err("path must start with /".to_owned());
        }
        Ok(())
    }

    /// Waits out the latency, then answers with the fault's response; `None` means
    /// "answer normally" (a latency-only fault).
    pub async fn apply(&self) -> Option<Response> {
        if let Some(ms) = self.latency_ms {
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        if self.drop == Some(true) {
            let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            response.extensions_mut().insert(DropConnection);
            response.extensions_mut().insert(AsIs);
            return Some(response);
        }
        if self.status.is_none() && self.body.is_none() {
            return None;
        }
        let status = self
            .status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = match self.body.unwrap_or(BodyKind::Json) {
            BodyKind::Json => ApiError::for_status(status, self.code.as_deref()).into_response(),
            BodyKind::NonJson => (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                format!(
                    "<html><head><title>{0}</title></head><body><h1>{0}</h1></body></html>",
                    status
                ),
            )
                .into_response(),
            BodyKind::MalformedJson => (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                "{\"errors\":[{\"code\":\"internal_clerk_err",
            )
                .into_response(),
        };
        // The broken bodies are the point: no layer may tidy them up.
        response.extensions_mut().insert(AsIs);
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        Some(response)
    }
}

/// The active faults, first match wins.
#[derive(Debug, Default)]
pub struct Faults {
    list: Mutex<Vec<Fault>>,
}

impl Faults {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.list.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a fault.
    pub fn add(&self, fault: Fault) {
        self.lock().push(fault);
    }

    /// Removes every fault.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The first fault matching this request, counting one use of it.
    pub fn take(&self, method: &str, path: &str) -> Option<Fault> {
        let mut list = self.lock();
        let index = list.iter().position(|f| f.matches(method, path))?;
        let fault = list.get_mut(index)?;
        let taken = fault.clone();
        match fault.times {
            Some(n) if n <= 1 => {
                list.remove(index);
            }
            Some(n) => fault.times = Some(n - 1),
            None => {}
        }
        Some(taken)
    }
}
