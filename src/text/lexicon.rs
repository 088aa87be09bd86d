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

/// A folded word form of at most [`KEY_BYTES`] bytes packed into an integer: its UTF-8 bytes,
/// little-endian, zero-padded. No folded word contains a NUL byte, so the packing is one-to-one.
///
/// Most words are this short, and looking one up then hashes and compares one integer stored in
/// the table itself, instead of hashing a string and comparing it with another one elsewhere in
/// memory (a call to `memcmp` and a cache miss more per word).
pub type Key = u128;

/// The longest word form, in bytes, that has a [`Key`].
pub const KEY_BYTES: usize = 16;

/// The [`Key`] of the folded word `word`, if it is short enough to have one.
pub fn key(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    let mut packed = [0u8; KEY_BYTES];
    packed.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(Key::from_le_bytes(packed))
}

/// How many of the most frequent forms go in [`Lexicon::hot`]: they are four words in five of
/// running news text (on cnndm_dev: 3,584 forms 80%, all 59,611 forms 97%), and their table,
/// 4,096 buckets of 24 bytes, stays in the core's caches, while a lookup in the table of all
/// forms (megabytes) would miss them for nearly every word.
const HOT_FORMS: usize = 3584;

/// A [`Key`] as two words: the same bytes without `u128`'s 16-byte alignment, so that a table
/// entry with its [`Form`] takes 24 bytes instead of 32.
type SplitKey = [u64; 2];

fn split(key: Key) -> SplitKey {
    // Truncations on purpose: the low and the high half.
    [key as u64, (key >> 64) as u64]
}

/// Word forms, stems and idf of one language.
#[derive(Debug)]
pub struct Lexicon {
    /// The [`HOT_FORMS`] most frequent forms that have a [`Key`].
    hot: Map<SplitKey, Form>,
    /// The other forms that have a [`Key`].
    short: Map<SplitKey, Form>,
    /// Longer forms.
    long: Map<&'static str, Form>,
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
            hot: Map::with_capacity_and_hasher(HOT_FORMS, Default::default()),
            short: Map::default(),
            long: Map::default(),
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
            match key(word).map(split) {
                Some(k) if lexicon.hot.contains_key(&k) || lexicon.short.contains_key(&k) => {}
                Some(k) if lexicon.hot.len() < HOT_FORMS => {
                    lexicon.hot.insert(k, form);
                }
                Some(k) => {
                    lexicon.short.insert(k, form);
                }
                None => {
                    lexicon.long.entry(word).or_insert(form);
                }
            }
        }
        lexicon
    }

    /// What the folded word form `word` is, if it is listed.
    pub fn form(&self, word: &str) -> Option<Form> {
        match key(word) {
            Some(k) => self.form_of_key(k),
            None => self.long.get(word).copied(),
        }
    }

    /// What the folded word form whose [`Key`] is `key` is, if it is listed.
    pub fn form_of_key(&self, key: Key) -> Option<Form> {
        let key = split(key);
        self.hot.get(&key).or_else(|| self.short.get(&key)).copied()
    }

    /// The number of distinct stems; stem ids are `0..stem_count()`.
    pub fn stem_count(&self) -> usize {
        self.idf.len()
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
        let forms = en.hot.len() + en.short.len() + en.long.len();
        assert_eq!(en.hot.len(), HOT_FORMS);
        assert!(forms > 50_000, "{forms}");
        assert!(!en.long.is_empty());
        assert_eq!(en.form("the"), Some(Form::NotContent));
        let idf = |w: &str| match en.form(w) {
            Some(Form::Stem(id)) => idf_value(en.idf(id)),
            other => panic!("{w}: {other:?}"),
        };
        assert!(idf("year") < idf("border"));
        assert!(idf("border") < idf("pyongyang"));
        assert_eq!(en.form("zzqxj"), None);
        // Forms with and without a key.
        assert_eq!(key("year").and_then(|k| en.form_of_key(k)), en.form("year"));
        assert_eq!(key("abcdefghijklmnopq"), None);
        assert!(key("abcdefghijklmnop").is_some());
        // Inflections share a stem.
        assert_eq!(en.form("borders"), en.form("border"));
        assert_eq!(en.stem_id("border").map(Form::Stem), en.form("border"));
    }
}
