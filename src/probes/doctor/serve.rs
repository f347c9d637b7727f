//! `plumb serve`: doctor's entries on demand over HTTP, in the manner of
//! Prometheus' blackbox_exporter. `/probe?check=NAME` runs one entry of the
//! config now and answers its report in the Prometheus format,
//! `/report?check=NAME` the same as JSON, `/metrics` the server's own
//! counters and `/-/healthy` a plain OK. A module (an entry whose line has
//! a `{target}` placeholder) runs for `&target=VALUE` once VALUE passed the
//! validator of the module's kind. Only what the config names can run:
//! the query string chooses an entry and, for a module, fills one argument
//! the config placed. Nothing is kept between probes but the counters.

use super::{entry_error, own_thread, Entry, DEADLINE_FACTOR, ENTRY_GRACE, TIMEOUT};
use crate::context::Ctx;
use crate::error::Result;
use crate::net::server::{self, Answer, Handler, Limits, Refusal, Request};
use crate::report::prometheus::{family, sample, CONTENT_TYPE};
use crate::report::{Def, Format, Report, Status};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::Semaphore;

pub const STOPPED: Def = Def {
    id: "serve.stopped",
    title: "Server",
    judges:
        "When plumb serve stops (a signal, or --max-time): how many probes it ran, as information.",
    remedies: &[],
};

/// Every check `serve` reports itself; a probe's checks are its entry's.
pub const ALL: &[&Def] = &[&STOPPED];

/// What a module's `{target}` must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A host name or address, with an optional port (`HOST[:PORT]`).
    Host,
    /// An http or https URL without user or password.
    Url,
    /// A Shopify store (`NAME`, `NAME.myshopify.com` or an admin URL),
    /// put in as `NAME.myshopify.com`.
    ShopifyStore,
}

impl TargetKind {
    pub const NAMES: &'static [&'static str] = &["host", "url", "shopify-store"];

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "host" => Some(TargetKind::Host),
            "url" => Some(TargetKind::Url),
            "shopify-store" => Some(TargetKind::ShopifyStore),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Host => "host",
            TargetKind::Url => "url",
            TargetKind::ShopifyStore => "shopify-store",
        }
    }

    /// A valid target of this kind, to check a module's line once at start.
    pub fn sample(self) -> &'static str {
        match self {
            TargetKind::Host => "example.com",
            TargetKind::Url => "https://example.com/",
            TargetKind::ShopifyStore => "example.myshopify.com",
        }
    }

    /// `value` as it is put into the module's line, or why it is not a
    /// target of this kind.
    pub fn validate(self, value: &str) -> std::result::Result<String, String> {
        let what = "target";
        match self {
            TargetKind::Host => {
                crate::net::target::parse_host_port(what, value, 443).map_err(|e| e.to_string())?;
                if value.starts_with('-') || value.chars().any(char::is_whitespace) {
                    return Err("target: not a host name".to_string());
                }
                Ok(value.to_string())
            }
            TargetKind::Url => {
                let url = crate::net::target::parse_url(what, value).map_err(|e| e.to_string())?;
                if !url.username().is_empty() || url.password().is_some() {
                    return Err("target: a URL with a user or password is refused".to_string());
                }
                Ok(url.to_string())
            }
            TargetKind::ShopifyStore => {
                crate::service::shopify_host(value).map_err(|e| e.replace("--store", "target"))
            }
        }
    }
}

/// The config's entries as `serve` sees them: names, and fresh entries
/// made on demand (an entry's work runs once, so each probe makes its own).
/// The command-line layer, which understands run lines, provides it.
pub trait Catalogue: Send + Sync + 'static {
    /// The names of the plain entries.
    fn names(&self) -> Vec<String>;
    /// The names of the modules.
    fn modules(&self) -> Vec<String>;
    /// A fresh entry, or `None` when no entry has that name.
    fn check(&self, name: &str) -> Option<std::result::Result<Entry, String>>;
    /// A module's kind of target, or `None` when no module has that name.
    fn module(&self, name: &str) -> Option<TargetKind>;
    /// A module's entry for a target already validated.
    fn module_entry(&self, name: &str, target: &str) -> Option<std::result::Result<Entry, String>>;
}

pub struct Options {
    pub listen: SocketAddr,
    /// Probes run at once; more are answered 503.
    pub max_probes: usize,
    pub catalogue: Arc<dyn Catalogue>,
    /// Renders a probe's report in a format (the app's renderer: a probe
    /// never renders by itself).
    pub render: Render,
}

/// A report rendered in `Format`, given the exit code it earns.
pub type Render = fn(&Report, Format, u8) -> String;

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("listen", &self.listen)
            .field("max_probes", &self.max_probes)
            .finish_non_exhaustive()
    }
}

/// Serves until SIGINT or SIGTERM (or the end of `--max-time`, when given),
/// then reports how many probes ran.
pub async fn run(options: Options, ctx: &Ctx) -> Result<Report> {
    let listener = server::bind(options.listen).await.map_err(|e| {
        crate::error::Error::usage(format!(
            "--listen {}: cannot listen there: {}",
            options.listen,
            crate::input::io_reason(&e)
        ))
    })?;
    let started = SystemTime::now();
    let shown = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_else(|_| options.listen.to_string());
    let state = Arc::new(Server {
        catalogue: options.catalogue,
        render: options.render,
        slots: Arc::new(Semaphore::new(options.max_probes.max(1))),
        timeout: ctx.timeout,
        ca_file: ctx.ca_file.clone(),
        in_flight: AtomicUsize::new(0),
        counters: Mutex::new(Counters::default()),
    });
    let limits = Limits {
        // Requests are GETs: no body worth reading.
        max_body: 0,
        max_header_bytes: 16 * 1024,
        max_connections: options.max_probes.max(1) + 64,
        request_timeout: Duration::from_secs(10),
        header_timeout: Duration::from_secs(10),
        // Each probe bounds itself (its --timeout × 3 and a grace); this
        // only catches a handler that would not.
        handler_timeout: Duration::from_secs(3600),
        grace: Duration::from_secs(5),
    };
    let deadline = tokio::time::Instant::from_std(ctx.deadline);
    server::serve(listener, limits, state.clone(), async move {
        tokio::select! {
            _ = stop_signal() => {}
            _ = tokio::time::sleep_until(deadline) => {}
        }
    })
    .await;
    let counters = state.counters.lock().map(|c| c.clone()).unwrap_or_default();
    let probes: u64 = counters.probes.values().sum();
    let mut report = Report::new("serve", shown.clone());
    report.started_at = started;
    report.push(
        STOPPED
            .info(format!("served on {shown}; {probes} probe(s) ran"))
            .detail("probes", probes)
            .detail("refused_busy", counters.busy),
    );
    Ok(report)
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

struct Server {
    catalogue: Arc<dyn Catalogue>,
    render: Render,
    slots: Arc<Semaphore>,
    timeout: Duration,
    ca_file: Option<std::path::PathBuf>,
    in_flight: AtomicUsize,
    counters: Mutex<Counters>,
}

/// The upper bounds of the probe duration histogram, seconds.
const BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];

#[derive(Debug, Default, Clone)]
struct Histogram {
    buckets: Vec<u64>,
    sum: f64,
    count: u64,
}

#[derive(Debug, Default, Clone)]
struct Counters {
    /// Probes run, by entry (or module) name and result.
    probes: BTreeMap<(String, &'static str), u64>,
    durations: BTreeMap<String, Histogram>,
    /// Requests refused, by reason.
    errors: BTreeMap<&'static str, u64>,
    /// Probes refused because `--max-probes` were running.
    busy: u64,
}

impl Server {
    fn count_error(&self, reason: &'static str) {
        if let Ok(mut c) = self.counters.lock() {
            *c.errors.entry(reason).or_default() += 1;
        }
    }

    fn record(&self, name: &str, result: &'static str, took: Duration) {
        let Ok(mut c) = self.counters.lock() else {
            return;
        };
        *c.probes.entry((name.to_string(), result)).or_default() += 1;
        let h = c.durations.entry(name.to_string()).or_default();
        if h.buckets.is_empty() {
            h.buckets = vec![0; BUCKETS.len()];
        }
        let secs = took.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                h.buckets[i] += 1;
            }
        }
        h.sum += secs;
        h.count += 1;
    }

    fn metrics(&self) -> String {
        let c = self.counters.lock().map(|c| c.clone()).unwrap_or_default();
        let mut out = String::new();
        family(
            &mut out,
            "plumb_serve_probes_total",
            "counter",
            "Probes run, by config entry (or module) and result (success when no check failed).",
        );
        for ((entry, result), n) in &c.probes {
            sample(
                &mut out,
                "plumb_serve_probes_total",
                &[("entry", entry), ("result", result)],
                *n as f64,
            );
        }
        family(
            &mut out,
            "plumb_serve_probe_duration_seconds",
            "histogram",
            "How long probes took, by config entry (or module).",
        );
        for (entry, h) in &c.durations {
            for (bound, n) in BUCKETS.iter().zip(&h.buckets) {
                let le = crate::report::prometheus::number(*bound);
                sample(
                    &mut out,
                    "plumb_serve_probe_duration_seconds_bucket",
                    &[("entry", entry), ("le", &le)],
                    *n as f64,
                );
            }
            sample(
                &mut out,
                "plumb_serve_probe_duration_seconds_bucket",
                &[("entry", entry), ("le", "+Inf")],
                h.count as f64,
            );
            sample(
                &mut out,
                "plumb_serve_probe_duration_seconds_sum",
                &[("entry", entry)],
                h.sum,
            );
            sample(
                &mut out,
                "plumb_serve_probe_duration_seconds_count",
                &[("entry", entry)],
                h.count as f64,
            );
        }
        family(
            &mut out,
            "plumb_serve_probes_in_flight",
            "gauge",
            "Probes running now.",
        );
        sample(
            &mut out,
            "plumb_serve_probes_in_flight",
            &[],
            self.in_flight.load(Ordering::SeqCst) as f64,
        );
        family(
            &mut out,
            "plumb_serve_probes_refused_total",
            "counter",
            "Probes answered 503 because --max-probes were already running.",
        );
        sample(
            &mut out,
            "plumb_serve_probes_refused_total",
            &[],
            c.busy as f64,
        );
        family(
            &mut out,
            "plumb_serve_request_errors_total",
            "counter",
            "Requests answered with an error, by reason (bad_request, unknown_entry, bad_target, not_found, method, refused).",
        );
        for reason in [
            "bad_request",
            "unknown_entry",
            "bad_target",
            "not_found",
            "method",
            "refused",
        ] {
            sample(
                &mut out,
                "plumb_serve_request_errors_total",
                &[("reason", reason)],
                c.errors.get(reason).copied().unwrap_or(0) as f64,
            );
        }
        out
    }

    /// Runs one entry now, bounded by its `--timeout`, and returns its
    /// report (redacted) with every check in the entry's section.
    async fn probe(&self, name: &str, entry: Entry, scrape_limit: Option<Duration>) -> Report {
        let timeout = entry.timeout.unwrap_or(self.timeout);
        let now = SystemTime::now();
        let mut bound = timeout.saturating_mul(DEADLINE_FACTOR);
        if let Some(limit) = scrape_limit {
            bound = bound.min(limit);
        }
        let ctx = Ctx::new(timeout, entry.ca_file.or_else(|| self.ca_file.clone()), now)
            .within(Instant::now() + bound + ENTRY_GRACE);
        let command = entry.command;
        let mut report = match tokio::time::timeout(bound, own_thread(entry.work, ctx)).await {
            Ok(Ok(report)) => report,
            Ok(Err(e)) => {
                let mut r = Report::new(command, name);
                r.push(entry_error(&e));
                r
            }
            Err(_) => {
                let mut r = Report::new(command, name);
                r.push(TIMEOUT.fail(format!(
                    "did not finish within {}",
                    humantime::format_duration(bound)
                )));
                r
            }
        };
        report.started_at = now;
        report.checks = std::mem::take(&mut report.checks)
            .into_iter()
            .map(|c| c.in_section(name))
            .collect();
        report.finish()
    }
}

/// What a `/probe` or `/report` query asks for.
enum Wanted {
    Check(String),
    Module { name: String, target: String },
}

fn wanted(query: &str) -> std::result::Result<Wanted, String> {
    let mut check = None;
    let mut module = None;
    let mut target = None;
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let slot = match key.as_ref() {
            "check" => &mut check,
            "module" => &mut module,
            "target" => &mut target,
            _ => {
                return Err(
                    "unknown parameter: use check=NAME, or module=NAME&target=VALUE".to_string(),
                )
            }
        };
        if slot.replace(value.into_owned()).is_some() {
            return Err(format!("{key} is given twice"));
        }
    }
    match (check, module, target) {
        (Some(c), None, None) => Ok(Wanted::Check(c)),
        (None, Some(m), Some(t)) => Ok(Wanted::Module { name: m, target: t }),
        (None, Some(_), None) => Err("module needs target=VALUE".to_string()),
        _ => Err("give check=NAME, or module=NAME&target=VALUE".to_string()),
    }
}

fn text(status: u16, body: String) -> Answer {
    Answer::text(status, body + "\n")
}

impl Handler for Server {
    async fn handle(&self, request: Request) -> Answer {
        let (path, query) = request
            .target
            .split_once('?')
            .unwrap_or((request.target.as_str(), ""));
        if !matches!(path, "/probe" | "/report" | "/metrics" | "/-/healthy") {
            self.count_error("not_found");
            return text(
                404,
                "not found: /probe, /report, /metrics and /-/healthy are served".into(),
            );
        }
        if request.method != http::Method::GET && request.method != http::Method::HEAD {
            self.count_error("method");
            let mut a = text(405, "only GET is served".into());
            a.headers.push(("allow".into(), "GET, HEAD".into()));
            return a;
        }
        match path {
            "/-/healthy" => return text(200, "OK".into()),
            "/metrics" => return Answer::new(200, CONTENT_TYPE, self.metrics()),
            _ => {}
        }
        let wanted = match wanted(query) {
            Ok(w) => w,
            Err(why) => {
                self.count_error("bad_request");
                return text(400, why);
            }
        };
        let (name, made) = match &wanted {
            Wanted::Check(name) => match self.catalogue.check(name) {
                Some(made) => (name, made),
                None => {
                    self.count_error("unknown_entry");
                    let hint = if self.catalogue.module(name).is_some() {
                        ": it is a module, ask for module=NAME&target=VALUE"
                    } else {
                        ""
                    };
                    return text(404, format!("no entry of the config has that name{hint}"));
                }
            },
            Wanted::Module { name, target } => {
                let Some(kind) = self.catalogue.module(name) else {
                    self.count_error("unknown_entry");
                    return text(404, "no module of the config has that name".into());
                };
                let value = match kind.validate(target) {
                    Ok(v) => v,
                    Err(why) => {
                        self.count_error("bad_target");
                        return text(
                            400,
                            format!(
                                "not a {} target: {}",
                                kind.as_str(),
                                crate::redact::text(&crate::escape::clean(&why))
                            ),
                        );
                    }
                };
                match self.catalogue.module_entry(name, &value) {
                    Some(made) => (name, made),
                    None => {
                        self.count_error("unknown_entry");
                        return text(404, "no module of the config has that name".into());
                    }
                }
            }
        };
        let entry = match made {
            Ok(entry) => entry,
            Err(why) => {
                // The value passed its kind's validator yet the line
                // refused it (a secret-shaped value, say).
                self.count_error("refused");
                return text(400, crate::redact::text(&why));
            }
        };
        let Ok(_slot) = self.slots.clone().try_acquire_owned() else {
            if let Ok(mut c) = self.counters.lock() {
                c.busy += 1;
            }
            let mut a = text(
                503,
                "busy: --max-probes probes are running; retry later".into(),
            );
            a.headers.push(("retry-after".into(), "1".into()));
            return a;
        };
        // Prometheus says how long it waits for a scrape.
        let scrape_limit = request
            .header("x-prometheus-scrape-timeout-seconds")
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(|s| Duration::from_secs_f64(s.min(86_400.0)));
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        let started = Instant::now();
        let report = self.probe(name, entry, scrape_limit).await;
        let took = started.elapsed();
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        let code = report.exit_code(Status::Fail);
        let success = code == 0;
        self.record(name, if success { "success" } else { "failure" }, took);
        if path == "/report" {
            return Answer::new(
                200,
                "application/json",
                (self.render)(&report, Format::Json, code),
            );
        }
        let mut out = String::new();
        family(
            &mut out,
            "plumb_probe_success",
            "gauge",
            "1 when no check of the entry failed, else 0.",
        );
        sample(
            &mut out,
            "plumb_probe_success",
            &[],
            if success { 1.0 } else { 0.0 },
        );
        family(
            &mut out,
            "plumb_probe_duration_seconds",
            "gauge",
            "How long the probe took.",
        );
        sample(
            &mut out,
            "plumb_probe_duration_seconds",
            &[],
            took.as_secs_f64(),
        );
        out.push_str(&(self.render)(&report, Format::Prometheus, code));
        Answer::new(200, CONTENT_TYPE, out)
    }

    fn refused(&self, _peer: SocketAddr, _why: Refusal) {
        self.count_error("refused");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_name_one_entry_or_a_module_and_its_target() {
        assert!(matches!(wanted("check=a"), Ok(Wanted::Check(n)) if n == "a"));
        assert!(matches!(
            wanted("module=m&target=x.example"),
            Ok(Wanted::Module { name, target }) if name == "m" && target == "x.example"
        ));
        for bad in [
            "",
            "check=a&check=b",
            "check=a&target=x",
            "module=m",
            "x=1",
            "check=a&module=m&target=t",
        ] {
            assert!(wanted(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn targets_are_checked_against_their_kind() {
        assert_eq!(
            TargetKind::Host.validate("api.stripe.com:443").unwrap(),
            "api.stripe.com:443"
        );
        assert!(TargetKind::Host.validate("-oProxyCommand=x").is_err());
        assert!(TargetKind::Host.validate("a b").is_err());
        assert!(TargetKind::Url.validate("https://u:p@x.example/").is_err());
        assert!(TargetKind::Url.validate("file:///etc/passwd").is_err());
        assert_eq!(
            TargetKind::ShopifyStore.validate("acme").unwrap(),
            "acme.myshopify.com"
        );
        assert!(TargetKind::ShopifyStore
            .validate("shop.example.com")
            .is_err());
        for kind in [TargetKind::Host, TargetKind::Url, TargetKind::ShopifyStore] {
            assert_eq!(TargetKind::parse(kind.as_str()), Some(kind));
            assert!(kind.validate(kind.sample()).is_ok());
        }
    }
}
