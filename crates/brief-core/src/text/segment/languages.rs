//! The rule data of each language: abbreviations and their classes, dotted abbreviations,
//! ordinal rules and, for English, the word lists the rules consult (sentence starters, speech
//! verbs, ...). The engine holds no word list of its own.
//!
//! English's rules apply to every language: another language's abbreviations are consulted
//! before the English ones (English abbreviations such as `Mr.` and `U.S.` occur in news of
//! every language) and its stop words count as sentence starters too. Keys are lowercase and
//! without the final period; lists are sorted (checked by tests).

mod dutch;
pub(super) mod english;
mod french;
mod german;
mod italian;
mod portuguese;
mod spanish;

use crate::text::language::Language;
use crate::text::wordset::{WordSet, word_set};
use dutch::DUTCH;
use french::FRENCH;
use german::GERMAN;
use italian::ITALIAN;
use portuguese::PORTUGUESE;
use spanish::SPANISH;

/// Class of the token before a period.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Class {
    /// A plain word (or nothing): a period after it ends the sentence before a capital.
    Ordinary,
    /// All digits.
    Number,
    /// A single capital letter (`George W. Bush`): splits only before a sentence starter.
    Initial,
    /// A title that always attaches to the next word (`Mr.`, `Dr.`, `Sen.`).
    Title,
    /// An abbreviation that may end a sentence (`U.S.`, `Calif.`, `Jan.`, `St.`, `Jr.`): splits
    /// before a sentence starter or an opening quote followed by a capital.
    Weak,
    /// A company suffix (`Inc.`, `Corp.`): like `Weak`, and also splits before a capitalised
    /// word followed by a lowercase word (`Acme Inc. Terms were not disclosed.`).
    Company,
    /// Never ends a sentence (`e.g.`, `i.e.`, `vs.`, `approx.`).
    Never,
    /// Does not end a sentence before a number (`No. 5`, `p. 12`, `etc. 2`), otherwise ordinary.
    NumPrefix,
    /// A dotted abbreviation that follows what it qualifies and often ends a sentence: times and
    /// eras after a number (`5 p.m.`, `79 B.C.`) and degrees (`Ph.D.`). Like `Company`, and also
    /// splits before a title (`at 6 p.m. Mr. Smith left`).
    Post,
}

pub(super) use Class::{Company, Never, NumPrefix, Ordinary, Post, Title, Weak};

/// One language's rule data.
#[derive(Debug)]
pub(super) struct Rules {
    /// The language, whose stop words count as sentence starters when capitalised.
    pub language: Language,
    /// `(lowercase key, class when capitalised, class when lowercase)`, sorted.
    pub abbreviations: &'static [(&'static str, Class, Class)],
    /// The keys of `abbreviations` as a set ([`abbreviation_words`]): a key's index in it is
    /// its entry's index in `abbreviations`.
    pub abbreviation_set: &'static WordSet,
    /// Dotted abbreviations that never end a sentence (`z.B`), lowercase, without the final
    /// period.
    pub never_dotted: &'static [&'static str],
    /// Words that follow an ordinal number written with a period (`am 3. Oktober`), lowercase,
    /// sorted: a period between a number of at most three digits and one of them is no boundary.
    pub ordinal_followers: &'static WordSet,
}

/// The empty word set, for a language without a list.
pub(super) static NO_WORDS: WordSet = word_set!(&[]);

/// The keys of an abbreviation list, in its order (`N` is its length): for its `abbreviation_set`.
pub(super) const fn abbreviation_words<const N: usize>(
    abbreviations: &[(&'static str, Class, Class)],
) -> [&'static str; N] {
    let mut words = [""; N];
    let mut i = 0;
    while i < N {
        words[i] = abbreviations[i].0;
        i += 1;
    }
    words
}

/// The rules `language` adds to English's: `None` for English and for the languages without
/// rules of their own.
pub(super) fn own_rules(language: Language) -> Option<&'static Rules> {
    match language {
        Language::German => Some(&GERMAN),
        Language::French => Some(&FRENCH),
        Language::Spanish => Some(&SPANISH),
        Language::Italian => Some(&ITALIAN),
        Language::Portuguese => Some(&PORTUGUESE),
        Language::Dutch => Some(&DUTCH),
        _ => None,
    }
}

/// Every language's rules, for tests.
#[cfg(test)]
pub(super) static ALL: &[&Rules] = &[
    &english::ENGLISH,
    &GERMAN,
    &FRENCH,
    &SPANISH,
    &ITALIAN,
    &PORTUGUESE,
    &DUTCH,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::sentences_in;
    use crate::text::wordset::reference;

    #[test]
    fn lists_are_sorted_and_lowercase() {
        for rules in ALL {
            let keys: Vec<&str> = rules.abbreviations.iter().map(|e| e.0).collect();
            for list in [
                &keys[..],
                rules.never_dotted,
                rules.ordinal_followers.words(),
            ] {
                assert!(
                    list.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()),
                    "{:?}: {list:?}",
                    rules.language
                );
                assert!(list.iter().all(|k| k.to_lowercase() == *k));
            }
        }
    }

    /// Each language's sets hold exactly its lists' words, at their indices, and agree with a
    /// linear search on near misses.
    #[test]
    fn sets_agree_with_their_lists() {
        for rules in ALL {
            let keys: Vec<&str> = rules.abbreviations.iter().map(|e| e.0).collect();
            reference::check(rules.abbreviation_set, &keys);
            assert_eq!(rules.abbreviation_set.words(), &keys[..]);
            reference::check(rules.ordinal_followers, rules.ordinal_followers.words());
            for w in ["", "x", "mr.", "Mr", "abcdefghijklmnopq", "müller"] {
                reference::agrees_on(rules.abbreviation_set, w.as_bytes());
                reference::agrees_on(rules.ordinal_followers, w.as_bytes());
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
