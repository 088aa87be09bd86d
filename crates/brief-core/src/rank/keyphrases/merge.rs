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

/// Whether a candidate may be a keyphrase at all: a single word, or a phrase that recurs (a
/// run of words met once is more often a chance sequence than a name for something).
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

/// A chosen keyphrase with its terms.
type Entry = (Chosen, [TermId; MAX_WORDS], usize);

/// How many of a phrase's `count` occurrences lie outside the longer chosen phrases.
fn own_count(terms: &[TermId], count: u32, chosen: &[Entry]) -> u32 {
    let covered: u32 = chosen
        .iter()
        .filter(|(_, outer, m)| lies_inside(terms, &outer[..*m]))
        .map(|(k, _, _)| k.count)
        .sum();
    count.saturating_sub(covered)
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
    let mut chosen: Vec<Entry> = Vec::with_capacity(max);
    // Each step chooses a candidate or lowers one's score (a candidate's score only falls as
    // longer phrases around it are chosen): bounded, with room to spare.
    let mut steps = queue.len().saturating_mul(4 * MAX_WORDS);
    while chosen.len() < max && steps > 0 {
        steps -= 1;
        let Some(top) = queue.pop() else { break };
        let Some(c) = candidates.counts.get(&top.key) else {
            continue;
        };
        let (terms, n) = unpack(top.key);
        let own = own_count(&terms[..n], c.count, &chosen);
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
        // A phrase chosen before, inside this one, keeps its place only on its own occurrences.
        let mut p = 0;
        while p + 1 < chosen.len() {
            let (inner, inner_terms, m) = chosen[p];
            let inner_count = candidates.counts.get(&inner.key).map_or(0, |c| c.count);
            if !lies_inside(&inner_terms[..m], &terms[..n]) {
                p += 1;
                continue;
            }
            let own = own_count(&inner_terms[..m], inner_count, &chosen);
            let lowered = candidates
                .counts
                .get(&inner.key)
                .map_or(0.0, |c| scorer.score(inner.key, c, own));
            if own > 0 && lowered >= score {
                chosen[p].0.score = lowered;
                p += 1;
                continue;
            }
            chosen.remove(p);
            if own > 0 {
                queue.push(Queued {
                    score: lowered,
                    first_sentence: candidates
                        .counts
                        .get(&inner.key)
                        .map_or(0, |c| c.first_sentence),
                    key: inner.key,
                });
            }
        }
    }
    chosen.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    chosen.into_iter().map(|(c, _, _)| c).collect()
}
