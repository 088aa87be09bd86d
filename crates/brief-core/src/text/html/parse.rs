//! Page text -> DOM, in slices that the cancellation callback can interrupt, and the escape-run
//! guard that keeps html5ever's serializer linear on the DOM Readability works on.

use std::ops::ControlFlow;

use dom_query::{Document, NodeData, NodeRef};
use dom_smoothie::{Config, Readability};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{ParseOpts, parse_document};

use super::HtmlError;
use super::figures::mark_figures;
use crate::cancel::Cancelled;

/// How many bytes of the page html5ever parses between two checks of the cancellation callback
/// and of the node guard (well under a millisecond of work on a guarded page).
pub(super) const PARSE_SLICE: usize = 16 << 10;

/// Fewest bytes of page per DOM node, on average, past [`NODE_ALLOWANCE`] (the node guard).
///
/// dom_query holds a node in about 200 bytes (160 and the slack of its growing arena), so the DOM
/// of a page of one-letter elements (`<p>x`, two nodes in 4 bytes) would take 100 times the page,
/// and reopened formatting elements (`<b><i><u><s><em>x<p>y`) multiply nodes past the page's tags
/// (240 times the page was measured). The densest real pages (syntax-highlighted source) have a
/// node per 18 bytes and news pages one per 30 to 60 (400 pages measured); the parse stops, and
/// the page is refused, once the DOM has more nodes than [`NODE_ALLOWANCE`] plus one per this many
/// bytes of the page.
pub(super) const MIN_BYTES_PER_NODE: usize = 12;

/// DOM nodes allowed to any page, whatever its size (see [`MIN_BYTES_PER_NODE`]).
pub(super) const NODE_ALLOWANCE: usize = 4096;

/// Most DOM nodes a page of `bytes` may parse into (the node guard).
pub(super) fn max_nodes(bytes: usize) -> usize {
    NODE_ALLOWANCE + bytes / MIN_BYTES_PER_NODE
}

/// How many DOM nodes a walk visits between two checks of the cancellation callback.
const CHECK_NODES: usize = 4096;

/// Most characters html5ever's serializer escapes in a row (the escape-run guard).
///
/// For each `&` (or UTF-8 byte 0xC2, for U+0080-U+00BF) in a text node, html5ever 0.40's
/// `write_escaped` searches the rest of the text for the next `<` or `>` before it writes the
/// escape, and in an attribute value for the next `"`, `<` or `>`; a text of n `&` costs n²/2 bytes
/// of search (a 1 MB page of `&` would take about 14 s). dom_smoothie serializes the article it
/// finds (and the content of every `<object>`), so before Readability runs, a text node is split
/// into adjacent text nodes wherever more than this many such characters come without a `<` or `>`
/// between them, and an attribute value is cut short there. The search then costs at most this many
/// bytes per byte of text; adjacent text nodes serialize, and parse again, as the one text they
/// were, and no ordinary text has a run this long.
pub(super) const MAX_ESCAPE_RUN: usize = 128;

/// Parses a page as dom_query's `Document::from` does, [`PARSE_SLICE`] bytes at a time, checking
/// `cancelled` and the node guard ([`max_nodes`]) between slices. The parse errors html5ever reports are dropped after each slice:
/// dom_query keeps one for each error (24 bytes, for a page of `<` one per byte), and nothing
/// reads them.
///
/// # Errors
///
/// [`HtmlError::TooManyNodes`] past the node guard, [`HtmlError::Cancelled`] once `cancelled`
/// says so.
pub(super) fn parse(html: &str, cancelled: Cancelled<'_>) -> Result<Readability, HtmlError> {
    let page = parse_in_slices(html, PARSE_SLICE, max_nodes(html.len()), cancelled)?;
    mark_figures(&page);
    Ok(page)
}

/// [`parse`], `slice` bytes at a time (rounded up to a character boundary), allowing `max` nodes.
pub(super) fn parse_in_slices(
    html: &str,
    slice: usize,
    max: usize,
    cancelled: Cancelled<'_>,
) -> Result<Readability, HtmlError> {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = parse_document(Document::default(), opts);
    let mut rest = html;
    while !rest.is_empty() {
        if cancelled() {
            return Err(HtmlError::Cancelled);
        }
        let found = parser.tokenizer.sink.sink.tree.len();
        if found > max {
            return Err(HtmlError::TooManyNodes { found, max });
        }
        let mut cut = slice.clamp(1, rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (slice, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(slice));
        parser.tokenizer.sink.sink.errors.borrow_mut().clear();
        rest = tail;
    }
    let doc = parser.finish();
    *doc.errors.borrow_mut() = Vec::new();
    if doc.tree.len() > max {
        return Err(HtmlError::TooManyNodes {
            found: doc.tree.len(),
            max,
        });
    }
    Ok(Readability {
        doc,
        doc_url: None,
        config: Config::default(),
    })
}

/// Counts the nodes a walk visits and asks `cancelled` every [`CHECK_NODES`] of them.
pub(super) struct Ticker<'c> {
    cancelled: Cancelled<'c>,
    count: usize,
}

impl<'c> Ticker<'c> {
    pub(super) fn new(cancelled: Cancelled<'c>) -> Self {
        Self {
            cancelled,
            count: 0,
        }
    }

    /// One more node.
    ///
    /// # Errors
    ///
    /// [`HtmlError::Cancelled`] once `cancelled` says so.
    pub(super) fn tick(&mut self) -> Result<(), HtmlError> {
        self.count += 1;
        if self.count.is_multiple_of(CHECK_NODES) && (self.cancelled)() {
            return Err(HtmlError::Cancelled);
        }
        Ok(())
    }
}

/// Applies the escape-run guard ([`MAX_ESCAPE_RUN`]) to every text node and attribute value of
/// the page, in one walk.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub(super) fn limit_escape_runs(
    page: &Readability,
    cancelled: Cancelled<'_>,
) -> Result<(), HtmlError> {
    walk(page, cancelled, |node, _| {
        if node.is_text() {
            split_text(node);
        } else if node.is_element() {
            cut_attributes(node);
        }
        ControlFlow::Continue(())
    })
}

/// Visits every node below the page's root in document order, with its depth (1 for the root's
/// children), descending into elements only, until `visit` breaks; checks `cancelled` every
/// [`CHECK_NODES`] nodes. The walk keeps its own stack, so a deep page cannot overflow the
/// thread's.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub(super) fn walk<'p>(
    page: &'p Readability,
    cancelled: Cancelled<'_>,
    mut visit: impl FnMut(&NodeRef<'p>, usize) -> ControlFlow<()>,
) -> Result<(), HtmlError> {
    let mut ticker = Ticker::new(cancelled);
    let mut open = Vec::new();
    let mut next = page.doc.root().first_child();
    loop {
        while let Some(node) = next {
            ticker.tick()?;
            next = node.next_sibling();
            if visit(&node, open.len() + 1).is_break() {
                return Ok(());
            }
            if node.is_element()
                && let Some(child) = node.first_child()
            {
                open.push(next);
                next = Some(child);
            }
        }
        let Some(sibling) = open.pop() else {
            break;
        };
        next = sibling;
    }
    Ok(())
}

/// Splits a text node into adjacent text nodes where its escape runs are too long.
fn split_text(node: &NodeRef<'_>) {
    let text = node
        .query(|n| match &n.data {
            NodeData::Text { contents } => Some(contents.clone()),
            _ => None,
        })
        .flatten();
    let Some(text) = text else {
        return;
    };
    let cuts = escape_cuts(&text, false);
    if cuts.is_empty() {
        return;
    }
    let mut pieces = cuts.iter().copied().chain([text.len()]);
    let mut start = pieces.next().unwrap_or(text.len());
    node.update(|n| {
        if let NodeData::Text { contents } = &mut n.data {
            *contents = text.subtendril(0, piece_len(0, start));
        }
    });
    let mut last = *node;
    for end in pieces {
        let piece = node
            .tree
            .new_text(text.subtendril(piece_len(0, start), piece_len(start, end)));
        last.insert_after(&piece);
        last = piece;
        start = end;
    }
}

/// The length of `start..end` as a tendril length.
fn piece_len(start: usize, end: usize) -> u32 {
    u32::try_from(end.saturating_sub(start)).unwrap_or(u32::MAX)
}

/// Cuts attribute values short where their escape runs are too long.
fn cut_attributes(node: &NodeRef<'_>) {
    node.update(|n| {
        if let NodeData::Element(element) = &mut n.data {
            for attr in &mut element.attrs {
                if let Some(&cut) = escape_cuts(&attr.value, true).first() {
                    attr.value = attr.value.subtendril(0, piece_len(0, cut));
                }
            }
        }
    });
}

/// Where to cut `text` so that no piece has more than [`MAX_ESCAPE_RUN`] characters the
/// serializer escapes with no `<` or `>` (or, in an attribute value, `"`) after them in the same
/// piece; each cut is before an `&` or a 0xC2 lead byte, so on a character boundary.
fn escape_cuts(text: &str, attribute: bool) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut run = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'<' | b'>' => run = 0,
            b'"' if attribute => run = 0,
            b'&' | 0xC2 => {
                if run == MAX_ESCAPE_RUN {
                    cuts.push(i);
                    run = 0;
                }
                run += 1;
            }
            _ => {}
        }
    }
    cuts
}
