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
//! # Decision rules (summary)
//!
//! * `。！？` (and a few other non-Latin terminals) always end a sentence, no space needed.
//! * `.` followed by whitespace: depends on the class of the previous token (ordinary word,
//!   number, initial, title such as `Mr.`, weak abbreviation such as `U.S.`/`Calif.`/`Jan.`,
//!   company suffix such as `Inc.`, never-final such as `e.g.`/`vs.`, number prefix such as
//!   `No.`/`etc.`) and on the next token (lowercase, digit, capitalised common sentence starter,
//!   opening quote followed by a capital, ...).
//! * `.` not followed by whitespace splits only for `word.Next` where the left side is a plain
//!   lowercase word (not a domain, file name, URL, abbreviation or initial).
//! * `!`/`?` split unless followed by a lowercase word, a digit after a name like `Yahoo!`, or a
//!   quoted question/exclamation followed by an attribution (`"Why?" Smith asked`).
//! * Ellipses split only before a capitalised sentence starter (not a bare `I`: `I thought... I
//!   would go.`) or an opening quote followed by a capital, and never when bracketed (`[...]`,
//!   `(...)`).
//! * A number after a period continues the sentence after `in.` of a measure (`3 in. 2 lb.`) and
//!   inside a bracket (`[page. 42]`, `(Phil. 4:8)`); a bracketed list marker before a capital
//!   starts a new sentence (`here. (vii) And`); a clock time after `p.m.` starts a new one (`7 p.m. 7 a.m.
//!   is`); a roman numeral after a number prefix continues it (`Vol. II`).
//! * A sentence end inside a parenthesis opened mid-sentence (at most 64 bytes back) ends only
//!   the parenthetical remark (`Nested (Parenthesis. (With words!) More.) Next`); a
//!   parenthesis that opens the sentence may hold several sentences.
//! * A sentence never consists of punctuation only; list markers (`1.`, `a.`, `iv.`) at the start
//!   of a sentence never end it, and inline numbered lists (`1. Foo 2. Bar`, `i) Foo ii) Bar`)
//!   are split before each next number, letter or roman numeral.

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

#[cfg(test)]
mod cases;
mod context;
mod decide;
mod english;
mod languages;
mod scan;
#[cfg(test)]
mod tests;
mod tokens;

use crate::text::language::Language;
use crate::text::packed;
use crate::text::swar;
use context::*;
use english::*;
use languages::Rules;
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
        seg: Segmenter::new(text, languages::rules(language)),
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
