//! The summarizer pipeline: article → sentences → terms → features → scores → ranking.
//!
//! [`analyze`] does all the per-article work once; [`Analysis::select`] then chooses a brief for a
//! budget, and [`Analysis::keywords`] lists the article's keywords. Sentences borrow their text
//! from the input: nothing is copied but the interned terms, and each sentence is kept in 20
//! bytes (its features are derived again when [`Analysis::details`] is asked for them), so that
//! an article of many tiny sentences needs a small multiple of its size.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Range;

use crate::error::Error;
use crate::rank::features::{
    Features, SHORT_WORDS, Weights, intersection_len, is_dangling, opens_with_quote,
};
use crate::rank::keywords::{self, Keyword};
use crate::rank::select::{self, Budget, Candidate, Selection};
use crate::text::boilerplate::{self, Check};
use crate::text::headline;
use crate::text::language::Language;
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
    /// Its rank among eligible sentences, 0 being the best.
    pub rank: Option<u32>,
}

/// What an analysis keeps of one sentence. An article can have a sentence every two bytes
/// (`"!\n"` repeated), so this is kept small: everything else (features, paragraph numbers,
/// ranks) is derived again when asked for.
#[derive(Debug, Clone, Copy)]
struct Record {
    /// Zero-based position among all sentences.
    index: u32,
    /// Byte range in the content.
    start: u32,
    end: u32,
    /// The word count in the low bits (see [`MAX_WORDS`]), the `FLAG_*` bits above.
    words_flags: u32,
    /// Where its distinct content terms (sorted) start in [`Analysis::terms`]; they end where
    /// the next record's start.
    terms: u32,
}

/// The word count a record holds at most: a sentence of more words (hundreds of megabytes of
/// text) counts this many.
const MAX_WORDS: u32 = (1 << 27) - 1;
const FLAG_FIRST_IN_PARAGRAPH: u32 = 1 << 27;
const FLAG_DANGLING: u32 = 1 << 28;
/// The exclusion, as 0 (none) to 3, in the top two bits.
const EXCLUSION_SHIFT: u32 = 30;

impl Record {
    fn words(&self) -> u32 {
        self.words_flags & MAX_WORDS
    }

    fn has(&self, flag: u32) -> bool {
        self.words_flags & flag != 0
    }

    fn exclusion(&self) -> Option<Exclusion> {
        match self.words_flags >> EXCLUSION_SHIFT {
            0 => None,
            1 => Some(Exclusion::Headline),
            2 => Some(Exclusion::Boilerplate),
            _ => Some(Exclusion::NoWords),
        }
    }
}

/// Packs a record's word count and flags.
fn words_flags(
    words: usize,
    exclusion: Option<Exclusion>,
    first_in_paragraph: bool,
    dangling: bool,
) -> u32 {
    let exclusion: u32 = match exclusion {
        None => 0,
        Some(Exclusion::Headline) => 1,
        Some(Exclusion::Boilerplate) => 2,
        Some(Exclusion::NoWords) => 3,
    };
    let words = u32::try_from(words).unwrap_or(MAX_WORDS).min(MAX_WORDS);
    let mut packed = words | (exclusion << EXCLUSION_SHIFT);
    if first_in_paragraph {
        packed |= FLAG_FIRST_IN_PARAGRAPH;
    }
    if dangling {
        packed |= FLAG_DANGLING;
    }
    packed
}

/// Which sentences an analysis keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Every sentence (for [`Analysis::details`]).
    All,
    /// Only those that may enter a brief: all a brief needs.
    Eligible,
}

/// The article-wide quantities that features are relative to.
#[derive(Debug)]
struct Scale {
    weights: Weights,
    eligible: usize,
    max_words: u32,
    max_keyword: f64,
    max_centrality: f64,
    /// The squared norm of the article's term vector (see [`Analysis::centrality`]).
    doc_norm2: f64,
    title_terms: TermSet,
    query_terms: TermSet,
}

/// Everything the summarizer knows about one article.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The title used for ranking ("" when there is none).
    pub title: &'a str,
    /// Where the title came from.
    pub title_source: TitleSource,
    content: &'a str,
    /// The sentences kept (see [`Keep`]), in reading order.
    records: Vec<Record>,
    /// Each record's score (0 when excluded).
    scores: Vec<f64>,
    keep: Keep,
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

/// Asks whether the caller still wants the result. Every stage of the pipeline checks it at
/// bounded intervals (segmentation every [`segment::CHECK_STEPS`] steps, tokenizing every
/// [`crate::text::token::CHECK_WORDS`] words, the passes over sentences every [`CHECK_EVERY`] sentences,
/// selection every so many comparisons), so that work on a long article stops soon after its
/// request is cancelled or runs out of time.
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

/// Appends `x`, growing a full vector by a quarter rather than doubling it: the vectors that
/// grow with the number of sentences or terms are most of an analysis's memory.
fn push_small<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        v.reserve_exact(v.capacity() / 4 + 16);
    }
    v.push(x);
}

/// Frees a vector's unused capacity when it is more than its length.
fn shrink_if_half_empty<T>(v: &mut Vec<T>) {
    if v.capacity() / 2 > v.len() {
        v.shrink_to_fit();
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
        records: Vec::with_capacity(content.len() / 96 + 1),
        scores: Vec::new(),
        keep,
        vocab: Vocabulary::for_text_in(content.len(), article.language),
        specificity: Vec::new(),
        weights: Vec::new(),
        // Each sentence's distinct content terms, all sentences together: about one per 11
        // bytes of news text, one per 10 in 95% of the articles of cnndm_dev and bbc_dev.
        terms: Vec::with_capacity(content.len() / 9),
        term_counts: Vec::with_capacity(content.len() / 9),
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
    /// Segments and tokenizes the content into records, terms and the vocabulary.
    fn read(
        &mut self,
        tokenizer: &mut Tokenizer,
        article: &Article<'a>,
        headline: Option<Range<usize>>,
        cancelled: Cancelled<'_>,
    ) -> Result<(), Error> {
        let content = self.content;
        // One sentence's terms: most sentences have fewer than 64.
        let mut scratch = Vec::with_capacity(64);
        let mut spans = segment::sentences_until(content, article.language, cancelled);
        for (index, span) in spans.by_ref().enumerate() {
            if index % CHECK_EVERY == CHECK_EVERY - 1 {
                check(cancelled)?;
            }
            let text = &content[span.start..span.end];
            let is_headline = match &headline {
                Some(r) => span.end <= r.end,
                // A caller's title repeated as the first line is the headline too.
                None => {
                    index == 0
                        && self.title_source == TitleSource::Given
                        && headline::same_title(text, self.title)
                }
            };
            scratch.clear();
            let (exclusion, seen) =
                self.sentence_terms(tokenizer, text, is_headline, &mut scratch, cancelled)?;
            let exclusion = exclusion.or((seen.count == 0).then_some(Exclusion::NoWords));
            let first_term = self.terms.len();
            if exclusion.is_none() || self.keep == Keep::All {
                scratch.sort_unstable();
                run_lengths(&scratch, &mut self.terms, &mut self.term_counts);
                let dangling = article.language == Language::English && is_dangling(seen.first);
                push_small(
                    &mut self.records,
                    Record {
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                        // The content's length fits in 32 bits (checked).
                        start: u32::try_from(span.start).unwrap_or(u32::MAX),
                        end: u32::try_from(span.end).unwrap_or(u32::MAX),
                        words_flags: words_flags(
                            seen.count,
                            exclusion,
                            span.first_in_paragraph,
                            dangling,
                        ),
                        terms: u32::try_from(first_term).unwrap_or(u32::MAX),
                    },
                );
            }
        }
        if spans.cancelled() {
            return Err(Error::Cancelled);
        }
        // Capacity sized for news text may be far more than another text needs ("!\n" repeated
        // has no term); growth leaves at most a quarter unused.
        shrink_if_half_empty(&mut self.records);
        shrink_if_half_empty(&mut self.terms);
        shrink_if_half_empty(&mut self.term_counts);
        Ok(())
    }

    /// Tokenizes one sentence into `scratch` (each content term occurrence), unless it is
    /// boilerplate; returns its exclusion so far and what was seen of its words.
    fn sentence_terms(
        &mut self,
        tokenizer: &mut Tokenizer,
        text: &'a str,
        is_headline: bool,
        scratch: &mut Vec<TermId>,
        cancelled: Cancelled<'_>,
    ) -> Result<(Option<Exclusion>, SentenceWords<'a>), Error> {
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
        let vocab = &mut self.vocab;
        Ok(match check {
            Check::Decided(true) => (Some(Exclusion::Boilerplate), boilerplate_words()),
            Check::Decided(false) => (
                is_headline.then_some(Exclusion::Headline),
                tokenizer
                    .sentence_terms_until(text, vocab, scratch, |_| {}, cancelled)
                    .ok_or(Error::Cancelled)?,
            ),
            Check::ByWords => {
                // Tokenized while its word starts are tested for boilerplate phrases; undone if
                // one is found.
                let mark = vocab.mark();
                let mut phrase = false;
                let seen = tokenizer
                    .sentence_terms_until(
                        text,
                        vocab,
                        scratch,
                        |w| {
                            phrase = phrase
                                || boilerplate::phrase_at_word(text, w.start, w.len, w.apostrophe);
                        },
                        cancelled,
                    )
                    .ok_or(Error::Cancelled)?;
                if phrase {
                    vocab.rollback(mark, scratch);
                    scratch.clear();
                    (Some(Exclusion::Boilerplate), boilerplate_words())
                } else {
                    (None, seen)
                }
            }
        })
    }

    /// Scores the eligible sentences and ranks them.
    fn score(&mut self, cancelled: Cancelled<'_>) -> Result<(), Error> {
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
    fn terms_of(&self, p: usize) -> (&[TermId], &[u32]) {
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
    fn centrality(&self, p: usize) -> f64 {
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
    fn features(&self, p: usize, ordinal: usize, centrality: f64) -> Features {
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
        Features {
            position: Features::position_prior(
                ordinal,
                scale.eligible,
                scale.weights.position_decay,
            ),
            keyword: relative(keyword_mass, scale.max_keyword),
            density: if content_words > 0 {
                weight_sum / f64::from(content_words)
            } else {
                0.0
            },
            centrality: relative(centrality, scale.max_centrality),
            title: scale.title_terms.share(terms),
            length: f64::from(words) / f64::from(scale.max_words),
            substance: (f64::from(words) / scale.weights.full_words).min(1.0),
            query: scale.query_terms.share(terms),
            paragraph_start: f64::from(u8::from(r.has(FLAG_FIRST_IN_PARAGRAPH))),
            short: f64::from(u8::from(words < SHORT_WORDS)),
            // The list of openers that point back is English.
            dangling: f64::from(u8::from(r.has(FLAG_DANGLING))),
            quote: f64::from(u8::from(opens_with_quote(self.text_of(r)))),
        }
    }

    fn text_of(&self, r: &Record) -> &'a str {
        &self.content[r.start as usize..r.end as usize]
    }

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

/// How many records are sorted at a time by [`sort_until`].
const SORT_RUN: usize = 1 << 15;

/// Sorts record positions best score first, ties by position, asking `cancelled` between runs of
/// [`SORT_RUN`] positions (sorted one by one, then merged), so that sorting a million sentences
/// is no pause that cancellation cannot interrupt. The order is total, so this is the order a
/// single sort gives.
fn sort_until(
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

/// Collapses sorted term ids into the distinct ids and how often each occurs, appended to `terms`
/// and `counts`.
fn run_lengths(sorted: &[TermId], terms: &mut Vec<TermId>, counts: &mut Vec<u32>) {
    let start = terms.len();
    for &t in sorted {
        match counts.last_mut() {
            Some(c) if terms.len() > start && terms[terms.len() - 1] == t => *c += 1,
            _ => {
                push_small(terms, t);
                push_small(counts, 1);
            }
        }
    }
}

/// The distinct terms of a title or query: those found in the article, and how many there are in
/// all (terms absent from the article still count in the denominator of the overlap).
#[derive(Debug, Default)]
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
fn lookup_terms(
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

    /// The `max` heaviest keywords of the article.
    pub fn keywords(&self, max: usize) -> Vec<Keyword<'a>> {
        keywords::top(&self.vocab, &self.weights, max)
    }

    /// [`Analysis::keywords`], stopping with [`Error::Cancelled`] once `cancelled` says so.
    pub fn keywords_until(
        &self,
        max: usize,
        cancelled: Cancelled<'_>,
    ) -> Result<Vec<Keyword<'a>>, Error> {
        keywords::top_until(&self.vocab, &self.weights, max, cancelled).ok_or(Error::Cancelled)
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
    fn sorting_in_runs_gives_the_order_of_one_sort() {
        let n = 3 * SORT_RUN + 5;
        let mut x: u64 = 99;
        // Few distinct scores, so that ties are broken by position everywhere.
        let scores: Vec<f64> = (0..n)
            .map(|_| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                ((x >> 40) % 50) as f64 / 7.0
            })
            .collect();
        let positions: Vec<u32> = (0..n as u32).rev().collect();
        let mut expected = positions.clone();
        expected.sort_by(|&a, &b| {
            scores[b as usize]
                .total_cmp(&scores[a as usize])
                .then(a.cmp(&b))
        });
        assert_eq!(
            sort_until(positions.clone(), &scores, &|| false),
            Ok(expected)
        );
        assert_eq!(
            sort_until(positions, &scores, &|| true),
            Err(Error::Cancelled)
        );
    }

    #[test]
    fn records_keep_words_and_flags_apart() {
        for exclusion in [
            None,
            Some(Exclusion::Headline),
            Some(Exclusion::Boilerplate),
            Some(Exclusion::NoWords),
        ] {
            let r = Record {
                index: 0,
                start: 0,
                end: 0,
                words_flags: words_flags(usize::MAX, exclusion, true, false),
                terms: 0,
            };
            assert_eq!(r.exclusion(), exclusion);
            assert_eq!(r.words(), MAX_WORDS);
            assert!(r.has(FLAG_FIRST_IN_PARAGRAPH) && !r.has(FLAG_DANGLING));
        }
    }

    #[test]
    fn a_brief_keeps_only_the_eligible_sentences() {
        let article = Article {
            content: "Floods hit the town.\n\nCopyright 2024 Daily News. All rights reserved.\n\nRoads were closed.",
            ..Article::default()
        };
        let weights = Weights::default();
        let all = analyze(&article, &weights).map(|a| a.len());
        let brief = summarize(&article, &Budget::default(), &weights).map(|b| b.analysis.len());
        assert_eq!((all, brief), (Ok(4), Ok(2)));
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
