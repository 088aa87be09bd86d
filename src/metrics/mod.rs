//! Prometheus metrics: requests by method and gRPC status, their latency, the size of the
//! articles they carry, requests in flight, stream items by status, build information, and the
//! process's CPU, memory and file descriptors; served on their own port (`--metrics-listen`, off
//! by default) at `/metrics`, in the OpenMetrics text format to a scraper that asks for it and in
//! Prometheus' classic text format (0.0.4) otherwise.

mod process;

use std::sync::Arc;

use prometheus_client::encoding::{prometheus_text, text};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio::net::TcpListener;

/// Labels naming a gRPC status code.
type CodeLabels = [(&'static str, String); 1];
/// Labels of a request outcome: the gRPC method and the status code's name.
type OutcomeLabels = [(&'static str, String); 2];
/// Labels naming the gRPC method.
type MethodLabels = [(&'static str, String); 1];
/// A family of histograms that all share one bucket layout.
type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// The server's metrics.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<OutcomeLabels, Counter>,
    latency: Histograms<OutcomeLabels>,
    sizes: Histograms<MethodLabels>,
    in_flight: Family<MethodLabels, Gauge>,
    stream_items: Family<CodeLabels, Counter>,
}

/// The two text formats of `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// OpenMetrics 1.0 text.
    OpenMetrics,
    /// Prometheus' classic text format, version 0.0.4.
    Classic,
}

impl Format {
    /// The format a scraper's `Accept` header asks for: OpenMetrics when it names
    /// `application/openmetrics-text`, as Prometheus does, the classic format otherwise.
    pub fn for_accept(accept: Option<&str>) -> Self {
        match accept {
            Some(a) if a.contains("application/openmetrics-text") => Self::OpenMetrics,
            _ => Self::Classic,
        }
    }

    /// The `Content-Type` of the format.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::OpenMetrics => "application/openmetrics-text; version=1.0.0; charset=utf-8",
            Self::Classic => prometheus_text::CONTENT_TYPE,
        }
    }
}

/// Latency buckets: 50 µs to about 26 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_05, 2.0, 20))
}

/// Size buckets: 256 bytes to 64 MiB, quadrupling.
fn size_histogram() -> Histogram {
    Histogram::new(exponential_buckets(256.0, 4.0, 10))
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A registry with every metric of the server.
    pub fn new() -> Self {
        let mut root = Registry::default();
        root.register_collector(Box::new(process::ProcessCollector::new()));
        let registry = root.sub_registry_with_prefix("brief");
        let requests = Family::<OutcomeLabels, Counter>::default();
        let latency = Histograms::<OutcomeLabels>::new_with_constructor(latency_histogram);
        let sizes = Histograms::<MethodLabels>::new_with_constructor(size_histogram);
        let in_flight = Family::<MethodLabels, Gauge>::default();
        let stream_items = Family::<CodeLabels, Counter>::default();
        let build_info = Family::<[(&'static str, String); 2], Gauge>::default();
        build_info
            .get_or_create(&[
                ("version", env!("CARGO_PKG_VERSION").to_owned()),
                ("algorithm", brief_core::algorithm_version().to_owned()),
            ])
            .set(1);
        registry.register(
            "requests",
            "gRPC requests finished, by method and status code",
            requests.clone(),
        );
        registry.register(
            "request_duration_seconds",
            "Time from a request's arrival to its response, by method and status code",
            latency.clone(),
        );
        registry.register(
            "request_article_bytes",
            "Size of the article in each request, by method",
            sizes.clone(),
        );
        registry.register(
            "requests_in_flight",
            "gRPC requests being handled, by method",
            in_flight.clone(),
        );
        registry.register(
            "stream_items",
            "SummarizeStream items answered, by the gRPC status code of each item's result",
            stream_items.clone(),
        );
        registry.register(
            "build_info",
            "The running version of brief (always 1)",
            build_info,
        );
        Self {
            registry: root,
            requests,
            latency,
            sizes,
            in_flight,
            stream_items,
        }
    }

    /// Counts a request to `method` as started; the returned guard counts it as finished when
    /// dropped, whether it completed or was abandoned.
    pub fn start(self: &Arc<Self>, method: &str) -> InFlight {
        let labels = [("method", method.to_owned())];
        self.in_flight.get_or_create(&labels).inc();
        InFlight {
            metrics: self.clone(),
            labels,
        }
    }

    /// Records a finished request.
    pub fn finish(&self, method: &str, code: &str, seconds: f64) {
        let labels = [("method", method.to_owned()), ("code", code.to_owned())];
        self.requests.get_or_create(&labels).inc();
        self.latency.get_or_create(&labels).observe(seconds);
    }

    /// Records the size of a request's article.
    pub fn article_size(&self, method: &str, bytes: usize) {
        self.sizes
            .get_or_create(&[("method", method.to_owned())])
            .observe(bytes as f64);
    }

    /// Counts a SummarizeStream item answered with `code` (a status code's name).
    pub fn stream_item(&self, code: &str) {
        self.stream_items
            .get_or_create(&[("code", code.to_owned())])
            .inc();
    }

    /// The metrics in `format`.
    pub fn render(&self, format: Format) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = match format {
            Format::OpenMetrics => text::encode(&mut out, &self.registry),
            Format::Classic => prometheus_text::encode(&mut out, &self.registry),
        };
        out
    }
}

/// A request in flight; see [`Metrics::start`].
#[derive(Debug)]
pub struct InFlight {
    metrics: Arc<Metrics>,
    labels: MethodLabels,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.metrics.in_flight.get_or_create(&self.labels).dec();
    }
}

/// Serves `GET /metrics` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    metrics: Arc<Metrics>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move |headers: axum::http::HeaderMap| {
            let metrics = metrics.clone();
            async move {
                let accept = headers
                    .get(axum::http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok());
                let format = Format::for_accept(accept);
                (
                    [(axum::http::header::CONTENT_TYPE, format.content_type())],
                    metrics.render(format),
                )
            }
        }),
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_histograms_and_build_info() {
        let m = Arc::new(Metrics::new());
        {
            let _guard = m.start("brief.v1.Summarizer/Summarize");
            m.article_size("brief.v1.Summarizer/Summarize", 3800);
            m.finish("brief.v1.Summarizer/Summarize", "OK", 0.002);
            m.stream_item("INVALID_ARGUMENT");
        }
        let text = m.render(Format::OpenMetrics);
        assert!(
            text.contains(
                r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="OK"} 1"#
            ),
            "{text}"
        );
        assert!(
            text.contains(r#"brief_stream_items_total{code="INVALID_ARGUMENT"} 1"#),
            "{text}"
        );
        assert!(text.ends_with("# EOF\n"), "{text}");
        assert!(
            text.contains("brief_request_duration_seconds_bucket"),
            "{text}"
        );
        assert!(text.contains("brief_request_article_bytes_sum"), "{text}");
        assert!(
            text.contains(r#"brief_requests_in_flight{method="brief.v1.Summarizer/Summarize"} 0"#),
            "{text}"
        );
        assert!(text.contains("brief_build_info{version="), "{text}");
        assert!(text.contains("process_start_time_seconds "), "{text}");
        #[cfg(target_os = "linux")]
        for name in [
            "process_cpu_seconds_total ",
            "process_resident_memory_bytes ",
            "process_open_fds ",
        ] {
            assert!(text.contains(name), "{name} in {text}");
        }

        let classic = m.render(Format::Classic);
        assert!(!classic.contains("# EOF"), "{classic}");
        assert!(
            classic.contains("# TYPE brief_requests_total counter"),
            "{classic}"
        );
    }

    #[test]
    fn the_format_follows_the_accept_header() {
        let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
        assert_eq!(Format::for_accept(Some(prometheus)), Format::OpenMetrics);
        assert_eq!(Format::for_accept(Some("text/plain")), Format::Classic);
        assert_eq!(Format::for_accept(None), Format::Classic);
    }
}
