//! Plain decimal digits as a number, as HTTP's `delta-seconds` and IPv4 octets are written.

/// Decimal digits (nothing else: no sign, no spaces) as a number; `None` when empty or
/// above `u32::MAX`. (`str::parse` alone would also take a leading `+`.)
pub(crate) fn parse_decimal(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn only_plain_digits_within_u32_are_read_as_numbers() {
        for n in [0, 7, 255, 429, u32::MAX] {
            assert_eq!(parse_decimal(&n.to_string()), Some(n));
        }
        assert_eq!(parse_decimal("007"), Some(7));
        for text in ["", "+1", "-1", " 1", "1a", "4294967296", "١"] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }
}
