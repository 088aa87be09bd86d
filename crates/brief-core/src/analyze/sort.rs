//! The ranking's sort: best score first, ties by position, in runs that cancellation can
//! interrupt.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::*;

/// How many records are sorted at a time by [`sort_until`].
pub(super) const SORT_RUN: usize = 1 << 15;

/// Sorts record positions best score first, ties by position, asking `cancelled` between runs of
/// [`SORT_RUN`] positions (sorted one by one, then merged), so that sorting a million sentences
/// is no pause that cancellation cannot interrupt. The order is total, so this is the order a
/// single sort gives.
pub(super) fn sort_until(
    mut ranked: Vec<u32>,
    scores: &[f64],
    cancelled: Cancelled<'_>,
) -> Result<Vec<u32>, Error> {
    let before = |a: u32, b: u32| {
        scores[b as usize]
            .total_cmp(&scores[a as usize])
            .then(a.cmp(&b))
    };
    if ranked.len() <= SORT_RUN {
        ranked.sort_unstable_by(|&a, &b| before(a, b));
        return Ok(ranked);
    }
    for run in ranked.chunks_mut(SORT_RUN) {
        check(cancelled)?;
        run.sort_unstable_by(|&a, &b| before(a, b));
    }
    // Merge the runs: a heap of each run's next position, best first.
    let runs: Vec<&[u32]> = ranked.chunks(SORT_RUN).collect();
    let mut next = vec![0; runs.len()];
    let mut heap: BinaryHeap<Reverse<Head<'_>>> = (0..runs.len())
        .map(|run| Reverse(Head::new(runs[run][0], run, scores)))
        .collect();
    let mut merged = Vec::with_capacity(ranked.len());
    while let Some(Reverse(head)) = heap.pop() {
        if merged.len() % SORT_RUN == SORT_RUN - 1 {
            check(cancelled)?;
        }
        merged.push(head.position);
        next[head.run] += 1;
        if let Some(&p) = runs[head.run].get(next[head.run]) {
            heap.push(Reverse(Head::new(p, head.run, scores)));
        }
    }
    Ok(merged)
}

/// The next position of one run of [`sort_until`], ordered as the sort orders them.
struct Head<'s> {
    position: u32,
    run: usize,
    scores: &'s [f64],
}

impl<'s> Head<'s> {
    fn new(position: u32, run: usize, scores: &'s [f64]) -> Self {
        Self {
            position,
            run,
            scores,
        }
    }
}

impl Ord for Head<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.position, other.position);
        self.scores[b as usize]
            .total_cmp(&self.scores[a as usize])
            .then(a.cmp(&b))
    }
}

impl PartialOrd for Head<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Head<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.position == other.position
    }
}

impl Eq for Head<'_> {}
