//! `rate-limit probe`: requests paced by a token bucket, Retry-After
//! honoured, jittered exponential backoff otherwise, hard caps on count
//! and time, and a clean stop on Ctrl-C that still yields a report.

use super::headers;
use crate::duration::human_duration;
use crate::net::http::{Client, Request, Response};
use crate::net::NetError;
use crate::progress::Bar;
use crate::report::{Check, Def, Status};
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};
use tokio::task::JoinSet;
use tokio::time::sleep_until;

/// Requests sent without `--max-requests`.
pub const MAX_REQUESTS: u64 = 1000;
/// Longest run without `--max-requests`.
pub const MAX_TIME: Duration = Duration::from_secs(600);
/// Fastest pace accepted: finer than a millisecond a timer cannot keep.
pub const MAX_RATE: f64 = 1000.0;
/// Requests in flight at once, so slow answers do not stall the pace.
const MAX_IN_FLIGHT: usize = 32;
/// Consecutive limited or failed answers before the probe gives up.
const GIVE_UP_AFTER: u32 = 5;
const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_MAX: Duration = Duration::from_secs(30);

/// A pace: so many requests per second.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_second: f64,
}

impl Rate {
    pub fn interval(self) -> Duration {
        Duration::from_secs_f64(1.0 / self.per_second)
    }

    pub fn text(self) -> String {
        format!("{}/s", num(self.per_second))
    }
}

/// `5/s`, `120/m`, `0.5/s`, `3600/h`; a bare number is per second.
pub fn parse_rate(s: &str) -> Result<Rate, String> {
    let t = s.trim();
    let (n, unit) = t.split_once('/').unwrap_or((t, "s"));
    let per = match unit.trim().to_ascii_lowercase().as_str() {
        "s" | "sec" | "second" => 1.0,
        "m" | "min" | "minute" => 60.0,
        "h" | "hour" => 3600.0,
        _ => {
            return Err(format!(
                "'{t}': the unit after / must be s, m or h (such as 5/s)"
            ))
        }
    };
    let n: f64 = n
        .trim()
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| format!("'{t}' is not a rate: use a form such as 5/s or 120/m"))?;
    if n <= 0.0 {
        return Err(format!("'{t}': the rate must be above zero"));
    }
    let per_second = n / per;
    if per_second > MAX_RATE {
        return Err(format!("'{t}': at most {MAX_RATE}/s"));
    }
    if per_second < 1.0 / 3600.0 {
        return Err(format!("'{t}': at least one request an hour"));
    }
    Ok(Rate { per_second })
}

/// A token bucket holding one token, refilled every interval, plus a
/// sliding-window guard. The bucket keeps the pace even when a timer
/// fires late; the guard makes sure such a catch-up never puts more sends
/// than the rate into any one-second window, counting actual send times.
#[derive(Debug)]
pub struct Pacer {
    interval: Duration,
    next: Instant,
    /// Sends allowed in any one second: the rate, rounded down, at least 1.
    per_window: usize,
    recent: std::collections::VecDeque<Instant>,
}

impl Pacer {
    pub fn new(rate: Rate, start: Instant) -> Self {
        Pacer {
            interval: rate.interval(),
            next: start,
            per_window: (rate.per_second.floor() as usize).max(1),
            recent: std::collections::VecDeque::new(),
        }
    }

    /// When the next send may happen, no earlier than `not_before`.
    pub fn slot(&self, not_before: Instant) -> Instant {
        let mut at = self.next.max(not_before);
        if self.recent.len() >= self.per_window {
            if let Some(oldest) = self.recent.front() {
                at = at.max(*oldest + Duration::from_secs(1));
            }
        }
        at
    }

    /// Takes the token for the send planned at `planned` that actually
    /// left at `sent`.
    pub fn take(&mut self, planned: Instant, sent: Instant) {
        self.next = planned + self.interval;
        self.recent.push_back(sent);
        while self.recent.len() > self.per_window {
            self.recent.pop_front();
        }
    }
}

/// Full-jitter exponential backoff: a random wait between half and all of
/// `base · 2^attempt`, capped. `unit` is a random number in [0, 1).
pub fn backoff(attempt: u32, unit: f64) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(1u32 << attempt.min(16))
        .min(BACKOFF_MAX);
    ceiling.mul_f64(0.5 + unit.clamp(0.0, 1.0) / 2.0)
}

/// How the probe ends its sending.
#[derive(Debug, Clone, Copy)]
pub enum Until {
    Requests(u64),
    Elapsed(Duration),
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub rate: Rate,
    pub until: Until,
    /// Nothing is sent after this long, waits included.
    pub time_cap: Duration,
    /// Whether `time_cap` is what is left of the run's budget (--max-time).
    pub cap_is_budget: bool,
    /// The wall-clock time the probe started, for reporting when things happened.
    pub started_at: SystemTime,
    /// Whether the app allows a progress bar (text format, terminal, not -q).
    pub progress: bool,
}

/// The first answer that said "slow down".
#[derive(Debug, Clone)]
struct Limited {
    request: u64,
    status: u16,
    after: Duration,
    retry_after: Option<headers::RetryAfter>,
    policy: Option<String>,
}

#[derive(Debug, Default)]
struct Tally {
    sent: u64,
    statuses: BTreeMap<u16, u64>,
    errors: u64,
    first_error: Option<String>,
    latencies: Vec<Duration>,
    first_limited: Option<Limited>,
    waited: Duration,
    backoffs: u32,
    first_send: Option<Instant>,
    last_send: Option<Instant>,
    stopped: Option<String>,
    interrupted: bool,
}

type Sent = (u64, Instant, Result<Response, NetError>);

/// Sends the paced requests and returns the `ratelimit.probe` check.
pub const PROBE: Def = Def {
    id: "ratelimit.probe",
    title: "Paced probe",
    judges: "Whether requests sent at the steady --rate pace get through without a 429, a 503 or an error, and when the first limit came; it fails when the probe gave up or nothing answered, and warns otherwise.",
    remedies: &[],
};

pub async fn run(client: &Client, request: &Request, plan: &Plan) -> Check {
    let total = match plan.until {
        Until::Requests(n) => Some(n),
        Until::Elapsed(_) => None,
    };
    let progress = Bar::items(
        plan.progress,
        &format!("probing at {}", plan.rate.text()),
        total,
        "sent",
    );
    let start = Instant::now();
    let deadline = start + plan.time_cap;
    let send_until = match plan.until {
        Until::Elapsed(d) => start + d.min(plan.time_cap),
        Until::Requests(_) => deadline,
    };
    let mut pacer = Pacer::new(plan.rate, start);
    let mut pause_until = start;
    let mut tally = Tally::default();
    let mut flight: JoinSet<Sent> = JoinSet::new();
    let mut streak = 0u32;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        if total.is_some_and(|n| tally.sent >= n) || tally.stopped.is_some() {
            break;
        }
        let at = pacer.slot(pause_until.max(Instant::now()));
        if at >= send_until {
            if at >= deadline && (total.is_some() || plan.cap_is_budget) {
                tally.stopped = Some(if plan.cap_is_budget {
                    "the run's time budget (--max-time) ran out".to_string()
                } else {
                    format!("time cap of {} reached", human_duration(plan.time_cap))
                });
            }
            break;
        }
        tokio::select! {
            _ = &mut ctrl_c => {
                tally.interrupted = true;
                break;
            }
            Some(done) = flight.join_next(), if !flight.is_empty() => {
                if let Ok(sent) = done {
                    record(&mut tally, &mut streak, &mut pause_until, sent, start, deadline);
                    progress.set_message(&statuses_text(&tally.statuses));
                }
            }
            () = sleep_until(at.into()), if flight.len() < MAX_IN_FLIGHT => {
                pacer.take(at, Instant::now());
                tally.sent += 1;
                tally.first_send.get_or_insert(at);
                tally.last_send = Some(at);
                let (n, client, request) = (tally.sent, client.clone(), request.clone());
                flight.spawn(async move { (n, Instant::now(), client.send(&request).await) });
                progress.inc(1);
            }
        }
    }
    while !tally.interrupted && !flight.is_empty() {
        tokio::select! {
            _ = &mut ctrl_c => tally.interrupted = true,
            Some(done) = flight.join_next() => {
                if let Ok(sent) = done {
                    record(&mut tally, &mut streak, &mut pause_until, sent, start, deadline);
                    progress.set_message(&statuses_text(&tally.statuses));
                }
            }
        }
    }
    flight.abort_all();
    progress.finish();
    verdict(&tally, plan, start.elapsed(), &request.url)
}

fn record(
    tally: &mut Tally,
    streak: &mut u32,
    pause_until: &mut Instant,
    (n, sent_at, result): Sent,
    start: Instant,
    deadline: Instant,
) {
    let response = match result {
        Ok(r) => r,
        Err(e) => {
            tally.errors += 1;
            tally.first_error.get_or_insert(e.message);
            *streak += 1;
            if *streak >= GIVE_UP_AFTER {
                tally.stopped = Some(format!("{GIVE_UP_AFTER} requests in a row failed"));
            }
            return;
        }
    };
    *tally.statuses.entry(response.status).or_default() += 1;
    tally.latencies.push(response.timings.total);
    if !matches!(response.status, 429 | 503) {
        *streak = 0;
        return;
    }
    let pairs = header_pairs(&response);
    let signals = headers::parse(&pairs, Some(&response.body), SystemTime::now());
    if tally.first_limited.is_none() {
        tally.first_limited = Some(Limited {
            request: n,
            status: response.status,
            after: sent_at.saturating_duration_since(start),
            retry_after: signals.retry_after.clone(),
            policy: signals
                .tightest()
                .or(signals.quotas.first())
                .map(quota_text),
        });
    }
    let wait = match &signals.retry_after {
        Some(r) => r.wait,
        None => {
            tally.backoffs += 1;
            backoff(*streak, fastrand::f64())
        }
    };
    *streak += 1;
    let now = Instant::now();
    let resume = now + wait;
    if resume > deadline {
        tally.stopped = Some(format!(
            "the server asked for a wait of {}, past the time cap",
            human_duration(wait)
        ));
    } else if *streak >= GIVE_UP_AFTER {
        tally.stopped = Some(format!(
            "still limited after {GIVE_UP_AFTER} waits in a row"
        ));
    } else if resume > *pause_until {
        tally.waited += resume.saturating_duration_since((*pause_until).max(now));
        *pause_until = resume;
    }
}

pub fn header_pairs(response: &Response) -> Vec<(String, String)> {
    response
        .headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// `read: 60/1m`, `default: 0 of 100 left, resets in 30s`.
pub fn quota_text(q: &headers::Quota) -> String {
    let mut out = q.name.clone().map(|n| format!("{n}: ")).unwrap_or_default();
    match (q.remaining, q.limit) {
        (Some(r), Some(l)) => out.push_str(&format!("{} of {} left", num(r), num(l))),
        (None, Some(l)) => out.push_str(&num(l)),
        (Some(r), None) => out.push_str(&format!("{} left", num(r))),
        (None, None) => out.push_str("no count"),
    }
    if let Some(w) = q.window {
        out.push_str(&format!(" per {}", window_text(w)));
    }
    if let Some(r) = &q.reset {
        if r.past {
            out.push_str(&format!(
                ", reset at {} (already past)",
                humantime::format_rfc3339_seconds(r.at)
            ));
        } else {
            out.push_str(&format!(", resets in {}", human_duration(r.after)));
        }
    }
    crate::escape::clean(&out)
}

/// A policy window: `1s`, `1m`, `1h`, `90s`.
fn window_text(w: Duration) -> String {
    match w.as_secs() {
        s if s > 0 && s % 3600 == 0 => format!("{}h", s / 3600),
        s if s > 0 && s % 60 == 0 => format!("{}m", s / 60),
        _ => human_duration(w),
    }
}

/// A count as people write it: no `.0` on whole numbers.
pub fn num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{:.2}", n)
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    crate::net::ms(sorted[rank.clamp(1, sorted.len()) - 1])
}

fn verdict(tally: &Tally, plan: &Plan, elapsed: Duration, url: &url::Url) -> Check {
    let answered: u64 = tally.statuses.values().sum();
    let limited = tally.statuses.get(&429).copied().unwrap_or(0);
    let busy = tally.statuses.get(&503).copied().unwrap_or(0);
    let achieved = match (tally.first_send, tally.last_send) {
        (Some(a), Some(b)) if tally.sent > 1 && b > a => {
            (tally.sent - 1) as f64 / b.duration_since(a).as_secs_f64()
        }
        _ => 0.0,
    };
    let mut sorted = tally.latencies.clone();
    sorted.sort();
    let statuses: Vec<String> = tally
        .statuses
        .iter()
        .map(|(s, n)| format!("{s}: {n}"))
        .collect();
    let stopped = if tally.interrupted {
        "interrupted (Ctrl-C)".to_string()
    } else {
        tally
            .stopped
            .clone()
            .unwrap_or_else(|| "finished".to_string())
    };
    let rate = plan.rate.text();
    let (status, summary) = if let Some(l) = &tally.first_limited {
        let what = if l.status == 429 && l.request == 1 {
            "limited from the first request: the quota was already spent, perhaps by another integration on the same key".to_string()
        } else if l.status == 429 {
            format!(
                "limited at request {} after {} at {rate}: the limit is below this pace",
                l.request,
                human_duration(l.after)
            )
        } else {
            format!(
                "503 at request {} after {}: the server is busy (contention), not necessarily a rate limit",
                l.request,
                human_duration(l.after)
            )
        };
        let gave_up = tally.stopped.is_some() && !tally.interrupted;
        (if gave_up { Status::Fail } else { Status::Warn }, what)
    } else if tally.errors > 0 {
        let s = if answered == 0 {
            Status::Fail
        } else {
            Status::Warn
        };
        (
            s,
            format!(
                "{} of {} requests failed: {}",
                tally.errors,
                tally.sent,
                tally.first_error.clone().unwrap_or_default()
            ),
        )
    } else if tally.sent == 0 {
        (Status::Skip, "no request was sent".to_string())
    } else {
        (
            Status::Pass,
            format!("{} requests at {rate}: no 429 or 503", tally.sent),
        )
    };
    let summary = if tally.interrupted {
        format!("{summary} (stopped by Ctrl-C)")
    } else {
        summary
    };
    let mut check = PROBE
        .check(status, summary)
        .detail("requests", tally.sent)
        .detail("answered", answered)
        .detail("target_rate", rate.clone())
        .detail("achieved_rate", format!("{}/s", num(achieved)))
        .detail("elapsed", human_duration(elapsed))
        .detail("statuses", statuses)
        .detail("latency_p50_ms", percentile(&sorted, 50.0))
        .detail("latency_p90_ms", percentile(&sorted, 90.0))
        .detail("latency_p99_ms", percentile(&sorted, 99.0))
        .detail(
            "latency_max_ms",
            sorted.last().map_or(0, |d| crate::net::ms(*d)),
        )
        .detail("stopped", stopped)
        .took(elapsed);
    if tally.errors > 0 {
        check = check.detail("errors", tally.errors);
    }
    if let Some(l) = &tally.first_limited {
        check = check
            .detail("first_limited_request", l.request)
            .detail("first_limited_status", l.status)
            .detail("first_limited_after", human_duration(l.after))
            .detail(
                "first_limited_at",
                humantime::format_rfc3339_millis(plan.started_at + l.after).to_string(),
            )
            .detail(
                "retry_after",
                l.retry_after.as_ref().map_or_else(
                    || "none sent: backed off with jitter".to_string(),
                    |r| format!("{} ({})", human_duration(r.wait), r.form),
                ),
            )
            .detail("limited", limited)
            .detail("busy", busy)
            .detail("waited", human_duration(tally.waited));
        if let Some(p) = &l.policy {
            check = check.detail("policy", p.clone());
        }
        let entry = if l.status == 429 {
            "http.429"
        } else {
            "http.503"
        };
        if let Some(e) = crate::catalog::by_id(entry) {
            check = check.remedies(e.remedy.iter().copied());
        }
        check = check.remedy(format!(
            "Run below {rate}; `plumb rate-limit limits` lists the documented limit for each service and plan."
        ));
    } else if status != Status::Pass && status != Status::Skip {
        check = check.remedy(format!(
            "Check that the server answers at all with: plumb endpoint {}",
            crate::net::http::shown_url(url)
        ));
    }
    check
}

/// The answers so far by status (`200: 9, 429: 1`), for the progress bar.
fn statuses_text(statuses: &std::collections::BTreeMap<u16, u64>) -> String {
    let text: Vec<String> = statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
    text.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse_and_bad_ones_are_refused() {
        assert_eq!(parse_rate("5/s").unwrap().per_second, 5.0);
        assert_eq!(parse_rate("120/m").unwrap().per_second, 2.0);
        assert_eq!(parse_rate("0.5/s").unwrap().per_second, 0.5);
        assert_eq!(parse_rate("3").unwrap().per_second, 3.0);
        for bad in [
            "0/s",
            "fast",
            "-1/s",
            "5/fortnight",
            "",
            "NaN/s",
            "inf/s",
            "5000/s",
            "1/d",
        ] {
            assert!(parse_rate(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_bucket_never_allows_more_than_the_rate_in_any_second() {
        let start = Instant::now();
        let mut pacer = Pacer::new(parse_rate("10/s").unwrap(), start);
        let mut sends = Vec::new();
        let mut now = start;
        for i in 0..60u32 {
            // Some sends are late (a slow loop), some after a long pause;
            // neither may let a burst through.
            if i % 7 == 0 {
                now += Duration::from_millis(350);
            }
            if i == 30 {
                now += Duration::from_secs(3);
            }
            let at = pacer.slot(now);
            // Every fifth send leaves 80 ms late, as a busy timer would.
            let sent = if i % 5 == 0 {
                at + Duration::from_millis(80)
            } else {
                at
            };
            pacer.take(at, sent);
            sends.push(sent);
            now = sent;
        }
        for (i, a) in sends.iter().enumerate() {
            let in_window = sends[i..]
                .iter()
                .take_while(|b| b.duration_since(*a) < Duration::from_secs(1))
                .count();
            assert!(in_window <= 10, "{in_window} sends within a second");
        }
        // On time, it keeps pace exactly.
        let mut pacer = Pacer::new(parse_rate("4/s").unwrap(), start);
        let times: Vec<Instant> = (0..5)
            .map(|_| {
                let at = pacer.slot(start);
                pacer.take(at, at);
                at
            })
            .collect();
        assert_eq!(times[4].duration_since(times[0]), Duration::from_secs(1));
    }

    #[test]
    fn backoff_grows_with_jitter_and_a_ceiling() {
        assert_eq!(backoff(0, 0.0), Duration::from_millis(250));
        assert_eq!(backoff(0, 0.999_999).as_millis(), 499);
        assert_eq!(backoff(3, 0.0), Duration::from_secs(2));
        assert!(backoff(40, 1.0) <= BACKOFF_MAX);
        assert!(backoff(2, 0.2) < backoff(2, 0.8));
    }

    #[test]
    fn percentiles_and_numbers() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&d, 50.0), 50);
        assert_eq!(percentile(&d, 99.0), 99);
        assert_eq!(percentile(&[], 50.0), 0);
        assert_eq!(num(40.0), "40");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(4.987), "4.99");
    }
}
