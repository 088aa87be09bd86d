//! The tokenizer: a text's words case-folded into terms, interned in the document's [`Vocabulary`].
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

use super::language::Language;
use super::lexicon::{ENGLISH, Form};
use super::term::term_of_folded;
use super::words::*;

mod cjk;
mod lookup;
#[cfg(test)]
mod tests;
mod vocabulary;

pub use super::words::{Words, word_count, words};
pub use cjk::*;
pub use lookup::Interned;
pub use vocabulary::*;

/// Identifier of a term within one document's [`Vocabulary`].
pub type TermId = u32;

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
                            if gram_is_content(gram, self.language) {
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
    /// `boilerplate::check_before_words`).
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
                terms_before: out.len(),
            });
            let surface = word.text;
            if word.classes & NON_ASCII != 0 && has_cjk(surface) {
                count += cjk_pieces(surface, |piece| {
                    let term = match piece {
                        CjkPiece::Gram(gram) => vocab.term_of_gram(gram, self.language),
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
        if let Some(term) = vocab.term_of_form(folded) {
            return term;
        }
        let term = term_of_folded(folded, self.language).map(|stem| vocab.add_stem(stem, surface));
        vocab.add_form(folded, term);
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
    /// The length of the output when the word was seen: its terms (none, one, or for Chinese
    /// and Japanese several) are the output's from there to the next word's `terms_before`.
    pub terms_before: usize,
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
/// How many words (or Chinese and Japanese characters) the tokenizer takes between two checks of
/// its cancellation callback.
pub const CHECK_WORDS: u32 = 4096;
