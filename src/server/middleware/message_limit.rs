//! A clear answer to a request over the message size limit.
//!
//! tonic checks each message's length from its 5-byte gRPC frame header before reading the body,
//! so an oversized request is refused without being buffered. But it answers `OUT_OF_RANGE` with a
//! message that does not say how to fix it. This layer turns that answer into
//! `RESOURCE_EXHAUSTED` that states the size, the limit and the flag that raises it.

use std::task::{Context, Poll};

use tonic::codegen::http;
use tonic::{Code, Status};
use tower::Service;

/// The start of tonic's message for a request frame over the decoding limit.
const TONIC_TOO_LARGE: &str = "Error, decoded message length too large: found ";

/// Rewrites tonic's over-limit answer; see the module docs.
#[derive(Debug, Clone)]
pub struct MessageLimit {
    limit: usize,
}

/// Adds [`MessageLimit`] to a service.
pub type MessageLimitLayer = super::WrapLayer<MessageLimit>;

impl MessageLimitLayer {
    /// Rewrites over-limit answers for a server whose limit is `limit` bytes.
    pub fn new(limit: usize) -> Self {
        super::WrapLayer(MessageLimit { limit })
    }
}

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<MessageLimit, S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
    RB: Default,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let limit = self.policy.limit;
        let future = self.inner.call(req);
        Box::pin(async move {
            let response = future.await?;
            let Some(status) = Status::from_header_map(response.headers()) else {
                return Ok(response);
            };
            let Some(found) = over_limit_size(&status) else {
                return Ok(response);
            };
            Ok(too_large(found, limit).into_http())
        })
    }
}

/// The request size in tonic's over-limit status, if `status` is one.
fn over_limit_size(status: &Status) -> Option<&str> {
    if status.code() != Code::OutOfRange {
        return None;
    }
    let rest = status.message().strip_prefix(TONIC_TOO_LARGE)?;
    rest.split(' ').next()
}

/// The status for a request of `found` bytes over a limit of `limit` bytes.
pub fn too_large(found: &str, limit: usize) -> Status {
    Status::resource_exhausted(format!(
        "request message is {found} bytes, over the server's limit of {limit} bytes; send a \
         smaller article or raise the limit with --max-message-bytes (BRIEF_MAX_MESSAGE_BYTES)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_tonics_over_limit_status() {
        let s = Status::out_of_range(
            "Error, decoded message length too large: found 5000000 bytes, the limit is: 4194304 bytes",
        );
        assert_eq!(over_limit_size(&s), Some("5000000"));
        assert_eq!(over_limit_size(&Status::out_of_range("other")), None);
        assert_eq!(
            over_limit_size(&Status::invalid_argument(TONIC_TOO_LARGE)),
            None
        );
    }

    #[test]
    fn the_new_status_names_the_flag() {
        let s = too_large("5000000", 4_194_304);
        assert_eq!(s.code(), Code::ResourceExhausted);
        assert!(s.message().contains("4194304"));
        assert!(s.message().contains("--max-message-bytes"));
    }
}
