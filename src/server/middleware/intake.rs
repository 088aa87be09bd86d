//! Reading request messages: each must arrive in time, its memory is charged while it arrives,
//! and a message cut short is the caller's error.
//!
//! The layer wraps every request body and follows its gRPC length-prefixed frames:
//!
//! - **Receive timeout.** A call's request must arrive whole, its message and its end, within
//!   `--receive-timeout-seconds` of the call's start; the later messages of a client stream each
//!   within that time of their first byte. Otherwise the call ends with `DEADLINE_EXCEEDED`. A
//!   client that opens a call and then sends nothing, trickles its body, or never ends its
//!   request, is cut off long before the request time limit.
//! - **Receive memory.** For the summarizer's methods, the bytes of a message are charged to the
//!   admission's receive pool ([`crate::service::admission`]) as they arrive, twice over: tonic's buffer,
//!   and the decoded message that is built from it. The charge is held until the body is dropped
//!   (a unary call's message has been decoded) or the next message of a stream starts. When the
//!   pool is full, or a frame declares more than the pool could ever hold, the call ends with
//!   `RESOURCE_EXHAUSTED` at once. Health and reflection are not charged, so that probes always
//!   get through.
//! - **Compressed messages.** A compressed message (gzip or zstd) may inflate to the message size
//!   limit, and tonic holds the inflated message while it waits for the request's end. So a
//!   compressed message that is complete while its request has not ended (a unary call whose
//!   client holds back the end, or a message of a client stream) is charged as if it inflated to
//!   the limit, until the request ends (or, in a stream, the next message starts). A unary call
//!   that sends its end with its message, as clients do, is charged only its compressed bytes:
//!   tonic inflates it and lets its buffer go within one poll.
//! - **Truncation.** A body that ends part-way through a frame is answered `INVALID_ARGUMENT`
//!   (tonic would say `INTERNAL`, which blames the server).

use std::future::Future as _;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::{Body, Frame, SizeHint};
use tonic::Status;
use tonic::codegen::http;
use tower::Service;

use crate::service::admission::{Admission, Receiving};
use crate::service::status;

/// The path prefix of the methods whose messages are charged to the receive pool.
const CHARGED_PREFIX: &str = "/brief.v1.Summarizer/";

/// The methods whose clients stream messages, and may pause between them.
const CLIENT_STREAMING: [&str; 3] = [
    "/brief.v1.Summarizer/SummarizeStream",
    "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
];

/// The length of a gRPC frame's prefix: a compression flag and a 4-byte big-endian length.
const PREFIX_LEN: usize = 5;

/// Copies of a message's bytes in memory while it is received and decoded: tonic's buffer and
/// the decoded message.
const COPIES: usize = 2;

/// Wraps each request body in an [`IntakeBody`]; see the module docs.
#[derive(Debug, Clone)]
pub struct Intake {
    admission: Admission,
    timeout: Duration,
    max_message: usize,
}

/// Adds [`Intake`] to a service.
pub type IntakeLayer = super::WrapLayer<Intake>;

impl IntakeLayer {
    /// Charges `admission`'s receive pool for messages up to `max_message` bytes (tonic refuses
    /// larger ones unread) and gives each message `timeout` to arrive.
    pub fn new(admission: Admission, timeout: Duration, max_message: usize) -> Self {
        super::WrapLayer(Intake {
            admission,
            timeout,
            max_message,
        })
    }
}

impl<S, B> Service<http::Request<B>> for super::Wrapped<Intake, S>
where
    S: Service<http::Request<IntakeBody<B>>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<B>) -> Self::Future {
        let path = req.uri().path();
        let admission = path
            .starts_with(CHARGED_PREFIX)
            .then(|| self.policy.admission.clone());
        let streaming = CLIENT_STREAMING.contains(&path);
        let (timeout, max_message) = (self.policy.timeout, self.policy.max_message);
        self.inner.call(req.map(|body| {
            let mut body = IntakeBody::new(body, admission, timeout, max_message);
            body.streaming = streaming;
            body
        }))
    }
}

/// Where the reader is in the frames of a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// Between messages: `have` bytes of the next prefix read.
    Prefix {
        have: usize,
        bytes: [u8; PREFIX_LEN],
    },
    /// Inside a message: `remaining` bytes of it still to come.
    Message { remaining: usize },
}

/// A request body read frame by frame; see the module docs.
pub struct IntakeBody<B> {
    inner: B,
    admission: Option<Admission>,
    timeout: Duration,
    max_message: usize,
    /// Whether the client streams messages: the timer then runs per message, not to the end.
    streaming: bool,
    position: Position,
    /// Runs while a message is expected or part-way: the call's start for the first, the
    /// message's first byte for the later ones.
    deadline: Option<Pin<Box<tokio::time::Sleep>>>,
    charge: Option<Receiving>,
    /// Bytes of the current message that have arrived.
    received: usize,
    /// Whether the current (or last) message is compressed.
    compressed: bool,
    /// A compressed message is complete: charge it as inflated unless the request ends now.
    inflating: bool,
    done: bool,
}

impl<B> IntakeBody<B> {
    fn new(inner: B, admission: Option<Admission>, timeout: Duration, max_message: usize) -> Self {
        Self {
            inner,
            admission,
            timeout,
            max_message,
            streaming: false,
            position: Position::Prefix {
                have: 0,
                bytes: [0; PREFIX_LEN],
            },
            deadline: Some(Box::pin(tokio::time::sleep(timeout))),
            charge: None,
            received: 0,
            compressed: false,
            inflating: false,
            done: false,
        }
    }

    /// Follows the frames through `data`, charging and timing each message.
    fn follow(&mut self, mut data: &[u8]) -> Result<(), Status> {
        while !data.is_empty() {
            match &mut self.position {
                Position::Prefix { have, bytes } => {
                    if *have == 0 && self.deadline.is_none() {
                        self.deadline = Some(Box::pin(tokio::time::sleep(self.timeout)));
                    }
                    let take = (PREFIX_LEN - *have).min(data.len());
                    bytes[*have..*have + take].copy_from_slice(&data[..take]);
                    *have += take;
                    data = &data[take..];
                    if *have == PREFIX_LEN {
                        let len = u32::from_be_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]);
                        self.compressed = bytes[0] != 0;
                        self.start_message(len as usize)?;
                    }
                }
                Position::Message { remaining } => {
                    let take = (*remaining).min(data.len());
                    *remaining -= take;
                    let done = *remaining == 0;
                    data = &data[take..];
                    self.received += take;
                    if let Some(charge) = &mut self.charge {
                        charge
                            .grow_to(COPIES * (PREFIX_LEN + self.received))
                            .map_err(status::from_refused)?;
                    }
                    if done {
                        self.end_message();
                    }
                }
            }
        }
        Ok(())
    }

    /// A prefix declared a message of `len` bytes.
    fn start_message(&mut self, len: usize) -> Result<(), Status> {
        self.charge = None;
        self.inflating = false;
        // Over the message size limit, tonic refuses the frame before buffering it.
        if let Some(admission) = self.admission.as_ref().filter(|_| len <= self.max_message) {
            let charge = admission.receiving();
            charge
                .check_fits(PREFIX_LEN + len)
                .map_err(status::from_refused)?;
            self.charge = Some(charge);
        }
        self.received = 0;
        self.position = Position::Message { remaining: len };
        if len == 0 {
            self.end_message();
        }
        Ok(())
    }

    /// The message is complete. Its charge stays until the next message starts, or the body is
    /// dropped, since it is decoded only now.
    fn end_message(&mut self) {
        self.inflating = self.compressed;
        if self.streaming {
            self.deadline = None;
        }
        self.position = Position::Prefix {
            have: 0,
            bytes: [0; PREFIX_LEN],
        };
    }

    /// Charges a complete compressed message as if it inflated to the size limit, unless the
    /// request ends with it (see the module docs).
    fn charge_inflated(&mut self) -> Result<(), Status>
    where
        B: Body,
    {
        if !self.inflating || (!self.streaming && self.inner.is_end_stream()) {
            return Ok(());
        }
        self.inflating = false;
        match &mut self.charge {
            Some(charge) => charge
                .grow_to(COPIES * (PREFIX_LEN + self.max_message))
                .map_err(status::from_refused),
            None => Ok(()),
        }
    }

    /// The answer to a body that ended where it is now.
    fn check_end(&self) -> Result<(), Status> {
        match self.position {
            Position::Prefix { have: 0, .. } => Ok(()),
            Position::Prefix { have, .. } => Err(Status::invalid_argument(format!(
                "the request ended inside a gRPC frame's 5-byte prefix ({have} bytes arrived): \
                 the message was truncated"
            ))),
            Position::Message { remaining } => Err(Status::invalid_argument(format!(
                "the request ended {remaining} bytes short of the message length its gRPC frame \
                 declared: the message was truncated"
            ))),
        }
    }

    fn fail(&mut self, status: Status) -> Poll<Option<Result<Frame<bytes::Bytes>, BoxError>>> {
        self.done = true;
        self.charge = None;
        self.deadline = None;
        Poll::Ready(Some(Err(Box::new(status))))
    }
}

/// The error type of request bodies.
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<B> Body for IntakeBody<B>
where
    B: Body<Data = bytes::Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = bytes::Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, <Self as Body>::Error>>> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        if let Some(deadline) = &mut this.deadline
            && deadline.as_mut().poll(cx).is_ready()
        {
            let secs = this.timeout.as_secs_f64();
            return this.fail(Status::deadline_exceeded(format!(
                "the request did not arrive whole within {secs} s (--receive-timeout-seconds): \
                 send each message, and the end of the request, without pauses"
            )));
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(None) => match this.check_end() {
                Ok(()) => {
                    this.done = true;
                    this.deadline = None;
                    Poll::Ready(None)
                }
                Err(status) => this.fail(status),
            },
            Poll::Ready(Some(Err(e))) => {
                this.done = true;
                this.charge = None;
                Poll::Ready(Some(Err(e.into())))
            }
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref()
                    && let Err(status) = this.follow(data)
                {
                    return this.fail(status);
                }
                if let Err(status) = this.charge_inflated() {
                    return this.fail(status);
                }
                Poll::Ready(Some(Ok(frame)))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done || self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(len: u32, body: &[u8]) -> Vec<u8> {
        let mut v = vec![0];
        v.extend_from_slice(&len.to_be_bytes());
        v.extend_from_slice(body);
        v
    }

    fn body(admission: Option<Admission>) -> IntakeBody<tonic::body::Body> {
        IntakeBody::new(
            tonic::body::Body::empty(),
            admission,
            Duration::from_secs(5),
            4 << 20,
        )
    }

    #[tokio::test]
    async fn follows_frames_split_anywhere() {
        let admission = Admission::new(4, 8 << 20);
        let mut b = body(Some(admission.clone()));
        b.streaming = true;
        let bytes = [frame(3, b"abc"), frame(0, b""), frame(2, b"de")].concat();
        for chunk in bytes.chunks(2) {
            b.follow(chunk).expect("within the pool");
        }
        assert!(b.check_end().is_ok());
        assert!(b.deadline.is_none(), "a stream may pause between messages");
        assert_eq!(
            admission.free().0,
            (1 << 20) - 1024,
            "the last message's charge is held"
        );
        drop(b);
        assert_eq!(admission.free().0, 1 << 20, "released with the body");

        let mut b = body(Some(admission.clone()));
        b.follow(&frame(10_000, &[7; 3000])).expect("charged");
        assert!(b.charge.is_some());
        assert_eq!(
            admission.free().0,
            (1 << 20) - 6 * 1024,
            "charged twice as it arrives"
        );
        let end = b.check_end().expect_err("cut short");
        assert_eq!(end.code(), tonic::Code::InvalidArgument);
        assert!(
            end.message().contains("7000 bytes short"),
            "{}",
            end.message()
        );
        drop(b);
        assert_eq!(admission.free().0, 1 << 20, "released when dropped");

        let mut b = body(None);
        b.follow(&frame(1, b"a")).expect("no charge");
        assert!(
            b.deadline.is_some(),
            "a unary request must also end in time"
        );

        let mut b = body(None);
        b.follow(&[0, 0]).expect("no charge");
        assert!(
            b.check_end()
                .expect_err("in the prefix")
                .message()
                .contains("prefix")
        );
    }

    /// A request body whose client has not ended it (and sends nothing more).
    struct Open;

    impl Body for Open {
        type Data = bytes::Bytes;
        type Error = BoxError;

        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
            Poll::Pending
        }
    }

    #[tokio::test]
    async fn a_compressed_message_is_charged_as_inflated_until_the_request_ends() {
        let admission = Admission::new(4, 160 << 20);
        let free = admission.free().0;
        let compressed = |len: u32| {
            let mut v = frame(len, &vec![1; len as usize]);
            v[0] = 1;
            v
        };
        // Ended with its message, as clients send it: its compressed bytes only.
        let mut b = body(Some(admission.clone()));
        b.follow(&compressed(100)).expect("charged");
        b.charge_inflated().expect("no more");
        assert_eq!(
            free - admission.free().0,
            1024,
            "the compressed bytes, twice"
        );
        drop(b);

        // The end held back: charged as if it inflated to the limit.
        let mut b = IntakeBody::new(
            Open,
            Some(admission.clone()),
            Duration::from_secs(5),
            4 << 20,
        );
        b.follow(&compressed(100)).expect("charged");
        b.charge_inflated().expect("within the pool");
        assert!(free - admission.free().0 >= 2 * (4 << 20), "as inflated");
        drop(b);
        assert_eq!(admission.free().0, free, "released with the body");

        // An uncompressed message held back is charged only its bytes.
        let mut b = IntakeBody::new(
            Open,
            Some(admission.clone()),
            Duration::from_secs(5),
            4 << 20,
        );
        b.follow(&frame(100, &[1; 100])).expect("charged");
        b.charge_inflated().expect("no more");
        assert_eq!(free - admission.free().0, 1024);
        drop(b);

        // A stream's compressed message, with a pool too small for its inflated size: refused.
        let small = Admission::new(4, 32 << 20);
        let mut b = body(Some(small));
        b.streaming = true;
        b.follow(&compressed(100)).expect("charged");
        let err = b
            .charge_inflated()
            .expect_err("cannot inflate within the pool");
        assert_eq!(err.code(), tonic::Code::ResourceExhausted);
    }

    #[tokio::test]
    async fn a_message_over_the_receive_pool_is_refused() {
        let admission = Admission::new(4, 8 << 20);
        let mut b = body(Some(admission));
        let err = b.follow(&frame(2 << 20, b"")).expect_err("over the pool");
        assert_eq!(err.code(), tonic::Code::ResourceExhausted);
    }
}
