//! Everything that touches the network: one place for resolving,
//! connecting, TLS and HTTP, each step bounded by `--timeout` and each
//! failure classified by the phase it happened in.

pub mod chain;
pub mod connect;
pub mod dns;
pub mod failure;
pub mod http;
pub mod proxy;
pub mod server;
pub mod target;
pub mod tls;
pub mod trust;

/// How plumb names itself to servers and proxies.
pub(crate) const USER_AGENT: &str = concat!("plumb/", env!("CARGO_PKG_VERSION"));

use std::fmt;
use std::time::Duration;

/// Where a network operation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Dns,
    Connect,
    Tls,
    Http,
    /// plumb refused to send: a credential over plain http on a connection
    /// that does not go straight to a loopback address.
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
    /// The failure was the proxy's (reaching it, or its answer), not the
    /// service's, so the remedy is about the proxy.
    pub via_proxy: bool,
    /// How far an HTTP request got before it failed (phase timings, the
    /// address connected to, the status when the head arrived).
    pub reached: Option<Box<http::Reached>>,
    /// Why it failed, for the remedy ([`failure::remedies`]).
    pub cause: failure::Cause,
    /// The server it was for (host and port), for remedies that name it.
    pub target: Option<(String, u16)>,
    /// A certificate was refused while this machine's CA bundle is empty
    /// or missing (and no `--ca-file` was given), so the remedy says how
    /// to install one.
    pub no_ca_bundle: bool,
}

impl NetError {
    pub fn new(phase: Phase, message: impl Into<String>) -> Self {
        NetError {
            phase,
            message: message.into(),
            timed_out: false,
            via_proxy: false,
            reached: None,
            cause: failure::Cause::Unclassified,
            target: None,
            no_ca_bundle: false,
        }
    }

    pub fn timeout(phase: Phase, limit: Duration, what: &str) -> Self {
        NetError {
            phase,
            message: format!("{what} within {}", humantime::format_duration(limit)),
            timed_out: true,
            via_proxy: false,
            reached: None,
            cause: match phase {
                Phase::Connect => failure::Cause::Silent,
                _ => failure::Cause::Unclassified,
            },
            target: None,
            no_ca_bundle: false,
        }
    }

    /// Marks the error as the proxy's fault (reaching it, or its answer),
    /// so probes give the proxy remedy.
    pub fn proxy_fault(mut self) -> Self {
        self.via_proxy = true;
        self
    }

    /// Names why it failed.
    pub fn because(mut self, cause: failure::Cause) -> Self {
        self.cause = cause;
        self
    }

    /// Names the server it was for.
    pub fn at(mut self, host: &str, port: u16) -> Self {
        self.target = Some((host.to_string(), port));
        self
    }

    /// The remedies that fit the cause, with a pointer to `plumb tls
    /// HOST:PORT` for a TLS failure.
    pub fn remedies(&self) -> Vec<String> {
        self.remedies_for(true)
    }

    /// The remedies that fit the cause; `inspect_hint` false leaves out the
    /// pointer to `plumb tls` (for `plumb tls` itself).
    pub fn remedies_for(&self, inspect_hint: bool) -> Vec<String> {
        if self.via_proxy {
            return vec![proxy::REMEDY.to_string()];
        }
        failure::remedies_for(self, inspect_hint)
    }
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// One time budget shared by every step of a network operation (resolve,
/// connect, handshake): each step gets what is left, so the steps together
/// never outlast `--timeout`. An expiry names the step that was waiting and
/// the whole budget.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: tokio::time::Instant,
    limit: Duration,
}

impl Deadline {
    /// A budget of `limit`, starting now.
    pub fn after(limit: Duration) -> Self {
        let now = tokio::time::Instant::now();
        Deadline {
            at: now
                .checked_add(limit)
                .unwrap_or(now + Duration::from_secs(86_400 * 365)),
            limit,
        }
    }

    /// A budget that ends at `at` (the run's, from `--max-time`); `limit`
    /// is what an expiry names.
    pub fn ending(at: std::time::Instant, limit: Duration) -> Self {
        Deadline {
            at: tokio::time::Instant::from_std(at),
            limit,
        }
    }

    /// Whichever of the two budgets runs out first.
    pub fn min(self, other: Deadline) -> Deadline {
        if other.at < self.at {
            other
        } else {
            self
        }
    }

    /// When the budget runs out.
    pub fn at(&self) -> tokio::time::Instant {
        self.at
    }

    /// The whole budget, as `--timeout` gave it.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Runs `fut` until the deadline; on expiry the error says `what` did
    /// not happen within the budget.
    pub async fn bound<T>(
        &self,
        phase: Phase,
        what: &str,
        fut: impl std::future::Future<Output = Result<T, NetError>>,
    ) -> Result<T, NetError> {
        match tokio::time::timeout_at(self.at, fut).await {
            Ok(result) => result,
            Err(_) => Err(NetError::timeout(phase, self.limit, what)),
        }
    }
}

/// Milliseconds as JSON-friendly integer.
pub fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Steps share the budget: a slow first step leaves the second only
    /// what remains, so the two never outlast the limit together.
    #[tokio::test(start_paused = true)]
    async fn steps_share_one_budget() {
        let start = tokio::time::Instant::now();
        let deadline = Deadline::after(Duration::from_secs(2));
        let first = deadline
            .bound(Phase::Connect, "no connection", async {
                tokio::time::sleep(Duration::from_millis(1500)).await;
                Ok::<_, NetError>(())
            })
            .await;
        assert!(first.is_ok());
        let second = deadline
            .bound(
                Phase::Tls,
                "no handshake",
                std::future::pending::<Result<(), NetError>>(),
            )
            .await
            .unwrap_err();
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        assert!(second.timed_out);
        assert_eq!(second.phase, Phase::Tls);
        assert_eq!(second.message, "no handshake within 2s");
    }

    #[tokio::test(start_paused = true)]
    async fn an_expired_budget_fails_at_once_and_a_huge_one_does_not_overflow() {
        let deadline = Deadline::after(Duration::from_millis(10));
        tokio::time::sleep(Duration::from_millis(20)).await;
        let start = tokio::time::Instant::now();
        let late = deadline
            .bound(
                Phase::Dns,
                "no answer",
                std::future::pending::<Result<(), NetError>>(),
            )
            .await;
        assert!(late.unwrap_err().timed_out);
        assert_eq!(start.elapsed(), Duration::ZERO);
        let forever = Deadline::after(Duration::MAX);
        let ok = forever
            .bound(Phase::Dns, "no answer", async { Ok::<_, NetError>(7) })
            .await;
        assert_eq!(ok.unwrap(), 7);
    }
}
