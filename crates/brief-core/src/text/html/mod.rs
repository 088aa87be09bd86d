//! HTML pages -> the article's main text and title.
//!
//! [`decode`] turns raw page bytes into text (BOM, then `<meta>` charset unless the bytes are
//! UTF-8, then UTF-8).
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
//!
//! The module, in the order a page goes through it:
//! - `decode`: charset decoding (page bytes -> text);
//! - `guard`: the nesting guard, a second, linear HTML lexer and a model of html5ever's tree
//!   builder that bound the page's depth and attributes before the real parse (why: see there);
//! - `parse`: parsing into a DOM in cancellable slices, the node and escape-run guards, and the
//!   walk that measures the DOM for Readability;
//! - `readability`: running Readability within its budgets (depth, work, nodes);
//! - this file: the entry points, choosing between Readability's article and the body text;
//! - `layout`: text building (a DOM -> paragraphs and lines of plain text);
//! - `blocks`: what each stretch of that text was in the page (heading, list item, ...);
//! - `title`, `lang`: the page's headline forms and its declared language.

use dom_smoothie::{Config, Readability, ReadabilityError};

use crate::cancel::Cancelled;

mod blocks;
mod credit;
mod decode;
mod figures;
mod guard;
mod lang;
mod layout;
mod parse;
mod readability;
#[cfg(test)]
mod tests;
mod title;

pub use blocks::{Block, Blocks};
pub use decode::{decode, decode_until};
use guard::limit_nesting;
use lang::declared_language;
use layout::visible_text;
use parse::parse;
use readability::{
    CJK_DENSITY, MAX_READABILITY_DEPTH, MAX_READABILITY_NODES, article_text, dom_cost, mostly_cjk,
    readability, readability_work_budget,
};
use title::Titles;

/// The article found in an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The article's title ("" if the page has none), whitespace collapsed.
    pub title: String,
    /// The article's text: paragraphs separated by "\n\n", line breaks kept as "\n".
    pub text: String,
    /// What each stretch of the text was in the page (heading, list item, ...).
    pub blocks: Blocks,
    /// The forms of the page's headline (its main `<h1>`, `og:title`, `<title>` with and without
    /// the site's name), `title` among them when it came from one: none is a sentence of a brief.
    pub headlines: Vec<String>,
    /// The language the page declares (`<html lang>`, else a `content-language` `<meta>`), as a
    /// well-formed BCP-47 tag; `None` if it declares none.
    pub language: Option<String>,
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
    /// The caller no longer wants the result (see [`crate::cancel::Cancelled`]).
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
    let titles = if depth <= MAX_READABILITY_DEPTH {
        Titles::of(&page)
    } else {
        Titles::default()
    };
    let language = declared_language(&page);
    if depth > MAX_READABILITY_DEPTH || work > budget || nodes > MAX_READABILITY_NODES {
        return plain(
            &page,
            depth <= MAX_READABILITY_DEPTH,
            (titles, language),
            cancelled,
        );
    }
    let mut threshold = Config::default().char_threshold;
    let (mut title, mut content) = match readability(page, threshold, cancelled)? {
        Ok(found) => found,
        Err(ReadabilityError::TooManyElements(found, max)) => {
            return Err(HtmlError::TooManyElements { found, max });
        }
        Err(ReadabilityError::GrabFailed | ReadabilityError::BadDocumentURL) => {
            return plain(
                &parse(&html, cancelled)?,
                true,
                (titles, language),
                cancelled,
            );
        }
    };
    let (mut text, mut blocks) = article_text(&content, false, cancelled)?;
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
        (text, blocks) = article_text(&content, false, cancelled)?;
        chars = text.chars().count();
    }
    // A result still short of the threshold is usually the whole body of a short page, navigation
    // included: drop the page chrome from it.
    if chars < threshold {
        let without_chrome = article_text(&content, true, cancelled)?;
        if !without_chrome.0.is_empty() {
            (text, blocks) = without_chrome;
        }
    }
    if text.is_empty() {
        return plain(
            &parse(&html, cancelled)?,
            true,
            (titles, language),
            cancelled,
        );
    }
    Ok(Page {
        title: titles.choose(title),
        text,
        blocks,
        headlines: titles.into_headlines(),
        language,
    })
}

/// The page's visible body text without its chrome, for pages Readability is not run on or finds
/// no article in; `metadata` if Readability's metadata lookup (which recurses per level) may run;
/// the headline's forms and the declared language as read from the page.
fn plain(
    page: &Readability,
    metadata: bool,
    (titles, language): (Titles, Option<String>),
    cancelled: Cancelled<'_>,
) -> Result<Page, HtmlError> {
    let (text, blocks) = visible_text(page, true, cancelled)?;
    if text.is_empty() {
        return Err(HtmlError::NoText);
    }
    let title = if metadata {
        page.get_article_metadata(page.parse_json_ld()).title
    } else {
        head_title(page)
    };
    Ok(Page {
        title: titles.choose(clean_title(&title)),
        text,
        blocks,
        headlines: titles.into_headlines(),
        language,
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
