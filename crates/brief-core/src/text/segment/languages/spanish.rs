//! Spanish: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Company, Never, NumPrefix, Ordinary, Title, Weak};
use super::{NO_WORDS, Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// Spanish's additions to the English rules.
pub(super) static SPANISH: Rules = Rules {
    language: Language::Spanish,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &["p.ej"],
    ordinal_followers: &NO_WORDS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("abr", Weak, Weak),
    ("ago", Weak, Ordinary),
    ("aprox", Never, Never),
    ("art", NumPrefix, NumPrefix),
    ("av", Weak, Weak),
    ("avda", Weak, Weak),
    ("cap", NumPrefix, NumPrefix),
    ("cnel", Title, Title),
    ("cía", Company, Company),
    ("dic", Weak, Weak),
    ("dr", Title, Title),
    ("dra", Title, Title),
    ("dña", Title, Title),
    ("ene", Weak, Ordinary),
    ("excmo", Title, Title),
    ("gral", Title, Title),
    ("hnos", Company, Company),
    ("ing", Title, Title),
    ("lic", Title, Title),
    ("núm", NumPrefix, NumPrefix),
    ("pdte", Title, Title),
    ("prof", Title, Title),
    ("pág", NumPrefix, NumPrefix),
    ("sr", Title, Title),
    ("sra", Title, Title),
    ("sras", Title, Title),
    ("sres", Title, Title),
    ("srta", Title, Title),
    ("sto", Title, Title),
    ("tel", NumPrefix, NumPrefix),
    ("tte", Title, Title),
    ("ud", Weak, Weak),
    ("uds", Weak, Weak),
    ("vol", NumPrefix, NumPrefix),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));
