//! [`Held`]: what a call keeps alive until its response has been sent.
//!
//! The service puts one in a response's extensions (its admission, see [`super::admission`]);
//! the server's hold layer (`server::middleware::hold`) moves it into the response body, so that
//! what a request was charged is released only once its answer has left, not when the handler
//! returns.

use std::any::Any;
use std::sync::Arc;

/// Something to keep alive until the response has been sent.
#[derive(Clone)]
pub struct Held(#[allow(dead_code)] Arc<dyn Any + Send + Sync>);

impl Held {
    /// Holds `value`.
    pub fn new(value: impl Any + Send + Sync) -> Self {
        Self(Arc::new(value))
    }
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Held")
    }
}
