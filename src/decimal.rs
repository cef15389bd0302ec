//! Unsigned integers as decimal text and back, without `core::fmt` or `FromStr`.
//!
//! `to_string()`/`format!` on an integer links `core::fmt`'s integer machinery
//! (`pad_integral`, per-type `Display`): ~2 KB of wasm for the few numbers the SDK writes
//! (HTTP statuses in messages, cookie max-ages, `__client_uat` seconds).

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

/// Decimal digits (nothing else: no sign, no spaces) as a number; `None` when empty or
/// above `u32::MAX`. `u32::from_str` costs ~300 bytes of wasm per integer type it is used for.
pub(crate) fn parse_decimal(digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u32, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(u32::from(digit))
    })
}

#[cfg(test)]
mod tests {
    use super::{decimal, parse_decimal};

    #[test]
    fn numbers_are_written_in_base_ten() {
        for n in [0, 7, 10, 429, 31_536_000, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn only_plain_digits_within_u32_are_read_as_numbers() {
        for n in [0, 7, 255, 429, u32::MAX] {
            assert_eq!(parse_decimal(&n.to_string()), Some(n));
        }
        for text in ["", "+1", "-1", " 1", "1a", "4294967296"] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }
}
