//! `brief eval --keywords`: Extract's keyphrases against human keyphrases, F1@5 and F1@10 by the
//! standard exact-match protocol, as `../shared/eval/kp/score.py` computes them (and pke and
//! Boudin's scripts): a phrase is lower-cased, a possessive `'s` dropped, split into word tokens
//! (`[^\W_]+`) and every token stemmed with NLTK's Porter stemmer ([`nltk_porter`]); predictions
//! are deduplicated after stemming and cut at k, gold items deduplicated (an item may list
//! variants, any of which matches it, each item matching once); F1 is macro-averaged over the
//! documents.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use std::time::Instant;

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;

use super::nltk_porter;
use super::run::{EvalError, json_rows, parse_error};

/// The cut-offs reported.
pub const CUTOFFS: [usize; 2] = [5, 10];

/// One document of a keyphrase set: `{"id", "title", "article", "keyphrases"}`.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its identifier.
    pub id: String,
    /// Its title ("" when none).
    pub title: String,
    /// Its text.
    pub article: String,
    /// The gold keyphrases; each item lists one or more accepted variants.
    pub gold: Vec<Vec<String>>,
}

/// Reads a JSON-lines keyphrase set.
pub fn read_documents(path: &Path) -> Result<Vec<Document>, EvalError> {
    let mut out = Vec::new();
    for (line, v) in json_rows(path)? {
        let parse_err = |reason: String| parse_error(path, line, reason);
        let text_of = |name: &str| v.get(name).and_then(serde_json::Value::as_str);
        let gold = v
            .get("keyphrases")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| parse_err("no \"keyphrases\" list".into()))?;
        out.push(Document {
            id: id_of(&v).unwrap_or_else(|| line.to_string()),
            title: text_of("title").unwrap_or_default().to_owned(),
            article: text_of("article")
                .ok_or_else(|| parse_err("no \"article\" string".into()))?
                .to_owned(),
            gold: gold.iter().map(variants).collect(),
        });
    }
    Ok(out)
}

/// A row's `"id"`, a string or a number.
fn id_of(v: &serde_json::Value) -> Option<String> {
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// A gold item's variants: a string, or a list of strings.
fn variants(item: &serde_json::Value) -> Vec<String> {
    match item {
        serde_json::Value::String(s) => vec![s.clone()],
        serde_json::Value::Array(list) => list
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Normalizes phrases as `score.py`'s `key`: lower-case, `'s` dropped, Porter-stemmed tokens
/// joined by a space; each word's stem is computed once.
#[derive(Debug, Default)]
pub struct Normalizer {
    stems: HashMap<String, String>,
}

/// Whether `c` is a character of `[^\W_]` (a letter or digit).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Normalizer {
    /// The key of `phrase`.
    pub fn key(&mut self, phrase: &str) -> String {
        let lower = phrase.to_lowercase().replace('\u{2019}', "'");
        let chars: Vec<char> = lower.chars().collect();
        // `re.sub(r"'s\b", "", p)`: an `'s` not followed by a word character (`\w`: letters,
        // digits and `_`).
        let mut kept = String::with_capacity(lower.len());
        let mut i = 0;
        while i < chars.len() {
            let possessive = chars[i] == '\''
                && chars.get(i + 1) == Some(&'s')
                && !chars
                    .get(i + 2)
                    .is_some_and(|&c| is_word_char(c) || c == '_');
            if possessive {
                i += 2;
                continue;
            }
            kept.push(chars[i]);
            i += 1;
        }
        let mut out = String::with_capacity(kept.len());
        for token in kept
            .split(|c: char| !is_word_char(c))
            .filter(|t| !t.is_empty())
        {
            let stem = self
                .stems
                .entry(token.to_owned())
                .or_insert_with(|| nltk_porter::stem(token));
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(stem);
        }
        out
    }

    /// F1 of `predictions` (best first) at `k` against `gold`, as `score.py`'s `score`.
    pub fn f1(&mut self, predictions: &[String], gold: &[Vec<String>], k: usize) -> f64 {
        let mut seen: HashSet<Vec<String>> = HashSet::new();
        let mut items: Vec<HashSet<String>> = Vec::new();
        for item in gold {
            let keys: HashSet<String> = item
                .iter()
                .map(|v| self.key(v))
                .filter(|x| !x.is_empty())
                .collect();
            let mut sorted: Vec<String> = keys.iter().cloned().collect();
            sorted.sort();
            if !keys.is_empty() && seen.insert(sorted) {
                items.push(keys);
            }
        }
        let mut top: Vec<String> = Vec::new();
        for p in predictions {
            let key = self.key(p);
            if !key.is_empty() && !top.contains(&key) {
                top.push(key);
            }
        }
        top.truncate(k);
        let mut used = vec![false; items.len()];
        let mut matches = 0;
        for p in &top {
            if let Some(i) = (0..items.len()).find(|&i| !used[i] && items[i].contains(p)) {
                used[i] = true;
                matches += 1;
            }
        }
        let precision = if top.is_empty() {
            0.0
        } else {
            f64::from(matches) / top.len() as f64
        };
        let recall = if items.is_empty() {
            0.0
        } else {
            f64::from(matches) / items.len() as f64
        };
        if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        }
    }
}

/// The outcome of a keyphrase evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyphraseReport {
    /// Documents evaluated.
    pub documents: usize,
    /// Documents the service refused (scored as no prediction).
    pub failed: usize,
    /// Mean F1 ×100 at each of [`CUTOFFS`].
    pub f1: [f64; 2],
    /// Each document's predictions, best first (empty when refused).
    pub predictions: Vec<Vec<String>>,
    /// Mean milliseconds per Extract request (Extract only, not scoring), one thread.
    pub ms_per_document: f64,
}

/// Asks Extract for `max(CUTOFFS)` keyphrases of every document and scores them.
pub fn evaluate(documents: &[Document], weights: &Weights) -> KeyphraseReport {
    brief_core::warm_up();
    let mut normalizer = Normalizer::default();
    let (mut sums, mut failed, mut seconds) = ([0.0; 2], 0, 0.0);
    let mut predictions = Vec::with_capacity(documents.len());
    for doc in documents {
        let req = pb::ExtractRequest {
            document: Some(pb::Document {
                id: doc.id.clone(),
                title: doc.title.clone(),
                content: doc.article.clone(),
                ..Default::default()
            }),
            max_keywords: CUTOFFS[1] as u32,
            ..Default::default()
        };
        let start = Instant::now();
        let resp = api::extract(&req, weights);
        seconds += start.elapsed().as_secs_f64();
        let predicted: Vec<String> = match resp {
            Ok(r) => r.keywords.into_iter().map(|k| k.text).collect(),
            Err(_) => {
                failed += 1;
                Vec::new()
            }
        };
        for (sum, k) in sums.iter_mut().zip(CUTOFFS) {
            *sum += normalizer.f1(&predicted, &doc.gold, k);
        }
        predictions.push(predicted);
    }
    let n = documents.len().max(1) as f64;
    KeyphraseReport {
        documents: documents.len(),
        failed,
        f1: sums.map(|s| 100.0 * s / n),
        predictions,
        ms_per_document: 1000.0 * seconds / n,
    }
}

impl fmt::Display for KeyphraseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "documents: {} (refused: {})",
            self.documents, self.failed
        )?;
        writeln!(f, "F1@{} {:.2}", CUTOFFS[0], self.f1[0])?;
        writeln!(f, "F1@{} {:.2}", CUTOFFS[1], self.f1[1])?;
        write!(
            f,
            "speed: {:.3} ms per Extract request (one thread)",
            self.ms_per_document
        )
    }
}
