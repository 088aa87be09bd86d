//! Looking a text's words up in a finished [`Vocabulary`], without changing it: each word's byte
//! range and the term it was interned as, for a pass over a text after tokenization (the
//! keyphrases, which need word order and positions that the analysis does not keep).

use super::*;

/// One word (or Chinese or Japanese bigram) of a text, as [`Tokenizer::interned_until`] hands it
/// on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interned {
    /// Its byte range in the text.
    pub start: usize,
    /// The end of its byte range.
    pub end: usize,
    /// Its term, or `None` for a word that is no term (a stop word, a number, a lone letter) or
    /// was not interned.
    pub term: Option<TermId>,
    /// A Chinese or Japanese bigram or lone ideograph: bigrams overlap, so the next piece of a
    /// phrase is the one that starts where this one ends.
    pub gram: bool,
    /// Its first character is an uppercase letter.
    pub capitalized: bool,
}

impl Tokenizer {
    /// Hands each word of `text` to `each` with the term `vocab` holds for it (a text tokenized
    /// into `vocab` before, so every content word is there); `None` once `cancelled` says so
    /// (asked every [`CHECK_WORDS`] words).
    pub fn interned_until(
        &mut self,
        text: &str,
        vocab: &Vocabulary<'_>,
        mut each: impl FnMut(Interned),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<()> {
        let lexicon = (self.language == Language::English && vocab.lexicon).then(|| &*ENGLISH);
        let mut budget = CHECK_WORDS;
        let mut words = words(text);
        while let Some(word) = words.next_word() {
            budget -= 1;
            if budget == 0 {
                budget = CHECK_WORDS;
                if cancelled() {
                    return None;
                }
            }
            let surface = word.text;
            let capitalized = surface.chars().next().is_some_and(char::is_uppercase);
            if word.classes & NON_ASCII != 0 && has_cjk(surface) {
                self.interned_cjk(surface, word.start, vocab, &mut each, cancelled)?;
                continue;
            }
            let listed = lexicon.and_then(|lexicon| match word.ascii_key(text.as_bytes()) {
                Some(key) => lexicon.form_of_key(key),
                None => lexicon.form(fold(surface, word.is_folded(), &mut self.folded)),
            });
            let term = match listed {
                Some(Form::NotContent) => None,
                Some(Form::Stem(id)) => vocab.listed.get(id),
                None => self.interned_form(surface, word.is_folded(), vocab),
            };
            each(Interned {
                start: word.start,
                end: word.start + surface.len(),
                term,
                gram: false,
                capitalized,
            });
        }
        Some(())
    }

    /// The term a word the lexicon does not list was interned as.
    fn interned_form(
        &mut self,
        surface: &str,
        already_folded: bool,
        vocab: &Vocabulary<'_>,
    ) -> Option<TermId> {
        vocab
            .term_of_form(fold(surface, already_folded, &mut self.folded))
            .flatten()
    }

    /// The pieces of a word with Chinese or Japanese characters at byte `start` (see
    /// [`cjk_pieces`]); `None` once `cancelled` says so (asked every [`CHECK_WORDS`] pieces: such
    /// a word can be a whole text).
    fn interned_cjk(
        &mut self,
        word: &str,
        start: usize,
        vocab: &Vocabulary<'_>,
        each: &mut impl FnMut(Interned),
        cancelled: &dyn Fn() -> bool,
    ) -> Option<()> {
        let base = word.as_ptr() as usize;
        let mut budget = CHECK_WORDS;
        cjk_pieces(word, |piece| {
            let (text, gram) = match piece {
                CjkPiece::Gram(g) => (g, true),
                CjkPiece::Word(w) => (w, false),
            };
            let term = if gram {
                vocab.grams.get(&gram_key(text)).copied().flatten()
            } else {
                self.interned_form(text, is_folded(text), vocab)
            };
            let at = start + (text.as_ptr() as usize - base);
            each(Interned {
                start: at,
                end: at + text.len(),
                term,
                gram,
                capitalized: !gram && text.chars().next().is_some_and(char::is_uppercase),
            });
            budget -= 1;
            budget > 0 || {
                budget = CHECK_WORDS;
                !cancelled()
            }
        })
        .map(|_| ())
    }
}
