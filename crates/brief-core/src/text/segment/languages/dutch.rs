//! Dutch: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Never, NumPrefix, Title, Weak};
use super::{NO_WORDS, Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// Dutch's additions to the English rules.
pub(super) static DUTCH: Rules = Rules {
    language: Language::Dutch,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &[
        "a.d.h.v", "d.w.z", "i.p.v", "m.a.w", "m.b.t", "o.a", "t.o.v",
    ],
    ordinal_followers: &NO_WORDS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("art", NumPrefix, NumPrefix),
    ("bijv", Never, Never),
    ("blz", NumPrefix, NumPrefix),
    ("ca", Never, Never),
    ("dhr", Title, Title),
    ("dr", Title, Title),
    ("drs", Title, Title),
    ("enz", NumPrefix, NumPrefix),
    ("evt", Never, Never),
    ("excl", Never, Never),
    ("incl", Never, Never),
    ("ing", Title, Title),
    ("ir", Title, Title),
    ("jl", Weak, Weak),
    ("mevr", Title, Title),
    ("mr", Title, Title),
    ("mrt", Weak, Weak),
    ("mw", Title, Title),
    ("nr", NumPrefix, NumPrefix),
    ("okt", Weak, Weak),
    ("prof", Title, Title),
    ("tel", NumPrefix, NumPrefix),
    ("vgl", Never, Never),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));
