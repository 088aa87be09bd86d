//! French: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{Never, NumPrefix, Ordinary, Title, Weak};
use super::Rules;
use crate::text::language::Language;

/// French's additions to the English rules.
pub(super) static FRENCH: Rules = Rules {
    language: Language::French,
    abbreviations: &[
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
    ],
    never_dotted: &["p.ex"],
    ordinal_followers: &[],
};
