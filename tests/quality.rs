//! Quality pins: the seed article's brief as a golden answer, and ROUGE on small slices of both
//! development sets (20 articles each, shipped in tests/data) at or above Lead-3 from the same
//! segmenter.

use std::path::Path;

use brief::eval::run::{EvalOptions, evaluate, read_examples};
use brief::proto::v1 as pb;
use brief_core::rank::features::Weights;

const SEED: &str = include_str!("data/seed_article.txt");

#[test]
fn seed_article_golden_brief() {
    let req = pb::SummarizeRequest {
        document: Some(pb::Document {
            content: SEED.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let resp = brief::api::summarize(&req, &Weights::default()).expect("a brief");
    let indices: Vec<u32> = resp.sentences.iter().map(|s| s.index).collect();
    assert_eq!(indices, [1, 2, 3], "{:#?}", resp.sentences);
    assert_eq!(
        resp.summary,
        "After several weeks of escalating tension between the two countries, North Korea has \
         reportedly backed away from plans to increase military pressure on South Korea. The \
         decision comes weeks after a joint liaison building on the North-South border was blown \
         up and communication ended between the two sides. According to a report from North \
         Korea's state-run Korean Central News Agency, the move was made following a meeting \
         between leader Kim Jong-Un and his military leaders."
    );
    assert_eq!(
        resp.title,
        "North Korea News: Kim Jong Un's Regime Backs Down From Military Pressure On South Korea, But For How Long?"
    );
}

fn slice(name: &str) -> Vec<brief::eval::run::Example> {
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
fn cnndm_slice_at_least_lead3() {
    at_least_lead3("eval_slice_cnndm.jsonl");
}

#[test]
fn bbc_slice_at_least_lead3() {
    at_least_lead3("eval_slice_bbc.jsonl");
}
