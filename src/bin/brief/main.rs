//! The `brief` binary: reads the configuration, sets up logging, and runs a command.

use std::io::IsTerminal;
use std::process::ExitCode;

mod cli;
mod config;
mod eval;
mod loadgen;
mod otel;

use brief::server;
use brief_core::Weights;
use clap::Parser;
use config::{Cli, Command, LogFormat};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::Layer as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// mimalloc instead of the system allocator: a request allocates and frees a few dozen small
/// buffers (the article, its sentences and terms, the response), and glibc's malloc spent about
/// a twentieth of the server's time on them under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Cli::parse();
    let otlp_endpoint = match &args.command {
        None => args.serve.otlp_endpoint.clone(),
        Some(Command::Serve(a)) => a.otlp_endpoint.clone(),
        Some(_) => None,
    };
    let otel = match otlp_endpoint.as_deref().map(otel::Otel::start).transpose() {
        Ok(otel) => otel,
        Err(e) => {
            eprintln!("brief: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (otel, tracer) = otel.unzip();
    init_tracing(args.log_format, tracer);
    let weights = Weights::default();
    let result = match args.command {
        None => serve(args.serve),
        Some(Command::Serve(serve_args)) => serve(serve_args),
        Some(Command::Summarize(a)) => cli::summarize(&a, &weights).map_err(|e| e.to_string()),
        Some(Command::Extract(a)) => cli::extract(&a, &weights).map_err(|e| e.to_string()),
        Some(Command::Eval(a)) => cli::eval(&a).map_err(|e| e.to_string()),
        Some(Command::Loadgen(a)) => loadgen(a),
        Some(Command::Health(a)) => health(a),
    };
    // Flushes the spans still buffered, before the exit.
    drop(otel);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How long, after the drain, the process waits for summaries still running on the blocking
/// pool: they stop at their next cancellation check, well within this.
const EXIT_GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// How long a blocking-pool thread waits for work before it exits.
const BLOCKING_KEEP_ALIVE: std::time::Duration = std::time::Duration::from_secs(2);

/// Runs the server until SIGINT, SIGTERM or SIGHUP.
fn serve(flags: config::ServeArgs) -> Result<(), String> {
    let ready_file = flags.ready_file.clone();
    let settings = server::Settings::from(flags);
    if let Some(limit) = brief::server::connections::raise_fd_limit() {
        tracing::debug!(open_file_limit = limit, "raised the open-file limit");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Large articles are summarized on the blocking pool, and the allocator gives a thread's
        // freed memory back to the system when the thread exits: idle threads leave after 2 s
        // (tokio's default is 10 s), so that memory is returned soon after a burst.
        .thread_keep_alive(BLOCKING_KEEP_ALIVE)
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    let result = runtime.block_on(async {
        let shutdown = server::shutdown_signal();
        let listener = server::bind(&settings).await.map_err(|e| e.to_string())?;
        let addr = listener
            .local_addr()
            .map_err(|source| server::ServerError::Bind { addr: settings.listen, source }.to_string())?;
        // Ready once the word lists are built (serve_on would build them otherwise).
        brief_core::warm_up();
        announce(addr, ready_file.as_deref()).map_err(|e| format!("cannot announce the address {addr}: {e}"))?;
        tracing::info!(%addr, max_message_bytes = settings.max_message_bytes, version = env!("CARGO_PKG_VERSION"), "brief listening");
        server::serve(listener, &settings, shutdown).await.map_err(|e| e.to_string())
    });
    // Dropping the runtime would wait for every blocking task; the exit must not.
    runtime.shutdown_timeout(EXIT_GRACE);
    result
}

/// Tells a test harness where the server listens, whatever the log level: one JSON line on
/// standard output, and `HOST:PORT` in `ready_file` when given, written first (to a temporary
/// file, renamed, so that a harness polling for the file never reads half of it).
fn announce(
    addr: std::net::SocketAddr,
    ready_file: Option<&std::path::Path>,
) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(path) = ready_file {
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        std::fs::write(&partial, format!("{addr}\n"))?;
        std::fs::rename(&partial, path)?;
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{{\"listening\":\"{addr}\"}}")?;
    out.flush()?;
    Ok(())
}

/// Checks a server's health.
fn health(a: crate::config::HealthArgs) -> Result<(), String> {
    use tonic_health::pb::{
        HealthCheckRequest, health_check_response::ServingStatus, health_client::HealthClient,
    };
    let endpoint = health_endpoint(&a)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let uri = endpoint.uri().to_string();
        let check = async {
            let channel = endpoint.connect().await.map_err(|e| {
                let hint = if uri.starts_with("http://") {
                    " (if the server was started with --tls-cert, use https:// and --ca-file)"
                } else {
                    ""
                };
                format!("cannot connect to {uri}: {}{hint}", error_chain(&e))
            })?;
            let resp = HealthClient::new(channel)
                .check(HealthCheckRequest {
                    service: a.service.clone(),
                })
                .await
                .map_err(|e| {
                    // A TLS server answers a plaintext HTTP/2 preface with garbage, which the
                    // client reports as one of these, depending on timing.
                    let transport = matches!(
                        e.code(),
                        tonic::Code::Unknown | tonic::Code::Internal | tonic::Code::Unavailable
                    );
                    let hint = if uri.starts_with("http://") && transport {
                        " (a TLS server answers plaintext this way: use https:// and --ca-file)"
                    } else {
                        ""
                    };
                    format!("health check failed: {}{hint}", e.message())
                })?;
            match ServingStatus::try_from(resp.into_inner().status) {
                Ok(ServingStatus::Serving) => Ok(()),
                Ok(other) => Err(format!("{:?} is {}", a.service, other.as_str_name())),
                Err(_) => Err("unknown serving status".to_owned()),
            }
        };
        tokio::time::timeout(std::time::Duration::from_secs(a.timeout_seconds), check)
            .await
            .map_err(|_| format!("no answer from {uri} within {} s", a.timeout_seconds))?
    })
}

/// The endpoint `brief health` probes: `a.addr` with a scheme (`http://` unless TLS is asked
/// for), and TLS verified against `a.ca_file` (else the public web roots) for `a.server_name`.
fn health_endpoint(a: &crate::config::HealthArgs) -> Result<tonic::transport::Endpoint, String> {
    use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};
    let wants_tls = a.ca_file.is_some() || a.server_name.is_some();
    let addr = if a.addr.contains("://") {
        a.addr.clone()
    } else if wants_tls {
        format!("https://{}", a.addr)
    } else {
        format!("http://{}", a.addr)
    };
    if wants_tls && addr.starts_with("http://") {
        return Err(format!(
            "--ca-file and --server-name are for TLS: use https:// in --addr, not {addr}"
        ));
    }
    let endpoint = Endpoint::from_shared(addr.clone()).map_err(|e| {
        format!("invalid address {addr}: {e} (expected HOST:PORT or https://HOST:PORT)")
    })?;
    if !addr.starts_with("https://") {
        return Ok(endpoint);
    }
    let mut tls = ClientTlsConfig::new();
    tls = match &a.ca_file {
        Some(path) => {
            let pem = std::fs::read(path)
                .map_err(|e| format!("cannot read --ca-file {}: {e}", path.display()))?;
            tls.ca_certificate(Certificate::from_pem(pem))
        }
        None => tls.with_webpki_roots(),
    };
    if let Some(name) = &a.server_name {
        tls = tls.domain_name(name.clone());
    }
    endpoint
        .tls_config(tls)
        .map_err(|e| format!("TLS settings: {}", error_chain(&e)))
}

/// `e` and its sources, each after a colon: tonic's transport errors say only "transport error"
/// at the top.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Runs the load generator.
fn loadgen(a: crate::config::LoadgenArgs) -> Result<(), String> {
    let settings = crate::loadgen::LoadSettings {
        addr: a.addr,
        data: a.data,
        concurrency: a.concurrency,
        duration: std::time::Duration::from_secs(a.seconds),
        total: a.total,
        stream: a.stream,
    };
    let runtime = match a.client_threads {
        1 => tokio::runtime::Builder::new_current_thread(),
        n => {
            let mut b = tokio::runtime::Builder::new_multi_thread();
            b.worker_threads(usize::from(n));
            b
        }
    }
    .enable_all()
    .build()
    .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime
        .block_on(crate::loadgen::run(&settings))
        .map_err(|e| e.to_string())
}

/// Logs to standard error, human-readable or JSON, filtered by `RUST_LOG` (default `info`).
///
/// Text is coloured only on a terminal (and not when `NO_COLOR` is set): a log file, a pipe or
/// journald would otherwise get the escape codes. With `tracer`, spans also go to OpenTelemetry
/// (see [`otel`]).
fn init_tracing(format: LogFormat, tracer: Option<opentelemetry_sdk::trace::Tracer>) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // The request spans are exported whatever `RUST_LOG` lets through to the log.
    let spans = tracer.map(|t| {
        tracing_opentelemetry::layer()
            .with_tracer(t)
            .with_filter(tracing_subscriber::filter::LevelFilter::INFO)
    });
    let lines = tracing_subscriber::fmt::layer()
        .with_ansi(colour)
        .with_writer(std::io::stderr);
    let registry = tracing_subscriber::registry().with(spans);
    match format {
        LogFormat::Text => registry.with(lines.with_filter(filter)).init(),
        LogFormat::Json => registry
            .with(
                lines
                    .json()
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_filter(filter),
            )
            .init(),
    }
}
