//! Articles for the benchmarks: the files named by `BRIEF_BENCH_DATA` (comma-separated JSON lines
//! with an "article" field), else the development sets in `../shared/eval/` when that folder
//! exists, else the small slices shipped in `tests/data/`.

// Each bench uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A named set of articles.
pub struct Corpus {
    /// The file's stem, e.g. `cnndm_dev`.
    pub name: String,
    /// The articles.
    pub articles: Vec<String>,
}

impl Corpus {
    /// Total bytes of article text.
    pub fn bytes(&self) -> u64 {
        self.articles.iter().map(|a| a.len() as u64).sum()
    }
}

/// The corpora to benchmark, per the module docs.
pub fn corpora() -> Vec<Corpus> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = match std::env::var("BRIEF_BENCH_DATA") {
        Ok(list) => list.split(',').map(PathBuf::from).collect(),
        Err(_) => {
            let shared = root.join("../shared/eval");
            if shared.join("cnndm_dev.jsonl").exists() {
                vec![shared.join("cnndm_dev.jsonl"), shared.join("bbc_dev.jsonl")]
            } else {
                vec![
                    root.join("tests/data/eval_slice_cnndm.jsonl"),
                    root.join("tests/data/eval_slice_bbc.jsonl"),
                ]
            }
        }
    };
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
            let articles = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
                    v["article"]
                        .as_str()
                        .expect("an \"article\" string")
                        .to_owned()
                })
                .collect();
            let name = f.file_stem().map_or_else(
                || f.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            Corpus { name, articles }
        })
        .collect()
}
