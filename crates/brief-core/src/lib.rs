//! brief's summarizer core: an article in, its sentences, terms, scores and brief out.
//!
//! No server, runtime or wire format is in this crate; the gRPC service (the `brief` crate at the
//! repository's root) is a thin adapter over it. The entry points:
//!
//! - [`warm_up`] builds the process-wide tables (the English lexicon, stemmers and stop words)
//!   once, so that the first request does not pay for them;
//! - [`analyze()`] (or [`analyze::analyze_until`], cancellable) runs the pipeline once per article,
//!   and the [`Analysis`] it returns chooses a brief for a [`Budget`], lists keywords, or gives
//!   every sentence's features; [`summarize`] does both steps for one brief.
//!
//! The modules, bottom-up: [`text`] turns raw input (plain text or HTML) into sentences and terms;
//! [`rank`] turns those into features, scores and a selection; [`mod@analyze`] runs the pipeline;
//! [`error`] says what can go wrong, and [`offsets`] converts byte offsets into the unit a client
//! counts in.
#![forbid(unsafe_code)]

pub mod analyze;
pub mod cancel;
pub mod error;
pub mod offsets;
pub mod rank;
pub mod text;
pub mod version;

pub use analyze::{Analysis, Article, Brief, analyze, summarize};
pub use error::Error;
pub use rank::features::Weights;
pub use rank::select::{Budget, LimitedBy};
pub use version::algorithm_version;

/// Builds the process-wide tables (the English lexicon, every language's stemmer and stop words)
/// now rather than on the first article; a server calls it before it reports itself ready.
pub fn warm_up() {
    text::lexicon::preload();
    text::stopwords::preload();
    text::stem::preload();
    text::detect::preload();
}
