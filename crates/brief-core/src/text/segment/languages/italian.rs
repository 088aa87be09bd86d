//! Italian: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{Never, NumPrefix, Ordinary, Title};
use super::Rules;
use crate::text::language::Language;

/// Italian's additions to the English rules.
pub(super) static ITALIAN: Rules = Rules {
    language: Language::Italian,
    abbreviations: &[
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
    ],
    never_dotted: &[],
    ordinal_followers: &[],
};
