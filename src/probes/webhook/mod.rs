//! Signed webhooks, both ends: `signature/` signs and verifies them for
//! every provider (`plumb verify-signature`, `plumb sign`), and the
//! `plumb webhook` commands build on it.
//!
//! `plumb webhook`: deliveries sent as the provider would send them.
//! `send` delivers one signed event (a built-in sample or `--payload`)
//! and with `--forged` the same delivery unsigned and wrongly signed,
//! which must be refused; `audit` tests a receiver's hardening the way an
//! attacker or a retrying sender would (`audit.rs`); `replay` resends
//! recorded deliveries (`replay.rs`). Every delivery is composed by
//! [`Composer`] and sent by [`deliver`]: one way to send a delivery.

pub mod audit;
pub mod events;
pub mod replay;
pub mod signature;

pub mod listen;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::facts::webhook::deadline as provider_deadline;
use crate::net::http::{Client, Request, Response};
use crate::net::target;
use crate::net::{ms, NetError};
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use events::Identity;
use signature::{sign, Provider, Scheme, SchemeOptions};
use std::path::PathBuf;
use std::time::Duration;

pub use audit::AuditOptions;
pub use replay::ReplayOptions;

#[derive(Debug)]
pub struct Options {
    pub command: WebhookCommand,
}

#[derive(Debug)]
pub enum WebhookCommand {
    /// Send a signed test delivery to an endpoint and judge its answer
    Send(SendOptions),
    /// Receive deliveries, verify each, and forward or record them
    Listen(listen::ListenOptions),
    /// Test a receiver's hardening: forged, tampered, stale and repeated deliveries
    Audit(AuditOptions),
    /// Resend recorded deliveries
    Replay(ReplayOptions),
    /// List the sample events plumb can deliver
    Events(EventsOptions),
}

#[derive(Debug)]
pub struct EventsOptions {
    /// Only this provider's events
    pub provider: Option<Provider>,
}

/// What a delivery carries: shared by `send` and `audit`.
#[derive(Debug, Clone)]
pub struct DeliveryOptions {
    /// Whose signature the delivery carries
    pub provider: Provider,
    pub scheme: SchemeOptions,
    /// The sample event or topic to deliver (plumb webhook events lists
    /// them); with --payload it names the event in the provider's headers
    pub event: Option<String>,
    /// The body to deliver (- = standard input), sent as raw bytes
    pub payload: Option<PathBuf>,
    /// Content-Type of the delivery (default: the provider's own)
    pub content_type: Option<String>,
    /// Extra request header 'Name: value' (repeatable); replaces plumb's
    /// header of the same name
    pub headers: Vec<String>,
}

#[derive(Debug)]
pub struct SendOptions {
    /// The endpoint's URL (https; plain http only to a loopback address)
    pub endpoint: String,
    pub delivery: DeliveryOptions,
    /// Unix seconds to sign with (default: now)
    pub timestamp: Option<i64>,
    /// Message id for Standard Webhooks (default: a random msg_…)
    pub id: Option<String>,
    /// How long the endpoint may take to answer (default: the provider's own delivery deadline, 10 s where it documents none)
    pub deadline: Option<Duration>,
    /// Also send the delivery unsigned and wrongly signed: both must be refused
    pub forged: bool,
}

pub const HTTPS: Def = Def {
    id: "webhook.https",
    title: "HTTPS",
    judges: "Whether the endpoint uses https, with a chain this machine's CA bundle trusts as well as Mozilla's roots (else it warns: OpenSSL-based clients here refuse it); plain http warns only when the delivery connected straight to a loopback address, and fails anywhere else.",
    remedies: &[],
};
pub const STATUS: Def = Def {
    id: "webhook.status",
    title: "Delivery accepted",
    judges: "Whether the endpoint accepts the signed delivery with a 2xx, telling a redirect, a rejected signature, a wrong path, a request to disable and a broken endpoint apart.",
    remedies: &[],
};
pub const LATENCY: Def = Def {
    id: "webhook.latency",
    title: "Response time",
    judges:
        "Whether the whole exchange ends within --deadline: over it fails, over half of it warns.",
    remedies: &[],
};
pub const REJECTS_FORGED: Def = Def {
    id: "webhook.rejects_forged",
    title: "Rejects forged deliveries",
    judges: "With send --forged, and in every audit: whether the endpoint refuses the same delivery unsigned and signed with another secret; accepting either (2xx) fails.",
    remedies: &[
        "Verify the signature on every delivery before acting on it, and answer 401 when it is missing or wrong.",
        "Compare in constant time over the raw body, with the secret of this endpoint.",
    ],
};
pub const EVENTS: Def = Def {
    id: "webhook.events",
    title: "Sample events",
    judges: "The sample events and topics plumb can deliver per provider, as information.",
    remedies: &[],
};

/// Every check `webhook send` reports, in report order.
pub const SEND_CHECKS: &[&Def] = &[&HTTPS, &STATUS, &LATENCY, &REJECTS_FORGED];
/// What `webhook events` reports.
pub const EVENTS_CHECKS: &[&Def] = &[&EVENTS];

/// What a delivery that outlasts the sender's deadline should do instead.
const ANSWER_AT_ONCE: &str =
    "Answer with a 2xx at once and do the work afterwards (a queue or background job).";

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    match args.command {
        WebhookCommand::Send(a) => send(a, ctx).await,
        WebhookCommand::Audit(a) => audit::run(a, ctx).await,
        WebhookCommand::Replay(a) => replay::run(a, ctx).await,
        WebhookCommand::Events(a) => Ok(listing(a.provider)),
        WebhookCommand::Listen(a) => listen::run(a, ctx).await,
    }
}

/// The `webhook events` report: the sample events of every provider, or
/// of one, as a table.
pub fn listing(provider: Option<Provider>) -> Report {
    let mut report = Report::new(
        "webhook events",
        provider.map_or("every provider", |p| p.as_str()),
    );
    let rows: Vec<_> = events::listing()
        .into_iter()
        .filter(|(p, _, _)| provider.is_none_or(|want| want == *p))
        .collect();
    let width = rows.iter().map(|(_, _, s)| s.name.len()).max().unwrap_or(0);
    let mut lines = vec![format!(
        "{:<12} {:<width$}  {}",
        "PROVIDER", "EVENT", "WHAT IT STANDS FOR"
    )];
    let mut by_provider = serde_json::Map::new();
    for (p, _, s) in &rows {
        lines.push(format!(
            "{:<12} {:<width$}  {}",
            p.as_str(),
            s.name,
            s.about
        ));
        by_provider
            .entry(p.as_str())
            .or_insert_with(|| serde_json::Value::Array(Vec::new()))
            .as_array_mut()
            .expect("an array")
            .push(serde_json::Value::from(s.name));
    }
    report.push(
        EVENTS
            .info(format!("{} sample events", rows.len()))
            .detail("events", serde_json::Value::Object(by_provider)),
    );
    report.raw_text = Some(lines.join("\n"));
    report
}

/// The one signing secret a delivery is signed with.
pub fn one_secret(scheme: &SchemeOptions) -> Result<Secret> {
    let mut secrets = scheme.secrets()?;
    if secrets.len() > 1 {
        return Err(Error::usage(
            "--secret: signing uses one secret; give exactly one of --secret, --secret-file or PLUMB_WEBHOOK_SECRET",
        ));
    }
    Ok(secrets.remove(0))
}

/// Builds deliveries as the provider would: its headers, its sample event
/// or the given payload, its signature, then the user's `-H` on top.
pub struct Composer {
    pub url: url::Url,
    pub provider: Provider,
    pub scheme: Scheme,
    pub secret: Secret,
    /// The event or topic the headers name.
    pub event: String,
    sample: Option<events::Sample>,
    payload: Option<Vec<u8>>,
    content_type: Option<String>,
    headers: Vec<String>,
}

/// One composed delivery.
#[derive(Clone)]
pub struct Composed {
    pub request: Request,
    pub who: Identity,
}

impl Composer {
    pub fn new(url: url::Url, endpoint: &str, args: &DeliveryOptions) -> Result<Self> {
        let provider = args.provider;
        // Mandrill signs the URL the webhook is configured with: by
        // default the one this delivery goes to.
        let mut scheme_args = args.scheme.clone();
        if provider == Provider::Mandrill && scheme_args.url.is_none() {
            scheme_args.url = Some(endpoint.to_string());
        }
        let scheme = scheme_args.scheme(provider)?;
        let secret = one_secret(&args.scheme)?;
        let sample = match args.event.as_deref() {
            Some(name) => Some(
                events::find(provider, name)
                    .map_err(|why| Error::usage(format!("--event: {why}")))?,
            ),
            None if args.payload.is_none() => Some(events::samples(provider)[0]),
            None => None,
        };
        let event = sample.map_or_else(
            || events::samples(provider)[0].name.to_string(),
            |s| s.name.to_string(),
        );
        let payload = match &args.payload {
            Some(path) => Some(signature::read_payload(path)?),
            None => None,
        };
        if let Some(ct) = &args.content_type {
            crate::input::parse_header("--content-type", &format!("Content-Type: {ct}"))?;
        }
        // Checked once here, so composing never fails on them later.
        Request::new(::http::Method::POST, url.clone()).header_args("-H", &args.headers)?;
        Ok(Composer {
            url,
            provider,
            scheme,
            secret,
            event,
            sample: if payload.is_some() { None } else { sample },
            payload,
            content_type: args.content_type.clone(),
            headers: args.headers.clone(),
        })
    }

    /// A fresh identity: now (or `timestamp`) and a random message id.
    pub fn identity(timestamp: i64, id: Option<String>) -> Result<Identity> {
        let id = match id {
            Some(id) if id.trim().is_empty() => return Err(Error::usage("--id: the id is empty")),
            Some(id) => id,
            None => signature::random_msg_id()?,
        };
        Ok(Identity { timestamp, id })
    }

    /// The body this delivery carries.
    pub fn body(&self, who: &Identity) -> Vec<u8> {
        match (&self.payload, &self.sample) {
            (Some(p), _) => p.clone(),
            (None, Some(s)) => events::body(self.provider, s, who),
            (None, None) => Vec::new(),
        }
    }

    /// The signature headers for `body` under `secret`.
    pub fn signature(
        &self,
        secret: &Secret,
        body: &[u8],
        who: &Identity,
    ) -> Result<Vec<(String, String)>> {
        sign(&self.scheme, secret, body, who.timestamp, &who.id)
            .map_err(|why| Error::usage(format!("--secret: {why}")))
    }

    /// The delivery for `who`, signed with `secret` (None: unsigned), its
    /// body replaced by `body` when given (signed over the original).
    pub fn compose(
        &self,
        who: &Identity,
        secret: Option<&Secret>,
        body: Option<Vec<u8>>,
    ) -> Result<Composed> {
        let original = self.body(who);
        let mut headers = events::provider_headers(
            self.provider,
            &self.event,
            who,
            secret.unwrap_or(&self.secret),
            &original,
        );
        if let Some(ct) = &self.content_type {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case("content-type"));
            headers.insert(0, ("Content-Type".to_string(), ct.clone()));
        }
        match secret {
            Some(s) => headers.extend(self.signature(s, &original, who)?),
            // Unsigned: not even the legacy signature.
            None => headers.retain(|(n, _)| !n.eq_ignore_ascii_case("x-hub-signature")),
        }
        let mut req = Request::new(::http::Method::POST, self.url.clone());
        // A signature is not a credential: it proves one delivery only.
        for (name, value) in headers {
            req = req.header(&name, value);
        }
        let req = req
            .header_args("-H", &self.headers)?
            .body(body.unwrap_or(original));
        Ok(Composed {
            request: req,
            who: who.clone(),
        })
    }

    /// A copy of `c` without the scheme's signature headers.
    pub fn unsigned(&self, c: &Composed) -> Composed {
        let names: Vec<String> = self
            .scheme
            .signature_headers()
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .chain(std::iter::once("x-hub-signature".to_string()))
            .collect();
        let mut out = c.clone();
        out.request
            .headers
            .retain(|(n, _)| !names.contains(&n.to_ascii_lowercase()));
        out
    }
}

async fn send(args: SendOptions, ctx: &Ctx) -> Result<Report> {
    let url = target::parse_url("URL", &args.endpoint)?;
    let composer = Composer::new(url, &args.endpoint, &args.delivery)?;
    let who = Composer::identity(args.timestamp.unwrap_or_else(|| ctx.unix_now()), args.id)?;
    let valid = composer.compose(&who, Some(&composer.secret), None)?;
    let deadline = args
        .deadline
        .unwrap_or(provider_deadline(args.delivery.provider));
    let client = Client::new(ctx)?;
    let mut report = Report::new("webhook send", crate::net::http::shown_url(&composer.url));
    report.add_secret(&composer.secret);
    let timer = Timer::start();
    let answer = deliver(&client, &valid.request, deadline, ctx).await;
    let took = timer.elapsed();
    report.push(https_check(
        &composer.url,
        connected_to(&composer.url, &answer),
        mozilla_only(&answer),
    ));
    // Credentials the endpoint might quote back in an error body.
    let mut secrets = valid.request.secrets();
    report.add_secrets(&secrets);
    secrets.push(composer.secret.clone());
    let secrets: Vec<&Secret> = secrets.iter().collect();
    report.push(status_check(&STATUS, &answer, deadline, &secrets).took(took));
    report.push(latency_check(&LATENCY, &answer, took, deadline));
    if args.forged {
        report.push(forged(&composer, &client, &valid, deadline, ctx).await?);
    }
    Ok(report)
}

/// Sends `valid` unsigned and signed with a secret the endpoint cannot
/// know (same body, timestamp and ids) and judges both answers.
async fn forged(
    composer: &Composer,
    client: &Client,
    valid: &Composed,
    deadline: Duration,
    ctx: &Ctx,
) -> Result<Check> {
    forged_answers(composer, client, valid, deadline, ctx)
        .await
        .map(|(check, _, _)| check)
}

/// As [`forged`], with whether the unsigned and the wrongly signed copy
/// were accepted.
async fn forged_answers(
    composer: &Composer,
    client: &Client,
    valid: &Composed,
    deadline: Duration,
    ctx: &Ctx,
) -> Result<(Check, bool, bool)> {
    let unsigned = composer.unsigned(valid);
    let wrong_secret = forged_secret(composer.provider)?;
    let wrong = composer
        .compose(&valid.who, Some(&wrong_secret), None)
        .map_err(|e| Error::Internal(format!("cannot forge a signature: {e}")))?;
    let a = deliver(client, &unsigned.request, deadline, ctx).await;
    let b = deliver(client, &wrong.request, deadline, ctx).await;
    Ok((forged_check(&a, &b), accepted(&a), accepted(&b)))
}

/// Whether an answer is a 2xx.
fn accepted(a: &Answer) -> bool {
    matches!(a, Answer::Response(r) if (200..300).contains(&r.status))
}

/// A secret the endpoint cannot know, of a form the scheme accepts.
fn forged_secret(provider: Provider) -> Result<Secret> {
    let random = signature::random_msg_id()?;
    let tail = random.trim_start_matches("msg_");
    Ok(match provider {
        Provider::Standard => {
            use base64::Engine;
            let key = base64::engine::general_purpose::STANDARD.encode(tail);
            Secret::new(format!("whsec_{key}"))
        }
        _ => Secret::new(format!("plumb-forged-{tail}")),
    })
}

pub enum Answer {
    Response(Box<Response>),
    Failed(NetError),
    TooSlow,
    /// Not sent, or cut short, because the run's budget was spent: the
    /// summary of the skipped check.
    OutOfTime(String),
}

/// Sends one copy; the whole exchange is bounded by the deadline, and
/// none starts once the run's budget is spent.
pub async fn deliver(client: &Client, req: &Request, deadline: Duration, ctx: &Ctx) -> Answer {
    if ctx.out_of_time() {
        return Answer::OutOfTime(ctx.out_of_time_summary());
    }
    match tokio::time::timeout(deadline, client.send(req)).await {
        Ok(Ok(r)) => Answer::Response(Box::new(r)),
        Ok(Err(e)) if e.timed_out && ctx.out_of_time() => Answer::OutOfTime(format!(
            "{} (--max-time {}) ran out while it waited for the answer",
            crate::context::OUT_OF_TIME,
            humantime::format_duration(ctx.max_time)
        )),
        Ok(Err(e)) => Answer::Failed(e),
        Err(_) => Answer::TooSlow,
    }
}

/// The address the delivery went to straight (not through a proxy): the
/// one connected to, or, with no connection, the URL's host when it is an
/// IP address. A name alone never counts: `shop.localhost` may be mapped
/// anywhere.
fn connected_to(url: &url::Url, answer: &Answer) -> Option<std::net::IpAddr> {
    match answer {
        Answer::Response(r) if r.proxy.is_some() => None,
        Answer::Response(r) => Some(r.remote.ip()),
        _ => target::url_host(url).parse().ok(),
    }
}

/// Where this machine's CA bundle is, when the endpoint's chain is
/// trusted by Mozilla's roots and not by that bundle.
fn mozilla_only(answer: &Answer) -> Option<&str> {
    match answer {
        Answer::Response(r) => r.tls.as_ref()?.mozilla_only(),
        _ => None,
    }
}

fn https_check(
    url: &url::Url,
    connected: Option<std::net::IpAddr>,
    mozilla_only: Option<&str>,
) -> Check {
    if url.scheme() == "https" {
        return match mozilla_only {
            Some(location) => HTTPS
                .warn(format!(
                    "the endpoint uses https; {}",
                    crate::net::failure::mozilla_only_words(location)
                ))
                .detail("system_store", location)
                .remedy(crate::net::failure::INSTALL_BUNDLE),
            None => HTTPS.pass("the endpoint uses https"),
        };
    }
    let host = target::url_host(url);
    if let Some(ip) = connected.filter(|ip| crate::net::http::clear_text_allowed(*ip, false)) {
        let at = if host == ip.to_string() {
            host.clone()
        } else {
            format!("{host} ({ip})")
        };
        HTTPS.warn(format!("plain http to {at}, a loopback address: fine for a local test, not for a real endpoint"))
            .remedy("Serve the real endpoint over https: providers refuse or warn about plain http endpoints.")
    } else {
        HTTPS.fail(format!("plain http to {host}: deliveries and their signatures travel unencrypted"))
            .remedy("Serve the endpoint over https with a certificate from a public CA, and register the https URL with the provider.")
    }
}

fn status_check(def: &Def, answer: &Answer, deadline: Duration, secrets: &[&Secret]) -> Check {
    let r = match answer {
        Answer::Response(r) => r,
        Answer::OutOfTime(why) => return def.skip(why.clone()),
        Answer::Failed(e) => {
            let check = def
                .fail(format!("the delivery failed: {}", e.message))
                .detail("phase", e.phase.as_str());
            return match e.phase {
                crate::net::Phase::Http | crate::net::Phase::Policy => check.remedy("Check that the URL is reachable from the sender's network; plumb endpoint URL shows each phase."),
                _ => check.remedies(e.remedies()),
            };
        }
        Answer::TooSlow => {
            return def
                .fail(format!(
                    "no answer within {}",
                    humantime::format_duration(deadline)
                ))
                .remedy(ANSWER_AT_ONCE);
        }
    };
    let code = r.status;
    let mut c = def.fail(status_text(code)).detail("status", code);
    if !(200..300).contains(&code) {
        if let Some(said) = stated_reason(r, secrets) {
            let s = format!("{}: it said \"{said}\"", c.summary());
            c.set_summary(s);
            c = c.detail("reason", said);
        }
    }
    if !(200..300).contains(&code) && !r.body.is_empty() {
        // One line: an HTML error page's layout says nothing.
        // Redacted before it is cut, so no piece of a secret survives.
        let text = crate::redact::foreign(&r.body_text(), secrets);
        let mut excerpt = text.split_whitespace().collect::<Vec<_>>().join(" ");
        excerpt.truncate(
            excerpt
                .char_indices()
                .nth(200)
                .map_or(excerpt.len(), |(i, _)| i),
        );
        c = c.detail("body_excerpt", excerpt);
    }
    match code {
        200..=299 => {
            c.set_status(Status::Pass);
            c
        }
        300..=399 => {
            let location = match r.header("location") {
                Some(loc) => url::Url::parse(loc).map_or_else(
                    |_| crate::escape::clean(loc),
                    |u| crate::net::http::shown_url(&u),
                ),
                None => "(none)".to_string(),
            };
            c.detail("location", location)
                .remedy("Register the final URL with the provider: senders do not follow redirects, so every delivery fails.")
        }
        401 | 403 => c.remedy("The endpoint rejected the signature: check that it verifies with the same secret, over the raw body (plumb verify-signature explains a mismatch)."),
        404 => c.remedy("Check the path: the endpoint has no route at this URL."),
        410 => c.remedy("410 Gone tells a sender to disable this endpoint; answer 2xx if it should keep receiving deliveries."),
        500..=599 => c.remedy("The endpoint is broken: check its logs for this delivery; senders retry 5xx and then disable the endpoint."),
        _ => c.remedy("Answer a valid delivery with a 2xx status; anything else counts as a failed delivery."),
    }
}

/// The reason a receiver gave in its answer body: a JSON `error`,
/// `message`, `detail` or `error_description` (or the first of `errors`),
/// an HTML page's title, or a short plain-text body; redacted, on one line,
/// at most 160 characters.
fn stated_reason(r: &Response, secrets: &[&Secret]) -> Option<String> {
    let text = r.body_text();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    fn from_json(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            serde_json::Value::Object(map) => [
                "error",
                "message",
                "detail",
                "error_description",
                "errors",
                "reason",
                "msg",
            ]
            .iter()
            .find_map(|k| map.get(*k).and_then(from_json)),
            serde_json::Value::Array(items) => items.iter().find_map(from_json),
            _ => None,
        }
    }
    let found = if let Ok(v) = serde_json::from_str::<serde_json::Value>(trimmed) {
        from_json(&v)?
    } else if trimmed.starts_with('<') {
        let lower = trimmed.to_ascii_lowercase();
        let start = lower.find("<title>")? + "<title>".len();
        let end = start + lower[start..].find("</title>")?;
        trimmed[start..end].to_string()
    } else {
        trimmed.lines().next()?.to_string()
    };
    let clean = crate::escape::clean(&crate::redact::foreign(&found, secrets));
    let one = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.is_empty() {
        return None;
    }
    Some(crate::escape::shorten(&one, 160))
}

fn status_text(code: u16) -> String {
    let reason = ::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let meaning = match code {
        200..=299 => "accepted",
        300..=399 => "a redirect, which senders do not follow",
        401 | 403 => "rejected: the endpoint did not accept the signature",
        404 => "no such path",
        410 => "the endpoint asks to be disabled",
        500..=599 => "the endpoint is broken",
        _ => "not accepted",
    };
    format!("{code} {reason}: {meaning}").replace("  ", " ")
}

fn latency_check(def: &Def, answer: &Answer, took: Duration, deadline: Duration) -> Check {
    let summary = |s: &str| {
        format!(
            "{} ms {s} (deadline {})",
            ms(took),
            humantime::format_duration(deadline)
        )
    };
    let check = match answer {
        Answer::TooSlow => {
            return def
                .fail(summary("and still no answer"))
                .detail("total_ms", ms(took))
                .remedy(ANSWER_AT_ONCE)
        }
        Answer::Failed(_) => return def.skip("no answer to time"),
        Answer::OutOfTime(why) => return def.skip(why.clone()),
        Answer::Response(r) => def
            .pass(summary("to answer"))
            .detail("first_byte_ms", ms(r.timings.first_byte))
            .detail("total_ms", ms(took)),
    };
    if took > deadline / 2 {
        let mut check = check;
        check.set_status(Status::Warn);
        check.remedy(
            "Answer faster: over half the sender's deadline leaves no margin for a slow day.",
        )
    } else {
        check
    }
}

fn forged_check(unsigned: &Answer, wrong: &Answer) -> Check {
    if let Some(why) = [unsigned, wrong].into_iter().find_map(|a| match a {
        Answer::OutOfTime(why) => Some(why),
        _ => None,
    }) {
        return REJECTS_FORGED.skip(why.clone());
    }
    let describe = |a: &Answer| match a {
        Answer::Response(r) => status_text(r.status),
        Answer::Failed(e) => format!("failed: {}", e.message),
        Answer::TooSlow => "no answer before the deadline".to_string(),
        Answer::OutOfTime(why) => why.clone(),
    };
    let evidence = |c: Check| {
        c.detail("unsigned", describe(unsigned))
            .detail("wrong_signature", describe(wrong))
    };
    let which: Vec<&str> = [
        (accepted(unsigned), "an unsigned"),
        (accepted(wrong), "a wrongly signed"),
    ]
    .into_iter()
    .filter_map(|(a, w)| a.then_some(w))
    .collect();
    if which.is_empty() {
        return evidence(
            REJECTS_FORGED.pass("unsigned and wrongly signed copies were both refused"),
        );
    }
    evidence(REJECTS_FORGED.fail(format!(
        "accepted {} delivery: anyone who knows the URL can feed it fake events",
        which.join(" and ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_is_a_warning_only_to_loopback() {
        let check = |u: &str, at: Option<&str>| {
            https_check(
                &url::Url::parse(u).unwrap(),
                at.map(|a| a.parse().unwrap()),
                None,
            )
            .status()
        };
        assert_eq!(check("https://example.com/hook", None), Status::Pass);
        assert_eq!(
            check("http://127.0.0.1:8080/hook", Some("127.0.0.1")),
            Status::Warn
        );
        assert_eq!(check("http://localhost/hook", Some("::1")), Status::Warn);
        // The name says loopback, the address connected to does not.
        assert_eq!(
            check("http://shop.localhost/hook", Some("192.0.2.10")),
            Status::Fail
        );
        assert_eq!(check("http://localhost/hook", None), Status::Fail);
        assert_eq!(
            check("http://example.com/hook", Some("192.0.2.1")),
            Status::Fail
        );
    }

    #[test]
    fn a_rejection_is_named_from_the_body() {
        let answer = |ct: &str, body: &str| Response {
            status: 400,
            headers: {
                let mut h = ::http::HeaderMap::new();
                h.insert("content-type", ct.parse().unwrap());
                h
            },
            body: body.as_bytes().to_vec(),
            truncated: false,
            timings: Default::default(),
            remote: "127.0.0.1:1".parse().unwrap(),
            tls: None,
            proxy: None,
            version: "HTTP/1.1",
            lost: Vec::new(),
            fallback: None,
            closed_body: false,
        };
        let said = |ct: &str, body: &str| stated_reason(&answer(ct, body), &[]);
        assert_eq!(
            said(
                "application/json",
                r#"{"error":{"message":"No signatures found"}}"#
            )
            .as_deref(),
            Some("No signatures found")
        );
        assert_eq!(
            said("application/json", r#"{"errors":[{"detail":"bad hmac"}]}"#).as_deref(),
            Some("bad hmac")
        );
        assert_eq!(
            said(
                "text/html",
                "<html><head><title>403 Forbidden</title></head></html>"
            )
            .as_deref(),
            Some("403 Forbidden")
        );
        assert_eq!(
            said("text/plain", "Invalid signature\nmore").as_deref(),
            Some("Invalid signature")
        );
        assert_eq!(said("application/json", "{}"), None);
        let secret = Secret::new("whsec_topsecretvalue123");
        let leaked = stated_reason(
            &answer("text/plain", "expected whsec_topsecretvalue123"),
            &[&secret],
        )
        .unwrap();
        assert!(!leaked.contains("topsecret"), "{leaked}");
        assert_eq!(provider_deadline(Provider::Shopify), Duration::from_secs(5));
    }

    #[test]
    fn statuses_say_what_they_mean() {
        assert!(status_text(410).contains("disabled"));
        assert!(status_text(302).contains("redirect"));
        assert!(status_text(403).contains("rejected"));
        assert!(status_text(299).contains("accepted"));
    }
}
