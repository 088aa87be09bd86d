//! The HTML tokenizer's view of a page, as far as the nesting guard needs it.

use super::attributes::{Attrs, scan_tag};
use super::*;

/// The HTML tokenizer's view of a page, enough to find tags and the extent of raw text.
pub(super) struct Lexer<'a> {
    /// The page.
    pub(super) bytes: &'a [u8],
    /// Where the next token starts.
    pub(super) pos: usize,
    /// The byte ranges of attributes past [`MAX_ATTRIBUTES`] in the tags read so far, in order,
    /// for the caller to cut out of the page (and clear).
    pub(super) excess: Vec<(usize, usize)>,
}

impl<'a> Lexer<'a> {
    /// Starts at the beginning of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            pos: 0,
            excess: Vec::new(),
        }
    }

    /// Reads a tag's attributes from `from` (see [`scan_tag`]), noting those past
    /// [`MAX_ATTRIBUTES`] in `excess`: from the first of them to the tag's `>` (or `/>`), or to
    /// the end of the page when the tag is never closed.
    fn tag_end(&mut self, from: usize) -> Option<(usize, bool, Attrs)> {
        let mut attrs = Attrs::default();
        let end = scan_tag(self.bytes, from, &mut attrs);
        if let Some(cut) = attrs.excess {
            let to = match end {
                Some((after, true)) => after.saturating_sub(2),
                Some((after, false)) => after.saturating_sub(1),
                None => self.bytes.len(),
            };
            self.excess.push((cut, to.max(cut)));
        }
        end.map(|(after, self_closing)| (after, self_closing, attrs))
    }

    /// The next token; `cdata` if `<![CDATA[` opens a CDATA section here (in foreign content).
    pub(super) fn next(&mut self, cdata: bool) -> Option<Token> {
        let bytes = self.bytes;
        let start = self.pos;
        let rest = bytes.get(start..).filter(|rest| !rest.is_empty())?;
        if rest[0] != b'<' {
            let end = find_byte(bytes, start, b'<').unwrap_or(bytes.len());
            self.pos = end;
            return Some(Token::Text { start, end });
        }
        match rest.get(1).copied() {
            Some(b'!') => {
                self.pos = if rest.starts_with(b"<!--") {
                    comment_end(bytes, start + 4)
                } else if cdata && rest.starts_with(b"<![CDATA[") {
                    find(bytes, start + 9, b"]]>").map_or(bytes.len(), |i| i + 3)
                } else {
                    find_byte(bytes, start + 2, b'>').map_or(bytes.len(), |i| i + 1)
                };
                Some(Token::Other)
            }
            Some(b'/') => match rest.get(2).copied() {
                Some(b) if b.is_ascii_alphabetic() => {
                    let (t, name, after_name) = tag_name(bytes, start + 2);
                    let Some((end, ..)) = self.tag_end(after_name) else {
                        self.pos = bytes.len(); // the page ends inside the tag
                        return None;
                    };
                    self.pos = end;
                    Some(Token::End { element: t, name })
                }
                Some(b'>') => {
                    self.pos = start + 3;
                    Some(Token::Other)
                }
                Some(_) => {
                    self.pos = find_byte(bytes, start + 2, b'>').map_or(bytes.len(), |i| i + 1);
                    Some(Token::Other)
                }
                None => {
                    self.pos = bytes.len();
                    Some(Token::Text {
                        start,
                        end: bytes.len(),
                    })
                }
            },
            Some(b'?') => {
                self.pos = find_byte(bytes, start + 2, b'>').map_or(bytes.len(), |i| i + 1);
                Some(Token::Other)
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let (t, name, after_name) = tag_name(bytes, start + 1);
                let Some((end, self_closing, attrs)) = self.tag_end(after_name) else {
                    self.pos = bytes.len();
                    return None;
                };
                self.pos = end;
                Some(Token::Start(StartTag {
                    element: t,
                    name,
                    start,
                    self_closing,
                    attrs: attrs.hash,
                    font_attrs: attrs.font,
                    html_encoding: attrs.html_encoding,
                }))
            }
            _ => {
                let end = find_byte(bytes, start + 1, b'<').unwrap_or(bytes.len());
                self.pos = end;
                Some(Token::Text { start, end })
            }
        }
    }

    /// Skips the content of a raw text element and its end tag; returns the content's range.
    pub(super) fn skip_raw(&mut self, raw: Raw, t: Element) -> (usize, usize) {
        let bytes = self.bytes;
        let start = self.pos;
        let end = match raw {
            Raw::Plaintext => None,
            Raw::Script => script_end(bytes, start),
            Raw::Text => {
                let name = raw_name(t);
                let mut from = start;
                loop {
                    match find(bytes, from, b"</") {
                        Some(i) if is_end_tag_for(bytes, i, name) => break Some(i),
                        Some(i) => from = i + 2,
                        None => break None,
                    }
                }
            }
        };
        match end {
            Some(end) => {
                let after_name = end + 2 + raw_name(t).len();
                self.pos = self
                    .tag_end(after_name)
                    .map_or(bytes.len(), |(after, ..)| after);
                (start, end)
            }
            None => {
                self.pos = bytes.len();
                (start, bytes.len())
            }
        }
    }
}

/// The name of a raw text element, lowercase.
fn raw_name(t: Element) -> &'static [u8] {
    match t {
        Element::Script => b"script",
        Element::Style => b"style",
        Element::Xmp => b"xmp",
        Element::Iframe => b"iframe",
        Element::Noembed => b"noembed",
        Element::Noframes => b"noframes",
        Element::Title => b"title",
        Element::Textarea => b"textarea",
        _ => b"plaintext",
    }
}

/// Whether `</name` followed by whitespace, `/` or `>` starts at `at` (ASCII case-insensitive).
fn is_end_tag_for(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    bytes.get(at..at + 2) == Some(b"</".as_slice())
        && starts_with_ignore_case(bytes.get(at + 2..).unwrap_or_default(), name)
        && bytes
            .get(at + 2 + name.len())
            .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Where the `</script` that ends a script's content starts, following the tokenizer's script
/// data, escaped and double-escaped states (`<!--` ... `<script>` ... `</script>` ... `-->`).
fn script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = from;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        match state {
            State::Data => {
                if is_end_tag_for(bytes, i, b"script") {
                    return Some(i);
                }
                if rest.starts_with(b"<!--") {
                    i += 4;
                    while bytes.get(i) == Some(&b'-') {
                        i += 1;
                    }
                    if bytes.get(i) == Some(&b'>') {
                        i += 1;
                    } else {
                        state = State::Escaped;
                    }
                    continue;
                }
            }
            State::Escaped => {
                if rest.starts_with(b"-->") {
                    state = State::Data;
                    i += 3;
                    continue;
                }
                if is_end_tag_for(bytes, i, b"script") {
                    return Some(i);
                }
                if rest.first() == Some(&b'<')
                    && starts_with_ignore_case(rest.get(1..).unwrap_or_default(), b"script")
                    && rest
                        .get(7)
                        .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
                {
                    state = State::DoubleEscaped;
                    i += 7;
                    continue;
                }
            }
            State::DoubleEscaped => {
                if rest.starts_with(b"-->") {
                    state = State::Data;
                    i += 3;
                    continue;
                }
                if is_end_tag_for(bytes, i, b"script") {
                    state = State::Escaped;
                    i += 8;
                    continue;
                }
            }
        }
        i += 1;
    }
    None
}

/// Where a comment whose text starts at `from` (after `<!--`) ends.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    match bytes.get(from..) {
        Some([b'>', ..]) => from + 1,
        Some([b'-', b'>', ..]) => from + 2,
        _ => {
            let mut i = from;
            while let Some(dashes) = find(bytes, i, b"--") {
                match bytes.get(dashes + 2..) {
                    Some([b'>', ..]) => return dashes + 3,
                    Some([b'!', b'>', ..]) => return dashes + 4,
                    _ => i = dashes + 1,
                }
            }
            bytes.len()
        }
    }
}

/// A tag's name starting at `from`: the element, the lowercase name's hash, and where it ends.
fn tag_name(bytes: &[u8], from: usize) -> (Element, u64, usize) {
    let end = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .position(|&b| is_space(b) || b == b'/' || b == b'>')
        .map_or(bytes.len(), |i| i + from);
    let name = bytes.get(from..end).unwrap_or_default();
    let mut lower = [0u8; 16];
    let t = match lower.get_mut(..name.len()) {
        Some(buf) => {
            for (l, b) in buf.iter_mut().zip(name) {
                *l = b.to_ascii_lowercase();
            }
            element_named(buf)
        }
        None => Element::Other,
    };
    (t, fnv_lower(name), end)
}

/// The index of the first `byte` in `bytes` at or after `from`.
pub(super) fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| i + from)
}
