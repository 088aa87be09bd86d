//! The Summarizer, health and reflection services, called through generated clients against a
//! real server on an ephemeral loopback port.

mod common;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;
use brief::server::Settings;
use common::{SEED_ARTICLE, TestServer, slice_code_points, slice_utf8, slice_utf16};
use tonic::Code;

fn doc(content: &str) -> pb::Document {
    pb::Document {
        id: "doc-1".into(),
        content: content.into(),
        ..Default::default()
    }
}

fn summarize_req(content: &str) -> pb::SummarizeRequest {
    pb::SummarizeRequest {
        document: Some(doc(content)),
        ..Default::default()
    }
}

/// Text with accents, CJK, emoji (outside the BMP) and a right-to-left script, so that the three
/// offset units all differ.
const MULTILINGUAL: &str = "Café owners in Zürich said prices rose 3.5% this year. 😀 The mayor, Mr. Müller, \
promised relief for the city's 日本 restaurants by Jan. 5. Critics called the plan too little, too late. \
Owners of the 🍕 shops and the שלום bakery said they would wait and see.\n\nA second paragraph follows here, \
with more words about the Café owners and prices in Zürich.";

#[tokio::test]
async fn seed_article_brief_is_three_body_sentences_in_reading_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .summarize(summarize_req(SEED_ARTICLE))
        .await
        .expect("summarize")
        .into_inner();

    assert_eq!(resp.id, "doc-1");
    assert_eq!(resp.sentences.len(), 3);
    assert!(
        resp.sentences.windows(2).all(|w| w[0].index < w[1].index),
        "reading order"
    );
    let headline = SEED_ARTICLE.lines().next().expect("headline line");
    assert_eq!(resp.title, headline, "the headline line is the title");
    for s in &resp.sentences {
        assert!(s.index > 0, "the headline is never in the brief");
        assert!(
            !s.text.contains("Copyright") && !s.text.contains("rights reserved"),
            "{:?}",
            s.text
        );
        assert!(SEED_ARTICLE.contains(&s.text));
    }
    let joined: Vec<&str> = resp.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(resp.summary, joined.join(" "));
    assert_eq!(resp.limited_by, pb::LimitedBy::MaxSentences as i32);
    assert_eq!(resp.language, "en");
    assert!(!resp.algorithm_version.is_empty());
    server.stop().await;
}

#[tokio::test]
async fn offsets_slice_back_to_the_text_in_every_unit() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    type Slice = fn(&str, u32, u32) -> String;
    let units: [(pb::OffsetUnit, Slice); 4] = [
        (pb::OffsetUnit::Unspecified, slice_utf8),
        (pb::OffsetUnit::Utf8Bytes, slice_utf8),
        (pb::OffsetUnit::Utf16CodeUnits, slice_utf16),
        (pb::OffsetUnit::CodePoints, slice_code_points),
    ];
    for (unit, slice) in units {
        let req = pb::SummarizeRequest {
            document: Some(doc(MULTILINGUAL)),
            length: Some(pb::Length {
                max_sentences: 10,
                ..Default::default()
            }),
            offset_unit: unit as i32,
            ..Default::default()
        };
        let resp = client.summarize(req).await.expect("summarize").into_inner();
        assert!(resp.sentences.len() >= 4, "{unit:?}: {:?}", resp.sentences);
        for s in &resp.sentences {
            assert_eq!(slice(MULTILINGUAL, s.offset, s.length), s.text, "{unit:?}");
        }

        let req = pb::ExtractRequest {
            document: Some(doc(MULTILINGUAL)),
            offset_unit: unit as i32,
            ..Default::default()
        };
        let resp = client.extract(req).await.expect("extract").into_inner();
        for s in &resp.sentences {
            assert_eq!(slice(MULTILINGUAL, s.offset, s.length), s.text, "{unit:?}");
        }
    }
    server.stop().await;
}

/// An article whose keyphrases occur after characters of every UTF-8 length.
const KEYPHRASE_TEXT: &str = "Café owners in Zürich 😀 met North Korea's envoy. The envoy of \
North Korea spoke to café owners. Café owners in Zürich cheered 😀 as North Korea's envoy left. \
In Zürich, café owners said North Korea would send its envoy again.";

#[tokio::test]
async fn keyphrase_offsets_slice_to_the_phrase_in_every_unit() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    type Slice = fn(&str, u32, u32) -> String;
    let units: [(pb::OffsetUnit, Slice); 3] = [
        (pb::OffsetUnit::Utf8Bytes, slice_utf8),
        (pb::OffsetUnit::Utf16CodeUnits, slice_utf16),
        (pb::OffsetUnit::CodePoints, slice_code_points),
    ];
    let mut offsets_by_unit = Vec::new();
    for (unit, slice) in units {
        let req = pb::ExtractRequest {
            document: Some(doc(KEYPHRASE_TEXT)),
            offset_unit: unit as i32,
            ..Default::default()
        };
        let resp = client.extract(req).await.expect("extract").into_inner();
        let texts: Vec<&str> = resp.keywords.iter().map(|k| k.text.as_str()).collect();
        for phrase in ["North Korea", "café owners"] {
            assert!(texts.contains(&phrase), "{unit:?}: {texts:?}");
        }
        for k in &resp.keywords {
            assert_eq!(k.offsets.len(), k.count as usize, "{unit:?}: {k:?}");
            assert_eq!(k.lengths.len(), k.count as usize, "{unit:?}: {k:?}");
            let slices: Vec<String> = (k.offsets.iter().zip(&k.lengths))
                .map(|(&o, &l)| slice(KEYPHRASE_TEXT, o, l))
                .collect();
            // Each occurrence is the phrase or a variant of it (case, inflection), and the text
            // is one of them.
            assert!(slices.contains(&k.text), "{unit:?}: {k:?} {slices:?}");
            let words = |s: &str| s.split([' ', '-']).count();
            let stem = |s: &str| s.to_lowercase().chars().take(4).collect::<String>();
            for s in &slices {
                assert_eq!(words(s), words(&k.text), "{unit:?}: {s:?} for {k:?}");
                assert_eq!(stem(s), stem(&k.text), "{unit:?}: {s:?} for {k:?}");
            }
            assert!(k.offsets.windows(2).all(|w| w[0] < w[1]), "{k:?}");
        }
        let korea = resp.keywords.iter().find(|k| k.text == "North Korea");
        offsets_by_unit.push(korea.map(|k| k.offsets.clone()).unwrap_or_default());
    }
    assert_eq!(offsets_by_unit[0].len(), 4);
    // After "é", "ü" and "😀", the three units disagree.
    assert!(offsets_by_unit[0][3] > offsets_by_unit[2][3]);
    assert!(offsets_by_unit[1][3] > offsets_by_unit[2][3]);
    server.stop().await;
}

#[tokio::test]
async fn offsets_differ_between_units_where_the_text_is_not_ascii() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut last_offsets = Vec::new();
    for unit in [
        pb::OffsetUnit::Utf8Bytes,
        pb::OffsetUnit::Utf16CodeUnits,
        pb::OffsetUnit::CodePoints,
    ] {
        let req = pb::ExtractRequest {
            document: Some(doc(MULTILINGUAL)),
            offset_unit: unit as i32,
            ..Default::default()
        };
        let resp = client.extract(req).await.expect("extract").into_inner();
        last_offsets.push(resp.sentences.last().expect("sentences").offset);
    }
    assert!(
        last_offsets[0] > last_offsets[1] && last_offsets[1] > last_offsets[2],
        "{last_offsets:?}"
    );
    server.stop().await;
}

#[tokio::test]
async fn extract_lists_every_sentence_with_features_and_keywords() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let req = pb::ExtractRequest {
        document: Some(doc(SEED_ARTICLE)),
        max_keywords: 5,
        ..Default::default()
    };
    let resp = client.extract(req).await.expect("extract").into_inner();

    assert_eq!(resp.id, "doc-1");
    assert!(resp.sentences.len() >= 15, "{}", resp.sentences.len());
    for (i, s) in resp.sentences.iter().enumerate() {
        assert_eq!(s.index as usize, i);
        assert!(s.features.is_some());
    }
    let first = &resp.sentences[0];
    assert_eq!(first.exclusion, pb::Exclusion::Headline as i32);
    assert_eq!(first.rank, None);
    let last = resp.sentences.last().expect("a last sentence");
    assert_eq!(last.exclusion, pb::Exclusion::Boilerplate as i32);

    // Ranks are a permutation of 0..eligible, and follow the scores.
    let mut ranked: Vec<&pb::SentenceAnalysis> =
        resp.sentences.iter().filter(|s| s.rank.is_some()).collect();
    ranked.sort_by_key(|s| s.rank);
    assert!(
        ranked
            .iter()
            .enumerate()
            .all(|(i, s)| s.rank == Some(i as u32))
    );
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));

    // The score is the weighted sum of the features; the lead sentence has the top position prior.
    let lead = &resp.sentences[1];
    assert_eq!(lead.features.as_ref().map(|f| f.position), Some(1.0));

    // Keyphrases: the names whole, "Korea" not listed beside them.
    assert_eq!(resp.keywords.len(), 5);
    assert_eq!(resp.keywords[0].text, "North Korea");
    assert_eq!(resp.keywords[0].weight, 1.0);
    assert!(resp.keywords[0].count >= 8);
    let texts: Vec<&str> = resp.keywords.iter().map(|k| k.text.as_str()).collect();
    assert!(texts.contains(&"South Korea"), "{texts:?}");
    assert!(
        texts.contains(&"Kim Jong Un") || texts.contains(&"Kim Jong-Un"),
        "{texts:?}"
    );
    assert!(!texts.contains(&"Korea"), "{texts:?}");
    assert!(resp.keywords.windows(2).all(|w| w[0].weight >= w[1].weight));
    for k in &resp.keywords {
        assert_eq!(k.offsets.len(), k.count as usize, "{k:?}");
        assert_eq!(k.lengths.len(), k.count as usize, "{k:?}");
    }
    server.stop().await;
}

/// The seed article's brief for a budget and an order.
async fn brief(
    client: &mut SummarizerClient<tonic::transport::Channel>,
    length: pb::Length,
    order: pb::Order,
) -> pb::SummarizeResponse {
    let req = pb::SummarizeRequest {
        document: Some(doc(SEED_ARTICLE)),
        length: Some(length),
        order: order as i32,
        ..Default::default()
    };
    client.summarize(req).await.expect("summarize").into_inner()
}

#[tokio::test]
async fn budgets_limit_the_brief() {
    let server = TestServer::start().await;
    let mut client = server.client().await;

    let resp = brief(
        &mut client,
        pb::Length {
            max_words: 60,
            ..Default::default()
        },
        pb::Order::Reading,
    )
    .await;
    let words = resp
        .summary
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .count();
    assert!(words <= 60, "{words} words");
    assert!(!resp.sentences.is_empty());
    assert_eq!(resp.limited_by, pb::LimitedBy::MaxWords as i32);

    let resp = brief(
        &mut client,
        pb::Length {
            max_chars: 200,
            max_sentences: 5,
            ..Default::default()
        },
        pb::Order::Reading,
    )
    .await;
    assert!(resp.summary.chars().count() <= 200, "{}", resp.summary);
    assert_eq!(resp.limited_by, pb::LimitedBy::MaxChars as i32);

    // A budget smaller than any sentence still gives one sentence.
    let resp = brief(
        &mut client,
        pb::Length {
            max_chars: 5,
            ..Default::default()
        },
        pb::Order::Reading,
    )
    .await;
    assert_eq!(resp.sentences.len(), 1);

    let resp = brief(
        &mut client,
        pb::Length {
            ratio: 0.2,
            ..Default::default()
        },
        pb::Order::Reading,
    )
    .await;
    assert_eq!(resp.sentences.len(), 3, "ceil(0.2 × 14 eligible sentences)");
    assert_eq!(resp.limited_by, pb::LimitedBy::Ratio as i32);

    let resp = brief(
        &mut client,
        pb::Length {
            max_sentences: 4,
            ..Default::default()
        },
        pb::Order::Rank,
    )
    .await;
    assert_eq!(resp.sentences.len(), 4);
    assert!(
        resp.sentences.windows(2).all(|w| w[0].score >= w[1].score),
        "rank order"
    );

    let resp = brief(
        &mut client,
        pb::Length {
            max_sentences: 1000,
            ..Default::default()
        },
        pb::Order::Reading,
    )
    .await;
    assert_eq!(resp.limited_by, pb::LimitedBy::Document as i32);
    server.stop().await;
}

#[tokio::test]
async fn same_request_same_answer() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let a = client
        .summarize(summarize_req(MULTILINGUAL))
        .await
        .expect("first")
        .into_inner();
    let b = client
        .summarize(summarize_req(MULTILINGUAL))
        .await
        .expect("second")
        .into_inner();
    assert_eq!(a, b);
    server.stop().await;
}

#[tokio::test]
async fn bad_requests_get_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let with_length = |length: pb::Length| pb::SummarizeRequest {
        document: Some(doc("One sentence here.")),
        length: Some(length),
        ..Default::default()
    };
    let cases: Vec<(pb::SummarizeRequest, &str)> = vec![
        (pb::SummarizeRequest::default(), "document"),
        (summarize_req(""), "document.content"),
        (summarize_req(" \n\t  "), "document.content"),
        (
            with_length(pb::Length {
                ratio: 1.5,
                ..Default::default()
            }),
            "length.ratio",
        ),
        (
            with_length(pb::Length {
                ratio: -0.1,
                ..Default::default()
            }),
            "length.ratio",
        ),
        (
            with_length(pb::Length {
                ratio: f64::NAN,
                ..Default::default()
            }),
            "length.ratio",
        ),
        (
            with_length(pb::Length {
                ratio: f64::INFINITY,
                ..Default::default()
            }),
            "length.ratio",
        ),
        (
            pb::SummarizeRequest {
                order: 9,
                ..summarize_req("Text.")
            },
            "order",
        ),
        (
            pb::SummarizeRequest {
                offset_unit: -1,
                ..summarize_req("Text.")
            },
            "offset_unit",
        ),
        (
            pb::SummarizeRequest {
                document: Some(pb::Document {
                    format: 42,
                    ..doc("Text.")
                }),
                ..Default::default()
            },
            "document.format",
        ),
        (
            pb::SummarizeRequest {
                document: Some(pb::Document {
                    language: "not a tag!".into(),
                    ..doc("Text.")
                }),
                ..Default::default()
            },
            "document.language",
        ),
    ];
    for (req, field) in cases {
        let err = client
            .summarize(req.clone())
            .await
            .expect_err(&format!("{req:?} must fail"));
        assert_eq!(err.code(), Code::InvalidArgument, "{req:?}: {err:?}");
        assert!(
            err.message().starts_with(&format!("{field}:")),
            "{field}: {}",
            err.message()
        );
        // The same field, machine-readable, in a google.rpc.BadRequest detail.
        let details =
            tonic_types::StatusExt::get_details_bad_request(&err).expect("a BadRequest detail");
        assert_eq!(details.field_violations.len(), 1);
        assert_eq!(details.field_violations[0].field, field);
        assert!(!details.field_violations[0].description.is_empty());
    }
    let err = client
        .extract(pb::ExtractRequest {
            offset_unit: 7,
            document: Some(doc("Text.")),
            ..Default::default()
        })
        .await
        .expect_err("unknown unit");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().contains("OFFSET_UNIT_CODE_POINTS (3)"),
        "{}",
        err.message()
    );

    // The server still answers after all of that.
    client
        .summarize(summarize_req("Still here. Still answering."))
        .await
        .expect("still serving");
    server.stop().await;
}

#[tokio::test]
async fn odd_but_valid_input_gets_a_sensible_answer() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for content in [
        "x",
        "no punctuation at all just words flowing on and on",
        "😀😀😀",
        "12345 67890",
        "東京は晴れです。大阪は雨です。",
        "مرحبا بالعالم. هذا اختبار.",
        "a\u{0}b\u{200b}c. Next one.",
        "<div><p>tag soup</p></div>",
    ] {
        let resp = client
            .summarize(summarize_req(content))
            .await
            .unwrap_or_else(|e| panic!("{content:?}: {e:?}"))
            .into_inner();
        for s in &resp.sentences {
            assert_eq!(slice_utf8(content, s.offset, s.length), s.text);
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn messages_over_the_limit_get_resource_exhausted_with_the_flag() {
    let settings = Settings {
        max_message_bytes: 64 * 1024,
        ..Settings::default()
    };
    let server = TestServer::start_with(settings).await;
    let mut client = server.client().await;
    let big = "All work and no play makes Jack a dull boy. ".repeat(2000);
    let err = client
        .summarize(summarize_req(&big))
        .await
        .expect_err("over the limit");
    assert_eq!(err.code(), Code::ResourceExhausted, "{err:?}");
    assert!(err.message().contains("65536"), "{}", err.message());
    assert!(
        err.message().contains("--max-message-bytes"),
        "{}",
        err.message()
    );

    // Just under the limit is fine.
    let fits = "All work and no play makes Jack a dull boy. ".repeat(1400);
    client
        .summarize(summarize_req(&fits))
        .await
        .expect("under the limit");
    server.stop().await;
}

#[tokio::test]
async fn bytes_that_do_not_decode_get_invalid_argument() {
    let server = TestServer::start().await;
    let channel = server.channel().await;
    let mut grpc = tonic::client::Grpc::new(channel);
    // Field 1 (document), length-delimited, claiming 100 bytes but carrying 2: truncated.
    let truncated = vec![0x0a, 100, 0x1a, 0x00];
    // document { content: <invalid UTF-8> }
    let bad_utf8 = vec![0x0a, 0x04, 0x1a, 0x02, 0xff, 0xfe];
    for body in [truncated, bad_utf8] {
        grpc.ready().await.expect("ready");
        let path =
            tonic::codegen::http::uri::PathAndQuery::from_static("/brief.v1.Summarizer/Summarize");
        let err = grpc
            .unary::<Vec<u8>, Vec<u8>, _>(tonic::Request::new(body), path, raw::RawCodec)
            .await
            .expect_err("does not decode");
        assert_eq!(err.code(), Code::InvalidArgument, "{err:?}");
    }
    server.stop().await;
}

#[tokio::test]
async fn health_reports_serving_for_the_server_and_the_summarizer() {
    use tonic_health::pb::health_check_response::ServingStatus;
    use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

    let server = TestServer::start().await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "brief.v1.Summarizer"] {
        let resp = health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("check")
            .into_inner();
        assert_eq!(resp.status, ServingStatus::Serving as i32, "{service:?}");
    }
    let err = health
        .check(HealthCheckRequest {
            service: "nope.Service".into(),
        })
        .await
        .expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    server.stop().await;
}

#[tokio::test]
async fn reflection_lists_the_services_in_v1_and_v1alpha() {
    let server = TestServer::start().await;
    let channel = server.channel().await;

    {
        use tonic_reflection::pb::v1::ServerReflectionRequest;
        use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
        let mut client = ServerReflectionClient::new(channel.clone());
        let req = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut stream = client
            .server_reflection_info(tokio_stream::iter([req]))
            .await
            .expect("reflection v1")
            .into_inner();
        let resp = stream
            .message()
            .await
            .expect("a response")
            .expect("not empty");
        let Some(MessageResponse::ListServicesResponse(list)) = resp.message_response else {
            panic!("{resp:?}")
        };
        let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
        for want in ["brief.v1.Summarizer", "grpc.health.v1.Health"] {
            assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
        }
    }
    {
        use tonic_reflection::pb::v1alpha::ServerReflectionRequest;
        use tonic_reflection::pb::v1alpha::server_reflection_client::ServerReflectionClient;
        use tonic_reflection::pb::v1alpha::server_reflection_request::MessageRequest;
        use tonic_reflection::pb::v1alpha::server_reflection_response::MessageResponse;
        let mut client = ServerReflectionClient::new(channel);
        let req = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "brief.v1.Summarizer".into(),
            )),
        };
        let mut stream = client
            .server_reflection_info(tokio_stream::iter([req]))
            .await
            .expect("reflection v1alpha")
            .into_inner();
        let resp = stream
            .message()
            .await
            .expect("a response")
            .expect("not empty");
        let Some(MessageResponse::FileDescriptorResponse(files)) = resp.message_response else {
            panic!("{resp:?}")
        };
        assert!(!files.file_descriptor_proto.is_empty());
    }
    server.stop().await;
}

/// A codec that sends and receives raw bytes, to send what a generated client never would.
mod raw {
    use bytes::{Buf, BufMut, Bytes};
    use tonic::Status;
    use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};

    #[derive(Debug, Clone, Default)]
    pub struct RawCodec;
    #[derive(Debug)]
    pub struct RawEncoder;
    #[derive(Debug)]
    pub struct RawDecoder;

    impl Codec for RawCodec {
        type Encode = Vec<u8>;
        type Decode = Vec<u8>;
        type Encoder = RawEncoder;
        type Decoder = RawDecoder;
        fn encoder(&mut self) -> RawEncoder {
            RawEncoder
        }
        fn decoder(&mut self) -> RawDecoder {
            RawDecoder
        }
    }

    impl Encoder for RawEncoder {
        type Item = Vec<u8>;
        type Error = Status;
        fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
            dst.put_slice(&item);
            Ok(())
        }
    }

    impl Decoder for RawDecoder {
        type Item = Vec<u8>;
        type Error = Status;
        fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
            let bytes: Bytes = src.copy_to_bytes(src.remaining());
            Ok(Some(bytes.to_vec()))
        }
    }
}

/// A connection older than `--max-connection-age-seconds` is sent GOAWAY and closed once its
/// calls are done, so that long-lived clients reconnect and spread over new replicas; a tonic
/// channel reconnects on its own.
#[tokio::test]
async fn an_aged_connection_is_sent_goaway_and_clients_reconnect() {
    let server = TestServer::start_with(Settings {
        max_connection_age_seconds: 1,
        max_connection_age_grace_seconds: 1,
        ..Settings::default()
    })
    .await;
    let tcp = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    let (_send, conn) = h2::client::handshake(tcp).await.expect("h2 handshake");
    let started = std::time::Instant::now();
    let closed = tokio::time::timeout(std::time::Duration::from_secs(10), conn)
        .await
        .expect("the server closes an aged connection");
    assert!(closed.is_ok(), "a graceful close (GOAWAY): {closed:?}");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));

    let mut client = server.client().await;
    for _ in 0..3 {
        client
            .summarize(summarize_req(SEED_ARTICLE))
            .await
            .expect("answered, across reconnections");
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    }
    server.stop().await;
}
