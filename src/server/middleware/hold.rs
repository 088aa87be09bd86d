//! Holding a request's resources until its response has been sent, not merely produced.
//!
//! A handler returns its response message, and tonic encodes and sends it afterwards: for a large
//! `Extract` response that is when its memory peaks, and a client that reads slowly keeps it
//! alive. What must live as long as the response goes in an extension as a [`Held`]: a handler
//! puts one in its response's (its admission, see [`crate::service::admission`]), an outer layer one in the
//! request's (the call's mark on its connection, see [`super::activity`]). This layer moves both
//! into the response body, which drops them when the body is finished or abandoned.

use std::pin::Pin;
use std::task::{Context, Poll};

use http_body::{Body, Frame, SizeHint};
use tonic::codegen::http;
use tower::Service;

use crate::service::held::Held;

/// Moves a response's [`Held`] into its body; see the module docs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hold;

/// Adds [`Hold`] to a service.
pub type HoldLayer = super::WrapLayer<Hold>;

impl<S, B, RB> Service<http::Request<B>> for super::Wrapped<Hold, S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<HeldBody<RB>>;
    type Error = S::Error;
    type Future = super::BoxFuture<Self::Response, Self::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let from_request = req.extensions_mut().remove::<Held>();
        let future = self.inner.call(req);
        Box::pin(async move {
            let mut response = future.await?;
            let held = [from_request, response.extensions_mut().remove::<Held>()];
            Ok(response.map(|inner| HeldBody { inner, held }))
        })
    }
}

/// A response body that keeps the request's and the response's [`Held`] until it ends or is
/// dropped.
#[derive(Debug, Default)]
pub struct HeldBody<B> {
    inner: B,
    held: [Option<Held>; 2],
}

impl<B: Body + Unpin> Body for HeldBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, <Self as Body>::Error>>> {
        let this = &mut *self;
        let frame = Pin::new(&mut this.inner).poll_frame(cx);
        if let Poll::Ready(None) = frame {
            this.held = [None, None];
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tower::Layer;

    use super::*;

    #[tokio::test]
    async fn the_body_holds_until_finished() {
        let token = Arc::new(());
        let mut response = http::Response::new(tonic::body::Body::empty());
        response.extensions_mut().insert(Held::new(token.clone()));
        let mut request = http::Request::new(());
        request.extensions_mut().insert(Held::new(token.clone()));
        let mut svc = HoldLayer::default().layer(tower::service_fn(move |_: http::Request<()>| {
            let response = std::mem::replace(
                &mut response,
                http::Response::new(tonic::body::Body::empty()),
            );
            async move { Ok::<_, std::convert::Infallible>(response) }
        }));
        let response = svc.call(request).await.expect("infallible");
        assert_eq!(Arc::strong_count(&token), 3, "both held by the body");
        let mut body = response.into_body();
        let end = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        assert!(end.is_none());
        assert_eq!(Arc::strong_count(&token), 1, "released at the end");
    }
}
