//! Keyphrases: the phrases an article is about ("North Korea", "Kim Jong-Un", "liaison
//! building"), ranked, with every occurrence.
//!
//! A keyphrase is a run of one to [`MAX_WORDS`] content words that crosses no sentence end, no
//! punctuation and no stop word or weak word ([`candidates`], RAKE's and YAKE's rule); each
//! candidate is scored by what brief knows of its words and by its own recurrence and position
//! ([`score`]), and the list is chosen so that a phrase inside a listed one is listed only on
//! evidence of its own ([`merge`]). Inflections and possessives share their words' terms, so
//! "North Korea" and "North Korea's" are one keyphrase.
//!
//! Only Extract lists keyphrases: its analysis keeps the article's words in order with their
//! terms ([`Token`], as the tokenizer saw them), which a brief's does not, so Summarize pays
//! nothing for them.

mod candidates;
mod cjk;
mod merge;
mod score;
mod weak;

use std::collections::HashMap;
use std::ops::Range;

pub use candidates::MAX_WORDS;

use crate::text::language::Language;
use crate::text::token::{TermId, Vocabulary};

/// One word of an article as the analysis keeps it for the keyphrases: every word with a term,
/// and a word without one (a stop word, a number) only where it opens its sentence (the gap
/// between the words around any other says that they do not join).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Its byte range in the content.
    pub start: u32,
    /// The end of its byte range.
    pub end: u32,
    /// Its term; [`NO_TERM`] for a word that is none (a stop word, a number), [`MANY_TERMS`]
    /// for a word of several (Chinese or Japanese bigrams, split again when needed).
    pub term: TermId,
    /// The index of its sentence among the article's sentences.
    pub sentence: u32,
}

/// The term of a [`Token`] that is no term.
pub const NO_TERM: TermId = TermId::MAX;

/// The term of a [`Token`] that has several.
pub const MANY_TERMS: TermId = TermId::MAX - 1;

/// One keyphrase of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyphrase<'a> {
    /// The phrase as it is written most often in the article (the first such form on a tie),
    /// without a possessive `'s`.
    pub text: &'a str,
    /// Its weight in (0, 1]; the heaviest keyphrase has 1.
    pub weight: f64,
    /// Its number of occurrences, inflections and possessives counted.
    pub count: u32,
    /// The byte range of each occurrence in the content, in reading order (a possessive `'s`
    /// left out); each slices to the phrase or one of its variants.
    pub occurrences: Vec<Range<usize>>,
}

/// What the keyphrases are taken from: the analysis of one article.
#[derive(Debug, Clone, Copy)]
pub struct Source<'s, 'a> {
    /// The article's text.
    pub content: &'a str,
    /// Its vocabulary, every sentence already tokenized into it.
    pub vocab: &'s Vocabulary<'a>,
    /// The language it was tokenized in.
    pub language: Language,
    /// The terms of its title, sorted.
    pub title: &'s [TermId],
}

/// The `max` best keyphrases of the words `tokens` (in reading order), best first; `None` once
/// `cancelled` says so. Time and memory are linear in the text (the candidates counted are
/// capped).
pub fn top_until<'a>(
    source: &Source<'_, 'a>,
    tokens: &[Token],
    max: usize,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Keyphrase<'a>>> {
    if max == 0 {
        return Some(Vec::new());
    }
    let vocab = source.vocab;
    // Terms no keyphrase holds: straddling bigrams, weak words, lone ideographs and Chinese
    // bigrams met once that are no known word, by id.
    let mut excluded = crate::rank::keywords::straddles(vocab, cancelled)?;
    excluded.resize(vocab.len(), false);
    let not_words = match source.language {
        Language::Chinese | Language::Japanese => {
            cjk::not_words(vocab, source.language, cancelled)?
        }
        _ => Vec::new(),
    };
    for t in weak::weak_terms(vocab, source.language)
        .into_iter()
        .chain(not_words)
    {
        if let Some(x) = excluded.get_mut(t as usize) {
            *x = true;
        }
    }
    let words = candidates::read(
        source.content,
        tokens,
        vocab,
        source.language,
        &excluded,
        cancelled,
    )?;
    let candidates = candidates::count(words, vocab.len(), cancelled)?;
    if cancelled() {
        return None;
    }
    let scorer = score::Scorer::new(vocab, source.title);
    let chosen = merge::choose(&candidates, &scorer, max, cancelled)?;
    occurrences(source.content, &candidates, &chosen, cancelled)
}

/// The chosen keyphrases with their surface forms and occurrences.
fn occurrences<'a>(
    content: &'a str,
    candidates: &candidates::Candidates,
    chosen: &[merge::Chosen],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Keyphrase<'a>>> {
    let keys: HashMap<candidates::Key, usize, foldhash::fast::RandomState> =
        chosen.iter().enumerate().map(|(i, c)| (c.key, i)).collect();
    let mut starts = Vec::new();
    for c in chosen {
        if let Some(t) = candidates::terms_of(c.key).next() {
            let t = t as usize;
            if starts.len() <= t {
                starts.resize(t + 1, false);
            }
            starts[t] = true;
        }
    }
    let mut found: Vec<Vec<Range<usize>>> = vec![Vec::new(); chosen.len()];
    candidates::each_occurrence(
        &candidates.words,
        &keys,
        &starts,
        |i, range| found[i].push(without_possessive(content, range)),
        cancelled,
    )?;
    let heaviest = chosen
        .first()
        .map_or(1.0, |c| c.score)
        .max(f64::MIN_POSITIVE);
    Some(
        chosen
            .iter()
            .zip(found)
            .filter(|(_, occurrences)| !occurrences.is_empty())
            .map(|(c, occurrences)| Keyphrase {
                text: most_frequent_form(content, &occurrences),
                weight: (c.score / heaviest).clamp(f64::MIN_POSITIVE, 1.0),
                count: u32::try_from(occurrences.len()).unwrap_or(u32::MAX),
                occurrences,
            })
            .collect(),
    )
}

/// `range` without a possessive `'s` (or `’s`) at its end.
fn without_possessive(content: &str, range: Range<usize>) -> Range<usize> {
    let text = content.get(range.clone()).unwrap_or_default();
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = text.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return range.start..range.start + stem.len();
        }
    }
    range
}

/// The text most of `occurrences` slice to; on a tie the one with the fewest capitals (a
/// headline's title case is not how the phrase is written), then the first.
fn most_frequent_form<'a>(content: &'a str, occurrences: &[Range<usize>]) -> &'a str {
    // (form, first occurrence), grouped by form: a phrase has a few occurrences, so sorting
    // them is cheaper than a map.
    let mut forms: Vec<(&str, usize)> = (occurrences.iter().enumerate())
        .map(|(i, r)| (content.get(r.clone()).unwrap_or_default(), i))
        .collect();
    forms.sort_unstable();
    let capitals = |form: &str| form.chars().filter(|c| c.is_uppercase()).count();
    forms
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| (group[0].0, (group.len(), group[0].1)))
        .max_by(|a, b| {
            (a.1.0.cmp(&b.1.0))
                .then(capitals(b.0).cmp(&capitals(a.0)))
                .then(b.1.1.cmp(&a.1.1))
        })
        .map_or("", |(form, _)| form)
}

#[cfg(test)]
mod tests;
