//! SummarizeStream: one result per request, in order, with per-item errors that do not end the
//! stream.

mod common;

use brief::proto::v1 as pb;
use common::TestServer;

fn request(id: &str, content: &str) -> pb::SummarizeStreamRequest {
    pb::SummarizeStreamRequest {
        document: Some(pb::Document {
            id: id.into(),
            content: content.into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn results_come_back_in_order_with_per_item_errors() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let requests = vec![
        request(
            "a",
            "Floods hit the town. Roads were closed. Schools stayed shut.",
        ),
        request("b", "   "),
        request("c", "One sentence only."),
        pb::SummarizeStreamRequest {
            order: 42,
            ..request("d", "Text here.")
        },
        request("e", "The last one. It works too."),
    ];
    let mut results = client
        .summarize_stream(tokio_stream::iter(requests))
        .await
        .expect("stream accepted")
        .into_inner();
    let mut got = Vec::new();
    while let Some(r) = results
        .message()
        .await
        .expect("a result, not a stream error")
    {
        got.push(r);
    }
    let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    assert!(got.iter().enumerate().all(|(i, r)| r.sequence == i as u64));
    use pb::summarize_stream_response::Result as R;
    match &got[0].result {
        Some(R::Response(resp)) => assert_eq!(resp.sentences.len(), 3),
        other => panic!("{other:?}"),
    }
    match &got[1].result {
        Some(R::Error(e)) => {
            assert_eq!(e.code, tonic::Code::InvalidArgument as i32);
            assert_eq!(e.field, "document.content");
            assert!(!e.message.is_empty());
        }
        other => panic!("{other:?}"),
    }
    match &got[3].result {
        Some(R::Error(e)) => assert_eq!(e.field, "order"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(&got[4].result, Some(R::Response(r)) if r.id == "e"));
    server.stop().await;
}

#[tokio::test]
async fn a_long_stream_keeps_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let n = 5_000;
    let requests = (0..n).map(|i| {
        request(
            &i.to_string(),
            &format!("Article number {i} begins. It ends here."),
        )
    });
    let mut results = client
        .summarize_stream(tokio_stream::iter(requests))
        .await
        .expect("stream")
        .into_inner();
    let mut count = 0u64;
    while let Some(r) = results.message().await.expect("a result") {
        assert_eq!(r.sequence, count);
        assert_eq!(r.id, count.to_string());
        count += 1;
    }
    assert_eq!(count, n);
    server.stop().await;
}

#[tokio::test]
async fn stream_items_wait_for_admission_instead_of_failing() {
    let settings = brief::server::Settings {
        max_in_flight: 1,
        ..Default::default()
    };
    let server = TestServer::start_with(settings).await;
    let channel = server.channel().await;
    // Two streams at once against a limit of one request in flight: every item is answered.
    let mut tasks = Vec::new();
    for s in 0..2 {
        let mut client =
            brief::proto::v1::summarizer_client::SummarizerClient::new(channel.clone());
        tasks.push(tokio::spawn(async move {
            let requests = (0..50)
                .map(move |i| request(&format!("{s}-{i}"), "Floods hit the town. Roads closed."));
            let mut results = client
                .summarize_stream(tokio_stream::iter(requests))
                .await
                .expect("stream")
                .into_inner();
            let mut answered = 0;
            while let Some(r) = results.message().await.expect("a result") {
                assert!(
                    matches!(
                        r.result,
                        Some(pb::summarize_stream_response::Result::Response(_))
                    ),
                    "{r:?}"
                );
                answered += 1;
            }
            answered
        }));
    }
    for t in tasks {
        assert_eq!(t.await.expect("task"), 50);
    }
    server.stop().await;
}

/// A client generated from the 0.1.0 contract, where SummarizeStream took `SummarizeRequest`s and
/// returned `SummarizeResult`s: the renamed messages have the same fields and numbers, so its
/// bytes are still understood and the answers decode.
#[tokio::test]
async fn a_client_of_the_0_1_0_contract_still_streams() {
    let server = TestServer::start().await;
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    grpc.ready().await.expect("channel ready");
    // What 0.1.0's generated stubs sent: `SummarizeRequest`s on the same path.
    let old = pb::SummarizeRequest {
        document: Some(pb::Document {
            id: "old-1".into(),
            content: "Floods hit the town. Roads were closed. Schools stayed shut.".into(),
            ..Default::default()
        }),
        length: Some(pb::Length {
            max_sentences: 1,
            ..Default::default()
        }),
        query: "schools".into(),
        order: pb::Order::Rank as i32,
        ..Default::default()
    };
    let old_requests = vec![old.clone(), pb::SummarizeRequest::default()];
    let codec =
        tonic_prost::ProstCodec::<pb::SummarizeRequest, pb::SummarizeStreamResponse>::default();
    let path = tonic::codegen::http::uri::PathAndQuery::from_static(
        "/brief.v1.Summarizer/SummarizeStream",
    );
    let mut results = grpc
        .streaming(
            tonic::Request::new(tokio_stream::iter(old_requests)),
            path,
            codec,
        )
        .await
        .expect("stream accepted")
        .into_inner();
    use pb::summarize_stream_response::Result as R;
    let first = results.message().await.expect("a result").expect("one");
    assert_eq!(first.id, "old-1");
    // Every field arrived: the answer is Summarize's for the same request.
    let unary = server
        .client()
        .await
        .summarize(old)
        .await
        .expect("summarize")
        .into_inner();
    assert_eq!(unary.sentences.len(), 1);
    match first.result {
        Some(R::Response(resp)) => assert_eq!(resp, unary),
        other => panic!("{other:?}"),
    }
    let second = results.message().await.expect("a result").expect("two");
    match second.result {
        Some(R::Error(e)) => assert_eq!(e.field, "document"),
        other => panic!("{other:?}"),
    }
    assert!(results.message().await.expect("end").is_none());
    server.stop().await;
}
