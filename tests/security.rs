//! TLS from flags, with a certificate the test makes itself, and bearer-token authentication.

mod common;

use std::path::PathBuf;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;
use brief::server::Settings;
use common::TestServer;
use tonic::Code;
use tonic::transport::{Certificate, Channel, ClientTlsConfig};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn request() -> pb::SummarizeRequest {
    pb::SummarizeRequest {
        document: Some(pb::Document {
            content: "Floods hit the town. Roads closed.".into(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn serves_tls_with_the_given_certificate() {
    let dir = temp_dir("tls");
    let cert =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("a certificate");
    let (cert_pem, key_pem) = (cert.cert.pem(), cert.signing_key.serialize_pem());
    std::fs::write(dir.join("cert.pem"), &cert_pem).expect("write cert");
    std::fs::write(dir.join("key.pem"), &key_pem).expect("write key");
    let server = TestServer::start_with(Settings {
        tls_cert: Some(dir.join("cert.pem")),
        tls_key: Some(dir.join("key.pem")),
        ..Settings::default()
    })
    .await;

    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&cert_pem))
        .domain_name("localhost");
    let channel = Channel::from_shared(format!("https://{}", server.addr))
        .expect("URI")
        .tls_config(tls)
        .expect("TLS config")
        .connect()
        .await
        .expect("a TLS connection");
    let resp = SummarizerClient::new(channel)
        .summarize(request())
        .await
        .expect("summarize over TLS");
    assert_eq!(resp.into_inner().sentences.len(), 2);

    // Plaintext gets nowhere.
    let plain = Channel::from_shared(format!("http://{}", server.addr))
        .expect("URI")
        .connect()
        .await;
    if let Ok(channel) = plain {
        let err = SummarizerClient::new(channel)
            .summarize(request())
            .await
            .expect_err("plaintext to a TLS server");
        assert_ne!(err.code(), Code::Ok);
    }
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn bearer_token_guards_everything_but_health() {
    let dir = temp_dir("auth");
    std::fs::write(dir.join("token"), "s3cret-token\n").expect("write token");
    let server = TestServer::start_with(Settings {
        auth_token_file: Some(dir.join("token")),
        ..Settings::default()
    })
    .await;
    let channel = server.channel().await;
    let mut client = SummarizerClient::new(channel.clone());

    let err = client.summarize(request()).await.expect_err("no token");
    assert_eq!(err.code(), Code::Unauthenticated);

    let mut wrong = tonic::Request::new(request());
    wrong
        .metadata_mut()
        .insert("authorization", "Bearer nope".parse().expect("value"));
    assert_eq!(
        client
            .summarize(wrong)
            .await
            .expect_err("wrong token")
            .code(),
        Code::Unauthenticated
    );

    let mut right = tonic::Request::new(request());
    right.metadata_mut().insert(
        "authorization",
        "Bearer s3cret-token".parse().expect("value"),
    );
    client.summarize(right).await.expect("the right token");

    let health = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await;
    assert!(health.is_ok(), "health stays open: {health:?}");
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// `brief health` as a Kubernetes exec probe or Docker HEALTHCHECK runs it: against a TLS server
/// with its CA file and the certificate's name, and against a plaintext server by a bare
/// `HOST:PORT`; a plaintext probe of a TLS server fails with a hint.
#[tokio::test]
async fn brief_health_probes_tls_and_bare_addresses() {
    let health = |args: Vec<String>| async move {
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
                .arg("health")
                .args(args)
                .output()
                .expect("run brief health")
        })
        .await
        .expect("join")
    };
    let dir = temp_dir("health-tls");
    let cert =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("a certificate");
    std::fs::write(dir.join("cert.pem"), cert.cert.pem()).expect("write cert");
    std::fs::write(dir.join("key.pem"), cert.signing_key.serialize_pem()).expect("write key");
    let tls = TestServer::start_with(Settings {
        tls_cert: Some(dir.join("cert.pem")),
        tls_key: Some(dir.join("key.pem")),
        ..Settings::default()
    })
    .await;
    let ca = dir.join("cert.pem").display().to_string();

    let ok = health(vec![
        "--addr".into(),
        tls.addr.to_string(),
        "--ca-file".into(),
        ca.clone(),
        "--server-name".into(),
        "localhost".into(),
    ])
    .await;
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let plain_probe = health(vec!["--addr".into(), tls.addr.to_string()]).await;
    assert!(!plain_probe.status.success());
    let err = String::from_utf8_lossy(&plain_probe.stderr);
    assert!(err.contains("https://"), "a hint: {err}");

    let wrong_name = health(vec![
        "--addr".into(),
        format!("https://{}", tls.addr),
        "--ca-file".into(),
        ca,
    ])
    .await;
    assert!(
        !wrong_name.status.success(),
        "the certificate names localhost, not 127.0.0.1"
    );
    tls.stop().await;

    let plain = TestServer::start().await;
    let bare = health(vec!["--addr".into(), plain.addr.to_string()]).await;
    assert!(
        bare.status.success(),
        "{}",
        String::from_utf8_lossy(&bare.stderr)
    );
    plain.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
