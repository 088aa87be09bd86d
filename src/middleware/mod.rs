//! Tower layers around every RPC, one concern each. From the outside in: the request log, bearer
//! authentication, the message-size answer, load shedding, deadlines.

pub mod admission;
pub mod auth;
pub mod deadline;
pub mod log;
pub mod message_limit;

pub use admission::AdmissionLayer;
pub use auth::AuthLayer;
pub use deadline::DeadlineLayer;
pub use log::RequestLogLayer;
pub use message_limit::MessageLimitLayer;
