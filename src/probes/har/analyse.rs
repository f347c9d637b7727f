//! What one pass over the entries finds, kept small: counts, groups and
//! the few slowest requests, never the entries themselves.

use super::model::{Entry, Pair};
use super::secrets::Found;
use crate::catalog;
use crate::facts::ratelimit as headers;
use crate::facts::webhook::{self, Provider};
use crate::redact;
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, SystemTime};

/// Requests listed per finding.
pub const TOP: usize = 5;
/// Groups kept per check; more are counted, not listed.
pub const MAX_GROUPS: usize = 200;
/// Most of an error body read for the provider's message.
const MAX_ERROR_BODY: usize = 256 * 1024;

/// One group of failed requests: the same method, host, path shape and
/// status.
#[derive(Debug, Default)]
pub struct Failed {
    pub count: usize,
    pub example: String,
    /// The provider's own code and message, from the first body that had
    /// one (already redacted).
    pub provider: Option<(String, String)>,
}

/// Why a request got no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    Extension,
    Cors,
    MixedContent,
    Dns,
    Tls,
    Connection,
    Policy,
    NoAnswer,
}

impl Cause {
    pub fn name(self) -> &'static str {
        match self {
            Cause::Extension => "blocked by an extension or ad blocker",
            Cause::Cors => "CORS",
            Cause::MixedContent => "mixed content",
            Cause::Dns => "DNS",
            Cause::Tls => "TLS",
            Cause::Connection => "connection",
            Cause::Policy => "blocked by a response policy",
            Cause::NoAnswer => "no answer recorded",
        }
    }

    pub fn remedy(self, host: &str, origin: &str) -> String {
        match self {
            Cause::Extension => format!("An extension in the browser (an ad or tracker blocker, a privacy tool) blocked {host}: disable it for this site or allow {host} in it, then try again; payment scripts such as Stripe.js must load from js.stripe.com itself, so a blocked one stops checkout for that visitor only."),
            Cause::Cors => format!("The browser refused the answer from {host} to a script on {origin}: the server must answer the preflight (OPTIONS) with 2xx and Access-Control-Allow-Origin: {origin} (plus Allow-Methods and Allow-Headers for what the request sends); plumb endpoint URL --origin {origin} shows what it answers. A provider's secret-key API is not meant to be called from a browser: call it from your server."),
            Cause::MixedContent => format!("An https page loaded http://{host}: browsers block or upgrade such requests; load it over https (fix the URL in the page, theme or plugin settings, e.g. WordPress's site URL)."),
            Cause::Dns => format!("{} (the name was {host})", catalog::NAME_DID_NOT_RESOLVE),
            Cause::Tls => format!("The browser refused {host}'s certificate or TLS setup: plumb tls {host} names the cause (expiry, name mismatch, missing intermediate, interception)."),
            Cause::Connection => format!("The connection to {host} failed or was cut: plumb endpoint https://{host}/ shows which phase fails; a firewall, a proxy or a down server are the usual causes."),
            Cause::Policy => format!("{host}'s answer was blocked by a browser policy (ORB/CORB, Cross-Origin-Resource-Policy, or a blocked content type): serve it with the right Content-Type and a Cross-Origin-Resource-Policy that allows {origin}."),
            Cause::NoAnswer => format!("The request to {host} ended without any answer in the file: an extension, a proxy or the browser itself stopped it; open the browser's console for the reason."),
        }
    }
}

#[derive(Debug, Default)]
pub struct Blocked {
    pub count: usize,
    pub example: String,
    pub error: String,
    pub origin: String,
}

/// One slow request with its phases.
#[derive(Debug, Clone)]
pub struct Slow {
    pub url: String,
    pub host: String,
    pub total_ms: f64,
    pub phases: Vec<(&'static str, f64)>,
    pub deadline: Duration,
    pub provider: &'static str,
}

#[derive(Debug, Default)]
pub struct Limits {
    pub responses: usize,
    pub dialects: Vec<&'static str>,
    /// Highest share of a quota used, with its source and figures.
    pub tightest: Option<(f64, &'static str, f64, f64)>,
    pub spent: usize,
}

#[derive(Debug)]
pub struct Limited {
    pub url: String,
    pub host: String,
    pub retry_after: Option<(Duration, &'static str)>,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub entries: usize,
    pub answered: usize,
    pub aborted: usize,
    pub failed: BTreeMap<(String, String, String, u16), Failed>,
    pub failed_total: usize,
    pub blocked: BTreeMap<(Cause, String), Blocked>,
    pub blocked_total: usize,
    pub slowest: Vec<Slow>,
    pub over_deadline: usize,
    pub over_half: usize,
    pub limits: BTreeMap<String, Limits>,
    pub limited: Vec<Limited>,
    pub limited_total: usize,
    pub found: Found,
    /// Whether each page (by its id) was loaded over https, from its
    /// first request.
    pages: HashMap<String, bool>,
}

/// What a URL is made of, as the report shows it: no user info, no query.
pub struct Place {
    pub scheme: String,
    pub host: String,
    pub origin: String,
    pub path: String,
    pub shown: String,
}

pub fn place(raw: &str) -> Place {
    match url::Url::parse(raw) {
        Ok(u) => {
            let host = u.host_str().unwrap_or_default().to_string();
            let port = u.port().map(|p| format!(":{p}")).unwrap_or_default();
            let origin = format!("{}://{host}{port}", u.scheme());
            Place {
                scheme: u.scheme().to_string(),
                shown: format!("{origin}{}", u.path()),
                path: u.path().to_string(),
                origin,
                host,
            }
        }
        Err(_) => {
            let cut = raw.find(['?', '#']).unwrap_or(raw.len());
            Place {
                scheme: String::new(),
                host: String::new(),
                origin: String::new(),
                path: raw[..cut].to_string(),
                shown: crate::escape::shorten(&raw[..cut], 200),
            }
        }
    }
}

/// A path with its ids taken out, so `/v1/customers/cus_123/…` and
/// `/v1/customers/cus_456/…` group together.
pub fn path_shape(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            let digits = seg.bytes().filter(u8::is_ascii_digit).count();
            if !seg.is_empty() && (digits == seg.len() || (digits > 0 && seg.len() >= 8)) {
                "{id}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn header<'a>(headers: &'a [Pair], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|p| p.name.trim().eq_ignore_ascii_case(name))
        .map(|p| p.value.trim())
}

/// The provider a host belongs to, by the names plumb knows, for its
/// deadline (docs/providers.md, "Delivery deadlines and retries").
fn provider_of(host: &str) -> Option<(Provider, &'static str)> {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let under = |d: &str| h == d || h.ends_with(&format!(".{d}"));
    if under("stripe.com") || under("stripe.network") {
        Some((Provider::Stripe, "Stripe"))
    } else if under("myshopify.com") || under("shopify.com") {
        Some((Provider::Shopify, "Shopify"))
    } else if under("mailchimp.com") || under("list-manage.com") || under("mandrillapp.com") {
        Some((Provider::Mandrill, "Mailchimp"))
    } else if under("slack.com") {
        Some((Provider::Slack, "Slack"))
    } else if under("github.com") {
        Some((Provider::Github, "GitHub"))
    } else {
        None
    }
}

/// The deadline a request is judged by when plumb knows no provider for
/// its host: `endpoint --deadline`'s default.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(10);

/// The body of a response as text, decoded from base64 when the HAR says
/// so; `None` when absent or not text.
pub fn body_text(text: &str, encoding: &str) -> Option<String> {
    if text.is_empty() {
        return None;
    }
    if encoding.eq_ignore_ascii_case("base64") {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .ok()?;
        return String::from_utf8(bytes).ok();
    }
    Some(text.to_string())
}

/// The provider's own error code and message in a JSON error body:
/// Stripe's `error.code`/`error.message`, Shopify's `errors`, Mailchimp's
/// `title`/`detail`, and the common `error`/`message` fields.
pub fn provider_error(body: &str) -> Option<(String, String)> {
    use serde_json::Value;
    if body.len() > MAX_ERROR_BODY {
        return None;
    }
    let v: Value = serde_json::from_str(body.trim()).ok()?;
    let s = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    };
    let found = if let Some(err @ Value::Object(_)) = v.get("error") {
        // Stripe: {"error": {"type", "code", "decline_code", "message"}}
        let code = s(err.get("code"))
            .or_else(|| s(err.get("decline_code")))
            .or_else(|| s(err.get("type")))
            .unwrap_or_default();
        Some((code, s(err.get("message")).unwrap_or_default()))
    } else if let Some(errors) = v.get("errors") {
        // Shopify: "errors" as a string, a list or an object of lists.
        let text = match errors {
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|i| {
                    s(i.get("message"))
                        .or_else(|| i.as_str().map(str::to_string))
                        .unwrap_or_else(|| i.to_string())
                })
                .collect::<Vec<_>>()
                .join("; "),
            other => other.to_string(),
        };
        Some((String::new(), text))
    } else if v.get("title").is_some() && v.get("detail").is_some() {
        // Mailchimp: {"type", "title", "status", "detail", "instance"}
        Some((
            s(v.get("title")).unwrap_or_default(),
            s(v.get("detail")).unwrap_or_default(),
        ))
    } else if let Some(code) = s(v.get("error")) {
        Some((
            code,
            s(v.get("error_description"))
                .or_else(|| s(v.get("message")))
                .unwrap_or_default(),
        ))
    } else {
        s(v.get("message")).map(|m| (s(v.get("code")).unwrap_or_default(), m))
    }?;
    if found.0.is_empty() && found.1.is_empty() {
        return None;
    }
    let clean = |t: &str| crate::escape::shorten(&redact::text(t), 300);
    Some((clean(&found.0), clean(&found.1)))
}

/// The catalogue entry that explains a failure: the provider's code when
/// the catalogue knows it, else the status.
pub fn explanation(status: u16, code: Option<&str>) -> Option<&'static catalog::Entry> {
    if let Some(code) = code.filter(|c| !c.is_empty()) {
        if let catalog::Lookup::Found {
            entry, exact: true, ..
        } = catalog::lookup(code)
        {
            return Some(entry);
        }
    }
    catalog::by_id(&format!("http.{status}"))
}

/// What a Chrome (or other) `_error` says, as a cause.
fn cause_of_error(error: &str) -> Option<Cause> {
    let e = error.to_ascii_uppercase();
    if e.is_empty() {
        return None;
    }
    Some(
        if e.contains("ERR_BLOCKED_BY_CLIENT") || e.contains("ERR_BLOCKED_BY_ADMINISTRATOR") {
            Cause::Extension
        } else if e.contains("CORS") {
            Cause::Cors
        } else if e.contains("MIXED") {
            Cause::MixedContent
        } else if e.contains("ERR_NAME_NOT_RESOLVED")
            || e.contains("ERR_NAME_RESOLUTION_FAILED")
            || e.contains("DNS")
        {
            Cause::Dns
        } else if e.contains("ERR_CERT_")
            || e.contains("ERR_SSL_")
            || e.contains("ERR_BAD_SSL")
            || e.contains("SEC_ERROR_")
            || e.contains("SSL_ERROR_")
        {
            Cause::Tls
        } else if e.contains("ERR_BLOCKED_BY_RESPONSE")
            || e.contains("ERR_BLOCKED_BY_ORB")
            || e.contains("ERR_BLOCKED_BY_CSP")
        {
            Cause::Policy
        } else if e.contains("ERR_CONNECTION")
            || e.contains("ERR_TIMED_OUT")
            || e.contains("ERR_ADDRESS_UNREACHABLE")
            || e.contains("ERR_INTERNET_DISCONNECTED")
            || e.contains("ERR_EMPTY_RESPONSE")
            || e.contains("ERR_PROXY")
            || e.contains("ERR_TUNNEL")
            || e.contains("NS_ERROR_NET")
            || e.contains("NS_ERROR_CONNECTION")
        {
            Cause::Connection
        } else {
            Cause::NoAnswer
        },
    )
}

fn is_aborted(error: &str) -> bool {
    let e = error.to_ascii_uppercase();
    e.contains("ERR_ABORTED") || e.contains("NS_BINDING_ABORTED")
}

/// A preflight's answer that does not allow the request it asks about,
/// with what is missing.
fn preflight_refused(entry: &Entry) -> Option<String> {
    let req = &entry.request;
    if !req.method.eq_ignore_ascii_case("OPTIONS") {
        return None;
    }
    let asked_method = header(&req.headers, "access-control-request-method")?;
    let status = entry.response.status;
    if status <= 0.0 {
        return None;
    }
    let res = &entry.response.headers;
    if !(200.0..300.0).contains(&status) {
        return Some(format!(
            "the preflight was answered {status} (it needs a 2xx)"
        ));
    }
    let origin = header(&req.headers, "origin").unwrap_or("");
    match header(res, "access-control-allow-origin") {
        None => return Some("the preflight's answer has no Access-Control-Allow-Origin".into()),
        Some(v) if v != "*" && !v.eq_ignore_ascii_case(origin) => {
            return Some(format!(
                "Access-Control-Allow-Origin is {} but the page's origin is {origin}",
                crate::escape::shorten(v, 100)
            ))
        }
        _ => {}
    }
    let simple = ["GET", "HEAD", "POST"];
    if !simple.iter().any(|m| m.eq_ignore_ascii_case(asked_method)) {
        let allowed = header(res, "access-control-allow-methods").unwrap_or("");
        if !allowed
            .split(',')
            .any(|m| m.trim() == "*" || m.trim().eq_ignore_ascii_case(asked_method))
        {
            return Some(format!(
                "Access-Control-Allow-Methods does not list {asked_method}"
            ));
        }
    }
    if let Some(asked) = header(&req.headers, "access-control-request-headers") {
        let allowed = header(res, "access-control-allow-headers").unwrap_or("");
        let allowed: Vec<String> = allowed
            .split(',')
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let missing: Vec<&str> = asked
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .filter(|h| {
                !allowed
                    .iter()
                    .any(|a| a == "*" || a.eq_ignore_ascii_case(h))
            })
            .collect();
        if !missing.is_empty() {
            return Some(format!(
                "Access-Control-Allow-Headers does not list {}",
                missing.join(", ")
            ));
        }
    }
    None
}

impl Tally {
    pub fn add(&mut self, entry: &Entry, fallback_now: SystemTime) {
        self.entries += 1;
        let p = place(&entry.request.url);
        let status = entry.response.status;
        let error = if entry.response.error.is_empty() {
            entry.error.as_str()
        } else {
            entry.response.error.as_str()
        };
        let https = p.scheme == "https";
        if !entry.pageref.is_empty() {
            self.pages.entry(entry.pageref.clone()).or_insert(https);
        }
        let page_https = self.pages.get(&entry.pageref).copied().unwrap_or(false)
            || header(&entry.request.headers, "referer").is_some_and(|r| r.starts_with("https://"));
        let origin = header(&entry.request.headers, "origin")
            .map(str::to_string)
            .or_else(|| header(&entry.request.headers, "referer").map(|r| place(r).origin))
            .unwrap_or_default();
        self.found.scan_entry(entry, &p.host);

        let answered = status >= 100.0 && error.is_empty();
        if answered {
            self.answered += 1;
        }
        // Blocked and unanswered requests.
        let mut cause = None;
        if is_aborted(error) {
            self.aborted += 1;
        } else if let Some(c) = cause_of_error(error) {
            cause = Some(c);
        } else if !entry.blocked_reason.is_empty() {
            cause = Some(
                cause_of_error(&entry.blocked_reason)
                    .filter(|c| *c != Cause::NoAnswer)
                    .unwrap_or(Cause::Extension),
            );
        } else if status < 100.0 && !entry.request.method.is_empty() {
            cause = Some(Cause::NoAnswer);
        }
        let mixed =
            p.scheme == "http" && page_https && !crate::net::target::is_loopback_host(&p.host);
        if mixed && matches!(cause, None | Some(Cause::NoAnswer | Cause::Extension)) {
            cause = Some(Cause::MixedContent);
        }
        let mut cors_reason = preflight_refused(entry);
        if cors_reason.is_none() && answered && !origin.is_empty() && origin != p.origin {
            let mode = header(&entry.request.headers, "sec-fetch-mode").unwrap_or("");
            let rt = entry.resource_type.to_ascii_lowercase();
            let scripted = mode.eq_ignore_ascii_case("cors") || rt == "fetch" || rt == "xhr";
            if scripted
                && header(&entry.request.headers, "origin").is_some()
                && header(&entry.response.headers, "access-control-allow-origin").is_none()
                && !entry.request.method.eq_ignore_ascii_case("OPTIONS")
            {
                cors_reason = Some("the answer has no Access-Control-Allow-Origin".into());
            }
        }
        // Chrome records a request its CORS check refused (the preflight
        // or the answer) as status 0 with net::ERR_FAILED.
        let rt = entry.resource_type.to_ascii_lowercase();
        let scripted = rt == "fetch"
            || rt == "xhr"
            || header(&entry.request.headers, "sec-fetch-mode")
                .is_some_and(|m| m.eq_ignore_ascii_case("cors"));
        if cause == Some(Cause::NoAnswer)
            && error.eq_ignore_ascii_case("net::ERR_FAILED")
            && scripted
            && !origin.is_empty()
            && origin != p.origin
        {
            cors_reason = Some(format!(
                "net::ERR_FAILED on a cross-origin request from {origin}: how Chrome records a request its CORS check refused"
            ));
        }
        if cors_reason.is_some() && !matches!(cause, Some(Cause::MixedContent)) {
            cause = Some(Cause::Cors);
        }
        if let Some(cause) = cause {
            self.blocked_total += 1;
            let key = (cause, p.host.clone());
            if self.blocked.len() < MAX_GROUPS || self.blocked.contains_key(&key) {
                let b = self.blocked.entry(key).or_default();
                b.count += 1;
                if b.example.is_empty() {
                    b.example = format!("{} {}", entry.request.method, p.shown);
                    b.error = cors_reason.clone().unwrap_or_else(|| redact::text(error));
                    b.origin = origin.clone();
                }
            }
        }

        // Failed requests.
        if (400.0..600.0).contains(&status) {
            self.failed_total += 1;
            let code = status as u16;
            let key = (
                p.host.clone(),
                entry.request.method.to_ascii_uppercase(),
                path_shape(&p.path),
                code,
            );
            if self.failed.len() < MAX_GROUPS || self.failed.contains_key(&key) {
                let f = self.failed.entry(key).or_default();
                f.count += 1;
                if f.example.is_empty() {
                    f.example = p.shown.clone();
                }
                if f.provider.is_none() {
                    let c = &entry.response.content;
                    f.provider = body_text(&c.text, &c.encoding)
                        .as_deref()
                        .and_then(provider_error);
                }
            }
        }

        // Timing.
        if answered {
            let phases = entry.timings.phases();
            let total = if entry.time >= 0.0 {
                entry.time
            } else {
                phases.iter().map(|(_, ms)| ms).sum()
            };
            let (deadline, provider) = match provider_of(&p.host) {
                Some((prov, name)) => (webhook::deadline(prov), name),
                None => (DEFAULT_DEADLINE, ""),
            };
            let ms = deadline.as_secs_f64() * 1000.0;
            if total > ms {
                self.over_deadline += 1;
            } else if total > ms / 2.0 {
                self.over_half += 1;
            }
            let slow = Slow {
                url: format!("{} {}", entry.request.method, p.shown),
                host: p.host.clone(),
                total_ms: total,
                phases,
                deadline,
                provider,
            };
            let at = self
                .slowest
                .partition_point(|s| s.total_ms >= slow.total_ms);
            if at < TOP {
                self.slowest.insert(at, slow);
                self.slowest.truncate(TOP);
            }
        }

        // Rate limits.
        if answered {
            let pairs: Vec<(String, String)> = entry
                .response
                .headers
                .iter()
                .map(|h| (h.name.clone(), h.value.clone()))
                .collect();
            let now = jiff_time(&entry.started).unwrap_or(fallback_now);
            let c = &entry.response.content;
            let body = if status >= 400.0 {
                body_text(&c.text, &c.encoding).filter(|b| b.len() <= MAX_ERROR_BODY)
            } else {
                None
            };
            let signals = headers::parse(&pairs, body.as_deref().map(str::as_bytes), now);
            if !signals.dialects.is_empty() {
                let host_limits = self.limits.entry(p.host.clone()).or_default();
                host_limits.responses += 1;
                for d in &signals.dialects {
                    if !host_limits.dialects.contains(d) {
                        host_limits.dialects.push(d);
                    }
                }
                if let Some(q) = signals.tightest() {
                    if let Some((used, limit)) = q.used_of() {
                        let share = used / limit;
                        if host_limits.tightest.is_none_or(|t| share > t.0) {
                            host_limits.tightest = Some((share, q.source, used, limit));
                        }
                    }
                }
                if signals.quotas.iter().any(headers::Quota::spent) {
                    host_limits.spent += 1;
                }
            }
            if status as u16 == 429 {
                self.limited_total += 1;
                if self.limited.len() < TOP {
                    self.limited.push(Limited {
                        url: format!("{} {}", entry.request.method, p.shown),
                        host: p.host.clone(),
                        retry_after: signals.retry_after.map(|r| (r.wait, r.form)),
                    });
                }
            }
        }
    }
}

fn jiff_time(s: &str) -> Option<SystemTime> {
    let ts: jiff::Timestamp = s.trim().parse().ok()?;
    let secs = u64::try_from(ts.as_second()).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(secs))
}
