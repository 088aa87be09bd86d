//! Request metrics: every RPC counted by method and final status code, with its duration to the
//! end of its response (a stream's last message and trailers, see [`super::outcome`]), and
//! requests in flight (see [`crate::metrics`]).

use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use tonic::codegen::http;
use tower::Service;

use super::outcome::OutcomeBody;
use crate::metrics::Metrics;
use crate::service::status::code_name;

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
    S::Error: Send + 'static,
    RB: Send + 'static,
{
    type Response = http::Response<OutcomeBody<RB>>;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let metrics = self.policy.metrics.clone();
        let method = req.uri().path().trim_start_matches('/').to_owned();
        let in_flight = metrics.as_ref().map(|m| m.start(&method));
        let start = Instant::now();
        let future = self.inner.call(req);
        Box::pin(async move {
            let response = match future.await {
                Ok(response) => response,
                Err(e) => {
                    if let Some(metrics) = metrics {
                        let code = code_name(tonic::Code::Unavailable);
                        metrics.finish(&method, code, start.elapsed().as_secs_f64());
                    }
                    return Err(e);
                }
            };
            Ok(OutcomeBody::wrap(
                response,
                Box::new(move |code| {
                    if let Some(metrics) = metrics {
                        metrics.finish(&method, code_name(code), start.elapsed().as_secs_f64());
                    }
                    drop(in_flight);
                }),
            ))
        })
    }
}
