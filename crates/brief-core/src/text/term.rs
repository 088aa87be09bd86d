//! What makes a folded word a term: the rule shared by the lexicon (which applies it to every
//! listed form once) and the tokenizer (which applies it to the words the lexicon does not list).
//!
//! A content word is not a stop word, not a lone character and not a bare number; its term is its
//! stem in a stemmed language, the word itself in the others.

use super::language::{Language, Support};
use super::stem::english_stem;
use super::stopwords::is_stop_word;

/// The stem of a folded English word if it is a content word: stop words, single characters and
/// bare numbers are not.
pub fn stem_of_folded(folded: &str) -> Option<String> {
    if is_stop_word(folded)
        || folded.chars().nth(1).is_none()
        || folded.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(english_stem(folded))
}

/// The term of a folded word in `language` if it is a content word (see [`stem_of_folded`]).
pub fn term_of_folded(folded: &str, language: Language) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_fifteen_languages_have_stop_words_and_a_stemmer() {
        let stemmed: Vec<&str> = Language::all()
            .filter(|l| l.support() == Support::Stemmed)
            .map(Language::tag)
            .collect();
        assert!(stemmed.len() >= 15, "{stemmed:?}");
        for l in Language::all().filter(|l| l.support() != Support::CharacterNgrams) {
            assert!(l.is_stop_word(match l {
                Language::English => "the",
                Language::German => "und",
                Language::French => "les",
                Language::Spanish => "los",
                Language::Russian => "и",
                _ => continue,
            }));
        }
        assert!(!Language::German.is_stop_word("regierung"));
        assert_eq!(Language::German.stem("regierungen"), "regier");
        assert_eq!(Language::French.stem("présidentielles"), "présidentiel");
        assert_eq!(Language::Neutral.stem("서울"), "서울");
    }
}
