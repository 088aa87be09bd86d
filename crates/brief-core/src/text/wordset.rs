//! Word sets: the one way to ask whether a word is in a static list (stop words, abbreviations,
//! sentence starters, ...), and where.
//!
//! A [`WordSet`] is a sorted list of distinct words with their packed [`Key`]s and a small hash
//! index over the keys: a lookup hashes one integer and compares one integer (nearly always one
//! probe), with no string comparison, whose early exit at a point the CPU cannot predict costs
//! more than the comparison itself; and a word's index in the sorted list is what the set gives
//! back, for data kept beside the list. A list written in the source becomes a set at compile
//! time with `word_set!`, which also checks there that it is
//! sorted; a list only known at run time (the `stop-words` crate's) goes through
//! [`WordSet::from_words`].
//!
//! Words longer than [`KEY_BYTES`] may be members: their key is that of their first
//! [`KEY_BYTES`] bytes, and the few members that share it are told apart by their text.

use std::borrow::Cow;

use super::key::{KEY_BYTES, Key, key_of_bytes, ordered};

/// A set of words, each with its index in the sorted list (see the module documentation).
#[derive(Debug, Clone)]
pub struct WordSet {
    /// The words, sorted (as byte strings) and distinct.
    words: Cow<'static, [&'static str]>,
    /// [`key_of_word`] of each word, in the same order.
    keys: Cow<'static, [Key]>,
    /// The hash index: open addressing with linear probing over [`slot_count`] slots (at most
    /// half full), each [`EMPTY`] or the index of a word.
    slots: Cow<'static, [u16]>,
    /// Whether a word is longer than [`KEY_BYTES`]: only then can two keys be equal.
    has_long: bool,
}

/// An empty slot of a [`WordSet`]'s hash index.
const EMPTY: u16 = u16::MAX;

/// The [`Key`] of `word`, or of its first [`KEY_BYTES`] bytes when it is longer.
pub const fn key_of_word(word: &[u8]) -> Key {
    let head = if word.len() > KEY_BYTES {
        word.split_at(KEY_BYTES).0
    } else {
        word
    };
    match key_of_bytes(head) {
        Some(key) => key,
        None => 0,
    }
}

/// [`ordered`] of [`key_of_word`]: these order like the words (a long word after its prefix).
pub const fn ordered_key(word: &[u8]) -> u128 {
    ordered(key_of_word(word))
}

/// The [`key_of_word`]s of `words`, in their order (`N` is `words.len()`); for `word_set!`.
pub const fn keys<const N: usize>(words: &[&str]) -> [Key; N] {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = key_of_word(words[i].as_bytes());
        i += 1;
    }
    keys
}

/// The number of slots of the hash index of `words` words: a power of two, at least twice as
/// many, so that a probe that misses soon meets an empty slot.
pub const fn slot_count(words: usize) -> usize {
    let n = (2 * words).next_power_of_two();
    if n < 2 { 2 } else { n }
}

/// The slot where the search for `key` starts in an index of `slots` slots.
#[inline(always)]
const fn home(key: Key, slots: usize) -> usize {
    // Multiplicative (Fibonacci) hashing of both halves (truncated on purpose); the top bits are
    // the best mixed.
    let (low, high) = (key as u64, (key >> 64) as u64);
    let h = (low ^ high.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - slots.trailing_zeros())) as usize
}

/// The hash index of `keys` with `M` ([`slot_count`]) slots; for `word_set!`.
pub const fn slots<const M: usize>(keys: &[Key]) -> [u16; M] {
    assert!(M == slot_count(keys.len()) && keys.len() < EMPTY as usize);
    let mut slots = [EMPTY; M];
    let mut i = 0;
    while i < keys.len() {
        let mut s = home(keys[i], M);
        while slots[s] != EMPTY {
            s = (s + 1) & (M - 1);
        }
        slots[s] = i as u16;
        i += 1;
    }
    slots
}

/// `a < b` as byte strings, usable in constants.
const fn less(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

impl WordSet {
    /// The set of `words` (sorted and distinct, which is checked: at compile time in a constant)
    /// with their [`keys`] and hash index ([`slots`]). `word_set!` calls it with the keys and
    /// index it computes.
    pub const fn new(
        words: &'static [&'static str],
        keys: &'static [Key],
        slots: &'static [u16],
    ) -> Self {
        assert!(words.len() == keys.len(), "one key per word");
        assert!(
            slots.len() == slot_count(words.len()),
            "an index of slot_count slots"
        );
        let mut has_long = false;
        let mut i = 0;
        while i < words.len() {
            let word = words[i].as_bytes();
            assert!(!word.is_empty(), "a word set holds no empty word");
            assert!(keys[i] == key_of_word(word), "keys are the words' keys");
            assert!(
                i == 0 || less(words[i - 1].as_bytes(), word),
                "words sorted and distinct"
            );
            has_long |= word.len() > KEY_BYTES;
            i += 1;
        }
        WordSet {
            words: Cow::Borrowed(words),
            keys: Cow::Borrowed(keys),
            slots: Cow::Borrowed(slots),
            has_long,
        }
    }

    /// The set of `words`, in any order and possibly repeated (a list known only at run time).
    pub fn from_words(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut words: Vec<&'static str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        assert!(
            words.len() < usize::from(EMPTY),
            "a word set holds fewer than 65,535 words"
        );
        let keys: Vec<Key> = words.iter().map(|w| key_of_word(w.as_bytes())).collect();
        let mut slots = vec![EMPTY; slot_count(words.len())];
        let mask = slots.len() - 1;
        for (i, &key) in keys.iter().enumerate() {
            let mut s = home(key, slots.len());
            while slots[s] != EMPTY {
                s = (s + 1) & mask;
            }
            // Below `EMPTY`, asserted above.
            slots[s] = i as u16;
        }
        WordSet {
            has_long: words.iter().any(|w| w.len() > KEY_BYTES),
            words: Cow::Owned(words),
            keys: Cow::Owned(keys),
            slots: Cow::Owned(slots),
        }
    }

    /// The words, sorted; a word's index in this list is what [`WordSet::index`] returns.
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the set has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when `word` (compared byte for byte: fold it first) is in the set.
    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        self.index(word).is_some()
    }

    /// The index of `word` (compared byte for byte) in [`WordSet::words`], if it is there.
    #[inline]
    pub fn index(&self, word: &[u8]) -> Option<usize> {
        match key_of_bytes(word) {
            Some(key) => self.index_of_key(key),
            None => self.index_of_long(word),
        }
    }

    /// True when the word whose [`Key`] is `key` is in the set: for a caller that has the key
    /// already, such as the word scanner's of a short ASCII word.
    #[inline]
    pub fn contains_key(&self, key: Key) -> bool {
        self.index_of_key(key).is_some()
    }

    /// [`WordSet::index`] of the word whose [`Key`] is `key`.
    #[inline]
    pub fn index_of_key(&self, key: Key) -> Option<usize> {
        let slots = &*self.slots;
        let mask = slots.len() - 1;
        let mut s = home(key, slots.len());
        // Ends: the index is at most half full, so an empty slot comes.
        loop {
            let i = usize::from(*slots.get(s)?);
            if i == usize::from(EMPTY) {
                return None;
            }
            // A word longer than `KEY_BYTES` shares its key with its first `KEY_BYTES` bytes,
            // which is the word looked for (a key is of a word of at most `KEY_BYTES`).
            if self.keys[i] == key && !(self.has_long && self.words[i].len() > KEY_BYTES) {
                return Some(i);
            }
            s = (s + 1) & mask;
        }
    }

    /// [`WordSet::index`] of a word longer than [`KEY_BYTES`]: among the members that share its
    /// key (a run of the sorted list), the one with its text.
    #[cold]
    fn index_of_long(&self, word: &[u8]) -> Option<usize> {
        if !self.has_long {
            return None;
        }
        let wanted = ordered_key(word);
        let first = self.keys.partition_point(|&k| ordered(k) < wanted);
        (first..self.keys.len())
            .take_while(|&i| ordered(self.keys[i]) == wanted)
            .find(|&i| self.words[i].as_bytes() == word)
    }
}

/// A [`WordSet`] constant of a sorted list of distinct words (an expression of type
/// `&'static [&'static str]` that is a constant): the keys and the hash index are computed, and
/// the order checked, at compile time.
///
/// ```ignore
/// static STARTERS: WordSet = word_set!(&["but", "however", "the"]);
/// assert!(STARTERS.contains(b"however"));
/// ```
macro_rules! word_set {
    ($words:expr) => {{
        const WORDS: &[&str] = $words;
        const KEYS: &[u128] = &$crate::text::wordset::keys::<{ WORDS.len() }>(WORDS);
        const SLOTS: &[u16] = &$crate::text::wordset::slots::<
            { $crate::text::wordset::slot_count(WORDS.len()) },
        >(KEYS);
        $crate::text::wordset::WordSet::new(WORDS, KEYS, SLOTS)
    }};
}
pub(crate) use word_set;

/// Checks of a [`WordSet`] against plain references, for the tests of every module that has one.
#[cfg(test)]
pub(crate) mod reference {
    use std::collections::BTreeSet;

    use super::WordSet;
    use crate::text::key::key;

    /// The reference: a linear search of the list.
    pub(crate) fn linear(set: &WordSet, word: &[u8]) -> Option<usize> {
        set.words().iter().position(|w| w.as_bytes() == word)
    }

    /// Asserts that `set` agrees with a linear search on `word`, by text and (if it has one) by
    /// key.
    pub(crate) fn agrees_on(set: &WordSet, word: &[u8]) {
        let expected = linear(set, word);
        assert_eq!(
            set.index(word),
            expected,
            "{:?}",
            String::from_utf8_lossy(word)
        );
        assert_eq!(set.contains(word), expected.is_some());
        if let Some(k) = std::str::from_utf8(word).ok().and_then(key) {
            assert_eq!(
                set.index_of_key(k),
                expected,
                "{:?}",
                String::from_utf8_lossy(word)
            );
        }
    }

    /// Asserts that `set` holds exactly the words of a `BTreeSet` of its list, and agrees with a
    /// linear search on near misses of each: a byte more, a byte less, another last byte.
    pub(crate) fn check(set: &WordSet, list: &[&str]) {
        let reference: BTreeSet<&str> = list.iter().copied().filter(|w| !w.is_empty()).collect();
        assert!(reference.iter().eq(set.words().iter()));
        for w in &reference {
            assert!(set.contains(w.as_bytes()), "{w}");
            let mut longer = w.as_bytes().to_vec();
            longer.push(b's');
            agrees_on(set, &longer);
            let shorter = &w.as_bytes()[..w.len() - 1];
            agrees_on(set, shorter);
            let mut other = shorter.to_vec();
            other.push(b'q');
            agrees_on(set, &other);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::reference::{agrees_on, check, linear};
    use super::*;
    use crate::text::key::key;

    static SMALL: WordSet = word_set!(&["a", "ab", "abc", "abd", "b", "ba", "don't", "zz"]);

    /// A set with words longer than a key, some sharing their first sixteen bytes.
    fn with_long_words() -> WordSet {
        WordSet::from_words(LONG.iter().copied())
    }

    const LONG: &[&str] = &[
        "abcdefghijklmnop",
        "abcdefghijklmnopq",
        "abcdefghijklmnopqr",
        "abcdefghijklmnopz",
        "überraschenderweise",
        "x",
        "abcdefghijklmno",
    ];

    #[test]
    fn finds_every_word_at_its_index_and_nothing_else() {
        check(&SMALL, SMALL.words());
        check(&with_long_words(), LONG);
        for set in [SMALL.clone(), with_long_words()] {
            for (i, w) in set.words().iter().enumerate() {
                assert_eq!(set.index(w.as_bytes()), Some(i), "{w}");
                if let Some(k) = key(w) {
                    assert_eq!(set.index_of_key(k), Some(i), "{w}");
                }
            }
            for w in [
                "",
                "aa",
                "abe",
                "c",
                "abcdefghijklmn",
                "abcdefghijklmnopqrs",
                "zzz",
            ] {
                agrees_on(&set, w.as_bytes());
            }
        }
        assert!(!with_long_words().contains(b"abcdefghijklmnopy"));
        assert_eq!(SMALL.len(), 8);
        // The constant and the run-time construction agree.
        let built = WordSet::from_words(SMALL.words().iter().copied());
        assert_eq!(
            (built.keys, built.slots),
            (SMALL.keys.clone(), SMALL.slots.clone())
        );
        assert!(!SMALL.is_empty() && WordSet::from_words([]).is_empty());
    }

    proptest! {
        /// Random sets (long words, shared prefixes and hash collisions included) against a linear
        /// search, on their members, near misses of them and random words.
        #[test]
        fn random_sets_agree_with_a_linear_search(
            words in prop::collection::vec("[ab'é]{1,3}|[a-c]{14,18}", 0..60),
            probes in prop::collection::vec("[ab'é]{0,4}|[a-c]{14,18}", 0..20),
        ) {
            let words: Vec<&'static str> =
                words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect();
            let set = WordSet::from_words(words.iter().copied());
            check(&set, &words);
            for p in &probes {
                agrees_on(&set, p.as_bytes());
                prop_assert_eq!(set.index(p.as_bytes()), linear(&set, p.as_bytes()));
            }
        }
    }
}
