//! Export of the request spans to an OpenTelemetry collector over OTLP/gRPC, when an endpoint is
//! configured (`--otlp-endpoint` or `OTEL_EXPORTER_OTLP_ENDPOINT`; off by default).
//!
//! The SDK's batch processor exports from a thread of its own, which has no Tokio reactor, while
//! the tonic exporter needs one: so the exporter runs each export on a one-thread runtime kept
//! for it ([`OnRuntime`]), apart from the server's.

use std::time::Duration;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_otlp::WithExportConfig as _;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::trace::{SdkTracerProvider, SpanData, SpanExporter, Tracer};

/// How long one export may take before it is given up.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(5);

/// The exporting pipeline; dropping it flushes the spans still buffered.
pub struct Otel {
    provider: SdkTracerProvider,
    // Dropped after the provider, whose last export runs on it.
    _runtime: tokio::runtime::Runtime,
}

impl Otel {
    /// Starts exporting to `endpoint` (`http://HOST:4317`), and returns the pipeline and the
    /// tracer for the tracing layer.
    pub fn start(endpoint: &str) -> Result<(Self, Tracer), String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("otlp-export")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the OTLP exporter's runtime: {e}"))?;
        let exporter = {
            // The channel is made (lazily connected) on the exporter's runtime.
            let _entered = runtime.enter();
            opentelemetry_otlp::SpanExporter::builder()
                .with_tonic()
                .with_endpoint(endpoint)
                .with_timeout(EXPORT_TIMEOUT)
                .build()
                .map_err(|e| format!("--otlp-endpoint {endpoint}: {e}"))?
        };
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(OnRuntime {
                inner: exporter,
                runtime: runtime.handle().clone(),
            })
            .with_resource(
                Resource::builder()
                    .with_service_name("brief")
                    .with_attribute(opentelemetry::KeyValue::new(
                        "service.version",
                        env!("CARGO_PKG_VERSION"),
                    ))
                    .build(),
            )
            .build();
        let tracer = provider.tracer("brief");
        Ok((
            Self {
                provider,
                _runtime: runtime,
            },
            tracer,
        ))
    }
}

impl Drop for Otel {
    fn drop(&mut self) {
        if let Err(e) = self.provider.shutdown() {
            eprintln!("brief: flushing the spans to the OTLP endpoint: {e}");
        }
    }
}

/// A span exporter that runs each export of `inner` on `runtime` (see the module docs).
#[derive(Debug)]
struct OnRuntime<E> {
    inner: E,
    runtime: tokio::runtime::Handle,
}

impl<E: SpanExporter> SpanExporter for OnRuntime<E> {
    fn export(&self, batch: Vec<SpanData>) -> impl Future<Output = OTelSdkResult> + Send {
        // Called on the batch processor's thread, never on a runtime's.
        let result = self.runtime.block_on(self.inner.export(batch));
        std::future::ready(result)
    }

    fn shutdown_with_timeout(&mut self, timeout: Duration) -> OTelSdkResult {
        self.inner.shutdown_with_timeout(timeout)
    }

    fn force_flush(&mut self) -> OTelSdkResult {
        self.inner.force_flush()
    }

    fn set_resource(&mut self, resource: &Resource) {
        self.inner.set_resource(resource);
    }
}
