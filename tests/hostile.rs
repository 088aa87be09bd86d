//! Hostile callers against a real server, through raw HTTP/2 clients that do what no well-behaved
//! gRPC client does: open calls and send nothing, trickle bodies, hold idle connections, cut
//! frames short, send malformed deadlines. Each test asserts that ordinary calls keep succeeding
//! and that what the attack held is given back. Each takes seconds.
//!
//! The tests that start a `brief` process run the debug binary cargo built; to run them against
//! a release build, as the figures in README.md were measured:
//!
//! ```sh
//! cargo build --release
//! BRIEF_HOSTILE_BIN=target/release/brief cargo test --release --test hostile -- --nocapture
//! ```
//!
//! `BRIEF_HOSTILE_KINDS` (comma-separated) and `BRIEF_HOSTILE_CONCURRENCY` change the memory
//! test's inputs and how many are sent at once.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use brief::proto::v1 as pb;
use brief::server::Settings;
use bytes::Bytes;
use common::{SEED_ARTICLE, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tonic::Code;
use tonic::codegen::http;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

const SUMMARIZE: &str = "/brief.v1.Summarizer/Summarize";

/// A raw HTTP/2 connection to `addr`.
async fn raw_h2(addr: SocketAddr) -> h2::client::SendRequest<Bytes> {
    let tcp = TcpStream::connect(addr).await.expect("connect");
    let (send, conn) = h2::client::handshake(tcp).await.expect("h2 handshake");
    tokio::spawn(async move {
        let _ = conn.await;
    });
    send
}

/// A Summarize call opened on a connection of its own, its request not yet ended.
async fn open_summarize(addr: SocketAddr) -> (h2::client::ResponseFuture, h2::SendStream<Bytes>) {
    let mut send = raw_h2(addr).await.ready().await.expect("ready");
    send.send_request(call_head(addr, SUMMARIZE, &[]), false)
        .expect("send head")
}

/// The head of a gRPC call to `path`, with extra `headers`.
fn call_head(addr: SocketAddr, path: &str, headers: &[(&str, &str)]) -> http::Request<()> {
    let mut b = http::Request::builder()
        .method("POST")
        .uri(format!("http://{addr}{path}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(()).expect("request head")
}

/// `message` framed as a gRPC length-prefixed message.
fn framed(message: &impl prost::Message) -> Bytes {
    let body = message.encode_to_vec();
    let mut v = vec![0];
    v.extend_from_slice(&u32::try_from(body.len()).expect("small").to_be_bytes());
    v.extend_from_slice(&body);
    Bytes::from(v)
}

/// The seed article as a Summarize request.
fn seed_request() -> pb::SummarizeRequest {
    pb::SummarizeRequest {
        document: Some(pb::Document {
            content: SEED_ARTICLE.to_owned(),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The gRPC status of a raw call: from the headers of a trailers-only answer, else the trailers.
async fn status_of(response: h2::client::ResponseFuture) -> (Code, String) {
    let response = response.await.expect("response head");
    let read = |h: &http::HeaderMap| {
        h.get("grpc-status").map(|v| {
            let code = v.to_str().ok().and_then(|s| s.parse::<i32>().ok());
            let message = h
                .get("grpc-message")
                .and_then(|m| m.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            (Code::from(code.unwrap_or(2)), message)
        })
    };
    if let Some(status) = read(response.headers()) {
        return status;
    }
    let mut body = response.into_body();
    while let Some(chunk) = body.data().await {
        let chunk = chunk.expect("body");
        let _ = body.flow_control().release_capacity(chunk.len());
    }
    let trailers = body.trailers().await.expect("trailers").unwrap_or_default();
    read(&trailers).unwrap_or((Code::Ok, String::new()))
}

/// Asserts that ordinary calls on a fresh connection succeed, `n` times.
async fn ordinary_calls_succeed(server: &TestServer, n: usize) {
    let mut client = server.client().await;
    let mut health = HealthClient::new(server.channel().await);
    for _ in 0..n {
        client
            .summarize(seed_request())
            .await
            .expect("an ordinary Summarize during the attack");
        health
            .check(HealthCheckRequest::default())
            .await
            .expect("a health check during the attack");
    }
}

#[tokio::test]
async fn calls_that_send_no_body_hold_nothing_and_end_at_the_receive_timeout() {
    let server = TestServer::start_with(Settings {
        max_in_flight: 4,
        receive_timeout_seconds: 1,
        ..Settings::default()
    })
    .await;
    let mut attacker = raw_h2(server.addr).await;
    let mut silent = Vec::new();
    for _ in 0..64 {
        attacker = attacker.ready().await.expect("stream capacity");
        let (response, stream) = attacker
            .send_request(call_head(server.addr, SUMMARIZE, &[]), false)
            .expect("send head");
        silent.push((response, stream));
    }
    // More silent calls than in-flight slots: none of them holds one.
    ordinary_calls_succeed(&server, 8).await;
    let start = Instant::now();
    for (response, _stream) in silent.drain(..8) {
        let (code, message) = status_of(response).await;
        assert_eq!(code, Code::DeadlineExceeded, "{message}");
        assert!(message.contains("--receive-timeout-seconds"), "{message}");
    }
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    // Disconnecting abandons the rest; the server goes on.
    drop(silent);
    drop(attacker);
    ordinary_calls_succeed(&server, 2).await;
    server.stop().await;
}

#[tokio::test]
async fn trickled_bodies_are_cut_off_and_do_not_starve_others() {
    let server = TestServer::start_with(Settings {
        max_in_flight: 4,
        receive_timeout_seconds: 1,
        ..Settings::default()
    })
    .await;
    let mut tricklers = Vec::new();
    for _ in 0..16 {
        let addr = server.addr;
        tricklers.push(tokio::spawn(async move {
            let (response, mut stream) = open_summarize(addr).await;
            // A frame that declares 4 MiB, then one byte at a time.
            let mut prefix = vec![0u8];
            prefix.extend_from_slice(&(4u32 << 20).to_be_bytes());
            let _ = stream.send_data(Bytes::from(prefix), false);
            let trickle = tokio::spawn(async move {
                loop {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    if stream.send_data(Bytes::from_static(b"x"), false).is_err() {
                        break;
                    }
                }
            });
            let status = status_of(response).await;
            trickle.abort();
            status
        }));
    }
    // And callers that send their whole message but never end the request.
    for _ in 0..16 {
        let addr = server.addr;
        tricklers.push(tokio::spawn(async move {
            let (response, mut stream) = open_summarize(addr).await;
            stream
                .send_data(framed(&seed_request()), false)
                .expect("the message, without the end of the request");
            let status = status_of(response).await;
            drop(stream);
            status
        }));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    ordinary_calls_succeed(&server, 8).await;
    for t in tricklers {
        let (code, message) = t.await.expect("trickler");
        assert_eq!(code, Code::DeadlineExceeded, "{message}");
    }
    ordinary_calls_succeed(&server, 2).await;
    server.stop().await;
}

#[tokio::test]
async fn idle_connections_are_closed_and_make_room_at_the_cap() {
    let server = TestServer::start_with(Settings {
        max_connections: 40,
        first_call_timeout_seconds: 1,
        ..Settings::default()
    })
    .await;
    // Fill the cap: half send only the HTTP/2 preface, half nothing at all.
    let mut idle = Vec::new();
    for i in 0..40 {
        let mut tcp = TcpStream::connect(server.addr).await.expect("connect");
        if i % 2 == 0 {
            tcp.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                .await
                .expect("preface");
        }
        idle.push(tcp);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    // At the cap, a new caller still gets in: the connection idle longest makes room.
    ordinary_calls_succeed(&server, 2).await;
    // Connections that never start a call are closed after --first-call-timeout-seconds.
    let start = Instant::now();
    for mut tcp in idle {
        let mut buf = [0u8; 1024];
        loop {
            match tokio::time::timeout(Duration::from_secs(3), tcp.read(&mut buf)).await {
                Ok(Ok(0) | Err(_)) => break,
                Ok(Ok(_)) => continue,
                Err(_) => panic!("an idle connection was still open after 3 s"),
            }
        }
    }
    assert!(start.elapsed() < Duration::from_secs(3));
    ordinary_calls_succeed(&server, 1).await;
    server.stop().await;
}

#[tokio::test]
async fn the_server_limits_streams_per_connection() {
    let server = TestServer::start().await;
    let tcp = TcpStream::connect(server.addr).await.expect("connect");
    let (send, mut conn) = h2::client::handshake(tcp).await.expect("handshake");
    // The server's SETTINGS arrive with the first exchange.
    let send = tokio::select! {
        ready = send.ready() => ready.expect("ready"),
        _ = &mut conn => panic!("connection ended"),
    };
    let health = call_head(server.addr, "/grpc.health.v1.Health/Check", &[]);
    let mut send = send;
    let (response, mut stream) = send.send_request(health, false).expect("send");
    stream
        .send_data(framed(&HealthCheckRequest::default()), true)
        .expect("body");
    let driver = tokio::spawn(async move {
        let _ = conn.await;
    });
    let (code, _) = status_of(response).await;
    assert_eq!(code, Code::Ok);
    assert_eq!(
        send.current_max_send_streams(),
        brief::server::DEFAULT_MAX_CONCURRENT_STREAMS as usize
    );
    driver.abort();
    server.stop().await;
}

#[tokio::test]
async fn malformed_framing_and_deadlines_are_the_callers_error() {
    let server = TestServer::start().await;
    let mut send = raw_h2(server.addr).await;

    // A frame cut short.
    send = send.ready().await.expect("ready");
    let (response, mut stream) = send
        .send_request(call_head(server.addr, SUMMARIZE, &[]), false)
        .expect("head");
    let whole = framed(&seed_request());
    stream
        .send_data(whole.slice(..whole.len() / 2), true)
        .expect("half a frame");
    let (code, message) = status_of(response).await;
    assert_eq!(code, Code::InvalidArgument, "{message}");
    assert!(message.contains("truncated"), "{message}");

    // Malformed deadlines are refused, per call; the connection goes on.
    for bad in ["-1S", "1.5S", "123456789m", "10x"] {
        send = send.ready().await.expect("ready");
        let head = call_head(server.addr, SUMMARIZE, &[("grpc-timeout", bad)]);
        let (response, mut stream) = send.send_request(head, false).expect("head");
        stream
            .send_data(framed(&seed_request()), true)
            .expect("body");
        let (code, message) = status_of(response).await;
        assert_eq!(code, Code::InvalidArgument, "{bad}: {message}");
        assert!(message.contains("grpc-timeout"), "{message}");
    }

    // A deadline of zero has passed already.
    send = send.ready().await.expect("ready");
    let head = call_head(server.addr, SUMMARIZE, &[("grpc-timeout", "0n")]);
    let (response, mut stream) = send.send_request(head, false).expect("head");
    stream
        .send_data(framed(&seed_request()), true)
        .expect("body");
    let (code, message) = status_of(response).await;
    assert_eq!(code, Code::DeadlineExceeded, "{message}");

    // And an ordinary call on the same connection still works.
    send = send.ready().await.expect("ready");
    let (response, mut stream) = send
        .send_request(call_head(server.addr, SUMMARIZE, &[]), false)
        .expect("head");
    stream
        .send_data(framed(&seed_request()), true)
        .expect("body");
    let (code, message) = status_of(response).await;
    assert_eq!(code, Code::Ok, "{message}");
    server.stop().await;
}

/// The `brief` binary the process tests run: `BRIEF_HOSTILE_BIN` when set (to run these attacks
/// against a release build), else the one cargo built for the tests.
fn brief_bin() -> String {
    std::env::var("BRIEF_HOSTILE_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_brief").to_owned())
}

/// A `brief serve` process on an ephemeral port with `args`, and its address.
fn spawn_brief(args: &[&str]) -> (std::process::Child, SocketAddr) {
    spawn_brief_with_fd_limit(args, None)
}

/// [`spawn_brief`], under an open-file limit (soft and hard) of `fds` when given.
fn spawn_brief_with_fd_limit(args: &[&str], fds: Option<u32>) -> (std::process::Child, SocketAddr) {
    use std::io::BufRead as _;
    let mut command = match fds {
        Some(n) => {
            let mut c = std::process::Command::new("prlimit");
            c.arg(format!("--nofile={n}:{n}")).arg(brief_bin());
            c
        }
        None => std::process::Command::new(brief_bin()),
    };
    let mut child = command
        .args(["serve", "--listen", "127.0.0.1:0", "--log-format", "json"])
        .args(args)
        .env("RUST_LOG", "info")
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn brief");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("brief listening") {
                let v: serde_json::Value = serde_json::from_str(&line).expect("JSON log line");
                let addr = v["fields"]["addr"].as_str().expect("addr").parse();
                let _ = tx.send(addr.expect("socket address"));
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("server announces its address");
    (child, addr)
}

/// A field of `/proc/PID/status`, in KiB.
fn proc_status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("field in proc status")
}

/// A hostile article of about `bytes` bytes, and its format.
fn hostile(kind: &str, bytes: usize) -> (String, pb::Format) {
    let unit: String = match kind {
        "news" => format!("{SEED_ARTICLE}\n\n"),
        "tiny-sentences" => "Hi! ".to_owned(),
        "cjk" => "北京时间今天上午国家统计局发布数据显示经济运行总体平稳".to_owned(),
        "unclosed-a" => "<a ".to_owned(),
        "tiny-paragraphs-html" => format!("<p>{}</p>", "Hi! ".repeat(30)),
        "ampersands" => "&".to_owned(),
        _ => unreachable!("unknown kind"),
    };
    let format = if matches!(kind, "unclosed-a" | "ampersands" | "tiny-paragraphs-html") {
        pb::Format::Html
    } else {
        pb::Format::PlainText
    };
    (unit.repeat(bytes / unit.len()), format)
}

/// Sends 64 concurrent requests of nearly 4 MiB of each hostile kind to a server with default
/// flags, and asserts that each is answered, refused RESOURCE_EXHAUSTED or stopped at the time
/// limit, that the server's peak resident memory stays under the shipped manifest's 512 MiB
/// limit, and that it serves ordinary calls afterwards.
#[tokio::test]
async fn sixty_four_maximum_size_hostile_requests_stay_within_the_memory_limit() {
    let (mut child, addr) = spawn_brief(&[]);
    let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .expect("URI")
        .connect()
        .await
        .expect("connect");
    let kinds = std::env::var("BRIEF_HOSTILE_KINDS").unwrap_or_else(|_| {
        "news,tiny-sentences,cjk,unclosed-a,ampersands,tiny-paragraphs-html".to_owned()
    });
    for kind in kinds.split(',') {
        let (content, format) = hostile(kind, (4 << 20) - 4096);
        let concurrency: usize = std::env::var("BRIEF_HOSTILE_CONCURRENCY")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(64);
        let mut calls = Vec::new();
        for i in 0..concurrency {
            let mut client =
                brief::proto::v1::summarizer_client::SummarizerClient::new(channel.clone())
                    .max_decoding_message_size(512 << 20);
            let document = Some(pb::Document {
                content: content.clone(),
                format: format as i32,
                ..Default::default()
            });
            calls.push(tokio::spawn(async move {
                let result = if i % 2 == 0 {
                    client
                        .summarize(pb::SummarizeRequest {
                            document,
                            ..Default::default()
                        })
                        .await
                        .map(|_| ())
                } else {
                    client
                        .extract(pb::ExtractRequest {
                            document,
                            ..Default::default()
                        })
                        .await
                        .map(|_| ())
                };
                result.map_err(|s| (s.code(), s.message().to_owned()))
            }));
        }
        let (mut answered, mut refused) = (0, 0);
        for call in calls {
            match call.await.expect("call task") {
                Ok(()) => answered += 1,
                Err((Code::ResourceExhausted, _)) => refused += 1,
                // A page of nothing but tags has no text to summarize: a clear answer.
                Err((Code::InvalidArgument, m)) if m.contains("no visible text") => answered += 1,
                // A debug build on a loaded machine can run past the server's own time limit;
                // that is a clear answer too (the work is dropped, its memory released).
                Err((Code::DeadlineExceeded, m)) if m.contains("--request-timeout-seconds") => {
                    refused += 1
                }
                Err((code, message)) => panic!("{kind}: {code:?} {message}"),
            }
        }
        let peak = proc_status_kib(child.id(), "VmHWM:");
        eprintln!("{kind}: {answered} answered, {refused} refused, peak RSS {peak} KiB");
        // Under a burst, which requests win the receive pool depends on the scheduler (on a
        // loaded machine all 64 can be refused); alone, a request of this size must fit.
        if answered == 0 {
            let mut client =
                brief::proto::v1::summarizer_client::SummarizerClient::new(channel.clone());
            let alone = client
                .summarize(pb::SummarizeRequest {
                    document: Some(pb::Document {
                        content: content.clone(),
                        format: format as i32,
                        ..Default::default()
                    }),
                    ..Default::default()
                })
                .await;
            assert!(
                alone.is_ok()
                    || alone
                        .as_ref()
                        .is_err_and(|s| s.message().contains("no visible text")),
                "{kind}: one request alone fits the budget: {alone:?}"
            );
        }
        assert!(peak < 512 * 1024, "{kind}: peak RSS {peak} KiB");
    }
    let mut client = brief::proto::v1::summarizer_client::SummarizerClient::new(channel);
    client
        .summarize(seed_request())
        .await
        .expect("an ordinary call after the load");
    // The blocking pool's threads exit 2 s after their last task, returning their memory.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let (rss, peak) = (
        proc_status_kib(child.id(), "VmRSS:"),
        proc_status_kib(child.id(), "VmHWM:"),
    );
    eprintln!("after the load: RSS {rss} KiB (peak {peak} KiB)");
    assert!(
        rss < peak / 2,
        "memory is returned after the load: RSS {rss} KiB, peak {peak} KiB"
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// Sends `signal` to `child` and returns how long it took to exit, asserting status 0.
fn signal_and_time_exit(child: &mut std::process::Child, signal: &str) -> Duration {
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("kill");
    assert!(sent.success());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "exit status {status:?}");
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no exit after {signal}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test]
async fn a_signal_during_long_work_exits_within_the_drain_time() {
    for signal in ["TERM", "HUP"] {
        // No shutdown delay: this measures the drain's bound.
        let (mut child, addr) =
            spawn_brief(&["--drain-seconds", "1", "--shutdown-delay-seconds", "0"]);
        let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
            .expect("URI")
            .connect()
            .await
            .expect("connect");
        let mut client = brief::proto::v1::summarizer_client::SummarizerClient::new(channel);
        client
            .summarize(seed_request())
            .await
            .expect("the server is up");
        // Two callers that keep the server busy with the largest articles, so that work is
        // running on the blocking pool whenever the signal comes.
        let mut load = Vec::new();
        for kind in ["tiny-sentences", "cjk"] {
            let mut client = client.clone();
            let (content, format) = hostile(kind, (4 << 20) - 4096);
            load.push(tokio::spawn(async move {
                loop {
                    let request = pb::SummarizeRequest {
                        document: Some(pb::Document {
                            content: content.clone(),
                            format: format as i32,
                            ..Default::default()
                        }),
                        ..Default::default()
                    };
                    if let Err(s) = client.summarize(request).await
                        && s.code() != Code::ResourceExhausted
                    {
                        break;
                    }
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let took = signal_and_time_exit(&mut child, signal);
        eprintln!("SIG{signal}: exited {took:?} after the signal (drain 1 s)");
        assert!(
            took < Duration::from_millis(2500),
            "SIG{signal}: exited {took:?} after the signal, drain 1 s"
        );
        for task in load {
            let _ = task.await;
        }
    }
}

/// CPU time `pid` has used (user and system), from `/proc/PID/stat`.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("proc stat");
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').expect("stat format").1;
    let fields: Vec<u64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .map(|f| f.parse().expect("ticks"))
        .collect();
    // Linux reports clock ticks of 1/100 s.
    Duration::from_millis((fields[0] + fields[1]) * 10)
}

#[tokio::test]
async fn work_stops_soon_after_its_deadline() {
    let (mut child, addr) = spawn_brief(&["--max-in-flight", "2"]);
    let mut send = raw_h2(addr).await;
    let mut calls = Vec::new();
    for kind in ["tiny-sentences", "cjk", "unclosed-a", "ampersands"] {
        for _ in 0..2 {
            let (content, format) = hostile(kind, 1 << 20);
            let request = pb::ExtractRequest {
                document: Some(pb::Document {
                    content,
                    format: format as i32,
                    ..Default::default()
                }),
                ..Default::default()
            };
            send = send.ready().await.expect("ready");
            let head = call_head(
                addr,
                "/brief.v1.Summarizer/Extract",
                &[("grpc-timeout", "300m")],
            );
            let (response, mut stream) = send.send_request(head, false).expect("head");
            stream.send_data(framed(&request), true).expect("body");
            calls.push(tokio::spawn(async move {
                let _stream = stream;
                status_of(response).await
            }));
        }
    }
    for call in calls {
        let (code, message) = call.await.expect("call");
        // A page of nothing but tags may be answered before its deadline: it has no text.
        let no_text = code == Code::InvalidArgument && message.contains("no%20visible%20text");
        assert!(
            no_text
                || matches!(
                    code,
                    // CANCELLED is tonic's own deadline timer, outside brief's layers, when a
                    // loaded machine lets it fire first.
                    Code::Ok | Code::DeadlineExceeded | Code::ResourceExhausted | Code::Cancelled
                ),
            "{code:?} {message}"
        );
    }
    // Within about 50 ms of its deadline each request's work has stopped: the server is idle.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = cpu_time(child.id());
    tokio::time::sleep(Duration::from_secs(1)).await;
    let used = cpu_time(child.id()) - before;
    eprintln!("{used:?} of CPU in the second after the deadlines");
    assert!(
        used < Duration::from_millis(200),
        "{used:?} of CPU in the second after the deadlines"
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[tokio::test]
async fn more_idle_connections_than_descriptors_leave_the_server_up_and_quiet() {
    // 300 connections against 256 descriptors: the cap is lowered to 192 and the idlest
    // connection makes room for each new one.
    let (mut child, addr) = spawn_brief_with_fd_limit(&[], Some(256));
    let mut idle = Vec::new();
    for i in 0..300 {
        let mut tcp = TcpStream::connect(addr).await.expect("connect");
        if i % 2 == 0 {
            let _ = tcp.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").await;
        }
        idle.push(tcp);
    }
    let before = cpu_time(child.id());
    let calls = async {
        let mut client = brief::proto::v1::summarizer_client::SummarizerClient::connect(format!(
            "http://{addr}"
        ))
        .await
        .expect("a new caller gets in at the cap");
        client
            .summarize(seed_request())
            .await
            .expect("Summarize under the attack");
        let channel = tonic::transport::Channel::from_shared(format!("http://{addr}"))
            .expect("URI")
            .connect()
            .await
            .expect("connect");
        let mut health = HealthClient::new(channel);
        health
            .check(HealthCheckRequest::default())
            .await
            .expect("health under the attack");
    };
    tokio::time::timeout(Duration::from_secs(10), calls)
        .await
        .expect("ordinary calls answered within 10 s under the attack");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let used = cpu_time(child.id()) - before;
    eprintln!("{used:?} of CPU while 300 idle connections wait");
    assert!(
        used < Duration::from_millis(500),
        "{used:?} of CPU while idle connections wait"
    );
    drop(idle);
    let _ = child.kill();
    let _ = child.wait();
}
