//! Lines that never belong in a brief: copyright notices, bylines, "click here" and "read more"
//! prompts, photo credits and captions, share prompts.
//!
//! Each check looks at one sentence on its own, at most its first 400 bytes, without allocating.

use super::swar;
use super::token::{SentenceWords, TermId, Tokenizer, Vocabulary, WordSeen};

/// Phrases that mark a sentence as boilerplate wherever they occur (compared lowercase).
const ANYWHERE: &[&str] = &[
    "all rights reserved",
    "click here",
    "scroll down for video",
    "scroll down for more",
    "sign up for our",
    "subscribe to our",
    "share this article",
    "share on facebook",
    "share on twitter",
    "follow us on",
    "this material may not be published",
    "getty images",
    // The same in the other languages with abbreviation lists (de, fr, es, it, pt, nl).
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "alle rechten voorbehouden",
];

/// Prefixes that mark a short sentence as boilerplate (compared lowercase).
const PREFIXES: &[&str] = &[
    "copyright",
    "read more",
    "read next",
    "related:",
    "related articles",
    "see also",
    "photo:",
    "photos:",
    "image:",
    "caption:",
    "pictured:",
    "video:",
    "watch:",
    "advertisement",
    "updated:",
    "published:",
    "last updated",
    "share this",
    "email this",
    // Datelines, "read also" and advertisement labels in de, fr, es, it, pt and nl.
    "veröffentlicht am",
    "aktualisiert am",
    "lesen sie auch",
    "mehr zum thema",
    "publié le",
    "mis à jour le",
    "lire aussi",
    "lire la suite",
    "voir aussi",
    "publicité",
    "publicado el",
    "actualizado el",
    "lea también",
    "leer más",
    "publicidad",
    "pubblicato il",
    "aggiornato il",
    "leggi anche",
    "pubblicità",
    "publicado em",
    "atualizado em",
    "leia também",
    "leia mais",
    "publicidade",
    "gepubliceerd op",
    "bijgewerkt op",
    "lees ook",
    "lees meer",
    "advertentie",
];

/// Sentences longer than this many bytes are never taken for a prefix-only match: a long sentence
/// that happens to start with "Read more" or "Video" is prose.
const SHORT_LINE_BYTES: usize = 160;

/// For each letter `a..=z`, the [`PREFIXES`] that start with it, as a bit set of their indices.
const PREFIXES_BY_LETTER: [u64; 26] = {
    assert!(PREFIXES.len() <= 64);
    let mut sets = [0u64; 26];
    let mut i = 0;
    while i < PREFIXES.len() {
        let first = PREFIXES[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        sets[(first - b'a') as usize] |= 1 << i;
        i += 1;
    }
    sets
};

/// How much of a sentence the phrase and prefix checks look at, in bytes.
const HEAD_BYTES: usize = 400;

/// True when `sentence` is boilerplate that must never enter a brief.
pub fn is_boilerplate(sentence: &str) -> bool {
    // Only the first few hundred bytes matter for the phrase and prefix checks, which keeps this
    // linear in the number of sentences rather than in the size of a pathological one.
    let head = prefix(sentence, HEAD_BYTES);
    // The head scan also finds a `©` in the head; only the rest of a long sentence is searched
    // apart. (`prefix` cuts on a char boundary, so a `©` is wholly on one side.)
    if scan_head(head) || (sentence.len() > head.len() && sentence[head.len()..].contains('©')) {
        return true;
    }
    starts_like_boilerplate(sentence, head)
}

/// What [`terms_unless_boilerplate`] made of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokenized<'a> {
    /// It is boilerplate: no term of it was kept.
    Boilerplate,
    /// Its terms were appended, and this is what was seen of its words.
    Text(SentenceWords<'a>),
}

/// Appends the terms of `sentence` to `out` as [`Tokenizer::sentence_terms_until`] does, unless
/// it is boilerplate ([`is_boilerplate`]), when `out` and `vocab` are left as they were; `None`
/// once `cancelled` says so. Each word tokenized is handed to `each_word` (see
/// [`Tokenizer::sentence_terms_with`]; a sentence decided as boilerplate before its words are
/// read hands none).
///
/// The one interface between the boilerplate check and the tokenizer. Why they meet at all: for
/// a short ASCII sentence (nearly every sentence of English news) the phrase search is a test at
/// each word start, which the tokenizer finds anyway; so the sentence is tokenized while its word
/// starts are tested (`phrase_at_word`), and its terms are taken back out of the vocabulary
/// (`Vocabulary::rollback`) in the rare case that it is boilerplate. This saves a second pass
/// over nearly every sentence; its test compares it with [`is_boilerplate`] and a plain
/// tokenization.
pub fn terms_unless_boilerplate<'a>(
    tokenizer: &mut Tokenizer,
    sentence: &'a str,
    vocab: &mut Vocabulary<'a>,
    out: &mut Vec<TermId>,
    each_word: &mut dyn FnMut(WordSeen),
    cancelled: &dyn Fn() -> bool,
) -> Option<Tokenized<'a>> {
    match check_before_words(sentence) {
        Check::Decided(true) => Some(Tokenized::Boilerplate),
        Check::Decided(false) => tokenizer
            .sentence_terms_until(sentence, vocab, out, each_word, cancelled)
            .map(Tokenized::Text),
        Check::ByWords => {
            let mark = vocab.mark();
            let start = out.len();
            let mut phrase = false;
            let seen = tokenizer.sentence_terms_until(
                sentence,
                vocab,
                out,
                |w| {
                    phrase = phrase || phrase_at_word(sentence, w.start, w.len, w.apostrophe);
                    each_word(w);
                },
                cancelled,
            )?;
            if !phrase {
                return Some(Tokenized::Text(seen));
            }
            vocab.rollback(mark, &out[start..]);
            out.truncate(start);
            Some(Tokenized::Boilerplate)
        }
    }
}

/// How [`is_boilerplate`] is decided for a sentence that is about to be split into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    /// Decided already: boilerplate or not.
    Decided(bool),
    /// Boilerplate exactly when [`phrase_at_word`] is true for one of its words (see
    /// [`check_before_words`]).
    ByWords,
}

/// Decides [`is_boilerplate`] for `sentence` now, or says that its words can decide it.
///
/// Why: for a short ASCII sentence (nearly every sentence of English news) the phrase search is
/// a test at each word start, and the tokenizer finds the word starts anyway; testing them there
/// saves a second pass over the sentence (see [`terms_unless_boilerplate`], which puts the two
/// together). A longer sentence, or one with other characters (`©`, or letters of other scripts, which
/// change what a word start is), is decided here in full.
fn check_before_words(sentence: &str) -> Check {
    if sentence.len() > HEAD_BYTES || !sentence.is_ascii() {
        return Check::Decided(is_boilerplate(sentence));
    }
    if starts_like_boilerplate(sentence, sentence) {
        return Check::Decided(true);
    }
    Check::ByWords
}

/// For a sentence that [`check_before_words`] left to its words: true when an [`ANYWHERE`]
/// phrase starts at its word `start..start + len` (as [`crate::text::words::words`] finds
/// words), or right after an apostrophe inside it when `apostrophe` says it has one.
///
/// In ASCII text the positions where the phrase search looks (a letter after a byte that is not
/// a letter or digit) are exactly these: the first byte of each word, and each letter after an
/// apostrophe that joins a word.
// Inlined into the tokenizer's per-word callback: a call per word costs more than the test,
// which for nearly every word is one bit test.
#[inline(always)]
fn phrase_at_word(sentence: &str, start: usize, len: usize, apostrophe: bool) -> bool {
    let bytes = sentence.as_bytes();
    // A phrase at a word start makes the word its first word: letters, then the phrase's space.
    // So only a word of the length of some phrase's first word, and with its first letter, is
    // compared (any byte that is no letter may pass this test, and fails the comparison).
    let first = bytes.get(start).map_or(0, |b| b | 0x20).wrapping_sub(b'a');
    if len < FIRST_WORDS.len()
        && FIRST_WORDS[len] >> (first & 31) & 1 != 0
        && phrase_starts_at(bytes, start)
    {
        return true;
    }
    apostrophe && apostrophe_phrase(bytes, start, len)
}

/// For each length of the first word of an [`ANYWHERE`] phrase, the first letters of those
/// words, as a bit set (bit 0 for `a`).
static FIRST_WORDS: [u32; 16] = {
    let mut sets = [0u32; 16];
    let mut i = 0;
    while i < ANYWHERE.len() {
        let p = ANYWHERE[i].as_bytes();
        let mut len = 0;
        while len < p.len() && p[len] != b' ' {
            len += 1;
        }
        assert!(len < p.len() && len < 16 && p[0].is_ascii_lowercase());
        sets[len] |= 1 << (p[0] - b'a');
        i += 1;
    }
    sets
};

/// True when an [`ANYWHERE`] phrase starts at byte `i` of `bytes`: one bit test for nearly every
/// word, a comparison for the few whose first three letters are a phrase's.
#[inline(always)]
fn phrase_starts_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 3) {
        Some(&[a, b, c]) => {
            let index = start_index(a, b, c);
            PHRASE_STARTS[index / 64] >> (index % 64) & 1 != 0 && has_phrase_at(&bytes[i..], index)
        }
        _ => false,
    }
}

/// True when an [`ANYWHERE`] phrase starts after an apostrophe of the word `start..start + len`.
#[inline(never)]
fn apostrophe_phrase(bytes: &[u8], start: usize, len: usize) -> bool {
    let word = bytes.get(start..start + len).unwrap_or_default();
    word.iter()
        .enumerate()
        .any(|(k, &b)| b == b'\'' && phrase_starts_at(bytes, start + k + 1))
}

/// The checks of [`is_boilerplate`] besides the phrase search: a boilerplate prefix of a short
/// sentence (`head` is its first [`HEAD_BYTES`]), or a byline.
fn starts_like_boilerplate(sentence: &str, head: &str) -> bool {
    if sentence.len() <= SHORT_LINE_BYTES
        && let Some(&first) = head.as_bytes().first()
        && first.is_ascii_alphabetic()
    {
        // Only the prefixes that start with the sentence's first letter.
        let mut candidates = PREFIXES_BY_LETTER[usize::from(first.to_ascii_lowercase() - b'a')];
        while candidates != 0 {
            let p = PREFIXES[candidates.trailing_zeros() as usize];
            candidates &= candidates - 1;
            if starts_with_ignore_case(head, p) {
                return true;
            }
        }
    }
    is_byline(sentence)
}

/// The first three letters of each [`ANYWHERE`] phrase, as a set of 15-bit indices (five low
/// bits of each letter, so either case gives the same index): a word start is looked up here, one
/// bit test, before any phrase is compared in full. Other bytes may share an index with a phrase's
/// letters (`0` with `p`); that only costs a comparison.
static PHRASE_STARTS: [u64; 512] = {
    let mut set = [0u64; 512];
    let mut i = 0;
    while i < ANYWHERE.len() {
        let p = ANYWHERE[i].as_bytes();
        assert!(
            p[0].is_ascii_lowercase() && p[1].is_ascii_lowercase() && p[2].is_ascii_lowercase()
        );
        let index = start_index(p[0], p[1], p[2]);
        set[index / 64] |= 1 << (index % 64);
        i += 1;
    }
    set
};

/// The index of three bytes in [`PHRASE_STARTS`].
#[inline(always)]
const fn start_index(a: u8, b: u8, c: u8) -> usize {
    ((a as usize & 0x1F) << 10) | ((b as usize & 0x1F) << 5) | (c as usize & 0x1F)
}

/// True when one of the [`ANYWHERE`] phrases starts at a word start of `head` (at most
/// [`HEAD_BYTES`] long), ignoring ASCII case, or when `head` has a `©`.
///
/// Eight bytes at a time: the word starts (a letter after a byte that is not part of a word) come
/// out of a few [`swar`] operations, and each one costs a bit test in [`PHRASE_STARTS`]; only the
/// rare hit is compared with the phrases. Word starts come in no predictable pattern, so a
/// byte-at-a-time scan either mispredicts its branches or spends several instructions per byte
/// avoiding them.
fn scan_head(head: &str) -> bool {
    let bytes = head.as_bytes();
    let (chunks, rest) = bytes.as_chunks::<8>();
    // Whether the byte before the current chunk is a word byte, as the top bit of a byte 0.
    let mut carry = 0u64;
    for (chunk_index, &chunk) in chunks.iter().enumerate() {
        if phrase_in_chunk(
            bytes,
            chunk_index * 8,
            u64::from_le_bytes(chunk),
            &mut carry,
        ) {
            return true;
        }
    }
    // The last few bytes, zero-padded: a zero byte is neither a word byte nor a phrase start.
    let mut tail = [0u8; 8];
    tail[..rest.len()].copy_from_slice(rest);
    phrase_in_chunk(
        bytes,
        chunks.len() * 8,
        u64::from_le_bytes(tail),
        &mut carry,
    )
}

/// The step of [`scan_head`] for the eight bytes `x` at `offset` in `bytes`: true when a phrase
/// or a `©` starts at one of them. `carry` says whether the byte before them is a word byte, and
/// is updated for the next eight.
#[inline(always)]
fn phrase_in_chunk(bytes: &[u8], offset: usize, x: u64, carry: &mut u64) -> bool {
    // `©` is C2 A9 in UTF-8. A C2 lead byte is rare in most text (it also starts a no-break
    // space, `«`, `°`, ...), so each one flagged is checked against the next byte; the flags above
    // the lowest may be false (see `first_equal`), which the check also settles.
    let mut leads = swar::first_equal(x, 0xC2);
    while leads != 0 {
        let i = offset + (leads.trailing_zeros() / 8) as usize;
        leads &= leads - 1;
        if bytes.get(i..i + 2) == Some(COPYRIGHT.as_bytes()) {
            return true;
        }
    }
    let letters = swar::letters(x);
    // The bytes of a word: ASCII letters and digits, and any byte of a non-ASCII char, so that a
    // phrase never starts inside a word like "Zürich".
    let word = (x & swar::TOP) | letters | swar::digits(x);
    // The word mask of the byte before each byte.
    let before = (word << 8) | *carry;
    *carry = word >> 56;
    let mut starts = letters & !before;
    while starts != 0 {
        let i = offset + (starts.trailing_zeros() / 8) as usize;
        starts &= starts - 1;
        if let [a, b, c, ..] = bytes[i..] {
            let index = start_index(a, b, c);
            if PHRASE_STARTS[index / 64] >> (index % 64) & 1 != 0
                && has_phrase_at(&bytes[i..], index)
            {
                return true;
            }
        }
    }
    false
}

/// `©`, which marks a sentence as boilerplate wherever it occurs.
const COPYRIGHT: &str = "\u{a9}";

/// The [`start_index`] of each [`ANYWHERE`] phrase, so that a word start that hit
/// [`PHRASE_STARTS`] is compared in full only with the phrases that share its first letters
/// (common words hit it: "this", "all", "share", "today").
static PHRASE_INDICES: [usize; ANYWHERE.len()] = {
    let mut indices = [0; ANYWHERE.len()];
    let mut i = 0;
    while i < ANYWHERE.len() {
        let p = ANYWHERE[i].as_bytes();
        indices[i] = start_index(p[0], p[1], p[2]);
        i += 1;
    }
    indices
};

/// True when one of the [`ANYWHERE`] phrases starts `bytes`, ignoring ASCII case; `index` is the
/// [`start_index`] of its first three bytes.
fn has_phrase_at(bytes: &[u8], index: usize) -> bool {
    ANYWHERE.iter().zip(&PHRASE_INDICES).any(|(p, &i)| {
        i == index && bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

/// True when `text` starts with `prefix` (lowercase ASCII), ignoring ASCII case; no allocation.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// True for a byline: "By Jane Smith", "By Jane Smith and John Doe, CNN".
fn is_byline(sentence: &str) -> bool {
    let Some(rest) = sentence
        .strip_prefix("By ")
        .or_else(|| sentence.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(9).collect();
    (1..=8).contains(&words.len())
        && !rest.ends_with('.')
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(*w, "and" | "in" | "for")
        })
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use proptest::prop_assert_eq;
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{
        Config as ProptestConfig, RngAlgorithm, TestCaseError, TestRng, TestRunner,
    };
    use proptest::{collection, sample};

    use super::*;

    #[test]
    fn catches_boilerplate() {
        for line in [
            "© Copyright IBTimes 2024. All rights reserved.",
            "Copyright 2020 CNN",
            "Scroll down for video",
            "READ MORE: The story behind the story",
            "Click here to subscribe.",
            "CLICK HERE for the latest",
            "By Jane Smith",
            "By Jane Smith and John Doe, CNN",
            "Publié le 12 mars 2024 à 18 h 05",
            "Veröffentlicht am 3. Mai 2024",
            "Lesen Sie auch: Die Bahn erhöht die Preise",
            "© Nordkurier. Alle Rechte vorbehalten.",
            "Tous droits réservés – Le Journal",
            "Leia também: governo anuncia novo plano",
            "Photo: Reuters",
            "Share this article",
        ] {
            assert!(is_boilerplate(line), "{line:?} should be boilerplate");
        }
    }

    #[test]
    fn keeps_prose() {
        for line in [
            "North Korea has reportedly backed away from plans to increase military pressure.",
            "By the end of the week, the two sides had not met.",
            "Copyright law was at the heart of the dispute between the studio and its writers, who said the rules were decades out of date and had never been tested in court before this year.",
            "Readers were told to read more carefully.",
            "Anzeige gegen den Fahrer wurde am Montag erstattet.",
            "Le gouvernement a publié le rapport mardi.",
            "",
        ] {
            assert!(!is_boilerplate(line), "{line:?} should not be boilerplate");
        }
    }

    #[test]
    fn copyright_sign_anywhere_but_not_other_a9_bytes() {
        // 'é' is C3 A9 in UTF-8: its second byte is the same as that of '©' (C2 A9).
        assert!(!is_boilerplate("Café owners met in Zürich on Monday."));
        assert!(is_boilerplate("Photo ©Reuters, used with permission."));
        let long = format!("{} ©", "word ".repeat(100));
        assert!(is_boilerplate(&long));
        let late_phrase = format!("{} click here", "word ".repeat(100));
        assert!(!is_boilerplate(&late_phrase));
        assert!(is_boilerplate("Hello.Click here"));
        assert!(!is_boilerplate("Zürichclick here, not a word start"));
    }

    #[test]
    fn scan_matches_a_byte_by_byte_reference() {
        // The reference: a `©` anywhere, or a phrase at any position not preceded by a word byte.
        fn reference(head: &str) -> bool {
            let b = head.as_bytes();
            let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
            let phrase_at = |i: usize| {
                ANYWHERE.iter().any(|p| {
                    b.len() - i >= p.len() && b[i..i + p.len()].eq_ignore_ascii_case(p.as_bytes())
                })
            };
            head.contains('©') || (0..b.len()).any(|i| (i == 0 || !word(b[i - 1])) && phrase_at(i))
        }
        let pieces = [
            "click here",
            "Click Here",
            "CLICK",
            " here",
            "all rights reserved",
            "x",
            "9",
            " ",
            ".",
            "ü",
            "Zürich",
            "getty images",
            "Tous droits réservés",
            "follow us on",
            "t",
            "s",
            "\n",
            "-",
            "scroll down for video",
            "subscribe to our",
            "a",
            "é",
            "©",
            "\u{a0}",
            "«",
            "Â",
        ];
        for_random_texts(&pieces, 20_000, 12, |text| {
            let head = prefix(text, HEAD_BYTES);
            prop_assert_eq!(scan_head(head), reference(head), "{:?}", head);
            Ok(())
        });
    }

    /// Texts of fewer than `most` of `pieces` each.
    fn texts_of(pieces: &[&'static str], most: usize) -> impl Strategy<Value = String> {
        collection::vec(sample::select(pieces.to_vec()), 0..most).prop_map(|pieces| pieces.concat())
    }

    /// `count` texts drawn from [`texts_of`] with a fixed seed, for a test that carries state
    /// from one text to the next (and so cannot be shrunk case by case).
    fn random_texts(pieces: &[&'static str], count: usize, most: usize) -> Vec<String> {
        let texts = texts_of(pieces, most);
        let mut runner = TestRunner::new_with_rng(
            ProptestConfig::default(),
            TestRng::deterministic_rng(RngAlgorithm::default()),
        );
        (0..count)
            .map(|_| texts.new_tree(&mut runner).expect("a text").current())
            .collect()
    }

    /// Runs `test` on `cases` texts of fewer than `most` of `pieces` each, drawn by proptest
    /// from a fixed seed (the same texts on every run); a failing text is shrunk and reported.
    fn for_random_texts(
        pieces: &[&'static str],
        cases: u32,
        most: usize,
        test: impl Fn(&str) -> Result<(), TestCaseError>,
    ) {
        let texts = texts_of(pieces, most);
        let config = ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::default()));
        if let Err(failure) = runner.run(&texts, |text| test(&text)) {
            panic!("{failure}");
        }
    }

    #[test]
    fn deciding_by_words_agrees_with_is_boilerplate() {
        let pieces = [
            "click here",
            "Click Here",
            "CLICK",
            " here",
            "all rights reserved",
            "All",
            "x",
            "9",
            " ",
            ".",
            "'",
            "don't",
            "'s",
            "share this article",
            "Share",
            "getty images",
            "follow us on",
            "this material may not be published",
            "todos los derechos reservados",
            "t",
            "s",
            "-",
            "By ",
            "Jane",
            "Photo: ",
            "read more",
            "ü",
            "©",
            "é",
        ];
        let by_words = std::cell::Cell::new(0);
        for_random_texts(&pieces, 30_000, 10, |text| {
            let expected = is_boilerplate(text);
            match check_before_words(text) {
                Check::Decided(found) => prop_assert_eq!(found, expected, "{:?}", text),
                Check::ByWords => {
                    by_words.set(by_words.get() + 1);
                    let found = crate::text::words::words(text)
                        .any(|(start, w)| phrase_at_word(text, start, w.len(), w.contains('\'')));
                    prop_assert_eq!(found, expected, "{:?}", text);
                }
            }
            Ok(())
        });
        // Most of the texts were left to their words.
        assert!(by_words.get() > 15_000, "{}", by_words.get());
    }

    #[test]
    fn tokenizing_unless_boilerplate_agrees_with_is_boilerplate_and_plain_tokenizing() {
        let pieces = [
            "click here",
            "Click Here",
            " here",
            "all rights reserved",
            "Reserved",
            "x",
            " ",
            ". ",
            "'",
            "don't",
            "share this article",
            "getty images",
            "Kim",
            " Korea",
            "By ",
            "Jane",
            "é",
            "©",
        ];
        let never = || false;
        // Declared before the vocabularies that borrow them.
        let texts = random_texts(&pieces, 5_000, 10);
        let language = crate::text::language::Language::English;
        let (mut t, mut reference) = (Tokenizer::new(), Tokenizer::new());
        let mut vocab = Vocabulary::for_text_in(1000, language);
        let mut plain = Vocabulary::for_text_in(1000, language);
        let (mut out, mut expected) = (Vec::new(), Vec::new());
        for text in &texts {
            let text = text.as_str();
            let before = (vocab.len(), out.len());
            let got =
                terms_unless_boilerplate(&mut t, text, &mut vocab, &mut out, &mut |_| {}, &never);
            if is_boilerplate(text) {
                assert_eq!(got, Some(Tokenized::Boilerplate), "{text:?}");
                assert_eq!((vocab.len(), out.len()), before, "{text:?}");
            } else {
                let seen = reference.sentence_terms(text, &mut plain, &mut expected);
                assert_eq!(got, Some(Tokenized::Text(seen)), "{text:?}");
                // The same terms, in the same order, as a vocabulary that never saw boilerplate.
                assert_eq!(out, expected, "{text:?}");
            }
        }
        assert!(vocab.len() > 2, "{}", vocab.len());
    }

    #[test]
    fn prefix_respects_char_boundaries() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
