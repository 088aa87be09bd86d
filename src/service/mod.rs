//! The tonic `brief.v1.Summarizer` service: a thin adapter from gRPC to [`crate::service::api`].
//!
//! This is the one place where errors become gRPC statuses ([`status`]).

pub mod admission;
pub mod api;
pub mod codec;
pub mod held;
pub mod status;

use std::pin::Pin;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tonic_types::StatusExt;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::metrics::Metrics;
use crate::proto::v1 as pb;
use crate::proto::v1::summarizer_server::Summarizer;
use crate::service::held::Held;
use admission::{Admission, Admitted};
use api::RequestError;
use brief_core::analyze::Cancelled;
use brief_core::rank::features::Weights;

/// Articles larger than this many bytes are summarized on tokio's blocking pool.
///
/// The summarizer is CPU-bound and runs at tens of MB/s, so a typical article (a few KB) takes
/// microseconds and is cheaper to run inline than to hand to another thread; a multi-megabyte
/// article takes milliseconds and would stall every other request on the same worker.
const INLINE_MAX_BYTES: usize = 64 * 1024;

/// How many bytes of plain text cost as much to summarize as one byte of HTML to parse and
/// extract (compare `html/extract` with `cnndm_dev/summarize` in `cargo bench --bench core`), so
/// that HTML over 16 KiB goes to the blocking pool.
const HTML_COST_FACTOR: usize = 4;

/// The `Summarizer` service.
#[derive(Debug, Clone, Default)]
pub struct SummarizerService {
    weights: Weights,
    metrics: Option<Arc<Metrics>>,
    admission: Option<Admission>,
}

impl SummarizerService {
    /// A service that ranks with `weights`.
    pub fn new(weights: Weights) -> Self {
        Self {
            weights,
            metrics: None,
            admission: None,
        }
    }

    /// Admits each request through `admission` once it is decoded (without it, every request
    /// runs at once).
    pub fn with_admission(mut self, admission: Admission) -> Self {
        self.admission = Some(admission);
        self
    }

    /// Also records the size of each request's article in `metrics`.
    pub fn with_metrics(mut self, metrics: Option<Arc<Metrics>>) -> Self {
        self.metrics = metrics;
        self
    }

    /// Records the article size of a request to `method` in the metrics, and returns what it
    /// costs: see [`Cost`].
    fn article_size(&self, method: &str, doc: Option<&pb::Document>, query: &str) -> Cost {
        let bytes = api::article_bytes(doc, query);
        if let Some(m) = &self.metrics {
            m.article_size(method, bytes);
        }
        let html = doc.is_some_and(|d| d.format == pb::Format::Html as i32);
        Cost {
            bytes,
            cpu: if html {
                bytes.saturating_mul(HTML_COST_FACTOR)
            } else {
                bytes
            },
            memory: admission::work_cost(bytes, html, method.ends_with("/Extract")),
        }
    }

    /// Admits a unary request at once or refuses it.
    fn try_admit(&self, cost: &Cost) -> Result<Option<Admitted>, Status> {
        self.admission
            .as_ref()
            .map(|a| a.try_admit(cost.memory))
            .transpose()
            .map_err(status::from_refused)
    }
}

/// What a request costs.
#[derive(Debug, Clone, Copy)]
struct Cost {
    /// The article's size in bytes.
    bytes: usize,
    /// The work in bytes of plain text: parsing an HTML page costs about as much as summarizing
    /// [`HTML_COST_FACTOR`] times its size in text.
    cpu: usize,
    /// The memory its work may take at its peak ([`admission::work_cost`]).
    memory: usize,
}

/// `response`, holding `admitted` until it has been sent (see [`Held`]).
fn holding<T>(mut response: Response<T>, admitted: Option<Admitted>) -> Response<T> {
    if let Some(admitted) = admitted {
        response.extensions_mut().insert(Held::new(admitted));
    }
    response
}

#[tonic::async_trait]
impl Summarizer for SummarizerService {
    async fn summarize(
        &self,
        request: Request<pb::SummarizeRequest>,
    ) -> Result<Response<pb::SummarizeResponse>, Status> {
        let req = request.into_inner();
        let method = "brief.v1.Summarizer/Summarize";
        let cost = self.article_size(method, req.document.as_ref(), &req.query);
        let admitted = self.try_admit(&cost)?;
        let weights = self.weights;
        let response = run(cost, move |cancelled| {
            api::summarize_until(&req, &weights, cancelled)
        })
        .await?;
        Ok(holding(response, admitted))
    }

    type SummarizeStreamStream = ResultStream;

    async fn summarize_stream(
        &self,
        request: Request<Streaming<pb::SummarizeStreamRequest>>,
    ) -> Result<Response<ResultStream>, Status> {
        let service = self.clone();
        let mut sequence = 0u64;
        // `then` handles one request at a time, in order, and reads the next one only when the
        // client has taken this result: HTTP/2 flow control then bounds the memory a stream uses.
        let results = request.into_inner().then(move |item| {
            let service = service.clone();
            let seq = sequence;
            sequence += 1;
            async move {
                let req = pb::SummarizeRequest::from(item?);
                let id = req
                    .document
                    .as_ref()
                    .map(|d| d.id.clone())
                    .unwrap_or_default();
                let method = "brief.v1.Summarizer/SummarizeStream";
                let cost = service.article_size(method, req.document.as_ref(), &req.query);
                let weights = service.weights;
                // Each item is admitted like a unary call, but waits for its turn rather than
                // failing: a stream slows down under load. Its permit is held until its result
                // has been handed on.
                let admitted = match &service.admission {
                    Some(a) => a.admit(cost.memory).await.map(Some),
                    None => Ok(None),
                };
                let outcome = match admitted {
                    Ok(_admitted) => {
                        run(cost, move |cancelled| {
                            api::summarize_until(&req, &weights, cancelled)
                        })
                        .await
                    }
                    Err(refused) => Err(status::from_refused(refused)),
                };
                if let Some(metrics) = &service.metrics {
                    let code = outcome
                        .as_ref()
                        .map_or_else(Status::code, |_| tonic::Code::Ok);
                    metrics.stream_item(status::code_name(code));
                }
                let result = match outcome {
                    Ok(response) => {
                        pb::summarize_stream_response::Result::Response(response.into_inner())
                    }
                    Err(status) => {
                        pb::summarize_stream_response::Result::Error(item_error(&status))
                    }
                };
                Ok(pb::SummarizeStreamResponse {
                    id,
                    sequence: seq,
                    result: Some(result),
                })
            }
        });
        Ok(Response::new(Box::pin(results)))
    }

    async fn extract(
        &self,
        request: Request<pb::ExtractRequest>,
    ) -> Result<Response<pb::ExtractResponse>, Status> {
        let req = request.into_inner();
        let method = "brief.v1.Summarizer/Extract";
        let cost = self.article_size(method, req.document.as_ref(), &req.query);
        let admitted = self.try_admit(&cost)?;
        let weights = self.weights;
        let response = run(cost, move |cancelled| {
            api::extract_until(&req, &weights, cancelled)
        })
        .await?;
        Ok(holding(response, admitted))
    }
}

/// The response stream of `SummarizeStream`.
pub type ResultStream =
    Pin<Box<dyn Stream<Item = Result<pb::SummarizeStreamResponse, Status>> + Send>>;

/// Sets its flag when dropped: held by the request's future, which tower drops when the client
/// goes away or the deadline passes, so that the summarizer stops at its next check.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Runs `work` for an article of `bytes` bytes that costs as much as `cost` bytes of plain text,
/// inline or on the blocking pool, and maps its outcome to a gRPC response. `work` is given the
/// request's cancellation check.
async fn run<T, F>(cost: Cost, work: F) -> Result<Response<T>, Status>
where
    T: Send + 'static,
    F: FnOnce(Cancelled<'_>) -> Result<T, RequestError> + Send + 'static,
{
    tracing::Span::current().record("bytes", cost.bytes);
    let result = if cost.cpu <= INLINE_MAX_BYTES {
        // Microseconds of work: nothing to cancel.
        work(&|| false)
    } else {
        let flag = Arc::new(AtomicBool::new(false));
        let _cancel_on_drop = CancelOnDrop(flag.clone());
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let result = work(&|| flag.load(Ordering::Relaxed));
            if matches!(result, Err(RequestError::Cancelled)) {
                span.in_scope(|| tracing::debug!("stopped summarizing: the request was cancelled"));
            }
            result
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "summarizer task failed");
            Status::internal(
                "the summarizer failed on this request; this is a bug in brief, please report it",
            )
        })?
    };
    result
        .map(Response::new)
        .map_err(status::from_request_error)
}

/// A stream item's error, from the status a unary call would have returned.
fn item_error(status: &Status) -> pb::ItemError {
    let field = status
        .get_details_bad_request()
        .and_then(|b| b.field_violations.into_iter().next())
        .map(|v| v.field)
        .unwrap_or_default();
    pb::ItemError {
        code: status.code() as i32,
        message: status.message().to_owned(),
        field,
    }
}
