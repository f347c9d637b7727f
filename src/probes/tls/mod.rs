//! `plumb tls HOST[:PORT]`: connect, handshake, and judge the certificate
//! the way a strict client would, naming each defect on its own.

mod cert;
mod verify;

use crate::context::Ctx;
use crate::error::Result;
use crate::net::failure::{self, Cause};
use crate::net::proxy::{self, Route};
use crate::net::target;
use crate::net::tls::{self as nettls, Negotiated, Verify};
use crate::net::trust::TrustStore;
use crate::net::{ms, Deadline, NetError};
use crate::report::{Check, Def, Report, Status, Timer};
use cert::CertInfo;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

#[derive(Debug)]
pub struct Options {
    /// The server: HOST, HOST:PORT, [IPv6]:PORT or an https:// URL (port 443 by default)
    pub target: String,
    /// The name to send in SNI and check the certificate against (default: HOST)
    pub servername: Option<String>,
    /// Connect to this address instead of resolving HOST (like curl --resolve), never through a proxy
    pub address: Option<IpAddr>,
    /// Warn when the certificate expires within this many days
    pub warn_days: u32,
    /// Handshake with every address HOST resolves to and compare certificates (skipped through a proxy)
    pub all_addresses: bool,
}

/// `--warn-days` when not given: a month's notice before expiry.
pub const DEFAULT_WARN_DAYS: u32 = 30;

impl Options {
    /// The arguments `plumb tls TARGET` gets with no flag: for probes that
    /// run the tls checks on a server they already know.
    pub fn for_target(target: impl Into<String>) -> Self {
        Options {
            target: target.into(),
            servername: None,
            address: None,
            warn_days: DEFAULT_WARN_DAYS,
            all_addresses: false,
        }
    }
}

const ALPN: &[&[u8]] = &[b"h2", b"http/1.1"];

pub const CONNECT: Def = Def {
    id: "tls.connect",
    title: "TCP connection",
    judges: "Whether the host name resolves and a TCP connection to the server opens (through the proxy's CONNECT tunnel when a proxy applies), telling refused, unreachable and timed out apart.",
    remedies: &[],
};
pub const HANDSHAKE: Def = Def {
    id: "tls.handshake",
    title: "TLS handshake",
    judges: "Whether a TLS handshake offering TLS 1.3 and 1.2 completes, and which version, cipher and ALPN protocol it settles on.",
    remedies: &[],
};
pub const PROTOCOL: Def = Def {
    id: "tls.protocol",
    title: "TLS versions",
    judges: "Whether the server accepts TLS 1.3 and TLS 1.2, each tried in a handshake of its own; it fails only when it accepts neither.",
    remedies: &["Integrations require TLS 1.2 or newer: enable TLS 1.2 and 1.3 on the server and disable older versions."],
};
pub const CHAIN: Def = Def {
    id: "tls.chain",
    title: "Certificate chain",
    judges: "Nothing: it lists every certificate the server sent (subject, issuer, key, signature algorithm, validity) and the server certificate's names and serial.",
    remedies: &[],
};
pub const HOSTNAME: Def = Def {
    id: "tls.hostname",
    title: "Certificate name",
    judges: "Whether the server's certificate is valid for the name checked (--servername, or HOST).",
    remedies: &[
        "Install a certificate that lists this host name in its subject alternative names.",
        "If this host is behind a load balancer or CDN, check which certificate it serves for this name (SNI).",
    ],
};
pub const TRUST: Def = Def {
    id: "tls.trust",
    title: "Certificate trust",
    judges: "Whether the chain verifies up to a trusted root: the public roots, --ca-file or the system trust store.",
    remedies: &[],
};
pub const EXPIRY: Def = Def {
    id: "tls.expiry",
    title: "Certificate validity",
    judges: "Whether every certificate in the chain is already valid and not expired; it warns when the first to expire does so within --warn-days.",
    remedies: &[],
};
pub const INTERCEPTION: Def = Def {
    id: "tls.interception",
    title: "TLS interception",
    judges: "Whether a TLS-inspecting proxy seems to sit in between: a chain issued by a known inspection product, or a public name whose chain no public root vouches for.",
    remedies: &[],
};
pub const ADDRESSES: Def = Def {
    id: "tls.addresses",
    title: "Every address",
    judges: "With --all-addresses: whether every address the host resolves to completes a handshake and serves the same certificate, valid for the name.",
    remedies: &["A node behind the load balancer serves a stale or different certificate: update it, or take it out of rotation."],
};

/// Every check `tls` reports, in report order.
pub const ALL: &[&Def] = &[
    &CONNECT,
    &HANDSHAKE,
    &PROTOCOL,
    &CHAIN,
    &HOSTNAME,
    &TRUST,
    &EXPIRY,
    &INTERCEPTION,
    &ADDRESSES,
];

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let target = target::parse_host_port("HOST", &args.target, 443)?;
    let name = match &args.servername {
        Some(n) => {
            target::validate_hostname("--servername", n)?;
            n.trim_end_matches('.').to_ascii_lowercase()
        }
        None => target.host.clone(),
    };
    let store = TrustStore::load(ctx.ca_file.as_deref())?;
    let mut report = Report::new("tls", target.to_string());

    let timer = Timer::start();
    // One budget for the whole probe: resolving, connecting, every
    // handshake and --all-addresses together end within --timeout.
    // The run's budget (--max-time) still wins when it ends first.
    let deadline = Deadline::after(ctx.timeout).min(Deadline::ending(ctx.deadline, ctx.max_time));
    // Through a proxy from the environment (as the HTTP client), unless
    // --address pins the server: the handshake then runs inside the
    // proxy's CONNECT tunnel, and a TLS-inspecting proxy shows up as such.
    let route = match args.address {
        Some(_) => Ok(None),
        None => proxy::Settings::from_env().route("https", &target.host, target.port),
    };
    let route = match route {
        Ok(r) => r,
        Err(e) => {
            report.push(connect_failed(None, &e).took(timer.elapsed()));
            skip_rest(&mut report, "the proxy setting is unusable");
            return Ok(report);
        }
    };
    let addrs = match (args.address, &route) {
        (Some(ip), _) => Ok(vec![SocketAddr::new(ip, target.port)]),
        (None, Some(r)) => crate::net::http::resolve_all(&r.proxy.host, r.proxy.port, deadline)
            .await
            .map_err(|e| r.unreachable(e)),
        (None, None) => crate::net::http::resolve_all(&target.host, target.port, deadline).await,
    };
    let addrs = match addrs {
        Ok(a) if !a.is_empty() => a,
        Ok(_) | Err(_) => {
            let why = addrs
                .err()
                .map(|e| e.message)
                .unwrap_or_else(|| format!("{} has no address", target.host));
            let check = CONNECT.fail(why);
            report.push(
                match &route {
                    Some(_) => check.remedy(crate::net::proxy::REMEDY),
                    None => check.remedy(crate::catalog::NAME_DID_NOT_RESOLVE),
                }
                .took(timer.elapsed()),
            );
            skip_rest(&mut report, "the host name did not resolve");
            return Ok(report);
        }
    };
    // Of several addresses, the one a client reaches: raced as the HTTP
    // client races them (RFC 8305), so a broken IPv6 route does not hide
    // a working IPv4 address.
    let addr = match addrs.as_slice() {
        [one] => *one,
        _ => crate::net::connect::race(&addrs, deadline)
            .await
            .map_or(addrs[0], |c| c.addr),
    };
    // The version probes are independent handshakes: run them alongside
    // the main one so the report costs one round of handshakes, not two.
    let (first, protocol) = tokio::join!(
        attempt(addr, route.as_ref(), &name, nettls::BOTH, deadline),
        protocol_check(addr, route.as_ref(), &name, deadline)
    );
    let negotiated = match first {
        Attempt::NoConnection(e) => {
            report.push(
                connect_failed(Some(addr), &e.at(&target.host, target.port)).took(timer.elapsed()),
            );
            skip_rest(&mut report, "no TCP connection");
            return Ok(report);
        }
        Attempt::Handshake(connect, e) => {
            report.push(connected(addr, route.as_ref(), connect));
            let e = told_apart(
                e.at(&target.host, target.port),
                addr,
                route.as_ref(),
                &name,
                deadline,
            )
            .await;
            report.push(
                HANDSHAKE
                    .fail(e.message.clone())
                    .detail("address", addr.to_string())
                    .remedies(e.remedies_for(false)),
            );
            report.push(match e.cause {
                Cause::NotTls => PROTOCOL.skip("not judged: the port does not speak TLS"),
                Cause::OldVersion => PROTOCOL.fail(format!(
                    "neither TLS 1.3 nor TLS 1.2 accepted: {}",
                    e.message
                )),
                _ => protocol,
            });
            skip_cert_checks(
                &mut report,
                "no certificate: the handshake did not complete",
            );
            return Ok(report);
        }
        Attempt::Done(connect, took, negotiated) => {
            report.push(connected(addr, route.as_ref(), connect));
            report.push(
                HANDSHAKE
                    .pass(format!(
                        "{} with {}, ALPN {}",
                        negotiated.version,
                        negotiated.cipher,
                        negotiated.alpn.as_deref().unwrap_or("none")
                    ))
                    .detail("version", negotiated.version.clone())
                    .detail("cipher", negotiated.cipher.clone())
                    .detail(
                        "alpn",
                        negotiated
                            .alpn
                            .clone()
                            .unwrap_or_else(|| "none".to_string()),
                    )
                    .detail(
                        "sni",
                        if name.parse::<IpAddr>().is_ok() {
                            "none (IP address)".to_string()
                        } else {
                            name.clone()
                        },
                    )
                    .took(took),
            );
            negotiated
        }
    };
    report.push(protocol);
    let now = ctx.unix_now();
    let chain: Vec<CertInfo> = negotiated
        .chain
        .iter()
        .filter_map(|d| cert::parse(d))
        .collect();
    if chain.is_empty() {
        skip_cert_checks(&mut report, "the server sent no readable certificate");
        return Ok(report);
    }
    report.push(chain_check(&chain));
    let verdict = verify::chain(&negotiated.chain, &store, &chain, now);
    // Where plumb's verifier cannot judge the chain, the system's OpenSSL
    // (when there is one) gives a second opinion.
    let second = match &verdict {
        verify::Verdict::CannotJudge(_, at) => {
            let left = deadline
                .at()
                .saturating_duration_since(tokio::time::Instant::now());
            verify::second_opinion(&negotiated.chain, &store, *at, left).await
        }
        _ => None,
    };
    report.push(hostname_check(&negotiated, &chain[0], &name));
    report.push(trust_check(
        &verdict,
        &chain,
        second,
        &store.system().location,
    ));
    report.push(expiry_check(&chain, now, args.warn_days));
    report.push(interception_check(&verdict, &chain, &name));
    if args.all_addresses {
        report.push(match &route {
            Some(r) => ADDRESSES.skip(format!(
                "through the proxy {} the proxy picks the address; use --address IP to test each one directly",
                r.proxy.shown()
            )),
            None => addresses_check(&addrs, &name, &negotiated, deadline).await,
        });
    }
    Ok(report)
}

/// The checks that judge the certificate, skipped together when there is none.
const CERT_CHECKS: &[&Def] = &[&CHAIN, &HOSTNAME, &TRUST, &EXPIRY, &INTERCEPTION];

fn skip_rest(report: &mut Report, why: &str) {
    report.push(HANDSHAKE.skip(format!("not attempted: {why}")));
    report.push(PROTOCOL.skip(format!("not attempted: {why}")));
    skip_cert_checks(report, &format!("not attempted: {why}"));
}

/// Every certificate check, skipped for the same reason.
fn skip_cert_checks(report: &mut Report, summary: &str) {
    for def in CERT_CHECKS {
        report.push(def.skip(summary));
    }
}

enum Attempt {
    NoConnection(NetError),
    Handshake(Duration, NetError),
    Done(Duration, Duration, Negotiated),
}

/// One handshake with the server at `addr` — or, on a proxy route, with
/// the server behind the proxy at `addr`.
async fn attempt(
    addr: SocketAddr,
    route: Option<&Route>,
    name: &str,
    versions: &[&'static rustls::SupportedProtocolVersion],
    deadline: Deadline,
) -> Attempt {
    let start = std::time::Instant::now();
    let tcp = match route {
        Some(r) => r.open(addr, deadline).await,
        None => nettls::connect_tcp(addr, deadline)
            .await
            .map(|(tcp, _)| tcp),
    };
    let tcp = match tcp {
        Ok(tcp) => tcp,
        Err(e) => return Attempt::NoConnection(e),
    };
    let connect = start.elapsed();
    let server_name = match nettls::server_name(name) {
        Ok(n) => n,
        Err(e) => return Attempt::Handshake(connect, e),
    };
    let config = nettls::client_config(&Verify::Inspect, versions, ALPN);
    match nettls::handshake(tcp, server_name, config, deadline).await {
        Ok((stream, took)) => Attempt::Done(connect, took, nettls::negotiated(&stream)),
        Err(e) => Attempt::Handshake(connect, e),
    }
}

fn connected(addr: SocketAddr, route: Option<&Route>, took: Duration) -> Check {
    let check = match route {
        Some(r) => CONNECT
            .pass(format!(
                "tunnel to {}:{} through the proxy {} at {addr} in {} ms",
                r.host,
                r.port,
                r.proxy.shown(),
                ms(took)
            ))
            .detail("proxy", r.proxy.shown()),
        None => CONNECT.pass(format!("connected to {addr} in {} ms", ms(took))),
    };
    check.detail("address", addr.to_string()).took(took)
}

fn connect_failed(addr: Option<SocketAddr>, e: &NetError) -> Check {
    let mut check = CONNECT.fail(e.message.clone());
    if let Some(addr) = addr {
        check = check.detail("address", addr.to_string());
    }
    check.remedies(e.remedies_for(false))
}

/// A handshake that failed without a clear reason is asked again, with a
/// ClientHello offering the old versions too: a port that answers in
/// plain HTTP, or a server that wants TLS 1.0 or 1.1, is then named.
async fn told_apart(
    mut e: NetError,
    addr: SocketAddr,
    route: Option<&Route>,
    name: &str,
    deadline: Deadline,
) -> NetError {
    let unclear = matches!(
        e.cause,
        Cause::NotTls | Cause::Closed | Cause::NothingInCommon | Cause::OldVersion
    );
    if !unclear || route.is_some() || e.timed_out {
        return e;
    }
    match nettls::what_it_speaks(addr, name, deadline).await {
        nettls::Speaks::Http => {
            e.message = format!("{addr} answered in plain HTTP: this port does not speak TLS");
            e.cause = Cause::NotTls;
        }
        nettls::Speaks::Tls(version @ ("SSL 3.0" | "TLS 1.0" | "TLS 1.1")) => {
            e.message = format!(
                "the server speaks only {version}, older than the TLS 1.2 that plumb and current clients require"
            );
            e.cause = Cause::OldVersion;
        }
        _ => {}
    }
    e
}

async fn protocol_check(
    addr: SocketAddr,
    route: Option<&Route>,
    name: &str,
    deadline: Deadline,
) -> Check {
    let timer = Timer::start();
    let (v13, v12) = tokio::join!(
        attempt(addr, route, name, nettls::TLS13, deadline),
        attempt(addr, route, name, nettls::TLS12, deadline)
    );
    // A certificate message too large for plumb comes after the server
    // chose the version: that version was accepted.
    let accepted = |a: &Attempt| match a {
        Attempt::Done(..) => true,
        Attempt::Handshake(_, e) => e.message == nettls::too_large_message(),
        Attempt::NoConnection(_) => false,
    };
    let ok13 = accepted(&v13);
    let ok12 = accepted(&v12);
    let yes_no = |b: bool| if b { "accepted" } else { "refused" };
    let check = |status, summary: &str| {
        PROTOCOL
            .check(status, summary)
            .detail("tls_1_3", yes_no(ok13))
            .detail("tls_1_2", yes_no(ok12))
            .took(timer.elapsed())
    };
    match (ok13, ok12) {
        (true, true) => check(Status::Pass, "TLS 1.3 and TLS 1.2 accepted"),
        (true, false) => check(
            Status::Pass,
            "TLS 1.3 accepted; TLS 1.2 refused (clients limited to TLS 1.2 cannot connect)",
        ),
        (false, true) => check(Status::Pass, "TLS 1.2 accepted; TLS 1.3 not offered"),
        (false, false) => check(Status::Fail, "neither TLS 1.3 nor TLS 1.2 accepted"),
    }
}

fn hostname_check(negotiated: &Negotiated, leaf: &CertInfo, name: &str) -> Check {
    let matches = verify::name_matches(&negotiated.chain[0], name);
    let check = |status, summary: String| {
        HOSTNAME
            .check(status, summary)
            .detail("checked_name", name)
            .detail("certificate_names", leaf.sans.clone())
            .detail("subject", leaf.subject.clone())
    };
    if matches {
        check(Status::Pass, format!("the certificate is valid for {name}"))
    } else {
        let names = if leaf.sans.is_empty() {
            "no subject alternative names".to_string()
        } else {
            leaf.sans.join(", ")
        };
        check(
            Status::Fail,
            format!("the certificate is not valid for {name}: it names {names}"),
        )
    }
}

/// The chain as the server sent it, for people reading the report.
fn chain_check(chain: &[CertInfo]) -> Check {
    let leaf = &chain[0];
    CHAIN
        .info(format!(
            "{} certificate{} sent; the server's is {}",
            chain.len(),
            if chain.len() == 1 { "" } else { "s" },
            leaf.subject
        ))
        .detail(
            "chain",
            chain.iter().map(CertInfo::line).collect::<Vec<_>>(),
        )
        .detail("names", leaf.sans.clone())
        .detail("key", leaf.key.clone())
        .detail("signature_algorithm", leaf.signature_algorithm.clone())
        .detail("serial", leaf.serial.clone())
}

fn trust_check(
    verdict: &verify::Verdict,
    chain: &[CertInfo],
    second: Option<(String, std::result::Result<(), String>)>,
    system_location: &str,
) -> Check {
    let issuer = chain.last().map(|c| c.issuer.clone()).unwrap_or_default();
    let base = |status, summary: String| {
        TRUST
            .check(status, summary)
            .detail("issuer", issuer.clone())
    };
    match verdict {
        verify::Verdict::Trusted(source @ crate::net::trust::Source::PublicOnly) => base(
            Status::Warn,
            failure::mozilla_only_words(system_location),
        )
        .detail("anchored_in", source.as_str())
        .detail("system_store", system_location)
        .remedy(verify::INSTALL_BUNDLE),
        verify::Verdict::Trusted(source) => base(
            Status::Pass,
            format!("chain verified against {}", source.as_str()),
        )
        .detail("anchored_in", source.as_str()),
        verify::Verdict::Untrusted(problem) => {
            let check = base(Status::Fail, problem.summary.clone());
            check.remedies(problem.remedies.iter().copied())
        }
        verify::Verdict::CannotJudge(why, _) => match second {
            Some((openssl, Ok(()))) => base(
                Status::Pass,
                format!("chain verified by this machine's {openssl}; plumb's own verifier cannot judge it: {why}"),
            )
            .detail("judged_by", openssl),
            Some((openssl, Err(reason))) => base(
                Status::Fail,
                format!("this machine's {openssl} rejects the chain: {reason}"),
            )
            .detail("judged_by", openssl)
            .detail("plumb_verifier", why.clone())
            .remedy("Re-issue the certificate from a trusted CA and install it with its intermediates."),
            None => base(
                Status::Warn,
                format!("plumb cannot judge this chain: {why}"),
            )
            .remedy("Check the chain with the client your integration runs on (openssl s_client -connect HOST:PORT -verify_return_error, or curl); plumb found no openssl binary for a second opinion."),
        },
    }
}

fn expiry_check(chain: &[CertInfo], now: i64, warn_days: u32) -> Check {
    let leaf = &chain[0];
    // The first certificate to expire decides when the chain stops working.
    let (which, soonest) = chain
        .iter()
        .enumerate()
        .min_by_key(|(_, c)| c.not_after)
        .unwrap_or((0, leaf));
    let label = if which == 0 {
        "the certificate".to_string()
    } else {
        format!("chain certificate {} ({})", which + 1, soonest.subject)
    };
    let days_left = (soonest.not_after - now).div_euclid(86_400);
    let base = |status, summary: String| {
        EXPIRY
            .check(status, summary)
            .detail("not_before", cert::date(leaf.not_before))
            .detail("not_after", cert::date(soonest.not_after))
            .detail("days_left", days_left)
            .not_after(leaf.not_after, soonest.not_after)
    };
    if let Some(early) = chain.iter().find(|c| c.not_before > now) {
        return base(
            Status::Fail,
            format!("not valid yet: {} {}", early.subject, failure::not_yet_words(now, early.not_before)),
        )
        .remedy("Check this machine's clock; if it is right, the server installed a certificate dated in the future.");
    }
    if soonest.not_after <= now {
        return base(
            Status::Fail,
            format!("{label} {}", failure::expired_words(now, soonest.not_after)),
        )
        .remedy("Renew the certificate and install the new one together with its intermediates.")
        .remedy("Automate renewal (ACME) and alert well before expiry.");
    }
    if days_left < i64::from(warn_days) {
        return base(
            Status::Warn,
            format!(
                "{label} expires in {days_left} day{} ({})",
                if days_left == 1 { "" } else { "s" },
                cert::date(soonest.not_after)
            ),
        )
        .remedy("Renew the certificate now; clients start failing the moment it expires.");
    }
    base(
        Status::Pass,
        format!(
            "valid until {} ({days_left} days left)",
            cert::date(soonest.not_after)
        ),
    )
}

fn interception_check(verdict: &verify::Verdict, chain: &[CertInfo], name: &str) -> Check {
    if let Some(product) = verify::inspection_product(chain) {
        return INTERCEPTION.warn(
            format!("the chain is issued by {product}: a TLS-inspecting proxy sits between you and the server"),
        )
        .detail("issuer", chain.last().map(|c| c.issuer.clone()).unwrap_or_default())
        .remedy("Ask your network team to exempt the API endpoints from TLS inspection: integrations expect the provider's own certificate.")
        .remedy("If inspection must stay, trust its CA explicitly (--ca-file) and expect signature and pinning problems.");
    }
    let public = target::is_public_name(name);
    match verdict {
        verify::Verdict::Trusted(source) if !matches!(source, crate::net::trust::Source::Public | crate::net::trust::Source::PublicOnly) && public => INTERCEPTION.warn(
            format!("{name} is a public name, but its chain is trusted only through {}", source.as_str()),
        )
        .detail("issuer", chain.last().map(|c| c.issuer.clone()).unwrap_or_default())
        .remedy("A proxy is probably re-signing TLS traffic: ask for the API endpoints to be exempted from inspection."),
        verify::Verdict::Untrusted(_) if public => INTERCEPTION.warn(
            format!("{name} is a public name but its chain is not publicly trusted: a proxy may be intercepting TLS"),
        )
        .detail("issuer", chain.last().map(|c| c.issuer.clone()).unwrap_or_default())
        .remedy("Compare with the certificate seen from another network; if they differ, TLS is being intercepted here."),
        _ => INTERCEPTION.pass("no sign of TLS interception"),
    }
}

async fn addresses_check(
    addrs: &[SocketAddr],
    name: &str,
    first: &Negotiated,
    deadline: Deadline,
) -> Check {
    let timer = Timer::start();
    let mut lines = Vec::new();
    let mut bad = 0;
    let reference = first.chain.first().cloned();
    let mut set = tokio::task::JoinSet::new();
    for (i, addr) in addrs.iter().copied().enumerate() {
        let name = name.to_string();
        set.spawn(async move { (i, attempt(addr, None, &name, nettls::BOTH, deadline).await) });
    }
    let mut results: Vec<(usize, Attempt)> = set.join_all().await;
    results.sort_by_key(|(i, _)| *i);
    for (addr, (_, result)) in addrs.iter().zip(results) {
        match result {
            Attempt::Done(_, _, n) => {
                let leaf = n.chain.first();
                let info = leaf.and_then(|d| cert::parse(d));
                let same = leaf == reference.as_ref();
                let valid = leaf.is_some_and(|l| verify::name_matches(l, name));
                if !same || !valid {
                    bad += 1;
                }
                lines.push(format!(
                    "{addr}: {} serial {}{}",
                    if same {
                        "same certificate,"
                    } else {
                        "DIFFERENT certificate,"
                    },
                    info.as_ref().map(|i| i.serial.clone()).unwrap_or_default(),
                    if valid {
                        ""
                    } else {
                        ", not valid for the name"
                    }
                ));
            }
            Attempt::NoConnection(e) | Attempt::Handshake(_, e) => {
                bad += 1;
                lines.push(format!("{addr}: {}", e.message));
            }
        }
    }
    let check = if bad == 0 {
        ADDRESSES.pass(format!(
            "all {} addresses serve the same certificate",
            addrs.len()
        ))
    } else {
        ADDRESSES.fail(format!("{bad} of {} addresses differ or fail", addrs.len()))
    };
    check.detail("addresses", lines).took(timer.elapsed())
}

#[cfg(test)]
mod corpus;
