//! `plumb webhook send URL --provider P`: a signed test delivery, sent as
//! the provider would (POST, no redirects followed), and with `--forged`
//! the same delivery unsigned and wrongly signed, which must be refused.

pub mod listen;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input;
use crate::net::http::{Client, Request, Response};
use crate::net::target;
use crate::net::{ms, NetError};
use crate::probes::signature::{self, sign, Provider, SchemeOptions};
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use std::time::Duration;

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
}

#[derive(Debug)]
pub struct SendOptions {
    /// The endpoint's URL (https; plain http only to a loopback address)
    pub endpoint: String,
    /// Whose signature the delivery carries
    pub provider: Provider,
    pub scheme: SchemeOptions,
    /// The body to deliver (- = standard input), sent as raw bytes
    pub payload: std::path::PathBuf,
    /// Content-Type of the delivery
    pub content_type: String,
    /// Extra request header 'Name: value' (repeatable)
    pub headers: Vec<String>,
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
    judges: "With --forged: whether the endpoint refuses the same delivery unsigned and with a wrong signature; accepting either (2xx) fails.",
    remedies: &[
        "Verify the signature on every delivery before acting on it, and answer 401 when it is missing or wrong.",
        "Compare in constant time over the raw body, with the secret of this endpoint.",
    ],
};

/// Every check `webhook send` reports, in report order.
pub const SEND_CHECKS: &[&Def] = &[&HTTPS, &STATUS, &LATENCY, &REJECTS_FORGED];

/// How long each provider waits for a delivery's answer, as its
/// documentation states (sources in docs/providers.md); 10 s where none
/// is documented.
pub fn provider_deadline(provider: Provider) -> Duration {
    Duration::from_secs(match provider {
        Provider::Shopify => 5,
        Provider::Slack => 3,
        Provider::Github => 10,
        Provider::Woocommerce => 60,
        Provider::Standard => 15,
        Provider::Stripe | Provider::Mandrill | Provider::Timestamped | Provider::Hmac => 10,
    })
}

/// What a delivery that outlasts the sender's deadline should do instead.
const ANSWER_AT_ONCE: &str =
    "Answer with a 2xx at once and do the work afterwards (a queue or background job).";

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    match args.command {
        WebhookCommand::Send(a) => send(a, ctx).await,
        WebhookCommand::Listen(a) => listen::run(a, ctx).await,
    }
}

/// Everything each copy of the delivery shares.
struct Delivery {
    url: url::Url,
    body: Vec<u8>,
    /// Content-Type and `-H` headers; credential headers already secrets.
    base: Request,
}

impl Delivery {
    fn request(&self, signed: &[(String, String)]) -> Request {
        let mut req = self.base.clone().body(self.body.clone());
        // A signature is not a credential: it proves one delivery only.
        for (name, value) in signed {
            req = req.header(name, value.clone());
        }
        req
    }
}

async fn send(args: SendOptions, ctx: &Ctx) -> Result<Report> {
    let url = target::parse_url("URL", &args.endpoint)?;
    let signed = signature::sign_payload(
        args.provider,
        &args.scheme,
        &args.payload,
        args.timestamp,
        args.id.clone(),
        ctx,
    )?;
    input::parse_header(
        "--content-type",
        &format!("Content-Type: {}", args.content_type),
    )?;
    let base = Request::new(::http::Method::POST, url.clone())
        .header("Content-Type", args.content_type.clone())
        .header_args("-H", &args.headers)?;
    let signature::Signed {
        scheme,
        payload: body,
        timestamp,
        id,
        headers: signed,
        ..
    } = signed;
    let delivery = Delivery { url, body, base };
    let deadline = args.deadline.unwrap_or(provider_deadline(args.provider));
    let client = Client::new(ctx)?;
    let mut report = Report::new("webhook send", crate::net::http::shown_url(&delivery.url));
    let timer = Timer::start();
    let request = delivery.request(&signed);
    let answer = deliver(&client, &request, deadline, ctx).await;
    let took = timer.elapsed();
    report.push(https_check(
        &delivery.url,
        connected_to(&delivery.url, &answer),
        mozilla_only(&answer),
    ));
    // Credentials the endpoint might quote back in an error body.
    let secrets = request.secrets();
    report.add_secrets(&secrets);
    let secrets: Vec<&Secret> = secrets.iter().collect();
    report.push(status_check(&answer, deadline, &secrets).took(took));
    report.push(latency_check(&answer, took, deadline));
    if args.forged {
        let sig_names: Vec<String> = scheme
            .signature_headers()
            .iter()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        let unsigned: Vec<(String, String)> = signed
            .iter()
            .filter(|(n, _)| !sig_names.contains(&n.to_ascii_lowercase()))
            .cloned()
            .collect();
        let wrong_secret = forged_secret(args.provider)?;
        let wrong = sign(&scheme, &wrong_secret, &delivery.body, timestamp, &id)
            .map_err(|why| Error::Internal(format!("cannot forge a signature: {why}")))?;
        let a = deliver(&client, &delivery.request(&unsigned), deadline, ctx).await;
        let b = deliver(&client, &delivery.request(&wrong), deadline, ctx).await;
        report.push(forged_check(&a, &b));
    }
    Ok(report)
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

enum Answer {
    Response(Box<Response>),
    Failed(NetError),
    TooSlow,
    /// Not sent, or cut short, because the run's budget was spent: the
    /// summary of the skipped check.
    OutOfTime(String),
}

/// Sends one copy; the whole exchange is bounded by the deadline, and
/// none starts once the run's budget is spent.
async fn deliver(client: &Client, req: &Request, deadline: Duration, ctx: &Ctx) -> Answer {
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

fn status_check(answer: &Answer, deadline: Duration, secrets: &[&Secret]) -> Check {
    let r = match answer {
        Answer::Response(r) => r,
        Answer::OutOfTime(why) => return STATUS.skip(why.clone()),
        Answer::Failed(e) => {
            let check = STATUS
                .fail(format!("the delivery failed: {}", e.message))
                .detail("phase", e.phase.as_str());
            return match e.phase {
                crate::net::Phase::Http | crate::net::Phase::Policy => check.remedy("Check that the URL is reachable from the sender's network; plumb endpoint URL shows each phase."),
                _ => check.remedies(e.remedies()),
            };
        }
        Answer::TooSlow => {
            return STATUS
                .fail(format!(
                    "no answer within {}",
                    humantime::format_duration(deadline)
                ))
                .remedy(ANSWER_AT_ONCE);
        }
    };
    let code = r.status;
    let mut c = STATUS.fail(status_text(code)).detail("status", code);
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

fn latency_check(answer: &Answer, took: Duration, deadline: Duration) -> Check {
    let summary = |s: &str| {
        format!(
            "{} ms {s} (deadline {})",
            ms(took),
            humantime::format_duration(deadline)
        )
    };
    let check = match answer {
        Answer::TooSlow => {
            return LATENCY
                .fail(summary("and still no answer"))
                .detail("total_ms", ms(took))
                .remedy(ANSWER_AT_ONCE)
        }
        Answer::Failed(_) => return LATENCY.skip("no answer to time"),
        Answer::OutOfTime(why) => return LATENCY.skip(why.clone()),
        Answer::Response(r) => LATENCY
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
    let accepted = |a: &Answer| matches!(a, Answer::Response(r) if (200..300).contains(&r.status));
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
