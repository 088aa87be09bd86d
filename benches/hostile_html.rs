//! Time per MB and peak heap of the HTML path over the catalogue of hostile pages in
//! `benches/hostile/pages.rs`, at 16 KB, 256 KB, 1 MB and 4 MB, beside a normal news page.
//!
//! For each page it measures `text::html::extract` (the HTML extraction alone) and
//! `api::summarize` with `FORMAT_HTML` (the whole request); `HOSTILE_MODES` (`extract`, `summarize`, `api_extract`, `parse`, `gaps`, `html_gaps`)
//! picks which. Times are the fastest of a few runs; the peak is the most heap bytes live at once
//! during the first run, less what was live before it, over the page's size (a counting global
//! allocator). `gaps` (`html_gaps`) reports instead the longest time, in ms, between two checks
//! of the cancellation callback in `api::summarize_until` (`text::html::extract_until`). A kind whose run takes longer than `HOSTILE_BUDGET_SECS` (default 10) is not
//! measured at the larger sizes.
//!
//! Run: `cargo bench --bench hostile_html` (`HOSTILE_KINDS=amp,normal` and
//! `HOSTILE_SIZES=16384,1048576` narrow it).

#[path = "hostile/pages.rs"]
mod pages;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use brief_core::text::html;

/// The system allocator, counting the bytes live and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn add(size: usize) {
        let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are updated.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        Self::add(layout.size());
        // SAFETY: the caller's contract is passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        Self::add(new_size);
        // SAFETY: the caller's contract is passed on.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The page sizes measured, in bytes.
const SIZES: [usize; 4] = [16 << 10, 256 << 10, 1 << 20, 4 << 20];

/// Runs are repeated until they add up to this long (or [`MAX_RUNS`]), and the fastest is kept.
const MIN_TOTAL: Duration = Duration::from_millis(300);

/// The most runs of one page.
const MAX_RUNS: usize = 5;

/// One measurement: seconds of the fastest run, and the peak heap bytes of the first.
#[derive(Clone, Copy)]
struct Measure {
    seconds: f64,
    peak: usize,
}

/// Times `run` (fastest of a few) and measures its peak heap (first run).
fn measure(mut run: impl FnMut() -> usize) -> Measure {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    black_box(run());
    let first = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    let (mut best, mut total, mut runs) = (first, first, 1);
    while total < MIN_TOTAL && runs < MAX_RUNS {
        let start = Instant::now();
        black_box(run());
        let took = start.elapsed();
        best = best.min(took);
        total += took;
        runs += 1;
    }
    Measure {
        seconds: best.as_secs_f64(),
        peak,
    }
}

/// A request for `page` as HTML content.
fn document(page: &str) -> pb::Document {
    pb::Document {
        content: page.to_owned(),
        format: pb::Format::Html as i32,
        ..Default::default()
    }
}

/// Measures one mode on one page.
fn run_mode(mode: &str, page: &str, weights: &Weights) -> Measure {
    match mode {
        "extract" => measure(|| html::extract(page).map_or(0, |p| p.text.len())),
        "parse" => measure(|| dom_smoothie::Readability::from(page).doc.tree.len()),
        "gaps" | "html_gaps" => {
            let gap = check_gaps(page, weights, mode == "html_gaps");
            Measure {
                seconds: gap,
                peak: 0,
            }
        }
        "summarize" => {
            let req = pb::SummarizeRequest {
                document: Some(document(page)),
                ..Default::default()
            };
            measure(|| api::summarize(&req, weights).map_or(0, |r| r.summary.len()))
        }
        _ => {
            let req = pb::ExtractRequest {
                document: Some(document(page)),
                ..Default::default()
            };
            measure(|| api::extract(&req, weights).map_or(0, |r| r.sentences.len()))
        }
    }
}

/// The longest time between two checks of the cancellation callback (or from the start to the
/// first, or from the last to the answer) in `api::summarize_until` (or, if `html_only`,
/// `text::html::extract_until`) on `page`, in seconds: how long a cancelled request may run on.
fn check_gaps(page: &str, weights: &Weights, html_only: bool) -> f64 {
    let req = pb::SummarizeRequest {
        document: Some(document(page)),
        ..Default::default()
    };
    let last = std::cell::Cell::new(Instant::now());
    let longest = std::cell::Cell::new(Duration::ZERO);
    let check = || {
        let now = Instant::now();
        longest.set(longest.get().max(now - last.get()));
        last.set(now);
        false
    };
    last.set(Instant::now());
    if html_only {
        black_box(html::extract_until(page, &check).is_ok());
    } else {
        black_box(api::summarize_until(&req, weights, &check).is_ok());
    }
    longest.get().max(last.get().elapsed()).as_secs_f64()
}

/// A comma-separated list from the environment, or `default`.
fn list(var: &str, default: &[&str]) -> Vec<String> {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => v.split(',').map(|s| s.trim().to_owned()).collect(),
        _ => default.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn main() {
    let kinds = list("HOSTILE_KINDS", &[]);
    let modes = list("HOSTILE_MODES", &["extract", "summarize"]);
    let sizes: Vec<usize> = list("HOSTILE_SIZES", &[])
        .iter()
        .filter_map(|s| s.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        SIZES.to_vec()
    } else {
        sizes
    };
    let budget: f64 = std::env::var("HOSTILE_BUDGET_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let weights = Weights::default();
    let catalogue = pages::catalogue();
    // The reference: the normal page at 1 MB, per mode.
    let normal = (pages::normal)(1 << 20);
    let start = Instant::now();
    let nodes = dom_smoothie::Readability::from(normal.as_str())
        .doc
        .tree
        .len();
    eprintln!(
        "normal page: {} bytes, {nodes} nodes, parsed in {:?}",
        normal.len(),
        start.elapsed()
    );
    let reference: Vec<f64> = modes
        .iter()
        .map(|m| run_mode(m, &normal, &weights).seconds / mb(normal.len()))
        .collect();
    print!("{:<16} {:>8}", "kind", "size");
    for (mode, r) in modes.iter().zip(&reference) {
        print!(
            " | {mode} ms/MB (normal 1 MB = {:.1}) ×normal peak/in",
            r * 1e3
        );
    }
    println!();
    for kind in catalogue
        .iter()
        .filter(|k| kinds.is_empty() || kinds.iter().any(|n| n == k.name))
    {
        let mut over = vec![false; modes.len()];
        for &size in &sizes {
            let page = (kind.build)(size);
            print!("{:<16} {:>8}", kind.name, label(size));
            for (i, mode) in modes.iter().enumerate() {
                if over[i] {
                    print!(" | {:>10} {:>7} {:>7}", "skipped", "", "");
                    continue;
                }
                let m = run_mode(mode, &page, &weights);
                over[i] = m.seconds > budget;
                if mode.ends_with("gaps") {
                    print!(" | {:>10.1} {:>7} {:>7}", m.seconds * 1e3, "", "");
                    continue;
                }
                let per_mb = m.seconds / mb(page.len());
                print!(
                    " | {:>10.1} {:>7.1} {:>7.1}",
                    per_mb * 1e3,
                    per_mb / reference[i],
                    m.peak as f64 / page.len() as f64
                );
            }
            println!();
        }
    }
}

/// Bytes in MB (2^20).
fn mb(bytes: usize) -> f64 {
    bytes as f64 / f64::from(1 << 20)
}

/// "16K", "1M", ...
fn label(size: usize) -> String {
    if size >= 1 << 20 && size.is_multiple_of(1 << 20) {
        format!("{}M", size >> 20)
    } else if size >= 1 << 10 && size.is_multiple_of(1 << 10) {
        format!("{}K", size >> 10)
    } else {
        size.to_string()
    }
}
