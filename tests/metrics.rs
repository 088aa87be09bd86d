//! The Prometheus endpoint: request counts by method and status, latency and size histograms,
//! requests in flight and build info, scraped over plain HTTP.

mod common;

use brief::proto::v1 as pb;
use common::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// `GET /metrics` over HTTP/1.1, returning the body.
async fn scrape(addr: std::net::SocketAddr) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect to metrics");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
}

#[tokio::test]
async fn counts_requests_by_method_and_status() {
    let (server, metrics) = TestServer::start_with_metrics().await;
    let mut client = server.client().await;
    let req = |content: &str| pb::SummarizeRequest {
        document: Some(pb::Document {
            content: content.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    client
        .summarize(req("First sentence here. Second one."))
        .await
        .expect("ok");
    client
        .summarize(req("Another article. With two sentences."))
        .await
        .expect("ok");
    client.summarize(req("")).await.expect_err("empty");

    let text = scrape(metrics).await;
    let line = |needle: &str| {
        text.lines()
            .find(|l| l.starts_with(needle))
            .unwrap_or_else(|| panic!("{needle} in\n{text}"))
    };
    assert!(
        line(r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="Ok"}"#)
            .ends_with(" 2")
    );
    assert!(
        line(
            r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="InvalidArgument"}"#
        )
        .ends_with(" 1")
    );
    assert!(line(r#"brief_request_duration_seconds_count{method="brief.v1.Summarizer/Summarize",code="Ok"}"#).ends_with(" 2"));
    assert!(
        line(r#"brief_request_article_bytes_count{method="brief.v1.Summarizer/Summarize"}"#)
            .ends_with(" 3")
    );
    assert!(
        line(r#"brief_requests_in_flight{method="brief.v1.Summarizer/Summarize"}"#).ends_with(" 0")
    );
    assert!(line("brief_build_info{").ends_with(" 1"));
    server.stop().await;
}
