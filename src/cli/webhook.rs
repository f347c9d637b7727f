//! The flags of `plumb webhook send|audit|replay|events`, and the probe
//! options they make.

use super::signature::SchemeArgs;
use super::values::Provider;
use std::path::PathBuf;
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
        plumb webhook send https://example.com/webhooks/stripe --provider stripe --secret-file whsec.txt --event customer.created\n  \
        plumb webhook send https://example.com/webhooks/github --provider github --secret-file secret.txt --payload event.json\n  \
        plumb webhook send https://example.com/hooks --provider standard --forged")]
    Send(SendArgs),
    /// Test a receiver's hardening: a valid delivery, a retry, forged, tampered and stale copies
    #[command(after_help = "Examples:\n  \
        plumb webhook audit https://example.com/webhooks/shopify --provider shopify --secret-file secret.txt\n  \
        plumb webhook audit https://example.com/webhooks/stripe --provider stripe --secret-file whsec.txt --event invoice.paid")]
    Audit(AuditArgs),
    /// Resend recorded deliveries (raw HTTP requests) to a receiver
    #[command(after_help = "Examples:\n  \
        plumb webhook replay captured/ --to http://127.0.0.1:3000/webhooks/stripe\n  \
        plumb webhook replay captured/0001.http --to https://staging.example.com/hooks --resign --secret-file whsec.txt")]
    Replay(ReplayArgs),
    /// List the sample events and topics plumb can deliver
    Events(EventsArgs),
    /// Receive deliveries on a local port, verify each, and forward or record them
    #[command(after_help = "Examples:\n  \
        plumb webhook listen --provider stripe --secret-file whsec.txt --forward-to localhost:3000/webhooks\n  \
        plumb webhook listen --provider github --secret-file secret.txt --record deliveries/ --expect 1 --for 60s --format json\n  \
        stripe listen --forward-to localhost:8787/hooks   # in another terminal")]
    Listen(ListenArgs),
}

impl WebhookCommand {
    /// The command's name in reports and the check reference.
    pub fn name(&self) -> &'static str {
        match self {
            WebhookCommand::Send(_) => "webhook send",
            WebhookCommand::Audit(_) => "webhook audit",
            WebhookCommand::Replay(_) => "webhook replay",
            WebhookCommand::Events(_) => "webhook events",
            WebhookCommand::Listen(_) => "webhook listen",
        }
    }
}

impl From<WebhookCommand> for crate::probes::webhook::WebhookCommand {
    fn from(a: WebhookCommand) -> Self {
        match a {
            WebhookCommand::Send(x) => Self::Send(x.into()),
            WebhookCommand::Audit(x) => Self::Audit(x.into()),
            WebhookCommand::Replay(x) => Self::Replay(x.into()),
            WebhookCommand::Events(x) => Self::Events(x.into()),
            WebhookCommand::Listen(x) => Self::Listen(x.into()),
        }
    }
}

/// What a delivery carries: shared by send and audit.
#[derive(Debug, clap::Args)]
pub struct DeliveryArgs {
    /// Whose signature and headers the delivery carries
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// The sample event or topic to deliver (plumb webhook events lists them; default: the provider's first); with --payload it names the event in the provider's headers
    #[arg(long, visible_alias = "topic", value_name = "EVENT")]
    pub event: Option<String>,
    /// Deliver this body instead of a sample event (- = standard input), sent as raw bytes
    #[arg(long, value_name = "FILE")]
    pub payload: Option<PathBuf>,
    /// Content-Type of the delivery (default: the provider's own)
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,
    /// Extra request header 'Name: value' (repeatable); replaces plumb's header of the same name
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
}

impl From<DeliveryArgs> for crate::probes::webhook::DeliveryOptions {
    fn from(a: DeliveryArgs) -> Self {
        Self {
            provider: a.provider.into(),
            scheme: a.scheme.into(),
            event: a.event,
            payload: a.payload,
            content_type: a.content_type,
            headers: a.headers,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct SendArgs {
    /// The endpoint's URL (https; plain http only to a loopback address)
    #[arg(value_name = "URL")]
    pub endpoint: String,
    #[command(flatten)]
    pub delivery: DeliveryArgs,
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
            delivery: a.delivery.into(),
            timestamp: a.timestamp,
            id: a.id,
            deadline: a.deadline,
            forged: a.forged,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// The receiver's URL (https; plain http only to a loopback address)
    #[arg(value_name = "URL")]
    pub endpoint: String,
    #[command(flatten)]
    pub delivery: DeliveryArgs,
    /// How long the receiver may take to answer (default: the provider's own delivery deadline, 10 s where it documents none)
    #[arg(long, value_parser = crate::duration::parse_timeout, value_name = "DURATION")]
    pub deadline: Option<Duration>,
}

impl From<AuditArgs> for crate::probes::webhook::AuditOptions {
    fn from(a: AuditArgs) -> Self {
        Self {
            endpoint: a.endpoint,
            delivery: a.delivery.into(),
            deadline: a.deadline,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ReplayArgs {
    /// A recorded delivery (a raw HTTP request, as verify-signature --request reads), or a directory: every *.http file in it, by name
    #[arg(value_name = "FILE|DIR")]
    pub input: PathBuf,
    /// Where to send them
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// Sign timestamped schemes (stripe, slack, standard, timestamped) again with a fresh timestamp, so they pass the receiver's tolerance (needs the secret)
    #[arg(long, conflicts_with = "as_is")]
    pub resign: bool,
    /// Send each delivery exactly as recorded (the default): tests the receiver's replay protection
    #[arg(long)]
    pub as_is: bool,
    /// Who signed the deliveries (default: told from their signature headers)
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// How long the receiver may take to answer each delivery (default: the provider's own delivery deadline, 10 s where it documents none)
    #[arg(long, value_parser = crate::duration::parse_timeout, value_name = "DURATION")]
    pub deadline: Option<Duration>,
}

impl From<ReplayArgs> for crate::probes::webhook::ReplayOptions {
    fn from(a: ReplayArgs) -> Self {
        Self {
            input: a.input,
            to: a.to,
            resign: a.resign,
            provider: a.provider.map(Into::into),
            scheme: a.scheme.into(),
            deadline: a.deadline,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct EventsArgs {
    /// Only this provider's events
    #[arg(long, value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
}

impl From<EventsArgs> for crate::probes::webhook::EventsOptions {
    fn from(a: EventsArgs) -> Self {
        Self {
            provider: a.provider.map(Into::into),
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
