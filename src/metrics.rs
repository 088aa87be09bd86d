//! Prometheus metrics: requests by method and gRPC status, their latency, the size of the
//! articles they carry, requests in flight, and build information; served as text on their own
//! port (`--metrics-listen`, off by default) at `/metrics`.

use std::sync::Arc;

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio::net::TcpListener;

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
        let mut registry = Registry::with_prefix("brief");
        let requests = Family::<OutcomeLabels, Counter>::default();
        let latency = Histograms::<OutcomeLabels>::new_with_constructor(latency_histogram);
        let sizes = Histograms::<MethodLabels>::new_with_constructor(size_histogram);
        let in_flight = Family::<MethodLabels, Gauge>::default();
        let build_info = Family::<[(&'static str, String); 2], Gauge>::default();
        build_info
            .get_or_create(&[
                ("version", env!("CARGO_PKG_VERSION").to_owned()),
                ("algorithm", brief_core::ALGORITHM_VERSION.to_owned()),
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
            "build_info",
            "The running version of brief (always 1)",
            build_info,
        );
        Self {
            registry,
            requests,
            latency,
            sizes,
            in_flight,
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

    /// The metrics in Prometheus' text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut out, &self.registry);
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
        axum::routing::get(move || {
            let metrics = metrics.clone();
            async move {
                (
                    [(
                        axum::http::header::CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    metrics.render(),
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
            m.finish("brief.v1.Summarizer/Summarize", "Ok", 0.002);
        }
        let text = m.render();
        assert!(
            text.contains(
                r#"brief_requests_total{method="brief.v1.Summarizer/Summarize",code="Ok"} 1"#
            ),
            "{text}"
        );
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
    }
}
