//! The word scanner: maximal runs of letters and digits (an apostrophe between two letters
//! stays inside), read eight ASCII bytes at a time, with the lowercase [`Key`] of short ASCII
//! words.

use std::ops::ControlFlow;

use super::key::{KEY_BYTES, Key, key};
use super::swar;

/// True for an apostrophe that may join two halves of a word.
pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Iterator over the words of a text, as `(byte offset, word)` pairs.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

/// Iterates the words of `text`: runs of letters and digits, apostrophes inside a word kept.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// One word found by [`Words::next_word`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) text: &'a str,
    /// The [`BYTE_CLASS`]es of its bytes, or-ed together.
    pub(super) classes: u8,
}

impl Word<'_> {
    /// True when the word is already in folded form: lowercase ASCII letters, digits and `'` only.
    pub(super) fn is_folded(&self) -> bool {
        self.classes & (UPPER | NON_ASCII) == 0
    }

    /// The lexicon [`Key`] of the folded word, computed from the raw bytes of `text` (which the
    /// word is a slice of, at `self.start`) when the word is ASCII and short enough.
    ///
    /// This is the hot path of every word: it loads the 16 bytes at the word's start as one
    /// integer, masks off what follows the word, and lowercases all its letters at once, rather
    /// than building the folded string and copying it.
    #[inline]
    pub(super) fn ascii_key(&self, text: &[u8]) -> Option<Key> {
        let len = self.text.len();
        if self.classes & NON_ASCII != 0 || len > KEY_BYTES {
            return None;
        }
        let raw = match text.get(self.start..self.start + KEY_BYTES) {
            Some(chunk) => Key::from_le_bytes(chunk.try_into().ok()?),
            // Near the end of the text: copy the word.
            None => return key(self.text).map(|k| lowercase_ascii_packed(k, self.classes)),
        };
        // Little-endian: the word is the low `len` bytes (`len` is 1..=16).
        let word = raw & KEY_MASKS[len];
        Some(lowercase_ascii_packed(word, self.classes))
    }
}

/// `KEY_MASKS[n]` keeps the low `n` bytes of a [`Key`]: a table read instead of a variable
/// 128-bit shift, which takes several instructions on x86-64, for every word.
pub(super) static KEY_MASKS: [Key; KEY_BYTES + 1] = {
    let mut masks = [0; KEY_BYTES + 1];
    let mut n = 1;
    while n <= KEY_BYTES {
        masks[n] = Key::MAX >> (8 * (KEY_BYTES - n));
        n += 1;
    }
    masks
};

/// Lowercases the ASCII letters of a packed [`Key`] of ASCII bytes all at once (when `classes`
/// says there are uppercase letters): 0x20 is added to each byte in `A..=Z`.
///
/// Each byte is below 0x80, so adding 0x3F (or 0x25) to every byte cannot carry into the next
/// one, and sets a byte's top bit exactly when it is at least `A` (or above `Z`).
pub(super) fn lowercase_ascii_packed(key: Key, classes: u8) -> Key {
    if classes & UPPER == 0 {
        return key;
    }
    const ONES: Key = Key::MAX / 0xFF;
    let at_least_a = key + ONES * Key::from(0x80 - b'A');
    let above_z = key + ONES * Key::from(0x80 - b'Z' - 1);
    let upper = at_least_a & !above_z & (ONES * 0x80);
    key | (upper >> 2)
}

/// Byte classes for the word scanner, one table lookup per byte instead of range tests.
///
/// An ASCII lowercase letter or digit: part of a word, and already folded.
pub(super) const LOWER_OR_DIGIT: u8 = 1;
/// An ASCII uppercase letter: part of a word, folded by lowercasing.
pub(super) const UPPER: u8 = 2;
/// A byte of a non-ASCII char, which must be decoded to be classified.
pub(super) const NON_ASCII: u8 = 4;
/// An ASCII apostrophe: part of a word only between a letter or digit and a letter, so not a
/// class of word bytes; recorded in [`Word::classes`] when it joins a word.
pub(super) const APOSTROPHE: u8 = 8;

pub(super) static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            LOWER_OR_DIGIT
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte >= 0x80 {
            NON_ASCII
        } else if byte == b'\'' {
            APOSTROPHE
        } else {
            0
        };
        b += 1;
    }
    table
};

impl<'a> Words<'a> {
    /// The next word, with the classes of its bytes (so that folding need not look at it again).
    // Inlined into the per-word loop of `sentence_terms`, where a call would cost a noticeable
    // part of a word.
    #[inline(always)]
    pub(super) fn next_word(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        // Skip to the first letter or digit. ASCII bytes are classified without decoding.
        let start = loop {
            let class = BYTE_CLASS[usize::from(*bytes.get(i)?)];
            if class & (LOWER_OR_DIGIT | UPPER) != 0 {
                break i;
            }
            if class == NON_ASCII {
                let c = char_at(text, i);
                if c.is_alphanumeric() {
                    break i;
                }
                i += c.len_utf8();
            } else {
                i += 1;
            }
        };
        // Extend over letters and digits, and apostrophes followed by a letter. `seen` collects
        // the classes of the word's bytes: without UPPER or NON_ASCII the word is already folded.
        let mut seen = 0;
        loop {
            // The common case: a run of ASCII letters and digits, measured eight bytes at a time
            // (see `ascii_run`), so that the end of a word costs no mispredicted branch for most
            // words; then byte by byte near the end of the text.
            let mut stopped = false;
            while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                let (run, upper) = ascii_run(u64::from_le_bytes(*chunk));
                seen |= upper;
                i += run;
                if run < 8 {
                    stopped = true;
                    break;
                }
            }
            // Byte by byte only in the last seven bytes: a run that stopped above stopped at a
            // byte that is not an ASCII letter or digit.
            if !stopped {
                while let Some(&b) = bytes.get(i) {
                    let class = BYTE_CLASS[usize::from(b)];
                    if class & (LOWER_OR_DIGIT | UPPER) == 0 {
                        break;
                    }
                    seen |= class;
                    i += 1;
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            // The run stopped at a byte that is no ASCII letter or digit: most words end here, at
            // a space or punctuation, without decoding a char.
            if b < 0x80 && b != b'\'' {
                break;
            }
            let c = if b < 0x80 {
                char::from(b)
            } else {
                char_at(text, i)
            };
            let len = c.len_utf8();
            let continues = (b >= 0x80 && c.is_alphanumeric())
                || (is_apostrophe(c)
                    && i + len < bytes.len()
                    && char_at(text, i + len).is_alphabetic());
            if !continues {
                break;
            }
            seen |= BYTE_CLASS[usize::from(b)];
            i += len;
        }
        self.pos = i;
        Some(Word {
            start,
            text: &text[start..i],
            classes: seen,
        })
    }
}

/// The length of the run of ASCII letters and digits at the start of the 8 bytes packed
/// little-endian in `chunk` (0 to 8), and [`UPPER`] if the run has an uppercase letter, else 0.
///
/// A branch-free test of all eight bytes at once (see [`swar`]).
#[inline(always)]
pub(super) fn ascii_run(chunk: u64) -> (usize, u8) {
    // Bytes of non-ASCII chars (top bit set) end the run.
    let alnum = swar::letters(chunk) | swar::digits(chunk);
    let stop = !alnum & swar::TOP;
    // The bytes before the first stop: all ones below its lowest set bit (all of them if none).
    let run_bytes = !stop & stop.wrapping_sub(1);
    let run = (stop.trailing_zeros() / 8) as usize;
    (
        run,
        UPPER * u8::from(swar::uppercase(chunk) & run_bytes != 0),
    )
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        self.next_word().map(|w| (w.start, w.text))
    }
}

/// Calls `each` with every word of `text` and, when the word is ASCII and at most [`KEY_BYTES`]
/// long, the lexicon [`Key`] of its folded (lowercase) form, until `each` breaks.
pub fn each_word_key(text: &str, mut each: impl FnMut(&str, Option<Key>) -> ControlFlow<()>) {
    let mut words = words(text);
    while let Some(word) = words.next_word() {
        if each(word.text, word.ascii_key(text.as_bytes())).is_break() {
            return;
        }
    }
}

/// The char starting at byte `i` of `text` (a char boundary).
pub(super) fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// Counts the words of `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}
