//! ROUGE-1, ROUGE-2 and ROUGE-Lsum, computed exactly as Google's `rouge-score` 0.1.2 does with
//! `RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True).score(reference, summary)`.
//!
//! - Tokens: the text is lowercased (Unicode, like Python's `str.lower`), every run of characters
//!   other than ASCII `[a-z0-9]` separates words, and words longer than 3 characters are stemmed
//!   with NLTK's Porter stemmer ([`super::nltk_porter`]).
//! - ROUGE-N: clipped n-gram overlap over the whole text's tokens (n-grams run across line breaks,
//!   as in `rouge-score`); precision = hits / max(summary n-grams, 1), recall likewise.
//! - ROUGE-Lsum: both texts are split into sentences on `'\n'` (empty lines dropped; lines with no
//!   token kept, as empty sentences). For each reference sentence, the union of one LCS with each
//!   summary sentence (the LCS chosen by `rouge-score`'s backtracking) is walked in order, and a
//!   token counts as a hit only while both texts still have an unused occurrence of it.
//! - F1 = 2PR / (P + R), or 0 when P + R = 0; any empty side gives all zeros.
//!
//! The result matches Python's bit for bit: every count is an integer and each float is computed
//! with the same operations in the same order.
//!
//! That is the English scoring ([`Tokenization::RougeScore`]). Non-English texts are scored with
//! the same measures over the XL-Sum authors' multilingual tokens ([`Tokenization::Multilingual`],
//! [`super::multilingual`]), as `rouge-score` does when given that tokenizer.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use super::multilingual::{self, Stemming};
use super::nltk_porter;

/// Precision, recall and F1 of one ROUGE measure, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Matched units over the summary's units.
    pub precision: f64,
    /// Matched units over the reference's units.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Score {
    /// Score from `hits` matched units out of the summary's and the reference's unit counts.
    fn from_counts(hits: usize, summary_total: usize, reference_total: usize) -> Self {
        let precision = hits as f64 / summary_total.max(1) as f64;
        let recall = hits as f64 / reference_total.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum of one summary against one reference.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rouge {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Summary-level longest common subsequence over '\n'-separated sentences.
    pub rouge_lsum: Score,
}

/// Tokenizes like rouge-score: lowercase, [a-z0-9]+ runs, Porter-stemmed when longer than 3 chars.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_word(text, |word| {
        let token = stem_if_long(word);
        if !token.is_empty() {
            tokens.push(token);
        }
    });
    tokens
}

/// Scores `summary` against `reference`; sentences in both are separated by '\n' (for ROUGE-Lsum).
#[cfg(test)]
pub fn score(reference: &str, summary: &str) -> Rouge {
    Scorer::new().score(reference, summary)
}

/// Calls `f` with each lowercased `[a-z0-9]+` run of `text`, in order.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        // Char by char is the same as lowercasing the whole string first: the one
        // context-dependent mapping (final sigma) gives a non-ASCII letter either way.
        for lower in c.to_lowercase() {
            if lower.is_ascii_lowercase() || lower.is_ascii_digit() {
                word.push(lower);
            } else if !word.is_empty() {
                f(&word);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// rouge-score's token for a word: Porter stem when longer than 3 characters.
fn stem_if_long(word: &str) -> String {
    if word.len() > 3 {
        nltk_porter::stem(word)
    } else {
        word.to_string()
    }
}

/// A text tokenized by a [`Scorer`]: its '\n'-separated sentences as token ids.
///
/// Ids are private to the `Scorer` that made them: only score texts prepared by the same one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    sentences: Vec<Vec<u32>>,
}

impl Prepared {
    fn tokens(&self) -> impl Iterator<Item = u32> + '_ {
        self.sentences.iter().flatten().copied()
    }
}

/// How a [`Scorer`] turns text into tokens; the measures are the same for all.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Tokenization {
    /// `rouge-score`'s own tokenizer: `[a-z0-9]+` runs, Porter-stemmed (English).
    #[default]
    RougeScore,
    /// The XL-Sum multilingual tokenizer ([`multilingual`]) for the language code it holds
    /// (`"fr"`, `"zh"`, ...), which chooses the Snowball stemmer.
    Multilingual(String),
}

impl Tokenization {
    /// The tokenization for a data set row's `"lang"`: `rouge-score`'s when it is absent or
    /// English (`en`, `en-GB`, ...), the multilingual one otherwise.
    pub fn for_language(lang: Option<&str>) -> Self {
        match lang {
            None => Tokenization::RougeScore,
            Some(tag)
                if tag
                    .split(['-', '_'])
                    .next()
                    .is_some_and(|p| p.eq_ignore_ascii_case("en")) =>
            {
                Tokenization::RougeScore
            }
            Some(tag) => Tokenization::Multilingual(tag.to_owned()),
        }
    }
}

/// The word splitter and stemmer of a [`Tokenization`].
#[derive(Debug, Default)]
enum Tokenizer {
    #[default]
    RougeScore,
    Multilingual(Stemming),
}

impl Tokenizer {
    fn for_each_word(&self, text: &str, f: impl FnMut(&str)) {
        match self {
            Tokenizer::RougeScore => for_each_word(text, f),
            Tokenizer::Multilingual(_) => multilingual::for_each_word(text, f),
        }
    }

    fn token(&self, word: &str) -> String {
        match self {
            Tokenizer::RougeScore => stem_if_long(word),
            Tokenizer::Multilingual(stemming) => stemming.token(word),
        }
    }
}

/// Interned tokens: each lowercased word's token id, stemmed once.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Lowercased word -> id of its token (`None` when the token is dropped).
    words: HashMap<String, Option<u32>>,
    /// Token -> id.
    tokens: HashMap<String, u32>,
}

/// A ROUGE scorer that caches stems and interns tokens, for scoring many texts quickly.
#[derive(Debug, Default)]
pub struct Scorer {
    tokenizer: Tokenizer,
    vocabulary: Vocabulary,
}

impl Scorer {
    /// A scorer with empty caches and `rouge-score`'s tokenizer.
    #[cfg(test)]
    pub fn new() -> Self {
        Self::default()
    }

    /// A scorer with empty caches and the given tokenization.
    pub fn with_tokenization(tokenization: &Tokenization) -> Self {
        let tokenizer = match tokenization {
            Tokenization::RougeScore => Tokenizer::RougeScore,
            Tokenization::Multilingual(lang) => Tokenizer::Multilingual(Stemming::new(lang)),
        };
        Scorer {
            tokenizer,
            vocabulary: Vocabulary::default(),
        }
    }

    /// Scores `summary` against `reference` (sentences separated by '\n'); same as [`score`].
    pub fn score(&mut self, reference: &str, summary: &str) -> Rouge {
        let reference = self.prepare(reference);
        let summary = self.prepare(summary);
        self.score_prepared(&reference, &summary)
    }

    /// Tokenizes `text` once, to score it many times with [`Scorer::score_prepared`].
    pub fn prepare(&mut self, text: &str) -> Prepared {
        let sentences = text
            .split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let mut ids = Vec::new();
                let tokenizer = &self.tokenizer;
                let vocabulary = &mut self.vocabulary;
                tokenizer.for_each_word(line, |word| {
                    if let Some(id) = vocabulary.token_id(word, tokenizer) {
                        ids.push(id);
                    }
                });
                ids
            })
            .collect();
        Prepared { sentences }
    }

    /// Scores a prepared summary against a prepared reference, both made by this scorer.
    pub fn score_prepared(&self, reference: &Prepared, summary: &Prepared) -> Rouge {
        let reference_tokens: Vec<u32> = reference.tokens().collect();
        let summary_tokens: Vec<u32> = summary.tokens().collect();
        Rouge {
            rouge1: ngram_score(
                reference_tokens.iter().copied(),
                summary_tokens.iter().copied(),
            ),
            rouge2: ngram_score(
                reference_tokens.windows(2).map(|w| (w[0], w[1])),
                summary_tokens.windows(2).map(|w| (w[0], w[1])),
            ),
            rouge_lsum: summary_level_lcs(&reference.sentences, &summary.sentences),
        }
    }
}

impl Vocabulary {
    /// Id of the token of a lowercased word, stemming it on first sight.
    fn token_id(&mut self, word: &str, tokenizer: &Tokenizer) -> Option<u32> {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let token = tokenizer.token(word);
        let id = if token.is_empty() {
            None
        } else {
            let next = u32::try_from(self.tokens.len()).unwrap_or(u32::MAX);
            Some(*self.tokens.entry(token).or_insert(next))
        };
        self.words.insert(word.to_string(), id);
        id
    }
}

/// `_score_ngrams`: clipped overlap of the n-grams of reference and summary.
fn ngram_score<K: Hash + Eq>(
    reference: impl Iterator<Item = K>,
    summary: impl Iterator<Item = K>,
) -> Score {
    let mut remaining: HashMap<K, usize> = HashMap::new();
    let mut reference_total = 0;
    for ngram in reference {
        *remaining.entry(ngram).or_default() += 1;
        reference_total += 1;
    }
    let mut summary_total = 0;
    let mut hits = 0;
    for ngram in summary {
        summary_total += 1;
        if let Entry::Occupied(mut left) = remaining.entry(ngram) {
            hits += 1;
            if *left.get() == 1 {
                left.remove();
            } else {
                *left.get_mut() -= 1;
            }
        }
    }
    Score::from_counts(hits, summary_total, reference_total)
}

/// `_summary_level_lcs`: union-LCS hits over reference sentences, each token counted at most as
/// often as it occurs in either text.
fn summary_level_lcs(reference: &[Vec<u32>], summary: &[Vec<u32>]) -> Score {
    let reference_total: usize = reference.iter().map(Vec::len).sum();
    let summary_total: usize = summary.iter().map(Vec::len).sum();
    if reference_total == 0 || summary_total == 0 {
        return Score::default();
    }
    let mut left_in_reference: HashMap<u32, usize> = HashMap::new();
    for &token in reference.iter().flatten() {
        *left_in_reference.entry(token).or_default() += 1;
    }
    let mut left_in_summary: HashMap<u32, usize> = HashMap::new();
    for &token in summary.iter().flatten() {
        *left_in_summary.entry(token).or_default() += 1;
    }
    let mut hits = 0;
    let mut in_union = Vec::new();
    let mut table = Vec::new();
    for sentence in reference {
        in_union.clear();
        in_union.resize(sentence.len(), false);
        for candidate in summary {
            mark_lcs(sentence, candidate, &mut table, &mut in_union);
        }
        // The union's tokens in sentence order, as `sorted(set().union(*lcs_list))` gives them.
        for (&token, &marked) in sentence.iter().zip(&in_union) {
            if !marked {
                continue;
            }
            if let (Some(r), Some(c)) = (
                left_in_reference.get_mut(&token),
                left_in_summary.get_mut(&token),
            ) && *r > 0
                && *c > 0
            {
                hits += 1;
                *r -= 1;
                *c -= 1;
            }
        }
    }
    Score::from_counts(hits, summary_total, reference_total)
}

/// `lcs_ind`: marks in `marked` the positions of `reference` on the LCS with `candidate` that
/// rouge-score's `_backtrack_norec` reads out of the `_lcs_table` DP table.
fn mark_lcs(reference: &[u32], candidate: &[u32], table: &mut Vec<u32>, marked: &mut [bool]) {
    let rows = reference.len();
    let cols = candidate.len();
    if rows == 0 || cols == 0 {
        return;
    }
    let width = cols + 1;
    table.clear();
    table.resize((rows + 1) * width, 0);
    for i in 1..=rows {
        for j in 1..=cols {
            table[i * width + j] = if reference[i - 1] == candidate[j - 1] {
                table[(i - 1) * width + j - 1] + 1
            } else {
                table[(i - 1) * width + j].max(table[i * width + j - 1])
            };
        }
    }
    let (mut i, mut j) = (rows, cols);
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            marked[i - 1] = true;
            i -= 1;
            j -= 1;
        } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Rouge, Score, Scorer, score, tokenize};

    fn close(actual: Score, expected: (f64, f64, f64)) -> bool {
        let (p, r, f) = expected;
        (actual.precision - p).abs() < 1e-12
            && (actual.recall - r).abs() < 1e-12
            && (actual.f1 - f).abs() < 1e-12
    }

    #[test]
    fn tokenizes_like_rouge_score() {
        assert_eq!(
            tokenize("The Cats' café, 2024! İstanbul"),
            ["the", "cat", "caf", "2024", "i", "stanbul"]
        );
        assert_eq!(tokenize("one\n Two \nthree"), ["one", "two", "three"]);
        assert_eq!(
            tokenize("dying lying news run runs"),
            ["die", "lie", "news", "run", "run"]
        );
        assert!(tokenize(" ... !!! ").is_empty());
    }

    #[test]
    fn identical_texts_score_one() {
        let text = "The quick brown fox.\nJumps over the lazy dog.";
        let one = (1.0, 1.0, 1.0);
        let r = score(text, text);
        assert!(close(r.rouge1, one) && close(r.rouge2, one) && close(r.rouge_lsum, one));
    }

    #[test]
    fn empty_sides_score_zero() {
        for (reference, summary) in [("", ""), ("x", ""), ("", "x"), ("!!!\n\n", "x y")] {
            assert_eq!(score(reference, summary), Rouge::default());
        }
    }

    #[test]
    fn hand_checked_overlap() {
        // 2 of 3 summary unigrams and 1 of 2 bigrams match a 6-token, 5-bigram reference.
        let r = score("the cat sat on the mat", "the cat ate");
        assert!(close(r.rouge1, (2.0 / 3.0, 1.0 / 3.0, 4.0 / 9.0)));
        assert!(close(r.rouge2, (0.5, 0.2, 2.0 / 7.0)));
        assert!(close(r.rouge_lsum, (2.0 / 3.0, 1.0 / 3.0, 4.0 / 9.0)));
        // Stemming conflates "dying" and "died".
        let r = score("The dying man.", "He died.");
        assert!(close(r.rouge1, (0.5, 1.0 / 3.0, 0.4)));
    }

    #[test]
    fn lsum_union_and_clipping() {
        // Union LCS over summary sentences; bigrams run across the line break.
        let r = score("a b c d", "c d\na b");
        assert!(close(r.rouge_lsum, (1.0, 1.0, 1.0)));
        assert!(close(r.rouge2, (2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0)));
        // A summary token is used once even if two reference sentences contain it.
        let r = score("a b\na b", "a b");
        assert!(close(r.rouge_lsum, (1.0, 0.5, 2.0 / 3.0)));
        // Both one-token LCSs pick the last "a" of the reference, so the union has one token.
        let r = score("a x a", "a\na");
        assert!(close(r.rouge1, (1.0, 2.0 / 3.0, 0.8)));
        assert!(close(r.rouge_lsum, (0.5, 1.0 / 3.0, 0.4)));
    }

    #[test]
    fn scorer_matches_score_and_reuses_prepared_texts() {
        let mut scorer = Scorer::new();
        let reference = scorer.prepare("The cats sat.\nThey sat on the mats.");
        assert_eq!(reference.tokens().count(), 8);
        for summary in ["cats sat", "the mat", "", "They were sitting on a mat."] {
            let prepared = scorer.prepare(summary);
            assert_eq!(
                scorer.score_prepared(&reference, &prepared),
                score("The cats sat.\nThey sat on the mats.", summary)
            );
        }
    }
}
