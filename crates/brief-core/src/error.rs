//! Errors of the summarizer core.

/// What can go wrong when summarizing an article: the caller's input, or the caller's own
/// cancellation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The content has no non-whitespace character.
    #[error("content is empty or only whitespace; send the article text")]
    EmptyContent,
    /// The length ratio is outside (0, 1].
    #[error("ratio must be a number in (0, 1], got {0}")]
    InvalidRatio(f64),
    /// The content is longer than 32-bit offsets can address (4 GiB).
    #[error("content is too large: {0} bytes; offsets must fit in 32 bits (4 GiB)")]
    TooLarge(usize),
    /// The caller no longer wants the result (see [`crate::cancel::Cancelled`]).
    #[error("the request was cancelled or ran out of time before the summary was ready")]
    Cancelled,
}
