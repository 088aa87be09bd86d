//! Measuring brief quality: ROUGE exactly as Google's `rouge-score` computes it ([`rouge`], with
//! NLTK's Porter stemmer in [`nltk_porter`], or the XL-Sum multilingual tokenizer in
//! [`multilingual`] for non-English data), `brief eval`'s runs over data sets ([`run`]), and the
//! paired bootstrap that says how much of a difference is noise ([`bootstrap`]).

pub mod bootstrap;
#[cfg(test)]
mod keyphrase_tests;
pub mod keyphrases;
pub mod multilingual;
pub mod nltk_porter;
pub mod rouge;
pub mod run;

#[cfg(test)]
mod tests;
