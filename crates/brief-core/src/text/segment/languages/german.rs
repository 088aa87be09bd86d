//! German: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{self, Never, NumPrefix, Title, Weak};
use super::{Rules, abbreviation_words};
use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};

/// German's additions to the English rules.
pub(super) static GERMAN: Rules = Rules {
    language: Language::German,
    abbreviations: ABBREVIATIONS,
    abbreviation_set: &ABBREVIATION_SET,
    never_dotted: &[
        "d.h", "i.d.r", "m.e", "o.g", "s.o", "s.u", "u.a", "u.u", "v.a", "z.b", "z.t",
    ],
    ordinal_followers: &ORDINAL_FOLLOWERS,
};

/// `(lowercase key, class when capitalised, class when lowercase)`, sorted by key.
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("abg", Title, Title),
    ("abs", NumPrefix, NumPrefix),
    ("allg", Never, Never),
    ("apr", Weak, Weak),
    ("aug", Weak, Weak),
    ("bd", NumPrefix, NumPrefix),
    ("bsp", Never, Never),
    ("bspw", Never, Never),
    ("bzgl", Never, Never),
    ("bzw", Never, Never),
    ("ca", Never, Never),
    ("chr", Weak, Weak),
    ("dez", Weak, Weak),
    ("dipl", Title, Title),
    ("dr", Title, Title),
    ("evtl", Never, Never),
    ("feb", Weak, Weak),
    ("fr", Title, Title),
    ("geb", Never, Never),
    ("gegr", Never, Never),
    ("ggf", Never, Never),
    ("hl", Title, Title),
    ("hr", Title, Title),
    ("hrn", Title, Title),
    ("inkl", Never, Never),
    ("insb", Never, Never),
    ("jan", Weak, Weak),
    ("jh", Weak, Weak),
    ("jhd", Weak, Weak),
    ("jul", Weak, Weak),
    ("jun", Weak, Weak),
    ("kap", NumPrefix, NumPrefix),
    ("lt", Never, Never),
    ("mio", Weak, Weak),
    ("mrd", Weak, Weak),
    ("nov", Weak, Weak),
    ("nr", NumPrefix, NumPrefix),
    ("okt", Weak, Weak),
    ("prof", Title, Title),
    ("sep", Weak, Weak),
    ("sept", Weak, Weak),
    ("sog", Never, Never),
    ("st", Weak, Weak),
    ("str", Weak, Weak),
    ("tel", NumPrefix, NumPrefix),
    ("usw", Weak, Weak),
    ("vgl", Never, Never),
    ("zb", Never, Never),
    ("zzgl", Never, Never),
];

/// The keys of [`ABBREVIATIONS`] as a set: a word's index in it is its index there.
static ABBREVIATION_SET: WordSet = word_set!(&abbreviation_words::<{ ABBREVIATIONS.len() }>(
    ABBREVIATIONS
));

/// The words after an ordinal (`am 3. Oktober`), lowercase, sorted.
static ORDINAL_FOLLOWERS: WordSet = word_set!(&[
    "apr",
    "april",
    "aug",
    "august",
    "dez",
    "dezember",
    "feb",
    "februar",
    "jahrestag",
    "jahrhundert",
    "jahrhunderts",
    "jan",
    "januar",
    "jul",
    "juli",
    "jun",
    "juni",
    "klasse",
    "liga",
    "mai",
    "mal",
    "nov",
    "november",
    "okt",
    "oktober",
    "platz",
    "runde",
    "sep",
    "sept",
    "september",
    "spieltag",
    "stock",
    "stunde",
]);
