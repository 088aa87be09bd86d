//! Agreement of [`super::keyphrases`] with `../shared/eval/kp/score.py`, on the fixture written by
//! `scripts/kp_reference.py`: Python's F1@5 and F1@10 of brief's predictions for every document
//! of both keyphrase development sets, and of hand-written edge cases. The documents whose gold
//! the fixture holds (a few per set, and the edge cases) are checked everywhere; every document
//! is checked where `../shared/eval/kp/` is present (the gold is read from there).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use super::keyphrases::{Normalizer, read_documents};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/kp_reference.jsonl");

/// The keyphrase sets, next to the repository.
const KP_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/kp");

/// Largest allowed difference of one document's F1 from Python's.
const DOCUMENT_TOLERANCE: f64 = 1e-9;
/// Largest allowed difference of a set's mean F1 from Python's, in points (×100).
const MEAN_TOLERANCE: f64 = 0.05;

/// One fixture line.
struct Line {
    set: String,
    id: String,
    predictions: Vec<String>,
    python: [f64; 2],
    gold: Option<Vec<Vec<String>>>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn gold_of(v: &Value) -> Vec<Vec<String>> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|item| match item {
                    Value::String(s) => vec![s.clone()],
                    other => strings(other),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn fixture() -> Vec<Line> {
    let text = std::fs::read_to_string(FIXTURE).expect("read kp_reference.jsonl");
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("fixture line is JSON");
            Line {
                set: v["set"].as_str().expect("set").to_owned(),
                id: v["id"].as_str().expect("id").to_owned(),
                predictions: strings(&v["predictions"]),
                python: [
                    v["f1_5"].as_f64().expect("f1_5"),
                    v["f1_10"].as_f64().expect("f1_10"),
                ],
                gold: v.get("gold").map(gold_of),
            }
        })
        .collect()
}

/// Scores every line that has gold (its own, or from `gold`), asserting each document's F1 and
/// each set's mean; returns how many documents were checked per set.
fn check(
    lines: &[Line],
    gold: &HashMap<(String, String), Vec<Vec<String>>>,
) -> HashMap<String, usize> {
    let mut normalizer = Normalizer::default();
    let mut sums: HashMap<String, ([f64; 2], [f64; 2], usize)> = HashMap::new();
    let mut mismatches = Vec::new();
    for line in lines {
        let key = (line.set.clone(), line.id.clone());
        let Some(g) = line.gold.as_ref().or_else(|| gold.get(&key)) else {
            continue;
        };
        let entry = sums.entry(line.set.clone()).or_default();
        for (m, k) in [5, 10].into_iter().enumerate() {
            let ours = normalizer.f1(&line.predictions, g, k);
            if (ours - line.python[m]).abs() > DOCUMENT_TOLERANCE {
                mismatches.push(format!(
                    "{} {}: F1@{k} python {} rust {ours}",
                    line.set, line.id, line.python[m]
                ));
            }
            entry.0[m] += ours;
            entry.1[m] += line.python[m];
        }
        entry.2 += 1;
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    let mut counts = HashMap::new();
    for (set, (rust, python, n)) in sums {
        for m in 0..2 {
            let (r, p) = (100.0 * rust[m] / n as f64, 100.0 * python[m] / n as f64);
            println!(
                "{set}: {n} documents, F1@{} python {p:.4} rust {r:.4}",
                [5, 10][m]
            );
            assert!((r - p).abs() <= MEAN_TOLERANCE, "{set}: {r} against {p}");
        }
        counts.insert(set, n);
    }
    counts
}

#[test]
fn keyphrase_f1_agrees_with_score_py_on_the_fixture() {
    let lines = fixture();
    let counts = check(&lines, &HashMap::new());
    assert!(counts.get("edge").is_some_and(|&n| n >= 10), "{counts:?}");
    for set in ["duc2001_dev", "kpcrowd_dev"] {
        assert!(counts.get(set).is_some_and(|&n| n >= 10), "{counts:?}");
    }
}

#[test]
fn keyphrase_f1_agrees_with_score_py_on_both_dev_sets() {
    let lines = fixture();
    let mut gold = HashMap::new();
    for set in ["duc2001_dev", "kpcrowd_dev"] {
        let path = Path::new(KP_DIR).join(format!("{set}.jsonl"));
        if !path.exists() {
            println!(
                "{} is absent: checked on the fixture's gold only",
                path.display()
            );
            return;
        }
        for doc in read_documents(&path).expect("read a keyphrase set") {
            gold.insert((set.to_owned(), doc.id), doc.gold);
        }
    }
    let counts = check(&lines, &gold);
    assert_eq!(counts.get("duc2001_dev"), Some(&154), "{counts:?}");
    assert_eq!(counts.get("kpcrowd_dev"), Some(&225), "{counts:?}");
}
