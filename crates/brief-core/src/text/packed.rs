//! The segmenter's abbreviation keys, until its lists move to [`WordSet`](super::wordset::WordSet):
//! the same [ordered](super::key::ordered) form of the one [`Key`](super::key::Key) packing, searched the same way.

use super::wordset::ordered_key;

/// `word` (at most 16 bytes, none of them zero) as an integer that orders like the word (its
/// [ordered](super::key::ordered) key). Longer words get `u128::MAX`, which no word of 16 bytes or fewer packs to.
pub const fn packed(word: &[u8]) -> u128 {
    if word.len() > 16 {
        return u128::MAX;
    }
    ordered_key(word)
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
        let words = [
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "ba",
            "don't",
            "yourselves",
            "zz",
        ];
        let keys = words.map(|w| packed(w.as_bytes()));
        assert!(keys.windows(2).all(|k| k[0] < k[1]));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(position(&keys, w.as_bytes()), Some(i));
        }
        assert_eq!(position(&keys, b"aa"), None);
        assert_eq!(position(&keys, b""), None);
        assert_eq!(position(&[u128::MAX], b"abcdefghijklmnopq"), None);
    }
}
