//! Languages and their tags: which languages the summarizer knows, how each one's words become
//! terms ([`Support`]), and BCP-47 tag parsing.
//!
//! A leaf of the text pipeline: the stop words ([`super::stopwords`]), stemmers ([`super::stem`])
//! and detection ([`super::detect`]) of a language are built on top of it. English uses the
//! shipped lexicon (stems and background idf, see [`super::lexicon`]); the other languages that
//! have both a Snowball stemmer and a stop-word list are stemmed the same way without idf; Chinese
//! and Japanese, written without spaces, get character n-grams; any other language gets
//! language-neutral terms (case-folded words).
//!
//! A language's stop words and stem are methods of [`Language`] defined with the data they need:
//! [`Language::is_stop_word`] in [`super::stopwords`], [`Language::stem`] in [`super::stem`].

use rust_stemmers::Algorithm;

/// How a language's words become terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Stop words removed and Snowball stemming (for English also the background idf table).
    Stemmed,
    /// Stop words removed, words not stemmed (no stemmer exists for the language).
    StopWords,
    /// Chinese and Japanese: terms are character bigrams (and single ideographs).
    CharacterNgrams,
    /// Language-neutral: every case-folded word of two or more characters is a term.
    Neutral,
}

/// A language the summarizer processes, or [`Language::Neutral`] for any other.
///
/// The variants are declared in `TABLE` order, so that a language's entry is its discriminant
/// (checked by a test) rather than a search on every stop-word lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// Arabic.
    Arabic,
    /// Catalan.
    Catalan,
    /// Chinese.
    Chinese,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English (the default).
    #[default]
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hebrew.
    Hebrew,
    /// Hungarian.
    Hungarian,
    /// Indonesian.
    Indonesian,
    /// Italian.
    Italian,
    /// Japanese.
    Japanese,
    /// Norwegian (Bokmål and Nynorsk).
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Slovenian.
    Slovenian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
    /// Any other language: language-neutral processing.
    Neutral,
}

/// Every language with its BCP-47 primary tag, stemmer and NLTK stop-word list code.
pub(super) static TABLE: &[(Language, &str, Option<Algorithm>, Option<&str>)] = &[
    (Language::Arabic, "ar", Some(Algorithm::Arabic), Some("ar")),
    (Language::Catalan, "ca", None, Some("ca")),
    (Language::Chinese, "zh", None, Some("zh")),
    (Language::Danish, "da", Some(Algorithm::Danish), Some("da")),
    (Language::Dutch, "nl", Some(Algorithm::Dutch), Some("nl")),
    (
        Language::English,
        "en",
        Some(Algorithm::English),
        Some("en"),
    ),
    (
        Language::Finnish,
        "fi",
        Some(Algorithm::Finnish),
        Some("fi"),
    ),
    (Language::French, "fr", Some(Algorithm::French), Some("fr")),
    (Language::German, "de", Some(Algorithm::German), Some("de")),
    (Language::Greek, "el", Some(Algorithm::Greek), Some("el")),
    (Language::Hebrew, "he", None, Some("he")),
    (
        Language::Hungarian,
        "hu",
        Some(Algorithm::Hungarian),
        Some("hu"),
    ),
    (Language::Indonesian, "id", None, Some("id")),
    (
        Language::Italian,
        "it",
        Some(Algorithm::Italian),
        Some("it"),
    ),
    (Language::Japanese, "ja", None, None),
    (
        Language::Norwegian,
        "no",
        Some(Algorithm::Norwegian),
        Some("no"),
    ),
    (
        Language::Portuguese,
        "pt",
        Some(Algorithm::Portuguese),
        Some("pt"),
    ),
    (
        Language::Romanian,
        "ro",
        Some(Algorithm::Romanian),
        Some("ro"),
    ),
    (
        Language::Russian,
        "ru",
        Some(Algorithm::Russian),
        Some("ru"),
    ),
    (Language::Slovenian, "sl", None, Some("sl")),
    (
        Language::Spanish,
        "es",
        Some(Algorithm::Spanish),
        Some("es"),
    ),
    (
        Language::Swedish,
        "sv",
        Some(Algorithm::Swedish),
        Some("sv"),
    ),
    (Language::Tamil, "ta", Some(Algorithm::Tamil), Some("ta")),
    (
        Language::Turkish,
        "tr",
        Some(Algorithm::Turkish),
        Some("tr"),
    ),
];
impl Language {
    /// The languages that are not [`Language::Neutral`].
    pub fn all() -> impl Iterator<Item = Language> {
        TABLE.iter().map(|e| e.0)
    }

    /// The index of the language in [`TABLE`] (its discriminant), or `None` for
    /// [`Language::Neutral`].
    pub(super) fn entry(self) -> Option<usize> {
        (self != Language::Neutral).then_some(self as usize)
    }

    /// The BCP-47 primary language tag ("en"), or "und" for [`Language::Neutral`].
    pub fn tag(self) -> &'static str {
        self.entry().map_or("und", |i| TABLE[i].1)
    }

    /// How words become terms in this language.
    pub fn support(self) -> Support {
        match self {
            Language::Chinese | Language::Japanese => Support::CharacterNgrams,
            Language::Neutral => Support::Neutral,
            _ => match self.entry() {
                Some(i) if TABLE[i].2.is_some() => Support::Stemmed,
                _ => Support::StopWords,
            },
        }
    }

    /// The language of a BCP-47 tag ("de", "de-AT", "pt_BR", "zh-Hant"; ISO 639-3 codes such as
    /// "deu" too), or [`Language::Neutral`] for one this version has no resources for.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        let mut lower = [0u8; 3];
        if primary.len() > lower.len() || !primary.is_ascii() {
            return Language::Neutral;
        }
        lower[..primary.len()].copy_from_slice(primary.as_bytes());
        lower.make_ascii_lowercase();
        let primary = std::str::from_utf8(&lower[..primary.len()]).unwrap_or_default();
        let primary = match primary {
            "nb" | "nn" => "no",
            p if p.len() == 3 => ISO_639_3
                .iter()
                .find(|e| e.0 == p)
                .map_or(p, |e| if e.1 == "nb" { "no" } else { e.1 }),
            p => p,
        };
        TABLE
            .iter()
            .find(|e| e.1 == primary)
            .map_or(Language::Neutral, |e| e.0)
    }

    /// The Snowball algorithm that stems this language, if there is one.
    pub(super) fn algorithm(self) -> Option<Algorithm> {
        self.entry().and_then(|i| TABLE[i].2)
    }

    /// The code of this language's NLTK stop-word list (the `stop-words` crate), if it has one.
    pub(super) fn stop_word_code(self) -> Option<&'static str> {
        self.entry().and_then(|i| TABLE[i].3)
    }
}

/// ISO 639-3 codes of whatlang's languages and their BCP-47 tags.
pub(super) static ISO_639_3: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("nor", "no"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zho", "zh"),
    ("zul", "zu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Language::from_tag("de"), Language::German);
        assert_eq!(Language::from_tag("DE-at"), Language::German);
        assert_eq!(Language::from_tag("pt_BR"), Language::Portuguese);
        assert_eq!(Language::from_tag("zh-Hant-TW"), Language::Chinese);
        assert_eq!(Language::from_tag("nb"), Language::Norwegian);
        assert_eq!(Language::from_tag("deu"), Language::German);
        assert_eq!(Language::from_tag("ko"), Language::Neutral);
        assert_eq!(Language::from_tag(""), Language::Neutral);
        assert_eq!(Language::from_tag("ünï"), Language::Neutral);
        for (i, l) in Language::all().enumerate() {
            assert_eq!(Language::from_tag(l.tag()), l);
            // The discriminant is the table index (see `Language::entry`).
            assert_eq!(l as usize, i);
        }
        assert_eq!(Language::Neutral.tag(), "und");
    }
}
