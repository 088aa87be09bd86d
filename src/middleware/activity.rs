//! Counting each connection's open calls, so that the acceptor knows which connections are idle
//! ([`crate::connections`]). A call is open from its request's arrival until its response body
//! has been sent or abandoned.

use std::task::{Context, Poll};

use tonic::codegen::http;
use tonic::transport::server::TlsConnectInfo;
use tower::{Layer, Service};

use super::hold::{Held, HeldBody};
use crate::connections::ConnInfo;

/// Adds [`Activity`] to a service.
#[derive(Debug, Clone, Copy, Default)]
pub struct ActivityLayer;

impl<S> Layer<S> for ActivityLayer {
    type Service = Activity<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Activity { inner }
    }
}

/// Marks a call open on its connection for as long as it lasts; see the module docs.
#[derive(Debug, Clone)]
pub struct Activity<S> {
    inner: S,
}

impl<S, B, RB> Service<http::Request<B>> for Activity<S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<HeldBody<RB>>;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let ext = req.extensions();
        let info = ext
            .get::<ConnInfo>()
            .or_else(|| ext.get::<TlsConnectInfo<ConnInfo>>().map(|t| t.get_ref()));
        let guard = info.map(|i| Held::new(i.state.call_started()));
        let future = self.inner.call(req);
        Box::pin(async move {
            let response = future.await?;
            Ok(response.map(|body| HeldBody::new(body, guard)))
        })
    }
}
