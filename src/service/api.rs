//! The `brief.v1` API over the core: request validation and conversion between the protobuf
//! messages and the core's types.
//!
//! The gRPC service and the offline CLI both call [`summarize`] and [`extract`], so a request
//! gets the same answer, and the same error, whichever way it comes in. Nothing here knows about
//! gRPC status codes; [`crate::service`] maps [`RequestError`] to them in one place.

use std::borrow::Cow;

use crate::proto::v1 as pb;
use brief_core::analyze::{
    self, Analysis, Article, CHECK_EVERY, Cancelled, Exclusion, Sentence, TitleSource,
};
use brief_core::error::Error;
use brief_core::offsets::{OffsetMap, Unit};
use brief_core::rank::features::{Features, Weights};
use brief_core::rank::keyphrases::Keyphrase;
use brief_core::rank::select::{Budget, LimitedBy};
use brief_core::text::detect;
use brief_core::text::html::{self, Block, Blocks, HtmlError};
use brief_core::text::language::{Language, Support};

pub use brief_core::algorithm_version;

/// The number of keywords `Extract` returns when the request does not say.
pub const DEFAULT_MAX_KEYWORDS: usize = 10;

/// The most sentences an `Extract` response holds. Each costs about 200 bytes while the
/// response is built and encoded, so without a limit a 4 MiB text of two-byte sentences would
/// take about 100 times its size; a 4 MiB article of ordinary prose has about 40,000.
pub const MAX_EXTRACT_SENTENCES: usize = 65_536;

/// The language an article is processed in when it is neither given nor detected.
const DEFAULT_LANGUAGE: Language = Language::English;

/// A request the API cannot answer, with the field at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RequestError {
    /// A field has a value outside what it allows.
    #[error("{field}: {reason}")]
    InvalidArgument {
        /// The field's path in the request, e.g. `length.ratio`.
        field: &'static str,
        /// What is wrong and what is allowed.
        reason: String,
    },
    /// The caller cancelled the request, or its deadline passed, before the answer was ready.
    #[error("the request was cancelled or ran out of time before the summary was ready")]
    Cancelled,
    /// The request is within the message size limit but would cost more than the server allows
    /// (an HTML page with too many elements).
    #[error("{field}: {reason}")]
    ResourceExhausted {
        /// The field's path in the request.
        field: &'static str,
        /// Which limit was exceeded and what to do instead.
        reason: String,
    },
}

impl RequestError {
    fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Self::InvalidArgument {
            field,
            reason: reason.into(),
        }
    }
}

impl From<Error> for RequestError {
    fn from(e: Error) -> Self {
        let field = match e {
            Error::EmptyContent | Error::TooLarge(_) => "document.content",
            Error::InvalidRatio(_) => "length.ratio",
            Error::Cancelled => return Self::Cancelled,
        };
        Self::invalid(field, e.to_string())
    }
}

/// Answers a `Summarize` request.
pub fn summarize(
    req: &pb::SummarizeRequest,
    weights: &Weights,
) -> Result<pb::SummarizeResponse, RequestError> {
    summarize_until(req, weights, &|| false)
}

/// [`summarize`], giving up with [`RequestError::Cancelled`] once `cancelled` says so.
pub fn summarize_until(
    req: &pb::SummarizeRequest,
    weights: &Weights,
    cancelled: Cancelled<'_>,
) -> Result<pb::SummarizeResponse, RequestError> {
    let doc = document(req.document.as_ref())?;
    let budget = budget(req.length.as_ref())?;
    let order = enum_value::<pb::Order>("order", req.order)?;
    let unit = offset_unit("offset_unit", req.offset_unit)?;
    let text = article_text(doc, cancelled)?;
    let language = language(&doc.language, text.declared.as_deref(), &text.content)?;

    let article = Article {
        content: &text.content,
        title: text.title(doc),
        query: &req.query,
        language: language.language,
        blocks: text.blocks.as_ref(),
        headlines: &text.headlines,
    };
    let brief = analyze::summarize_until(&article, &budget, weights, cancelled)?;
    let analysis = &brief.analysis;

    // Each chosen sentence with its place in the selection, which is rank order. Offsets are
    // converted in reading order, which keeps the conversion one linear pass.
    let mut chosen: Vec<(usize, usize)> = brief
        .selection
        .indices
        .iter()
        .enumerate()
        .map(|(rank, &i)| (i, rank))
        .collect();
    chosen.sort_unstable();
    let mut offsets = OffsetMap::new(article.content, unit);
    let mut sentences = Vec::with_capacity(chosen.len());
    for (n, &(i, rank)) in chosen.iter().enumerate() {
        if n % CHECK_EVERY == CHECK_EVERY - 1 && cancelled() {
            return Err(RequestError::Cancelled);
        }
        let Some(s) = analysis.sentence(i) else {
            continue;
        };
        let (offset, length) = span(&mut offsets, &s)?;
        let sentence = pb::Sentence {
            index: to_u32(s.index)?,
            text: s.text.to_owned(),
            score: s.score,
            offset,
            length,
        };
        sentences.push((rank, sentence));
    }
    if order == pb::Order::Rank {
        // Rank order is the selection's own order: best first, ties by position.
        sentences.sort_unstable_by_key(|&(rank, _)| rank);
    }
    let sentences: Vec<pb::Sentence> = sentences.into_iter().map(|(_, s)| s).collect();

    let summary = join_sentences(&sentences);
    Ok(pb::SummarizeResponse {
        id: doc.id.clone(),
        summary,
        sentences,
        limited_by: limited_by(brief.selection.limited_by) as i32,
        algorithm_version: algorithm_version().to_owned(),
        title: title(analysis),
        language_source: language.source as i32,
        language_confidence: language.confidence,
        language_support: language_support(language.language) as i32,
        language: language.tag,
    })
}

/// Answers an `Extract` request.
pub fn extract(
    req: &pb::ExtractRequest,
    weights: &Weights,
) -> Result<pb::ExtractResponse, RequestError> {
    extract_until(req, weights, &|| false)
}

/// [`extract`], giving up with [`RequestError::Cancelled`] once `cancelled` says so.
pub fn extract_until(
    req: &pb::ExtractRequest,
    weights: &Weights,
    cancelled: Cancelled<'_>,
) -> Result<pb::ExtractResponse, RequestError> {
    let doc = document(req.document.as_ref())?;
    let unit = offset_unit("offset_unit", req.offset_unit)?;
    let text = article_text(doc, cancelled)?;
    let language = language(&doc.language, text.declared.as_deref(), &text.content)?;
    let max_keywords = match req.max_keywords {
        0 => DEFAULT_MAX_KEYWORDS,
        n => n as usize,
    };

    let article = Article {
        content: &text.content,
        title: text.title(doc),
        query: &req.query,
        language: language.language,
        blocks: text.blocks.as_ref(),
        headlines: &text.headlines,
    };
    let analysis = analyze::analyze_until(&article, weights, cancelled)?;
    if analysis.len() > MAX_EXTRACT_SENTENCES {
        return Err(RequestError::ResourceExhausted {
            field: "document.content",
            reason: format!(
                "the article has {} sentences, more than Extract returns ({MAX_EXTRACT_SENTENCES}); \
                 use Summarize, which takes any number, or send the article in parts",
                analysis.len()
            ),
        });
    }

    let mut offsets = OffsetMap::new(article.content, unit);
    let mut sentences = Vec::with_capacity(analysis.len());
    for (n, d) in analysis.details().enumerate() {
        if n % CHECK_EVERY == CHECK_EVERY - 1 && cancelled() {
            return Err(RequestError::Cancelled);
        }
        let s = &d.sentence;
        let (offset, length) = span(&mut offsets, s)?;
        sentences.push(pb::SentenceAnalysis {
            index: to_u32(s.index)?,
            text: s.text.to_owned(),
            score: s.score,
            offset,
            length,
            features: Some(features(&d.features)),
            paragraph: d.paragraph,
            exclusion: exclusion(s.exclusion) as i32,
            rank: d.rank,
            block: d.block.map_or(pb::Block::Unspecified, block) as i32,
            heading_level: match d.block {
                Some(Block::Heading(level)) => u32::from(level),
                _ => 0,
            },
        });
    }
    let keywords = analysis
        .keywords_until(max_keywords, cancelled)?
        .iter()
        .map(|k| keyword(article.content, unit, k))
        .collect::<Result<_, _>>()?;

    Ok(pb::ExtractResponse {
        id: doc.id.clone(),
        sentences,
        keywords,
        title: title(&analysis),
        algorithm_version: algorithm_version().to_owned(),
        language_source: language.source as i32,
        language_confidence: language.confidence,
        language_support: language_support(language.language) as i32,
        language: language.tag,
        // The analysis borrows the text, so the response gets a copy (of HTML pages only).
        text: match &text.page_title {
            Some(_) => text.content.to_string(),
            None => String::new(),
        },
        page_title: text.page_title.clone().unwrap_or_default(),
    })
}

/// The size of a request's article in bytes (content, raw bytes, title and query), for logs and
/// limits.
pub fn article_bytes(doc: Option<&pb::Document>, query: &str) -> usize {
    doc.map_or(0, |d| d.content.len() + d.raw.len() + d.title.len()) + query.len()
}

/// Checks the document: present, with a known format, and content or raw bytes but not both.
fn document(doc: Option<&pb::Document>) -> Result<&pb::Document, RequestError> {
    let doc = doc.ok_or_else(|| {
        RequestError::invalid("document", "required; send the article as document.content")
    })?;
    enum_value::<pb::Format>("document.format", doc.format)?;
    if !doc.raw.is_empty() && !doc.content.is_empty() {
        return Err(RequestError::invalid(
            "document.raw",
            "set either document.content (text) or document.raw (undecoded bytes), not both",
        ));
    }
    Ok(doc)
}

/// The text a document's sentences are taken from.
struct ArticleText<'d> {
    /// The text: the content, the raw bytes decoded, or the main text of an HTML page.
    content: Cow<'d, str>,
    /// For an HTML page, its own title ("" when it has none); `None` for plain text.
    page_title: Option<String>,
    /// For an HTML page, what each stretch of the text was in it.
    blocks: Option<Blocks>,
    /// For an HTML page, the other forms of its headline (see `Article::headlines`).
    headlines: Vec<String>,
    /// For an HTML page, the language it declares, if any.
    declared: Option<String>,
}

impl ArticleText<'_> {
    /// The title to rank with: the caller's, else the page's.
    fn title<'a>(&'a self, doc: &'a pb::Document) -> &'a str {
        match &self.page_title {
            Some(page) if doc.title.trim().is_empty() => page,
            _ => &doc.title,
        }
    }
}

/// Decodes the document and, for HTML, extracts the article from the page, giving up with
/// [`RequestError::Cancelled`] once `cancelled` says so.
fn article_text<'d>(
    doc: &'d pb::Document,
    cancelled: Cancelled<'_>,
) -> Result<ArticleText<'d>, RequestError> {
    let raw = !doc.raw.is_empty();
    let field = if raw {
        "document.raw"
    } else {
        "document.content"
    };
    // `document` has checked the format.
    let html = doc.format == pb::Format::Html as i32;
    let text = match (raw, html) {
        (false, _) => Cow::Borrowed(doc.content.as_str()),
        (true, true) => {
            html::decode_until(&doc.raw, cancelled)
                .map_err(|e| html_error(field, e))?
                .0
        }
        // A byte-order mark names the encoding; anything else is read as UTF-8.
        (true, false) => encoding_rs::UTF_8.decode(&doc.raw).0,
    };
    let text = if html {
        let page = html::extract_until(&text, cancelled).map_err(|e| html_error(field, e))?;
        ArticleText {
            content: Cow::Owned(page.text),
            page_title: Some(page.title),
            blocks: Some(page.blocks),
            headlines: page.headlines,
            declared: page.language,
        }
    } else {
        ArticleText {
            content: text,
            page_title: None,
            blocks: None,
            headlines: Vec::new(),
            declared: None,
        }
    };
    if text.content.trim().is_empty() {
        return Err(RequestError::invalid(
            field,
            Error::EmptyContent.to_string(),
        ));
    }
    Ok(text)
}

/// The answer to a page whose article cannot be extracted.
fn html_error(field: &'static str, e: HtmlError) -> RequestError {
    match e {
        HtmlError::TooManyElements { .. } | HtmlError::TooManyNodes { .. } => {
            RequestError::ResourceExhausted {
                field,
                reason: format!("{e}; send the article's own markup, or its text as plain text"),
            }
        }
        HtmlError::NoText => RequestError::invalid(
            field,
            format!("{e}; send a page with an article, or the article's text as plain text"),
        ),
        HtmlError::Cancelled => RequestError::Cancelled,
    }
}

/// Converts the length budget; 0 means unset.
fn budget(length: Option<&pb::Length>) -> Result<Budget, RequestError> {
    let Some(l) = length else {
        return Ok(Budget::default());
    };
    let nonzero = |n: u32| (n != 0).then_some(n);
    let budget = Budget {
        max_sentences: nonzero(l.max_sentences),
        // Exactly 0 is "unset"; any other value must be in (0, 1], which validate() checks.
        ratio: (l.ratio != 0.0).then_some(l.ratio),
        max_words: nonzero(l.max_words),
        max_chars: nonzero(l.max_chars),
    };
    budget.validate()?;
    Ok(budget)
}

/// Decodes an enum field, rejecting numbers the contract does not define.
fn enum_value<E>(field: &'static str, value: i32) -> Result<E, RequestError>
where
    E: TryFrom<i32> + EnumNames,
{
    E::try_from(value).map_err(|_| {
        RequestError::invalid(
            field,
            format!("unknown value {value}; allowed: {}", E::allowed()),
        )
    })
}

/// The names and numbers of an enum's values, for error messages.
trait EnumNames {
    /// "NAME_A (0), NAME_B (1), ...".
    fn allowed() -> String;
}

/// Implements [`EnumNames`] for generated enums from their `as_str_name`.
macro_rules! enum_names {
    ($($t:ty => [$($v:expr),+]),+ $(,)?) => {$(
        impl EnumNames for $t {
            fn allowed() -> String {
                [$($v),+].iter().map(|v: &$t| format!("{} ({})", v.as_str_name(), *v as i32)).collect::<Vec<_>>().join(", ")
            }
        }
    )+};
}

enum_names! {
    pb::Format => [pb::Format::Unspecified, pb::Format::PlainText, pb::Format::Html],
    pb::Order => [pb::Order::Unspecified, pb::Order::Reading, pb::Order::Rank],
    pb::OffsetUnit => [
        pb::OffsetUnit::Unspecified,
        pb::OffsetUnit::Utf8Bytes,
        pb::OffsetUnit::Utf16CodeUnits,
        pb::OffsetUnit::CodePoints
    ],
}

/// Decodes the offset unit.
fn offset_unit(field: &'static str, value: i32) -> Result<Unit, RequestError> {
    Ok(match enum_value::<pb::OffsetUnit>(field, value)? {
        pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Bytes => Unit::Utf8Bytes,
        pb::OffsetUnit::Utf16CodeUnits => Unit::Utf16CodeUnits,
        pb::OffsetUnit::CodePoints => Unit::CodePoints,
    })
}

/// The language an article is processed in, and how it was decided.
struct LanguageChoice {
    /// The BCP-47 tag reported: the caller's, the page's, the detected language's, or the default's.
    tag: String,
    language: Language,
    source: pb::LanguageSource,
    confidence: f64,
}

/// Decides the language: the caller's tag when there is one (a language without resources here
/// is processed language-neutrally), else the page's `declared` one unless the text clearly says
/// otherwise, else the one detected in `text`, else the default.
fn language(tag: &str, declared: Option<&str>, text: &str) -> Result<LanguageChoice, RequestError> {
    let tag = tag.trim();
    if tag.is_empty() {
        let detected = detect::detect(text);
        return Ok(match (declared, detected) {
            (Some(declared), d) if d.is_none_or(|d| !d.overrules(declared, text)) => {
                LanguageChoice {
                    tag: declared.to_owned(),
                    language: Language::from_tag(declared),
                    source: pb::LanguageSource::Declared,
                    confidence: 1.0,
                }
            }
            (_, Some(d)) => LanguageChoice {
                tag: d.tag.to_owned(),
                language: d.language,
                source: pb::LanguageSource::Detected,
                confidence: d.confidence,
            },
            (_, None) => LanguageChoice {
                tag: DEFAULT_LANGUAGE.tag().to_owned(),
                language: DEFAULT_LANGUAGE,
                source: pb::LanguageSource::Default,
                confidence: 0.0,
            },
        });
    }
    let well_formed = tag.len() <= 35
        && tag.split(['-', '_']).all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if !well_formed {
        return Err(RequestError::invalid(
            "document.language",
            format!(
                "{tag:?} is not a BCP-47 language tag; send e.g. \"en\" or \"en-GB\", or \"\" to detect"
            ),
        ));
    }
    Ok(LanguageChoice {
        tag: tag.to_owned(),
        language: Language::from_tag(tag),
        source: pb::LanguageSource::Request,
        confidence: 1.0,
    })
}

fn language_support(language: Language) -> pb::LanguageSupport {
    match language.support() {
        Support::Stemmed => pb::LanguageSupport::Stemmed,
        Support::StopWords => pb::LanguageSupport::StopWords,
        Support::CharacterNgrams => pb::LanguageSupport::CharacterNgrams,
        Support::Neutral => pb::LanguageSupport::Neutral,
    }
}

/// The offset and length of a sentence in the map's unit.
fn span(offsets: &mut OffsetMap<'_>, s: &Sentence<'_>) -> Result<(u32, u32), RequestError> {
    let start = offsets.convert(s.start);
    let end = offsets.convert(s.start + s.text.len());
    Ok((to_u32(start)?, to_u32(end - start)?))
}

/// A keyphrase as the contract gives it, its occurrences in `unit`.
fn keyword(content: &str, unit: Unit, k: &Keyphrase<'_>) -> Result<pb::Keyword, RequestError> {
    // Occurrences are in reading order, so one pass of the map converts them all.
    let mut map = OffsetMap::new(content, unit);
    let mut offsets = Vec::with_capacity(k.occurrences.len());
    let mut lengths = Vec::with_capacity(k.occurrences.len());
    for r in &k.occurrences {
        let start = map.convert(r.start);
        let end = map.convert(r.end);
        offsets.push(to_u32(start)?);
        lengths.push(to_u32(end - start)?);
    }
    Ok(pb::Keyword {
        text: k.text.to_owned(),
        weight: k.weight,
        count: k.count,
        offsets,
        lengths,
    })
}

/// Converts a count to the contract's `uint32`.
fn to_u32(n: usize) -> Result<u32, RequestError> {
    u32::try_from(n).map_err(|_| {
        RequestError::invalid(
            "document.content",
            "too large: offsets must fit in 32 bits (4 GiB)",
        )
    })
}

/// The brief as one string: the sentences joined by one space.
fn join_sentences(sentences: &[pb::Sentence]) -> String {
    let mut out = String::with_capacity(sentences.iter().map(|s| s.text.len() + 1).sum());
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&s.text);
    }
    out
}

fn title(analysis: &Analysis<'_>) -> String {
    match analysis.title_source {
        TitleSource::None => String::new(),
        TitleSource::Given | TitleSource::Headline => analysis.title.to_owned(),
    }
}

fn limited_by(l: LimitedBy) -> pb::LimitedBy {
    match l {
        LimitedBy::MaxSentences => pb::LimitedBy::MaxSentences,
        LimitedBy::Ratio => pb::LimitedBy::Ratio,
        LimitedBy::MaxWords => pb::LimitedBy::MaxWords,
        LimitedBy::MaxChars => pb::LimitedBy::MaxChars,
        LimitedBy::Document => pb::LimitedBy::Document,
    }
}

fn exclusion(e: Option<Exclusion>) -> pb::Exclusion {
    match e {
        None => pb::Exclusion::Unspecified,
        Some(Exclusion::Headline) => pb::Exclusion::Headline,
        Some(Exclusion::Boilerplate) => pb::Exclusion::Boilerplate,
        Some(Exclusion::NoWords) => pb::Exclusion::NoWords,
        Some(Exclusion::Structure) => pb::Exclusion::Structure,
        Some(Exclusion::Fragment) => pb::Exclusion::Fragment,
    }
}

fn block(b: Block) -> pb::Block {
    match b {
        Block::Plain => pb::Block::Unspecified,
        Block::Paragraph => pb::Block::Paragraph,
        Block::Heading(_) => pb::Block::Heading,
        Block::ListItem => pb::Block::ListItem,
        Block::TableCell => pb::Block::TableCell,
        Block::Caption => pb::Block::Caption,
        Block::Quote => pb::Block::Quote,
        Block::Code => pb::Block::Code,
        Block::Byline => pb::Block::Byline,
        Block::Embed => pb::Block::Embed,
    }
}

fn features(f: &Features) -> pb::Features {
    pb::Features {
        position: f.position,
        keyword: f.keyword,
        title: f.title,
        length: f.length,
        query: f.query,
        paragraph_start: f.paragraph_start,
        short: f.short,
        density: f.density,
        centrality: f.centrality,
        substance: f.substance,
        dangling: f.dangling,
        quote: f.quote,
        run_on: f.run_on,
    }
}
