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

use super::key::{Key, key};
use super::term::stem_of_folded;

/// The lexicon as shipped: comment lines, then `word<TAB>idf` lines with idf in 0..=255.
const LEXICON_TSV: &str = include_str!("../../data/lexicon_en.tsv");

/// The shipped lexicon's data, as built into the binary (for the algorithm version).
pub fn data() -> &'static str {
    LEXICON_TSV
}

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

/// How many of the most frequent forms go in [`Lexicon::hot`]: they are four words in five of
/// running news text (on cnndm_dev: 3,584 forms 80%, all 59,611 forms 97%), and their table,
/// 8,192 slots of 24 bytes, stays in the core's caches, while a lookup in the table of the other
/// forms (megabytes) misses them (twice as many hot forms measured slower).
const HOT_FORMS: usize = 3584;

/// A [`Key`] as two words: the same bytes without `u128`'s 16-byte alignment, so that a table
/// entry with its [`Form`] takes 24 bytes instead of 32.
type SplitKey = [u64; 2];

fn split(key: Key) -> SplitKey {
    // Truncations on purpose: the low and the high half.
    [key as u64, (key >> 64) as u64]
}

/// A fixed table of forms by [`Key`]: open addressing with linear probing, at most half full.
///
/// Built once from the shipped lexicon and never changed, so its hash need not be seeded: a
/// hostile text cannot make it grow, and a lookup, found or not, probes at most the longest run
/// of occupied slots, a small number fixed when the table is built (its tests measure it).
/// A lookup costs a multiplication and, nearly always, one comparison of two integers, where a
/// general hash map hashes, matches a control group and then compares.
#[derive(Debug)]
struct KeyTable {
    /// `(key, form)`; an empty slot has the key `[0, 0]`, which no word has (its first byte is not
    /// zero).
    slots: Vec<(SplitKey, Form)>,
    /// `64 - log2(slots.len())`: the hash's top bits index the table.
    shift: u32,
}

impl KeyTable {
    /// A table of `entries` (distinct keys).
    fn new(entries: &[(SplitKey, Form)]) -> Self {
        let len = (entries.len() * 2).next_power_of_two().max(2);
        let mut table = KeyTable {
            slots: vec![([0, 0], Form::NotContent); len],
            shift: 64 - len.trailing_zeros(),
        };
        for &(key, form) in entries {
            let mut i = table.home(key);
            while table.slots[i].0 != [0, 0] {
                i = (i + 1) & (len - 1);
            }
            table.slots[i] = (key, form);
        }
        table
    }

    /// The slot where the search for `key` starts.
    #[inline(always)]
    fn home(&self, key: SplitKey) -> usize {
        // Multiplicative (Fibonacci) hashing of both halves; the top bits are the best mixed.
        let h = (key[0] ^ key[1].wrapping_mul(0xC2B2_AE3D_27D4_EB4F))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> self.shift) as usize
    }

    /// The form of `key`, if listed.
    #[inline(always)]
    fn get(&self, key: SplitKey) -> Option<Form> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        // Ends: the table is at most half full, so an empty slot comes.
        loop {
            let (k, form) = self.slots[i];
            if k == key {
                return Some(form);
            }
            if k == [0, 0] {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The occupied slots.
    #[cfg(test)]
    fn entries(&self) -> impl Iterator<Item = &(SplitKey, Form)> {
        self.slots.iter().filter(|(k, _)| *k != [0, 0])
    }

    /// The number of entries.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries().count()
    }

    /// The most slots any lookup reads: one more than the longest run of occupied slots.
    #[cfg(test)]
    fn max_probes(&self) -> usize {
        let occupied: Vec<bool> = self.slots.iter().map(|(k, _)| *k != [0, 0]).collect();
        let n = occupied.len();
        let mut longest = 0;
        let mut run = 0;
        // Twice round, for a run that wraps past the end.
        for i in 0..2 * n {
            run = if occupied[i % n] { run + 1 } else { 0 };
            longest = longest.max(run);
        }
        longest.min(n) + 1
    }
}

/// Word forms, stems and idf of one language.
#[derive(Debug)]
pub struct Lexicon {
    /// The [`HOT_FORMS`] most frequent forms that have a [`Key`].
    hot: KeyTable,
    /// The other forms that have a [`Key`].
    short: KeyTable,
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
        let mut stems: Map<String, u32> = Map::default();
        let mut idf_levels = Vec::new();
        let mut long = Map::default();
        // Forms with a key, most frequent first, each once.
        let mut keyed: Vec<(SplitKey, Form)> = Vec::new();
        let mut seen: std::collections::HashSet<SplitKey, foldhash::fast::RandomState> =
            Default::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, idf)) = line.split_once('\t') else {
                continue;
            };
            let Ok(idf) = idf.parse::<u8>() else { continue };
            let form = match stem_of_folded(word) {
                None => Form::NotContent,
                Some(stem) => {
                    let next = idf_levels.len() as u32;
                    let id = *stems.entry(stem).or_insert(next);
                    if id == next {
                        idf_levels.push(idf);
                    }
                    Form::Stem(id)
                }
            };
            match key(word).map(split) {
                Some(k) => {
                    if seen.insert(k) {
                        keyed.push((k, form));
                    }
                }
                None => {
                    long.entry(word).or_insert(form);
                }
            }
        }
        let (hot, short) = keyed.split_at(HOT_FORMS.min(keyed.len()));
        Lexicon {
            hot: KeyTable::new(hot),
            short: KeyTable::new(short),
            long,
            stems,
            idf: idf_levels,
        }
    }

    /// What the folded word form `word` is, if it is listed.
    pub fn form(&self, word: &str) -> Option<Form> {
        match key(word) {
            Some(k) => self.form_of_key(k),
            None => self.long.get(word).copied(),
        }
    }

    /// What the folded word form whose [`Key`] is `key` is, if it is listed.
    // Inlined into the tokenizer's per-word loop.
    #[inline]
    pub fn form_of_key(&self, key: Key) -> Option<Form> {
        let key = split(key);
        self.hot.get(key).or_else(|| self.short.get(key))
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
        // Lookups stay short, found or not (the tables are fixed: no input can lengthen them).
        assert!(en.hot.max_probes() <= 32, "{}", en.hot.max_probes());
        assert!(en.short.max_probes() <= 64, "{}", en.short.max_probes());
        for (key, form) in en.short.entries() {
            assert_eq!(en.short.get(*key), Some(*form));
            assert_eq!(en.hot.get(*key), None);
        }
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
