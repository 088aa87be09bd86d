//! Stop words: function words that carry no topic and so never become terms.
//!
//! English has brief's own list ([`is_stop_word`]); every other language (and English where the
//! segmenter asks [`Language::is_stop_word`]) has NLTK's list from the `stop-words` crate, built
//! once per process.
//!
//! The English list is Snowball's English stop word list plus a few words that are frequent in news but
//! say nothing about a story ("said", "also", "would"). Words are lowercase, with `'` as the
//! apostrophe. Every list is a [`WordSet`].

use std::sync::LazyLock;

use super::language::Language;
use super::wordset::{WordSet, word_set};

/// Sorted English stop words.
const ENGLISH_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "how's",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "me",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "mustn't",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "shan't",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "when's",
    "where",
    "where's",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "why",
    "why's",
    "will",
    "with",
    "won't",
    "would",
    "wouldn't",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// brief's English stop words.
pub static ENGLISH: WordSet = word_set!(ENGLISH_WORDS);

/// True when `word` (lowercase, `'` apostrophes) is an English stop word (brief's list).
pub fn is_stop_word(word: &str) -> bool {
    ENGLISH.contains(word.as_bytes())
}

/// Every language's NLTK stop words, in [`Language::all`] order, built on first use (see
/// [`preload`]).
static BY_LANGUAGE: LazyLock<Vec<WordSet>> = LazyLock::new(|| {
    Language::all()
        .map(|l| {
            let words = l.stop_word_code().and_then(stop_words::lookup);
            WordSet::from_words(words.unwrap_or_default().iter().copied())
        })
        .collect()
});

/// Builds every language's stop-word set now rather than on the first request.
pub fn preload() {
    LazyLock::force(&BY_LANGUAGE);
}

impl Language {
    /// True when `folded` (lowercase) is a stop word of this language (NLTK's list).
    pub fn is_stop_word(self, folded: &str) -> bool {
        self.entry()
            .is_some_and(|i| BY_LANGUAGE[i].contains(folded.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::wordset::reference::{agrees_on, check};

    #[test]
    fn every_list_agrees_with_a_reference() {
        // `word_set!` checked at compile time that the English list is sorted and distinct.
        check(&ENGLISH, ENGLISH_WORDS);
        assert!(ENGLISH_WORDS.iter().all(|w| is_stop_word(w)));
        for language in Language::all() {
            let list = language.stop_word_code().and_then(stop_words::lookup);
            check(&BY_LANGUAGE[language as usize], list.unwrap_or_default());
        }
    }

    proptest! {
        /// Near misses of stop words of every language, against a linear search.
        #[test]
        fn lookups_agree_with_a_linear_search(
            pick in any::<prop::sample::Index>(),
            member in any::<prop::sample::Index>(),
            cut in 0usize..24,
            tail in "[a-z'é]{0,3}",
        ) {
            let sets: Vec<&WordSet> =
                std::iter::once(&ENGLISH).chain(BY_LANGUAGE.iter()).filter(|s| !s.is_empty()).collect();
            let set = sets[pick.index(sets.len())];
            let word = set.words()[member.index(set.len())].as_bytes();
            let mut near = word[..cut.min(word.len())].to_vec();
            near.extend_from_slice(tail.as_bytes());
            agrees_on(set, &near);
        }
    }

    #[test]
    fn finds_stop_words_only() {
        assert!(is_stop_word("the"));
        assert!(is_stop_word("don't"));
        assert!(is_stop_word("said"));
        assert!(!is_stop_word("korea"));
        assert!(!is_stop_word(""));
    }
}
