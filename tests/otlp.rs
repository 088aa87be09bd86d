//! OpenTelemetry export: `brief serve --otlp-endpoint` sends each request's span to a collector
//! (here a fake one, the OTLP trace service on an ephemeral loopback port), as the child of the
//! caller's `traceparent`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::trace::v1::Span;

/// A collector that keeps every span it is sent.
#[derive(Default, Clone)]
struct Collector(Arc<Mutex<Vec<Span>>>);

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: tonic::Request<ExportTraceServiceRequest>,
    ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
        let spans = request
            .into_inner()
            .resource_spans
            .into_iter()
            .flat_map(|r| r.scope_spans)
            .flat_map(|s| s.spans);
        self.0.lock().expect("lock").extend(spans);
        Ok(tonic::Response::new(ExportTraceServiceResponse::default()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn request_spans_are_exported_as_children_of_the_callers_trace() {
    let collector = Collector::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let collector_addr = listener.local_addr().expect("addr");
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(TraceServiceServer::new(collector.clone()))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );

    let endpoint = format!("http://{collector_addr}");
    let (mut child, addr) = common::spawn_announced(&[
        "--otlp-endpoint",
        &endpoint,
        "--shutdown-delay-seconds",
        "0",
    ])
    .await;

    let mut client = SummarizerClient::connect(format!("http://{addr}"))
        .await
        .expect("connect");
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let parent = "00f067aa0ba902b7";
    let mut request = tonic::Request::new(pb::SummarizeRequest {
        document: Some(pb::Document {
            content: "Floods hit the town. Roads closed. Schools shut on Monday.".into(),
            ..Default::default()
        }),
        ..Default::default()
    });
    request.metadata_mut().insert(
        "traceparent",
        format!("00-{trace_id}-{parent}-01")
            .parse()
            .expect("metadata"),
    );
    client.summarize(request).await.expect("summarize");
    drop(client);

    // SIGTERM: the exit flushes the buffered spans.
    common::sigterm(&child);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "brief did not exit"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");

    let spans = collector.0.lock().expect("lock").clone();
    let rpc = spans
        .iter()
        .find(|s| s.name == "rpc")
        .unwrap_or_else(|| panic!("an rpc span among {spans:?}"));
    assert_eq!(hex(&rpc.trace_id), trace_id, "in the caller's trace");
    assert_eq!(
        hex(&rpc.parent_span_id),
        parent,
        "the caller's span is its parent"
    );
    assert!(
        rpc.attributes
            .iter()
            .any(|a| a.key == "method" && format!("{:?}", a.value).contains("Summarize")),
        "{rpc:?}"
    );
}
