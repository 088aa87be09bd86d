//! Dutch: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{Never, NumPrefix, Title, Weak};
use super::Rules;
use crate::text::language::Language;

/// Dutch's additions to the English rules.
pub(super) static DUTCH: Rules = Rules {
    language: Language::Dutch,
    abbreviations: &[
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
    ],
    never_dotted: &[
        "a.d.h.v", "d.w.z", "i.p.v", "m.a.w", "m.b.t", "o.a", "t.o.v",
    ],
    ordinal_followers: &[],
};
