//! The one redactor: everything plumb prints that could hold a credential
//! passes through here. See docs/ "Limits and safety" for the policy.
//!
//! Two passes, always in this order:
//! - **known secrets** ([`Known`]): every secret plumb itself sent, in every
//!   encoding it sent it (raw, Basic base64 of `user:password` and each
//!   half, percent- and form-encoded, the token of a `Bearer` value);
//! - **shapes** ([`shapes`]): values that are credentials by their form,
//!   whatever key they sit under: every prefixed kind in [`prefixes`],
//!   Mailchimp keys, JWTs, `Bearer`/`Basic` values, URL userinfo,
//!   credential-named headers, parameters and JSON fields (`Cookie:`,
//!   `Set-Cookie:`, `?access_token=`, `"password":`), PEM private keys;
//!   and, for foreign text only ([`Entropy::On`]), long random-looking
//!   tokens (AWS, GCP, Azure, Discord secrets, digit-free runs included).
//!
//! Foreign text (bodies, headers, request ids, locations, proxy answers,
//! log samples, arguments echoed in errors) gets the entropy pass; plumb's
//! own text (what a report says about itself: check titles, certificate
//! fingerprints and signatures plumb computed) gets the other passes only,
//! so nothing plumb legitimately shows is hidden.
//!
//! A masked value keeps its kind's prefix and its last four characters
//! (`sk_live_…4f2a`); one shorter than twelve characters keeps none.

pub use crate::secret::{mask, mask_as, prefixes};
pub mod personal;
pub mod precheck;
pub use precheck::may_change;
mod shape;

pub use shape::{mask_value, scan, shapes, Entropy};

use crate::secret::prefixes::Family;
use crate::secret::Secret;
use base64::Engine;
use std::collections::BTreeMap;

/// What the redactor masked: each kind of value it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A secret plumb itself sent, found in one of its encodings.
    Sent,
    /// A credential with a known prefix (`sk_live_`, `ghp_`, `xoxb-`…).
    Prefixed(Family),
    Mailchimp,
    Jwt,
    Bearer,
    Basic,
    /// The password of `scheme://user:password@`.
    UrlUserinfo,
    /// `Cookie:` and `Set-Cookie:` values, cookie-named fields.
    Cookie,
    /// `Authorization:`/`Proxy-Authorization:` values.
    Authorization,
    /// Any other credential-named header, parameter or field.
    Field,
    PrivateKey,
    /// A long random-looking token.
    Token,
    Email,
    Phone,
    /// Recognised and shown whole (a UUID): not counted.
    Kept,
}

impl Kind {
    /// The kind as counts name it (`stripe`, `jwt`, `cookie`, `email`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Sent => "sent_secret",
            Kind::Prefixed(f) => match f {
                Family::Stripe => "stripe",
                Family::WebhookSecret => "webhook_secret",
                Family::Shopify => "shopify",
                Family::WooCommerce => "woocommerce",
                Family::GitHub => "github",
                Family::Slack => "slack",
                Family::Aws => "aws",
                Family::Google => "google",
                Family::SendGrid => "sendgrid",
                Family::GitLab => "gitlab",
                Family::Npm => "npm",
            },
            Kind::Mailchimp => "mailchimp",
            Kind::Jwt => "jwt",
            Kind::Bearer => "bearer",
            Kind::Basic => "basic",
            Kind::UrlUserinfo => "url_userinfo",
            Kind::Cookie => "cookie",
            Kind::Authorization => "authorization",
            Kind::Field => "credential_field",
            Kind::PrivateKey => "private_key",
            Kind::Token => "random_token",
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Kept => "kept",
        }
    }
}

/// How many values the redactor masked, by kind, counted in the same pass
/// that masks them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    counts: BTreeMap<&'static str, u64>,
}

impl Tally {
    pub fn add(&mut self, kind: Kind) {
        self.add_n(kind, 1);
    }

    fn add_n(&mut self, kind: Kind, n: u64) {
        if kind != Kind::Kept && n > 0 {
            *self.counts.entry(kind.as_str()).or_default() += n;
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        for (k, n) in &other.counts {
            *self.counts.entry(k).or_default() += n;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Each kind and its count, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.counts.iter().map(|(k, n)| (*k, *n))
    }

    /// The counts as a JSON object (`{"email": 2, "stripe": 1}`).
    pub fn to_json(&self) -> serde_json::Value {
        self.iter()
            .map(|(k, n)| (k.to_string(), serde_json::Value::from(n)))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }
}

/// What one pass of the shape redactor masks besides credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub entropy: Entropy,
    /// Email addresses and phone numbers, shown by their shape.
    pub personal: bool,
}

impl Pass {
    /// Foreign text: everything.
    pub const FOREIGN: Pass = Pass {
        entropy: Entropy::On,
        personal: true,
    };
    /// plumb's own text: credential shapes only.
    pub const OWN: Pass = Pass {
        entropy: Entropy::Off,
        personal: false,
    };
}

/// Largest text [`scan_bytes`] reads; anything larger is left out whole.
pub const MAX_SCAN: usize = 64 * 1024 * 1024;

/// Why [`scan_bytes`] left bytes out instead of redacting them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unscannable {
    TooLarge { size: usize, cap: usize },
    NotUtf8 { at: usize },
    Binary { at: usize },
}

impl std::fmt::Display for Unscannable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unscannable::TooLarge { size, cap } => write!(
                f,
                "{size} bytes is more than the {cap} bytes the redactor scans"
            ),
            Unscannable::NotUtf8 { at } => write!(f, "not UTF-8 text (at byte {at})"),
            Unscannable::Binary { at } => write!(f, "binary data (a NUL byte at byte {at})"),
        }
    }
}

/// Fails closed: bytes the redactor can read (UTF-8 text without NUL
/// bytes, at most `cap` long) come back redacted as foreign text, with
/// what was masked; anything else is refused whole, and the caller leaves
/// it out and says so — no part of text the redactor cannot scan is ever
/// passed on.
pub fn scan_bytes(bytes: &[u8], cap: usize) -> Result<(String, Tally), Unscannable> {
    if bytes.len() > cap {
        return Err(Unscannable::TooLarge {
            size: bytes.len(),
            cap,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Unscannable::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(Unscannable::Binary { at });
    }
    Ok(text_counted(text))
}

/// [`text`], with what it masked counted by kind.
pub fn text_counted(text: &str) -> (String, Tally) {
    let mut tally = Tally::default();
    let out = scan(text, Pass::FOREIGN, &mut tally);
    (out, tally)
}

/// Every string in a JSON value redacted as foreign text, counted in
/// `tally`; in an object that names a credential (`{"name":
/// "Authorization", "value": "…"}`, as HAR headers, cookies and query
/// parameters are written), or in a `cookies` list, the `value` is masked
/// whole whatever its shape.
pub fn json(value: &mut serde_json::Value, tally: &mut Tally) {
    json_in(value, false, tally);
}

fn json_in(value: &mut serde_json::Value, cookie: bool, tally: &mut Tally) {
    use serde_json::Value;
    match value {
        Value::String(s) => *s = scan(s, Pass::FOREIGN, tally),
        Value::Array(items) => items.iter_mut().for_each(|i| json_in(i, cookie, tally)),
        Value::Object(map) => {
            let named = map
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| cookie || is_credential_name(n))
                .map(str::to_ascii_lowercase);
            for (k, v) in map.iter_mut() {
                match (k.as_str(), v, &named) {
                    ("value", Value::String(s), Some(name)) if !s.is_empty() => {
                        tally.add(if cookie || name.contains("cookie") {
                            Kind::Cookie
                        } else if name.contains("authorization") {
                            Kind::Authorization
                        } else {
                            Kind::Field
                        });
                        *s = shape::mask_value(s);
                    }
                    (k, v, _) => json_in(v, cookie || k == "cookies", tally),
                }
            }
        }
        _ => {}
    }
}

/// Shorter known secrets are not searched for: they would match ordinary
/// words and hide nothing worth hiding.
const MIN_KNOWN: usize = 4;

/// Foreign text with every secret in `secrets`, every credential shape
/// and every email address and phone number masked: the full treatment,
/// for anything a server, a file or a user supplied.
pub fn foreign(text: &str, secrets: &[&Secret]) -> String {
    let known = Known::from_secrets(secrets.iter().copied());
    let mut tally = Tally::default();
    let sent = known.apply_counted(text, &mut tally);
    scan(&sent, Pass::FOREIGN, &mut tally)
}

/// Foreign text when plumb sent no secret: the shape pass with entropy
/// and personal data.
pub fn text(text: &str) -> String {
    scan(text, Pass::FOREIGN, &mut Tally::default())
}

/// Whether a header, query parameter or field name says its value is a
/// credential: `Authorization`, `Cookie`, `X-Api-Key`, `Apikey`, `X-Auth`,
/// `password`, `client_secret`, `access_token`, `signature` and the like.
pub fn is_credential_name(name: &str) -> bool {
    // Names as long as a header's are folded on the stack: the redactor
    // asks this at every word of the text it reads.
    let mut folded = [0u8; 64];
    if name.len() <= folded.len() && name.is_ascii() {
        for (f, b) in folded.iter_mut().zip(name.bytes()) {
            *f = if b == b'_' {
                b'-'
            } else {
                b.to_ascii_lowercase()
            };
        }
        // ASCII in, ASCII out.
        let n = std::str::from_utf8(&folded[..name.len()]).unwrap_or_default();
        return is_folded_credential_name(n);
    }
    is_folded_credential_name(&name.to_ascii_lowercase().replace('_', "-"))
}

/// [`is_credential_name`] for a name already lowercased, `_` as `-`.
fn is_folded_credential_name(n: &str) -> bool {
    let n = n.trim_matches('-');
    matches!(
        n,
        "authorization"
            | "proxy-authorization"
            | "cookie"
            | "set-cookie"
            | "apikey"
            | "api-key"
            | "auth"
            | "pwd"
            | "sig"
            | "jwt"
    ) || [
        "token",
        "secret",
        "password",
        "passwd",
        "apikey",
        "api-key",
        "authorization",
        "x-auth",
        "session",
        "cookie",
        "signature",
        "credential",
        "private-key",
        "access-key",
    ]
    .iter()
    .any(|w| n.contains(w))
        || (n.ends_with("-key") && !matches!(n, "idempotency-key" | "sort-key" | "primary-key"))
}

/// The secrets plumb sent, each in every encoding it could have been
/// sent in, ready to be found in foreign text.
#[derive(Clone, Default)]
pub struct Known {
    /// (needle, replacement), longest needle first.
    pairs: Vec<(String, String)>,
}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Known({} forms)", self.pairs.len())
    }
}

impl Known {
    pub fn from_secrets<'a>(secrets: impl IntoIterator<Item = &'a Secret>) -> Self {
        let mut known = Known::default();
        for s in secrets {
            known.add(s.expose());
        }
        known
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds a secret as it was sent: a bare key, `user:password`, or a
    /// header value (`Bearer tok`, `Basic dXNlcjpwYXNz`).
    pub fn add(&mut self, sent: &str) {
        // As sent, surrounding spaces included (they are part of what was
        // encoded), and trimmed.
        self.add_value(sent);
        let sent = sent.trim();
        let lower = sent.to_ascii_lowercase();
        for scheme in ["bearer ", "token ", "basic "] {
            if lower.starts_with(scheme) {
                let rest = sent[scheme.len()..].trim();
                if scheme == "basic " {
                    if let Some(plain) = decode_base64(rest) {
                        self.add_value(&plain);
                    }
                }
                self.add_value(rest);
                return;
            }
        }
        self.add_value(sent);
    }

    fn add_value(&mut self, value: &str) {
        if value.len() < MIN_KNOWN {
            return;
        }
        let shown = mask(value);
        for form in encodings(value) {
            self.push(form, &shown);
        }
        // `user:password` (Basic auth, proxy credentials, WooCommerce's
        // `ck_…:cs_…`): each half is a secret of its own.
        if let Some((user, pass)) = value.split_once(':') {
            for half in [user, pass] {
                if half.len() >= MIN_KNOWN {
                    let shown = mask(half);
                    for form in encodings(half) {
                        self.push(form, &shown);
                    }
                }
            }
        }
        self.pairs
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.pairs.dedup_by(|a, b| a.0 == b.0);
    }

    fn push(&mut self, needle: String, shown: &str) {
        if needle.len() >= MIN_KNOWN {
            self.pairs.push((needle, shown.to_string()));
        }
    }

    /// `text` with every known form replaced by its masked value.
    pub fn apply(&self, text: &str) -> String {
        self.apply_counted(text, &mut Tally::default())
    }

    /// [`Known::apply`], counting each replacement in `tally`.
    pub fn apply_counted(&self, text: &str, tally: &mut Tally) -> String {
        let mut out = text.to_string();
        for (needle, shown) in &self.pairs {
            let n = out.matches(needle.as_str()).count();
            if n > 0 {
                out = out.replace(needle.as_str(), shown);
                tally.add_n(Kind::Sent, n as u64);
            }
        }
        out
    }
}

/// The forms a value travels in: itself, base64 (standard, unpadded and
/// URL-safe), percent-encoded and form-encoded.
fn encodings(value: &str) -> Vec<String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let mut forms = vec![
        value.to_string(),
        STANDARD.encode(value),
        STANDARD_NO_PAD.encode(value),
        URL_SAFE_NO_PAD.encode(value),
        percent(value, false),
        percent(value, true),
        percent(value, false).to_ascii_lowercase_escapes(),
    ];
    forms.sort();
    forms.dedup();
    forms
}

/// Percent-encodes every byte outside the unreserved set; `form` writes a
/// space as `+` as HTML forms do.
fn percent(value: &str, form: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else if form && b == b' ' {
            out.push('+');
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

trait LowerEscapes {
    fn to_ascii_lowercase_escapes(&self) -> String;
}

impl LowerEscapes for String {
    /// `%2F` as `%2f`: some servers echo escapes in lower case.
    fn to_ascii_lowercase_escapes(&self) -> String {
        let mut out = String::with_capacity(self.len());
        let mut rest = self.as_str();
        while let Some(i) = rest.find('%') {
            out.push_str(&rest[..i]);
            let esc = rest.get(i..i + 3).unwrap_or(&rest[i..]);
            out.push_str(&esc.to_ascii_lowercase());
            rest = &rest[i + esc.len()..];
        }
        out.push_str(rest);
        out
    }
}

pub(crate) fn decode_base64(s: &str) -> Option<String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
    let bytes = STANDARD
        .decode(s)
        .or_else(|_| STANDARD_NO_PAD.decode(s))
        .ok()?;
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests;
