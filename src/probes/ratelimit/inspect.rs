//! `rate-limit inspect`: one response's rate-limit signals, as checks.

use super::headers::{self, Signals};
use super::probe::{self, num, quota_text};
use super::{request_for, response, InspectOptions};
use crate::context::Ctx;
use crate::duration::human_duration;
use crate::error::{Error, Result};
use crate::escape::clean;
use crate::input;
use crate::net::http::Client;
use crate::report::{Check, Def, Report, Status, Timer};
use std::time::{Duration, SystemTime};

/// Largest captured response read by `--headers-file`.
const MAX_HEADERS_FILE: u64 = 1024 * 1024;
/// From this share of a quota used, `ratelimit.remaining` warns.
const WARN_PERCENT: f64 = 80.0;

pub const HEADERS: Def = Def {
    id: "ratelimit.headers",
    title: "Rate-limit headers",
    judges: "Which rate-limit dialects the response speaks, in headers or body, listing values it cannot read; it fails only when no response came back.",
    remedies: &[],
};
pub const REMAINING: Def = Def {
    id: "ratelimit.remaining",
    title: "Quota remaining",
    judges: "How much of the tightest quota the response reports is used: it warns from 80% used and fails when none is left.",
    remedies: &[],
};
pub const RETRY_AFTER: Def = Def {
    id: "ratelimit.retry_after",
    title: "Retry-After",
    judges: "Whether the response is rate limited (429, 503, a 403 with a rate limit's signs as GitHub sends, or a throttled GraphQL body), and then how long to wait: Retry-After, a body's retry_after, Shopify GraphQL's cost against its restore rate, or the spent quota's reset.",
    remedies: &[],
};

/// Every check `rate-limit inspect` reports, in report order.
pub const ALL: &[&Def] = &[&HEADERS, &REMAINING, &RETRY_AFTER];

pub async fn run(args: InspectOptions, ctx: &Ctx) -> Result<Report> {
    if let Some(path) = &args.headers_file {
        let bytes = input::read_file("--headers-file", path, MAX_HEADERS_FILE)?;
        let captured = response::parse(&bytes).map_err(|why| {
            Error::usage(format!(
                "--headers-file {}: {why}",
                clean(&path.display().to_string())
            ))
        })?;
        let mut report = Report::new("rate-limit inspect", clean(&path.display().to_string()));
        // A capture's waits count from when it was sent, as its own Date
        // says; without one, from now.
        let date = headers::date_of(&captured.headers);
        let now = date.unwrap_or(ctx.now());
        let signals = headers::parse(&captured.headers, Some(&captured.body), now);
        inspect_checks(&mut report, captured.status, &signals, now);
        if let (Some(date), Some(first)) = (date, report.checks.first_mut()) {
            *first = first.clone().detail(
                "times_from",
                format!(
                    "the response's Date, {}",
                    humantime::format_rfc3339_seconds(date)
                ),
            );
        }
        return Ok(report);
    }
    let url = args.url.unwrap_or_default();
    let request = request_for("URL", &url, &args.headers)?;
    let client = Client::new(ctx)?;
    let mut report = Report::new(
        "rate-limit inspect",
        crate::net::http::shown_url(&request.url),
    );
    let timer = Timer::start();
    match client.send(&request).await {
        Ok(response) => {
            let pairs = probe::header_pairs(&response);
            let signals = headers::parse(&pairs, Some(&response.body), ctx.now());
            inspect_checks(&mut report, response.status, &signals, ctx.now());
            if let Some(first) = report.checks.first_mut() {
                *first = first.clone().took(timer.elapsed());
            }
        }
        Err(e) => {
            report.push(
                HEADERS
                    .fail(format!("the request failed: {}", e.message))
                    .remedies(e.remedies())
                    .remedy(format!(
                        "Diagnose the connection with: plumb endpoint {}",
                        crate::net::http::shown_url(&request.url)
                    ))
                    .took(timer.elapsed()),
            );
            for def in [&REMAINING, &RETRY_AFTER] {
                report.push(def.skip("no response to read"));
            }
        }
    }
    Ok(report)
}

/// The three inspect checks for one response.
pub fn inspect_checks(report: &mut Report, status: u16, s: &Signals, now: SystemTime) {
    report.push(headers_check(s));
    report.push(remaining_check(s, now));
    report.push(retry_after_check(status, s, now));
}

fn headers_check(s: &Signals) -> Check {
    let mut check = if s.dialects.is_empty() {
        HEADERS
            .info("no rate-limit signal in this response")
            .detail(
            "note",
            "some services (Mailchimp, WooCommerce) send none; their limits are listed by plumb rate-limit limits",
        )
    } else {
        HEADERS
            .info(format!("found {}", s.dialects.join(", ")))
            .detail("dialects", s.dialects.clone())
    };
    if !s.problems.is_empty() {
        let unreadable: Vec<String> = s.problems.iter().map(|p| clean(p)).collect();
        check = check.detail("unreadable", unreadable);
    }
    if let Some(retry) = s.should_retry {
        check = check.detail("should_retry", retry);
    }
    if let Some(reason) = &s.limited_reason {
        check = check.detail("rate_limited_reason", clean(reason));
    }
    check
}

/// `it resets in 30s` or, for an old capture, `it reset at … (already
/// past)`, with the details that say so.
fn reset_words(check: Check, r: &headers::Reset) -> (Check, String) {
    let at = humantime::format_rfc3339_seconds(r.at).to_string();
    let check = check
        .detail("resets_at", at.clone())
        .detail("reset_read_as", r.read_as);
    if r.past {
        let check = check.detail("reset_passed", true);
        (check, format!("it reset at {at}, already past"))
    } else {
        let after = human_duration(r.after);
        (
            check.detail("resets_in", after.clone()),
            format!("it resets in {after}"),
        )
    }
}

fn remaining_check(s: &Signals, _now: SystemTime) -> Check {
    if let Some(q) = s.quotas.iter().find(|q| q.concurrency) {
        let mut check = REMAINING
            .fail("the concurrent-request limit is reached (limit 0, remaining 0)")
            .detail("source", q.source)
            .detail("limit", "0")
            .detail("remaining", "0")
            .remaining_ratio(0.0);
        let mut when = String::new();
        if let Some(r) = &q.reset {
            let (c, words) = reset_words(check, r);
            check = c;
            when = format!(" ({words})");
        }
        return check.remedy(format!(
            "Too many requests are in flight at once{when}: lower the number of parallel calls, and let each finish before starting more."
        ));
    }
    let Some(q) = s.tightest() else {
        return partial_quota(s);
    };
    let (used, limit) = q.used_of().unwrap_or_default();
    let left = (limit - used).max(0.0);
    let percent = (used / limit * 100.0).min(100.0);
    let name = q
        .name
        .as_deref()
        .map(|n| format!("{} ", clean(n)))
        .unwrap_or_default();
    let summary = format!(
        "{name}{} of {} used ({}%), {} left",
        num(used),
        num(limit),
        num(percent.round()),
        num(left)
    );
    let status = if left <= 0.0 {
        Status::Fail
    } else if percent >= WARN_PERCENT {
        Status::Warn
    } else {
        Status::Pass
    };
    let mut check = REMAINING
        .check(status, summary)
        .detail("source", q.source)
        .detail("used", num(used))
        .detail("limit", num(limit))
        .detail("remaining", num(left))
        .detail("percent_used", num(percent.round()))
        .remaining_ratio(if limit > 0.0 { left / limit } else { 0.0 });
    if let Some(n) = &q.name {
        check = check.detail("policy", clean(n));
    }
    if let Some(w) = q.window {
        check = check.detail("window", human_duration(w));
    }
    if let Some(rate) = q.restore_rate {
        check = check.detail("restore_rate", format!("{}/s", num(rate)));
    }
    let mut when = String::new();
    if let Some(r) = &q.reset {
        let (c, words) = reset_words(check, r);
        check = c;
        when = format!(" ({words})");
    }
    let others: Vec<String> = s
        .quotas
        .iter()
        .filter(|o| *o != q)
        .map(quota_text)
        .collect();
    if !others.is_empty() {
        check = check.detail("other_quotas", others);
    }
    match status {
        Status::Fail => check
            .remedy(format!("The quota is spent: wait for it to refill{when} before the next call."))
            .remedy("Spread requests over the window, and give each integration its own key so they do not share one quota."),
        Status::Warn => check
            .remedy(format!("Over {WARN_PERCENT}% of the quota is used: slow down before it runs out{when}."))
            .remedy("Read the remaining count on every answer and pause when it runs low; prefer webhooks to polling."),
        _ => check,
    }
}

/// A quota with a limit but no count (a body policy), or a count but no
/// limit (a `RateLimit` field without its policy).
fn partial_quota(s: &Signals) -> Check {
    if let Some(q) = s.quotas.iter().find(|q| q.remaining.is_some()) {
        let spent = q.remaining.is_some_and(|r| r <= 0.0);
        let mut check = REMAINING
            .check(
                if spent { Status::Fail } else { Status::Info },
                quota_text(q),
            )
            .detail("source", q.source)
            .detail("remaining", num(q.remaining.unwrap_or_default()));
        if let Some(l) = q.limit {
            check = check.detail("limit", num(l));
        }
        return if spent {
            check.remedy("The quota is spent: wait for it to refill before the next call, and spread requests over the window.")
        } else {
            check
        };
    }
    match s.quotas.iter().find(|q| q.limit.is_some()) {
        Some(q) => REMAINING
            .info(format!("the limit is {}", quota_text(q)))
            .detail("source", q.source),
        None => REMAINING.skip("the response reports no quota"),
    }
}

/// GitHub's documented wait after a secondary rate limit that names no
/// time: at least a minute.
const SECONDARY_LIMIT_WAIT: Duration = Duration::from_secs(60);

/// Whether the response is rate limited. A 429 is; a 503 is contention. A
/// 403 is when it carries a limit's signs (GitHub answers its primary
/// limit with 403 and `X-RateLimit-Remaining: 0`, its secondary limit with
/// 403 and `Retry-After` or a message). A 200 is when a GraphQL body says
/// `Throttled`.
fn limited(status: u16, s: &Signals) -> bool {
    match status {
        429 | 503 => true,
        403 => {
            s.retry_after.is_some()
                || s.body_says_limited
                || s.body_retry_after.is_some()
                || s.quotas.iter().any(|q| q.spent())
        }
        _ => s.throttled,
    }
}

/// The wait a limited response asks for, and where it comes from.
enum Wait {
    For(Duration, &'static str),
    /// The quota's reset is already past at the response's time.
    Passed(SystemTime, &'static str),
}

fn wait_of(status: u16, s: &Signals) -> Option<Wait> {
    if let Some(r) = &s.retry_after {
        return Some(Wait::For(r.wait, r.form));
    }
    if let Some(w) = s.body_retry_after {
        return Some(Wait::For(w, "retry_after in the body (seconds)"));
    }
    if let Some(w) = s.cost.as_ref().and_then(headers::Cost::wait) {
        return Some(Wait::For(
            w,
            "computed: (requested cost − available points) ÷ restore rate",
        ));
    }
    // Until the last spent quota resets.
    let reset = s
        .quotas
        .iter()
        .filter(|q| q.spent())
        .filter_map(|q| q.reset.as_ref())
        .max_by_key(|r| r.at);
    if let Some(r) = reset {
        return Some(if r.past {
            Wait::Passed(r.at, r.read_as)
        } else {
            Wait::For(r.after, "until the spent quota resets")
        });
    }
    if matches!(status, 403 | 429) && s.secondary_limit {
        return Some(Wait::For(
            SECONDARY_LIMIT_WAIT,
            "at least a minute, as GitHub documents for a secondary limit",
        ));
    }
    None
}

fn retry_after_check(status: u16, s: &Signals, now: SystemTime) -> Check {
    if !limited(status, s) {
        let summary = match &s.retry_after {
            Some(r) => format!(
                "HTTP {status}: not limited (Retry-After of {} sent anyway)",
                human_duration(r.wait)
            ),
            None => format!("HTTP {status}: not limited"),
        };
        return RETRY_AFTER.pass(summary).detail("status", status);
    }
    let what = match status {
        503 => "503: the server is busy (contention, not a verdict on your rate)".to_string(),
        429 => "429: rate limited".to_string(),
        403 => "403: rate limited (a 403 with a rate limit's signs)".to_string(),
        _ => format!("HTTP {status} with a throttled body: rate limited"),
    };
    let mut check = match wait_of(status, s) {
        Some(Wait::For(wait, form)) => {
            // Past year 9999 a time cannot be written as a date.
            let at = now
                .checked_add(wait)
                .filter(|t| {
                    t.duration_since(SystemTime::UNIX_EPOCH)
                        .is_ok_and(|d| d.as_secs() < 253_402_300_800)
                })
                .map(|t| humantime::format_rfc3339_seconds(t).to_string())
                .unwrap_or_else(|| "beyond year 9999".to_string());
            RETRY_AFTER
                .fail(format!(
                    "{what}; wait {} s (until {at})",
                    num(wait.as_secs_f64())
                ))
                .detail("status", status)
                .detail("wait_seconds", wait.as_secs_f64())
                .detail("wait", human_duration(wait))
                .detail("retry_at", at)
                .detail("retry_after_form", form)
        }
        Some(Wait::Passed(at, read_as)) => {
            let at = humantime::format_rfc3339_seconds(at).to_string();
            RETRY_AFTER
                .fail(format!("{what}; the quota reset at {at}, already past"))
                .detail("status", status)
                .detail("wait_seconds", 0.0)
                .detail("retry_at", at)
                .detail("retry_after_form", read_as)
        }
        None => RETRY_AFTER
            .fail(format!(
                "{what}; no Retry-After: back off exponentially with jitter"
            ))
            .detail("status", status),
    };
    if let Some(cost) = &s.cost {
        check = check
            .detail("requested_cost", num(cost.requested))
            .detail("available_points", num(cost.available))
            .detail("restore_rate", format!("{}/s", num(cost.restore_rate)));
    }
    if let Some(reason) = &s.limited_reason {
        check = check.detail("rate_limited_reason", clean(reason));
    }
    if let Some(retry) = s.should_retry {
        check = check.detail("should_retry", retry);
        if !retry {
            check = check.remedy("The server says not to retry this request (Stripe-Should-Retry: false): fix it before sending again.");
        }
    }
    let entry = if status == 503 {
        "http.503"
    } else {
        "http.429"
    };
    if let Some(e) = crate::catalog::by_id(entry) {
        check = check.remedies(e.remedy.iter().copied());
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    }

    fn checks(status: u16, pairs: &[(&str, &str)], body: &str) -> Vec<Check> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        let s = headers::parse(&pairs, Some(body.as_bytes()), now());
        let mut r = Report::new("t", "t");
        inspect_checks(&mut r, status, &s, now());
        r.checks
    }

    #[test]
    fn remaining_warns_from_eighty_percent_and_fails_at_zero() {
        let c = checks(200, &[("X-Shopify-Shop-Api-Call-Limit", "31/40")], "");
        assert_eq!(c[1].status(), Status::Pass);
        let c = checks(200, &[("X-Shopify-Shop-Api-Call-Limit", "32/40")], "");
        assert_eq!(c[1].status(), Status::Warn);
        assert_eq!(c[1].summary(), "32 of 40 used (80%), 8 left");
        assert!(!c[1].remediation().is_empty());
        let c = checks(
            200,
            &[
                ("X-RateLimit-Limit", "60"),
                ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", "1700000030"),
            ],
            "",
        );
        assert_eq!(c[1].status(), Status::Fail);
        assert_eq!(c[1].details()["resets_in"], "30s");
        assert_eq!(c[1].details()["reset_read_as"], "epoch seconds");
        assert_eq!(c[2].status(), Status::Pass);
    }

    #[test]
    fn retry_after_fails_a_429_with_the_wait_and_wall_clock() {
        let c = checks(429, &[("Retry-After", "30")], r#"{"policy":"read:60/1m"}"#);
        assert_eq!(
            c[0].details()["dialects"],
            serde_json::json!(["Retry-After", "body policy"])
        );
        assert_eq!(c[1].status(), Status::Info);
        assert_eq!(c[1].summary(), "the limit is read: 60 per 1m");
        let r = &c[2];
        assert_eq!(r.status(), Status::Fail);
        assert_eq!(
            r.summary(),
            "429: rate limited; wait 30 s (until 2023-11-14T22:13:50Z)"
        );
        assert!(r.remediation().iter().any(|s| s.contains("webhooks")));
        let c = checks(503, &[], "");
        assert!(c[2].summary().contains("contention"));
        assert_eq!(c[0].status(), Status::Info);
        assert_eq!(c[1].status(), Status::Skip);
    }

    #[test]
    fn a_count_without_a_limit_is_still_read() {
        let c = checks(200, &[("RateLimit", "default;r=0;t=5")], "");
        assert_eq!(c[1].status(), Status::Fail);
        assert_eq!(c[1].summary(), "default: 0 left, resets in 5s");
        let c = checks(200, &[("RateLimit", "default;r=7")], "");
        assert_eq!(c[1].status(), Status::Info);
    }
}
