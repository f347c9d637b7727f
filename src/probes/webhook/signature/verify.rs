//! Verification: the body is hashed as it streams (memory does not grow
//! with it); a capped copy is kept for the diagnosis.

use super::diagnose::{self, Cause, Found, MAX_DIAGNOSED_BODY};
use super::header::{self, HeaderProblem, Parsed};
use super::scheme::{self, Mac, Provider, Scheme};
use crate::secret::Secret;
use std::io::Read;

/// Everything but the body, already read and checked.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub scheme: Scheme,
    pub secrets: Vec<Secret>,
    /// The signature header's value as sent, and where it came from.
    pub signature: Option<(String, String)>,
    /// The timestamp and where it came from, when separate from the signature.
    pub timestamp: Option<(String, String)>,
    pub id: Option<String>,
    pub tolerance_secs: u64,
    pub now: i64,
    /// What the request parser noticed.
    pub notes: Vec<String>,
    /// The request target of a `--request` capture.
    pub target: Option<String>,
}

/// The first and last bytes, length and SHA-256 of what was signed.
#[derive(Debug, Clone, Default)]
pub struct Signed {
    pub len: u64,
    pub head: Vec<u8>,
    pub tail: Vec<u8>,
    pub sha256: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clock {
    /// The scheme signs no timestamp.
    NotUsed,
    Missing,
    NotANumber(String),
    /// Seconds the timestamp lies behind now (negative: ahead), and whether
    /// it had to be read as milliseconds.
    Skew {
        ts: i64,
        behind: i64,
        millis: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub parsed: Parsed,
    /// Why nothing could be computed (no signature, no id, bad key).
    pub unusable: Option<String>,
    /// (secret, entry) that matched.
    pub matched: Option<(usize, usize)>,
    /// The signature header value each secret produces, or why it cannot.
    pub computed: Vec<Result<String, String>>,
    pub signed: Signed,
    pub clock: Clock,
    pub diagnosis: Option<Found>,
    /// The body was too large to keep for a diagnosis.
    pub too_large: bool,
}

impl Outcome {
    /// A match as the sender's own verifier would see it: no copy mistake
    /// undone, and in the scheme's own encoding.
    pub fn clean_match(&self) -> bool {
        self.matched.is_some() && self.diagnosis.is_none()
    }
}

const EDGE: usize = 32;
const CHUNK: usize = 64 * 1024;

pub fn verify(inputs: &Inputs, body: &mut dyn Read) -> std::io::Result<Outcome> {
    let scheme = &inputs.scheme;
    let parsed = match &inputs.signature {
        Some((value, _)) => header::parse(scheme, value),
        None => Parsed::default(),
    };
    let ts_text = inputs
        .timestamp
        .as_ref()
        .map(|(t, _)| t.clone())
        .or_else(|| parsed.timestamp.clone());
    let clock = clock(scheme, ts_text.as_deref(), inputs.now);
    let id = inputs.id.clone().unwrap_or_default();
    let ts = ts_text.clone().unwrap_or_default();
    let unusable = unusable(inputs, &parsed, &clock);
    let keys: Vec<Result<Vec<u8>, String>> = inputs
        .secrets
        .iter()
        .map(|s| scheme.key(s.expose()))
        .collect();

    let prefix = scheme.prefix(&ts, &id);
    let mut macs: Vec<Option<Mac>> = keys
        .iter()
        .map(|k| k.as_ref().ok().map(|k| Mac::new(scheme.algorithm(), k)))
        .collect();
    let streams = scheme.streams() && unusable.is_none();
    if streams {
        for m in macs.iter_mut().flatten() {
            m.update(&prefix);
        }
    }
    let mut held: Option<Vec<u8>> = Some(Vec::new());
    let mut tail: Vec<u8> = Vec::new();
    let mut head: Vec<u8> = prefix.iter().copied().take(EDGE).collect();
    let mut len: u64 = 0;
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = &buf[..n];
        if streams {
            for m in macs.iter_mut().flatten() {
                m.update(chunk);
            }
        }
        len += n as u64;
        if let Some(h) = &mut held {
            if h.len() + n <= MAX_DIAGNOSED_BODY {
                h.extend_from_slice(chunk);
            } else {
                held = None;
            }
        }
        if head.len() < EDGE {
            head.extend(chunk.iter().copied().take(EDGE - head.len()));
        }
        keep_tail(&mut tail, chunk);
    }

    let tags: Vec<Option<Vec<u8>>> = if !streams && unusable.is_none() {
        match &held {
            Some(b) => keys
                .iter()
                .map(|k| {
                    k.as_ref().ok().map(|k| {
                        scheme::mac(
                            scheme.algorithm(),
                            k,
                            &[&scheme.signed_content(&ts, &id, b).unwrap_or_default()],
                        )
                    })
                })
                .collect(),
            None => vec![None; keys.len()],
        }
    } else if unusable.is_none() {
        macs.into_iter().map(|m| m.map(Mac::tag)).collect()
    } else {
        vec![None; keys.len()]
    };

    let matched = tags.iter().enumerate().find_map(|(i, tag)| {
        let tag = tag.as_ref()?;
        let e = parsed
            .entries
            .iter()
            .position(|e| e.bytes.as_deref().is_some_and(|b| scheme::same_tag(tag, b)))?;
        Some((i, e))
    });
    // Shown the way the received signatures are: encoded, without prefix,
    // in the encoding the sender used when the scheme allows either.
    let shown_encoding = match parsed.entries.first().and_then(|e| e.encoding) {
        Some(e) if scheme.detects_encoding() => e,
        _ => scheme.encoding(),
    };
    let computed = keys
        .iter()
        .zip(&tags)
        .map(|(k, t)| match (k, t) {
            (Err(why), _) => Err(why.clone()),
            (Ok(_), Some(t)) => Ok(shown_encoding.encode(t)),
            (Ok(_), None) => Err("not computed".to_string()),
        })
        .collect();
    let signed = signed_info(
        scheme,
        held.as_deref(),
        prefix.len() as u64 + len,
        (head, tail),
        &ts,
        &id,
    );
    let too_large = held.is_none();
    let mut out = Outcome {
        parsed,
        unusable,
        matched,
        computed,
        signed,
        clock,
        diagnosis: None,
        too_large,
    };
    out.diagnosis = diagnose(inputs, &out, held.as_deref(), &ts, &id);
    Ok(out)
}

fn keep_tail(tail: &mut Vec<u8>, chunk: &[u8]) {
    if chunk.len() >= EDGE {
        tail.clear();
        tail.extend_from_slice(&chunk[chunk.len() - EDGE..]);
    } else {
        tail.extend_from_slice(chunk);
        if tail.len() > EDGE {
            tail.drain(..tail.len() - EDGE);
        }
    }
}

fn signed_info(
    scheme: &Scheme,
    body: Option<&[u8]>,
    len: u64,
    edges: (Vec<u8>, Vec<u8>),
    ts: &str,
    id: &str,
) -> Signed {
    match body {
        Some(b) => {
            let content = scheme.signed_content(ts, id, b).unwrap_or_default();
            Signed {
                len: content.len() as u64,
                head: content[..content.len().min(EDGE)].to_vec(),
                tail: content[content.len().saturating_sub(EDGE)..].to_vec(),
                sha256: Some(scheme::sha256_hex(&content)),
            }
        }
        None => Signed {
            len,
            head: edges.0,
            tail: edges.1,
            sha256: None,
        },
    }
}

fn clock(scheme: &Scheme, ts: Option<&str>, now: i64) -> Clock {
    if !scheme.uses_timestamp() {
        return Clock::NotUsed;
    }
    let Some(ts) = ts else { return Clock::Missing };
    match ts.trim().parse::<i64>() {
        Ok(t) => {
            let millis = diagnose::looks_like_ms(t);
            let secs = if millis { t / 1000 } else { t };
            Clock::Skew {
                ts: secs,
                behind: now.saturating_sub(secs),
                millis,
            }
        }
        Err(_) => Clock::NotANumber(ts.to_string()),
    }
}

fn unusable(inputs: &Inputs, parsed: &Parsed, clock: &Clock) -> Option<String> {
    let scheme = &inputs.scheme;
    let Some((_, source)) = &inputs.signature else {
        return Some(format!(
            "no signature: give the {} header with -H, the value with --signature, or the captured request with --request",
            scheme.signature_headers().join(" or ")
        ));
    };
    if parsed.entries.is_empty() {
        let what = match scheme.provider {
            Provider::Stripe => "no v1= signature",
            Provider::Standard => "no v1, signature",
            _ => "no signature",
        };
        return Some(format!("{source} holds {what}"));
    }
    let whole = |e: &header::Entry| {
        e.bytes
            .as_ref()
            .is_some_and(|b| b.len() >= scheme.algorithm().tag_len() || b.len() == 20)
    };
    if parsed.problems.contains(&HeaderProblem::Truncated) && !parsed.entries.iter().any(whole) {
        return Some(format!(
            "{source}: {}",
            HeaderProblem::Truncated.text(scheme)
        ));
    }
    if parsed.entries.iter().all(|e| e.bytes.is_none()) {
        return Some(format!(
            "{source} is neither hex nor base64, so it cannot be a signature"
        ));
    }
    match clock {
        Clock::Missing => {
            let where_ = if scheme.provider == Provider::Stripe {
                "the t= part of the header".to_string()
            } else {
                format!(
                    "--timestamp or the {} header",
                    scheme.timestamp_headers().join(" or ")
                )
            };
            return Some(format!("no timestamp: the scheme signs it; give {where_}"));
        }
        Clock::NotANumber(t) => {
            return Some(format!("the timestamp '{t}' is not a Unix time in seconds"))
        }
        _ => {}
    }
    if scheme.provider == Provider::Standard && inputs.id.is_none() {
        return Some("no message id: give the webhook-id (or svix-id) header, or --id".to_string());
    }
    None
}

fn diagnose(
    inputs: &Inputs,
    out: &Outcome,
    body: Option<&[u8]>,
    ts: &str,
    id: &str,
) -> Option<Found> {
    let scheme = &inputs.scheme;
    if let Some((secret, entry)) = out.matched {
        // A second t= is forgiven by Stripe's libraries when the first one
        // is the signed one: named by signature.header, not a failure.
        if let Some(p) = out.parsed.problems.iter().find(|p| !p.forgiven()) {
            return Some(Found::new(Cause::Header(*p), secret, entry));
        }
        let enc = out.parsed.entries[entry].encoding;
        if !scheme.detects_encoding() && enc.is_some_and(|e| e != scheme.encoding()) {
            return Some(Found::new(Cause::Encoding(enc?), secret, entry));
        }
        return None;
    }
    if out.unusable.is_some() {
        return None;
    }
    let found = diagnose::Search {
        scheme,
        secrets: &inputs.secrets,
        entries: &out.parsed.entries,
        timestamp: ts,
        id,
        body: body?,
        target: inputs.target.as_deref(),
    }
    .run();
    // Nothing undone makes it match, but the header itself is wrong: that
    // is the cause to fix first (a second t=, a v1 cut short).
    match (&found, out.parsed.problems.first()) {
        (None, Some(p)) => Some(Found::new(Cause::Header(*p), 0, 0)),
        (Some(f), Some(p)) if f.cause == Cause::AlteredOrSecret => {
            Some(Found::new(Cause::Header(*p), 0, 0))
        }
        _ => found,
    }
}

/// Whether the delivery passes: a clean match inside the tolerance.
pub fn passes(inputs: &Inputs, out: &Outcome) -> bool {
    out.clean_match() && clock_ok(inputs, &out.clock)
}

pub fn clock_ok(inputs: &Inputs, clock: &Clock) -> bool {
    let tol = i64::try_from(inputs.tolerance_secs).unwrap_or(i64::MAX);
    match clock {
        Clock::NotUsed => true,
        Clock::Skew { millis: true, .. } => false,
        Clock::Skew { behind, .. } => {
            *behind <= tol && (inputs.scheme.only_past_expires() || -*behind <= tol)
        }
        _ => false,
    }
}

/// The header problems that stand alone (no match needed to name them).
pub fn header_problems(out: &Outcome, scheme: &Scheme) -> Vec<String> {
    out.parsed
        .problems
        .iter()
        .map(|p: &HeaderProblem| p.text(scheme))
        .collect()
}
