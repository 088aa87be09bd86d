//! Choosing the keyphrases among the scored candidates, so that each entry stands for a phrase of
//! its own: inflections and possessives share a candidate already (their words share a term), and
//! a phrase inside a chosen one ("Korea" in "North Korea" and "South Korea", "Exxon" in "Exxon
//! Valdez") keeps only the occurrences outside it, so it is listed only when those carry weight of
//! their own.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::candidates::{Candidate, Candidates, Key, MAX_WORDS, extend, len_of, terms_of};
use super::score::Scorer;

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

/// Whether a candidate may be a keyphrase at all: a single word, a phrase that recurs (a run of
/// words met once is more often a chance sequence than a name for something), or a name whose
/// words occur nowhere else (its words alone would be fragments of it: "Kim", "Jong", "Un").
fn may_be_listed(key: Key, c: &Candidate, candidates: &Candidates) -> bool {
    len_of(key) == 1
        || c.count >= 2
        || (c.name
            && c.count >= 1
            && terms_of(key).all(|t| {
                candidates
                    .get(extend(0, t))
                    .is_some_and(|w| w.count == c.count)
            }))
}

/// The keys of the phrases inside phrase `key` (each shorter run of its words, once per place).
fn inside(key: Key) -> impl Iterator<Item = Key> {
    let mut terms = [0; MAX_WORDS];
    let mut n = 0;
    for t in terms_of(key) {
        terms[n] = t;
        n += 1;
    }
    (1..n).flat_map(move |len| {
        (0..=n - len).map(move |start| {
            terms[start..start + len]
                .iter()
                .fold(0, |k: Key, &t| k << 32 | Key::from(t.wrapping_add(1)))
        })
    })
}

/// How many queue steps are taken between two checks of the cancellation callback.
const CHECK_STEPS: usize = 1 << 10;

/// The list being chosen: the phrases chosen so far (some dropped again), and how many
/// occurrences of each phrase lie inside chosen ones.
#[derive(Debug, Default)]
struct List {
    chosen: Vec<Chosen>,
    alive: Vec<bool>,
    live: usize,
    /// Chosen and still listed phrase → its place in `chosen`.
    at: HashMap<Key, usize, foldhash::fast::RandomState>,
    /// Phrase → its occurrences inside chosen phrases.
    covered: HashMap<Key, u32, foldhash::fast::RandomState>,
}

impl List {
    /// How many of the `count` occurrences of phrase `key` lie outside the chosen phrases.
    fn own(&self, key: Key, count: u32) -> u32 {
        count.saturating_sub(self.covered.get(&key).copied().unwrap_or(0))
    }

    /// Lists `chosen`; a phrase listed before inside it keeps its place only if its own
    /// occurrences still score at least `chosen`'s score, else it goes back to `queue` with the
    /// lower score (or out, with none left).
    fn push(
        &mut self,
        chosen: Chosen,
        candidates: &Candidates,
        scorer: &Scorer<'_>,
        queue: &mut BinaryHeap<Queued>,
    ) {
        self.at.insert(chosen.key, self.chosen.len());
        self.chosen.push(chosen);
        self.alive.push(true);
        self.live += 1;
        for inner in inside(chosen.key) {
            *self.covered.entry(inner).or_default() += chosen.count;
            let (Some(&j), Some(c)) = (self.at.get(&inner), candidates.get(inner)) else {
                continue;
            };
            let own = self.own(inner, c.count);
            let lowered = scorer.score(inner, c, own);
            if own > 0 && lowered >= chosen.score {
                self.chosen[j].score = lowered;
                continue;
            }
            self.alive[j] = false;
            self.live -= 1;
            self.at.remove(&inner);
            if own > 0 {
                queue.push(Queued {
                    score: lowered,
                    first_sentence: c.first_sentence,
                    key: inner,
                });
            }
        }
    }

    /// The phrases still listed, best first.
    fn into_best_first(self) -> Vec<Chosen> {
        let mut out: Vec<Chosen> = (self.chosen.into_iter().zip(self.alive))
            .filter_map(|(c, alive)| alive.then_some(c))
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }
}

/// The `max` best keyphrases, best first; `None` once `cancelled` says so.
pub(super) fn choose(
    candidates: &Candidates,
    scorer: &Scorer<'_>,
    max: usize,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Chosen>> {
    let mut pool: Vec<Queued> = Vec::with_capacity(candidates.len());
    for (n, (key, c)) in candidates.iter().enumerate() {
        if n % CHECK_STEPS == CHECK_STEPS - 1 && cancelled() {
            return None;
        }
        if may_be_listed(key, c, candidates) {
            pool.push(Queued {
                score: scorer.score(key, c, c.count),
                first_sentence: c.first_sentence,
                key,
            });
        }
    }
    // A heap is built in linear time and only the few best are taken from it.
    let mut queue = BinaryHeap::from(pool);
    let mut list = List::default();
    // Each step lists a candidate, drops one or lowers one's score (a score only falls as
    // longer phrases around it are listed): bounded, with room to spare.
    let mut steps = queue.len().saturating_mul(4 * MAX_WORDS);
    while list.live < max && steps > 0 {
        steps -= 1;
        if steps % CHECK_STEPS == 0 && cancelled() {
            return None;
        }
        let Some(top) = queue.pop() else { break };
        let Some(c) = candidates.get(top.key) else {
            continue;
        };
        if list.at.contains_key(&top.key) {
            continue;
        }
        let own = list.own(top.key, c.count);
        if own == 0 {
            continue;
        }
        let score = scorer.score(top.key, c, own);
        let next = queue.peek().map_or(f64::NEG_INFINITY, |q| q.score);
        if score < top.score && score < next {
            queue.push(Queued { score, ..top });
            continue;
        }
        let chosen = Chosen {
            key: top.key,
            score,
            count: c.count,
        };
        list.push(chosen, candidates, scorer, &mut queue);
    }
    Some(list.into_best_first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(terms: &[u32]) -> Key {
        terms
            .iter()
            .fold(0, |k: Key, &t| k << 32 | Key::from(t + 1))
    }

    #[test]
    fn the_phrases_inside_a_phrase_are_its_shorter_runs() {
        let mut found: Vec<Key> = inside(key(&[4, 5, 6])).collect();
        found.sort_unstable();
        let mut expected = vec![key(&[4]), key(&[5]), key(&[6]), key(&[4, 5]), key(&[5, 6])];
        expected.sort_unstable();
        assert_eq!(found, expected);
        assert_eq!(inside(key(&[9])).count(), 0);
    }
}
