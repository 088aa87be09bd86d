//! Sentence segmentation for English-first news text (std only).
//!
//! # Approach
//!
//! [`sentences`] works on the bytes of the input in a few linear passes:
//!
//! 1. **Layout pre-pass** (`detect_hard_wrap`, skipped when there is no newline): decides once
//!    per document whether it is hard-wrapped, from the lines that are followed by another
//!    non-blank line: at least four of them, most of similar length between 40 and 100
//!    characters, many not ending in terminal punctuation, enough of them followed by a line
//!    starting in lowercase, and lengths consistent with greedy wrapping (the next line's first
//!    word would not have fitted). In a hard-wrapped document a single newline is just a space
//!    and only blank lines separate paragraphs, except before bullets/numbered items and after
//!    short unpunctuated lines (headings); otherwise every line is its own paragraph (news text
//!    puts headlines, captions and bullets on lines of their own), except that a line going on
//!    in lowercase after a trailing space or after four or more words ending on a lowercase word
//!    continues the sentence (`This is a sentence\ncut off in the middle.`).
//! 2. **Boundary scan**: a table-driven loop jumps from one *interesting* byte to the next
//!    (`.`, `!`, `?`, newlines and the lead bytes of the few multi-byte characters that matter:
//!    `…`, `。`, `！`, `？`, `•`, U+2028/U+2029, ...). At a terminal character the whole run of
//!    terminal punctuation and closing quotes/brackets (`."`, `?’`, `.)`, `...`, `. . .`) is
//!    consumed at once and a boundary is decided from a constant amount of context: the token
//!    before the run (at most 64 bytes back, never before the start of the current sentence) and
//!    the first one to three words after it (each at most a few dozen bytes). Abbreviations,
//!    sentence starters and similar word lists are sorted static slices searched with binary
//!    search on a lowercase copy kept in a small stack buffer, so the scan never allocates.
//!
//! Each accepted boundary is a cut position; the text between two cuts is trimmed of (Unicode)
//! whitespace and, if anything remains, becomes a [`Span`]. Because every byte lies between two
//! cuts and only whitespace is trimmed, no non-whitespace character is ever dropped.
//!
//! Small amounts of per-sentence state are kept lazily (position of the first non-whitespace and
//! first "content" character since the last cut) so that questions like "is this token the first
//! one of the sentence?" cost amortised constant time: the whole algorithm is linear in the size
//! of the input.
//!
//! # Files
//!
//! `scan.rs` holds the byte-level helpers and the layout pre-pass; `context.rs` the state of the
//! walk and the handling of line breaks, parentheses and bullets; `run.rs` a run of terminal
//! punctuation; `decide.rs` the tokens on either side of it and the decisions; `tokens.rs` the
//! word tests the decisions use; `languages/` each language's word lists, English included.
//! The cases are data (`cases/*.txt`, format in `cases/README.md`), run by `tests.rs`.
//!
//! # Rules
//!
//! Each rule has a stable name, written as a comment where the code applies it and named by
//! every case that exercises it (`segment/cases/*.txt`); a test checks that the three agree.
//!
//! Layout:
//! * `R_BLANK_LINE`: a blank line (or U+2029) ends the sentence and the paragraph.
//! * `R_LINE_BREAK`: in text that is not hard-wrapped, each line is a paragraph of its own.
//! * `R_SOFT_BREAK`: ... unless it goes on in lowercase after a trailing space or mid-clause.
//! * `R_HARD_WRAP`: in hard-wrapped text a line break is a space, but around bullets and headings.
//!
//! The run of terminal punctuation:
//! * `R_RUN`: terminals and the closing quotes/brackets after them end a sentence as a run (`."`).
//! * `R_CJK_STOP`: `。！？` (and fullwidth terminals) end a sentence without a space after them.
//! * `R_MISTYPED_QUOTE`: a `“` glued to the stop and followed by a space closes the sentence.
//! * `R_CITATION`: reference marks after the stop (`end.[1]`, `end. [2]`) belong to that sentence.
//! * `R_DETACHED_QUOTE`: a closing quote detached by a space (`end. " Next`) ends the sentence.
//! * `R_BANG_ELLIPSIS`: a detached ellipsis after `!`/`?` trails it (`Stop! ... nobody`).
//! * `R_BRACKETED_STOP`: `(...)`, `[…]`, `(?)`, `(!)` are never a boundary.
//! * `R_FULL_STOP_ELLIPSIS`: `word. . . . Next` is a full stop, then an ellipsis opening the next.
//! * `R_CONTENT`: a sentence never consists of punctuation only.
//! * `R_PARENTHETICAL`: an end inside a parenthesis opened mid-sentence ends only the remark.
//!
//! A period (the class of the token before it, then the token after it):
//! * `R_NO_SPACE`: `word.Next` splits only between plain words (not domains, files or addresses).
//! * `R_TOKENIZED_PERIOD`: an abbreviation before a detached period counts (`Mr . Smith`).
//! * `R_LIST_MARKER`: a list marker (`1.`, `a.`, `iv.`) opening a sentence never ends it.
//! * `R_INLINE_LIST`: inline lists (`1. Foo 2. Bar`, `a) Foo b) Bar`) split before each next item.
//! * `R_INLINE_BULLET`: a `•` between spaces starts a sentence.
//! * `R_CLOSER_EVIDENCE`: a closer after an abbreviation (not a title) makes it an ordinary word.
//! * `R_PUNCT_AFTER`: no boundary before `,` `;` `:` `)` or a dash and a lowercase word.
//! * `R_LOWERCASE`: no boundary before a lowercase word, but `iPhone`-like words and markers.
//! * `R_BRACKETED_MARKER`: a bracketed list marker before a capital starts one (`(vii) And`).
//! * `R_ORDINARY`: after a plain word or a number, a period splits before anything else.
//! * `R_ACRONYM`: an all-caps token (`SEC.`) is a word, not an abbreviation, but company suffixes.
//! * `R_TITLE`: a title (`Mr.`, `Gov.`) never ends a sentence.
//! * `R_NEVER`: never-final abbreviations (`e.g.`, `vs.`, `a.k.a.`) never end one either.
//! * `R_WEAK`: a weak abbreviation (`U.S.`, `Calif.`, `Jan.`) splits before a sentence starter.
//! * `R_STARTER`: a sentence starter is a listed capitalised word, or a stop word of the language.
//! * `R_COMPANY`: a company suffix (`Inc.`) also splits before a capitalised word, then lowercase.
//! * `R_POST`: times, eras, degrees (`p.m.`, `Ph.D.`) also split before a title, unless fronted.
//! * `R_INITIAL`: an initial (`W.`) splits only before a sentence starter.
//! * `R_NUMBER_PREFIX`: `No.`, `p.`, `Vol.` continue before a number or a roman numeral.
//! * `R_MEASURE`: `in.` between numbers is the inch (`5 ft. 3 in. 2 lb.`).
//! * `R_BRACKETED_NUMBER`: a number closing a bracket opened before the period (`(Phil. 4:8)`).
//! * `R_TIME_AFTER_TIME`: a clock time after `a.m.`/`p.m.` starts a sentence (`7 p.m. 7 a.m. is`).
//! * `R_ORDINAL`: a number and a period before a month or the like is an ordinal (`am 3. Mai`).
//!
//! An ellipsis, `!` and `?`:
//! * `R_ELLIPSIS`: an ellipsis splits only before a sentence starter or a quote and a capital.
//! * `R_ELLIPSIS_PAUSE`: ... not before a bare `I` (`I thought... I would go.`).
//! * `R_BANG`: `!` and `?` split, but before a lowercase word or continuing punctuation.
//! * `R_BANG_NAME`: names with `!` (`Yahoo!`, `Jeopardy!`) are like weak abbreviations.
//! * `R_SPEECH_ATTRIBUTION`: no split between a quoted question and its speaker (`"Why?" he said`).

/// One sentence of the input: a byte range into the text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset one past the last byte of the sentence.
    pub end: usize,
    /// Zero-based paragraph index the sentence belongs to.
    pub paragraph: u32,
    /// True for the first sentence of its paragraph.
    pub first_in_paragraph: bool,
}

mod context;
mod decide;
mod languages;
mod run;
mod scan;
#[cfg(test)]
mod tests;
mod tokens;

use crate::text::language::Language;
use crate::text::swar;
use crate::text::wordset::WordSet;
use context::*;
use languages::english::*;
use languages::{Class, Company, Never, NumPrefix, Ordinary, Post, Rules, Title, Weak};
use scan::*;
use tokens::*;

/// Splits `text` (English, or any language without rules of its own) into sentences, in order.
pub fn sentences(text: &str) -> Vec<Span> {
    sentences_in(text, Language::English)
}

/// Splits `text` into sentences, in order. German, French, Spanish, Italian, Portuguese and Dutch
/// add their own abbreviations and ordinal rules to the English ones, and their stop words as
/// sentence starters; every other language uses the English rules.
pub fn sentences_in(text: &str, language: Language) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 96 + 1);
    out.extend(sentences_until(text, language, &|| false));
    out
}

/// The sentences of `text`, as [`sentences_in`] finds them, one at a time: a caller that keeps
/// less than a [`Span`] per sentence need not hold them all. The scan asks `cancelled` every
/// [`CHECK_STEPS`] steps (a step is one candidate boundary: punctuation, a line break, a
/// non-ASCII character) and ends early once it says so; [`Sentences::cancelled`] tells.
pub fn sentences_until<'a, 'c>(
    text: &'a str,
    language: Language,
    cancelled: &'c dyn Fn() -> bool,
) -> Sentences<'a, 'c> {
    Sentences {
        seg: Segmenter::new(text, languages::own_rules(language)),
        pos: 0,
        taken: 0,
        steps: 0,
        done: false,
        cancelled,
        was_cancelled: false,
    }
}

/// How many scan steps [`Sentences`] takes between two checks of its cancellation callback: a
/// few hundred microseconds of work at most.
pub const CHECK_STEPS: u32 = 4096;

/// The iterator of [`sentences_until`].
pub struct Sentences<'a, 'c> {
    seg: Segmenter<'a>,
    /// Where the scan goes on.
    pos: usize,
    /// The spans found but not yet handed out are `seg.out[taken..]`.
    taken: usize,
    steps: u32,
    done: bool,
    cancelled: &'c dyn Fn() -> bool,
    was_cancelled: bool,
}

impl Sentences<'_, '_> {
    /// True when the scan ended because the cancellation callback said so.
    pub fn cancelled(&self) -> bool {
        self.was_cancelled
    }

    /// Takes one step of the scan: to the next candidate boundary, or to the end.
    fn step(&mut self) {
        self.steps = self.steps.wrapping_add(1);
        if self.steps.is_multiple_of(CHECK_STEPS) && (self.cancelled)() {
            self.was_cancelled = true;
            self.done = true;
            return;
        }
        let n = self.seg.b.len();
        let next = if self.pos < n {
            next_interesting(self.seg.b, self.pos)
        } else {
            None
        };
        match next {
            Some(i) => self.pos = self.seg.on_interesting(i),
            None => {
                self.seg.cut(n, false);
                self.done = true;
            }
        }
    }
}

impl Iterator for Sentences<'_, '_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        loop {
            if let Some(&span) = self.seg.out.get(self.taken) {
                self.taken += 1;
                return Some(span);
            }
            if self.done {
                return None;
            }
            self.seg.out.clear();
            self.taken = 0;
            self.step();
        }
    }
}
