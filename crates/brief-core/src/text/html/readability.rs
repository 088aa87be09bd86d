//! Running Readability (dom_smoothie's port of Mozilla Readability) on a parsed page, within
//! budgets: the DOM's depth and the work Readability would do on it are measured first, and a
//! page over them gets the plain body text instead.

use std::ops::ControlFlow;

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use super::blocks::{Blocks, LEVEL_ATTR};
use super::layout::visible_text_of;
use super::parse::{limit_escape_runs, walk};
use super::{HtmlError, MAX_ELEMENTS, clean_title};
use crate::cancel::Cancelled;

/// Deepest DOM Readability runs on. Real pages are rarely 60 deep (Lighthouse warns at 32);
/// deeper ones, like those the guard had to flatten, get the plain body text, since Readability's
/// cost per element grows with depth and dom_query's selectors recurse once per level.
pub(super) const MAX_READABILITY_DEPTH: usize = 128;

/// Most work Readability may be given, in units of about 25 ns: each text byte costs its depth
/// (Readability measures a candidate's text again at every level above it), each element its
/// depth plus [`ELEMENT_WORK`]. Readability cannot be interrupted, so this bounds how long a
/// cancelled request runs on: about 200 ms at most (3 to 30 ns a unit measured). Of 400 real
/// pages, one needs more than 2 million (a 1.2 MB page, 4.5 million); a 1 MB article 6 deep needs
/// about 7 million. Pages over the limit get the plain body text.
pub(super) const MAX_READABILITY_WORK: usize = 8_000_000;

/// Most work Readability may be given per byte of the page, past [`READABILITY_WORK_ALLOWANCE`]
/// (the Readability work budget), so that a small page cannot buy the 200 ms
/// [`MAX_READABILITY_WORK`] allows a big one (100 nested `<object>`s around 16 KB of text take
/// 130 ms, 8 s per MB). Real pages need 3 to 7 units a byte (400 pages measured; the fixtures 4 to
/// 7); pages over the budget get the plain body text.
pub(super) const READABILITY_WORK_PER_BYTE: usize = 32;

/// Readability work allowed to any page, whatever its size (about 2 ms).
pub(super) const READABILITY_WORK_ALLOWANCE: usize = 65_536;

/// The work Readability may be given on a page of `bytes` (see [`READABILITY_WORK_PER_BYTE`]).
pub(super) fn readability_work_budget(bytes: usize) -> usize {
    bytes
        .saturating_mul(READABILITY_WORK_PER_BYTE)
        .saturating_add(READABILITY_WORK_ALLOWANCE)
        .min(MAX_READABILITY_WORK)
}

/// Most DOM nodes Readability runs on (the Readability node budget). Readability keeps up to
/// four copies of the DOM at once (the page, the attempt in progress, a clean copy for the next
/// attempt and the best attempt so far), about 200 bytes a node each; real pages have up to about
/// 45,000 nodes. Bigger ones get the plain body text, from the one DOM.
pub(super) const MAX_READABILITY_NODES: usize = 65_536;

/// The work Readability does per element besides its text, about 2.5 µs (three times that for
/// tables, forms, objects and images, which it inspects further: 24,000 `<img>`s take about 65 ms).
pub(super) const ELEMENT_WORK: usize = 100;

/// The parsed page's greatest element depth, and the work Readability would do on it (see
/// [`MAX_READABILITY_WORK`]), in one walk that stops once over `budget` or the depth limit.
pub(super) fn dom_cost(
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
pub(super) const CJK_DENSITY: usize = 3;

/// Runs Readability on a parsed page with the given character threshold: the article's title, and
/// Readability with the DOM it left (see [`article_text`]). The page's escape runs are limited first (see [`parse::MAX_ESCAPE_RUN`]).
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so (Readability's result is an `Ok`).
pub(super) fn readability(
    mut reader: Readability,
    threshold: usize,
    cancelled: Cancelled<'_>,
) -> Result<Result<(String, Readability), ReadabilityError>, HtmlError> {
    limit_escape_runs(&reader, cancelled)?;
    // Readability renames the article's <h1>s to <h2>; the attribute keeps their level.
    reader.doc.select("h1").set_attr(LEVEL_ATTR, "1");
    reader.config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        char_threshold: threshold,
        // The text is built from `content`; `Raw` is the cheapest mode.
        text_mode: TextMode::Raw,
        // Class names tell bylines and captions apart (see `blocks`); Readability only strips
        // them at the end, after it has chosen the article.
        keep_classes: true,
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
/// left), laid out as [`visible_text`] lays out a page, with its blocks.
///
/// # Errors
///
/// [`HtmlError::Cancelled`] once `cancelled` says so.
pub(super) fn article_text(
    reader: &Readability,
    drop_chrome: bool,
    cancelled: Cancelled<'_>,
) -> Result<(String, Blocks), HtmlError> {
    let root = reader.doc.select_single("#readability-page-1");
    match root.nodes().first() {
        Some(&node) => visible_text_of(node, drop_chrome, cancelled),
        None => Ok((String::new(), Blocks::default())),
    }
}

/// Whether most letters in `text` are CJK (Han, kana or Hangul).
pub(super) fn mostly_cjk(text: &str) -> bool {
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
