//! The log of FAPI requests received, for tests that assert exactly what the SDK sent.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde_json::{json, Map, Value};

/// Oldest entries are dropped beyond this, so a long benchmark cannot exhaust memory.
const CAPACITY: usize = 10_000;

/// One request as received.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// The wire method.
    pub method: String,
    /// The method after `_method` override.
    pub effective_method: String,
    /// The path, without query.
    pub path: String,
    /// Query parameters in order.
    pub query: Vec<(String, String)>,
    /// Whether a `__client` cookie came with it.
    pub has_client_cookie: bool,
}

impl LogEntry {
    /// The JSON served by `GET /__dev/requests`.
    pub fn to_json(&self) -> Value {
        let query: Map<String, Value> = self
            .query
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        json!({
            "method": self.method,
            "effective_method": self.effective_method,
            "path": self.path,
            "query": query,
            "has_client_cookie": self.has_client_cookie,
        })
    }
}

/// The log.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<LogEntry>>,
}

impl RequestLog {
    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<LogEntry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a request.
    pub fn push(&self, entry: LogEntry) {
        let mut entries = self.lock();
        if entries.len() >= CAPACITY {
            entries.pop_front();
        }
        entries.push_back(entry);
    }

    /// Everything recorded, oldest first.
    pub fn snapshot(&self) -> Vec<LogEntry> {
        self.lock().iter().cloned().collect()
    }

    /// Forgets everything.
    pub fn clear(&self) {
        self.lock().clear();
    }
}
