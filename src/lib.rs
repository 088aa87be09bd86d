//! brief: extractive summaries of news articles, and the gRPC service that serves them.
//!
//! The crate has three layers, and each file belongs to one:
//!
//! - **The core** (no gRPC in it): [`text`] turns raw input into sentences and terms, [`rank`]
//!   turns those into features, scores and a selection, [`mod@analyze`] runs the pipeline, [`error`]
//!   says what can go wrong, and [`offsets`] converts byte offsets into the unit a client counts
//!   in.
//! - **The API** over the core: [`proto`] holds the generated `brief.v1` types, [`codec`] decodes
//!   them, [`api`] validates requests and converts between them and the core (shared by the
//!   service, the CLI and the evaluation), and [`service`] is the tonic `Summarizer`.
//! - **The server and tools**: [`server`] wires health, reflection and the tower layers of
//!   [`middleware`], [`admission`] bounds the work and memory of requests, [`connections`]
//!   accepts connections within limits, [`status`] maps every error to its gRPC status,
//!   [`metrics`] serves Prometheus metrics, [`config`] holds the settings the
//!   binary reads from flags and the environment, [`cli`] runs the offline commands, [`eval`]
//!   scores briefs with ROUGE, and [`loadgen`] drives a server under load.
#![forbid(unsafe_code)]

pub mod admission;
pub mod api;
pub mod cli;
pub mod codec;
pub mod config;
pub mod connections;
pub mod eval;
pub mod loadgen;
pub mod metrics;
pub mod middleware;
pub mod proto;
pub mod server;
pub mod service;
pub mod status;
