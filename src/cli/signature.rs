//! The flags of `plumb verify-signature` and `plumb sign`, and the probe options they make.

use super::values::{Algorithm, Encoding, Provider};
use std::path::PathBuf;
use std::time::Duration;

/// What names the scheme and its key: shared by verify-signature, sign and
/// webhook send.
#[derive(Debug, Clone, clap::Args)]
pub struct SchemeArgs {
    /// Signing secret (repeatable: each is tried). Prefer --secret-file or
    /// PLUMB_WEBHOOK_SECRET, which keep it out of shell history
    #[arg(long = "secret", value_name = "SECRET")]
    pub secrets: Vec<String>,
    /// Read the signing secret from FILE (one trailing newline is dropped)
    #[arg(long, value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
    /// The webhook URL exactly as configured at the sender (mandrill)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// MAC algorithm (hmac and timestamped)
    #[arg(long, value_enum, default_value_t = Algorithm::Sha256, value_name = "ALG")]
    pub algorithm: Algorithm,
    /// Signature encoding (hmac and timestamped; verification detects it)
    #[arg(long, value_enum, default_value_t = Encoding::Hex, value_name = "ENC")]
    pub encoding: Encoding,
    /// Header that carries the signature (hmac and timestamped)
    #[arg(long, default_value = "X-Signature", value_name = "NAME")]
    pub signature_header: String,
    /// Header that carries the timestamp (timestamped)
    #[arg(long, default_value = "X-Timestamp", value_name = "NAME")]
    pub timestamp_header: String,
}

impl From<SchemeArgs> for crate::probes::webhook::signature::SchemeOptions {
    fn from(a: SchemeArgs) -> Self {
        Self {
            secrets: a.secrets,
            secret_file: a.secret_file,
            url: a.url,
            algorithm: a.algorithm.into(),
            encoding: a.encoding.into(),
            signature_header: a.signature_header,
            timestamp_header: a.timestamp_header,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    plumb verify-signature stripe --secret-file whsec.txt --payload body.json -H 'Stripe-Signature: t=…,v1=…'\n  \
    plumb verify-signature github --request captured.http --secret-file secret.txt\n  \
    PLUMB_WEBHOOK_SECRET=… plumb verify-signature shopify --payload - --signature 'VnKU…' < body.json")]
pub struct VerifyArgs {
    /// Who signed the delivery
    #[arg(value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// The raw body as received (- = standard input); never re-encoded
    #[arg(long, value_name = "FILE", conflicts_with = "request")]
    pub payload: Option<PathBuf>,
    /// A received header 'Name: value' (repeatable; names are case-insensitive)
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
    /// The signature header's value exactly as sent (Stripe: the whole t=…,v1=…)
    #[arg(long, value_name = "VALUE")]
    pub signature: Option<String>,
    /// The timestamp, where the scheme sends it apart from the signature
    #[arg(long, value_name = "TS")]
    pub timestamp: Option<String>,
    /// The message id (standard: the webhook-id header)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// A raw HTTP request as captured: request line, headers, blank line, body
    #[arg(long, value_name = "FILE")]
    pub request: Option<PathBuf>,
    /// How far the timestamp may lie from now
    #[arg(long, default_value = "5m", value_parser = crate::duration::parse_duration, value_name = "DURATION")]
    pub tolerance: Duration,
    /// Judge the timestamp against this moment (Unix seconds) instead of now
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub now: Option<i64>,
}

impl From<VerifyArgs> for crate::probes::webhook::signature::VerifyOptions {
    fn from(a: VerifyArgs) -> Self {
        Self {
            provider: a.provider.into(),
            scheme: a.scheme.into(),
            payload: a.payload,
            headers: a.headers,
            signature: a.signature,
            timestamp: a.timestamp,
            id: a.id,
            request: a.request,
            tolerance: a.tolerance,
            now: a.now,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    plumb sign stripe --secret-file whsec.txt --payload body.json\n  \
    plumb sign standard --secret-file secret.txt --payload body.json --id msg_1 --timestamp 1700000000\n  \
    plumb sign github --secret-file secret.txt --payload body.json --json")]
pub struct SignArgs {
    /// Whose signature to produce
    #[arg(value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    #[command(flatten)]
    pub scheme: SchemeArgs,
    /// The body to sign (- = standard input), as raw bytes
    #[arg(long, value_name = "FILE")]
    pub payload: PathBuf,
    /// Unix seconds to sign with (default: now)
    #[arg(long, value_name = "TS", allow_negative_numbers = true)]
    pub timestamp: Option<i64>,
    /// Message id for Standard Webhooks (default: a random msg_…)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
}

impl From<SignArgs> for crate::probes::webhook::signature::SignOptions {
    fn from(a: SignArgs) -> Self {
        Self {
            provider: a.provider.into(),
            scheme: a.scheme.into(),
            payload: a.payload,
            timestamp: a.timestamp,
            id: a.id,
        }
    }
}
