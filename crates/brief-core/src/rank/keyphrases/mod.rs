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
//! Only Extract lists keyphrases: [`top_until`] reads the article's words again (looked up in the
//! analysis's vocabulary, without stemming), so Summarize pays nothing for them.

mod candidates;
mod merge;
mod score;
mod weak;

use std::collections::HashMap;
use std::ops::Range;

pub use candidates::MAX_WORDS;

use crate::text::language::Language;
use crate::text::token::{TermId, Tokenizer, Vocabulary};

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

/// The `max` best keyphrases of the sentences (each its index among the article's sentences and
/// its byte range in the content, in reading order), best first; `None` once `cancelled` says
/// so. Time and memory are linear in the text (the candidates counted are capped).
pub fn top_until<'a>(
    source: &Source<'_, 'a>,
    sentences: impl Iterator<Item = (u32, Range<usize>)>,
    max: usize,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Keyphrase<'a>>> {
    if max == 0 {
        return Some(Vec::new());
    }
    let vocab = source.vocab;
    let weak = weak::weak_terms(vocab, source.language);
    let straddling = crate::rank::keywords::straddles(vocab, cancelled)?;
    let excluded = |t: TermId| {
        weak.binary_search(&t).is_ok() || straddling.get(t as usize).copied().unwrap_or(false)
    };
    let mut tokenizer = Tokenizer::for_language(source.language);
    let words = candidates::read(
        source.content,
        sentences,
        &mut tokenizer,
        vocab,
        source.language,
        &excluded,
        cancelled,
    )?;
    let candidates = candidates::count(source.content, words, cancelled)?;
    if cancelled() {
        return None;
    }
    let scorer = score::Scorer::new(vocab, source.title);
    let chosen = merge::choose(&candidates, &scorer, max);
    occurrences(source.content, &candidates, &chosen, cancelled)
}

/// The chosen keyphrases with their surface forms and occurrences.
fn occurrences<'a>(
    content: &'a str,
    candidates: &candidates::Candidates,
    chosen: &[merge::Chosen],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Keyphrase<'a>>> {
    let index: HashMap<candidates::Key, usize> =
        chosen.iter().enumerate().map(|(i, c)| (c.key, i)).collect();
    let mut found: Vec<Vec<Range<usize>>> = vec![Vec::new(); chosen.len()];
    candidates::each_occurrence(
        content,
        &candidates.words,
        |key, range| {
            if let Some(&i) = index.get(&key) {
                found[i].push(without_possessive(content, range));
            }
        },
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
    let mut forms: HashMap<&str, (u32, usize)> = HashMap::new();
    for (i, r) in occurrences.iter().enumerate() {
        let form = content.get(r.clone()).unwrap_or_default();
        forms.entry(form).or_insert((0, i)).0 += 1;
    }
    let capitals = |form: &str| form.chars().filter(|c| c.is_uppercase()).count();
    forms
        .into_iter()
        .max_by(|a, b| {
            (a.1.0.cmp(&b.1.0))
                .then(capitals(b.0).cmp(&capitals(a.0)))
                .then(b.1.1.cmp(&a.1.1))
        })
        .map_or("", |(form, _)| form)
}

#[cfg(test)]
mod tests;
