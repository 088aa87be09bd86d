//! A tag's attributes as html5ever's tokenizer reads them: where the tag ends, what the tree
//! model needs to know of them, and the attribute-count guard.

use super::lexer::find_byte;
use super::*;

/// Most attributes a tag may keep (the attribute-count guard): html5ever's tokenizer compares each
/// new attribute's name with every one before it in the tag, so a tag's time grows with the square
/// of its attributes (a 256 KB tag of distinct names would take over a second). Real tags have a
/// few dozen at most; the guard cuts the rest out of the page before it is parsed.
pub(super) const MAX_ATTRIBUTES: usize = 128;

/// What the guard needs from a tag's attributes.
#[derive(Default)]
pub(super) struct Attrs {
    /// An order-independent hash of the names and values.
    pub(super) hash: u64,
    /// Has `color`, `face` or `size`.
    pub(super) font: bool,
    /// Has an `encoding` of `text/html` or `application/xhtml+xml`.
    pub(super) html_encoding: bool,
    /// The attributes finished so far.
    count: usize,
    /// Where the first attribute past [`MAX_ATTRIBUTES`] starts.
    pub(super) excess: Option<usize>,
}

impl Attrs {
    /// An attribute name starts at `at`: remembers it if it is the first one past the limit.
    fn mark_excess(&mut self, at: usize) {
        if self.count == MAX_ATTRIBUTES && self.excess.is_none() {
            self.excess = Some(at);
        }
    }
}

/// Reads a tag's attributes from `from` (just after its name) as the tokenizer does, into
/// `attrs`: where the tag ends (after its `>`) and whether it is self-closing. `None` if the page
/// ends inside the tag (the tokenizer then drops it).
#[inline]
pub(super) fn scan_tag(bytes: &[u8], from: usize, attrs: &mut Attrs) -> Option<(usize, bool)> {
    if bytes.get(from) == Some(&b'>') {
        return Some((from + 1, false)); // most tags have no attributes
    }
    let mut scan = TagScan {
        bytes,
        attrs,
        state: State::BeforeName,
        name_start: from,
        name_end: from,
        value_start: from,
    };
    let mut i = from;
    loop {
        let b = *bytes.get(i)?;
        match scan.step(i, b) {
            Next::Advance => i += 1,
            Next::Reconsume => {}
            Next::Skip(to) => i = to,
            Next::End(after, self_closing) => return Some((after, self_closing)),
        }
    }
}

/// The tokenizer's states inside a tag, after its name.
#[derive(Clone, Copy, PartialEq)]
enum State {
    BeforeName,
    Name,
    AfterName,
    BeforeValue,
    Quoted(u8),
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

/// What the scanner does after a byte.
enum Next {
    /// Go on with the next byte.
    Advance,
    /// Read the same byte again in the new state.
    Reconsume,
    /// Go on at this index (past bytes that cannot change the state).
    Skip(usize),
    /// The tag ends before this index; it is self-closing or not.
    End(usize, bool),
}

/// A tag being scanned: the tokenizer's state and where the current attribute's parts start.
/// Its methods are always inlined into [`scan_tag`]'s loop, which runs for every byte of every
/// tag: as calls they would cost more than the work they do.
struct TagScan<'b, 'a> {
    bytes: &'b [u8],
    attrs: &'a mut Attrs,
    state: State,
    name_start: usize,
    name_end: usize,
    value_start: usize,
}

impl TagScan<'_, '_> {
    /// Reads the byte `b` at `i`.
    #[inline(always)]
    fn step(&mut self, i: usize, b: u8) -> Next {
        match self.state {
            State::BeforeName => self.before_name(i, b),
            State::Name => self.in_name(i, b),
            State::AfterName => self.after_name(i, b),
            State::BeforeValue => self.before_value(i, b),
            State::Quoted(quote) => {
                if b == quote {
                    self.finish(self.name_end, self.value_start, i);
                    self.state = State::AfterQuoted;
                    return Next::Advance;
                }
                // Only the closing quote ends the value, which can be most of a hostile page:
                // find it at once rather than byte by byte.
                Next::Skip(find_byte(self.bytes, i, quote).unwrap_or(self.bytes.len()))
            }
            State::Unquoted => self.in_unquoted_value(i, b),
            State::AfterQuoted => match b {
                _ if is_space(b) => {
                    self.state = State::BeforeName;
                    Next::Advance
                }
                _ => self.before_name(i, b),
            },
            State::SelfClosing => {
                if b == b'>' {
                    return Next::End(i + 1, true);
                }
                self.state = State::BeforeName;
                Next::Reconsume
            }
        }
    }

    /// Before an attribute name (also after a quoted value, but for whitespace).
    #[inline(always)]
    fn before_name(&mut self, i: usize, b: u8) -> Next {
        match b {
            _ if is_space(b) => {}
            b'/' => self.state = State::SelfClosing,
            b'>' => return Next::End(i + 1, false),
            _ => self.start_name(i),
        }
        Next::Advance
    }

    /// An attribute name starts at `i`.
    #[inline(always)]
    fn start_name(&mut self, i: usize) {
        self.state = State::Name;
        self.name_start = i;
        self.attrs.mark_excess(i);
    }

    /// Inside an attribute name.
    #[inline(always)]
    fn in_name(&mut self, i: usize, b: u8) -> Next {
        match b {
            _ if is_space(b) => {
                self.name_end = i;
                self.state = State::AfterName;
            }
            b'/' | b'>' => {
                self.finish(i, i, i);
                if b == b'>' {
                    return Next::End(i + 1, false);
                }
                self.state = State::SelfClosing;
            }
            b'=' => {
                self.name_end = i;
                self.state = State::BeforeValue;
            }
            _ => {}
        }
        Next::Advance
    }

    /// After an attribute name and whitespace.
    #[inline(always)]
    fn after_name(&mut self, i: usize, b: u8) -> Next {
        match b {
            _ if is_space(b) => {}
            b'=' => self.state = State::BeforeValue,
            b'/' | b'>' => {
                self.finish(self.name_end, i, i);
                if b == b'>' {
                    return Next::End(i + 1, false);
                }
                self.state = State::SelfClosing;
            }
            _ => {
                self.finish(self.name_end, i, i);
                self.start_name(i);
            }
        }
        Next::Advance
    }

    /// After `=`, before the value.
    #[inline(always)]
    fn before_value(&mut self, i: usize, b: u8) -> Next {
        match b {
            _ if is_space(b) => {}
            b'"' | b'\'' => {
                self.state = State::Quoted(b);
                self.value_start = i + 1;
            }
            b'>' => {
                self.finish(self.name_end, i, i);
                return Next::End(i + 1, false);
            }
            _ => {
                self.state = State::Unquoted;
                self.value_start = i;
            }
        }
        Next::Advance
    }

    /// Inside an unquoted value.
    #[inline(always)]
    fn in_unquoted_value(&mut self, i: usize, b: u8) -> Next {
        if is_space(b) || b == b'>' {
            self.finish(self.name_end, self.value_start, i);
            if b == b'>' {
                return Next::End(i + 1, false);
            }
            self.state = State::BeforeName;
        }
        Next::Advance
    }

    /// An attribute ends: its name runs from `name_start` to `name_end`, its value from
    /// `value_start` to `value_end` (empty when it has none).
    #[inline(always)]
    fn finish(&mut self, name_end: usize, value_start: usize, value_end: usize) {
        const COLOR: u64 = fnv_lower(b"color");
        const FACE: u64 = fnv_lower(b"face");
        const SIZE: u64 = fnv_lower(b"size");
        const ENCODING: u64 = fnv_lower(b"encoding");
        let attrs = &mut *self.attrs;
        attrs.count += 1;
        if attrs.count > MAX_ATTRIBUTES {
            return; // cut before the parser sees it
        }
        let name = fnv_lower(
            self.bytes
                .get(self.name_start..name_end)
                .unwrap_or_default(),
        );
        let value = self.bytes.get(value_start..value_end).unwrap_or_default();
        attrs.hash = attrs
            .hash
            .wrapping_add(name.rotate_left(17) ^ fnv(value).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        attrs.font |= name == COLOR || name == FACE || name == SIZE;
        attrs.html_encoding |= name == ENCODING
            && (value.eq_ignore_ascii_case(b"text/html")
                || value.eq_ignore_ascii_case(b"application/xhtml+xml"));
    }
}

/// FNV-1a of `bytes`.
pub(super) const fn fnv(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// FNV-1a of `bytes` with ASCII letters lowercased.
pub(super) const fn fnv_lower(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i].to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}
