//! Chinese and Japanese terms no keyphrase holds ([`not_words`]): a lone ideograph, and in Chinese
//! a bigram met once that is no word of a dictionary (`data/words_zh.txt`, from jieba's, in
//! Simplified and Traditional forms), which tells a bigram that is a word (经济) from one met once
//! across the edges of two words (文总 in 本文总结), where the article says too little to tell them
//! apart (what `keywords::straddles` reads from recurring bigrams).

use std::sync::LazyLock;

use crate::text::language::Language;
use crate::text::token::{TermId, Vocabulary, cjk_bigram, gram_key, is_gram};

/// The list, as shipped: comment lines, then one word a line.
const WORDS: &str = include_str!("../../../data/words_zh.txt");

/// The listed words' keys ([`gram_key`], the tokenizer's key of a bigram), sorted (built once a
/// process).
static LISTED: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut keys: Vec<u64> = (WORDS.lines())
        .map(str::trim)
        .filter(|l| cjk_bigram(l).is_some())
        .map(gram_key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
});

/// Whether the bigram `gram` is a listed word.
fn is_word(gram: &str) -> bool {
    LISTED.binary_search(&gram_key(gram)).is_ok()
}

/// How many terms [`not_words`] goes through between two checks of its cancellation callback.
const CHECK_TERMS: usize = 1 << 14;

/// The terms of `vocab` (an article in `language`, Chinese or Japanese) no keyphrase holds: a lone
/// ideograph, mostly a unit or a date's part after a number (月, 日, 年, 亿) or in Japanese a verb's
/// or adjective's stem before its hiragana ending (受, 話, 強); and in Chinese a bigram met once
/// that the list does not know, as a bigram met once is more often the edges of two words than a
/// word (a bigram met twice or more is left to the article's own evidence: names, words newer than
/// the list). `None` once `cancelled` says so.
pub(super) fn not_words(
    vocab: &Vocabulary<'_>,
    language: Language,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<TermId>> {
    let chinese = language == Language::Chinese;
    let mut out = Vec::new();
    for (t, count) in vocab.counts().enumerate() {
        if t % CHECK_TERMS == CHECK_TERMS - 1 && cancelled() {
            return None;
        }
        let t = t as TermId;
        let surface = vocab.surface(t);
        let unknown = || chinese && count < 2 && cjk_bigram(surface).is_some() && !is_word(surface);
        if is_lone_ideograph(surface) || unknown() {
            out.push(t);
        }
    }
    Some(out)
}

/// Whether `term` is one ideograph alone.
fn is_lone_ideograph(term: &str) -> bool {
    let mut chars = term.chars();
    matches!((chars.next(), chars.next()), (Some(_), None)) && is_gram(term)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_words_in_both_scripts_and_no_straddles() {
        for word in ["经济", "增长", "产品", "設計", "經濟"] {
            assert!(is_word(word), "{word}");
        }
        for straddle in ["济增", "文总", "些原", "者认"] {
            assert!(!is_word(straddle), "{straddle}");
        }
        assert!(LISTED.len() > 50_000, "{}", LISTED.len());
    }
}
