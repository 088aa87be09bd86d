//! The decisions at a candidate boundary: the tokens before and after a punctuation run, and
//! whether a period, an ellipsis or a `!`/`?` ends the sentence there.

use super::*;

impl<'a> Segmenter<'a> {
    /// Extracts and classifies the token ending at `end` (the start of a punctuation run).
    pub(super) fn prev_token(&self, end: usize) -> Prev {
        let b = self.b;
        let (s, truncated) = self.token_start(end);
        let core = core_start(b, s, end);
        let (key, urlish) = key_start(b, core, end, truncated);
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
            classify_number(&mut prev, tok, whole);
        } else if tok.len() == 1 {
            classify_letter(&mut prev, tok[0], whole);
        } else if tok.contains(&b'.') {
            if let Some(class) = self.dotted_class(tok, key, s) {
                prev.class = class;
            }
        } else if tok.iter().all(u8::is_ascii_alphabetic) {
            self.classify_word(&mut prev, tok, whole);
        } else {
            self.classify_other(&mut prev, key);
        }
        prev
    }

    /// Start of the token ending at `end`: after whitespace, at most 64 bytes back and never
    /// before the start of the sentence; and whether it was cut short there.
    #[inline]
    fn token_start(&self, end: usize) -> (usize, bool) {
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
        (s, truncated)
    }

    /// The class of a token with inner periods (`U.S`, `Ph.D`, `e.g`, `a.m`: parts of one or two
    /// letters), `None` for any other. The token starts at `s`, its key (`tok`) at `key`.
    #[inline]
    fn dotted_class(&self, tok: &[u8], key: usize, s: usize) -> Option<Class> {
        let dotted = tok.len() <= 12
            && tok.split(|&c| c == b'.').all(|part| {
                (1..=2).contains(&part.len()) && part.iter().all(u8::is_ascii_alphabetic)
            });
        if !dotted {
            return None;
        }
        let mut buf = [0u8; 12];
        for (d, &c) in buf.iter_mut().zip(tok) {
            *d = c.to_ascii_lowercase();
        }
        let lower = &buf[..tok.len()];
        // R_NEVER, R_POST, R_WEAK
        let own = self.own.map_or(&[][..], |r| r.never_dotted);
        Some(
            if ENGLISH
                .never_dotted
                .iter()
                .chain(own)
                .any(|w| w.as_bytes() == lower)
            {
                Never
            } else if POST_DOTTED.iter().any(|&(w, after_number)| {
                w.as_bytes() == lower && (!after_number || (key == s && self.number_before(s)))
            }) {
                Post
            } else {
                Weak
            },
        )
    }
    /// Classifies a word of ASCII letters: a roman numeral, an abbreviation, a name with `!`.
    #[inline]
    fn classify_word(&self, prev: &mut Prev, tok: &[u8], whole: bool) {
        let capital = tok[0].is_ascii_uppercase();
        let roman = roman_value(tok);
        prev.marker = whole && roman.is_some();
        if let Some(v) = roman {
            prev.item = Some(ROMAN_ITEM + v);
        }
        let mut buf = [0u8; 16];
        if let Some(k) = lower_word(tok, &mut buf) {
            if let Some((cap, low)) = self.abbreviation(k) {
                prev.class = if capital { cap } else { low };
                // R_ACRONYM: all-caps tokens are acronyms (`SEC.`, `MS.`, `RT.`), except company
                // suffixes.
                if tok.iter().all(u8::is_ascii_uppercase) && prev.class != Company {
                    prev.class = Ordinary;
                }
            }
            // R_BANG_NAME
            prev.bang_name = capital && BANG_NAMES.contains(k);
        }
    }

    /// Classifies a token that is not ASCII letters, digits or dotted parts: a non-ASCII
    /// abbreviation, the numero sign, a non-ASCII initial. Its key starts at `key`.
    #[inline]
    fn classify_other(&self, prev: &mut Prev, key: usize) {
        let tok = &self.b[key..prev.end];
        // A non-ASCII abbreviation of the language (`Dña.`, `pág.`, `tél.`): rare, so the
        // lowercase copy it needs costs nothing on the common path.
        if self.own.is_some_and(|r| !r.abbreviations.is_empty())
            && tok.len() <= 16
            && let Ok(word) = std::str::from_utf8(tok)
            && word.chars().all(char::is_alphabetic)
            && let Some((cap, low)) = self.abbreviation(word.to_lowercase().as_bytes())
        {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            prev.class = if capital { cap } else { low };
            return;
        }
        // `N°. 5`, `nº. 12`: the numero sign.
        if matches!(tok, [b'N' | b'n', 0xC2, 0xB0 | 0xBA]) {
            prev.class = NumPrefix;
            return;
        }
        // A single non-ASCII capital letter is an initial (`É. Zola`).
        let mut chars = self.text[key..prev.end].chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            prev.class = Class::Initial;
        }
    }

    /// Looks at what follows the gap after a punctuation run (`nl`: the gap has a line break).
    pub(super) fn next_token(&self, p: usize, nl: bool) -> Next {
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

    /// `word.Next` without a space (`R_NO_SPACE`): a boundary only between plain words.
    pub(super) fn no_space_split(&self, prev: &Prev, closer: bool, p: usize) -> bool {
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
        // `LeanIn.Org`, `Example.Com`: domains.
        !ascii_word(b, p, 5).is_some_and(|e| in_list(&DOMAIN_WORDS, &b[p..e]))
    }

    /// Boundary after a single `.` (plus closers) at the end of `prev`; `p` is the first byte
    /// after the gap.
    pub(super) fn decide_period(
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
        if let Some(decision) = self.list_item(prev, closer, run_end) {
            return decision;
        }
        let next = self.next_token(p, self.gap_nl);
        // R_CLOSER_EVIDENCE: a closing quote/bracket after an abbreviation is evidence of a
        // sentence end, except after titles (`(Alabama Gov.) George Wallace`) and never-final
        // abbreviations.
        let class = if closer && !matches!(prev.class, Never | Title) {
            Ordinary
        } else {
            prev.class
        };
        let split = match next.kind {
            NextKind::End => true,
            // R_PUNCT_AFTER
            NextKind::Punct => false,
            // R_LOWERCASE, R_BRACKETED_MARKER: `... sold. iPhone sales ...`, `... here. (vii) And`
            NextKind::Lower => {
                matches!(class, Ordinary | Class::Number)
                    && ((!next.quote && b.get(next.word + 1).is_some_and(u8::is_ascii_uppercase))
                        || bracketed_marker_at(b, p))
            }
            // R_ORDINARY, R_MEASURE, R_BRACKETED_NUMBER, R_TIME_AFTER_TIME
            NextKind::Digit => {
                (matches!(class, Ordinary | Class::Number)
                    && !self.measure_goes_on(prev, next.word)
                    && !self.bracketed_number(prev.end, next.word))
                    // `before 7 p.m. 7 a.m. is ...`: a time cannot follow a time.
                    || (class == Post && time_at(b, next.word))
            }
            NextKind::Upper | NextKind::Other => self.splits_before_word(prev, class, &next),
        };
        if split {
            Decision::Split
        } else {
            Decision::NoSplit
        }
    }

    /// A period after a list marker or a number: `Some` when the list rules decide it.
    /// R_INLINE_LIST cuts before the next item of an inline list, R_LIST_MARKER keeps a marker
    /// that opens the sentence (or follows a colon) with its item.
    #[inline]
    fn list_item(&mut self, prev: &Prev, closer: bool, run_end: usize) -> Option<Decision> {
        let b = self.b;
        // `1.)`, `a.)`: a marker closed by a bracket.
        let paren_marker =
            prev.marker && run_end == prev.end + 2 && b.get(prev.end + 1) == Some(&b')');
        let plain = paren_marker || (!closer && run_end == prev.end + 1);
        if !plain {
            return None;
        }
        if let Some(num) = prev.item {
            // R_INLINE_LIST: `1. Foo 2. Bar`, `a. Foo b. Bar` -> cut before `2`, `b`.
            if let Some(after) = self.list_continues(num)
                && prev.start > self.seg_start
                && ws_before(b, prev.start) > 0
            {
                return Some(Decision::CutBefore(prev.start, after));
            }
        }
        // R_LIST_MARKER
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
                return Some(Decision::NoSplit);
            }
        }
        None
    }

    /// Does a period after `prev` (of `class`) end the sentence before a capitalised word, or
    /// anything but a lowercase word, a digit or punctuation (`next`)?
    #[inline]
    fn splits_before_word(&mut self, prev: &Prev, class: Class, next: &Next) -> bool {
        let b = self.b;
        let upper = next.kind == NextKind::Upper;
        match class {
            // R_ORDINAL
            Class::Number if self.ordinal(prev, next.word) => false,
            // R_NUMBER_PREFIX: `Vol. II`, `No. IV`, before a roman numeral.
            NumPrefix if !next.quote && roman_at(b, next.word) => false,
            // R_ORDINARY
            Ordinary | Class::Number | NumPrefix => upper || !next.quote,
            // R_TITLE, R_NEVER
            Title | Never => false,
            // R_INITIAL
            Class::Initial => !next.quote && self.starter(next.word),
            // R_WEAK
            Weak => self.starter(next.word) || (next.quote && upper),
            // R_COMPANY
            Company => {
                self.starter(next.word)
                    || (next.quote && upper)
                    || (!next.quote && capword_then_lower(b, next.word))
            }
            // R_POST
            Post => {
                self.starter(next.word)
                    || (next.quote && upper)
                    || (!next.quote
                        && (capword_then_lower(b, next.word) || title_at(b, next.word))
                        && !self.fronted_phrase(prev.start))
            }
        }
    }

    /// `5 ft. 3 in. 2 lb.` (`R_MEASURE`): `in.` after a number and before another number is the inch.
    pub(super) fn measure_goes_on(&self, prev: &Prev, next_word: usize) -> bool {
        let b = self.b;
        prev.end == prev.start + 2
            && &b[prev.start..prev.end] == b"in"
            && self.number_before(prev.start)
            && b.get(next_word).is_some_and(u8::is_ascii_digit)
    }

    /// `[page. 42]`, `(Phil. 4:8)` (`R_BRACKETED_NUMBER`): a number closed by the bracket that opened before the
    /// period (`end`), in the current sentence (at most 64 bytes back and a few digits ahead).
    pub(super) fn bracketed_number(&self, end: usize, next_word: usize) -> bool {
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

    /// A capitalised common sentence starter at `q` (`R_STARTER`): an English one, or a stop word of the
    /// language (`Die`, `Le`, `El`).
    pub(super) fn starter(&self, q: usize) -> bool {
        let b = self.b;
        if is_starter(b, q) {
            return true;
        }
        let Some(own) = self.own else {
            return false;
        };
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
                .is_some_and(|k| own.language.is_stop_word(k))
    }

    /// The classes of the abbreviation `key` (lowercase): the language's, else English's.
    pub(super) fn abbreviation(&self, key: &[u8]) -> Option<(Class, Class)> {
        if let Some(own) = self.own
            && let Some(idx) = own.abbreviation_set.index(key)
        {
            let (_, cap, low) = own.abbreviations[idx];
            return Some((cap, low));
        }
        english_abbreviation(key).map(|idx| {
            let (_, cap, low) = ENGLISH.abbreviations[idx];
            (cap, low)
        })
    }

    /// `am 3. Oktober` (`R_ORDINAL`): the number before the period is an ordinal, by the word after it.
    pub(super) fn ordinal(&self, prev: &Prev, next_word: usize) -> bool {
        let Some(own) = self.own else {
            return false;
        };
        if own.ordinal_followers.is_empty() || prev.core_len > 3 {
            return false;
        }
        let b = self.b;
        // A month may be abbreviated itself (`5. Jan.`).
        ascii_word(b, next_word, 15).is_some_and(|e| {
            (word_ends_cleanly(b, e) || b.get(e) == Some(&b'.'))
                && in_list(own.ordinal_followers, &b[next_word..e])
        })
    }

    /// Boundary after an ellipsis (`...`, `…`, `. . .`, `....`): `R_ELLIPSIS`.
    pub(super) fn decide_ellipsis(&self, quote_closer: bool, gap: bool, p: usize) -> Decision {
        let b = self.b;
        if p >= b.len() {
            return Decision::Split;
        }
        let next = self.next_token(p, self.gap_nl);
        // R_ELLIPSIS_PAUSE: `I thought... I would go.`, a trailing-off ellipsis before a bare `I` marks a pause,
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

    /// Boundary after a run containing `!` or `?`: `R_BANG`.
    pub(super) fn decide_bang(
        &self,
        prev: &Prev,
        quote_closer: bool,
        gap: bool,
        p: usize,
    ) -> Decision {
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
                    // R_BANG_NAME
                    self.starter(next.word) || (next.quote && upper)
                } else if quote_closer && !next.quote && upper {
                    // R_SPEECH_ATTRIBUTION
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

/// Where the token starting at `s` begins once opening quotes and brackets (and a hyphen
/// bullet) are stripped, before `end`.
#[inline]
fn core_start(b: &[u8], s: usize, end: usize) -> usize {
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
    core
}

/// Where the abbreviation key of the token from `core` to `end` starts: after the last hyphen,
/// dash or bracket (`non-U.S.`, `ex-Gov.`, `(CNN)U.S.`); and whether the token looks like a URL,
/// path or address (or was `truncated`).
#[inline]
fn key_start(b: &[u8], core: usize, end: usize, truncated: bool) -> (usize, bool) {
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
    (key, urlish)
}

/// Classifies an all-digit token: a number, maybe a list marker.
#[inline]
fn classify_number(prev: &mut Prev, tok: &[u8], whole: bool) {
    prev.class = Class::Number;
    if tok.len() <= 9 {
        prev.number = Some(tok.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0')));
    }
    prev.marker = whole && tok.len() <= 3;
    if tok.len() <= 3 {
        prev.item = prev.number;
    }
}

/// Classifies a one-byte token: an initial, a list marker, `v.`, `p.`, `c.`.
#[inline]
fn classify_letter(prev: &mut Prev, c: u8, whole: bool) {
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
}
