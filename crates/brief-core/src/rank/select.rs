//! Choosing a brief from ranked sentences: the length budget and redundancy control.
//!
//! Selection walks the eligible sentences best first and takes each one that fits the budget and
//! is not a near-duplicate of a sentence already taken (Jaccard similarity of their term sets, as
//! a cheap stand-in for MMR). Each candidate is compared only with the sentences taken so far, so
//! the cost is O(n·k) for n sentences and a brief of k.

use std::collections::HashMap;

use crate::error::Error;
use crate::rank::features::intersection_len;

/// Sentences whose term sets overlap more than this (Jaccard) count as near-duplicates.
pub const REDUNDANCY_THRESHOLD: f64 = 0.6;

/// The default number of sentences when no limit is set.
pub const DEFAULT_SENTENCES: u32 = 3;

/// The length budget of a brief; any combination of limits, the tightest wins.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Budget {
    /// The most sentences.
    pub max_sentences: Option<u32>,
    /// The most sentences as a fraction of the eligible sentences, in (0, 1], rounded up.
    pub ratio: Option<f64>,
    /// The most words.
    pub max_words: Option<u32>,
    /// The most characters (code points) of the sentences joined by single spaces.
    pub max_chars: Option<u32>,
}

/// Which limit stopped selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitedBy {
    /// The sentence limit (or the default of [`DEFAULT_SENTENCES`]).
    MaxSentences,
    /// The ratio limit.
    Ratio,
    /// The word limit.
    MaxWords,
    /// The character limit.
    MaxChars,
    /// No limit: every eligible sentence was taken or was redundant.
    Document,
}

impl Budget {
    /// Checks the limits: a ratio must be in (0, 1].
    pub fn validate(&self) -> Result<(), Error> {
        match self.ratio {
            Some(r) if !(r > 0.0 && r <= 1.0) => Err(Error::InvalidRatio(r)),
            _ => Ok(()),
        }
    }

    /// The most sentences for an article of `eligible` sentences, and the limit that sets it.
    fn sentence_limit(&self, eligible: usize) -> Option<(usize, LimitedBy)> {
        let nothing_set = self.max_sentences.is_none()
            && self.ratio.is_none()
            && self.max_words.is_none()
            && self.max_chars.is_none();
        let by_count = self
            .max_sentences
            .or(nothing_set.then_some(DEFAULT_SENTENCES))
            .map(|n| (n as usize, LimitedBy::MaxSentences));
        let by_ratio = self
            .ratio
            .map(|r| ((r * eligible as f64).ceil() as usize, LimitedBy::Ratio));
        match (by_count, by_ratio) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// One candidate for selection.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'s> {
    /// Index of the sentence in the article.
    pub index: usize,
    /// Its distinct terms, sorted.
    pub terms: &'s [u32],
    /// Its word count.
    pub words: u32,
    /// The sentence itself: its length in characters (code points) is counted only under a
    /// character budget, for the few candidates selection looks at.
    pub text: &'s str,
}

/// The sentences chosen for a brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// Indices of the chosen sentences, best first.
    pub indices: Vec<usize>,
    /// The limit that stopped selection.
    pub limited_by: LimitedBy,
}

/// Chooses sentences from `ranked` (best first) within `budget`.
///
/// Always returns at least one sentence when `ranked` is not empty, even if it alone breaks the
/// word or character limit.
pub fn select(ranked: &[Candidate<'_>], budget: &Budget) -> Selection {
    match select_until(ranked.iter().copied(), budget, |_| 0, &|| false) {
        Ok(selection) => selection,
        // Never cancelled.
        Err(_) => Selection {
            indices: Vec::new(),
            limited_by: LimitedBy::Document,
        },
    }
}

/// How many steps of the redundancy search [`select_until`] takes between two checks of its
/// cancellation callback.
const CHECK_STEPS: usize = 1 << 16;

/// [`select`] over candidates made one at a time (so that an article of many sentences needs no
/// list of them), stopping with [`Error::Cancelled`] once `cancelled` says so.
///
/// Past a few chosen sentences, a candidate is compared only with those that share a term of its
/// *prefix*:
/// its rarest terms (by `frequency`, then id), as many as it can miss and still be a
/// near-duplicate, plus one. Any chosen sentence more similar than
/// [`REDUNDANCY_THRESHOLD`] shares one (the prefix filter of Bayardo et al., "Scaling up all
/// pairs similarity search", 2007), so the result is that of comparing with every chosen
/// sentence, without the cost of that when a budget takes thousands of sentences.
pub fn select_until<'s>(
    ranked: impl ExactSizeIterator<Item = Candidate<'s>>,
    budget: &Budget,
    frequency: impl Fn(u32) -> u32,
    cancelled: &dyn Fn() -> bool,
) -> Result<Selection, Error> {
    let limit = budget.sentence_limit(ranked.len());
    let total = ranked.len();
    let mut chosen: Vec<Candidate<'s>> = Vec::new();
    let mut index = Prefixes::default();
    let mut prefix = Vec::new();
    let mut first = None;
    let (mut words, mut chars) = (0u64, 0u64);
    let mut limited_by = None;

    for (n, cand) in ranked.enumerate() {
        first.get_or_insert(cand.index);
        if let Some((max, by)) = limit
            && chosen.len() >= max
        {
            limited_by = Some(by);
            break;
        }
        if index.redundant(&chosen, &cand, n, &frequency, &mut prefix, cancelled)? {
            continue;
        }
        let next_words = words + u64::from(cand.words);
        let cand_chars = match budget.max_chars {
            Some(_) => cand.text.chars().count() as u64,
            None => 0,
        };
        // Sentences are joined by one space.
        let next_chars = chars + cand_chars + u64::from(!chosen.is_empty());
        if budget.max_words.is_some_and(|m| next_words > u64::from(m)) {
            limited_by.get_or_insert(LimitedBy::MaxWords);
            continue;
        }
        if budget.max_chars.is_some_and(|m| next_chars > u64::from(m)) {
            limited_by.get_or_insert(LimitedBy::MaxChars);
            continue;
        }
        chosen.push(cand);
        // Indexed only when another candidate may come.
        if n + 1 < total {
            index.add(&chosen, n, &frequency, &mut prefix, cancelled)?;
        }
        words = next_words;
        chars = next_chars;
    }

    let mut indices: Vec<usize> = chosen.iter().map(|c| c.index).collect();
    if indices.is_empty()
        && let Some(first) = first
    {
        // Nothing fit: a brief of one sentence over the limit beats an empty brief.
        indices.push(first);
    }
    Ok(Selection {
        indices,
        limited_by: limited_by.unwrap_or(LimitedBy::Document),
    })
}

/// Up to how many chosen sentences a candidate is compared with each of them; past that, only
/// with those that share a term of its prefix (see [`select_until`]). A brief of a few sentences
/// never needs the index.
const COMPARE_ALL_UP_TO: usize = 32;

/// The prefixes of the chosen sentences (see [`select_until`]), for finding the ones a
/// candidate may be a near-duplicate of, once there are more than [`COMPARE_ALL_UP_TO`].
#[derive(Debug, Default)]
struct Prefixes {
    /// Prefix term → the chosen sentences with it in their prefix, as a list through `links`:
    /// its last entry there, each entry the chosen sentence and the entry before.
    postings: HashMap<u32, u32, foldhash::fast::RandomState>,
    links: Vec<(u32, u32)>,
    /// How many of the chosen sentences are indexed.
    indexed: usize,
    /// For each indexed sentence, the last candidate it was compared with.
    compared: Vec<usize>,
    steps: usize,
}

impl Prefixes {
    /// Counts a step, asking `cancelled` every [`CHECK_STEPS`] steps.
    fn step(&mut self, cancelled: &dyn Fn() -> bool) -> Result<(), Error> {
        self.steps += 1;
        if self.steps.is_multiple_of(CHECK_STEPS) && cancelled() {
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// Whether `cand`, the `n`-th candidate, is a near-duplicate of one of the `chosen`.
    /// `prefix` is scratch space.
    fn redundant(
        &mut self,
        chosen: &[Candidate<'_>],
        cand: &Candidate<'_>,
        n: usize,
        frequency: &impl Fn(u32) -> u32,
        prefix: &mut Vec<u32>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<bool, Error> {
        self.step(cancelled)?;
        if self.indexed == 0 {
            for c in chosen {
                self.step(cancelled)?;
                if similarity(c.terms, cand.terms) > REDUNDANCY_THRESHOLD {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        prefix_of(cand.terms, frequency, prefix);
        for t in prefix.iter() {
            let mut entry = self.postings.get(t).copied();
            while let Some(e) = entry {
                let (c, before) = self.links[e as usize];
                entry = (before != u32::MAX).then_some(before);
                self.step(cancelled)?;
                let c = c as usize;
                if self.compared[c] == n {
                    continue;
                }
                self.compared[c] = n;
                if similarity(chosen[c].terms, cand.terms) > REDUNDANCY_THRESHOLD {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Indexes the last of the `chosen`, the `n`-th candidate (and all of them once there are
    /// more than [`COMPARE_ALL_UP_TO`]). `prefix` is scratch space.
    fn add(
        &mut self,
        chosen: &[Candidate<'_>],
        n: usize,
        frequency: &impl Fn(u32) -> u32,
        prefix: &mut Vec<u32>,
        cancelled: &dyn Fn() -> bool,
    ) -> Result<(), Error> {
        if chosen.len() <= COMPARE_ALL_UP_TO {
            return Ok(());
        }
        for (position, c) in chosen.iter().enumerate().skip(self.indexed) {
            prefix_of(c.terms, frequency, prefix);
            let position = u32::try_from(position).unwrap_or(u32::MAX);
            for &t in prefix.iter() {
                self.step(cancelled)?;
                let entry = u32::try_from(self.links.len()).unwrap_or(u32::MAX);
                let before = self.postings.insert(t, entry).unwrap_or(u32::MAX);
                self.links.push((position, before));
            }
            self.compared.push(n);
        }
        self.indexed = chosen.len();
        Ok(())
    }
}

/// The prefix of `terms` into `prefix`: its [`prefix_len`] rarest terms (by `frequency`, then
/// id), in no particular order.
fn prefix_of(terms: &[u32], frequency: &impl Fn(u32) -> u32, prefix: &mut Vec<u32>) {
    prefix.clear();
    prefix.extend_from_slice(terms);
    let len = prefix_len(terms.len());
    if len < prefix.len() {
        // Linear, not a sort.
        prefix.select_nth_unstable_by_key(len, |&t| (frequency(t), t));
        prefix.truncate(len);
    }
}

/// The length of the prefix of a set of `n` terms (see [`select_until`]): `n − ⌈0.6·n⌉ + 1`, as
/// a near-duplicate shares more than 0.6 of the larger set (`REDUNDANCY_THRESHOLD`); 0 for an
/// empty set, which is no near-duplicate of anything.
fn prefix_len(n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    n - (3 * n).div_ceil(5) + 1
}

/// Jaccard similarity of two sorted, distinct term sets; 0 when both are empty.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let common = intersection_len(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use proptest::collection;
    use proptest::prop_assert_eq;
    use proptest::test_runner::{Config as ProptestConfig, RngAlgorithm, TestRng, TestRunner};

    use super::*;

    /// Five characters for each of up to sixty words.
    const TEXT: &str = "abcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcdeabcde";

    /// A candidate of `words` words (at most sixty), five characters each.
    fn cand(index: usize, terms: &[u32], words: u32) -> Candidate<'_> {
        Candidate {
            index,
            terms,
            words,
            text: &TEXT[..words as usize * 5],
        }
    }

    #[test]
    fn default_is_three_sentences() {
        let ranked: Vec<_> = (0..5).map(|i| cand(i, &[], 10)).collect();
        let s = select(&ranked, &Budget::default());
        assert_eq!(s.indices, [0, 1, 2]);
        assert_eq!(s.limited_by, LimitedBy::MaxSentences);
    }

    #[test]
    fn tightest_limit_wins() {
        let ranked: Vec<_> = (0..10).map(|i| cand(i, &[], 10)).collect();
        let b = Budget {
            max_sentences: Some(5),
            ratio: Some(0.2),
            ..Budget::default()
        };
        let s = select(&ranked, &b);
        assert_eq!(s.indices.len(), 2);
        assert_eq!(s.limited_by, LimitedBy::Ratio);
        let b = Budget {
            max_sentences: Some(5),
            max_words: Some(25),
            ..Budget::default()
        };
        let s = select(&ranked, &b);
        assert_eq!(s.indices.len(), 2);
        assert_eq!(s.limited_by, LimitedBy::MaxWords);
    }

    #[test]
    fn a_short_sentence_further_down_may_still_fit() {
        let ranked = [cand(0, &[], 10), cand(1, &[], 30), cand(2, &[], 5)];
        let b = Budget {
            max_words: Some(20),
            ..Budget::default()
        };
        let s = select(&ranked, &b);
        assert_eq!(s.indices, [0, 2]);
        assert_eq!(s.limited_by, LimitedBy::MaxWords);
    }

    #[test]
    fn at_least_one_sentence_even_over_budget() {
        let ranked = [cand(4, &[], 50)];
        let b = Budget {
            max_chars: Some(10),
            ..Budget::default()
        };
        let s = select(&ranked, &b);
        assert_eq!(s.indices, [4]);
        assert_eq!(s.limited_by, LimitedBy::MaxChars);
    }

    #[test]
    fn near_duplicates_are_skipped() {
        let ranked = [
            cand(0, &[1, 2, 3, 4], 10),
            cand(1, &[1, 2, 3, 4, 5], 10),
            cand(2, &[7, 8], 10),
        ];
        let s = select(&ranked, &Budget::default());
        assert_eq!(s.indices, [0, 2]);
        assert_eq!(s.limited_by, LimitedBy::Document);
    }

    #[test]
    fn the_prefix_filter_finds_every_near_duplicate() {
        // 400 term sets of one to six terms over a small alphabet, so that many pairs are
        // near-duplicates; the filtered search must choose exactly what comparing with every
        // chosen sentence chooses. Drawn by proptest from a fixed seed: 16 articles.
        let articles = collection::vec(collection::btree_set(0u32..9, 1..=6), 400);
        let config = ProptestConfig {
            cases: 16,
            failure_persistence: None,
            ..ProptestConfig::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::default()));
        let result = runner.run(&articles, |sets| {
            let sets: Vec<Vec<u32>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            prop_assert_eq!(filtered_choice(&sets), naive_choice(&sets));
            Ok(())
        });
        if let Err(failure) = result {
            panic!("{failure}");
        }
    }

    /// The term sets (sorted, distinct) as candidates of one word each, best first.
    fn candidates(sets: &[Vec<u32>]) -> Vec<Candidate<'_>> {
        sets.iter()
            .enumerate()
            .map(|(i, t)| cand(i, t, 1))
            .collect()
    }

    /// What [`select_until`] chooses of `sets` with no length limit.
    fn filtered_choice(sets: &[Vec<u32>]) -> Vec<usize> {
        let budget = Budget {
            ratio: Some(1.0),
            ..Budget::default()
        };
        let frequency = |t: u32| (t * 7919) % 13;
        select_until(candidates(sets).into_iter(), &budget, frequency, &|| false)
            .map(|s| s.indices)
            .unwrap_or_default()
    }

    /// What comparing each set with every chosen one chooses.
    fn naive_choice(sets: &[Vec<u32>]) -> Vec<usize> {
        let mut naive: Vec<usize> = Vec::new();
        for c in &candidates(sets) {
            if !naive
                .iter()
                .any(|&i| similarity(&sets[i], c.terms) > REDUNDANCY_THRESHOLD)
            {
                naive.push(c.index);
            }
        }
        naive
    }

    #[test]
    fn prefixes_are_as_long_as_a_near_duplicate_can_miss_plus_one() {
        assert_eq!(
            (0..=6).map(prefix_len).collect::<Vec<_>>(),
            [0, 1, 1, 2, 2, 3, 3]
        );
    }

    #[test]
    fn ratio_must_be_in_unit_interval() {
        for r in [0.0, -0.5, 1.5, f64::NAN, f64::INFINITY] {
            let b = Budget {
                ratio: Some(r),
                ..Budget::default()
            };
            assert!(b.validate().is_err(), "{r}");
        }
        assert!(
            Budget {
                ratio: Some(1.0),
                ..Budget::default()
            }
            .validate()
            .is_ok()
        );
    }
}
