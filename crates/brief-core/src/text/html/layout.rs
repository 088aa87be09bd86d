//! A parsed page's DOM -> plain text: blocks become paragraphs, `<br>` a line break, other
//! whitespace one space; hidden and inert elements (and, when asked, the page chrome) are left out.
//! What each stretch of the text was (heading, list item, caption, ...) is recorded alongside, as
//! [`Blocks`].

use dom_query::NodeRef;
use dom_smoothie::Readability;

use super::HtmlError;
use super::blocks::{Block, Blocks, MAX_NAMED_BLOCK, block_of, nest};
use super::credit::ends_with_credit;
use super::parse::Ticker;
use crate::cancel::Cancelled;

/// How an element's content is laid out as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Not rendered, or boilerplate: the element and everything in it is left out.
    Skip,
    /// A paragraph break before and after.
    Block,
    /// A line break before and after (table cells).
    Line,
    /// A block whose whitespace is kept.
    Pre,
    /// `<br>`.
    Break,
    /// Flows with the surrounding text.
    Inline,
}

/// Lays out an element from its local name and attributes; `drop_chrome` also drops the page
/// chrome (navigation, headers, footers, asides, forms, dialogs).
fn layout<'a>(
    name: &str,
    attrs: impl Iterator<Item = (&'a str, &'a str)>,
    drop_chrome: bool,
) -> Layout {
    let layout = match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
        | "iframe" | "frame" | "frameset" | "object" | "embed" | "svg" | "math" | "canvas"
        | "video" | "audio" | "picture" | "img" | "map" | "select" | "datalist" | "textarea"
        | "button" | "input" => return Layout::Skip,
        "nav" | "header" | "footer" | "aside" | "form" | "dialog" | "menu" if drop_chrome => {
            return Layout::Skip;
        }
        "br" => Layout::Break,
        "pre" | "listing" | "plaintext" | "xmp" => Layout::Pre,
        "td" | "th" => Layout::Line,
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
        | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption"
        | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header"
        | "hgroup" | "hr" | "html" | "legend" | "li" | "main" | "menu" | "nav" | "ol" | "p"
        | "section" | "summary" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "ul" => {
            Layout::Block
        }
        _ => Layout::Inline,
    };
    for (attr, value) in attrs {
        let hidden = match attr {
            "hidden" => true,
            "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
            "style" => style_hides(value),
            "class" | "id" => is_consent_notice(value),
            "role" if drop_chrome => matches!(
                value.trim().to_ascii_lowercase().as_str(),
                "navigation"
                    | "banner"
                    | "contentinfo"
                    | "complementary"
                    | "dialog"
                    | "alertdialog"
            ),
            _ => false,
        };
        if hidden {
            return Layout::Skip;
        }
    }
    layout
}

/// Class or id words of a cookie or privacy consent notice, which is never part of an article
/// (a word must start with one: `cookie-warning`, `cookieBanner`, `gdpr-popup`).
const CONSENT_WORDS: [&str; 4] = ["cookie", "consent", "gdpr", "cmp-"];

/// Whether a `class` or `id` names a cookie or consent notice: one of its words starts with a
/// [`CONSENT_WORDS`] entry and says it is a notice (banner, bar, notice, warning, popup, ...), or
/// is about consent itself. "cookie-recipe" is not one.
fn is_consent_notice(value: &str) -> bool {
    value.split_ascii_whitespace().any(|word| {
        let word = word.to_ascii_lowercase();
        CONSENT_WORDS.iter().any(|c| word.starts_with(c))
            && (!word.starts_with("cookie")
                || [
                    "banner", "bar", "notice", "warning", "popup", "consent", "law", "message",
                ]
                .iter()
                .any(|kind| word.contains(kind)))
    })
}

/// Whether an inline `style` attribute hides the element (`display: none`, `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// The visible text of a parsed page's `<body>`, in one linear walk of its DOM; `drop_chrome`
/// leaves out navigation, headers, footers, asides, forms and dialogs.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub(super) fn visible_text(
    page: &Readability,
    drop_chrome: bool,
    cancelled: Cancelled<'_>,
) -> Result<(String, Blocks), HtmlError> {
    let Some(body) = page.doc.body() else {
        return Ok((String::new(), Blocks::default()));
    };
    walk(body.first_child(), true, drop_chrome, cancelled)
}

/// The visible text of one element and what it holds, as [`visible_text`] lays out a `<body>`
/// holding just that element.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub(super) fn visible_text_of(
    node: NodeRef<'_>,
    drop_chrome: bool,
    cancelled: Cancelled<'_>,
) -> Result<(String, Blocks), HtmlError> {
    walk(Some(node), false, drop_chrome, cancelled)
}

/// An element being laid out: where the walk goes after it, and what to restore when it ends.
struct Open<'a> {
    /// Its next sibling (if the walk visits siblings there).
    next: Option<NodeRef<'a>>,
    layout: Layout,
    /// The block around it.
    outer: Block,
    /// For a block recognized by its attributes (see [`MAX_NAMED_BLOCK`]): its kind, and the
    /// number of block ranges and text bytes when it started.
    named: Option<(Block, usize, usize)>,
    /// For a `<p>`: the text bytes when it started (see [`TextBuilder::end_paragraph`]).
    paragraph: Option<usize>,
}

/// Lays out `first` and what it holds (and, if `siblings`, its next siblings and theirs) as text.
fn walk(
    first: Option<NodeRef<'_>>,
    siblings: bool,
    drop_chrome: bool,
    cancelled: Cancelled<'_>,
) -> Result<(String, Blocks), HtmlError> {
    let mut ticker = Ticker::new(cancelled);
    let mut out = TextBuilder::default();
    // The open elements: an explicit stack, so depth cannot overflow.
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut next = first;
    loop {
        while let Some(node) = next {
            ticker.tick()?;
            next = if siblings || !open.is_empty() {
                node.next_sibling()
            } else {
                None
            };
            if node.is_text() {
                out.text(&node.text());
                continue;
            }
            let Some(element) = node.element_ref() else {
                continue; // comments, doctypes, processing instructions
            };
            let attrs = element
                .attrs
                .iter()
                .map(|attr| (&*attr.name.local, &*attr.value));
            let layout = layout(&element.name.local, attrs.clone(), drop_chrome);
            let block = if layout == Layout::Skip {
                None
            } else {
                block_of(&element.name.local, attrs)
            };
            drop(element);
            if layout == Layout::Skip {
                continue;
            }
            let outer = out.block;
            let paragraph = (block == Some((Block::Paragraph, false))).then_some(out.text.len());
            let named = out.enter(block);
            out.open(layout);
            if let Some(child) = node.first_child() {
                open.push(Open {
                    next,
                    layout,
                    outer,
                    named,
                    paragraph,
                });
                next = Some(child);
            } else {
                out.close(layout);
                out.leave(outer, named);
            }
        }
        let Some(element) = open.pop() else {
            break;
        };
        out.close(element.layout);
        if let Some(start) = element.paragraph {
            out.end_paragraph(start);
        }
        out.leave(element.outer, element.named);
        next = element.next;
    }
    Ok((out.text, out.blocks))
}

/// Builds the text: separators are held back until the next visible character, so no line has
/// leading or trailing whitespace and the text neither starts nor ends with whitespace.
#[derive(Debug, Default)]
struct TextBuilder {
    /// The text so far.
    text: String,
    /// Pending line breaks before the next character: 0, 1 ("\n") or 2 ("\n\n").
    breaks: u8,
    /// A space is pending before the next character.
    space: bool,
    /// Whitespace inside `<pre>` pending before the next character, kept as is.
    pre_space: String,
    /// `<pre>` elements open around the current node.
    pre_depth: usize,
    /// The last thing seen was a `<br>` (nothing visible since).
    after_br: bool,
    /// The block the current node lies in.
    block: Block,
    /// The text's blocks so far.
    blocks: Blocks,
    /// Blocks recognized by their attributes open around the current node.
    named_depth: usize,
}

impl TextBuilder {
    /// Enters an element that opens `block` (if any); returns what [`TextBuilder::leave`] needs
    /// if it is a block recognized by its attributes. Such blocks do not nest (a byline in a
    /// byline says nothing more), which also keeps their relabelling linear.
    fn enter(&mut self, block: Option<(Block, bool)>) -> Option<(Block, usize, usize)> {
        let (block, named) = block?;
        if named && self.named_depth > 0 {
            return None;
        }
        self.block = nest(self.block, block);
        if !named {
            return None;
        }
        self.named_depth += 1;
        Some((self.block, self.blocks.len(), self.text.len()))
    }

    /// Leaves an element, back in block `outer`: a block recognized by its attributes that
    /// turned out longer than [`MAX_NAMED_BLOCK`] was a wrapper, and its text becomes `outer`'s.
    fn leave(&mut self, outer: Block, named: Option<(Block, usize, usize)>) {
        if let Some((block, spans, bytes)) = named {
            self.named_depth = self.named_depth.saturating_sub(1);
            if self.text.len() - bytes > MAX_NAMED_BLOCK {
                self.blocks.relabel(spans, block, outer);
            }
        }
        self.block = outer;
    }

    /// Ends a `<p>` whose text began at byte `start`: a short one that ends with a photo credit
    /// is a caption, however it is marked up (see [`ends_with_credit`]).
    fn end_paragraph(&mut self, start: usize) {
        let (start, text) = self.since(start);
        if text.len() <= MAX_NAMED_BLOCK && ends_with_credit(text) {
            self.blocks
                .relabel_from(start, Block::Paragraph, Block::Caption);
        }
    }

    /// The text from byte `start` on without the separator before it, and where it starts.
    fn since(&self, start: usize) -> (usize, &str) {
        let text = self.text.get(start..).unwrap_or_default();
        let trimmed = text.trim_start_matches('\n');
        (start + (text.len() - trimmed.len()), trimmed)
    }

    /// Starts an element.
    fn open(&mut self, layout: Layout) {
        match layout {
            Layout::Block => self.line_breaks(2),
            Layout::Line => self.line_breaks(1),
            Layout::Pre => {
                self.line_breaks(2);
                self.pre_depth += 1;
            }
            Layout::Break => {
                let after_br = self.after_br;
                self.line_breaks(if after_br { 2 } else { 1 });
                self.after_br = true;
            }
            Layout::Inline | Layout::Skip => {}
        }
    }

    /// Ends an element.
    fn close(&mut self, layout: Layout) {
        match layout {
            Layout::Block => self.line_breaks(2),
            Layout::Line => self.line_breaks(1),
            Layout::Pre => {
                self.line_breaks(2);
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            Layout::Break | Layout::Inline | Layout::Skip => {}
        }
    }

    /// Asks for at least `n` line breaks before the next character; drops pending spaces.
    fn line_breaks(&mut self, n: u8) {
        self.breaks = self.breaks.max(n);
        self.space = false;
        self.pre_space.clear();
        self.after_br = false;
    }

    /// Adds a text node's contents.
    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            for c in text.chars() {
                if c == '\n' {
                    let n = if self.breaks > 0 { 2 } else { 1 };
                    let after_br = self.after_br;
                    self.line_breaks(n);
                    self.after_br = after_br;
                } else if c.is_whitespace() {
                    if self.breaks == 0 {
                        self.pre_space.push(if c == '\t' { '\t' } else { ' ' });
                    }
                } else {
                    self.push(c);
                }
            }
        } else {
            for c in text.chars() {
                if c.is_whitespace() {
                    self.space = true;
                } else {
                    self.push(c);
                }
            }
        }
    }

    /// Adds one visible character, after whatever separator is pending.
    fn push(&mut self, c: char) {
        if is_invisible(c) {
            return;
        }
        if !self.text.is_empty() {
            match self.breaks {
                0 if !self.pre_space.is_empty() => self.text.push_str(&self.pre_space),
                0 if self.space => self.text.push(' '),
                0 => {}
                1 => self.text.push('\n'),
                _ => self.text.push_str("\n\n"),
            }
        }
        self.breaks = 0;
        self.space = false;
        self.pre_space.clear();
        self.after_br = false;
        let start = self.text.len();
        self.text.push(c);
        self.blocks.push(start, self.text.len(), self.block);
    }
}

/// Characters that render as nothing: soft hyphens, zero-width spaces and joiners, stray BOMs and
/// control characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}
