//! A candidate's score: what brief knows of its words (their background idf, the title) and the
//! phrase's own evidence (how often the whole phrase recurs, how early it first appears).

use std::sync::LazyLock;

use crate::text::lexicon::idf_value;
use crate::text::token::{TermId, Vocabulary};

use super::candidates::{Candidate, Key, len_of, terms_of};

/// The exponent of a word's background idf (in 0..=1) in its specificity: generic words ("year",
/// "people", "officials") need several times the occurrences of a specific one to rank beside
/// it.
const IDF_EXPONENT: f64 = 1.0;

/// How much more a phrase weighs for each word past the first (up to three words), besides the
/// specificity its words add.
const PHRASE_BONUS: f64 = 0.3;

/// How much a phrase in the title gains (all its words in the title: 1 + this).
const TITLE_BONUS: f64 = 1.0;

/// How much a phrase first met in the first sentence gains; it fades with the sentence index
/// (half of it at sentence [`POSITION_DECAY`]).
const POSITION_BONUS: f64 = 1.0;

/// The sentence index at which the position bonus is halved.
const POSITION_DECAY: f64 = 3.0;

/// The specificity of a word of each background idf level, computed once a process.
static LEVELS: LazyLock<Vec<f64>> = LazyLock::new(|| {
    (0..=u8::MAX)
        .map(|l| idf_value(l).powf(IDF_EXPONENT))
        .collect()
});

/// What scoring needs besides the candidates.
#[derive(Debug)]
pub(super) struct Scorer<'s> {
    /// The specificity of every term, by id.
    specificity: Vec<f64>,
    /// The title's terms, sorted.
    title: &'s [TermId],
}

impl<'s> Scorer<'s> {
    /// A scorer for the terms of `vocab`, `title` the sorted terms of the title.
    pub(super) fn new(vocab: &Vocabulary<'_>, title: &'s [TermId]) -> Self {
        let levels = &*LEVELS;
        Self {
            specificity: vocab.idfs().map(|l| levels[usize::from(l)]).collect(),
            title,
        }
    }

    /// The score of candidate `key`, seen `count` times: its occurrences times the summed
    /// specificity of its words (a phrase of several specific words outweighs each of them, and
    /// a generic word adds little), more for a phrase of several words, for one in the title and
    /// for one met early.
    pub(super) fn score(&self, key: Key, c: &Candidate, count: u32) -> f64 {
        let position = 1.0 + POSITION_BONUS / (1.0 + f64::from(c.first_sentence) / POSITION_DECAY);
        if c.name && c.count < 2 {
            // A name met once stands in for its words, as heavy as the heaviest of them.
            let heaviest = terms_of(key)
                .map(|t| {
                    let (specificity, in_title) = self.word(t);
                    specificity * (1.0 + TITLE_BONUS * f64::from(u8::from(in_title)))
                })
                .fold(0.0, f64::max);
            return f64::from(count) * heaviest * position;
        }
        let n = len_of(key);
        let (mut specificity, mut in_title) = (0.0, 0);
        for t in terms_of(key) {
            let (s, title) = self.word(t);
            specificity += s;
            in_title += usize::from(title);
        }
        let phrase = 1.0 + PHRASE_BONUS * (n.min(3) - 1) as f64;
        let title = 1.0 + TITLE_BONUS * in_title as f64 / n as f64;
        f64::from(count) * specificity * phrase * title * position
    }

    /// The specificity of term `t`, and whether the title has it.
    fn word(&self, t: TermId) -> (f64, bool) {
        (
            self.specificity.get(t as usize).copied().unwrap_or(0.0),
            self.title.binary_search(&t).is_ok(),
        )
    }
}
