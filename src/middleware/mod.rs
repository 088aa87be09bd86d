//! Tower layers around every RPC, one concern each.

pub mod log;
pub mod message_limit;

pub use log::RequestLogLayer;
pub use message_limit::MessageLimitLayer;
