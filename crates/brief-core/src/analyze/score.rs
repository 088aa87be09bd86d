//! Scoring: the article-wide scale, each eligible sentence's features (keyword mass, centrality,
//! title and query overlap, ...) and the ranking they give.

use super::*;

/// The article-wide quantities that features are relative to.
#[derive(Debug)]
pub(super) struct Scale {
    pub(super) weights: Weights,
    pub(super) eligible: usize,
    pub(super) max_words: u32,
    pub(super) max_keyword: f64,
    pub(super) max_centrality: f64,
    /// The squared norm of the article's term vector (see [`Analysis::centrality`]).
    pub(super) doc_norm2: f64,
    pub(super) title_terms: TermSet,
    pub(super) query_terms: TermSet,
    /// The article is English (the word lists of some features are).
    pub(super) english: bool,
}

impl Analysis<'_> {
    /// Scores the eligible sentences and ranks them.
    pub(super) fn score(&mut self, cancelled: Cancelled<'_>) -> Result<(), Error> {
        self.scale.doc_norm2 = self
            .vocab
            .counts()
            .zip(self.vocab.idfs())
            .map(|(count, level)| (f64::from(count) * self.specificity[usize::from(level)]).powi(2))
            .sum();
        // First pass: the article-wide maxima; each sentence's centrality (the costlier of the two)
        // is kept in its score slot until the second pass replaces it with the score.
        let mut scores = vec![0.0; self.records.len()];
        let (mut eligible, mut max_words) = (0, 0);
        for (p, r) in self.records.iter().enumerate() {
            if p % CHECK_EVERY == CHECK_EVERY - 1 {
                check(cancelled)?;
            }
            if r.exclusion().is_some() {
                continue;
            }
            eligible += 1;
            max_words = max_words.max(r.words());
            scores[p] = self.centrality(p);
            self.scale.max_keyword = f64::max(self.scale.max_keyword, self.keyword_mass(p));
            self.scale.max_centrality = f64::max(self.scale.max_centrality, scores[p]);
        }
        self.scale.eligible = eligible;
        self.scale.max_words = max_words.max(1);
        let mut ranked = Vec::with_capacity(eligible);
        for (p, r) in self.records.iter().enumerate() {
            if p % CHECK_EVERY == CHECK_EVERY - 1 {
                check(cancelled)?;
            }
            if r.exclusion().is_some() {
                continue;
            }
            let features = self.features(p, ranked.len(), scores[p]);
            scores[p] = features.score(&self.scale.weights);
            ranked.push(u32::try_from(p).unwrap_or(u32::MAX));
        }
        check(cancelled)?;
        // Deterministic: best score first, ties broken by position. The order is total (positions
        // are distinct), so an unstable sort gives the same result as a stable one.
        self.ranked = sort_until(ranked, &scores, cancelled)?;
        self.scores = scores;
        Ok(())
    }

    /// The distinct terms of record `p`, and how often each occurs in it.
    pub(super) fn terms_of(&self, p: usize) -> (&[TermId], &[u32]) {
        let start = self.records[p].terms as usize;
        let end = self
            .records
            .get(p + 1)
            .map_or(self.terms.len(), |r| r.terms as usize);
        (&self.terms[start..end], &self.term_counts[start..end])
    }

    /// The summed keyword weight of record `p`'s distinct terms.
    fn keyword_mass(&self, p: usize) -> f64 {
        self.terms_of(p)
            .0
            .iter()
            .map(|&t| self.weights[t as usize])
            .sum()
    }

    /// The cosine similarity of record `p`'s term vector with that of the rest of the article
    /// (the article's vector minus the sentence's own, so that a sentence is not central for
    /// resembling itself). A term's entry is its count times its specificity.
    ///
    /// With `c` the sentence's vector and `D` the article's, `c·(D−c) = c·D − |c|²` and
    /// `|D−c|² = |D|² − 2c·D + |c|²`, so each sentence costs only its own terms: the whole pass
    /// is linear in the article, where a sentence-by-sentence similarity graph would be
    /// quadratic.
    pub(super) fn centrality(&self, p: usize) -> f64 {
        let (terms, counts) = self.terms_of(p);
        let (mut dot, mut own2) = (0.0, 0.0);
        for (&t, &c) in terms.iter().zip(counts) {
            let s = self.specificity[usize::from(self.vocab.idf(t))];
            let c = f64::from(c) * s;
            dot += c * (f64::from(self.vocab.count(t)) * s);
            own2 += c * c;
        }
        let rest2 = (self.scale.doc_norm2 - 2.0 * dot + own2).max(0.0);
        let denominator = (own2 * rest2).sqrt();
        if denominator > 0.0 {
            (dot - own2) / denominator
        } else {
            0.0
        }
    }

    /// The features of eligible record `p`, the `ordinal`-th eligible sentence, given its
    /// centrality.
    pub(super) fn features(&self, p: usize, ordinal: usize, centrality: f64) -> Features {
        let r = &self.records[p];
        let scale = &self.scale;
        let (terms, counts) = self.terms_of(p);
        let content_words: u32 = counts.iter().sum();
        // The keyword mass (as `keyword_mass` sums it, from -0.0 as `Sum` does) and the weight of
        // every occurrence, in one pass.
        let (mut keyword_mass, mut weight_sum) = (-0.0, -0.0);
        for (&t, &c) in terms.iter().zip(counts) {
            let w = self.weights[t as usize];
            keyword_mass += w;
            weight_sum += w * f64::from(c);
        }
        let relative = |x: f64, max: f64| if max > 0.0 { x / max } else { 0.0 };
        let words = r.words();
        let damping = if scale.weights.short_damping > 0.0 {
            (f64::from(words) / scale.weights.short_damping).min(1.0)
        } else {
            1.0
        };
        Features {
            position: Features::position_prior(
                ordinal,
                scale.eligible,
                scale.weights.position_decay,
            ),
            keyword: relative(keyword_mass, scale.max_keyword),
            density: damping
                * if content_words > 0 {
                    weight_sum / f64::from(content_words)
                } else {
                    0.0
                },
            centrality: damping * relative(centrality, scale.max_centrality),
            title: scale.title_terms.share(terms),
            length: f64::from(words) / f64::from(scale.max_words),
            substance: (f64::from(words) / scale.weights.full_words).min(1.0),
            query: scale.query_terms.share(terms),
            paragraph_start: f64::from(u8::from(r.has(FLAG_FIRST_IN_PARAGRAPH))),
            short: f64::from(u8::from(words < SHORT_WORDS)),
            // The list of openers that point back is English.
            dangling: f64::from(u8::from(r.has(FLAG_DANGLING))),
            quote: f64::from(u8::from(opens_with_quote(self.text_of(r)))),
            // The list of openers is English. Its scan of the whole sentence is a tenth of the
            // analysis, so it is skipped where it cannot count: with no weight, unless every
            // feature is asked for (Extract).
            run_on: f64::from(u8::from(
                scale.english
                    && (scale.weights.run_on != 0.0 || self.keep == Keep::All)
                    && runs_on(self.text_of(r)),
            )),
        }
    }
}

/// The distinct terms of a title or query: those found in the article, and how many there are in
/// all (terms absent from the article still count in the denominator of the overlap).
#[derive(Debug, Default)]
pub(super) struct TermSet {
    pub(super) found: Vec<TermId>,
    pub(super) total: usize,
}

impl TermSet {
    /// The share of all the set's terms that occur in `terms` (sorted, distinct).
    pub(super) fn share(&self, terms: &[TermId]) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        intersection_len(&self.found, terms) as f64 / self.total as f64
    }
}

/// The distinct content terms of `text`, looked up in (not added to) `vocab`.
pub(super) fn lookup_terms(
    tokenizer: &mut Tokenizer,
    vocab: &Vocabulary<'_>,
    text: &str,
    cancelled: Cancelled<'_>,
) -> Result<TermSet, Error> {
    let mut found = Vec::new();
    let total = tokenizer
        .distinct_stems_until(text, |stem| found.extend(vocab.get(stem)), cancelled)
        .ok_or(Error::Cancelled)?;
    found.sort_unstable();
    Ok(TermSet { found, total })
}
