//! The run of terminal punctuation at a candidate boundary: how far it reaches (terminals,
//! closers, reference marks, a detached quote or ellipsis) and which rule decides it.

use super::*;

/// The terminal punctuation from a candidate boundary on, as [`terminals_at`] finds it.
pub(super) struct Terminals {
    /// End of the terminals (where closers may start).
    pub(super) end: usize,
    /// Number of `.`.
    pub(super) dots: usize,
    /// Number of `!`, `?` and the like.
    pub(super) bangs: usize,
    /// An ellipsis (`…`, `. . .`) is part of it.
    pub(super) ellipsis: bool,
    /// A CJK stop is part of it.
    pub(super) cjk: bool,
}

/// A run of terminal punctuation and closers, with the whitespace gap after it.
pub(super) struct Run {
    /// Start of the run: the first terminal.
    pub(super) start: usize,
    pub(super) terminals: Terminals,
    /// A closing quote or bracket (or a reference mark) follows the terminals.
    pub(super) closer: bool,
    /// One of the closers is a quote.
    pub(super) quote_closer: bool,
    /// End of the run, where a cut goes.
    pub(super) end: usize,
    /// The first byte after the gap.
    pub(super) next: usize,
    /// There is whitespace after the run.
    pub(super) gap: bool,
}

/// The terminals (`.`, `!?`, `…`, `. . .`, CJK stops) from `i` on.
#[inline]
pub(super) fn terminals_at(b: &[u8], i: usize) -> Terminals {
    let n = b.len();
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
    Terminals {
        end: j,
        dots,
        bangs,
        ellipsis,
        cjk,
    }
}

/// The closers glued to the terminals ending at `term_end`, and the reference marks after
/// them: `(end, closer, quote_closer)`.
#[inline]
pub(super) fn closers_after(b: &[u8], term_end: usize) -> (usize, bool, bool) {
    let n = b.len();
    let mut j = term_end;
    let mut closer = false;
    let mut quote_closer = false;
    // R_RUN: the closers after the terminals.
    while let Some((len, q)) = closer_at(b, j) {
        // A straight quote directly followed by a letter opens the next word (`said."The`).
        if len == 1 && q && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
        closer = true;
        quote_closer |= q;
        j += len;
    }
    // R_MISTYPED_QUOTE: a left double quote glued to the end of a sentence and followed by a
    // space is a mistyped closing quote (`decision.“ However`).
    if j == term_end && seq(b, j, "“".as_bytes()) && ws_at(b, j + 3) > 0 {
        closer = true;
        quote_closer = true;
        j += 3;
    }
    // R_CITATION: reference marks belong to the sentence they follow: `end.[1][2]`,
    // `end. [3] Next`.
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
    (j, closer, quote_closer)
}

/// Length of a detached ellipsis at `k` (`...`, `....`, `…`), or 0.
#[inline]
fn detached_ellipsis_len(b: &[u8], k: usize) -> usize {
    if seq(b, k, b"...") {
        let mut e = k + 3;
        while b.get(e) == Some(&b'.') {
            e += 1;
        }
        e - k
    } else if seq(b, k, "…".as_bytes()) {
        3
    } else {
        0
    }
}

impl Segmenter<'_> {
    /// Handles the run of terminal punctuation starting at `i`; returns its end.
    pub(super) fn on_run(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        if let Some(end) = self.full_stop_before_ellipsis(i) {
            return end;
        }
        let terminals = terminals_at(b, i);
        let (mut run_end, mut closer, mut quote_closer) = closers_after(b, terminals.end);

        // Whitespace gap after the run.
        let (mut k, mut gap_nls) = skip_ws(b, run_end);
        // R_DETACHED_QUOTE (a single line break is a space in hard-wrapped text; never look
        // across a blank line).
        if k > run_end && (gap_nls == 0 || (gap_nls == 1 && self.wrap.is_some())) {
            let len = self.detached_closer_len(i, k, quote_closer);
            if len > 0 && (k + len >= n || ws_at(b, k + len) > 0) {
                closer = true;
                quote_closer = true;
                run_end = k + len;
                (k, gap_nls) = skip_ws(b, run_end);
            }
        }
        // R_BANG_ELLIPSIS: `Happy! ... No one`, a detached ellipsis after `!`/`?` trails the
        // exclamation; the word after it decides.
        if terminals.bangs > 0 && k > run_end && gap_nls == 0 {
            let len = detached_ellipsis_len(b, k);
            if len > 0 && (k + len >= n || ws_at(b, k + len) > 0) {
                run_end = k + len;
                (k, gap_nls) = skip_ws(b, run_end);
            }
        }
        let gap_nl = gap_nls > 0;
        self.gap_nl = gap_nl;
        if gap_nl && self.wrap.is_none() {
            // R_LINE_BREAK: the line break ends the sentence anyway.
            return run_end;
        }
        let run = Run {
            start: i,
            terminals,
            closer,
            quote_closer,
            end: run_end,
            next: k,
            gap: k > run_end,
        };
        let decision = if run.terminals.cjk {
            // R_CJK_STOP
            Decision::Split
        } else {
            self.decide_run(&run)
        };
        self.apply(decision, i, run_end);
        run_end
    }

    /// R_FULL_STOP_ELLIPSIS: `word. . . . Next`, a full stop followed by a spaced ellipsis that
    /// opens the next sentence (the ellipsis marks an omission at its start). Cuts after the
    /// full stop at `i` and returns where to go on.
    #[inline]
    fn full_stop_before_ellipsis(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
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
                return Some(i + 1);
            }
        }
        None
    }

    /// R_DETACHED_QUOTE: the length of a detached closing quote at `k` (`end. " Next`,
    /// `end. ” Next`) that belongs to the sentence of the run at `i`, or 0. A curly one does;
    /// a straight one when the sentence has an odd number of straight quotes.
    #[inline]
    fn detached_closer_len(&mut self, i: usize, k: usize, quote_closer: bool) -> usize {
        let b = self.b;
        if b.get(k) == Some(&b'"') && self.odd_quotes(i) {
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
        }
    }

    /// Decides the run (not a CJK stop) by its kind: `!`/`?`, an ellipsis or a period.
    #[inline]
    fn decide_run(&mut self, run: &Run) -> Decision {
        let b = self.b;
        let i = run.start;
        let mut prev = self.prev_token(i);
        // R_TOKENIZED_PERIOD: tokenized text detaches the period (`Mr . Robinson`,
        // `U.S . Highway`): an abbreviation before the space still counts.
        if prev.start == prev.end && i >= 2 && b[i - 1] == b' ' && b[i - 2].is_ascii_alphabetic() {
            let before = self.prev_token(i - 1);
            if matches!(before.class, Title | Weak | Never | Company | Post) {
                prev = before;
            }
        }
        // R_BRACKETED_STOP: `(...)`, `[…]`, `(?)`, `(!)` are never a boundary.
        let bracketed = i > 0
            && matches!(b[i - 1], b'(' | b'[')
            && matches!(b.get(run.terminals.end), Some(b')' | b']'));
        if bracketed {
            Decision::NoSplit
        } else if run.terminals.bangs > 0 {
            self.decide_bang(&prev, run.quote_closer, run.gap, run.next)
        } else if run.terminals.ellipsis || run.terminals.dots >= 2 {
            self.decide_ellipsis(run.quote_closer, run.gap, run.next)
        } else {
            self.decide_period(&prev, run.closer, run.gap, run.next, run.end)
        }
    }

    /// Carries out the decision on the run from `i` to `run_end`.
    #[inline]
    fn apply(&mut self, decision: Decision, i: usize, run_end: usize) {
        match decision {
            Decision::Split => {
                // R_CONTENT, R_PARENTHETICAL
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
    }
}
