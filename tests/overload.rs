//! Deadlines and load shedding against a running server.

mod common;

use brief::proto::v1 as pb;
use brief::server::Settings;
use common::TestServer;
use tonic::Code;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;
use tonic_types::StatusExt;

/// An article large enough that summarizing it takes many milliseconds.
fn heavy(bytes: usize) -> pb::SummarizeRequest {
    let paragraph = "The council voted on Tuesday to approve the new budget, which raises spending on \
                     schools and roads while cutting the cost of city administration by a tenth. ";
    let mut content = String::with_capacity(bytes + paragraph.len());
    let mut i = 0;
    while content.len() < bytes {
        // Vary the words so that the vocabulary grows like a real long text.
        content.push_str(paragraph);
        content.push_str(&format!(
            "Item {i} of the plan names district {} and ward {}.\n\n",
            i % 97,
            i % 13
        ));
        i += 1;
    }
    pb::SummarizeRequest {
        document: Some(pb::Document {
            content,
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_short_client_deadline_gets_deadline_exceeded() {
    let server = TestServer::start().await;
    // A tonic client enforces the deadline it sends on its own and reports CANCELLED ("Timeout
    // expired") when its timer wins. To see what the server answers, send the `grpc-timeout`
    // header through a plain HTTP/2 client that has no timer of its own; grpc-go, grpcio and
    // grpc-java clients report DEADLINE_EXCEEDED either way.
    let http2 = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .http2_only(true)
        .build_http::<tonic::body::Body>();
    let origin: tonic::codegen::http::Uri = format!("http://{}", server.addr).parse().expect("URI");
    let mut grpc = tonic::client::Grpc::with_origin(http2, origin);
    let path =
        tonic::codegen::http::uri::PathAndQuery::from_static("/brief.v1.Summarizer/Summarize");

    let mut req = tonic::Request::new(heavy(3_000_000));
    req.metadata_mut()
        .insert("grpc-timeout", "20m".parse().expect("header value"));
    grpc.ready().await.expect("ready");
    let err = grpc
        .unary::<_, pb::SummarizeResponse, _>(req, path.clone(), tonic_prost::ProstCodec::default())
        .await
        .expect_err("too slow for 20 ms");
    assert_eq!(err.code(), Code::DeadlineExceeded, "{err:?}");
    assert!(
        err.message().contains("the client's deadline of 20 ms"),
        "{}",
        err.message()
    );

    // A generous deadline is met.
    let mut req = tonic::Request::new(heavy(10_000));
    req.metadata_mut()
        .insert("grpc-timeout", "30S".parse().expect("header value"));
    grpc.ready().await.expect("ready");
    grpc.unary::<_, pb::SummarizeResponse, _>(req, path, tonic_prost::ProstCodec::default())
        .await
        .expect("within the deadline");
    server.stop().await;
}

#[tokio::test]
async fn the_server_time_limit_also_answers_deadline_exceeded() {
    let server = TestServer::start_with(Settings {
        request_timeout_seconds: 1,
        ..Settings::default()
    })
    .await;
    let mut client = server.client().await;
    // Big enough to take well over a second in any build, within the 4 MiB message limit.
    let err = client.summarize(heavy(4_000_000)).await;
    match err {
        Err(e) => {
            assert_eq!(e.code(), Code::DeadlineExceeded, "{e:?}");
            assert!(
                e.message().contains("--request-timeout-seconds"),
                "{}",
                e.message()
            );
        }
        // A very fast machine may finish in time; then there is nothing to check.
        Ok(_) => eprintln!("summarized 4 MB within a second: the limit was not reached"),
    }
    server.stop().await;
}

#[tokio::test]
async fn requests_over_the_in_flight_limit_are_shed_at_once() {
    let server = TestServer::start_with(Settings {
        max_in_flight: 2,
        ..Settings::default()
    })
    .await;
    let channel = server.channel().await;
    let mut tasks = Vec::new();
    for _ in 0..16 {
        let mut client =
            brief::proto::v1::summarizer_client::SummarizerClient::new(channel.clone());
        tasks.push(tokio::spawn(async move {
            client.summarize(heavy(1_000_000)).await.map(|_| ())
        }));
    }
    // While the server is saturated, health checks still answer.
    let mut health = HealthClient::new(channel.clone());
    health
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("health under load");

    let (mut ok, mut shed) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            Ok(()) => ok += 1,
            Err(e) => {
                assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
                assert!(e.message().contains("--max-in-flight"), "{}", e.message());
                // The refusal says when to retry: google.rpc.RetryInfo in the details, and the
                // same delay as gRPC's retry pushback.
                let retry = e.get_details_retry_info().expect("a RetryInfo detail");
                assert_eq!(
                    retry.retry_delay,
                    Some(brief::service::status::IN_FLIGHT_RETRY_DELAY),
                    "{e:?}"
                );
                assert_eq!(
                    e.metadata()
                        .get("grpc-retry-pushback-ms")
                        .and_then(|v| v.to_str().ok()),
                    Some("100"),
                    "{e:?}"
                );
                shed += 1;
            }
        }
    }
    assert!(
        ok >= 2,
        "the admitted requests are answered ({ok} ok, {shed} shed)"
    );
    assert!(shed >= 1, "the excess is shed ({ok} ok, {shed} shed)");

    // After the burst, the server takes requests again.
    let mut client = brief::proto::v1::summarizer_client::SummarizerClient::new(channel);
    client
        .summarize(heavy(1_000))
        .await
        .expect("after the burst");
    server.stop().await;
}
