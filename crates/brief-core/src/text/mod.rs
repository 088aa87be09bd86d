//! Raw input to sentences and terms.

pub mod boilerplate;
pub mod headline;
pub mod html;
pub mod lang;
pub mod lexicon;
pub mod packed;
pub mod porter2;
pub mod segment;
pub mod stopwords;
mod swar;
pub mod token;
