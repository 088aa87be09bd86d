//! Where a call comes from, for the request log: its W3C trace context (`traceparent`,
//! `tracestate`), its request id (`x-request-id`: the caller's when it sends a usable one, else
//! a new one, which the response carries back), and the peer's address.

use std::net::SocketAddr;

use tonic::codegen::http;
use tonic::transport::server::TlsConnectInfo;

use crate::server::connections::ConnInfo;

/// The request-id header, read from the request and set on the response.
pub const REQUEST_ID: &str = "x-request-id";

/// The longest request id taken from a caller; a longer (or non-printable) one is replaced.
const MAX_REQUEST_ID: usize = 128;

/// A W3C `traceparent` header's fields (version 00, or a later version read as 00 as the spec
/// asks), as lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceParent {
    /// The trace id: 32 hex digits, not all zero.
    pub trace_id: String,
    /// The caller's span id: 16 hex digits, not all zero.
    pub parent_id: String,
    /// The trace flags (bit 0: sampled).
    pub flags: u8,
}

impl TraceParent {
    /// Parses a `traceparent` value (`00-<trace id>-<parent id>-<flags>`); `None` when it is not
    /// one, as the spec says a receiver must then start a new trace.
    pub fn parse(value: &str) -> Option<Self> {
        let mut parts = value.trim().split('-');
        let (version, trace_id, parent_id, flags) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let hex = |s: &str, len: usize| {
            s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        };
        let valid = hex(version, 2)
            && version != "ff"
            // Version 00 has exactly four fields; a later version may add more.
            && (version != "00" || parts.next().is_none())
            && hex(trace_id, 32)
            && trace_id.bytes().any(|b| b != b'0')
            && hex(parent_id, 16)
            && parent_id.bytes().any(|b| b != b'0')
            && hex(flags, 2);
        if !valid {
            return None;
        }
        Some(Self {
            trace_id: trace_id.to_owned(),
            parent_id: parent_id.to_owned(),
            flags: u8::from_str_radix(flags, 16).ok()?,
        })
    }

    /// The OpenTelemetry context of the caller's span, with the request's `tracestate`, for the
    /// request's span to be its child.
    pub fn otel_context<B>(&self, req: &http::Request<B>) -> opentelemetry::Context {
        use opentelemetry::trace::{
            SpanContext, SpanId, TraceContextExt as _, TraceFlags, TraceId, TraceState,
        };
        let state = req
            .headers()
            .get("tracestate")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<TraceState>().ok())
            .unwrap_or_default();
        let span = SpanContext::new(
            TraceId::from_hex(&self.trace_id).unwrap_or(TraceId::INVALID),
            SpanId::from_hex(&self.parent_id).unwrap_or(SpanId::INVALID),
            TraceFlags::new(self.flags),
            true,
            state,
        );
        opentelemetry::Context::new().with_remote_span_context(span)
    }

    /// The `traceparent` of a request, if it carries a valid one.
    pub fn of<B>(req: &http::Request<B>) -> Option<Self> {
        Self::parse(req.headers().get("traceparent")?.to_str().ok()?)
    }
}

/// The caller's request id when it is printable ASCII of at most [`MAX_REQUEST_ID`] bytes,
/// else a new random one (32 hex digits).
pub fn request_id<B>(req: &http::Request<B>) -> String {
    req.headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|id| {
            !id.is_empty() && id.len() <= MAX_REQUEST_ID && id.bytes().all(|b| b.is_ascii_graphic())
        })
        .map_or_else(new_id, str::to_owned)
}

/// A new random id of 32 hex digits.
fn new_id() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// The address of the peer that sent `req`, when the connection recorded it.
pub fn peer<B>(req: &http::Request<B>) -> Option<SocketAddr> {
    let ext = req.extensions();
    ext.get::<ConnInfo>()
        .or_else(|| ext.get::<TlsConnectInfo<ConnInfo>>().map(|t| t.get_ref()))
        .and_then(|info| info.remote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_is_parsed_as_the_w3c_spec_says() {
        let tp = TraceParent::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .expect("the spec's example");
        assert_eq!(tp.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
        assert_eq!(tp.parent_id, "00f067aa0ba902b7");
        assert_eq!(tp.flags, 1);
        // A later version may carry more fields.
        assert!(
            TraceParent::parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-xyz")
                .is_some()
        );
        for bad in [
            "",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
        ] {
            assert_eq!(TraceParent::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_usable_request_id_is_kept_and_any_other_replaced() {
        let with = |id: &str| {
            let mut req = http::Request::new(());
            req.headers_mut()
                .insert(REQUEST_ID, http::HeaderValue::from_str(id).expect("header"));
            request_id(&req)
        };
        assert_eq!(with("req-42"), "req-42");
        let long = "x".repeat(MAX_REQUEST_ID + 1);
        for replaced in [
            with(""),
            with("a b"),
            with(&long),
            request_id(&http::Request::new(())),
        ] {
            assert_eq!(replaced.len(), 32, "{replaced}");
            assert!(replaced.bytes().all(|b| b.is_ascii_hexdigit()));
        }
        assert_ne!(
            request_id(&http::Request::new(())),
            request_id(&http::Request::new(()))
        );
    }
}
