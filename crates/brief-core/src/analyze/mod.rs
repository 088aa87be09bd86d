//! The summarizer pipeline: article → sentences → terms → features → scores → ranking.
//!
//! [`analyze`] does all the per-article work once; [`Analysis::select`] then chooses a brief for a
//! budget, and [`Analysis::keywords`] lists the article's keywords. Sentences borrow their text
//! from the input: nothing is copied but the interned terms, and each sentence is kept in 20
//! bytes (its features are derived again when [`Analysis::details`] is asked for them), so that
//! an article of many tiny sentences needs a small multiple of its size.
//!
//! This file holds the public types and the pipeline's driver ([`analyze_until`],
//! [`summarize_until`]); the stages are apart: `read` segments and tokenizes the article into
//! records (`record`, one small record per sentence), `score` derives each sentence's features
//! and score, and `sort` ranks them.

mod read;
mod record;
mod score;
mod sort;
#[cfg(test)]
mod tests;

use record::{FLAG_DANGLING, FLAG_FIRST_IN_PARAGRAPH, Record, words_flags};
use score::{Scale, TermSet, lookup_terms};
use sort::sort_until;

use crate::error::Error;
use crate::rank::features::{
    Features, SHORT_WORDS, Weights, intersection_len, is_dangling, opens_with_quote,
};
use crate::rank::keyphrases::{self, Keyphrase, Token};
use crate::rank::keywords;
use crate::rank::run_on::runs_on;
use crate::rank::select::{self, Budget, Candidate, Selection};
use crate::text::boilerplate::{self, Tokenized};
use crate::text::headline;
use crate::text::html::{Block, Blocks};
use crate::text::language::Language;
use crate::text::segment;
use crate::text::token::{SentenceWords, TermId, Tokenizer, Vocabulary, WordSeen, words};

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
    /// For text taken from an HTML page, what each stretch of it was there: only sentences of
    /// prose may enter a brief (see [`Exclusion::Structure`]). `None` for plain text.
    pub blocks: Option<&'a Blocks>,
    /// Other forms of the headline (a page's `<h1>`, `og:title`, `<title>`): a sentence that is
    /// one of them, or `title`, up to case and spacing, is the headline wherever it stands.
    pub headlines: &'a [String],
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
    /// It lies in a block of an HTML page that is not prose: a heading, a caption or credit,
    /// code, a table cell, a byline or dateline, or a list item (a heading, list item or table
    /// cell that is a full sentence, see [`FULL_SENTENCE_WORDS`], may enter a brief).
    Structure,
    /// A fragment: no sentence-final punctuation, and fewer than [`FRAGMENT_WORDS`] words (a
    /// label, a stray line, "Photo: Reuters") or, in a page's text, a line of its own at any
    /// length (a timestamp, a teaser or video title, a pull quote or lead-in ending in ":"), in an
    /// article with at least [`MIN_REAL_SENTENCES`] other sentences that may enter a brief.
    Fragment,
}

/// A sentence of fewer words than this that does not end like a sentence is a fragment (see
/// [`Exclusion::Fragment`]).
pub const FRAGMENT_WORDS: u32 = 4;

/// Fragments are excluded only from an article with at least this many sentences that may enter
/// a brief and are not fragments, so that a brief of a short text still has something to say.
pub const MIN_REAL_SENTENCES: usize = 3;

/// The fewest words of a heading, list item or table cell that is a full sentence (ending in a
/// sentence's final punctuation) and so may enter a brief.
pub const FULL_SENTENCE_WORDS: usize = 8;

/// One sentence of the article, as [`Analysis::sentence`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sentence<'a> {
    /// Zero-based position among all sentences.
    pub index: usize,
    /// The sentence, a slice of the content.
    pub text: &'a str,
    /// Byte offset of the sentence in the content.
    pub start: usize,
    /// Number of words.
    pub words: u32,
    /// Why it may not enter a brief, if it may not.
    pub exclusion: Option<Exclusion>,
    /// Its score (0 when excluded).
    pub score: f64,
}

/// One sentence with everything the analysis knows of it, as [`Analysis::details`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceDetails<'a> {
    /// The sentence.
    pub sentence: Sentence<'a>,
    /// Zero-based paragraph.
    pub paragraph: u32,
    /// The features behind its score (all 0 when excluded).
    pub features: Features,
    /// The block of the HTML page it lies in (most of it); `None` for plain text.
    pub block: Option<Block>,
    /// Its rank among eligible sentences, 0 being the best.
    pub rank: Option<u32>,
}

/// Which sentences an analysis keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Every sentence (for [`Analysis::details`]).
    All,
    /// Only those that may enter a brief: all a brief needs.
    Eligible,
}

/// Everything the summarizer knows about one article.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The title used for ranking ("" when there is none).
    pub title: &'a str,
    /// Where the title came from.
    pub title_source: TitleSource,
    content: &'a str,
    /// The blocks of an HTML page's text (see [`Article::blocks`]).
    blocks: Option<&'a Blocks>,
    /// The sentences kept (see [`Keep`]), in reading order.
    records: Vec<Record>,
    /// Each record's score (0 when excluded).
    scores: Vec<f64>,
    keep: Keep,
    /// The language the article was read in.
    language: Language,
    vocab: Vocabulary<'a>,
    /// The specificity of a term of each background idf level (one number per level rather
    /// than per term), and each term's keyword weight, by id.
    specificity: Vec<f64>,
    weights: Vec<f64>,
    /// The distinct terms of every sentence, one sentence after the other (see
    /// [`Record::terms`]), and how often each occurs in its sentence: one buffer for the article
    /// rather than two per sentence.
    terms: Vec<TermId>,
    term_counts: Vec<u32>,
    /// Every word of the sentences keyphrases are taken from (all but boilerplate and a page's
    /// structure), in reading order with its term: kept only when every sentence is (Extract).
    tokens: Vec<Token>,
    /// The eligible records (positions in `records`), best first (ties by position).
    ranked: Vec<u32>,
    scale: Scale,
}

/// The result of [`summarize`]: the analysis and the sentences chosen from it.
#[derive(Debug)]
pub struct Brief<'a> {
    /// The analysis of the article (of the sentences that may enter a brief only).
    pub analysis: Analysis<'a>,
    /// The chosen sentences.
    pub selection: Selection,
}

pub use crate::cancel::Cancelled;

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
    let analysis = analyze_keeping(article, weights, Keep::Eligible, cancelled)?;
    let selection = analysis.select_until(budget, cancelled)?;
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
    analyze_keeping(article, weights, Keep::All, cancelled)
}

/// `Err(Cancelled)` once `cancelled` says so.
fn check(cancelled: Cancelled<'_>) -> Result<(), Error> {
    if cancelled() {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

/// The analysis, keeping the sentences `keep` says.
fn analyze_keeping<'a>(
    article: &Article<'a>,
    weights: &Weights,
    keep: Keep,
    cancelled: Cancelled<'_>,
) -> Result<Analysis<'a>, Error> {
    let content = article.content;
    if content.trim().is_empty() {
        return Err(Error::EmptyContent);
    }
    if u32::try_from(content.len()).is_err() {
        return Err(Error::TooLarge(content.len()));
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
    let mut analysis = Analysis {
        title,
        title_source,
        content,
        blocks: article.blocks,
        records: Vec::with_capacity(content.len() / 96 + 1),
        scores: Vec::new(),
        keep,
        language: article.language,
        vocab: Vocabulary::for_text_in(content.len(), article.language),
        specificity: Vec::new(),
        weights: Vec::new(),
        // Each sentence's distinct content terms, all sentences together: about one per 11
        // bytes of news text, one per 10 in 95% of the articles of cnndm_dev and bbc_dev.
        terms: Vec::with_capacity(content.len() / 9),
        term_counts: Vec::with_capacity(content.len() / 9),
        tokens: Vec::new(),
        ranked: Vec::new(),
        scale: Scale {
            weights: *weights,
            eligible: 0,
            max_words: 1,
            max_keyword: 0.0,
            max_centrality: 0.0,
            doc_norm2: 0.0,
            title_terms: TermSet::default(),
            query_terms: TermSet::default(),
            english: article.language == Language::English,
        },
    };
    let mut tokenizer = Tokenizer::for_language(article.language);
    analysis.read(&mut tokenizer, article, headline, cancelled)?;
    check(cancelled)?;
    analysis.specificity = keywords::specificity_levels(weights.idf);
    analysis.weights = keywords::weights_by_level(&analysis.vocab, &analysis.specificity);
    analysis.scale.title_terms = lookup_terms(&mut tokenizer, &analysis.vocab, title, cancelled)?;
    analysis.scale.query_terms =
        lookup_terms(&mut tokenizer, &analysis.vocab, article.query, cancelled)?;
    analysis.score(cancelled)?;
    Ok(analysis)
}

impl<'a> Analysis<'a> {
    /// The text of a record.
    fn text_of(&self, r: &Record) -> &'a str {
        &self.content[r.start as usize..r.end as usize]
    }

    /// Record `p` as a [`Sentence`].
    fn sentence_at(&self, p: usize) -> Sentence<'a> {
        let r = &self.records[p];
        Sentence {
            index: r.index as usize,
            text: self.text_of(r),
            start: r.start as usize,
            words: r.words(),
            exclusion: r.exclusion(),
            score: self.scores[p],
        }
    }
}

impl<'a> Analysis<'a> {
    /// The number of sentences kept: every sentence of the article for [`analyze`], those that
    /// may enter a brief for [`summarize`].
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when no sentence was kept.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The sentence of index `index` (its position among all the article's sentences), if it was
    /// kept.
    pub fn sentence(&self, index: usize) -> Option<Sentence<'a>> {
        let p = self
            .records
            .binary_search_by_key(&index, |r| r.index as usize)
            .ok()?;
        Some(self.sentence_at(p))
    }

    /// Every sentence kept, in reading order, with its paragraph, features and rank (derived
    /// again here, one sentence at a time, rather than kept for every sentence). Paragraph
    /// numbers count every paragraph only when every sentence was kept ([`analyze`]).
    pub fn details(&self) -> impl Iterator<Item = SentenceDetails<'a>> + '_ {
        let mut rank_of = vec![u32::MAX; self.records.len()];
        for (rank, &p) in self.ranked.iter().enumerate() {
            rank_of[p as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        let (mut ordinal, mut paragraph) = (0, 0u32);
        (0..self.records.len()).map(move |p| {
            let r = &self.records[p];
            if p > 0 && r.has(FLAG_FIRST_IN_PARAGRAPH) {
                paragraph += 1;
            }
            let features = if r.exclusion().is_none() {
                ordinal += 1;
                self.features(p, ordinal - 1, self.centrality(p))
            } else {
                Features::default()
            };
            SentenceDetails {
                sentence: self.sentence_at(p),
                paragraph,
                features,
                block: self
                    .blocks
                    .map(|b| b.kind_of(r.start as usize..r.end as usize)),
                rank: (rank_of[p] != u32::MAX).then_some(rank_of[p]),
            }
        })
    }

    /// Chooses the brief within `budget` (which must be valid); indices best first.
    pub fn select(&self, budget: &Budget) -> Selection {
        match self.select_until(budget, &|| false) {
            Ok(selection) => selection,
            // Never cancelled.
            Err(_) => select::select(&[], budget),
        }
    }

    /// [`Analysis::select`], stopping with [`Error::Cancelled`] once `cancelled` says so.
    pub fn select_until(
        &self,
        budget: &Budget,
        cancelled: Cancelled<'_>,
    ) -> Result<Selection, Error> {
        let candidates = self.ranked.iter().map(|&p| {
            let p = p as usize;
            let r = &self.records[p];
            Candidate {
                index: r.index as usize,
                terms: self.terms_of(p).0,
                words: r.words(),
                text: self.text_of(r),
            }
        });
        select::select_until(candidates, budget, |t| self.vocab.count(t), cancelled)
    }

    /// The `max` best keyphrases of the article, best first (see [`keyphrases`]): taken from
    /// its headline and every sentence of prose, not from boilerplate or a page's structure.
    /// Only an analysis of every sentence ([`analyze`]) keeps the words they need; a brief's
    /// ([`summarize`]) has none.
    pub fn keywords(&self, max: usize) -> Vec<Keyphrase<'a>> {
        self.keywords_until(max, &|| false).unwrap_or_default()
    }

    /// [`Analysis::keywords`], stopping with [`Error::Cancelled`] once `cancelled` says so.
    pub fn keywords_until(
        &self,
        max: usize,
        cancelled: Cancelled<'_>,
    ) -> Result<Vec<Keyphrase<'a>>, Error> {
        let source = keyphrases::Source {
            content: self.content,
            vocab: &self.vocab,
            language: self.language,
            title: &self.scale.title_terms.found,
        };
        keyphrases::top_until(&source, &self.tokens, max, cancelled).ok_or(Error::Cancelled)
    }
}
