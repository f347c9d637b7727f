//! The flags of `plumb rate-limit`, and the probe options they make.

use super::values::{Mode, Service};
use crate::probes::ratelimit::probe::{self, Rate};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, clap::Args)]
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

impl From<Args> for crate::probes::ratelimit::Options {
    fn from(a: Args) -> Self {
        Self {
            action: a.action.into(),
        }
    }
}

#[derive(Debug, Clone, clap::Subcommand)]
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

impl From<Action> for crate::probes::ratelimit::Action {
    fn from(a: Action) -> Self {
        match a {
            Action::Inspect(x) => Self::Inspect(x.into()),
            Action::Probe(x) => Self::Probe(x.into()),
            Action::Limits(x) => Self::Limits(x.into()),
            Action::Plan(x) => Self::Plan(x.into()),
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
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

impl From<InspectArgs> for crate::probes::ratelimit::InspectOptions {
    fn from(a: InspectArgs) -> Self {
        Self {
            url: a.url,
            headers_file: a.headers_file,
            headers: a.headers,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
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
    #[arg(long, value_parser = crate::duration::parse_duration, value_name = "DURATION")]
    pub duration: Option<Duration>,
    /// Raise the caps of 1000 requests and 10 minutes to this many requests
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub max_requests: Option<u64>,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
}

impl From<ProbeArgs> for crate::probes::ratelimit::ProbeOptions {
    fn from(a: ProbeArgs) -> Self {
        Self {
            url: a.url,
            rate: a.rate,
            requests: a.requests,
            duration: a.duration,
            max_requests: a.max_requests,
            headers: a.headers,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct LimitsArgs {
    /// Only this service
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub service: Option<Service>,
}

impl From<LimitsArgs> for crate::probes::ratelimit::LimitsOptions {
    fn from(a: LimitsArgs) -> Self {
        Self {
            service: a.service.map(Into::into),
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
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

impl From<PlanArgs> for crate::probes::ratelimit::PlanOptions {
    fn from(a: PlanArgs) -> Self {
        Self {
            service: a.service.into(),
            records: a.records,
            calls_per_record: a.calls_per_record,
            plan: a.plan,
            mode: a.mode.map(Into::into),
            rate: a.rate,
        }
    }
}
