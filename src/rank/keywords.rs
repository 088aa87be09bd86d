//! Keyword weights for one document.
//!
//! A term's weight is its frequency in the article (Luhn's "significant words") times its
//! specificity, a power of its background idf ([`crate::text::lexicon`]), relative to the heaviest
//! term of the article.

use std::cell::RefCell;

use crate::text::lexicon::idf_value;
use crate::text::token::{TermId, Vocabulary};

/// One keyword of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword<'a> {
    /// The keyword as it first appears in the article.
    pub text: &'a str,
    /// Its weight in (0, 1]; the heaviest keyword has 1.
    pub weight: f64,
    /// Its number of occurrences, all inflections counted.
    pub count: u32,
}

/// How much each term of `vocab` weighs per occurrence, indexed by [`TermId`]: its background idf
/// raised to `idf_exponent` (0 gives every term the same weight, i.e. plain term frequency).
pub fn specificity(vocab: &Vocabulary<'_>, idf_exponent: f64) -> Vec<f64> {
    if idf_exponent == 0.0 {
        return vec![1.0; vocab.len()];
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
        (0..vocab.len() as TermId)
            .map(|t| table[usize::from(vocab.idf(t))])
            .collect()
    })
}

/// The weight of every term of `vocab`, indexed by [`TermId`]: its frequency in the article times
/// its specificity (`specificity[t]`, see [`specificity`]), relative to the heaviest term.
pub fn weights(vocab: &Vocabulary<'_>, specificity: &[f64]) -> Vec<f64> {
    let raw: Vec<f64> = (0..vocab.len() as TermId)
        .map(|t| f64::from(vocab.count(t)) * specificity[t as usize])
        .collect();
    let max = raw.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return vec![0.0; raw.len()];
    }
    raw.into_iter().map(|w| w / max).collect()
}

/// The `max` heaviest keywords, heaviest first, ties in order of first appearance.
pub fn top<'a>(vocab: &Vocabulary<'a>, weights: &[f64], max: usize) -> Vec<Keyword<'a>> {
    let mut ids: Vec<TermId> = (0..weights.len() as TermId).collect();
    // Stable sort keeps first-appearance order (ids are assigned in order) among equal weights.
    ids.sort_by(|&a, &b| weights[b as usize].total_cmp(&weights[a as usize]));
    ids.into_iter()
        .take(max)
        .map(|t| Keyword {
            text: vocab.surface(t),
            weight: weights[t as usize],
            count: vocab.count(t),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::Tokenizer;

    #[test]
    fn heaviest_first_ties_by_appearance() {
        let mut vocab = Vocabulary::new();
        let mut out = Vec::new();
        Tokenizer::new().terms(
            "Korea talks. Korea border. Talks again, Korea.",
            &mut vocab,
            &mut out,
        );
        let w = weights(&vocab, &vec![1.0; vocab.len()]);
        let top = top(&vocab, &w, 2);
        assert_eq!(
            top[0],
            Keyword {
                text: "Korea",
                weight: 1.0,
                count: 3
            }
        );
        assert_eq!(top[1].text, "talks");
        assert_eq!(top[1].count, 2);
        assert!((top[1].weight - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_vocabulary_has_no_keywords() {
        let vocab = Vocabulary::new();
        assert!(weights(&vocab, &[]).is_empty());
        assert!(top(&vocab, &[], 5).is_empty());
    }
}
