//! Throughput of the summarizer core on real articles, end to end and stage by stage, on one
//! thread.
//!
//! Stages: `segment` (sentence boundaries), `terms` (words, folding, stop words, stemming and
//! interning, over pre-segmented sentences), `analyze` (segment + terms + features + ranking),
//! `select` (the budget and redundancy control over a finished analysis); `summarize` is the whole
//! core path and `api` adds what the service does around it: language detection (`detect` alone)
//! and the protobuf request/response conversion. `extract` is the service's Extract (every
//! sentence's analysis and the ten best keyphrases), `keywords` the keyphrase step alone over
//! finished analyses. Every benchmark reports MB/s of article text;
//! `summarize_articles` reports articles/s. The `html` group extracts the main text of the HTML
//! pages in `tests/data/html/` (MB/s of HTML).
//!
//! Run: `cargo bench --bench core` (articles: see benches/data.rs).

mod data;

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use brief_core::text::token::{Tokenizer, Vocabulary};
use brief_core::text::{detect, html, segment};
use brief_core::{Article, Budget, analyze};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let weights = Weights::default();
    for corpus in data::corpora() {
        let mut g = c.benchmark_group(&corpus.name);
        g.sample_size(10);
        g.throughput(Throughput::Bytes(corpus.bytes()));

        g.bench_function("segment", |b| {
            b.iter(|| {
                corpus
                    .articles
                    .iter()
                    .map(|a| segment::sentences(black_box(a)).len())
                    .sum::<usize>()
            })
        });

        let segmented: Vec<Vec<&str>> = corpus
            .articles
            .iter()
            .map(|a| {
                segment::sentences(a)
                    .iter()
                    .map(|s| &a[s.start..s.end])
                    .collect()
            })
            .collect();
        g.bench_function("terms", |b| {
            b.iter(|| {
                let mut tokenizer = Tokenizer::new();
                let mut out = Vec::new();
                let mut n = 0;
                for sentences in &segmented {
                    let mut vocab = Vocabulary::new();
                    for s in sentences {
                        out.clear();
                        n += tokenizer.terms(black_box(s), &mut vocab, &mut out);
                    }
                }
                n
            })
        });

        let articles: Vec<Article<'_>> = corpus
            .articles
            .iter()
            .map(|a| Article {
                content: a,
                ..Article::default()
            })
            .collect();
        g.bench_function("analyze", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .filter_map(|a| analyze(black_box(a), &weights).ok())
                    .count()
            })
        });

        let analyses: Vec<_> = articles
            .iter()
            .filter_map(|a| analyze(a, &weights).ok())
            .collect();
        let budget = Budget::default();
        g.bench_function("select", |b| {
            b.iter(|| {
                analyses
                    .iter()
                    .map(|a| a.select(black_box(&budget)).indices.len())
                    .sum::<usize>()
            })
        });

        g.bench_function("summarize", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .filter_map(|a| brief_core::summarize(black_box(a), &budget, &weights).ok())
                    .count()
            })
        });

        g.bench_function("detect", |b| {
            b.iter(|| {
                corpus
                    .articles
                    .iter()
                    .filter_map(|a| detect::detect(black_box(a)))
                    .count()
            })
        });

        let requests: Vec<pb::SummarizeRequest> = corpus
            .articles
            .iter()
            .map(|a| pb::SummarizeRequest {
                document: Some(pb::Document {
                    content: a.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect();
        g.bench_function("api", |b| {
            b.iter(|| {
                requests
                    .iter()
                    .filter_map(|r| api::summarize(black_box(r), &weights).ok())
                    .count()
            })
        });

        let extract_requests: Vec<pb::ExtractRequest> = corpus
            .articles
            .iter()
            .map(|a| pb::ExtractRequest {
                document: Some(pb::Document {
                    content: a.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect();
        g.bench_function("extract", |b| {
            b.iter(|| {
                extract_requests
                    .iter()
                    .filter_map(|r| api::extract(black_box(r), &weights).ok())
                    .count()
            })
        });

        g.bench_function("keywords", |b| {
            b.iter(|| {
                analyses
                    .iter()
                    .map(|a| a.keywords(black_box(10)).len())
                    .sum::<usize>()
            })
        });

        g.throughput(Throughput::Elements(corpus.articles.len() as u64));
        g.bench_function("summarize_articles", |b| {
            b.iter(|| {
                articles
                    .iter()
                    .filter_map(|a| brief_core::summarize(black_box(a), &budget, &weights).ok())
                    .count()
            })
        });
        g.finish();
    }
    bench_html(c);
}

/// Main-text extraction from the HTML fixtures.
fn bench_html(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| std::fs::read(e.path()).ok())
                .map(|bytes| html::decode(&bytes).0.into_owned())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(
        pages.iter().map(|p| p.len() as u64).sum(),
    ));
    g.bench_function("extract", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter_map(|p| html::extract(black_box(p)).ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
