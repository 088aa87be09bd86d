//! The `brief` binary as a user runs it: the server process with its signals, and the offline
//! commands.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;
use common::SEED_ARTICLE;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

const BRIEF: &str = env!("CARGO_BIN_EXE_brief");

/// Starts `brief serve` on an ephemeral port and returns the child and its address, read from its
/// "brief listening" log line.
fn spawn_server() -> (
    std::process::Child,
    String,
    std::thread::JoinHandle<Vec<String>>,
) {
    let mut child = Command::new(BRIEF)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--log-format",
            "json",
            "--drain-seconds",
            "3",
        ])
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn brief");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("brief listening") {
                let v: serde_json::Value = serde_json::from_str(&line).expect("JSON log line");
                let _ = tx.send(v["fields"]["addr"].as_str().expect("addr field").to_owned());
            }
            lines.push(line);
        }
        lines
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server announces its address");
    (child, addr, reader)
}

/// Waits (20 s at most) for `child` to exit, and asserts it exited with status 0.
fn exits_zero_soon(child: &mut std::process::Child) {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "brief did not exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
}

#[tokio::test]
async fn sigterm_turns_health_off_finishes_and_exits_zero() {
    let (mut child, addr, reader) = spawn_server();
    let url = format!("http://{addr}");
    let mut client = SummarizerClient::connect(url.clone())
        .await
        .expect("connect");
    let req = pb::SummarizeRequest {
        document: Some(pb::Document {
            content: SEED_ARTICLE.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let resp = client
        .summarize(req.clone())
        .await
        .expect("summarize")
        .into_inner();
    assert_eq!(resp.sentences.len(), 3);

    let channel = tonic::transport::Channel::from_shared(url)
        .expect("URI")
        .connect()
        .await
        .expect("connect");
    let mut health = HealthClient::new(channel);
    let status = health
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("check");
    assert_eq!(status.into_inner().status, ServingStatus::Serving as i32);
    // Watch the health status over the connection that is already open: it must turn NOT_SERVING
    // on SIGTERM, before the server goes away.
    let mut watch = health
        .watch(HealthCheckRequest {
            service: "brief.v1.Summarizer".into(),
        })
        .await
        .expect("watch")
        .into_inner();
    let first = watch
        .message()
        .await
        .expect("watch message")
        .expect("a status");
    assert_eq!(first.status, ServingStatus::Serving as i32);

    common::sigterm(&child);

    let next = tokio::time::timeout(Duration::from_secs(10), watch.message())
        .await
        .expect("a status in time")
        .expect("a watch message")
        .expect("a status");
    assert_eq!(next.status, ServingStatus::NotServing as i32);

    exits_zero_soon(&mut child);

    let logs = reader.join().expect("log reader");
    assert!(
        logs.iter().any(|l| l.contains("received SIGTERM")),
        "{logs:#?}"
    );
    // One span per request, with method, size, code and latency.
    let rpc = logs
        .iter()
        .find(|l| l.contains("/brief.v1.Summarizer/Summarize") && l.contains("request finished"))
        .unwrap_or_else(|| panic!("a request log line in {logs:#?}"));
    let v: serde_json::Value = serde_json::from_str(rpc).expect("JSON log line");
    assert_eq!(v["fields"]["code"], "OK");
    assert!(v["fields"]["latency_ms"].as_f64().is_some());
    assert_eq!(v["span"]["bytes"].as_u64(), Some(SEED_ARTICLE.len() as u64));
    // Article text is never logged.
    assert!(!logs.iter().any(|l| l.contains("liaison building")));
}

/// Text logs written to a pipe (as to a file or journald) carry no terminal colour codes.
#[test]
fn text_logs_off_a_terminal_are_plain() {
    let mut child = Command::new(BRIEF)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "info")
        .env_remove("NO_COLOR")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn brief");
    let stderr = child.stderr.take().expect("stderr");
    let line = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.contains("listening"));
    child.kill().expect("kill");
    child.wait().expect("wait");
    let line = line.expect("a listening line");
    assert!(line.contains("brief listening addr=127.0.0.1:"), "{line}");
    assert!(!line.contains('\x1b'), "escape codes in {line:?}");
}

#[test]
fn summarize_prints_the_brief_of_a_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/seed_article.txt");
    let out = Command::new(BRIEF)
        .args(["summarize", path])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for l in lines {
        assert!(SEED_ARTICLE.contains(l));
        assert!(!l.contains("Copyright"));
    }
}

#[test]
fn jsonl_answers_each_line_and_reports_bad_ones() {
    let input = concat!(
        r#"{"document":{"id":"a1","content":"First sentence of the story. Second sentence follows it. Third one ends it."},"length":{"maxSentences":2}}"#,
        "\n",
        r#"{"document":{"id":"a2","content":""}}"#,
        "\n\n",
        r#"{"document":{"id":"a3","content":"Only one sentence."},"offsetUnit":"OFFSET_UNIT_CODE_POINTS"}"#,
        "\n",
        r#"{"document": not json"#,
        "\n",
    );
    let mut child = Command::new(BRIEF)
        .args(["summarize", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(
        !out.status.success(),
        "bad lines make the exit status non-zero"
    );

    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let responses: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON response"))
        .collect();
    assert_eq!(responses.len(), 2);
    assert_eq!(responses[0]["id"], "a1");
    assert_eq!(responses[0]["sentences"].as_array().map(Vec::len), Some(2));
    assert_eq!(responses[0]["limitedBy"], "LIMITED_BY_MAX_SENTENCES");
    assert_eq!(responses[1]["id"], "a3");
    assert_eq!(responses[1]["summary"], "Only one sentence.");

    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("line 2: document.content"), "{stderr}");
    assert!(stderr.contains("line 5: invalid JSON"), "{stderr}");
    assert!(stderr.contains("2 of 4 lines failed"), "{stderr}");
}

#[test]
fn extract_jsonl_uses_the_json_mapping() {
    let mut child = Command::new(BRIEF)
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let line = r#"{"document":{"id":"x","content":"Floods hit the town. The floods closed roads."},"maxKeywords":1}"#;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(line.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The most frequent form; on a tie the one with fewer capitals (not the sentence opener's).
    assert_eq!(v["keywords"][0]["text"], "floods");
    assert_eq!(v["keywords"][0]["count"], 2);
    assert_eq!(v["keywords"][0]["offsets"], serde_json::json!([0, 25]));
    assert_eq!(v["sentences"].as_array().map(Vec::len), Some(2));
    assert!(v["sentences"][0]["features"]["position"].is_number());
}

#[test]
fn invalid_utf8_input_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("brief-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"Good start. \xff\xfe bad bytes.").expect("write");
    let out = Command::new(BRIEF)
        .arg("summarize")
        .arg(&path)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not UTF-8") && stderr.contains("offset 12"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn sigterm_under_load_answers_every_accepted_request() {
    let (mut child, addr, reader) = spawn_server();
    let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .expect("URI")
        .connect()
        .await
        .expect("connect");
    let content = format!("{}\n\n", SEED_ARTICLE).repeat(40);
    let signalled = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let answered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..8 {
        let mut client = SummarizerClient::new(channel.clone());
        let content = content.clone();
        let signalled = signalled.clone();
        let answered = answered.clone();
        workers.push(tokio::spawn(async move {
            let (mut ok, mut ok_after_signal) = (0, 0);
            loop {
                let req = pb::SummarizeRequest {
                    document: Some(pb::Document {
                        content: content.clone(),
                        ..Default::default()
                    }),
                    ..Default::default()
                };
                let sent_before_signal = !signalled.load(std::sync::atomic::Ordering::SeqCst);
                match client.summarize(req).await {
                    Ok(resp) => {
                        // A complete answer: the full brief, not a truncated one.
                        assert_eq!(resp.into_inner().sentences.len(), 3);
                        ok += 1;
                        answered.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        if sent_before_signal && signalled.load(std::sync::atomic::Ordering::SeqCst)
                        {
                            ok_after_signal += 1;
                        }
                    }
                    Err(e) => return (ok, ok_after_signal, e),
                }
            }
        }));
    }
    // Signal once the load is under way: every worker has had answers (a slow debug build on a
    // busy machine may take a while for the first ones).
    let start = Instant::now();
    while answered.load(std::sync::atomic::Ordering::SeqCst) < 16 {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no answers under load"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    signalled.store(true, std::sync::atomic::Ordering::SeqCst);
    common::sigterm(&child);

    let (mut total_ok, mut drained) = (0, 0);
    for w in workers {
        let (ok, ok_after_signal, err) = w.await.expect("worker");
        total_ok += ok;
        drained += ok_after_signal;
        // Once the server stops accepting, new calls are refused: the channel reports the closed
        // connection as UNAVAILABLE, CANCELLED for a call it had queued on it, or (tonic's
        // mapping of a TCP reset, when the exiting server closes a socket the client was still
        // writing a refused call to) UNKNOWN "transport error". That none of these was a call the
        // server had accepted is checked below, against the server's own log.
        let refused = matches!(
            err.code(),
            tonic::Code::Unavailable | tonic::Code::Cancelled
        ) || (err.code() == tonic::Code::Unknown
            && err.message() == "transport error");
        assert!(refused, "{err:?}");
    }
    assert!(total_ok > 0);
    assert!(drained > 0, "requests in flight at SIGTERM were answered");

    exits_zero_soon(&mut child);

    // Every request the server answered reached its client: none was lost in the shutdown.
    let logs = reader.join().expect("log reader");
    let answered = logs
        .iter()
        .filter(|l| l.contains("/brief.v1.Summarizer/Summarize") && l.contains("request finished"))
        .filter(|l| l.contains(r#""code":"OK""#))
        .count();
    assert_eq!(
        answered, total_ok,
        "the server answered {answered}, the clients got {total_ok}"
    );
}

/// `brief loadgen` starts its own server, drives the three RPCs at each level, answers every
/// request without error and prints the ratio; `--total` sends exactly that many requests.
#[test]
fn loadgen_drives_a_server_it_starts() {
    let out = Command::new(BRIEF)
        .args(["loadgen", "--concurrency", "1,4", "--seconds", "1"])
        .args(["--data", "tests/data/eval_slice_cnndm.jsonl"])
        .output()
        .expect("run brief loadgen");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows = 0;
    for line in stdout.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if !matches!(cols.first(), Some(&("health" | "trivial" | "summarize"))) {
            continue;
        }
        rows += 1;
        let rps: f64 = cols[2].parse().expect("requests/s");
        assert!(rps > 0.0, "{line}");
        assert_eq!(cols[5], "0", "errors: {line}");
        // Server and client CPU per request, both read (Linux; in ticks of 10 ms, so a short
        // level may round to 0).
        assert!(cols[6].parse::<f64>().is_ok_and(|us| us >= 0.0), "{line}");
        assert!(cols[7].parse::<f64>().is_ok_and(|us| us >= 0.0), "{line}");
    }
    assert_eq!(rows, 6, "{stdout}");
    assert_eq!(
        stdout.matches("summarize/trivial = ").count(),
        2,
        "{stdout}"
    );

    let out = Command::new(BRIEF)
        .args([
            "loadgen",
            "--concurrency",
            "4",
            "--total",
            "50",
            "--client-threads",
            "2",
        ])
        .args(["--data", "tests/data/eval_slice_cnndm.jsonl"])
        .output()
        .expect("run brief loadgen --total");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("50 Summarize requests at 4 in flight") && stdout.contains(", 0 errors"),
        "{stdout}"
    );
}

/// The port-0 contract for test harnesses: with `--listen 127.0.0.1:0` and logs at `warn`, the
/// bound address is the first line of standard output (`{"listening":"HOST:PORT"}`) and the
/// content of `--ready-file`, and the server answers there.
#[tokio::test]
async fn port_zero_prints_the_bound_address_on_stdout_and_in_the_ready_file() {
    let dir = std::env::temp_dir().join(format!("brief-ready-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ready = dir.join("addr");
    let _ = std::fs::remove_file(&ready);
    let ready_arg = ready.display().to_string();
    let (mut child, addr) = common::spawn_announced(&["--ready-file", &ready_arg]).await;
    assert!(
        addr.starts_with("127.0.0.1:") && !addr.ends_with(":0"),
        "{addr}"
    );
    let in_file = std::fs::read_to_string(&ready).expect("ready file written before the line");
    assert_eq!(in_file, format!("{addr}\n"));

    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .expect("endpoint")
        .connect()
        .await
        .expect("the server answers at the announced address");
    let status = HealthClient::new(channel)
        .check(HealthCheckRequest::default())
        .await
        .expect("health")
        .into_inner()
        .status;
    assert_eq!(status, ServingStatus::Serving as i32);
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The shutdown sequence Kubernetes needs: on SIGTERM health turns NOT_SERVING at once, yet for
/// `--shutdown-delay-seconds` the server still accepts new connections and answers them; then
/// health Watch streams end (so they do not hold the drain), the listener closes, and the
/// process exits 0.
#[tokio::test]
async fn sigterm_keeps_serving_through_the_shutdown_delay_then_ends_watches() {
    let (mut child, addr) =
        common::spawn_announced(&["--shutdown-delay-seconds", "3", "--drain-seconds", "5"]).await;
    let url = format!("http://{addr}");
    let connect = || async {
        tonic::transport::Endpoint::from_shared(url.clone())
            .expect("URI")
            .connect()
            .await
    };
    let mut health = HealthClient::new(connect().await.expect("connect"));
    let mut watch = health
        .watch(HealthCheckRequest {
            service: "brief.v1.Summarizer".into(),
        })
        .await
        .expect("watch")
        .into_inner();
    assert_eq!(
        watch
            .message()
            .await
            .expect("watch")
            .expect("status")
            .status,
        ServingStatus::Serving as i32
    );

    let signalled = Instant::now();
    common::sigterm(&child);
    let next = tokio::time::timeout(Duration::from_secs(5), watch.message())
        .await
        .expect("in time")
        .expect("a watch message")
        .expect("a status");
    assert_eq!(next.status, ServingStatus::NotServing as i32);

    // Within the delay: a new connection is accepted and its call answered.
    let channel = connect().await.expect("a new connection during the delay");
    let brief = SummarizerClient::new(channel)
        .summarize(pb::SummarizeRequest {
            document: Some(pb::Document {
                content: SEED_ARTICLE.into(),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("answered during the delay");
    assert_eq!(brief.into_inner().sentences.len(), 3);
    assert!(
        signalled.elapsed() < Duration::from_secs(3),
        "the checks above ran inside the delay"
    );

    // Then the Watch stream ends rather than holding the drain.
    let end = tokio::time::timeout(Duration::from_secs(10), watch.message())
        .await
        .expect("the watch ends after the delay");
    assert!(
        matches!(end, Ok(None) | Err(_)),
        "no more statuses: {end:?}"
    );
    assert!(
        signalled.elapsed() >= Duration::from_secs(2),
        "not before the delay"
    );
    exits_zero_soon(&mut child);
}

/// Trace context in the logs: a call's W3C `traceparent` trace id, its `x-request-id` (echoed in
/// the response, or made up and returned when the caller sends none) and the peer's address are
/// on its JSON request line.
#[tokio::test]
async fn a_calls_trace_id_request_id_and_peer_are_on_its_log_line() {
    let (mut child, addr, reader) = spawn_server();
    let mut client = SummarizerClient::connect(format!("http://{addr}"))
        .await
        .expect("connect");
    let request = || pb::SummarizeRequest {
        document: Some(pb::Document {
            content: SEED_ARTICLE.into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let mut traced = tonic::Request::new(request());
    traced.metadata_mut().insert(
        "traceparent",
        format!("00-{trace_id}-00f067aa0ba902b7-01")
            .parse()
            .expect("metadata"),
    );
    traced.metadata_mut().insert(
        "x-request-id",
        "req-from-caller-7".parse().expect("metadata"),
    );
    let resp = client.summarize(traced).await.expect("summarize");
    assert_eq!(
        resp.metadata()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok()),
        Some("req-from-caller-7"),
        "the caller's request id comes back"
    );
    let resp = client.summarize(request()).await.expect("summarize");
    let made_up = resp
        .metadata()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .expect("a request id is made up and returned")
        .to_owned();
    assert_eq!(made_up.len(), 32);
    drop(client);

    common::sigterm(&child);
    exits_zero_soon(&mut child);
    let logs = reader.join().expect("log reader");
    let finished: Vec<serde_json::Value> = logs
        .iter()
        .filter(|l| l.contains("request finished") && l.contains("Summarizer/Summarize"))
        .map(|l| serde_json::from_str(l).expect("JSON log line"))
        .collect();
    assert_eq!(finished.len(), 2, "{logs:#?}");
    let span = &finished[0]["span"];
    assert_eq!(span["trace_id"], trace_id, "{span}");
    assert_eq!(span["request_id"], "req-from-caller-7", "{span}");
    assert!(
        span["peer"]
            .as_str()
            .is_some_and(|p| p.starts_with("127.0.0.1:")),
        "{span}"
    );
    let span = &finished[1]["span"];
    assert_eq!(span["request_id"], made_up.as_str(), "{span}");
    assert!(
        span.get("trace_id").is_none(),
        "no traceparent, no trace id: {span}"
    );
}
