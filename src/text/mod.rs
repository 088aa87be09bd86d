//! Raw input to sentences and terms.

pub mod boilerplate;
pub mod headline;
pub mod idf;
pub mod segment;
pub mod stopwords;
pub mod token;
