//! `plumb endpoint URL`: one request, timed phase by phase like httpstat,
//! with the status explained, redirects listed, and an optional CORS check.

use crate::catalog::{self, Lookup};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input;
use crate::net::failure;
use crate::net::http::{self, Client, Request, Response};
use crate::net::target;
use crate::net::{ms, Deadline, NetError, Phase};
use crate::report::{Check, Def, Report, Status, Timer};
use std::time::Duration;

/// Redirects followed before giving up, as the hop limit says.
const MAX_HOPS: usize = 5;

pub const DNS: Def = Def {
    id: "http.dns",
    title: "DNS lookup",
    judges: "Whether the URL's host name resolves (through a proxy, the proxy's own name), and how long it took.",
    remedies: &[],
};
pub const CONNECT: Def = Def {
    id: "http.connect",
    title: "TCP connection",
    judges: "Whether a TCP connection to the server (or a tunnel through the proxy) opens, and how long it took.",
    remedies: &[],
};
pub const TLS: Def = Def {
    id: "http.tls",
    title: "TLS",
    judges: "Whether the TLS handshake completes with a verified certificate; a chain trusted by Mozilla's roots but not by this machine's CA bundle warns (OpenSSL-based clients here refuse it); plain http to anything but a loopback address warns, as webhook senders require https.",
    remedies: &[],
};
pub const STATUS: Def = Def {
    id: "http.status",
    title: "HTTP status",
    judges: "Whether the answer is 2xx without redirects (up to 5 followed); a 4xx or 5xx is explained from the catalogue.",
    remedies: &[],
};
pub const LATENCY: Def = Def {
    id: "http.latency",
    title: "Response time",
    judges:
        "Whether the whole exchange ends within --deadline: over it fails, over half of it warns.",
    remedies: &[],
};
pub const HEADERS: Def = Def {
    id: "http.headers",
    title: "Response headers",
    judges: "With --include: the final answer's status line and headers, as curl -i shows them (credentials the request carried are redacted).",
    remedies: &[],
};
pub const BODY: Def = Def {
    id: "http.body",
    title: "Response body",
    judges: "Notes how the body ended when that is unusual: without a length, at the server's close of the connection and without TLS close_notify, which plumb accepts as curl does.",
    remedies: &[],
};
pub const CORS: Def = Def {
    id: "http.cors",
    title: "CORS",
    judges: "With --origin: whether a real preflight and the actual answer let a browser at that origin make the request.",
    remedies: &[],
};

/// Every check `endpoint` reports, in report order.
pub const ALL: &[&Def] = &[
    &DNS, &CONNECT, &TLS, &STATUS, &HEADERS, &BODY, &LATENCY, &CORS,
];

#[derive(Debug)]
pub struct Options {
    /// The URL to request (http or https)
    pub url: String,
    /// HTTP method
    pub method: String,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    pub headers: Vec<String>,
    /// Request body, or @FILE to send a file's bytes
    pub data: Option<String>,
    /// Also send a CORS preflight as a browser at this origin would
    pub origin: Option<String>,
    /// The longest the whole exchange may take (webhook senders give up after about 10 s)
    pub deadline: Duration,
    /// Show the response's status line and headers (like curl -i)
    pub include: bool,
    /// Connect to this address instead of resolving the URL's host (like curl --resolve); Host and TLS name stay the URL's, and no proxy is used
    pub address: Option<std::net::IpAddr>,
}

/// Largest `--data @FILE` sent.
const MAX_DATA: u64 = 64 * 1024 * 1024;

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let url = target::parse_url("URL", &args.url)?;
    let method = ::http::Method::from_bytes(args.method.trim().to_ascii_uppercase().as_bytes())
        .map_err(|_| {
            Error::usage(format!(
                "--method '{}': not an HTTP method",
                crate::escape::clean(&args.method)
            ))
        })?;
    let origin = match &args.origin {
        Some(o) => Some(origin_of(o)?),
        None => None,
    };
    let mut request = Request::new(method.clone(), url.clone()).header_args("-H", &args.headers)?;
    if let Some(data) = &args.data {
        request.body = match data.strip_prefix('@') {
            Some(path) => input::read_file("--data", std::path::Path::new(path), MAX_DATA)?,
            None => data.clone().into_bytes(),
        };
    }
    if let Some(o) = &origin {
        // --origin is the browser's origin the CORS check judges: it
        // replaces an Origin given with -H.
        request
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("origin"));
        request = request.header("origin", o.clone());
    }
    if let Some(ip) = args.address {
        let port = url.port_or_known_default().unwrap_or(443);
        request.connect_to = Some(std::net::SocketAddr::new(ip, port));
    }
    let client = Client::new(ctx)?;
    let mut report = Report::new("endpoint", http::shown_url(&url));
    let sent = request.secrets();
    report.add_secrets(&sent);
    let sent: Vec<&crate::secret::Secret> = sent.iter().collect();
    let timer = Timer::start();
    // One --timeout for everything endpoint sends (the request, each
    // redirect, the CORS preflight), as curl's --max-time bounds a transfer
    // with its redirects: five slow hops cannot take six timeouts.
    request.deadline = Some(Deadline::after(ctx.timeout));
    // The exchange itself ends at --deadline when that comes first: a
    // slower answer is judged slow when the deadline passes, as the
    // integration's own client would give up then.
    let mut exchange = request.clone();
    exchange.deadline = Some(Deadline::after(ctx.timeout).min(Deadline::after(args.deadline)));
    let outcome = follow(&client, exchange).await;
    let elapsed = timer.elapsed();
    let slow =
        |e: &NetError| e.timed_out && args.deadline < ctx.timeout && elapsed >= args.deadline;
    match outcome {
        Err((hops, e)) if hops.is_empty() => {
            let slow = slow(&e);
            phases_failed(&mut report, &url, &e, slow);
            if args.include {
                if let Some(h) = e
                    .reached
                    .as_ref()
                    .and_then(|r| r.headers.as_ref().map(|h| (r, h)))
                {
                    report.push(headers_check(
                        h.0.status.unwrap_or(0),
                        h.0.version.unwrap_or(""),
                        h.1,
                        &sent,
                    ));
                }
            }
            report.push(failed_latency(&e, elapsed, args.deadline, slow));
        }
        Err((hops, e)) => {
            phase_checks(&mut report, &url, &hops[0].1);
            report.push(
                STATUS.fail(format!("following a redirect failed: {}", e.message))
                    .detail("redirects", redirect_lines(&hops, &sent))
                    .remedy("Point the integration at the final URL directly: webhook senders do not follow redirects."),
            );
            report.push(failed_latency(&e, elapsed, args.deadline, slow(&e)));
        }
        Ok(hops) => {
            phase_checks(&mut report, &url, &hops[0].1);
            let (final_url, last) = hops.last().expect("at least one hop");
            report.push(status_check(&hops, final_url, &sent));
            if args.include {
                report.push(headers_check(
                    last.status,
                    last.version,
                    &last.headers,
                    &sent,
                ));
            }
            if last.closed_body {
                report.push(BODY.info(format!(
                    "{} bytes, ended when the server closed the connection without TLS close_notify: read to the end as curl reads it",
                    last.body.len()
                )).detail("body_bytes", last.body.len()));
            }
            report.push(latency_check(&hops, elapsed, args.deadline));
            if let Some(o) = &origin {
                report.push(if ctx.out_of_time() {
                    CORS.skip(ctx.out_of_time_summary())
                } else {
                    cors_check(&client, final_url, &request, o, last).await
                });
            }
        }
    }
    Ok(report)
}

/// A browser origin: scheme, host and optional port, nothing else.
fn origin_of(raw: &str) -> Result<String> {
    let url = target::parse_url("--origin", raw)?;
    if url.path() != "/" || url.query().is_some() {
        return Err(Error::usage(format!(
            "--origin '{}': an origin is scheme://host[:port] without a path",
            http::shown_url(&url)
        )));
    }
    Ok(url.origin().ascii_serialization())
}

type Hops = Vec<(url::Url, Response)>;

/// Sends the request and follows up to [`MAX_HOPS`] redirects. Once a
/// redirect leaves the first URL's origin (scheme, host and port, as
/// browsers and curl compare them), the request loses every credential it
/// carries — secret headers (Authorization, Cookie, API keys…), the URL's
/// user name and password — and a Host given with -H, for the rest of the
/// chain.
async fn follow(
    client: &Client,
    mut request: Request,
) -> std::result::Result<Hops, (Hops, NetError)> {
    let first = request.url.clone();
    let mut hops: Hops = Vec::new();
    loop {
        let response = match client.send(&request).await {
            Ok(r) => r,
            Err(e) => return Err((hops, e)),
        };
        let location = response.header("location").map(str::to_string);
        let status = response.status;
        hops.push((request.url.clone(), response));
        let Some(location) = location.filter(|_| (300..400).contains(&status)) else {
            return Ok(hops);
        };
        if hops.len() > MAX_HOPS {
            return Ok(hops);
        }
        let Ok(mut next) = request.url.join(&location) else {
            return Ok(hops);
        };
        if !matches!(next.scheme(), "http" | "https") {
            return Ok(hops);
        }
        if !same_origin(&first, &next) {
            drop_credentials(&mut request, &mut next);
        }
        if status == 303
            || ((status == 301 || status == 302) && request.method == ::http::Method::POST)
        {
            request.method = ::http::Method::GET;
            request.body.clear();
        }
        request.url = next;
    }
}

/// Whether two URLs share an origin: scheme, host and port (an absent port
/// is the scheme's default).
fn same_origin(a: &url::Url, b: &url::Url) -> bool {
    a.scheme() == b.scheme()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// Strips what must not cross to another origin: secret headers, a Host
/// given with -H (it named the first server), and a user name and password
/// in the next URL.
fn drop_credentials(request: &mut Request, next: &mut url::Url) {
    request
        .headers
        .retain(|(n, v)| matches!(v, http::Value::Plain(_)) && !n.eq_ignore_ascii_case("host"));
    let _ = next.set_password(None);
    let _ = next.set_username("");
}

fn phases_failed(report: &mut Report, url: &url::Url, e: &NetError, slow: bool) {
    let order = [
        (Phase::Dns, &DNS),
        (Phase::Connect, &CONNECT),
        (Phase::Tls, &TLS),
    ];
    let host = target::url_host(url);
    let reached = e.reached.as_deref();
    let t = reached.map(|r| r.timings).unwrap_or_default();
    let remote = reached.and_then(|r| r.remote);
    let mut on = true;
    for (phase, def) in order {
        if !on {
            report.push(def.skip("not reached"));
            continue;
        }
        if phase == e.phase {
            report.push(if slow {
                def.fail(format!(
                    "{} (--deadline): the server is slow here, not broken",
                    e.message
                ))
            } else {
                def.fail(e.message.clone()).remedies(e.remedies())
            });
            on = false;
        } else if phase == Phase::Tls && url.scheme() == "http" {
            // The address connected to when known; otherwise an IP
            // literal is its own address, and a name is not taken for
            // loopback.
            let literal = remote
                .map(|a| a.ip())
                .or_else(|| target::url_host(url).parse().ok());
            report.push(plain_http(literal, false));
        } else {
            report.push(match (phase, remote) {
                (Phase::Dns, Some(a)) if host.parse::<std::net::IpAddr>().is_err() => DNS
                    .pass(format!("{host} resolved in {} ms", ms(t.dns)))
                    .detail("address", a.ip().to_string())
                    .took(t.dns),
                (Phase::Connect, Some(a)) => {
                    let c = CONNECT
                        .pass(format!("connected to {a} in {} ms", ms(t.connect)))
                        .detail("address", a.to_string())
                        .took(t.connect);
                    match reached.and_then(|r| r.fallback.clone()) {
                        Some(f) => fallback_warn(c, f),
                        None => c,
                    }
                }
                (Phase::Tls, _) if t.tls.is_some() => TLS
                    .pass(format!(
                        "handshake done in {} ms",
                        ms(t.tls.unwrap_or_default())
                    ))
                    .took(t.tls.unwrap_or_default()),
                _ => def.pass("ok"),
            });
        }
    }
    let code = reached.and_then(|r| r.status);
    let status = match (e.phase, code) {
        (Phase::Http, _) if slow => match code {
            Some(c) => STATUS
                .fail(format!("{c} arrived, but the body did not finish within the --deadline"))
                .detail("status", c),
            None => STATUS.skip("no answer before the --deadline: see the response time"),
        },
        (Phase::Http, Some(c)) => STATUS.fail(e.message.clone()).detail("status", c)
            .remedy("The server sent its status and headers, then the body broke off: check the application's logs and any proxy or CDN in front of it for a crash or a size or time limit."),
        (Phase::Http, None) => STATUS.fail(e.message.clone())
            .remedy("The server accepted the connection but did not answer as HTTP should: check the application behind it."),
        (Phase::Policy, _) => STATUS.fail(e.message.clone())
            .remedy("Use https:// so the credential travels encrypted."),
        _ => STATUS.skip("not reached"),
    };
    report.push(status);
}

/// The response-time row when no complete answer came: with --deadline
/// passed it fails (the answer was too slow); otherwise it is skipped. The
/// phase timings measured before the failure are kept either way.
fn failed_latency(e: &NetError, elapsed: Duration, deadline: Duration, slow: bool) -> Check {
    let t = e.reached.as_deref().map(|r| r.timings).unwrap_or_default();
    let with_timings = |c: Check| {
        c.detail("dns_ms", ms(t.dns))
            .detail("connect_ms", ms(t.connect))
            .detail("tls_ms", t.tls.map(ms))
            .detail(
                "first_byte_ms",
                e.reached
                    .as_deref()
                    .and_then(|r| r.status)
                    .map(|_| ms(t.first_byte)),
            )
            .detail("total_ms", ms(elapsed))
            .detail("deadline_ms", ms(deadline))
            .took(elapsed)
    };
    if slow {
        with_timings(LATENCY.fail(format!(
            "no complete answer within the --deadline of {}: the server is too slow (it was still {} when plumb gave up)",
            humantime::format_duration(deadline),
            if e.reached.as_deref().and_then(|r| r.status).is_some() { "sending the body" } else { "working on the answer" }
        )))
        .remedy("Answer within the deadline: acknowledge with 2xx at once and do the work in the background.")
    } else {
        with_timings(LATENCY.skip("no complete answer to time"))
    }
}

/// The connection row when one address family failed and the other
/// connected.
fn fallback_warn(mut c: Check, fallback: String) -> Check {
    c.set_status(Status::Warn);
    c.set_summary(fallback);
    c.remedy("Clients that try only the first address (many HTTP libraries, cron jobs, older runtimes) fail here: fix the host's IPv6 route or firewall, or remove the AAAA record until IPv6 works.")
}

/// `-i`: the status line and headers of the final answer.
fn headers_check(
    status: u16,
    version: &str,
    headers: &::http::HeaderMap,
    secrets: &[&crate::secret::Secret],
) -> Check {
    let reason = ::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let lines: Vec<String> = headers
        .iter()
        .map(|(n, v)| {
            let value = crate::escape::clean(&String::from_utf8_lossy(v.as_bytes()));
            format!("{n}: {}", crate::redact::foreign(&value, secrets))
        })
        .collect();
    HEADERS
        .info(format!("{version} {status} {reason}").trim().to_string())
        .detail("headers", lines)
}

fn phase_checks(report: &mut Report, url: &url::Url, first: &Response) {
    let t = first.timings;
    let host = target::url_host(url);
    // Through a proxy plumb resolves and connects to the proxy; the
    // proxy resolves the service's name.
    let (dns, connect) = match &first.proxy {
        Some(proxy) => (
            format!(
                "{host} is resolved by the proxy {proxy}; the proxy is at {}, found in {} ms",
                first.remote.ip(),
                ms(t.dns)
            ),
            format!(
                "tunnel to {host} through the proxy {proxy} at {} in {} ms",
                first.remote,
                ms(t.connect)
            ),
        ),
        None => (
            if host.parse::<std::net::IpAddr>().is_ok() {
                "an IP address: no lookup needed".to_string()
            } else {
                format!(
                    "{host} resolved to {} in {} ms",
                    first.remote.ip(),
                    ms(t.dns)
                )
            },
            format!("connected to {} in {} ms", first.remote, ms(t.connect)),
        ),
    };
    let mut dns = DNS
        .pass(dns)
        .detail("address", first.remote.ip().to_string())
        .took(t.dns);
    let mut connect = CONNECT
        .pass(connect)
        .detail("address", first.remote.to_string())
        .took(t.connect);
    if !first.lost.is_empty() {
        let lost: Vec<String> = first
            .lost
            .iter()
            .map(|a| format!("{}: {}", a.addr, a.outcome))
            .collect();
        connect = connect.detail("other_addresses", lost);
    }
    if let Some(f) = &first.fallback {
        connect = fallback_warn(connect, f.clone());
    }
    if let Some(proxy) = &first.proxy {
        dns = dns.detail("proxy", proxy.clone());
        connect = connect.detail("proxy", proxy.clone());
    }
    report.push(dns);
    report.push(connect);
    match (&first.tls, t.tls) {
        (Some(n), Some(took)) => report.push(tls_row(n, took)),
        _ => report.push(plain_http(Some(first.remote.ip()), first.proxy.is_some())),
    }
}

/// The TLS row of a completed handshake: a warning, in `plumb tls`'s
/// words, when only Mozilla's roots trust the chain and this machine's CA
/// bundle does not, since OpenSSL-based clients here then refuse it.
fn tls_row(n: &crate::net::tls::Negotiated, took: Duration) -> Check {
    let check = match n.mozilla_only() {
        Some(location) => TLS
            .warn(format!(
                "{} with {}; {}",
                n.version,
                n.cipher,
                failure::mozilla_only_words(location)
            ))
            .detail("system_store", location)
            .remedy(failure::INSTALL_BUNDLE),
        None => TLS.pass(format!(
            "{} with {}, certificate verified",
            n.version, n.cipher
        )),
    };
    let check = match n.anchored_in {
        Some(source) => check.detail("anchored_in", source.as_str()),
        None => check,
    };
    check
        .detail("version", n.version.clone())
        .detail("alpn", n.alpn.clone().unwrap_or_else(|| "none".to_string()))
        .took(took)
}

/// The TLS row of a plain-http request: skipped only when the connection
/// went straight to a loopback address (the address connected to, not the
/// name: `shop.localhost` mapped elsewhere is remote).
fn plain_http(addr: Option<std::net::IpAddr>, proxied: bool) -> Check {
    if addr.is_some_and(|ip| http::clear_text_allowed(ip, proxied)) {
        TLS.skip("plain http to a loopback address")
    } else {
        TLS.warn("plain http: nothing is encrypted, and webhook senders require https")
            .remedy("Serve the endpoint over https with a certificate from a public CA.")
    }
}

fn redirect_lines(
    hops: &[(url::Url, Response)],
    secrets: &[&crate::secret::Secret],
) -> Vec<String> {
    hops.iter()
        .map(|(u, r)| {
            let from = http::shown_url(u);
            match r.header("location") {
                Some(loc) if (300..400).contains(&r.status) => {
                    let to = u
                        .join(loc)
                        .map_or_else(|_| crate::escape::clean(loc), |next| http::shown_url(&next));
                    format!(
                        "{} {from} → {}",
                        r.status,
                        crate::redact::foreign(&to, secrets)
                    )
                }
                _ => format!("{} {from}", r.status),
            }
        })
        .collect()
}

fn status_check(
    hops: &[(url::Url, Response)],
    final_url: &url::Url,
    secrets: &[&crate::secret::Secret],
) -> Check {
    let last = &hops[hops.len() - 1].1;
    let code = last.status;
    let final_url = http::shown_url(final_url);
    let mut check = STATUS
        .pass(String::new())
        .detail("status", code)
        .detail("protocol", last.version)
        .detail("url", final_url.as_str());
    if hops.len() > 1 {
        check = check.detail("redirects", redirect_lines(hops, secrets));
    }
    if let Some(ct) = last.header("content-type") {
        check = check.detail("content_type", ct);
    }
    for id_header in [
        "x-request-id",
        "request-id",
        "x-amzn-requestid",
        "cf-ray",
        "x-github-request-id",
    ] {
        if let Some(v) = last.header(id_header) {
            check = check.detail("request_id", crate::redact::foreign(v, secrets));
            break;
        }
    }
    if last.truncated {
        check = check.detail(
            "body",
            format!(
                "larger than {} bytes; only that much was read",
                http::MAX_BODY
            ),
        );
    }
    let reason = ::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    match code {
        200..=299 => {
            // The start of the body, shown with -v (as curl -v shows it).
            let start = body_excerpt(last, secrets);
            if !start.is_empty() {
                check = check.detail("body_start", start);
            }
            check.set_status(Status::Pass);
            check.set_summary(format!("{code} {reason}"));
            if hops.len() > 1 {
                check.set_status(Status::Warn);
                check.set_summary(format!(
                    "{code} {reason} after {} redirect{}",
                    hops.len() - 1,
                    if hops.len() == 2 { "" } else { "s" }
                ));
                check = check.remedy(format!(
                    "Use the final URL ({final_url}) directly: webhook senders treat a redirect as a failed delivery."
                ));
            }
            check
        }
        300..=399 => {
            check.set_status(Status::Fail);
            check.set_summary(if hops.len() > MAX_HOPS {
                format!("more than {MAX_HOPS} redirects: stopped following")
            } else {
                format!("{code} {reason} with no usable Location")
            });
            check.remedy("Fix the redirect loop or point the integration at the final URL.")
        }
        _ => {
            check.set_status(Status::Fail);
            check.set_summary(format!("{code} {reason}"));
            let excerpt = body_excerpt(last, secrets);
            if !excerpt.is_empty() {
                check = check.detail("body_excerpt", excerpt);
            }
            match catalog::lookup(&code.to_string()) {
                Lookup::Found { entry, .. } => check
                    .detail("meaning", entry.meaning)
                    .remedies(entry.remedy.iter().copied()),
                Lookup::NotFound { .. } => check.remedy(if code >= 500 {
                    "The server failed: retry later and check its logs."
                } else {
                    "The server refused the request: read the body for the reason."
                }),
            }
        }
    }
}

/// The first 300 characters of a text body, for the reason servers give;
/// credentials the request carried are redacted before it is cut.
fn body_excerpt(r: &Response, secrets: &[&crate::secret::Secret]) -> String {
    let text = crate::redact::foreign(&r.body_text(), secrets);
    crate::escape::shorten(text.trim(), 300)
}

fn latency_check(hops: &[(url::Url, Response)], elapsed: Duration, deadline: Duration) -> Check {
    let first = hops[0].1.timings;
    let last = hops[hops.len() - 1].1.timings;
    let tls = first
        .tls
        .map(|t| format!(" · TLS {} ms", ms(t)))
        .unwrap_or_default();
    let summary = format!(
        "DNS {} ms · connect {} ms{tls} · first byte {} ms · total {} ms",
        ms(first.dns),
        ms(first.connect),
        ms(last.first_byte),
        ms(elapsed)
    );
    let check = |status| {
        LATENCY
            .check(status, summary.clone())
            .detail("dns_ms", ms(first.dns))
            .detail("connect_ms", ms(first.connect))
            .detail("tls_ms", first.tls.map(ms))
            .detail("first_byte_ms", ms(last.first_byte))
            .detail("total_ms", ms(elapsed))
            .detail("deadline_ms", ms(deadline))
            .took(elapsed)
            .phase_time("dns", first.dns)
            .phase_time("connect", first.connect)
            .phase_time("first_byte", last.first_byte)
            .phase_time("total", elapsed)
    };
    let check = |status| match first.tls {
        Some(t) => check(status).phase_time("tls", t),
        None => check(status),
    };
    if elapsed > deadline {
        check(Status::Fail)
            .remedy("Answer within the deadline: acknowledge with 2xx at once and do the work in the background.")
    } else if elapsed > deadline / 2 {
        check(Status::Warn).remedy("The answer took more than half the deadline: under load it will time out. Acknowledge first, work later.")
    } else {
        check(Status::Pass)
    }
}

async fn cors_check(
    client: &Client,
    url: &url::Url,
    request: &Request,
    origin: &str,
    actual: &Response,
) -> Check {
    let method = request.method.as_str().to_string();
    let custom: Vec<String> = request
        .headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .filter(|n| {
            !matches!(
                n.as_str(),
                "accept" | "accept-language" | "content-language" | "origin" | "content-type"
            )
        })
        .collect();
    let mut preflight = Request::new(::http::Method::OPTIONS, url.clone())
        .header("origin", origin)
        .header("access-control-request-method", method.clone());
    preflight.deadline = request.deadline;
    if !custom.is_empty() {
        preflight = preflight.header("access-control-request-headers", custom.join(","));
    }
    let answer = match client.send(&preflight).await {
        Ok(r) => r,
        Err(e) => {
            return CORS
                .fail(format!("the preflight request failed: {}", e.message))
                .remedy("Make the endpoint answer OPTIONS requests.")
        }
    };
    let problems = cors_problems(&answer, actual, origin, &method, &custom);
    let base = |status, summary: String| {
        CORS.check(status, summary)
            .detail("origin", origin)
            .detail("preflight_status", answer.status)
            .detail(
                "allow_origin",
                answer
                    .header("access-control-allow-origin")
                    .unwrap_or("(none)"),
            )
            .detail(
                "allow_methods",
                answer
                    .header("access-control-allow-methods")
                    .unwrap_or("(none)"),
            )
            .detail(
                "allow_headers",
                answer
                    .header("access-control-allow-headers")
                    .unwrap_or("(none)"),
            )
    };
    if problems.is_empty() {
        base(
            Status::Pass,
            format!("a browser at {origin} may call this endpoint with {method}"),
        )
    } else {
        base(Status::Fail, format!("a browser at {origin} would block the call: {}", problems.join("; ")))
            .remedy(format!("Answer the preflight (OPTIONS) with 2xx and Access-Control-Allow-Origin: {origin}, Access-Control-Allow-Methods including {method}, and Access-Control-Allow-Headers listing the request's custom headers."))
            .remedy("Send Access-Control-Allow-Origin on the actual response too.")
    }
}

/// Everything in the preflight and actual answers that makes a browser refuse.
fn cors_problems(
    preflight: &Response,
    actual: &Response,
    origin: &str,
    method: &str,
    custom: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    if !(200..300).contains(&preflight.status) {
        out.push(format!("the preflight answered {}", preflight.status));
    }
    let allows = |r: &Response| {
        r.header("access-control-allow-origin")
            .map(str::trim)
            .map(str::to_string)
    };
    let credentials = preflight
        .header("access-control-allow-credentials")
        .is_some_and(|v| v.trim() == "true");
    match allows(preflight).as_deref() {
        None => out.push("no Access-Control-Allow-Origin in the preflight answer".to_string()),
        Some("*") if credentials => {
            out.push("Allow-Origin '*' cannot be combined with Allow-Credentials: true".to_string())
        }
        Some("*") => {}
        Some(o) if o == origin => {}
        Some(o) => out.push(format!("the preflight allows origin {o}, not {origin}")),
    }
    let simple = matches!(method, "GET" | "HEAD" | "POST");
    let list = |name: &str| -> Vec<String> {
        preflight
            .header(name)
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().to_ascii_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let methods = list("access-control-allow-methods");
    if !simple
        && !methods
            .iter()
            .any(|m| m == "*" || m.eq_ignore_ascii_case(method))
    {
        out.push(format!("{method} is not in Access-Control-Allow-Methods"));
    }
    let headers = list("access-control-allow-headers");
    let missing: Vec<&String> = custom
        .iter()
        .filter(|h| !headers.iter().any(|a| a == "*" || a == *h))
        .collect();
    if !missing.is_empty() {
        out.push(format!(
            "header{} {} not in Access-Control-Allow-Headers",
            if missing.len() == 1 { "" } else { "s" },
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    match allows(actual).as_deref() {
        None => out.push("the actual response has no Access-Control-Allow-Origin".to_string()),
        Some("*") => {}
        Some(o) if o == origin => {}
        Some(o) => out.push(format!(
            "the actual response allows origin {o}, not {origin}"
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TLS row warns, with `plumb tls`'s words and remedy, only when
    /// the client found the chain trusted by Mozilla's roots alone.
    #[test]
    fn the_tls_row_warns_when_only_mozilla_trusts_the_chain() {
        use crate::net::trust::Source;
        let mut n = crate::net::tls::Negotiated {
            version: "TLS 1.3".into(),
            cipher: "TLS13_AES_128_GCM_SHA256".into(),
            alpn: Some("h2".into()),
            chain: Vec::new(),
            anchored_in: Some(Source::PublicOnly),
            system_store: Some("SSL_CERT_FILE=/empty.pem".into()),
        };
        let row = tls_row(&n, Duration::from_millis(3));
        assert_eq!(row.status(), Status::Warn);
        assert!(row
            .summary()
            .contains(&failure::mozilla_only_words("SSL_CERT_FILE=/empty.pem")));
        assert!(row
            .remediation()
            .iter()
            .any(|r| r == failure::INSTALL_BUNDLE));
        for source in [Source::Public, Source::System, Source::CaFile] {
            n.anchored_in = Some(source);
            let row = tls_row(&n, Duration::from_millis(3));
            assert_eq!(row.status(), Status::Pass, "{source:?}");
            assert!(!row.summary().contains("Mozilla"));
        }
    }

    /// The origin is scheme, host and port: another port of the same host,
    /// or https to http, is another origin.
    #[test]
    fn origins_compare_scheme_host_and_port() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        assert!(same_origin(&u("https://h/a"), &u("https://h:443/b?c")));
        assert!(same_origin(&u("http://h:8080/"), &u("http://h:8080/x")));
        assert!(!same_origin(&u("https://h:8443/"), &u("http://h:8080/")));
        assert!(!same_origin(&u("https://h/"), &u("http://h/")));
        assert!(!same_origin(&u("http://h:1/"), &u("http://h:2/")));
        assert!(!same_origin(
            &u("http://127.0.0.1:1/"),
            &u("http://localhost:1/")
        ));
    }

    #[test]
    fn crossing_origins_drops_every_credential() {
        let mut req = Request::get(url::Url::parse("https://u:pw@h:8443/").unwrap())
            .header_args(
                "-H",
                &[
                    "Authorization: Bearer abc".into(),
                    "Cookie: s=1".into(),
                    "X-Api-Key: k".into(),
                    "Host: h".into(),
                    "Accept: text/plain".into(),
                ],
            )
            .unwrap();
        let mut next = url::Url::parse("http://u:pw@h:8080/next").unwrap();
        drop_credentials(&mut req, &mut next);
        req.url = next;
        assert!(!req.carries_secret(), "{req:?}");
        let names: Vec<&str> = req.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Accept"]);
    }
}
