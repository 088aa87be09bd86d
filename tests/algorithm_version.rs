//! The algorithm version's promise: the same version gives the same briefs. Over a fixed set of
//! articles (the evaluation slices of five sources in `tests/data/` and the realistic HTML pages,
//! several budgets and orders, Summarize and Extract), the sentences chosen, titles, languages,
//! exclusions and keywords are digested, and `tests/data/algorithm_version.txt` records the
//! digest with the version it was taken under. The test fails when the output changes while the
//! version does not (raise brief-core's version), and when the version changes without the
//! record (re-record with `BRIEF_RECORD_ALGORITHM=1 cargo test --test algorithm_version`).
//!
//! Scores are left out of the digest: they are floating point, and what callers see change is
//! which sentences they get.

use std::fmt::Write as _;
use std::path::Path;

use brief::proto::v1 as pb;
use brief::service::api::{algorithm_version, extract_until, summarize_until};
use brief_core::Weights;

/// FNV-1a, 64 bits: stable everywhere.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The documents of the fixed set: `(content, title, format)`.
fn documents() -> Vec<pb::Document> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut docs = Vec::new();
    for source in ["cnndm", "bbc", "dm", "fr", "zh"] {
        let path = data.join(format!("eval_slice_{source}.jsonl"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        for line in text.lines() {
            let row: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            docs.push(pb::Document {
                content: row["article"].as_str().unwrap_or_default().to_owned(),
                title: row["title"].as_str().unwrap_or_default().to_owned(),
                ..Default::default()
            });
        }
    }
    let mut pages: Vec<_> = std::fs::read_dir(data.join("html/pages"))
        .expect("pages")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    for page in pages {
        docs.push(pb::Document {
            raw: std::fs::read(&page).expect("page"),
            format: pb::Format::Html as i32,
            ..Default::default()
        });
    }
    docs
}

/// What callers see of every answer over the fixed set, one line each.
fn outputs() -> String {
    let weights = Weights::default();
    let budgets = [
        pb::Length::default(),
        pb::Length {
            max_sentences: 1,
            ..Default::default()
        },
        pb::Length {
            ratio: 0.3,
            ..Default::default()
        },
        pb::Length {
            max_words: 60,
            ..Default::default()
        },
    ];
    let mut out = String::new();
    for (n, doc) in documents().into_iter().enumerate() {
        for (b, length) in budgets.iter().enumerate() {
            for order in [pb::Order::Reading, pb::Order::Rank] {
                let req = pb::SummarizeRequest {
                    document: Some(doc.clone()),
                    length: Some(*length),
                    order: order as i32,
                    ..Default::default()
                };
                let r = summarize_until(&req, &weights, &|| false).expect("summarize");
                let chosen: Vec<_> = r.sentences.iter().map(|s| (s.index, &s.text)).collect();
                let _ = writeln!(
                    out,
                    "{n} {b} {order:?} {:?} {} {:?}",
                    r.title, r.language, chosen
                );
            }
        }
        let req = pb::ExtractRequest {
            document: Some(doc),
            ..Default::default()
        };
        let e = extract_until(&req, &weights, &|| false).expect("extract");
        let sentences: Vec<_> = e
            .sentences
            .iter()
            .map(|s| (s.rank, s.exclusion, s.block, &s.text))
            .collect();
        let keywords: Vec<_> = e.keywords.iter().map(|k| (&k.text, k.count)).collect();
        let _ = writeln!(out, "{n} extract {:?} {sentences:?} {keywords:?}", e.title);
    }
    out
}

#[test]
fn output_changes_only_with_the_algorithm_version() {
    let record = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/algorithm_version.txt");
    let version = algorithm_version();
    let digest = format!("{:016x}", fnv1a(&outputs()));
    if std::env::var_os("BRIEF_RECORD_ALGORITHM").is_some() {
        std::fs::write(&record, format!("version: {version}\ndigest: {digest}\n"))
            .expect("write the record");
        return;
    }
    let recorded = std::fs::read_to_string(&record).unwrap_or_default();
    let field = |key: &str| {
        recorded
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    let (old_version, old_digest) = (field("version:"), field("digest:"));
    assert!(
        !(digest != old_digest && version == old_version),
        "briefs changed (digest {old_digest} -> {digest}) but algorithm_version is still \
         {version}: raise brief-core's version, then re-record with \
         BRIEF_RECORD_ALGORITHM=1 cargo test --test algorithm_version"
    );
    assert_eq!(
        (version, digest.as_str()),
        (old_version.as_str(), old_digest.as_str()),
        "the version changed: re-record with BRIEF_RECORD_ALGORITHM=1 cargo test --test \
         algorithm_version"
    );
}
