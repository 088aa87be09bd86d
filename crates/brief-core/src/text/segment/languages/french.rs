//! French: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Never, NumPrefix, Ordinary, Title, Weak};
use super::{NO_WORDS, Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// French's additions to the English rules.
pub(super) static FRENCH: Rules = Rules {
    language: Language::French,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &["p.ex"],
    ordinal_followers: &NO_WORDS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("art", NumPrefix, NumPrefix),
    ("av", Weak, Never),
    ("avr", Weak, Weak),
    ("bd", Weak, Weak),
    ("cf", Never, Never),
    ("chap", NumPrefix, NumPrefix),
    ("dr", Title, Title),
    ("env", Never, Never),
    ("ex", Never, Never),
    ("janv", Weak, Weak),
    ("juil", Weak, Weak),
    ("me", Title, Ordinary),
    ("mgr", Title, Title),
    ("mlle", Title, Title),
    ("mm", Title, Ordinary),
    ("mme", Title, Title),
    ("mmes", Title, Title),
    ("no", NumPrefix, NumPrefix),
    ("nov", Weak, Weak),
    ("oct", Weak, Weak),
    ("pr", Title, Title),
    ("sept", Weak, Weak),
    ("st", Title, Title),
    ("ste", Title, Title),
    ("tél", NumPrefix, NumPrefix),
    ("vol", NumPrefix, NumPrefix),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));
