//! HTML pages through a real server: the article's main text is extracted, summarized, and
//! returned with its title; offsets refer to that text; raw page bytes are decoded by their
//! charset.

mod common;

use brief::proto::v1 as pb;
use brief::service::api;
use brief_core::rank::features::Weights;
use common::{TestServer, slice_utf16};
use tonic::Code;

const NEWS: &[u8] = include_bytes!("data/html/news.html");
const WINDOWS_1252: &[u8] = include_bytes!("data/html/windows1252.html");
const CHINESE_GBK: &[u8] = include_bytes!("data/html/chinese_gbk.html");
const BR_PARAGRAPHS: &[u8] = include_bytes!("data/html/br_paragraphs.html");

fn html_doc(raw: &[u8]) -> pb::Document {
    pb::Document {
        id: "page".into(),
        format: pb::Format::Html as i32,
        raw: raw.to_vec(),
        ..Default::default()
    }
}

fn extract_req(doc: pb::Document) -> pb::ExtractRequest {
    pb::ExtractRequest {
        document: Some(doc),
        offset_unit: pb::OffsetUnit::Utf16CodeUnits as i32,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_news_page_is_summarized_from_its_article_alone() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .extract(extract_req(html_doc(NEWS)))
        .await
        .expect("extract")
        .into_inner();

    // The page's title, without the site name, is the title used for ranking.
    assert_eq!(
        resp.page_title,
        "City Council Approves New Riverside Park Plan"
    );
    assert_eq!(resp.title, resp.page_title);
    // Boilerplate around the article is gone; entities are decoded.
    for absent in [
        "Share on Twitter",
        "Buy discount mattresses",
        "Related stories",
        "cookies",
        "All rights reserved",
        "function(",
    ] {
        assert!(!resp.text.contains(absent), "{absent:?} in {}", resp.text);
    }
    assert!(
        resp.text
            .contains("a community garden & a small amphitheater")
    );
    assert!(resp.text.contains("citizens\u{2019} advisory board"));
    // Paragraphs stay paragraphs.
    assert!(resp.sentences.iter().map(|s| s.paragraph).max() >= Some(5));
    // Offsets are into the extracted text, in the requested unit.
    for s in &resp.sentences {
        assert_eq!(slice_utf16(&resp.text, s.offset, s.length), s.text);
    }

    let brief = client
        .summarize(pb::SummarizeRequest {
            document: Some(html_doc(NEWS)),
            ..Default::default()
        })
        .await
        .expect("summarize")
        .into_inner();
    assert_eq!(brief.sentences.len(), 3);
    assert!(
        brief.sentences[0]
            .text
            .starts_with("The Millbrook City Council voted 7-2 on Tuesday night"),
        "{:?}",
        brief.sentences
    );
    assert_eq!(brief.language, "en");
    assert_eq!(brief.title, "City Council Approves New Riverside Park Plan");
    server.stop().await;
}

#[tokio::test]
async fn a_page_sent_as_text_gives_the_same_answer_as_its_bytes() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let as_bytes = client
        .extract(extract_req(html_doc(NEWS)))
        .await
        .expect("raw")
        .into_inner();
    let as_text = client
        .extract(extract_req(pb::Document {
            content: String::from_utf8(NEWS.to_vec()).expect("the fixture is UTF-8"),
            raw: Vec::new(),
            ..html_doc(NEWS)
        }))
        .await
        .expect("content")
        .into_inner();
    assert_eq!(as_bytes, as_text);
    server.stop().await;
}

#[tokio::test]
async fn legacy_charsets_are_decoded_from_the_meta_tag() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let western = client
        .extract(extract_req(html_doc(WINDOWS_1252)))
        .await
        .expect("windows-1252")
        .into_inner();
    assert!(
        western.text.contains('\u{201c}') && western.text.contains('é'),
        "{}",
        western.text
    );
    assert!(!western.text.contains('\u{fffd}'));

    let chinese = client
        .extract(extract_req(html_doc(CHINESE_GBK)))
        .await
        .expect("gbk")
        .into_inner();
    assert_eq!(chinese.language, "zh-CN");
    assert_eq!(chinese.language_source, pb::LanguageSource::Declared as i32);
    assert!(chinese.sentences.len() >= 3, "{:?}", chinese.sentences);
    assert!(
        chinese
            .sentences
            .iter()
            .all(|s| !s.text.contains('\u{fffd}'))
    );
    server.stop().await;
}

#[tokio::test]
async fn br_separated_paragraphs_stay_apart() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .extract(extract_req(html_doc(BR_PARAGRAPHS)))
        .await
        .expect("extract")
        .into_inner();
    let paragraphs = resp
        .sentences
        .iter()
        .map(|s| s.paragraph)
        .max()
        .unwrap_or(0);
    assert!(paragraphs >= 3, "{}", resp.text);
    server.stop().await;
}

#[tokio::test]
async fn pages_without_article_text_and_ambiguous_documents_are_refused() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let empty = client
        .summarize(pb::SummarizeRequest {
            document: Some(html_doc(
                b"<html><head><script>var x = 1;</script></head><body></body></html>",
            )),
            ..Default::default()
        })
        .await
        .expect_err("no text");
    assert_eq!(empty.code(), Code::InvalidArgument);
    assert!(
        empty.message().starts_with("document.raw:"),
        "{}",
        empty.message()
    );

    let both = client
        .summarize(pb::SummarizeRequest {
            document: Some(pb::Document {
                content: "Some text.".into(),
                ..html_doc(NEWS)
            }),
            ..Default::default()
        })
        .await
        .expect_err("content and raw");
    assert_eq!(both.code(), Code::InvalidArgument);
    assert!(both.message().contains("not both"), "{}", both.message());

    // Raw bytes that are not UTF-8, as plain text: decoded with replacement characters, not
    // refused.
    let resp = client
        .summarize(pb::SummarizeRequest {
            document: Some(pb::Document {
                raw: b"Caf\xe9 owners met on Monday. They agreed on prices.".to_vec(),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("lossy plain text")
        .into_inner();
    assert!(resp.summary.starts_with("Caf\u{fffd} owners"));
    server.stop().await;
}

const STRUCTURED: &[u8] = include_bytes!("data/html/structured.html");

#[tokio::test]
async fn only_prose_enters_the_brief_and_the_h1_is_the_title() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let headline = "Fishing Town of Eastcliff Votes to Rebuild Its Sea Wall After Winter Storms";
    let brief = client
        .summarize(pb::SummarizeRequest {
            document: Some(html_doc(STRUCTURED)),
            length: Some(pb::Length {
                ratio: 1.0,
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("summarize")
        .into_inner();
    // The <title> ("... | World News") differs from the <h1>: the h1 is the title.
    assert_eq!(brief.title, headline);
    assert_eq!(brief.sentences.len(), 6, "{:#?}", brief.sentences);
    for absent in [
        "Fishing Town",
        "Harbor town",
        "Mara Quist",
        "March 2, 2024",
        "collapsed section",
        "A costly repair",
        "What the money",
        "Concrete",
        "Drainage",
        "wall_height_m",
    ] {
        assert!(!brief.summary.contains(absent), "{absent:?} in the brief");
    }

    // Extract keeps every sentence, with its block and why it is left out.
    let resp = client
        .extract(extract_req(html_doc(STRUCTURED)))
        .await
        .expect("extract")
        .into_inner();
    let find = |text: &str| {
        resp.sentences
            .iter()
            .find(|s| s.text.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not in {:#?}", resp.sentences))
    };
    let structure = pb::Exclusion::Structure as i32;
    for (text, block, level, exclusion) in [
        ("A costly repair", pb::Block::Heading, 2, structure),
        ("Granite", pb::Block::ListItem, 0, structure),
        ("wall_height_m", pb::Block::Code, 0, structure),
        ("March 2, 2024", pb::Block::Byline, 0, structure),
        (
            "photographed from the harbor",
            pb::Block::Caption,
            0,
            structure,
        ),
        (
            headline,
            pb::Block::Heading,
            1,
            pb::Exclusion::Headline as i32,
        ),
        ("The vote passed", pb::Block::Paragraph, 0, 0),
    ] {
        let s = find(text);
        assert_eq!(
            (s.block, s.heading_level, s.exclusion),
            (block as i32, level, exclusion),
            "{s:?}"
        );
        assert_eq!(slice_utf16(&resp.text, s.offset, s.length), s.text);
    }
    server.stop().await;
}

#[tokio::test]
async fn plain_text_sentences_have_no_block() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .extract(extract_req(pb::Document {
            content: "Storms hit the coast.\n\nThe town will rebuild its wall.".into(),
            ..Default::default()
        }))
        .await
        .expect("extract")
        .into_inner();
    assert!(!resp.sentences.is_empty());
    for s in &resp.sentences {
        assert_eq!(s.block, pb::Block::Unspecified as i32);
    }
    server.stop().await;
}

/// A page with the given `lang` attribute (none if "") and paragraphs.
fn page_with_lang(lang: &str, paragraphs: &[&str]) -> pb::Document {
    let lang = if lang.is_empty() {
        String::new()
    } else {
        format!(" lang=\"{lang}\"")
    };
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    html_doc(
        format!("<!DOCTYPE html><html{lang}><head><title>T</title></head><body><article>{body}</article></body></html>")
            .as_bytes(),
    )
}

const CZECH: &[&str] = &[
    "Vláda ve středu schválila návrh zákona, který má zjednodušit stavební řízení a zkrátit dobu, \
     po kterou lidé čekají na povolení k výstavbě rodinných domů.",
    "Ministr pro místní rozvoj řekl, že se úřady budou muset rozhodnout do třiceti dnů, jinak \
     bude povolení vydáno automaticky.",
    "Opozice návrh kritizuje a tvrdí, že je to jen další krok k tomu, aby se obcím vzala možnost \
     hájit zájmy svých obyvatel.",
];

const GERMAN: &[&str] = &[
    "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf beschlossen, der das Baurecht \
     vereinfachen und die Wartezeit für Baugenehmigungen deutlich verkürzen soll.",
    "Der Minister sagte, dass die Behörden künftig innerhalb von dreißig Tagen entscheiden \
     müssen, sonst gilt die Genehmigung als erteilt.",
    "Die Opposition kritisiert den Entwurf und sagt, dass den Gemeinden damit die Möglichkeit \
     genommen werde, die Interessen ihrer Bürger zu vertreten.",
];

#[test]
fn a_pages_declared_language_is_taken_unless_the_text_clearly_says_otherwise() {
    let weights = Weights::default();
    let language = |doc: pb::Document| {
        let resp = api::extract(&extract_req(doc), &weights).expect("extract");
        (resp.language, resp.language_source)
    };
    let declared = pb::LanguageSource::Declared as i32;
    let detected = pb::LanguageSource::Detected as i32;
    // Czech has no stop words here and its function words are Slovenian ones too: the page's
    // "cs" stands.
    assert_eq!(
        language(page_with_lang("cs", CZECH)),
        ("cs".into(), declared)
    );
    // Without the declaration, detection as before: Slovenian, by the stop words.
    assert_eq!(language(page_with_lang("", CZECH)), ("sl".into(), detected));
    // A template's lang="en" over a German article: the German stop words win clearly.
    assert_eq!(
        language(page_with_lang("en", GERMAN)),
        ("de".into(), detected)
    );
    assert_eq!(
        language(page_with_lang("de-AT", GERMAN)),
        ("de-AT".into(), declared)
    );
    assert_eq!(
        language(page_with_lang("", GERMAN)),
        ("de".into(), detected)
    );
    // The caller's language still comes first.
    let mut doc = page_with_lang("cs", CZECH);
    doc.language = "sk".into();
    assert_eq!(
        language(doc),
        ("sk".into(), pb::LanguageSource::Request as i32)
    );
}
