//! Linear cost: one article grown from 1 KB to 10 MB by repeating real paragraphs. Time per MB
//! must stay flat; a quadratic step anywhere (segmentation, terms, centrality, redundancy control,
//! selection) shows as MB/s falling with size.
//!
//! Run: `cargo bench --bench growth`.

mod data;

use brief::rank::features::Weights;
use brief::{Article, Budget};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Real paragraphs to repeat: the articles of the first corpus, as blank-line separated text.
fn paragraphs() -> String {
    let corpus = data::corpora().into_iter().next().expect("a corpus");
    corpus
        .articles
        .iter()
        .take(200)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Text of about `size` bytes made of whole paragraphs of `source`, repeated as needed.
fn grown(source: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + 4096);
    'fill: loop {
        for p in source.split("\n\n") {
            if out.len() >= size {
                break 'fill;
            }
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let source = paragraphs();
    let weights = Weights::default();
    let budget = Budget::default();
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    for size in [1_000, 10_000, 100_000, 1_000_000, 10_000_000] {
        let text = grown(&source, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let article = Article {
            content: &text,
            ..Article::default()
        };
        g.bench_function(format!("summarize_{size}"), |b| {
            b.iter(|| {
                brief::summarize(black_box(&article), &budget, &weights)
                    .map(|b| b.selection.indices.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
