//! Everything that touches the network: one place for resolving,
//! connecting, TLS and HTTP, each step bounded by `--timeout` and each
//! failure classified by the phase it happened in.

pub mod dns;
pub mod http;
pub mod target;
pub mod tls;
pub mod trust;

use std::fmt;
use std::time::Duration;

/// Where a network operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Dns,
    Connect,
    Tls,
    Http,
    /// plumb refused to send: a credential over plain http to a host that
    /// is not loopback.
    Policy,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Dns => "dns",
            Phase::Connect => "connect",
            Phase::Tls => "tls",
            Phase::Http => "http",
            Phase::Policy => "policy",
        }
    }
}

/// A failed network operation: the phase, a one-line reason, and whether
/// it was the timeout that ended it.
#[derive(Debug, Clone)]
pub struct NetError {
    pub phase: Phase,
    pub message: String,
    pub timed_out: bool,
}

impl NetError {
    pub fn new(phase: Phase, message: impl Into<String>) -> Self {
        NetError {
            phase,
            message: message.into(),
            timed_out: false,
        }
    }

    pub fn timeout(phase: Phase, limit: Duration, what: &str) -> Self {
        NetError {
            phase,
            message: format!("{what} within {}", humantime::format_duration(limit)),
            timed_out: true,
        }
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Runs `fut` bounded by `limit`; on expiry the error names `what` did not
/// happen in time.
pub async fn bounded<T>(
    phase: Phase,
    limit: Duration,
    what: &str,
    fut: impl std::future::Future<Output = Result<T, NetError>>,
) -> Result<T, NetError> {
    match tokio::time::timeout(limit, fut).await {
        Ok(result) => result,
        Err(_) => Err(NetError::timeout(phase, limit, what)),
    }
}

/// Milliseconds as JSON-friendly integer.
pub fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
