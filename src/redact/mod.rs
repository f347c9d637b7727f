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

pub use crate::secret::{mask, prefixes};
mod shape;

pub use shape::{shapes, Entropy};

use crate::secret::Secret;
use base64::Engine;

/// Shorter known secrets are not searched for: they would match ordinary
/// words and hide nothing worth hiding.
const MIN_KNOWN: usize = 4;

/// Foreign text with every secret in `secrets` and every credential shape
/// masked: the full treatment, for anything a server, a file or a user
/// supplied.
pub fn foreign(text: &str, secrets: &[&Secret]) -> String {
    let known = Known::from_secrets(secrets.iter().copied());
    shapes(&known.apply(text), Entropy::On)
}

/// Foreign text when plumb sent no secret: the shape pass with entropy.
pub fn text(text: &str) -> String {
    shapes(text, Entropy::On)
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
        let mut out = text.to_string();
        for (needle, shown) in &self.pairs {
            if out.contains(needle.as_str()) {
                out = out.replace(needle.as_str(), shown);
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
