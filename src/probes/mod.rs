//! One module per command. Each takes its arguments and a [`crate::context::Ctx`]
//! and returns a [`crate::report::Report`]; none prints or exits.

pub mod check;
pub mod credential;
pub mod dns;
pub mod doctor;
pub mod endpoint;
pub mod explain;
pub mod logs;
pub mod ratelimit;
pub mod records;
pub mod signature;
pub mod tls;
pub mod webhook;
