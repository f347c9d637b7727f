//! plumb: diagnose third-party integrations.
//!
//! `main` parses, `app` dispatches and decides the exit code, each probe in
//! `probes` returns a `report::Report`, and only `report` renders.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod context;
pub mod credentials;
pub mod duration;
pub mod error;
pub mod escape;
pub mod facts;
pub mod input;
pub mod net;
pub mod output;
pub mod probes;
pub mod progress;
pub mod redact;
pub mod report;
pub mod run;
pub mod secret;
pub mod service;
pub mod size;
