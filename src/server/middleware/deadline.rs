//! Deadlines: a request that runs past the client's deadline (the `grpc-timeout` header) or the
//! server's own limit is answered `DEADLINE_EXCEEDED`, and its work is dropped.
//!
//! tonic applies `grpc-timeout` too, outside every user layer, but answers `CANCELLED`, which
//! tells the client nothing about why. This layer fires a little earlier ([`MARGIN`]) so that the
//! caller gets the status the gRPC spec prescribes. Dropping the handler's future also drops the
//! request's cancellation guard, which stops the summarizer at its next checkpoint (see
//! [`crate::service`]).

use std::task::{Context, Poll};
use std::time::Duration;

use tonic::Status;
use tonic::codegen::http;
use tower::Service;

/// How much earlier than the deadline this layer answers, so that it beats tonic's own timer.
pub const MARGIN: Duration = Duration::from_millis(10);

/// Answers `DEADLINE_EXCEEDED` when a request outlives its deadline; see the module docs.
#[derive(Debug, Clone)]
pub struct Deadline {
    max: Duration,
}

/// Adds [`Deadline`] to a service.
pub type DeadlineLayer = super::WrapLayer<Deadline>;

impl DeadlineLayer {
    /// Deadlines for a server whose longest request may run `max`.
    pub fn new(max: Duration) -> Self {
        super::WrapLayer(Deadline { max })
    }
}

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<Deadline, S>
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
        let header = req.headers().get("grpc-timeout");
        let client = header
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout);
        if let (Some(value), None) = (header, client) {
            // tonic ignores a malformed timeout; the caller would never learn its deadline was
            // not applied.
            let shown = String::from_utf8_lossy(value.as_bytes())
                .escape_debug()
                .to_string();
            return Box::pin(async move {
                Ok(Status::invalid_argument(format!(
                    "malformed grpc-timeout header {shown:?}: the gRPC spec allows 1 to 8 digits \
                     and a unit of H, M, S, m, u or n, such as 500m"
                ))
                .into_http())
            });
        }
        let (limit, whose) = match client {
            Some(c) if c < self.policy.max => (c, "the client's deadline"),
            _ => (
                self.policy.max,
                "the server's request time limit (--request-timeout-seconds)",
            ),
        };
        let exceeded = move || {
            Status::deadline_exceeded(format!(
                "the request ran past {whose} of {} ms",
                limit.as_millis()
            ))
            .into_http()
        };
        if limit <= MARGIN {
            // Passed already: the work must not start (a short request would finish in its
            // first poll, before any timer could fire).
            return Box::pin(async move { Ok(exceeded()) });
        }
        let future = self.inner.call(req);
        Box::pin(async move {
            match tokio::time::timeout(limit - MARGIN, future).await {
                Ok(result) => result,
                Err(_) => Ok(exceeded()),
            }
        })
    }
}

/// Parses a `grpc-timeout` value: at most 8 digits and a unit (H, M, S, m, u, n).
pub fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_grpc_timeouts() {
        assert_eq!(parse_grpc_timeout("100m"), Some(Duration::from_millis(100)));
        assert_eq!(parse_grpc_timeout("2S"), Some(Duration::from_secs(2)));
        assert_eq!(parse_grpc_timeout("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(
            parse_grpc_timeout("99999999n"),
            Some(Duration::from_nanos(99_999_999))
        );
        for bad in ["", "m", "100", "123456789m", "1x", "-1S", "1.5S"] {
            assert_eq!(parse_grpc_timeout(bad), None, "{bad:?}");
        }
    }
}
