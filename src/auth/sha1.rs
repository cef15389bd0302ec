//! SHA-1, only to derive the cookie-name suffix ClerkJS uses (PROTOCOL.md §8). Not for security.

/// The SHA-1 digest of `data`, as its five big-endian words (the cookie suffix reads bits
/// of the first two; a byte array was another conversion in the wasm).
// Every index is bounded by its loop over the fixed-size 80-word schedule.
#[allow(clippy::indexing_slicing)]
pub(crate) fn sha1(data: &[u8]) -> [u32; 5] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    // The padded message (the data, 0x80, zeros, then the length in bits big-endian, to a
    // whole number of 64-byte blocks) is read byte by byte, never built: a padded copy cost
    // an allocation, a resize and pushes in the wasm.
    let len = data.len();
    let total = (len + 9).div_ceil(64) * 64;
    let bit_len = (len as u64).wrapping_mul(8);
    let byte = |i: usize| match data.get(i) {
        Some(&b) => b,
        None if i == len => 0x80,
        None if i + 8 >= total => (bit_len >> (8 * (total - 1 - i))) as u8,
        None => 0,
    };
    for block in (0..total).step_by(64) {
        let mut w = [0u32; 80];
        for i in 0..64 {
            w[i / 4] = (w[i / 4] << 8) | u32::from(byte(block + i));
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h
}

/// The URL-safe base64 character of a sextet (the low 6 bits of `value`).
pub(crate) fn base64_url_char(value: u64) -> char {
    let v = (value & 63) as u8;
    char::from(match v {
        0..=25 => b'A' + v,
        26..=51 => b'a' + (v - 26),
        52..=61 => b'0' + (v - 52),
        62 => b'-',
        _ => b'_',
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(words: &[u32]) -> String {
        words.iter().map(|w| format!("{w:08x}")).collect()
    }

    #[test]
    fn sha1_matches_the_standard_test_vectors() {
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(&sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        // The padding's edges: the length still fits the data's block (55 bytes), or a
        // whole block of data is followed by a block of padding alone (64).
        assert_eq!(
            hex(&sha1(&[b'a'; 55])),
            "c1c8bbdc22796e28c0e15163d20899b65621d65a"
        );
        assert_eq!(
            hex(&sha1(&[b'a'; 64])),
            "0098ba824b5c16427bd7a1122a5a442a25ec644d"
        );
    }

    #[test]
    fn sextets_use_the_url_safe_alphabet() {
        let all: String = (0..64).map(base64_url_char).collect();
        assert_eq!(
            all,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        );
    }
}
