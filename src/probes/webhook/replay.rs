//! `plumb webhook replay FILE|DIR --to URL`: resends recorded deliveries,
//! raw HTTP requests as `verify-signature --request` reads them (a
//! directory: every `*.http` file in it, by name). `--as-is` (the
//! default) sends each unchanged, which tests the receiver's replay
//! protection; `--resign` signs timestamped schemes again with a fresh
//! timestamp so they pass the receiver's tolerance.

use super::{deliver, provider_deadline, stated_reason, status_text, Answer};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::net::http::{Client, Request};
use crate::net::ms;
use crate::net::target;
use crate::probes::webhook::signature::request::{self, find_header};
use crate::probes::webhook::signature::{self, sign, Provider, Scheme, SchemeOptions};
use crate::report::{Check, Def, Report, Timer};
use crate::secret::Secret;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Most recorded deliveries one run resends.
pub const MAX_DELIVERIES: usize = 1000;

#[derive(Debug)]
pub struct ReplayOptions {
    /// A recorded delivery (raw HTTP request), or a directory of *.http files
    pub input: PathBuf,
    /// Where to send them
    pub to: String,
    /// Sign timestamped schemes again with a fresh timestamp (needs the secret)
    pub resign: bool,
    /// Who signed the deliveries (default: told from their headers)
    pub provider: Option<Provider>,
    pub scheme: SchemeOptions,
    /// How long the receiver may take to answer each (default: the provider's own delivery deadline)
    pub deadline: Option<Duration>,
}

pub const REPLAY: Def = Def {
    id: "webhook.replay",
    title: "Replayed delivery",
    judges: "One per recorded delivery, named by its file: the receiver's answer (status, time, stated reason). A delivery sent as recorded whose signed timestamp is past the tolerance must be refused (4xx), which shows replay protection; any other must be accepted (2xx).",
    remedies: &[],
};

/// Every check `webhook replay` reports.
pub const REPLAY_CHECKS: &[&Def] = &[&REPLAY];

/// Headers that belong to one hop or follow from the body: recomputed for
/// the new connection, never copied. Accept-Encoding is dropped so the
/// answer comes back as plain text plumb can quote.
const NOT_COPIED: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "proxy-connection",
    "proxy-authorization",
    "proxy-authenticate",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "accept-encoding",
    "expect",
];

/// The recorded files to replay: FILE itself, or DIR's `*.http` files
/// sorted by name.
fn inputs(path: &Path) -> Result<Vec<PathBuf>> {
    let meta =
        std::fs::metadata(path).map_err(|e| Error::usage(format!("{}: {e}", path.display())))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::usage(format!("{}: {e}", path.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "http"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::usage(format!(
            "{}: no *.http files (recorded deliveries) in this directory",
            path.display()
        )));
    }
    if files.len() > MAX_DELIVERIES {
        return Err(Error::usage(format!(
            "{}: {} recorded deliveries; plumb replays at most {MAX_DELIVERIES} in one run",
            path.display(),
            files.len()
        )));
    }
    Ok(files)
}

struct Recorded {
    name: String,
    method: ::http::Method,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn read(path: &Path) -> Result<Recorded> {
    let bytes = crate::input::read_file("FILE", path, signature::MAX_SIGNED_PAYLOAD)?;
    let parsed =
        request::parse(&bytes).map_err(|why| Error::usage(format!("{}: {why}", path.display())))?;
    let method = ::http::Method::from_bytes(parsed.method.as_bytes()).map_err(|_| {
        Error::usage(format!(
            "{}: '{}' is not an HTTP method",
            path.display(),
            crate::escape::clean(&parsed.method)
        ))
    })?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Recorded {
        name,
        method,
        headers: parsed.headers,
        body: parsed.body,
    })
}

/// The signed timestamp a recorded delivery carries, for the schemes that
/// sign one.
fn recorded_timestamp(provider: Provider, headers: &[(String, String)]) -> Option<i64> {
    let get = |n: &str| find_header(headers, n).map(|(_, v)| v.trim().to_string());
    let text = match provider {
        Provider::Stripe => get("stripe-signature")?
            .split(',')
            .find_map(|p| p.trim().strip_prefix("t=").map(str::to_string))?,
        Provider::Slack => get("x-slack-request-timestamp")?,
        Provider::Standard => get("webhook-timestamp").or_else(|| get("svix-timestamp"))?,
        _ => return None,
    };
    text.parse().ok()
}

/// The headers to send again: the recorded ones less those of one hop,
/// with the scheme's timestamp and signature replaced when re-signed.
fn resigned(
    rec: &Recorded,
    scheme: &Scheme,
    secret: &Secret,
    now: i64,
) -> Result<Vec<(String, String)>> {
    let svix = find_header(&rec.headers, "svix-signature").is_some()
        && find_header(&rec.headers, "webhook-signature").is_none();
    let id = find_header(&rec.headers, "webhook-id")
        .or_else(|| find_header(&rec.headers, "svix-id"))
        .map(|(_, v)| v.to_string())
        .unwrap_or_default();
    let fresh = sign(scheme, secret, &rec.body, now, &id)
        .map_err(|why| Error::usage(format!("--secret: {why}")))?;
    let fresh: Vec<(String, String)> = fresh
        .into_iter()
        .map(|(n, v)| match n.strip_prefix("webhook-") {
            Some(rest) if svix => (format!("svix-{rest}"), v),
            _ => (n, v),
        })
        .collect();
    let mut out: Vec<(String, String)> = rec
        .headers
        .iter()
        .filter(|(n, _)| !fresh.iter().any(|(f, _)| f.eq_ignore_ascii_case(n)))
        .cloned()
        .collect();
    out.extend(fresh);
    Ok(out)
}

pub async fn run(args: ReplayOptions, ctx: &Ctx) -> Result<Report> {
    let url = target::parse_url("--to", &args.to)?;
    let files = inputs(&args.input)?;
    let recorded: Vec<Recorded> = files.iter().map(|f| read(f)).collect::<Result<_>>()?;
    let secret = if args.resign {
        Some(super::one_secret(&args.scheme)?)
    } else {
        None
    };
    let client = Client::new(ctx)?;
    let mut report = Report::new("webhook replay", crate::net::http::shown_url(&url));
    if let Some(s) = &secret {
        report.add_secret(s);
    }
    let now = ctx.unix_now();
    for rec in &recorded {
        let provider = match args
            .provider
            .or_else(|| super::events::detect(&rec.headers))
        {
            Some(p) => Some(p),
            None if args.resign => {
                return Err(Error::usage(format!(
                    "--provider: cannot tell which provider signed {}; give --provider",
                    rec.name
                )))
            }
            None => None,
        };
        let timestamped = provider.is_some_and(super::events::timestamped);
        let (headers, resigned_now) = match (&secret, provider) {
            (Some(secret), Some(p)) if timestamped => {
                let scheme = args.scheme.scheme(p)?;
                (resigned(rec, &scheme, secret, now)?, true)
            }
            _ => (rec.headers.clone(), false),
        };
        let copied: Vec<&(String, String)> = headers
            .iter()
            .filter(|(n, _)| !NOT_COPIED.iter().any(|h| n.eq_ignore_ascii_case(h)))
            .collect();
        // A signature proves one delivery only: sent as a plain header, as
        // webhook send does. Anything else credential-shaped (a recorded
        // Authorization) stays a secret.
        let is_signature = |n: &str| n.to_ascii_lowercase().contains("signature");
        let mut req = Request::new(rec.method.clone(), url.clone());
        for (n, v) in copied.iter().filter(|(n, _)| is_signature(n)) {
            req = req.header(n, v.clone());
        }
        let lines: Vec<String> = copied
            .iter()
            .filter(|(n, _)| !is_signature(n))
            .map(|(n, v)| format!("{n}: {v}"))
            .collect();
        let req = req.header_args(&rec.name, &lines)?.body(rec.body.clone());
        let deadline = args
            .deadline
            .unwrap_or_else(|| provider.map_or(Duration::from_secs(10), provider_deadline));
        let secrets = req.secrets();
        report.add_secrets(&secrets);
        let mut secrets: Vec<&Secret> = secrets.iter().collect();
        if let Some(s) = &secret {
            secrets.push(s);
        }
        // How old the signed timestamp is, as sent.
        let age = match (resigned_now, provider) {
            (false, Some(p)) => recorded_timestamp(p, &rec.headers).map(|t| now - t),
            _ => None,
        };
        let stale = age
            .zip(provider.and_then(super::events::tolerance))
            .and_then(|(age, tol)| {
                (age > i64::try_from(tol.as_secs()).unwrap_or(300)).then_some((age, tol))
            });
        let timer = Timer::start();
        let answer = deliver(&client, &req, deadline, ctx).await;
        let took = timer.elapsed();
        report.push(
            delivery_check(rec, provider, resigned_now, stale, &answer, took, &secrets).took(took),
        );
    }
    Ok(report)
}

fn delivery_check(
    rec: &Recorded,
    provider: Option<Provider>,
    resigned: bool,
    stale: Option<(i64, Duration)>,
    answer: &Answer,
    took: Duration,
    secrets: &[&Secret],
) -> Check {
    let how = if resigned {
        "re-signed with a fresh timestamp"
    } else {
        "sent as recorded"
    };
    let subject = rec.name.as_str();
    let c = match answer {
        Answer::OutOfTime(why) => return REPLAY.skip(why.clone()).about(subject),
        Answer::TooSlow => REPLAY
            .fail(format!("{how}: no answer before the deadline"))
            .remedy(super::ANSWER_AT_ONCE),
        Answer::Failed(e) => REPLAY
            .fail(format!("{how}: the delivery failed: {}", e.message))
            .remedies(e.remedies()),
        Answer::Response(r) => {
            let said = stated_reason(r, secrets);
            let quoted = said
                .as_ref()
                .filter(|_| !(200..300).contains(&r.status))
                .map(|s| format!(": it said \"{s}\""))
                .unwrap_or_default();
            let text = format!("{how}: {}{quoted}", status_text(r.status));
            let ok = (200..300).contains(&r.status);
            let mut c = match (stale, ok) {
                (Some((age, _)), true) => REPLAY
                    .fail(format!(
                        "{text}, though its signed timestamp is {} old: the receiver has no replay protection",
                        humantime::format_duration(Duration::from_secs(age.unsigned_abs()))
                    ))
                    .remedy("Reject deliveries whose signed timestamp is more than 5 minutes from now, and remember delivery ids you have processed."),
                (Some(_), false) if (400..500).contains(&r.status) => REPLAY.pass(format!(
                    "{text}: refused, as a replay of an old delivery should be"
                )),
                (_, true) => REPLAY.pass(text),
                (None, false) if matches!(r.status, 400 | 401 | 403) && provider.is_some_and(super::events::timestamped) && !resigned => REPLAY
                    .fail(text)
                    .remedy("Give --resign with the secret to sign it again with a fresh timestamp, if the refusal is the receiver's tolerance."),
                _ => REPLAY.fail(text),
            };
            c = c.detail("status", r.status);
            if let Some(said) = said {
                c = c.detail("reason", said);
            }
            c
        }
    };
    let mut c = c
        .detail("latency_ms", ms(took))
        .detail("resigned", resigned);
    if let Some(p) = provider {
        c = c.detail("provider", p.as_str());
    }
    if let Some((age, tol)) = stale {
        c = c
            .detail("timestamp_age_s", age)
            .detail("tolerance_s", tol.as_secs());
    }
    c.about(subject)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(headers: &[(&str, &str)]) -> Recorded {
        Recorded {
            name: "a.http".into(),
            method: ::http::Method::POST,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: br#"{"id":1}"#.to_vec(),
        }
    }

    #[test]
    fn timestamps_are_read_from_each_scheme() {
        let r = rec(&[("Stripe-Signature", "t=1700000000,v1=ab")]);
        assert_eq!(
            recorded_timestamp(Provider::Stripe, &r.headers),
            Some(1_700_000_000)
        );
        let r = rec(&[("svix-timestamp", "1700000001")]);
        assert_eq!(
            recorded_timestamp(Provider::Standard, &r.headers),
            Some(1_700_000_001)
        );
        assert_eq!(recorded_timestamp(Provider::Shopify, &r.headers), None);
    }

    #[test]
    fn resigning_keeps_svix_names_and_the_message_id() {
        let r = rec(&[
            ("svix-id", "msg_1"),
            ("svix-timestamp", "1"),
            ("svix-signature", "v1,old"),
            ("User-Agent", "Svix-Webhooks/1.0"),
        ]);
        let h = resigned(
            &r,
            &Scheme::new(Provider::Standard),
            &Secret::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            1_700_000_000,
        )
        .unwrap();
        let get = |n: &str| find_header(&h, n).map(|(_, v)| v.to_string());
        assert_eq!(get("svix-id").as_deref(), Some("msg_1"));
        assert_eq!(get("svix-timestamp").as_deref(), Some("1700000000"));
        assert_ne!(get("svix-signature").as_deref(), Some("v1,old"));
        assert!(get("webhook-signature").is_none());
        assert_eq!(h.iter().filter(|(n, _)| n == "svix-signature").count(), 1);
        assert_eq!(get("user-agent").as_deref(), Some("Svix-Webhooks/1.0"));
    }
}
