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
//! and pages too deep or too big for Readability's per-level work get the plain body text; the
//! same pre-pass caps a tag's attributes, and long runs of characters the serializer escapes are
//! split before Readability serializes the article (see `parse::MAX_ESCAPE_RUN`).
//!
//! [`extract_until`] and [`decode_until`] check a cancellation callback at bounded intervals: in
//! the pre-pass, between slices of the parse, in every walk of the DOM, and between the steps of
//! Readability, which itself cannot be interrupted and is bounded instead (`MAX_READABILITY_WORK`,
//! `READABILITY_WORK_PER_BYTE`, `MAX_READABILITY_NODES`).
//! Nothing is ever fetched.

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use std::ops::ControlFlow;

use crate::analyze::Cancelled;

mod decode;
mod guard;
mod layout;
mod parse;
#[cfg(test)]
mod tests;

pub use decode::{decode, decode_until};
use guard::limit_nesting;
use layout::{visible_text, visible_text_of};
use parse::{limit_escape_runs, parse, walk};

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
    /// More DOM nodes than the node guard allows the page's size (see `parse::max_nodes`).
    #[error(
        "the page parses into more than {max} DOM nodes (found {found} so far): more markup than \
         its size allows (one node per {} bytes, past the first {})",
        parse::MIN_BYTES_PER_NODE,
        parse::NODE_ALLOWANCE
    )]
    TooManyNodes {
        /// Nodes when the parse stopped.
        found: usize,
        /// The limit for the page's size.
        max: usize,
    },
    /// The page has no visible text.
    #[error("the page has no visible text")]
    NoText,
    /// The caller no longer wants the result (see [`crate::analyze::Cancelled`]).
    #[error("the request was cancelled or ran out of time before the page was read")]
    Cancelled,
}

/// Most elements a page may have (bounds the work per request).
///
/// Typical news pages have 1,000-10,000 elements and the biggest real pages (a long Wikipedia
/// list with its navigation) about 100,000, so 200,000 only turns away pages no article needs.
/// It caps the parse (about 2 µs and 300 bytes per element) before it starts: start tags are
/// counted first. Readability itself gets a tighter budget (see `MAX_READABILITY_WORK`).
pub const MAX_ELEMENTS: usize = 200_000;

/// Extracts the article's main text and title from an HTML page.
///
/// # Errors
///
/// [`HtmlError::TooManyElements`] if the page has more than [`MAX_ELEMENTS`] elements,
/// [`HtmlError::NoText`] if it has no visible text.
pub fn extract(html: &str) -> Result<Page, HtmlError> {
    extract_until(html, &|| false)
}

/// [`extract`], giving up with [`HtmlError::Cancelled`] once `cancelled` says so.
///
/// # Errors
///
/// As [`extract`], and [`HtmlError::Cancelled`].
pub fn extract_until(html: &str, cancelled: Cancelled<'_>) -> Result<Page, HtmlError> {
    let (html, start_tags) = limit_nesting(html, cancelled)?;
    if start_tags > MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements {
            found: start_tags,
            max: MAX_ELEMENTS,
        });
    }
    let page = parse(&html, cancelled)?;
    let budget = readability_work_budget(html.len());
    let (depth, work) = dom_cost(&page, budget, cancelled)?;
    let nodes = page.doc.tree.len();
    if depth > MAX_READABILITY_DEPTH || work > budget || nodes > MAX_READABILITY_NODES {
        return plain(&page, depth <= MAX_READABILITY_DEPTH, cancelled);
    }
    let mut threshold = Config::default().char_threshold;
    let (mut title, mut content) = match readability(page, threshold, cancelled)? {
        Ok(found) => found,
        Err(ReadabilityError::TooManyElements(found, max)) => {
            return Err(HtmlError::TooManyElements { found, max });
        }
        Err(ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL) => {
            return plain(&parse(&html, cancelled)?, true, cancelled);
        }
    };
    let mut text = article_text(&content, false, cancelled)?;
    let mut chars = text.chars().count();
    // Short of its threshold, Readability returns the longest of its attempts, the least
    // cleaned one. CJK text says as much in about a third of the characters, so a short CJK
    // article gets another chance with a third of the threshold (the best attempt is the
    // longest one, so a result under that would not pass it either).
    let cjk_threshold = threshold / CJK_DENSITY;
    if (cjk_threshold..threshold).contains(&chars)
        && mostly_cjk(&text)
        && let Ok((cjk_title, cjk_content)) =
            readability(parse(&html, cancelled)?, cjk_threshold, cancelled)?
    {
        threshold = cjk_threshold;
        (title, content) = (cjk_title, cjk_content);
        text = article_text(&content, false, cancelled)?;
        chars = text.chars().count();
    }
    // A result still short of the threshold is usually the whole body of a short page, navigation
    // included: drop the page chrome from it.
    if chars < threshold {
        let without_chrome = article_text(&content, true, cancelled)?;
        if !without_chrome.is_empty() {
            text = without_chrome;
        }
    }
    if text.is_empty() {
        return plain(&parse(&html, cancelled)?, true, cancelled);
    }
    Ok(Page { title, text })
}

/// The page's visible body text without its chrome, for pages Readability is not run on or finds
/// no article in; `metadata` if Readability's metadata lookup (which recurses per level) may run.
fn plain(page: &Readability, metadata: bool, cancelled: Cancelled<'_>) -> Result<Page, HtmlError> {
    let text = visible_text(page, true, cancelled)?;
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
/// [`MAX_READABILITY_WORK`]), in one walk that stops once over `budget` or the depth limit.
fn dom_cost(
    page: &Readability,
    budget: usize,
    cancelled: Cancelled<'_>,
) -> Result<(usize, usize), HtmlError> {
    let (mut max_depth, mut work) = (0usize, 0usize);
    walk(page, cancelled, |node, depth| {
        if node.is_text() {
            work = work.saturating_add(node.text().len().saturating_mul(depth));
        } else if node.is_element() {
            max_depth = max_depth.max(depth);
            let heavy = node.has_name("table")
                || node.has_name("form")
                || node.has_name("object")
                || node.has_name("img");
            let element = if heavy {
                3 * ELEMENT_WORK
            } else {
                ELEMENT_WORK
            };
            work = work.saturating_add(depth + element);
            if max_depth > MAX_READABILITY_DEPTH || work > budget {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })?;
    Ok((max_depth, work))
}

/// How many times more a CJK character says than a character of an alphabetic script, roughly.
const CJK_DENSITY: usize = 3;

/// Runs Readability on a parsed page with the given character threshold: the article's title, and
/// Readability with the DOM it left (see [`article_text`]). The page's escape runs are limited first (see [`parse::MAX_ESCAPE_RUN`]).
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so (Readability's result is an `Ok`).
fn readability(
    mut reader: Readability,
    threshold: usize,
    cancelled: Cancelled<'_>,
) -> Result<Result<(String, Readability), ReadabilityError>, HtmlError> {
    limit_escape_runs(&reader, cancelled)?;
    reader.config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: threshold,
        // The text is built from `content`; `Raw` is the cheapest mode.
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    // The article is read from Readability's own DOM; the rest of what it returns goes at once.
    let title = match reader.parse() {
        Ok(article) => article.title,
        Err(e) => return Ok(Err(e)),
    };
    if cancelled() {
        return Err(HtmlError::Cancelled);
    }
    Ok(Ok((clean_title(&title), reader)))
}

/// The visible text of the article Readability found (its `#readability-page-1`, in the DOM it
/// left), laid out as [`visible_text`] lays out a page.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
fn article_text(
    reader: &Readability,
    drop_chrome: bool,
    cancelled: Cancelled<'_>,
) -> Result<String, HtmlError> {
    let root = reader.doc.select_single("#readability-page-1");
    match root.nodes().first() {
        Some(&node) => visible_text_of(node, drop_chrome, cancelled),
        None => Ok(String::new()),
    }
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

/// Deepest DOM Readability runs on. Real pages are rarely 60 deep (Lighthouse warns at 32);
/// deeper ones, like those the guard had to flatten, get the plain body text, since Readability's
/// cost per element grows with depth and dom_query's selectors recurse once per level.
const MAX_READABILITY_DEPTH: usize = 128;

/// Most work Readability may be given, in units of about 25 ns: each text byte costs its depth
/// (Readability measures a candidate's text again at every level above it), each element its
/// depth plus [`ELEMENT_WORK`]. Readability cannot be interrupted, so this bounds how long a
/// cancelled request runs on: about 200 ms at most (3 to 30 ns a unit measured). Of 400 real
/// pages, one needs more than 2 million (a 1.2 MB page, 4.5 million); a 1 MB article 6 deep needs
/// about 7 million. Pages over the limit get the plain body text.
const MAX_READABILITY_WORK: usize = 8_000_000;

/// Most work Readability may be given per byte of the page, past [`READABILITY_WORK_ALLOWANCE`]
/// (the Readability work budget), so that a small page cannot buy the 200 ms
/// [`MAX_READABILITY_WORK`] allows a big one (100 nested `<object>`s around 16 KB of text took
/// 130 ms, 8 s per MB). Real pages need 3 to 7 units a byte (400 pages measured; the fixtures 4 to
/// 7); pages over the budget get the plain body text.
const READABILITY_WORK_PER_BYTE: usize = 32;

/// Readability work allowed to any page, whatever its size (about 2 ms).
const READABILITY_WORK_ALLOWANCE: usize = 65_536;

/// The work Readability may be given on a page of `bytes` (see [`READABILITY_WORK_PER_BYTE`]).
fn readability_work_budget(bytes: usize) -> usize {
    bytes
        .saturating_mul(READABILITY_WORK_PER_BYTE)
        .saturating_add(READABILITY_WORK_ALLOWANCE)
        .min(MAX_READABILITY_WORK)
}

/// Most DOM nodes Readability runs on (the Readability node budget). Readability keeps up to
/// four copies of the DOM at once (the page, the attempt in progress, a clean copy for the next
/// attempt and the best attempt so far), about 200 bytes a node each; real pages have up to about
/// 45,000 nodes. Bigger ones get the plain body text, from the one DOM.
const MAX_READABILITY_NODES: usize = 65_536;

/// The work Readability does per element besides its text, about 2.5 µs (three times that for
/// tables, forms, objects and images, which it inspects further: 24,000 `<img>`s took 65 ms).
const ELEMENT_WORK: usize = 100;
