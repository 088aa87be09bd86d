//! Stemming: each language's Snowball stemmer (`rust_stemmers`), with English done by the
//! in-house [`english`] module where it can.

pub mod english;

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Language;

/// Every language's stemmer, in [`Language::all`] order, built on first use (see [`preload`]).
static STEMMERS: LazyLock<Vec<Option<Stemmer>>> = LazyLock::new(|| {
    Language::all()
        .map(|l| l.algorithm().map(Stemmer::create))
        .collect()
});

/// The English Snowball stemmer of `rust_stemmers`, for the words [`english::stem`] leaves to it.
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Builds every language's stemmer now rather than on the first request.
pub fn preload() {
    LazyLock::force(&STEMMERS);
    LazyLock::force(&ENGLISH);
}

/// The English Snowball stem of the folded word `folded`: [`english::stem`] for ASCII words,
/// `rust_stemmers` for the others (the two agree; its tests compare them).
pub fn english_stem(folded: &str) -> String {
    english::stem(folded).unwrap_or_else(|| ENGLISH.stem(folded).into_owned())
}

impl Language {
    /// The stem of `folded` (lowercase) when the language has a stemmer, else `folded` itself.
    pub fn stem(self, folded: &str) -> String {
        match self.entry().and_then(|i| STEMMERS[i].as_ref()) {
            Some(stemmer) => stemmer.stem(folded).into_owned(),
            None => folded.to_owned(),
        }
    }
}
