//! Connecting to a name with several addresses as browsers, curl and most
//! HTTP libraries do ("happy eyeballs", RFC 8305): IPv6 and IPv4 addresses
//! interleaved, IPv6 first; the next attempt starts when the one before
//! fails or after [`ATTEMPT_DELAY`] without an answer; the first
//! connection wins and the others are dropped. A host whose IPv6 route is
//! broken is then reached over IPv4, as the integration reaches it, and
//! the broken family is reported rather than hidden.

use super::{Deadline, NetError, Phase};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// How long an attempt runs alone before the next address is tried
/// (RFC 8305's recommended Connection Attempt Delay).
pub const ATTEMPT_DELAY: Duration = Duration::from_millis(250);

/// What happened to one address that did not win.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub addr: SocketAddr,
    /// Why it lost: its error, or that it had not answered yet.
    pub outcome: String,
    /// It failed (rather than being overtaken while still waiting).
    pub failed: bool,
    /// Why it failed, for the remedy.
    pub cause: super::failure::Cause,
}

/// A winning connection and the attempts that lost to it.
#[derive(Debug)]
pub struct Connected {
    pub stream: TcpStream,
    pub addr: SocketAddr,
    /// From the first attempt to the connection.
    pub took: Duration,
    pub lost: Vec<Attempt>,
}

impl Connected {
    /// When every address of the other family failed or stayed silent
    /// while this one connected: the sentence that says so (a broken IPv6
    /// route, typically). Clients that try one address fail there.
    /// Not for loopback: a local server listening on 127.0.0.1 only,
    /// with `localhost` also mapped to ::1, is how development machines
    /// are, not a route to fix.
    pub fn family_fallback(&self) -> Option<String> {
        if self.addr.ip().is_loopback() {
            return None;
        }
        let other: Vec<&Attempt> = self
            .lost
            .iter()
            .filter(|a| a.addr.is_ipv6() != self.addr.is_ipv6())
            .collect();
        if other.is_empty() {
            return None;
        }
        let (won, lost) = if self.addr.is_ipv6() {
            ("IPv6", "IPv4")
        } else {
            ("IPv4", "IPv6")
        };
        let why: Vec<String> = other
            .iter()
            .map(|a| format!("{}: {}", a.addr, a.outcome))
            .collect();
        Some(format!(
            "connected over {won} to {} only after {lost} did not connect ({})",
            self.addr,
            why.join("; ")
        ))
    }
}

/// The order RFC 8305 tries addresses in: families interleaved, IPv6
/// first, each family in the resolver's order.
pub fn order(addrs: &[SocketAddr]) -> Vec<SocketAddr> {
    let (v6, v4): (Vec<SocketAddr>, Vec<SocketAddr>) =
        addrs.iter().copied().partition(SocketAddr::is_ipv6);
    let mut out = Vec::with_capacity(addrs.len());
    let (mut a, mut b) = (v6.into_iter(), v4.into_iter());
    loop {
        match (a.next(), b.next()) {
            (None, None) => break,
            (x, y) => out.extend(x.into_iter().chain(y)),
        }
    }
    out.dedup();
    out
}

/// Connects to the first of `addrs` that answers, racing them as RFC 8305
/// says, before `deadline`. One address is a plain connection.
pub async fn race(addrs: &[SocketAddr], deadline: Deadline) -> Result<Connected, NetError> {
    let order = order(addrs);
    let Some(&first) = order.first() else {
        return Err(NetError::new(Phase::Connect, "no address to connect to"));
    };
    let start = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    let mut started: Vec<(SocketAddr, Instant)> = Vec::new();
    let mut lost: Vec<Attempt> = Vec::new();
    let mut next = 0;
    let mut start_next = true;
    loop {
        if start_next && next < order.len() {
            let addr = order[next];
            next += 1;
            started.push((addr, Instant::now()));
            set.spawn(async move {
                let r = TcpStream::connect(addr).await;
                (addr, r)
            });
        }
        start_next = false;
        let more = next < order.len();
        tokio::select! {
            joined = set.join_next() => {
                let Some(Ok((addr, result))) = joined else {
                    // Every started attempt ended (or a task was lost):
                    // start the next, or report what failed.
                    if more { start_next = true; continue; }
                    break;
                };
                match result {
                    Ok(stream) => {
                        let _ = stream.set_nodelay(true);
                        set.abort_all();
                        for (other, at) in &started {
                            if *other != addr && !lost.iter().any(|l| l.addr == *other) {
                                lost.push(Attempt {
                                    addr: *other,
                                    outcome: format!(
                                        "no answer after {} ms",
                                        super::ms(at.elapsed())
                                    ),
                                    failed: false,
                                    cause: super::failure::Cause::Unclassified,
                                });
                            }
                        }
                        return Ok(Connected { stream, addr, took: start.elapsed(), lost });
                    }
                    Err(e) => {
                        let e = super::tls::connect_error(addr, &e);
                        lost.push(Attempt {
                            addr,
                            outcome: e.message,
                            failed: true,
                            cause: e.cause,
                        });
                        if more {
                            start_next = true;
                        } else if set.is_empty() {
                            break;
                        }
                    }
                }
            }
            _ = tokio::time::sleep(ATTEMPT_DELAY), if more => {
                start_next = true;
            }
            _ = tokio::time::sleep_until(deadline.at()) => {
                set.abort_all();
                let silent: Vec<String> = started
                    .iter()
                    .filter(|(a, _)| !lost.iter().any(|l| l.addr == *a))
                    .map(|(a, _)| a.to_string())
                    .collect();
                let e = if silent.len() <= 1 && lost.is_empty() {
                    NetError::timeout(Phase::Connect, deadline.limit(), &super::tls::connect_silence(first))
                } else {
                    let mut what = format!(
                        "no answer from {} to the TCP connection (a firewall may be dropping packets)",
                        silent.join(" or ")
                    );
                    for l in &lost {
                        what.push_str(&format!("; {}: {}", l.addr, l.outcome));
                    }
                    NetError::timeout(Phase::Connect, deadline.limit(), &what)
                };
                return Err(e);
            }
        }
    }
    // Every address failed: the cause is theirs when they agree.
    let cause = match lost.first() {
        Some(first) if lost.iter().all(|l| l.cause == first.cause) => first.cause,
        _ => super::failure::Cause::Unclassified,
    };
    match lost.as_slice() {
        [one] => Err(NetError::new(Phase::Connect, one.outcome.clone()).because(cause)),
        _ => {
            let all: Vec<String> = lost
                .iter()
                .map(|a| format!("{}: {}", a.addr, a.outcome))
                .collect();
            Err(NetError::new(
                Phase::Connect,
                format!(
                    "none of the {} addresses accepted a connection ({})",
                    lost.len(),
                    all.join("; ")
                ),
            )
            .because(cause))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_interleave_ipv6_first() {
        let a = |s: &str| s.parse::<SocketAddr>().unwrap();
        let got = order(&[
            a("192.0.2.1:443"),
            a("192.0.2.2:443"),
            a("[2001:db8::1]:443"),
        ]);
        assert_eq!(
            got,
            [
                a("[2001:db8::1]:443"),
                a("192.0.2.1:443"),
                a("192.0.2.2:443")
            ]
        );
    }

    /// A refused first address hands over at once, without waiting out
    /// the attempt delay; the loser is named.
    #[tokio::test]
    async fn a_refused_address_falls_through_to_the_next() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let good = listener.local_addr().unwrap();
        let closed = {
            let l = std::net::TcpListener::bind("127.0.0.2:0").unwrap();
            l.local_addr().unwrap()
        };
        let t = Instant::now();
        let c = race(&[closed, good], Deadline::after(Duration::from_secs(5)))
            .await
            .unwrap();
        assert_eq!(c.addr, good);
        assert!(t.elapsed() < ATTEMPT_DELAY, "{:?}", t.elapsed());
        assert_eq!(c.lost.len(), 1);
        assert!(c.lost[0].failed);
        assert!(c.family_fallback().is_none(), "same family");
    }
}
