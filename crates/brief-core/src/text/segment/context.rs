//! The state of the segmenter as it walks the text: the tokens around a candidate boundary
//! and the main loop that cuts sentences (newlines, parentheses, punctuation runs).

use super::*;

/// The token before a run of terminal punctuation.
#[derive(Debug)]
pub(super) struct Prev {
    /// Start of the token (after whitespace).
    pub(super) start: usize,
    /// End of the token (start of the punctuation run).
    pub(super) end: usize,
    /// Class for abbreviation handling.
    pub(super) class: Class,
    /// Small number value when the token is all digits (at most 9 of them).
    pub(super) number: Option<u32>,
    /// Position in an enumeration when the token can be a list marker: the number for `1`..`999`,
    /// `LETTER_ITEM + n` for the n-th lowercase letter (`a` = 1), `ROMAN_ITEM + n` for a roman
    /// numeral of two or more letters.
    pub(super) item: Option<u32>,
    /// Looks like a list marker (`1`, `a`, `iv`) and has no opening bracket/hyphen.
    pub(super) marker: bool,
    /// `Yahoo`, `Jeopardy`, ...
    pub(super) bang_name: bool,
    /// Contains URL/domain/file-name characters (or is too long to look at).
    pub(super) urlish: bool,
    /// Ends with a lowercase letter (`sentence.Next`).
    pub(super) ends_lower: bool,
    /// Ends with a letter or digit (or closer).
    pub(super) ends_alnum: bool,
    /// Length in bytes of the token without openers.
    pub(super) core_len: usize,
}

/// Kind of the first character after the gap following a punctuation run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum NextKind {
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
pub(super) struct Next {
    pub(super) kind: NextKind,
    /// Preceded by an opening quote.
    pub(super) quote: bool,
    /// Position of the first character after the openers.
    pub(super) word: usize,
}

/// Outcome for one candidate.
pub(super) enum Decision {
    Split,
    NoSplit,
    /// Cut before the given position (inline numbered list), the marker itself stays.
    CutBefore(usize, u32),
}

/// Segmentation state.
pub(super) struct Segmenter<'a> {
    pub(super) text: &'a str,
    pub(super) b: &'a [u8],
    /// The language's additions to the English rules, if it has any.
    pub(super) own: Option<&'static Rules>,
    /// Sentences found and not yet handed out (see [`Sentences`]): one or two at a time.
    pub(super) out: Vec<Span>,
    /// Whether any sentence was found yet.
    pub(super) emitted: bool,
    /// Start of the current (not yet emitted) sentence.
    pub(super) seg_start: usize,
    pub(super) para: u32,
    pub(super) pending_para: bool,
    /// Lazy scan of the current sentence: scanned up to here.
    pub(super) scan_pos: usize,
    pub(super) first_nonws: Option<usize>,
    pub(super) first_content: Option<usize>,
    /// Next expected item number in an inline numbered list.
    pub(super) list_next: Option<u32>,
    /// Straight double quotes counted in the current sentence up to `quote_pos`.
    pub(super) quote_count: usize,
    pub(super) quote_pos: usize,
    /// `Some(typical line length)` for hard-wrapped text.
    pub(super) wrap: Option<usize>,
    /// Start of the current line.
    pub(super) line_start: usize,
    /// The current line starts with a bullet or list marker (hard-wrapped text only).
    pub(super) line_bullet: bool,
    /// The gap after the punctuation run being decided contains a line break.
    pub(super) gap_nl: bool,
}

impl<'a> Segmenter<'a> {
    pub(super) fn new(text: &'a str, own: Option<&'static Rules>) -> Self {
        let b = text.as_bytes();
        let wrap = detect_hard_wrap(b);
        Segmenter {
            text,
            b,
            own,
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
    pub(super) fn on_interesting(&mut self, i: usize) -> usize {
        match self.b[i] {
            b'.' | b'!' | b'?' => self.on_run(i),
            b'\n' | b'\r' => self.on_newline(i),
            b')' => self.on_paren(i),
            _ => self.on_multibyte(i),
        }
    }

    // -- sentence bookkeeping ------------------------------------------------------------------

    /// Ends the current sentence at `pos` (exclusive) and starts the next one there.
    pub(super) fn cut(&mut self, pos: usize, para_break: bool) {
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
    pub(super) fn emit(&mut self, a: usize, z: usize) {
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
    pub(super) fn advance(&mut self, upto: usize) {
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
    pub(super) fn has_content_before(&mut self, pos: usize) -> bool {
        self.advance(pos);
        self.first_content.is_some_and(|c| c < pos)
    }

    // -- line breaks ---------------------------------------------------------------------------

    /// Handles the line break at `i`; returns where to continue.
    pub(super) fn on_newline(&mut self, i: usize) -> usize {
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
            // R_BLANK_LINE
            self.cut(i, true);
            return k;
        }
        match self.wrap {
            // R_SOFT_BREAK: a trailing space marks a soft line break (as in `format=flowed` mail) when the
            // next line goes on in lowercase: `It was a cold \nnight in the city.`
            // So does a line of four or more words that stops on a lowercase word, mid-clause,
            // before a lowercase line (`This is a sentence\ncut off in the middle.`).
            None if i > line_start
                && b.get(k).is_some_and(u8::is_ascii_lowercase)
                && (b[i - 1] == b' ' || wrapped_fragment(b, line_start, i))
                && !line_ends_terminal(b, line_start, i) => {}
            // R_LINE_BREAK
            None => self.cut(i, true),
            // R_HARD_WRAP
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

    /// Handles `)` at `i` (`R_LIST_MARKER`, `R_INLINE_LIST`): list markers `1)`, `a)` at the start of a sentence begin an inline
    /// list, and the next marker in sequence (`2)`, `b)`) then starts a new sentence.
    pub(super) fn on_paren(&mut self, i: usize) -> usize {
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
    pub(super) fn list_continues(&self, item: u32) -> Option<u32> {
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
    pub(super) fn on_multibyte(&mut self, i: usize) -> usize {
        let b = self.b;
        if term_at(b, i).is_some() {
            return self.on_run(i);
        }
        if seq(b, i, &[0xE2, 0x80, 0xA8]) {
            return self.on_newline(i);
        }
        if seq(b, i, &[0xE2, 0x80, 0xA9]) {
            // R_BLANK_LINE: the paragraph separator.
            self.cut(i, true);
            self.line_start = i + 3;
            return i + 3;
        }
        if seq(b, i, &[0xE2, 0x80, 0xA2]) {
            // R_INLINE_BULLET: a bullet `•` surrounded by whitespace starts a new sentence.
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

    // -- punctuation runs (the run itself is in `run.rs`) -------------------------------------

    /// Is `end` inside a parenthesis opened mid-sentence, at most 64 bytes back, and not yet
    /// closed (`Nested (Parenthesis. (With words inside!) More.)`)? Then a sentence end inside
    /// it ends only the parenthetical remark, not the sentence. A parenthesis that opens the
    /// sentence may hold several sentences (`(This is one. And two.)`), and one opened further
    /// back is more likely unbalanced (`(Jonsen et al., 2003(Jonsen et al., , 2005 and ...`).
    pub(super) fn inside_parenthetical(&mut self, end: usize) -> bool {
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
    pub(super) fn odd_quotes(&mut self, end: usize) -> bool {
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
    pub(super) fn odd_detached(&self, tok: &[u8], end: usize) -> bool {
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
    pub(super) fn fronted_phrase(&mut self, pos: usize) -> bool {
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
                in_list(&PREPOSITIONS, &b[q..e])
            }
            _ => false,
        }
    }

    /// Is the token before the whitespace that ends at `s` a number (`5 p.m.`, `10:30 a.m.`)?
    pub(super) fn number_before(&self, s: usize) -> bool {
        let b = self.b;
        let w = ws_before(b, s);
        w > 0 && s - w > self.seg_start && b[s - w - 1].is_ascii_digit()
    }
}
