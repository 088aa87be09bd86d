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

mod languages;

use crate::text::lang::Language;
use crate::text::packed;
use crate::text::swar;
use languages::Rules;

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

// ---------------------------------------------------------------------------------------------
// Byte-level helpers
// ---------------------------------------------------------------------------------------------

/// Bytes the main loop must stop at: terminal punctuation, line breaks and the lead bytes of
/// the multi-byte characters handled specially. Continuation bytes are never interesting.
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b')' as usize] = true; // list markers `1)`, `a)`
    t[0xD8] = true; // ؟ Arabic question mark
    t[0xDB] = true; // ۔ Urdu full stop
    t[0xE0] = true; // । ॥ Devanagari danda
    t[0xE2] = true; // … ‼ ⁉ • U+2028 U+2029
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？ ． ｡
    t
};

/// The first [`INTERESTING`] byte at or after `from`.
///
/// The main loop's scan, and a fifth of the segmenter's work when done a byte at a time: eight
/// bytes are tested at once (see [`swar`]) for a superset of the set, cheap to compute: the bytes
/// below 0x40 but space (all the ASCII bytes of the set are) and those from 0xD8 up (all its lead
/// bytes are). Each candidate is then looked up in the table; most bytes of text are letters or
/// spaces, and the other candidates (digits, commas, quotes) cost a lookup each.
fn next_interesting(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let mut candidates =
            (swar::below_0x40(x) & !swar::equal(x, b' ')) | swar::at_least_high(x, 0xD8);
        // Every flag is exact, so the candidates of the chunk are taken in turn.
        while candidates != 0 {
            let k = i + (candidates.trailing_zeros() / 8) as usize;
            if INTERESTING[usize::from(b[k])] {
                return Some(k);
            }
            candidates &= candidates - 1;
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(|&c| INTERESTING[usize::from(c)])
        .map(|k| i + k)
}

/// A [`TOKEN_BYTE`] class: an abbreviation key starts after this byte (`non-U.S.`, `(CNN)U.S.`).
const KEY_BREAK: u8 = 1;
/// A [`TOKEN_BYTE`] class: the lead byte of an em or en dash, after which a key also starts.
const DASH_LEAD: u8 = 2;
/// A [`TOKEN_BYTE`] class: a byte that makes a token look like a URL, path or address.
const URLISH: u8 = 4;

/// The classes of each byte for the forward pass of `Segmenter::prev_token`.
static TOKEN_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let key_breaks = b"-)]\"/";
    let mut i = 0;
    while i < key_breaks.len() {
        t[key_breaks[i] as usize] |= KEY_BREAK;
        i += 1;
    }
    // `—` is E2 80 94 and `–` E2 80 93.
    t[0xE2] |= DASH_LEAD;
    let urlish = b"/:@._=&?#%\\~";
    let mut i = 0;
    while i < urlish.len() {
        t[urlish[i] as usize] |= URLISH;
        i += 1;
    }
    t
};

/// True if `b[i..]` starts with `pat`.
#[inline]
fn seq(b: &[u8], i: usize, pat: &[u8]) -> bool {
    b.get(i..i.saturating_add(pat.len())) == Some(pat)
}

/// Length in bytes of the whitespace character starting at `i` (as `char::is_whitespace`), or 0.
#[inline]
fn ws_at(b: &[u8], i: usize) -> usize {
    let Some(&c) = b.get(i) else { return 0 };
    match c {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 => match b.get(i + 1) {
            Some(0x85) | Some(0xA0) => 2,
            _ => 0,
        },
        0xE1 => usize::from(seq(b, i, &[0xE1, 0x9A, 0x80])) * 3,
        0xE2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(&d)) if d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF => 3,
            (Some(0x81), Some(0x9F)) => 3,
            _ => 0,
        },
        0xE3 => usize::from(seq(b, i, &[0xE3, 0x80, 0x80])) * 3,
        _ => 0,
    }
}

/// Length in bytes of the whitespace character ending just before `i`, or 0.
#[inline]
fn ws_before(b: &[u8], i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    let c = b[i - 1];
    if c < 0x80 {
        return usize::from(matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C));
    }
    if i >= 2 && b[i - 2] == 0xC2 && (c == 0x85 || c == 0xA0) {
        return 2;
    }
    if i >= 3 && ws_at(b, i - 3) == 3 {
        return 3;
    }
    0
}

/// Skips whitespace from `i`: returns the first non-whitespace position and the number of line
/// breaks skipped (`\r\n` counts once).
#[inline]
fn skip_ws(b: &[u8], mut i: usize) -> (usize, u32) {
    let mut nls = 0u32;
    loop {
        let nl = newline_at(b, i);
        if nl > 0 {
            nls = nls.saturating_add(1);
            i += nl;
            continue;
        }
        let w = ws_at(b, i);
        if w == 0 {
            return (i, nls);
        }
        i += w;
    }
}

/// A dash (`-`, `--`, `–`, `—`) followed by a space and a lowercase word: the sentence goes on
/// (`... Where is the Love? - picked up the prize`).
fn dash_then_lower(b: &[u8], i: usize) -> bool {
    let mut j = i;
    let mut dashes = 0;
    while dashes < 3 {
        if b.get(j) == Some(&b'-') {
            j += 1;
        } else if seq(b, j, "–".as_bytes()) || seq(b, j, "—".as_bytes()) {
            j += 3;
        } else {
            break;
        }
        dashes += 1;
    }
    dashes > 0 && b.get(j) == Some(&b' ') && b.get(j + 1).is_some_and(u8::is_ascii_lowercase)
}

/// Is the line break (`\n`, `\r`, U+2028, U+2029) at `i`? Returns its length.
#[inline]
fn newline_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'\n') => 1,
        Some(b'\r') => {
            if b.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            }
        }
        Some(0xE2) if seq(b, i, &[0xE2, 0x80, 0xA8]) || seq(b, i, &[0xE2, 0x80, 0xA9]) => 3,
        _ => 0,
    }
}

/// Kind of terminal punctuation character.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Term {
    /// `.`
    Dot,
    /// `!`, `?` and non-Latin terminals that need a following space.
    Bang,
    /// `…`
    Ellipsis,
    /// CJK full stops / fullwidth `！？`: a boundary even without a following space.
    Cjk,
}

/// Terminal punctuation character at `i`, with its byte length.
#[inline]
fn term_at(b: &[u8], i: usize) -> Option<(usize, Term)> {
    let c = *b.get(i)?;
    match c {
        b'.' => Some((1, Term::Dot)),
        b'!' | b'?' => Some((1, Term::Bang)),
        0xE2 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0xA6) => Some((3, Term::Ellipsis)),
            (0x80, 0xBC) | (0x81, 0x87..=0x89) => Some((3, Term::Bang)), // ‼ ⁇ ⁈ ⁉
            _ => None,
        },
        0xE3 if seq(b, i, &[0xE3, 0x80, 0x82]) => Some((3, Term::Cjk)), // 。
        0xEF => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0xBC, 0x81) | (0xBC, 0x9F) | (0xBC, 0x8E) | (0xBD, 0xA1) => Some((3, Term::Cjk)),
            _ => None,
        },
        0xE0 if seq(b, i, &[0xE0, 0xA5, 0xA4]) || seq(b, i, &[0xE0, 0xA5, 0xA5]) => {
            Some((3, Term::Bang))
        }
        0xD8 if b.get(i + 1) == Some(&0x9F) => Some((2, Term::Bang)), // ؟
        0xDB if b.get(i + 1) == Some(&0x94) => Some((2, Term::Bang)), // ۔
        _ => None,
    }
}

/// Closing quote or bracket at `i`: `(byte length, is a quote)`.
#[inline]
fn closer_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let c = *b.get(i)?;
    match c {
        b'"' | b'\'' | b'`' => Some((1, true)),
        b')' | b']' | b'}' => Some((1, false)),
        0xC2 if b.get(i + 1) == Some(&0xBB) => Some((2, true)), // »
        0xE2 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0x99) | (0x80, 0x9D) | (0x80, 0xBA) => Some((3, true)), // ’ ” ›
            _ => None,
        },
        0xE3 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0x8D) | (0x80, 0x8F) => Some((3, true)), // 」 』
            (0x80, 0x89) | (0x80, 0x8B) | (0x80, 0x91) => Some((3, false)), // 〉 》 】
            _ => None,
        },
        0xEF => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0xBC, 0x89) | (0xBC, 0xBD) => Some((3, false)), // ） ］
            _ => None,
        },
        _ => None,
    }
}

/// Opening quote or bracket at `i`: `(byte length, is a quote)`.
#[inline]
fn opener_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let c = *b.get(i)?;
    match c {
        b'"' | b'\'' | b'`' => Some((1, true)),
        b'(' | b'[' | b'{' => Some((1, false)),
        0xC2 => match b.get(i + 1)? {
            0xAB => Some((2, true)),         // «
            0xA1 | 0xBF => Some((2, false)), // ¡ ¿
            _ => None,
        },
        0xE2 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0x98) | (0x80, 0x9C) | (0x80, 0xB9) => Some((3, true)), // ‘ “ ‹
            _ => None,
        },
        0xE3 => match (b.get(i + 1)?, b.get(i + 2)?) {
            (0x80, 0x8C) | (0x80, 0x8E) => Some((3, true)), // 「 『
            _ => None,
        },
        0xEF if seq(b, i, &[0xEF, 0xBC, 0x88]) => Some((3, false)), // （
        _ => None,
    }
}

/// `⁃` (U+2043 HYPHEN BULLET), which may be glued to the item (`⁃9. Text`).
const HYPHEN_BULLET: &[u8] = "⁃".as_bytes();

/// Offset added to letter list markers (`a.`, `b)`) in `Prev::item` and `list_next`.
const LETTER_ITEM: u32 = 1 << 20;

/// Offset added to roman list markers of two or more letters (`ii.`, `iv)`, `III.`).
const ROMAN_ITEM: u32 = 1 << 21;

/// Skips a bullet (`• `, `- `, `* `, `⁃`) at `i`: returns where the item text starts, or `i`.
fn after_bullet(b: &[u8], i: usize) -> usize {
    if seq(b, i, HYPHEN_BULLET) {
        return skip_ws(b, i + 3).0;
    }
    match bullet_at(b, i) {
        Some(j) if !b[i].is_ascii_alphanumeric() && b[i] != b'(' => skip_ws(b, j).0,
        _ => i,
    }
}

/// Length of a reference mark `[1]`, `[12]`, `[123]` at `i`, or 0.
#[inline]
fn citation_len(b: &[u8], i: usize) -> usize {
    if b.get(i) != Some(&b'[') {
        return 0;
    }
    let mut j = i + 1;
    while j < b.len() && j - i <= 3 && b[j].is_ascii_digit() {
        j += 1;
    }
    if j > i + 1 && b.get(j) == Some(&b']') {
        j + 1 - i
    } else {
        0
    }
}

/// Does the "sentence so far" contain real content at byte `c`? (Letters, digits, CJK, emoji;
/// not punctuation, quotes, dashes or the general-punctuation block.)
#[inline]
fn is_content_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c >= 0xC3 && c != 0xE2)
}

/// Bullet or list marker at `i` (start of a line): `- `, `* `, `+ `, `• `, `– `, `1. `, `2) `,
/// `a) `, `(a) `, `(1) `, `(iv) `. Returns the position of the item text.
fn bullet_at(b: &[u8], i: usize) -> Option<usize> {
    let space_at = |j: usize| matches!(b.get(j), Some(b' ') | Some(b'\t'));
    let after = |j: usize| (space_at(j)).then_some(j + 1);
    match b.get(i) {
        Some(b'-') | Some(b'*') | Some(b'+') => after(i + 1),
        Some(0xE2) if seq(b, i, &[0xE2, 0x80, 0xA2]) || seq(b, i, &[0xE2, 0x80, 0x93]) => {
            after(i + 3)
        }
        Some(c) if c.is_ascii_digit() => {
            let mut j = i;
            while j < b.len() && j - i < 4 && b[j].is_ascii_digit() {
                j += 1;
            }
            if j - i <= 3 && matches!(b.get(j), Some(b'.') | Some(b')')) {
                after(j + 1)
            } else {
                None
            }
        }
        Some(c) if c.is_ascii_alphabetic() && b.get(i + 1) == Some(&b')') => after(i + 2),
        Some(b'(') => {
            // `(1)`, `(12)`, `(a)`, `(iv)`; not `(SEC)` or `(IMF)`.
            let mut j = i + 1;
            while j < b.len() && j - i <= 5 && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let inner = &b[i + 1..j];
            let ok = match inner.len() {
                1 => true,
                2..=4 => {
                    inner.iter().all(u8::is_ascii_digit) && inner.len() <= 2
                        || inner.iter().all(|c| b"ivx".contains(c))
                        || inner.iter().all(|c| b"IVX".contains(c))
                }
                _ => false,
            };
            if ok && b.get(j) == Some(&b')') {
                after(j + 1)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Does the line `b[start..end]` end with terminal punctuation (possibly followed by closing
/// quotes/brackets and whitespace)?
fn line_ends_terminal(b: &[u8], start: usize, end: usize) -> bool {
    let mut e = end;
    // Trailing whitespace.
    while e > start {
        let w = ws_before(b, e);
        if w == 0 {
            break;
        }
        e -= w;
    }
    // Trailing closers (bounded: at most a few).
    for _ in 0..4 {
        if e == start {
            return false;
        }
        let c = b[e - 1];
        if matches!(c, b'"' | b'\'' | b')' | b']' | b'}') {
            e -= 1;
        } else if e >= start + 3 && (seq(b, e - 3, "”".as_bytes()) || seq(b, e - 3, "’".as_bytes()))
        {
            e -= 3;
        } else if e >= start + 2 && seq(b, e - 2, "»".as_bytes()) {
            e -= 2;
        } else {
            break;
        }
    }
    if e == start {
        return false;
    }
    if matches!(b[e - 1], b'.' | b'!' | b'?') {
        return true;
    }
    // Multi-byte terminal ending at e.
    (e >= start + 3 && term_at(b, e - 3).is_some_and(|(l, _)| l == 3))
        || (e >= start + 2 && term_at(b, e - 2).is_some_and(|(l, _)| l == 2))
}

/// Number of characters in `b[start..end]` (a valid UTF-8 slice).
#[inline]
fn char_count(b: &[u8], start: usize, end: usize) -> usize {
    b[start..end]
        .iter()
        .filter(|&&c| (c & 0xC0) != 0x80)
        .count()
}

/// One non-blank line seen by the layout pre-pass.
#[derive(Clone, Copy)]
struct LineInfo {
    /// Length in characters (capped: anything over 100 characters is "long").
    len: usize,
    /// Ends with terminal punctuation.
    terminal: bool,
    /// Length in characters of its first word (capped at 32).
    first_word: usize,
    /// Starts with a lowercase ASCII letter (a continuation, not a headline or new item).
    starts_lower: bool,
}

/// Calls `f(line, next)` for every non-blank line directly followed by another non-blank line
/// (a *continued* line: not the last line of its paragraph).
fn for_each_continued_line(b: &[u8], mut f: impl FnMut(&LineInfo, &LineInfo)) {
    const MAX_LEN: usize = 100;
    let n = b.len();
    let mut prev: Option<LineInfo> = None;
    let mut pos = 0;
    while pos < n {
        let end = match b[pos..].iter().position(|&c| c == b'\n') {
            Some(k) => pos + k,
            None => n,
        };
        // Trim the line (ASCII whitespace is enough for a layout estimate).
        let mut s = pos;
        let mut e = end;
        while s < e && b[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && b[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        if e == s {
            prev = None;
        } else {
            // A char is 1..=4 bytes: only count characters when the answer matters.
            let bytes = e - s;
            let len = if bytes > 4 * MAX_LEN {
                MAX_LEN + 1
            } else {
                char_count(b, s, e)
            };
            let mut w = s;
            while w < e && w - s < 32 && !b[w].is_ascii_whitespace() {
                w += 1;
            }
            let line = LineInfo {
                len,
                terminal: line_ends_terminal(b, s, e),
                first_word: char_count(b, s, w),
                starts_lower: b[s].is_ascii_lowercase(),
            };
            if let Some(p) = &prev {
                f(p, &line);
            }
            prev = Some(line);
        }
        pos = end + 1;
    }
}

/// Layout pre-pass. Returns `Some(typical line length)` when the text looks hard-wrapped.
///
/// Only *continued* lines (followed by another non-blank line) are looked at, since the last
/// line of a paragraph may have any length. The text is hard-wrapped when there are at least
/// four of them, at least 60% have a similar length between 40 and 100 characters, at least a
/// third do not end with terminal punctuation, at least a quarter are followed by a line that
/// starts in lowercase (a list of headlines never is), and at least 75% of the similar ones are
/// consistent with greedy wrapping (the next line's first word would not have fitted).
fn detect_hard_wrap(b: &[u8]) -> Option<usize> {
    const MIN_LEN: usize = 40;
    const MAX_LEN: usize = 100;
    if !b.contains(&b'\n') {
        return None;
    }
    let mut hist = [0u32; MAX_LEN + 1];
    let mut lines = 0u32;
    let mut nonterm = 0u32;
    let mut next_lower = 0u32;
    for_each_continued_line(b, |line, next| {
        lines += 1;
        if next.starts_lower {
            next_lower += 1;
        }
        if (MIN_LEN..=MAX_LEN).contains(&line.len) {
            hist[line.len] += 1;
        }
        if !line.terminal {
            nonterm += 1;
        }
    });
    if lines < 4 || nonterm * 3 < lines || next_lower * 4 < lines {
        return None;
    }
    let in_range: u32 = hist.iter().sum();
    if in_range * 10 < lines * 6 {
        return None;
    }
    // Median and 90th percentile of the in-range lengths.
    let percentile = |pct: u32| {
        let mut acc = 0;
        for (len, &count) in hist.iter().enumerate() {
            acc += count;
            if acc * 100 >= in_range * pct {
                return len;
            }
        }
        MAX_LEN
    };
    let median = percentile(50);
    let width = percentile(90);
    let tol = (median / 4).max(10);
    let lo = median.saturating_sub(tol).max(MIN_LEN);
    let hi = (median + tol).min(MAX_LEN);
    let similar: u32 = hist[lo..=hi].iter().sum();
    if similar * 10 < lines * 6 {
        return None;
    }
    // Greedy-wrap consistency, over the in-range lines (headings and bullets are handled by
    // the line rules of the main scan).
    let mut greedy = 0u32;
    for_each_continued_line(b, |line, next| {
        if (MIN_LEN..=MAX_LEN).contains(&line.len) && line.len + 1 + next.first_word > width {
            greedy += 1;
        }
    });
    (greedy * 4 >= in_range * 3).then_some(median)
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// Class of the token before a period.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// A plain word (or nothing): a period after it ends the sentence before a capital.
    Ordinary,
    /// All digits.
    Number,
    /// A single capital letter (`George W. Bush`): splits only before a sentence starter.
    Initial,
    /// A title that always attaches to the next word (`Mr.`, `Dr.`, `Sen.`).
    Title,
    /// An abbreviation that may end a sentence (`U.S.`, `Calif.`, `Jan.`, `St.`, `Jr.`): splits
    /// before a sentence starter or an opening quote followed by a capital.
    Weak,
    /// A company suffix (`Inc.`, `Corp.`): like `Weak`, and also splits before a capitalised
    /// word followed by a lowercase word (`Acme Inc. Terms were not disclosed.`).
    Company,
    /// Never ends a sentence (`e.g.`, `i.e.`, `vs.`, `approx.`).
    Never,
    /// Does not end a sentence before a number (`No. 5`, `p. 12`, `etc. 2`), otherwise ordinary.
    NumPrefix,
    /// A dotted abbreviation that follows what it qualifies and often ends a sentence: times and
    /// eras after a number (`5 p.m.`, `79 B.C.`) and degrees (`Ph.D.`). Like `Company`, and also
    /// splits before a title (`at 6 p.m. Mr. Smith left`).
    Post,
}

use Class::{Company, Never, NumPrefix, Ordinary, Post, Title, Weak};

/// Abbreviations without internal periods: `(lowercase key, class when capitalised, class when
/// lowercase)`. Sorted by key (checked by a test).
const ABBREVIATIONS: &[(&str, Class, Class)] = &[
    ("adm", Title, Title),
    ("al", Weak, Weak),
    ("ala", Weak, Ordinary),
    ("alta", Weak, Ordinary),
    ("amb", Title, Title),
    ("approx", Never, Never),
    ("appx", Never, Never),
    ("apr", Weak, Ordinary),
    ("apt", NumPrefix, NumPrefix),
    ("ariz", Weak, Ordinary),
    ("ark", Weak, Ordinary),
    ("art", NumPrefix, NumPrefix),
    ("arts", NumPrefix, NumPrefix),
    ("assn", Company, Company),
    ("atty", Title, Title),
    ("aug", Weak, Ordinary),
    ("ave", Weak, Weak),
    ("bldg", NumPrefix, NumPrefix),
    ("blvd", Weak, Weak),
    ("brig", Title, Title),
    ("bros", Company, Company),
    ("ca", NumPrefix, NumPrefix),
    ("calif", Weak, Ordinary),
    ("capt", Title, Title),
    ("cdr", Title, Title),
    ("cf", Never, Never),
    ("ch", NumPrefix, NumPrefix),
    ("chap", NumPrefix, NumPrefix),
    ("cmdr", Title, Title),
    ("co", Company, Company),
    ("col", Title, Title),
    ("colo", Weak, Ordinary),
    ("conn", Weak, Ordinary),
    ("corp", Company, Company),
    ("cos", Company, Company),
    ("cpl", Title, Title),
    ("dec", Weak, Ordinary),
    ("del", Weak, Ordinary),
    ("dept", Weak, Weak),
    ("det", Title, Ordinary),
    ("dr", Title, Title),
    ("ed", NumPrefix, NumPrefix),
    ("eds", NumPrefix, NumPrefix),
    ("eg", Never, Never),
    ("esp", Never, Never),
    ("esq", Weak, Weak),
    ("est", NumPrefix, NumPrefix),
    ("etc", NumPrefix, NumPrefix),
    ("ext", NumPrefix, NumPrefix),
    ("feb", Weak, Ordinary),
    ("fig", NumPrefix, NumPrefix),
    ("figs", NumPrefix, NumPrefix),
    ("fla", Weak, Ordinary),
    ("fr", Title, Ordinary),
    ("fri", Weak, Ordinary),
    ("ft", Weak, NumPrefix),
    ("ga", Weak, Ordinary),
    ("gen", Title, Ordinary),
    ("gens", Title, Ordinary),
    ("gov", Title, Title),
    ("govt", Weak, Weak),
    ("hon", Title, Ordinary),
    ("hr", NumPrefix, NumPrefix),
    ("hrs", NumPrefix, NumPrefix),
    ("hwy", Weak, Weak),
    ("ie", Never, Never),
    ("ill", Weak, Ordinary),
    ("inc", Company, Company),
    ("incl", Never, Never),
    ("ind", Weak, Ordinary),
    ("insp", Title, Title),
    ("intl", Company, Company),
    ("jan", Weak, Ordinary),
    ("jr", Weak, Weak),
    ("jul", Weak, Ordinary),
    ("jun", Weak, Ordinary),
    ("kan", Weak, Ordinary),
    ("kans", Weak, Ordinary),
    ("ky", Weak, Ordinary),
    ("la", Weak, Ordinary),
    ("lb", NumPrefix, NumPrefix),
    ("lbs", NumPrefix, NumPrefix),
    ("llc", Company, Company),
    ("llp", Company, Company),
    ("lt", Title, Title),
    ("ltd", Company, Company),
    ("maj", Title, Ordinary),
    ("mar", Weak, Ordinary),
    ("mass", Weak, Ordinary),
    ("max", NumPrefix, NumPrefix),
    ("md", Weak, Ordinary),
    ("messrs", Title, Title),
    ("mfg", Company, Company),
    ("mich", Weak, Ordinary),
    ("min", NumPrefix, NumPrefix),
    ("minn", Weak, Ordinary),
    ("mins", NumPrefix, NumPrefix),
    ("miss", Weak, Ordinary),
    ("mlle", Title, Title),
    ("mme", Title, Title),
    ("mo", Weak, NumPrefix),
    ("mont", Weak, Ordinary),
    ("mr", Title, Title),
    ("mrs", Title, Title),
    ("ms", Title, Title),
    ("msgr", Title, Title),
    ("mt", Weak, Weak),
    ("natl", Weak, Weak),
    ("neb", Weak, Ordinary),
    ("nebr", Weak, Ordinary),
    ("nev", Weak, Ordinary),
    ("no", NumPrefix, NumPrefix),
    ("nos", NumPrefix, NumPrefix),
    ("nov", Weak, Ordinary),
    ("nr", NumPrefix, NumPrefix),
    ("num", NumPrefix, NumPrefix),
    ("oct", Weak, Ordinary),
    ("okla", Weak, Ordinary),
    ("ont", Weak, Ordinary),
    ("op", NumPrefix, NumPrefix),
    ("ore", Weak, Ordinary),
    ("oz", NumPrefix, NumPrefix),
    ("pa", Weak, Ordinary),
    ("para", NumPrefix, NumPrefix),
    ("paras", NumPrefix, NumPrefix),
    ("penn", Weak, Ordinary),
    ("pfc", Title, Title),
    ("pg", NumPrefix, NumPrefix),
    ("pkwy", Weak, Weak),
    ("plc", Company, Company),
    ("pp", NumPrefix, NumPrefix),
    ("pres", Title, Ordinary),
    ("prof", Title, Title),
    ("pt", NumPrefix, NumPrefix),
    ("pts", NumPrefix, NumPrefix),
    ("pty", Company, Company),
    ("pvt", Title, Title),
    ("que", Weak, Ordinary),
    ("rd", Weak, Weak),
    ("ref", NumPrefix, NumPrefix),
    ("rep", Title, Ordinary),
    ("reps", Title, Ordinary),
    ("resp", Never, Never),
    ("rev", Title, Ordinary),
    ("rm", NumPrefix, NumPrefix),
    ("rt", Title, Ordinary),
    ("sec", Title, NumPrefix),
    ("secs", NumPrefix, NumPrefix),
    ("sen", Title, Ordinary),
    ("sens", Title, Ordinary),
    ("sep", Weak, Ordinary),
    ("sept", Weak, Ordinary),
    ("sgt", Title, Title),
    ("spc", Title, Title),
    ("sq", NumPrefix, NumPrefix),
    ("sr", Weak, Weak),
    ("st", Weak, Weak),
    ("ste", Weak, NumPrefix),
    ("supt", Title, Title),
    ("tel", NumPrefix, NumPrefix),
    ("tenn", Weak, Ordinary),
    ("tex", Weak, Ordinary),
    ("thu", Weak, Ordinary),
    ("thur", Weak, Ordinary),
    ("thurs", Weak, Ordinary),
    ("tue", Weak, Ordinary),
    ("tues", Weak, Ordinary),
    ("univ", Weak, Weak),
    ("va", Weak, Ordinary),
    ("ver", NumPrefix, NumPrefix),
    ("viz", Never, Never),
    ("vol", NumPrefix, NumPrefix),
    ("vols", NumPrefix, NumPrefix),
    ("vs", Never, Never),
    ("vt", Weak, Ordinary),
    ("wash", Weak, Ordinary),
    ("wed", Weak, Ordinary),
    ("wis", Weak, Ordinary),
    ("wisc", Weak, Ordinary),
    ("wk", NumPrefix, NumPrefix),
    ("wks", NumPrefix, NumPrefix),
    ("wyo", Weak, Ordinary),
    ("yr", NumPrefix, NumPrefix),
    ("yrs", NumPrefix, NumPrefix),
];

/// The keys of [`ABBREVIATIONS`] [packed](packed::packed), in the same (sorted) order: the
/// binary search runs at nearly every period.
static ABBREVIATION_KEYS: [u128; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = packed::packed(ABBREVIATIONS[i].0.as_bytes());
        i += 1;
    }
    keys
};

/// The index of `key` (lowercase) in [`ABBREVIATIONS`].
fn english_abbreviation(key: &[u8]) -> Option<usize> {
    packed::position(&ABBREVIATION_KEYS, key)
}

/// Abbreviations with internal periods that never end a sentence (lowercase, without the final
/// period). Every other `X.Y.` token of one- or two-letter parts is a weak abbreviation.
static NEVER_DOTTED: &[&str] = &["a.k.a", "e.g", "i.e"];

/// Dotted abbreviations of class `Post` (lowercase, without the final period): `(key, only after
/// a number)`.
static POST_DOTTED: &[(&str, bool)] = &[
    ("a.d", true),
    ("a.m", true),
    ("b.c", true),
    ("b.c.e", true),
    ("c.e", true),
    ("ll.b", false),
    ("ll.m", false),
    ("p.m", true),
    ("ph.d", false),
];

/// Names that contain `!` (`Yahoo! Inc.`, `Jeopardy! champion`). Sorted.
static BANG_NAMES: &[&str] = &["jeopardy", "wham", "yahoo", "yum"];

/// Capitalised words that commonly start a sentence (lowercase). Sorted.
static STARTERS: &[&str] = &[
    "a",
    "about",
    "according",
    "additionally",
    "after",
    "afterwards",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "authorities",
    "because",
    "before",
    "besides",
    "both",
    "but",
    "by",
    "can",
    "certainly",
    "clearly",
    "critics",
    "currently",
    "despite",
    "did",
    "do",
    "doctors",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "eventually",
    "every",
    "everyone",
    "everything",
    "experts",
    "few",
    "finally",
    "following",
    "for",
    "fortunately",
    "from",
    "furthermore",
    "given",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "initially",
    "instead",
    "investigators",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "let",
    "like",
    "likewise",
    "many",
    "maybe",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "nevertheless",
    "next",
    "no",
    "nobody",
    "none",
    "nonetheless",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "officials",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "over",
    "overall",
    "people",
    "perhaps",
    "police",
    "previously",
    "prosecutors",
    "rather",
    "recently",
    "researchers",
    "residents",
    "scientists",
    "separately",
    "several",
    "she",
    "should",
    "similarly",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "sometimes",
    "soon",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "together",
    "two",
    "ultimately",
    "unfortunately",
    "unless",
    "unlike",
    "until",
    "upon",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "witnesses",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Capitalised words that often follow a company name or a time mid-sentence (`Acme Inc. Chief executive
/// ...`, `Acme Corp. Tuesday said ...`): never evidence of a new sentence. Sorted.
static COMPANY_FOLLOWERS: &[&str] = &[
    "central",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "director",
    "eastern",
    "executive",
    "founder",
    "friday",
    "general",
    "head",
    "managing",
    "monday",
    "mountain",
    "pacific",
    "president",
    "saturday",
    "secretary",
    "senior",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sunday",
    "thursday",
    "treasurer",
    "tuesday",
    "vice",
    "wednesday",
];

/// Verbs of saying, for `"Why?" Smith asked.` (no boundary after the quoted question). Sorted.
static SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "agreed",
    "announced",
    "answered",
    "argued",
    "asked",
    "asks",
    "called",
    "claimed",
    "continued",
    "cried",
    "declared",
    "demanded",
    "exclaimed",
    "explained",
    "insisted",
    "joked",
    "laughed",
    "noted",
    "pleaded",
    "recalled",
    "replied",
    "responded",
    "said",
    "says",
    "screamed",
    "shouted",
    "sighed",
    "tells",
    "told",
    "tweeted",
    "warned",
    "whispered",
    "wondered",
    "wrote",
    "yelled",
];

/// Words that continue an attribution (`Smith said in a statement`, `Smith asked the jury`).
/// Sorted.
static ATTRIBUTION_CONTINUATIONS: &[&str] = &[
    "a",
    "after",
    "afterwards",
    "again",
    "at",
    "before",
    "during",
    "earlier",
    "from",
    "her",
    "him",
    "his",
    "in",
    "last",
    "later",
    "on",
    "once",
    "recently",
    "the",
    "their",
    "then",
    "to",
    "today",
    "via",
    "when",
    "while",
    "with",
    "yesterday",
];

/// Prepositions that open a fronted adverbial (`At 5 a.m. ...`). Sorted.
static PREPOSITIONS: &[&str] = &[
    "after", "around", "at", "before", "between", "by", "circa", "during", "from", "in", "on",
    "since", "until",
];

/// Domain suffixes that may be written capitalised (`LeanIn.Org`): no boundary before them.
static DOMAIN_WORDS: &[&str] = &["biz", "com", "edu", "gov", "info", "net", "org"];

/// Lowercases an ASCII word into `buf`; `None` if it is empty, too long or not ASCII letters.
#[inline]
fn lower_word<'b>(src: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    if src.is_empty() || src.len() > buf.len() {
        return None;
    }
    for (d, &s) in buf.iter_mut().zip(src) {
        if !s.is_ascii_alphabetic() {
            return None;
        }
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..src.len()])
}

/// Orders two byte strings as `<[u8]>::cmp` does, byte by byte inline: the word lists searched
/// here hold words of a few bytes, which mostly differ at the first byte, and a call to `memcmp`
/// for each step of a binary search cost more than the whole comparison.
#[inline(always)]
fn cmp_short(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Is the (ASCII, any case) word `w` in the sorted lowercase list?
#[inline]
fn in_list(list: &[&str], w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    match lower_word(w, &mut buf) {
        Some(k) => list
            .binary_search_by(|e| cmp_short(e.as_bytes(), k))
            .is_ok(),
        None => false,
    }
}

/// End of the ASCII-letter word starting at `q` (at most `max` letters), or `None`.
#[inline]
fn ascii_word(b: &[u8], q: usize, max: usize) -> Option<usize> {
    let mut e = q;
    while e < b.len() && b[e].is_ascii_alphabetic() {
        e += 1;
        if e - q > max {
            return None;
        }
    }
    (e > q).then_some(e)
}

/// Is the word ending at `e` really a whole word (not followed by a digit, a non-ASCII letter
/// or a period)?
#[inline]
fn word_ends_cleanly(b: &[u8], e: usize) -> bool {
    match b.get(e) {
        None => true,
        Some(&c) if c < 0x80 => c != b'.' && !c.is_ascii_alphanumeric(),
        // ’ (apostrophe), NBSP and other punctuation/space end a word; letters do not.
        Some(&c) => c == 0xE2 || c == 0xC2,
    }
}

/// Start of the next ASCII word after the word ending at `e`, separated by 1–3 ASCII spaces
/// (a line break counts as a space: it is one in hard-wrapped text).
#[inline]
fn following_word(b: &[u8], e: usize) -> Option<usize> {
    let mut j = e;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') && j - e < 3 {
        j += 1;
    }
    (j > e && j < b.len() && b[j].is_ascii_alphabetic()).then_some(j)
}

/// Capitalised or all-caps common sentence starter at `q` (`The`, `He`, `THE`; not `A.`).
fn is_starter(b: &[u8], q: usize) -> bool {
    let Some(e) = ascii_word(b, q, 15) else {
        return false;
    };
    let w = &b[q..e];
    if !w[0].is_ascii_uppercase() || !word_ends_cleanly(b, e) {
        return false;
    }
    let rest = &w[1..];
    let cased_ok =
        rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase);
    cased_ok && in_list(STARTERS, w)
}

/// `[A-Z][a-z]+` word at `q`: returns its end.
#[inline]
fn capword(b: &[u8], q: usize) -> Option<usize> {
    let e = ascii_word(b, q, 20)?;
    let w = &b[q..e];
    (w[0].is_ascii_uppercase() && w[1..].iter().all(u8::is_ascii_lowercase)).then_some(e)
}

/// A title such as `Mr.` or `Dr.` at `q`.
fn title_at(b: &[u8], q: usize) -> bool {
    let Some(e) = capword(b, q) else { return false };
    let mut buf = [0u8; 16];
    b.get(e) == Some(&b'.')
        && lower_word(&b[q..e], &mut buf)
            .and_then(english_abbreviation)
            .is_some_and(|idx| ABBREVIATIONS[idx].1 == Title)
}

/// `Terms were ...`: a capitalised word (not a title or weekday) followed by a lowercase word.
fn capword_then_lower(b: &[u8], q: usize) -> bool {
    let Some(e) = capword(b, q) else { return false };
    if e - q < 2 || in_list(COMPANY_FOLLOWERS, &b[q..e]) {
        return false;
    }
    following_word(b, e).is_some_and(|j| b[j].is_ascii_lowercase())
}

/// Does `tok` stand alone right after the byte at `q`: that byte whitespace, and whitespace or
/// the end of the text after `tok`?
fn detached_at(b: &[u8], q: usize, tok: &[u8]) -> bool {
    b[q].is_ascii_whitespace()
        && b.get(q + 1..q + 1 + tok.len()) == Some(tok)
        && b.get(q + 1 + tok.len()).is_none_or(u8::is_ascii_whitespace)
}

/// Does the detached quote `tok` that ends at `from` close a quotation, judged by the next
/// detached `tok` on the line that can only close one (followed by a lowercase word or
/// punctuation: `boy? ' he said`)? With an odd number of detached `tok` between the two, the
/// one before ours opens the quotation that the later one closes, so ours closes an earlier
/// one (`went through. ' The milkman ... doors. '  Guess ..., boy? ' he said`). Looks at most
/// 400 bytes ahead; only asked for rare detached quotes.
fn closes_by_pairing(b: &[u8], tok: &[u8], from: usize) -> bool {
    let hi = b.len().min(from.saturating_add(400));
    let mut between = 0usize;
    let mut q = from;
    while q + 1 + tok.len() < hi {
        if b[q] == b'\n' {
            return false;
        }
        let t = q + 1;
        if detached_at(b, q, tok) {
            let (after, _) = skip_ws(b, t + tok.len());
            let closer = b
                .get(after)
                .is_some_and(|&c| c.is_ascii_lowercase() || matches!(c, b',' | b';' | b'.' | b')'));
            if closer {
                return between % 2 == 1;
            }
            between += 1;
            q = t + tok.len();
            continue;
        }
        q += 1;
    }
    false
}

/// Is there another `tok` standing alone (whitespace on both sides) after `from`, on the same
/// line and at most 200 bytes ahead? Only asked for rare detached quotes.
fn detached_ahead(b: &[u8], tok: &[u8], from: usize) -> bool {
    let hi = b.len().min(from.saturating_add(200));
    let mut q = from;
    while q + tok.len() < hi {
        if b[q] == b'\n' {
            return false;
        }
        if detached_at(b, q, tok) {
            return true;
        }
        q += 1;
    }
    false
}

/// Does the line `b[start..end]` (no trailing whitespace) end on a whole lowercase ASCII word
/// after at least three other words? Looks back at most 200 bytes.
fn wrapped_fragment(b: &[u8], start: usize, end: usize) -> bool {
    let lo = start.max(end.saturating_sub(200));
    let mut q = end;
    while q > lo && b[q - 1].is_ascii_lowercase() {
        q -= 1;
    }
    if q == end || q == lo || b[q - 1] != b' ' {
        return false;
    }
    let mut spaces = 0;
    while q > lo && spaces < 3 {
        q -= 1;
        if b[q] == b' ' && q > lo && b[q - 1] != b' ' {
            spaces += 1;
        }
    }
    spaces >= 3
}

/// A bracketed lowercase list marker followed by a capitalised word at `q`: `(a) The`,
/// `[z] Last`, `(vii) And`.
fn bracketed_marker_at(b: &[u8], q: usize) -> bool {
    let close = match b.get(q) {
        Some(b'(') => b')',
        Some(b'[') => b']',
        _ => return false,
    };
    let Some(e) = ascii_word(b, q + 1, 4) else {
        return false;
    };
    let w = &b[q + 1..e];
    (w.len() == 1 || roman_value(w).is_some())
        && w[0].is_ascii_lowercase()
        && b.get(e) == Some(&close)
        && b.get(e + 1) == Some(&b' ')
        && b.get(e + 2).is_some_and(u8::is_ascii_uppercase)
}

/// Value of a roman numeral of at most four letters, all lowercase or all uppercase
/// (`ii`, `IV`, `xii`), or `None`.
fn roman_value(w: &[u8]) -> Option<u32> {
    if w.is_empty() || w.len() > 4 {
        return None;
    }
    let upper = w[0].is_ascii_uppercase();
    let mut total = 0u32;
    let mut last = 0u32;
    for &c in w.iter().rev() {
        if c.is_ascii_uppercase() != upper {
            return None;
        }
        let v = match c.to_ascii_lowercase() {
            b'i' => 1,
            b'v' => 5,
            b'x' => 10,
            b'l' => 50,
            _ => return None,
        };
        if v < last {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            last = v;
        }
    }
    Some(total)
}

/// An uppercase roman numeral of two to four letters at `q`, as a whole word (`Vol. II`,
/// `No. IV`).
fn roman_at(b: &[u8], q: usize) -> bool {
    ascii_word(b, q, 4).is_some_and(|e| {
        e - q >= 2
            && b[q].is_ascii_uppercase()
            && roman_value(&b[q..e]).is_some()
            && word_ends_cleanly(b, e)
    })
}

/// A clock time with its meridiem at `q`: `7 a.m.`, `10:30 p.m.`, `7pm`, `11 AM`.
fn time_at(b: &[u8], q: usize) -> bool {
    let mut e = q;
    while e < b.len() && e - q < 2 && b[e].is_ascii_digit() {
        e += 1;
    }
    if e == q {
        return false;
    }
    if b.get(e) == Some(&b':') && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
        e += 2;
        if b.get(e).is_some_and(u8::is_ascii_digit) {
            e += 1;
        }
    }
    if b.get(e) == Some(&b' ') {
        e += 1;
    }
    let (Some(&m), Some(&c2)) = (b.get(e), b.get(e + 1)) else {
        return false;
    };
    if !matches!(m.to_ascii_lowercase(), b'a' | b'p') {
        return false;
    }
    let rest = match c2.to_ascii_lowercase() {
        b'm' => e + 2,
        b'.' if b.get(e + 2).is_some_and(|c| c.eq_ignore_ascii_case(&b'm')) => e + 3,
        _ => return false,
    };
    !b.get(rest).is_some_and(u8::is_ascii_alphanumeric)
}

/// `Smith asked.`, `John Smith said in a statement`, `I asked`: an attribution after a quoted
/// question or exclamation. The name must not be a common sentence starter (`He said ...` after
/// a closing quote starts a sentence), and the verb must be followed by punctuation or a word that
/// typically continues an attribution (`Camus said many people ...` is a new sentence).
fn speech_attribution(b: &[u8], q: usize) -> bool {
    let e1 = if b.get(q) == Some(&b'I') && b.get(q + 1) == Some(&b' ') {
        q + 1
    } else {
        match capword(b, q) {
            Some(e) if !is_starter(b, q) => e,
            _ => return false,
        }
    };
    let Some(w2) = following_word(b, e1) else {
        return false;
    };
    let Some(e2) = ascii_word(b, w2, 15) else {
        return false;
    };
    let verb_end = if b[w2].is_ascii_lowercase() && in_list(SPEECH_VERBS, &b[w2..e2]) {
        e2
    } else if capword(b, w2).is_some() {
        match following_word(b, e2).and_then(|w3| Some((w3, ascii_word(b, w3, 15)?))) {
            Some((w3, e3)) if in_list(SPEECH_VERBS, &b[w3..e3]) => e3,
            _ => return false,
        }
    } else {
        return false;
    };
    match b.get(verb_end) {
        None => true,
        Some(b'.' | b',' | b';' | b':' | b'!' | b'?') => true,
        Some(b' ') => following_word(b, verb_end).is_some_and(|w| {
            ascii_word(b, w, 15).is_some_and(|e| in_list(ATTRIBUTION_CONTINUATIONS, &b[w..e]))
        }),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Context around a candidate boundary
// ---------------------------------------------------------------------------------------------

/// The token before a run of terminal punctuation.
#[derive(Debug)]
struct Prev {
    /// Start of the token (after whitespace).
    start: usize,
    /// End of the token (start of the punctuation run).
    end: usize,
    /// Class for abbreviation handling.
    class: Class,
    /// Small number value when the token is all digits (at most 9 of them).
    number: Option<u32>,
    /// Position in an enumeration when the token can be a list marker: the number for `1`..`999`,
    /// `LETTER_ITEM + n` for the n-th lowercase letter (`a` = 1), `ROMAN_ITEM + n` for a roman
    /// numeral of two or more letters.
    item: Option<u32>,
    /// Looks like a list marker (`1`, `a`, `iv`) and has no opening bracket/hyphen.
    marker: bool,
    /// `Yahoo`, `Jeopardy`, ...
    bang_name: bool,
    /// Contains URL/domain/file-name characters (or is too long to look at).
    urlish: bool,
    /// Ends with a lowercase letter (`sentence.Next`).
    ends_lower: bool,
    /// Ends with a letter or digit (or closer).
    ends_alnum: bool,
    /// Length in bytes of the token without openers.
    core_len: usize,
}

/// Kind of the first character after the gap following a punctuation run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NextKind {
    End,
    Upper,
    Lower,
    Digit,
    /// Punctuation that continues a sentence (`,` `;` `:` `)` ...).
    Punct,
    /// Anything else: symbols, uncased letters (CJK), emoji.
    Other,
}

/// The token after a punctuation run.
#[derive(Debug)]
struct Next {
    kind: NextKind,
    /// Preceded by an opening quote.
    quote: bool,
    /// Position of the first character after the openers.
    word: usize,
}

/// Outcome for one candidate.
enum Decision {
    Split,
    NoSplit,
    /// Cut before the given position (inline numbered list), the marker itself stays.
    CutBefore(usize, u32),
}

/// Segmentation state.
struct Segmenter<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The language's additions to the English rules.
    rules: &'static Rules,
    /// Sentences found and not yet handed out (see [`Sentences`]): one or two at a time.
    out: Vec<Span>,
    /// Whether any sentence was found yet.
    emitted: bool,
    /// Start of the current (not yet emitted) sentence.
    seg_start: usize,
    para: u32,
    pending_para: bool,
    /// Lazy scan of the current sentence: scanned up to here.
    scan_pos: usize,
    first_nonws: Option<usize>,
    first_content: Option<usize>,
    /// Next expected item number in an inline numbered list.
    list_next: Option<u32>,
    /// Straight double quotes counted in the current sentence up to `quote_pos`.
    quote_count: usize,
    quote_pos: usize,
    /// `Some(typical line length)` for hard-wrapped text.
    wrap: Option<usize>,
    /// Start of the current line.
    line_start: usize,
    /// The current line starts with a bullet or list marker (hard-wrapped text only).
    line_bullet: bool,
    /// The gap after the punctuation run being decided contains a line break.
    gap_nl: bool,
}

impl<'a> Segmenter<'a> {
    fn new(text: &'a str, rules: &'static Rules) -> Self {
        let b = text.as_bytes();
        let wrap = detect_hard_wrap(b);
        Segmenter {
            text,
            b,
            rules,
            out: Vec::with_capacity(4),
            emitted: false,
            seg_start: 0,
            para: 0,
            pending_para: false,
            scan_pos: 0,
            first_nonws: None,
            first_content: None,
            list_next: None,
            quote_count: 0,
            quote_pos: 0,
            wrap,
            line_start: 0,
            line_bullet: wrap.is_some() && bullet_at(b, skip_ws(b, 0).0).is_some(),
            gap_nl: false,
        }
    }

    /// Handles the candidate boundary at `i`; returns where to continue.
    fn on_interesting(&mut self, i: usize) -> usize {
        match self.b[i] {
            b'.' | b'!' | b'?' => self.on_run(i),
            b'\n' | b'\r' => self.on_newline(i),
            b')' => self.on_paren(i),
            _ => self.on_multibyte(i),
        }
    }

    // -- sentence bookkeeping ------------------------------------------------------------------

    /// Ends the current sentence at `pos` (exclusive) and starts the next one there.
    fn cut(&mut self, pos: usize, para_break: bool) {
        if pos > self.seg_start {
            self.emit(self.seg_start, pos);
            self.seg_start = pos;
        }
        self.scan_pos = self.seg_start;
        self.first_nonws = None;
        self.first_content = None;
        self.list_next = None;
        self.quote_count = 0;
        self.quote_pos = self.seg_start;
        if para_break {
            self.pending_para = true;
        }
    }

    /// Emits `text[a..z]` trimmed, if anything is left.
    fn emit(&mut self, a: usize, z: usize) {
        let s = &self.text[a..z];
        let t = s.trim_start();
        if t.is_empty() {
            return;
        }
        let start = z - t.len();
        let end = start + t.trim_end().len();
        let first = self.pending_para || !self.emitted;
        if self.pending_para && self.emitted {
            self.para += 1;
        }
        self.pending_para = false;
        self.emitted = true;
        self.out.push(Span {
            start,
            end,
            paragraph: self.para,
            first_in_paragraph: first,
        });
    }

    /// Scans the current sentence up to `upto` for its first non-whitespace and first content
    /// byte (amortised linear: never rescans, stops once both are known).
    fn advance(&mut self, upto: usize) {
        let b = self.b;
        let mut p = self.scan_pos.max(self.seg_start);
        while p < upto && self.first_content.is_none() {
            let w = ws_at(b, p);
            if w > 0 {
                p += w;
                continue;
            }
            if self.first_nonws.is_none() {
                self.first_nonws = Some(p);
            }
            if is_content_byte(b[p]) {
                self.first_content = Some(p);
            }
            p += 1;
        }
        self.scan_pos = self.scan_pos.max(p);
    }

    /// Is there any content (letters, digits, ...) in the current sentence before `pos`?
    fn has_content_before(&mut self, pos: usize) -> bool {
        self.advance(pos);
        self.first_content.is_some_and(|c| c < pos)
    }

    // -- line breaks ---------------------------------------------------------------------------

    /// Handles the line break at `i`; returns where to continue.
    fn on_newline(&mut self, i: usize) -> usize {
        let b = self.b;
        let nl = newline_at(b, i);
        let after = i + nl;
        // Look for a blank line: horizontal whitespace, then another line break.
        let mut k = after;
        let mut blank = false;
        loop {
            let w = ws_at(b, k);
            if w == 0 {
                break;
            }
            if seq(b, k, &[0xE2, 0x80, 0xA9]) {
                blank = true; // paragraph separator
            } else if newline_at(b, k) > 0 {
                blank = true;
            }
            k += w;
        }
        let line_start = self.line_start;
        self.line_start = k;
        if blank {
            self.cut(i, true);
            return k;
        }
        match self.wrap {
            // A trailing space marks a soft line break (as in `format=flowed` mail) when the
            // next line goes on in lowercase: `It was a cold \nnight in the city.`
            // So does a line of four or more words that stops on a lowercase word, mid-clause,
            // before a lowercase line (`This is a sentence\ncut off in the middle.`).
            None if i > line_start
                && b.get(k).is_some_and(u8::is_ascii_lowercase)
                && (b[i - 1] == b' ' || wrapped_fragment(b, line_start, i))
                && !line_ends_terminal(b, line_start, i) => {}
            None => self.cut(i, true),
            Some(width) => {
                let line_bullet = self.line_bullet;
                let next_bullet = bullet_at(b, k);
                self.line_bullet = next_bullet.is_some();
                let ends_term = line_start < i && line_ends_terminal(b, line_start, i);
                let ends_colon =
                    line_start < i && b[line_start..i].trim_ascii_end().ends_with(b":");
                if let Some(item) = next_bullet {
                    // A wrapped line may start with a dash (`... the price offered\n- 300p a
                    // share - is ...`): a bullet must follow a line that ends a sentence or
                    // introduces a list, or a previous bullet or a short line, and not continue
                    // in lowercase.
                    let lower = b.get(item).is_some_and(u8::is_ascii_lowercase);
                    let short = || char_count(b, line_start, i) * 5 < width * 4;
                    if ends_term || ends_colon || line_bullet || (!lower && short()) {
                        self.cut(i, false);
                    }
                } else if line_start < i && !ends_term && char_count(b, line_start, i) * 2 < width {
                    // A short line without final punctuation: heading, caption, sign-off.
                    self.cut(i, false);
                }
            }
        }
        after
    }

    /// Handles `)` at `i`: list markers `1)`, `a)` at the start of a sentence begin an inline
    /// list, and the next marker in sequence (`2)`, `b)`) then starts a new sentence.
    fn on_paren(&mut self, i: usize) -> usize {
        let b = self.b;
        if ws_at(b, i + 1) == 0 {
            return i + 1;
        }
        let mut s = i;
        while s > self.seg_start && i - s < 3 && b[s - 1].is_ascii_digit() {
            s -= 1;
        }
        let item = if s < i {
            b[s..i]
                .iter()
                .fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'))
        } else if i > self.seg_start && b[i - 1].is_ascii_lowercase() {
            // `b)`, or a roman numeral `iv)`.
            while s > self.seg_start && i - s < 5 && b[s - 1].is_ascii_lowercase() {
                s -= 1;
            }
            match i - s {
                1 => LETTER_ITEM + u32::from(b[s] - b'a') + 1,
                _ => match roman_value(&b[s..i]) {
                    Some(v) => ROMAN_ITEM + v,
                    None => return i + 1,
                },
            }
        } else {
            return i + 1;
        };
        if s > self.seg_start && ws_before(b, s) == 0 && !seq(b, s.saturating_sub(3), HYPHEN_BULLET)
        {
            return i + 1;
        }
        self.advance(s + 1);
        let marker_start = match self.first_nonws {
            Some(f) if seq(b, f, HYPHEN_BULLET) && f + 3 == s => f,
            _ => s,
        };
        if self.first_nonws.is_some_and(|f| after_bullet(b, f) == s) {
            self.list_next = Some(item + 1);
        } else if let Some(after) = self.list_continues(item)
            && self.has_content_before(marker_start)
        {
            self.cut(marker_start, false);
            self.list_next = Some(after);
        }
        i + 1
    }

    /// Does list item `item` continue the inline list (`list_next`)? Returns the item expected
    /// after it. Roman and letter numbering overlap: `i.` counts as a letter and may be followed
    /// by `ii.`; `v.` and `x.` come as letters after `iv.` and `ix.`.
    fn list_continues(&self, item: u32) -> Option<u32> {
        let want = self.list_next?;
        if want == item {
            return Some(item + 1);
        }
        if want == LETTER_ITEM + 10 && item == ROMAN_ITEM + 2 {
            return Some(ROMAN_ITEM + 3);
        }
        let letter = item.checked_sub(LETTER_ITEM + 1)?;
        let c = u8::try_from(letter).ok().filter(|&c| c < 26)? + b'a';
        let v = roman_value(&[c])?;
        (want == ROMAN_ITEM + v).then_some(ROMAN_ITEM + v + 1)
    }

    /// Handles an interesting multi-byte lead byte at `i`.
    fn on_multibyte(&mut self, i: usize) -> usize {
        let b = self.b;
        if term_at(b, i).is_some() {
            return self.on_run(i);
        }
        if seq(b, i, &[0xE2, 0x80, 0xA8]) {
            return self.on_newline(i);
        }
        if seq(b, i, &[0xE2, 0x80, 0xA9]) {
            self.cut(i, true);
            self.line_start = i + 3;
            return i + 3;
        }
        if seq(b, i, &[0xE2, 0x80, 0xA2]) {
            // Inline bullet `•` surrounded by whitespace starts a new sentence.
            if (ws_before(b, i) > 0 || i == self.seg_start)
                && ws_at(b, i + 3) > 0
                && self.has_content_before(i)
            {
                self.cut(i, false);
            }
            return i + 3;
        }
        i + 1
    }

    // -- punctuation runs ----------------------------------------------------------------------

    /// Handles the run of terminal punctuation starting at `i`; returns its end.
    fn on_run(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        // `word. . . . Next`: a full stop followed by a spaced ellipsis that opens the next
        // sentence (the ellipsis marks an omission at its start).
        if i > 0 && b[i - 1].is_ascii_alphanumeric() && seq(b, i, b". . . .") {
            let mut e = i + 7;
            while seq(b, e, b" .") {
                e += 2;
            }
            let (k, nls) = skip_ws(b, e);
            if k > e
                && (nls == 0 || self.wrap.is_some())
                && b.get(k).is_some_and(u8::is_ascii_uppercase)
                && self.prev_token(i).class == Ordinary
                && self.has_content_before(i)
            {
                self.cut(i + 1, false);
                return i + 1;
            }
        }
        let mut j = i;
        let mut dots = 0usize;
        let mut bangs = 0usize;
        let mut ellipsis = false;
        let mut cjk = false;
        while j < n {
            if b[j] == b'.' && seq(b, j, b". . .") {
                ellipsis = true;
                j += 5;
                while seq(b, j, b" .") {
                    j += 2;
                }
                continue;
            }
            match term_at(b, j) {
                Some((len, t)) => {
                    match t {
                        Term::Dot => dots += 1,
                        Term::Bang => bangs += 1,
                        Term::Ellipsis => ellipsis = true,
                        Term::Cjk => cjk = true,
                    }
                    j += len;
                }
                None => break,
            }
        }
        let term_end = j;
        let mut closer = false;
        let mut quote_closer = false;
        while let Some((len, q)) = closer_at(b, j) {
            // A straight quote directly followed by a letter opens the next word (`said."The`).
            if len == 1 && q && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
                break;
            }
            closer = true;
            quote_closer |= q;
            j += len;
        }
        // A left double quote glued to the end of a sentence and followed by a space is a
        // mistyped closing quote (`decision.“ However`).
        if j == term_end && seq(b, j, "“".as_bytes()) && ws_at(b, j + 3) > 0 {
            closer = true;
            quote_closer = true;
            j += 3;
        }
        // Reference marks belong to the sentence they follow: `end.[1][2]`, `end. [3] Next`.
        loop {
            let mut c = j;
            while c < n && c - j < 2 && b[c] == b' ' {
                c += 1;
            }
            let len = citation_len(b, c);
            if len == 0 {
                break;
            }
            closer = true;
            j = c + len;
        }
        let mut run_end = j;

        // Whitespace gap after the run.
        let (mut k, mut gap_nls) = skip_ws(b, run_end);
        // A detached closing quote (`end. " Next`, `end. ” Next`) belongs to this sentence when
        // it is curly, or straight and the sentence has an odd number of straight quotes.
        // (A single line break is a space in hard-wrapped text; never look across a blank line.)
        if k > run_end && (gap_nls == 0 || (gap_nls == 1 && self.wrap.is_some())) {
            let len = if b.get(k) == Some(&b'"') && self.odd_quotes(i) {
                1
            } else if seq(b, k, "”".as_bytes()) {
                3
            } else if b.get(k) == Some(&b'\'') {
                // Tokenized quotes (`as a ' Maistre Boursier . ' He`, `'' Slanged ! '' ,`): a
                // detached `'` or `''` closes a quote opened by a detached one in this sentence.
                // One before a name that no other detached one follows on the line closes a
                // quote opened in an earlier sentence (`to do ? '' Graham was convicted .`),
                // unless the run already closed one (`painting.'  ' Tom`: that one opens); before
                // a sentence starter it opens (`she wrote . '' Why did n't she leave ?`), unless
                // the next detached one that can only close shows it closes (`closes_by_pairing`).
                let len = if b.get(k + 1) == Some(&b'\'') { 2 } else { 1 };
                let (after, _) = skip_ws(b, k + len);
                let punct_after = matches!(b.get(after), Some(b',' | b';' | b')'));
                if punct_after
                    || self.odd_detached(&b[k..k + len], i)
                    || closes_by_pairing(b, &b[k..k + len], k + len)
                    || (!quote_closer
                        && !self.starter(after)
                        && !detached_ahead(b, &b[k..k + len], k + len))
                {
                    len
                } else {
                    0
                }
            } else {
                0
            };
            if len > 0 && (k + len >= n || ws_at(b, k + len) > 0) {
                closer = true;
                quote_closer = true;
                run_end = k + len;
                (k, gap_nls) = skip_ws(b, run_end);
            }
        }
        // `Happy! ... No one`: a detached ellipsis after `!`/`?` trails the exclamation; the
        // word after it decides.
        if bangs > 0 && k > run_end && gap_nls == 0 {
            let len = if seq(b, k, b"...") {
                let mut e = k + 3;
                while b.get(e) == Some(&b'.') {
                    e += 1;
                }
                e - k
            } else if seq(b, k, "…".as_bytes()) {
                3
            } else {
                0
            };
            if len > 0 && (k + len >= n || ws_at(b, k + len) > 0) {
                run_end = k + len;
                (k, gap_nls) = skip_ws(b, run_end);
            }
        }
        let gap = k > run_end;
        let gap_nl = gap_nls > 0;
        self.gap_nl = gap_nl;
        if gap_nl && self.wrap.is_none() {
            // The line break ends the sentence anyway.
            return run_end;
        }

        let decision = if cjk {
            Decision::Split
        } else {
            let mut prev = self.prev_token(i);
            // Tokenized text detaches the period (`Mr . Robinson`, `U.S . Highway`): an
            // abbreviation before the space still counts.
            if prev.start == prev.end
                && i >= 2
                && b[i - 1] == b' '
                && b[i - 2].is_ascii_alphabetic()
            {
                let before = self.prev_token(i - 1);
                if matches!(before.class, Title | Weak | Never | Company | Post) {
                    prev = before;
                }
            }
            // Bracketed `(...)`, `[…]`, `(?)`, `(!)`: never a boundary.
            let bracketed = i > 0
                && matches!(b[i - 1], b'(' | b'[')
                && matches!(b.get(term_end), Some(b')' | b']'));
            if bracketed {
                Decision::NoSplit
            } else if bangs > 0 {
                self.decide_bang(&prev, quote_closer, gap, k)
            } else if ellipsis || dots >= 2 {
                self.decide_ellipsis(quote_closer, gap, k)
            } else {
                self.decide_period(&prev, closer, gap, k, run_end)
            }
        };
        match decision {
            Decision::Split => {
                if self.has_content_before(i) && !self.inside_parenthetical(run_end) {
                    self.cut(run_end, false);
                }
            }
            Decision::NoSplit => {}
            Decision::CutBefore(pos, next) => {
                if self.has_content_before(pos) {
                    self.cut(pos, false);
                    self.list_next = Some(next);
                }
            }
        }
        run_end
    }

    /// Is `end` inside a parenthesis opened mid-sentence, at most 64 bytes back, and not yet
    /// closed (`Nested (Parenthesis. (With words inside!) More.)`)? Then a sentence end inside
    /// it ends only the parenthetical remark, not the sentence. A parenthesis that opens the
    /// sentence may hold several sentences (`(This is one. And two.)`), and one opened further
    /// back is more likely unbalanced (`(Jonsen et al., 2003(Jonsen et al., , 2005 and ...`).
    fn inside_parenthetical(&mut self, end: usize) -> bool {
        const MAX_BACK: usize = 64;
        let b = self.b;
        let lo = self.seg_start.max(end.saturating_sub(MAX_BACK));
        let window = &b[lo..end];
        if swar::position(window, b'(').is_none() {
            return false;
        }
        let mut closes = 0usize;
        for (k, &c) in window.iter().enumerate().rev() {
            match c {
                b')' => closes += 1,
                b'(' if closes > 0 => closes -= 1,
                b'(' => return self.has_content_before(lo + k),
                _ => {}
            }
        }
        false
    }

    /// Does the current sentence contain an odd number of `"` before `end`? Counted
    /// incrementally (amortised linear), and only asked for rare detached quotes.
    fn odd_quotes(&mut self, end: usize) -> bool {
        if self.quote_pos < self.seg_start {
            self.quote_pos = self.seg_start;
            self.quote_count = 0;
        }
        if end > self.quote_pos {
            let c = self.b[self.quote_pos..end]
                .iter()
                .filter(|&&c| c == b'"')
                .count();
            self.quote_count += c;
            self.quote_pos = end;
        }
        self.quote_count % 2 == 1
    }

    /// Does the current sentence contain an odd number of `tok` standing alone (whitespace on
    /// both sides) before `end`? Looks back at most 400 bytes; only asked for rare detached
    /// quotes.
    fn odd_detached(&self, tok: &[u8], end: usize) -> bool {
        let b = self.b;
        let lo = self.seg_start.max(end.saturating_sub(400));
        let mut count = 0usize;
        let mut q = lo;
        while q + tok.len() <= end {
            if &b[q..q + tok.len()] == tok
                && (q == self.seg_start || (q > 0 && b[q - 1].is_ascii_whitespace()))
                && b.get(q + tok.len()).is_some_and(u8::is_ascii_whitespace)
            {
                count += 1;
                q += tok.len();
            } else {
                q += 1;
            }
        }
        count % 2 == 1
    }

    /// Does the clause containing `pos` open with a preposition (`At 5 a.m. Mr. Smith left`,
    /// `He noted: In 44 B.C. Caesar died`)? Then a time or era before `pos` is a fronted
    /// adverbial, not the end of a sentence. Looks back at most 80 bytes.
    fn fronted_phrase(&mut self, pos: usize) -> bool {
        const MAX_BACK: usize = 80;
        let b = self.b;
        let lo = self.seg_start.max(pos.saturating_sub(MAX_BACK));
        let mut q = pos;
        // A clause starts after `:` or `;` and a space (not inside `9:00`).
        while q > lo && !(matches!(b[q - 1], b':' | b';') && ws_at(b, q) > 0) {
            q -= 1;
        }
        let after_colon = q > lo;
        if q == lo && q > self.seg_start {
            return false;
        }
        if q == self.seg_start {
            self.advance(pos);
            match self.first_nonws {
                Some(f) if f < pos => q = f,
                _ => return false,
            }
        }
        let (q, _) = skip_ws(b, q);
        match ascii_word(b, q, 8) {
            Some(e) if e < pos && (after_colon || b[q].is_ascii_uppercase()) => {
                in_list(PREPOSITIONS, &b[q..e])
            }
            _ => false,
        }
    }

    /// Is the token before the whitespace that ends at `s` a number (`5 p.m.`, `10:30 a.m.`)?
    fn number_before(&self, s: usize) -> bool {
        let b = self.b;
        let w = ws_before(b, s);
        w > 0 && s - w > self.seg_start && b[s - w - 1].is_ascii_digit()
    }

    /// Extracts and classifies the token ending at `end` (the start of a punctuation run).
    fn prev_token(&self, end: usize) -> Prev {
        const MAX_BACK: usize = 64;
        let b = self.b;
        let lo = self.seg_start.max(end.saturating_sub(MAX_BACK));
        let mut s = end;
        while s > lo && ws_before(b, s) == 0 {
            s -= 1;
        }
        let truncated = s == lo && lo > self.seg_start && ws_before(b, s) == 0;
        while s < end && !self.text.is_char_boundary(s) {
            s += 1;
        }
        // Strip opening quotes/brackets.
        let mut core = s;
        if seq(b, core, HYPHEN_BULLET) && core + 3 < end {
            core += 3;
        }
        while let Some((len, _)) = opener_at(b, core) {
            if core + len > end {
                break;
            }
            core += len;
        }
        // Abbreviation key: after the last hyphen, dash or bracket (`non-U.S.`, `ex-Gov.`,
        // `(CNN)U.S.`).
        let mut key = core;
        let mut p = core;
        let mut urlish = truncated;
        while p < end {
            // Most bytes are letters, in none of the classes: one table read each.
            let class = TOKEN_BYTE[usize::from(b[p])];
            if class != 0 {
                if class & KEY_BREAK != 0 {
                    key = p + 1;
                } else if class & DASH_LEAD != 0
                    && (seq(b, p, "—".as_bytes()) || seq(b, p, "–".as_bytes()))
                {
                    key = p + 3;
                }
                if class & URLISH != 0 {
                    urlish = true;
                }
            }
            p += 1;
        }
        let key = key.min(end);
        let tok = &b[key..end];
        let (ends_lower, ends_alnum) = match self.text[s..end].chars().next_back() {
            Some(c) => {
                let closing = matches!(c, ')' | '"' | '\'' | '”' | '’');
                (c.is_lowercase() || closing, c.is_alphanumeric() || closing)
            }
            None => (false, false),
        };
        let mut prev = Prev {
            start: s,
            end,
            class: Ordinary,
            number: None,
            item: None,
            marker: false,
            bang_name: false,
            urlish,
            ends_lower,
            ends_alnum,
            core_len: end - core,
        };
        if tok.is_empty() {
            return prev;
        }
        // A hyphen bullet glued to a marker (`⁃9.`) is not part of the token.
        let whole = key == core && (core == s || (s + 3 == core && seq(b, s, HYPHEN_BULLET)));
        if tok.iter().all(u8::is_ascii_digit) {
            prev.class = Class::Number;
            if tok.len() <= 9 {
                prev.number = Some(tok.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0')));
            }
            prev.marker = whole && tok.len() <= 3;
            if tok.len() <= 3 {
                prev.item = prev.number;
            }
            return prev;
        }
        let capital = tok[0].is_ascii_uppercase();
        if tok.len() == 1 {
            let c = tok[0];
            prev.marker = whole && c.is_ascii_alphabetic();
            if c.is_ascii_lowercase() {
                prev.item = Some(LETTER_ITEM + u32::from(c - b'a') + 1);
            }
            prev.class = match c {
                b'A'..=b'Z' => Class::Initial,
                b'v' => Never,
                b'p' | b'c' => NumPrefix,
                _ => Ordinary,
            };
            return prev;
        }
        if tok.contains(&b'.') {
            // `U.S`, `Ph.D`, `e.g`, `a.m`: parts of one or two letters.
            let dotted = tok.len() <= 12
                && tok.split(|&c| c == b'.').all(|part| {
                    (1..=2).contains(&part.len()) && part.iter().all(u8::is_ascii_alphabetic)
                });
            if dotted {
                let mut buf = [0u8; 12];
                for (d, &c) in buf.iter_mut().zip(tok) {
                    *d = c.to_ascii_lowercase();
                }
                let lower = &buf[..tok.len()];
                prev.class = if NEVER_DOTTED
                    .iter()
                    .chain(self.rules.never_dotted)
                    .any(|w| w.as_bytes() == lower)
                {
                    Never
                } else if POST_DOTTED.iter().any(|&(w, after_number)| {
                    w.as_bytes() == lower && (!after_number || (key == s && self.number_before(s)))
                }) {
                    Post
                } else {
                    Weak
                };
            }
            return prev;
        }
        if tok.iter().all(u8::is_ascii_alphabetic) {
            let roman = roman_value(tok);
            prev.marker = whole && roman.is_some();
            if let Some(v) = roman {
                prev.item = Some(ROMAN_ITEM + v);
            }
            let mut buf = [0u8; 16];
            if let Some(k) = lower_word(tok, &mut buf) {
                if let Some((cap, low)) = self.abbreviation(k) {
                    prev.class = if capital { cap } else { low };
                    // All-caps tokens are acronyms (`SEC.`, `MS.`, `RT.`), except company suffixes.
                    if tok.iter().all(u8::is_ascii_uppercase) && prev.class != Company {
                        prev.class = Ordinary;
                    }
                }
                prev.bang_name = capital
                    && BANG_NAMES
                        .binary_search_by(|e| cmp_short(e.as_bytes(), k))
                        .is_ok();
            }
            return prev;
        }
        // A non-ASCII abbreviation of the language (`Dña.`, `pág.`, `tél.`): rare, so the
        // lowercase copy it needs costs nothing on the common path.
        if !self.rules.abbreviations.is_empty()
            && tok.len() <= 16
            && let Ok(word) = std::str::from_utf8(tok)
            && word.chars().all(char::is_alphabetic)
            && let Some((cap, low)) = self.abbreviation(word.to_lowercase().as_bytes())
        {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            prev.class = if capital { cap } else { low };
            return prev;
        }
        // `N°. 5`, `nº. 12`: the numero sign.
        if matches!(tok, [b'N' | b'n', 0xC2, 0xB0 | 0xBA]) {
            prev.class = NumPrefix;
            return prev;
        }
        // A single non-ASCII capital letter is an initial (`É. Zola`).
        let mut chars = self.text[key..end].chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            prev.class = Class::Initial;
        }
        prev
    }

    /// Looks at what follows the gap after a punctuation run (`nl`: the gap has a line break).
    fn next_token(&self, p: usize, nl: bool) -> Next {
        let b = self.b;
        let mut q = p;
        let mut quote = false;
        for _ in 0..3 {
            // Doubled straight quotes or backticks (`''`, ``` `` ```) are one quote mark.
            let doubled = matches!(b.get(q), Some(b'\'' | b'`')) && b.get(q + 1) == b.get(q);
            match opener_at(b, q).map(|(len, isq)| (len + usize::from(doubled), isq)) {
                // A quote followed by whitespace opens nothing (`... end. " Next`).
                Some((len, _)) if ws_at(b, q + len) > 0 => break,
                Some((len, isq)) => {
                    quote |= isq;
                    q += len;
                }
                None => break,
            }
        }
        let kind = match b.get(q) {
            None if q == p => NextKind::End,
            None => NextKind::Other,
            Some(&c) if c.is_ascii_uppercase() => NextKind::Upper,
            Some(&c) if c.is_ascii_lowercase() => NextKind::Lower,
            Some(&c) if c.is_ascii_digit() => NextKind::Digit,
            Some(&c) if c < 0x80 => {
                if matches!(
                    c,
                    b',' | b';' | b':' | b')' | b']' | b'}' | b'!' | b'?' | b'%'
                ) || (c == b'.' && b.get(q + 1) != Some(&b'.'))
                    || ((!nl || bullet_at(b, q).is_none()) && dash_then_lower(b, q))
                {
                    NextKind::Punct
                } else {
                    NextKind::Other
                }
            }
            Some(0xE2) if (!nl || bullet_at(b, q).is_none()) && dash_then_lower(b, q) => {
                NextKind::Punct
            }
            Some(_) => match self.text[q..].chars().next() {
                Some(c) if c.is_uppercase() => NextKind::Upper,
                Some(c) if c.is_lowercase() => NextKind::Lower,
                Some(c) if c.is_numeric() => NextKind::Digit,
                _ => NextKind::Other,
            },
        };
        Next {
            kind,
            quote,
            word: q,
        }
    }

    /// `word.Next` without a space: a boundary only between plain words.
    fn no_space_split(&self, prev: &Prev, closer: bool, p: usize) -> bool {
        let b = self.b;
        let (p, quoted) = match opener_at(b, p) {
            Some((len, true)) => (p + len, true),
            _ => (p, false),
        };
        let upper_lower = b.get(p).is_some_and(u8::is_ascii_uppercase)
            && b.get(p + 1).is_some_and(u8::is_ascii_lowercase);
        if !upper_lower || prev.urlish || prev.core_len < 2 {
            return false;
        }
        // `1,000.That`, `in 2015.The`: a number of two or more digits ends the sentence.
        let number = prev.core_len >= 2
            && b[prev.end - prev.core_len..prev.end]
                .iter()
                .all(|&c| c.is_ascii_digit() || c == b',')
            && b[prev.end - 1].is_ascii_digit();
        if !(number || prev.ends_lower || ((closer || quoted) && prev.ends_alnum)) {
            return false;
        }
        // `Jane.Doe@example.com`, `Example.Org/path`: the rest of an address.
        let mut q = p;
        while q < b.len() && q - p < 64 && ws_at(b, q) == 0 {
            match b[q] {
                b'@' | b'/' => return false,
                b'.' if b.get(q + 1).is_some_and(u8::is_ascii_alphanumeric) => return false,
                _ => {}
            }
            q += 1;
        }
        if !matches!(prev.class, Ordinary | NumPrefix) || prev.bang_name {
            return false;
        }
        // `LeanIn.Org`, `Example.Com`.
        !ascii_word(b, p, 5).is_some_and(|e| in_list(DOMAIN_WORDS, &b[p..e]))
    }

    /// Boundary after a single `.` (plus closers) at the end of `prev`; `p` is the first byte
    /// after the gap.
    fn decide_period(
        &mut self,
        prev: &Prev,
        closer: bool,
        gap: bool,
        p: usize,
        run_end: usize,
    ) -> Decision {
        let b = self.b;
        if !gap {
            return if p >= b.len() || self.no_space_split(prev, closer, p) {
                Decision::Split
            } else {
                Decision::NoSplit
            };
        }
        // `1.)`, `a.)`: a marker closed by a bracket.
        let paren_marker =
            prev.marker && run_end == prev.end + 2 && b.get(prev.end + 1) == Some(&b')');
        let plain = paren_marker || (!closer && run_end == prev.end + 1);
        if plain {
            if let Some(num) = prev.item {
                // Inline list: `1. Foo 2. Bar`, `a. Foo b. Bar` -> cut before `2`, `b`.
                if let Some(after) = self.list_continues(num)
                    && prev.start > self.seg_start
                    && ws_before(b, prev.start) > 0
                {
                    return Decision::CutBefore(prev.start, after);
                }
            }
            if prev.marker || prev.number.is_some() {
                self.advance(prev.start + 1);
                let first = self
                    .first_nonws
                    .is_some_and(|f| f == prev.start || after_bullet(b, f) == prev.start);
                // `Steps: 1. Mix` also starts a list.
                let after_colon = prev.number.is_some() && {
                    let mut q = prev.start;
                    while q > self.seg_start && prev.start - q < 8 && ws_before(b, q) > 0 {
                        q -= ws_before(b, q);
                    }
                    q < prev.start && q > 0 && b[q - 1] == b':'
                };
                if (first && prev.marker) || (after_colon && prev.core_len <= 2) {
                    if let Some(num) = prev.item {
                        self.list_next = Some(num + 1);
                    }
                    return Decision::NoSplit;
                }
            }
        }
        let next = self.next_token(p, self.gap_nl);
        // A closing quote/bracket after an abbreviation is evidence of a sentence end, except
        // after titles (`(Alabama Gov.) George Wallace`) and never-final abbreviations.
        let class = if closer && !matches!(prev.class, Never | Title) {
            Ordinary
        } else {
            prev.class
        };
        let split = match next.kind {
            NextKind::End => true,
            NextKind::Punct => false,
            NextKind::Lower => {
                // `... sold. iPhone sales ...`, `... here. (vii) And ...`
                matches!(class, Ordinary | Class::Number)
                    && ((!next.quote && b.get(next.word + 1).is_some_and(u8::is_ascii_uppercase))
                        || bracketed_marker_at(b, p))
            }
            NextKind::Digit => {
                (matches!(class, Ordinary | Class::Number)
                    && !self.measure_goes_on(prev, next.word)
                    && !self.bracketed_number(prev.end, next.word))
                    // `before 7 p.m. 7 a.m. is ...`: a time cannot follow a time.
                    || (class == Post && time_at(b, next.word))
            }
            NextKind::Upper | NextKind::Other => {
                let upper = next.kind == NextKind::Upper;
                match class {
                    Class::Number if self.ordinal(prev, next.word) => false,
                    // `Vol. II`, `No. IV`: a number prefix before a roman numeral.
                    NumPrefix if !next.quote && roman_at(b, next.word) => false,
                    Ordinary | Class::Number | NumPrefix => upper || !next.quote,
                    Title | Never => false,
                    Class::Initial => !next.quote && self.starter(next.word),
                    Weak => self.starter(next.word) || (next.quote && upper),
                    Company => {
                        self.starter(next.word)
                            || (next.quote && upper)
                            || (!next.quote && capword_then_lower(b, next.word))
                    }
                    Post => {
                        self.starter(next.word)
                            || (next.quote && upper)
                            || (!next.quote
                                && (capword_then_lower(b, next.word) || title_at(b, next.word))
                                && !self.fronted_phrase(prev.start))
                    }
                }
            }
        };
        if split {
            Decision::Split
        } else {
            Decision::NoSplit
        }
    }

    /// `5 ft. 3 in. 2 lb.`: `in.` after a number and before another number is the inch.
    fn measure_goes_on(&self, prev: &Prev, next_word: usize) -> bool {
        let b = self.b;
        prev.end == prev.start + 2
            && &b[prev.start..prev.end] == b"in"
            && self.number_before(prev.start)
            && b.get(next_word).is_some_and(u8::is_ascii_digit)
    }

    /// `[page. 42]`, `(Phil. 4:8)`: a number closed by the bracket that opened before the
    /// period (`end`), in the current sentence (at most 64 bytes back and a few digits ahead).
    fn bracketed_number(&self, end: usize, next_word: usize) -> bool {
        let b = self.b;
        let mut e = next_word;
        while e < b.len() && e - next_word < 8 && (b[e].is_ascii_digit() || b[e] == b':') {
            e += 1;
        }
        if e == next_word || !b[e - 1].is_ascii_digit() {
            return false;
        }
        let open = match b.get(e) {
            Some(b']') => b'[',
            Some(b')') => b'(',
            _ => return false,
        };
        let close = b[e];
        let lo = self.seg_start.max(end.saturating_sub(64));
        let mut q = end;
        while q > lo {
            q -= 1;
            if b[q] == close {
                return false;
            }
            if b[q] == open {
                return true;
            }
        }
        false
    }

    /// A capitalised common sentence starter at `q`: an English one, or a stop word of the
    /// language (`Die`, `Le`, `El`).
    fn starter(&self, q: usize) -> bool {
        let b = self.b;
        if is_starter(b, q) {
            return true;
        }
        if self.rules.language == Language::English {
            return false;
        }
        let Some(e) = ascii_word(b, q, 15) else {
            return false;
        };
        let w = &b[q..e];
        let mut buf = [0u8; 16];
        w[0].is_ascii_uppercase()
            && w[1..].iter().all(u8::is_ascii_lowercase)
            && word_ends_cleanly(b, e)
            && lower_word(w, &mut buf)
                .and_then(|k| std::str::from_utf8(k).ok())
                .is_some_and(|k| self.rules.language.is_stop_word(k))
    }

    /// The classes of the abbreviation `key` (lowercase): the language's, else English's.
    fn abbreviation(&self, key: &[u8]) -> Option<(Class, Class)> {
        let own = self.rules.abbreviations;
        match own.binary_search_by(|e| cmp_short(e.0.as_bytes(), key)) {
            Ok(idx) => Some((own[idx].1, own[idx].2)),
            Err(_) => {
                english_abbreviation(key).map(|idx| (ABBREVIATIONS[idx].1, ABBREVIATIONS[idx].2))
            }
        }
    }

    /// `am 3. Oktober`: the number before the period is an ordinal, by the word after it.
    fn ordinal(&self, prev: &Prev, next_word: usize) -> bool {
        if self.rules.ordinal_followers.is_empty() || prev.core_len > 3 {
            return false;
        }
        let b = self.b;
        // A month may be abbreviated itself (`5. Jan.`).
        ascii_word(b, next_word, 15).is_some_and(|e| {
            (word_ends_cleanly(b, e) || b.get(e) == Some(&b'.'))
                && in_list(self.rules.ordinal_followers, &b[next_word..e])
        })
    }

    /// Boundary after an ellipsis (`...`, `…`, `. . .`, `....`).
    fn decide_ellipsis(&self, quote_closer: bool, gap: bool, p: usize) -> Decision {
        let b = self.b;
        if p >= b.len() {
            return Decision::Split;
        }
        let next = self.next_token(p, self.gap_nl);
        // `I thought... I would go.`: a trailing-off ellipsis before a bare `I` marks a pause,
        // not an end (unless a quote closes or opens there).
        let pause_i = !next.quote
            && !quote_closer
            && b.get(next.word) == Some(&b'I')
            && b.get(next.word + 1) == Some(&b' ');
        let starter = !pause_i && self.starter(next.word);
        let split = if gap {
            starter || ((next.quote || quote_closer) && next.kind == NextKind::Upper)
        } else {
            !next.quote && starter
        };
        if split {
            Decision::Split
        } else {
            Decision::NoSplit
        }
    }

    /// Boundary after a run containing `!` or `?`.
    fn decide_bang(&self, prev: &Prev, quote_closer: bool, gap: bool, p: usize) -> Decision {
        let b = self.b;
        if p >= b.len() {
            return Decision::Split;
        }
        if !gap {
            return if !prev.bang_name && self.no_space_split(prev, quote_closer, p) {
                Decision::Split
            } else {
                Decision::NoSplit
            };
        }
        let next = self.next_token(p, self.gap_nl);
        let split = match next.kind {
            NextKind::End => true,
            NextKind::Punct => false,
            NextKind::Lower => {
                !prev.bang_name
                    && !next.quote
                    && b.get(next.word + 1).is_some_and(u8::is_ascii_uppercase)
            }
            NextKind::Digit => !prev.bang_name,
            NextKind::Upper | NextKind::Other => {
                let upper = next.kind == NextKind::Upper;
                if prev.bang_name {
                    self.starter(next.word) || (next.quote && upper)
                } else if quote_closer && !next.quote && upper {
                    !speech_attribution(b, next.word)
                } else {
                    true
                }
            }
        };
        if split {
            Decision::Split
        } else {
            Decision::NoSplit
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_byte_classes_are_the_listed_bytes() {
        for c in 0..=255u8 {
            let class = TOKEN_BYTE[usize::from(c)];
            let key_break = matches!(c, b'-' | b')' | b']' | b'"' | b'/');
            let urlish = matches!(
                c,
                b'/' | b':' | b'@' | b'.' | b'_' | b'=' | b'&' | b'?' | b'#' | b'%' | b'\\' | b'~'
            );
            assert_eq!(class & KEY_BREAK != 0, key_break, "{c:#x}");
            assert_eq!(class & URLISH != 0, urlish, "{c:#x}");
            assert_eq!(class & DASH_LEAD != 0, c == 0xE2, "{c:#x}");
        }
        assert_eq!("—".as_bytes()[0], 0xE2);
        assert_eq!("–".as_bytes()[0], 0xE2);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn check_invariants(text: &str) {
        let spans = sentences(text);
        let mut last_end = 0;
        let mut last_para = 0;
        for (k, s) in spans.iter().enumerate() {
            assert!(s.start < s.end, "empty span {s:?} in {text:?}");
            assert!(s.start >= last_end, "overlap/order {s:?} in {text:?}");
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{s:?} {text:?}"
            );
            let t = &text[s.start..s.end];
            assert_eq!(t, t.trim(), "untrimmed {s:?} in {text:?}");
            // Nothing but whitespace between spans.
            assert!(
                text[last_end..s.start].trim().is_empty(),
                "dropped text before {s:?} in {text:?}"
            );
            if k == 0 {
                assert_eq!(s.paragraph, 0);
                assert!(s.first_in_paragraph);
            } else {
                assert!(
                    s.paragraph == last_para || s.paragraph == last_para + 1,
                    "{spans:?}"
                );
                assert_eq!(
                    s.first_in_paragraph,
                    s.paragraph == last_para + 1,
                    "{spans:?}"
                );
            }
            last_para = s.paragraph;
            last_end = s.end;
        }
        assert!(
            text[last_end..].trim().is_empty(),
            "dropped tail in {text:?}"
        );
    }

    /// (input, expected sentences)
    const CASES: &[(&str, &[&str])] = &[
        // --- basics ---
        ("", &[]),
        ("   \n\t  ", &[]),
        ("Hello world", &["Hello world"]),
        ("Hello world.", &["Hello world."]),
        ("One. Two. Three.", &["One.", "Two.", "Three."]),
        ("Is it? Yes! Fine.", &["Is it?", "Yes!", "Fine."]),
        ("  Leading and trailing.  ", &["Leading and trailing."]),
        ("He left.The end.", &["He left.", "The end."]),
        ("Wait... what?", &["Wait... what?"]),
        // --- closing quotes and brackets ---
        (
            "He said \"Go home.\" Then he left.",
            &["He said \"Go home.\"", "Then he left."],
        ),
        (
            "He said “Go home.” Then he left.",
            &["He said “Go home.”", "Then he left."],
        ),
        (
            "She asked 'Why?' Nobody knew.",
            &["She asked 'Why?'", "Nobody knew."],
        ),
        (
            "She wept ‘It hurts!’ Then quiet.",
            &["She wept ‘It hurts!’", "Then quiet."],
        ),
        ("(This is one.) Next.", &["(This is one.)", "Next."]),
        (
            "It rose (to 5%.) Then fell.",
            &["It rose (to 5%.)", "Then fell."],
        ),
        (
            "He called it \"nonsense\". The vote failed.",
            &["He called it \"nonsense\".", "The vote failed."],
        ),
        // --- titles ---
        (
            "Mr. Smith went to Washington.",
            &["Mr. Smith went to Washington."],
        ),
        (
            "Mrs. Jones and Dr. Who met Prof. X.",
            &["Mrs. Jones and Dr. Who met Prof. X."],
        ),
        (
            "Sen. John McCain and Rep. Nancy Pelosi spoke.",
            &["Sen. John McCain and Rep. Nancy Pelosi spoke."],
        ),
        (
            "Gov. Rick Scott and Gen. David Petraeus met.",
            &["Gov. Rick Scott and Gen. David Petraeus met."],
        ),
        (
            "Lt. Col. Smith and Sgt. Maj. Brown, Capt. Kirk and Col. Mustard.",
            &["Lt. Col. Smith and Sgt. Maj. Brown, Capt. Kirk and Col. Mustard."],
        ),
        (
            "Rev. Jesse Jackson and Hon. Member, St. Paul.",
            &["Rev. Jesse Jackson and Hon. Member, St. Paul."],
        ),
        ("Ask Mr. \"Big\" Smith.", &["Ask Mr. \"Big\" Smith."]),
        (
            "He filed with the SEC. The company said so.",
            &["He filed with the SEC.", "The company said so."],
        ),
        ("Shares of ACME INC. ROSE.", &["Shares of ACME INC. ROSE."]),
        (
            "She was a sales rep. The job paid well.",
            &["She was a sales rep.", "The job paid well."],
        ),
        (
            "Martin Luther King Jr. Day is a holiday.",
            &["Martin Luther King Jr. Day is a holiday."],
        ),
        (
            "He quoted Martin Luther King Jr. The crowd cheered.",
            &["He quoted Martin Luther King Jr.", "The crowd cheered."],
        ),
        ("John Smith Sr. said no.", &["John Smith Sr. said no."]),
        // --- months, days ---
        (
            "It happened on Jan. 5, 2015.",
            &["It happened on Jan. 5, 2015."],
        ),
        (
            "On Sept. 11 the towers fell.",
            &["On Sept. 11 the towers fell."],
        ),
        (
            "Between Feb. and Dec. rates rose.",
            &["Between Feb. and Dec. rates rose."],
        ),
        (
            "It ends Oct. The new plan starts then.",
            &["It ends Oct.", "The new plan starts then."],
        ),
        (
            "The show airs Thurs. at nine.",
            &["The show airs Thurs. at nine."],
        ),
        (
            "He arrived in May. Officials said little.",
            &["He arrived in May.", "Officials said little."],
        ),
        (
            "They married in March. The wedding was small.",
            &["They married in March.", "The wedding was small."],
        ),
        // --- numbers ---
        (
            "Shares rose 3.5% to $1.2 billion.",
            &["Shares rose 3.5% to $1.2 billion."],
        ),
        (
            "Upgrade to v2.0 now. It is free.",
            &["Upgrade to v2.0 now.", "It is free."],
        ),
        (
            "We met at 10.30am. Then we ate.",
            &["We met at 10.30am.", "Then we ate."],
        ),
        (
            "The server at 192.168.0.1 failed. Nobody noticed.",
            &["The server at 192.168.0.1 failed.", "Nobody noticed."],
        ),
        (
            "He is ranked No. 1. The rest trail.",
            &["He is ranked No. 1.", "The rest trail."],
        ),
        (
            "He lives at No. 10 Downing Street.",
            &["He lives at No. 10 Downing Street."],
        ),
        (
            "He said no. The deal died.",
            &["He said no.", "The deal died."],
        ),
        (
            "See p. 12 and pp. 14-15 and Fig. 3.",
            &["See p. 12 and pp. 14-15 and Fig. 3."],
        ),
        (
            "It was founded in 1985. The firm grew.",
            &["It was founded in 1985.", "The firm grew."],
        ),
        (
            "The tally was 1,024. 2,000 more came.",
            &["The tally was 1,024.", "2,000 more came."],
        ),
        (
            "It cost approx. 5 dollars.",
            &["It cost approx. 5 dollars."],
        ),
        (
            "Built ca. 1900 and sold est. 1950.",
            &["Built ca. 1900 and sold est. 1950."],
        ),
        ("The 5 ft. 6 in. man ran.", &["The 5 ft. 6 in. man ran."]),
        // --- multi-letter abbreviations ---
        (
            "The U.S. Army and the U.K. government agreed.",
            &["The U.S. Army and the U.K. government agreed."],
        ),
        (
            "He moved to the U.S. He said it was great.",
            &["He moved to the U.S.", "He said it was great."],
        ),
        (
            "He moved to the U.S. \"It is great,\" he said.",
            &["He moved to the U.S.", "\"It is great,\" he said."],
        ),
        (
            "Talks at the U.N. Security Council stalled.",
            &["Talks at the U.N. Security Council stalled."],
        ),
        (
            "He lives in Washington D.C. The meeting is there.",
            &["He lives in Washington D.C.", "The meeting is there."],
        ),
        (
            "He got a Ph.D. in physics.",
            &["He got a Ph.D. in physics."],
        ),
        (
            "He earned a Ph.D. The thesis was long.",
            &["He earned a Ph.D.", "The thesis was long."],
        ),
        (
            "Non-U.S. firms and non-U.S. Banks fell.",
            &["Non-U.S. firms and non-U.S. Banks fell."],
        ),
        (
            "He left non-U.S. Then he returned.",
            &["He left non-U.S.", "Then he returned."],
        ),
        (
            "Fruits, e.g. Apples and pears, i.e. Fruit.",
            &["Fruits, e.g. Apples and pears, i.e. Fruit."],
        ),
        (
            "He arrived at 5 p.m. Monday.",
            &["He arrived at 5 p.m. Monday."],
        ),
        (
            "He arrived at 5 p.m. The others came later.",
            &["He arrived at 5 p.m.", "The others came later."],
        ),
        (
            "It opens at 9 a.m. and closes at 5 p.m. It is busy.",
            &["It opens at 9 a.m. and closes at 5 p.m.", "It is busy."],
        ),
        (
            "Roe v. Wade and Ali vs. Frazier.",
            &["Roe v. Wade and Ali vs. Frazier."],
        ),
        (
            "Pens, pencils, etc. are sold here.",
            &["Pens, pencils, etc. are sold here."],
        ),
        (
            "Pens, pencils, etc. The shop sells them.",
            &["Pens, pencils, etc.", "The shop sells them."],
        ),
        (
            "Smith et al. found a link.",
            &["Smith et al. found a link."],
        ),
        ("He was known a.k.a. Bob.", &["He was known a.k.a. Bob."]),
        // --- companies ---
        (
            "Acme Inc. said profits rose.",
            &["Acme Inc. said profits rose."],
        ),
        (
            "He bought Acme Inc. Terms were not disclosed.",
            &["He bought Acme Inc.", "Terms were not disclosed."],
        ),
        (
            "He works at Securities Corp. \"I think it is fine,\" he said.",
            &[
                "He works at Securities Corp.",
                "\"I think it is fine,\" he said.",
            ],
        ),
        (
            "Apple Inc. Chief Executive Tim Cook spoke.",
            &["Apple Inc. Chief Executive Tim Cook spoke."],
        ),
        (
            "Apple Inc. Chief executive Tim Cook spoke.",
            &["Apple Inc. Chief executive Tim Cook spoke."],
        ),
        (
            "Sony Corp. CEO Kaz Hirai spoke.",
            &["Sony Corp. CEO Kaz Hirai spoke."],
        ),
        (
            "Warner Bros. Pictures Group and Dow Jones & Co. Inc. merged.",
            &["Warner Bros. Pictures Group and Dow Jones & Co. Inc. merged."],
        ),
        (
            "It sold to Acme Ltd. The price was high.",
            &["It sold to Acme Ltd.", "The price was high."],
        ),
        (
            "Acme Corp. Tuesday said sales rose.",
            &["Acme Corp. Tuesday said sales rose."],
        ),
        // --- places ---
        (
            "He lives in Los Angeles, Calif. The city is big.",
            &["He lives in Los Angeles, Calif.", "The city is big."],
        ),
        (
            "Boston, Mass. residents and Tampa, Fla. voters agreed.",
            &["Boston, Mass. residents and Tampa, Fla. voters agreed."],
        ),
        (
            "He went to St. Louis and Mt. Everest and Ft. Worth.",
            &["He went to St. Louis and Mt. Everest and Ft. Worth."],
        ),
        (
            "He lives on Main St. The house is red.",
            &["He lives on Main St.", "The house is red."],
        ),
        (
            "Go to 5th Ave. and turn left.",
            &["Go to 5th Ave. and turn left."],
        ),
        // --- initials ---
        ("J. K. Rowling wrote it.", &["J. K. Rowling wrote it."]),
        ("George W. Bush spoke.", &["George W. Bush spoke."]),
        (
            "A.D. Correll and J.R.R. Tolkien wrote.",
            &["A.D. Correll and J.R.R. Tolkien wrote."],
        ),
        (
            "By Catherine E. Shoichet, CNN.",
            &["By Catherine E. Shoichet, CNN."],
        ),
        (
            "Take vitamin D. It helps.",
            &["Take vitamin D.", "It helps."],
        ),
        (
            "John A. Smith and Mary I. Jones.",
            &["John A. Smith and Mary I. Jones."],
        ),
        ("É. Zola wrote.", &["É. Zola wrote."]),
        // --- ellipses ---
        ("He said... and then left.", &["He said... and then left."]),
        (
            "He waited... The bus never came.",
            &["He waited...", "The bus never came."],
        ),
        (
            "He waited . . . The bus never came.",
            &["He waited . . .", "The bus never came."],
        ),
        (
            "He waited.... The bus never came.",
            &["He waited....", "The bus never came."],
        ),
        (
            "He waited… The bus never came.",
            &["He waited…", "The bus never came."],
        ),
        (
            "He waited… \"Where is it?\" he asked.",
            &["He waited…", "\"Where is it?\" he asked."],
        ),
        (
            "\"We will [...] The best,\" he said.",
            &["\"We will [...] The best,\" he said."],
        ),
        (
            "\"We will (...) The best,\" he said.",
            &["\"We will (...) The best,\" he said."],
        ),
        (
            "\"We will […] win,\" he said.",
            &["\"We will […] win,\" he said."],
        ),
        (
            "It was Paris... London too.",
            &["It was Paris... London too."],
        ),
        (
            "to his family. ... He was great.",
            &["to his family.", "... He was great."],
        ),
        ("Say... a circular one?", &["Say... a circular one?"]),
        ("wait...The end.", &["wait...", "The end."]),
        ("...and so on.", &["...and so on."]),
        // --- no space after the stop ---
        (
            "end of sentence.Next one.",
            &["end of sentence.", "Next one."],
        ),
        (
            "Use Node.js and ASP.NET daily.",
            &["Use Node.js and ASP.NET daily."],
        ),
        ("Visit example.com today.", &["Visit example.com today."]),
        (
            "(CNN)Share, and your gift will grow.",
            &["(CNN)Share, and your gift will grow."],
        ),
        ("Visit LeanIn.Org now.", &["Visit LeanIn.Org now."]),
        (
            "He said in the U.S.Army it is so.",
            &["He said in the U.S.Army it is so."],
        ),
        ("Mr.Smith came.", &["Mr.Smith came."]),
        ("the U.N.'s role", &["the U.N.'s role"]),
        (
            "told WTKR.\"That was bad.\"",
            &["told WTKR.", "\"That was bad.\""],
        ),
        (
            "he said.\"That was bad.\"",
            &["he said.", "\"That was bad.\""],
        ),
        ("he said.“That was bad.”", &["he said.", "“That was bad.”"]),
        ("he said.”That was bad.", &["he said.”", "That was bad."]),
        (
            "the U.N.'s role and Dr.'s office",
            &["the U.N.'s role and Dr.'s office"],
        ),
        // --- URLs, emails, names with "!" ---
        (
            "Go to www.bbc.co.uk for more.",
            &["Go to www.bbc.co.uk for more."],
        ),
        (
            "See https://example.com/a.b?c=d. Then read.",
            &["See https://example.com/a.b?c=d.", "Then read."],
        ),
        (
            "Mail john.doe@example.com now. Thanks.",
            &["Mail john.doe@example.com now.", "Thanks."],
        ),
        (
            "Yahoo! Inc. said shares rose.",
            &["Yahoo! Inc. said shares rose."],
        ),
        ("Yahoo! shares rose.", &["Yahoo! shares rose."]),
        (
            "He won on Jeopardy! The prize was big.",
            &["He won on Jeopardy!", "The prize was big."],
        ),
        (
            "He won Jeopardy! Champion status.",
            &["He won Jeopardy! Champion status."],
        ),
        (
            "Read visit tips@cnn.com. We reply.",
            &["Read visit tips@cnn.com.", "We reply."],
        ),
        // --- ! and ? ---
        ("\"Help!\" he shouted.", &["\"Help!\" he shouted."]),
        ("\"Why?\" she asked.", &["\"Why?\" she asked."]),
        ("\"Why?\" Smith asked.", &["\"Why?\" Smith asked."]),
        (
            "\"Why?\" John Smith asked.",
            &["\"Why?\" John Smith asked."],
        ),
        ("\"Why?\" I asked.", &["\"Why?\" I asked."]),
        (
            "\"Why?\" Smith said in a statement.",
            &["\"Why?\" Smith said in a statement."],
        ),
        (
            "\"Why?\" Smith said many people ask.",
            &["\"Why?\"", "Smith said many people ask."],
        ),
        (
            "\"Thirsty?\" He continued to walk.",
            &["\"Thirsty?\"", "He continued to walk."],
        ),
        (
            "(CNN)U.S. Secretary of State John Kerry spoke.",
            &["(CNN)U.S. Secretary of State John Kerry spoke."],
        ),
        (
            "He said \"it went quickly...\" New rules came later.",
            &["He said \"it went quickly...\"", "New rules came later."],
        ),
        ("\"I think...\" she said.", &["\"I think...\" she said."]),
        ("\"Why?\" Nobody knew.", &["\"Why?\"", "Nobody knew."]),
        (
            "What?! No way!! Really?",
            &["What?!", "No way!!", "Really?"],
        ),
        ("Is it 5? 6 maybe.", &["Is it 5?", "6 maybe."]),
        ("The (?) mark and (!) too.", &["The (?) mark and (!) too."]),
        ("Wow!That was close.", &["Wow!", "That was close."]),
        // --- CJK and other scripts ---
        (
            "你好。我很好！谢谢？好",
            &["你好。", "我很好！", "谢谢？", "好"],
        ),
        ("「行く。」と言った。", &["「行く。」", "と言った。"]),
        (
            "日本語です。English here. More.",
            &["日本語です。", "English here.", "More."],
        ),
        ("यह एक वाक्य है। यह दूसरा है।", &["यह एक वाक्य है।", "यह दूसरा है।"]),
        ("هل أنت بخير؟ نعم.", &["هل أنت بخير؟", "نعم."]),
        // --- lists ---
        (
            "1. First item\n2. Second item",
            &["1. First item", "2. Second item"],
        ),
        ("a. First\nb. Second", &["a. First", "b. Second"]),
        (
            "IV. Results\nThe results.",
            &["IV. Results", "The results."],
        ),
        (
            "1. First item 2. Second item 3. Third item",
            &["1. First item", "2. Second item", "3. Third item"],
        ),
        (
            "Steps: 1. Mix 2. Bake 3. Eat.",
            &["Steps: 1. Mix", "2. Bake", "3. Eat."],
        ),
        (
            "- one\n- two\n* three\n• four",
            &["- one", "- two", "* three", "• four"],
        ),
        (
            "Highlights • One thing • Another thing",
            &["Highlights", "• One thing", "• Another thing"],
        ),
        // --- punctuation-only fragments ---
        ("!!! Wow.", &["!!! Wow."]),
        (". . . .", &[". . . ."]),
        ("?", &["?"]),
        ("... The end.", &["... The end."]),
        (
            "\"It is over. \" Police left.",
            &["\"It is over. \"", "Police left."],
        ),
        (
            "It is over. \" Police left.\"",
            &["It is over.", "\" Police left.\""],
        ),
        (
            "“It is over. ” Police left.",
            &["“It is over. ”", "Police left."],
        ),
        (
            "\"This is not supposed to happen.\" Police have not ruled it out.",
            &[
                "\"This is not supposed to happen.\"",
                "Police have not ruled it out.",
            ],
        ),
        (
            "He won for Where is the Love? - picked up the prize.",
            &["He won for Where is the Love? - picked up the prize."],
        ),
        (
            "It was Salaam Bombay! — nominated twice.",
            &["It was Salaam Bombay! — nominated twice."],
        ),
        ("He ran. - The next item.", &["He ran.", "- The next item."]),
        (
            "A cover story on (Alabama Gov.) George Wallace ran.",
            &["A cover story on (Alabama Gov.) George Wallace ran."],
        ),
        (
            "It aired on HBO in the U.S.). It ran long.",
            &["It aired on HBO in the U.S.).", "It ran long."],
        ),
        // --- more news-style cases ---
        (
            "\"I'm done,\" he said. \"Let's go.\"",
            &["\"I'm done,\" he said.", "\"Let's go.\""],
        ),
        (
            "It was born on Dec. 25. The family cheered.",
            &["It was born on Dec. 25.", "The family cheered."],
        ),
        (
            "Landing was at 10 a.m. ET. The crew rested.",
            &["Landing was at 10 a.m. ET.", "The crew rested."],
        ),
        (
            "Shares of General Motors Co. fell 2%.",
            &["Shares of General Motors Co. fell 2%."],
        ),
        (
            "He joined Goldman Sachs Group Inc. in 2001.",
            &["He joined Goldman Sachs Group Inc. in 2001."],
        ),
        (
            "He sold it to Time Warner Inc. \"We are thrilled,\" he said.",
            &[
                "He sold it to Time Warner Inc.",
                "\"We are thrilled,\" he said.",
            ],
        ),
        (
            "The deal closed with Acme Co. It took a year.",
            &["The deal closed with Acme Co.", "It took a year."],
        ),
        (
            "He wrote for Warner Bros. Entertainment.",
            &["He wrote for Warner Bros. Entertainment."],
        ),
        (
            "The U.S. and the E.U. agreed.",
            &["The U.S. and the E.U. agreed."],
        ),
        (
            "Troops left the U.S. But they came back.",
            &["Troops left the U.S.", "But they came back."],
        ),
        (
            "He lived in the U.K. In 2001 he moved.",
            &["He lived in the U.K.", "In 2001 he moved."],
        ),
        (
            "Gen. Z and Rep. Smith, D-Calif., voted.",
            &["Gen. Z and Rep. Smith, D-Calif., voted."],
        ),
        (
            "It happened in Portland, Ore. Police arrived.",
            &["It happened in Portland, Ore.", "Police arrived."],
        ),
        (
            "It happened in Portland, Ore. The police arrived.",
            &["It happened in Portland, Ore.", "The police arrived."],
        ),
        (
            "Prices rose 0.5 percent. 3.2 million people lost jobs.",
            &["Prices rose 0.5 percent.", "3.2 million people lost jobs."],
        ),
        (
            "The rate was 2.5. It fell.",
            &["The rate was 2.5.", "It fell."],
        ),
        (
            "Version 1.2.3 shipped. Users cheered.",
            &["Version 1.2.3 shipped.", "Users cheered."],
        ),
        ("He ran 26.2 miles!", &["He ran 26.2 miles!"]),
        (
            "It cost £1.5m. That was a lot.",
            &["It cost £1.5m.", "That was a lot."],
        ),
        (
            "Who knows? Nobody. Really!",
            &["Who knows?", "Nobody.", "Really!"],
        ),
        (
            "He asked \"Why me?\" and left.",
            &["He asked \"Why me?\" and left."],
        ),
        (
            "\"Go!\" \"Now!\" they yelled.",
            &["\"Go!\"", "\"Now!\" they yelled."],
        ),
        (
            "She said it was \"fine.\" He disagreed.",
            &["She said it was \"fine.\"", "He disagreed."],
        ),
        ("Listen.\" He paused.", &["Listen.\"", "He paused."]),
        (
            "The film (released in 2001.) won.",
            &["The film (released in 2001.) won."],
        ),
        (
            "See www.cnn.com. The site is live.",
            &["See www.cnn.com.", "The site is live."],
        ),
        (
            "Email tips@cnn.com. The team reads them.",
            &["Email tips@cnn.com.", "The team reads them."],
        ),
        (
            "Go to http://bbc.co.uk/news. More there.",
            &["Go to http://bbc.co.uk/news.", "More there."],
        ),
        (
            "The file report.PDF was found.",
            &["The file report.PDF was found."],
        ),
        (
            "He uses Vue.js and Socket.IO at work.",
            &["He uses Vue.js and Socket.IO at work."],
        ),
        (
            "A $5.99 meal. A 99.9% rate.",
            &["A $5.99 meal.", "A 99.9% rate."],
        ),
        (
            "It is 5 p.m. in London. It is noon in N.Y.",
            &["It is 5 p.m. in London.", "It is noon in N.Y."],
        ),
        (
            "N.Y. Times reporters and L.A. fans came.",
            &["N.Y. Times reporters and L.A. fans came."],
        ),
        (
            "Harry S. Truman and Ulysses S. Grant served.",
            &["Harry S. Truman and Ulysses S. Grant served."],
        ),
        (
            "It was Plan B. Then came Plan C.",
            &["It was Plan B.", "Then came Plan C."],
        ),
        (
            "He went to St. Andrews. The course was hard.",
            &["He went to St. Andrews.", "The course was hard."],
        ),
        (
            "He said he'd go... but he didn't.",
            &["He said he'd go... but he didn't."],
        ),
        ("And then … it happened.", &["And then … it happened."]),
        (
            "Wait for it…\" She smiled.",
            &["Wait for it…\"", "She smiled."],
        ),
        ("Loading.... Done.", &["Loading.... Done."]),
        ("It was (sic.) wrong.", &["It was (sic.) wrong."]),
        ("Ratings: 1. Good 2. Bad", &["Ratings: 1. Good", "2. Bad"]),
        (
            "The No. 2 seed won. No. 3 lost.",
            &["The No. 2 seed won.", "No. 3 lost."],
        ),
        ("It's 9.30pm. We're late.", &["It's 9.30pm.", "We're late."]),
        ("Tel. 555-1234. Call now.", &["Tel. 555-1234.", "Call now."]),
        (
            "Apt. 4B is empty. Rent it.",
            &["Apt. 4B is empty.", "Rent it."],
        ),
        ("OK. So what?", &["OK.", "So what?"]),
        (
            "He scored 3 goals. 2 came late.",
            &["He scored 3 goals.", "2 came late."],
        ),
        ("He said: 1) go 2) stop.", &["He said: 1) go 2) stop."]),
        // --- misc ---
        (
            "He bought an iPhone. iPhone sales rose.",
            &["He bought an iPhone.", "iPhone sales rose."],
        ),
        (
            "Wait . The spacing is odd .",
            &["Wait .", "The spacing is odd ."],
        ),
        (
            "He said: \"No.\" And left.",
            &["He said: \"No.\"", "And left."],
        ),
        (
            "It was the Lakers' win. Fans cheered.",
            &["It was the Lakers' win.", "Fans cheered."],
        ),
        (
            "The price was $5. $6 was next.",
            &["The price was $5.", "$6 was next."],
        ),
        (
            "It is World War II. The end came.",
            &["It is World War II.", "The end came."],
        ),
        (
            "Go to ch. 5 and art. 12 now.",
            &["Go to ch. 5 and art. 12 now."],
        ),
        (
            "He likes modern art. The museum is big.",
            &["He likes modern art.", "The museum is big."],
        ),
        (
            "Call ext. 1234 or tel. 555-0100.",
            &["Call ext. 1234 or tel. 555-0100."],
        ),
        (
            "He said, \"I am done.\"\n\nShe left.",
            &["He said, \"I am done.\"", "She left."],
        ),
        // --- inline enumerations ---
        (
            "1.) Buy milk 2.) Walk the dog",
            &["1.) Buy milk", "2.) Walk the dog"],
        ),
        (
            "a) Red wins. b) Blue loses.",
            &["a) Red wins.", "b) Blue loses."],
        ),
        (
            "3) Draft the memo 4) Send it out",
            &["3) Draft the memo", "4) Send it out"],
        ),
        (
            "a. Pack the car b. Drive north c. Rest",
            &["a. Pack the car", "b. Drive north", "c. Rest"],
        ),
        (
            "• 4. Check tyres • 5. Check oil",
            &["• 4. Check tyres", "• 5. Check oil"],
        ),
        (
            "⁃1. Check tyres ⁃2. Check oil",
            &["⁃1. Check tyres", "⁃2. Check oil"],
        ),
        (
            "Pick one of a) tea or b) coffee.",
            &["Pick one of a) tea or b) coffee."],
        ),
        (
            "The fee (see 2) is due. 3) More items came.",
            &["The fee (see 2) is due.", "3) More items came."],
        ),
        // --- addresses glued to a word ---
        (
            "Write to Anna.Berg@mail.example.org. She answers.",
            &["Write to Anna.Berg@mail.example.org.", "She answers."],
        ),
        (
            "It sold 2,500.Prices then fell.",
            &["It sold 2,500.", "Prices then fell."],
        ),
        // --- times, eras, degrees ---
        (
            "The shop shut at 8 p.m. Mrs. Lee went home.",
            &["The shop shut at 8 p.m.", "Mrs. Lee went home."],
        ),
        (
            "By 8 p.m. Mrs. Lee was home.",
            &["By 8 p.m. Mrs. Lee was home."],
        ),
        (
            "It rained; by 7:30 p.m. Dr. Ray had left.",
            &["It rained; by 7:30 p.m. Dr. Ray had left."],
        ),
        (
            "The wall was built in 120 A.D. Hadrian ordered it.",
            &["The wall was built in 120 A.D.", "Hadrian ordered it."],
        ),
        (
            "In 31 B.C. Octavian won at Actium.",
            &["In 31 B.C. Octavian won at Actium."],
        ),
        (
            "Her brother has a Ph.D. Nobody else does.",
            &["Her brother has a Ph.D.", "Nobody else does."],
        ),
        (
            "The vote is at 11 a.m. Eastern time on Friday.",
            &["The vote is at 11 a.m. Eastern time on Friday."],
        ),
        // --- numero sign, references, brackets ---
        (
            "The box is at N°. 42 on the quay.",
            &["The box is at N°. 42 on the quay."],
        ),
        (
            "The river is long.[4] Its delta is wide.",
            &["The river is long.[4]", "Its delta is wide."],
        ),
        (
            "The river is long. [4][5] Its delta is wide.",
            &["The river is long. [4][5]", "Its delta is wide."],
        ),
        (
            "\"Rain [...] fell all week [...]\" (Jones 12).",
            &["\"Rain [...] fell all week [...]\" (Jones 12)."],
        ),
        // --- ellipsis after a full stop, backtick quotes, soft line breaks ---
        (
            "The roads were closed. . . . The rain kept falling.",
            &["The roads were closed.", ". . . The rain kept falling."],
        ),
        (
            "He wrote `the end is near.` Nobody listened.",
            &["He wrote `the end is near.`", "Nobody listened."],
        ),
        (
            "The wind was \nstrong all night.",
            &["The wind was \nstrong all night."],
        ),
        ("Lunch\nbreakfast", &["Lunch", "breakfast"]),
        // --- detached quotes, trailing ellipses, tokenized abbreviations ---
        (
            "The mayor called it a ' done deal . ' Critics disagree .",
            &[
                "The mayor called it a ' done deal . '",
                "Critics disagree .",
            ],
        ),
        (
            "Fans loved '' Hello Again ! '' , the band's new single .",
            &["Fans loved '' Hello Again ! '' , the band's new single ."],
        ),
        (
            "They shouted: Stop! ... nobody listened. Was it over? ... Nobody knew.",
            &[
                "They shouted: Stop! ... nobody listened.",
                "Was it over? ...",
                "Nobody knew.",
            ],
        ),
        (
            "She called it a disaster.“ The council disagreed.",
            &["She called it a disaster.“", "The council disagreed."],
        ),
        (
            "We met Dr . Jones near U.S . Route 66 today .",
            &["We met Dr . Jones near U.S . Route 66 today ."],
        ),
        (
            "Do you know what to do ? '' Graham was convicted . He left .",
            &[
                "Do you know what to do ? ''",
                "Graham was convicted .",
                "He left .",
            ],
        ),
        (
            "Red Dolan went to get the Chief. ' Jed noticed the boat.",
            &[
                "Red Dolan went to get the Chief. '",
                "Jed noticed the boat.",
            ],
        ),
        (
            "'' It was bad , '' she wrote . '' Why did n't she leave ?",
            &[
                "'' It was bad , '' she wrote .",
                "'' Why did n't she leave ?",
            ],
        ),
        (
            "He was done. ' I guess I could, sir,' Jed admitted.",
            &["He was done.", "' I guess I could, sir,' Jed admitted."],
        ),
        // --- pauses, measures, times, roman numerals, bracketed numbers ---
        (
            "I thought... I would go. He said it was over... I asked why.",
            &[
                "I thought... I would go.",
                "He said it was over... I asked why.",
            ],
        ),
        (
            "He paused... \"I know.\" Then he left.",
            &["He paused...", "\"I know.\"", "Then he left."],
        ),
        (
            "He bought 5 ft. 3 in. 2 lb. of materials.",
            &["He bought 5 ft. 3 in. 2 lb. of materials."],
        ),
        (
            "The store opens at 7 a.m. and closes at 7 p.m. 7 a.m. is early.",
            &[
                "The store opens at 7 a.m. and closes at 7 p.m.",
                "7 a.m. is early.",
            ],
        ),
        (
            "The meeting ran until 10 p.m. 11:30 PM was when it ended.",
            &[
                "The meeting ran until 10 p.m.",
                "11:30 PM was when it ended.",
            ],
        ),
        (
            "It appeared on Going Underground Vol. II last year. Sales rose.",
            &[
                "It appeared on Going Underground Vol. II last year.",
                "Sales rose.",
            ],
        ),
        (
            "It is a verse (Phil. 4:8) that he likes.",
            &["It is a verse (Phil. 4:8) that he likes."],
        ),
        (
            "Check the reference [page. 42] for details. It helps.",
            &["Check the reference [page. 42] for details.", "It helps."],
        ),
        (
            "1) The first item. 2) The second item.",
            &["1) The first item.", "2) The second item."],
        ),
        // --- a line broken mid-clause ---
        (
            "This is a sentence\ncut off in the middle because pdf.",
            &["This is a sentence\ncut off in the middle because pdf."],
        ),
        (
            "The company said on Monday that it would\ncut 500 jobs. Shares fell.",
            &[
                "The company said on Monday that it would\ncut 500 jobs.",
                "Shares fell.",
            ],
        ),
        (
            "features\ncontact manager\nevents, activities\n",
            &["features", "contact manager", "events, activities"],
        ),
        (
            "Photo by John Smith\nupdated at noon",
            &["Photo by John Smith", "updated at noon"],
        ),
        (
            "No, they go here. [z] Last, but not least. (vii) And the Romans, too.",
            &[
                "No, they go here.",
                "[z] Last, but not least.",
                "(vii) And the Romans, too.",
            ],
        ),
        (
            "He was sentenced to pay (a) fines and (b) costs.",
            &["He was sentenced to pay (a) fines and (b) costs."],
        ),
        // --- roman-numeral lists ---
        (
            "i.) The first item ii.) The second item",
            &["i.) The first item", "ii.) The second item"],
        ),
        (
            "i) Apples ii) Pears iii) Plums iv) Figs v) Dates",
            &[
                "i) Apples",
                "ii) Pears",
                "iii) Plums",
                "iv) Figs",
                "v) Dates",
            ],
        ),
        (
            "ii. The first item iii. The second item",
            &["ii. The first item", "iii. The second item"],
        ),
        // --- detached quotes paired with the next one that can only close ---
        (
            "He got here on the freight that went through. ' The milkman gave him a look.  Then he turned to the back doors. '  Guess you could eat something, eh, boy? ' he said.",
            &[
                "He got here on the freight that went through. '",
                "The milkman gave him a look.",
                "Then he turned to the back doors.",
                "'  Guess you could eat something, eh, boy? ' he said.",
            ],
        ),
        (
            "She left. ' Come back soon, ' he said. ' We will, ' she said.",
            &[
                "She left.",
                "' Come back soon, ' he said.",
                "' We will, ' she said.",
            ],
        ),
        // --- sentence ends inside a parenthesis opened mid-sentence ---
        (
            "Nested (Parenthesis. (With words inside! (Right.)) (More. This is it!)) In the Big City.",
            &[
                "Nested (Parenthesis. (With words inside! (Right.)) (More. This is it!))",
                "In the Big City.",
            ],
        ),
        (
            "She waited (Why not let them fight it out? No need to hurry.) and then she ran.",
            &["She waited (Why not let them fight it out? No need to hurry.) and then she ran."],
        ),
        (
            "(This is one long remark. Followed by another.) Then the text.",
            &[
                "(This is one long remark.",
                "Followed by another.)",
                "Then the text.",
            ],
        ),
        (
            "Models (Smith et al., 2003(Smith et al., , 2005 and the Brownian Bridge Movement Model (BBMM) (Horne et al., 2007). Nevertheless, they cost.",
            &[
                "Models (Smith et al., 2003(Smith et al., , 2005 and the Brownian Bridge Movement Model (BBMM) (Horne et al., 2007).",
                "Nevertheless, they cost.",
            ],
        ),
    ];

    #[test]
    fn table() {
        let mut failures = Vec::new();
        for (input, expected) in CASES {
            let got = split(input);
            if got != *expected {
                failures.push(format!(
                    "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}\n"
                ));
            }
            check_invariants(input);
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn next_interesting_matches_a_byte_by_byte_scan() {
        // The set's bytes, their neighbours and `!` with bit 3 flipped, which must not match.
        let alphabet = [
            b'.',
            b'!',
            b'?',
            b')',
            b'(',
            b'\n',
            b'\r',
            b' ',
            b'a',
            0x21 ^ 0x08,
            0x29 ^ 0x08,
            0xD8,
            0xD7,
            0xDB,
            0xE0,
            0xE1,
            0xE2,
            0xE3,
            0xEF,
            0xF0,
            0x80,
            0xBF,
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 40) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            for from in 0..=len {
                let expected = bytes[from..]
                    .iter()
                    .position(|&c| INTERESTING[usize::from(c)])
                    .map(|k| from + k);
                assert_eq!(
                    next_interesting(&bytes, from),
                    expected,
                    "{bytes:x?} from {from}"
                );
            }
        }
    }

    #[test]
    fn lists_are_sorted() {
        fn sorted(name: &str, l: &[&str]) {
            for w in l.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} !< {:?}", w[0], w[1]);
            }
            for w in l {
                assert!(
                    w.len() <= 16 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'.'),
                    "{name}: {w}"
                );
            }
        }
        let abbr: Vec<&str> = ABBREVIATIONS.iter().map(|e| e.0).collect();
        sorted("ABBREVIATIONS", &abbr);
        // The packed keys order like the words, so the binary search over them finds each one.
        assert!(ABBREVIATION_KEYS.windows(2).all(|w| w[0] < w[1]));
        for (i, w) in abbr.iter().enumerate() {
            assert_eq!(english_abbreviation(w.as_bytes()), Some(i), "{w}");
            assert_eq!(
                english_abbreviation(&w.as_bytes()[1..]).map(|j| abbr[j]),
                abbr.iter().find(|a| **a == &w[1..]).copied()
            );
        }
        assert_eq!(
            english_abbreviation(b"mrs"),
            abbr.iter().position(|a| *a == "mrs")
        );
        assert_eq!(english_abbreviation(b"abcdefghijklmnopq"), None);
        sorted("BANG_NAMES", BANG_NAMES);
        sorted("STARTERS", STARTERS);
        sorted("COMPANY_FOLLOWERS", COMPANY_FOLLOWERS);
        sorted("SPEECH_VERBS", SPEECH_VERBS);
        sorted("DOMAIN_WORDS", DOMAIN_WORDS);
        sorted("ATTRIBUTION_CONTINUATIONS", ATTRIBUTION_CONTINUATIONS);
        sorted("NEVER_DOTTED", NEVER_DOTTED);
        sorted("PREPOSITIONS", PREPOSITIONS);
        let post: Vec<&str> = POST_DOTTED.iter().map(|e| e.0).collect();
        sorted("POST_DOTTED", &post);
    }

    #[test]
    fn whitespace_tables_match_std() {
        for c in (0u32..0x11000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf).as_bytes();
            let expect = if c.is_whitespace() { s.len() } else { 0 };
            assert_eq!(ws_at(s, 0), expect, "ws_at {c:?}");
            assert_eq!(ws_before(s, s.len()), expect, "ws_before {c:?}");
        }
    }

    #[test]
    fn paragraphs_single_newlines() {
        let text = "Headline Without Punctuation\nFirst para. Second sentence.\nSecond para.\r\nThird para.";
        let spans = sentences(text);
        let got: Vec<(&str, u32, bool)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Headline Without Punctuation", 0, true),
                ("First para.", 1, true),
                ("Second sentence.", 1, false),
                ("Second para.", 2, true),
                ("Third para.", 3, true),
            ]
        );
    }

    #[test]
    fn paragraphs_blank_lines() {
        let text = "\n\nOne. Two.\n\n\n  \nThree.\r\n\r\nFour\u{2029}Five.";
        let spans = sentences(text);
        let got: Vec<(&str, u32, bool)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                ("One.", 0, true),
                ("Two.", 0, false),
                ("Three.", 1, true),
                ("Four", 2, true),
                ("Five.", 3, true)
            ]
        );
    }

    const WRAPPED: &str = "\
The quick brown fox jumped over the lazy dog while the farmer was\n\
away at the market in the nearby town. He came back late in the\n\
evening and found that nothing at all had happened, which pleased\n\
him greatly. The dog, for its part, did not even notice the fox and\n\
kept sleeping in the warm afternoon sun until dinner time.\n\
\n\
A second paragraph begins here and goes on for a while so that it\n\
also wraps onto the next line. Mr. Smith agreed with this\n\
assessment entirely.\n\
- a bullet item that is here\n\
- another bullet item\n";

    #[test]
    fn hard_wrapped_text() {
        assert!(detect_hard_wrap(WRAPPED.as_bytes()).is_some());
        let spans = sentences(WRAPPED);
        let got: Vec<(String, u32)> = spans
            .iter()
            .map(|s| (WRAPPED[s.start..s.end].replace('\n', " "), s.paragraph))
            .collect();
        let expected: Vec<(String, u32)> = [
            ("The quick brown fox jumped over the lazy dog while the farmer was away at the market in the nearby town.", 0),
            ("He came back late in the evening and found that nothing at all had happened, which pleased him greatly.", 0),
            ("The dog, for its part, did not even notice the fox and kept sleeping in the warm afternoon sun until dinner time.", 0),
            ("A second paragraph begins here and goes on for a while so that it also wraps onto the next line.", 1),
            ("Mr. Smith agreed with this assessment entirely.", 1),
            ("- a bullet item that is here", 1),
            ("- another bullet item", 1),
        ]
        .iter()
        .map(|&(s, p)| (s.to_string(), p))
        .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn hard_wrapped_with_crlf_and_heading() {
        let text = WRAPPED.replace('\n', "\r\n");
        let text = format!("Short Heading\r\n{text}");
        assert!(detect_hard_wrap(text.as_bytes()).is_some());
        let got = split(&text);
        assert_eq!(got[0], "Short Heading");
        assert!(got[1].starts_with("The quick brown fox"));
        assert!(got[1].ends_with("nearby town."));
        assert_eq!(got.len(), 8);
    }

    #[test]
    fn not_hard_wrapped() {
        // One sentence per line, similar lengths: each line stays its own paragraph.
        let text = "This line is a complete sentence of moderate length here.\n\
                    This line is another complete sentence of similar size.\n\
                    A third line that is also a sentence and ends properly.\n\
                    The fourth line continues the pattern with a full stop.\n\
                    Finally the fifth line closes the little test document.\n";
        assert!(detect_hard_wrap(text.as_bytes()).is_none());
        let spans = sentences(text);
        assert_eq!(spans.len(), 5);
        assert_eq!(spans[4].paragraph, 4);
        // Short document: never hard-wrapped.
        assert!(
            detect_hard_wrap(b"a line without a stop that is of a decent length\nanother")
                .is_none()
        );
    }

    #[test]
    fn lines_and_lists_in_unwrapped_text() {
        let text = "Key points:\n- First point here\n- Second point\u{2028}Line two.\n1. One item.\n2) Two";
        let spans = sentences(text);
        let got: Vec<(&str, u32, bool)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Key points:", 0, true),
                ("- First point here", 1, true),
                ("- Second point", 2, true),
                ("Line two.", 3, true),
                ("1. One item.", 4, true),
                ("2) Two", 5, true),
            ]
        );
    }

    #[test]
    fn spans_are_exact_byte_ranges() {
        let text = "  Héllo wörld.  “Next” one!\n\n\tLast\u{a0}";
        let spans = sentences(text);
        assert_eq!(
            spans,
            vec![
                Span {
                    start: 2,
                    end: 16,
                    paragraph: 0,
                    first_in_paragraph: true
                },
                Span {
                    start: 18,
                    end: 33,
                    paragraph: 0,
                    first_in_paragraph: false
                },
                Span {
                    start: 36,
                    end: 40,
                    paragraph: 1,
                    first_in_paragraph: true
                },
            ]
        );
        assert_eq!(&text[2..16], "Héllo wörld.");
        assert_eq!(&text[18..33], "“Next” one!");
    }

    #[test]
    fn headline_list_is_not_hard_wrapped() {
        let text = "Premier League clubs agree new spending rules for the season\n\
                    Storm brings flooding to coastal towns across the region\n\
                    Central bank holds interest rates steady amid uncertainty\n\
                    Scientists find new species of frog in mountain forests\n\
                    Election campaign enters final week with polls tightening\n\
                    Tech giant unveils cheaper phone aimed at emerging markets\n";
        assert!(detect_hard_wrap(text.as_bytes()).is_none());
        let spans = sentences(text);
        assert_eq!(spans.len(), 6);
        assert!(spans.iter().all(|s| s.first_in_paragraph));
    }

    #[test]
    fn hard_wrapped_dashes_and_parentheses_are_not_bullets() {
        let text = "\
The group owns more than 5% of the exchange, a stake that is more than\n\
enough to demand a meeting. Its chief said the price offered for the\n\
firm - 300p a share - is far too low and that the Securities Exchange Co\n\
(SEC) would have to look at the case before the deal could go ahead at\n\
all. Analysts said the bid would probably fail, and the shares fell by\n\
3% in early trading on the news from the company in London on Monday.\n";
        assert!(detect_hard_wrap(text.as_bytes()).is_some());
        let got: Vec<String> = split(text).iter().map(|s| s.replace('\n', " ")).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("Its chief said"), "{got:?}");
        assert!(got[1].ends_with("at all."), "{got:?}");
    }

    #[test]
    fn seed_like_article() {
        let text = "North Korea News: Kim Backs Down, But For How Long?\n\
                    After weeks of tension, the North backed away. The decision comes weeks later.\n\
                    Analysts said such moves could be temporary.\n\
                    © Copyright IBTimes 2024. All rights reserved.";
        let spans = sentences(text);
        let got: Vec<(&str, u32, bool)> = spans
            .iter()
            .map(|s| (&text[s.start..s.end], s.paragraph, s.first_in_paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "North Korea News: Kim Backs Down, But For How Long?",
                    0,
                    true
                ),
                ("After weeks of tension, the North backed away.", 1, true),
                ("The decision comes weeks later.", 1, false),
                ("Analysts said such moves could be temporary.", 2, true),
                ("© Copyright IBTimes 2024.", 3, true),
                ("All rights reserved.", 3, false),
            ]
        );
    }

    #[test]
    fn no_panic_on_odd_inputs() {
        let big = "a".repeat(1 << 20);
        let inputs: Vec<String> = vec![
            String::new(),
            " ".into(),
            "\0".into(),
            "\0.\0.\0".into(),
            "\u{feff}Hi.".into(),
            "\r".into(),
            "\r\r\n\n\r".into(),
            ".".into(),
            "…".into(),
            "。".into(),
            "\u{2028}\u{2029}\u{85}\u{a0}".into(),
            "Mr.".into(),
            "Mr. ".into(),
            "U.S".into(),
            "e\u{301}. E\u{301}. Done.".into(),
            "1.".into(),
            "1. ".into(),
            "(".into(),
            "\"".into(),
            "“".into(),
            ". . ".into(),
            "a.\u{a0}B".into(),
            "x.\u{2009}Y".into(),
            "😀. 😀! 😀".into(),
            big.clone(),
            format!("{big}. {big}"),
        ];
        for s in &inputs {
            check_invariants(s);
        }
        assert_eq!(split(&big).len(), 1);
    }

    /// Inputs that would take quadratic time with unbounded rescans (must finish quickly even in
    /// debug builds).
    #[test]
    fn linear_on_adversarial_inputs() {
        const N: usize = 1 << 20;
        let cases = [
            "a.".repeat(N / 2),
            ".".repeat(N),
            "! ".repeat(N / 2),
            " ".repeat(N) + ".",
            "\n".repeat(N),
            " \n".repeat(N / 2),
            "x".repeat(N) + ". Y",
            "(".repeat(N) + "Mr. X",
            "\"".repeat(N / 2) + &".\"".repeat(N / 4),
            ". . ".repeat(N / 4),
            "1. ".repeat(N / 3),
            "U.S. ".repeat(N / 5),
            "…".repeat(N / 3),
            "。".repeat(N / 3),
            "• ".repeat(N / 4),
            "a\u{2028}".repeat(N / 4),
            "ab".repeat(N / 2),
            "Mr. \" ".repeat(N / 6),
            "x \" Mr. \" ".repeat(N / 10),
            "1) ".repeat(N / 3),
            "a) x ".repeat(N / 5),
            "x 1) y 2) ".repeat(N / 10),
            "[1]".repeat(N / 3),
            "x. [1] ".repeat(N / 7),
            "x. . . . Y ".repeat(N / 11),
            "In 5 p.m. Mr. ".repeat(N / 14),
            "a.b".repeat(N / 3),
            "⁃1. ".repeat(N / 6),
        ];
        for s in &cases {
            let t = std::time::Instant::now();
            check_invariants(s);
            assert!(
                t.elapsed().as_secs() < 20,
                "too slow on {:?}...",
                &s[..20.min(s.len())]
            );
        }
    }

    /// Small deterministic PRNG (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn randomized_invariants() {
        const PIECES: &[&str] = &[
            ".",
            "!",
            "?",
            "\n",
            "\r\n",
            "\n\n",
            "\"",
            "'",
            "(",
            ")",
            "[",
            "]",
            "…",
            "。",
            "！",
            "？",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{2028}",
            "\u{2029}",
            "\u{3000}",
            "1",
            "2",
            "42",
            "3.5",
            "a",
            "b",
            "The",
            "he",
            "Mr",
            "U.S",
            "Inc",
            "e.g",
            "No",
            "x",
            "A",
            "I",
            "é",
            "É",
            "😀",
            "\u{301}",
            "\0",
            "”",
            "“",
            "’",
            "‘",
            "»",
            "«",
            "-",
            "•",
            "...",
            ". . .",
            "Yahoo",
            "said",
            "www.a.com",
            "@",
            "/",
            ":",
            "中",
            "।",
            "؟",
            "\u{85}",
            "\u{feff}",
            "`",
            "''",
            "[1]",
            "1)",
            "a)",
            "⁃",
            "p.m",
            "B.C",
            "At",
            "N°",
            "@",
            " \n",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = rng.below(40);
            let mut s = String::new();
            for _ in 0..len {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
            check_invariants(&s);
        }
        // Random bytes turned into valid UTF-8.
        for _ in 0..5_000 {
            let len = rng.below(64);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let s = String::from_utf8_lossy(&bytes);
            check_invariants(&s);
        }
        // Random hard-wrapped-looking documents.
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..rng.below(12) {
                for _ in 0..(40 + rng.below(40)) {
                    s.push_str(PIECES[rng.below(PIECES.len())]);
                    s.push(' ');
                }
                s.push('\n');
            }
            check_invariants(&s);
        }
    }
}
