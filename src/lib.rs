//! brief: extractive summaries of news articles, and the gRPC service that serves them.
//!
//! The crate has three layers, and each file belongs to one:
//!
//! - **The core** (no gRPC in it): [`text`] turns raw input into sentences and terms, [`rank`]
//!   turns those into features, scores and a selection, [`analyze`] runs the pipeline, and
//!   [`offsets`] converts byte offsets into the unit a client counts in.
//! - **The API** over the core: [`proto`] holds the generated `brief.v1` types, [`api`] validates
//!   requests and converts between them and the core (shared by the service and the CLI), and
//!   [`service`] is the tonic `Summarizer`, which maps every error to a gRPC status in one place.
//! - **The server**: [`server`] wires health, reflection and the tower layers, and [`config`]
//!   holds the settings the binary reads from flags and the environment.
#![forbid(unsafe_code)]

pub mod analyze;
pub mod api;
pub mod cli;
pub mod codec;
pub mod config;
pub mod error;
pub mod eval;
pub mod loadgen;
pub mod metrics;
pub mod middleware;
pub mod offsets;
pub mod proto;
pub mod rank;
pub mod server;
pub mod service;
pub mod text;

pub use analyze::{Analysis, Article, Brief, analyze, summarize};
pub use error::Error;
pub use rank::features::Weights;
pub use rank::select::{Budget, LimitedBy};
