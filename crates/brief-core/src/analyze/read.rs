//! Reading an article: segmenting it into sentences and tokenizing each into its terms, as
//! records (the first stage of the pipeline, before scoring).

use std::ops::Range;

use super::*;

impl<'a> Analysis<'a> {
    /// Segments and tokenizes the content into records, terms and the vocabulary.
    pub(super) fn read(
        &mut self,
        tokenizer: &mut Tokenizer,
        article: &Article<'a>,
        headline: Option<Range<usize>>,
        cancelled: Cancelled<'_>,
    ) -> Result<(), Error> {
        let content = self.content;
        // One sentence's terms: most sentences have fewer than 64.
        let mut scratch = Vec::with_capacity(64);
        // Its words, when every sentence is kept (Extract, whose keyphrases need word order).
        let mut seen_words = Vec::new();
        let record = self.keep == Keep::All;
        if record {
            // About one word per 6 bytes of news text.
            self.tokens.reserve_exact(content.len() / 6 + 1);
        }
        let mut spans = segment::sentences_until(content, article.language, cancelled);
        for (index, span) in spans.by_ref().enumerate() {
            if index % CHECK_EVERY == CHECK_EVERY - 1 {
                check(cancelled)?;
            }
            let text = &content[span.start..span.end];
            let is_headline = match &headline {
                Some(r) => span.end <= r.end,
                // A caller's title repeated as the first line is the headline too.
                None => {
                    index == 0
                        && self.title_source == TitleSource::Given
                        && headline::same_title(text, self.title)
                }
            } || is_other_headline(text, self.title, article.headlines);
            let structure = article
                .blocks
                .is_some_and(|b| !may_enter(b.kind_of(span.start..span.end), text));
            scratch.clear();
            seen_words.clear();
            let (exclusion, seen) = self.sentence_terms(
                tokenizer,
                text,
                (is_headline, structure),
                (&mut scratch, &mut |w| {
                    if record {
                        seen_words.push(w);
                    }
                }),
                cancelled,
            )?;
            if record && !matches!(exclusion, Some(Exclusion::Boilerplate)) {
                push_tokens(&mut self.tokens, index, span.start, &seen_words, &scratch);
            }
            let exclusion = exclusion.or((seen.count == 0).then_some(Exclusion::NoWords));
            let first_term = self.terms.len();
            if exclusion.is_none() || self.keep == Keep::All {
                scratch.sort_unstable();
                run_lengths(&scratch, &mut self.terms, &mut self.term_counts);
                let dangling = article.language == Language::English && is_dangling(seen.first);
                push_small(
                    &mut self.records,
                    Record {
                        index: u32::try_from(index).unwrap_or(u32::MAX),
                        // The content's length fits in 32 bits (checked).
                        start: u32::try_from(span.start).unwrap_or(u32::MAX),
                        end: u32::try_from(span.end).unwrap_or(u32::MAX),
                        words_flags: words_flags(
                            seen.count,
                            exclusion,
                            span.first_in_paragraph,
                            dangling,
                        ),
                        terms: u32::try_from(first_term).unwrap_or(u32::MAX),
                    },
                );
            }
        }
        if spans.cancelled() {
            return Err(Error::Cancelled);
        }
        self.exclude_fragments(article.blocks.is_some());
        // Capacity sized for news text may be far more than another text needs ("!\n" repeated
        // has no term); growth leaves at most a quarter unused.
        shrink_if_half_empty(&mut self.records);
        shrink_if_half_empty(&mut self.terms);
        shrink_if_half_empty(&mut self.term_counts);
        shrink_if_half_empty(&mut self.tokens);
        Ok(())
    }

    /// Excludes the fragments (see [`Exclusion::Fragment`]) when the article has at least
    /// [`MIN_REAL_SENTENCES`] eligible sentences that are not. Their terms stay in the article's
    /// vocabulary: they are still words of the article. In a page's text (`page`), a line of
    /// its own without sentence-final punctuation is a fragment at any length.
    fn exclude_fragments(&mut self, page: bool) {
        let content = self.content;
        let is_fragment = |r: &Record| {
            let (start, end) = (r.start as usize, r.end as usize);
            !content.get(start..end).is_some_and(ends_a_sentence)
                && (r.words() < FRAGMENT_WORDS || page && is_line(content, start, end))
        };
        let real = self
            .records
            .iter()
            .filter(|r| r.exclusion().is_none() && !is_fragment(r))
            .take(MIN_REAL_SENTENCES)
            .count();
        if real < MIN_REAL_SENTENCES {
            return;
        }
        for r in &mut self.records {
            if r.exclusion().is_none() && is_fragment(r) {
                r.exclude(Exclusion::Fragment);
            }
        }
    }

    /// Tokenizes one sentence into `scratch` (each content term occurrence), unless it is
    /// boilerplate or outside the page's prose (`structure`); returns its exclusion so far and
    /// what was seen of its words.
    fn sentence_terms(
        &mut self,
        tokenizer: &mut Tokenizer,
        text: &'a str,
        (is_headline, structure): (bool, bool),
        (scratch, each_word): (&mut Vec<TermId>, &mut dyn FnMut(WordSeen)),
        cancelled: Cancelled<'_>,
    ) -> Result<(Option<Exclusion>, SentenceWords<'a>), Error> {
        let vocab = &mut self.vocab;
        if is_headline {
            // A headline is tokenized (its words count for the title) but never boilerplate.
            let seen = tokenizer
                .sentence_terms_until(text, vocab, scratch, each_word, cancelled)
                .ok_or(Error::Cancelled)?;
            return Ok((Some(Exclusion::Headline), seen));
        }
        if structure {
            // Not prose: its words are no keywords either (a byline's names, a code line's).
            return Ok((Some(Exclusion::Structure), untokenized(text)));
        }
        // Boilerplate terms ("rights reserved") must not become keywords.
        let tokenized = boilerplate::terms_unless_boilerplate(
            tokenizer, text, vocab, scratch, each_word, cancelled,
        )
        .ok_or(Error::Cancelled)?;
        Ok(match tokenized {
            Tokenized::Boilerplate => (Some(Exclusion::Boilerplate), untokenized(text)),
            Tokenized::Text(seen) => (None, seen),
        })
    }
}

/// Appends the words of sentence `index` (at byte `base`), as the tokenizer saw them, to
/// `tokens` with their terms from `terms` (the sentence's term occurrences, in order): a word
/// with several terms (Chinese or Japanese) is marked [`keyphrases::MANY_TERMS`], to be split
/// again by the keyphrases; a word of none (a stop word, a number) only when it is the
/// sentence's first.
fn push_tokens(
    tokens: &mut Vec<Token>,
    index: usize,
    base: usize,
    words: &[WordSeen],
    terms: &[TermId],
) {
    let sentence = u32::try_from(index).unwrap_or(u32::MAX);
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).map_or(terms.len(), |n| n.terms_before);
        let term = match next.saturating_sub(w.terms_before) {
            // A word of no term matters to the keyphrases only as its sentence's first.
            0 if i > 0 => continue,
            0 => keyphrases::NO_TERM,
            1 => terms
                .get(w.terms_before)
                .copied()
                .unwrap_or(keyphrases::NO_TERM),
            _ => keyphrases::MANY_TERMS,
        };
        // The content's length fits in 32 bits (checked).
        push_small(
            tokens,
            Token {
                start: (base + w.start) as u32,
                end: (base + w.start + w.len) as u32,
                term,
                sentence,
            },
        );
    }
}

/// Whether `content[start..end]` is a line of its own: nothing but spaces between it and the
/// line breaks (or the text's ends) around it.
fn is_line(content: &str, start: usize, end: usize) -> bool {
    let before = content
        .get(..start)
        .unwrap_or_default()
        .trim_end_matches(' ');
    let after = content
        .get(end..)
        .unwrap_or_default()
        .trim_start_matches(' ');
    (before.is_empty() || before.ends_with('\n')) && (after.is_empty() || after.starts_with('\n'))
}

/// What is kept of the words of a sentence left untokenized: their count.
fn untokenized(text: &str) -> SentenceWords<'_> {
    SentenceWords {
        count: words(text).count(),
        first: "",
    }
}

/// The full stops, question and exclamation marks that end a sentence, Latin and CJK (an
/// ellipsis may end one too, but is not trimmed off a headline).
const SENTENCE_END: [char; 6] = ['.', '!', '?', '。', '！', '？'];

/// Whether `text` ends in a sentence's final punctuation (`. ! ? …` or their CJK forms),
/// perhaps followed by closing quotes or brackets.
pub(super) fn ends_a_sentence(text: &str) -> bool {
    let text = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）']);
    text.ends_with(SENTENCE_END) || text.ends_with('…')
}

/// Whether a sentence lying (mostly) in `block` may enter a brief: prose may; a heading, list
/// item or table cell only when it is a full sentence (many pages lay their articles out in
/// tables); captions, code and bylines never.
pub(super) fn may_enter(block: Block, text: &str) -> bool {
    match block {
        Block::Plain | Block::Paragraph | Block::Quote => true,
        Block::Heading(_) | Block::ListItem | Block::TableCell => {
            ends_a_sentence(text) && words(text).nth(FULL_SENTENCE_WORDS - 1).is_some()
        }
        Block::Caption | Block::Code | Block::Byline | Block::Embed => false,
    }
}

/// Whether `text` is the title or one of the page's other headlines, up to case and spacing.
fn is_other_headline(text: &str, title: &str, headlines: &[String]) -> bool {
    // Plain text has no other headlines (the first line is handled apart): no cost for it.
    if headlines.is_empty() {
        return false;
    }
    let text = text.trim_end_matches(SENTENCE_END);
    let same = |h: &str| {
        let h = h.trim_end_matches(SENTENCE_END);
        // Only a text of about the headline's length can be it.
        text.len() <= 2 * h.len() + 8
            && h.len() <= 2 * text.len() + 8
            && headline::same_title(text, h)
    };
    same(title) || headlines.iter().any(|h| same(h))
}

/// Appends `x`, growing a full vector by a quarter rather than doubling it: the vectors that
/// grow with the number of sentences or terms are most of an analysis's memory.
pub(super) fn push_small<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        v.reserve_exact(v.capacity() / 4 + 16);
    }
    v.push(x);
}

/// Frees a vector's unused capacity when it is more than its length.
pub(super) fn shrink_if_half_empty<T>(v: &mut Vec<T>) {
    if v.capacity() / 2 > v.len() {
        v.shrink_to_fit();
    }
}

/// Collapses sorted term ids into the distinct ids and how often each occurs, appended to `terms`
/// and `counts`.
pub(super) fn run_lengths(sorted: &[TermId], terms: &mut Vec<TermId>, counts: &mut Vec<u32>) {
    let start = terms.len();
    for &t in sorted {
        match counts.last_mut() {
            Some(c) if terms.len() > start && terms[terms.len() - 1] == t => *c += 1,
            _ => {
                push_small(terms, t);
                push_small(counts, 1);
            }
        }
    }
}
