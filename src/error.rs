//! Errors of the summarizer core.

/// What can go wrong when summarizing an article; every variant is the caller's to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The content has no non-whitespace character.
    #[error("content is empty or only whitespace; send the article text")]
    EmptyContent,
    /// The length ratio is outside (0, 1].
    #[error("ratio must be a number in (0, 1], got {0}")]
    InvalidRatio(f64),
}
