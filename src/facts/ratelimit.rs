//! Every rate-limit dialect plumb reads, as pure functions over a
//! response's (name, value) header pairs and optional body. Nothing here
//! touches the network or the clock: `now` comes from the caller. The
//! dialects, their units and their sources are listed in
//! docs/providers.md ("Rate-limit dialects").

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A reset value at or above this many seconds is an epoch time (2001
/// onwards), below it a number of seconds from now. No window documented
/// by any provider comes near 31 years, so a delta-seconds field holding
/// such a value can only be a Unix time.
const EPOCH_SECONDS_FROM: f64 = 1e9;
/// Above this a reset value is epoch milliseconds, as some APIs send.
const EPOCH_MILLIS_FROM: f64 = 1e12;
/// A Retry-After longer than this is treated as malformed, not obeyed.
const MAX_RETRY_AFTER: f64 = 7.0 * 24.0 * 3600.0;

/// When a quota refills, and how the value was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reset {
    /// From `now`; zero when the reset is already past.
    pub after: Duration,
    /// The moment itself.
    pub at: SystemTime,
    /// The reset was already past at `now` (an old capture).
    pub past: bool,
    /// `seconds from now`, `epoch seconds`, `epoch milliseconds`,
    /// `duration`, `ISO 8601 time` or `HTTP date`.
    pub read_as: &'static str,
}

impl Reset {
    fn from_now(after: Duration, now: SystemTime, read_as: &'static str) -> Option<Reset> {
        Some(Reset {
            after,
            at: writable(now.checked_add(after)?)?,
            past: false,
            read_as,
        })
    }

    fn at(at: SystemTime, now: SystemTime, read_as: &'static str) -> Option<Reset> {
        Some(Reset {
            after: at.duration_since(now).unwrap_or_default(),
            at: writable(at)?,
            past: at < now,
            read_as,
        })
    }
}

/// A time that can be written as an RFC 3339 date (1970 to 9999).
fn writable(t: SystemTime) -> Option<SystemTime> {
    let secs = t.duration_since(UNIX_EPOCH).ok()?.as_secs();
    (secs < 253_402_300_800).then_some(t)
}

/// One quota a response described: some of used, remaining, limit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quota {
    /// The header or body field it came from.
    pub source: &'static str,
    /// A policy or bucket name (`default`, `read`, `core`).
    pub name: Option<String>,
    pub limit: Option<f64>,
    pub remaining: Option<f64>,
    pub used: Option<f64>,
    /// The window the limit applies to.
    pub window: Option<Duration>,
    pub reset: Option<Reset>,
    /// Refill per second (Shopify GraphQL's restoreRate).
    pub restore_rate: Option<f64>,
    /// A concurrent-request limit reported as limit 0, remaining 0 (Okta).
    pub concurrency: bool,
}

impl Quota {
    /// Used and limit, deriving whichever of used/remaining is missing.
    pub fn used_of(&self) -> Option<(f64, f64)> {
        let limit = self.limit.filter(|l| *l > 0.0)?;
        let used = self
            .used
            .or_else(|| self.remaining.map(|r| (limit - r).max(0.0)))?;
        Some((used, limit))
    }

    /// Nothing left in this quota.
    pub fn spent(&self) -> bool {
        self.concurrency
            || self.remaining.is_some_and(|r| r <= 0.0)
            || self.used_of().is_some_and(|(u, l)| u >= l)
    }
}

/// How long a server asked the caller to wait.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryAfter {
    pub wait: Duration,
    /// `seconds` or `HTTP date`.
    pub form: &'static str,
}

/// Shopify GraphQL's cost of a query against the points available.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    pub requested: f64,
    pub available: f64,
    pub restore_rate: f64,
}

impl Cost {
    /// How long until enough points are restored for the query.
    pub fn wait(&self) -> Option<Duration> {
        if self.requested <= self.available || self.restore_rate <= 0.0 {
            return None;
        }
        secs((self.requested - self.available) / self.restore_rate)
            .filter(|w| w.as_secs_f64() <= MAX_RETRY_AFTER)
    }
}

/// Everything found in one response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signals {
    /// The dialects recognised, in the order first seen.
    pub dialects: Vec<&'static str>,
    pub quotas: Vec<Quota>,
    pub retry_after: Option<RetryAfter>,
    /// A wait given in the body (`retry_after` in Discord's JSON), seconds.
    pub body_retry_after: Option<Duration>,
    /// `Stripe-Should-Retry`, when sent.
    pub should_retry: Option<bool>,
    /// `Stripe-Rate-Limited-Reason`, when sent.
    pub limited_reason: Option<String>,
    /// A GraphQL body said `Throttled`.
    pub throttled: bool,
    /// A GraphQL query's cost against the points available.
    pub cost: Option<Cost>,
    /// The body's error says a rate limit was hit (GitHub's 403 message,
    /// X's code 88, Stripe's `rate_limit` code).
    pub body_says_limited: bool,
    /// The body names GitHub's secondary rate limit.
    pub secondary_limit: bool,
    /// Headers present but unreadable, as `name: why`.
    pub problems: Vec<String>,
}

impl Signals {
    fn found(&mut self, dialect: &'static str) {
        if !self.dialects.contains(&dialect) {
            self.dialects.push(dialect);
        }
    }

    fn problem(&mut self, name: &str, why: &str) {
        self.problems.push(format!("{name}: {why}"));
    }

    /// The quota closest to exhaustion, by share used.
    pub fn tightest(&self) -> Option<&Quota> {
        self.quotas
            .iter()
            .filter_map(|q| q.used_of().map(|(u, l)| (q, u / l)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(q, _)| q)
    }
}

pub const SHOPIFY: &str = "X-Shopify-Shop-Api-Call-Limit";
pub const X_RATELIMIT: &str = "X-RateLimit-*";
pub const X_RATE_LIMIT: &str = "X-Rate-Limit-* (X, Okta, Zendesk)";
pub const OPENAI: &str = "x-ratelimit-*-requests/-tokens (OpenAI)";
pub const SALESFORCE: &str = "Sforce-Limit-Info (Salesforce)";
pub const HUBSPOT: &str = "X-HubSpot-RateLimit-* (HubSpot)";
pub const IETF: &str = "RateLimit-Policy + RateLimit (IETF draft)";
pub const IETF_OLD: &str = "RateLimit-Limit/-Remaining/-Reset (older IETF draft)";
pub const RETRY_AFTER: &str = "Retry-After";
pub const STRIPE: &str = "Stripe-Should-Retry";
pub const STRIPE_REASON: &str = "Stripe-Rate-Limited-Reason";
pub const BODY_POLICY: &str = "body policy";
pub const BODY_RETRY_AFTER: &str = "retry_after in the body";
pub const BODY_ERROR: &str = "rate-limit error in the body";
pub const GRAPHQL: &str = "GraphQL cost (extensions.cost.throttleStatus)";

/// Reads every known signal from `headers` (and `body`, when given).
pub fn parse(headers: &[(String, String)], body: Option<&[u8]>, now: SystemTime) -> Signals {
    let mut s = Signals::default();
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    };
    if let Some(v) = get("x-shopify-shop-api-call-limit") {
        shopify(&mut s, v);
    }
    x_ratelimit(&mut s, &get, now);
    x_rate_limit(&mut s, &get, now);
    openai(&mut s, &get, now);
    if let Some(v) = get("sforce-limit-info") {
        salesforce(&mut s, v);
    }
    hubspot(&mut s, &get);
    if let Some(policy) = get("ratelimit-policy") {
        ietf(&mut s, policy, get("ratelimit"), now);
    } else if let Some(v) = get("ratelimit") {
        ietf(&mut s, "", Some(v), now);
    }
    ietf_old(&mut s, &get, now);
    if let Some(v) = get("retry-after") {
        s.found(RETRY_AFTER);
        match retry_after(v, now) {
            Some(r) => s.retry_after = Some(r),
            None => s.problem(
                "Retry-After",
                "neither a number of seconds nor an HTTP date",
            ),
        }
    }
    if let Some(v) = get("stripe-should-retry") {
        s.found(STRIPE);
        match v.to_ascii_lowercase().as_str() {
            "true" => s.should_retry = Some(true),
            "false" => s.should_retry = Some(false),
            _ => s.problem("Stripe-Should-Retry", "expected true or false"),
        }
    }
    if let Some(v) = get("stripe-rate-limited-reason") {
        s.found(STRIPE_REASON);
        s.limited_reason = Some(v.to_string());
    }
    if let Some(body) = body {
        json_body(&mut s, body);
    }
    s
}

/// The response's own `Date`, when it is a valid HTTP date: the moment a
/// captured response's waits are counted from.
pub fn date_of(headers: &[(String, String)]) -> Option<SystemTime> {
    let (_, v) = headers
        .iter()
        .find(|(n, _)| n.trim().eq_ignore_ascii_case("date"))?;
    httpdate::parse_http_date(v.trim()).ok()
}

fn shopify(s: &mut Signals, v: &str) {
    s.found(SHOPIFY);
    let parsed = v
        .split_once('/')
        .and_then(|(u, l)| Some((number(u)?, number(l)?)));
    match parsed {
        Some((used, limit)) if limit > 0.0 => s.quotas.push(Quota {
            source: SHOPIFY,
            used: Some(used),
            limit: Some(limit),
            remaining: Some((limit - used).max(0.0)),
            ..Quota::default()
        }),
        _ => s.problem(SHOPIFY, "expected used/limit such as 32/40"),
    }
}

/// GitHub, Reddit, Discord, Mastodon, Cloudflare and many more: the
/// reset's unit varies, so it is read by form and magnitude.
fn x_ratelimit<'a>(s: &mut Signals, get: &impl Fn(&str) -> Option<&'a str>, now: SystemTime) {
    let fields = [
        "limit",
        "remaining",
        "used",
        "reset",
        "reset-after",
        "resource",
    ];
    if fields
        .iter()
        .all(|f| get(&format!("x-ratelimit-{f}")).is_none())
    {
        return;
    }
    s.found(X_RATELIMIT);
    let mut q = Quota {
        source: X_RATELIMIT,
        name: get("x-ratelimit-resource").map(str::to_string),
        ..Quota::default()
    };
    q.limit = count(s, "X-RateLimit-Limit", get("x-ratelimit-limit"));
    q.remaining = count(s, "X-RateLimit-Remaining", get("x-ratelimit-remaining"));
    q.used = count(s, "X-RateLimit-Used", get("x-ratelimit-used"));
    // Reddit sends used and remaining only: the limit is their sum.
    if q.limit.is_none() {
        if let (Some(u), Some(r)) = (q.used, q.remaining) {
            q.limit = Some(u + r);
        }
    }
    // Discord's seconds-from-now field is exact where the epoch one
    // depends on the clocks agreeing.
    q.reset = match get("x-ratelimit-reset-after") {
        Some(v) => reset_field(s, "X-RateLimit-Reset-After", v, now),
        None => get("x-ratelimit-reset").and_then(|v| reset_field(s, "X-RateLimit-Reset", v, now)),
    };
    s.quotas.push(q);
}

/// X (Twitter) and Okta: `X-Rate-Limit-Limit/-Remaining/-Reset`, the reset
/// in Unix seconds; Zendesk's older `X-Rate-Limit` + `-Remaining`. Okta's
/// concurrent-request limit answers 429 with limit and remaining both 0.
fn x_rate_limit<'a>(s: &mut Signals, get: &impl Fn(&str) -> Option<&'a str>, now: SystemTime) {
    let limit = get("x-rate-limit-limit").or_else(|| get("x-rate-limit"));
    let remaining = get("x-rate-limit-remaining");
    let reset = get("x-rate-limit-reset");
    if limit.is_none() && remaining.is_none() && reset.is_none() {
        return;
    }
    s.found(X_RATE_LIMIT);
    let mut q = Quota {
        source: "X-Rate-Limit",
        ..Quota::default()
    };
    q.limit = count(s, "X-Rate-Limit-Limit", limit);
    q.remaining = count(s, "X-Rate-Limit-Remaining", remaining);
    q.reset = reset.and_then(|v| reset_field(s, "X-Rate-Limit-Reset", v, now));
    if q.limit == Some(0.0) && q.remaining == Some(0.0) {
        q.concurrency = true;
        q.name = Some("concurrent requests".to_string());
    }
    s.quotas.push(q);
}

/// OpenAI: one quota for requests and one for tokens, the resets as
/// durations (`1s`, `120ms`, `6m0s`).
fn openai<'a>(s: &mut Signals, get: &impl Fn(&str) -> Option<&'a str>, now: SystemTime) {
    for kind in ["requests", "tokens"] {
        let l = get(&format!("x-ratelimit-limit-{kind}"));
        let r = get(&format!("x-ratelimit-remaining-{kind}"));
        let t = get(&format!("x-ratelimit-reset-{kind}"));
        if l.is_none() && r.is_none() && t.is_none() {
            continue;
        }
        s.found(OPENAI);
        let q = Quota {
            source: OPENAI,
            name: Some(kind.to_string()),
            limit: count(s, "x-ratelimit-limit-*", l),
            remaining: count(s, "x-ratelimit-remaining-*", r),
            reset: t.and_then(|v| reset_field(s, "x-ratelimit-reset-*", v, now)),
            ..Quota::default()
        };
        s.quotas.push(q);
    }
}

/// Salesforce: `api-usage=18/5000` (calls in the last 24 hours of the
/// org's daily allocation), and `per-app-api-usage=17/250(appName=…)`.
fn salesforce(s: &mut Signals, v: &str) {
    s.found(SALESFORCE);
    let mut any = false;
    for item in v.split(',') {
        let Some((name, rest)) = item.split_once('=') else {
            continue;
        };
        let rest = rest.split('(').next().unwrap_or("");
        let Some((u, l)) = rest.split_once('/') else {
            continue;
        };
        if let (Some(used), Some(limit)) = (number(u), number(l)) {
            any = true;
            s.quotas.push(Quota {
                source: SALESFORCE,
                name: Some(name.trim().to_string()),
                used: Some(used),
                limit: Some(limit),
                remaining: Some((limit - used).max(0.0)),
                window: Some(Duration::from_secs(86_400)),
                ..Quota::default()
            });
        }
    }
    if !any {
        s.problem("Sforce-Limit-Info", "expected api-usage=used/limit");
    }
}

/// HubSpot: a per-interval limit (`-Max`, `-Remaining`,
/// `-Interval-Milliseconds`), and where sent a daily and a per-second one.
fn hubspot<'a>(s: &mut Signals, get: &impl Fn(&str) -> Option<&'a str>) {
    let sets = [
        (
            "interval",
            "x-hubspot-ratelimit-max",
            "x-hubspot-ratelimit-remaining",
        ),
        (
            "daily",
            "x-hubspot-ratelimit-daily",
            "x-hubspot-ratelimit-daily-remaining",
        ),
        (
            "secondly",
            "x-hubspot-ratelimit-secondly",
            "x-hubspot-ratelimit-secondly-remaining",
        ),
    ];
    for (name, l, r) in sets {
        let (l, r) = (get(l), get(r));
        if l.is_none() && r.is_none() {
            continue;
        }
        s.found(HUBSPOT);
        let window = match name {
            "interval" => get("x-hubspot-ratelimit-interval-milliseconds")
                .and_then(number)
                .and_then(|ms| secs(ms / 1000.0)),
            "daily" => Some(Duration::from_secs(86_400)),
            _ => Some(Duration::from_secs(1)),
        };
        let q = Quota {
            source: HUBSPOT,
            name: Some(name.to_string()),
            limit: count(s, "X-HubSpot-RateLimit-*", l),
            remaining: count(s, "X-HubSpot-RateLimit-*-Remaining", r),
            window,
            ..Quota::default()
        };
        s.quotas.push(q);
    }
}

/// A count header: the first number, ignoring a trailing `;w=60` comment.
fn count(s: &mut Signals, name: &str, v: Option<&str>) -> Option<f64> {
    let v = v?;
    let head = v.split([',', ';']).next().unwrap_or("");
    match number(head) {
        Some(n) => Some(n),
        None => {
            s.problem(name, "not a number");
            None
        }
    }
}

/// A reset field read in its dialect's unit, with a problem noted when it
/// cannot be read.
fn reset_field(s: &mut Signals, name: &str, v: &str, now: SystemTime) -> Option<Reset> {
    let r = reset_of(v, now);
    if r.is_none() {
        s.problem(
            name,
            "neither seconds, a Unix time, a duration such as 1m30s, nor a date",
        );
    }
    r
}

/// Reads a reset: a number (by magnitude: whatever unit a dialect
/// documents, a value that can only be a Unix time is one, and one below
/// 10⁹ can only be seconds from now), a duration (`1m30s`), an ISO 8601
/// time (Mastodon) or an HTTP date (Cloudflare's older form).
fn reset_of(v: &str, now: SystemTime) -> Option<Reset> {
    let v = v.trim();
    if let Some(n) = number(v) {
        return reset_by_magnitude(n, now);
    }
    if let Some(d) = go_duration(v) {
        return Reset::from_now(d, now, "duration");
    }
    if let Ok(t) = v.parse::<jiff::Timestamp>() {
        let at = UNIX_EPOCH
            .checked_add(Duration::try_from_secs_f64(t.as_millisecond() as f64 / 1000.0).ok()?)?;
        return Reset::at(at, now, "ISO 8601 time");
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Reset::at(at, now, "HTTP date")
}

/// Epoch seconds, epoch milliseconds or seconds from now, by magnitude.
pub fn reset_by_magnitude(n: f64, now: SystemTime) -> Option<Reset> {
    if !n.is_finite() || n < 0.0 {
        return None;
    }
    let (at, read_as) = if n >= EPOCH_MILLIS_FROM {
        (n / 1000.0, "epoch milliseconds")
    } else if n >= EPOCH_SECONDS_FROM {
        (n, "epoch seconds")
    } else {
        return Reset::from_now(secs(n)?, now, "seconds from now");
    };
    let at = UNIX_EPOCH.checked_add(secs(at)?)?;
    Reset::at(at, now, read_as)
}

/// A Go-style duration as OpenAI sends it: `120ms`, `1s`, `1m30s`,
/// `6m0s`, `7.66s`, `1h2m`. At least one unit; no sign.
pub fn go_duration(v: &str) -> Option<Duration> {
    let mut rest = v.trim();
    if rest.is_empty() {
        return None;
    }
    let mut total = 0.0f64;
    while !rest.is_empty() {
        let split = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let n = number(&rest[..split])?;
        rest = &rest[split..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let factor = match &rest[..unit_end] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            "ns" => 1e-9,
            _ => return None,
        };
        rest = &rest[unit_end..];
        total += n * factor;
    }
    secs(total)
}

fn ietf(s: &mut Signals, policy: &str, current: Option<&str>, now: SystemTime) {
    let policies = sf_list(policy);
    let currents = current.map(sf_list).unwrap_or_default();
    // Draft 07 sent `RateLimit: limit=100, remaining=50, reset=30`, with
    // `RateLimit-Policy: 100;w=60`.
    if currents.iter().all(|m| m.name.contains('=')) && !currents.is_empty() {
        s.found(IETF_OLD);
        let field = |k: &str| {
            currents
                .iter()
                .find_map(|m| m.name.strip_prefix(k)?.strip_prefix('=').and_then(number))
        };
        s.quotas.push(Quota {
            source: "RateLimit",
            limit: field("limit"),
            remaining: field("remaining"),
            window: policies.first().and_then(|p| p.param("w")).and_then(secs),
            reset: field("reset").and_then(|n| reset_by_magnitude(n, now)),
            ..Quota::default()
        });
        return;
    }
    s.found(IETF);
    if policies.is_empty() && currents.is_empty() {
        s.problem("RateLimit", "no policy could be read");
        return;
    }
    let mut names: Vec<&str> = policies.iter().map(|p| p.name.as_str()).collect();
    for c in &currents {
        if !names.contains(&c.name.as_str()) {
            names.push(&c.name);
        }
    }
    for name in names {
        let p = policies.iter().find(|m| m.name == name);
        let c = currents.iter().find(|m| m.name == name);
        let param = |m: Option<&Member>, k: &str| m.and_then(|m| m.param(k));
        s.quotas.push(Quota {
            source: "RateLimit",
            name: Some(name.to_string()),
            limit: param(p, "q"),
            remaining: param(c, "r"),
            window: param(p, "w").and_then(secs),
            reset: param(c, "t").and_then(|n| reset_by_magnitude(n, now)),
            ..Quota::default()
        });
    }
}

/// The older drafts' `RateLimit-Limit/-Remaining/-Reset` (delta seconds),
/// also sent by Docker Hub (`100;w=21600`) and GitLab (whose
/// `RateLimit-Reset` is a Unix time, and `RateLimit-Observed` the count
/// used).
fn ietf_old<'a>(s: &mut Signals, get: &impl Fn(&str) -> Option<&'a str>, now: SystemTime) {
    let (l, r, t) = (
        get("ratelimit-limit"),
        get("ratelimit-remaining"),
        get("ratelimit-reset"),
    );
    if l.is_none() && r.is_none() && t.is_none() {
        return;
    }
    s.found(IETF_OLD);
    let window = l
        .and_then(|v| v.split(';').find_map(|p| p.trim().strip_prefix("w=")))
        .and_then(number)
        .and_then(secs);
    let limit = count(s, "RateLimit-Limit", l);
    let remaining = count(s, "RateLimit-Remaining", r);
    let used = get("ratelimit-observed").and_then(number);
    let reset = t
        .map(|v| v.split([',', ';']).next().unwrap_or(""))
        .and_then(|v| reset_field(s, "RateLimit-Reset", v, now));
    s.quotas.push(Quota {
        source: "RateLimit-Limit",
        limit,
        remaining,
        used: used.filter(|_| remaining.is_none()),
        window,
        reset,
        ..Quota::default()
    });
}

/// `Retry-After`: whole or fractional seconds, or an HTTP date.
pub fn retry_after(v: &str, now: SystemTime) -> Option<RetryAfter> {
    let v = v.trim();
    if let Some(n) = number(v) {
        if n > MAX_RETRY_AFTER {
            return None;
        }
        return Some(RetryAfter {
            wait: secs(n)?,
            form: "seconds",
        });
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(RetryAfter {
        wait: at.duration_since(now).unwrap_or_default(),
        form: "HTTP date",
    })
}

/// A JSON body's `policy` (`read:60/1m`), GraphQL cost extension, a
/// `retry_after` (Discord) and an error that names a rate limit.
fn json_body(s: &mut Signals, body: &[u8]) {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(body) else {
        return;
    };
    let policy = json
        .get("policy")
        .or_else(|| json.get("error").and_then(|e| e.get("policy")))
        .and_then(|p| p.as_str());
    if let Some(p) = policy {
        s.found(BODY_POLICY);
        match body_policy(p) {
            Some(q) => s.quotas.push(q),
            None => s.problem("policy", "expected name:count/window such as read:60/1m"),
        }
    }
    if let Some(t) = json.pointer("/extensions/cost/throttleStatus") {
        s.found(GRAPHQL);
        let f = |k: &str| t.get(k).and_then(serde_json::Value::as_f64);
        s.quotas.push(Quota {
            source: "throttleStatus",
            name: Some("graphql cost".to_string()),
            limit: f("maximumAvailable"),
            remaining: f("currentlyAvailable"),
            restore_rate: f("restoreRate"),
            ..Quota::default()
        });
        let requested = json
            .pointer("/extensions/cost/requestedQueryCost")
            .and_then(serde_json::Value::as_f64);
        if let (Some(requested), Some(available), Some(restore_rate)) =
            (requested, f("currentlyAvailable"), f("restoreRate"))
        {
            s.cost = Some(Cost {
                requested,
                available,
                restore_rate,
            });
        }
    }
    let errors = json.get("errors").and_then(|e| e.as_array());
    let throttled = errors.is_some_and(|errors| {
        errors.iter().any(|e| {
            e.get("message").and_then(|m| m.as_str()) == Some("Throttled")
                || e.pointer("/extensions/code").and_then(|c| c.as_str()) == Some("THROTTLED")
        })
    });
    if throttled {
        s.found(GRAPHQL);
        s.throttled = true;
    }
    let wait = json
        .get("retry_after")
        .and_then(serde_json::Value::as_f64)
        .filter(|n| *n >= 0.0 && *n <= MAX_RETRY_AFTER);
    if let Some(n) = wait.and_then(secs) {
        s.found(BODY_RETRY_AFTER);
        s.body_retry_after = Some(n);
    }
    let says = |v: Option<&serde_json::Value>| {
        v.and_then(|v| v.as_str()).is_some_and(|m| {
            let m = m.to_ascii_lowercase();
            m.contains("rate limit") || m == "rate_limit" || m.contains("rate_limit")
        })
    };
    let limited = says(json.get("message"))
        || says(json.get("error"))
        || says(json.pointer("/error/message"))
        || says(json.pointer("/error/code"))
        || errors.is_some_and(|errors| {
            errors
                .iter()
                .any(|e| says(e.get("message")) || e.get("code") == Some(&88.into()))
        });
    if limited {
        s.found(BODY_ERROR);
        s.body_says_limited = true;
        s.secondary_limit = json
            .get("message")
            .and_then(|m| m.as_str())
            .is_some_and(|m| m.to_ascii_lowercase().contains("secondary rate limit"));
    }
}
/// `read:60/1m` → 60 calls a minute in the `read` bucket.
pub fn body_policy(p: &str) -> Option<Quota> {
    let (name, rest) = p.trim().rsplit_once(':').unwrap_or(("", p.trim()));
    let (n, window) = rest.split_once('/')?;
    Some(Quota {
        source: BODY_POLICY,
        name: (!name.is_empty()).then(|| name.to_string()),
        limit: number(n),
        window: Some(window_of(window)?),
        ..Quota::default()
    })
    .filter(|q| q.limit.is_some())
}

/// `1m`, `60s`, `m`, `1h`, `day`: a policy window.
fn window_of(w: &str) -> Option<Duration> {
    let w = w.trim();
    let split = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
    let (n, unit) = w.split_at(split);
    let n: u64 = if n.is_empty() { 1 } else { n.parse().ok()? };
    let unit = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "s" | "sec" | "second" => 1,
        "m" | "min" | "minute" => 60,
        "h" | "hour" => 3600,
        "d" | "day" => 86_400,
        _ => return None,
    };
    n.checked_mul(unit).map(Duration::from_secs)
}

/// A non-negative finite number; `+`, exponents and hex are refused.
fn number(v: &str) -> Option<f64> {
    let v = v.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    v.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn secs(n: f64) -> Option<Duration> {
    Duration::try_from_secs_f64(n).ok()
}

/// One member of a structured-field list: a name and its parameters.
#[derive(Debug)]
struct Member {
    name: String,
    params: Vec<(String, String)>,
}

impl Member {
    fn param(&self, key: &str) -> Option<f64> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| number(v))
    }
}

/// A lenient reading of an RFC 8941 list: `"a";q=1;w=2, b;q=3`. Names may
/// be quoted or bare tokens; commas inside quotes do not split.
fn sf_list(v: &str) -> Vec<Member> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in v.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            ',' if !quoted => parts.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    parts.push(cur);
    parts
        .iter()
        .filter_map(|part| {
            let mut pieces = part.split(';').map(str::trim);
            let name = pieces.next()?.trim_matches('"').to_string();
            if name.is_empty() {
                return None;
            }
            let params = pieces
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
                .collect();
            Some(Member { name, params })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_700_000_000)
    }

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    fn one(pairs: &[(&str, &str)]) -> Signals {
        parse(&h(pairs), None, now())
    }

    #[test]
    fn shopify_call_limit() {
        let s = one(&[("X-Shopify-Shop-Api-Call-Limit", "32/40")]);
        assert_eq!(s.dialects, vec![SHOPIFY]);
        assert_eq!(s.quotas[0].used_of(), Some((32.0, 40.0)));
        for bad in ["32", "a/b", "32/0", "/40", "-1/40"] {
            let s = one(&[("x-shopify-shop-api-call-limit", bad)]);
            assert!(s.quotas.is_empty(), "{bad}");
            assert_eq!(s.problems.len(), 1, "{bad}");
        }
    }

    #[test]
    fn x_ratelimit_with_epoch_and_delta_resets() {
        let s = one(&[
            ("X-RateLimit-Limit", "5000"),
            ("X-RateLimit-Remaining", "4990"),
            ("X-RateLimit-Used", "10"),
            ("X-RateLimit-Reset", "1700000600"),
            ("X-RateLimit-Resource", "core"),
        ]);
        let q = &s.quotas[0];
        assert_eq!(q.used_of(), Some((10.0, 5000.0)));
        assert_eq!(q.name.as_deref(), Some("core"));
        let r = q.reset.as_ref().unwrap();
        assert_eq!(
            (r.after, r.read_as),
            (Duration::from_secs(600), "epoch seconds")
        );
        let s = one(&[("X-RateLimit-Limit", "60"), ("X-RateLimit-Reset", "42")]);
        let r = s.quotas[0].reset.as_ref().unwrap();
        assert_eq!(
            (r.after, r.read_as),
            (Duration::from_secs(42), "seconds from now")
        );
        let s = one(&[("X-RateLimit-Reset", "1700000001000")]);
        let r = s.quotas[0].reset.as_ref().unwrap();
        assert_eq!(
            (r.after, r.read_as),
            (Duration::from_secs(1), "epoch milliseconds")
        );
        let s = one(&[
            ("X-RateLimit-Remaining", "lots"),
            ("X-RateLimit-Reset", "-5"),
        ]);
        assert_eq!(s.problems.len(), 2);
        assert_eq!(s.quotas[0].remaining, None);
    }

    #[test]
    fn ietf_current_draft_quoted_unquoted_and_several_policies() {
        let s = one(&[
            (
                "RateLimit-Policy",
                r#""burst";q=10;w=1, "daily";q=1000;w=86400"#,
            ),
            ("RateLimit", r#""burst";r=0;t=1, daily;r=900;t=3600"#),
        ]);
        assert_eq!(s.dialects, vec![IETF]);
        assert_eq!(s.quotas.len(), 2);
        assert_eq!(s.quotas[0].name.as_deref(), Some("burst"));
        assert_eq!(s.quotas[0].used_of(), Some((10.0, 10.0)));
        assert_eq!(s.quotas[0].window, Some(Duration::from_secs(1)));
        assert_eq!(s.quotas[1].used_of(), Some((100.0, 1000.0)));
        assert_eq!(
            s.quotas[1].reset.as_ref().unwrap().after,
            Duration::from_secs(3600)
        );
        assert_eq!(s.tightest().unwrap().name.as_deref(), Some("burst"));
        let s = one(&[
            ("RateLimit-Policy", "default;q=100;w=60"),
            ("RateLimit", "default;r=50;t=30"),
        ]);
        assert_eq!(s.quotas[0].used_of(), Some((50.0, 100.0)));
        let s = one(&[("RateLimit", ";;,,")]);
        assert_eq!(s.problems.len(), 1);
    }

    #[test]
    fn ietf_older_trio_and_combined_field() {
        let s = one(&[
            ("RateLimit-Limit", "100, 100;w=60"),
            ("RateLimit-Remaining", "20"),
            ("RateLimit-Reset", "15"),
        ]);
        assert_eq!(s.dialects, vec![IETF_OLD]);
        let q = &s.quotas[0];
        assert_eq!(q.used_of(), Some((80.0, 100.0)));
        assert_eq!(q.window, Some(Duration::from_secs(60)));
        let s = one(&[("RateLimit", "limit=100, remaining=0, reset=5")]);
        assert_eq!(s.dialects, vec![IETF_OLD]);
        assert_eq!(s.quotas[0].used_of(), Some((100.0, 100.0)));
        let s = one(&[("RateLimit-Remaining", "x")]);
        assert_eq!(s.problems, vec!["RateLimit-Remaining: not a number"]);
    }

    #[test]
    fn retry_after_seconds_fraction_and_date() {
        assert_eq!(
            retry_after("120", now()).unwrap().wait,
            Duration::from_secs(120)
        );
        assert_eq!(
            retry_after("2.5", now()).unwrap().wait,
            Duration::from_millis(2500)
        );
        let date = httpdate::fmt_http_date(now() + Duration::from_secs(90));
        let r = retry_after(&date, now()).unwrap();
        assert_eq!((r.wait, r.form), (Duration::from_secs(90), "HTTP date"));
        let past = httpdate::fmt_http_date(now() - Duration::from_secs(90));
        assert_eq!(retry_after(&past, now()).unwrap().wait, Duration::ZERO);
        for bad in ["", "-1", "soon", "1e3", "99999999999", "Mon, 32 Foo 2020"] {
            assert_eq!(retry_after(bad, now()), None, "{bad}");
        }
        let s = one(&[("Retry-After", "later")]);
        assert_eq!(s.dialects, vec![RETRY_AFTER]);
        assert_eq!(s.problems.len(), 1);
    }

    #[test]
    fn stripe_should_retry() {
        assert_eq!(
            one(&[("Stripe-Should-Retry", "false")]).should_retry,
            Some(false)
        );
        assert_eq!(
            one(&[("stripe-should-retry", "TRUE")]).should_retry,
            Some(true)
        );
        assert_eq!(one(&[("Stripe-Should-Retry", "maybe")]).problems.len(), 1);
    }

    #[test]
    fn body_policy_and_graphql_cost() {
        let s = parse(
            &[],
            Some(br#"{"error":"rate_limited","policy":"read:60/1m"}"#),
            now(),
        );
        let q = &s.quotas[0];
        assert_eq!(q.name.as_deref(), Some("read"));
        assert_eq!(q.limit, Some(60.0));
        assert_eq!(q.window, Some(Duration::from_secs(60)));
        let s = parse(&[], Some(br#"{"error":{"policy":"write:10/s"}}"#), now());
        assert_eq!(s.quotas[0].window, Some(Duration::from_secs(1)));
        let s = parse(&[], Some(br#"{"policy":"nonsense"}"#), now());
        assert_eq!(s.problems.len(), 1);
        let body = br#"{"errors":[{"message":"Throttled"}],"extensions":{"cost":{"requestedQueryCost":101,"throttleStatus":{"maximumAvailable":1000.0,"currentlyAvailable":50,"restoreRate":50.0}}}}"#;
        let s = parse(&[], Some(body), now());
        assert!(s.throttled);
        assert_eq!(s.dialects, vec![GRAPHQL]);
        assert_eq!(s.quotas[0].used_of(), Some((950.0, 1000.0)));
        assert_eq!(s.quotas[0].restore_rate, Some(50.0));
        assert_eq!(parse(&[], Some(b"not json"), now()), Signals::default());
    }

    #[test]
    fn go_durations_as_openai_sends_them() {
        for (v, ms) in [
            ("120ms", 120),
            ("1s", 1000),
            ("1m30s", 90_000),
            ("6m0s", 360_000),
            ("7.66s", 7660),
            ("1h2m", 3_720_000),
        ] {
            assert_eq!(go_duration(v), Some(Duration::from_millis(ms)), "{v}");
        }
        for bad in ["", "5", "1x", "m", "-1s", "1s2"] {
            assert_eq!(go_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn resets_by_dialect_iso_http_date_and_unix_time_in_a_delta_field() {
        let s = one(&[("X-RateLimit-Reset", "2023-11-14T22:18:20.000000Z")]);
        let r = s.quotas[0].reset.as_ref().unwrap();
        assert_eq!(
            (r.after, r.read_as),
            (Duration::from_secs(300), "ISO 8601 time")
        );
        let date = httpdate::fmt_http_date(now() + Duration::from_secs(30));
        let s = one(&[("X-RateLimit-Reset", date.as_str())]);
        assert_eq!(s.quotas[0].reset.as_ref().unwrap().read_as, "HTTP date");
        // GitLab's RateLimit-Reset is a Unix time, not seconds from now.
        let s = one(&[("RateLimit-Limit", "60"), ("RateLimit-Reset", "1700003600")]);
        let r = s.quotas[0].reset.as_ref().unwrap();
        assert_eq!(
            (r.after, r.read_as),
            (Duration::from_secs(3600), "epoch seconds")
        );
        // An old capture: the reset is kept as that time.
        let s = one(&[("X-Rate-Limit-Reset", "1600000000")]);
        let r = s.quotas[0].reset.as_ref().unwrap();
        assert!(r.past && r.after.is_zero());
        assert_eq!(r.at, UNIX_EPOCH + Duration::from_secs(1_600_000_000));
        assert_eq!(one(&[("X-RateLimit-Reset", "soon")]).problems.len(), 1);
    }

    #[test]
    fn provider_dialects_read_their_counts() {
        let s = one(&[("x-ratelimit-used", "4"), ("x-ratelimit-remaining", "96.0")]);
        assert_eq!(s.quotas[0].used_of(), Some((4.0, 100.0)));
        let s = one(&[("Sforce-Limit-Info", "api-usage=18/5000")]);
        assert_eq!(s.dialects, vec![SALESFORCE]);
        assert_eq!(s.quotas[0].used_of(), Some((18.0, 5000.0)));
        assert_eq!(one(&[("Sforce-Limit-Info", "nonsense")]).problems.len(), 1);
        let s = one(&[
            ("X-HubSpot-RateLimit-Max", "110"),
            ("X-HubSpot-RateLimit-Remaining", "0"),
            ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
        ]);
        assert_eq!(s.quotas[0].window, Some(Duration::from_secs(10)));
        assert!(s.quotas[0].spent());
        let s = one(&[("X-Rate-Limit", "700"), ("X-Rate-Limit-Remaining", "699")]);
        assert_eq!(s.dialects, vec![X_RATE_LIMIT]);
        assert_eq!(s.quotas[0].used_of(), Some((1.0, 700.0)));
        let s = one(&[("X-Rate-Limit-Limit", "0"), ("X-Rate-Limit-Remaining", "0")]);
        assert!(s.quotas[0].concurrency && s.quotas[0].spent());
        let s = one(&[
            ("x-ratelimit-limit-tokens", "150000"),
            ("x-ratelimit-remaining-tokens", "0"),
            ("x-ratelimit-reset-tokens", "6m0s"),
        ]);
        assert_eq!(s.dialects, vec![OPENAI]);
        assert_eq!(
            s.quotas[0].reset.as_ref().unwrap().after,
            Duration::from_secs(360)
        );
        let s = one(&[
            ("RateLimit-Policy", "100;w=60"),
            ("RateLimit", "limit=100, remaining=50, reset=30"),
        ]);
        assert_eq!(s.dialects, vec![IETF_OLD]);
        assert_eq!(s.quotas[0].window, Some(Duration::from_secs(60)));
        let body =
            br#"{"message":"You are being rate limited.","retry_after":64.57,"global":true}"#;
        let s = parse(&[], Some(body), now());
        assert_eq!(s.body_retry_after, Some(Duration::from_millis(64_570)));
        assert!(s.body_says_limited && !s.secondary_limit);
        let cost = Cost {
            requested: 752.0,
            available: 552.0,
            restore_rate: 50.0,
        };
        assert_eq!(cost.wait(), Some(Duration::from_secs(4)));
    }

    #[test]
    fn nothing_known_is_nothing_found() {
        let s = one(&[("Content-Type", "text/plain")]);
        assert!(s.dialects.is_empty() && s.quotas.is_empty());
    }

    proptest! {
        #[test]
        fn parsers_never_panic(
            pairs in proptest::collection::vec(
                (prop_oneof![
                    Just("X-Shopify-Shop-Api-Call-Limit".to_string()),
                    Just("X-RateLimit-Reset".to_string()),
                    Just("X-RateLimit-Limit".to_string()),
                    Just("RateLimit-Policy".to_string()),
                    Just("RateLimit".to_string()),
                    Just("RateLimit-Limit".to_string()),
                    Just("RateLimit-Reset".to_string()),
                    Just("Retry-After".to_string()),
                    Just("Stripe-Should-Retry".to_string()),
                    ".*",
                ], ".*"),
                0..8,
            ),
            body in proptest::collection::vec(any::<u8>(), 0..64),
            policy in ".*",
            secs_epoch in any::<u64>(),
        ) {
            let now = UNIX_EPOCH + Duration::from_secs(secs_epoch % 10_000_000_000);
            let s = parse(&pairs, Some(&body), now);
            let _ = s.tightest();
            let _ = body_policy(&policy);
            let _ = retry_after(&policy, now);
            let json = format!(r#"{{"policy":{policy:?}}}"#);
            let _ = parse(&pairs, Some(json.as_bytes()), now);
        }

        /// Values made of what these headers hold (digits, dots, huge
        /// numbers, parameters, quotes, dates) reach every numeric branch.
        #[test]
        fn number_shaped_values_never_panic(
            pairs in proptest::collection::vec(
                (prop::sample::select(vec![
                    "X-Shopify-Shop-Api-Call-Limit", "X-RateLimit-Reset", "X-RateLimit-Limit",
                    "X-RateLimit-Remaining", "X-RateLimit-Used", "RateLimit-Policy", "RateLimit",
                    "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After",
                    "Stripe-Should-Retry", "X-Rate-Limit-Reset", "X-Rate-Limit", "Sforce-Limit-Info",
                    "x-ratelimit-reset-tokens", "X-HubSpot-RateLimit-Max", "X-RateLimit-Reset-After",
                ]), "[0-9.;=,/ qrtwmshTZ:\\-\"a-z]{0,30}|[0-9]{10,400}|[0-9]{1,5}\\.[0-9]{1,400}"),
                0..8,
            ),
            body in r#"\{("policy":"[a-z]{0,4}:[0-9]{0,25}/[0-9]{0,25}[a-z]{0,6}"|"extensions":\{"cost":\{"throttleStatus":\{"maximumAvailable":[0-9e.-]{1,12}\}\}\}|"errors":\[\{"message":"Throttled"\}\])?\}"#,
        ) {
            let pairs: Vec<(String, String)> =
                pairs.into_iter().map(|(n, v)| (n.to_string(), v)).collect();
            let s = parse(&pairs, Some(body.as_bytes()), now());
            let _ = s.tightest();
            for q in &s.quotas {
                let _ = q.used_of();
            }
        }

        /// format→parse: Shopify's `used/limit`.
        #[test]
        fn shopify_round_trips(limit in 1u32..100_000, used_of in 0u32..=100) {
            let used = u64::from(limit) * u64::from(used_of) / 100;
            let s = one(&[(SHOPIFY, &format!("{used}/{limit}"))]);
            prop_assert!(s.problems.is_empty());
            prop_assert_eq!(s.quotas[0].used, Some(used as f64));
            prop_assert_eq!(s.quotas[0].limit, Some(f64::from(limit)));
            prop_assert_eq!(s.quotas[0].remaining, Some(f64::from(limit) - used as f64));
        }

        /// format→parse: Retry-After as seconds and as an HTTP date.
        #[test]
        fn retry_after_round_trips(n in 0u64..=(MAX_RETRY_AFTER as u64)) {
            let wait = Duration::from_secs(n);
            let r = retry_after(&n.to_string(), now()).unwrap();
            prop_assert_eq!((r.wait, r.form), (wait, "seconds"));
            let r = retry_after(&httpdate::fmt_http_date(now() + wait), now()).unwrap();
            prop_assert_eq!((r.wait, r.form), (wait, "HTTP date"));
        }

        /// format→parse: a body policy `name:count/window`.
        #[test]
        fn body_policy_round_trips(name in "[a-z_]{0,8}", count in 0u32..1_000_000, n in 1u64..1000, unit in prop::sample::select(vec![("s", 1u64), ("m", 60), ("h", 3600), ("d", 86_400)])) {
            let q = body_policy(&format!("{name}:{count}/{n}{}", unit.0)).unwrap();
            prop_assert_eq!(q.name, (!name.is_empty()).then_some(name));
            prop_assert_eq!(q.limit, Some(f64::from(count)));
            prop_assert_eq!(q.window, Some(Duration::from_secs(n * unit.1)));
        }
    }
}
