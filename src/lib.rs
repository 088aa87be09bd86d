//! brief's gRPC service: the `brief.v1.Summarizer` over the summarizer core ([`brief_core`]).
//!
//! Two layers, each a folder, over the core crate:
//!
//! - [`service`] is the adapter between gRPC and the core: [`service::api`] validates requests
//!   and converts between [`proto`] messages and the core's types (shared with the binary's
//!   offline commands), [`service::codec`] decodes messages, [`service::admission`] bounds the
//!   work and memory of requests, [`service::status`] maps every error to its gRPC status in
//!   one place, and the module itself is the tonic `Summarizer`.
//! - [`server`] wires the service beside health and reflection behind the tower layers of
//!   [`server::middleware`], accepts connections within limits ([`server::connections`]), serves
//!   metrics, and shuts down gracefully; [`server::Settings`] is what it is told.
//!
//! [`metrics`] is the registry both record into, served over HTTP when asked.
//!
//! The `brief` binary (`src/bin/brief/`) reads flags into [`server::Settings`], sets up logging,
//! and also holds the offline commands (summarize, extract, eval, loadgen, health).
#![forbid(unsafe_code)]

pub mod metrics;
pub mod proto;
pub mod server;
pub mod service;
