//! `brief eval`: summarizes every article of a JSON-lines data set through the same code path as
//! the service ([`brief::service::api::summarize`]) and scores the briefs with ROUGE against the human
//! references, beside Lead-3 (the first three sentences, from our own segmenter).
//!
//! Rows with a `"lang"` other than English are scored with the XL-Sum multilingual tokenizer
//! ([`Tokenization::Multilingual`]) and their Lead-3 is cut by that language's sentence rules; the
//! summarize request leaves the language to detection, as a caller that does not know it would.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::eval::bootstrap::{self, Interval};
use crate::eval::rouge::{Rouge, Scorer, Tokenization};
use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use brief_core::text::language::Language;
use brief_core::text::segment;
use brief_core::text::token::word_count;

/// One article of a data set: `{"id", "title" (string or null), "article", "reference"}`, and
/// optionally `"lang"` (a BCP-47 tag; absent means English).
#[derive(Debug, Clone)]
pub struct Example {
    /// The article's identifier.
    pub id: String,
    /// Its headline, when the data set has one.
    pub title: Option<String>,
    /// The article text.
    pub article: String,
    /// The human reference summary, sentences separated by "\n".
    pub reference: String,
    /// The language of article and reference, when the data set gives it: chooses the ROUGE
    /// tokenization and Lead-3's sentence rules.
    pub lang: Option<String>,
}

impl Example {
    /// How this row's texts are tokenized for ROUGE.
    fn tokenization(&self) -> Tokenization {
        Tokenization::for_language(self.lang.as_deref())
    }

    /// The language whose sentence rules cut Lead-3 (English when the row gives none).
    fn language(&self) -> Language {
        self.lang
            .as_deref()
            .map_or(Language::English, Language::from_tag)
    }
}

/// One [`Scorer`] per tokenization, made on first use.
#[derive(Debug, Default)]
struct Scorers(HashMap<Tokenization, Scorer>);

impl Scorers {
    /// Scores `summary` against the example's reference, tokenized for its language.
    fn score(&mut self, ex: &Example, summary: &str) -> Rouge {
        self.0
            .entry(ex.tokenization())
            .or_insert_with_key(Scorer::with_tokenization)
            .score(&ex.reference, summary)
    }
}

/// What can go wrong reading a data set.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not an example.
    #[error("{path}:{line}: {reason}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The rows of a JSON-lines file (blank lines skipped), each with its line number (from 1), and
/// the error for a row that is not what its reader wants.
pub fn json_rows(path: &Path) -> Result<Vec<(usize, serde_json::Value)>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(line).map_err(|e| parse_error(path, i + 1, e.to_string()))?;
        rows.push((i + 1, v));
    }
    Ok(rows)
}

/// The error for line `line` of `path`.
pub fn parse_error(path: &Path, line: usize, reason: String) -> EvalError {
    EvalError::Parse {
        path: path.to_owned(),
        line,
        reason,
    }
}

/// Reads a JSON-lines data set.
pub fn read_examples(path: &Path) -> Result<Vec<Example>, EvalError> {
    let mut out = Vec::new();
    for (line, v) in json_rows(path)? {
        let parse_err = |reason: String| parse_error(path, line, reason);
        let field = |name: &str| {
            v.get(name)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        };
        out.push(Example {
            id: field("id").unwrap_or_else(|| line.to_string()),
            title: field("title"),
            article: field("article").ok_or_else(|| parse_err("no \"article\" string".into()))?,
            reference: field("reference")
                .ok_or_else(|| parse_err("no \"reference\" string".into()))?,
            lang: field("lang"),
        });
    }
    Ok(out)
}

/// How to summarize for an evaluation.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// The length budget (unset fields: the service's defaults).
    pub length: pb::Length,
    /// The sentence order.
    pub order: pb::Order,
    /// The ranking weights.
    pub weights: Weights,
}

/// Mean ROUGE F1 ×100 and mean length of a set of summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Mean ROUGE-1 F1 ×100.
    pub rouge1: f64,
    /// Mean ROUGE-2 F1 ×100.
    pub rouge2: f64,
    /// Mean ROUGE-Lsum F1 ×100.
    pub rouge_lsum: f64,
    /// Mean words per summary.
    pub words: f64,
}

/// Running sums behind [`Scores`], with each article's F1s (×100) for the paired bootstrap.
#[derive(Debug, Default)]
struct Sums {
    r1: f64,
    r2: f64,
    rl: f64,
    words: f64,
    n: usize,
    per_article: Vec<[f64; 3]>,
}

impl Sums {
    fn add(&mut self, r: &Rouge, words: usize) {
        self.r1 += r.rouge1.f1;
        self.r2 += r.rouge2.f1;
        self.rl += r.rouge_lsum.f1;
        self.words += words as f64;
        self.n += 1;
        self.per_article
            .push([r.rouge1.f1, r.rouge2.f1, r.rouge_lsum.f1].map(|f| 100.0 * f));
    }

    fn mean(&self) -> Scores {
        let n = self.n.max(1) as f64;
        Scores {
            rouge1: 100.0 * self.r1 / n,
            rouge2: 100.0 * self.r2 / n,
            rouge_lsum: 100.0 * self.rl / n,
            words: self.words / n,
        }
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Articles evaluated.
    pub articles: usize,
    /// Articles the service refused (each is scored as an empty brief).
    pub failed: usize,
    /// brief's scores.
    pub brief: Scores,
    /// Lead-3's scores, from the same segmenter.
    pub lead3: Scores,
    /// brief minus Lead-3 in R1, R2 and RLsum, with paired bootstrap 95% intervals.
    pub difference: [Interval; 3],
    /// Articles summarized per second (summarizing only, not scoring), one thread.
    pub articles_per_second: f64,
    /// Megabytes of article text summarized per second.
    pub megabytes_per_second: f64,
    /// Articles with a `"lang"`, and how many of them the service detected as another language.
    pub languages: LanguageCheck,
    /// brief's summary of each example, in order (sentences joined by "\n"; empty when refused).
    pub summaries: Vec<String>,
}

/// How the service's language detection compared with the data set's `"lang"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LanguageCheck {
    /// Articles whose row gives a language.
    pub given: usize,
    /// Of those, articles summarized as another language (by primary subtag).
    pub detected_otherwise: usize,
}

/// Summarizes and scores every example, and scores Lead-3 on the same examples.
pub fn evaluate(examples: &[Example], options: &EvalOptions) -> Report {
    let mut scorers = Scorers::default();
    let run = score_briefs(examples, options, &mut scorers);
    let (lead3, _) = score_lead3(examples, &mut scorers);
    let seconds = run.seconds.max(f64::MIN_POSITIVE);
    let difference = [0, 1, 2].map(|metric| {
        let per_article: Vec<f64> = (run.sums.per_article.iter())
            .zip(&lead3.per_article)
            .map(|(b, l)| b[metric] - l[metric])
            .collect();
        bootstrap::interval(&per_article)
    });
    Report {
        articles: examples.len(),
        failed: run.failed,
        brief: run.sums.mean(),
        lead3: lead3.mean(),
        difference,
        articles_per_second: examples.len() as f64 / seconds,
        megabytes_per_second: run.bytes as f64 / 1e6 / seconds,
        languages: run.languages,
        summaries: run.summaries,
    }
}

/// Lead-3's scores and text on each article of a data set, made once for a weight grid (they do
/// not depend on the weights).
#[derive(Debug)]
pub struct Lead3Scores {
    sums: Sums,
    /// Each article's Lead-3, its whitespace collapsed.
    texts: Vec<String>,
}

/// Lead-3's scores and text on each of `examples`.
pub fn lead3_scores(examples: &[Example]) -> Lead3Scores {
    let (sums, texts) = score_lead3(examples, &mut Scorers::default());
    Lead3Scores {
        sums,
        texts: texts.iter().map(|lead| collapse(lead)).collect(),
    }
}

/// `text` with every run of whitespace made one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a weight grid needs of one setting on one data set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridScores {
    /// brief's scores.
    pub brief: Scores,
    /// The standard error of brief's margin over Lead-3, the margin being each article's mean of
    /// the R1, R2 and RLsum differences (sample standard deviation over √articles): how far the
    /// mean margin could move by the luck of which articles were drawn.
    pub margin_se: f64,
    /// The share of brief's sentences that are not in the article's Lead-3, averaged over the
    /// articles (an empty brief departs by 0): how far the setting strays from Lead-3.
    pub departure: f64,
}

/// brief's scores on `examples`, and the standard error of its margin over `lead3` (Lead-3's
/// scores on the same examples).
pub fn grid_scores(examples: &[Example], options: &EvalOptions, lead3: &Lead3Scores) -> GridScores {
    let run = score_briefs(examples, options, &mut Scorers::default());
    let margins: Vec<f64> = (run.sums.per_article.iter())
        .zip(&lead3.sums.per_article)
        .map(|(b, l)| (0..3).map(|m| b[m] - l[m]).sum::<f64>() / 3.0)
        .collect();
    let departures: f64 = (run.summaries.iter())
        .zip(&lead3.texts)
        .map(|(summary, lead)| {
            let sentences: Vec<String> = summary.lines().map(collapse).collect();
            let away = sentences
                .iter()
                .filter(|s| !lead.contains(s.as_str()))
                .count();
            away as f64 / sentences.len().max(1) as f64
        })
        .sum();
    GridScores {
        brief: run.sums.mean(),
        margin_se: standard_error(&margins),
        departure: departures / examples.len().max(1) as f64,
    }
}

/// The standard error of the mean of `values`: their sample standard deviation over the square
/// root of their number (0 for fewer than two values).
fn standard_error(values: &[f64]) -> f64 {
    let n = values.len();
    if n < 2 {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    (variance / n as f64).sqrt()
}

/// The outcome of summarizing a data set.
struct BriefRun {
    sums: Sums,
    failed: usize,
    seconds: f64,
    bytes: usize,
    languages: LanguageCheck,
    summaries: Vec<String>,
}

/// Summarizes every example through [`api::summarize`] and scores the briefs.
fn score_briefs(examples: &[Example], options: &EvalOptions, scorers: &mut Scorers) -> BriefRun {
    let mut sums = Sums::default();
    let mut languages = LanguageCheck::default();
    let mut summaries = Vec::with_capacity(examples.len());
    let (mut failed, mut seconds, mut bytes) = (0, 0.0, 0usize);
    // Built once per process, as the server does at start-up: not part of any article's time.
    brief_core::warm_up();
    for ex in examples {
        let req = pb::SummarizeRequest {
            document: Some(pb::Document {
                id: ex.id.clone(),
                title: ex.title.clone().unwrap_or_default(),
                content: ex.article.clone(),
                ..Default::default()
            }),
            length: Some(options.length),
            order: options.order as i32,
            ..Default::default()
        };
        let start = Instant::now();
        let resp = api::summarize(&req, &options.weights);
        seconds += start.elapsed().as_secs_f64();
        bytes += ex.article.len();
        let summary = match resp {
            Ok(r) => {
                if let Some(lang) = &ex.lang {
                    languages.given += 1;
                    if primary_subtag(&r.language) != primary_subtag(lang) {
                        languages.detected_otherwise += 1;
                    }
                }
                r.sentences
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Err(_) => {
                failed += 1;
                String::new()
            }
        };
        sums.add(&scorers.score(ex, &summary), word_count(&summary));
        summaries.push(summary);
    }
    BriefRun {
        sums,
        failed,
        seconds,
        bytes,
        languages,
        summaries,
    }
}

/// The lowercased primary subtag of a BCP-47 tag ("zh" of "zh-Hans").
fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Lead-3's scores, and its text on each article: the first three sentences of each article,
/// from brief's segmenter with the row's language's rules.
fn score_lead3(examples: &[Example], scorers: &mut Scorers) -> (Sums, Vec<String>) {
    let mut sums = Sums::default();
    let mut texts = Vec::with_capacity(examples.len());
    for ex in examples {
        let lead = lead3(ex);
        sums.add(&scorers.score(ex, &lead), word_count(&lead));
        texts.push(lead);
    }
    (sums, texts)
}

/// The first three sentences of an example's article, by its language's rules, joined by "\n".
fn lead3(ex: &Example) -> String {
    let lead: Vec<&str> = segment::sentences_in(&ex.article, ex.language())
        .iter()
        .take(3)
        .map(|s| &ex.article[s.start..s.end])
        .collect();
    lead.join("\n")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "articles: {} (refused: {})", self.articles, self.failed)?;
        if self.languages.given > 0 {
            writeln!(
                f,
                "language: {} of {} articles detected as another language than their \"lang\"",
                self.languages.detected_otherwise, self.languages.given
            )?;
        }
        writeln!(
            f,
            "{:<8} {:>7} {:>7} {:>7} {:>7}",
            "method", "R1", "R2", "RLsum", "words"
        )?;
        for (name, s) in [("brief", &self.brief), ("lead-3", &self.lead3)] {
            writeln!(
                f,
                "{name:<8} {:>7.2} {:>7.2} {:>7.2} {:>7.1}",
                s.rouge1, s.rouge2, s.rouge_lsum, s.words
            )?;
        }
        let [r1, r2, rl] = self.difference;
        writeln!(
            f,
            "{:<8} {:>+7.2} {:>+7.2} {:>+7.2}",
            "delta", r1.mean, r2.mean, rl.mean
        )?;
        writeln!(
            f,
            "95% CI   R1 [{:+.2}, {:+.2}]  R2 [{:+.2}, {:+.2}]  RLsum [{:+.2}, {:+.2}] (paired bootstrap, {} resamples of the articles)",
            r1.low,
            r1.high,
            r2.low,
            r2.high,
            rl.low,
            rl.high,
            bootstrap::RESAMPLES
        )?;
        write!(
            f,
            "speed: {:.0} articles/s, {:.1} MB/s (summarizing only, one thread)",
            self.articles_per_second, self.megabytes_per_second
        )
    }
}
