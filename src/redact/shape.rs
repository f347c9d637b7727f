//! Finding credentials by their shape in free text.

use super::{is_credential_name, mask, personal, prefixes, Kind, Pass, Tally};

/// Whether long random-looking tokens are masked too. On for foreign text;
/// off for plumb's own, which shows digests and fingerprints it computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entropy {
    On,
    Off,
}

/// Longest run the entropy test reads at once: longer runs are judged in
/// slices, which keeps scanning linear.
const MAX_UNIT: usize = 512;

/// Longest header, parameter or field name recognised.
const MAX_NAME: usize = 64;

/// `text` with every credential-shaped value masked.
pub fn shapes(text: &str, entropy: Entropy) -> String {
    scan(
        text,
        Pass {
            entropy,
            personal: false,
        },
        &mut Tally::default(),
    )
}

/// `text` with every credential-shaped value (and, with
/// [`Pass::personal`], every email address and phone number) masked, each
/// one counted in `tally` by its kind as it is masked.
pub fn scan(text: &str, pass: Pass, tally: &mut Tally) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let found = if starts_word(b, i) {
            at(text, i, pass)
        } else if pass.personal && starts_phone(b, i) {
            personal::phone(text, i).map(|end| (end, personal::shape(&text[i..end]), Kind::Phone))
        } else {
            None
        };
        if let Some((end, shown, kind)) = found {
            out.push_str(&text[copied..i]);
            out.push_str(&shown);
            tally.add(kind);
            copied = end;
            i = end;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// `+` or `(` before a digit, not inside a word: where a phone number
/// that does not start with a digit may start.
fn starts_phone(b: &[u8], i: usize) -> bool {
    matches!(b[i], b'+' | b'(')
        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        && (i == 0 || !word_byte(b[i - 1]))
}

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn starts_word(b: &[u8], i: usize) -> bool {
    (b[i].is_ascii_alphanumeric() || b[i] == b'-') && (i == 0 || !word_byte(b[i - 1]))
}

/// What was found at a place: where it ends, what to show, its kind.
type Found = Option<(usize, String, Kind)>;

/// The credential (or personal datum) starting at byte `i`.
fn at(text: &str, i: usize, pass: Pass) -> Found {
    let rest = &text[i..];
    if rest.starts_with("-----BEGIN ") {
        return pem(text, i);
    }
    if rest.starts_with('-') {
        return None;
    }
    userinfo(text, i)
        .or_else(|| scheme(text, i))
        .or_else(|| named(text, i))
        .or_else(|| prefixed(text, i))
        .or_else(|| mailchimp(text, i))
        .or_else(|| jwt(text, i))
        .or_else(|| pass.personal.then(|| personal_at(text, i)).flatten())
        .or_else(|| {
            (pass.entropy == Entropy::On)
                .then(|| random(text, i))
                .flatten()
        })
}

/// An email address or a phone number starting at `i`, as its shape.
fn personal_at(text: &str, i: usize) -> Found {
    if let Some(end) = personal::email(text, i) {
        return Some((end, personal::shape(&text[i..end]), Kind::Email));
    }
    if text.as_bytes()[i].is_ascii_digit() {
        if let Some(end) = personal::phone(text, i) {
            return Some((end, personal::shape(&text[i..end]), Kind::Phone));
        }
    }
    None
}

fn run(b: &[u8], from: usize, ok: impl Fn(u8) -> bool) -> usize {
    let mut j = from;
    while j < b.len() && ok(b[j]) {
        j += 1;
    }
    j
}

/// A PEM private-key block, to its END line (or the end of the text).
fn pem(text: &str, i: usize) -> Found {
    let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
    let header = &text[i..line_end];
    let label_end = header.find("PRIVATE KEY-----")?;
    let after = i + label_end + "PRIVATE KEY-----".len();
    let end = match text[after..].find("-----END ") {
        Some(e) => {
            let start = after + e;
            text[start..]
                .find("KEY-----")
                .map_or(text.len(), |k| start + k + "KEY-----".len())
        }
        None => text.len(),
    };
    Some((
        end,
        "-----BEGIN PRIVATE KEY----- (redacted)".to_string(),
        Kind::PrivateKey,
    ))
}

/// `scheme://user:password@`: the password always, the user when it is
/// itself credential-shaped.
fn userinfo(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    if !b[i].is_ascii_alphabetic() {
        return None;
    }
    let s_end = run(b, i, |c| c.is_ascii_alphanumeric() || b"+.-".contains(&c));
    if !text[s_end..].starts_with("://") {
        return None;
    }
    let u = s_end + 3;
    let at = run(b, u, |c| {
        !c.is_ascii_whitespace() && !b"/?#@\"'<>\\".contains(&c) && c.is_ascii()
    });
    if b.get(at) != Some(&b'@') {
        return None;
    }
    let (user, pass) = text[u..at].split_once(':')?;
    if pass.is_empty() || pass == "redacted" || pass.contains('…') {
        return None;
    }
    let user = if shapes(user, Entropy::On) != user {
        mask(user)
    } else {
        user.to_string()
    };
    Some((
        at + 1,
        format!("{}://{user}:{}@", &text[i..s_end], mask(pass)),
        Kind::UrlUserinfo,
    ))
}

/// `Bearer <token>` and `Basic <base64>`, in any letter case.
fn scheme(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    let word_end = run(b, i, |c| c.is_ascii_alphabetic());
    let word = &text[i..word_end];
    if !word.eq_ignore_ascii_case("bearer") && !word.eq_ignore_ascii_case("basic") {
        return None;
    }
    let v = run(b, word_end, |c| c == b' ');
    if v == word_end {
        return None;
    }
    let end = run(b, v, |c| {
        c.is_ascii_alphanumeric() || b"._~+/=-".contains(&c)
    });
    let cred = &text[v..end];
    let strong = cred
        .bytes()
        .any(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    if cred.len() < 8 || !(strong || cred.len() >= 16) {
        return None;
    }
    let kind = if word.eq_ignore_ascii_case("bearer") {
        Kind::Bearer
    } else {
        Kind::Basic
    };
    Some((end, format!("{word} {}", mask(cred)), kind))
}

/// A credential-named header, parameter or field and its value:
/// `Authorization: …` at the start of a line (to its end), `?token=…` and
/// `password=…` (to the next delimiter), `"client_secret": "…"`.
fn named(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    let n_end = run(b, i, |c| {
        c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
    });
    if n_end - i > MAX_NAME || n_end == i {
        return None;
    }
    let name = &text[i..n_end];
    let before = if i == 0 { None } else { Some(b[i - 1]) };
    let quote = before.filter(|c| *c == b'"' || *c == b'\'');
    let mut k = n_end;
    if let Some(q) = quote {
        if b.get(k) != Some(&q) {
            return None;
        }
        k += 1;
    }
    k = run(b, k, |c| c == b' ' || c == b'\t');
    let sep = *b.get(k)?;
    // The separator first: it rules out most words more cheaply than
    // their name does.
    if (sep != b':' && sep != b'=') || !is_credential_name(name) {
        return None;
    }
    let after_sep = k + 1;
    let v = run(b, after_sep, |c| c == b' ' || c == b'\t');
    let lower = name.to_ascii_lowercase();
    let signature = lower.contains("signature") || lower == "sig";
    // A signature is a credential in a URL (presigned links), and plumb's
    // own signature headers (`Stripe-Signature: t=…`) are meant to be shown.
    if signature && !(sep == b'=' && matches!(before, Some(b'?' | b'&'))) {
        return None;
    }
    let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
    // A header that is never a word of prose (`Cookie:`, `Set-Cookie:`,
    // `Authorization:`) is a header wherever a log line quotes it.
    let header_only = matches!(
        lower.trim_matches(|c| c == '-' || c == '_'),
        "cookie" | "set-cookie" | "authorization" | "proxy-authorization"
    );
    let at_line_start = header_only || text[line_start..i].bytes().all(|c| c == b' ' || c == b'\t');
    let (value_start, value_end, close) =
        if sep == b':' && quote.is_none() && at_line_start && v > after_sep {
            // A header line: the value runs to the end of the line.
            let end = text[v..].find(['\n', '\r']).map_or(text.len(), |n| v + n);
            let trimmed = text[v..end].trim_end();
            (v, v + trimmed.len(), "")
        } else if let Some(&q @ (b'"' | b'\'')) = b.get(v) {
            let mut j = v + 1;
            while j < b.len() && b[j] != q {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let j = j.min(b.len());
            (
                v + 1,
                j,
                if j < b.len() {
                    if q == b'"' {
                        "\""
                    } else {
                        "'"
                    }
                } else {
                    ""
                },
            )
        } else if sep == b':' && v > after_sep && quote.is_none() {
            // `token: abc` in the middle of prose is not a field.
            return None;
        } else {
            let end = run(b, v, |c| {
                !c.is_ascii_whitespace() && !b"&\"'<>,;)]}#\\".contains(&c)
            });
            (v, end, "")
        };
    let value = &text[value_start..value_end];
    if value.is_empty()
        || value.contains('…')
        || matches!(value, "null" | "true" | "false" | "redacted" | "(redacted)")
    {
        return None;
    }
    let end = value_end + close.len();
    let kind = if lower.contains("cookie") {
        Kind::Cookie
    } else if lower.contains("authorization") {
        Kind::Authorization
    } else {
        Kind::Field
    };
    Some((
        end,
        format!("{}{}{close}", &text[i..value_start], mask_value(value)),
        kind,
    ))
}

/// A header value masked, keeping its scheme word (`Bearer …4f2a`).
pub fn mask_value(value: &str) -> String {
    for scheme in ["Bearer ", "Basic ", "Token ", "Digest "] {
        // `get`, not indexing: the value may hold a multi-byte character
        // (an earlier mask's `…`) where the scheme word would end.
        if value.len() > scheme.len()
            && value
                .get(..scheme.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(scheme))
        {
            return format!(
                "{}{}",
                &value[..scheme.len()],
                mask(value[scheme.len()..].trim())
            );
        }
    }
    mask(value)
}

/// A value that starts with a known prefix (`sk_live_`, `ghp_`, `xoxb-`…).
fn prefixed(text: &str, i: usize) -> Found {
    let p = prefixes::prefix_of(&text[i..])?;
    let b = text.as_bytes();
    let body_start = i + p.text.len();
    let end = run(b, body_start, |c| p.body.allows(c));
    if end - body_start < p.min_body {
        return None;
    }
    Some((end, mask(&text[i..end]), Kind::Prefixed(p.family)))
}

/// A Mailchimp key: 32 hex characters, a dash and the data centre (`us6`).
/// The data centre is not secret and stays readable.
fn mailchimp(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    let hex_end = run(b, i, |c| c.is_ascii_hexdigit());
    if hex_end - i != 32 || b.get(hex_end) != Some(&b'-') {
        return None;
    }
    let dc_start = hex_end + 1;
    let letters = run(b, dc_start, |c| c.is_ascii_lowercase());
    let digits = run(b, letters, |c| c.is_ascii_digit());
    if letters - dc_start < 2 || digits == letters || b.get(digits).is_some_and(|c| word_byte(*c)) {
        return None;
    }
    Some((
        digits,
        format!("{}-{}", mask(&text[i..hex_end]), &text[dc_start..digits]),
        Kind::Mailchimp,
    ))
}

/// A JSON Web Token: `eyJ…` header, a dot, the payload, maybe a signature.
fn jwt(text: &str, i: usize) -> Found {
    if !text[i..].starts_with("eyJ") {
        return None;
    }
    let b = text.as_bytes();
    let b64 = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let h_end = run(b, i, b64);
    if h_end - i < 10 || b.get(h_end) != Some(&b'.') {
        return None;
    }
    let p_end = run(b, h_end + 1, b64);
    if p_end - h_end < 3 {
        return None;
    }
    let end = if b.get(p_end) == Some(&b'.') {
        run(b, p_end + 1, b64)
    } else {
        p_end
    };
    Some((end, super::mask_as("eyJ", &text[i..end]), Kind::Jwt))
}

/// A long random-looking token (entropy pass only).
fn random(text: &str, i: usize) -> Found {
    let b = text.as_bytes();
    if !b[i].is_ascii_alphanumeric() {
        return None;
    }
    let limit = (i + MAX_UNIT).min(b.len());
    let unit_end = |slash: bool| {
        let mut j = i;
        while j < limit
            && (b[j].is_ascii_alphanumeric() || b"_+-".contains(&b[j]) || (slash && b[j] == b'/'))
        {
            j += 1;
        }
        while j < limit && b[j] == b'=' {
            j += 1;
        }
        j
    };
    // A base64 secret may hold `/` (AWS); a path holds it too, so a run
    // with slashes counts only when it mixes all three character classes.
    let with_slash = unit_end(true);
    if text[i..with_slash].contains('/') && looks_random(&text[i..with_slash], true) {
        return Some((with_slash, mask(&text[i..with_slash]), Kind::Token));
    }
    let end = unit_end(false);
    if is_uuid(&text[i..end]) {
        // Request and record ids: shown whole, and not judged in pieces.
        return Some((end, text[i..end].to_string(), Kind::Kept));
    }
    looks_random(&text[i..end], false).then(|| (end, mask(&text[i..end]), Kind::Token))
}

/// Whether `s` reads as a generated secret rather than a word, name, id,
/// date or path. Judged on its characters alone.
pub(crate) fn looks_random(s: &str, strict: bool) -> bool {
    let t = s.trim_end_matches('=');
    let n = t.len();
    if n < 20 || is_uuid(t) {
        return false;
    }
    let up = t.bytes().filter(u8::is_ascii_uppercase).count();
    let lo = t.bytes().filter(u8::is_ascii_lowercase).count();
    let dg = t.bytes().filter(u8::is_ascii_digit).count();
    let h = shannon(t);
    // Words keep their lowercase letters together (`Controller`); random
    // text breaks them up.
    let wordy = lowercase_in_runs(t, 3) as f64 / n as f64;
    if strict {
        return up > 0 && lo > 0 && h >= 3.8 && wordy < 0.5;
    }
    let hex = t.bytes().all(|c| c.is_ascii_hexdigit()) && !(up > 0 && lo > 0);
    if hex {
        // Digests and legacy tokens: 32 hex characters and more.
        return n >= 32 && dg > 0 && up + lo > 0;
    }
    // `release-2024-11-23`, `x86_64-linux-gnu`: words and numbers joined.
    let parts: Vec<&str> = t.split(['-', '_']).collect();
    let pure = |p: &&str| {
        p.len() < 6
            || p.bytes().all(|c| c.is_ascii_alphabetic())
            || p.bytes().all(|c| c.is_ascii_digit())
    };
    if parts.len() >= 2 && parts.iter().all(pure) {
        return false;
    }
    let classes = usize::from(up > 0) + usize::from(lo > 0) + usize::from(dg > 0);
    match classes {
        3 => h >= 3.3 && wordy < 0.6,
        2 if dg == 0 => h >= 3.5 && wordy < 0.5,
        2 => h >= 3.5 && dg >= 4 && up + lo >= 4 && wordy < 0.5,
        _ => false,
    }
}

fn is_uuid(s: &str) -> bool {
    // 8-4-4-4-12 is 36 bytes: most words are ruled out without splitting.
    if s.len() != 36 {
        return false;
    }
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|c| c.is_ascii_hexdigit()))
}

fn shannon(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    for c in s.bytes() {
        counts[usize::from(c)] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = f64::from(*c) / n;
            -p * p.log2()
        })
        .sum()
}

/// How many lowercase letters sit in runs of at least `min`.
fn lowercase_in_runs(s: &str, min: usize) -> usize {
    let mut total = 0;
    let mut current = 0;
    for c in s.bytes().chain(std::iter::once(b' ')) {
        if c.is_ascii_lowercase() {
            current += 1;
        } else {
            if current >= min {
                total += current;
            }
            current = 0;
        }
    }
    total
}
