//! The settings of the `brief` binary, from command-line flags and `BRIEF_*` environment
//! variables (a flag wins over its variable).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

use brief::server::Settings;
use brief::server::settings::*;

/// brief: extractive summaries of news articles, served over gRPC.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Settings of `serve`, also accepted without the subcommand name.
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Log format.
    #[arg(long, global = true, env = "BRIEF_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the gRPC server (the default).
    Serve(ServeArgs),
    /// Print the brief of a plain-text article, or answer SummarizeRequests given as JSON lines.
    Summarize(SummarizeArgs),
    /// Print the analysis of a plain-text article, or answer ExtractRequests given as JSON lines.
    Extract(ExtractArgs),
    /// Score briefs with ROUGE against reference summaries, beside Lead-3.
    Eval(EvalArgs),
    /// Check a server's health (grpc.health.v1): exit 0 when it is SERVING, 1 otherwise. For
    /// container health checks.
    Health(HealthArgs),
    /// Drive a server with real articles and report requests/s and latency beside the health
    /// check's.
    Loadgen(LoadgenArgs),
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The flags of `serve`: [`Settings`] read from the command line and `BRIEF_*` variables.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "BRIEF_LISTEN", default_value_t = DEFAULT_LISTEN)]
    pub listen: SocketAddr,
    /// The largest request message accepted, in bytes (the article and its options, encoded).
    #[arg(long, env = "BRIEF_MAX_MESSAGE_BYTES", default_value_t = DEFAULT_MAX_MESSAGE_BYTES,
          value_parser = clap::value_parser!(u32).range(1024..).map(|v| v as usize))]
    pub max_message_bytes: usize,
    /// How long to wait, after SIGINT or SIGTERM, for requests in flight to finish, in seconds.
    #[arg(long, env = "BRIEF_DRAIN_SECONDS", default_value_t = DEFAULT_DRAIN_SECONDS)]
    pub drain_seconds: u64,
    /// After SIGTERM (or SIGHUP), how long to keep accepting and answering while health reports
    /// NOT_SERVING, in seconds, so that endpoints and load balancers catch up before the listener
    /// closes and the drain starts. Ctrl-C (SIGINT) does not wait.
    #[arg(long, env = "BRIEF_SHUTDOWN_DELAY_SECONDS", default_value_t = DEFAULT_SHUTDOWN_DELAY_SECONDS)]
    pub shutdown_delay_seconds: u64,
    /// The age at which a connection is sent GOAWAY so that its client reconnects (and spreads
    /// over new replicas), in seconds; 0 for never.
    #[arg(long, env = "BRIEF_MAX_CONNECTION_AGE_SECONDS", default_value_t = DEFAULT_MAX_CONNECTION_AGE_SECONDS)]
    pub max_connection_age_seconds: u64,
    /// The time an aged connection's calls get to finish before it is closed, in seconds.
    #[arg(long, env = "BRIEF_MAX_CONNECTION_AGE_GRACE_SECONDS", default_value_t = DEFAULT_MAX_CONNECTION_AGE_GRACE_SECONDS)]
    pub max_connection_age_grace_seconds: u64,
    /// The longest any request may run, in seconds; a shorter client deadline wins.
    #[arg(long, env = "BRIEF_REQUEST_TIMEOUT_SECONDS", default_value_t = DEFAULT_REQUEST_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout_seconds: u64,
    /// The most Summarize/Extract requests in flight at once; more are answered
    /// RESOURCE_EXHAUSTED at once.
    #[arg(long, env = "BRIEF_MAX_IN_FLIGHT", default_value_t = DEFAULT_MAX_IN_FLIGHT,
          value_parser = clap::value_parser!(u32).range(1..).map(|v| v as usize))]
    pub max_in_flight: usize,
    /// The memory budget of requests being received and summarized, in MiB. Each request is
    /// charged its size times the measured worst amplification of its format; over the budget it
    /// is answered RESOURCE_EXHAUSTED.
    #[arg(long, env = "BRIEF_MAX_MEMORY_MIB", default_value_t = DEFAULT_MAX_MEMORY_MIB,
          value_parser = clap::value_parser!(u32).range(16..).map(|v| v as usize))]
    pub max_memory_mib: usize,
    /// The time a request message has to arrive whole, in seconds (from the call's start, or a
    /// stream message's first byte); slower calls end DEADLINE_EXCEEDED.
    #[arg(long, env = "BRIEF_RECEIVE_TIMEOUT_SECONDS", default_value_t = DEFAULT_RECEIVE_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub receive_timeout_seconds: u64,
    /// The most connections open at once (lowered to the open-file limit minus 64); at the cap,
    /// the connection idle longest is closed to make room.
    #[arg(long, env = "BRIEF_MAX_CONNECTIONS", default_value_t = DEFAULT_MAX_CONNECTIONS,
          value_parser = clap::value_parser!(u32).range(1..).map(|v| v as usize))]
    pub max_connections: usize,
    /// The time a new connection has to start its first call, in seconds.
    #[arg(long, env = "BRIEF_FIRST_CALL_TIMEOUT_SECONDS", default_value_t = DEFAULT_FIRST_CALL_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub first_call_timeout_seconds: u64,
    /// The time a connection may stay open with no call, in seconds.
    #[arg(long, env = "BRIEF_IDLE_TIMEOUT_SECONDS", default_value_t = DEFAULT_IDLE_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_seconds: u64,
    /// The interval of HTTP/2 keepalive pings to each client, in seconds.
    #[arg(long, env = "BRIEF_KEEPALIVE_SECONDS", default_value_t = DEFAULT_KEEPALIVE_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub keepalive_seconds: u64,
    /// How long a keepalive ping may go unanswered before the connection is closed, in seconds.
    #[arg(long, env = "BRIEF_KEEPALIVE_TIMEOUT_SECONDS", default_value_t = DEFAULT_KEEPALIVE_TIMEOUT_SECONDS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub keepalive_timeout_seconds: u64,
    /// The most concurrent calls (HTTP/2 streams) per connection.
    #[arg(long, env = "BRIEF_MAX_CONCURRENT_STREAMS", default_value_t = DEFAULT_MAX_CONCURRENT_STREAMS,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrent_streams: u32,
    /// A file holding the bearer token every RPC but the health check must carry
    /// (`authorization: Bearer <token>`); no authentication when unset.
    #[arg(long, env = "BRIEF_AUTH_TOKEN_FILE")]
    pub auth_token_file: Option<PathBuf>,
    /// The server's TLS certificate chain (PEM); with --tls-key, serves TLS instead of plaintext.
    #[arg(long, env = "BRIEF_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// Serve Prometheus metrics at http://ADDR/metrics (off when unset).
    #[arg(long, env = "BRIEF_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,
    /// The TLS private key (PEM) for --tls-cert.
    #[arg(long, env = "BRIEF_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Once ready to serve, also write the bound address (`HOST:PORT` and a newline) to this
    /// file, for test harnesses that start the server with `--listen HOST:0`. (The address is
    /// always printed on standard output, as `{"listening":"HOST:PORT"}`.)
    #[arg(long, env = "BRIEF_READY_FILE")]
    pub ready_file: Option<PathBuf>,
    /// Export each request's span to this OpenTelemetry collector over OTLP/gRPC
    /// (`http://HOST:4317`), as a child of the caller's `traceparent`; off when unset.
    #[arg(long, env = "OTEL_EXPORTER_OTLP_ENDPOINT")]
    pub otlp_endpoint: Option<String>,
}

impl From<ServeArgs> for Settings {
    fn from(a: ServeArgs) -> Self {
        Self {
            listen: a.listen,
            max_message_bytes: a.max_message_bytes,
            drain_seconds: a.drain_seconds,
            shutdown_delay_seconds: a.shutdown_delay_seconds,
            max_connection_age_seconds: a.max_connection_age_seconds,
            max_connection_age_grace_seconds: a.max_connection_age_grace_seconds,
            request_timeout_seconds: a.request_timeout_seconds,
            max_in_flight: a.max_in_flight,
            max_memory_mib: a.max_memory_mib,
            receive_timeout_seconds: a.receive_timeout_seconds,
            max_connections: a.max_connections,
            first_call_timeout_seconds: a.first_call_timeout_seconds,
            idle_timeout_seconds: a.idle_timeout_seconds,
            keepalive_seconds: a.keepalive_seconds,
            keepalive_timeout_seconds: a.keepalive_timeout_seconds,
            max_concurrent_streams: a.max_concurrent_streams,
            auth_token_file: a.auth_token_file,
            tls_cert: a.tls_cert,
            metrics_listen: a.metrics_listen,
            tls_key: a.tls_key,
        }
    }
}

/// The order of a brief's sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrderArg {
    /// As they appear in the article.
    Reading,
    /// Best first.
    Rank,
}

/// The length budget of a brief; any combination, the tightest wins.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct LengthArgs {
    /// The most sentences (default 3 when no other limit is given).
    #[arg(long)]
    pub max_sentences: Option<u32>,
    /// The most sentences as a fraction of the article's, in (0, 1].
    #[arg(long)]
    pub ratio: Option<f64>,
    /// The most words.
    #[arg(long)]
    pub max_words: Option<u32>,
    /// The most characters.
    #[arg(long)]
    pub max_chars: Option<u32>,
}

/// Settings of `brief eval`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// The data set: JSON lines of {"id", "title", "article", "reference"} and optionally "lang"
    /// (non-English rows are scored with multilingual ROUGE). May be given more than once.
    #[arg(long, required = true)]
    pub data: Vec<PathBuf>,
    /// The length budget.
    #[command(flatten)]
    pub length: LengthArgs,
    /// Sentence order.
    #[arg(long, value_enum, default_value_t = OrderArg::Reading)]
    pub order: OrderArg,
    /// Ranking weights to change, as `name=value,...` (names as in Extract's features, plus
    /// `position_decay`); the others keep their defaults.
    #[arg(long, default_value = "")]
    pub weights: brief_core::rank::features::Weights,
    /// Evaluate every weight setting in FILE (one `name=value,...` per line) instead of
    /// `--weights`, printing one line per setting: each data file's R1 R2 RLsum, mean words and
    /// the standard error of the margin over Lead-3 (each article's mean of the three metrics'
    /// differences) and the share of brief's sentences not in Lead-3, then the setting.
    #[arg(long, conflicts_with = "weights")]
    pub grid: Option<PathBuf>,
    /// Evaluate only the first N articles of each file.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Also write brief's summaries to FILE, one JSON line `{"id", "summary"}` per article
    /// (sentences joined by "\n"; every data file's in turn), e.g. to score them with another
    /// ROUGE implementation.
    #[arg(long, value_name = "FILE", conflicts_with = "grid")]
    pub predictions: Option<PathBuf>,
    /// Evaluate Extract's keyphrases instead of briefs, on JSON lines of {"id", "title",
    /// "article", "keyphrases"}: F1@5 and F1@10 by the exact-match protocol of
    /// `../shared/eval/kp/score.py`. With `--predictions`, writes `{"id", "keyphrases"}` lines
    /// (best first), which that script scores.
    #[arg(long, conflicts_with = "grid")]
    pub keywords: bool,
}

/// Settings of `brief health`.
#[derive(Debug, Clone, Args)]
pub struct HealthArgs {
    /// The server's address: `HOST:PORT`, `http://HOST:PORT`, or `https://HOST:PORT` for a server
    /// started with --tls-cert (also implied by --ca-file or --server-name).
    #[arg(long, default_value = "127.0.0.1:50051")]
    pub addr: String,
    /// Verify a TLS server's certificate against this PEM file (its CA, or for a self-signed
    /// certificate the certificate itself) instead of the public web roots.
    #[arg(long, env = "BRIEF_HEALTH_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// The name the TLS server's certificate must carry, when it is not the address's host
    /// (probing 127.0.0.1 inside a pod whose certificate names brief.example.com).
    #[arg(long, env = "BRIEF_HEALTH_SERVER_NAME")]
    pub server_name: Option<String>,
    /// The service to check; "" for the whole server.
    #[arg(long, default_value = "brief.v1.Summarizer")]
    pub service: String,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 3)]
    pub timeout_seconds: u64,
}

/// Settings of `brief loadgen`.
#[derive(Debug, Clone, Args)]
pub struct LoadgenArgs {
    /// The server to drive; by default one is started on an ephemeral loopback port.
    #[arg(long)]
    pub addr: Option<String>,
    /// Articles to send: JSON lines with an "article" field. May be given more than once.
    #[arg(long, default_value = "tests/data/eval_slice_cnndm.jsonl")]
    pub data: Vec<PathBuf>,
    /// Requests in flight, one level after another.
    #[arg(long, value_delimiter = ',', default_value = "1,16,64")]
    pub concurrency: Vec<usize>,
    /// Seconds each level runs.
    #[arg(long, default_value_t = 5)]
    pub seconds: u64,
    /// Instead of timed levels, send this many Summarize requests (at the first concurrency) and
    /// report the server's memory before and after.
    #[arg(long)]
    pub total: Option<u64>,
    /// Instead of timed levels, send this many articles through one SummarizeStream and report
    /// its rate and the server's memory before and after (flow control keeps it bounded).
    #[arg(long)]
    pub stream: Option<u64>,
    /// Threads of the client's runtime. One, as h2load's default, leaves the most of a small
    /// machine's cores to the server it shares them with (README.md, Speed, has the figures).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub client_threads: u16,
}

/// Settings of `brief summarize`.
#[derive(Debug, Clone, Args)]
pub struct SummarizeArgs {
    /// The article: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Read one SummarizeRequest per line in protobuf's JSON mapping, write one SummarizeResponse
    /// per line.
    #[arg(long)]
    pub jsonl: bool,
    /// The length budget.
    #[command(flatten)]
    pub length: LengthArgs,
    /// Sentence order.
    #[arg(long, value_enum, default_value_t = OrderArg::Reading)]
    pub order: OrderArg,
    /// The article's title, format and language.
    #[command(flatten)]
    pub document: DocumentArgs,
    /// A focus query.
    #[arg(long, default_value = "")]
    pub query: String,
}

/// What `brief summarize` and `brief extract` are told about the article.
#[derive(Debug, Clone, Args)]
pub struct DocumentArgs {
    /// The article's title (default: a headline line at the top of the article, or an HTML
    /// page's title).
    #[arg(long, default_value = "")]
    pub title: String,
    /// The input is an HTML page (decoded by its <meta charset>): its main text is summarized.
    #[arg(long)]
    pub html: bool,
    /// The article's language as a BCP-47 tag (default: detected).
    #[arg(long, default_value = "")]
    pub language: String,
}

/// Settings of `brief extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// The article: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    /// Read one ExtractRequest per line in protobuf's JSON mapping, write one ExtractResponse per
    /// line.
    #[arg(long)]
    pub jsonl: bool,
    /// The most keywords to list.
    #[arg(long, default_value_t = 10)]
    pub max_keywords: u32,
    /// The article's title, format and language.
    #[command(flatten)]
    pub document: DocumentArgs,
    /// A focus query.
    #[arg(long, default_value = "")]
    pub query: String,
}
