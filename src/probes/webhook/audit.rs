//! `plumb webhook audit URL --provider P`: tests a receiver's hardening
//! the way an attacker or a retrying sender would. One valid delivery,
//! then the same delivery again (a retry), an unsigned and a wrongly
//! signed copy, a body changed under its signature, and, for timestamped
//! schemes, a validly signed delivery older than the tolerance.

use super::{
    deliver, forged_answers, https_check, latency_check, mozilla_only, provider_deadline,
    stated_reason, status_check, status_text, Answer, Composer, DeliveryOptions, ANSWER_AT_ONCE,
    HTTPS, REJECTS_FORGED,
};
use crate::context::Ctx;
use crate::error::Result;
use crate::net::http::Client;
use crate::net::target;
use crate::probes::webhook::signature::Provider;
use crate::report::{Check, Def, Report, Timer};
use crate::secret::Secret;
use std::time::Duration;

#[derive(Debug)]
pub struct AuditOptions {
    /// The receiver's URL (https; plain http only to a loopback address)
    pub endpoint: String,
    pub delivery: DeliveryOptions,
    /// How long the receiver may take to answer (default: the provider's own delivery deadline)
    pub deadline: Option<Duration>,
}

pub const ACCEPTS_VALID: Def = Def {
    id: "webhook.accepts_valid",
    title: "Accepts a valid delivery",
    judges: "Whether the receiver answers a correctly signed delivery with a 2xx; a redirect, a rejection (named in the receiver's own words when its body gives them) or an error fails, and the checks that need an accepted delivery are skipped.",
    remedies: &[],
};
pub const DEADLINE: Def = Def {
    id: "webhook.deadline",
    title: "Answers within the provider's deadline",
    judges: "Whether the valid delivery is answered within the provider's documented delivery deadline (docs/providers.md) or --deadline: over it fails, over half of it warns.",
    remedies: &[],
};
pub const REJECTS_TAMPERED: Def = Def {
    id: "webhook.rejects_tampered",
    title: "Rejects a tampered body",
    judges: "Whether the receiver refuses (4xx) a delivery whose body was changed after signing, the signature left as it was; accepting it (2xx) fails.",
    remedies: &[
        "Compute the HMAC over the raw body bytes as received and compare it with the header, before parsing the body.",
    ],
};
pub const REJECTS_STALE: Def = Def {
    id: "webhook.rejects_stale",
    title: "Rejects a stale timestamp",
    judges: "Timestamped schemes (Stripe, Slack, Standard Webhooks, timestamped): whether the receiver refuses (4xx) a validly signed delivery whose timestamp is twice the tolerance old; skipped for schemes without a timestamp.",
    remedies: &[
        "Reject deliveries whose signed timestamp is more than 5 minutes from now (the providers' libraries do): a captured delivery can otherwise be replayed forever.",
    ],
};
pub const DUPLICATE_ACK: Def = Def {
    id: "webhook.duplicate_ack",
    title: "Acknowledges a repeated delivery",
    judges: "Whether the receiver answers the same delivery sent twice with a 2xx both times: senders retry whenever an answer is lost or late, so a receiver must be idempotent, not refuse the repeat.",
    remedies: &[
        "Record each delivery's id (Stripe's event id, X-GitHub-Delivery, X-Shopify-Event-Id, webhook-id…) and answer a repeat with 200 without doing the work again.",
    ],
};

/// Every check `webhook audit` reports, in report order.
pub const AUDIT_CHECKS: &[&Def] = &[
    &HTTPS,
    &ACCEPTS_VALID,
    &DEADLINE,
    &DUPLICATE_ACK,
    &REJECTS_FORGED,
    &REJECTS_TAMPERED,
    &REJECTS_STALE,
];

pub async fn run(args: AuditOptions, ctx: &Ctx) -> Result<Report> {
    let url = target::parse_url("URL", &args.endpoint)?;
    let composer = Composer::new(url, &args.endpoint, &args.delivery)?;
    let provider = composer.provider;
    let deadline = args.deadline.unwrap_or(provider_deadline(provider));
    let now = ctx.unix_now();
    let fresh = || Composer::identity(now, None);
    let valid = composer.compose(&fresh()?, Some(&composer.secret), None)?;
    let client = Client::new(ctx)?;
    let mut report = Report::new("webhook audit", crate::net::http::shown_url(&composer.url));
    report.add_secret(&composer.secret);
    let mut secrets = valid.request.secrets();
    report.add_secrets(&secrets);
    secrets.push(composer.secret.clone());
    let secrets: Vec<&Secret> = secrets.iter().collect();

    let timer = Timer::start();
    let answer = deliver(&client, &valid.request, deadline, ctx).await;
    let took = timer.elapsed();
    report.push(https_check(
        &composer.url,
        super::connected_to(&composer.url, &answer),
        mozilla_only(&answer),
    ));
    report.push(accepts_valid_check(provider, &answer, deadline, &secrets).took(took));
    report.push(
        latency_check(&DEADLINE, &answer, took, deadline).detail("provider", provider.as_str()),
    );

    if !super::accepted(&answer) {
        let why =
            "skipped: the valid delivery was not accepted, so a refusal here would prove nothing";
        for def in [
            &DUPLICATE_ACK,
            &REJECTS_FORGED,
            &REJECTS_TAMPERED,
            &REJECTS_STALE,
        ] {
            report.push(def.skip(why));
        }
        return Ok(report);
    }

    // The same delivery again, byte for byte: a sender's retry.
    let again = deliver(&client, &valid.request, deadline, ctx).await;
    report.push(duplicate_check(&answer, &again, &secrets));

    // Each attack is a delivery of its own (fresh ids), so a receiver that
    // skips deliveries it has seen cannot pass by remembering the valid one.
    let other = composer.compose(&fresh()?, Some(&composer.secret), None)?;
    let (forged_check, unsigned_ok, wrong_ok) =
        forged_answers(&composer, &client, &other, deadline, ctx).await?;
    report.push(if wrong_ok && !unsigned_ok {
        forged_check.remedy("The receiver refuses a missing signature but accepts a wrong one: it checks that the header is present, not that the signature matches.")
    } else {
        forged_check
    });

    let who = fresh()?;
    let tampered_body = tamper(&composer.body(&who));
    let tampered = composer.compose(&who, Some(&composer.secret), Some(tampered_body))?;
    let a = deliver(&client, &tampered.request, deadline, ctx).await;
    report.push(refusal_check(
        &REJECTS_TAMPERED,
        &a,
        &secrets,
        "a body changed after signing",
        match (unsigned_ok, wrong_ok) {
            (true, true) => "the receiver does not verify signatures at all: it accepted the forged copies too",
            (false, true) => "the receiver checks only that a signature header is present, not that it matches",
            _ => "the receiver does not compare the signature with the body it received: it verifies something other than the raw body, or only part of it",
        },
    ));

    report.push(match super::events::tolerance(provider) {
        None => REJECTS_STALE.skip(format!(
            "{} signs no timestamp, so a stale delivery cannot be told from a fresh one; the receiver's defence against replays is deduplication by delivery id",
            provider.as_str()
        )),
        Some(tolerance) => {
            let age = tolerance * 2;
            let stale_at = now - i64::try_from(age.as_secs()).unwrap_or(600);
            let stale = composer.compose(
                &Composer::identity(stale_at, None)?,
                Some(&composer.secret),
                None,
            )?;
            let a = deliver(&client, &stale.request, deadline, ctx).await;
            refusal_check(
                &REJECTS_STALE,
                &a,
                &secrets,
                &format!(
                    "a validly signed delivery timestamped {} ago (tolerance {})",
                    humantime::format_duration(age),
                    humantime::format_duration(tolerance)
                ),
                "the receiver verifies the signature but not the age of its timestamp",
            )
            .detail("age_s", age.as_secs())
            .detail("tolerance_s", tolerance.as_secs())
        }
    });
    Ok(report)
}

/// `webhook.status`'s judgement of the valid delivery, with the likely
/// causes of a rejection: a receiver refusing a delivery signed with the
/// right secret verifies the wrong bytes or holds the wrong key.
fn accepts_valid_check(
    provider: Provider,
    answer: &Answer,
    deadline: Duration,
    secrets: &[&Secret],
) -> Check {
    let c = status_check(&ACCEPTS_VALID, answer, deadline, secrets);
    match answer {
        Answer::Response(r) if matches!(r.status, 400 | 401 | 403) => {
            let mut c = c.remedy("The body was re-serialised before verifying: a framework parsed the JSON and the receiver signs its own serialisation; verify the raw bytes as received.")
                .remedy("The receiver holds another secret: the secret of another endpoint, of test rather than live mode, or with whitespace or quotes around it; plumb verify-signature on a captured delivery names which.");
            if super::events::timestamped(provider) {
                c = c.remedy("The receiver's clock is off: a timestamped signature is refused when the clocks differ by more than the tolerance; check NTP.");
            }
            c
        }
        _ => c,
    }
}

fn duplicate_check(first: &Answer, again: &Answer, secrets: &[&Secret]) -> Check {
    let c = match again {
        Answer::Response(r) if (200..300).contains(&r.status) => {
            return DUPLICATE_ACK
                .pass("the same delivery sent twice was accepted both times")
                .detail("second", status_text(r.status));
        }
        Answer::Response(r) => {
            let mut c = DUPLICATE_ACK.fail(format!(
                "the repeat was answered {}: a sender takes that as a failed delivery and retries again, then disables the endpoint",
                status_text(r.status)
            ));
            if let Some(said) = stated_reason(r, secrets) {
                c = c.detail("reason", said);
            }
            let c = c.detail("second", status_text(r.status));
            match r.status {
                409 | 422 | 400 => c.remedy("The receiver refuses a delivery it has seen (a duplicate-id or unique-key error): answer 200 to a repeat instead."),
                500..=599 => c.remedy("The receiver breaks on a repeat, likely a unique constraint on the delivery id raised as an error: catch it and answer 200."),
                _ => c,
            }
        }
        Answer::TooSlow => DUPLICATE_ACK
            .fail("the repeat got no answer before the deadline")
            .remedy(ANSWER_AT_ONCE),
        Answer::Failed(e) => DUPLICATE_ACK.fail(format!("the repeat failed: {}", e.message)),
        Answer::OutOfTime(why) => return DUPLICATE_ACK.skip(why.clone()),
    };
    match first {
        Answer::Response(r) => c.detail("first", status_text(r.status)),
        _ => c,
    }
}

/// A delivery that must be refused: 4xx passes; 2xx fails naming
/// `cause`; 5xx, a redirect, no answer warn (refused, but not the way
/// senders and their dashboards read as "rejected").
fn refusal_check(
    def: &Def,
    answer: &Answer,
    secrets: &[&Secret],
    what: &str,
    cause: &str,
) -> Check {
    match answer {
        Answer::OutOfTime(why) => def.skip(why.clone()),
        Answer::Response(r) => {
            let mut c = match r.status {
                200..=299 => def
                    .fail(format!("{what} was accepted ({}): {cause}", status_text(r.status))),
                400..=499 => def.pass(format!("{what} was refused: {}", status_text(r.status))),
                500..=599 => def
                    .warn(format!("{what} was refused with {}: senders retry a 5xx, so the refusal costs retries and alarms", status_text(r.status)))
                    .remedy("Answer a delivery that fails verification with 400 or 401, not an error."),
                _ => def.warn(format!("{what} got {}, neither accepted nor refused", status_text(r.status))),
            };
            c = c.detail("status", r.status);
            if let Some(said) = stated_reason(r, secrets) {
                c = c.detail("reason", said);
            }
            c
        }
        Answer::TooSlow => def.warn(format!("{what} got no answer before the deadline")),
        Answer::Failed(e) => def.warn(format!("{what} got no answer: {}", e.message)),
    }
}

/// The body changed as an attacker would: the last digit altered (so
/// JSON stays valid and the change is one the receiver acts on), or a
/// space added when there is no digit.
pub fn tamper(body: &[u8]) -> Vec<u8> {
    let mut out = body.to_vec();
    match out.iter().rposition(u8::is_ascii_digit) {
        Some(i) => out[i] = if out[i] == b'9' { b'0' } else { out[i] + 1 },
        None => out.push(b' '),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tampering_changes_one_byte_and_keeps_json() {
        let body = br#"{"id":41,"total":"42.00"}"#;
        let t = tamper(body);
        assert_ne!(t, body);
        assert_eq!(t.len(), body.len());
        serde_json::from_slice::<serde_json::Value>(&t).unwrap();
        assert_eq!(tamper(b"abc"), b"abc ");
        assert_eq!(tamper(b"x9"), b"x0");
    }

    #[test]
    fn every_audit_check_is_distinct() {
        let ids: std::collections::HashSet<&str> = AUDIT_CHECKS.iter().map(|d| d.id).collect();
        assert_eq!(ids.len(), AUDIT_CHECKS.len());
    }
}
