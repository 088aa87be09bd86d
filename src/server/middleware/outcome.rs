//! The end of a call as its client sees it: the final gRPC status and when it was sent.
//!
//! A unary call's response is whole soon after its head, but a streaming call's status comes in
//! the trailers after its last message, long after the head (a stream's head is ready in
//! microseconds). So the layers that report a call's code and duration (the request log, the
//! metrics) wrap its response body in an [`OutcomeBody`], which calls back once: with the code in
//! a trailers-only response's head (an error) at once; with the code in the trailers when they
//! are sent; with `CANCELLED`
//! when the body is dropped before its end (the client went away); with `UNAVAILABLE` when the
//! body fails.

use std::pin::Pin;
use std::task::{Context, Poll};

use http_body::{Body, Frame, SizeHint};
use tonic::Code;
use tonic::codegen::http;

/// What to do once a call has ended, given its final status code.
pub type OnEnd = Box<dyn FnOnce(Code) + Send>;

/// A response body that reports its call's final status code once (see the module docs).
pub struct OutcomeBody<B> {
    inner: B,
    /// The code in the response's head, if any (a trailers-only response).
    head_code: Option<Code>,
    on_end: Option<OnEnd>,
}

impl<B> OutcomeBody<B> {
    /// `response`, whose end calls `on_end` with the call's final code.
    pub fn wrap(response: http::Response<B>, on_end: OnEnd) -> http::Response<Self> {
        let head_code = status_in(response.headers());
        // A trailers-only response (an error) ends with its head: HTTP/2 sends it with
        // END_STREAM, and may never poll its empty body.
        let on_end = match head_code {
            Some(code) => {
                on_end(code);
                None
            }
            None => Some(on_end),
        };
        response.map(|inner| OutcomeBody {
            inner,
            head_code,
            on_end,
        })
    }

    fn end(&mut self, code: Code) {
        if let Some(on_end) = self.on_end.take() {
            on_end(code);
        }
    }
}

/// The gRPC status code in `headers` (a trailers-only response's head, or trailers), if any.
fn status_in(headers: &http::HeaderMap) -> Option<Code> {
    headers
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok())
        .map(Code::from)
}

impl<B: Body + Unpin> Body for OutcomeBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        let frame = Pin::new(&mut this.inner).poll_frame(cx);
        match &frame {
            Poll::Ready(Some(Ok(f))) => {
                if let Some(trailers) = f.trailers_ref() {
                    let code = status_in(trailers).or(this.head_code).unwrap_or(Code::Ok);
                    this.end(code);
                }
            }
            Poll::Ready(Some(Err(_))) => this.end(Code::Unavailable),
            Poll::Ready(None) => {
                let code = this.head_code.unwrap_or(Code::Ok);
                this.end(code);
            }
            Poll::Pending => {}
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl<B> Drop for OutcomeBody<B> {
    fn drop(&mut self) {
        // Dropped before its end: the client went away (or the connection did).
        self.end(Code::Cancelled);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    fn recorder() -> (Arc<Mutex<Vec<Code>>>, OnEnd) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let on_end: OnEnd = Box::new(move |code| sink.lock().expect("lock").push(code));
        (seen, on_end)
    }

    async fn drain<B: Body + Unpin>(body: &mut B) {
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await
        {
            assert!(frame.is_ok());
        }
    }

    #[tokio::test]
    async fn the_code_comes_from_the_head_of_a_trailers_only_response() {
        let (seen, on_end) = recorder();
        let mut response = http::Response::new(tonic::body::Body::empty());
        response
            .headers_mut()
            .insert("grpc-status", http::HeaderValue::from_static("3"));
        let mut body = OutcomeBody::wrap(response, on_end).into_body();
        assert_eq!(
            *seen.lock().expect("lock"),
            [Code::InvalidArgument],
            "at once: the head is the whole response"
        );
        drain(&mut body).await;
        drop(body);
        assert_eq!(*seen.lock().expect("lock"), [Code::InvalidArgument], "once");
    }

    #[tokio::test]
    async fn the_code_comes_from_the_trailers_at_the_end_of_a_stream() {
        let (seen, on_end) = recorder();
        let mut trailers = http::HeaderMap::new();
        trailers.insert("grpc-status", http::HeaderValue::from_static("8"));
        let frames: Vec<Result<Frame<bytes::Bytes>, std::convert::Infallible>> = vec![
            Ok(Frame::data(bytes::Bytes::from_static(b"x"))),
            Ok(Frame::trailers(trailers)),
        ];
        let inner = http_body_util::StreamBody::new(tokio_stream::iter(frames));
        let mut body = OutcomeBody::wrap(http::Response::new(inner), on_end).into_body();
        assert!(seen.lock().expect("lock").is_empty(), "not before the end");
        drain(&mut body).await;
        assert_eq!(*seen.lock().expect("lock"), [Code::ResourceExhausted]);
    }

    #[tokio::test]
    async fn a_body_dropped_before_its_end_was_cancelled() {
        let (seen, on_end) = recorder();
        let body = OutcomeBody::wrap(http::Response::new(tonic::body::Body::empty()), on_end);
        drop(body);
        assert_eq!(*seen.lock().expect("lock"), [Code::Cancelled]);
    }
}
