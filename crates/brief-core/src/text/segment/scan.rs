//! Byte-level helpers of the boundary scan: the tables of interesting and token bytes,
//! whitespace, terminal runs, closers and openers, bullets, and the hard-wrap pre-pass.

use super::*;

/// Bytes the main loop must stop at: terminal punctuation, line breaks and the lead bytes of
/// the multi-byte characters handled specially. Continuation bytes are never interesting.
pub(super) static INTERESTING: [bool; 256] = {
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
pub(super) fn next_interesting(b: &[u8], from: usize) -> Option<usize> {
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
pub(super) const KEY_BREAK: u8 = 1;
/// A [`TOKEN_BYTE`] class: the lead byte of an em or en dash, after which a key also starts.
pub(super) const DASH_LEAD: u8 = 2;
/// A [`TOKEN_BYTE`] class: a byte that makes a token look like a URL, path or address.
pub(super) const URLISH: u8 = 4;

/// The classes of each byte for the forward pass of `Segmenter::prev_token`.
pub(super) static TOKEN_BYTE: [u8; 256] = {
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
pub(super) fn seq(b: &[u8], i: usize, pat: &[u8]) -> bool {
    b.get(i..i.saturating_add(pat.len())) == Some(pat)
}

/// Length in bytes of the whitespace character starting at `i` (as `char::is_whitespace`), or 0.
#[inline]
pub(super) fn ws_at(b: &[u8], i: usize) -> usize {
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
pub(super) fn ws_before(b: &[u8], i: usize) -> usize {
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
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> (usize, u32) {
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
pub(super) fn dash_then_lower(b: &[u8], i: usize) -> bool {
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
pub(super) fn newline_at(b: &[u8], i: usize) -> usize {
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
pub(super) enum Term {
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
pub(super) fn term_at(b: &[u8], i: usize) -> Option<(usize, Term)> {
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
pub(super) fn closer_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
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
pub(super) fn opener_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    let c = *b.get(i)?;
    match c {
        b'"' | b'\'' | b'`' => Some((1, true)),
        // 0x7B is the left curly bracket, written as a number to keep the braces of this
        // function balanced for line-counting scripts.
        b'(' | b'[' | 0x7B => Some((1, false)),
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
pub(super) const HYPHEN_BULLET: &[u8] = "⁃".as_bytes();

/// Offset added to letter list markers (`a.`, `b)`) in `Prev::item` and `list_next`.
pub(super) const LETTER_ITEM: u32 = 1 << 20;

/// Offset added to roman list markers of two or more letters (`ii.`, `iv)`, `III.`).
pub(super) const ROMAN_ITEM: u32 = 1 << 21;

/// Skips a bullet (`• `, `- `, `* `, `⁃`) at `i`: returns where the item text starts, or `i`.
pub(super) fn after_bullet(b: &[u8], i: usize) -> usize {
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
pub(super) fn citation_len(b: &[u8], i: usize) -> usize {
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
pub(super) fn is_content_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || (c >= 0xC3 && c != 0xE2)
}

/// Bullet or list marker at `i` (start of a line): `- `, `* `, `+ `, `• `, `– `, `1. `, `2) `,
/// `a) `, `(a) `, `(1) `, `(iv) `. Returns the position of the item text.
pub(super) fn bullet_at(b: &[u8], i: usize) -> Option<usize> {
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
pub(super) fn line_ends_terminal(b: &[u8], start: usize, end: usize) -> bool {
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
pub(super) fn char_count(b: &[u8], start: usize, end: usize) -> usize {
    b[start..end]
        .iter()
        .filter(|&&c| (c & 0xC0) != 0x80)
        .count()
}

/// One non-blank line seen by the layout pre-pass.
#[derive(Clone, Copy)]
pub(super) struct LineInfo {
    /// Length in characters (capped: anything over 100 characters is "long").
    pub(super) len: usize,
    /// Ends with terminal punctuation.
    pub(super) terminal: bool,
    /// Length in characters of its first word (capped at 32).
    pub(super) first_word: usize,
    /// Starts with a lowercase ASCII letter (a continuation, not a headline or new item).
    pub(super) starts_lower: bool,
}

/// Calls `f(line, next)` for every non-blank line directly followed by another non-blank line
/// (a *continued* line: not the last line of its paragraph).
pub(super) fn for_each_continued_line(b: &[u8], mut f: impl FnMut(&LineInfo, &LineInfo)) {
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
pub(super) fn detect_hard_wrap(b: &[u8]) -> Option<usize> {
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
