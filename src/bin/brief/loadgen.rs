//! `brief loadgen`: drives a brief server with real articles at several levels of concurrency and
//! reports requests/s and latency, beside the same figures for two trivial RPCs measured in the
//! same run, the ceilings gRPC itself allows on this machine:
//!
//! - `health`: `grpc.health.v1.Health/Check`, a tiny request and response;
//! - `trivial`: `Summarize` with the same articles but an invalid `order`, which the server
//!   decodes and refuses at once (INVALID_ARGUMENT): the same request payload as `summarize`,
//!   without the summarizing.
//!
//! Without `--addr` it starts `brief serve` on an ephemeral loopback port as a child process (so
//! the server's memory and CPU time can be read from /proc) and stops it at the end.
//!
//! Each level also reports the CPU time the server and this client spent per answered request
//! (Linux only; the server's only when it was started here). The client shares the machine's
//! cores, so these two figures say where a level's time went: the ratio of two RPCs' requests/s is
//! the inverse ratio of their total CPU per request when the cores are saturated.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio_stream::StreamExt;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

use brief::proto::v1 as pb;
use brief::proto::v1::summarizer_client::SummarizerClient;

/// An `order` the contract does not define: the server refuses the request right after decoding.
const REFUSED_ORDER: i32 = 99;

/// Settings of a load run.
#[derive(Debug, Clone)]
pub struct LoadSettings {
    /// The server's address, or `None` to start one.
    pub addr: Option<String>,
    /// JSON-lines files with an "article" field.
    pub data: Vec<PathBuf>,
    /// Requests in flight for each level.
    pub concurrency: Vec<usize>,
    /// How long each level runs.
    pub duration: Duration,
    /// Instead of timed levels: send this many Summarize requests at the first concurrency level
    /// and report the server's memory before and after.
    pub total: Option<u64>,
    /// Instead of timed levels: send this many articles through one `SummarizeStream` and report
    /// the server's memory before and after.
    pub stream: Option<u64>,
}

/// What can stop a load run.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No articles to send.
    #[error("no articles in {0:?}")]
    NoData(Vec<PathBuf>),
    /// A data file could not be read.
    #[error("cannot read {path}: {reason}")]
    Data {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The server could not be started or reached.
    #[error("server: {0}")]
    Server(String),
}

/// The result of one level.
#[derive(Debug, Clone)]
pub struct Level {
    /// `summarize`, `trivial` or `health`.
    pub rpc: &'static str,
    /// Requests in flight.
    pub concurrency: usize,
    /// Requests answered successfully.
    pub answered: u64,
    /// Requests answered successfully per second.
    pub rps: f64,
    /// Median latency of the answered requests, in milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency of the answered requests, in milliseconds.
    pub p99_ms: f64,
    /// Requests that failed or were refused (shed).
    pub errors: u64,
}

/// A server child process, stopped on drop.
struct ServerProcess(Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the load and prints a report.
pub async fn run(settings: &LoadSettings) -> Result<(), LoadError> {
    let articles = Arc::new(read_articles(&settings.data)?);
    let (server, addr) = match &settings.addr {
        Some(a) => (None, a.clone()),
        None => {
            let (child, addr) = start_server()?;
            (Some(child), addr)
        }
    };
    let pid = server.as_ref().map(|s| s.0.id());
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .map_err(|e| LoadError::Server(e.to_string()))?
        .connect()
        .await
        .map_err(|e| LoadError::Server(format!("cannot connect to {addr}: {e}")))?;
    let mean = articles.iter().map(String::len).sum::<usize>() / articles.len().max(1);
    println!(
        "server {addr}; {} articles, mean {mean} bytes",
        articles.len()
    );

    if let Some(items) = settings.stream {
        return run_stream(channel, items, articles, pid).await;
    }
    if let Some(total) = settings.total {
        let c = settings.concurrency.first().copied().unwrap_or(64);
        run_total(channel, c, total, articles, pid).await;
        return Ok(());
    }
    run_levels(settings, channel, articles, pid).await;
    Ok(())
}

/// `--stream`: one SummarizeStream of `items` articles, its rate and the server's memory.
async fn run_stream(
    channel: Channel,
    items: u64,
    articles: Arc<Vec<String>>,
    pid: Option<u32>,
) -> Result<(), LoadError> {
    let before = pid.and_then(memory_kib);
    let start = Instant::now();
    let (answered, errors) = stream(channel, items, articles).await?;
    let after = pid.and_then(memory_kib);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "one SummarizeStream of {items} articles in {seconds:.1} s: {:.0} results/s, {answered} briefs in order, {errors} item errors",
        answered as f64 / seconds.max(f64::MIN_POSITIVE),
    );
    if let (Some((rss0, _)), Some((rss1, peak))) = (before, after) {
        println!("server RSS before {rss0} KiB, after {rss1} KiB, peak {peak} KiB");
    }
    Ok(())
}

/// `--total`: that many Summarize requests at `c` in flight, and the server's memory.
async fn run_total(
    channel: Channel,
    c: usize,
    total: u64,
    articles: Arc<Vec<String>>,
    pid: Option<u32>,
) {
    let before = pid.and_then(memory_kib);
    let start = Instant::now();
    let level = drive(
        "summarize",
        channel.clone(),
        c,
        Stop::After(total),
        articles.clone(),
    )
    .await;
    let after = pid.and_then(memory_kib);
    println!(
        "{total} Summarize requests at {c} in flight in {:.1} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, {} errors",
        start.elapsed().as_secs_f64(),
        level.rps,
        level.p50_ms,
        level.p99_ms,
        level.errors
    );
    if let (Some((rss0, _)), Some((rss1, peak))) = (before, after) {
        println!(
            "server RSS before {} KiB, after {} KiB, peak {} KiB",
            rss0, rss1, peak
        );
    }
}

/// Timed levels: each concurrency in turn, the health check, the trivial RPC and Summarize.
async fn run_levels(
    settings: &LoadSettings,
    channel: Channel,
    articles: Arc<Vec<String>>,
    pid: Option<u32>,
) {
    println!(
        "{:<10} {:>9} {:>12} {:>9} {:>9} {:>7} {:>15} {:>15}",
        "rpc",
        "in-flight",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "server cpu µs",
        "client cpu µs"
    );
    let client = std::process::id();
    for &c in &settings.concurrency {
        let mut pair = Vec::new();
        for rpc in ["health", "trivial", "summarize"] {
            let before = (pid.and_then(cpu_seconds), cpu_seconds(client));
            let level = drive(
                rpc,
                channel.clone(),
                c,
                Stop::At(settings.duration),
                articles.clone(),
            )
            .await;
            let after = (pid.and_then(cpu_seconds), cpu_seconds(client));
            let per_request = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) if level.answered > 0 => {
                    format!("{:.1}", (b - a) * 1e6 / level.answered as f64)
                }
                _ => "-".to_owned(),
            };
            println!(
                "{:<10} {:>9} {:>12.0} {:>9.2} {:>9.2} {:>7} {:>15} {:>15}",
                level.rpc,
                level.concurrency,
                level.rps,
                level.p50_ms,
                level.p99_ms,
                level.errors,
                per_request(before.0, after.0),
                per_request(before.1, after.1)
            );
            pair.push(level);
        }
        let ratio = |a: &Level, b: &Level| a.rps / b.rps.max(f64::MIN_POSITIVE);
        println!(
            "at {c} in flight, summarize/trivial = {:.2}, summarize/health = {:.2}",
            ratio(&pair[2], &pair[1]),
            ratio(&pair[2], &pair[0])
        );
        if let Some((rss, peak)) = pid.and_then(memory_kib) {
            println!("server RSS {rss} KiB, peak {peak} KiB");
        }
    }
}

/// Sends `items` articles (cycling through `articles`) through one `SummarizeStream`, made lazily
/// so that the client holds only what flow control lets through, and checks that the results come
/// back in order. Returns the briefs received and the item errors.
async fn stream(
    channel: Channel,
    items: u64,
    articles: Arc<Vec<String>>,
) -> Result<(u64, u64), LoadError> {
    let mut client = SummarizerClient::new(channel).max_decoding_message_size(64 << 20);
    let requests = tokio_stream::iter(0..items).map(move |i| pb::SummarizeStreamRequest {
        document: Some(pb::Document {
            id: i.to_string(),
            content: articles[(i % articles.len() as u64) as usize].clone(),
            ..Default::default()
        }),
        ..Default::default()
    });
    let mut results = client
        .summarize_stream(requests)
        .await
        .map_err(|e| LoadError::Server(format!("SummarizeStream: {e}")))?
        .into_inner();
    let (mut answered, mut errors, mut expected) = (0u64, 0u64, 0u64);
    while let Some(result) = results
        .message()
        .await
        .map_err(|e| LoadError::Server(format!("SummarizeStream ended early: {e}")))?
    {
        if result.sequence != expected || result.id != expected.to_string() {
            return Err(LoadError::Server(format!(
                "result {} (id {:?}) out of order: expected {expected}",
                result.sequence, result.id
            )));
        }
        expected += 1;
        match result.result {
            Some(pb::summarize_stream_response::Result::Response(_)) => answered += 1,
            _ => errors += 1,
        }
    }
    Ok((answered, errors))
}

/// When a level ends.
#[derive(Debug, Clone, Copy)]
enum Stop {
    At(Duration),
    After(u64),
}

/// Sends `rpc` requests from `concurrency` tasks until `stop`, and measures them.
async fn drive(
    rpc: &'static str,
    channel: Channel,
    concurrency: usize,
    stop: Stop,
    articles: Arc<Vec<String>>,
) -> Level {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        let (channel, next, articles) = (channel.clone(), next.clone(), articles.clone());
        tasks.push(tokio::spawn(async move {
            let mut summarizer = SummarizerClient::new(channel.clone());
            let mut health = HealthClient::new(channel);
            let mut latencies: Vec<u32> = Vec::new();
            let mut errors = 0u64;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let done = match stop {
                    Stop::At(d) => start.elapsed() >= d,
                    Stop::After(n) => i as u64 >= n,
                };
                if done {
                    break;
                }
                let t = Instant::now();
                let ok = if rpc == "health" {
                    health
                        .check(HealthCheckRequest {
                            service: String::new(),
                        })
                        .await
                        .is_ok()
                } else {
                    let content = articles[i % articles.len()].clone();
                    let trivial = rpc == "trivial";
                    let req = pb::SummarizeRequest {
                        document: Some(pb::Document {
                            content,
                            ..Default::default()
                        }),
                        order: if trivial { REFUSED_ORDER } else { 0 },
                        ..Default::default()
                    };
                    match summarizer.summarize(req).await {
                        Ok(_) => !trivial,
                        Err(status) => trivial && status.code() == tonic::Code::InvalidArgument,
                    }
                };
                // Latency and throughput count answered requests; refusals (shed load) are
                // counted apart.
                if ok {
                    latencies.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                } else {
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            all.extend(l);
            errors += e;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map_or(0.0, |&us| f64::from(us) / 1e3)
    };
    Level {
        rpc,
        concurrency,
        answered: all.len() as u64,
        rps: all.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        errors,
    }
}

/// Starts `brief serve` on an ephemeral loopback port and returns it with its address.
fn start_server() -> Result<(ServerProcess, String), LoadError> {
    let exe = std::env::current_exe().map_err(|e| LoadError::Server(e.to_string()))?;
    let mut child = Command::new(exe)
        .args(["serve", "--listen", "127.0.0.1:0", "--log-format", "json"])
        // The listening line, but no line per request: logging would be part of what is measured.
        .env("RUST_LOG", "info,brief::server::middleware=warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| LoadError::Server(format!("cannot start brief serve: {e}")))?;
    let stderr = child
        .stderr
        .take()
        .ok_or_else(|| LoadError::Server("no stderr".into()))?;
    let server = ServerProcess(child);
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines
            .next()
            .ok_or_else(|| LoadError::Server("the server exited before listening".into()))?
            .map_err(|e| LoadError::Server(e.to_string()))?;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line)
            && let Some(addr) = v["fields"]["addr"].as_str()
        {
            break addr.to_owned();
        }
    };
    // Keep draining the server's log so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Ok((server, addr))
}

/// The CPU time process `pid` has used so far, user and system, all threads, in seconds (Linux
/// only).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // In clock ticks of USER_HZ, which Linux fixes at 100 for user space on x86 and Arm.
    cpu_ticks(&stat).map(|ticks| ticks as f64 / 100.0)
}

/// utime + stime from the text of a `/proc/PID/stat` file.
fn cpu_ticks(stat: &str) -> Option<u64> {
    // The fields after the command name, which is in parentheses and may contain spaces and
    // parentheses itself: utime and stime are fields 14 and 15 of proc(5), the 12th and 13th here.
    let mut fields = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

/// The resident memory of process `pid`, now and at its peak, in KiB (Linux only).
fn memory_kib(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Reads the "article" field of every line of `files`.
fn read_articles(files: &[PathBuf]) -> Result<Vec<String>, LoadError> {
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| LoadError::Data {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).map_err(|e| LoadError::Data {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            if let Some(a) = v["article"].as_str() {
                out.push(a.to_owned());
            }
        }
    }
    if out.is_empty() {
        return Err(LoadError::NoData(files.to_vec()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_ticks_are_utime_plus_stime_after_the_command_name() {
        let stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 99";
        assert_eq!(cpu_ticks(stat), Some(300));
        assert_eq!(cpu_ticks("4242 (brief) S 1 2"), None);
        // This process has a stat file, and has run.
        assert!(cpu_seconds(std::process::id()).is_some_and(|s| s >= 0.0));
    }
}
