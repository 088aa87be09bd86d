//! The gRPC server: the `Summarizer` beside health and reflection, behind the tower layers, with
//! graceful shutdown.
//!
//! [`settings`] says what it is told; [`connections`] accepts connections within limits; the
//! tower layers of [`middleware`] each handle one concern of a call;
//! [`crate::metrics`] is served beside it when asked.

pub mod connections;
pub mod middleware;
pub mod settings;

pub use settings::{DEFAULT_MAX_CONCURRENT_STREAMS, Settings};

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use std::time::Duration;

use tokio::net::TcpListener;
use tonic::codec::CompressionEncoding;
use tonic::transport::{Identity, Server, ServerTlsConfig};
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

use crate::metrics::Metrics;
use crate::proto::FILE_DESCRIPTOR_SET;
use crate::proto::v1::summarizer_server::SummarizerServer;
use crate::server::middleware::{
    ActivityLayer, AuthLayer, DeadlineLayer, HoldLayer, IntakeLayer, MessageLimitLayer,
    MetricsLayer, RequestLogLayer,
};
use crate::service::SummarizerService;
use crate::service::admission::Admission;
use connections::{ConnectionLimits, Incoming};

/// The fully qualified name of the summarizer service, as health checks name it.
pub const SERVICE_NAME: &str = "brief.v1.Summarizer";

/// What can stop the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The reflection service could not be built from the descriptors.
    #[error("cannot build the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// A file named in the settings could not be used.
    #[error("{what} {path}: {reason}")]
    Setting {
        /// Which setting.
        what: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        reason: String,
    },
    /// The transport failed.
    #[error("server transport failed: {0}")]
    Transport(#[from] tonic::transport::Error),
}

/// Binds `settings.listen`.
pub async fn bind(settings: &Settings) -> Result<TcpListener, ServerError> {
    TcpListener::bind(settings.listen)
        .await
        .map_err(|source| ServerError::Bind {
            addr: settings.listen,
            source,
        })
}

/// How the server was asked to stop, which decides whether it serves on for
/// `settings.shutdown_delay_seconds` first (see [`serve_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// An orchestrator's or supervisor's stop (SIGTERM, SIGHUP; `()`): health turns NOT_SERVING
    /// and the server serves on for the shutdown delay, then drains.
    Graceful,
    /// A person's Ctrl-C (SIGINT): no delay, straight to the drain.
    Interrupt,
}

impl From<()> for Stop {
    fn from((): ()) -> Self {
        Stop::Graceful
    }
}

/// The encodings requests may come in and responses go out in (in the client's order of
/// preference among these): a request's inflated size is held to the message size limit.
const COMPRESSIONS: [CompressionEncoding; 3] = [
    CompressionEncoding::Gzip,
    CompressionEncoding::Zstd,
    CompressionEncoding::Deflate,
];

/// Serves on `listener` (and metrics on `settings.metrics_listen`, when set) until `shutdown`
/// completes, then drains; see [`serve_on`].
pub async fn serve(
    listener: TcpListener,
    settings: &Settings,
    shutdown: impl Future<Output = impl Into<Stop>> + Send,
) -> Result<(), ServerError> {
    let metrics_listener = match settings.metrics_listen {
        Some(addr) => Some(
            TcpListener::bind(addr)
                .await
                .map_err(|source| ServerError::Bind { addr, source })?,
        ),
        None => None,
    };
    serve_on(listener, metrics_listener, settings, shutdown).await
}

/// Serves gRPC on `listener` and, when given, Prometheus metrics on `metrics_listener`, until
/// `shutdown` completes, then drains.
///
/// On shutdown the health status of every service turns `NOT_SERVING` (so a load balancer stops
/// sending new work), the listener closes, and requests in flight get up to
/// `settings.drain_timeout()` to finish.
pub async fn serve_on(
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    settings: &Settings,
    shutdown: impl Future<Output = impl Into<Stop>> + Send,
) -> Result<(), ServerError> {
    let metrics = metrics_listener.map(spawn_metrics);
    let registry = metrics.as_ref().map(|(m, _)| m.clone());
    // Built now, not by the first request: the English lexicon, and the stemmers and stop-word
    // index of language detection.
    brief_core::warm_up();
    let (health, mut health_service) = tonic_health::server::health_reporter();
    // A client whose channel compresses every call compresses its health checks too.
    for encoding in COMPRESSIONS {
        health_service = health_service
            .accept_compressed(encoding)
            .send_compressed(encoding);
    }
    health
        .set_service_status(SERVICE_NAME, ServingStatus::Serving)
        .await;

    let reflection = || {
        tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            // google.rpc error details, so that grpcurl can show a BadRequest's field violations.
            .register_encoded_file_descriptor_set(tonic_types::pb::FILE_DESCRIPTOR_SET)
    };
    let reflection_v1 = reflection().build_v1()?;
    let reflection_v1alpha = reflection().build_v1alpha()?;

    let admission = Admission::new(settings.max_in_flight, settings.memory_budget());
    let mut summarizer = SummarizerServer::new(
        SummarizerService::default()
            .with_metrics(registry.clone())
            .with_admission(admission.clone()),
    )
    .max_decoding_message_size(settings.max_message_bytes);
    for encoding in COMPRESSIONS {
        summarizer = summarizer
            .accept_compressed(encoding)
            .send_compressed(encoding);
    }

    let drain = settings.drain_timeout();
    let (signal, drain_rx) =
        on_shutdown(shutdown, health.clone(), settings.shutdown_delay(), drain);

    let token = settings
        .auth_token_file
        .as_deref()
        .map(read_token)
        .transpose()?;
    let mut builder = server_builder(settings)?;

    let incoming = Incoming::new(
        listener,
        ConnectionLimits {
            max: connections::clamp_to_fd_limit(settings.max_connections),
            first_call: Duration::from_secs(settings.first_call_timeout_seconds),
            idle: Duration::from_secs(settings.idle_timeout_seconds),
        },
    );
    if settings.max_connection_age_seconds > 0 {
        builder = builder
            .max_connection_age(Duration::from_secs(settings.max_connection_age_seconds))
            .max_connection_age_grace(Duration::from_secs(
                settings.max_connection_age_grace_seconds,
            ));
    }
    let server = builder
        .max_concurrent_streams(settings.max_concurrent_streams)
        // tonic turns h2's limit on streams reset for the server's own errors off; this is
        // h2's default, which stops the MadeYouReset attack (CVE-2025-8671).
        .http2_max_local_error_reset_streams(Some(1024))
        .http2_keepalive_interval(Some(Duration::from_secs(settings.keepalive_seconds)))
        .http2_keepalive_timeout(Some(Duration::from_secs(
            settings.keepalive_timeout_seconds,
        )))
        .layer(RequestLogLayer::default())
        .layer(MetricsLayer::new(registry))
        .layer(ActivityLayer::new(settings.request_timeout()))
        .layer(AuthLayer::new(token))
        .layer(HoldLayer::default())
        .layer(MessageLimitLayer::new(settings.max_message_bytes))
        .layer(IntakeLayer::new(
            admission,
            Duration::from_secs(settings.receive_timeout_seconds),
            settings.max_message_bytes,
        ))
        .layer(DeadlineLayer::new(settings.request_timeout()))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(summarizer)
        .serve_with_incoming_shutdown(incoming, signal);

    tokio::select! {
        result = server => result?,
        () = async {
            if drain_rx.await.is_ok() {
                tokio::time::sleep(drain).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => {
            tracing::warn!(drain_seconds = drain.as_secs(), "drain time over: closing the connections still open");
        }
    }
    if let Some((_, task)) = metrics {
        task.abort();
    }
    tracing::info!("server stopped");
    Ok(())
}

/// The server's shutdown sequence, run once `shutdown` completes: health turns NOT_SERVING at
/// once; the server keeps accepting and answering for `delay` (so that endpoints and load
/// balancers, which see NOT_SERVING, stop sending it new work); then health Watch streams end
/// (they would hold their connections open through the drain) and the returned future
/// completes, which closes the listener and sends every connection GOAWAY; the returned receiver
/// completes with it, and starts the drain clock (`drain`).
fn on_shutdown(
    shutdown: impl Future<Output = impl Into<Stop>> + Send,
    health: HealthReporter,
    delay: Duration,
    drain: Duration,
) -> (
    impl Future<Output = ()> + Send,
    tokio::sync::oneshot::Receiver<()>,
) {
    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        let stop = shutdown.await.into();
        set_not_serving(&health).await;
        if stop == Stop::Graceful && !delay.is_zero() {
            tracing::info!(
                shutdown_delay_seconds = delay.as_secs(),
                "shutting down: NOT_SERVING, still answering while load balancers catch up"
            );
            tokio::time::sleep(delay).await;
        }
        tracing::info!(
            drain_seconds = drain.as_secs(),
            "shutting down: listener closed, draining requests in flight"
        );
        end_watches(health).await;
        let _ = drain_tx.send(());
    };
    (signal, drain_rx)
}

/// Serves metrics from `listener` into a new registry, until the returned task is aborted (once
/// the gRPC server has drained).
fn spawn_metrics(
    listener: TcpListener,
) -> (Arc<Metrics>, tokio::task::JoinHandle<std::io::Result<()>>) {
    let metrics = Arc::new(Metrics::new());
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "serving metrics at /metrics");
    }
    let task = tokio::spawn(crate::metrics::serve(
        listener,
        metrics.clone(),
        std::future::pending(),
    ));
    (metrics, task)
}

/// A server builder, with TLS when `settings` name a certificate and key.
fn server_builder(settings: &Settings) -> Result<Server, ServerError> {
    let mut builder = Server::builder();
    if let (Some(cert), Some(key)) = (&settings.tls_cert, &settings.tls_key) {
        let read = |what: &'static str, path: &std::path::Path| {
            std::fs::read(path).map_err(|e| ServerError::Setting {
                what,
                path: path.to_owned(),
                reason: e.to_string(),
            })
        };
        let identity = Identity::from_pem(read("--tls-cert", cert)?, read("--tls-key", key)?);
        builder = builder.tls_config(ServerTlsConfig::new().identity(identity))?;
    }
    Ok(builder)
}

/// Reads a bearer token: the file's content, trimmed; it must not be empty.
fn read_token(path: &std::path::Path) -> Result<String, ServerError> {
    let setting = |reason: String| ServerError::Setting {
        what: "--auth-token-file",
        path: path.to_owned(),
        reason,
    };
    let token = std::fs::read_to_string(path).map_err(|e| setting(e.to_string()))?;
    let token = token.trim();
    if token.is_empty() {
        return Err(setting("the file is empty".into()));
    }
    Ok(token.to_owned())
}

/// Marks the whole server and the summarizer `NOT_SERVING`.
async fn set_not_serving(health: &HealthReporter) {
    health
        .set_service_status("", ServingStatus::NotServing)
        .await;
    health
        .set_service_status(SERVICE_NAME, ServingStatus::NotServing)
        .await;
}

/// Ends the health Watch streams, which would otherwise hold their connections open through the
/// drain: the services' statuses are cleared, which closes their channels (a Check during the
/// drain is then answered NOT_FOUND, as for any service the server does not serve).
async fn end_watches(mut health: HealthReporter) {
    health.clear_service_status("").await;
    health.clear_service_status(SERVICE_NAME).await;
}

/// Completes on SIGINT (Ctrl-C, [`Stop::Interrupt`]) or, on Unix, SIGTERM or SIGHUP
/// ([`Stop::Graceful`]).
///
/// SIGHUP drains like SIGTERM: brief has no configuration to reload, and a hang-up (a closed
/// terminal, a supervisor's stop) should not kill requests in flight, as its default action
/// would.
///
/// The handlers are installed when this is called, not when the future is first polled, so that
/// a signal that arrives while the server starts is not fatal. Call it within the runtime.
pub fn shutdown_signal() -> impl Future<Output = Stop> + Send {
    #[cfg(unix)]
    {
        use tokio::signal::unix::SignalKind;
        let int = unix_signal(SignalKind::interrupt(), "SIGINT");
        let term = unix_signal(SignalKind::terminate(), "SIGTERM");
        let hup = unix_signal(SignalKind::hangup(), "SIGHUP");
        async move {
            tokio::select! {
                () = int => {
                    tracing::info!("received SIGINT");
                    Stop::Interrupt
                }
                () = term => {
                    tracing::info!("received SIGTERM");
                    Stop::Graceful
                }
                () = hup => {
                    tracing::info!("received SIGHUP");
                    Stop::Graceful
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("received Ctrl-C");
        Stop::Interrupt
    }
}

/// Listens for `kind` now; the future completes when the process receives it (never, when it
/// cannot listen for it).
#[cfg(unix)]
fn unix_signal(
    kind: tokio::signal::unix::SignalKind,
    name: &'static str,
) -> impl Future<Output = ()> + Send {
    let listener = tokio::signal::unix::signal(kind);
    async move {
        match listener {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, signal = name, "cannot listen for the signal");
                std::future::pending::<()>().await;
            }
        }
    }
}
