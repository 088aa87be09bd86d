//! Counting each connection's open calls, so that the acceptor knows which connections are idle
//! ([`crate::server::connections`]). A call is open from its request's arrival until its response body
//! has been sent or abandoned: its mark is a [`Held`] in the request's extensions, which
//! [`super::hold`] moves into the response body.
//!
//! A unary call must end within the request time limit plus [`READ_GRACE`] to read its answer;
//! one still open after that is a client that does not read, and its connection is closed.

use std::task::{Context, Poll};
use std::time::Duration;

use tonic::codegen::http;
use tonic::transport::server::TlsConnectInfo;
use tower::Service;

use crate::server::connections::ConnInfo;
use crate::service::held::Held;

/// How long a unary call's client has, after the request time limit, to read its answer.
pub const READ_GRACE: Duration = Duration::from_secs(30);

/// The unary methods: each call is one request and one response.
const UNARY: [&str; 3] = [
    "/brief.v1.Summarizer/Summarize",
    "/brief.v1.Summarizer/Extract",
    "/grpc.health.v1.Health/Check",
];

/// Marks a call open on its connection for as long as it lasts; see the module docs.
#[derive(Debug, Clone)]
pub struct Activity {
    unary_limit: Duration,
}

/// Adds [`Activity`] to a service.
pub type ActivityLayer = super::WrapLayer<Activity>;

impl ActivityLayer {
    /// For a server whose requests may run `request_timeout`.
    pub fn new(request_timeout: Duration) -> Self {
        super::WrapLayer(Activity {
            unary_limit: request_timeout + READ_GRACE,
        })
    }
}

impl<S, B> Service<http::Request<B>> for super::Wrapped<Activity, S>
where
    S: Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let ext = req.extensions();
        let info = ext
            .get::<ConnInfo>()
            .or_else(|| ext.get::<TlsConnectInfo<ConnInfo>>().map(|t| t.get_ref()));
        let limit = UNARY
            .contains(&req.uri().path())
            .then_some(self.policy.unary_limit);
        if let Some(guard) = info.map(|i| Held::new(i.state.call_started(limit))) {
            req.extensions_mut().insert(guard);
        }
        self.inner.call(req)
    }
}
