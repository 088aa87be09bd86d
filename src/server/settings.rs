//! The server's settings: what [`super::serve_on`] is told, with the defaults a deployment
//! starts from. The binary fills them from flags and `BRIEF_*` variables; a test or an embedding
//! program builds them directly (`Settings { max_in_flight: 2, ..Settings::default() }`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The default listen address.
pub const DEFAULT_LISTEN: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 50051);
/// The default largest request message, in bytes (4 MiB, gRPC's customary limit).
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 4 * 1024 * 1024;
/// The default drain time after a shutdown signal, in seconds.
pub const DEFAULT_DRAIN_SECONDS: u64 = 10;
/// The default time the server keeps accepting and answering after SIGTERM while reporting
/// NOT_SERVING, in seconds (a Ctrl-C does not wait; see README, "Shutdown").
pub const DEFAULT_SHUTDOWN_DELAY_SECONDS: u64 = 5;
/// The default age at which a connection is asked to go away (GOAWAY), so that long-lived
/// clients reconnect and spread over new replicas, in seconds.
pub const DEFAULT_MAX_CONNECTION_AGE_SECONDS: u64 = 300;
/// The default time an aged connection's calls get to finish before it is closed, in seconds.
pub const DEFAULT_MAX_CONNECTION_AGE_GRACE_SECONDS: u64 = 30;
/// The default longest run time of a request, in seconds.
pub const DEFAULT_REQUEST_TIMEOUT_SECONDS: u64 = 30;
/// The default limit on summarizer requests in flight.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;
/// The default memory budget of requests, in MiB: sized so that the process stays under the
/// shipped Kubernetes manifest's 512 MiB limit (see README, "Limits").
pub const DEFAULT_MAX_MEMORY_MIB: usize = 320;
/// The default time a request message has to arrive, in seconds.
pub const DEFAULT_RECEIVE_TIMEOUT_SECONDS: u64 = 10;
/// The default cap on open connections (lowered to the open-file limit at start-up).
pub const DEFAULT_MAX_CONNECTIONS: usize = 10_000;
/// The default time a new connection has to start its first call, in seconds.
pub const DEFAULT_FIRST_CALL_TIMEOUT_SECONDS: u64 = 30;
/// The default time a connection may stay open with no call, in seconds.
pub const DEFAULT_IDLE_TIMEOUT_SECONDS: u64 = 300;
/// The default interval of HTTP/2 keepalive pings, in seconds.
pub const DEFAULT_KEEPALIVE_SECONDS: u64 = 60;
/// The default time to wait for a keepalive ping's answer, in seconds.
pub const DEFAULT_KEEPALIVE_TIMEOUT_SECONDS: u64 = 20;
/// The default limit on concurrent HTTP/2 streams (calls) per connection.
pub const DEFAULT_MAX_CONCURRENT_STREAMS: u32 = 100;

/// Settings of the gRPC server.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// The largest request message accepted, in bytes (the article and its options, encoded).
    pub max_message_bytes: usize,
    /// How long to wait, after SIGINT or SIGTERM, for requests in flight to finish, in seconds.
    pub drain_seconds: u64,
    /// After SIGTERM or SIGHUP ([`super::Stop::Graceful`]), how long to keep accepting and
    /// answering while health reports NOT_SERVING (so that load balancers and endpoints stop
    /// sending new work), in seconds, before the listener closes and the drain starts.
    pub shutdown_delay_seconds: u64,
    /// The age at which a connection is sent GOAWAY, in seconds (0: never).
    pub max_connection_age_seconds: u64,
    /// The time an aged connection's calls get to finish before it is closed, in seconds.
    pub max_connection_age_grace_seconds: u64,
    /// The longest any request may run, in seconds; a shorter client deadline wins.
    pub request_timeout_seconds: u64,
    /// The most Summarize/Extract requests in flight at once; more are answered
    /// RESOURCE_EXHAUSTED at once.
    pub max_in_flight: usize,
    /// The memory budget of requests being received and summarized, in MiB. Each request is
    /// charged its size times the measured worst amplification of its format; over the budget it
    /// is answered RESOURCE_EXHAUSTED.
    pub max_memory_mib: usize,
    /// The time a request message has to arrive whole, in seconds (from the call's start, or a
    /// stream message's first byte); slower calls end DEADLINE_EXCEEDED.
    pub receive_timeout_seconds: u64,
    /// The most connections open at once (lowered to the open-file limit minus 64); at the cap,
    /// the connection idle longest is closed to make room.
    pub max_connections: usize,
    /// The time a new connection has to start its first call, in seconds.
    pub first_call_timeout_seconds: u64,
    /// The time a connection may stay open with no call, in seconds.
    pub idle_timeout_seconds: u64,
    /// The interval of HTTP/2 keepalive pings to each client, in seconds.
    pub keepalive_seconds: u64,
    /// How long a keepalive ping may go unanswered before the connection is closed, in seconds.
    pub keepalive_timeout_seconds: u64,
    /// The most concurrent calls (HTTP/2 streams) per connection.
    pub max_concurrent_streams: u32,
    /// A file holding the bearer token every RPC but the health check must carry
    /// (`authorization: Bearer <token>`); no authentication when unset.
    pub auth_token_file: Option<PathBuf>,
    /// The server's TLS certificate chain (PEM); with --tls-key, serves TLS instead of plaintext.
    pub tls_cert: Option<PathBuf>,
    /// Serve Prometheus metrics at http://ADDR/metrics (off when unset).
    pub metrics_listen: Option<SocketAddr>,
    /// The TLS private key (PEM) for --tls-cert.
    pub tls_key: Option<PathBuf>,
}

impl Settings {
    /// The drain time after a shutdown signal.
    pub fn drain_timeout(&self) -> Duration {
        Duration::from_secs(self.drain_seconds)
    }

    /// The time the server keeps serving after a shutdown signal, reporting NOT_SERVING.
    pub fn shutdown_delay(&self) -> Duration {
        Duration::from_secs(self.shutdown_delay_seconds)
    }

    /// The server-side limit on a request's run time.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_seconds)
    }

    /// The memory budget of requests, in bytes.
    pub fn memory_budget(&self) -> usize {
        self.max_memory_mib.saturating_mul(1 << 20)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN,
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            drain_seconds: DEFAULT_DRAIN_SECONDS,
            shutdown_delay_seconds: DEFAULT_SHUTDOWN_DELAY_SECONDS,
            max_connection_age_seconds: DEFAULT_MAX_CONNECTION_AGE_SECONDS,
            max_connection_age_grace_seconds: DEFAULT_MAX_CONNECTION_AGE_GRACE_SECONDS,
            request_timeout_seconds: DEFAULT_REQUEST_TIMEOUT_SECONDS,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            max_memory_mib: DEFAULT_MAX_MEMORY_MIB,
            receive_timeout_seconds: DEFAULT_RECEIVE_TIMEOUT_SECONDS,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            first_call_timeout_seconds: DEFAULT_FIRST_CALL_TIMEOUT_SECONDS,
            idle_timeout_seconds: DEFAULT_IDLE_TIMEOUT_SECONDS,
            keepalive_seconds: DEFAULT_KEEPALIVE_SECONDS,
            keepalive_timeout_seconds: DEFAULT_KEEPALIVE_TIMEOUT_SECONDS,
            max_concurrent_streams: DEFAULT_MAX_CONCURRENT_STREAMS,
            auth_token_file: None,
            tls_cert: None,
            tls_key: None,
            metrics_listen: None,
        }
    }
}
