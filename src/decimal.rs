//! Unsigned integers as decimal text, without `core::fmt`.
//!
//! `to_string()`/`format!` on an integer links `core::fmt`'s integer machinery
//! (`pad_integral`, per-type `Display`): ~2 KB of wasm for the few numbers the SDK writes
//! (HTTP statuses in messages, cookie max-ages, `__client_uat` seconds).

use crate::prelude::*;

/// `n` in base 10.
pub(crate) fn decimal(mut n: u64) -> String {
    let mut digits = Vec::with_capacity(20);
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn numbers_are_written_in_base_ten() {
        for n in [0, 7, 10, 429, 31_536_000, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }
}
