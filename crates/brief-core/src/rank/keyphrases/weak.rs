//! Weak words: words that are never part of a keyphrase besides the stop words (reporting verbs,
//! days, number words), listed per language in `data/weak_words_*.txt` apart from the engine.

use crate::text::language::Language;
use crate::text::token::{TermId, Tokenizer, Vocabulary};

/// The English list, as shipped: comment lines, then one lowercase word a line.
const ENGLISH: &str = include_str!("../../../data/weak_words_en.txt");

/// The words of a list: its lines that are neither blank nor comments.
fn words_of(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The terms of `vocab` that are weak words of `language`, sorted (none for a language without a
/// list). A few dozen lookups an article.
pub(super) fn weak_terms(vocab: &Vocabulary<'_>, language: Language) -> Vec<TermId> {
    let list = match language {
        Language::English => ENGLISH,
        _ => return Vec::new(),
    };
    let mut tokenizer = Tokenizer::for_language(language);
    let mut terms = Vec::new();
    for word in words_of(list) {
        tokenizer.interned_until(word, vocab, |w| terms.extend(w.term), &|| false);
    }
    terms.sort_unstable();
    terms.dedup();
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
