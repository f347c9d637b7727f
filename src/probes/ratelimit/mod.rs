//! `plumb rate-limit`: read a response's rate-limit signals (`inspect`),
//! find a limit with paced requests (`probe`), list documented limits
//! (`limits`) and estimate how long a sync takes (`plan`).

pub(crate) use crate::facts::ratelimit as headers;
mod inspect;
pub mod limits;
mod plan;
pub mod probe;
pub mod response;

use crate::context::Ctx;
use crate::duration::human_duration;
use crate::error::{Error, Result};
use crate::net::http::{Client, Request};
use crate::net::target;
use crate::report::{Def, Report};
use limits::Service;
use probe::{num, Rate};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// The checks each subcommand reports, for [`crate::probes::CHECKS`].
pub const INSPECT_CHECKS: &[&Def] = inspect::ALL;
pub const PROBE_CHECKS: &[&Def] = &[&probe::PROBE];
pub const LIMITS_CHECKS: &[&Def] = &[&plan::LIMITS];
pub const PLAN_CHECKS: &[&Def] = &[&plan::PLAN];

#[derive(Debug)]
pub struct Options {
    pub action: Action,
}

#[derive(Debug)]
pub enum Action {
    /// Read every rate-limit signal in one response (a URL, or a captured response)
    Inspect(InspectOptions),
    /// Send requests at a steady pace and report where the server starts limiting
    Probe(ProbeOptions),
    /// List the documented limits per service and plan, with their source
    Limits(LimitsOptions),
    /// Estimate how long a full sync takes at the documented limit
    Plan(PlanOptions),
}

#[derive(Debug)]
pub struct InspectOptions {
    /// The URL to request once (http or https)
    pub url: Option<String>,
    /// A captured response instead (status line, headers, optional body; `-` for stdin)
    pub headers_file: Option<PathBuf>,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    pub headers: Vec<String>,
}

#[derive(Debug)]
pub struct ProbeOptions {
    /// The URL to request (http or https)
    pub url: String,
    /// The pace: 5/s, 120/m, 0.5/s (never exceeded in any one-second window)
    pub rate: Rate,
    /// Send this many requests
    pub requests: Option<u64>,
    /// Send for this long (30s, 2m)
    pub duration: Option<Duration>,
    /// Raise the caps of 1000 requests and 10 minutes to this many requests
    pub max_requests: Option<u64>,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    pub headers: Vec<String>,
}

#[derive(Debug)]
pub struct LimitsOptions {
    /// Only this service
    pub service: Option<Service>,
}

#[derive(Debug)]
pub struct PlanOptions {
    /// The service synced
    pub service: Service,
    /// How many records the sync moves
    pub records: u64,
    /// API calls each record needs
    pub calls_per_record: u64,
    /// Shopify plan: standard, advanced, plus or enterprise (default standard)
    pub plan: Option<String>,
    /// Stripe mode (default live)
    pub mode: Option<Mode>,
    /// Use this rate instead of the documented one (a host's own limit)
    pub rate: Option<Rate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Live,
    Test,
}

impl Options {
    /// Only the subcommands that talk to a server need the async runtime.
    /// How long a probe means to send (its --duration, or --requests at
    /// --rate); zero for the other actions. The run's default budget adds it.
    pub fn planned_time(&self) -> Duration {
        match &self.action {
            Action::Probe(a) => match (a.requests, a.duration) {
                (Some(n), _) => Duration::try_from_secs_f64(n as f64 / a.rate.per_second)
                    .unwrap_or(probe::MAX_TIME),
                (None, Some(d)) => d,
                (None, None) => Duration::ZERO,
            },
            _ => Duration::ZERO,
        }
    }

    pub fn needs_runtime(&self) -> bool {
        match &self.action {
            Action::Inspect(a) => a.headers_file.is_none(),
            Action::Probe(_) => true,
            Action::Limits(_) | Action::Plan(_) => false,
        }
    }
}

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    match args.action {
        Action::Inspect(a) => inspect::run(a, ctx).await,
        Action::Probe(a) => run_probe(a, ctx).await,
        Action::Limits(a) => Ok(plan::limits_report(a.service)),
        Action::Plan(a) => plan::plan(a),
    }
}

pub(crate) fn request_for(what: &str, url: &str, raw_headers: &[String]) -> Result<Request> {
    Request::get(target::parse_url(what, url)?).header_args("-H", raw_headers)
}

async fn run_probe(args: ProbeOptions, ctx: &Ctx) -> Result<Report> {
    let mut plan = probe_plan(&args, ctx.now(), ctx.progress)?;
    // Nothing is sent once the run's budget is spent.
    if ctx.remaining() < plan.time_cap {
        plan.time_cap = ctx.remaining();
        plan.cap_is_budget = true;
    }
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
fn probe_plan(args: &ProbeOptions, started_at: SystemTime, progress: bool) -> Result<probe::Plan> {
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
        cap_is_budget: false,
        started_at,
        progress,
    })
}
