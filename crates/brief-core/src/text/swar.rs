//! Byte classes of eight bytes at once (SWAR, "SIMD within a register"): the bytes of a `u64`,
//! packed little-endian, are classified with a few integer operations instead of one branch or
//! table lookup per byte. Every mask returned has the top bit (0x80) of each byte that is in the
//! class set, and no other bit.
//!
//! Each byte is classified by adding a constant to its low seven bits, which sets the byte's top
//! bit exactly when the byte is at least some value; the sum stays below 0x100, so no byte ever
//! carries into the next one.

/// 0x01 in every byte.
pub const ONES: u64 = u64::MAX / 0xFF;
/// The top bit of every byte.
pub const TOP: u64 = ONES * 0x80;

/// The bytes of `x7` (every byte below 0x80) that are at least `c` (at most 0x80).
#[inline(always)]
const fn at_least(x7: u64, c: u8) -> u64 {
    (x7 + ONES * (0x80 - c as u64)) & TOP
}

/// The bytes of `x7` (every byte below 0x80) in `lo..=hi`.
#[inline(always)]
const fn in_range(x7: u64, lo: u8, hi: u8) -> u64 {
    at_least(x7, lo) & !at_least(x7, hi + 1)
}

/// The bytes of `x` with the top bit clear (the bytes of non-ASCII chars have it set).
#[inline(always)]
const fn ascii(x: u64) -> u64 {
    !x & TOP
}

/// The ASCII letters of `x`, either case.
#[inline(always)]
pub const fn letters(x: u64) -> u64 {
    in_range(fold(x), b'a', b'z') & ascii(x)
}

/// The ASCII digits of `x`.
#[inline(always)]
pub const fn digits(x: u64) -> u64 {
    in_range(x & !TOP, b'0', b'9') & ascii(x)
}

/// The ASCII uppercase letters of `x`: the letters whose bit 5 (0x20, the case bit) is clear.
///
/// Computed from [`letters`] (which a caller wanting both computes once) with the shift of bit 5
/// onto bit 7, where a range test would take as many operations again.
#[inline(always)]
pub const fn uppercase(x: u64) -> u64 {
    letters(x) & !(x << 2)
}

/// `x` with the top bit of each byte cleared and 0x20 set, which maps exactly the ASCII bytes in
/// `A..=Z` and `a..=z` onto `a..=z` (mask with [`letters`] to leave out non-ASCII bytes).
#[inline(always)]
pub const fn fold(x: u64) -> u64 {
    (x & !TOP) | (ONES * 0x20)
}

/// The bytes of `x` equal to `c`, for finding the *first* such byte: the lowest set bit of the
/// result is exact, but a byte above a match may be flagged too (the borrow of the subtraction
/// runs on past a match), so only the lowest bit can be trusted. `x` may hold any bytes.
#[inline(always)]
pub const fn first_equal(x: u64, c: u8) -> u64 {
    let diff = x ^ (ONES * c as u64);
    // Below the first zero byte of `diff` nothing borrows, and a byte minus one has its top bit
    // set only when the byte itself had it (masked off by `!diff`) or was zero.
    diff.wrapping_sub(ONES) & !diff & TOP
}

/// The index of the first byte of `bytes` equal to `c`, eight bytes at a time: for the short
/// slices the segmenter and the headline finder search, where a call to `memchr` costs more than
/// the search itself.
pub fn position(bytes: &[u8], c: u8) -> Option<usize> {
    let (chunks, rest) = bytes.as_chunks::<8>();
    for (i, &chunk) in chunks.iter().enumerate() {
        // Only the lowest flag is exact, and it is the one wanted.
        let found = first_equal(u64::from_le_bytes(chunk), c);
        if found != 0 {
            return Some(8 * i + (found.trailing_zeros() / 8) as usize);
        }
    }
    let tail = rest.iter().position(|&b| b == c)?;
    Some(8 * chunks.len() + tail)
}

/// The bytes of `x` below 0x40: control bytes, space, digits and most ASCII punctuation.
#[inline(always)]
pub const fn below_0x40(x: u64) -> u64 {
    // A byte is below 0x40 when its two top bits are clear; the shift moves each byte's bit 6
    // onto its bit 7 (and bit 7 onto the next byte's bit 0, which is masked off).
    !(x | (x << 1)) & TOP
}

/// The bytes of `x` equal to `c`, every one of them (unlike [`first_equal`], whose flags above
/// the first match may be false): a few more operations, for a caller that needs them all.
#[inline(always)]
pub const fn equal(x: u64, c: u8) -> u64 {
    let diff = x ^ (ONES * c as u64);
    // The top bit of a byte of `low7` is set when the byte's low seven bits are not all zero;
    // added to 0x7F each, they cannot carry out of their byte.
    let low7 = (diff & !TOP) + !TOP;
    !(low7 | diff) & TOP
}

/// The bytes of `x` that are at least `c` (at least 0x80): non-ASCII bytes in `c..=0xFF`.
#[inline(always)]
pub const fn at_least_high(x: u64, c: u8) -> u64 {
    at_least(x & !TOP, c - 0x80) & x & TOP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_std_for_every_byte_in_every_position() {
        let bit = |mask: u64, i: usize| mask >> (8 * i + 7) & 1 == 1;
        for byte in 0..=255u8 {
            for i in 0..8 {
                // The byte at position i among neighbours of every kind.
                let mut bytes = *b"aZ9 \x80\xff.q";
                bytes[i] = byte;
                let x = u64::from_le_bytes(bytes);
                for (j, &b) in bytes.iter().enumerate() {
                    assert_eq!(bit(letters(x), j), b.is_ascii_alphabetic(), "{b:#x}");
                    assert_eq!(bit(digits(x), j), b.is_ascii_digit(), "{b:#x}");
                    assert_eq!(bit(uppercase(x), j), b.is_ascii_uppercase(), "{b:#x}");
                    assert_eq!(bit(at_least_high(x, 0xD8), j), b >= 0xD8, "{b:#x}");
                    assert_eq!(bit(below_0x40(x), j), b < 0x40, "{b:#x}");
                    assert_eq!(bit(equal(x, b' '), j), b == b' ', "{b:#x}");
                    assert_eq!(bit(equal(x, 0), j), b == 0, "{b:#x}");
                    assert_eq!(bit(equal(x, 0xFF), j), b == 0xFF, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn position_agrees_with_std() {
        let text = b"(a) b.c\n)(9 ((xyz)) \xff\x80(";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let s = &text[start..end];
                for c in [b'(', b')', b'.', b'\n', 0xFF, 0x80, b'q'] {
                    let expected = s.iter().position(|&b| b == c);
                    assert_eq!(position(s, c), expected, "{s:?} {c:#x}");
                }
            }
        }
    }

    #[test]
    fn first_equal_finds_the_first_match_exactly() {
        // Every word of eight bytes drawn from a small alphabet (so that matches are frequent):
        // 6^8 words, each written as eight base-6 digits of its number.
        const ALPHABET: [u8; 6] = [b'.', b'a', 0, 0xFF, 0x2F, 0x2D];
        for n in 0..6u32.pow(8) {
            let mut bytes = [0u8; 8];
            let mut digits = n;
            for byte in &mut bytes {
                *byte = ALPHABET[(digits % 6) as usize];
                digits /= 6;
            }
            let x = u64::from_le_bytes(bytes);
            for c in [b'.', 0, 0xFF, b'a'] {
                let first = bytes.iter().position(|&b| b == c);
                let mask = first_equal(x, c);
                let found = (mask != 0).then(|| (mask.trailing_zeros() / 8) as usize);
                assert_eq!(found, first, "{bytes:x?} {c:#x}");
            }
        }
    }
}
