//! The bad-input catalogue, against a running server: each input gets the exact status it should
//! (or a sensible answer), and the server still answers the next request.

mod common;

use std::time::Duration;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;
use brief::server::Settings;
use common::{TestServer, slice_code_points, slice_utf8, slice_utf16};
use prost::Message;
use tonic::Code;
use tonic::transport::Channel;

/// What an input must get.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// A brief; its sentences are checked against the content.
    Ok,
    /// An error with this code.
    Status(Code),
}

fn request(content: impl Into<String>) -> pb::SummarizeRequest {
    pb::SummarizeRequest {
        document: Some(pb::Document {
            content: content.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// Sends `req`, checks the outcome, then checks that the server still answers.
async fn check(
    client: &mut SummarizerClient<Channel>,
    name: &str,
    req: pb::SummarizeRequest,
    expect: Expect,
) {
    let content = req
        .document
        .as_ref()
        .map(|d| d.content.clone())
        .unwrap_or_default();
    let unit = req.offset_unit;
    // A liveness bound, not a speed test: a hang fails here instead of stalling the suite.
    let outcome = tokio::time::timeout(Duration::from_secs(60), client.summarize(req))
        .await
        .unwrap_or_else(|_| panic!("{name}: no answer within 60 s"));
    match (outcome, expect) {
        (Ok(resp), Expect::Ok) => {
            let resp = resp.into_inner();
            for s in &resp.sentences {
                let sliced = match pb::OffsetUnit::try_from(unit) {
                    Ok(pb::OffsetUnit::Utf16CodeUnits) => slice_utf16(&content, s.offset, s.length),
                    Ok(pb::OffsetUnit::CodePoints) => {
                        slice_code_points(&content, s.offset, s.length)
                    }
                    _ => slice_utf8(&content, s.offset, s.length),
                };
                assert_eq!(sliced, s.text, "{name}: offsets slice back to the text");
            }
        }
        (Err(status), Expect::Status(code)) => {
            assert_eq!(status.code(), code, "{name}: {}", status.message());
            assert!(!status.message().is_empty(), "{name}: a message says why");
        }
        (got, want) => panic!(
            "{name}: expected {want:?}, got {:?}",
            got.map(|r| r.into_inner().summary.len())
        ),
    }
    let next = client
        .summarize(request("The server is still here. It answers."))
        .await;
    assert!(next.is_ok(), "{name}: the next request failed: {next:?}");
}

#[tokio::test]
async fn catalogue_of_bad_and_odd_input() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let ok = Expect::Ok;
    let invalid = Expect::Status(Code::InvalidArgument);

    let with_length = |l: pb::Length| pb::SummarizeRequest {
        length: Some(l),
        ..request("One. Two. Three.")
    };
    let cases: Vec<(&str, pb::SummarizeRequest, Expect)> = vec![
        ("empty content", request(""), invalid),
        ("whitespace-only content", request(" \t\n\r\n  "), invalid),
        ("no document", pb::SummarizeRequest::default(), invalid),
        ("one character", request("x"), ok),
        (
            "1 MB without punctuation",
            request("word ".repeat(200_000)),
            ok,
        ),
        (
            "one sentence of a million characters",
            request(format!("{}end.", "abcdefghi ".repeat(100_000))),
            ok,
        ),
        (
            "100,000 one-word sentences",
            request("Word. ".repeat(100_000)),
            ok,
        ),
        ("only emoji", request("😀🎉🔥 👍🏽👨‍👩‍👧"), ok),
        ("only digits", request("12345 67890 3.14159"), ok),
        (
            "Arabic",
            request("ذهب الولد إلى المدرسة. كانت الشمس مشرقة! هل تحب القراءة؟"),
            ok,
        ),
        (
            "Hebrew",
            request("הילד הלך לבית הספר. השמש זרחה. מה שלומך?"),
            ok,
        ),
        (
            "Chinese",
            request("今天天气很好。我们去公园散步吧！你觉得怎么样？"),
            ok,
        ),
        (
            "Japanese",
            request("東京は晴れです。大阪は雨でした。明日はどうですか？"),
            ok,
        ),
        (
            "mixed scripts",
            request("Le café 東京 مرحبا Zürich — 😀 costs 3.5€. Next: Ελλάδα и Россия!"),
            ok,
        ),
        (
            "zero-width and control characters",
            request("A\u{200b}B\u{200d}C\u{feff}. \u{1}\u{7}\u{1b}[31m red. Bell\u{7}."),
            ok,
        ),
        (
            "NUL characters",
            request("Before\u{0}after. \u{0}\u{0}\u{0}. End."),
            ok,
        ),
        (
            "HTML tag soup as plain text",
            request("<div><p class='x'>Hello <b>world</b></p><script>alert(1)</script></div>"),
            ok,
        ),
        (
            "title and query of 1 MB",
            pb::SummarizeRequest {
                document: Some(pb::Document {
                    title: "Korea ".repeat(170_000),
                    content: "North Korea backed down. South Korea waited.".into(),
                    ..Default::default()
                }),
                query: "border talks ".repeat(80_000),
                ..Default::default()
            },
            ok,
        ),
        (
            "ratio NaN",
            with_length(pb::Length {
                ratio: f64::NAN,
                ..Default::default()
            }),
            invalid,
        ),
        (
            "ratio infinity",
            with_length(pb::Length {
                ratio: f64::INFINITY,
                ..Default::default()
            }),
            invalid,
        ),
        (
            "ratio negative",
            with_length(pb::Length {
                ratio: -0.5,
                ..Default::default()
            }),
            invalid,
        ),
        (
            "ratio above 1",
            with_length(pb::Length {
                ratio: 1.01,
                ..Default::default()
            }),
            invalid,
        ),
        (
            "ratio 0 (unset)",
            with_length(pb::Length {
                ratio: 0.0,
                ..Default::default()
            }),
            ok,
        ),
        (
            "max_sentences 4294967295",
            with_length(pb::Length {
                max_sentences: u32::MAX,
                ..Default::default()
            }),
            ok,
        ),
        (
            "max_words and max_chars at u32::MAX",
            with_length(pb::Length {
                max_words: u32::MAX,
                max_chars: u32::MAX,
                ..Default::default()
            }),
            ok,
        ),
        (
            "unknown order",
            pb::SummarizeRequest {
                order: 7,
                ..request("Text.")
            },
            invalid,
        ),
        (
            "negative offset unit",
            pb::SummarizeRequest {
                offset_unit: -3,
                ..request("Text.")
            },
            invalid,
        ),
        (
            "unknown format",
            pb::SummarizeRequest {
                document: Some(pb::Document {
                    format: 1000,
                    content: "Text.".into(),
                    ..Default::default()
                }),
                ..Default::default()
            },
            invalid,
        ),
        (
            "UTF-16 offsets over astral characters",
            pb::SummarizeRequest {
                offset_unit: pb::OffsetUnit::Utf16CodeUnits as i32,
                ..request("𝒜 first. 😀 second. 𝔅 third.")
            },
            ok,
        ),
    ];
    for (name, req, expect) in cases {
        check(&mut client, name, req, expect).await;
    }
    server.stop().await;
}

/// A request whose encoded size is exactly `size` bytes.
fn request_of_size(size: usize) -> pb::SummarizeRequest {
    let mut content_len = size;
    for _ in 0..8 {
        let req = request("a".repeat(content_len));
        let len = req.encoded_len();
        if len == size {
            return req;
        }
        // The overhead (tags and length prefixes) barely changes with the content's length.
        let overhead = len - content_len;
        content_len = size - overhead;
    }
    panic!("no request of exactly {size} bytes");
}

#[tokio::test]
async fn size_limit_is_exact() {
    let limit = 64 * 1024;
    let server = TestServer::start_with(Settings {
        max_message_bytes: limit,
        ..Settings::default()
    })
    .await;
    let mut client = server.client().await;
    let at = request_of_size(limit);
    assert_eq!(at.encoded_len(), limit);
    check(&mut client, "exactly the limit", at, Expect::Ok).await;
    let over = request_of_size(limit + 1);
    assert_eq!(over.encoded_len(), limit + 1);
    check(
        &mut client,
        "one byte over the limit",
        over,
        Expect::Status(Code::ResourceExhausted),
    )
    .await;
    server.stop().await;
}

#[tokio::test]
async fn a_100_mb_message_is_refused_without_harm() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let huge = request("x".repeat(100 * 1024 * 1024));
    check(
        &mut client,
        "100 MB message",
        huge,
        Expect::Status(Code::ResourceExhausted),
    )
    .await;
    server.stop().await;
}

/// Sends an HTML page as `raw` bytes and returns the outcome within a liveness bound.
async fn summarize_html(
    client: &mut SummarizerClient<Channel>,
    name: &str,
    raw: Vec<u8>,
) -> Result<pb::SummarizeResponse, tonic::Status> {
    let req = pb::SummarizeRequest {
        document: Some(pb::Document {
            format: pb::Format::Html as i32,
            raw,
            ..Default::default()
        }),
        ..Default::default()
    };
    tokio::time::timeout(Duration::from_secs(60), client.summarize(req))
        .await
        .unwrap_or_else(|_| panic!("{name}: no answer within 60 s"))
        .map(tonic::Response::into_inner)
}

#[tokio::test]
async fn hostile_html_pages_get_an_answer_or_a_clear_refusal() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let text = "The council met on Monday and voted for the plan. ";

    // 150,000 nested elements (a parser without a depth limit would overflow its stack): the text
    // inside still gets a brief.
    let nested = format!("{}<p>{}</p>", "<div>".repeat(150_000), text.repeat(3));
    let resp = summarize_html(&mut client, "nested divs", nested.into_bytes())
        .await
        .expect("deeply nested page");
    assert!(
        resp.summary.contains("The council met on Monday"),
        "{resp:?}"
    );

    // Nested inline formatting, unclosed.
    let bold = format!("<p>{}</p>{}", text.repeat(3), "<b><i>".repeat(50_000));
    summarize_html(&mut client, "nested formatting", bold.into_bytes())
        .await
        .expect("nested formatting");

    // More elements than allowed: refused, naming the field.
    let many = format!("<p>{text}</p>{}", "<i></i>".repeat(210_000));
    let err = summarize_html(&mut client, "too many elements", many.into_bytes())
        .await
        .expect_err("too many elements");
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert!(
        err.message().starts_with("document.raw:"),
        "{}",
        err.message()
    );

    // Binary junk and a page of tags only: a brief or "no visible text", nothing else.
    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for (name, raw) in [
        ("binary junk", junk),
        (
            "tags only",
            "<div><span></span></div>".repeat(1000).into_bytes(),
        ),
    ] {
        match summarize_html(&mut client, name, raw).await {
            Ok(_) => {}
            Err(e) => assert_eq!(e.code(), Code::InvalidArgument, "{name}: {e}"),
        }
    }

    // The server is still fine.
    client
        .summarize(request("Still here. Still answering."))
        .await
        .expect("still serving");
    server.stop().await;
}
