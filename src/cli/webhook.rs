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
}

impl From<WebhookCommand> for crate::probes::webhook::WebhookCommand {
    fn from(a: WebhookCommand) -> Self {
        match a {
            WebhookCommand::Send(x) => Self::Send(x.into()),
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
