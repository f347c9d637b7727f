//! `plumb webhook listen --provider P`: a local receiver that verifies each
//! delivery with the code `verify-signature` uses, tells one live line per
//! delivery, can relay it unchanged to the application (`--forward-to`)
//! and judge the application's answer, and can record each delivery as a
//! raw HTTP request file that `verify-signature --request` reads.
//!
//! It serves with `net::server` (every sender-side bound lives there) and
//! forwards with `net::http` (the one client). It ends on SIGINT/SIGTERM,
//! after `--expect N` deliveries, after `--for`, or when the run's budget
//! is nearly spent, and then reports.

use super::signature::{self, verify, Provider, Scheme, SchemeOptions};
use crate::context::{Ctx, Live};
use crate::error::{Error, Result};
use crate::net::http::{Client, Value as HeaderValue};
use crate::net::server::{self, Answer, Handler, Limits, Refusal, Request};
use crate::net::target::{self, AddressClass};
use crate::report::{Check, Def, Event, Report, Status};
use crate::secret::Secret;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct ListenOptions {
    /// Whose signatures the deliveries carry
    pub provider: Provider,
    pub scheme: SchemeOptions,
    /// Port to listen on (0 = any free port; the ready line names it)
    pub port: u16,
    /// Address to listen on (loopback unless told otherwise)
    pub bind: IpAddr,
    /// The path deliveries arrive on; other paths are answered 404
    pub path: String,
    /// Relay each delivery unchanged to the application at this URL
    pub forward_to: Option<String>,
    /// Record each delivery as a raw HTTP request file in DIR
    pub record: Option<PathBuf>,
    /// End after this many deliveries (fewer by the end fails)
    pub expect: Option<u64>,
    /// End after this long
    pub duration: Option<Duration>,
    /// Answer invalid deliveries 400 and do not forward them
    pub reject_invalid: bool,
    /// How far a signed timestamp may lie from the moment of arrival
    pub tolerance: Duration,
}

impl ListenOptions {
    /// The run's budget a listen needs when `--max-time` is not given:
    /// `--for` plus the usual budget (to finish the forwards in flight and
    /// report); the usual budget alone with `--expect` only; unbounded
    /// (until Ctrl-C) with neither.
    pub fn budget(&self, base: Duration) -> Duration {
        match (self.duration, self.expect) {
            (Some(d), _) => base.saturating_add(d),
            (None, Some(_)) => base,
            (None, None) => Duration::MAX,
        }
    }
}

pub const BIND: Def = Def {
    id: "webhook.listen.bind",
    title: "Listening address",
    judges: "Where the listener was bound: a loopback address passes; any other address warns, since every host that reaches it can send deliveries.",
    remedies: &[],
};
pub const DELIVERIES: Def = Def {
    id: "webhook.listen.deliveries",
    title: "Deliveries",
    judges: "How many deliveries arrived and how many verified; with --expect N, fewer than N by the end fails; none at all warns; a delivery that could not be recorded warns.",
    remedies: &[],
};
pub const SIGNATURE: Def = Def {
    id: "webhook.listen.signature",
    title: "Signatures",
    judges: "Whether every delivery's signature verified, exactly as verify-signature judges it; each one that did not is listed with its cause.",
    remedies: &[],
};
pub const APP_VERIFIES: Def = Def {
    id: "webhook.listen.app_verifies",
    title: "Application verifies",
    judges: "With --forward-to: whether the application refused every forwarded delivery whose signature was invalid; a 2xx to one fails, since it does not verify signatures.",
    remedies: &[],
};
pub const APP_ACCEPTS_VALID: Def = Def {
    id: "webhook.listen.app_accepts_valid",
    title: "Application accepts valid deliveries",
    judges: "With --forward-to: whether the application answered 2xx to every delivery whose signature was valid; a refusal or no answer fails, with the likely causes.",
    remedies: &[],
};
pub const REFUSED: Def = Def {
    id: "webhook.listen.refused",
    title: "Refused requests",
    judges: "Requests the listener answered itself: bodies over the cap (413), requests too slow (408), connections over the cap, requests for another path (404); any warns.",
    remedies: &[],
};

/// Every check `webhook listen` reports, in report order.
pub const ALL: &[&Def] = &[
    &BIND,
    &DELIVERIES,
    &SIGNATURE,
    &APP_VERIFIES,
    &APP_ACCEPTS_VALID,
    &REFUSED,
];

/// Headers that belong to one connection, not to the message (RFC 9110
/// 7.6.1): never relayed either way.
const HOP_BY_HOP: &[&str] = &[
    "connection",
    "keep-alive",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "proxy-connection",
    "proxy-authenticate",
    "proxy-authorization",
];

/// Whether a header is not relayed: a hop-by-hop one, one the
/// `Connection` header names, or one the relaying side sets itself.
fn dropped(name: &str, named_by_connection: &[String]) -> bool {
    let lower = name.to_ascii_lowercase();
    HOP_BY_HOP.contains(&lower.as_str())
        || lower.starts_with("proxy-")
        || lower == "host"
        || lower == "content-length"
        || named_by_connection.contains(&lower)
}

/// The header names a `Connection` header lists (they are hop-by-hop too).
fn connection_names<'a>(headers: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    headers
        .filter(|(n, _)| n.eq_ignore_ascii_case("connection"))
        .flat_map(|(_, v)| v.split(','))
        .map(|t| t.trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Why the listen ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    Signal,
    Expected,
    Duration,
    Budget,
}

impl Ended {
    fn as_str(self) -> &'static str {
        match self {
            Ended::Signal => "a signal (Ctrl-C)",
            Ended::Expected => "--expect",
            Ended::Duration => "--for",
            Ended::Budget => "the run's budget (--max-time)",
        }
    }
}

/// One delivery that did not verify.
struct Invalid {
    label: String,
    cause: String,
}

#[derive(Default)]
struct Stats {
    deliveries: u64,
    valid: u64,
    invalid: Vec<Invalid>,
    /// Per secret (by position): how many deliveries it verified.
    matched_by: Vec<u64>,
    record_errors: Vec<String>,
    /// Forwarded invalid deliveries the application refused / accepted.
    app_refused_invalid: u64,
    app_accepted_invalid: Vec<String>,
    /// Forwarded valid deliveries the application accepted / did not.
    app_accepted_valid: u64,
    app_rejected_valid: Vec<String>,
    unreachable: u64,
    /// Likely causes gathered from the rejected valid deliveries.
    causes: Vec<String>,
    refused: BTreeMap<&'static str, u64>,
    other_paths: BTreeMap<String, u64>,
}

/// Where deliveries are recorded.
struct Recorder {
    dir: PathBuf,
    index: Mutex<File>,
}

struct Listener {
    provider: Provider,
    scheme: Scheme,
    secrets: Vec<Secret>,
    tolerance: Duration,
    path: String,
    forward: Option<(url::Url, Client)>,
    reject_invalid: bool,
    recorder: Option<Recorder>,
    seq: AtomicU64,
    stats: Mutex<Stats>,
    expect: Option<u64>,
    done: tokio::sync::Notify,
    live: Option<Live>,
}

impl Listener {
    fn emit(&self, event: Event) {
        if let Some(live) = &self.live {
            live.send(event.secrets(&self.secrets));
        }
    }

    fn stats(&self) -> std::sync::MutexGuard<'_, Stats> {
        match self.stats.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

impl Handler for Listener {
    async fn handle(&self, request: Request) -> Answer {
        let path = request.target.split('?').next().unwrap_or("");
        if path != self.path {
            let shown = crate::redact::text(&crate::escape::shorten(path, 80));
            *self.stats().other_paths.entry(shown.clone()).or_insert(0) += 1;
            self.emit(
                Event::new(
                    "request",
                    Status::Warn,
                    format!(
                        "{} {shown} from {}: not the listening path {} → 404",
                        request.method, request.peer, self.path
                    ),
                )
                .detail("method", request.method.as_str())
                .detail("path", shown)
                .detail("status", 404),
            );
            return Answer::text(404, format!("not found: deliveries go to {}\n", self.path));
        }
        self.delivery(request).await
    }

    fn refused(&self, peer: SocketAddr, why: Refusal) {
        *self.stats().refused.entry(refusal_name(why)).or_insert(0) += 1;
        // A flood of connections would drown the lines; it is counted.
        if why != Refusal::TooManyConnections {
            self.emit(
                Event::new(
                    "refused",
                    Status::Warn,
                    format!("refused a request from {peer}: {}", refusal_name(why)),
                )
                .detail("why", refusal_name(why)),
            );
        }
    }
}

fn refusal_name(why: Refusal) -> &'static str {
    match why {
        Refusal::TooLarge => "body too large (413)",
        Refusal::TooSlow => "request too slow (408)",
        Refusal::BrokenBody => "body broken off (400)",
        Refusal::HandlerTimeout => "no answer in time (503)",
        Refusal::TooManyConnections => "too many connections (closed)",
    }
}

/// What came of forwarding one delivery.
enum Forwarded {
    /// No --forward-to, or an invalid delivery held back by --reject-invalid.
    Not,
    Answered {
        status: u16,
        took: Duration,
        start: String,
        answer: Answer,
    },
    Unreachable {
        why: String,
        took: Duration,
    },
}

impl Listener {
    async fn delivery(&self, request: Request) -> Answer {
        let seq = self.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let headers: Vec<(String, String)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
            .collect();
        let now = crate::context::unix(request.received_at);
        let inputs = signature::received(
            self.scheme.clone(),
            self.secrets.clone(),
            &headers,
            self.tolerance,
            now,
            Vec::new(),
            Some(request.target.clone()),
        );
        let outcome = verify::verify(&inputs, &mut std::io::Cursor::new(&request.body[..]));
        let (checks, outcome) = match outcome {
            Ok(o) => (signature::judge(self.provider, &inputs, &o), Some(o)),
            Err(_) => (Vec::new(), None),
        };
        let valid = outcome.as_ref().is_some_and(verify::Outcome::clean_match)
            && !checks.iter().any(|c| c.status() == Status::Fail);
        let matched = outcome
            .as_ref()
            .and_then(|o| o.matched)
            .filter(|_| valid)
            .map(|(i, _)| i);
        let (event_id, event_type) = identify(self.provider, &headers, &request.body);
        let label = match (&event_id, &event_type) {
            (Some(id), Some(t)) => format!("#{seq} {id} ({t})"),
            (Some(id), None) => format!("#{seq} {id}"),
            (None, Some(t)) => format!("#{seq} ({t})"),
            (None, None) => format!("#{seq}"),
        };
        // The file is written while the delivery is forwarded.
        let record = async {
            match &self.recorder {
                Some(r) => Some(r.write(seq, event_id.as_deref(), &request).await),
                None => None,
            }
        };
        let forward = async {
            match &self.forward {
                Some(_) if !valid && self.reject_invalid => Forwarded::Not,
                Some((url, client)) => {
                    let secrets: Vec<&Secret> = self.secrets.iter().collect();
                    forward(url, client, &request, &secrets).await
                }
                None => Forwarded::Not,
            }
        };
        let (recorded, forwarded) = tokio::join!(record, forward);

        // The verdict, the line and the answer.
        let mut status = if valid { Status::Pass } else { Status::Fail };
        let verdict = if valid {
            let i = matched.unwrap_or(0);
            let secret = &self.secrets[i];
            if self.secrets.len() > 1 {
                format!(
                    "valid, secret {} of {} ({})",
                    i + 1,
                    self.secrets.len(),
                    secret.masked()
                )
            } else {
                format!("valid ({})", secret.masked())
            }
        } else {
            format!("INVALID: {}", cause(&checks))
        };
        let mut line = format!("{} {label}: {verdict}", self.provider.as_str());
        let mut forward_json = Value::Null;
        let answer = match forwarded {
            Forwarded::Not if self.forward.is_some() => {
                line.push_str(" → not forwarded (--reject-invalid), answered 400");
                forward_json = json!({"forwarded": false});
                Answer::text(400, "invalid signature\n")
            }
            Forwarded::Not if valid => Answer::text(200, "ok\n"),
            Forwarded::Not => Answer::text(400, "invalid signature\n"),
            Forwarded::Answered {
                status: code,
                took,
                start,
                answer,
            } => {
                let ok = (200..300).contains(&code);
                let _ = write_fmt(
                    &mut line,
                    format_args!(" → app {code} in {} \"{start}\"", took_ms(took)),
                );
                forward_json = json!({
                    "forwarded": true,
                    "status": code,
                    "ms": took.as_secs_f64() * 1000.0,
                    "answer_start": start,
                });
                let mut stats = self.stats();
                match (valid, ok) {
                    (true, true) => stats.app_accepted_valid += 1,
                    (false, false) => stats.app_refused_invalid += 1,
                    (false, true) => {
                        line.push_str(": the application accepted an invalid delivery");
                        stats
                            .app_accepted_invalid
                            .push(format!("{label}: answered {code}"));
                    }
                    (true, false) => {
                        status = Status::Fail;
                        line.push_str(": the application refused a valid delivery");
                        stats
                            .app_rejected_valid
                            .push(format!("{label}: answered {code} \"{start}\""));
                        for c in likely_causes(&self.scheme, outcome.as_ref(), &headers) {
                            if !stats.causes.contains(&c) {
                                stats.causes.push(c);
                            }
                        }
                    }
                }
                answer
            }
            Forwarded::Unreachable { why, took } => {
                let _ = write_fmt(
                    &mut line,
                    format_args!(
                        " → app unreachable after {} ({why}), answered 502",
                        took_ms(took)
                    ),
                );
                forward_json = json!({"forwarded": true, "error": why});
                let mut stats = self.stats();
                stats.unreachable += 1;
                if valid {
                    status = Status::Fail;
                    stats
                        .app_rejected_valid
                        .push(format!("{label}: the application was unreachable ({why})"));
                }
                Answer::text(502, "the application behind plumb is unreachable\n")
            }
        };

        let file = match &recorded {
            Some(Ok(name)) => Some(name.clone()),
            Some(Err(why)) => {
                line.push_str(&format!(" (not recorded: {why})"));
                self.stats().record_errors.push(format!("{label}: {why}"));
                None
            }
            None => None,
        };
        if let (Some(recorder), Some(file)) = (&self.recorder, &file) {
            let entry = json!({
                "file": file,
                "time": humantime::format_rfc3339_millis(request.received_at).to_string(),
                "provider": self.provider.as_str(),
                "event_id": event_id,
                "type": event_type,
                "verdict": if valid { "valid" } else { "invalid" },
                "matched_secret": matched.map(|i| i + 1),
                "forward_status": forward_json.get("status").cloned().unwrap_or(Value::Null),
            });
            if let Err(why) = recorder.index_line(&entry) {
                self.stats()
                    .record_errors
                    .push(format!("{label}: index.jsonl: {why}"));
            }
        }

        let reached = {
            let mut stats = self.stats();
            stats.deliveries += 1;
            if valid {
                stats.valid += 1;
                if let Some(i) = matched {
                    if stats.matched_by.len() < self.secrets.len() {
                        stats.matched_by.resize(self.secrets.len(), 0);
                    }
                    stats.matched_by[i] += 1;
                }
            } else {
                stats.invalid.push(Invalid {
                    label: label.clone(),
                    cause: cause(&checks),
                });
            }
            self.expect.is_some_and(|n| stats.deliveries >= n)
        };
        let shown_checks = if valid { Vec::new() } else { checks };
        self.emit(
            Event::new("delivery", status, line)
                .detail("seq", seq)
                .detail("provider", self.provider.as_str())
                .detail("event_id", event_id.map_or(Value::Null, Value::from))
                .detail("type", event_type.map_or(Value::Null, Value::from))
                .detail("verdict", if valid { "valid" } else { "invalid" })
                .detail(
                    "matched_secret",
                    matched.map_or(Value::Null, |i| Value::from(i + 1)),
                )
                .detail("forward", forward_json)
                .detail("file", file.map_or(Value::Null, Value::from))
                .detail("answered", answer.status)
                .checks(shown_checks),
        );
        if reached {
            self.done.notify_one();
        }
        answer
    }
}

/// A loopback round trip in milliseconds with a decimal; longer ones as usual.
fn took_ms(d: Duration) -> String {
    if d < Duration::from_millis(10) {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    } else {
        crate::duration::human_ms(d)
    }
}

fn write_fmt(s: &mut String, args: std::fmt::Arguments<'_>) -> std::fmt::Result {
    std::fmt::Write::write_fmt(s, args)
}

/// The cause verify-signature names first: the diagnosis when it found
/// one, else the first failing check.
fn cause(checks: &[Check]) -> String {
    let diagnosis = checks
        .iter()
        .find(|c| c.id() == signature::checks::DIAGNOSIS.id && c.status() == Status::Fail);
    diagnosis
        .or_else(|| checks.iter().find(|c| c.status() == Status::Fail))
        .map(|c| format!("{}: {}", c.title(), c.summary()))
        .unwrap_or_else(|| "the body could not be read".to_string())
}

/// Why an application may refuse a delivery plumb verified.
fn likely_causes(
    scheme: &Scheme,
    outcome: Option<&verify::Outcome>,
    headers: &[(String, String)],
) -> Vec<String> {
    let mut out = vec![
        "The application verifies a re-serialised body (parsed JSON written back): verify the raw request bytes before parsing them.".to_string(),
        "The application holds another secret than the one that signed (another endpoint's, the test-mode one, or one rotated since): compare the last four characters.".to_string(),
    ];
    if scheme.uses_timestamp() {
        let skew = match outcome.map(|o| &o.clock) {
            Some(verify::Clock::Skew { behind, .. }) => {
                format!(" (this delivery's timestamp was {behind} s old on arrival)")
            }
            _ => String::new(),
        };
        out.push(format!(
            "The application's clock is off, or its tolerance is shorter than the delivery's age{skew}: synchronise it with NTP."
        ));
    }
    let names = scheme.signature_headers().join(" or ");
    let present: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    out.push(format!(
        "The application reads another header than {names} (this delivery carried: {}).",
        present.join(", ")
    ));
    out
}

/// Relays the delivery unchanged to the application and times it.
async fn forward(
    url: &url::Url,
    client: &Client,
    request: &Request,
    secrets: &[&Secret],
) -> Forwarded {
    let names: Vec<(&str, String)> = request
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), String::from_utf8_lossy(v).into_owned()))
        .collect();
    let by_connection = connection_names(names.iter().map(|(n, v)| (*n, v.as_str())));
    let mut relay = crate::net::http::Request::new(request.method.clone(), url.clone()).relayed();
    for (name, value) in names {
        if !dropped(name, &by_connection) {
            relay
                .headers
                .push((name.to_string(), HeaderValue::Plain(value)));
        }
    }
    relay.body = request.body.to_vec();
    let started = Instant::now();
    match client.send(&relay).await {
        Ok(response) => {
            let took = started.elapsed();
            let text = String::from_utf8_lossy(&response.body);
            let start = crate::redact::foreign(&crate::escape::shorten(text.trim(), 60), secrets);
            let by_connection = connection_names(
                response
                    .headers
                    .iter()
                    .filter_map(|(n, v)| v.to_str().ok().map(|v| (n.as_str(), v))),
            );
            let headers = response
                .headers
                .iter()
                .filter(|(n, _)| !dropped(n.as_str(), &by_connection))
                .map(|(n, v)| {
                    (
                        n.as_str().to_string(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect();
            Forwarded::Answered {
                status: response.status,
                took,
                start,
                answer: Answer {
                    status: response.status,
                    headers,
                    body: response.body.into(),
                },
            }
        }
        Err(e) => Forwarded::Unreachable {
            why: e.message,
            took: started.elapsed(),
        },
    }
}

/// The provider's own event id and type or topic, from its headers or
/// its body (docs/commands.md, "webhook listen").
fn identify(
    provider: Provider,
    headers: &[(String, String)],
    body: &[u8],
) -> (Option<String>, Option<String>) {
    let h = |name: &str| {
        signature::request::find_header(headers, name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let json = || -> Option<Value> {
        let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
        (*first == b'{')
            .then(|| serde_json::from_slice(body).ok())
            .flatten()
    };
    let field = |v: &Value, path: &[&str]| -> Option<String> {
        let mut at = v;
        for key in path {
            at = at.get(key)?;
        }
        match at {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let form = |key: &str| -> Option<String> {
        url::form_urlencoded::parse(body)
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    let clip = |s: Option<String>| s.map(|s| crate::escape::shorten(&s, 80));
    let (id, kind) = match provider {
        Provider::Shopify => (
            h("X-Shopify-Webhook-Id").or_else(|| h("X-Shopify-Event-Id")),
            h("X-Shopify-Topic"),
        ),
        Provider::Github => (h("X-GitHub-Delivery"), h("X-GitHub-Event")),
        Provider::Woocommerce => (
            h("X-WC-Webhook-Delivery-ID").or_else(|| h("X-WC-Webhook-ID")),
            h("X-WC-Webhook-Topic"),
        ),
        Provider::Standard => {
            let v = json();
            (
                h("webhook-id").or_else(|| h("svix-id")),
                v.as_ref().and_then(|v| field(v, &["type"])),
            )
        }
        Provider::Slack => match json() {
            Some(v) => (
                field(&v, &["event_id"]),
                field(&v, &["event", "type"]).or_else(|| field(&v, &["type"])),
            ),
            None => (form("trigger_id"), form("command")),
        },
        Provider::Mandrill => {
            let events =
                form("mandrill_events").and_then(|e| serde_json::from_str::<Value>(&e).ok());
            let first = events.as_ref().and_then(|e| e.get(0));
            (
                first.and_then(|e| field(e, &["_id"])),
                first.and_then(|e| field(e, &["event"])),
            )
        }
        Provider::Stripe | Provider::Timestamped | Provider::Hmac => match json() {
            Some(v) => (
                field(&v, &["id"]),
                field(&v, &["type"]).or_else(|| field(&v, &["event"])),
            ),
            None => (None, None),
        },
    };
    (clip(id), clip(kind))
}

/// An event id as a file name may carry it: letters, digits, `-`, `_`
/// and `.`, at most 64 characters; anything else becomes `_`.
fn file_safe(id: &str) -> String {
    let s: String = id
        .chars()
        .take(64)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    s.trim_start_matches('.').to_string()
}

#[cfg(unix)]
fn private_file(path: &Path, append: bool) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = std::fs::OpenOptions::new();
    if append {
        o.append(true).create(true);
    } else {
        o.write(true).create_new(true);
    }
    o.mode(0o600).open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path, append: bool) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    if append {
        o.append(true).create(true);
    } else {
        o.write(true).create_new(true);
    }
    o.open(path)
}

/// A delivery as a raw HTTP/1.1 request: request line, headers as
/// received (with the body's length in place of chunked framing), blank
/// line, body byte for byte.
pub fn raw_request(request: &Request) -> Vec<u8> {
    let mut out = Vec::with_capacity(request.body.len() + 512);
    out.extend_from_slice(request.method.as_str().as_bytes());
    out.push(b' ');
    out.extend_from_slice(request.target.as_bytes());
    out.extend_from_slice(b" HTTP/1.1\r\n");
    let mut length_written = false;
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("transfer-encoding")
        {
            if !length_written {
                out.extend_from_slice(
                    format!("content-length: {}\r\n", request.body.len()).as_bytes(),
                );
                length_written = true;
            }
            continue;
        }
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(b"\r\n");
    }
    if !length_written {
        out.extend_from_slice(format!("content-length: {}\r\n", request.body.len()).as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&request.body);
    out
}

impl Recorder {
    /// Opens (or creates, mode 0700) `dir` and its `index.jsonl`, and
    /// finds the last number already used there so a new listen goes on
    /// after it.
    fn open(dir: &Path) -> Result<(Recorder, u64)> {
        let shown = dir.display();
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(Error::usage(format!("--record {shown}: not a directory"))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut b = std::fs::DirBuilder::new();
                b.recursive(true);
                #[cfg(unix)]
                std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
                b.create(dir).map_err(|e| {
                    Error::usage(format!(
                        "--record {shown}: cannot create it: {}",
                        crate::input::io_reason(&e)
                    ))
                })?;
            }
            Err(e) => {
                return Err(Error::usage(format!(
                    "--record {shown}: {}",
                    crate::input::io_reason(&e)
                )))
            }
        }
        let last = std::fs::read_dir(dir)
            .map_err(|e| {
                Error::usage(format!("--record {shown}: {}", crate::input::io_reason(&e)))
            })?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let digits = name.split('-').next()?.to_string();
                (name.ends_with(".http") && digits.len() == 6)
                    .then(|| digits.parse::<u64>().ok())
                    .flatten()
            })
            .max()
            .unwrap_or(0);
        let index = private_file(&dir.join("index.jsonl"), true).map_err(|e| {
            Error::usage(format!(
                "--record {shown}: cannot write index.jsonl: {}",
                crate::input::io_reason(&e)
            ))
        })?;
        Ok((
            Recorder {
                dir: dir.to_path_buf(),
                index: Mutex::new(index),
            },
            last,
        ))
    }

    /// Writes one delivery; its file name, or why not. The file is
    /// created and written on the runtime's blocking pool: creating a file
    /// can take the kernel a millisecond or more (ext4 passing over
    /// recently freed inodes), and the listener's thread goes on verifying
    /// and answering the other connections meanwhile.
    async fn write(
        &self,
        seq: u64,
        id: Option<&str>,
        request: &Request,
    ) -> std::result::Result<String, String> {
        let tail = id.map(file_safe).filter(|s| !s.is_empty());
        let name = match tail {
            Some(t) => format!("{seq:06}-{t}.http"),
            None => format!("{seq:06}.http"),
        };
        let path = self.dir.join(&name);
        let bytes = raw_request(request);
        let written = tokio::task::spawn_blocking(move || {
            let mut file = private_file(&path, false)?;
            file.write_all(&bytes)
        })
        .await;
        match written {
            Ok(Ok(())) => Ok(name),
            Ok(Err(e)) => Err(crate::input::io_reason(&e)),
            Err(_) => Err("the thread writing it failed".to_string()),
        }
    }

    fn index_line(&self, entry: &Value) -> std::result::Result<(), String> {
        let mut line = entry.to_string();
        line.push('\n');
        let mut index = match self.index.lock() {
            Ok(f) => f,
            Err(poisoned) => poisoned.into_inner(),
        };
        index
            .write_all(line.as_bytes())
            .map_err(|e| crate::input::io_reason(&e))
    }
}

/// The `--forward-to` URL: `host:port/path` as `stripe listen` takes it
/// means plain http.
fn forward_url(given: &str) -> Result<url::Url> {
    let given = given.trim();
    let full = if given.contains("://") {
        given.to_string()
    } else {
        format!("http://{given}")
    };
    target::parse_url("--forward-to", &full)
}

pub async fn run(args: ListenOptions, ctx: &Ctx) -> Result<Report> {
    let scheme = args.scheme.scheme(args.provider)?;
    let secrets = args.scheme.secrets()?;
    if !args.path.starts_with('/') {
        return Err(Error::usage(format!(
            "--path '{}': a path begins with '/' (such as /hooks)",
            crate::escape::clean(&args.path)
        )));
    }
    if args.expect == Some(0) {
        return Err(Error::usage("--expect 0: expect at least one delivery"));
    }
    let forward = match &args.forward_to {
        Some(u) => Some((forward_url(u)?, Client::new(ctx)?)),
        None => None,
    };
    let (recorder, last) = match &args.record {
        Some(dir) => {
            let (r, last) = Recorder::open(dir)?;
            (Some(r), last)
        }
        None => (None, 0),
    };
    let addr = SocketAddr::new(args.bind, args.port);
    let listener = server::bind(addr).await.map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::AddrInUse {
            "already in use (another listener?); choose another --port, or --port 0 for any free one".to_string()
        } else {
            crate::input::io_reason(&e)
        };
        Error::usage(format!("--port {}: cannot listen on {addr}: {why}", args.port))
    })?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::Internal(format!("the listening socket has no address: {e}")))?;

    // Signals first, so one sent right after the ready line is not lost.
    let mut interrupt = signal(tokio::signal::unix::SignalKind::interrupt());
    let mut terminate = signal(tokio::signal::unix::SignalKind::terminate());

    let state = Arc::new(Listener {
        provider: args.provider,
        scheme,
        secrets: secrets.clone(),
        tolerance: args.tolerance,
        path: args.path.clone(),
        forward,
        reject_invalid: args.reject_invalid,
        recorder,
        seq: AtomicU64::new(last),
        stats: Mutex::new(Stats::default()),
        expect: args.expect,
        done: tokio::sync::Notify::new(),
        live: ctx.live.clone(),
    });
    let url = format!("http://{bound}{}", args.path);
    let mut ready = Event::new(
        "ready",
        Status::Info,
        format!(
            "listening on {url} for {} deliveries ({} secret{})",
            args.provider.as_str(),
            secrets.len(),
            if secrets.len() == 1 { "" } else { "s" }
        ),
    )
    .detail("address", bound.to_string())
    .detail("url", url.clone());
    if let Some((u, _)) = &state.forward {
        ready = ready.detail("forward_to", crate::net::http::shown_url(u));
    }
    state.emit(ready);

    let limits = Limits {
        request_timeout: ctx.timeout,
        header_timeout: ctx.timeout,
        // A forward is bounded by --timeout; the handler gets it and more.
        handler_timeout: ctx.timeout.saturating_mul(2),
        grace: ctx.timeout,
        ..Limits::default()
    };
    let margin = ctx.timeout.saturating_mul(2).min(ctx.max_time / 2);
    let budget_stop = ctx.deadline.checked_sub(margin).unwrap_or(ctx.deadline);
    let started = Instant::now();
    let ended = Arc::new(Mutex::new(Ended::Signal));
    let mut report = Report::new(
        "webhook listen",
        format!("{} on {url}", args.provider.as_str()),
    );
    let stop = {
        let state = state.clone();
        let ended = ended.clone();
        let duration = args.duration;
        async move {
            let why = tokio::select! {
                _ = recv(&mut interrupt) => Ended::Signal,
                _ = recv(&mut terminate) => Ended::Signal,
                _ = state.done.notified() => Ended::Expected,
                _ = sleep_for(duration) => Ended::Duration,
                _ = tokio::time::sleep_until(budget_stop.into()) => Ended::Budget,
            };
            if let Ok(mut e) = ended.lock() {
                *e = why;
            }
        }
    };
    server::serve(listener, limits, state.clone(), stop).await;
    let ended = ended.lock().map(|e| *e).unwrap_or(Ended::Signal);
    let took = started.elapsed();

    report.add_secrets(&secrets);
    let stats = state.stats();
    report.push(bind_check(bound));
    report.push(deliveries_check(&stats, &args, ended, took, &secrets));
    report.push(signature_check(&stats, args.record.as_deref()));
    let forwarding = state.forward.is_some();
    report.push(app_verifies_check(&stats, forwarding, args.reject_invalid));
    report.push(app_accepts_check(&stats, forwarding));
    report.push(refused_check(&stats));
    Ok(report)
}

fn signal(kind: tokio::signal::unix::SignalKind) -> Option<tokio::signal::unix::Signal> {
    tokio::signal::unix::signal(kind).ok()
}

async fn recv(signal: &mut Option<tokio::signal::unix::Signal>) {
    match signal {
        Some(s) => {
            s.recv().await;
        }
        None => std::future::pending::<()>().await,
    }
}

async fn sleep_for(duration: Option<Duration>) {
    match duration {
        Some(d) => tokio::time::sleep(d).await,
        None => std::future::pending::<()>().await,
    }
}

fn bind_check(bound: SocketAddr) -> Check {
    if target::classify(bound.ip()) == AddressClass::Loopback {
        return BIND
            .pass(format!(
                "{bound}: loopback, reachable from this machine only"
            ))
            .detail("address", bound.to_string());
    }
    BIND.warn(format!(
        "{bound}: not a loopback address; every host that reaches this machine on port {} can send deliveries",
        bound.port()
    ))
    .detail("address", bound.to_string())
    .remedy("Bind to 127.0.0.1 (the default) and let a tunnel (ngrok, cloudflared) or `stripe listen` bring the deliveries in.")
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn deliveries_check(
    stats: &Stats,
    args: &ListenOptions,
    ended: Ended,
    took: Duration,
    secrets: &[Secret],
) -> Check {
    let n = stats.deliveries;
    let invalid = stats.invalid.len() as u64;
    let by_secret: Vec<Value> = secrets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "secret": i + 1,
                "masked": s.masked(),
                "verified": stats.matched_by.get(i).copied().unwrap_or(0),
            })
        })
        .collect();
    let listened = humantime::format_duration(Duration::from_millis(
        u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
    ))
    .to_string();
    let summary = format!(
        "{}: {} valid, {} invalid; listened {listened}, ended by {}",
        plural(n, "delivery", "deliveries"),
        stats.valid,
        invalid,
        ended.as_str()
    );
    let base = |status: Status, summary: String| {
        let mut c = DELIVERIES
            .check(status, summary)
            .detail("received", n)
            .detail("valid", stats.valid)
            .detail("invalid", invalid)
            .detail("by_secret", by_secret.clone())
            .detail("ended_by", ended.as_str());
        if let Some(e) = args.expect {
            c = c.detail("expected", e);
        }
        if let Some(dir) = &args.record {
            c = c.detail("recorded_in", dir.display().to_string());
        }
        if !stats.record_errors.is_empty() {
            c = c.detail("not_recorded", stats.record_errors.clone());
        }
        c
    };
    if let Some(expected) = args.expect.filter(|e| n < *e) {
        return base(
            Status::Fail,
            format!(
                "{} of the {expected} expected arrived before the end ({})",
                plural(n, "delivery", "deliveries"),
                ended.as_str()
            ),
        )
        .remedy("Check that the sender points at the ready line's URL (path included), and give it time: --for sets how long to wait.");
    }
    if n == 0 {
        return base(Status::Warn, format!("no delivery arrived; ended by {}", ended.as_str()))
            .remedy("Point the sender at the URL of the ready line (with `stripe listen --forward-to` or a tunnel for a remote sender), then send a test event.");
    }
    if !stats.record_errors.is_empty() {
        return base(
            Status::Warn,
            format!(
                "{summary}; {} could not be recorded",
                stats.record_errors.len()
            ),
        )
        .remedy("Give --record a directory on a disk with room that plumb may write.");
    }
    base(Status::Pass, summary)
}

fn signature_check(stats: &Stats, record: Option<&Path>) -> Check {
    if stats.deliveries == 0 {
        return SIGNATURE.skip("no delivery arrived");
    }
    if stats.invalid.is_empty() {
        return SIGNATURE.pass(format!("every delivery verified ({})", stats.deliveries));
    }
    let listed: Vec<String> = stats
        .invalid
        .iter()
        .map(|i| format!("{}: {}", i.label, i.cause))
        .collect();
    let mut check = SIGNATURE
        .fail(format!(
            "{} of {} did not verify",
            plural(stats.invalid.len() as u64, "delivery", "deliveries"),
            stats.deliveries
        ))
        .detail("invalid", listed);
    if let Some(dir) = record {
        check = check.remedy(format!(
            "Each recorded delivery can be examined again: plumb verify-signature PROVIDER --request {}/<file>.http with the same secrets.",
            dir.display()
        ));
    }
    check.remedy("Give the signing secret of this endpoint (several --secret while rotating); the live lines above name each delivery's cause.")
}

fn app_verifies_check(stats: &Stats, forwarding: bool, reject_invalid: bool) -> Check {
    if !forwarding {
        return APP_VERIFIES.skip("no --forward-to: no application to judge");
    }
    if reject_invalid && !stats.invalid.is_empty() {
        return APP_VERIFIES
            .skip("--reject-invalid: invalid deliveries were answered 400 and not forwarded");
    }
    let refused = stats.app_refused_invalid;
    if !stats.app_accepted_invalid.is_empty() {
        return APP_VERIFIES
            .fail(format!(
                "the application answered 2xx to {} with an invalid signature: it does not verify them",
                plural(stats.app_accepted_invalid.len() as u64, "delivery", "deliveries")
            ))
            .detail("accepted_invalid", stats.app_accepted_invalid.clone())
            .remedy("Verify the signature of every delivery over the raw body before acting on it, and answer 400 or 401 when it does not match.")
            .remedy("Compare in constant time, with the secret of this endpoint.");
    }
    if refused == 0 {
        return APP_VERIFIES
            .skip("no invalid delivery was forwarded (send one: plumb webhook send URL --forged)");
    }
    APP_VERIFIES.pass(format!(
        "the application refused every invalid delivery ({refused})"
    ))
}

fn app_accepts_check(stats: &Stats, forwarding: bool) -> Check {
    if !forwarding {
        return APP_ACCEPTS_VALID.skip("no --forward-to: no application to judge");
    }
    if !stats.app_rejected_valid.is_empty() {
        let mut c = APP_ACCEPTS_VALID
            .fail(format!(
                "the application did not accept {} whose signature was valid",
                plural(
                    stats.app_rejected_valid.len() as u64,
                    "delivery",
                    "deliveries"
                )
            ))
            .detail("refused_valid", stats.app_rejected_valid.clone());
        if stats.unreachable > 0 {
            c = c.remedy("Start the application, or correct --forward-to (host, port and path).");
        }
        return c.remedies(stats.causes.clone());
    }
    if stats.app_accepted_valid == 0 {
        return APP_ACCEPTS_VALID.skip("no valid delivery was forwarded");
    }
    APP_ACCEPTS_VALID.pass(format!(
        "the application accepted every valid delivery ({})",
        stats.app_accepted_valid
    ))
}

fn refused_check(stats: &Stats) -> Check {
    let mut parts: Vec<String> = stats
        .refused
        .iter()
        .map(|(why, n)| format!("{n} × {why}"))
        .collect();
    let strays: u64 = stats.other_paths.values().sum();
    if strays > 0 {
        parts.push(format!("{strays} × another path (404)"));
    }
    let counts: serde_json::Map<String, Value> = stats
        .refused
        .iter()
        .map(|(k, v)| ((*k).to_string(), Value::from(*v)))
        .collect();
    if parts.is_empty() {
        return REFUSED.pass("none");
    }
    let mut c = REFUSED
        .warn(parts.join(", "))
        .detail("counts", Value::Object(counts));
    if strays > 0 {
        let paths: Vec<String> = stats
            .other_paths
            .iter()
            .map(|(p, n)| format!("{p} ({n})"))
            .collect();
        c = c.detail("other_paths", paths).remedy(
            "Point the sender at the listening path (--path), or listen on the path it uses.",
        );
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    #[test]
    fn hop_by_hop_headers_and_those_connection_names_are_dropped() {
        let named = connection_names([("Connection", "close, X-Trace")].into_iter());
        for h in [
            "Connection",
            "keep-alive",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade",
            "Proxy-Authorization",
            "Proxy-Foo",
            "Host",
            "Content-Length",
            "x-trace",
        ] {
            assert!(dropped(h, &named), "{h}");
        }
        for h in [
            "Stripe-Signature",
            "Content-Type",
            "User-Agent",
            "X-GitHub-Event",
        ] {
            assert!(!dropped(h, &named), "{h}");
        }
    }

    #[test]
    fn events_are_named_from_each_providers_headers_or_body() {
        let h = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let stripe = identify(
            Provider::Stripe,
            &[],
            br#"{"id":"evt_1","type":"charge.succeeded"}"#,
        );
        assert_eq!(
            stripe,
            (Some("evt_1".into()), Some("charge.succeeded".into()))
        );
        let shopify = identify(
            Provider::Shopify,
            &h(&[
                ("x-shopify-webhook-id", "b54557e4"),
                ("x-shopify-topic", "orders/create"),
            ]),
            b"{}",
        );
        assert_eq!(
            shopify,
            (Some("b54557e4".into()), Some("orders/create".into()))
        );
        let github = identify(
            Provider::Github,
            &h(&[
                ("X-GitHub-Delivery", "72d3162e"),
                ("X-GitHub-Event", "push"),
            ]),
            b"{}",
        );
        assert_eq!(github, (Some("72d3162e".into()), Some("push".into())));
        let standard = identify(
            Provider::Standard,
            &h(&[("webhook-id", "msg_1")]),
            br#"{"type":"user.created"}"#,
        );
        assert_eq!(
            standard,
            (Some("msg_1".into()), Some("user.created".into()))
        );
        let slack = identify(
            Provider::Slack,
            &[],
            br#"{"event_id":"Ev1","event":{"type":"app_mention"}}"#,
        );
        assert_eq!(slack, (Some("Ev1".into()), Some("app_mention".into())));
        let woo = identify(
            Provider::Woocommerce,
            &h(&[
                ("X-WC-Webhook-Delivery-ID", "9"),
                ("X-WC-Webhook-Topic", "order.created"),
            ]),
            b"{}",
        );
        assert_eq!(woo, (Some("9".into()), Some("order.created".into())));
        let mandrill = identify(
            Provider::Mandrill,
            &[],
            b"mandrill_events=%5B%7B%22_id%22%3A%22m1%22%2C%22event%22%3A%22send%22%7D%5D",
        );
        assert_eq!(mandrill, (Some("m1".into()), Some("send".into())));
        assert_eq!(identify(Provider::Hmac, &[], b"not json"), (None, None));
    }

    #[test]
    fn file_names_keep_only_safe_characters() {
        assert_eq!(file_safe("evt_1NqkX"), "evt_1NqkX");
        assert_eq!(file_safe("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_safe("a b/c"), "a_b_c");
        assert_eq!(file_safe(&"x".repeat(100)).len(), 64);
    }

    #[test]
    fn a_recorded_request_parses_back_to_the_same_body() {
        let request = Request {
            method: http::Method::POST,
            target: "/hooks?a=1".into(),
            version: http::Version::HTTP_11,
            headers: vec![
                ("host".into(), b"x".to_vec()),
                ("transfer-encoding".into(), b"chunked".to_vec()),
                ("stripe-signature".into(), b"t=1,v1=ab".to_vec()),
            ],
            body: hyper::body::Bytes::from_static(b"{\"a\":1}\r\n\r\n"),
            peer: "127.0.0.1:1".parse().unwrap(),
            received_at: SystemTime::now(),
            read_time: Duration::ZERO,
        };
        let raw = raw_request(&request);
        let back = signature::request::parse(&raw).unwrap();
        assert_eq!(back.body, b"{\"a\":1}\r\n\r\n");
        assert_eq!(back.target, "/hooks?a=1");
        assert_eq!(back.header("stripe-signature"), Some("t=1,v1=ab"));
        assert!(back.notes.is_empty(), "{:?}", back.notes);
    }

    #[test]
    fn the_budget_covers_for_and_is_unbounded_without_an_end() {
        let o = |duration, expect| ListenOptions {
            provider: Provider::Github,
            scheme: SchemeOptions {
                secrets: vec![],
                secret_file: None,
                url: None,
                algorithm: signature::Algorithm::Sha256,
                encoding: signature::Encoding::Hex,
                signature_header: String::new(),
                timestamp_header: String::new(),
            },
            port: 0,
            bind: IpAddr::from([127, 0, 0, 1]),
            path: "/".into(),
            forward_to: None,
            record: None,
            expect,
            duration,
            reject_invalid: false,
            tolerance: Duration::from_secs(300),
        };
        let base = Duration::from_secs(50);
        assert_eq!(
            o(Some(Duration::from_secs(600)), None).budget(base),
            Duration::from_secs(650)
        );
        assert_eq!(o(None, Some(1)).budget(base), base);
        assert_eq!(o(None, None).budget(base), Duration::MAX);
    }
}
