//! Italian: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Never, NumPrefix, Ordinary, Title};
use super::{NO_WORDS, Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// Italian's additions to the English rules.
pub(super) static ITALIAN: Rules = Rules {
    language: Language::Italian,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &[],
    ordinal_followers: &NO_WORDS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("arch", Title, Title),
    ("art", NumPrefix, NumPrefix),
    ("avv", Title, Title),
    ("cap", NumPrefix, NumPrefix),
    ("cav", Title, Title),
    ("cfr", Never, Never),
    ("dott", Title, Title),
    ("dr", Title, Title),
    ("ecc", NumPrefix, NumPrefix),
    ("gen", Title, Title),
    ("geom", Title, Title),
    ("ing", Title, Title),
    ("mons", Title, Title),
    ("on", Title, Ordinary),
    ("pag", NumPrefix, NumPrefix),
    ("prof", Title, Title),
    ("rag", Title, Title),
    ("sig", Title, Title),
    ("sigg", Title, Title),
    ("tel", NumPrefix, NumPrefix),
    ("vol", NumPrefix, NumPrefix),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));
