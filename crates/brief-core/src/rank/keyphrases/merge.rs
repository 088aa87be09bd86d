//! Choosing the keyphrases among the scored candidates, so that each entry stands for a phrase of
//! its own: inflections and possessives share a candidate already (their words share a term), and
//! a phrase inside a chosen one ("Korea" in "North Korea" and "South Korea", "Exxon" in "Exxon
//! Valdez") keeps only the occurrences outside it, so it is listed only when those carry weight of
//! their own.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::text::token::TermId;

use super::candidates::{Candidate, Candidates, Key, MAX_WORDS, len_of, terms_of};
use super::score::Scorer;

/// How many candidates, per keyphrase asked for, are considered for the list (the others score
/// too low to enter it even after the candidates above them give way).
const POOL_PER_KEYPHRASE: usize = 6;

/// A candidate in the queue, ordered by score, then first appearance, then key.
#[derive(Debug, Clone, Copy)]
struct Queued {
    score: f64,
    first_sentence: u32,
    key: Key,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.first_sentence.cmp(&self.first_sentence))
            .then(other.key.cmp(&self.key))
    }
}

/// One chosen keyphrase: its key, score and occurrences.
#[derive(Debug, Clone, Copy)]
pub(super) struct Chosen {
    pub(super) key: Key,
    pub(super) score: f64,
    pub(super) count: u32,
}

/// Whether a candidate of more than one word may be a keyphrase at all: it recurs, or all its
/// words are in the title.
fn may_be_listed(key: Key, c: &Candidate) -> bool {
    len_of(key) == 1 || c.count >= 2
}

/// The terms of `key` as an array and their number.
fn unpack(key: Key) -> ([TermId; MAX_WORDS], usize) {
    let mut out = [0; MAX_WORDS];
    let mut n = 0;
    for t in terms_of(key) {
        out[n] = t;
        n += 1;
    }
    (out, n)
}

/// Whether phrase `inner` lies inside the longer phrase `outer`.
fn lies_inside(inner: &[TermId], outer: &[TermId]) -> bool {
    inner.len() < outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

/// The `max` best keyphrases, best first.
pub(super) fn choose(candidates: &Candidates, scorer: &Scorer<'_>, max: usize) -> Vec<Chosen> {
    let mut pool: Vec<Queued> = candidates
        .counts
        .iter()
        .filter(|(key, c)| may_be_listed(**key, c))
        .map(|(&key, c)| Queued {
            score: scorer.score(key, c, c.count),
            first_sentence: c.first_sentence,
            key,
        })
        .collect();
    let keep = max.saturating_mul(POOL_PER_KEYPHRASE).saturating_add(16);
    if keep < pool.len() {
        pool.select_nth_unstable_by(keep, |a, b| b.cmp(a));
        pool.truncate(keep);
    }
    let mut queue = BinaryHeap::from(pool);
    let mut chosen: Vec<(Chosen, [TermId; MAX_WORDS], usize)> = Vec::with_capacity(max);
    while chosen.len() < max {
        let Some(top) = queue.pop() else { break };
        let Some(c) = candidates.counts.get(&top.key) else {
            continue;
        };
        let (terms, n) = unpack(top.key);
        let covered: u32 = chosen
            .iter()
            .filter(|(_, outer, m)| lies_inside(&terms[..n], &outer[..*m]))
            .map(|(k, _, _)| k.count)
            .sum();
        let own = c.count.saturating_sub(covered);
        if own == 0 {
            continue;
        }
        let score = scorer.score(top.key, c, own);
        let next = queue.peek().map_or(f64::NEG_INFINITY, |q| q.score);
        if score < top.score && score < next {
            queue.push(Queued { score, ..top });
            continue;
        }
        chosen.push((
            Chosen {
                key: top.key,
                score,
                count: c.count,
            },
            terms,
            n,
        ));
    }
    chosen.into_iter().map(|(c, _, _)| c).collect()
}
