//! Request metrics: every RPC counted by method and status code, with its latency, and requests
//! in flight (see [`crate::metrics`]).

use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use tonic::Code;
use tonic::codegen::http;
use tower::Service;

use crate::metrics::Metrics;

/// Records each request's outcome; see the module docs.
#[derive(Debug, Clone)]
pub struct RequestMetrics {
    metrics: Option<Arc<Metrics>>,
}

/// Adds [`RequestMetrics`] to a service.
pub type MetricsLayer = super::WrapLayer<RequestMetrics>;

impl MetricsLayer {
    /// Records into `metrics`, or does nothing when it is `None` (metrics are off).
    pub fn new(metrics: Option<Arc<Metrics>>) -> Self {
        super::WrapLayer(RequestMetrics { metrics })
    }
}

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<RequestMetrics, S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let Some(metrics) = self.policy.metrics.clone() else {
            return Box::pin(self.inner.call(req));
        };
        let method = req.uri().path().trim_start_matches('/').to_owned();
        let in_flight = metrics.start(&method);
        let start = Instant::now();
        let future = self.inner.call(req);
        Box::pin(async move {
            let result = future.await;
            let code = match &result {
                Ok(response) => super::response_code(response.headers()),
                Err(_) => Code::Unavailable,
            };
            metrics.finish(&method, &format!("{code:?}"), start.elapsed().as_secs_f64());
            drop(in_flight);
            result
        })
    }
}
