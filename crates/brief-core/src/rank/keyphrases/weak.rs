//! Weak words: words that are never part of a keyphrase besides the stop words (reporting verbs,
//! days, number words, function words the stop lists lack), listed per language in
//! `data/weak_words_*.txt` apart from the engine.

use std::sync::LazyLock;

use crate::text::language::Language;
use crate::text::lexicon::{self, Form};
use crate::text::token::{TermId, Tokenizer, Vocabulary};

/// The English list, as shipped: comment lines, then one lowercase word a line.
const ENGLISH: &str = include_str!("../../../data/weak_words_en.txt");

/// The words of a list: its lines that are neither blank nor comments.
fn words_of(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The English weak words' stems in the lexicon (nearly all of them; found once a process),
/// and the words it does not list.
static ENGLISH_STEMS: LazyLock<(Vec<u32>, Vec<&'static str>)> = LazyLock::new(|| {
    let (mut stems, mut unlisted) = (Vec::new(), Vec::new());
    for word in words_of(ENGLISH) {
        match lexicon::ENGLISH.form(word) {
            Some(Form::Stem(id)) => stems.push(id),
            Some(Form::NotContent) => {}
            None => unlisted.push(word),
        }
    }
    (stems, unlisted)
});

/// The terms of `vocab` that are weak words of `language` (none for a language without a list):
/// a few dozen table reads an article.
pub(super) fn weak_terms(vocab: &Vocabulary<'_>, language: Language) -> Vec<TermId> {
    if language != Language::English {
        return Vec::new();
    }
    let (stems, unlisted) = &*ENGLISH_STEMS;
    let mut terms: Vec<TermId> = stems.iter().filter_map(|&id| vocab.listed(id)).collect();
    let mut tokenizer = Tokenizer::for_language(language);
    for word in unlisted {
        tokenizer.interned_until(word, vocab, |w| terms.extend(w.term), &|| false);
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_list_is_lowercase_words() {
        let words: Vec<&str> = words_of(ENGLISH).collect();
        assert!(words.len() > 30, "{words:?}");
        for w in words {
            assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{w:?}");
        }
    }
}
