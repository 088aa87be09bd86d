//! Words around a candidate boundary: lowercase copies, list lookups, capitalised words,
//! titles, detached fragments, roman numerals, clock times and speech attributions.

use super::*;

/// Lowercases an ASCII word into `buf`; `None` if it is empty, too long or not ASCII letters.
#[inline]
pub(super) fn lower_word<'b>(src: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
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

/// Is the (ASCII, any case) word `w` in `list` (of lowercase words)?
#[inline]
pub(super) fn in_list(list: &WordSet, w: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    lower_word(w, &mut buf).is_some_and(|k| list.contains(k))
}

/// End of the ASCII-letter word starting at `q` (at most `max` letters), or `None`.
#[inline]
pub(super) fn ascii_word(b: &[u8], q: usize, max: usize) -> Option<usize> {
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
pub(super) fn word_ends_cleanly(b: &[u8], e: usize) -> bool {
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
pub(super) fn following_word(b: &[u8], e: usize) -> Option<usize> {
    let mut j = e;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') && j - e < 3 {
        j += 1;
    }
    (j > e && j < b.len() && b[j].is_ascii_alphabetic()).then_some(j)
}

/// Capitalised or all-caps common sentence starter at `q` (`The`, `He`, `THE`; not `A.`).
pub(super) fn is_starter(b: &[u8], q: usize) -> bool {
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
    cased_ok && in_list(&STARTERS, w)
}

/// `[A-Z][a-z]+` word at `q`: returns its end.
#[inline]
pub(super) fn capword(b: &[u8], q: usize) -> Option<usize> {
    let e = ascii_word(b, q, 20)?;
    let w = &b[q..e];
    (w[0].is_ascii_uppercase() && w[1..].iter().all(u8::is_ascii_lowercase)).then_some(e)
}

/// A title such as `Mr.` or `Dr.` at `q`.
pub(super) fn title_at(b: &[u8], q: usize) -> bool {
    let Some(e) = capword(b, q) else { return false };
    let mut buf = [0u8; 16];
    b.get(e) == Some(&b'.')
        && lower_word(&b[q..e], &mut buf)
            .and_then(english_abbreviation)
            .is_some_and(|idx| ABBREVIATIONS[idx].1 == Title)
}

/// `Terms were ...`: a capitalised word (not a title or weekday) followed by a lowercase word.
pub(super) fn capword_then_lower(b: &[u8], q: usize) -> bool {
    let Some(e) = capword(b, q) else { return false };
    if e - q < 2 || in_list(&COMPANY_FOLLOWERS, &b[q..e]) {
        return false;
    }
    following_word(b, e).is_some_and(|j| b[j].is_ascii_lowercase())
}

/// Does `tok` stand alone right after the byte at `q`: that byte whitespace, and whitespace or
/// the end of the text after `tok`?
pub(super) fn detached_at(b: &[u8], q: usize, tok: &[u8]) -> bool {
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
pub(super) fn closes_by_pairing(b: &[u8], tok: &[u8], from: usize) -> bool {
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
pub(super) fn detached_ahead(b: &[u8], tok: &[u8], from: usize) -> bool {
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
pub(super) fn wrapped_fragment(b: &[u8], start: usize, end: usize) -> bool {
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
pub(super) fn bracketed_marker_at(b: &[u8], q: usize) -> bool {
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
pub(super) fn roman_value(w: &[u8]) -> Option<u32> {
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
pub(super) fn roman_at(b: &[u8], q: usize) -> bool {
    ascii_word(b, q, 4).is_some_and(|e| {
        e - q >= 2
            && b[q].is_ascii_uppercase()
            && roman_value(&b[q..e]).is_some()
            && word_ends_cleanly(b, e)
    })
}

/// A clock time with its meridiem at `q`: `7 a.m.`, `10:30 p.m.`, `7pm`, `11 AM`.
pub(super) fn time_at(b: &[u8], q: usize) -> bool {
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
pub(super) fn speech_attribution(b: &[u8], q: usize) -> bool {
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
    let verb_end = if b[w2].is_ascii_lowercase() && in_list(&SPEECH_VERBS, &b[w2..e2]) {
        e2
    } else if capword(b, w2).is_some() {
        match following_word(b, e2).and_then(|w3| Some((w3, ascii_word(b, w3, 15)?))) {
            Some((w3, e3)) if in_list(&SPEECH_VERBS, &b[w3..e3]) => e3,
            _ => return false,
        }
    } else {
        return false;
    };
    match b.get(verb_end) {
        None => true,
        Some(b'.' | b',' | b';' | b':' | b'!' | b'?') => true,
        Some(b' ') => following_word(b, verb_end).is_some_and(|w| {
            ascii_word(b, w, 15).is_some_and(|e| in_list(&ATTRIBUTION_CONTINUATIONS, &b[w..e]))
        }),
        _ => false,
    }
}
