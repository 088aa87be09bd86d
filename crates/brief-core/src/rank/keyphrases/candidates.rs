//! Keyphrase candidates: the article's words in order, and every run of up to [`MAX_WORDS`]
//! content words that crosses no sentence end, punctuation, stop word or weak word, counted.
//!
//! Words of a run are joined by spaces or a hyphen only ("Kim Jong-Un"). Chinese and Japanese
//! bigrams join when one starts where the other ends (经济 + 增长), never across a bigram that
//! straddles two words (济增, see `straddles`).

use std::collections::HashMap;
use std::ops::Range;

use crate::text::language::Language;
use crate::text::token::{TermId, Tokenizer, Vocabulary};

/// The most words of a keyphrase.
pub const MAX_WORDS: usize = 4;

/// How many distinct candidates an article may have: past this, only the candidates already
/// seen are counted (a text of hundreds of thousands of words has its phrases early enough),
/// so that memory stays bounded on any input.
pub(super) const MAX_CANDIDATES: usize = 1 << 18;

/// How many words are taken between two checks of the cancellation callback.
const CHECK_WORDS: usize = 1 << 12;

/// The term of a word that is no term.
pub(super) const NO_TERM: TermId = TermId::MAX;

/// One word of the article, in reading order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    /// Its byte range in the content.
    pub(super) start: u32,
    pub(super) end: u32,
    /// Its term, or [`NO_TERM`] for a word no keyphrase may hold.
    pub(super) term: TermId,
    /// The index of its sentence in the article.
    pub(super) sentence: u32,
    /// A Chinese or Japanese bigram or lone ideograph.
    pub(super) gram: bool,
    /// Its first letter is a capital.
    pub(super) capitalized: bool,
    /// What edge of a phrase of several words it may not be ([`NOT_FIRST`], [`NOT_LAST`]).
    pub(super) not_edge: u8,
}

/// A word that may not start a phrase of several words.
pub(super) const NOT_FIRST: u8 = 1;
/// A word that may not end a phrase of several words.
pub(super) const NOT_LAST: u8 = 2;

/// Which edges of a phrase an English word may not be: a lowercase adverb in -ly is at neither
/// ("romantically"), a lowercase past form in -ed does not end one ("index gained", "deals
/// totaled"), as a keyphrase is a noun phrase.
pub(super) fn english_edges(word: &str) -> u8 {
    if word.len() < 5 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return 0;
    }
    if word.ends_with("ly") {
        NOT_FIRST | NOT_LAST
    } else if word.ends_with("ed") && !word.ends_with("eed") {
        NOT_LAST
    } else {
        0
    }
}

/// A candidate keyphrase's terms, packed: each term plus one, 32 bits each, the first word
/// highest (no word is 0, so phrases of different lengths differ).
pub(super) type Key = u128;

/// The terms of a [`Key`], in order.
pub(super) fn terms_of(key: Key) -> impl Iterator<Item = TermId> {
    let n = (128 - key.leading_zeros()).div_ceil(32);
    (0..n)
        .rev()
        .map(move |i| ((key >> (32 * i)) as u32).wrapping_sub(1))
}

/// The number of words of a [`Key`].
pub(super) fn len_of(key: Key) -> usize {
    (128 - key.leading_zeros()).div_ceil(32) as usize
}

/// What is counted of one candidate.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    /// Its occurrences.
    pub(super) count: u32,
    /// The sentence of its first occurrence.
    pub(super) first_sentence: u32,
}

/// The article's words and its candidates.
#[derive(Debug, Default)]
pub(super) struct Candidates {
    pub(super) words: Vec<Word>,
    pub(super) counts: HashMap<Key, Candidate, foldhash::fast::RandomState>,
}

/// Reads the words of the sentences (byte ranges of `content` with their index); `excluded`
/// says which terms may not be in a keyphrase (sorted: weak words, straddling bigrams). `None`
/// once `cancelled` says so.
pub(super) fn read(
    content: &str,
    sentences: impl Iterator<Item = (u32, Range<usize>)>,
    tokenizer: &mut Tokenizer,
    vocab: &Vocabulary<'_>,
    language: Language,
    excluded: &dyn Fn(TermId) -> bool,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Word>> {
    let english = language == Language::English;
    let mut words = Vec::with_capacity(content.len() / 6);
    for (sentence, range) in sentences {
        let base = range.start;
        let text = content.get(range)?;
        let first = words.len();
        tokenizer.interned_until(
            text,
            vocab,
            |w| {
                let term = w.term.filter(|&t| !excluded(t)).unwrap_or(NO_TERM);
                // The content is at most 4 GiB (checked by the analysis).
                words.push(Word {
                    start: (base + w.start) as u32,
                    end: (base + w.end) as u32,
                    term,
                    sentence,
                    gram: w.gram,
                    capitalized: w.capitalized,
                    not_edge: if english && term != NO_TERM {
                        english_edges(&text[w.start..w.end])
                    } else {
                        0
                    },
                });
            },
            cancelled,
        )?;
        forget_capitals(&mut words[first..]);
    }
    Some(words)
}

/// Clears the capitals of a sentence's words that say nothing of names: its first word's, and
/// every word's in a headline written in title case (most of its content words capitalized).
fn forget_capitals(sentence: &mut [Word]) {
    let content = sentence.iter().filter(|w| w.term != NO_TERM).count();
    let capitals = sentence
        .iter()
        .filter(|w| w.term != NO_TERM && w.capitalized)
        .count();
    if content >= 3 && 3 * capitals >= 2 * content {
        sentence.iter_mut().for_each(|w| w.capitalized = false);
    } else if let Some(w) = sentence.first_mut() {
        w.capitalized = false;
    }
}

/// The word that follows word `j` in a phrase, if any: the next word of the same sentence
/// joined to it by spaces or a hyphen only, or for a bigram the bigram that starts where it
/// ends.
pub(super) fn next_in_phrase(content: &str, words: &[Word], j: usize) -> Option<usize> {
    let a = words[j];
    if a.gram {
        return (j + 1..words.len().min(j + 3)).find(|&k| {
            let b = words[k];
            b.gram && b.start == a.end && b.term != NO_TERM && b.sentence == a.sentence
        });
    }
    let b = words.get(j + 1)?;
    if b.term == NO_TERM || b.gram || b.sentence != a.sentence {
        return None;
    }
    let gap = content.get(a.end as usize..b.start as usize)?;
    let joins = !gap.is_empty()
        && gap.len() <= 4
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '-' | '\u{a0}' | '\u{2010}' | '\u{2011}'));
    joins.then_some(j + 1)
}

/// Calls `each` with the key, first word and last word of every occurrence of every candidate
/// of `words`, in reading order; stops with `None` once `cancelled` says so. A phrase of several
/// words does not cut a name: it neither starts nor ends between two capitalized words that
/// join ("pop star Michael" is no candidate of "pop star Michael Buble"; "Michael" alone is).
pub(super) fn each_candidate(
    content: &str,
    words: &[Word],
    mut each: impl FnMut(Key, usize, usize),
    cancelled: &dyn Fn() -> bool,
) -> Option<()> {
    for i in 0..words.len() {
        if i % CHECK_WORDS == CHECK_WORDS - 1 && cancelled() {
            return None;
        }
        if words[i].term == NO_TERM {
            continue;
        }
        let starts_in_name = words[i].capitalized
            && i > 0
            && words[i - 1].capitalized
            && next_in_phrase(content, words, i - 1) == Some(i);
        let mut key: Key = 0;
        let mut j = i;
        for n in 1..=MAX_WORDS {
            key = key << 32 | Key::from(words[j].term.wrapping_add(1));
            let next = next_in_phrase(content, words, j);
            let ends_in_name = words[j].capitalized && next.is_some_and(|k| words[k].capitalized);
            let edges_fit = words[i].not_edge & NOT_FIRST == 0 && words[j].not_edge & NOT_LAST == 0;
            if n == 1 || !(starts_in_name || ends_in_name) && edges_fit {
                each(key, i, j);
            }
            match next {
                Some(k) => j = k,
                None => break,
            }
        }
    }
    Some(())
}

/// Counts every candidate of `words`; `None` once `cancelled` says so.
pub(super) fn count(
    content: &str,
    words: Vec<Word>,
    cancelled: &dyn Fn() -> bool,
) -> Option<Candidates> {
    let mut counts: HashMap<Key, Candidate, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(
            (words.len() / 2).min(MAX_CANDIDATES),
            Default::default(),
        );
    each_candidate(
        content,
        &words,
        |key, i, _| {
            if counts.len() < MAX_CANDIDATES {
                counts
                    .entry(key)
                    .or_insert(Candidate {
                        count: 0,
                        first_sentence: words[i].sentence,
                    })
                    .count += 1;
            } else if let Some(c) = counts.get_mut(&key) {
                c.count += 1;
            }
        },
        cancelled,
    )?;
    Some(Candidates { words, counts })
}

/// Calls `each` with the key and byte range of every occurrence of every candidate of `words`
/// (in reading order); stops with `None` once `cancelled` says so.
pub(super) fn each_occurrence(
    content: &str,
    words: &[Word],
    mut each: impl FnMut(Key, Range<usize>),
    cancelled: &dyn Fn() -> bool,
) -> Option<()> {
    each_candidate(
        content,
        words,
        |key, i, j| each(key, words[i].start as usize..words[j].end as usize),
        cancelled,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_pack_and_unpack_terms() {
        let key: Key = [7u32, 0, 3]
            .iter()
            .fold(0, |k, &t| k << 32 | Key::from(t + 1));
        assert_eq!(terms_of(key).collect::<Vec<_>>(), vec![7, 0, 3]);
        assert_eq!(len_of(key), 3);
        assert_eq!(terms_of(Key::from(1u32)).collect::<Vec<_>>(), vec![0]);
    }
}
