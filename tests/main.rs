//! The one end-to-end test binary: it runs the built `plumb` against
//! servers on loopback. Nothing here reaches the internet.

mod support;

mod assets;
mod budget;
mod bundle;
mod check;
mod cli;
mod connect;
mod credential;
mod dns;
mod doctor;
mod endpoint;
mod explain;
mod failure;
mod formats;
mod har;
mod harness;
mod hostile;
mod layers;
mod limits;
mod listen;
mod logs;
mod output;
mod prometheus;
mod proxy;
mod ratelimit;
mod readme;
mod records;
mod routing;
mod secrets;
mod signature;
mod sweep;
mod tls;
mod webhook;
mod webhook_audit;
