//! `plumb rate-limit`: read a response's rate-limit signals (`inspect`),
//! find a limit with paced requests (`probe`), list documented limits
//! (`limits`) and estimate how long a sync takes (`plan`).

pub mod headers;
pub mod limits;
pub mod probe;
mod progress;
mod response;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input;
use crate::net::http::{Client, Request};
use crate::net::target;
use crate::report::text::{clean, human_duration};
use crate::report::{Check, Report, Status, Timer};
use headers::Signals;
use limits::Service;
use probe::{num, quota_text, Rate};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Largest captured response read by `--headers-file`.
const MAX_HEADERS_FILE: u64 = 1024 * 1024;
/// From this share of a quota used, `ratelimit.remaining` warns.
const WARN_PERCENT: f64 = 80.0;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb rate-limit inspect https://api.example.com/v1/items -H 'Authorization: Bearer …'\n  \
                  plumb rate-limit inspect --headers-file response.txt\n  \
                  plumb rate-limit probe http://127.0.0.1:8080/ --rate 5/s --requests 50\n  \
                  plumb rate-limit limits\n  \
                  plumb rate-limit plan --service shopify --records 7200"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Read every rate-limit signal in one response (a URL, or a captured response)
    Inspect(InspectArgs),
    /// Send requests at a steady pace and report where the server starts limiting
    Probe(ProbeArgs),
    /// List the documented limits per service and plan, with their source
    Limits(LimitsArgs),
    /// Estimate how long a full sync takes at the documented limit
    Plan(PlanArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["url", "headers_file"])))]
pub struct InspectArgs {
    /// The URL to request once (http or https)
    #[arg(value_name = "URL")]
    pub url: Option<String>,
    /// A captured response instead (status line, headers, optional body; `-` for stdin)
    #[arg(long, value_name = "FILE", conflicts_with = "url")]
    pub headers_file: Option<PathBuf>,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    #[arg(short = 'H', long = "header", value_name = "HEADER", requires = "url")]
    pub headers: Vec<String>,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("amount").required(true).args(["requests", "duration"])))]
pub struct ProbeArgs {
    /// The URL to request (http or https)
    #[arg(value_name = "URL")]
    pub url: String,
    /// The pace: 5/s, 120/m, 0.5/s (never exceeded in any one-second window)
    #[arg(long, value_parser = probe::parse_rate, value_name = "N/s")]
    pub rate: Rate,
    /// Send this many requests
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub requests: Option<u64>,
    /// Send for this long (30s, 2m)
    #[arg(long, value_parser = crate::cli::parse_duration, value_name = "DURATION")]
    pub duration: Option<Duration>,
    /// Raise the caps of 1000 requests and 10 minutes to this many requests
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub max_requests: Option<u64>,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct LimitsArgs {
    /// Only this service
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub service: Option<Service>,
}

#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The service synced
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub service: Service,
    /// How many records the sync moves
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub records: u64,
    /// API calls each record needs
    #[arg(
        long,
        default_value_t = 1,
        value_name = "K",
        allow_negative_numbers = true
    )]
    pub calls_per_record: u64,
    /// Shopify plan: standard, advanced, plus or enterprise (default standard)
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<String>,
    /// Stripe mode (default live)
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Use this rate instead of the documented one (a host's own limit)
    #[arg(long, value_parser = probe::parse_rate, value_name = "N/s")]
    pub rate: Option<Rate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    Live,
    Test,
}

impl Args {
    /// Only the subcommands that talk to a server need the async runtime.
    pub fn needs_runtime(&self) -> bool {
        match &self.action {
            Action::Inspect(a) => a.headers_file.is_none(),
            Action::Probe(_) => true,
            Action::Limits(_) | Action::Plan(_) => false,
        }
    }
}

pub async fn run(args: Args, ctx: &Ctx) -> Result<Report> {
    match args.action {
        Action::Inspect(a) => inspect(a, ctx).await,
        Action::Probe(a) => run_probe(a, ctx).await,
        Action::Limits(a) => Ok(limits_report(a.service)),
        Action::Plan(a) => plan(a),
    }
}

fn request_for(what: &str, url: &str, raw_headers: &[String]) -> Result<Request> {
    Request::get(target::parse_url(what, url)?).header_args("-H", raw_headers)
}

async fn inspect(args: InspectArgs, ctx: &Ctx) -> Result<Report> {
    if let Some(path) = &args.headers_file {
        let bytes = input::read_file("--headers-file", path, MAX_HEADERS_FILE)?;
        let captured = response::parse(&bytes).map_err(|why| {
            Error::usage(format!(
                "--headers-file {}: {why}",
                clean(&path.display().to_string())
            ))
        })?;
        let mut report = Report::new("rate-limit inspect", clean(&path.display().to_string()));
        let signals = headers::parse(&captured.headers, Some(&captured.body), ctx.now());
        inspect_checks(&mut report, captured.status, &signals, ctx.now());
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
                Check::new(
                    "ratelimit.headers",
                    "Rate-limit headers",
                    Status::Fail,
                    format!("the request failed: {}", e.message),
                )
                .remedy(format!(
                    "Diagnose the connection with: plumb endpoint {}",
                    crate::net::http::shown_url(&request.url)
                ))
                .took(timer.elapsed()),
            );
            for (id, title) in [
                ("ratelimit.remaining", "Quota remaining"),
                ("ratelimit.retry_after", "Retry-After"),
            ] {
                report.push(Check::new(id, title, Status::Skip, "no response to read"));
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
        Check::new(
            "ratelimit.headers",
            "Rate-limit headers",
            Status::Info,
            "no rate-limit signal in this response",
        )
        .detail(
            "note",
            "some services (Mailchimp, WooCommerce) send none; their limits are listed by plumb rate-limit limits",
        )
    } else {
        Check::new(
            "ratelimit.headers",
            "Rate-limit headers",
            Status::Info,
            format!("found {}", s.dialects.join(", ")),
        )
        .detail("dialects", s.dialects.clone())
    };
    if !s.problems.is_empty() {
        let unreadable: Vec<String> = s.problems.iter().map(|p| clean(p)).collect();
        check = check.detail("unreadable", unreadable);
    }
    if let Some(retry) = s.should_retry {
        check = check.detail("should_retry", retry);
    }
    check
}

fn remaining_check(s: &Signals, now: SystemTime) -> Check {
    let title = "Quota remaining";
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
    let mut check = Check::new("ratelimit.remaining", title, status, summary)
        .detail("source", q.source)
        .detail("used", num(used))
        .detail("limit", num(limit))
        .detail("remaining", num(left))
        .detail("percent_used", num(percent.round()));
    if let Some(n) = &q.name {
        check = check.detail("policy", clean(n));
    }
    if let Some(w) = q.window {
        check = check.detail("window", human_duration(w));
    }
    if let Some(rate) = q.restore_rate {
        check = check.detail("restore_rate", format!("{}/s", num(rate)));
    }
    let reset_words = q.reset.as_ref().map(|r| {
        let at = humantime::format_rfc3339_seconds(now + r.after).to_string();
        (human_duration(r.after), at, r.read_as)
    });
    if let Some((after, at, read_as)) = &reset_words {
        check = check
            .detail("resets_in", after.clone())
            .detail("resets_at", at.clone())
            .detail("reset_read_as", *read_as);
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
    let when = reset_words
        .map(|(after, _, _)| format!(" (it resets in {after})"))
        .unwrap_or_default();
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
    let title = "Quota remaining";
    if let Some(q) = s.quotas.iter().find(|q| q.remaining.is_some()) {
        let spent = q.remaining.is_some_and(|r| r <= 0.0);
        let check = Check::new(
            "ratelimit.remaining",
            title,
            if spent { Status::Fail } else { Status::Info },
            quota_text(q),
        )
        .detail("source", q.source);
        return if spent {
            check.remedy("The quota is spent: wait for it to refill before the next call, and spread requests over the window.")
        } else {
            check
        };
    }
    match s.quotas.iter().find(|q| q.limit.is_some()) {
        Some(q) => Check::new(
            "ratelimit.remaining",
            title,
            Status::Info,
            format!("the limit is {}", quota_text(q)),
        )
        .detail("source", q.source),
        None => Check::new(
            "ratelimit.remaining",
            title,
            Status::Skip,
            "the response reports no quota",
        ),
    }
}

fn retry_after_check(status: u16, s: &Signals, now: SystemTime) -> Check {
    let title = "Retry-After";
    let limited = matches!(status, 429 | 503) || s.throttled;
    if !limited {
        let summary = match &s.retry_after {
            Some(r) => format!(
                "HTTP {status}: not limited (Retry-After of {} sent anyway)",
                human_duration(r.wait)
            ),
            None => format!("HTTP {status}: not limited"),
        };
        return Check::new("ratelimit.retry_after", title, Status::Pass, summary)
            .detail("status", status);
    }
    let what = match status {
        503 => "503: the server is busy (contention, not a verdict on your rate)".to_string(),
        429 => "429: rate limited".to_string(),
        _ => format!("HTTP {status} with a throttled body: rate limited"),
    };
    let mut check = match &s.retry_after {
        Some(r) => {
            let at = humantime::format_rfc3339_seconds(now + r.wait).to_string();
            Check::new(
                "ratelimit.retry_after",
                title,
                Status::Fail,
                format!("{what}; wait {} s (until {at})", num(r.wait.as_secs_f64())),
            )
            .detail("status", status)
            .detail("wait_seconds", r.wait.as_secs_f64())
            .detail("wait", human_duration(r.wait))
            .detail("retry_at", at)
            .detail("retry_after_form", r.form)
        }
        None => Check::new(
            "ratelimit.retry_after",
            title,
            Status::Fail,
            format!("{what}; no Retry-After: back off exponentially with jitter"),
        )
        .detail("status", status),
    };
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

async fn run_probe(args: ProbeArgs, ctx: &Ctx) -> Result<Report> {
    let plan = probe_plan(&args, ctx.now())?;
    let request = request_for("URL", &args.url, &args.headers)?;
    let client = Client::new(ctx)?;
    let mut report = Report::new(
        "rate-limit probe",
        crate::net::http::shown_url(&request.url),
    );
    report.push(probe::run(&client, &request, &plan).await);
    Ok(report)
}

/// Checks the amounts against the caps before anything is sent.
fn probe_plan(args: &ProbeArgs, started_at: SystemTime) -> Result<probe::Plan> {
    let cap = args.max_requests.unwrap_or(probe::MAX_REQUESTS);
    if cap == 0 {
        return Err(Error::usage("--max-requests: must be at least 1"));
    }
    let rate = args.rate;
    let raise = "raise the cap with --max-requests";
    let until = match (args.requests, args.duration) {
        (Some(0), _) => return Err(Error::usage("--requests: must be at least 1")),
        (Some(n), _) if n > cap => {
            return Err(Error::usage(format!(
                "--requests {n}: above the cap of {cap} requests; {raise}"
            )))
        }
        (Some(n), _) => probe::Until::Requests(n),
        (None, Some(d)) if d.is_zero() => {
            return Err(Error::usage("--duration: must be longer than zero"))
        }
        (None, Some(d)) => {
            if args.max_requests.is_none() && d > probe::MAX_TIME {
                return Err(Error::usage(format!(
                    "--duration {}: above the cap of {}; {raise}",
                    human_duration(d),
                    human_duration(probe::MAX_TIME)
                )));
            }
            let expected = (d.as_secs_f64() * rate.per_second).ceil();
            if expected > cap as f64 {
                return Err(Error::usage(format!(
                    "--rate {} for {} sends {} requests, above the cap of {cap}; {raise}",
                    rate.text(),
                    human_duration(d),
                    num(expected)
                )));
            }
            probe::Until::Elapsed(d)
        }
        (None, None) => return Err(Error::usage("give --requests N or --duration D")),
    };
    let time_cap = match args.max_requests {
        None => probe::MAX_TIME,
        Some(n) => probe::MAX_TIME + Duration::from_secs_f64(n as f64 / rate.per_second),
    };
    Ok(probe::Plan {
        rate,
        until,
        time_cap,
        started_at,
    })
}

fn limits_report(only: Option<Service>) -> Report {
    let target = only.map_or("documented limits", Service::as_str);
    let mut report = Report::new("rate-limit limits", target);
    for service in Service::ALL
        .into_iter()
        .filter(|s| only.is_none_or(|o| o == *s))
    {
        let mut check = Check::new(
            format!("ratelimit.limits.{}", service.as_str()),
            format!("{} limits", service.title()),
            Status::Info,
            limits_summary(service),
        );
        for l in limits::of(service) {
            let key = match (l.plan, l.source) {
                ("any", limits::SEED) => "integration_guide",
                ("any", _) => "documented",
                (plan, _) => plan,
            };
            check = check.detail(key, format!("{} — {}", l.text, l.source));
        }
        report.push(check);
    }
    report
}

fn limits_summary(service: Service) -> &'static str {
    match service {
        Service::Shopify => "by plan: 2, 4, 20 or 40 requests/s; the guide's table says 2 calls/s",
        Service::Mailchimp => {
            "10 concurrent connections documented; the guide's table says 10 calls/s"
        }
        Service::Stripe => {
            "100 requests/s live, 25/s in test mode; the guide's table says 25 calls/s"
        }
        Service::Woocommerce => "no limit of its own; the host may set one",
    }
}

fn plan(args: PlanArgs) -> Result<Report> {
    if args.records == 0 {
        return Err(Error::usage("--records: must be at least 1"));
    }
    if args.calls_per_record == 0 {
        return Err(Error::usage("--calls-per-record: must be at least 1"));
    }
    let key = plan_key(&args)?;
    let calls = args
        .records
        .checked_mul(args.calls_per_record)
        .ok_or_else(|| Error::usage("--records × --calls-per-record: too large"))?;
    let documented =
        limits::documented_rate(args.service, &key).or_else(|| limits::seed_rate(args.service));
    let (rate, basis) = match (args.rate, documented) {
        (Some(r), _) => (r.per_second, "--rate".to_string()),
        (None, Some(l)) => (l.per_second.unwrap_or(1.0), format!("{} — {}", l.text, l.source)),
        (None, None) => {
            return Err(Error::usage(format!(
                "--service {}: no documented rate limit (it depends on the host); give the host's with --rate N/s",
                args.service.as_str()
            )))
        }
    };
    let secs = (calls as f64 / rate).ceil();
    let took = Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX);
    let service = args.service.as_str();
    let target = if key == "any" {
        service.to_string()
    } else {
        format!("{service} ({key})")
    };
    let mut report = Report::new("rate-limit plan", target);
    let mut check = Check::new(
        "ratelimit.plan",
        "Sync time",
        Status::Info,
        format!(
            "{calls} calls at {}/s take about {}",
            num(rate),
            human_duration(took)
        ),
    )
    .detail("service", service)
    .detail("records", args.records)
    .detail("calls_per_record", args.calls_per_record)
    .detail("calls", calls)
    .detail("rate", format!("{}/s", num(rate)))
    .detail("rate_basis", basis)
    .detail("duration", human_duration(took))
    .detail("duration_seconds", took.as_secs());
    if key != "any" {
        check = check.detail("plan", key.clone());
    }
    if args.service == Service::Mailchimp {
        check = check.detail(
            "note",
            "Mailchimp documents 10 concurrent connections, not a rate; 10 calls/s is the integration guide's figure",
        );
    }
    check = check.detail("faster", shorten(args.service, args.calls_per_record));
    report.push(check);
    Ok(report)
}

/// The plan or mode key into the limits table, validated for the service.
fn plan_key(args: &PlanArgs) -> Result<String> {
    match (args.service, &args.plan, args.mode) {
        (Service::Shopify, _, Some(_)) => {
            Err(Error::usage("--mode: applies only to --service stripe"))
        }
        (Service::Shopify, Some(p), None) => {
            let p = p.trim().to_ascii_lowercase();
            if limits::SHOPIFY_PLANS.contains(&p.as_str()) {
                Ok(p)
            } else {
                Err(Error::usage(format!(
                    "--plan '{}': Shopify plans are {}",
                    clean(&p),
                    limits::SHOPIFY_PLANS.join(", ")
                )))
            }
        }
        (Service::Shopify, None, None) => Ok("standard".to_string()),
        (s, Some(_), _) => Err(Error::usage(format!(
            "--plan: {} has no plans with their own limits; only shopify does",
            s.as_str()
        ))),
        (Service::Stripe, None, mode) => Ok(match mode {
            Some(Mode::Test) => "test".to_string(),
            _ => "live".to_string(),
        }),
        (_, None, Some(_)) => Err(Error::usage("--mode: applies only to --service stripe")),
        (_, None, None) => Ok("any".to_string()),
    }
}

fn shorten(service: Service, calls_per_record: u64) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls_per_record > 1 {
        out.push("fewer calls per record: fetch related data in the same call (expand, include, GraphQL)");
    }
    out.push(match service {
        Service::Shopify => {
            "bulk operations (GraphQL bulk queries) instead of page-by-page REST calls"
        }
        Service::Mailchimp => "batch operations (POST /batches) instead of one call per member",
        Service::Stripe => {
            "list endpoints with the largest page size (limit=100) instead of one call per object"
        }
        Service::Woocommerce => "batch endpoints (/batch) and the largest page size (per_page=100)",
    });
    out.push("webhooks for changes after the first full sync, instead of polling");
    out.push(
        "run the first full sync off-peak, when other integrations use less of the shared limit",
    );
    out
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
        assert_eq!(c[1].status, Status::Pass);
        let c = checks(200, &[("X-Shopify-Shop-Api-Call-Limit", "32/40")], "");
        assert_eq!(c[1].status, Status::Warn);
        assert_eq!(c[1].summary, "32 of 40 used (80%), 8 left");
        assert!(!c[1].remediation.is_empty());
        let c = checks(
            200,
            &[
                ("X-RateLimit-Limit", "60"),
                ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", "1700000030"),
            ],
            "",
        );
        assert_eq!(c[1].status, Status::Fail);
        assert_eq!(c[1].details["resets_in"], "30s");
        assert_eq!(c[1].details["reset_read_as"], "epoch seconds");
        assert_eq!(c[2].status, Status::Pass);
    }

    #[test]
    fn retry_after_fails_a_429_with_the_wait_and_wall_clock() {
        let c = checks(429, &[("Retry-After", "30")], r#"{"policy":"read:60/1m"}"#);
        assert_eq!(
            c[0].details["dialects"],
            serde_json::json!(["Retry-After", "body policy"])
        );
        assert_eq!(c[1].status, Status::Info);
        assert_eq!(c[1].summary, "the limit is read: 60 per 1m");
        let r = &c[2];
        assert_eq!(r.status, Status::Fail);
        assert_eq!(
            r.summary,
            "429: rate limited; wait 30 s (until 2023-11-14T22:13:50Z)"
        );
        assert!(r.remediation.iter().any(|s| s.contains("webhooks")));
        let c = checks(503, &[], "");
        assert!(c[2].summary.contains("contention"));
        assert_eq!(c[0].status, Status::Info);
        assert_eq!(c[1].status, Status::Skip);
    }

    #[test]
    fn a_count_without_a_limit_is_still_read() {
        let c = checks(200, &[("RateLimit", "default;r=0;t=5")], "");
        assert_eq!(c[1].status, Status::Fail);
        assert_eq!(c[1].summary, "default: 0 left, resets in 5s");
        let c = checks(200, &[("RateLimit", "default;r=7")], "");
        assert_eq!(c[1].status, Status::Info);
    }

    #[test]
    fn plan_reads_as_hours() {
        let args = PlanArgs {
            service: Service::Shopify,
            records: 7200,
            calls_per_record: 1,
            plan: None,
            mode: None,
            rate: None,
        };
        let r = plan(args).unwrap();
        assert_eq!(r.checks[0].summary, "7200 calls at 2/s take about 1h 0m");
    }
}
