//! Reading request bodies: bounded in size and in time, so neither a huge body nor one
//! that never arrives can hold the server.

use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::http::StatusCode;

use crate::errors::ApiError;

/// The whole body, at most `limit` bytes, within `timeout`: `413` past the size,
/// `408` past the time (the connection then closes, since the rest is never read).
pub async fn read(body: Body, limit: usize, timeout: Duration) -> Result<Bytes, ApiError> {
    match tokio::time::timeout(timeout, to_bytes(body, limit)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(ApiError::transport(StatusCode::PAYLOAD_TOO_LARGE)),
        Err(_) => Err(ApiError::transport(StatusCode::REQUEST_TIMEOUT)),
    }
}
