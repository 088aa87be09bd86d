//! One span per request, with its method, input size, gRPC status and latency.
//!
//! The span is named `rpc` and carries `method`, `request_id` (the caller's `x-request-id`, or a
//! new one; the response carries it back in `x-request-id`), `trace_id` (from the caller's W3C
//! `traceparent`, when it sends one, or of the trace the span starts when spans are exported to
//! OpenTelemetry), `peer` (the client's address) and, recorded by the handler
//! once the request is decoded, `bytes` (the article's size); see [`super::context`]. When the response has ended (a stream's last message
//! and trailers, see [`super::outcome`]) one event is logged in it with the final gRPC `code`
//! (its name in the gRPC specification, `OK`, `INVALID_ARGUMENT`, ...) and `latency_ms`. Health checks log at DEBUG so that probes do not
//! flood the log; everything else at INFO, and server faults at ERROR.

use std::task::{Context, Poll};
use std::time::Instant;

use opentelemetry::trace::TraceContextExt as _;
use tonic::Code;
use tonic::codegen::http;
use tower::Service;
use tracing::{Instrument, Level, debug, error, info};
use tracing_opentelemetry::OpenTelemetrySpanExt as _;

use super::context::{REQUEST_ID, TraceParent, peer, request_id};
use super::outcome::OutcomeBody;
use crate::service::status::code_name;

/// Logs each request in its own span; see the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestLog;

/// Adds [`RequestLog`] to a service.
pub type RequestLogLayer = super::WrapLayer<RequestLog>;

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<RequestLog, S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
    S::Error: std::fmt::Display,
    RB: Send + 'static,
{
    type Response = http::Response<OutcomeBody<RB>>;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let path = req.uri().path();
        let level = if path.starts_with("/grpc.health.") {
            Level::DEBUG
        } else {
            Level::INFO
        };
        let request_id = request_id(&req);
        let trace = TraceParent::of(&req);
        let span = tracing::info_span!(
            "rpc",
            method = %path,
            request_id = %request_id,
            trace_id = tracing::field::Empty,
            peer = tracing::field::Empty,
            bytes = tracing::field::Empty,
        );
        // With OpenTelemetry export on, the span is the caller's span's child (or a new trace's
        // root); without it, `set_parent` finds no layer and does nothing.
        if let Some(trace) = &trace {
            let _ = span.set_parent(trace.otel_context(&req));
            span.record("trace_id", trace.trace_id.as_str());
        } else {
            let exported = span.context().span().span_context().trace_id();
            if exported != opentelemetry::trace::TraceId::INVALID {
                span.record("trace_id", tracing::field::display(exported));
            }
        }
        if let Some(peer) = peer(&req) {
            span.record("peer", tracing::field::display(peer));
        }
        let header = http::HeaderValue::from_str(&request_id).ok();
        let start = Instant::now();
        let future = span.in_scope(|| self.inner.call(req));
        let end_span = span.clone();
        Box::pin(
            async move {
                match future.await {
                    Ok(mut response) => {
                        if let Some(id) = header {
                            response.headers_mut().insert(REQUEST_ID, id);
                        }
                        Ok(OutcomeBody::wrap(
                            response,
                            Box::new(move |code| {
                                let latency_ms = start.elapsed().as_secs_f64() * 1e3;
                                end_span.in_scope(|| log(level, code, latency_ms));
                            }),
                        ))
                    }
                    Err(e) => {
                        let latency_ms = start.elapsed().as_secs_f64() * 1e3;
                        error!(latency_ms, error = %e, "request failed in transport");
                        Err(e)
                    }
                }
            }
            .instrument(span),
        )
    }
}

/// Logs the end of a request at the level its outcome deserves.
fn log(level: Level, code: Code, latency_ms: f64) {
    let code_name = code_name(code);
    match code {
        Code::Internal | Code::Unknown | Code::DataLoss | Code::Unavailable => {
            error!(code = %code_name, latency_ms, "request finished")
        }
        _ if level == Level::DEBUG => debug!(code = %code_name, latency_ms, "request finished"),
        _ => info!(code = %code_name, latency_ms, "request finished"),
    }
}
