//! Optional bearer-token authentication: every RPC but the health check needs
//! `authorization: Bearer <token>` with the server's token, or is answered `UNAUTHENTICATED`.

use std::sync::Arc;
use std::task::{Context, Poll};

use tonic::Status;
use tonic::codegen::http;
use tower::Service;

/// The path prefix of the health service, which stays open for probes.
const OPEN_PREFIX: &str = "/grpc.health.v1.Health/";

/// Checks the bearer token; see the module docs.
#[derive(Clone)]
pub struct Auth {
    token: Option<Arc<str>>,
}

/// Adds [`Auth`] to a service.
pub type AuthLayer = super::WrapLayer<Auth>;

impl AuthLayer {
    /// Requires `token` when it is `Some`; lets everything through when it is `None`.
    pub fn new(token: Option<String>) -> Self {
        super::WrapLayer(Auth {
            token: token.map(Arc::from),
        })
    }
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        f.debug_struct("Auth")
            .field("enabled", &self.token.is_some())
            .finish()
    }
}

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<Auth, S>
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
        let allowed = match &self.policy.token {
            None => true,
            Some(_) if req.uri().path().starts_with(OPEN_PREFIX) => true,
            Some(token) => req
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(bearer_credentials)
                .is_some_and(|given| constant_time_eq(given.as_bytes(), token.as_bytes())),
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

/// The credentials of an `Authorization` value with the Bearer scheme, whose name is
/// case-insensitive (RFC 9110, section 11.1; RFC 6750).
fn bearer_credentials(value: &str) -> Option<&str> {
    let (scheme, credentials) = value.trim_start().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| credentials.trim())
}

/// Compares a given token with the expected one in time that depends only on the expected
/// token's length: neither a wrong byte nor a wrong length ends the comparison early, so a
/// caller cannot find the token, or its length, from response times.
fn constant_time_eq(given: &[u8], expected: &[u8]) -> bool {
    let mut diff = u8::from(given.len() != expected.len());
    for (i, e) in expected.iter().enumerate() {
        diff |= given.get(i).copied().unwrap_or(!*e) ^ e;
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(!constant_time_eq(b"secret2", b"secret"));
        assert!(!constant_time_eq(b"", b"secret"));
        for value in [
            "Bearer secret",
            "bearer secret",
            "BEARER  secret ",
            " Bearer secret",
        ] {
            assert_eq!(bearer_credentials(value), Some("secret"), "{value:?}");
        }
        assert_eq!(bearer_credentials("Basic secret"), None);
        assert_eq!(bearer_credentials("Bearersecret"), None);
        assert!(format!("{:?}", AuthLayer::new(Some("hunter2".into()))).contains("enabled: true"));
        assert!(!format!("{:?}", AuthLayer::new(Some("hunter2".into()))).contains("hunter2"));
    }
}
