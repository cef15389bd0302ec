//! An answer read: a 2xx body as its typed value, anything else as its typed error.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::fetch::Reply;
use super::wire;
use crate::error::{ApiError, ApiErrorItem, ApiErrorMeta};
use crate::ClerkError;

/// A 2xx answer read as `T`; any other, its typed error.
pub(crate) fn answer<T: DeserializeOwned>(reply: Reply) -> Result<T, ClerkError> {
    if reply.status >= 400 {
        return Err(error_from(&reply));
    }
    let status = reply.status;
    let json = reply
        .body
        .map_err(|reason| ClerkError::InvalidResponse { status, reason })?;
    wire::read(json, status)
}

pub(crate) fn is_dev_browser_refusal(reply: &Reply) -> bool {
    reply.status == 401
        && error_from(reply)
            .api()
            .is_some_and(ApiError::is_dev_browser_unauthenticated)
}

/// The typed error of a 4xx/5xx answer, whatever its body (a proxy's HTML page, truncated
/// JSON: then only the status and `Retry-After`).
pub(crate) fn error_from(reply: &Reply) -> ClerkError {
    let body: wire::ErrorBody = reply
        .body
        .as_ref()
        .ok()
        .and_then(|json| wire::read(json.clone(), reply.status).ok())
        .unwrap_or_default();
    ClerkError::Api(Arc::new(ApiError {
        status: reply.status,
        errors: body
            .errors
            .unwrap_or_default()
            .into_iter()
            .map(ApiErrorItem::from)
            .collect(),
        clerk_trace_id: body.clerk_trace_id,
        retry_after: reply
            .retry_after
            .as_deref()
            .and_then(wire::parse_retry_after),
    }))
}

impl From<wire::ErrorItem> for ApiErrorItem {
    fn from(item: wire::ErrorItem) -> Self {
        Self {
            code: item.code.unwrap_or_default(),
            message: item.message.unwrap_or_default(),
            long_message: item.long_message,
            meta: item.meta.map(|meta| ApiErrorMeta {
                param_name: meta.param_name,
            }),
        }
    }
}
