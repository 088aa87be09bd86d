//! A real brief server on an ephemeral loopback port, and clients for it.
#![allow(dead_code)]

use std::net::SocketAddr;

use brief::proto::v1::summarizer_client::SummarizerClient;
use brief::server::Settings;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::transport::Channel;

/// The seed article of the project.
pub const SEED_ARTICLE: &str = include_str!("../data/seed_article.txt");

/// A server running in the test's runtime; dropped or [`TestServer::stop`]ped at the end.
pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server with default settings on 127.0.0.1:0.
    pub async fn start() -> Self {
        Self::start_with(Settings::default()).await
    }

    /// Starts a server with `settings` (its listen address is replaced by 127.0.0.1:0).
    pub async fn start_with(settings: Settings) -> Self {
        Self::start_on(settings, None).await
    }

    /// Starts a server that also serves metrics on an ephemeral port, and returns that port's
    /// address too.
    pub async fn start_with_metrics() -> (Self, std::net::SocketAddr) {
        let metrics = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind an ephemeral port");
        let addr = metrics.local_addr().expect("local address");
        (
            Self::start_on(Settings::default(), Some(metrics)).await,
            addr,
        )
    }

    async fn start_on(settings: Settings, metrics: Option<TcpListener>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind an ephemeral port");
        let addr = listener.local_addr().expect("local address");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            // Stopped as by Ctrl-C: no shutdown delay (tests/binary.rs covers it).
            brief::server::serve_on(listener, metrics, &settings, async {
                let _ = rx.await;
                brief::server::Stop::Interrupt
            })
            .await
            .expect("server runs");
        });
        Self {
            addr,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    /// A channel to the server.
    pub async fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.addr))
            .expect("valid URI")
            .connect()
            .await
            .expect("connect to the test server")
    }

    /// A Summarizer client.
    pub async fn client(&self) -> SummarizerClient<Channel> {
        SummarizerClient::new(self.channel().await).max_decoding_message_size(64 * 1024 * 1024)
    }

    /// Signals shutdown and waits for the server to stop.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await.expect("server task ends cleanly");
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Slices `text` by an offset and length counted in UTF-16 code units.
pub fn slice_utf16(text: &str, offset: u32, length: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[offset as usize..(offset + length) as usize])
        .expect("offsets on code point boundaries")
}

/// Slices `text` by an offset and length counted in code points.
pub fn slice_code_points(text: &str, offset: u32, length: u32) -> String {
    text.chars()
        .skip(offset as usize)
        .take(length as usize)
        .collect()
}

/// Slices `text` by an offset and length counted in UTF-8 bytes.
pub fn slice_utf8(text: &str, offset: u32, length: u32) -> String {
    text[offset as usize..(offset + length) as usize].to_owned()
}

/// Starts the `brief` binary as `brief serve --listen 127.0.0.1:0 ARGS...` with `RUST_LOG=warn`
/// (stderr inherited), and returns it with the address it announced: the `listening` field of
/// the JSON line it prints first on standard output once ready (the port-0 contract).
pub async fn spawn_announced(args: &[&str]) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn brief");
    let stdout = child.stdout.take().expect("stdout");
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).map(|_| line)
    })
    .await
    .expect("reader")
    .expect("a line on stdout");
    let v: serde_json::Value = serde_json::from_str(&line).expect("one JSON line");
    let addr = v["listening"]
        .as_str()
        .expect("a listening field")
        .to_owned();
    (child, addr)
}

/// Sends SIGTERM to `child`, as an orchestrator stops a server.
pub fn sigterm(child: &std::process::Child) {
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
}
