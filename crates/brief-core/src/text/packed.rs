//! Short words packed into integers that order like the words, so that a binary search over a
//! sorted word list compares one integer a step: comparing two byte strings exits early at a
//! point the CPU cannot predict, which costs more than the comparison itself.

/// `word` (at most 16 bytes, none of them zero) as an integer that orders like the word: its bytes
/// big-endian, zero-padded, so that a prefix orders first, as with byte strings. Longer words get
/// `u128::MAX`, which no word of 16 bytes or fewer packs to.
pub const fn packed(word: &[u8]) -> u128 {
    if word.len() > 16 {
        return u128::MAX;
    }
    let mut bytes = [0; 16];
    bytes.split_at_mut(word.len()).0.copy_from_slice(word);
    u128::from_be_bytes(bytes)
}

/// The [`packed`] keys of `words`, in their order (`N` is `words.len()`).
pub const fn packed_all<const N: usize>(words: &[&str]) -> [u128; N] {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = packed(words[i].as_bytes());
        i += 1;
    }
    keys
}

/// The index of `word` in the list whose sorted [`packed`] keys are `keys`.
pub fn position(keys: &[u128], word: &[u8]) -> Option<usize> {
    if word.len() > 16 {
        return None;
    }
    keys.binary_search(&packed(word)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_like_the_words() {
        let mut words = vec![
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "don't",
            "ba",
            "zz",
            "yourselves",
        ];
        words.sort_unstable();
        let keys: [u128; 9] = packed_all(&words);
        assert!(keys.windows(2).all(|k| k[0] < k[1]));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(position(&keys, w.as_bytes()), Some(i));
        }
        assert_eq!(position(&keys, b"aa"), None);
        assert_eq!(position(&keys, b""), None);
        assert_eq!(position(&[u128::MAX], b"abcdefghijklmnopq"), None);
    }
}
