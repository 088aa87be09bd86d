//! Every stage of the core stops promptly once its cancellation callback says so, on the inputs
//! that make the most work per byte: 4 MiB of `"Hi! "` (a sentence every four bytes) and 4 MiB
//! of ideographs without punctuation (one sentence, a new term every character). Run with
//! `cargo test --release --test cancellation` for the 4 MiB inputs and the 50 ms bound.
//!
//! Each test runs the work uncancelled, recording when the callback is asked, and checks the
//! longest time between two asks, in CPU time of the thread so that a busy machine does not
//! count (in a release build, where it must be under 50 ms: the whole run when it is done before
//! a check is due); then it cancels at several points spread over that run
//! (the first ask, the second, a quarter of the way, ...) and checks that the work stops at that
//! very ask, with `Cancelled`.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use brief::proto::v1 as pb;
use brief::service::api::{self, RequestError};
use brief_core::rank::features::Weights;
use brief_core::text::language::Language;
use brief_core::text::segment;
use brief_core::text::token::{Tokenizer, Vocabulary};

/// 4 MiB, the default message limit; an unoptimized build (`cargo test`) takes 512 KiB, the same
/// shapes, to stay within seconds.
const SIZE: usize = if cfg!(debug_assertions) {
    512 << 10
} else {
    4 << 20
};

fn hi() -> String {
    "Hi! ".repeat(SIZE / 4)
}

/// Ideographs in a fixed pseudo-random order, no punctuation.
fn cjk() -> String {
    let mut x: u32 = 12345;
    let mut out = String::with_capacity(SIZE + 4);
    while out.len() + 3 <= SIZE {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        out.push(char::from_u32(0x4E00 + (x >> 8) % 0x5000).unwrap_or('中'));
    }
    out
}

/// The CPU time this thread has used.
fn thread_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    assert!(ok, "no thread CPU clock");
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
}

/// A cancellation callback that turns true at its `at`-th call (0-based; `usize::MAX`: never),
/// and records when it was called.
struct Callback {
    at: usize,
    calls: Cell<usize>,
    times: RefCell<Vec<Duration>>,
}

impl Callback {
    fn new(at: usize) -> Self {
        Self {
            at,
            calls: Cell::new(0),
            times: RefCell::new(vec![thread_time()]),
        }
    }

    fn ask(&self) -> bool {
        let n = self.calls.get();
        self.calls.set(n + 1);
        self.times.borrow_mut().push(thread_time());
        n >= self.at
    }

    /// The longest time between two asks, counting from the start to the first and from the
    /// last to `end`.
    fn longest_gap(&self, end: Duration) -> (Duration, usize) {
        let mut times = self.times.borrow().clone();
        times.push(end);
        times
            .windows(2)
            .map(|w| w[1] - w[0])
            .enumerate()
            .map(|(i, gap)| (gap, i))
            .max()
            .unwrap_or_default()
    }
}

/// What a piece of work returns: whether it was cancelled, and when it returned (before what it
/// returned was dropped).
type Outcome = (bool, Duration);

/// Runs `work` uncancelled and then cancelled at points spread over it.
fn stops_promptly(what: &str, work: impl Fn(&dyn Fn() -> bool) -> Outcome) {
    // The least of three runs' longest gaps (one run unoptimized, where the gap is not checked).
    let mut gap = (Duration::MAX, 0);
    let mut total = 0;
    for _ in 0..if cfg!(debug_assertions) { 1 } else { 3 } {
        let full = Callback::new(usize::MAX);
        let (cancelled, end) = work(&|| full.ask());
        assert!(!cancelled, "{what}: cancelled without being asked to");
        total = full.calls.get();
        gap = gap.min(full.longest_gap(end));
    }
    let (gap, before) = gap;
    eprintln!("{what}: {total} checks, longest gap {gap:?} (before check {before})");
    if !cfg!(debug_assertions) {
        assert!(
            gap < Duration::from_millis(50),
            "{what}: {gap:?} between checks (before check {before} of {total})"
        );
    }
    if total == 0 {
        // Done before the first check was due.
        return;
    }
    let mut points = vec![0, 1, total / 4, total / 2, total - 1];
    points.dedup();
    for at in points {
        let cb = Callback::new(at);
        assert!(work(&|| cb.ask()).0, "{what}: not cancelled at check {at}");
        assert_eq!(cb.calls.get(), at + 1, "{what}: went on after check {at}");
    }
}

/// The outcome of an API call.
fn outcome<T>(result: Result<T, RequestError>) -> Outcome {
    let end = thread_time();
    match result {
        Err(RequestError::Cancelled) => (true, end),
        Ok(_) => (false, end),
        Err(e) => panic!("{e}"),
    }
}

fn summarize(content: &str) -> impl Fn(&dyn Fn() -> bool) -> Outcome + '_ {
    let weights = Weights::default();
    move |cancelled| {
        let req = pb::SummarizeRequest {
            document: Some(pb::Document {
                content: content.to_owned(),
                ..Default::default()
            }),
            // Every sentence, so that selection does the most work.
            length: Some(pb::Length {
                ratio: 1.0,
                ..Default::default()
            }),
            offset_unit: pb::OffsetUnit::Utf16CodeUnits as i32,
            ..Default::default()
        };
        outcome(api::summarize_until(&req, &weights, cancelled))
    }
}

fn extract(content: &str) -> impl Fn(&dyn Fn() -> bool) -> Outcome + '_ {
    let weights = Weights::default();
    move |cancelled| {
        let req = pb::ExtractRequest {
            document: Some(pb::Document {
                content: content.to_owned(),
                ..Default::default()
            }),
            offset_unit: pb::OffsetUnit::CodePoints as i32,
            ..Default::default()
        };
        outcome(api::extract_until(&req, &weights, cancelled))
    }
}

fn segment(content: &str, language: Language) -> impl Fn(&dyn Fn() -> bool) -> Outcome + '_ {
    move |cancelled| {
        let mut spans = segment::sentences_until(content, language, cancelled);
        spans.by_ref().count();
        (spans.cancelled(), thread_time())
    }
}

fn tokenize(content: &str, language: Language) -> impl Fn(&dyn Fn() -> bool) -> Outcome + '_ {
    move |cancelled| {
        let mut tokenizer = Tokenizer::for_language(language);
        let mut vocab = Vocabulary::for_text_in(content.len(), language);
        let mut out = Vec::new();
        let seen = tokenizer.sentence_terms_until(content, &mut vocab, &mut out, |_| {}, cancelled);
        (seen.is_none(), thread_time())
    }
}

fn stems(content: &str) -> impl Fn(&dyn Fn() -> bool) -> Outcome + '_ {
    move |cancelled| {
        let mut tokenizer = Tokenizer::for_language(Language::Chinese);
        let stems = tokenizer.distinct_stems_until(content, |_| {}, cancelled);
        (stems.is_none(), thread_time())
    }
}

#[test]
fn segmentation_stops_promptly() {
    stops_promptly("segment hi", segment(&hi(), Language::English));
    stops_promptly("segment cjk", segment(&cjk(), Language::Chinese));
}

#[test]
fn tokenizing_one_long_sentence_stops_promptly() {
    let cjk = cjk();
    stops_promptly("tokenize cjk", tokenize(&cjk, Language::Chinese));
    stops_promptly("tokenize hi", tokenize(&hi(), Language::English));
    stops_promptly("query stems cjk", stems(&cjk));
}

#[test]
fn summarize_stops_promptly() {
    stops_promptly("summarize hi", summarize(&hi()));
    stops_promptly("summarize cjk", summarize(&cjk()));
}

/// Sentences of about 68 bytes, as many as fit in [`SIZE`]: the most sentences Extract answers
/// for at 4 MiB (more than `MAX_EXTRACT_SENTENCES` are refused, see below).
fn prose() -> String {
    let mut out = String::with_capacity(SIZE + 80);
    let mut i = 0u32;
    while out.len() + 80 <= SIZE {
        out.push_str(&format!(
            "Rescue teams reached village {i} at dawn and moved the families out. "
        ));
        i += 1;
    }
    out
}

#[test]
fn extract_stops_promptly() {
    stops_promptly("extract prose", extract(&prose()));
    stops_promptly("extract cjk", extract(&cjk()));
}

#[test]
fn extract_refuses_more_sentences_than_it_returns() {
    let req = pb::ExtractRequest {
        document: Some(pb::Document {
            content: hi(),
            ..Default::default()
        }),
        ..Default::default()
    };
    match api::extract(&req, &Weights::default()) {
        Err(RequestError::ResourceExhausted { reason, .. }) => {
            assert!(reason.contains("use Summarize"), "{reason}");
        }
        other => panic!("{:?}", other.map(|r| r.sentences.len())),
    }
}

#[test]
fn a_long_query_stops_promptly() {
    let weights = Weights::default();
    let query = cjk();
    stops_promptly("summarize with a cjk query", |cancelled| {
        let req = pb::SummarizeRequest {
            document: Some(pb::Document {
                content: "Rescue teams reached the village. Families were moved.".into(),
                ..Default::default()
            }),
            query: query.clone(),
            ..Default::default()
        };
        outcome(api::summarize_until(&req, &weights, cancelled))
    });
}
