//! Cancellation: how a long-running stage asks whether its caller still wants the result.

/// Asks whether the caller still wants the result. Every stage of the pipeline checks it at
/// bounded intervals (segmentation every [`crate::text::segment::CHECK_STEPS`] steps, tokenizing
/// every [`crate::text::token::CHECK_WORDS`] words, HTML parsing and layout by their own budgets,
/// the passes over sentences every [`crate::analyze::CHECK_EVERY`] sentences, selection every so
/// many comparisons), so that work on a long article stops soon after its request is cancelled or
/// runs out of time.
pub type Cancelled<'c> = &'c dyn Fn() -> bool;
