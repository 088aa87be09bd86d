//! Keyword weights for one document (each term's, for the sentences' scores), and the Chinese
//! and Japanese bigrams that straddle two words (for the keyphrases).
//!
//! A term's weight is its frequency in the article (Luhn's "significant words") times its
//! specificity, a power of its background idf ([`crate::text::lexicon`]), relative to the heaviest
//! term of the article.

use std::cell::RefCell;

use std::collections::HashMap;

use crate::text::lexicon::idf_value;
use crate::text::token::{TermId, Vocabulary, cjk_bigram};

/// How much each term of `vocab` weighs per occurrence, indexed by [`TermId`]: its background idf
/// raised to `idf_exponent` (0 gives every term the same weight, i.e. plain term frequency).
pub fn specificity(vocab: &Vocabulary<'_>, idf_exponent: f64) -> Vec<f64> {
    let levels = specificity_levels(idf_exponent);
    vocab
        .idfs()
        .map(|level| levels[usize::from(level)])
        .collect()
}

/// The specificity of a term of each background idf level (see [`specificity`]), so that a
/// caller can look a term's up by its level instead of keeping one number per term.
pub fn specificity_levels(idf_exponent: f64) -> Vec<f64> {
    if idf_exponent == 0.0 {
        return vec![1.0; 256];
    }
    // idf has 256 levels: raise each to the power once per thread and exponent, not once per term
    // of every article (`powf` is the costliest step of the keyword weights otherwise).
    thread_local! {
        static TABLE: RefCell<(u64, Vec<f64>)> = const { RefCell::new((0, Vec::new())) };
    }
    TABLE.with_borrow_mut(|(exponent_bits, table)| {
        if *exponent_bits != idf_exponent.to_bits() || table.is_empty() {
            *table = (0..=u8::MAX)
                .map(|level| idf_value(level).powf(idf_exponent))
                .collect();
            *exponent_bits = idf_exponent.to_bits();
        }
        table.clone()
    })
}

/// The weight of every term of `vocab`, indexed by [`TermId`]: its frequency in the article times
/// its specificity (`specificity[t]`, see [`specificity`]), relative to the heaviest term.
pub fn weights(vocab: &Vocabulary<'_>, specificity: &[f64]) -> Vec<f64> {
    let raw: Vec<f64> = vocab
        .counts()
        .zip(specificity)
        .map(|(count, s)| f64::from(count) * s)
        .collect();
    relative_to_heaviest(raw)
}

/// [`weights`], with each term's specificity looked up by its idf level in `levels` (see
/// [`specificity_levels`]).
pub fn weights_by_level(vocab: &Vocabulary<'_>, levels: &[f64]) -> Vec<f64> {
    let raw: Vec<f64> = vocab
        .counts()
        .zip(vocab.idfs())
        .map(|(count, level)| f64::from(count) * levels[usize::from(level)])
        .collect();
    relative_to_heaviest(raw)
}

/// Each weight divided by the largest (all 0 when none is positive).
fn relative_to_heaviest(raw: Vec<f64>) -> Vec<f64> {
    let max = raw.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return vec![0.0; raw.len()];
    }
    raw.into_iter().map(|w| w / max).collect()
}

/// How many terms [`straddles`] goes through between two checks of its cancellation callback.
const CHECK_TERMS: usize = 1 << 16;

/// Which terms of `vocab` are character bigrams that straddle two words: `xy` where some bigram
/// ending in `x` and some bigram starting with `y` each occur at least as often as `xy` (in
/// 经济增长, 济增 lies between 经济 and 增长), no keyphrase of their own nor part of one. Indexed by
/// [`TermId`]; two passes over the terms; `None` once `cancelled` says so (asked every
/// `CHECK_TERMS` terms: an article can have a million).
pub(crate) fn straddles(vocab: &Vocabulary<'_>, cancelled: &dyn Fn() -> bool) -> Option<Vec<bool>> {
    if !vocab.has_grams() {
        return Some(Vec::new());
    }
    let grams = || (0..vocab.len() as TermId).map(|t| (t, cjk_bigram(vocab.surface(t))));
    // The most occurrences of a bigram ending (starting) with each character.
    let mut ending: HashMap<char, u32> = HashMap::new();
    let mut starting: HashMap<char, u32> = HashMap::new();
    for (t, gram) in grams() {
        if t as usize % CHECK_TERMS == CHECK_TERMS - 1 && cancelled() {
            return None;
        }
        if let Some((a, b)) = gram {
            let count = vocab.count(t);
            let e = ending.entry(b).or_default();
            *e = (*e).max(count);
            let s = starting.entry(a).or_default();
            *s = (*s).max(count);
        }
    }
    if ending.is_empty() {
        return Some(Vec::new());
    }
    let mut straddling = Vec::with_capacity(vocab.len());
    for (t, gram) in grams() {
        if t as usize % CHECK_TERMS == CHECK_TERMS - 1 && cancelled() {
            return None;
        }
        straddling.push(gram.is_some_and(|(a, b)| {
            let count = vocab.count(t);
            ending.get(&a).is_some_and(|&c| c >= count)
                && starting.get(&b).is_some_and(|&c| c >= count)
        }));
    }
    Some(straddling)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::Tokenizer;

    #[test]
    fn weights_are_relative_to_the_heaviest_term() {
        let mut vocab = Vocabulary::new();
        let mut out = Vec::new();
        Tokenizer::new().terms(
            "Korea talks. Korea border. Talks again, Korea.",
            &mut vocab,
            &mut out,
        );
        let w = weights(&vocab, &vec![1.0; vocab.len()]);
        let korea = vocab.get("korea").unwrap_or(u32::MAX) as usize;
        let talks = vocab.get("talk").unwrap_or(u32::MAX) as usize;
        assert_eq!(w[korea], 1.0);
        assert!((w[talks] - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn bigrams_across_two_words_straddle() {
        use crate::text::language::Language;
        let mut vocab = Vocabulary::for_text_in(100, Language::Chinese);
        let mut out = Vec::new();
        Tokenizer::for_language(Language::Chinese).terms(
            "经济增长放缓。经济增长。刺激计划，刺激计划。经济。",
            &mut vocab,
            &mut out,
        );
        let straddling = straddles(&vocab, &|| false).unwrap_or_default();
        let is = |gram: &str| {
            vocab
                .get(gram)
                .is_some_and(|t| straddling.get(t as usize).copied().unwrap_or(false))
        };
        for word in ["经济", "增长", "刺激", "计划"] {
            assert!(!is(word), "{word} straddles");
        }
        for gram in ["济增", "激计"] {
            assert!(is(gram), "{gram} does not straddle");
        }
    }

    #[test]
    fn empty_vocabulary_has_no_weights() {
        let vocab = Vocabulary::new();
        assert!(weights(&vocab, &[]).is_empty());
        assert_eq!(straddles(&vocab, &|| false), Some(Vec::new()));
    }
}
