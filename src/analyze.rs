//! The summarizer pipeline: article → sentences → terms → features → scores → ranking.
//!
//! [`analyze`] does all the per-article work once; [`Analysis::select`] then chooses a brief for a
//! budget, and [`Analysis::keywords`] lists the article's keywords. Sentences borrow their text
//! from the input: nothing is copied but the interned terms.

use std::ops::Range;

use crate::error::Error;
use crate::rank::features::{
    Features, SHORT_WORDS, Weights, intersection_len, is_dangling, opens_with_quote,
};
use crate::rank::keywords::{self, Keyword};
use crate::rank::select::{self, Budget, Candidate, Selection};
use crate::text::boilerplate::{self, Check};
use crate::text::headline;
use crate::text::lang::Language;
use crate::text::segment;
use crate::text::token::{SentenceWords, TermId, Tokenizer, Vocabulary, words};

/// The input of the summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Article<'a> {
    /// The article text.
    pub content: &'a str,
    /// Its headline, or "" to take a headline line from the content when there is one.
    pub title: &'a str,
    /// A focus query, or "".
    pub query: &'a str,
    /// The language to process it in (its segmentation rules, stop words and stemmer).
    pub language: Language,
}

/// Where the title used for ranking came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleSource {
    /// The caller's title.
    Given,
    /// The headline line at the start of the content.
    Headline,
    /// There is no title.
    None,
}

/// Why a sentence may not enter a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// It is the headline line.
    Headline,
    /// It is boilerplate (copyright, byline, "click here", ...).
    Boilerplate,
    /// It has no word.
    NoWords,
}

/// One sentence of the article with its analysis.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// Zero-based position among all sentences.
    pub index: usize,
    /// The sentence, a slice of the content.
    pub text: &'a str,
    /// Byte offset of the sentence in the content.
    pub start: usize,
    /// Zero-based paragraph.
    pub paragraph: u32,
    /// Number of words.
    pub words: u32,
    /// Why it may not enter a brief, if it may not.
    pub exclusion: Option<Exclusion>,
    /// The features behind its score (all 0 when excluded).
    pub features: Features,
    /// Its score (0 when excluded).
    pub score: f64,
    /// Its rank among eligible sentences, 0 being the best.
    pub rank: Option<u32>,
    /// Where its distinct content terms (sorted) are in [`Analysis::terms`] (and, while
    /// analyzing, how often each occurs in the sentence in the parallel `term_counts`).
    terms: Range<usize>,
}

/// Everything the summarizer knows about one article.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// Every sentence, in reading order.
    pub sentences: Vec<Sentence<'a>>,
    /// The title used for ranking ("" when there is none).
    pub title: &'a str,
    /// Where the title came from.
    pub title_source: TitleSource,
    vocab: Vocabulary<'a>,
    weights: Vec<f64>,
    /// The distinct terms of every sentence, one sentence after the other (see
    /// [`Sentence::terms`]): one buffer for the article rather than two per sentence.
    terms: Vec<TermId>,
    /// Indices of the eligible sentences, best first (ties by position).
    ranked: Vec<usize>,
}

/// The result of [`summarize`]: the analysis and the sentences chosen from it.
#[derive(Debug)]
pub struct Brief<'a> {
    /// The analysis of the article.
    pub analysis: Analysis<'a>,
    /// The chosen sentences.
    pub selection: Selection,
}

/// Asks whether the caller still wants the result. The pipeline checks it between stages and
/// every [`CHECK_EVERY`] sentences, so that work on a long article stops soon after its request is
/// cancelled or runs out of time.
pub type Cancelled<'c> = &'c dyn Fn() -> bool;

/// How many sentences are processed between two checks of [`Cancelled`].
pub const CHECK_EVERY: usize = 512;

/// Analyzes `article` and chooses its brief within `budget`.
pub fn summarize<'a>(
    article: &Article<'a>,
    budget: &Budget,
    weights: &Weights,
) -> Result<Brief<'a>, Error> {
    summarize_until(article, budget, weights, &|| false)
}

/// [`summarize`], stopping with [`Error::Cancelled`] once `cancelled` says so.
pub fn summarize_until<'a>(
    article: &Article<'a>,
    budget: &Budget,
    weights: &Weights,
    cancelled: Cancelled<'_>,
) -> Result<Brief<'a>, Error> {
    budget.validate()?;
    let analysis = analyze_until(article, weights, cancelled)?;
    let selection = analysis.select(budget);
    Ok(Brief {
        analysis,
        selection,
    })
}

/// Segments, tokenizes and scores every sentence of `article`.
pub fn analyze<'a>(article: &Article<'a>, weights: &Weights) -> Result<Analysis<'a>, Error> {
    analyze_until(article, weights, &|| false)
}

/// [`analyze`], stopping with [`Error::Cancelled`] once `cancelled` says so.
pub fn analyze_until<'a>(
    article: &Article<'a>,
    weights: &Weights,
    cancelled: Cancelled<'_>,
) -> Result<Analysis<'a>, Error> {
    let check = || {
        if cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    };
    let content = article.content;
    if content.trim().is_empty() {
        return Err(Error::EmptyContent);
    }

    let headline = if article.title.trim().is_empty() {
        headline::find(content)
    } else {
        None
    };
    let (title, title_source) = match &headline {
        Some(r) => (&content[r.clone()], TitleSource::Headline),
        None if !article.title.trim().is_empty() => (article.title.trim(), TitleSource::Given),
        None => ("", TitleSource::None),
    };

    let mut tokenizer = Tokenizer::for_language(article.language);
    let mut vocab = Vocabulary::for_text_in(content.len(), article.language);
    // One sentence's terms: most sentences have fewer than 64.
    let mut scratch = Vec::with_capacity(64);
    // Each sentence's distinct content terms, all sentences together: about one per 11 bytes of
    // news text, one per 10 in 95% of the articles of cnndm_dev and bbc_dev.
    let mut terms = Vec::with_capacity(content.len() / 9);
    let mut term_counts = Vec::with_capacity(content.len() / 9);
    let spans = segment::sentences_in(content, article.language);
    check()?;
    let mut sentences = Vec::with_capacity(spans.len());
    // The first word of each sentence, for the `dangling` feature.
    let mut first_words = Vec::with_capacity(spans.len());
    for (index, span) in spans.iter().enumerate() {
        if index % CHECK_EVERY == CHECK_EVERY - 1 {
            check()?;
        }
        let text = &content[span.start..span.end];
        let is_headline = match &headline {
            Some(r) => span.end <= r.end,
            // A caller's title repeated as the first line is the headline too.
            None => {
                index == 0
                    && title_source == TitleSource::Given
                    && headline::same_title(text, title)
            }
        };
        scratch.clear();
        // Boilerplate terms ("rights reserved") must not become keywords.
        let boilerplate_words = || SentenceWords {
            count: words(text).count(),
            first: "",
        };
        // A headline is tokenized (its words count for the title) but never boilerplate.
        let check = if is_headline {
            Check::Decided(false)
        } else {
            boilerplate::check_before_words(text)
        };
        let (exclusion, seen) = match check {
            Check::Decided(true) => (Some(Exclusion::Boilerplate), boilerplate_words()),
            Check::Decided(false) => (
                is_headline.then_some(Exclusion::Headline),
                tokenizer.sentence_terms(text, &mut vocab, &mut scratch),
            ),
            Check::ByWords => {
                // Tokenized while its word starts are tested for boilerplate phrases; undone if
                // one is found.
                let mark = vocab.mark();
                let mut phrase = false;
                let seen = tokenizer.sentence_terms_with(text, &mut vocab, &mut scratch, |w| {
                    phrase =
                        phrase || boilerplate::phrase_at_word(text, w.start, w.len, w.apostrophe);
                });
                if phrase {
                    vocab.rollback(mark, &scratch);
                    scratch.clear();
                    (Some(Exclusion::Boilerplate), boilerplate_words())
                } else {
                    (None, seen)
                }
            }
        };
        let exclusion = exclusion.or((seen.count == 0).then_some(Exclusion::NoWords));
        scratch.sort_unstable();
        let first_term = terms.len();
        run_lengths(&scratch, &mut terms, &mut term_counts);
        first_words.push(seen.first);
        sentences.push(Sentence {
            index,
            text,
            start: span.start,
            paragraph: span.paragraph,
            words: u32::try_from(seen.count).unwrap_or(u32::MAX),
            exclusion,
            features: Features::default(),
            score: 0.0,
            rank: None,
            terms: first_term..terms.len(),
        });
    }

    check()?;
    let specificity = keywords::specificity(&vocab, weights.idf);
    let term_weights = keywords::weights(&vocab, &specificity);
    let title_terms = lookup_terms(&mut tokenizer, &vocab, title);
    let query_terms = lookup_terms(&mut tokenizer, &vocab, article.query);

    let eligible: Vec<usize> = sentences
        .iter()
        .filter(|s| s.exclusion.is_none())
        .map(|s| s.index)
        .collect();
    let n = eligible.len();
    let max_words = eligible
        .iter()
        .map(|&i| sentences[i].words)
        .max()
        .unwrap_or(0)
        .max(1);
    let centrality = centrality(
        &sentences,
        &eligible,
        &terms,
        &term_counts,
        &vocab,
        &specificity,
    );
    let keyword_raw: Vec<f64> = eligible
        .iter()
        .map(|&i| {
            terms[sentences[i].terms.clone()]
                .iter()
                .map(|&t| term_weights[t as usize])
                .sum()
        })
        .collect();
    let max_keyword = keyword_raw.iter().copied().fold(0.0, f64::max);
    let max_centrality = centrality.iter().copied().fold(0.0, f64::max);
    let relative = |x: f64, max: f64| if max > 0.0 { x / max } else { 0.0 };

    for (ordinal, &i) in eligible.iter().enumerate() {
        let s = &mut sentences[i];
        let s_terms = &terms[s.terms.clone()];
        let s_counts = &term_counts[s.terms.clone()];
        let content_words: u32 = s_counts.iter().sum();
        let weight_sum: f64 = s_terms
            .iter()
            .zip(s_counts)
            .map(|(&t, &c)| term_weights[t as usize] * f64::from(c))
            .sum();
        let f = Features {
            position: Features::position_prior(ordinal, n, weights.position_decay),
            keyword: relative(keyword_raw[ordinal], max_keyword),
            density: if content_words > 0 {
                weight_sum / f64::from(content_words)
            } else {
                0.0
            },
            centrality: relative(centrality[ordinal], max_centrality),
            title: title_terms.share(s_terms),
            length: f64::from(s.words) / f64::from(max_words),
            substance: (f64::from(s.words) / weights.full_words).min(1.0),
            query: query_terms.share(s_terms),
            paragraph_start: f64::from(u8::from(spans[i].first_in_paragraph)),
            short: f64::from(u8::from(s.words < SHORT_WORDS)),
            // The list of openers that point back is English.
            dangling: f64::from(u8::from(
                article.language == Language::English && is_dangling(first_words[i]),
            )),
            quote: f64::from(u8::from(opens_with_quote(s.text))),
        };
        s.features = f;
        s.score = f.score(weights);
    }

    let mut ranked = eligible;
    // Deterministic: best score first, ties broken by position. The order is total (indices are
    // distinct), so an unstable sort gives the same result as a stable one.
    ranked.sort_unstable_by(|&a, &b| {
        sentences[b]
            .score
            .total_cmp(&sentences[a].score)
            .then(a.cmp(&b))
    });
    for (rank, &i) in ranked.iter().enumerate() {
        sentences[i].rank = Some(u32::try_from(rank).unwrap_or(u32::MAX));
    }

    Ok(Analysis {
        sentences,
        title,
        title_source,
        vocab,
        weights: term_weights,
        terms,
        ranked,
    })
}

/// Collapses sorted term ids into the distinct ids and how often each occurs, appended to `terms`
/// and `counts`.
fn run_lengths(sorted: &[TermId], terms: &mut Vec<TermId>, counts: &mut Vec<u32>) {
    let start = terms.len();
    for &t in sorted {
        match counts.last_mut() {
            Some(c) if terms.len() > start && terms[terms.len() - 1] == t => *c += 1,
            _ => {
                terms.push(t);
                counts.push(1);
            }
        }
    }
}

/// The cosine similarity of each eligible sentence's term vector with that of the rest of the
/// article (the article's vector minus the sentence's own, so that a sentence is not central for
/// resembling itself). A term's entry is its count times its `specificity`.
///
/// With `c` the sentence's vector and `D` the article's, `c·(D−c) = c·D − |c|²` and
/// `|D−c|² = |D|² − 2c·D + |c|²`, so each sentence costs only its own terms: the whole pass is
/// linear in the article, where a sentence-by-sentence similarity graph would be quadratic.
fn centrality(
    sentences: &[Sentence<'_>],
    eligible: &[usize],
    terms: &[TermId],
    term_counts: &[u32],
    vocab: &Vocabulary<'_>,
    specificity: &[f64],
) -> Vec<f64> {
    // The article's vector, by term id.
    let doc: Vec<f64> = vocab
        .counts()
        .zip(specificity)
        .map(|(count, s)| f64::from(count) * s)
        .collect();
    let doc_norm2: f64 = doc.iter().map(|d| d.powi(2)).sum();
    eligible
        .iter()
        .map(|&i| {
            let range = sentences[i].terms.clone();
            let (mut dot, mut own2) = (0.0, 0.0);
            for (&t, &c) in terms[range.clone()].iter().zip(&term_counts[range]) {
                let c = f64::from(c) * specificity[t as usize];
                dot += c * doc[t as usize];
                own2 += c * c;
            }
            let rest2 = (doc_norm2 - 2.0 * dot + own2).max(0.0);
            let denominator = (own2 * rest2).sqrt();
            if denominator > 0.0 {
                (dot - own2) / denominator
            } else {
                0.0
            }
        })
        .collect()
}

/// The distinct terms of a title or query: those found in the article, and how many there are in
/// all (terms absent from the article still count in the denominator of the overlap).
struct TermSet {
    found: Vec<TermId>,
    total: usize,
}

impl TermSet {
    /// The share of all the set's terms that occur in `terms` (sorted, distinct).
    fn share(&self, terms: &[TermId]) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        intersection_len(&self.found, terms) as f64 / self.total as f64
    }
}

/// The distinct content terms of `text`, looked up in (not added to) `vocab`.
fn lookup_terms(tokenizer: &mut Tokenizer, vocab: &Vocabulary<'_>, text: &str) -> TermSet {
    let mut stems = Vec::new();
    tokenizer.content_stems(text, &mut stems);
    let mut found: Vec<TermId> = stems.iter().filter_map(|s| vocab.get(s)).collect();
    found.sort_unstable();
    TermSet {
        found,
        total: stems.len(),
    }
}

impl<'a> Analysis<'a> {
    /// Indices of the eligible sentences, best first.
    pub fn ranked(&self) -> &[usize] {
        &self.ranked
    }

    /// Chooses the brief within `budget` (which must be valid); indices best first.
    pub fn select(&self, budget: &Budget) -> Selection {
        let candidates: Vec<Candidate<'_>> = self
            .ranked
            .iter()
            .map(|&i| {
                let s = &self.sentences[i];
                Candidate {
                    index: i,
                    terms: &self.terms[s.terms.clone()],
                    words: s.words,
                    text: s.text,
                }
            })
            .collect();
        select::select(&candidates, budget)
    }

    /// The `max` heaviest keywords of the article.
    pub fn keywords(&self, max: usize) -> Vec<Keyword<'a>> {
        keywords::top(&self.vocab, &self.weights, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn title_share_counts_terms_missing_from_the_article() {
        // Two of four title terms are in the article; the other two still count.
        let set = TermSet {
            found: vec![1, 3],
            total: 4,
        };
        assert_eq!(set.share(&[1, 2, 3]), 0.5);
        assert_eq!(set.share(&[3]), 0.25);
        assert_eq!(
            TermSet {
                found: vec![],
                total: 0
            }
            .share(&[1]),
            0.0
        );
    }

    #[test]
    fn stops_when_cancelled() {
        let content = "One sentence here. ".repeat(3 * CHECK_EVERY);
        let article = Article {
            content: &content,
            ..Article::default()
        };
        let weights = Weights::default();
        assert_eq!(
            analyze_until(&article, &weights, &|| true).err(),
            Some(Error::Cancelled)
        );

        // Cancelled part-way: the check inside the sentence loop sees it.
        let checks = Cell::new(0);
        let late = || {
            checks.set(checks.get() + 1);
            checks.get() > 2
        };
        assert_eq!(
            analyze_until(&article, &weights, &late).err(),
            Some(Error::Cancelled)
        );
        assert_eq!(checks.get(), 3);

        assert!(analyze_until(&article, &weights, &|| false).is_ok());
    }
}
