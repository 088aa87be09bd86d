//! Load shedding: a global limit on summarizer requests in flight. A request over the limit is
//! answered `RESOURCE_EXHAUSTED` at once, before its body is read, so that overload costs the
//! server almost nothing and the requests it did admit keep their latency.
//!
//! Health and reflection are not limited: a load balancer must be able to probe a busy server.
//!
//! A `SummarizeStream` call holds a permit only until its response starts; the handler then takes
//! one permit per item from [`StreamPermits`], waiting for it, so that a long stream shares the
//! same budget and slows down under load instead of failing.

use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::sync::Semaphore;
use tonic::Status;
use tonic::codegen::http;
use tower::{Layer, Service};

/// The path prefix of the limited RPCs.
const LIMITED_PREFIX: &str = "/brief.v1.Summarizer/";

/// The admission semaphore, put in each request's extensions for streaming handlers.
#[derive(Debug, Clone)]
pub struct StreamPermits(pub Arc<Semaphore>);

/// Adds [`Admission`] to a service.
#[derive(Debug, Clone)]
pub struct AdmissionLayer {
    permits: Arc<Semaphore>,
    limit: usize,
}

impl AdmissionLayer {
    /// Admits at most `limit` summarizer requests at once.
    pub fn new(limit: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(limit)),
            limit,
        }
    }
}

impl<S> Layer<S> for AdmissionLayer {
    type Service = Admission<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Admission {
            inner,
            permits: self.permits.clone(),
            limit: self.limit,
        }
    }
}

/// Sheds summarizer requests over the limit; see the module docs.
#[derive(Debug, Clone)]
pub struct Admission<S> {
    inner: S,
    permits: Arc<Semaphore>,
    limit: usize,
}

impl<S, B, RB> Service<http::Request<B>> for Admission<S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
    RB: Default + Send + 'static,
    S::Error: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        req.extensions_mut()
            .insert(StreamPermits(self.permits.clone()));
        if !req.uri().path().starts_with(LIMITED_PREFIX) {
            return Box::pin(self.inner.call(req));
        }
        let Ok(permit) = self.permits.clone().try_acquire_owned() else {
            let limit = self.limit;
            return Box::pin(async move {
                Ok(Status::resource_exhausted(format!(
                    "the server is at its limit of {limit} requests in flight (--max-in-flight); retry with backoff"
                ))
                .into_http())
            });
        };
        let future = self.inner.call(req);
        Box::pin(async move {
            let response = future.await;
            // Held until the handler has produced its (unary) response.
            drop(permit);
            response
        })
    }
}
