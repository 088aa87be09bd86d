//! Raw input to sentences and terms.
//!
//! The modules, bottom-up: each uses only modules above it in this list (checked by
//! `scripts/module-deps.py`, which fails on any cycle between them).
//!
//! 1. `swar`: byte-class tests eight bytes at a time, for the scanners' hot loops.
//! 2. [`language`]: the languages, how each one's words become terms, BCP-47 tags.
//! 3. [`key`]: the packed word key, the one way a short word becomes an integer.
//! 4. [`wordset`]: compile-time sets of words over packed keys (`contains`, `index`), the one
//!    way to look a word up in a static list.
//! 5. [`words`]: the word scanner, with the key of each short ASCII word.
//! 6. [`stopwords`]: stop words per language.
//! 7. [`stem`]: stemmers per language; Snowball English in [`stem::english`].
//! 8. [`term`]: the rule that makes a folded word a term (content word, stemmed).
//! 9. [`lexicon`]: the shipped English word forms with their stems and background idf.
//! 10. [`detect`]: which language a text is in.
//! 11. [`token`]: the tokenizer (words to terms, Chinese and Japanese grams) and the vocabulary.
//! 12. [`boilerplate`] and [`headline`]: lines that are not article text.
//! 13. [`segment`]: the sentence segmenter.
//! 14. [`html`]: HTML to article text.

pub mod boilerplate;
pub mod detect;
pub mod headline;
pub mod html;
pub mod key;
pub mod language;
pub mod lexicon;
pub mod segment;
pub mod stem;
pub mod stopwords;
pub(crate) mod swar;
pub mod term;
pub mod token;
pub mod words;
pub mod wordset;
