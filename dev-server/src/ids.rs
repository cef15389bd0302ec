//! Identifiers and clock: Clerk-style prefixed ids and epoch-millisecond timestamps.

use std::time::{SystemTime, UNIX_EPOCH};

use rand::distributions::Alphanumeric;
use rand::Rng;

/// A random alphanumeric string of `len` characters (ids, cookies, trace ids).
pub fn random_token(len: usize) -> String {
    rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect()
}

/// A Clerk-style id: `<prefix>_` followed by 27 random characters (`sess_2x...`).
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_token(27))
}

/// Now, in epoch milliseconds: the unit of every FAPI timestamp.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
