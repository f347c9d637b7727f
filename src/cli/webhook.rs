//! The flags of `plumb webhook send`, and the probe options they make.

use super::signature::SchemeArgs;
use super::values::Provider;
use std::time::Duration;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: WebhookCommand,
}

impl From<Args> for crate::probes::webhook::Options {
    fn from(a: Args) -> Self {
        Self {
            command: a.command.into(),
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum WebhookCommand {
    /// Send a signed test delivery to an endpoint and judge its answer
    #[command(after_help = "Examples:\n  \
        plumb webhook send https://example.com/webhooks/github --provider github --secret-file secret.txt --payload event.json\n  \
        plumb webhook send https://example.com/hooks --provider standard --payload event.json --forged")]
    Send(SendArgs),
    /// Receive deliveries on a local port, verify each, and forward or record them
    #[command(after_help = "Examples:\n  \
        plumb webhook listen --provider stripe --secret-file whsec.txt --forward-to localhost:3000/webhooks\n  \
        plumb webhook listen --provider github --secret-file secret.txt --record deliveries/ --expect 1 --for 60s --format json\n  \
        stripe listen --forward-to localhost:8787/hooks   # in another terminal")]
    Listen(ListenArgs),
}

impl From<WebhookCommand> for crate::probes::webhook::WebhookCommand {
    fn from(a: WebhookCommand) -> Self {
        match a {
            WebhookCommand::Send(x) => Self::Send(x.into()),
            WebhookCommand::Listen(x) => Self::Listen(x.into()),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct SendArgs {
    /// The endpoint's URL (https; plain http only to a loopback address)
    #[arg(value_name = "URL")]
    pub endpoint: String,
    /// Whose signature the delivery carries
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// The body to deliver (- = standard input), sent as raw bytes
    #[arg(long, value_name = "FILE")]
    pub payload: std::path::PathBuf,
    /// Content-Type of the delivery
    #[arg(long, default_value = "application/json", value_name = "TYPE")]
    pub content_type: String,
    /// Extra request header 'Name: value' (repeatable)
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
    /// Unix seconds to sign with (default: now)
    #[arg(long, value_name = "TS", allow_negative_numbers = true)]
    pub timestamp: Option<i64>,
    /// Message id for Standard Webhooks (default: a random msg_…)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// How long the endpoint may take to answer (default: the provider's own delivery deadline, 10 s where it documents none)
    #[arg(long, value_parser = crate::duration::parse_timeout, value_name = "DURATION")]
    pub deadline: Option<Duration>,
    /// Also send the delivery unsigned and wrongly signed: both must be refused
    #[arg(long)]
    pub forged: bool,
}

impl From<SendArgs> for crate::probes::webhook::SendOptions {
    fn from(a: SendArgs) -> Self {
        Self {
            endpoint: a.endpoint,
            provider: a.provider.into(),
            scheme: a.scheme.into(),
            payload: a.payload,
            content_type: a.content_type,
            headers: a.headers,
            timestamp: a.timestamp,
            id: a.id,
            deadline: a.deadline,
            forged: a.forged,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ListenArgs {
    /// Whose signatures the deliveries carry
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// Port to listen on (0 = any free port; the ready line names it)
    #[arg(long, default_value_t = 8787, value_name = "PORT")]
    pub port: u16,
    /// Address to listen on (a non-loopback one warns: anyone who reaches it can send)
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// The path deliveries arrive on; other paths are answered 404
    #[arg(long, default_value = "/hooks", value_name = "PATH")]
    pub path: String,
    /// Relay each delivery unchanged to the application at URL and judge its answer
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Record each delivery as a raw HTTP request file (and index.jsonl) in DIR
    #[arg(long, value_name = "DIR")]
    pub record: Option<std::path::PathBuf>,
    /// End after N deliveries (fewer by the end fails)
    #[arg(long, value_name = "N")]
    pub expect: Option<u64>,
    /// End after this long (default: on Ctrl-C, or with --expect alone at the run's budget)
    #[arg(long = "for", value_parser = crate::duration::parse_duration, value_name = "DURATION")]
    pub duration: Option<Duration>,
    /// Answer invalid deliveries 400 and do not forward them
    #[arg(long)]
    pub reject_invalid: bool,
    /// How far a signed timestamp may lie from the moment of arrival
    #[arg(long, default_value = "5m", value_parser = crate::duration::parse_duration, value_name = "DURATION")]
    pub tolerance: Duration,
}

impl From<ListenArgs> for crate::probes::webhook::listen::ListenOptions {
    fn from(a: ListenArgs) -> Self {
        Self {
            provider: a.provider.into(),
            scheme: a.scheme.into(),
            port: a.port,
            bind: a.bind,
            path: a.path,
            forward_to: a.forward_to,
            record: a.record,
            expect: a.expect,
            duration: a.duration,
            reject_invalid: a.reject_invalid,
            tolerance: a.tolerance,
        }
    }
}
