//! Compressed calls: a generated client that compresses its requests with gzip or zstd, and
//! accepts compressed responses, against a real server on an ephemeral loopback port.

mod common;

use brief::proto::v1 as pb;
use common::{SEED_ARTICLE, TestServer};
use tonic::Code;
use tonic::codec::CompressionEncoding;

fn summarize_req(content: String) -> pb::SummarizeRequest {
    pb::SummarizeRequest {
        document: Some(pb::Document {
            id: "doc-1".into(),
            content,
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn gzip_and_zstd_requests_are_answered_in_the_encoding_the_client_accepts() {
    let server = TestServer::start().await;
    let plain = server
        .client()
        .await
        .summarize(summarize_req(SEED_ARTICLE.into()))
        .await
        .expect("uncompressed")
        .into_inner();
    for (encoding, name) in [
        (CompressionEncoding::Gzip, "gzip"),
        (CompressionEncoding::Zstd, "zstd"),
    ] {
        let mut client = server
            .client()
            .await
            .send_compressed(encoding)
            .accept_compressed(encoding);
        let resp = client
            .summarize(summarize_req(SEED_ARTICLE.into()))
            .await
            .unwrap_or_else(|e| panic!("{encoding:?}: {e}"));
        let answered_in = resp
            .metadata()
            .get("grpc-encoding")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        assert_eq!(
            answered_in.as_deref(),
            Some(name),
            "the response is compressed as the client accepts"
        );
        assert_eq!(resp.into_inner(), plain, "{encoding:?}: the same brief");
    }
    // A client that accepts no compression gets none.
    let resp = server
        .client()
        .await
        .send_compressed(CompressionEncoding::Gzip)
        .summarize(summarize_req(SEED_ARTICLE.into()))
        .await
        .expect("gzip request");
    assert!(resp.metadata().get("grpc-encoding").is_none());
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_resource_exhausted() {
    let server = TestServer::start().await;
    // 8 MiB of one letter: a few kilobytes compressed, twice the message size limit inflated.
    let bomb = "a".repeat(8 << 20);
    for encoding in [CompressionEncoding::Gzip, CompressionEncoding::Zstd] {
        let mut client = server.client().await.send_compressed(encoding);
        let err = client
            .summarize(summarize_req(bomb.clone()))
            .await
            .expect_err("over the limit once inflated");
        assert_eq!(err.code(), Code::ResourceExhausted, "{encoding:?}: {err}");
        assert!(err.message().contains("decompress"), "{}", err.message());
    }
    // The server is still there.
    server
        .client()
        .await
        .summarize(summarize_req(SEED_ARTICLE.into()))
        .await
        .expect("served after the bombs");
}

#[tokio::test]
async fn a_compressed_stream_is_answered() {
    let server = TestServer::start().await;
    let mut client = server
        .client()
        .await
        .send_compressed(CompressionEncoding::Zstd)
        .accept_compressed(CompressionEncoding::Gzip);
    let items: Vec<_> = (0..3)
        .map(|_| pb::SummarizeStreamRequest {
            document: summarize_req(SEED_ARTICLE.into()).document,
            ..Default::default()
        })
        .collect();
    let mut stream = client
        .summarize_stream(tokio_stream::iter(items))
        .await
        .expect("stream")
        .into_inner();
    let mut n = 0;
    while let Some(item) = stream.message().await.expect("item") {
        assert_eq!(item.sequence, n);
        match item.result {
            Some(pb::summarize_stream_response::Result::Response(r)) => {
                assert_eq!(r.sentences.len(), 3)
            }
            other => panic!("item {n}: {other:?}"),
        }
        n += 1;
    }
    assert_eq!(n, 3);
}
