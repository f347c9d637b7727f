//! The verify-signature report: its five checks, declared once here and
//! built from the verification outcome. Never shows a secret, only its
//! masked form.

use super::diagnose::{self, MAX_DIAGNOSED_BODY};
use super::scheme::Provider;
use super::verify::{self, Clock, Inputs, Outcome};
use crate::credentials::fit::{misfit, Use};
use crate::report::{Check, Def, Status};
use serde_json::Value;

pub const SECRET: Def = Def {
    id: "signature.secret",
    title: "Signing secret",
    judges: "Whether each candidate secret is of a kind this scheme can use as its key, and which one matched.",
    remedies: &[],
};
pub const HEADER: Def = Def {
    id: "signature.header",
    title: "Signature header",
    judges:
        "Whether the signature header (or --signature value) can be read as this scheme writes it.",
    remedies: &[],
};
pub const MATCH: Def = Def {
    id: "signature.match",
    title: "Signature match",
    judges: "Whether a received signature equals the one computed over the payload exactly as given, with nothing forgiven.",
    remedies: &[],
};
pub const TIMESTAMP: Def = Def {
    id: "signature.timestamp",
    title: "Timestamp",
    judges: "Whether the signed timestamp is present, in seconds, and inside the tolerance.",
    remedies: &[],
};
pub const DIAGNOSIS: Def = Def {
    id: "signature.diagnosis",
    title: "Diagnosis",
    judges: "When the signature does not match: the change to body, secret, algorithm, encoding, header, timestamp or signed URL that makes it match (or the several changes of one JSON writer), else the signs that the body was re-serialised.",
    remedies: &[],
};

/// Every check `verify-signature` reports, in report order.
pub const ALL: &[&Def] = &[&SECRET, &HEADER, &MATCH, &TIMESTAMP, &DIAGNOSIS];

pub fn build(inputs: &Inputs, out: &Outcome, use_: Option<Use>) -> Vec<Check> {
    vec![
        secret(inputs, out, use_),
        header(inputs, out),
        matched(inputs, out),
        timestamp(inputs, out),
        diagnosis(inputs, out),
    ]
}

fn ordinal(i: usize) -> String {
    let n = i + 1;
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn secret(inputs: &Inputs, out: &Outcome, use_: Option<Use>) -> Check {
    let masked: Vec<Value> = inputs
        .secrets
        .iter()
        .map(|s| Value::from(s.masked()))
        .collect();
    let base = |status, summary: String| {
        SECRET
            .check(status, summary)
            .detail("candidates", masked.clone())
    };
    let misfit = use_.and_then(|u| {
        inputs
            .secrets
            .iter()
            .find_map(|s| misfit(s.expose(), u).map(|m| (s.masked(), m)))
    });
    if let Some((secret, _)) = out.matched {
        let which = &inputs.secrets[secret];
        let summary = if inputs.secrets.len() > 1 {
            format!(
                "the {} of {} candidates ({}) matched",
                ordinal(secret),
                inputs.secrets.len(),
                which.masked()
            )
        } else {
            format!("{} matched", which.masked())
        };
        return base(Status::Pass, summary).detail("matched", which.masked());
    }
    if let Some((shown, (label, why, fix))) = misfit {
        return base(
            Status::Fail,
            format!("{shown} looks like {label}, which {why}"),
        )
        .remedy(fix);
    }
    let unusable: Vec<String> = out
        .computed
        .iter()
        .filter_map(|c| c.as_ref().err().cloned())
        .collect();
    if unusable.len() == inputs.secrets.len() && out.unusable.is_none() {
        let why = unusable.first().cloned().unwrap_or_default();
        return base(
            Status::Fail,
            format!("no candidate can serve as the key: {why}"),
        )
        .remedy(
            "Copy the signing secret again from where the sender shows it, whole and unchanged.",
        );
    }
    let n = inputs.secrets.len();
    let summary = match n {
        1 => "one candidate secret; its form fits this scheme".to_string(),
        _ => format!("{n} candidate secrets; none is of a kind this scheme cannot use"),
    };
    base(Status::Pass, summary)
}

/// The signatures read from the header, as written.
fn received(out: &Outcome) -> Vec<Value> {
    let texts = out.parsed.entries.iter().map(|e| e.text.clone());
    texts.map(Value::from).collect()
}

fn header(inputs: &Inputs, out: &Outcome) -> Check {
    let scheme = &inputs.scheme;
    let received = received(out);
    let check = |status, summary: String| {
        let mut c = HEADER.check(status, summary);
        if let Some((value, source)) = &inputs.signature {
            c = c
                .detail("source", source.clone())
                .detail("value", value.clone());
        }
        if !out.parsed.ignored.is_empty() {
            c = c.detail("ignored", out.parsed.ignored.clone());
        }
        if !inputs.notes.is_empty() {
            c = c.detail("request_notes", inputs.notes.clone());
        }
        c
    };
    // A missing or malformed timestamp is signature.timestamp's to report.
    let clock_only = matches!(out.clock, Clock::Missing | Clock::NotANumber(_))
        && inputs.signature.is_some()
        && out.parsed.entries.iter().any(|e| e.bytes.is_some());
    if let Some(why) = out.unusable.as_ref().filter(|_| !clock_only) {
        let mut c = check(Status::Fail, why.clone());
        if let Some(first) = out.parsed.problems.first() {
            c = c.detail("cause", diagnose::Cause::Header(*first).code());
        }
        return c.remedy(format!(
            "Give the {} header exactly as the sender sent it (-H 'Name: value' or --signature), the timestamp and id headers the scheme signs, or the whole captured request with --request.",
            scheme.signature_headers().join(" or ")
        ));
    }
    let problems = verify::header_problems(out, scheme);
    if !problems.is_empty() {
        let first = out.parsed.problems[0];
        let forgiven = out.parsed.problems.iter().all(|p| p.forgiven()) && out.clean_match();
        let status = if forgiven { Status::Warn } else { Status::Fail };
        return check(status, format!("read it, but {}", problems.join("; ")))
            .detail("cause", diagnose::Cause::Header(first).code())
            .detail("signatures", received)
            .remedy("Pass the header value exactly as sent: no quotes, no added spaces, the scheme's prefix once; read it from the request, not from a log line or a web page.");
    }
    let n = out.parsed.entries.len();
    let summary = if n == 1 {
        "one signature, well formed".to_string()
    } else {
        format!("{n} signatures (the sender signs with each of its current secrets)")
    };
    check(Status::Pass, summary).detail("signatures", received)
}

fn matched(inputs: &Inputs, out: &Outcome) -> Check {
    let computed: Vec<Value> = inputs
        .secrets
        .iter()
        .zip(&out.computed)
        .map(|(s, c)| match c {
            Ok(v) => Value::from(format!("{v} (secret {})", s.masked())),
            Err(why) => Value::from(format!("none (secret {}: {why})", s.masked())),
        })
        .collect();
    let c = |status, summary: String| {
        let received = received(out);
        let signed = &out.signed;
        let mut c = MATCH
            .check(status, summary)
            .detail("received", received)
            .detail("computed", computed.clone())
            .detail("signed_length", signed.len)
            .detail(
                "signed_first_bytes",
                String::from_utf8_lossy(&signed.head).into_owned(),
            )
            .detail(
                "signed_last_bytes",
                String::from_utf8_lossy(&signed.tail).into_owned(),
            );
        if let Some(sha) = &signed.sha256 {
            c = c.detail("signed_sha256", sha.clone());
        }
        c
    };
    if let Some(why) = &out.unusable {
        return MATCH.skip(format!("nothing to compare: {why}"));
    }
    match out.matched {
        Some((_, entry)) if out.diagnosis.is_none() => {
            let n = out.parsed.entries.len();
            let summary = if n > 1 {
                format!("the {} of {n} signatures matches", ordinal(entry))
            } else {
                "the signature matches the payload".to_string()
            };
            c(Status::Pass, summary).detail("matched_signature", entry + 1)
        }
        Some((_, entry)) => c(
            Status::Fail,
            "matches only after plumb undid a mistake; the sender's own verifier would reject it"
                .to_string(),
        )
        .detail("matched_signature", entry + 1)
        .remedy("Fix what signature.diagnosis names, then verify again."),
        None if out
            .diagnosis
            .as_ref()
            .is_some_and(|d| {
                !matches!(
                    d.cause,
                    diagnose::Cause::AlteredOrSecret | diagnose::Cause::Header(_)
                )
            }) =>
        {
            c(
                Status::Fail,
                "matches only after undoing what signature.diagnosis names; as given, the receiver's verifier rejects it"
                    .to_string(),
            )
            .remedy("Fix what signature.diagnosis names, then verify again.")
        }
        None => c(
            Status::Fail,
            "no signature matches the one computed for this payload".to_string(),
        )
        .remedy("See signature.diagnosis for the likely cause."),
    }
}

fn timestamp(inputs: &Inputs, out: &Outcome) -> Check {
    let tol = inputs.tolerance_secs;
    match &out.clock {
        Clock::NotUsed => TIMESTAMP.skip("this scheme signs no timestamp"),
        Clock::Missing => {
            let whence = if inputs.scheme.provider == Provider::Stripe {
                "the t= part of the signature header".to_string()
            } else {
                format!(
                    "--timestamp or the {} header",
                    inputs.scheme.timestamp_headers().join(" or ")
                )
            };
            TIMESTAMP.fail(format!("no timestamp: the scheme signs one; give {whence}"))
                .remedy("Give the timestamp exactly as the sender sent it, in Unix seconds.")
        }
        Clock::NotANumber(t) => TIMESTAMP.fail(format!("'{t}' is not a Unix time in seconds"))
        .remedy("Give the timestamp exactly as the sender sent it, in Unix seconds."),
        Clock::Skew { millis: true, ts, .. } => TIMESTAMP
            .fail("the timestamp is in milliseconds; the scheme expects Unix seconds")
        .detail("as_seconds", *ts)
        .remedy("Use the timestamp in seconds, as the sender's header carries it; divide a millisecond value by 1000."),
        Clock::Skew { ts, behind, .. } => {
            let check = TIMESTAMP
                .pass("")
                .detail("timestamp", *ts)
                .detail("now", inputs.now)
                .detail("skew_seconds", *behind)
                .detail("tolerance_seconds", tol);
            let tol_i = i64::try_from(tol).unwrap_or(i64::MAX);
            if verify::clock_ok(inputs, &out.clock) && -*behind > tol_i {
                // Only Stripe's libraries let a timestamp run ahead.
                let mut check = check;
                check.set_status(Status::Warn);
                check.set_summary(format!(
                    "{} in the future: Stripe's libraries accept it (they reject only timestamps older than the {}s tolerance), but the sender's or this machine's clock is off",
                    human_secs(-*behind),
                    tol
                ));
                return check
                .remedy("Synchronise the receiving machine's clock with NTP; when checking a saved delivery, pass --now with the moment it was received.");
            }
            if verify::clock_ok(inputs, &out.clock) {
                let summary = if *behind >= 0 {
                    format!("{} old, inside the {}s tolerance", human_secs(*behind), tol)
                } else {
                    format!("{} ahead, inside the {}s tolerance", human_secs(-*behind), tol)
                };
                let mut check = check;
                check.set_summary(summary);
                return check;
            }
            let (summary, fix) = skew_cause(*behind);
            let mut check = check;
            check.set_status(Status::Fail);
            check.set_summary(summary);
            check.remedies(fix)
        }
    }
}

/// How far off, and whether a clock or a replay is the likelier cause.
fn skew_cause(behind: i64) -> (String, Vec<String>) {
    const HOUR: i64 = 3600;
    if behind < 0 {
        let ahead = -behind;
        let likely = if ahead < HOUR {
            "the sender's or this machine's clock is off"
        } else {
            "a clock is badly wrong, or the timestamp was not made by the sender"
        };
        return (
            format!(
                "{} in the future, outside the tolerance: {likely}",
                human_secs(ahead)
            ),
            vec![
                "Synchronise the receiving machine's clock with NTP (timedatectl, chrony)."
                    .to_string(),
                "When checking a saved delivery, pass --now with the moment it was received."
                    .to_string(),
            ],
        );
    }
    let likely = if behind < HOUR {
        "a slow clock on this machine, or a delivery queued and retried"
    } else {
        "a replay: this delivery was signed long ago (a saved or re-sent request)"
    };
    (
        format!("{} old, outside the tolerance: {likely}", human_secs(behind)),
        vec![
            "If this is a saved delivery, verify it with --now set to when it arrived; a receiver must reject it.".to_string(),
            "If it just arrived, synchronise the receiving machine's clock with NTP.".to_string(),
        ],
    )
}

fn human_secs(s: i64) -> String {
    humantime::format_duration(std::time::Duration::from_secs(s.unsigned_abs())).to_string()
}

fn diagnosis(inputs: &Inputs, out: &Outcome) -> Check {
    let scheme = &inputs.scheme;
    if out.unusable.is_some() {
        return DIAGNOSIS.skip("nothing to diagnose: see above");
    }
    if let Some(found) = &out.diagnosis {
        let (mut summary, mut fix) = diagnose::explain(found.cause, scheme);
        if !found.also.is_empty() {
            let mut parts = vec![summary];
            for also in &found.also {
                let (s2, f2) = diagnose::explain(*also, scheme);
                parts.push(s2);
                for f in f2 {
                    if !fix.contains(&f) {
                        fix.push(f);
                    }
                }
            }
            summary = format!("{} changes together: {}", parts.len(), parts.join("; and "));
        }
        let mut c = DIAGNOSIS.fail(summary).detail("cause", found.cause.code());
        if !found.also.is_empty() {
            let codes: Vec<&str> = found.also.iter().map(|c| c.code()).collect();
            c = c.detail("also", codes);
        }
        // Whose key matched: none when the cause is only seen (signs of a
        // re-serialised body, a header that is wrong whatever the key).
        let unmatched_header =
            matches!(found.cause, diagnose::Cause::Header(_)) && out.matched.is_none();
        if found.cause != diagnose::Cause::AlteredOrSecret && !unmatched_header {
            c = c.detail("secret", inputs.secrets[found.secret].masked());
        }
        if !found.notes.is_empty() {
            c = c.detail("evidence", found.notes.clone());
        }
        if out.parsed.entries.len() > 1 && found.cause != diagnose::Cause::AlteredOrSecret {
            c = c.detail("matched_signature", found.entry + 1);
        }
        return c.remedies(fix);
    }
    if out.matched.is_some() {
        return DIAGNOSIS.skip("the signature matches: nothing to diagnose");
    }
    if out.too_large {
        return DIAGNOSIS
            .warn(format!(
                "the body is larger than {} MiB, too large to search for the cause",
                MAX_DIAGNOSED_BODY / (1024 * 1024)
            ),
        )
        .remedy("Check the secret first; then try a smaller delivery to let plumb search for body changes.");
    }
    let mut fixes = vec![
        "Check that the secret is the one for this endpoint: each endpoint has its own, and test and live modes differ.".to_string(),
    ];
    if scheme.provider == Provider::Shopify {
        fixes.push("Webhooks created in the store admin are signed with the key shown there, not the app's client secret; after a rotation the old secret may sign for up to an hour.".to_string());
    }
    fixes.push(
        "Verify the raw body exactly as received, before any parsing or re-encoding.".to_string(),
    );
    DIAGNOSIS.fail(
        "no single change to the body, secret, encoding, algorithm or timestamp makes it match, and the body shows no sign of having been re-serialised: most likely a different secret",
    )
    .detail("cause", "secret.differs")
    .remedies(fixes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(0), "1st");
        assert_eq!(ordinal(1), "2nd");
        assert_eq!(ordinal(10), "11th");
    }
}
