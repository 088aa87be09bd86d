//! Words and terms: splitting text into words, case folding, stop words and Snowball stemming.
//!
//! A *word* is a maximal run of letters and digits; an apostrophe between two letters stays inside
//! the word ("Kim's", "don't"). A *term* is the folded, stemmed form of a content word (not a stop
//! word, not a lone letter, not a bare number), interned per document in a [`Vocabulary`] so that
//! everything downstream compares small integers instead of strings.
//!
//! Chinese and Japanese are written without spaces, so a "word" of those scripts is a whole
//! phrase: there every ideograph and kana counts as one word, and the terms are the bigrams of
//! adjacent ideographs and katakana (a lone ideograph is a term of its own). Hiragana, which
//! mostly writes particles and endings, makes no terms. This applies in any language, so a
//! Chinese name in an English article is a term too.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::ops::ControlFlow;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::lang::{Language, Support};
use super::lexicon::{ENGLISH, Form, KEY_BYTES, Key, key};
use super::porter2;
use super::stopwords::is_stop_word;
use super::swar;

/// The English Snowball stemmer, built once for the process.
static ENGLISH_STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Identifier of a term within one document's [`Vocabulary`].
pub type TermId = u32;

/// True for an apostrophe that may join two halves of a word.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Iterator over the words of a text, as `(byte offset, word)` pairs.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// Iterates the words of `text`: runs of letters and digits, apostrophes inside a word kept.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// One word found by [`Words::next_word`].
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    text: &'a str,
    /// The [`BYTE_CLASS`]es of its bytes, or-ed together.
    classes: u8,
}

impl Word<'_> {
    /// True when the word is already in folded form: lowercase ASCII letters, digits and `'` only.
    fn is_folded(&self) -> bool {
        self.classes & (UPPER | NON_ASCII) == 0
    }

    /// The lexicon [`Key`] of the folded word, computed from the raw bytes of `text` (which the
    /// word is a slice of, at `self.start`) when the word is ASCII and short enough.
    ///
    /// This is the hot path of every word: it loads the 16 bytes at the word's start as one
    /// integer, masks off what follows the word, and lowercases all its letters at once, rather
    /// than building the folded string and copying it.
    fn ascii_key(&self, text: &[u8]) -> Option<Key> {
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
static KEY_MASKS: [Key; KEY_BYTES + 1] = {
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
fn lowercase_ascii_packed(key: Key, classes: u8) -> Key {
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
const LOWER_OR_DIGIT: u8 = 1;
/// An ASCII uppercase letter: part of a word, folded by lowercasing.
const UPPER: u8 = 2;
/// A byte of a non-ASCII char, which must be decoded to be classified.
const NON_ASCII: u8 = 4;
/// An ASCII apostrophe: part of a word only between a letter or digit and a letter, so not a
/// class of word bytes; recorded in [`Word::classes`] when it joins a word.
const APOSTROPHE: u8 = 8;

static BYTE_CLASS: [u8; 256] = {
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
    /// The next word, with the classes of its bytes (so that [`fold`] need not look at it again).
    // Inlined into the per-word loop of `sentence_terms`, where the call itself was a sixth of
    // the cost of a word.
    #[inline(always)]
    fn next_word(&mut self) -> Option<Word<'a>> {
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
fn ascii_run(chunk: u64) -> (usize, u8) {
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
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// Counts the words of `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Case-folds and stems words into content terms, reusing its buffers across calls.
#[derive(Debug, Default)]
pub struct Tokenizer {
    folded: String,
    language: Language,
}

/// True when `word` is already folded: lowercase ASCII letters, digits and `'` only.
fn is_folded(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'')
}

/// Folds `word` (lowercase, typographic apostrophes to `'`): borrowed when `already_folded` (the
/// common case of a lowercase ASCII word), else written into `buf`.
fn fold<'w>(word: &'w str, already_folded: bool, buf: &'w mut String) -> &'w str {
    if already_folded {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        // Only ASCII letters, digits and `'`: lowercasing is all there is to do.
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf;
    }
    for c in word.chars() {
        if is_apostrophe(c) {
            buf.push('\'');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    buf
}

/// The stem of a folded word if it is a content word: stop words, single characters and bare
/// numbers are not.
pub fn stem_of_folded(folded: &str) -> Option<String> {
    if is_stop_word(folded)
        || folded.chars().nth(1).is_none()
        || folded.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(porter2::stem(folded).unwrap_or_else(|| ENGLISH_STEMMER.stem(folded).into_owned()))
}

/// The term of a folded word in `language` if it is a content word (see [`stem_of_folded`]).
fn term_of_folded(folded: &str, language: Language) -> Option<String> {
    if language == Language::English {
        return stem_of_folded(folded);
    }
    if folded.chars().nth(1).is_none()
        || folded.bytes().all(|b| b.is_ascii_digit())
        || language.is_stop_word(folded)
    {
        return None;
    }
    Some(match language.support() {
        Support::Stemmed => language.stem(folded),
        Support::StopWords | Support::CharacterNgrams | Support::Neutral => folded.to_owned(),
    })
}

/// What a character is to the Chinese and Japanese rules (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CjkClass {
    /// An ideograph (Han): a word of its own, and part of bigram terms.
    Ideograph,
    /// Katakana: a word of its own, and part of bigram terms.
    Katakana,
    /// Hiragana: a word of its own, but no term.
    Hiragana,
    /// Any other character.
    Other,
}

fn cjk_class(c: char) -> CjkClass {
    match c {
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3005}' => CjkClass::Ideograph,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
            CjkClass::Katakana
        }
        '\u{3040}'..='\u{309F}' => CjkClass::Hiragana,
        _ => CjkClass::Other,
    }
}

/// The two characters of a Chinese or Japanese bigram term, or `None` for any other term.
pub fn cjk_bigram(term: &str) -> Option<(char, char)> {
    let mut chars = term.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    let gram = |c| matches!(cjk_class(c), CjkClass::Ideograph | CjkClass::Katakana);
    (chars.next().is_none() && gram(a) && gram(b)).then_some((a, b))
}

/// Chinese characters that only ever write particles and conjunctions (的, 了, 是, 和, ...): a
/// bigram with one of them straddles a word boundary, so it is no term.
const FUNCTION_CHARS: &[char] = &[
    '的', '了', '着', '过', '是', '在', '和', '与', '及', '或', '而', '之', '于', '把', '被', '也',
    '就', '都', '吗', '呢', '吧', '啊',
];

/// True when a bigram (or lone ideograph) is a term: not a Chinese stop word, and without a
/// function character.
fn gram_is_content(gram: &str) -> bool {
    !Language::Chinese.is_stop_word(gram) && !gram.contains(FUNCTION_CHARS)
}

/// The key of a bigram or lone ideograph in [`Vocabulary`]: its characters, packed.
fn gram_key(gram: &str) -> u64 {
    let mut chars = gram.chars();
    let a = chars.next().map_or(0, u64::from);
    let b = chars.next().map_or(0, u64::from);
    a << 32 | b
}

/// True when `term` is a term [`cjk_pieces`] makes: a bigram of ideographs and katakana, or a
/// lone ideograph.
fn is_gram(term: &str) -> bool {
    let mut chars = term.chars();
    match (chars.next(), chars.next()) {
        (Some(a), None) => cjk_class(a) == CjkClass::Ideograph,
        (Some(_), Some(_)) => cjk_bigram(term).is_some(),
        _ => false,
    }
}

/// True when `word` has a Chinese or Japanese character.
fn has_cjk(word: &str) -> bool {
    // Every such character is 3 or 4 bytes long, with a lead byte of at least 0xE3.
    word.bytes().any(|b| b >= 0xE3) && word.chars().any(|c| cjk_class(c) != CjkClass::Other)
}

/// One piece of a word with Chinese or Japanese characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CjkPiece<'a> {
    /// A term: a bigram, or a lone ideograph.
    Gram(&'a str),
    /// A run of other letters and digits inside the word ("iPhone" in "iPhone手机").
    Word(&'a str),
}

/// Splits a word with Chinese or Japanese characters into its pieces, and returns its number of
/// words (each such character counts one, each run of other characters one); `None` when `piece`
/// returned false (stop) for a piece.
fn cjk_pieces<'a>(word: &'a str, mut piece: impl FnMut(CjkPiece<'a>) -> bool) -> Option<usize> {
    let mut count = 0;
    // The current run of characters of one class: its start, class, length in chars, and the
    // start of its last char.
    let mut run: Option<(usize, CjkClass, usize, usize)> = None;
    for (i, c) in word.char_indices() {
        let class = match cjk_class(c) {
            // Ideographs and katakana form one run (`カタカナ語`), so bigrams span both.
            CjkClass::Katakana => CjkClass::Ideograph,
            other => other,
        };
        if class != CjkClass::Other {
            count += 1;
        }
        if let Some((_, run_class, len, prev)) = run.as_mut()
            && *run_class == class
            && class != CjkClass::Hiragana
        {
            if class == CjkClass::Ideograph
                && !piece(CjkPiece::Gram(&word[*prev..i + c.len_utf8()]))
            {
                return None;
            }
            *len += 1;
            *prev = i;
            continue;
        }
        if let Some(done) = run.take()
            && !end_run(word, done, i, &mut piece)
        {
            return None;
        }
        if class == CjkClass::Other {
            count += 1;
        }
        run = Some((i, class, 1, i));
    }
    if let Some(done) = run
        && !end_run(word, done, word.len(), &mut piece)
    {
        return None;
    }
    Some(count)
}

/// Reports what a finished run of [`cjk_pieces`] adds: a run of other characters is a word, a
/// lone ideograph a term (longer runs reported their bigrams as they grew). Returns what `piece`
/// did (true when nothing was reported).
fn end_run<'a>(
    word: &'a str,
    (start, class, len, _): (usize, CjkClass, usize, usize),
    end: usize,
    piece: &mut impl FnMut(CjkPiece<'a>) -> bool,
) -> bool {
    match class {
        CjkClass::Other => piece(CjkPiece::Word(&word[start..end])),
        CjkClass::Ideograph
            if len == 1
                && cjk_class(word[start..].chars().next().unwrap_or(' '))
                    == CjkClass::Ideograph =>
        {
            piece(CjkPiece::Gram(&word[start..end]))
        }
        _ => true,
    }
}

impl Tokenizer {
    /// Creates a tokenizer for English.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates a tokenizer for `language`.
    pub fn for_language(language: Language) -> Self {
        Self {
            folded: String::new(),
            language,
        }
    }

    /// Returns the stem of `word` if it is a content word, else `None`.
    ///
    /// Stop words, single characters and bare numbers are not content words.
    pub fn content_stem(&mut self, word: &str) -> Option<String> {
        term_of_folded(fold(word, is_folded(word), &mut self.folded), self.language)
    }

    /// Appends the distinct terms (stems, or character bigrams) of `text` to `out`, sorted.
    pub fn content_stems(&mut self, text: &str, out: &mut Vec<String>) {
        self.distinct_stems_until(text, |stem| out.push(stem.to_owned()), &|| false);
        out.sort_unstable();
    }

    /// Hands each distinct term (stem, or character bigram) of `text` to `each`, once, in order
    /// of first occurrence, and returns how many there are; `None` once `cancelled` says so
    /// (asked every [`CHECK_WORDS`] words).
    pub fn distinct_stems_until(
        &mut self,
        text: &str,
        mut each: impl FnMut(&str),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<usize> {
        // Bigrams are known by their characters, other stems by themselves.
        let mut seen_grams: Sharded<u64, ()> = Sharded::default();
        let mut seen: Sharded<String, ()> = Sharded::default();
        let mut new = |stem: String, each: &mut dyn FnMut(&str)| {
            if seen.get(stem.as_str()).is_none() {
                each(&stem);
                seen.insert(stem, ());
            }
        };
        let mut new_gram = |gram: &str, each: &mut dyn FnMut(&str)| {
            let key = gram_key(gram);
            if seen_grams.get(&key).is_none() {
                each(gram);
                seen_grams.insert(key, ());
            }
        };
        let mut budget = CHECK_WORDS;
        let mut go_on = || {
            budget -= 1;
            if budget == 0 {
                budget = CHECK_WORDS;
                return !cancelled();
            }
            true
        };
        for (_, word) in words(text) {
            if has_cjk(word) {
                cjk_pieces(word, |piece| {
                    match piece {
                        CjkPiece::Gram(gram) => {
                            if gram_is_content(gram) {
                                new_gram(gram, &mut each);
                            }
                        }
                        CjkPiece::Word(w) => {
                            if let Some(stem) = self.content_stem(w) {
                                new(stem, &mut each);
                            }
                        }
                    }
                    go_on()
                })?;
            } else {
                if let Some(stem) = self.content_stem(word) {
                    new(stem, &mut each);
                }
                if !go_on() {
                    return None;
                }
            }
        }
        Some(seen.len() + seen_grams.len())
    }

    /// Appends the term of every content word of `text` to `out`, interning new terms in `vocab`,
    /// and returns the number of words (content or not) in `text`.
    ///
    /// A word listed in the [lexicon](super::lexicon) costs one hash lookup; any other distinct
    /// word form is classified and stemmed once per document.
    pub fn terms<'a>(
        &mut self,
        text: &'a str,
        vocab: &mut Vocabulary<'a>,
        out: &mut Vec<TermId>,
    ) -> usize {
        self.sentence_terms(text, vocab, out).count
    }

    /// [`Tokenizer::terms`], also returning the first word of `text`, so that a caller that needs
    /// it does not scan the text again.
    pub fn sentence_terms<'a>(
        &mut self,
        text: &'a str,
        vocab: &mut Vocabulary<'a>,
        out: &mut Vec<TermId>,
    ) -> SentenceWords<'a> {
        self.sentence_terms_with(text, vocab, out, |_| {})
    }

    /// [`Tokenizer::sentence_terms`], also handing each word of `text` to `each_word` as it is
    /// found, for a caller with a test of its own at every word (see
    /// [`super::boilerplate::check_before_words`]).
    pub fn sentence_terms_with<'a>(
        &mut self,
        text: &'a str,
        vocab: &mut Vocabulary<'a>,
        out: &mut Vec<TermId>,
        each_word: impl FnMut(WordSeen),
    ) -> SentenceWords<'a> {
        self.sentence_terms_until(text, vocab, out, each_word, &|| false)
            .unwrap_or(SentenceWords {
                count: 0,
                first: "",
            })
    }

    /// [`Tokenizer::sentence_terms_with`], asking `cancelled` every [`CHECK_WORDS`] words (and
    /// Chinese or Japanese characters) and giving up with `None` once it says so: a sentence can
    /// be the whole text.
    #[inline]
    pub fn sentence_terms_until<'a>(
        &mut self,
        text: &'a str,
        vocab: &mut Vocabulary<'a>,
        out: &mut Vec<TermId>,
        mut each_word: impl FnMut(WordSeen),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<SentenceWords<'a>> {
        // Only English has a lexicon; other languages take the path of unlisted words.
        let lexicon = (self.language == Language::English).then(|| &*ENGLISH);
        let mut count = 0;
        let mut budget = CHECK_WORDS;
        let mut words = words(text);
        let Some(mut word) = words.next_word() else {
            return Some(SentenceWords { count, first: "" });
        };
        // Taken before the loop rather than tested for at every word.
        let first = word.text;
        loop {
            each_word(WordSeen {
                start: word.start,
                len: word.text.len(),
                apostrophe: word.classes & APOSTROPHE != 0,
            });
            let surface = word.text;
            if word.classes & NON_ASCII != 0 && has_cjk(surface) {
                count += cjk_pieces(surface, |piece| {
                    let term = match piece {
                        CjkPiece::Gram(gram) => vocab.term_of_gram(gram),
                        CjkPiece::Word(w) => self.unlisted_term(w, is_folded(w), vocab),
                    };
                    vocab.occurs(term, out);
                    budget -= 1;
                    budget > 0 || {
                        budget = CHECK_WORDS;
                        !cancelled()
                    }
                })?;
            } else {
                count += 1;
                // A short ASCII word (most words) is looked up by its key, without folding it
                // first; the folded string is made only for the other words and for words not
                // listed.
                let listed = lexicon.and_then(|lexicon| match word.ascii_key(text.as_bytes()) {
                    Some(key) => lexicon.form_of_key(key),
                    None => lexicon.form(fold(surface, word.is_folded(), &mut self.folded)),
                });
                let term = match listed {
                    Some(Form::NotContent) => None,
                    Some(Form::Stem(id)) => Some(vocab.listed_term(id, surface)),
                    None => self.unlisted_term(surface, word.is_folded(), vocab),
                };
                vocab.occurs(term, out);
            }
            budget -= 1;
            if budget == 0 {
                budget = CHECK_WORDS;
                if cancelled() {
                    return None;
                }
            }
            match words.next_word() {
                Some(next) => word = next,
                None => break,
            }
        }
        Some(SentenceWords { count, first })
    }

    /// The term of a word the lexicon does not list: classified and stemmed once per document.
    fn unlisted_term<'a>(
        &mut self,
        surface: &'a str,
        already_folded: bool,
        vocab: &mut Vocabulary<'a>,
    ) -> Option<TermId> {
        let folded = fold(surface, already_folded, &mut self.folded);
        if let Some(&term) = vocab.forms.get(folded) {
            return term;
        }
        let term = term_of_folded(folded, self.language).map(|stem| vocab.add_stem(stem, surface));
        if vocab.undo.records(term) {
            vocab.undo.forms.push(folded.into());
        }
        vocab.forms.insert(folded.into(), term);
        term
    }
}

/// A word as [`Tokenizer::sentence_terms_with`] hands it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSeen {
    /// Its byte offset in the text.
    pub start: usize,
    /// Its length in bytes.
    pub len: usize,
    /// Whether an ASCII apostrophe joins it (`don't`).
    pub apostrophe: bool,
}

/// What [`Tokenizer::sentence_terms`] saw of a text besides its terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceWords<'a> {
    /// The number of words, content or not.
    pub count: usize,
    /// The first word, or "" when there is none.
    pub first: &'a str,
}

/// A hash map keyed by client text: foldhash is fast on short strings and seeded per process, so
/// a hostile article cannot be built to collide.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// How many maps a [`Sharded`] map is split into once it is large.
const SHARDS: usize = 16;

/// How many entries a [`Sharded`] map holds in one map before it splits.
const SPLIT_AT: usize = 1 << 13;

/// A hash map that, once it holds [`SPLIT_AT`] entries, splits into [`SHARDS`] maps by a seeded
/// hash of the key, so that growing it never rehashes more than a sixteenth of its entries at
/// once: with hundreds of thousands of terms, rehashing all of them is a pause of a tenth of a
/// second that no cancellation check can interrupt. A news article's maps never split.
#[derive(Debug)]
struct Sharded<K, V> {
    hasher: foldhash::fast::RandomState,
    /// One map, or [`SHARDS`].
    shards: Vec<Map<K, V>>,
}

impl<K: Hash + Eq, V> Sharded<K, V> {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            hasher: foldhash::fast::RandomState::default(),
            shards: vec![Map::with_capacity_and_hasher(
                capacity.min(SPLIT_AT),
                Default::default(),
            )],
        }
    }

    fn shard<Q: Hash + ?Sized>(&self, key: &Q) -> usize {
        if self.shards.len() == 1 {
            return 0;
        }
        (self.hasher.hash_one(key) >> 60) as usize % SHARDS
    }

    fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shards[self.shard(key)].get(key)
    }

    fn insert(&mut self, key: K, value: V) {
        if self.shards.len() == 1 && self.shards[0].len() >= SPLIT_AT {
            self.split();
        }
        let shard = self.shard(&key);
        self.shards[shard].insert(key, value);
    }

    /// Moves the entries of the one map into [`SHARDS`] maps.
    fn split(&mut self) {
        let one = std::mem::take(&mut self.shards);
        self.shards = (0..SHARDS)
            .map(|_| Map::with_capacity_and_hasher(2 * SPLIT_AT / SHARDS, Default::default()))
            .collect();
        for (key, value) in one.into_iter().flatten() {
            let shard = self.shard(&key);
            self.shards[shard].insert(key, value);
        }
    }

    fn len(&self) -> usize {
        self.shards.iter().map(HashMap::len).sum()
    }

    fn remove<Q>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let shard = self.shard(key);
        self.shards[shard].remove(key);
    }
}

impl<K: Hash + Eq, V> Default for Sharded<K, V> {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

/// How many words (or Chinese and Japanese characters) the tokenizer takes between two checks of
/// its cancellation callback.
pub const CHECK_WORDS: u32 = 4096;

/// Lexicon stem id → term of the current document.
///
/// A table indexed by stem id replaces a hash-map probe for nearly every word of an article. Each
/// thread keeps one table and reuses it for document after document: a slot counts only when its
/// stamp is the current document's, so a new document starts empty without clearing anything.
#[derive(Debug, Default)]
struct ListedTerms {
    stamp: u32,
    slots: Vec<(u32, TermId)>,
}

thread_local! {
    /// The table the next vocabulary on this thread takes (empty while one is in use).
    static SPARE_LISTED: RefCell<ListedTerms> = RefCell::default();
}

impl ListedTerms {
    /// The thread's table with a fresh stamp, or a new one if it is in use.
    fn take() -> Self {
        let mut table = SPARE_LISTED
            .try_with(|s| std::mem::take(&mut *s.borrow_mut()))
            .unwrap_or_default();
        table.stamp = table.stamp.wrapping_add(1);
        if table.stamp == 0 {
            // After 2^32 documents the stamps wrap: clear once and start again.
            table.slots.iter_mut().for_each(|slot| slot.0 = 0);
            table.stamp = 1;
        }
        let stems = ENGLISH.stem_count();
        if table.slots.len() < stems {
            table.slots.resize(stems, (0, 0));
        }
        table
    }

    /// Returns the table to the thread for the next document.
    fn give_back(&mut self) {
        let table = std::mem::take(self);
        let _ = SPARE_LISTED.try_with(|s| *s.borrow_mut() = table);
    }

    fn get(&self, id: u32) -> Option<TermId> {
        let (stamp, term) = self.slots[id as usize];
        (stamp == self.stamp).then_some(term)
    }

    fn insert(&mut self, id: u32, term: TermId) {
        self.slots[id as usize] = (self.stamp, term);
    }

    /// Removes stem `id`'s term: stamp 0 is never a document's.
    fn forget(&mut self, id: u32) {
        if let Some(slot) = self.slots.get_mut(id as usize) {
            *slot = (0, 0);
        }
    }
}

/// The terms of one document: each distinct stem with its first surface form, its count and its
/// background idf.
#[derive(Debug)]
pub struct Vocabulary<'a> {
    /// Folded word form not in the lexicon → its term, or `None` for a form that is not a content
    /// word.
    forms: Sharded<Box<str>, Option<TermId>>,
    /// Lexicon stem id → term.
    listed: ListedTerms,
    /// Stem not in the lexicon → term.
    ids: Sharded<Box<str>, TermId>,
    /// Chinese or Japanese bigram or lone ideograph (see [`gram_key`]) → its term, or `None` for
    /// a stop gram. No other term is made of those characters.
    grams: Sharded<u64, Option<TermId>>,
    /// Each term, by id.
    terms: Vec<Term<'a>>,
    /// Stems are looked up in the English lexicon (for English text only).
    lexicon: bool,
    /// What was added since the last [`Vocabulary::mark`], to undo.
    undo: Undo,
}

/// One term of a [`Vocabulary`].
#[derive(Debug, Clone, Copy)]
struct Term<'a> {
    /// The first surface form it was seen with.
    surface: &'a str,
    /// How many times it occurred.
    count: u32,
    /// Its background idf level.
    idf: u8,
}

/// The state of a [`Vocabulary`] to go back to with [`Vocabulary::rollback`].
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    terms: usize,
}

/// The entries of a [`Vocabulary`]'s maps and table that point at terms added since its last
/// mark: what [`Vocabulary::rollback`] removes, so that undoing a text costs as much as the text
/// did rather than a pass over the maps (which a hostile article could make quadratic).
#[derive(Debug)]
struct Undo {
    /// The first term id added since the mark; `usize::MAX` before the first mark.
    since: usize,
    listed: Vec<u32>,
    forms: Vec<Box<str>>,
    ids: Vec<Box<str>>,
    grams: Vec<u64>,
}

impl Default for Undo {
    /// Records nothing until the first mark.
    fn default() -> Self {
        Self {
            since: usize::MAX,
            listed: Vec::new(),
            forms: Vec::new(),
            ids: Vec::new(),
            grams: Vec::new(),
        }
    }
}

impl Undo {
    /// Whether entries pointing at `term` are recorded.
    fn records(&self, term: Option<TermId>) -> bool {
        term.is_some_and(|t| t as usize >= self.since)
    }
}

impl Default for Vocabulary<'_> {
    fn default() -> Self {
        Self {
            forms: Sharded::default(),
            listed: ListedTerms::take(),
            ids: Sharded::default(),
            grams: Sharded::default(),
            terms: Vec::new(),
            lexicon: true,
            undo: Undo::default(),
        }
    }
}

impl Drop for Vocabulary<'_> {
    fn drop(&mut self) {
        self.listed.give_back();
    }
}

impl<'a> Vocabulary<'a> {
    /// Creates an empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates an empty vocabulary sized for a text of `bytes` bytes, so that its terms and maps
    /// seldom grow (a news article has a distinct term for about every 15 bytes, and a distinct
    /// word form that is not in the lexicon for about every 200).
    pub fn for_text(bytes: usize) -> Self {
        Self::for_text_in(bytes, Language::English)
    }

    /// [`Vocabulary::for_text`] for a text in `language`: without the English lexicon's stems
    /// and idf unless it is English, and sized for a distinct word form per 12 bytes otherwise
    /// (no lexicon lists them).
    pub fn for_text_in(bytes: usize, language: Language) -> Self {
        let english = language == Language::English;
        // Capped: a long text's vocabulary grows far slower than the text (Heaps' law).
        let terms = (bytes / 12).min(1 << 16);
        let unlisted = if english { bytes / 200 } else { terms };
        Self {
            forms: Sharded::with_capacity(unlisted),
            ids: Sharded::with_capacity(unlisted),
            grams: Sharded::default(),
            listed: ListedTerms::take(),
            terms: Vec::with_capacity(terms),
            lexicon: english,
            undo: Undo::default(),
        }
    }

    /// The vocabulary as it is now, to [`Vocabulary::rollback`] to (forgetting any earlier
    /// mark).
    pub fn mark(&mut self) -> Mark {
        let terms = self.terms.len();
        self.undo.since = terms;
        self.undo.listed.clear();
        self.undo.forms.clear();
        self.undo.ids.clear();
        self.undo.grams.clear();
        Mark { terms }
    }

    /// Undoes what a text did since `mark`, the latest mark, given the terms it was found to
    /// have (each occurrence, as [`Tokenizer::sentence_terms`] appended them): their counts, the
    /// terms it added, and the word forms that map to those. The vocabulary is then as if the
    /// text had never been seen, apart from word forms found to be no content words, which stay
    /// known. Costs as much as the text did.
    pub fn rollback(&mut self, mark: Mark, occurrences: &[TermId]) {
        for &t in occurrences {
            if let Some(term) = self.terms.get_mut(t as usize) {
                term.count = term.count.saturating_sub(1);
            }
        }
        for &id in &self.undo.listed {
            self.listed.forget(id);
        }
        for form in &self.undo.forms {
            self.forms.remove(form);
        }
        for stem in &self.undo.ids {
            self.ids.remove(stem);
        }
        for key in &self.undo.grams {
            self.grams.remove(key);
        }
        self.terms.truncate(mark.terms);
        self.mark();
    }

    /// Counts one occurrence of `term`, if it is one, and appends it to `out`.
    fn occurs(&mut self, term: Option<TermId>, out: &mut Vec<TermId>) {
        if let Some(t) = term {
            self.terms[t as usize].count += 1;
            out.push(t);
        }
    }

    /// The term of a Chinese or Japanese bigram (or lone ideograph), or `None` for a Chinese stop
    /// word; interned once per document, by its characters (no copy of it is made: an article of
    /// random ideographs has a new bigram every three bytes).
    fn term_of_gram(&mut self, gram: &'a str) -> Option<TermId> {
        let key = gram_key(gram);
        if let Some(&term) = self.grams.get(&key) {
            return term;
        }
        let term = gram_is_content(gram).then(|| self.push(gram, u8::MAX));
        if self.undo.records(term) {
            self.undo.grams.push(key);
        }
        self.grams.insert(key, term);
        term
    }

    /// Returns the id of `stem`, adding it with a count of 0 if new.
    fn add_stem(&mut self, stem: String, surface: &'a str) -> TermId {
        if self.lexicon
            && let Some(id) = ENGLISH.stem_id(&stem)
        {
            return self.listed_term(id, surface);
        }
        if let Some(&id) = self.ids.get(stem.as_str()) {
            return id;
        }
        let id = self.push(surface, u8::MAX);
        // Boxed: a String's spare capacity and length field, for every distinct stem.
        let stem = stem.into_boxed_str();
        if self.undo.records(Some(id)) {
            self.undo.ids.push(stem.clone());
        }
        self.ids.insert(stem, id);
        id
    }

    /// Returns the term of the lexicon's stem `id`, adding it with a count of 0 if new.
    // Inlined into the tokenizer's per-word loop: a repeated stem costs a table read there.
    #[inline(always)]
    fn listed_term(&mut self, id: u32, surface: &'a str) -> TermId {
        match self.listed.get(id) {
            Some(term) => term,
            None => self.new_listed_term(id, surface),
        }
    }

    /// Adds the lexicon's stem `id` as a new term with a count of 0.
    #[inline(never)]
    fn new_listed_term(&mut self, id: u32, surface: &'a str) -> TermId {
        let term = self.push(surface, ENGLISH.idf(id));
        self.listed.insert(id, term);
        if self.undo.records(Some(term)) {
            self.undo.listed.push(id);
        }
        term
    }

    /// Adds a new term.
    fn push(&mut self, surface: &'a str, idf: u8) -> TermId {
        let id = self.terms.len() as TermId;
        if self.terms.len() == self.terms.capacity() {
            // Past the size for news text, grown by a quarter: doubling would leave up to half
            // of a text's largest vector unused.
            self.terms.reserve_exact(self.terms.capacity() / 4 + 16);
        }
        // One push a term: three (surface, count, idf) were a third of the cost of a new term.
        self.terms.push(Term {
            surface,
            count: 0,
            idf,
        });
        id
    }

    /// Looks up the id of a term without adding it.
    pub fn get(&self, stem: &str) -> Option<TermId> {
        if is_gram(stem) {
            return self.grams.get(&gram_key(stem)).copied().flatten();
        }
        match ENGLISH.stem_id(stem).filter(|_| self.lexicon) {
            Some(id) => self.listed.get(id),
            None => self.ids.get(stem).copied(),
        }
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when no term was interned.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// How many times term `id` occurred.
    pub fn count(&self, id: TermId) -> u32 {
        self.terms[id as usize].count
    }

    /// Every term's count, in id order: for passes over all terms, without an index check each.
    pub fn counts(&self) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.terms.iter().map(|t| t.count)
    }

    /// Every term's background idf level, in id order (see [`Vocabulary::idf`]).
    pub fn idfs(&self) -> impl ExactSizeIterator<Item = u8> + '_ {
        self.terms.iter().map(|t| t.idf)
    }

    /// The background idf level of term `id`, in 0..=255 (see [`super::lexicon::idf_value`]).
    pub fn idf(&self, id: TermId) -> u8 {
        self.terms[id as usize].idf
    }

    /// The first surface form term `id` was seen with.
    pub fn surface(&self, id: TermId) -> &'a str {
        self.terms[id as usize].surface
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_words(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_on_punctuation() {
        assert_eq!(
            all_words("Kim's regime—don't 'quote' North-South 3.5% U.S."),
            [
                "Kim's", "regime", "don't", "quote", "North", "South", "3", "5", "U", "S"
            ]
        );
        assert_eq!(all_words("it’s"), ["it’s"]);
        assert_eq!(all_words("  "), Vec::<&str>::new());
        assert_eq!(all_words("Zürich 東京 مرحبا"), ["Zürich", "東京", "مرحبا"]);
    }

    /// Words by the definition in the module docs, one char at a time.
    fn reference_words(text: &str) -> Vec<(usize, &str)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            while k < chars.len()
                && (chars[k].1.is_alphanumeric()
                    || (is_apostrophe(chars[k].1)
                        && chars.get(k + 1).is_some_and(|c| c.1.is_alphabetic())))
            {
                k += 1;
            }
            let end = chars.get(k).map_or(text.len(), |c| c.0);
            out.push((start, &text[start..end]));
        }
        out
    }

    #[test]
    fn words_match_the_definition_for_every_ascii_byte_and_position() {
        let mut buf = String::new();
        for b in 0u8..0x80 {
            let c = char::from(b);
            for text in [
                format!("abcdefg{c}hijklmnop{c}{c}QRSTUVWXYZ0123456789{c}"),
                format!("{c}Ab{c}c'd{c}AbCdEfGhIjKlMnOpQ{c}é{c}x’y{c}9"),
                format!("Zürich{c}ZÜRICH{c}straße{c}'{c}abcdefghijklmnopqrstuvwxyz"),
            ] {
                let mut all = words(&text);
                let mut got = Vec::new();
                while let Some(w) = all.next_word() {
                    got.push((w.start, w.text));
                    // A word said to be folded is, and the key is that of the folded word.
                    let folded = fold(w.text, false, &mut buf).to_owned();
                    if w.is_folded() {
                        assert_eq!(folded, w.text, "{text:?}");
                    }
                    let expected = if w.text.is_ascii() {
                        key(&folded)
                    } else {
                        None
                    };
                    assert_eq!(w.ascii_key(text.as_bytes()), expected, "{text:?}");
                }
                assert_eq!(got, reference_words(&text), "{text:?}");
            }
        }
        // One uppercase letter anywhere in a word, which must be folded.
        for upper in 'A'..='Z' {
            for at in 0..12 {
                let mut word: Vec<char> = "abcdefghijkl".chars().collect();
                word[at] = upper;
                let word: String = word.into_iter().collect();
                for text in [word.clone(), format!("{word} and more after it")] {
                    let w = words(&text).next_word().expect("a word");
                    assert!(!w.is_folded(), "{text:?}");
                    assert_eq!(w.ascii_key(text.as_bytes()), key(&word.to_lowercase()));
                }
            }
        }
    }

    #[test]
    fn word_offsets_slice_back() {
        let text = "«Héllo», said Zoë's friend.";
        for (offset, word) in words(text) {
            assert_eq!(&text[offset..offset + word.len()], word);
        }
    }

    #[test]
    fn ascii_keys_are_the_keys_of_folded_words() {
        let text =
            "The KOREAN talks' O'Neill don't x9Y abcdefghijklmnop ABCDEFGHIJKLMNOPQ Zürich it’s Z";
        let mut buf = String::new();
        let mut all = words(text);
        let mut n = 0;
        while let Some(w) = all.next_word() {
            let folded = fold(w.text, w.is_folded(), &mut buf).to_owned();
            assert_eq!(folded, w.text.to_lowercase().replace('’', "'"));
            let expected = if w.text.is_ascii() {
                key(&folded)
            } else {
                None
            };
            assert_eq!(w.ascii_key(text.as_bytes()), expected, "{:?}", w.text);
            n += 1;
        }
        assert_eq!(n, 11);
        // Every byte value, and words that end near the end of the text.
        for b in 0u8..0x80 {
            let word = format!("A{}z", char::from(b));
            let text = format!("{word} tail of more than sixteen bytes");
            for text in [word.as_str(), text.as_str()] {
                let w = words(text).next_word().expect("a word");
                let folded = fold(w.text, w.is_folded(), &mut buf).to_owned();
                assert_eq!(w.ascii_key(text.as_bytes()), key(&folded), "{text:?}");
            }
        }
    }

    #[test]
    fn content_stems_fold_case_and_drop_stop_words() {
        let mut t = Tokenizer::new();
        assert_eq!(t.content_stem("Running").as_deref(), Some("run"));
        assert_eq!(t.content_stem("Kim’s").as_deref(), Some("kim"));
        assert_eq!(t.content_stem("The"), None);
        assert_eq!(t.content_stem("a"), None);
        assert_eq!(t.content_stem("1953"), None);
        assert_eq!(t.content_stem("G7").as_deref(), Some("g7"));
    }

    #[test]
    fn vocabulary_counts_inflections_together() {
        let mut t = Tokenizer::new();
        let mut vocab = Vocabulary::new();
        let mut out = Vec::new();
        let n = t.terms(
            "Talks stalled. The talk resumed; talking helps.",
            &mut vocab,
            &mut out,
        );
        assert_eq!(n, 7);
        let talk = vocab.get("talk").expect("talk is a term");
        assert_eq!(vocab.count(talk), 3);
        assert_eq!(vocab.surface(talk), "Talks");
        assert_eq!(out.iter().filter(|&&id| id == talk).count(), 3);
    }

    /// Every term of `vocab` with its surface, count and idf, in id order.
    fn snapshot<'a>(vocab: &Vocabulary<'a>) -> Vec<(&'a str, u32, u8)> {
        (0..vocab.len() as TermId)
            .map(|t| (vocab.surface(t), vocab.count(t), vocab.idf(t)))
            .collect()
    }

    #[test]
    fn rollback_leaves_the_vocabulary_as_if_the_text_was_never_seen() {
        let first = "Talks stalled in Zyxland. The talk resumed.";
        // Listed and unlisted words, new and already seen, a CJK bigram, a repeated new word.
        let dropped = "Click here: talks, Zyxland, Qwertyvale and Qwertyvale 北京 resumed.";
        let last = "Qwertyvale talks resumed in Zyxland; click here.";
        for language in [Language::English, Language::French] {
            let (mut t, mut out) = (Tokenizer::for_language(language), Vec::new());
            let mut vocab = Vocabulary::for_text_in(200, language);
            t.terms(first, &mut vocab, &mut out);
            out.clear();
            let mark = vocab.mark();
            t.terms(dropped, &mut vocab, &mut out);
            assert!(vocab.len() > mark.terms, "the dropped text added terms");
            vocab.rollback(mark, &out);
            out.clear();
            t.terms(last, &mut vocab, &mut out);
            let (with_rollback, terms_after) = (snapshot(&vocab), out.clone());
            let probe = vocab.get(&t.content_stem("Qwertyvale").expect("content word"));
            drop(vocab);

            let (mut t, mut out) = (Tokenizer::for_language(language), Vec::new());
            let mut vocab = Vocabulary::for_text_in(200, language);
            t.terms(first, &mut vocab, &mut out);
            out.clear();
            t.terms(last, &mut vocab, &mut out);
            assert_eq!(with_rollback, snapshot(&vocab), "{language:?}");
            assert_eq!(terms_after, out, "{language:?}");
            let stem = t.content_stem("Qwertyvale").expect("content word");
            assert_eq!(probe, vocab.get(&stem), "{language:?}");
        }
    }

    fn pieces(word: &str) -> (Vec<CjkPiece<'_>>, usize) {
        let mut out = Vec::new();
        let count = cjk_pieces(word, |p| {
            out.push(p);
            true
        })
        .unwrap_or(0);
        (out, count)
    }

    #[test]
    fn chinese_and_japanese_words_become_bigrams() {
        use CjkPiece::{Gram, Word};
        // Every ideograph counts as a word; bigrams overlap.
        assert_eq!(
            pieces("经济增长"),
            (vec![Gram("经济"), Gram("济增"), Gram("增长")], 4)
        );
        // A lone ideograph is a term; a run of Latin letters inside is a word of its own.
        assert_eq!(
            pieces("iPhone手机"),
            (vec![Word("iPhone"), Gram("手机")], 3)
        );
        assert_eq!(pieces("新iPhone"), (vec![Gram("新"), Word("iPhone")], 2));
        // Hiragana counts but makes no terms, and breaks runs; katakana joins ideographs.
        assert_eq!(
            pieces("政府はテレビ局"),
            (
                vec![Gram("政府"), Gram("テレ"), Gram("レビ"), Gram("ビ局")],
                7
            )
        );
        assert_eq!(pieces("すし"), (vec![], 2));
        assert!(has_cjk("東京"));
        assert!(!has_cjk("Zürich’s"));
    }

    #[test]
    fn chinese_terms_drop_stop_words_and_count_every_character() {
        let mut t = Tokenizer::for_language(Language::Chinese);
        let mut vocab = Vocabulary::for_text_in(100, Language::Chinese);
        let mut out = Vec::new();
        let seen = t.sentence_terms("我们的经济，经济增长。", &mut vocab, &mut out);
        assert_eq!(seen.count, 9);
        let economy = vocab.get("经济").expect("a term");
        assert_eq!(vocab.count(economy), 2);
        // 我们 is a Chinese stop word; 的 alone is never a term, nor a bigram with it.
        assert_eq!(vocab.get("我们"), None);
        assert_eq!(vocab.get("们的"), None);
        assert_eq!(vocab.get("的经"), None);
        let mut stems = Vec::new();
        t.content_stems("经济增长", &mut stems);
        assert_eq!(stems, ["增长", "济增", "经济"]);
    }

    #[test]
    fn other_languages_use_their_stop_words_and_stemmer_without_the_english_lexicon() {
        let mut t = Tokenizer::for_language(Language::German);
        let mut vocab = Vocabulary::for_text_in(100, Language::German);
        let mut out = Vec::new();
        let seen = t.sentence_terms("Die Regierungen und die Regierung", &mut vocab, &mut out);
        assert_eq!(seen.count, 5);
        assert_eq!(out.len(), 2);
        let government = vocab.get("regier").expect("the German stem");
        assert_eq!(vocab.count(government), 2);
        // Unknown to the English lexicon's idf: every term weighs the same.
        assert_eq!(vocab.idf(government), u8::MAX);
        assert_eq!(t.content_stem("und"), None);
    }
}
