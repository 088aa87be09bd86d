//! What each stretch of a page's text was in the page: a heading, a paragraph, a list item, a
//! table cell, a caption, a quotation, code, a byline or dateline. Layout records it while it
//! builds the text (see `layout`), as sorted byte ranges of that text, so that the analysis can
//! keep everything but prose out of a brief. Plain text has no [`Blocks`] at all.

use std::ops::Range;

use super::figures::FIGURE_ATTR;

/// The kind of block a stretch of a page's text lies in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Block {
    /// Text in none of the blocks below (loose text in a `<div>`, say).
    #[default]
    Plain,
    /// A paragraph of prose (`<p>`).
    Paragraph,
    /// A heading, `<h1>` to `<h6>`, with its level.
    Heading(u8),
    /// A list item (`<li>`, `<dt>`, `<dd>`).
    ListItem,
    /// A table cell (`<td>`, `<th>`).
    TableCell,
    /// A figure, its caption or a photo credit (`<figure>`, `<figcaption>`, a table's
    /// `<caption>`, class names).
    Caption,
    /// A quotation (`<blockquote>`).
    Quote,
    /// Preformatted text or code (`<pre>` and its kin).
    Code,
    /// A byline, dateline or timestamp (`<time>`, `<address>`, authorship attributes, class
    /// names).
    Byline,
    /// An embedded social-media post (class names: a tweet, an Instagram or TikTok post).
    Embed,
}

impl Block {
    /// Whether the block holds prose: text that may enter a brief as it is.
    pub fn is_prose(self) -> bool {
        matches!(self, Self::Plain | Self::Paragraph | Self::Quote)
    }

    /// A small number per kind (levels apart), for tallies.
    fn slot(self) -> usize {
        match self {
            Self::Plain => 0,
            Self::Paragraph => 1,
            Self::Heading(_) => 2,
            Self::ListItem => 3,
            Self::TableCell => 4,
            Self::Caption => 5,
            Self::Quote => 6,
            Self::Code => 7,
            Self::Byline => 8,
            Self::Embed => 9,
        }
    }
}

/// Class-name fragments that mark a byline or dateline, and a caption or credit. Kept short on
/// purpose: each is a substring of the lowercased `class` attribute, so every entry is a chance of
/// marking an article's own wrapper (which `layout` guards against by size, see
/// [`MAX_NAMED_BLOCK`]).
const BYLINE_CLASSES: [&str; 4] = ["byline", "author", "dateline", "timestamp"];
/// ("pictext": Chinese portals' photo captions.)
const CAPTION_CLASSES: [&str; 3] = ["caption", "credit", "pictext"];

/// The attribute that keeps a heading's level in the page through Readability, which renames
/// every `<h1>` of the article to `<h2>` (see `readability::readability`, which sets it).
pub(super) const LEVEL_ATTR: &str = "data-brief-level";

/// Class-name fragments that mark an embedded social-media post.
const EMBED_CLASSES: [&str; 4] = ["tweet", "twitter", "instagram", "tiktok"];

/// `itemprop` values (schema.org) that mark authorship or the date.
const BYLINE_ITEMPROPS: [&str; 3] = ["author", "datepublished", "datemodified"];

/// Most text bytes a block recognized by its attributes (or a `<figure>`) may hold: more is an
/// article's wrapper with an unlucky class name, not a byline or a caption, and is laid out as
/// what it sits in.
pub(super) const MAX_NAMED_BLOCK: usize = 400;

/// The block an element opens, from its local name and attributes, and whether it was recognized
/// by its attributes (or is a `<figure>`), so that [`MAX_NAMED_BLOCK`] applies; `None` for an
/// element that opens no block of its own.
pub(super) fn block_of<'a>(
    name: &str,
    attrs: impl Iterator<Item = (&'a str, &'a str)>,
) -> Option<(Block, bool)> {
    let by_name = match name {
        "p" => Some(Block::Paragraph),
        "h1" => Some(Block::Heading(1)),
        "h2" => Some(Block::Heading(2)),
        "h3" => Some(Block::Heading(3)),
        "h4" => Some(Block::Heading(4)),
        "h5" => Some(Block::Heading(5)),
        "h6" => Some(Block::Heading(6)),
        "li" | "dt" | "dd" => Some(Block::ListItem),
        "td" | "th" => Some(Block::TableCell),
        "caption" | "figcaption" => Some(Block::Caption),
        "blockquote" => Some(Block::Quote),
        "pre" | "listing" | "plaintext" | "xmp" => Some(Block::Code),
        "time" | "address" => Some(Block::Byline),
        _ => None,
    };
    // A paragraph may still say by its attributes that it is a byline or a caption, a quotation
    // that it is an embedded post; a heading, only its level before Readability renamed it.
    if by_name.is_some_and(|b| !matches!(b, Block::Paragraph | Block::Quote)) {
        if let Some(Block::Heading(_)) = by_name {
            let mut attrs = attrs;
            if let Some((_, level)) = attrs.find(|&(attr, _)| attr == LEVEL_ATTR)
                && let Ok(level @ 1..=6) = level.parse::<u8>()
            {
                return Some((Block::Heading(level), false));
            }
        }
        return by_name.map(|b| (b, false));
    }
    for (attr, value) in attrs {
        let block = match attr {
            "rel" if value.trim().eq_ignore_ascii_case("author") => Some(Block::Byline),
            FIGURE_ATTR => Some(Block::Caption),
            "itemprop" => {
                let value = value.trim().to_ascii_lowercase();
                BYLINE_ITEMPROPS
                    .contains(&value.as_str())
                    .then_some(Block::Byline)
            }
            "class" => class_block(value),
            _ => None,
        };
        if let Some(block) = block {
            return Some((block, true));
        }
    }
    match by_name {
        Some(b) => Some((b, false)),
        None => (name == "figure").then_some((Block::Caption, true)),
    }
}

/// The block a `class` attribute names, if any (see [`BYLINE_CLASSES`]).
fn class_block(class: &str) -> Option<Block> {
    let class = class.to_ascii_lowercase();
    if EMBED_CLASSES.iter().any(|c| class.contains(c)) {
        Some(Block::Embed)
    } else if BYLINE_CLASSES.iter().any(|c| class.contains(c)) {
        Some(Block::Byline)
    } else if CAPTION_CLASSES.iter().any(|c| class.contains(c)) {
        Some(Block::Caption)
    } else {
        None
    }
}

/// What a block inside `outer` is: the innermost structural block wins, but a paragraph only
/// says what loose text is (a `<p>` in a list item is still the list item).
pub(super) fn nest(outer: Block, inner: Block) -> Block {
    match inner {
        Block::Paragraph | Block::Plain if outer != Block::Plain => outer,
        _ => inner,
    }
}

/// The blocks of a page's text: sorted, disjoint byte ranges, each with its kind. Adjacent
/// stretches of one kind are one range (with the separators between them). Offsets are kept in
/// 32 bits (12 bytes a range: a page can change blocks every few bytes); a text past 4 GiB, which
/// no request carries, would have its later blocks merged into the last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Blocks {
    spans: Vec<(u32, u32, Block)>,
}

impl Blocks {
    /// The ranges and their kinds, in order.
    pub fn spans(&self) -> impl Iterator<Item = (Range<usize>, Block)> + '_ {
        self.spans
            .iter()
            .map(|&(start, end, kind)| (start as usize..end as usize, kind))
    }

    /// Records that the text's byte range `start..end` is of kind `block` (ranges come in order).
    pub(super) fn push(&mut self, start: usize, end: usize, block: Block) {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX);
        match self.spans.last_mut() {
            Some((_, last_end, last)) if *last == block || start == u32::MAX => *last_end = end,
            _ => self.spans.push((start, end, block)),
        }
    }

    /// The number of ranges recorded so far.
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Gives the ranges from the `from`th on that are of kind `block` the kind `to` instead.
    pub(super) fn relabel(&mut self, from: usize, block: Block, to: Block) {
        for (_, _, kind) in self.spans.iter_mut().skip(from) {
            if *kind == block {
                *kind = to;
            }
        }
    }

    /// Gives the text from byte `start` on, where it is of kind `block`, the kind `to` instead,
    /// splitting the range that `start` falls in (adjacent ranges of one kind are merged, so the
    /// stretch may have begun inside one).
    pub(super) fn relabel_from(&mut self, start: usize, block: Block, to: Block) {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let mut first = self.spans.partition_point(|&(_, end, _)| end <= start);
        if let Some(&(span_start, span_end, kind)) = self.spans.get(first)
            && kind == block
            && span_start < start
        {
            self.spans[first].1 = start;
            first += 1;
            self.spans.insert(first, (start, span_end, kind));
        }
        for (_, _, kind) in self.spans.iter_mut().skip(first) {
            if *kind == block {
                *kind = to;
            }
        }
        // Adjacent ranges of one kind are one range, as `push` makes them.
        let mut merged = first.saturating_sub(1);
        for i in merged + 1..self.spans.len() {
            if self.spans[i].2 == self.spans[merged].2 {
                self.spans[merged].1 = self.spans[i].1;
            } else {
                merged += 1;
                self.spans[merged] = self.spans[i];
            }
        }
        self.spans.truncate((merged + 1).min(self.spans.len()));
    }

    /// The kind of most of the text's byte range `range` (ties to the first kind met); `Plain`
    /// where no block was recorded.
    pub fn kind_of(&self, range: Range<usize>) -> Block {
        let first = self
            .spans
            .partition_point(|&(_, end, _)| end as usize <= range.start);
        let mut bytes = [0usize; 10];
        let mut kinds = [Block::Plain; 10];
        let mut best = Block::Plain;
        for (start, end, kind) in self.spans[first..]
            .iter()
            .take_while(|&&(start, _, _)| (start as usize) < range.end)
        {
            let overlap = (*end as usize).min(range.end) - (*start as usize).max(range.start);
            let slot = kind.slot();
            if bytes[slot] == 0 {
                kinds[slot] = *kind;
            }
            bytes[slot] += overlap;
            if bytes[slot] > bytes[best.slot()] {
                best = kinds[slot];
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_of_a_range_is_that_of_most_of_it() {
        let mut blocks = Blocks::default();
        blocks.push(0, 10, Block::Heading(2));
        blocks.push(12, 20, Block::Paragraph);
        blocks.push(20, 24, Block::Byline);
        blocks.push(24, 60, Block::Paragraph);
        assert_eq!(blocks.kind_of(0..10), Block::Heading(2));
        assert_eq!(blocks.kind_of(12..60), Block::Paragraph);
        assert_eq!(blocks.kind_of(19..24), Block::Byline);
        assert_eq!(blocks.kind_of(60..70), Block::Plain);
        assert_eq!(Blocks::default().kind_of(0..5), Block::Plain);
    }

    #[test]
    fn adjacent_ranges_of_one_kind_merge() {
        let mut blocks = Blocks::default();
        blocks.push(0, 4, Block::ListItem);
        blocks.push(6, 9, Block::ListItem);
        blocks.push(11, 12, Block::Paragraph);
        assert_eq!(
            blocks.spans().collect::<Vec<_>>(),
            [(0..9, Block::ListItem), (11..12, Block::Paragraph)]
        );
    }

    #[test]
    fn relabelling_from_a_byte_splits_its_range() {
        let mut blocks = Blocks::default();
        blocks.push(0, 10, Block::Paragraph);
        blocks.push(12, 20, Block::Paragraph);
        blocks.push(20, 24, Block::Byline);
        blocks.relabel_from(12, Block::Paragraph, Block::Caption);
        assert_eq!(
            blocks.spans().collect::<Vec<_>>(),
            [
                (0..12, Block::Paragraph),
                (12..20, Block::Caption),
                (20..24, Block::Byline)
            ]
        );
    }

    #[test]
    fn paragraphs_inside_structure_keep_the_structure() {
        assert_eq!(nest(Block::ListItem, Block::Paragraph), Block::ListItem);
        assert_eq!(nest(Block::Plain, Block::Paragraph), Block::Paragraph);
        assert_eq!(nest(Block::Quote, Block::Byline), Block::Byline);
        let none = std::iter::empty();
        assert_eq!(block_of("div", none), None);
        let class = [("class", "story-Byline")];
        assert_eq!(
            block_of("div", class.into_iter()),
            Some((Block::Byline, true))
        );
        let credit = [("class", "photo-credit")];
        assert_eq!(
            block_of("span", credit.into_iter()),
            Some((Block::Caption, true))
        );
        let renamed = [("data-brief-level", "1")];
        assert_eq!(
            block_of("h2", renamed.into_iter()),
            Some((Block::Heading(1), false))
        );
        let itemprop = [("itemprop", "datePublished")];
        assert_eq!(
            block_of("span", itemprop.into_iter()),
            Some((Block::Byline, true))
        );
    }
}
