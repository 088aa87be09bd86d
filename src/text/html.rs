//! HTML pages -> the article's main text and title.
//!
//! [`decode`] turns raw page bytes into text (BOM, then `<meta>` charset, then UTF-8).
//! [`extract`] runs dom_smoothie's port of Mozilla Readability to find the article, then walks the
//! article's DOM once to build plain text: blocks become paragraphs separated by a blank line,
//! `<br>` a line break (two or more a paragraph break), other whitespace collapses to one space.
//! Readability falls back to its least-cleaned attempt when the article is shorter than its
//! 500-character threshold: mostly-CJK results are retried with a third of that threshold, and
//! navigation, headers, footers, asides, forms and dialogs are dropped from results still short.
//! If Readability finds nothing, the visible text of `<body>` without those is used instead.
//!
//! Work stays about linear in the page: a pre-pass stops elements nesting past 256 levels
//! before html5ever (which has no limit, and slows with the square of the depth) sees the page,
//! and pages too deep or too big for Readability's per-level work get the plain body text.
//! Nothing is ever fetched.

use std::borrow::Cow;

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use encoding_rs::Encoding;

/// The article found in an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The article's title ("" if the page has none), whitespace collapsed.
    pub title: String,
    /// The article's text: paragraphs separated by "\n\n", line breaks kept as "\n".
    pub text: String,
}

/// Why no article text could be found in a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// More elements than `MAX_ELEMENTS`.
    #[error("the page has {found} HTML elements, more than the {max} allowed")]
    TooManyElements {
        /// Elements in the page (its start tags, when counted before parsing).
        found: usize,
        /// The limit, [`MAX_ELEMENTS`].
        max: usize,
    },
    /// The page has no visible text.
    #[error("the page has no visible text")]
    NoText,
}

/// Most elements a page may have (bounds the work per request).
///
/// Typical news pages have 1,000-10,000 elements and the biggest real pages (a long Wikipedia
/// list with its navigation) about 100,000, so 200,000 only turns away pages no article needs.
/// It caps the parse (about 2 µs and 300 bytes per element) before it starts: start tags are
/// counted first. Readability itself gets a tighter budget (see `MAX_READABILITY_WORK`).
pub const MAX_ELEMENTS: usize = 200_000;

/// How many bytes at the start of a page are searched for a `<meta>` charset (as in the HTML spec).
const PRESCAN_BYTES: usize = 1024;

/// Decodes raw page bytes to text: a BOM wins, then a `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 1024 bytes (the HTML
/// spec's prescan, simplified; a UTF-16 label there means UTF-8), else UTF-8. Malformed sequences
/// become U+FFFD. Returns the text and the encoding's name (e.g. "windows-1252").
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => (encoding, bytes.get(bom_len..).unwrap_or_default()),
        None => {
            let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
            (prescan(head).unwrap_or(encoding_rs::UTF_8), bytes)
        }
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    (text, encoding.name())
}

/// Extracts the article's main text and title from an HTML page.
///
/// # Errors
///
/// [`HtmlError::TooManyElements`] if the page has more than [`MAX_ELEMENTS`] elements,
/// [`HtmlError::NoText`] if it has no visible text.
pub fn extract(html: &str) -> Result<Page, HtmlError> {
    let (html, start_tags) = limit_nesting(html);
    if start_tags > MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements {
            found: start_tags,
            max: MAX_ELEMENTS,
        });
    }
    let page = Readability::from(html.as_ref());
    let (depth, work) = dom_cost(&page);
    if depth > MAX_READABILITY_DEPTH || work > MAX_READABILITY_WORK {
        return plain(&page, depth <= MAX_READABILITY_DEPTH);
    }
    let mut threshold = Config::default().char_threshold;
    let (mut title, mut content) = match readability(page, threshold) {
        Ok(found) => found,
        Err(ReadabilityError::TooManyElements(found, max)) => {
            return Err(HtmlError::TooManyElements { found, max });
        }
        Err(ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL) => {
            return plain(&Readability::from(html.as_ref()), true);
        }
    };
    let mut text = visible_text(&content, false);
    let mut chars = text.chars().count();
    // Short of its threshold, Readability returns the longest of its attempts, the least
    // cleaned one. CJK text says as much in about a third of the characters, so a short CJK
    // article gets another chance with a third of the threshold (the best attempt is the
    // longest one, so a result under that would not pass it either).
    let cjk_threshold = threshold / CJK_DENSITY;
    if (cjk_threshold..threshold).contains(&chars)
        && mostly_cjk(&text)
        && let Ok((cjk_title, cjk_content)) =
            readability(Readability::from(html.as_ref()), cjk_threshold)
    {
        threshold = cjk_threshold;
        (title, content) = (cjk_title, cjk_content);
        text = visible_text(&content, false);
        chars = text.chars().count();
    }
    // A result still short of the threshold is usually the whole body of a short page, navigation
    // included: drop the page chrome from it.
    if chars < threshold {
        let without_chrome = visible_text(&content, true);
        if !without_chrome.is_empty() {
            text = without_chrome;
        }
    }
    if text.is_empty() {
        return plain(&Readability::from(html.as_ref()), true);
    }
    Ok(Page { title, text })
}

/// The page's visible body text without its chrome, for pages Readability is not run on or finds
/// no article in; `metadata` if Readability's metadata lookup (which recurses per level) may run.
fn plain(page: &Readability, metadata: bool) -> Result<Page, HtmlError> {
    let text = visible_text(page, true);
    if text.is_empty() {
        return Err(HtmlError::NoText);
    }
    let title = if metadata {
        page.get_article_metadata(page.parse_json_ld()).title
    } else {
        head_title(page)
    };
    Ok(Page {
        title: clean_title(&title),
        text,
    })
}

/// The text of the `<title>` in the page's `<head>`.
fn head_title(page: &Readability) -> String {
    let mut child = page.doc.head().and_then(|head| head.first_child());
    while let Some(node) = child {
        if node.has_name("title") {
            return node.text().to_string();
        }
        child = node.next_sibling();
    }
    String::new()
}

/// The parsed page's greatest element depth, and the work Readability would do on it (see
/// [`MAX_READABILITY_WORK`]), in one walk that stops once over the limits.
fn dom_cost(page: &Readability) -> (usize, usize) {
    let (mut max_depth, mut work) = (0usize, 0usize);
    let mut open = Vec::new();
    let mut next = page.doc.root().first_child();
    loop {
        while let Some(node) = next {
            next = node.next_sibling();
            let depth = open.len() + 1;
            if node.is_text() {
                work = work.saturating_add(node.text().len().saturating_mul(depth));
            } else if node.is_element() {
                max_depth = max_depth.max(depth);
                let heavy =
                    node.has_name("table") || node.has_name("form") || node.has_name("object");
                let element = if heavy {
                    3 * ELEMENT_WORK
                } else {
                    ELEMENT_WORK
                };
                work = work.saturating_add(depth + element);
                if max_depth > MAX_READABILITY_DEPTH || work > MAX_READABILITY_WORK {
                    return (max_depth, work);
                }
                if let Some(child) = node.first_child() {
                    open.push(next);
                    next = Some(child);
                }
            }
        }
        let Some(sibling) = open.pop() else {
            break;
        };
        next = sibling;
    }
    (max_depth, work)
}

/// How many times more a CJK character says than a character of an alphabetic script, roughly.
const CJK_DENSITY: usize = 3;

/// Runs Readability on a parsed page with the given character threshold: the article's title and
/// its content, parsed.
fn readability(
    mut reader: Readability,
    threshold: usize,
) -> Result<(String, Readability), ReadabilityError> {
    reader.config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: threshold,
        // The text is built from `content`; `Raw` is the cheapest mode.
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    let article = reader.parse()?;
    Ok((
        clean_title(&article.title),
        Readability::from(article.content),
    ))
}

/// Whether most letters in `text` are CJK (Han, kana or Hangul).
fn mostly_cjk(text: &str) -> bool {
    let (mut letters, mut cjk) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(c,
            '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}')
        {
            cjk += 1;
        }
    }
    cjk * 2 > letters
}

/// Trims a title and collapses its whitespace.
fn clean_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

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
        // Photo captions never belong in a brief (and rarely read as prose).
        "figcaption" => return Layout::Skip,
        "nav" | "header" | "footer" | "aside" | "form" | "dialog" | "menu" if drop_chrome => {
            return Layout::Skip;
        }
        "br" => Layout::Break,
        "pre" | "listing" | "plaintext" | "xmp" => Layout::Pre,
        "td" | "th" => Layout::Line,
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
        | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figure" | "footer"
        | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup" | "hr"
        | "html" | "legend" | "li" | "main" | "menu" | "nav" | "ol" | "p" | "section"
        | "summary" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "ul" => Layout::Block,
        _ => Layout::Inline,
    };
    for (attr, value) in attrs {
        let hidden = match attr {
            "hidden" => true,
            "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
            "style" => style_hides(value),
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
fn visible_text(page: &Readability, drop_chrome: bool) -> String {
    let Some(body) = page.doc.body() else {
        return String::new();
    };
    let mut out = TextBuilder::default();
    // Each open element's next sibling and layout: an explicit stack, so depth cannot overflow.
    let mut open = Vec::new();
    let mut next = body.first_child();
    loop {
        while let Some(node) = next {
            next = node.next_sibling();
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
            let layout = layout(&element.name.local, attrs, drop_chrome);
            drop(element);
            if layout == Layout::Skip {
                continue;
            }
            out.open(layout);
            if let Some(child) = node.first_child() {
                open.push((next, layout));
                next = Some(child);
            } else {
                out.close(layout);
            }
        }
        let Some((sibling, layout)) = open.pop() else {
            break;
        };
        out.close(layout);
        next = sibling;
    }
    out.text
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
}

impl TextBuilder {
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
        self.text.push(c);
    }
}

/// Characters that render as nothing: soft hyphens, zero-width spaces and joiners, stray BOMs and
/// control characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') || c.is_control()
}

/// The encoding named by a `<meta>` tag in `head`, following the HTML spec's prescan
/// ("determining the character encoding", step "prescan a byte stream"), simplified.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < head.len() {
        let rest = head.get(pos..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // Skip to the end of the comment ("<!-->" is a whole comment).
            let end = find(head, pos + 2, b"-->")?;
            pos = end + 3;
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_charset(head, &mut pos)? {
                return Some(encoding);
            }
        } else if matches!(rest, [b'<', b, ..] | [b'<', b'/', b, ..] if b.is_ascii_alphabetic()) {
            // Another tag: skip its name and attributes (an attribute value may contain '>').
            pos += 1;
            while head.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while attribute(head, &mut pos)?.is_some() {}
            pos += 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos = find(head, pos, b">")? + 1;
        } else {
            pos += 1;
        }
    }
    None
}

/// The encoding a `<meta>` tag names, `pos` just after "<meta"; `Some(None)` if it names none,
/// `None` if the input ends inside the tag.
fn meta_charset(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset = None;
    while let Some((name, value)) = attribute(head, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(encoding) = charset_in_content(&value) {
                    charset = Some(encoding);
                    need_pragma = Some(true);
                }
            }
            b"charset" if charset.is_none() => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let found = match (need_pragma, charset) {
        (Some(true), Some(encoding)) if got_pragma => Some(encoding),
        (Some(false), Some(encoding)) => Some(encoding),
        _ => None,
    };
    Some(found.map(|encoding| {
        if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
            encoding_rs::UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            encoding
        }
    }))
}

/// The HTML spec's "extracting a character encoding from a meta element": the encoding named by
/// `charset=` in a (lowercased) `content` attribute.
fn charset_in_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos = find(content, pos, b"charset")? + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            break;
        }
    }
    pos += 1;
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    let label = match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let inner = rest.get(1..)?;
            let end = inner.iter().position(|&b| b == quote)?;
            inner.get(..end)?
        }
        Some(_) => {
            let end = rest
                .iter()
                .position(|&b| is_space(b) || b == b';')
                .unwrap_or(rest.len());
            rest.get(..end)?
        }
        None => return None,
    };
    Encoding::for_label(label)
}

/// The HTML spec's "get an attribute" while prescanning: the next attribute's (lowercased) name and
/// value from `pos`; `Some(None)` at the tag's '>' (left at `pos`), `None` at the end of input.
fn attribute(bytes: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |i: usize| bytes.get(i).copied();
    while at(*pos).is_some_and(|b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(b) {
            // Spaces, then either '=' and a value or another attribute.
            while at(*pos).is_some_and(is_space) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        } else if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        *pos += 1;
        loop {
            let c = at(*pos)?;
            *pos += 1;
            if c == b {
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// ASCII whitespace as the HTML spec's prescan defines it.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Whether `bytes` starts with the ASCII `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The index of the first `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|i| i + from)
}

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
const MAX_DEPTH: usize = 256;

/// Deepest DOM Readability runs on. Real pages are rarely 60 deep (Lighthouse warns at 32);
/// deeper ones, like those the guard had to flatten, get the plain body text, since Readability's
/// cost per element grows with depth and dom_query's selectors recurse once per level.
const MAX_READABILITY_DEPTH: usize = 128;

/// Most work Readability may be given, in units of about 25 ns: each text byte costs its depth
/// (Readability measures a candidate's text again at every level above it), each element its
/// depth plus [`ELEMENT_WORK`]. This bounds Readability at about half a second; a 1 MB article
/// 10 deep is about 11 million. Pages over the limit get the plain body text.
const MAX_READABILITY_WORK: usize = 16_000_000;

/// The work Readability does per element besides its text, about 2.5 µs (three times that for
/// tables, forms and objects, which it inspects further).
const ELEMENT_WORK: usize = 100;

/// The page with everything after the point where elements would nest deeper than
/// [`MAX_DEPTH`] reduced to text, and the number of start tags in the page.
fn limit_nesting(html: &str) -> (Cow<'_, str>, usize) {
    let mut lexer = Lexer {
        bytes: html.as_bytes(),
        pos: 0,
    };
    let mut tree = TreeModel::new();
    let mut start_tags = 0usize;
    let mut flat: Option<Flattened> = None;
    while let Some(token) = lexer.next(tree.foreign_text()) {
        if let Token::Start(tag) = &token {
            start_tags += 1;
            let too_deep = tree.stack.len() >= MAX_DEPTH || tree.formatting.len() > 4 * MAX_DEPTH;
            if flat.is_none() && too_deep {
                flat = Some(Flattened::new(html, tag.start));
            }
        }
        if let Some(flat) = flat.as_mut() {
            match token {
                Token::Text { start, end } => flat.text(html.get(start..end).unwrap_or_default()),
                Token::Start(tag) => {
                    flat.tag(tag.t);
                    if let Some(raw) = raw_text(tag.t) {
                        let (start, end) = lexer.skip_raw(raw, tag.t);
                        if raw == Raw::Plaintext {
                            flat.text(html.get(start..end).unwrap_or_default());
                        }
                    }
                }
                Token::End { t, .. } => flat.tag(t),
                Token::Other => {}
            }
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
    }
    match flat {
        Some(flat) => (Cow::Owned(flat.out), start_tags),
        None => (Cow::Borrowed(html), start_tags),
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
    /// Starts with the page up to `end`, where the limit was reached, kept as it is.
    fn new(html: &str, end: usize) -> Self {
        let mut out = String::with_capacity(html.len());
        out.push_str(html.get(..end).unwrap_or_default());
        Self { out, broken: false }
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

/// The HTML tokenizer's view of a page, enough to find tags and the extent of raw text.
struct Lexer<'a> {
    /// The page.
    bytes: &'a [u8],
    /// Where the next token starts.
    pos: usize,
}

impl Lexer<'_> {
    /// The next token; `cdata` if `<![CDATA[` opens a CDATA section here (in foreign content).
    fn next(&mut self, cdata: bool) -> Option<Token> {
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
                    let Some((end, ..)) = tag_end(bytes, after_name) else {
                        self.pos = bytes.len(); // the page ends inside the tag
                        return None;
                    };
                    self.pos = end;
                    Some(Token::End { t, name })
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
                let Some((end, self_closing, attrs)) = tag_end(bytes, after_name) else {
                    self.pos = bytes.len();
                    return None;
                };
                self.pos = end;
                Some(Token::Start(StartTag {
                    t,
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
    fn skip_raw(&mut self, raw: Raw, t: T) -> (usize, usize) {
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
                self.pos = tag_end(bytes, after_name).map_or(bytes.len(), |(after, ..)| after);
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
fn raw_name(t: T) -> &'static [u8] {
    match t {
        T::Script => b"script",
        T::Style => b"style",
        T::Xmp => b"xmp",
        T::Iframe => b"iframe",
        T::Noembed => b"noembed",
        T::Noframes => b"noframes",
        T::Title => b"title",
        T::Textarea => b"textarea",
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
fn tag_name(bytes: &[u8], from: usize) -> (T, u64, usize) {
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
            tag_of(buf)
        }
        None => T::Other,
    };
    (t, fnv_lower(name), end)
}

/// What the guard needs from a tag's attributes.
#[derive(Default)]
struct Attrs {
    /// An order-independent hash of the names and values.
    hash: u64,
    /// Has `color`, `face` or `size`.
    font: bool,
    /// Has an `encoding` of `text/html` or `application/xhtml+xml`.
    html_encoding: bool,
}

/// Reads a tag's attributes from `from` (just after its name) as the tokenizer does: where the
/// tag ends (after its `>`), whether it is self-closing, and its attributes. `None` if the page
/// ends inside the tag (the tokenizer then drops it).
fn tag_end(bytes: &[u8], from: usize) -> Option<(usize, bool, Attrs)> {
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
    const COLOR: u64 = fnv_lower(b"color");
    const FACE: u64 = fnv_lower(b"face");
    const SIZE: u64 = fnv_lower(b"size");
    const ENCODING: u64 = fnv_lower(b"encoding");
    let mut attrs = Attrs::default();
    let mut state = State::BeforeName;
    let (mut name_start, mut name_end, mut value_start) = (from, from, from);
    let mut i = from;
    let finish = |attrs: &mut Attrs, name: &[u8], value: &[u8]| {
        let name = fnv_lower(name);
        attrs.hash = attrs
            .hash
            .wrapping_add(name.rotate_left(17) ^ fnv(value).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        attrs.font |= name == COLOR || name == FACE || name == SIZE;
        attrs.html_encoding |= name == ENCODING
            && (value.eq_ignore_ascii_case(b"text/html")
                || value.eq_ignore_ascii_case(b"application/xhtml+xml"));
    };
    loop {
        let b = *bytes.get(i)?;
        let name = |start: usize, end: usize| bytes.get(start..end).unwrap_or_default();
        match state {
            State::BeforeName => match b {
                _ if is_space(b) => {}
                b'/' => state = State::SelfClosing,
                b'>' => return Some((i + 1, false, attrs)),
                _ => {
                    state = State::Name;
                    name_start = i;
                }
            },
            State::Name => match b {
                _ if is_space(b) => {
                    name_end = i;
                    state = State::AfterName;
                }
                b'/' | b'>' => {
                    finish(&mut attrs, name(name_start, i), b"");
                    if b == b'>' {
                        return Some((i + 1, false, attrs));
                    }
                    state = State::SelfClosing;
                }
                b'=' => {
                    name_end = i;
                    state = State::BeforeValue;
                }
                _ => {}
            },
            State::AfterName => match b {
                _ if is_space(b) => {}
                b'/' | b'>' | b'=' => {
                    if b == b'=' {
                        state = State::BeforeValue;
                    } else {
                        finish(&mut attrs, name(name_start, name_end), b"");
                        if b == b'>' {
                            return Some((i + 1, false, attrs));
                        }
                        state = State::SelfClosing;
                    }
                }
                _ => {
                    finish(&mut attrs, name(name_start, name_end), b"");
                    state = State::Name;
                    name_start = i;
                }
            },
            State::BeforeValue => match b {
                _ if is_space(b) => {}
                b'"' | b'\'' => {
                    state = State::Quoted(b);
                    value_start = i + 1;
                }
                b'>' => {
                    finish(&mut attrs, name(name_start, name_end), b"");
                    return Some((i + 1, false, attrs));
                }
                _ => {
                    state = State::Unquoted;
                    value_start = i;
                }
            },
            State::Quoted(quote) => {
                if b == quote {
                    finish(
                        &mut attrs,
                        name(name_start, name_end),
                        bytes.get(value_start..i).unwrap_or_default(),
                    );
                    state = State::AfterQuoted;
                }
            }
            State::Unquoted => {
                if is_space(b) || b == b'>' {
                    finish(
                        &mut attrs,
                        name(name_start, name_end),
                        bytes.get(value_start..i).unwrap_or_default(),
                    );
                    if b == b'>' {
                        return Some((i + 1, false, attrs));
                    }
                    state = State::BeforeName;
                }
            }
            State::AfterQuoted => match b {
                _ if is_space(b) => state = State::BeforeName,
                b'/' => state = State::SelfClosing,
                b'>' => return Some((i + 1, false, attrs)),
                _ => {
                    state = State::Name;
                    name_start = i;
                }
            },
            State::SelfClosing => {
                if b == b'>' {
                    return Some((i + 1, true, attrs));
                }
                state = State::BeforeName;
                continue; // reconsume
            }
        }
        i += 1;
    }
}

/// FNV-1a of `bytes`.
const fn fnv(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// FNV-1a of `bytes` with ASCII letters lowercased.
const fn fnv_lower(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i].to_ascii_lowercase() as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The index of the first `byte` in `bytes` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|i| i + from)
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

/// An element's namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// Whether and how a foreign element lets HTML in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// Not an integration point.
    None,
    /// MathML `mi`, `mo`, `mn`, `ms`, `mtext`.
    MathText,
    /// SVG `foreignObject`, `desc`, `title`.
    SvgHtml,
    /// MathML `annotation-xml` with an HTML `encoding`.
    AnnotationHtml,
}

/// The tree builder's insertion mode, as "reset the insertion mode appropriately" would find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Body,
    Table,
    TableBody,
    Row,
    Cell,
    Caption,
    ColumnGroup,
    Template,
}

/// An element on the model's stack of open elements.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// The element, if known.
    t: T,
    /// Hash of its lowercase name.
    name: u64,
    /// Its namespace.
    ns: Ns,
    /// Whether it is an integration point.
    point: Point,
    /// Tells elements apart (for the list of active formatting elements).
    id: usize,
    /// The insertion mode while it is the current node.
    mode: Mode,
}

impl Open {
    /// An HTML element `t`.
    fn is(&self, t: T) -> bool {
        self.ns == Ns::Html && self.t == t
    }

    /// In html5ever's `special_tag` set (HTML elements only).
    fn is_special(&self) -> bool {
        self.ns == Ns::Html && self.t.is_special()
    }

    /// Ends the default scope.
    fn ends_scope(&self) -> bool {
        use T::*;
        match self.ns {
            Ns::Html => matches!(
                self.t,
                Applet | Caption | Html | Table | Td | Th | Marquee | Object | Select | Template
            ),
            _ => matches!(self.point, Point::MathText | Point::SvgHtml),
        }
    }

    /// Ends the table scope.
    fn ends_table_scope(&self) -> bool {
        self.is(T::Html) || self.is(T::Table) || self.is(T::Template)
    }

    /// An HTML element popped by "generate implied end tags".
    fn has_implied_end(&self) -> bool {
        self.ns == Ns::Html && self.t.has_implied_end()
    }
}

/// An entry in the list of active formatting elements.
#[derive(Debug, Clone, Copy)]
enum Formatting {
    /// A scope marker (cells, captions, applets, objects, marquees, templates).
    Marker,
    /// A formatting element.
    Element {
        t: T,
        name: u64,
        attrs: u64,
        /// The element's id, and where it was on the stack when pushed.
        id: usize,
        pos: usize,
    },
}

/// A model of html5ever's stack of open elements and list of active formatting elements.
struct TreeModel {
    /// The stack of open elements (never empty: `html` stays at the bottom).
    stack: Vec<Open>,
    /// The list of active formatting elements.
    formatting: Vec<Formatting>,
    /// The form element pointer.
    form: Option<usize>,
    /// The next element's id.
    next_id: usize,
    /// A `<frameset>` was seen: start tags only push, end tags are ignored.
    frameset: bool,
}

impl TreeModel {
    /// The state once `<html>` and `<body>` are open.
    fn new() -> Self {
        let mut tree = Self {
            stack: Vec::new(),
            formatting: Vec::new(),
            form: None,
            next_id: 0,
            frameset: false,
        };
        tree.push(T::Html, fnv(b"html"), Ns::Html, Point::None);
        tree.push(T::Body, fnv(b"body"), Ns::Html, Point::None);
        tree
    }

    /// The current node.
    fn top(&self) -> Open {
        self.stack.last().copied().unwrap_or(Open {
            t: T::Html,
            name: 0,
            ns: Ns::Html,
            point: Point::None,
            id: 0,
            mode: Mode::Body,
        })
    }

    /// Whether `<![CDATA[` starts a CDATA section (the current node is foreign).
    fn foreign_text(&self) -> bool {
        self.top().ns != Ns::Html
    }

    /// Pushes an element; returns its id.
    fn push(&mut self, t: T, name: u64, ns: Ns, point: Point) -> usize {
        let inherited = self.stack.last().map_or(Mode::Body, |open| open.mode);
        let mode = match (ns, t) {
            (Ns::Html, T::Td | T::Th) => Mode::Cell,
            (Ns::Html, T::Tr) => Mode::Row,
            (Ns::Html, T::Tbody | T::Thead | T::Tfoot) => Mode::TableBody,
            (Ns::Html, T::Caption) => Mode::Caption,
            (Ns::Html, T::Colgroup) => Mode::ColumnGroup,
            (Ns::Html, T::Table) => Mode::Table,
            (Ns::Html, T::Template) => Mode::Template,
            (Ns::Html, T::Body | T::Html) => Mode::Body,
            _ => inherited,
        };
        let id = self.next_id;
        self.next_id += 1;
        self.stack.push(Open {
            t,
            name,
            ns,
            point,
            id,
            mode,
        });
        id
    }

    /// Pushes an HTML element named by a start tag.
    fn push_tag(&mut self, tag: &StartTag) -> usize {
        self.push(tag.t, tag.name, Ns::Html, Point::None)
    }

    /// Pushes an implied HTML element.
    fn push_implied(&mut self, t: T, name: &[u8]) {
        self.push(t, fnv(name), Ns::Html, Point::None);
    }

    /// Pops elements down to (not including) index `len`; `html` stays.
    fn truncate(&mut self, len: usize) {
        self.stack.truncate(len.max(1));
    }

    /// Pops the current node.
    fn pop(&mut self) {
        let len = self.stack.len();
        self.truncate(len.saturating_sub(1));
    }

    /// The topmost element matching `target`, if no element ending the scope is above it.
    fn in_scope(
        &self,
        target: impl Fn(&Open) -> bool,
        ends: impl Fn(&Open) -> bool,
    ) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if target(open) {
                return Some(i);
            }
            if ends(open) {
                return None;
            }
        }
        None
    }

    /// An HTML element `t` in the default scope.
    fn in_default_scope(&self, t: T) -> Option<usize> {
        self.in_scope(|open| open.is(t), Open::ends_scope)
    }

    /// An HTML element `t` in the table scope.
    fn in_table_scope(&self, t: T) -> Option<usize> {
        self.in_scope(|open| open.is(t), Open::ends_table_scope)
    }

    /// Pops until the current node matches `stop`.
    fn pop_until_current(&mut self, stop: impl Fn(&Open) -> bool) {
        while self.stack.len() > 1 && !stop(&self.top()) {
            self.pop();
        }
    }

    /// "Close a p element" if one is in button scope.
    fn close_p(&mut self) {
        if let Some(i) = self.in_scope(
            |open| open.is(T::P),
            |open| open.ends_scope() || open.is(T::Button),
        ) {
            self.truncate(i);
        }
    }

    /// "Generate implied end tags", except for `except`.
    fn implied_end_tags(&mut self, except: T) {
        while self.stack.len() > 1 && self.top().has_implied_end() && self.top().t != except {
            self.pop();
        }
    }

    /// Removes the element at `index` from the middle of the stack.
    fn remove_at(&mut self, index: usize) {
        if index == 0 || index >= self.stack.len() {
            return;
        }
        self.stack.remove(index);
        for entry in &mut self.formatting {
            if let Formatting::Element { pos, .. } = entry
                && *pos > index
            {
                *pos -= 1;
            }
        }
    }

    /// Whether a formatting entry's element is on the stack.
    fn is_open(&self, entry: &Formatting) -> bool {
        match *entry {
            Formatting::Marker => true,
            Formatting::Element { id, pos, .. } => self.stack.get(pos).is_some_and(|o| o.id == id),
        }
    }

    /// Where the entries after the last marker start.
    fn after_marker(&self) -> usize {
        self.formatting
            .iter()
            .rposition(|entry| matches!(entry, Formatting::Marker))
            .map_or(0, |i| i + 1)
    }

    /// The last entry after the last marker for an element named `name`.
    fn last_formatting(&self, name: u64) -> Option<usize> {
        let start = self.after_marker();
        self.formatting
            .iter()
            .enumerate()
            .skip(start)
            .rev()
            .find(|(_, entry)| matches!(entry, Formatting::Element { name: n, .. } if *n == name))
            .map(|(i, _)| i)
    }

    /// "Reconstruct the active formatting elements".
    fn reconstruct(&mut self) {
        let Some(last) = self.formatting.last() else {
            return;
        };
        if self.is_open(last) {
            return;
        }
        let mut first = self.formatting.len() - 1;
        while first > 0 && !self.is_open(&self.formatting[first - 1]) {
            first -= 1;
        }
        for i in first..self.formatting.len() {
            if let Formatting::Element { t, name, .. } = self.formatting[i] {
                let id = self.push(t, name, Ns::Html, Point::None);
                let pos = self.stack.len() - 1;
                if let Some(Formatting::Element {
                    id: entry_id,
                    pos: entry_pos,
                    ..
                }) = self.formatting.get_mut(i)
                {
                    (*entry_id, *entry_pos) = (id, pos);
                }
            }
        }
    }

    /// Pops entries up to and including the last marker.
    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.formatting.pop() {
            if matches!(entry, Formatting::Marker) {
                break;
            }
        }
    }

    /// Pushes a formatting element, applying the "Noah's Ark" clause (at most three alike).
    fn push_formatting(&mut self, tag: &StartTag) {
        let start = self.after_marker();
        let alike = |entry: &Formatting| {
            matches!(entry, Formatting::Element { name, attrs, .. }
                if *name == tag.name && *attrs == tag.attrs)
        };
        let count = self
            .formatting
            .iter()
            .skip(start)
            .filter(|e| alike(e))
            .count();
        if count >= 3
            && let Some(i) = self.formatting.iter().skip(start).position(alike)
        {
            self.formatting.remove(start + i);
        }
        let id = self.push_tag(tag);
        self.formatting.push(Formatting::Element {
            t: tag.t,
            name: tag.name,
            attrs: tag.attrs,
            id,
            pos: self.stack.len() - 1,
        });
    }

    /// The adoption agency algorithm, as far as it changes the stack's depth: without a
    /// furthest block it pops the formatting element; with one, the element is replaced by a
    /// clone inside the block, which leaves the depth as it is (the model keeps the stack).
    fn adoption_agency(&mut self, name: u64) {
        let top = self.top();
        if top.ns == Ns::Html
            && top.name == name
            && !self
                .formatting
                .iter()
                .any(|entry| matches!(entry, Formatting::Element { id, .. } if *id == top.id))
        {
            self.pop();
            return;
        }
        let Some(index) = self.last_formatting(name) else {
            self.any_other_end_tag(name);
            return;
        };
        let Some(Formatting::Element { id, pos, .. }) = self.formatting.get(index).copied() else {
            return;
        };
        if self.stack.get(pos).is_none_or(|open| open.id != id) {
            self.formatting.remove(index);
            return;
        }
        if self.stack.iter().skip(pos + 1).any(Open::ends_scope) {
            return; // not in scope
        }
        if !self.stack.iter().skip(pos + 1).any(Open::is_special) {
            self.truncate(pos);
            self.formatting.remove(index);
        }
    }

    /// "Any other end tag" in body: pops to the element if no special element is above it.
    fn any_other_end_tag(&mut self, name: u64) {
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            if open.ns == Ns::Html && open.name == name {
                self.truncate(i);
                return;
            }
            if open.is_special() {
                return;
            }
        }
    }

    /// Character data.
    fn text(&mut self, whitespace: bool) {
        let top = self.top();
        let foreign = top.ns != Ns::Html && top.point == Point::None;
        if foreign {
            return;
        }
        match top.mode {
            Mode::Table | Mode::TableBody | Mode::Row | Mode::ColumnGroup if whitespace => {}
            _ => self.reconstruct(),
        }
    }

    /// A start tag; returns how its content is read if it is raw text.
    fn start(&mut self, tag: &StartTag) -> Option<Raw> {
        if self.frameset {
            // Only <noframes> is raw text in a frameset; reading other raw text as markup only
            // deepens the model.
            if tag.t == T::Noframes {
                return Some(Raw::Text);
            }
            // Void names are elements in foreign content, so they count too.
            self.push_tag(tag);
            return None;
        }
        let top = self.top();
        if top.ns != Ns::Html {
            let html_rules = match top.point {
                Point::MathText => !matches!(tag.t, T::Mglyph | T::Malignmark),
                Point::SvgHtml | Point::AnnotationHtml => true,
                Point::None => top.t == T::AnnotationXml && tag.t == T::Svg,
            };
            if !html_rules {
                if tag.t.breaks_out_of_foreign() || (tag.t == T::Font && tag.font_attrs) {
                    while self.stack.len() > 1
                        && self.top().ns != Ns::Html
                        && !matches!(self.top().point, Point::MathText | Point::SvgHtml)
                    {
                        self.pop();
                    }
                } else {
                    if !tag.self_closing {
                        let point = foreign_point(top.ns, tag);
                        self.push(tag.t, tag.name, top.ns, point);
                    }
                    return None;
                }
            }
        }
        // A few rules reprocess the token in another mode.
        for _ in 0..4 {
            match self.start_in(self.top().mode, tag) {
                Step::Done(raw) => return raw,
                Step::Again => {}
            }
        }
        None
    }

    /// A start tag in an HTML insertion mode.
    fn start_in(&mut self, mode: Mode, tag: &StartTag) -> Step {
        use T::*;
        let t = tag.t;
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => match t {
                Caption | Colgroup | Col | Tbody | Thead | Tfoot => {
                    self.pop_until_current(Open::ends_table_scope);
                    match t {
                        Caption => {
                            self.formatting.push(Formatting::Marker);
                            self.push_tag(tag);
                        }
                        Col => self.push_implied(Colgroup, b"colgroup"),
                        _ => {
                            self.push_tag(tag);
                        }
                    }
                    Step::Done(None)
                }
                Tr | Td | Th => {
                    if mode == Mode::Row && t == Tr || mode != Mode::Row {
                        // Back to the table body (or the table), then into a new row.
                        self.pop_until_current(|open| {
                            open.ends_table_scope()
                                || open.is(Tbody)
                                || open.is(Thead)
                                || open.is(Tfoot)
                        });
                        if self.top().is(Table) {
                            self.push_implied(Tbody, b"tbody");
                        }
                        if t == Tr {
                            self.push_tag(tag);
                            return Step::Done(None);
                        }
                        self.push_implied(Tr, b"tr");
                    } else {
                        self.pop_until_current(|open| {
                            open.is(Tr) || open.is(Template) || open.is(Html)
                        });
                    }
                    self.push_tag(tag);
                    self.formatting.push(Formatting::Marker);
                    Step::Done(None)
                }
                Table => match self.in_table_scope(Table) {
                    Some(i) => {
                        self.truncate(i);
                        Step::Again
                    }
                    None => Step::Done(None),
                },
                Style | Script => Step::Done(raw_text(t)),
                Template => {
                    self.push_tag(tag);
                    self.formatting.push(Formatting::Marker);
                    Step::Done(None)
                }
                Input | Form => Step::Done(None),
                _ => self.start_in_body(tag),
            },
            Mode::Cell | Mode::Caption
                if matches!(
                    t,
                    Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
                let found = if mode == Mode::Cell {
                    self.in_scope(|open| open.is(Td) || open.is(Th), Open::ends_table_scope)
                } else {
                    self.in_table_scope(Caption)
                };
                match found {
                    Some(i) => {
                        self.truncate(i);
                        self.clear_to_marker();
                        Step::Again
                    }
                    None => Step::Done(None),
                }
            }
            Mode::ColumnGroup => match t {
                Col => Step::Done(None),
                Template => {
                    self.push_tag(tag);
                    self.formatting.push(Formatting::Marker);
                    Step::Done(None)
                }
                _ if self.top().is(Colgroup) => {
                    self.pop();
                    Step::Again
                }
                _ => Step::Done(None),
            },
            Mode::Template
                if matches!(t, Caption | Colgroup | Tbody | Tfoot | Thead | Tr | Td | Th) =>
            {
                self.push_tag(tag);
                Step::Done(None)
            }
            _ => self.start_in_body(tag),
        }
    }

    /// A start tag in the "in body" insertion mode.
    fn start_in_body(&mut self, tag: &StartTag) -> Step {
        use T::*;
        let t = tag.t;
        match t {
            Html | Body | Head | Frame | Caption | Col | Colgroup | Tbody | Td | Tfoot | Th
            | Thead | Tr => {}
            // A frameset may replace the body; html5ever then ignores most tags. Whether it
            // does depends on what came before, so from here on the model only deepens.
            Frameset => {
                self.frameset = true;
                self.push_tag(tag);
            }
            Base | Basefont | Bgsound | Link | Meta | Param | Source | Track => {}
            Area | Br | Embed | Img | Image | Keygen | Wbr => self.reconstruct(),
            Input => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                }
                self.reconstruct();
            }
            Hr => {
                self.close_p();
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(Other);
                }
            }
            Noframes | Script | Style | Title | Textarea | Iframe | Noembed => {
                return Step::Done(raw_text(t));
            }
            Xmp => {
                self.close_p();
                self.reconstruct();
                return Step::Done(raw_text(t));
            }
            Template => {
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            Address | Article | Aside | Blockquote | Center | Details | Dialog | Dir | Div | Dl
            | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main | Nav | Ol | P
            | Search | Section | Summary | Ul | Menu | Pre | Listing => {
                self.close_p();
                self.push_tag(tag);
            }
            _ if t.is_heading() => {
                self.close_p();
                if self.top().ns == Ns::Html && self.top().t.is_heading() {
                    self.pop();
                }
                self.push_tag(tag);
            }
            Form => {
                if self.form.is_none() {
                    self.close_p();
                    self.form = Some(self.push_tag(tag));
                }
            }
            Li | Dd | Dt => {
                for i in (0..self.stack.len()).rev() {
                    let open = self.stack[i];
                    let closes = if t == Li {
                        open.is(Li)
                    } else {
                        open.is(Dd) || open.is(Dt)
                    };
                    if closes {
                        self.truncate(i);
                        break;
                    }
                    if open.is_special() && !open.is(Address) && !open.is(Div) && !open.is(P) {
                        break;
                    }
                }
                self.close_p();
                self.push_tag(tag);
            }
            Plaintext => {
                self.close_p();
                self.push_tag(tag);
                return Step::Done(Some(Raw::Plaintext));
            }
            Button => {
                if let Some(i) = self.in_default_scope(Button) {
                    self.truncate(i);
                }
                self.reconstruct();
                self.push_tag(tag);
            }
            A => {
                let start = self.after_marker();
                let open_a =
                    self.formatting
                        .iter()
                        .skip(start)
                        .rev()
                        .find_map(|entry| match *entry {
                            Formatting::Element { t: A, id, pos, .. } => Some((id, pos)),
                            _ => None,
                        });
                if let Some((id, pos)) = open_a {
                    let had_block = self.stack.iter().skip(pos + 1).any(Open::is_special);
                    self.adoption_agency(tag.name);
                    if !had_block {
                        self.formatting.retain(
                            |entry| !matches!(entry, Formatting::Element { id: e, .. } if *e == id),
                        );
                        if let Some(i) = self.stack.iter().position(|open| open.id == id) {
                            self.remove_at(i);
                        }
                    }
                }
                self.reconstruct();
                self.push_formatting(tag);
            }
            Nobr => {
                self.reconstruct();
                if self.in_default_scope(Nobr).is_some() {
                    self.adoption_agency(tag.name);
                    self.reconstruct();
                }
                self.push_formatting(tag);
            }
            _ if t.is_formatting() => {
                self.reconstruct();
                self.push_formatting(tag);
            }
            Applet | Marquee | Object => {
                self.reconstruct();
                self.push_tag(tag);
                self.formatting.push(Formatting::Marker);
            }
            Select => {
                if let Some(i) = self.in_default_scope(Select) {
                    self.truncate(i);
                } else {
                    self.reconstruct();
                    self.push_tag(tag);
                }
            }
            Option | Optgroup => {
                if self.in_default_scope(Select).is_some() {
                    self.implied_end_tags(if t == Option { Optgroup } else { Other });
                } else if self.top().is(Option) {
                    self.pop();
                }
                self.reconstruct();
                self.push_tag(tag);
            }
            Rb | Rtc | Rp | Rt => {
                if self.in_default_scope(Ruby).is_some() {
                    self.implied_end_tags(if matches!(t, Rp | Rt) { Rtc } else { Other });
                }
                self.push_tag(tag);
            }
            Math | Svg => {
                self.reconstruct();
                if !tag.self_closing {
                    let ns = if t == Math { Ns::MathMl } else { Ns::Svg };
                    self.push(t, tag.name, ns, Point::None);
                }
            }
            // Tables do not close an open <p> here (they do outside quirks mode): deeper is safe.
            Table => {
                self.push_tag(tag);
            }
            _ => {
                self.reconstruct();
                self.push_tag(tag);
            }
        }
        Step::Done(None)
    }

    /// An end tag.
    fn end(&mut self, t: T, name: u64) {
        if self.frameset {
            return;
        }
        if self.top().ns != Ns::Html {
            if matches!(t, T::Br | T::P) {
                while self.stack.len() > 1
                    && self.top().ns != Ns::Html
                    && !matches!(self.top().point, Point::MathText | Point::SvgHtml)
                {
                    self.pop();
                }
            } else {
                // Pop to a foreign element of that name, or handle it by the HTML rules from the
                // first HTML element down.
                for i in (1..self.stack.len()).rev() {
                    let open = self.stack[i];
                    if i + 1 != self.stack.len() && open.ns == Ns::Html {
                        break;
                    }
                    if open.name == name {
                        self.truncate(i);
                        return;
                    }
                    if i == 1 {
                        return;
                    }
                }
            }
        }
        for _ in 0..4 {
            if let Step::Done(_) = self.end_in(self.top().mode, t, name) {
                return;
            }
        }
    }

    /// An end tag in an HTML insertion mode.
    fn end_in(&mut self, mode: Mode, t: T, name: u64) -> Step {
        use T::*;
        let done = Step::Done(None);
        match mode {
            Mode::Table | Mode::TableBody | Mode::Row => match t {
                Table => {
                    if mode == Mode::Table {
                        if let Some(i) = self.in_table_scope(Table) {
                            self.truncate(i);
                        }
                        return done;
                    }
                    let reachable = if mode == Mode::Row {
                        self.in_table_scope(Tr).is_some()
                    } else {
                        self.in_scope(
                            |o| o.is(Table) || o.is(Tbody) || o.is(Tfoot),
                            Open::ends_table_scope,
                        )
                        .is_some()
                    };
                    if reachable {
                        self.pop_to_table_context(mode);
                        return Step::Again;
                    }
                    done
                }
                Tr if mode == Mode::Row => {
                    if self.in_table_scope(Tr).is_some() {
                        self.pop_to_table_context(mode);
                    }
                    done
                }
                Tbody | Tfoot | Thead if mode != Mode::Table => {
                    if self.in_table_scope(t).is_some() {
                        if mode == Mode::Row {
                            if self.in_table_scope(Tr).is_some() {
                                self.pop_to_table_context(mode);
                                return Step::Again;
                            }
                            return done;
                        }
                        self.pop_to_table_context(mode);
                    }
                    done
                }
                Body | Caption | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => {
                    done
                }
                Template => {
                    self.end_template();
                    done
                }
                _ => {
                    self.end_in_body(t, name);
                    done
                }
            },
            Mode::Cell => match t {
                Td | Th => {
                    if let Some(i) = self.in_table_scope(t) {
                        self.truncate(i);
                        self.clear_to_marker();
                    }
                    done
                }
                Body | Caption | Col | Colgroup | Html => done,
                Table | Tbody | Tfoot | Thead | Tr => {
                    if self.in_table_scope(t).is_some()
                        && let Some(i) =
                            self.in_scope(|o| o.is(Td) || o.is(Th), Open::ends_table_scope)
                    {
                        self.truncate(i);
                        self.clear_to_marker();
                        return Step::Again;
                    }
                    done
                }
                _ => {
                    self.end_in_body(t, name);
                    done
                }
            },
            Mode::Caption => match t {
                Caption | Table => {
                    if let Some(i) = self.in_table_scope(Caption) {
                        self.truncate(i);
                        self.clear_to_marker();
                        if t == Table {
                            return Step::Again;
                        }
                    }
                    done
                }
                Body | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => done,
                _ => {
                    self.end_in_body(t, name);
                    done
                }
            },
            Mode::ColumnGroup => match t {
                Col => done,
                Template => {
                    self.end_template();
                    done
                }
                _ if self.top().is(Colgroup) => {
                    self.pop();
                    if t == Colgroup { done } else { Step::Again }
                }
                _ => done,
            },
            Mode::Body | Mode::Template => {
                self.end_in_body(t, name);
                done
            }
        }
    }

    /// Pops a row (in `Row`) or a table section (in `TableBody`).
    fn pop_to_table_context(&mut self, mode: Mode) {
        use T::*;
        if mode == Mode::Row {
            self.pop_until_current(|o| o.is(Tr) || o.is(Template) || o.is(Html));
        } else {
            self.pop_until_current(|o| {
                o.is(Tbody) || o.is(Tfoot) || o.is(Thead) || o.is(Template) || o.is(Html)
            });
        }
        if !self.top().is(Template) {
            self.pop();
        }
    }

    /// `</template>`.
    fn end_template(&mut self) {
        if let Some(i) = self.stack.iter().rposition(|open| open.is(T::Template)) {
            self.truncate(i);
            self.clear_to_marker();
        }
    }

    /// An end tag in the "in body" insertion mode.
    fn end_in_body(&mut self, t: T, name: u64) {
        use T::*;
        match t {
            Body | Html => {}
            Address | Article | Aside | Blockquote | Button | Center | Details | Dialog | Dir
            | Div | Dl | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Listing
            | Main | Menu | Nav | Ol | Pre | Search | Section | Select | Summary | Ul | Dd | Dt => {
                if let Some(i) = self.in_default_scope(t) {
                    self.truncate(i);
                }
            }
            Li => {
                if let Some(i) =
                    self.in_scope(|o| o.is(Li), |o| o.ends_scope() || o.is(Ol) || o.is(Ul))
                {
                    self.truncate(i);
                }
            }
            P => self.close_p(),
            Form => {
                if let Some(id) = self.form.take()
                    && let Some(i) = self.in_scope(|o| o.id == id, Open::ends_scope)
                {
                    self.remove_at(i);
                }
            }
            _ if t.is_heading() => {
                if let Some(i) =
                    self.in_scope(|o| o.ns == Ns::Html && o.t.is_heading(), Open::ends_scope)
                {
                    self.truncate(i);
                }
            }
            _ if t.is_formatting() => self.adoption_agency(name),
            Applet | Marquee | Object => {
                if let Some(i) = self.in_default_scope(t) {
                    self.truncate(i);
                    self.clear_to_marker();
                }
            }
            Br => self.reconstruct(),
            Template => self.end_template(),
            _ => self.any_other_end_tag(name),
        }
    }
}

/// Whether a rule finished with a token or has it reprocessed in the new insertion mode.
enum Step {
    /// Done; the element's content is raw text of this kind, if any.
    Done(Option<Raw>),
    /// Reprocess the token.
    Again,
}

/// The integration point an element inserted in SVG or MathML content is.
fn foreign_point(ns: Ns, tag: &StartTag) -> Point {
    match (ns, tag.t) {
        (Ns::Svg, T::ForeignObject | T::Desc | T::Title) => Point::SvgHtml,
        (Ns::MathMl, T::Mi | T::Mo | T::Mn | T::Ms | T::Mtext) => Point::MathText,
        (Ns::MathMl, T::AnnotationXml) if tag.html_encoding => Point::AnnotationHtml,
        _ => Point::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS: &[u8] = include_bytes!("../../tests/data/html/news.html");
    const BR_PARAGRAPHS: &[u8] = include_bytes!("../../tests/data/html/br_paragraphs.html");
    const WINDOWS_1252: &[u8] = include_bytes!("../../tests/data/html/windows1252.html");
    const GERMAN: &[u8] = include_bytes!("../../tests/data/html/german.html");
    const CHINESE_GBK: &[u8] = include_bytes!("../../tests/data/html/chinese_gbk.html");
    const SHORT: &[u8] = include_bytes!("../../tests/data/html/short.html");
    const FIXTURES: [&[u8]; 6] = [
        NEWS,
        BR_PARAGRAPHS,
        WINDOWS_1252,
        GERMAN,
        CHINESE_GBK,
        SHORT,
    ];

    fn page(bytes: &[u8]) -> Page {
        let (html, _) = decode(bytes);
        match extract(&html) {
            Ok(page) => page,
            Err(e) => panic!("no article: {e}"),
        }
    }

    fn paragraphs(text: &str) -> Vec<&str> {
        text.split("\n\n").collect()
    }

    /// The format promised to the sentence segmenter.
    fn assert_clean(text: &str) {
        assert_eq!(text, text.trim(), "leading or trailing whitespace");
        assert!(
            !text.contains("\n\n\n"),
            "more than one blank line: {text:?}"
        );
        assert!(
            !text.contains('\u{a0}'),
            "non-breaking space left: {text:?}"
        );
        for line in text.lines() {
            assert_eq!(line, line.trim(), "line not trimmed: {line:?}");
            assert!(!line.contains("  "), "whitespace not collapsed: {line:?}");
        }
    }

    fn assert_absent(text: &str, needles: &[&str]) {
        for needle in needles {
            assert!(!text.contains(needle), "{needle:?} found in {text:?}");
        }
    }

    /// The visible text of a page as the extractor lays it out, without Readability.
    fn layout_of(html: &str) -> String {
        visible_text(&Readability::from(html), false)
    }

    /// The depth of the DOM html5ever builds for `html`.
    fn dom_depth(html: &str) -> usize {
        let page = Readability::from(html);
        let (mut max, mut open) = (0, vec![(page.doc.root(), 0)]);
        while let Some((node, depth)) = open.pop() {
            max = max.max(depth);
            let mut child = node.first_child();
            while let Some(node) = child {
                if node.is_element() {
                    open.push((node, depth + 1));
                }
                child = node.next_sibling();
            }
        }
        max
    }

    #[test]
    fn news_article_text_without_boilerplate() {
        let page = page(NEWS);
        assert_eq!(page.title, "City Council Approves New Riverside Park Plan");
        let text = &page.text;
        assert_clean(text);
        for sentence in [
            "The Millbrook City Council voted 7-2 on Tuesday night to turn the abandoned freight \
             yard on the east bank of the river into a 40-acre public park",
            "Council member Greg Hanley, one of the two no votes, said the money would be better \
             spent on road repairs.",
            "The first is scheduled for June 3 at the Eastside Library.",
        ] {
            assert!(
                text.contains(sentence),
                "{sentence:?} missing from {text:?}"
            );
        }
        assert_absent(
            text,
            &[
                "Subscribe today",
                "Politics",
                "cookies",
                "Accept all",
                "Advertisement",
                "mattresses",
                "Share on",
                "Email this story",
                "Related stories",
                "boom to bust",
                "Comments (3)",
                "parkfan88",
                "potholes",
                "Post comment",
                "All rights reserved",
                "Privacy policy",
                "TRACKING_SCRIPT_MARKER",
                "font-family",
                "dataLayer",
            ],
        );
    }

    #[test]
    fn news_paragraphs_and_entities() {
        let text = page(NEWS).text;
        let paragraphs = paragraphs(&text);
        // Seven paragraphs, each one line; the figure's caption is left out.
        assert_eq!(paragraphs.len(), 7, "{text:?}");
        assert!(paragraphs.iter().all(|p| !p.contains('\n')));
        assert!(!text.contains("The old freight yard, seen from the Harbor Street bridge"));
        // &#8217; &amp; &mdash; &#8220;/&#8221; &nbsp; and nested inline markup.
        assert!(text.contains("a citizens’ advisory board"));
        assert!(text.contains("a community garden & a small amphitheater"));
        assert!(text.contains("too high — roughly a fifth of the city’s annual capital budget"));
        assert!(text.contains("“This is the biggest investment"));
        assert!(text.contains("the $38 million price tag"));
        assert!(text.contains("voters approved in a 2022 referendum."));
    }

    #[test]
    fn br_separated_paragraphs_stay_paragraphs() {
        let (html, encoding) = decode(BR_PARAGRAPHS);
        assert_eq!(encoding, "windows-1252"); // the iso-8859-1 label
        let page = page(BR_PARAGRAPHS);
        assert_eq!(page.title, "The Lighthouse Keepers of Gull Point");
        let text = &page.text;
        assert_clean(text);
        let paragraphs = paragraphs(text);
        assert!(paragraphs.contains(
            &"For more than a century, the light at Gull Point was kept by just three families. \
              The first keeper, Thomas Avery, arrived in 1868 with his wife and four children, and \
              the family stayed for forty-one years."
        ));
        assert!(
            paragraphs
                .iter()
                .any(|p| p.starts_with("Life at the station was hard."))
        );
        // A single <br> is a line break inside the paragraph.
        assert!(text.contains("brought all nine sailors ashore.\nThe rescue made the front page"));
        assert!(paragraphs.len() >= 6, "{text:?}");
        assert_absent(
            text,
            &[
                "Sign our guestbook",
                "Members",
                "Copyright 1999",
                "Netscape",
                "POPUP_SCRIPT_MARKER",
            ],
        );
        assert!(html.contains("Gull Point"));
    }

    #[test]
    fn windows_1252_page() {
        let (html, encoding) = decode(WINDOWS_1252);
        assert_eq!(encoding, "windows-1252");
        assert!(matches!(html, Cow::Owned(_)));
        assert!(html.contains("“We came all the way from Jersey for this,”"));
        assert!(html.contains("450 000 €"));
        assert!(String::from_utf8_lossy(WINDOWS_1252).contains('\u{FFFD}'));
        let page = page(WINDOWS_1252);
        assert_eq!(page.title, "Le café du port rouvre ses portes");
        assert_clean(&page.text);
        assert!(page.text.contains("le célèbre café du port de Saint-Malo"));
        assert!(
            page.text
                .contains("La rénovation a coûté près de 450 000 €")
        );
        assert!(
            page.text
                .contains("described the coffee as “the best on the coast”.")
        );
        assert_absent(
            &page.text,
            &[
                "Accueil",
                "Publicité",
                "Voyages",
                "Yves35",
                "Vos réactions",
                "droits réservés",
            ],
        );
        assert!(!page.text.contains("PUBLICITE_SCRIPT"));
        assert_eq!(paragraphs(&page.text).len(), 7, "{:?}", page.text);
    }

    #[test]
    fn german_page() {
        let (html, encoding) = decode(GERMAN);
        assert_eq!(encoding, "UTF-8");
        assert!(matches!(html, Cow::Borrowed(_)));
        let page = page(GERMAN);
        assert_eq!(
            page.title,
            "Bahn kündigt neue Schnellverbindung zwischen Hamburg und München an"
        );
        assert_clean(&page.text);
        assert!(
            page.text
                .contains("„Das ist ein großer Schritt für den Fernverkehr“, sagte")
        );
        assert!(page.text.contains("bis zu 300 Kilometer pro Stunde"));
        assert!(
            page.text
                .contains("hieß es aus den zuständigen Ministerien.")
        );
        assert_absent(
            &page.text,
            &[
                "Startseite",
                "abonnieren",
                "Cookies",
                "Anzeige",
                "Kredite",
                "Mehr zum Thema",
                "Impressum",
                "Rechte vorbehalten",
                "ANALYSE_SKRIPT",
            ],
        );
    }

    #[test]
    fn chinese_gbk_page() {
        let (html, encoding) = decode(CHINESE_GBK);
        assert_eq!(encoding, "GBK");
        assert!(html.contains("本市新建图书馆正式开放"));
        let page = page(CHINESE_GBK);
        assert!(
            page.title.starts_with("本市新建图书馆正式开放"),
            "{}",
            page.title
        );
        assert_clean(&page.text);
        assert!(
            page.text
                .contains("本市新建的中心图书馆于昨天上午正式向公众开放。")
        );
        assert!(page.text.contains("未来几年，各区还将陆续建设分馆。"));
        let sentences = paragraphs(&page.text)
            .into_iter()
            .filter(|p| p.ends_with('。'))
            .count();
        assert_eq!(sentences, 6, "{:?}", page.text);
        assert_absent(
            &page.text,
            &[
                "首页",
                "下载客户端",
                "广告",
                "优惠券",
                "相关新闻",
                "网友评论",
                "版权所有",
            ],
        );
        assert!(!page.text.contains("GUANGGAO_SCRIPT"));
    }

    #[test]
    fn short_page_without_chrome() {
        let page = page(SHORT);
        assert_eq!(page.title, "Office closed on Monday");
        assert_eq!(
            page.text,
            "Our office will be closed on Monday for the public holiday.\n\
             We will reopen on Tuesday at 9 a.m. Thank you for your patience."
        );
    }

    #[test]
    fn fallback_when_readability_finds_nothing() {
        // Readability drops a heading that repeats the title and then has no article.
        let html = "<html><head><title>Hello world page</title></head>\
                    <body><h1>Hello world page</h1></body></html>";
        let mut reader = Readability::from(html);
        assert!(matches!(reader.parse(), Err(ReadabilityError::GrabFailed)));
        assert_eq!(
            extract(html),
            Ok(Page {
                title: "Hello world page".into(),
                text: "Hello world page".into()
            })
        );
        let page = extract("Plain text, no markup at all. Second sentence.");
        assert_eq!(
            page.map(|p| p.text).as_deref(),
            Ok("Plain text, no markup at all. Second sentence.")
        );
    }

    #[test]
    fn pages_without_text() {
        for html in [
            "",
            "   \n\t ",
            "<script>var a = 'hidden';</script><style>p { color: red }</style>",
            "<html><head><title>Only a title</title></head><body>\n</body></html>",
            "<!-- a comment --><noscript></noscript><template><p>inert</p></template>",
            "<body><div hidden>hidden</div><p style='visibility: hidden'>gone</p></body>",
        ] {
            assert_eq!(extract(html), Err(HtmlError::NoText), "{html:?}");
        }
    }

    #[test]
    fn text_layout() {
        let text = layout_of(
            "<div>one<br>two<br><br>three<br> <br>four</div>\
             <p>Runs   of\n\twhite&nbsp;space&#160;collapse,&nbsp; <b>bold</b><i>italic</i></p>\
             <ul><li>first item</li><li>second <a href=x>item</a></li></ul>\
             <table><tr><td>cell a</td><td>cell b</td></tr><tr><th>row two</th></tr></table>\
             <pre>  keep   this\n    indented\n\n\n\nline\t tab</pre>\
             <blockquote>quoted</blockquote><h2>Heading</h2>soft&shy;hyphen zero&#8203;width",
        );
        assert_eq!(
            text,
            "one\ntwo\n\nthree\n\nfour\n\n\
             Runs of white space collapse, bolditalic\n\n\
             first item\n\nsecond item\n\n\
             cell a\ncell b\n\nrow two\n\n\
             keep   this\nindented\n\nline\t tab\n\n\
             quoted\n\nHeading\n\nsofthyphen zerowidth"
        );
        assert_clean(text.replace("keep   this", "keep this").as_str());
    }

    #[test]
    fn hidden_and_inert_elements_are_skipped() {
        let text = layout_of(
            "<p>shown</p><p hidden>hidden attr</p><p style='display: none'>display none</p>\
             <p aria-hidden=true>aria hidden</p><select><option>opt</option></select>\
             <button>button</button><textarea>typed</textarea><svg><text>svg</text></svg>\
             <noscript>enable js</noscript><iframe>frame</iframe><p>end</p>",
        );
        assert_eq!(text, "shown\n\nend");
    }

    #[test]
    fn decode_prefers_bom_then_meta_then_utf8() {
        let decoded = |bytes: &[u8]| {
            let (text, encoding) = decode(bytes);
            (text.into_owned(), encoding)
        };
        assert_eq!(
            decoded(b"\xEF\xBB\xBFcaf\xC3\xA9"),
            ("café".into(), "UTF-8")
        );
        assert_eq!(decoded(b"\xFF\xFEh\0i\0"), ("hi".into(), "UTF-16LE"));
        assert_eq!(decoded(b"\xFE\xFF\0h\0i"), ("hi".into(), "UTF-16BE"));
        // The BOM wins over <meta>.
        let mut bom = b"\xEF\xBB\xBF<meta charset=\"windows-1252\">".to_vec();
        bom.extend_from_slice("é".as_bytes());
        assert_eq!(decoded(&bom).1, "UTF-8");
        assert!(decoded(&bom).0.ends_with('é'));
        assert_eq!(
            decoded(b"<meta charset=windows-1251>\xE0").0,
            "<meta charset=windows-1251>а"
        );
        assert_eq!(decoded(b"<META CHARSET='KOI8-R'>").1, "KOI8-R");
        assert_eq!(
            decoded(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">").1,
            "GBK"
        );
        assert_eq!(
            decoded(b"<meta content='text/html; charset=\"shift_jis\"' http-equiv=content-type>").1,
            "Shift_JIS"
        );
        // No pragma, no charset; a UTF-16 label means UTF-8; x-user-defined means windows-1252.
        assert_eq!(
            decoded(b"<meta content=\"text/html; charset=gbk\">").1,
            "UTF-8"
        );
        assert_eq!(decoded(b"<meta charset=utf-16le>").1, "UTF-8");
        assert_eq!(decoded(b"<meta charset=x-user-defined>").1, "windows-1252");
        assert_eq!(decoded(b"<meta charset=no-such-thing>").1, "UTF-8");
        // Comments and attribute values are skipped; only the first 1024 bytes count.
        assert_eq!(decoded(b"<!-- <meta charset=gbk> --><p>").1, "UTF-8");
        assert_eq!(
            decoded(b"<a title='<meta charset=gbk>'><meta charset=big5>").1,
            "Big5"
        );
        let mut late = vec![b' '; 1024];
        late.extend_from_slice(b"<meta charset=gbk>");
        assert_eq!(decoded(&late).1, "UTF-8");
        // Malformed sequences become U+FFFD; valid UTF-8 is borrowed.
        assert_eq!(
            decoded(b"a\xFFb\xC3"),
            ("a\u{FFFD}b\u{FFFD}".into(), "UTF-8")
        );
        assert!(matches!(
            decode(b"plain ascii").0,
            Cow::Borrowed("plain ascii")
        ));
        assert_eq!(decoded(b""), (String::new(), "UTF-8"));
    }

    #[test]
    fn ordinary_pages_pass_the_nesting_guard_untouched() {
        for fixture in FIXTURES {
            let (html, _) = decode(fixture);
            let (guarded, start_tags) = limit_nesting(&html);
            assert!(matches!(guarded, Cow::Borrowed(_)));
            assert!(start_tags > 10);
        }
        let balanced = "<div><p>deep</p></div>".repeat(10_000);
        assert!(matches!(limit_nesting(&balanced).0, Cow::Borrowed(_)));
        let unclosed = "<p>one<p>two<li>three<li>four<td>five<option>six".repeat(2_000);
        assert!(matches!(limit_nesting(&unclosed).0, Cow::Borrowed(_)));
    }

    #[test]
    fn the_nesting_guard_bounds_depth() {
        for motif in [
            "<div>",
            "<ul><li>",
            "<b>",
            "<b id=1><div></b>",
            "<a><div><a>",
            "<table><tr><td>",
            "<svg><g>",
            "<math><mi><div>",
            "<span></div>",
            "<form><div></form>",
            "<div></body>",
            "<frameset>",
            "<p><b>x</p>",
            "<svg><foreignObject><style></div></style><div>",
            "<div><script><!--<script></div></script>-->x</script>",
        ] {
            let html = motif.repeat(2_000);
            let (guarded, _) = limit_nesting(&html);
            // The guard bounds html5ever's stack of open elements; the DOM can be up to twice
            // as deep (a closed <form> stays the parent of what was open inside it).
            let depth = dom_depth(&guarded);
            assert!(depth <= 2 * MAX_DEPTH, "{motif:?} nests {depth} deep");
        }
    }

    #[test]
    fn the_nesting_guard_keeps_text() {
        let html = format!(
            "{}<p>First paragraph.</p><p>Second &amp; last.</p><script>hidden()</script> a &lt; b",
            "<div>".repeat(1_000)
        );
        let (guarded, _) = limit_nesting(&html);
        assert!(matches!(guarded, Cow::Owned(_)));
        let text = layout_of(&guarded);
        assert_eq!(text, "First paragraph.\n\nSecond & last.\n\na < b");
    }

    #[test]
    fn raw_text_and_comments_do_not_count_as_nesting() {
        let script = "<script>if (a < b) { document.write('<div><div><div>'); }</script>";
        let style = "<style>p::before { content: '<div>' }</style><!-- <div><div> -->";
        let html = format!("{}{}", script.repeat(300), style.repeat(300));
        assert!(matches!(limit_nesting(&html).0, Cow::Borrowed(_)));
        // ... and their end tags inside strings do not pop anything either.
        let html = format!(
            "{}<script>'</div></div>'</script>{}",
            "<div>".repeat(200),
            "<div>".repeat(100)
        );
        assert!(matches!(limit_nesting(&html).0, Cow::Owned(_)));
    }

    #[test]
    fn too_many_elements() {
        let html = "<p>".repeat(MAX_ELEMENTS + 1);
        assert_eq!(
            extract(&html),
            Err(HtmlError::TooManyElements {
                found: MAX_ELEMENTS + 1,
                max: MAX_ELEMENTS
            })
        );
    }

    #[test]
    fn hostile_pages_do_not_panic_or_overflow_a_small_stack() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let junk: Vec<u8> = (0..50_000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect();
        let inputs: Vec<String> = vec![
            decode(&junk).0.into_owned(),
            "<div>".repeat(100_000),
            "<b>".repeat(100_000),
            "<div>text ".repeat(5_000),
            "<ul><li>".repeat(40_000),
            "<table><tr><td>".repeat(20_000),
            "<svg><g>".repeat(40_000),
            "<p><b><i>unclosed ".repeat(1_000),
            "</div></p></b>".repeat(5_000),
            "<a href='x".repeat(10_000),
            "<!--".repeat(10_000),
            "<".repeat(10_000),
            "&#xFFFFFF;&#0;&;&amp".repeat(1_000),
        ];
        // Tokio's worker threads have 2 MiB stacks.
        let worker = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                for html in &inputs {
                    if let Ok(page) = extract(html) {
                        assert_clean(&page.text);
                    }
                }
            });
        assert!(worker.is_ok_and(|worker| worker.join().is_ok()));
    }
}
