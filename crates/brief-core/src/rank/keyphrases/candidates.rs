//! Keyphrase candidates: the article's words in order (stop words left out), and every run of up
//! to [`MAX_WORDS`] content words that crosses no sentence end, punctuation, stop word or weak
//! word, counted.
//!
//! Words of a run are joined by spaces or a hyphen only ("Kim Jong-Un"). Chinese and Japanese
//! bigrams join when one starts where the other ends (经济 + 增长), never across a bigram that
//! straddles two words (济增, see `straddles`).
//!
//! Single words are counted in a table by term; runs of two words in a map; runs of three and
//! four only where each pair of adjacent words in them recurs (a run met once is no keyphrase,
//! see `merge`), so that the map holds about one entry per pair of adjacent content words.

use std::collections::HashMap;
use std::ops::Range;

use crate::text::language::Language;
use crate::text::token::{TermId, Tokenizer, Vocabulary, is_gram};

use super::{MANY_TERMS, NO_TERM, Token};

/// The most words of a keyphrase.
pub const MAX_WORDS: usize = 4;

/// How many distinct runs of several words an article may have: past this, only the runs
/// already seen are counted (a text of hundreds of thousands of words has its phrases early
/// enough), so that memory stays bounded on any input.
pub(super) const MAX_CANDIDATES: usize = 1 << 18;

/// How many words are taken between two checks of the cancellation callback.
const CHECK_WORDS: usize = 1 << 12;

/// One word of the article, in reading order: a content word, a weak word or a Chinese or
/// Japanese gram (stop words, numbers and the like are left out: they only part phrases, and the
/// gap between the words around them says so).
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
    /// Its first letter is a capital (and says so of a name: see `forget_capitals`).
    pub(super) capitalized: bool,
    /// What it may be in a name ([`NAME_END`], [`SHOUTED`], [`LOWER`]; see `name_at`).
    pub(super) in_name: u8,
    /// What edge of a phrase of several words it may not be ([`NOT_FIRST`], [`NOT_LAST`]).
    pub(super) not_edge: u8,
    /// How many words on the word that follows it in a phrase is (0: none; see
    /// [`next_in_phrase`]), found once by [`link`].
    pub(super) next: u8,
    /// A bigram that the next word, a bigram of the same sentence, overlaps by one character:
    /// the two write a word of three characters (习近 + 近平 = 习近平), found by [`link`].
    pub(super) overlap: bool,
}

/// A word after which a name stops: a possessive ("Alabama's Edmund Pettus Bridge").
pub(super) const NAME_END: u8 = 1;
/// A word in capitals ("LOS ANGELES"), which a name in title case does not run into.
pub(super) const SHOUTED: u8 = 2;
/// A word of four letters or more in small letters ("actress", "joined"): a phrase that runs
/// from it into a name ("actress Luisana Lopilato", "joined Northern Ireland") is no candidate,
/// the name is. Shorter words may be a name's particle ("de la Garza", "bin Laden"), and a
/// phrase may end in capitals ("mitochondrial DNA"), be one hyphenated word ("anti-Semitism")
/// or run from a possessive ("women's World Cup"). English only: English writes a title before a
/// name with a capital ("President Obama"), French and Spanish do not ("le président Macron"),
/// and German writes every noun with one ("neue Steuer").
pub(super) const LOWER: u8 = 4;

/// Whether `word` ends in a possessive `'s` (or `’s`).
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// What a capitalized word `word` may be in a name ([`NAME_END`], [`SHOUTED`]).
pub(super) fn name_role(word: &str) -> u8 {
    let possessive = is_possessive(word);
    let shouted = word.len() >= 2
        && word.bytes().all(|b| !b.is_ascii_lowercase())
        && word.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
    (u8::from(possessive) * NAME_END) | (u8::from(shouted) * SHOUTED)
}

/// A word that may not start a phrase of several words.
pub(super) const NOT_FIRST: u8 = 1;
/// A word that may not end a phrase of several words.
pub(super) const NOT_LAST: u8 = 2;

/// Which edges of a phrase an English word may not be: a lowercase adverb in -ly is at neither
/// ("romantically"), a lowercase past form in -ed does not end one ("index gained", "deals
/// totaled"), as a keyphrase is a noun phrase.
pub(super) fn english_edges(word: &str) -> u8 {
    if word.len() < 5
        || !(word.ends_with("ly") || word.ends_with("ed"))
        || !word.bytes().all(|b| b.is_ascii_lowercase())
    {
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

/// The key of the phrase `key` followed by the word of term `t`.
pub(super) fn extend(key: Key, t: TermId) -> Key {
    key << 32 | Key::from(t.wrapping_add(1))
}

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
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Candidate {
    /// Its occurrences (for a run of several words, those that cut no name: see
    /// [`each_candidate`]).
    pub(super) count: u32,
    /// The sentence of its first occurrence.
    pub(super) first_sentence: u32,
    /// It is a name: capitalized words, whole (see `name_at`).
    pub(super) name: bool,
}

/// A run of several words as counted: as a candidate, and every occurrence (to decide which
/// longer runs to count).
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    candidate: Candidate,
    all: u32,
}

/// The article's words and its candidates.
#[derive(Debug, Default)]
pub(super) struct Candidates {
    pub(super) words: Vec<Word>,
    /// Each term's count and first sentence, by id.
    singles: Vec<Candidate>,
    /// Runs of several words.
    runs: HashMap<Key, Run, foldhash::fast::RandomState>,
}

impl Candidates {
    /// The candidate of `key`, if it was counted.
    pub(super) fn get(&self, key: Key) -> Option<&Candidate> {
        if len_of(key) == 1 {
            return self.singles.get(terms_of(key).next()? as usize);
        }
        self.runs.get(&key).map(|r| &r.candidate)
    }

    /// How many candidates were met, at most (the single words' table has a slot for every
    /// term).
    pub(super) fn len(&self) -> usize {
        self.singles.len() + self.runs.len()
    }

    /// Every candidate met, with its key.
    pub(super) fn iter(&self) -> impl Iterator<Item = (Key, &Candidate)> {
        let singles = (self.singles.iter().enumerate())
            .filter(|(_, c)| c.count > 0)
            .map(|(t, c)| (Key::from(t as u32 + 1), c));
        singles.chain(self.runs.iter().map(|(&k, r)| (k, &r.candidate)))
    }
}

/// The words of the analysis's `tokens` as candidates see them: terms marked in `excluded`
/// (weak words, straddling bigrams; indexed by term, shorter than the vocabulary when the rest
/// are not) are no content; a word of several bigrams is split again. `None` once `cancelled`
/// says so.
pub(super) fn read(
    content: &str,
    tokens: &[Token],
    vocab: &Vocabulary<'_>,
    language: Language,
    excluded: &[bool],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Word>> {
    let english = language == Language::English;
    let grams = vocab.has_grams();
    let is_excluded = |t: TermId| excluded.get(t as usize).copied().unwrap_or(false);
    let mut tokenizer = Tokenizer::for_language(language);
    let mut words = Vec::with_capacity(tokens.len());
    let mut sentence = Sentence::default();
    for (n, t) in tokens.iter().enumerate() {
        if n % CHECK_WORDS == CHECK_WORDS - 1 && cancelled() {
            return None;
        }
        if t.sentence != sentence.index {
            sentence.end(&mut words);
            sentence = Sentence {
                index: t.sentence,
                start: words.len(),
                ..Sentence::default()
            };
        }
        if t.term == NO_TERM {
            // A stop word, number or the like is no content, and left out: the words around it
            // do not join (the gap between them holds it), and it is its sentence's first.
            sentence.first_left_out |= words.len() == sentence.start;
            continue;
        }
        let text = content.get(t.start as usize..t.end as usize)?;
        if t.term == MANY_TERMS || (grams && part_of_word(vocab, t.term, text)) {
            let base = t.start as usize;
            tokenizer.interned_until(
                text,
                vocab,
                |w| {
                    let term = w.term.filter(|&t| !is_excluded(t)).unwrap_or(NO_TERM);
                    sentence.count(term, w.capitalized);
                    words.push(Word {
                        start: (base + w.start) as u32,
                        end: (base + w.end) as u32,
                        term,
                        sentence: t.sentence,
                        gram: w.gram,
                        capitalized: w.capitalized,
                        in_name: 0,
                        not_edge: 0,
                        next: 0,
                        overlap: false,
                    })
                },
                cancelled,
            )?;
            continue;
        }
        let term = if is_excluded(t.term) { NO_TERM } else { t.term };
        let capitalized = match text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text.chars().next().is_some_and(char::is_uppercase),
        };
        sentence.count(term, capitalized);
        words.push(Word {
            start: t.start,
            end: t.end,
            term,
            sentence: t.sentence,
            gram: false,
            capitalized,
            in_name: if capitalized {
                name_role(text)
            } else if english
                && text.len() >= 4
                && text.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && !is_possessive(text)
            {
                LOWER
            } else {
                0
            },
            not_edge: if english && term != NO_TERM {
                english_edges(text)
            } else {
                0
            },
            next: 0,
            overlap: false,
        });
    }
    sentence.end(&mut words);
    link(content, &mut words);
    Some(words)
}

/// Whether `text`, a word of the single term `term`, is more than that term: a Chinese or
/// Japanese word whose other bigrams are no terms ("的丑闻" holds only 丑闻), which is split again
/// so that the phrase is the term's own characters.
fn part_of_word(vocab: &Vocabulary<'_>, term: TermId, text: &str) -> bool {
    if term == NO_TERM {
        return false;
    }
    let surface = vocab.surface(term);
    text.len() > surface.len() && is_gram(surface)
}

/// The sentence [`read`] is in: where its words start, and how many of its content words there
/// are and are capitalized (for [`forget_capitals`]).
#[derive(Debug, Default)]
struct Sentence {
    index: u32,
    start: usize,
    content: usize,
    capitals: usize,
    /// Its first word is a stop word, number or the like, left out of the words.
    first_left_out: bool,
}

impl Sentence {
    /// Counts one word of term `term`.
    fn count(&mut self, term: TermId, capitalized: bool) {
        if term != NO_TERM {
            self.content += 1;
            self.capitals += usize::from(capitalized);
        }
    }

    /// Clears the capitals of the sentence's words that say nothing of names (see
    /// [`forget_capitals`]).
    fn end(&self, words: &mut [Word]) {
        if let Some(sentence) = words.get_mut(self.start..) {
            forget_capitals(sentence, self.content, self.capitals, !self.first_left_out);
        }
    }
}

/// Sets each word's [`Word::next`] and [`Word::overlap`], and clears [`LOWER`] where a hyphen
/// joins it to the next.
fn link(content: &str, words: &mut [Word]) {
    for j in 0..words.len() {
        if words[j].term == NO_TERM {
            continue;
        }
        if let Some((k, hyphen)) = joined(content, words, j) {
            words[j].next = (k - j) as u8;
            // A hyphen makes one word of the two ("anti-Semitism").
            if hyphen {
                words[j].in_name &= !LOWER;
            }
        }
        let a = words[j];
        if a.gram
            && let Some(b) = words.get(j + 1)
        {
            words[j].overlap = b.gram
                && b.term != NO_TERM
                && b.sentence == a.sentence
                && a.start < b.start
                && b.start < a.end;
        }
    }
}

/// The key of the word of three characters that bigram `words[i]` and the next write, if they
/// do (see [`Word::overlap`]). It is the key two bigrams written apart would have (习近近平);
/// a text holding both forms counts them as one candidate.
fn overlapping(words: &[Word], i: usize) -> Option<Key> {
    if !words[i].overlap {
        return None;
    }
    Some(extend(extend(0, words[i].term), words.get(i + 1)?.term))
}

/// The word that follows word `j` in a phrase, if any (see [`Word::next`]).
pub(super) fn next_in_phrase(words: &[Word], j: usize) -> Option<usize> {
    match words[j].next {
        0 => None,
        n => Some(j + usize::from(n)),
    }
}

/// Clears the capitals of a sentence's words that say nothing of names: its first word's (when
/// `first` is its first word), and every word's in a headline written in title case (most of
/// its `content` words capitalized, `capitals` of them).
fn forget_capitals(sentence: &mut [Word], content: usize, capitals: usize, first: bool) {
    if content >= 3 && 3 * capitals >= 2 * content {
        sentence.iter_mut().for_each(|w| w.capitalized = false);
    } else if let Some(w) = sentence.first_mut().filter(|_| first) {
        w.capitalized = false;
    }
}

/// The word that follows word `j` in a phrase, if any: the next word of the same sentence
/// joined to it by spaces or a hyphen only, or for a bigram the bigram that starts where it
/// ends; and whether a hyphen joins them.
fn joined(content: &str, words: &[Word], j: usize) -> Option<(usize, bool)> {
    let a = words[j];
    if a.gram {
        let k = (j + 1..words.len().min(j + 3)).find(|&k| {
            let b = words[k];
            b.gram && b.start == a.end && b.term != NO_TERM && b.sentence == a.sentence
        })?;
        return Some((k, false));
    }
    let b = words.get(j + 1)?;
    if b.term == NO_TERM || b.gram || b.sentence != a.sentence {
        return None;
    }
    // Words start and end on character boundaries, so the gap is text.
    let gap = content.get(a.end as usize..b.start as usize)?;
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    match gap.as_bytes() {
        [b' '] => Some((j + 1, false)),
        [b'-'] => Some((j + 1, true)),
        _ => (!gap.is_empty()
            && gap.len() <= 4
            && gap.chars().all(|c| c == ' ' || c == '\u{a0}' || hyphen(c)))
        .then(|| (j + 1, gap.contains(hyphen))),
    }
}

/// Whether the run of words `i..=j` (`next` the word after `j` in a phrase) may be a phrase of
/// several words: it neither starts nor ends between two capitalized words that join ("pop
/// star Michael" is no candidate of "pop star Michael Buble"; "Michael" alone is), it does not
/// run from a word in small letters into a name ([`LOWER`]), and its edges fit ([`NOT_FIRST`],
/// [`NOT_LAST`]).
fn may_be_phrase(words: &[Word], (i, j): (usize, usize), next: Option<usize>) -> bool {
    let starts_in_name = words[i].capitalized
        && i > 0
        && words[i - 1].capitalized
        && next_in_phrase(words, i - 1) == Some(i);
    let ends_in_name = words[j].capitalized && next.is_some_and(|k| words[k].capitalized);
    let into_name =
        words[i].in_name & LOWER != 0 && words[j].capitalized && words[j].in_name & SHOUTED == 0;
    !starts_in_name
        && !ends_in_name
        && !into_name
        && words[i].not_edge & NOT_FIRST == 0
        && words[j].not_edge & NOT_LAST == 0
}

/// Counts every candidate of `words` (of a vocabulary of `terms` terms); `None` once `cancelled`
/// says so.
pub(super) fn count(
    words: Vec<Word>,
    terms: usize,
    cancelled: &dyn Fn() -> bool,
) -> Option<Candidates> {
    let mut singles = vec![Candidate::default(); terms];
    // About one run of two words per three words of news text.
    let mut runs: HashMap<Key, Run, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(
            (words.len() / 3).min(MAX_CANDIDATES),
            Default::default(),
        );
    // Single words and runs of two.
    for i in 0..words.len() {
        if i % CHECK_WORDS == CHECK_WORDS - 1 && cancelled() {
            return None;
        }
        let w = words[i];
        if w.term == NO_TERM {
            continue;
        }
        if let Some(c) = singles.get_mut(w.term as usize) {
            if c.count == 0 {
                c.first_sentence = w.sentence;
            }
            c.count += 1;
        }
        if let Some(j) = next_in_phrase(&words, i) {
            let key = extend(extend(0, w.term), words[j].term);
            let next = next_in_phrase(&words, j);
            let phrase = may_be_phrase(&words, (i, j), next);
            add_run(&mut runs, key, w.sentence, phrase);
        }
        if let Some(key) = overlapping(&words, i) {
            add_run(&mut runs, key, w.sentence, true);
        }
    }
    // Runs of three and four, where each pair of adjacent words recurs.
    let recurs = |runs: &HashMap<Key, Run, _>, a: TermId, b: TermId| {
        runs.get(&extend(extend(0, a), b))
            .is_some_and(|r| r.all >= 2)
    };
    for i in 0..words.len() {
        if i % CHECK_WORDS == CHECK_WORDS - 1 && cancelled() {
            return None;
        }
        if words[i].term == NO_TERM {
            continue;
        }
        let Some(mut j) = next_in_phrase(&words, i) else {
            continue;
        };
        let mut key = extend(extend(0, words[i].term), words[j].term);
        let mut reached = 2;
        for _ in 2..MAX_WORDS {
            let Some(k) = next_in_phrase(&words, j) else {
                break;
            };
            if !recurs(&runs, words[i].term, words[j].term)
                || !recurs(&runs, words[j].term, words[k].term)
            {
                break;
            }
            key = extend(key, words[k].term);
            let next = next_in_phrase(&words, k);
            let phrase = may_be_phrase(&words, (i, k), next);
            add_run(&mut runs, key, words[i].sentence, phrase);
            reached += 1;
            j = k;
        }
        // A name is counted whole even where it is met once ("Kim Jong Un"); a name the runs
        // above reached is counted already.
        if let Some((name, len)) = name_at(&words, i) {
            let run = if len > reached {
                add_run(&mut runs, name, words[i].sentence, true)
            } else {
                runs.get_mut(&name)
            };
            if let Some(run) = run {
                run.candidate.name = true;
            }
        }
    }
    Some(Candidates {
        words,
        singles,
        runs,
    })
}

/// The key and length of the name that starts at word `i`, if one does: a run of two to
/// [`MAX_WORDS`] capitalized words joined in a phrase, with no capitalized word joined to it on
/// either side; it stops after a possessive and where words in capitals start or end.
fn name_at(words: &[Word], i: usize) -> Option<(Key, usize)> {
    if !words[i].capitalized || (i > 0 && continues_name(words, i - 1) == Some(i)) {
        return None;
    }
    let (mut key, mut len, mut j) = (extend(0, words[i].term), 1, i);
    while let Some(k) = continues_name(words, j) {
        if len == MAX_WORDS {
            return None;
        }
        key = extend(key, words[k].term);
        len += 1;
        j = k;
    }
    (len >= 2).then_some((key, len))
}

/// The word that continues the name word `j` is in, if any: the capitalized word that follows it
/// in a phrase, unless `j` is a possessive or one of the two is in capitals and the other not.
fn continues_name(words: &[Word], j: usize) -> Option<usize> {
    let k = next_in_phrase(words, j)?;
    let (a, b) = (words[j], words[k]);
    (a.capitalized
        && b.capitalized
        && a.in_name & NAME_END == 0
        && a.in_name & SHOUTED == b.in_name & SHOUTED)
        .then_some(k)
}

/// Counts one occurrence of run `key` (as a candidate when it may be a `phrase`), and returns
/// its count (none when the map is full and the run new to it).
fn add_run(
    runs: &mut HashMap<Key, Run, foldhash::fast::RandomState>,
    key: Key,
    sentence: u32,
    phrase: bool,
) -> Option<&mut Run> {
    let run = if runs.len() < MAX_CANDIDATES {
        runs.entry(key).or_insert(Run {
            candidate: Candidate {
                count: 0,
                first_sentence: sentence,
                name: false,
            },
            all: 0,
        })
    } else {
        runs.get_mut(&key)?
    };
    run.all += 1;
    run.candidate.count += u32::from(phrase);
    Some(run)
}

/// Calls `each` with the index and byte range of every occurrence of the phrases of `keys`
/// (counted as [`count`] does), in reading order; `starts` says which terms start one of them.
/// Stops with `None` once `cancelled` says so.
pub(super) fn each_occurrence(
    words: &[Word],
    keys: &HashMap<Key, usize, foldhash::fast::RandomState>,
    starts: &[bool],
    mut each: impl FnMut(usize, Range<usize>),
    cancelled: &dyn Fn() -> bool,
) -> Option<()> {
    for i in 0..words.len() {
        if i % CHECK_WORDS == CHECK_WORDS - 1 && cancelled() {
            return None;
        }
        let t = words[i].term;
        if t == NO_TERM || !starts.get(t as usize).copied().unwrap_or(false) {
            continue;
        }
        if let Some(&at) = overlapping(words, i).and_then(|key| keys.get(&key)) {
            each(at, words[i].start as usize..words[i + 1].end as usize);
        }
        let mut key = extend(0, t);
        let mut j = i;
        let mut next = next_in_phrase(words, j);
        for n in 1..=MAX_WORDS {
            if let Some(&at) = keys.get(&key)
                && (n == 1 || may_be_phrase(words, (i, j), next))
            {
                each(at, words[i].start as usize..words[j].end as usize);
            }
            let Some(k) = next else { break };
            key = extend(key, words[k].term);
            j = k;
            next = next_in_phrase(words, j);
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_pack_and_unpack_terms() {
        let key: Key = [7u32, 0, 3].iter().fold(0, |k, &t| extend(k, t));
        assert_eq!(terms_of(key).collect::<Vec<_>>(), vec![7, 0, 3]);
        assert_eq!(len_of(key), 3);
        assert_eq!(terms_of(extend(0, 0)).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn english_edges_keep_adverbs_and_past_forms_off() {
        assert_eq!(english_edges("romantically"), NOT_FIRST | NOT_LAST);
        assert_eq!(english_edges("gained"), NOT_LAST);
        assert_eq!(english_edges("agreed"), 0);
        assert_eq!(english_edges("Ted"), 0);
        assert_eq!(english_edges("Reed"), 0);
    }
}
