//! Agreement of [`super::rouge`] and [`super::nltk_porter`] with Google's `rouge-score` 0.1.2 and
//! NLTK's Porter stemmer, on fixtures written by `scripts/rouge_reference.py`; of the multilingual
//! scoring ([`super::multilingual`]) with `ml_rouge.py` and NLTK's Snowball stemmers, on fixtures
//! written by `scripts/ml_rouge_reference.py`; and brief against Lead-3 on 20-article slices of
//! every development set (in tests/data): at or above it on bbc_dev, not shown below it on the
//! others.

use std::path::Path;

use serde_json::Value;

use super::run::{EvalOptions, Example, evaluate, grid_scores, lead3_scores, read_examples};
use super::{multilingual, nltk_porter, rouge};

const ROUGE_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/rouge_reference.jsonl"
);
const PORTER_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/porter_reference.tsv"
);

const ML_ROUGE_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/ml_rouge_reference.jsonl"
);
const SNOWBALL_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/snowball_reference.tsv"
);

/// Largest allowed difference of one pair's precision, recall or F1 from Python's.
const PAIR_TOLERANCE: f64 = 1e-6;
/// Largest allowed difference of a metric's mean F1 from Python's (0.05 points on the ×100 scale).
const MEAN_TOLERANCE: f64 = 0.0005;

fn triple(line: &Value, key: &str) -> [f64; 3] {
    let values = line[key].as_array().expect("score triple");
    assert_eq!(values.len(), 3, "{key} has precision, recall and F1");
    [0, 1, 2].map(|i| values[i].as_f64().expect("number"))
}

/// The three measures a fixture line holds, as `rouge-score` names them.
const MEASURES: [&str; 3] = ["rouge1", "rouge2", "rougeLsum"];

/// Our scores against a Python fixture's, pair by pair: the largest difference, the pairs off
/// by more than [`PAIR_TOLERANCE`], and each side's F1 sums for the means.
#[derive(Default)]
struct Agreement {
    pairs: usize,
    python_f1_sum: [f64; 3],
    rust_f1_sum: [f64; 3],
    max_diff: f64,
    mismatches: Vec<String>,
}

impl Agreement {
    /// Compares `scored` with the fixture `line` (its `where_` names it in a mismatch).
    fn add(&mut self, where_: &str, line: &Value, scored: &rouge::Rouge) {
        let ours = [scored.rouge1, scored.rouge2, scored.rouge_lsum];
        for (m, name) in MEASURES.iter().enumerate() {
            let expected = triple(line, name);
            let actual = [ours[m].precision, ours[m].recall, ours[m].f1];
            let diff = expected
                .iter()
                .zip(actual)
                .map(|(e, a)| (e - a).abs())
                .fold(0.0, f64::max);
            self.max_diff = self.max_diff.max(diff);
            if diff > PAIR_TOLERANCE {
                self.mismatches.push(format!(
                    "{where_}: {name} expected {expected:?}, got {actual:?}"
                ));
            }
            self.python_f1_sum[m] += expected[2];
            self.rust_f1_sum[m] += actual[2];
        }
        self.pairs += 1;
    }

    /// Asserts every measure's mean F1 within [`MEAN_TOLERANCE`] of Python's and no pair off by
    /// more than [`PAIR_TOLERANCE`]; `python` names the reference in the message.
    fn assert_agrees(&self, python: &str) {
        for (m, name) in MEASURES.iter().enumerate() {
            let theirs = self.python_f1_sum[m] / self.pairs as f64;
            let rust = self.rust_f1_sum[m] / self.pairs as f64;
            println!(
                "{name}: mean F1 python {:.6} rust {:.6} diff {:.3e}",
                theirs * 100.0,
                rust * 100.0,
                (theirs - rust).abs() * 100.0
            );
            assert!(
                (theirs - rust).abs() <= MEAN_TOLERANCE,
                "{name}: mean F1 {rust} against {python}'s {theirs}"
            );
        }
        println!(
            "{} pairs, max per-pair difference {:.3e}",
            self.pairs, self.max_diff
        );
        assert!(
            self.mismatches.is_empty(),
            "{} values differ from {python}:\n{}",
            self.mismatches.len(),
            self.mismatches.join("\n")
        );
    }
}

#[test]
fn rouge_agrees_with_rouge_score() {
    let text = std::fs::read_to_string(ROUGE_FIXTURE).expect("read rouge_reference.jsonl");
    let mut agreement = Agreement::default();
    let mut scorer = rouge::Scorer::new();
    for (n, line) in text.lines().enumerate() {
        let line: Value = serde_json::from_str(line).expect("fixture line is JSON");
        let summary = line["summary"].as_str().expect("summary");
        let reference = line["reference"].as_str().expect("reference");
        let scored = rouge::score(reference, summary);
        assert_eq!(
            scorer.score(reference, summary),
            scored,
            "Scorer, line {}",
            n + 1
        );
        agreement.add(&format!("line {}", n + 1), &line, &scored);
    }
    assert!(
        agreement.pairs >= 240,
        "fixture has only {} pairs",
        agreement.pairs
    );
    agreement.assert_agrees("rouge-score");
}

/// A fixture's path: the committed one, or the file an environment variable names (to check a
/// whole data set written by `scripts/ml_rouge_reference.py --full`).
fn fixture(committed: &str, variable: &str) -> (String, String) {
    let path = std::env::var(variable).unwrap_or_else(|_| committed.to_owned());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    (path, text)
}

#[test]
fn multilingual_rouge_agrees_with_ml_rouge() {
    let (path, text) = fixture(ML_ROUGE_FIXTURE, "BRIEF_ML_ROUGE_FIXTURE");
    let mut agreement = Agreement::default();
    let mut languages = std::collections::BTreeMap::new();
    let mut scorers = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line: Value = serde_json::from_str(line).expect("fixture line is JSON");
        let lang = line["lang"].as_str().expect("lang");
        let summary = line["summary"].as_str().expect("summary");
        let reference = line["reference"].as_str().expect("reference");
        let tokenization = rouge::Tokenization::for_language(Some(lang));
        assert_eq!(
            tokenization,
            rouge::Tokenization::Multilingual(lang.to_owned())
        );
        let scored = scorers
            .entry(lang.to_owned())
            .or_insert_with(|| rouge::Scorer::with_tokenization(&tokenization))
            .score(reference, summary);
        agreement.add(&format!("line {} ({lang})", n + 1), &line, &scored);
        *languages.entry(lang.to_owned()).or_insert(0) += 1;
    }
    for m in &agreement.mismatches {
        println!("{m}");
    }
    let pairs = agreement.pairs;
    assert!(pairs >= 150, "{path} has only {pairs} pairs");
    assert!(
        languages.get("fr").is_some_and(|&n| n >= 60),
        "{languages:?}"
    );
    assert!(
        languages.get("zh").is_some_and(|&n| n >= 60),
        "{languages:?}"
    );
    println!("{languages:?}");
    agreement.assert_agrees("ml_rouge.py");
}

/// Words that `rust-stemmers` stems unlike NLTK: its Arabic stemmer is Snowball's, NLTK's
/// `ArabicStemmer` a port of its own (prefixes such as و, س and ال are handled differently).
/// Listed so that the test still fails on any other difference, and on one of these going away.
const KNOWN_STEM_DIFFERENCES: &[(&str, &str)] = &[
    ("ar", "إجراءات"),
    ("ar", "ستستمر"),
    ("ar", "سيعملون"),
    ("ar", "والمستثمرين"),
];

#[test]
fn snowball_agrees_with_nltk() {
    let (path, text) = fixture(SNOWBALL_FIXTURE, "BRIEF_SNOWBALL_FIXTURE");
    let mut stemmings = std::collections::HashMap::new();
    let (mut words, mut known_seen) = (0, 0);
    let mut mismatches = Vec::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let (Some(lang), Some(word), Some(expected), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            panic!("{path}: not lang<TAB>word<TAB>stem: {line:?}");
        };
        let actual = stemmings
            .entry(lang.to_owned())
            .or_insert_with(|| multilingual::Stemming::new(lang))
            .token(word);
        let known = KNOWN_STEM_DIFFERENCES.contains(&(lang, word));
        if (actual != expected) != known {
            mismatches.push(format!(
                "{lang} {word}: NLTK {expected}, ours {actual}{}",
                if known { " (listed as differing)" } else { "" }
            ));
        }
        if known {
            known_seen += 1;
        }
        words += 1;
    }
    assert!(words >= 1000, "{path} has only {words} words");
    if path == SNOWBALL_FIXTURE {
        assert_eq!(
            known_seen,
            KNOWN_STEM_DIFFERENCES.len(),
            "a listed word is gone"
        );
    }
    println!("{words} words stemmed");
    assert!(
        mismatches.is_empty(),
        "{} of {words} stems differ from NLTK:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn porter_agrees_with_nltk() {
    let text = std::fs::read_to_string(PORTER_FIXTURE).expect("read porter_reference.tsv");
    let mut words = 0;
    let mut mismatches = Vec::new();
    for line in text.lines() {
        let (word, expected) = line.split_once('\t').expect("word<TAB>stem");
        let actual = nltk_porter::stem(word);
        if actual != expected {
            mismatches.push(format!("{word}: NLTK {expected}, ours {actual}"));
        }
        words += 1;
    }
    assert!(words >= 1000, "fixture has only {words} words");
    println!("{words} words stemmed");
    assert!(
        mismatches.is_empty(),
        "{} of {words} stems differ from NLTK:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

fn slice(name: &str) -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    read_examples(&path).expect("the shipped eval slice")
}

/// Asserts brief scores at least Lead-3 on every measure of a slice.
fn at_least_lead3(name: &str) {
    let examples = slice(name);
    assert_eq!(examples.len(), 20);
    let report = evaluate(&examples, &EvalOptions::default());
    assert_eq!(report.failed, 0);
    let (b, l) = (report.brief, report.lead3);
    assert!(
        b.rouge1 >= l.rouge1,
        "{name}: ROUGE-1 {} < Lead-3 {}\n{report}",
        b.rouge1,
        l.rouge1
    );
    assert!(
        b.rouge2 >= l.rouge2,
        "{name}: ROUGE-2 {} < Lead-3 {}\n{report}",
        b.rouge2,
        l.rouge2
    );
    assert!(
        b.rouge_lsum >= l.rouge_lsum,
        "{name}: ROUGE-Lsum {} < Lead-3 {}\n{report}",
        b.rouge_lsum,
        l.rouge_lsum
    );
}

#[test]
fn bbc_slice_at_least_lead3() {
    at_least_lead3("eval_slice_bbc.jsonl");
}

/// Asserts brief is not shown worse than Lead-3 on a slice: on every measure, the paired
/// bootstrap interval of the difference reaches 0 or above. Twenty articles cannot tell apart
/// margins of a point or two (the interval is about ±2 wide), so this is the pin a slice can
/// hold where the whole set's margin is small; the whole sets' figures come from `brief eval`.
fn not_below_lead3(name: &str) {
    let examples = slice(name);
    assert_eq!(examples.len(), 20);
    let report = evaluate(&examples, &EvalOptions::default());
    assert_eq!(report.failed, 0);
    for (metric, d) in ["R1", "R2", "RLsum"].iter().zip(report.difference) {
        assert!(
            d.high >= 0.0,
            "{name}: {metric} below Lead-3 ({d:?})\n{report}"
        );
    }
}

#[test]
fn cnndm_slice_not_below_lead3() {
    not_below_lead3("eval_slice_cnndm.jsonl");
}

#[test]
fn dm_slice_not_below_lead3() {
    not_below_lead3("eval_slice_dm.jsonl");
}

#[test]
fn fr_slice_not_below_lead3() {
    not_below_lead3("eval_slice_fr.jsonl");
}

#[test]
fn zh_slice_not_below_lead3() {
    not_below_lead3("eval_slice_zh.jsonl");
}

#[test]
fn the_reported_difference_is_brief_minus_lead3_within_its_interval() {
    let report = evaluate(&slice("eval_slice_cnndm.jsonl"), &EvalOptions::default());
    let (b, l) = (report.brief, report.lead3);
    let expected = [
        b.rouge1 - l.rouge1,
        b.rouge2 - l.rouge2,
        b.rouge_lsum - l.rouge_lsum,
    ];
    for (d, e) in report.difference.iter().zip(expected) {
        assert!((d.mean - e).abs() < 1e-9, "{d:?} against {e}");
        assert!(d.low <= d.mean && d.mean <= d.high, "{d:?}");
        // 20 articles are few: the interval is wide, not a point.
        assert!(d.high - d.low > 0.5, "{d:?}");
    }
}

#[test]
fn a_grid_setting_scores_as_the_report_does_with_the_standard_error_of_its_margin() {
    let examples = slice("eval_slice_cnndm.jsonl");
    let options = EvalOptions::default();
    let report = evaluate(&examples, &options);
    let grid = grid_scores(&examples, &options, &lead3_scores(&examples));
    assert_eq!(grid.brief, report.brief);
    // The margin (the mean of the three metrics' differences) spreads no more than its most
    // spread metric, whose 95% interval is about 1.96 standard errors either side of the mean.
    let widest = (report.difference.iter())
        .map(|d| (d.high - d.low) / 2.0 / 1.96)
        .fold(0.0, f64::max);
    assert!(
        grid.margin_se > 0.0 && grid.margin_se < 1.25 * widest,
        "{} against {widest}",
        grid.margin_se
    );
    // The default weights pick sentences beyond the lead; position alone keeps to it.
    assert!(grid.departure > 0.0 && grid.departure <= 1.0, "{grid:?}");
    let lead_only = EvalOptions {
        weights: "keyword=0,density=0,centrality=0,title=0,length=0,substance=0,\
                  paragraph_start=0,short=0,dangling=0,quote=0,run_on=0"
            .parse()
            .expect("weights"),
        ..EvalOptions::default()
    };
    let lead = grid_scores(&examples, &lead_only, &lead3_scores(&examples));
    assert!(lead.departure < 0.05, "{lead:?}");
}

#[test]
fn lang_chooses_the_tokenization_and_lead3_rules() {
    let path = std::env::temp_dir().join(format!("brief-eval-lang-{}.jsonl", std::process::id()));
    let article = "雅虎发布2014年第四季度财报。营收同比增长。公司股价上涨。分析师表示乐观。";
    let rows = [
        serde_json::json!({"id": "zh", "lang": "zh", "article": article, "reference": "雅虎财报"}),
        serde_json::json!({"id": "en", "article": article, "reference": "雅虎财报"}),
    ];
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&path, text).expect("write the data set");
    let examples = read_examples(&path).expect("read the data set");
    std::fs::remove_file(&path).ok();
    assert_eq!(examples[0].lang.as_deref(), Some("zh"));
    assert_eq!(examples[1].lang, None);
    let zh = evaluate(&examples[..1], &EvalOptions::default());
    // Lead-3 is the first three sentences, cut after 。: 24 tokens (22 ideographs and "2014"),
    // 4 of them the reference's 4 (recall 1, precision 1/6).
    let lead3_r1 = 100.0 * 2.0 * (4.0 / 24.0) * 1.0 / (4.0 / 24.0 + 1.0);
    assert!((zh.lead3.rouge1 - lead3_r1).abs() < 1e-9, "{zh}");
    assert_eq!(zh.languages.given, 1);
    assert_eq!(zh.languages.detected_otherwise, 0, "{zh}");
    assert_eq!(zh.summaries.len(), 1);
    assert!(zh.summaries[0].contains("雅虎"), "{:?}", zh.summaries);
    // Without "lang" rouge-score's tokenizer keeps only [a-z0-9]: nothing of the reference.
    let en = evaluate(&examples[1..], &EvalOptions::default());
    assert_eq!(en.lead3.rouge1, 0.0);
    assert_eq!(en.languages.given, 0);
}
