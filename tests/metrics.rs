//! The Prometheus endpoint: request counts by method and status, latency and size histograms,
//! requests in flight and build info, scraped over plain HTTP.

mod common;

use brief::proto::v1 as pb;
use common::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// `GET /metrics` over HTTP/1.1, returning the response (head and body).
async fn scrape(addr: std::net::SocketAddr) -> String {
    scrape_accepting(addr, None).await
}

/// [`scrape`] with an `Accept` header.
async fn scrape_accepting(addr: std::net::SocketAddr, accept: Option<&str>) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect to metrics");
    let accept = accept
        .map(|a| format!("Accept: {a}\r\n"))
        .unwrap_or_default();
    let request =
        format!("GET /metrics HTTP/1.1\r\nHost: localhost\r\n{accept}Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("send");
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
        line(r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="OK"}"#)
            .ends_with(" 2")
    );
    assert!(
        line(
            r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="INVALID_ARGUMENT"}"#
        )
        .ends_with(" 1")
    );
    assert!(line(r#"brief_request_duration_seconds_count{method="brief.v1.Summarizer/Summarize",code="OK"}"#).ends_with(" 2"));
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

/// The value of the sample line that starts with `needle` in `text`.
fn sample(text: &str, needle: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(needle))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{needle} in\n{text}"))
}

#[tokio::test]
async fn a_stream_is_timed_to_its_end_and_its_items_counted_by_code() {
    let (server, metrics) = TestServer::start_with_metrics().await;
    let mut client = server.client().await;
    let item = |content: &str| pb::SummarizeStreamRequest {
        document: Some(pb::Document {
            content: content.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    // The client sends its items over 300 ms: the stream lasts at least that long, though its
    // response head is ready at once.
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let sender = tokio::spawn(async move {
        for content in ["One sentence. Two sentences.", "", "Three. Four. Five."] {
            tx.send(item(content)).await.expect("send");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    });
    let mut results = client
        .summarize_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("stream")
        .into_inner();
    let mut n = 0;
    while results.message().await.expect("item").is_some() {
        n += 1;
    }
    assert_eq!(n, 3);
    sender.await.expect("sender");
    // The server records the call when its trailers have gone out, which may be a moment after
    // the client has read them.
    let mut text = String::new();
    for _ in 0..50 {
        text = scrape(metrics).await;
        if text.contains(
            r#"brief_requests_total{method="brief.v1.Summarizer/SummarizeStream",code="OK"} 1"#,
        ) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let stream = r#"{method="brief.v1.Summarizer/SummarizeStream",code="OK"}"#;
    assert_eq!(sample(&text, &format!("brief_requests_total{stream}")), 1.0);
    let seconds = sample(
        &text,
        &format!("brief_request_duration_seconds_sum{stream}"),
    );
    assert!(seconds >= 0.2, "timed to the stream's end: {seconds} s");
    assert_eq!(sample(&text, r#"brief_stream_items_total{code="OK"}"#), 2.0);
    assert_eq!(
        sample(
            &text,
            r#"brief_stream_items_total{code="INVALID_ARGUMENT"}"#
        ),
        1.0
    );
    server.stop().await;
}

#[tokio::test]
async fn the_format_follows_the_scrapers_accept_header_and_process_metrics_are_there() {
    let (server, metrics) = TestServer::start_with_metrics().await;
    let classic = scrape(metrics).await;
    assert!(
        classic.contains("content-type: text/plain; version=0.0.4"),
        "{classic}"
    );
    assert!(!classic.contains("# EOF"), "{classic}");
    let open = scrape_accepting(
        metrics,
        Some("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"),
    )
    .await;
    assert!(
        open.contains("content-type: application/openmetrics-text"),
        "{open}"
    );
    assert!(open.trim_end().ends_with("# EOF"), "{open}");
    for text in [&classic, &open] {
        assert!(sample(text, "process_start_time_seconds ") > 1.0e9);
        #[cfg(target_os = "linux")]
        {
            assert!(sample(text, "process_resident_memory_bytes ") > 1.0e6);
            assert!(sample(text, "process_open_fds ") >= 3.0);
            assert!(sample(text, "process_cpu_seconds_total ") >= 0.0);
            assert!(sample(text, "process_max_fds ") >= sample(text, "process_open_fds "));
        }
    }
    server.stop().await;
}
