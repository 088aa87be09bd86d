//! Linear cost: articles grown from 1 KB to 10 MB out of real paragraphs. Time per MB must stay
//! flat; a quadratic step anywhere (segmentation, terms, centrality, redundancy control,
//! selection) shows as MB/s falling with size.
//!
//! Each size is measured over distinct texts (up to [`SET_BYTES`] of them in all, each starting
//! at a different paragraph of the corpora), never one short text summarized again and again: a
//! repeated 10 KB text is learnt by the caches and the branch predictor, and then runs faster
//! than any text the server sees, which would make the small sizes a flattering baseline. The
//! 10 MB text is one article, made of every paragraph of the corpora (repeated once it runs out).
//!
//! Run: `cargo bench --bench growth`.

mod data;

use brief_core::rank::features::Weights;
use brief_core::{Article, Budget};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// About how many bytes of text each size is measured over, in as many distinct texts as fit.
const SET_BYTES: usize = 2_000_000;

/// The paragraphs of every article of every corpus, in order.
fn paragraphs() -> Vec<String> {
    data::corpora()
        .into_iter()
        .flat_map(|c| c.articles)
        .flat_map(|a| {
            a.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Text of at least `size` bytes made of whole paragraphs from `first` on, wrapping around.
fn grown(paragraphs: &[String], first: usize, size: usize) -> String {
    let mut out = String::with_capacity(size + 8192);
    for p in paragraphs.iter().cycle().skip(first) {
        if out.len() >= size {
            break;
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let paragraphs = paragraphs();
    let weights = Weights::default();
    let budget = Budget::default();
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    for size in [1_000, 10_000, 100_000, 1_000_000, 10_000_000] {
        let count = (SET_BYTES / size).clamp(1, paragraphs.len());
        let step = paragraphs.len() / count;
        let texts: Vec<String> = (0..count)
            .map(|i| grown(&paragraphs, i * step, size))
            .collect();
        let articles: Vec<Article<'_>> = texts
            .iter()
            .map(|t| Article {
                content: t,
                ..Article::default()
            })
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("summarize_{size}"), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .filter_map(|a| brief_core::summarize(black_box(a), &budget, &weights).ok())
                    .map(|b| b.selection.indices.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
