//! Per-sentence features and the weights that combine them into a score.
//!
//! The features follow Edmundson (1969) and TextTeaser: where the sentence stands (news puts the
//! most important facts first), how much of the article's vocabulary it carries, how much of the
//! title and query it shares, and its length.

/// Sentences with fewer words than this are "short": they rarely carry a story on their own.
pub const SHORT_WORDS: u32 = 8;

/// The features of one sentence, each in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Position prior: 1 for the first eligible sentence, decaying with relative position.
    pub position: f64,
    /// Summed keyword weight of the sentence's distinct terms, relative to the heaviest sentence.
    pub keyword: f64,
    /// Share of the title's terms found in the sentence.
    pub title: f64,
    /// Word count relative to the article's longest eligible sentence.
    pub length: f64,
    /// Share of the query's terms found in the sentence.
    pub query: f64,
    /// 1 for the first sentence of a paragraph.
    pub paragraph_start: f64,
    /// 1 for a sentence of fewer than [`SHORT_WORDS`] words.
    pub short: f64,
}

/// How much each feature adds to (or, when negative, takes from) a sentence's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of [`Features::position`].
    pub position: f64,
    /// Steepness of the position decay: `position = exp(-decay * i / n)`.
    pub position_decay: f64,
    /// Weight of [`Features::keyword`].
    pub keyword: f64,
    /// Weight of [`Features::title`].
    pub title: f64,
    /// Weight of [`Features::length`].
    pub length: f64,
    /// Weight of [`Features::query`].
    pub query: f64,
    /// Weight of [`Features::paragraph_start`].
    pub paragraph_start: f64,
    /// Weight of [`Features::short`].
    pub short: f64,
}

impl Default for Weights {
    /// The weights a grid search over news found best for a lead-heavy story (see DESIGN.md §4).
    fn default() -> Self {
        Self {
            position: 0.25,
            position_decay: 12.0,
            keyword: 0.5,
            title: 1.0,
            length: -0.5,
            query: 1.0,
            paragraph_start: 0.25,
            short: -0.5,
        }
    }
}

impl std::str::FromStr for Weights {
    type Err = String;

    /// Parses `name=value,...` over the defaults; names are the field names.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut w = Weights::default();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?}: expected name=value"))?;
            let value: f64 = value.trim().parse().map_err(|e| format!("{pair:?}: {e}"))?;
            if !value.is_finite() {
                return Err(format!("{pair:?}: the weight must be a finite number"));
            }
            let slot = match name.trim() {
                "position" => &mut w.position,
                "position_decay" => &mut w.position_decay,
                "keyword" => &mut w.keyword,
                "title" => &mut w.title,
                "length" => &mut w.length,
                "query" => &mut w.query,
                "paragraph_start" => &mut w.paragraph_start,
                "short" => &mut w.short,
                other => return Err(format!("unknown weight {other:?}")),
            };
            *slot = value;
        }
        Ok(w)
    }
}

impl Features {
    /// The position prior of the `i`-th of `n` eligible sentences.
    pub fn position_prior(i: usize, n: usize, decay: f64) -> f64 {
        if n == 0 {
            return 0.0;
        }
        (-decay * i as f64 / n as f64).exp()
    }

    /// The weighted sum of the features.
    pub fn score(&self, w: &Weights) -> f64 {
        w.position * self.position
            + w.keyword * self.keyword
            + w.title * self.title
            + w.length * self.length
            + w.query * self.query
            + w.paragraph_start * self.paragraph_start
            + w.short * self.short
    }
}

/// The share of `wanted` terms (sorted, distinct) that occur in `have` (sorted, distinct).
pub fn overlap(wanted: &[u32], have: &[u32]) -> f64 {
    if wanted.is_empty() {
        return 0.0;
    }
    intersection_len(wanted, have) as f64 / wanted.len() as f64
}

/// The number of elements common to two sorted, distinct slices, by merging them in linear time.
pub fn intersection_len(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_prior_decays_from_one() {
        assert_eq!(Features::position_prior(0, 10, 12.0), 1.0);
        assert!(Features::position_prior(1, 10, 12.0) < Features::position_prior(0, 10, 12.0));
        assert_eq!(Features::position_prior(0, 0, 12.0), 0.0);
    }

    #[test]
    fn overlap_counts_shared_terms() {
        assert_eq!(intersection_len(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(overlap(&[1, 2], &[2, 3]), 0.5);
        assert_eq!(overlap(&[], &[2, 3]), 0.0);
    }

    #[test]
    fn score_is_the_weighted_sum() {
        let f = Features {
            position: 1.0,
            short: 1.0,
            ..Features::default()
        };
        let w = Weights::default();
        assert!((f.score(&w) - (w.position + w.short)).abs() < 1e-12);
    }
}
