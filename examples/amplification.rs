//! Measures how much heap one plain-text request needs per byte of its article: the figure the
//! server's memory admission charges each request by.
//!
//! For each kind of input (ordinary news, and the shapes that make the most sentences, words,
//! terms or characters per byte: `"Hi! "`, `"!\n"` and `"a! "` repeated, one random word a line,
//! random ideographs, random letters without a space, digits and punctuation, mixed scripts, very
//! long words) and each size, it builds the request, runs the whole request
//! path (`api::summarize` / `api::extract`), encodes the response with prost as the server does,
//! and prints the peak of live heap bytes during all that, divided by the article's size. The
//! request's own copy of the article counts (1×); the server's receive buffer does not, nor what
//! is allocated once per process or thread (the lexicon), which a warm-up request loads first.
//!
//! ```sh
//! cargo run --release --example amplification            # 256 KiB, 1 MiB and 4 MiB
//! cargo run --release --example amplification -- 4194304  # one size, in bytes
//! ```
//!
//! News is the articles of `../shared/eval/cnndm_dev.jsonl` joined by blank lines (or
//! `tests/data/eval_slice_cnndm.jsonl` when that is absent), repeated to the size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use prost::Message;

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns the peak of live heap bytes above those live when it started.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    PEAK.load(Ordering::Relaxed).saturating_sub(base)
}

/// A small deterministic generator (xorshift64*), so that every run measures the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn char_in(&mut self, lo: u32, hi: u32) -> char {
        char::from_u32(lo + self.below(u64::from(hi - lo)) as u32).unwrap_or('x')
    }

    fn word(&mut self, out: &mut String, len: usize) {
        for _ in 0..len {
            out.push(self.char_in(u32::from(b'a'), u32::from(b'z') + 1));
        }
    }
}

/// Ordinary news articles.
fn news_source() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/cnndm_dev.jsonl");
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval_slice_cnndm.jsonl");
    let text = std::fs::read_to_string(&shared)
        .or_else(|_| std::fs::read_to_string(&local))
        .unwrap_or_default();
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("article")?.as_str().map(str::to_owned))
        .collect()
}

/// Builds an input of about `size` bytes (never more) by calling `piece` until it is full.
fn fill(size: usize, seed: u64, mut piece: impl FnMut(&mut Rng, &mut String)) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(size + 64);
    let mut last = 0;
    while out.len() < size {
        last = out.len();
        piece(&mut rng, &mut out);
    }
    if out.len() > size {
        out.truncate(last);
    }
    out
}

/// The kinds of input measured, each of about `size` bytes.
fn inputs(size: usize, news: &[String]) -> Vec<(&'static str, String)> {
    let scripts: [(u32, u32); 6] = [
        (0x61, 0x7B),     // Latin
        (0x430, 0x450),   // Cyrillic
        (0x3B1, 0x3CA),   // Greek
        (0x627, 0x64B),   // Arabic
        (0x4E00, 0x9FA6), // Han
        (0xAC00, 0xD7A4), // Hangul
    ];
    vec![
        (
            "news",
            fill(size, 1, |rng, out| {
                // Articles in a fixed pseudo-random order, joined by blank lines.
                let pick = rng.below(news.len().max(1) as u64) as usize;
                out.push_str(
                    news.get(pick)
                        .map_or("No articles were found.", String::as_str),
                );
                out.push_str("\n\n");
            }),
        ),
        ("hi", fill(size, 1, |_, out| out.push_str("Hi! "))),
        // The shortest sentences: two bytes, no word; three bytes, one word (no term).
        ("bang-lines", fill(size, 1, |_, out| out.push_str("!\n"))),
        ("a-bang", fill(size, 1, |_, out| out.push_str("a! "))),
        (
            "word-lines",
            fill(size, 2, |rng, out| {
                let len = 2 + rng.below(8) as usize;
                rng.word(out, len);
                out.push('\n');
            }),
        ),
        (
            "cjk",
            fill(size, 3, |rng, out| out.push(rng.char_in(0x4E00, 0x9FA6))),
        ),
        ("latin-nospace", fill(size, 4, |rng, out| rng.word(out, 64))),
        (
            "digits-punct",
            fill(size, 5, |rng, out| {
                let set = b"0123456789.,;:!?-()/ ";
                out.push(char::from(set[rng.below(set.len() as u64) as usize]));
            }),
        ),
        (
            "mixed",
            fill(size, 6, |rng, out| {
                let (lo, hi) = scripts[rng.below(scripts.len() as u64) as usize];
                for _ in 0..1 + rng.below(6) {
                    out.push(rng.char_in(lo, hi));
                }
                out.push_str([" ", " ", " ", ". ", "。", "\n"][rng.below(6) as usize]);
            }),
        ),
        (
            "long-words",
            fill(size, 7, |rng, out| {
                let len = 200 + rng.below(4000) as usize;
                rng.word(out, len);
                out.push_str(if rng.below(4) == 0 { ". " } else { " " });
            }),
        ),
    ]
}

fn document(content: &str) -> Option<pb::Document> {
    Some(pb::Document {
        content: content.to_owned(),
        format: pb::Format::PlainText as i32,
        ..Default::default()
    })
}

/// Peak heap per article byte of one Summarize request on `content`, and whether it succeeded.
fn summarize(content: &str, weights: &Weights) -> (f64, bool) {
    let mut ok = false;
    let peak = peak_of(|| {
        let req = pb::SummarizeRequest {
            document: document(content),
            ..Default::default()
        };
        if let Ok(resp) = api::summarize(&req, weights) {
            // The response and its encoding are live together, as in the server.
            ok = resp.encode_to_vec().len() == resp.encoded_len();
        }
    });
    (peak as f64 / content.len().max(1) as f64, ok)
}

/// [`summarize`] for Extract.
fn extract(content: &str, weights: &Weights) -> (f64, bool) {
    let mut ok = false;
    let peak = peak_of(|| {
        let req = pb::ExtractRequest {
            document: document(content),
            ..Default::default()
        };
        if let Ok(resp) = api::extract(&req, weights) {
            ok = resp.encode_to_vec().len() == resp.encoded_len();
        }
    });
    (peak as f64 / content.len().max(1) as f64, ok)
}

fn main() {
    let sizes: Vec<usize> = match std::env::args().nth(1) {
        Some(s) => s.parse().map(|n| vec![n]).unwrap_or_default(),
        None => vec![256 << 10, 1 << 20, 4 << 20],
    };
    let news = news_source();
    let weights = Weights::default();
    // Once per process (the lexicon, this thread's table of its stems), not per request.
    for warm_up in inputs(4096, &news) {
        summarize(&warm_up.1, &weights);
    }
    println!("peak live heap bytes per input byte (request + work + response + encoded response)");
    println!(
        "{:<14} {:>9} {:>10} {:>10}",
        "kind", "bytes", "summarize", "extract"
    );
    let mut worst = (0.0f64, 0.0f64);
    for &size in &sizes {
        for (kind, content) in inputs(size, &news) {
            let (s, s_ok) = summarize(&content, &weights);
            let (e, e_ok) = extract(&content, &weights);
            let mark = |ok: bool| if ok { "" } else { " (error)" };
            println!(
                "{kind:<14} {:>9} {:>9.1}x{} {:>9.1}x{}",
                content.len(),
                s,
                mark(s_ok),
                e,
                mark(e_ok)
            );
            if size == *sizes.iter().max().unwrap_or(&size) {
                worst = (worst.0.max(s), worst.1.max(e));
            }
        }
    }
    println!(
        "worst at the largest size: summarize {:.1}x, extract {:.1}x",
        worst.0, worst.1
    );
}
