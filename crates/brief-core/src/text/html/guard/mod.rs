//! The nesting guard: a linear pre-pass that keeps html5ever's stack of open elements shallow.
//!
//! Why it exists: html5ever 0.40 has no depth limit, and its tree builder walks the stack of open
//! elements for many tags (is a `<p>` open? is this end tag's element in scope?), so its time
//! grows with the square of the nesting depth: 100,000 nested `<div>`s take over a minute
//! (<https://github.com/servo/html5ever/issues/788>). Mis-nested formatting elements make it worse:
//! the adoption agency and "reconstruct the active formatting elements" can reopen a long list of
//! them at every block. Readability's scoring and dom_query's selectors recurse or rescan per
//! level as well. Browsers cap the parser's depth at 512.
//!
//! So before the real parse, this pass measures the page's nesting cheaply: it tokenizes the page
//! as html5ever would ([`lexer`], with the tag attribute scanner in [`attributes`]) and follows
//! html5ever's stack of open elements ([`tree`]: insertion modes, scopes, implied end tags, the
//! adoption agency, reconstructed formatting elements, foreign content), classifying elements by
//! the tables in [`element`]. When that stack would grow past [`MAX_DEPTH`], the rest of the page
//! is passed on as text, its blocks kept as `<br><br>`; tags with more than
//! [`attributes::MAX_ATTRIBUTES`] attributes lose the rest. The model errs towards deeper, and the
//! parsed DOM is measured again before Readability runs.

use std::borrow::Cow;

use super::HtmlError;
use super::decode::{find, is_space, starts_with_ignore_case};
use crate::cancel::Cancelled;

mod attributes;
mod element;
mod lexer;
mod tree;

use attributes::{fnv, fnv_lower};
use element::{Element, Raw, element_named, is_block, raw_text};
use lexer::Lexer;
use tree::TreeModel;

/// Deepest nesting of elements handed to the HTML parser.
pub(super) const MAX_DEPTH: usize = 256;

/// How many bytes of the page the guard reads between two checks of the cancellation callback
/// (about a millisecond of work).
const CHECK_BYTES: usize = 256 << 10;

/// The page with everything after the point where elements would nest deeper than
/// [`MAX_DEPTH`] reduced to text and the attributes of each tag past
/// [`attributes::MAX_ATTRIBUTES`] cut out, and the number of start tags in the page.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so (asked every [`CHECK_BYTES`] of the page).
pub(super) fn limit_nesting<'h>(
    html: &'h str,
    cancelled: Cancelled<'_>,
) -> Result<(Cow<'h, str>, usize), HtmlError> {
    let mut lexer = Lexer::new(html.as_bytes());
    let mut tree = TreeModel::new();
    let mut start_tags = 0usize;
    let mut page = Rewrite::new(html);
    let mut flat: Option<Flattened> = None;
    let mut next_check = 0;
    loop {
        if lexer.pos >= next_check {
            if cancelled() {
                return Err(HtmlError::Cancelled);
            }
            next_check = lexer.pos.saturating_add(CHECK_BYTES);
        }
        let Some(token) = lexer.next(tree.foreign_text()) else {
            break;
        };
        if let Token::Start(tag) = &token {
            start_tags += 1;
            if flat.is_none() && tree.too_deep() {
                flat = Some(Flattened::new(std::mem::take(&mut page).prefix(tag.start)));
            }
        }
        if let Some(flat) = flat.as_mut() {
            flat.token(token, &mut lexer, html);
            lexer.excess.clear();
            continue;
        }
        match token {
            Token::Text { start, end } => {
                let text = lexer.bytes.get(start..end).unwrap_or_default();
                tree.text(text.iter().all(|&b| is_space(b)));
            }
            Token::Start(tag) => {
                if let Some(raw) = tree.start(&tag) {
                    lexer.skip_raw(raw, tag.element);
                }
            }
            Token::End { element, name } => tree.end(element, name),
            Token::Other => {}
        }
        page.cut(&mut lexer.excess);
    }
    Ok(match flat {
        Some(flat) => (Cow::Owned(flat.out), start_tags),
        None => {
            page.cut(&mut lexer.excess);
            (page.finish(), start_tags)
        }
    })
}

/// The page as the guard passes it on: the page itself until something is cut out of it.
#[derive(Default)]
struct Rewrite<'h> {
    /// The page.
    html: &'h str,
    /// The output, once something was cut.
    out: Option<String>,
    /// How much of the page the output holds (or stands for, when cut).
    copied: usize,
}

impl<'h> Rewrite<'h> {
    fn new(html: &'h str) -> Self {
        Self {
            html,
            out: None,
            copied: 0,
        }
    }

    /// Cuts the given byte ranges of the page (in order, after what was already copied) out of
    /// the output, and empties the list.
    fn cut(&mut self, ranges: &mut Vec<(usize, usize)>) {
        for (from, to) in ranges.drain(..) {
            let out = self
                .out
                .get_or_insert_with(|| String::with_capacity(self.html.len()));
            out.push_str(self.html.get(self.copied..from).unwrap_or_default());
            self.copied = self.copied.max(to);
        }
    }

    /// The output up to `end` in the page.
    fn prefix(self, end: usize) -> String {
        let mut out = self
            .out
            .unwrap_or_else(|| String::with_capacity(self.html.len()));
        out.push_str(self.html.get(self.copied..end).unwrap_or_default());
        out
    }

    /// The whole output.
    fn finish(self) -> Cow<'h, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut out) => {
                out.push_str(self.html.get(self.copied..).unwrap_or_default());
                Cow::Owned(out)
            }
        }
    }
}

/// The rest of a page past the depth limit, as text: tags dropped, blocks kept as `<br><br>`.
struct Flattened {
    /// The page so far.
    out: String,
    /// The output ends with a paragraph break.
    broken: bool,
}

impl Flattened {
    /// Starts with the page up to where the limit was reached, kept as it is.
    fn new(out: String) -> Self {
        Self { out, broken: false }
    }

    /// Adds a token of the page.
    fn token(&mut self, token: Token, lexer: &mut Lexer<'_>, html: &str) {
        match token {
            Token::Text { start, end } => self.text(html.get(start..end).unwrap_or_default()),
            Token::Start(tag) => {
                self.tag(tag.element);
                if let Some(raw) = raw_text(tag.element) {
                    let (start, end) = lexer.skip_raw(raw, tag.element);
                    if raw == Raw::Plaintext {
                        self.text(html.get(start..end).unwrap_or_default());
                    }
                }
            }
            Token::End { element, .. } => self.tag(element),
            Token::Other => {}
        }
    }

    /// Adds text, escaping `<` so that no tag can form where tags were dropped.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '<' {
                self.out.push_str("&lt;");
            } else {
                self.out.push(c);
            }
        }
        if text.bytes().any(|b| !is_space(b)) {
            self.broken = false;
        }
    }

    /// Replaces a start or end tag.
    fn tag(&mut self, t: Element) {
        if t == Element::Br {
            self.out.push_str("<br>");
        } else if is_block(t) && !self.broken {
            self.out.push_str("<br><br>");
            self.broken = true;
        }
    }
}

/// One token, as the guard needs it.
enum Token {
    /// Character data, as a byte range of the page.
    Text { start: usize, end: usize },
    /// A start tag.
    Start(StartTag),
    /// An end tag.
    End { element: Element, name: u64 },
    /// A comment, doctype, CDATA section or ignored markup.
    Other,
}

/// A start tag.
struct StartTag {
    /// The element, if one the model knows.
    element: Element,
    /// A hash of the lowercased name.
    name: u64,
    /// Where the tag starts in the page.
    start: usize,
    /// Ends in `/>`.
    self_closing: bool,
    /// An order-independent hash of the attributes (for the "Noah's Ark" clause).
    attrs: u64,
    /// Has `color`, `face` or `size` (a `<font>` that breaks out of SVG and MathML).
    font_attrs: bool,
    /// Has `encoding="text/html"` or `"application/xhtml+xml"` (an `<annotation-xml>` that is
    /// an HTML integration point).
    html_encoding: bool,
}
