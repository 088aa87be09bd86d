//! Portuguese: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Company, Never, NumPrefix, Title, Weak};
use super::{NO_WORDS, Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// Portuguese's additions to the English rules.
pub(super) static PORTUGUESE: Rules = Rules {
    language: Language::Portuguese,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &["p.ex"],
    ordinal_followers: &NO_WORDS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("abr", Weak, Weak),
    ("ago", Weak, Weak),
    ("aprox", Never, Never),
    ("art", NumPrefix, NumPrefix),
    ("av", Weak, Weak),
    ("cap", NumPrefix, NumPrefix),
    ("cia", Company, Company),
    ("dez", Weak, Weak),
    ("dr", Title, Title),
    ("dra", Title, Title),
    ("eng", Title, Title),
    ("exmo", Title, Title),
    ("fev", Weak, Weak),
    ("ltda", Company, Company),
    ("prof", Title, Title),
    ("profa", Title, Title),
    ("pág", NumPrefix, NumPrefix),
    ("sr", Title, Title),
    ("sra", Title, Title),
    ("srta", Title, Title),
    ("tel", NumPrefix, NumPrefix),
    ("vol", NumPrefix, NumPrefix),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));
