//! The English lexicon that ships inside the binary: the most frequent word forms, each with its
//! stem and the stem's background inverse document frequency.
//!
//! `data/lexicon_en.tsv` is built offline by `scripts/build_lexicon.py` from the `wordfreq`
//! package's English word-frequency list (data CC-BY-SA 4.0): about 60,000 word forms, most
//! frequent first, each with its stem's rarity in general English scaled to 0..255. On first use
//! every listed form is classified and stemmed once with brief's own rules and stemmer, so that on
//! the hot path a known word costs one hash lookup instead of a Snowball run; a word that is not
//! listed is stemmed when met.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::token::stem_of_folded;

/// The lexicon as shipped: comment lines, then `word<TAB>idf` lines with idf in 0..=255.
const LEXICON_TSV: &str = include_str!("../../data/lexicon_en.tsv");

/// A hash map of the lexicon, seeded per process.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// What a listed word form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Not a content word: a stop word, a single character or a number.
    NotContent,
    /// A content word with the stem of this id.
    Stem(u32),
}

/// Word forms, stems and idf of one language.
#[derive(Debug)]
pub struct Lexicon {
    forms: Map<&'static str, Form>,
    stems: Map<String, u32>,
    idf: Vec<u8>,
}

/// The English lexicon, built on first use (see [`preload`]).
pub static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(LEXICON_TSV));

/// Builds the lexicon now rather than on the first request (it takes some milliseconds).
pub fn preload() {
    LazyLock::force(&ENGLISH);
}

impl Lexicon {
    /// Parses `word<TAB>idf` lines; a stem's idf is the one given with its first form.
    fn parse(tsv: &'static str) -> Self {
        let mut lexicon = Lexicon {
            forms: Map::default(),
            stems: Map::default(),
            idf: Vec::new(),
        };
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, idf)) = line.split_once('\t') else {
                continue;
            };
            let Ok(idf) = idf.parse::<u8>() else { continue };
            let form = match stem_of_folded(word) {
                None => Form::NotContent,
                Some(stem) => {
                    let next = lexicon.idf.len() as u32;
                    let id = *lexicon.stems.entry(stem).or_insert(next);
                    if id == next {
                        lexicon.idf.push(idf);
                    }
                    Form::Stem(id)
                }
            };
            lexicon.forms.entry(word).or_insert(form);
        }
        lexicon
    }

    /// What the folded word form `word` is, if it is listed.
    pub fn form(&self, word: &str) -> Option<Form> {
        self.forms.get(word).copied()
    }

    /// The id of `stem`, if some listed form has it.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stems.get(stem).copied()
    }

    /// The background idf of stem `id` in 0..=255 (see [`idf_value`]): 0 for the most common
    /// stem; stems that are not listed are rarer than every listed one and have 255.
    pub fn idf(&self, id: u32) -> u8 {
        self.idf.get(id as usize).copied().unwrap_or(u8::MAX)
    }
}

/// An idf level of the lexicon as a number in [0, 1].
pub fn idf_value(level: u8) -> f64 {
    f64::from(level) / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_is_loaded_and_ordered_by_rarity() {
        let en = &*ENGLISH;
        assert!(en.forms.len() > 50_000, "{}", en.forms.len());
        assert_eq!(en.form("the"), Some(Form::NotContent));
        let idf = |w: &str| match en.form(w) {
            Some(Form::Stem(id)) => idf_value(en.idf(id)),
            other => panic!("{w}: {other:?}"),
        };
        assert!(idf("year") < idf("border"));
        assert!(idf("border") < idf("pyongyang"));
        assert_eq!(en.form("zzqxj"), None);
        // Inflections share a stem.
        assert_eq!(en.form("borders"), en.form("border"));
        assert_eq!(en.stem_id("border").map(Form::Stem), en.form("border"));
    }
}
