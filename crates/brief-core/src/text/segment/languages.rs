//! Abbreviations and ordinal rules of the languages other than English.
//!
//! Each language's list is consulted before the English one (English abbreviations such as
//! `Mr.` and `U.S.` occur in news of every language). Keys are lowercase and without the final
//! period; lists are sorted by key (checked by a test).

use super::Class::{self, Company, Never, NumPrefix, Ordinary, Title, Weak};
use crate::text::language::Language;

/// What one language adds to the English rules.
#[derive(Debug)]
pub(super) struct Rules {
    /// The language, whose stop words count as sentence starters when capitalised.
    pub language: Language,
    /// `(lowercase key, class when capitalised, class when lowercase)`, sorted.
    pub abbreviations: &'static [(&'static str, Class, Class)],
    /// Dotted abbreviations that never end a sentence (`z.B`), lowercase, without the final
    /// period.
    pub never_dotted: &'static [&'static str],
    /// Words that follow an ordinal number written with a period (`am 3. Oktober`), lowercase,
    /// sorted: a period between a number of at most three digits and one of them is no boundary.
    pub ordinal_followers: &'static [&'static str],
}

/// English: the rules of the parent module alone.
pub(super) static ENGLISH: Rules = Rules {
    language: Language::English,
    abbreviations: &[],
    never_dotted: &[],
    ordinal_followers: &[],
};

/// The rules for `language`: its own where it has them, else English's.
pub(super) fn rules(language: Language) -> &'static Rules {
    match language {
        Language::German => &GERMAN,
        Language::French => &FRENCH,
        Language::Spanish => &SPANISH,
        Language::Italian => &ITALIAN,
        Language::Portuguese => &PORTUGUESE,
        Language::Dutch => &DUTCH,
        _ => &ENGLISH,
    }
}

/// Every language's rules, for tests.
#[cfg(test)]
pub(super) static ALL: &[&Rules] = &[&GERMAN, &FRENCH, &SPANISH, &ITALIAN, &PORTUGUESE, &DUTCH];

static GERMAN: Rules = Rules {
    language: Language::German,
    abbreviations: &[
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
    ],
    never_dotted: &[
        "d.h", "i.d.r", "m.e", "o.g", "s.o", "s.u", "u.a", "u.u", "v.a", "z.b", "z.t",
    ],
    ordinal_followers: &[
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
    ],
};

static FRENCH: Rules = Rules {
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

static SPANISH: Rules = Rules {
    language: Language::Spanish,
    abbreviations: &[
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
    ],
    never_dotted: &["p.ej"],
    ordinal_followers: &[],
};

static ITALIAN: Rules = Rules {
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

static PORTUGUESE: Rules = Rules {
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

static DUTCH: Rules = Rules {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::sentences_in;

    #[test]
    fn lists_are_sorted_and_lowercase() {
        for rules in ALL {
            let keys: Vec<&str> = rules.abbreviations.iter().map(|e| e.0).collect();
            for list in [&keys[..], rules.never_dotted, rules.ordinal_followers] {
                assert!(
                    list.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()),
                    "{:?}: {list:?}",
                    rules.language
                );
                assert!(list.iter().all(|k| k.to_lowercase() == *k));
            }
        }
    }

    fn split(text: &str, language: Language) -> Vec<&str> {
        sentences_in(text, language)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    /// `(language, text, sentences)`: each case fails with English rules alone.
    #[test]
    fn each_language_keeps_its_abbreviations_and_ordinals() {
        let cases: &[(Language, &str, &[&str])] = &[
            (
                Language::German,
                "Am 3. Oktober stimmt der Bundestag ab. Die Opposition ist dagegen.",
                &[
                    "Am 3. Oktober stimmt der Bundestag ab.",
                    "Die Opposition ist dagegen.",
                ],
            ),
            (
                Language::German,
                "Er kam im 19. Jahrhundert nach Berlin. Dort blieb er.",
                &["Er kam im 19. Jahrhundert nach Berlin.", "Dort blieb er."],
            ),
            (
                Language::German,
                "Es gibt viele Gründe, vgl. Abschnitt 4. Die Regierung schweigt.",
                &[
                    "Es gibt viele Gründe, vgl. Abschnitt 4.",
                    "Die Regierung schweigt.",
                ],
            ),
            (
                Language::German,
                "Das kostet ca. Hundert Euro. Der Preis steigt.",
                &["Das kostet ca. Hundert Euro.", "Der Preis steigt."],
            ),
            (
                Language::Spanish,
                "La Sra. García habló ayer. El Dña. Pérez no vino.",
                &["La Sra. García habló ayer.", "El Dña. Pérez no vino."],
            ),
            (
                Language::Spanish,
                "Véase la pág. 4 del informe.",
                &["Véase la pág. 4 del informe."],
            ),
            (
                Language::French,
                "Le Pr. Durand a parlé. Les chiffres sont bons.",
                &["Le Pr. Durand a parlé.", "Les chiffres sont bons."],
            ),
            (
                Language::Italian,
                "Il dott. Rossi ha parlato. Il sig. Bianchi no.",
                &["Il dott. Rossi ha parlato.", "Il sig. Bianchi no."],
            ),
            (
                Language::Portuguese,
                "A Profa. Costa falou. O Eng. Silva não.",
                &["A Profa. Costa falou.", "O Eng. Silva não."],
            ),
            (
                Language::Dutch,
                "Dhr. Jansen sprak. Mevr. de Vries zweeg.",
                &["Dhr. Jansen sprak.", "Mevr. de Vries zweeg."],
            ),
        ];
        for &(language, text, expected) in cases {
            assert_eq!(split(text, language), expected, "{language:?}: {text}");
            assert_ne!(
                split(text, Language::English),
                expected,
                "not a test of {language:?}'s rules: {text}"
            );
        }
    }

    #[test]
    fn stop_words_start_sentences_after_weak_abbreviations() {
        // `Jan.` may end a sentence before a starter: German starters are German stop words.
        let text = "Die Sitzung war am 5. Jan. Die Ergebnisse kommen später.";
        assert_eq!(
            split(text, Language::German),
            [
                "Die Sitzung war am 5. Jan.",
                "Die Ergebnisse kommen später."
            ]
        );
    }
}
