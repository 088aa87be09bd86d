//! Measuring brief quality: ROUGE exactly as Google's `rouge-score` computes it.

pub mod porter;
pub mod rouge;
pub mod run;

#[cfg(test)]
mod tests;
