//! The packed word key: the one way a short word is packed into an integer, shared by the word
//! scanner, the lexicon's table and every [`WordSet`](super::wordset::WordSet).
//!
//! A word of at most [`KEY_BYTES`] bytes is its UTF-8 bytes little-endian (the first byte lowest),
//! zero-padded. No word contains a NUL byte, so the packing is one-to-one. Little-endian because
//! the scanner loads sixteen bytes of text at a word's start as one integer and masks off what
//! follows the word. The integer order of keys is therefore not the order of the words; a search
//! that needs that order compares [`ordered`] keys (the same key byte-swapped).
//!
//! Most words are this short, and looking one up then hashes or compares one integer, instead of
//! hashing a string and comparing it with another one elsewhere in memory.

/// A word of at most [`KEY_BYTES`] bytes packed into an integer (see the module documentation).
pub type Key = u128;

/// The longest word, in bytes, that has a [`Key`].
pub const KEY_BYTES: usize = 16;

/// The [`Key`] of `word`, if it is at most [`KEY_BYTES`] long.
pub fn key(word: &str) -> Option<Key> {
    key_of_bytes(word.as_bytes())
}

/// [`key`] of a byte string, usable in constants.
pub const fn key_of_bytes(word: &[u8]) -> Option<Key> {
    if word.len() > KEY_BYTES {
        return None;
    }
    let mut packed = [0u8; KEY_BYTES];
    packed.split_at_mut(word.len()).0.copy_from_slice(word);
    Some(Key::from_le_bytes(packed))
}

/// `key` with its bytes reversed: the first byte of the word highest, so that the integers order
/// like the words (a prefix first, as with byte strings), for a search of a sorted list.
#[inline(always)]
pub const fn ordered(key: Key) -> u128 {
    key.swap_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_pack_little_endian_and_order_like_words_once_swapped() {
        assert_eq!(key("ab"), Some(0x6261));
        assert_eq!(key(""), Some(0));
        assert_eq!(key("abcdefghijklmnopq"), None);
        assert!(key("abcdefghijklmnop").is_some());
        let mut words = [
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
        let keys: Vec<u128> = words.iter().map(|w| ordered(key(w).unwrap_or(0))).collect();
        assert!(keys.windows(2).all(|k| k[0] < k[1]));
    }
}
