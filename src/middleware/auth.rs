//! Optional bearer-token authentication: every RPC but the health check needs
//! `authorization: Bearer <token>` with the server's token, or is answered `UNAUTHENTICATED`.

use std::sync::Arc;
use std::task::{Context, Poll};

use tonic::Status;
use tonic::codegen::http;
use tower::{Layer, Service};

/// The path prefix of the health service, which stays open for probes.
const OPEN_PREFIX: &str = "/grpc.health.v1.Health/";

/// Adds [`Auth`] to a service.
#[derive(Clone)]
pub struct AuthLayer {
    token: Option<Arc<str>>,
}

impl std::fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        f.debug_struct("AuthLayer")
            .field("enabled", &self.token.is_some())
            .finish()
    }
}

impl AuthLayer {
    /// Requires `token` when it is `Some`; lets everything through when it is `None`.
    pub fn new(token: Option<String>) -> Self {
        Self {
            token: token.map(Arc::from),
        }
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Auth {
            inner,
            token: self.token.clone(),
        }
    }
}

/// Checks the bearer token; see the module docs.
#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    token: Option<Arc<str>>,
}

impl<S, B, RB> Service<http::Request<B>> for Auth<S>
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

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let allowed = match &self.token {
            None => true,
            Some(_) if req.uri().path().starts_with(OPEN_PREFIX) => true,
            Some(token) => req
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .is_some_and(|given| constant_time_eq(given.trim().as_bytes(), token.as_bytes())),
        };
        if allowed {
            return Box::pin(self.inner.call(req));
        }
        Box::pin(async {
            Ok(Status::unauthenticated(
                "a valid `authorization: Bearer <token>` header is required",
            )
            .into_http())
        })
    }
}

/// Compares two byte strings in time that depends only on their lengths, so that a caller cannot
/// find the token byte by byte from response times.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(format!("{:?}", AuthLayer::new(Some("hunter2".into()))).contains("enabled: true"));
        assert!(!format!("{:?}", AuthLayer::new(Some("hunter2".into()))).contains("hunter2"));
    }
}
