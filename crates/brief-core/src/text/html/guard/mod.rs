//! The nesting guard: a linear pre-pass that keeps html5ever's stack of open elements shallow.

use std::borrow::Cow;

use super::HtmlError;
use super::decode::{find, is_space, starts_with_ignore_case};
use crate::analyze::Cancelled;

mod lexer;
mod tree;

use lexer::{Lexer, fnv};
use tree::TreeModel;

// The nesting guard.
//
// html5ever 0.40 has no depth limit, and its tree builder walks the stack of open elements for
// many tags (is a `<p>` open? is this end tag's element in scope?), so its time grows with the
// square of the nesting depth: 100,000 nested `<div>`s take over a minute
// (https://github.com/servo/html5ever/issues/788). Readability's scoring and dom_query's
// selectors recurse or rescan per level as well. Browsers cap the parser's depth at 512. Here a
// linear pre-pass tokenizes the page as html5ever would and follows its stack of open elements
// (insertion modes, scopes, implied end tags, the adoption agency, reconstructed formatting
// elements, foreign content); when that stack would grow past `MAX_DEPTH`, the rest of the page
// is passed on as text, its blocks kept as `<br><br>`. The model errs towards deeper, and the
// parsed DOM is measured again before Readability runs.

/// Deepest nesting of elements handed to the HTML parser.
pub(super) const MAX_DEPTH: usize = 256;

/// How many bytes of the page the guard reads between two checks of the cancellation callback
/// (about a millisecond of work).
const CHECK_BYTES: usize = 256 << 10;

/// The page with everything after the point where elements would nest deeper than
/// [`MAX_DEPTH`] reduced to text and the attributes of each tag past
/// [`lexer::MAX_ATTRIBUTES`] cut out, and the number of start tags in the page.
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
                    lexer.skip_raw(raw, tag.t);
                }
            }
            Token::End { t, name } => tree.end(t, name),
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
                self.tag(tag.t);
                if let Some(raw) = raw_text(tag.t) {
                    let (start, end) = lexer.skip_raw(raw, tag.t);
                    if raw == Raw::Plaintext {
                        self.text(html.get(start..end).unwrap_or_default());
                    }
                }
            }
            Token::End { t, .. } => self.tag(t),
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
    fn tag(&mut self, t: T) {
        if t == T::Br {
            self.out.push_str("<br>");
        } else if is_block(t) && !self.broken {
            self.out.push_str("<br><br>");
            self.broken = true;
        }
    }
}

/// Whether an element starts a new block of text (for [`Flattened`]).
fn is_block(t: T) -> bool {
    use T::*;
    t.is_heading()
        || matches!(
            t,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | Header
                | Hgroup
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
        )
}

/// How the tokenizer reads an element's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// `<script>`: raw text with the script escape states.
    Script,
    /// Raw text or RCDATA up to the matching end tag (`<style>`, `<title>`, ...).
    Text,
    /// `<plaintext>`: everything to the end of the page.
    Plaintext,
}

/// How an element's content is read when it is inserted as an HTML element.
fn raw_text(t: T) -> Option<Raw> {
    match t {
        T::Script => Some(Raw::Script),
        T::Style | T::Xmp | T::Iframe | T::Noembed | T::Noframes | T::Title | T::Textarea => {
            Some(Raw::Text)
        }
        T::Plaintext => Some(Raw::Plaintext),
        _ => None,
    }
}

/// One token, as the guard needs it.
enum Token {
    /// Character data, as a byte range of the page.
    Text { start: usize, end: usize },
    /// A start tag.
    Start(StartTag),
    /// An end tag.
    End { t: T, name: u64 },
    /// A comment, doctype, CDATA section or ignored markup.
    Other,
}

/// A start tag.
struct StartTag {
    /// The element, if one the model knows.
    t: T,
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

/// Declares [`T`], the elements the tree model treats specially, and [`tag_of`].
macro_rules! elements {
    ($($t:ident = $name:literal),* $(,)?) => {
        /// An element the tree model knows by name (`Other` for the rest).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum T { $($t,)* Other }

        /// The element a lowercase tag name names.
        fn tag_of(name: &[u8]) -> T {
            match name { $($name => T::$t,)* _ => T::Other }
        }
    };
}

elements! {
    A = b"a", Address = b"address", AnnotationXml = b"annotation-xml", Applet = b"applet",
    Area = b"area", Article = b"article", Aside = b"aside", B = b"b", Base = b"base",
    Basefont = b"basefont", Bgsound = b"bgsound", Big = b"big", Blockquote = b"blockquote",
    Body = b"body", Br = b"br", Button = b"button", Caption = b"caption", Center = b"center",
    Code = b"code", Col = b"col", Colgroup = b"colgroup", Dd = b"dd", Desc = b"desc",
    Details = b"details", Dialog = b"dialog", Dir = b"dir", Div = b"div", Dl = b"dl", Dt = b"dt",
    Em = b"em", Embed = b"embed", Fieldset = b"fieldset", Figcaption = b"figcaption",
    Figure = b"figure", Font = b"font", Footer = b"footer", ForeignObject = b"foreignobject",
    Form = b"form", Frame = b"frame", Frameset = b"frameset", H1 = b"h1", H2 = b"h2",
    H3 = b"h3", H4 = b"h4", H5 = b"h5", H6 = b"h6", Head = b"head", Header = b"header",
    Hgroup = b"hgroup", Hr = b"hr", Html = b"html", I = b"i", Iframe = b"iframe",
    Image = b"image", Img = b"img", Input = b"input", Isindex = b"isindex", Keygen = b"keygen",
    Li = b"li", Link = b"link", Listing = b"listing", Main = b"main", Malignmark = b"malignmark",
    Marquee = b"marquee", Math = b"math", Menu = b"menu", Meta = b"meta", Mglyph = b"mglyph",
    Mi = b"mi", Mn = b"mn", Mo = b"mo", Ms = b"ms", Mtext = b"mtext", Nav = b"nav",
    Nobr = b"nobr", Noembed = b"noembed", Noframes = b"noframes", Noscript = b"noscript",
    Object = b"object", Ol = b"ol", Optgroup = b"optgroup", Option = b"option", P = b"p",
    Param = b"param", Plaintext = b"plaintext", Pre = b"pre", Rb = b"rb", Rp = b"rp", Rt = b"rt",
    Rtc = b"rtc", Ruby = b"ruby", S = b"s", Script = b"script", Search = b"search",
    Section = b"section", Select = b"select", Small = b"small", Source = b"source", Span = b"span",
    Strike = b"strike", Strong = b"strong", Style = b"style", Sub = b"sub", Summary = b"summary",
    Sup = b"sup", Svg = b"svg", Table = b"table", Tbody = b"tbody", Td = b"td",
    Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th", Thead = b"thead",
    Title = b"title", Tr = b"tr", Track = b"track", Tt = b"tt", U = b"u", Ul = b"ul", Var = b"var",
    Wbr = b"wbr", Xmp = b"xmp",
}

impl T {
    /// h1-h6.
    fn is_heading(self) -> bool {
        matches!(self, T::H1 | T::H2 | T::H3 | T::H4 | T::H5 | T::H6)
    }

    /// The formatting elements (tracked in the list of active formatting elements).
    fn is_formatting(self) -> bool {
        use T::*;
        matches!(
            self,
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U
        )
    }

    /// html5ever's `special_tag` set.
    fn is_special(self) -> bool {
        use T::*;
        self.is_heading()
            || matches!(
                self,
                Address
                    | Applet
                    | Area
                    | Article
                    | Aside
                    | Base
                    | Basefont
                    | Bgsound
                    | Blockquote
                    | Body
                    | Br
                    | Button
                    | Caption
                    | Center
                    | Col
                    | Colgroup
                    | Dd
                    | Details
                    | Dir
                    | Div
                    | Dl
                    | Dt
                    | Embed
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Frame
                    | Frameset
                    | Head
                    | Header
                    | Hgroup
                    | Hr
                    | Html
                    | Iframe
                    | Img
                    | Input
                    | Isindex
                    | Li
                    | Link
                    | Listing
                    | Main
                    | Marquee
                    | Menu
                    | Meta
                    | Nav
                    | Noembed
                    | Noframes
                    | Noscript
                    | Object
                    | Ol
                    | P
                    | Param
                    | Plaintext
                    | Pre
                    | Script
                    | Section
                    | Select
                    | Source
                    | Style
                    | Summary
                    | Table
                    | Tbody
                    | Td
                    | Template
                    | Textarea
                    | Tfoot
                    | Th
                    | Thead
                    | Title
                    | Tr
                    | Track
                    | Ul
                    | Wbr
                    | Xmp
            )
    }

    /// Elements popped by "generate implied end tags".
    fn has_implied_end(self) -> bool {
        use T::*;
        matches!(
            self,
            Dd | Dt | Li | Optgroup | Option | P | Rb | Rp | Rt | Rtc
        )
    }

    /// Start tags that break out of SVG and MathML content (`<font>` only with attributes).
    fn breaks_out_of_foreign(self) -> bool {
        use T::*;
        self.is_heading()
            || matches!(
                self,
                B | Big
                    | Blockquote
                    | Body
                    | Br
                    | Center
                    | Code
                    | Dd
                    | Div
                    | Dl
                    | Dt
                    | Em
                    | Embed
                    | Head
                    | Hr
                    | I
                    | Img
                    | Li
                    | Listing
                    | Menu
                    | Meta
                    | Nobr
                    | Ol
                    | P
                    | Pre
                    | Ruby
                    | S
                    | Small
                    | Span
                    | Strong
                    | Strike
                    | Sub
                    | Sup
                    | Table
                    | Tt
                    | U
                    | Ul
                    | Var
            )
    }
}
