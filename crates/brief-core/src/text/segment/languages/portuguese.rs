//! Portuguese: its abbreviations, dotted abbreviations and the words after an ordinal.

use super::Class::{Company, Never, NumPrefix, Title, Weak};
use super::Rules;
use crate::text::language::Language;

/// Portuguese's additions to the English rules.
pub(super) static PORTUGUESE: Rules = Rules {
    language: Language::Portuguese,
    abbreviations: &[
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
    ],
    never_dotted: &["p.ex"],
    ordinal_followers: &[],
};
