//! `plumb verify-signature PROVIDER` and `plumb sign PROVIDER`: one signing
//! module for every provider (docs/providers.md, "Webhook signatures").
//!
//! `scheme` signs and verifies, `header` reads a signature header as a
//! verifier would, `request` parses a captured request, `verify` streams the
//! body through the MAC, `diagnose` finds why a signature does not match
//! (with the re-serialised bodies of `candidates`), and `checks` turns the
//! outcome into the report.

pub mod candidates;
pub mod checks;
pub mod diagnose;
pub mod header;
pub mod request;
pub mod scheme;
pub mod verify;

use crate::context::Ctx;
use crate::credentials::fit::Use;
use crate::error::{Error, Result};
use crate::input;
use crate::report::{Check, Def, Report};
use crate::secret::Secret;
pub use scheme::{sign, Algorithm, Encoding, Provider, Scheme};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The environment variable a secret is read from when no flag gives one.
pub const SECRET_ENV: &str = "PLUMB_WEBHOOK_SECRET";
/// Largest `--request` capture, `--secret-file` and payload plumb signs.
const MAX_REQUEST: u64 = 64 * 1024 * 1024;
const MAX_SECRET_FILE: u64 = 64 * 1024;
pub const MAX_SIGNED_PAYLOAD: u64 = 64 * 1024 * 1024;

/// What names the scheme and its key: shared by verify-signature, sign and
/// webhook send.
#[derive(Debug, Clone)]
pub struct SchemeOptions {
    /// Signing secret (repeatable: each is tried). Prefer --secret-file or
    /// PLUMB_WEBHOOK_SECRET, which keep it out of shell history
    pub secrets: Vec<String>,
    /// Read the signing secret from FILE (one trailing newline is dropped)
    pub secret_file: Option<PathBuf>,
    /// The webhook URL exactly as configured at the sender (mandrill)
    pub url: Option<String>,
    /// MAC algorithm (hmac and timestamped)
    pub algorithm: Algorithm,
    /// Signature encoding (hmac and timestamped; verification detects it)
    pub encoding: Encoding,
    /// Header that carries the signature (hmac and timestamped)
    pub signature_header: String,
    /// Header that carries the timestamp (timestamped)
    pub timestamp_header: String,
}

#[derive(Debug)]
pub struct VerifyOptions {
    /// Who signed the delivery
    pub provider: Provider,
    pub scheme: SchemeOptions,
    /// The raw body as received (- = standard input); never re-encoded
    pub payload: Option<PathBuf>,
    /// A received header 'Name: value' (repeatable; names are case-insensitive)
    pub headers: Vec<String>,
    /// The signature header's value exactly as sent (Stripe: the whole t=…,v1=…)
    pub signature: Option<String>,
    /// The timestamp, where the scheme sends it apart from the signature
    pub timestamp: Option<String>,
    /// The message id (standard: the webhook-id header)
    pub id: Option<String>,
    /// A raw HTTP request as captured: request line, headers, blank line, body
    pub request: Option<PathBuf>,
    /// How far the timestamp may lie from now
    pub tolerance: Duration,
    /// Judge the timestamp against this moment (Unix seconds) instead of now
    pub now: Option<i64>,
}

#[derive(Debug)]
pub struct SignOptions {
    /// Whose signature to produce
    pub provider: Provider,
    pub scheme: SchemeOptions,
    /// The body to sign (- = standard input), as raw bytes
    pub payload: PathBuf,
    /// Unix seconds to sign with (default: now)
    pub timestamp: Option<i64>,
    /// Message id for Standard Webhooks (default: a random msg_…)
    pub id: Option<String>,
}

impl SchemeOptions {
    /// The scheme for `provider`, checking the flags it needs.
    pub fn scheme(&self, provider: Provider) -> Result<Scheme> {
        let mut scheme = Scheme::new(provider);
        scheme.algorithm = self.algorithm;
        scheme.encoding = self.encoding;
        for (flag, name) in [
            ("--signature-header", &self.signature_header),
            ("--timestamp-header", &self.timestamp_header),
        ] {
            input::parse_header(flag, &format!("{name}: x"))?;
        }
        scheme.signature_header = self.signature_header.clone();
        scheme.timestamp_header = self.timestamp_header.clone();
        if provider == Provider::Mandrill {
            match &self.url {
                Some(u) if !u.trim().is_empty() => scheme.url = Some(u.clone()),
                _ => {
                    return Err(Error::usage(
                        "--url: mandrill signs the webhook URL exactly as configured; give it with --url",
                    ))
                }
            }
        }
        Ok(scheme)
    }

    /// Every candidate secret: each `--secret`, then `--secret-file`, else
    /// `PLUMB_WEBHOOK_SECRET`. An empty one is a usage error.
    pub fn secrets(&self) -> Result<Vec<Secret>> {
        let mut out = Vec::new();
        for s in &self.secrets {
            if s.is_empty() {
                return Err(Error::usage("--secret: the secret is empty"));
            }
            out.push(Secret::new(s.clone()));
        }
        if let Some(path) = &self.secret_file {
            let bytes = input::read_file("--secret-file", path, MAX_SECRET_FILE)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::usage(format!("--secret-file {}: not UTF-8 text", path.display()))
            })?;
            let text = strip_one_newline(text);
            if text.is_empty() {
                return Err(Error::usage(format!(
                    "--secret-file {}: the file is empty",
                    path.display()
                )));
            }
            out.push(Secret::new(text));
        }
        if out.is_empty() {
            match std::env::var(SECRET_ENV) {
                Ok(v) if !v.is_empty() => out.push(Secret::new(v)),
                Ok(_) => return Err(Error::usage(format!("{SECRET_ENV}: the secret is empty"))),
                Err(_) => {
                    return Err(Error::usage(format!(
                        "no secret: give --secret, --secret-file or {SECRET_ENV}"
                    )))
                }
            }
        }
        Ok(out)
    }
}

fn strip_one_newline(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}

/// Opens `--payload FILE` (or standard input for `-`) for streaming.
fn open_payload(path: &Path) -> Result<Box<dyn Read>> {
    let what = format!("--payload {}", path.display());
    input::open_stream(&what, path).map(|(stream, _)| stream)
}

/// Reads a whole payload for signing.
pub fn read_payload(path: &Path) -> Result<Vec<u8>> {
    input::read_file("--payload", path, MAX_SIGNED_PAYLOAD)
}

/// The credential use whose misfits plumb can name for a provider.
fn credential_use(provider: Provider) -> Option<Use> {
    match provider {
        Provider::Stripe => Some(Use::StripeWebhook),
        Provider::Shopify => Some(Use::ShopifyWebhook),
        Provider::Woocommerce => Some(Use::WoocommerceWebhook),
        Provider::Standard => Some(Use::StandardWebhook),
        _ => None,
    }
}

/// The header name pasted in front of a `--signature` value, if any.
fn pasted_header_name(scheme: &Scheme, value: &str) -> Option<String> {
    let v = value.trim().trim_start_matches(['"', '\'']);
    let (name, _) = v.split_once(':')?;
    let name = name.trim();
    let known = scheme
        .signature_headers()
        .into_iter()
        .chain(scheme.timestamp_headers())
        .chain(["X-Hub-Signature-256", "X-Hub-Signature", "Stripe-Signature"]);
    known
        .into_iter()
        .find(|h| h.eq_ignore_ascii_case(name))
        .map(str::to_string)
}

/// Finds a header among those received, case-insensitively.
fn lookup<'a>(headers: &'a [(String, String)], names: &[&str]) -> Option<(&'a str, &'a str)> {
    names.iter().find_map(|n| request::find_header(headers, n))
}

/// What a verifier reads from a delivery's headers — the signature, the
/// timestamp and the message id, each from the first header the scheme
/// names — as `verify-signature` and `webhook listen` both read them.
pub fn received(
    scheme: Scheme,
    secrets: Vec<Secret>,
    headers: &[(String, String)],
    tolerance: Duration,
    now: i64,
    notes: Vec<String>,
    target: Option<String>,
) -> verify::Inputs {
    let signature = lookup(headers, &scheme.signature_headers())
        .map(|(n, v)| (v.to_string(), format!("the {n} header")));
    let timestamp = lookup(headers, &scheme.timestamp_headers())
        .map(|(n, v)| (v.to_string(), format!("the {n} header")));
    let id = lookup(headers, &scheme.id_headers()).map(|(_, v)| v.to_string());
    verify::Inputs {
        scheme,
        secrets,
        signature,
        timestamp,
        id,
        tolerance_secs: tolerance.as_secs(),
        now,
        notes,
        target,
    }
}

/// The checks `verify-signature` reports for one verification (secret,
/// header, match, timestamp, diagnosis), for any command that verifies.
pub fn judge(provider: Provider, inputs: &verify::Inputs, outcome: &verify::Outcome) -> Vec<Check> {
    checks::build(inputs, outcome, credential_use(provider))
}

pub fn run_verify(args: VerifyOptions, ctx: &Ctx) -> Result<Report> {
    let scheme = args.scheme.scheme(args.provider)?;
    let secrets = args.scheme.secrets()?;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut target = None;
    let mut body: Box<dyn Read> = match (&args.request, &args.payload) {
        (Some(path), _) => {
            let bytes = input::read_file("--request", path, MAX_REQUEST)?;
            let req = request::parse(&bytes).map_err(|why| {
                Error::usage(format!("--request {}: {why}", path.display()))
            })?;
            headers = req.headers;
            notes = req.notes;
            target = Some(req.target);
            Box::new(std::io::Cursor::new(req.body))
        }
        (None, Some(path)) => open_payload(path)?,
        (None, None) => {
            return Err(Error::usage(
                "no payload: give the raw body with --payload FILE (- for standard input) or the captured request with --request FILE",
            ))
        }
    };
    for h in &args.headers {
        headers.push(input::parse_header("-H", h)?);
    }
    if let Some(v) = &args.signature {
        if let Some(name) = pasted_header_name(&scheme, v) {
            return Err(Error::usage(format!(
                "--signature: give only the header's value, without '{name}:' in front (or pass the whole header with -H '{name}: …')"
            )));
        }
    }
    let now = args.now.unwrap_or_else(|| ctx.unix_now());
    let mut inputs = received(
        scheme,
        secrets,
        &headers,
        args.tolerance,
        now,
        notes,
        target,
    );
    if let Some(v) = &args.signature {
        inputs.signature = Some((v.clone(), "--signature".to_string()));
    }
    if let Some(v) = &args.timestamp {
        inputs.timestamp = Some((v.clone(), "--timestamp".to_string()));
    }
    if let Some(v) = &args.id {
        inputs.id = Some(v.clone());
    }
    let outcome = verify::verify(&inputs, &mut body).map_err(|e| {
        Error::usage(format!(
            "--payload: cannot read the body: {}",
            input::io_reason(&e)
        ))
    })?;
    let target = format!(
        "{} ({} secret{})",
        args.provider.as_str(),
        inputs.secrets.len(),
        if inputs.secrets.len() == 1 { "" } else { "s" }
    );
    let mut report = Report::new("verify-signature", target);
    for check in judge(args.provider, &inputs, &outcome) {
        report.push(check);
    }
    Ok(report)
}

/// A payload signed as a sender would sign it: what `sign` prints and
/// `webhook send` delivers.
pub struct Signed {
    pub scheme: Scheme,
    pub secret: Secret,
    pub payload: Vec<u8>,
    pub timestamp: i64,
    pub id: String,
    pub headers: Vec<(String, String)>,
}

/// Reads the one secret and the payload and signs it; `--timestamp`
/// defaults to now and `--id` to a random `msg_…`.
pub fn sign_payload(
    provider: Provider,
    args: &SchemeOptions,
    payload: &Path,
    timestamp: Option<i64>,
    id: Option<String>,
    ctx: &Ctx,
) -> Result<Signed> {
    let scheme = args.scheme(provider)?;
    let mut secrets = args.secrets()?;
    if secrets.len() > 1 {
        return Err(Error::usage(
            "--secret: signing uses one secret; give exactly one of --secret, --secret-file or PLUMB_WEBHOOK_SECRET",
        ));
    }
    let secret = secrets.remove(0);
    let payload = read_payload(payload)?;
    let timestamp = timestamp.unwrap_or_else(|| ctx.unix_now());
    let id = match id {
        Some(id) if id.trim().is_empty() => return Err(Error::usage("--id: the id is empty")),
        Some(id) => id,
        None => random_msg_id()?,
    };
    let headers = sign(&scheme, &secret, &payload, timestamp, &id)
        .map_err(|why| Error::usage(format!("--secret: {why}")))?;
    Ok(Signed {
        scheme,
        secret,
        payload,
        timestamp,
        id,
        headers,
    })
}

pub fn run_sign(args: SignOptions, ctx: &Ctx) -> Result<Report> {
    let signed = sign_payload(
        args.provider,
        &args.scheme,
        &args.payload,
        args.timestamp,
        args.id,
        ctx,
    )?;
    let mut report = Report::new(
        "sign",
        format!(
            "{} (secret {})",
            args.provider.as_str(),
            signed.secret.masked()
        ),
    );
    for check in header_checks(&signed.headers) {
        report.push(check);
    }
    let lines: Vec<String> = signed
        .headers
        .iter()
        .map(|(n, v)| format!("{n}: {v}"))
        .collect();
    report.raw_text = Some(lines.join("\n"));
    Ok(report)
}

pub const HEADERS: Def = Def {
    id: "sign.headers",
    title: "Signature headers",
    judges: "The headers a sender adds to sign the payload, as information; --format json gives them as a headers map.",
    remedies: &[],
};

/// Every check `sign` reports.
pub const SIGN_CHECKS: &[&Def] = &[&HEADERS];

/// The headers a sender adds, as one info check whose `details.headers`
/// maps each name to its value, so `--format json` gives a `headers` map;
/// the text format prints the report's raw `Name: value` lines.
pub fn header_checks(headers: &[(String, String)]) -> Vec<Check> {
    let map: serde_json::Map<String, serde_json::Value> = headers
        .iter()
        .map(|(name, value)| (name.clone(), serde_json::Value::from(value.clone())))
        .collect();
    let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
    vec![HEADERS
        .info(names.join(", "))
        .detail("headers", serde_json::Value::Object(map))]
}

/// A Standard Webhooks style message id: `msg_` and 24 random letters/digits.
pub fn random_msg_id() -> Result<String> {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Internal(format!("no randomness for a message id: {e}")))?;
    let tail: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    Ok(format!("msg_{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_random_and_prefixed() {
        let a = random_msg_id().unwrap();
        let b = random_msg_id().unwrap();
        assert!(a.starts_with("msg_") && a.len() == 28);
        assert_ne!(a, b);
    }

    #[test]
    fn header_lookup_is_case_insensitive_and_ordered() {
        let h = vec![
            ("Svix-Signature".to_string(), "b".to_string()),
            ("WEBHOOK-SIGNATURE".to_string(), "a".to_string()),
        ];
        assert_eq!(
            lookup(&h, &["webhook-signature", "svix-signature"]),
            Some(("WEBHOOK-SIGNATURE", "a"))
        );
        assert_eq!(lookup(&h, &["x"]), None);
    }
}

#[cfg(test)]
mod properties;
