//! The one end-to-end test binary: it runs the built `plumb` against
//! servers on loopback. Nothing here reaches the internet.

mod support;

mod assets;
mod cli;
mod credential;
mod endpoint;
mod explain;
mod harness;
mod signature;
mod tls;
mod webhook;
