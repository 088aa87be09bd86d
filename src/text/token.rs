//! Words and terms: splitting text into words, case folding, stop words and Snowball stemming.
//!
//! A *word* is a maximal run of letters and digits; an apostrophe between two letters stays inside
//! the word ("Kim's", "don't"). A *term* is the folded, stemmed form of a content word (not a stop
//! word, not a lone letter, not a bare number), interned per document in a [`Vocabulary`] so that
//! everything downstream compares small integers instead of strings.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::stopwords::is_stop_word;

/// The English Snowball stemmer, built once for the process.
static ENGLISH_STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Identifier of a term within one document's [`Vocabulary`].
pub type TermId = u32;

/// True for an apostrophe that may join two halves of a word.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Iterator over the words of a text, as `(byte offset, word)` pairs.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// Iterates the words of `text`: runs of letters and digits, apostrophes inside a word kept.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.text[self.pos..];
        let mut start = None;
        let mut end = rest.len();
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if start.is_some() {
                // An apostrophe followed by a letter continues the word ("don't", "Kim's").
                if is_apostrophe(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()) {
                    continue;
                }
                end = i;
                break;
            }
        }
        let start = start?;
        let word = &rest[start..end];
        let offset = self.pos + start;
        self.pos += end;
        Some((offset, word))
    }
}

/// Counts the words of `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// Case-folds and stems words into content terms, reusing its buffers across calls.
#[derive(Debug, Default)]
pub struct Tokenizer {
    folded: String,
}

impl Tokenizer {
    /// Creates a tokenizer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Folds `word` (lowercase, typographic apostrophes to `'`) into the internal buffer.
    fn fold(&mut self, word: &str) -> &str {
        self.folded.clear();
        for c in word.chars() {
            if is_apostrophe(c) {
                self.folded.push('\'');
            } else if c.is_ascii() {
                self.folded.push(c.to_ascii_lowercase());
            } else {
                self.folded.extend(c.to_lowercase());
            }
        }
        &self.folded
    }

    /// Returns the stem of `word` if it is a content word, else `None`.
    ///
    /// Stop words, single characters and bare numbers are not content words.
    pub fn content_stem(&mut self, word: &str) -> Option<String> {
        let folded = self.fold(word);
        if is_stop_word(folded)
            || folded.chars().nth(1).is_none()
            || folded.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(ENGLISH_STEMMER.stem(folded).into_owned())
    }

    /// Appends the term of every content word of `text` to `out`, interning new terms in `vocab`,
    /// and returns the number of words (content or not) in `text`.
    pub fn terms<'a>(
        &mut self,
        text: &'a str,
        vocab: &mut Vocabulary<'a>,
        out: &mut Vec<TermId>,
    ) -> usize {
        let mut count = 0;
        for (_, word) in words(text) {
            count += 1;
            if let Some(stem) = self.content_stem(word) {
                out.push(vocab.intern(stem, word));
            }
        }
        count
    }
}

/// The terms of one document: each distinct stem with its first surface form, its count and its
/// background idf.
#[derive(Debug, Default)]
pub struct Vocabulary<'a> {
    ids: HashMap<String, TermId>,
    surface: Vec<&'a str>,
    counts: Vec<u32>,
    idf: Vec<f64>,
}

impl<'a> Vocabulary<'a> {
    /// Creates an empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the id of `stem`, adding it (with `surface` as its display form) if new, and counts
    /// one occurrence.
    pub fn intern(&mut self, stem: String, surface: &'a str) -> TermId {
        let next = self.surface.len() as TermId;
        let id = match self.ids.get(stem.as_str()) {
            Some(&id) => id,
            None => {
                // Looked up once per distinct term of the document.
                self.idf.push(super::idf::idf(&stem));
                self.ids.insert(stem, next);
                self.surface.push(surface);
                self.counts.push(0);
                next
            }
        };
        self.counts[id as usize] += 1;
        id
    }

    /// Looks up the id of a term without adding it.
    pub fn get(&self, stem: &str) -> Option<TermId> {
        self.ids.get(stem).copied()
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.surface.len()
    }

    /// True when no term was interned.
    pub fn is_empty(&self) -> bool {
        self.surface.is_empty()
    }

    /// How many times term `id` occurred.
    pub fn count(&self, id: TermId) -> u32 {
        self.counts[id as usize]
    }

    /// The background idf of term `id`, in [0, 1].
    pub fn idf(&self, id: TermId) -> f64 {
        self.idf[id as usize]
    }

    /// The first surface form term `id` was seen with.
    pub fn surface(&self, id: TermId) -> &'a str {
        self.surface[id as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_words(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_split_on_punctuation() {
        assert_eq!(
            all_words("Kim's regime—don't 'quote' North-South 3.5% U.S."),
            [
                "Kim's", "regime", "don't", "quote", "North", "South", "3", "5", "U", "S"
            ]
        );
        assert_eq!(all_words("it’s"), ["it’s"]);
        assert_eq!(all_words("  "), Vec::<&str>::new());
        assert_eq!(all_words("Zürich 東京 مرحبا"), ["Zürich", "東京", "مرحبا"]);
    }

    #[test]
    fn word_offsets_slice_back() {
        let text = "«Héllo», said Zoë's friend.";
        for (offset, word) in words(text) {
            assert_eq!(&text[offset..offset + word.len()], word);
        }
    }

    #[test]
    fn content_stems_fold_case_and_drop_stop_words() {
        let mut t = Tokenizer::new();
        assert_eq!(t.content_stem("Running").as_deref(), Some("run"));
        assert_eq!(t.content_stem("Kim’s").as_deref(), Some("kim"));
        assert_eq!(t.content_stem("The"), None);
        assert_eq!(t.content_stem("a"), None);
        assert_eq!(t.content_stem("1953"), None);
        assert_eq!(t.content_stem("G7").as_deref(), Some("g7"));
    }

    #[test]
    fn vocabulary_counts_inflections_together() {
        let mut t = Tokenizer::new();
        let mut vocab = Vocabulary::new();
        let mut out = Vec::new();
        let n = t.terms(
            "Talks stalled. The talk resumed; talking helps.",
            &mut vocab,
            &mut out,
        );
        assert_eq!(n, 7);
        let talk = vocab.get("talk").expect("talk is a term");
        assert_eq!(vocab.count(talk), 3);
        assert_eq!(vocab.surface(talk), "Talks");
        assert_eq!(out.iter().filter(|&&id| id == talk).count(), 3);
    }
}
