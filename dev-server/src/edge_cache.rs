//! A CDN edge's cache of compressed files: each file is compressed once per encoding at
//! the best level (brotli 11, gzip 9) and served from memory until it changes, instead of
//! compressed again, and worse, on every request.
//!
//! The key is the path and `Content-Encoding`; an entry holds the file's `ETag` (which
//! changes with the file), so a rebuilt file is compressed afresh. The file service still
//! runs for every request (it checks the file and sets the headers), but the compressed
//! body it would stream is dropped unread on a hit, and compression happens only as a
//! body is read.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

/// Entries kept at most (paths × encodings); past it the cache starts over.
const CAPACITY: usize = 64;

type Key = (String, HeaderValue);

/// The cache, shared by the `www/` and `dist/` services.
#[derive(Debug, Clone, Default)]
pub struct EdgeCache {
    entries: Arc<Mutex<HashMap<Key, (HeaderValue, Bytes)>>>,
}

impl EdgeCache {
    fn get(&self, key: &Key, etag: &HeaderValue) -> Option<Bytes> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key)
            .filter(|(tag, _)| tag == etag)
            .map(|(_, bytes)| bytes.clone())
    }

    fn put(&self, key: Key, etag: HeaderValue, bytes: Bytes) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY && !entries.contains_key(&key) {
            entries.clear();
        }
        entries.insert(key, (etag, bytes));
    }
}

/// The middleware, outside the compression layer.
pub async fn serve(State(cache): State<EdgeCache>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let head = req.method() == Method::HEAD;
    let response = next.run(req).await;
    let headers = response.headers();
    let (Some(encoding), Some(etag)) = (
        headers.get(header::CONTENT_ENCODING).cloned(),
        headers.get(header::ETAG).cloned(),
    ) else {
        return response;
    };
    if response.status() != StatusCode::OK {
        return response;
    }
    let key = (path, encoding);
    let (parts, body) = response.into_parts();
    if let Some(bytes) = cache.get(&key, &etag) {
        return Response::from_parts(parts, Body::from(bytes));
    }
    if head {
        return Response::from_parts(parts, body);
    }
    match body.collect().await {
        Ok(collected) => {
            let bytes = collected.to_bytes();
            cache.put(key, etag, bytes.clone());
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
