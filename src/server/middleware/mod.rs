//! Tower layers around every RPC, one concern each. From the outside in: the request log,
//! metrics, a connection's open calls, bearer authentication, holding a call's resources until
//! its response is sent, the answers to malformed framing, reading the request message (receive
//! timeout and memory), deadlines.

pub mod activity;
pub mod auth;
pub mod context;
pub mod deadline;
pub mod hold;
pub mod intake;
pub mod log;
pub mod message_limit;
pub mod metrics;
pub mod outcome;

pub use activity::ActivityLayer;
pub use auth::AuthLayer;
pub use deadline::DeadlineLayer;
pub use hold::HoldLayer;
pub use intake::IntakeLayer;
pub use log::RequestLogLayer;
pub use message_limit::MessageLimitLayer;
pub use metrics::MetricsLayer;

/// The layer of every middleware here: it wraps a service in [`Wrapped`] with a copy of the
/// middleware's settings `P` (a deadline, a token, a registry, ...), so that a middleware is only
/// its settings type and a `Service` impl for `Wrapped<ItsSettings, S>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct WrapLayer<P>(P);

impl<P: Clone, S> tower::Layer<S> for WrapLayer<P> {
    type Service = Wrapped<P, S>;

    fn layer(&self, inner: S) -> Self::Service {
        Wrapped {
            inner,
            policy: self.0.clone(),
        }
    }
}

/// A service `S` behind the middleware whose settings are `P`; see [`WrapLayer`].
#[derive(Debug, Clone)]
pub struct Wrapped<P, S> {
    inner: S,
    policy: P,
}

/// The future every layer here returns: boxed, because each wraps its inner future in an
/// `async` block.
type BoxFuture<R, E> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<R, E>> + Send>>;
