//! Sentences to scores to a brief.

pub mod features;
pub mod keyphrases;
pub mod keywords;
pub mod run_on;
pub mod select;
