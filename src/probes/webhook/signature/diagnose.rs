//! Why a signature does not match: plumb re-signs variants of the secret,
//! the algorithm, the timestamp, Mandrill's URL and the body (one change,
//! or a real writer's several, see `candidates`), and names the change
//! that makes it match; failing that, the signs of a re-serialised body.

use super::candidates;
use super::header::{Entry, HeaderProblem};
use super::scheme::{self, Algorithm, Encoding, Provider, Scheme};
use crate::secret::Secret;
use base64::Engine;
use serde::Serialize;
use std::io::Read;

/// Bodies larger than this are verified as they stream but not diagnosed.
pub const MAX_DIAGNOSED_BODY: usize = 16 * 1024 * 1024;

/// What happened to the body between the sender signing it and plumb
/// (or the receiver) verifying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyChange {
    NewlineAdded,
    NewlineStripped,
    CrlfToLf,
    LfToCrlf,
    BomAdded,
    BomStripped,
    /// Re-serialised; the sender's bytes were in this style.
    Json(JsonStyle),
    /// Non-ASCII characters the sender escaped (`\u00e9`) arrived raw.
    UnicodeUnescaped,
    /// Raw UTF-8 the sender sent arrived escaped as `\uXXXX`.
    UnicodeEscaped,
    /// Verified while still gzip-compressed.
    Gzipped,
    FormReencoded,
    /// The sender escaped `/` as `\/` (PHP's json_encode); the body
    /// verified has plain `/`.
    SlashesUnescaped,
    /// The body verified has `\/` where the sender wrote `/`.
    SlashesEscaped,
    /// The sender wrote a number as `10.0`; the body verified has `10`.
    NumbersShortened,
    /// The sender wrote `10`; the body verified has `10.0`.
    NumbersLengthened,
    /// The sender's keys were in another order (it signed them sorted).
    KeysReordered,
    /// The body given is the JSON of one form field (`payload=`,
    /// `mandrill_events=`), not the form the sender signed.
    FormFieldExtracted,
    /// The form body was percent-decoded before it was verified.
    FormDecoded,
    /// The form fields were put in another order.
    FormReordered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonStyle {
    Compact,
    Pretty2,
    Pretty4,
    Spaced,
}

/// What differs about the secret the sender used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretChange {
    /// The receiver's copy is wrapped in quotes.
    Quotes,
    /// The receiver's copy starts with its prefix twice (`whsec_whsec_`).
    PrefixDoubled,
    /// The receiver holds the secret with HTML entities (`&amp;`) that
    /// WooCommerce decodes before signing.
    HtmlEntitiesHeld,
    Whitespace,
    PrefixMissing,
    PrefixExtra,
    Base64Decoded,
    NotBase64Decoded,
    HtmlEscaped,
}

/// How the `--url` given differs from the URL Mandrill signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlChange {
    SlashAdded,
    SlashRemoved,
    Http,
    Https,
    QueryDropped,
    QueryKept,
}

/// A single change that makes the signature match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Nothing matched, but the body shows signs of having been parsed and
    /// written again: altered after it arrived, or a different secret.
    AlteredOrSecret,
    Url(UrlChange),
    Body(BodyChange),
    Secret(SecretChange),
    Algorithm(Algorithm),
    Encoding(Encoding),
    Header(HeaderProblem),
    Milliseconds,
}

impl Cause {
    /// The stable code JSON carries in `details.cause`: spelled out here,
    /// so renaming a variant cannot change the public output.
    pub fn code(self) -> &'static str {
        use BodyChange as B;
        use HeaderProblem as H;
        use SecretChange as S;
        match self {
            Cause::Body(b) => match b {
                B::NewlineAdded => "body.newline_added",
                B::NewlineStripped => "body.newline_stripped",
                B::CrlfToLf => "body.crlf_to_lf",
                B::LfToCrlf => "body.lf_to_crlf",
                B::BomAdded => "body.bom_added",
                B::BomStripped => "body.bom_stripped",
                B::Json(JsonStyle::Compact) => "body.json_compact",
                B::Json(JsonStyle::Pretty2) => "body.json_pretty2",
                B::Json(JsonStyle::Pretty4) => "body.json_pretty4",
                B::Json(JsonStyle::Spaced) => "body.json_spaced",
                B::UnicodeUnescaped => "body.unicode_unescaped",
                B::UnicodeEscaped => "body.unicode_escaped",
                B::Gzipped => "body.gzipped",
                B::FormReencoded => "body.form_reencoded",
                B::SlashesUnescaped => "body.slashes_unescaped",
                B::SlashesEscaped => "body.slashes_escaped",
                B::NumbersShortened => "body.numbers_shortened",
                B::NumbersLengthened => "body.numbers_lengthened",
                B::KeysReordered => "body.keys_reordered",
                B::FormFieldExtracted => "body.form_field_extracted",
                B::FormDecoded => "body.form_decoded",
                B::FormReordered => "body.form_reordered",
            },
            Cause::AlteredOrSecret => "body.reserialised_or_secret",
            Cause::Url(u) => match u {
                UrlChange::SlashAdded => "url.slash_added",
                UrlChange::SlashRemoved => "url.slash_removed",
                UrlChange::Http => "url.http",
                UrlChange::Https => "url.https",
                UrlChange::QueryDropped => "url.query_dropped",
                UrlChange::QueryKept => "url.query_kept",
            },
            Cause::Secret(c) => match c {
                S::Quotes => "secret.quotes",
                S::PrefixDoubled => "secret.prefix_doubled",
                S::HtmlEntitiesHeld => "secret.html_entities_held",
                S::Whitespace => "secret.whitespace",
                S::PrefixMissing => "secret.prefix_missing",
                S::PrefixExtra => "secret.prefix_extra",
                S::Base64Decoded => "secret.base64_decoded",
                S::NotBase64Decoded => "secret.not_base64_decoded",
                S::HtmlEscaped => "secret.html_escaped",
            },
            Cause::Algorithm(Algorithm::Sha256) => "algorithm.sha256",
            Cause::Algorithm(Algorithm::Sha1) => "algorithm.sha1",
            Cause::Algorithm(Algorithm::Sha512) => "algorithm.sha512",
            Cause::Encoding(Encoding::Hex) => "encoding.hex",
            Cause::Encoding(Encoding::Base64) => "encoding.base64",
            Cause::Header(h) => match h {
                H::Quotes => "header.quotes",
                H::Spaces => "header.spaces",
                H::HeaderName => "header.header_name",
                H::PrefixMissing => "header.prefix_missing",
                H::PrefixDoubled => "header.prefix_doubled",
                H::Commas => "header.commas",
                H::UpperCase => "header.upper_case",
                H::TimestampTwice => "header.timestamp_twice",
                H::Truncated => "header.truncated",
                H::EqualsForComma => "header.equals_for_comma",
                H::ForeignPrefix => "header.foreign_prefix",
            },
            Cause::Milliseconds => "timestamp.milliseconds",
        }
    }
}

/// A diagnosis: the cause and which secret and signature it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub cause: Cause,
    /// Further changes, when only several together make it match.
    pub also: Vec<Cause>,
    pub secret: usize,
    pub entry: usize,
    /// What matched or what points at the cause (the URL the sender
    /// signed, the signs of re-serialisation).
    pub notes: Vec<String>,
}

impl Found {
    pub fn new(cause: Cause, secret: usize, entry: usize) -> Self {
        Found {
            cause,
            also: Vec::new(),
            secret,
            entry,
            notes: Vec::new(),
        }
    }
}

/// Bytes made and hashed at most while searching re-serialised bodies
/// (each candidate costs its length once to make and once per secret).
pub const MAX_SEARCH_BYTES: u64 = 32 * 1024 * 1024;

/// Everything the search needs, in memory.
pub struct Search<'a> {
    pub scheme: &'a Scheme,
    pub secrets: &'a [Secret],
    pub entries: &'a [Entry],
    pub timestamp: &'a str,
    pub id: &'a str,
    pub body: &'a [u8],
    /// The request target of a captured request (its query, for mandrill).
    pub target: Option<&'a str>,
}

impl Search<'_> {
    fn matches(&self, alg: Algorithm, key: &[u8], ts: &str, body: &[u8]) -> Option<usize> {
        let content = self.scheme.signed_content(ts, self.id, body).ok()?;
        let tag = scheme::mac(alg, key, &[&content]);
        self.entries.iter().position(|e| {
            e.bytes
                .as_deref()
                .is_some_and(|b| scheme::same_tag(&tag, b))
        })
    }

    /// The first single change (or pair of body changes) that makes a
    /// signature match; else the signs that the body was re-serialised.
    pub fn run(&self) -> Option<Found> {
        self.secret_forms()
            .or_else(|| self.algorithms())
            .or_else(|| self.milliseconds())
            .or_else(|| self.urls())
            .or_else(|| self.bodies())
            .or_else(|| self.evidence())
    }

    fn urls(&self) -> Option<Found> {
        if self.scheme.provider != Provider::Mandrill {
            return None;
        }
        let url = self.scheme.url.as_deref()?;
        let alg = self.scheme.algorithm();
        for (changes, candidate) in url_variants(url, self.target) {
            let mut scheme = self.scheme.clone();
            scheme.url = Some(candidate.clone());
            let content = scheme::mandrill_content(&candidate, self.body);
            for (secret, key) in self.keys() {
                let tag = scheme::mac(alg, &key, &[&content]);
                let hit = self.entries.iter().position(|e| {
                    e.bytes
                        .as_deref()
                        .is_some_and(|b| scheme::same_tag(&tag, b))
                });
                if let Some(entry) = hit {
                    let mut found = Found::new(Cause::Url(changes[0]), secret, entry);
                    found.also = changes[1..].iter().map(|c| Cause::Url(*c)).collect();
                    found
                        .notes
                        .push(format!("the sender signed the URL {candidate}"));
                    return Some(found);
                }
            }
        }
        None
    }

    fn evidence(&self) -> Option<Found> {
        let mut notes = candidates::json_evidence(self.body);
        if notes.is_empty() && candidates::looks_like_form(self.body) {
            notes = candidates::form_evidence(self.body);
        }
        if notes.is_empty() {
            return None;
        }
        let mut found = Found::new(Cause::AlteredOrSecret, 0, 0);
        found.notes = notes;
        Some(found)
    }

    fn keys(&self) -> impl Iterator<Item = (usize, Vec<u8>)> + '_ {
        self.secrets
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, self.scheme.key(s.expose()).ok()?)))
    }

    fn secret_forms(&self) -> Option<Found> {
        let alg = self.scheme.algorithm();
        for (i, secret) in self.secrets.iter().enumerate() {
            for (change, key) in secret_variants(self.scheme, secret.expose()) {
                if let Some(entry) = self.matches(alg, &key, self.timestamp, self.body) {
                    return Some(Found::new(Cause::Secret(change), i, entry));
                }
            }
        }
        None
    }

    /// The first secret whose key, with `alg`, `ts` and `body`, matches.
    fn any_key(&self, cause: Cause, alg: Algorithm, ts: &str, body: &[u8]) -> Option<Found> {
        self.keys().find_map(|(secret, key)| {
            let entry = self.matches(alg, &key, ts, body)?;
            Some(Found::new(cause, secret, entry))
        })
    }

    fn algorithms(&self) -> Option<Found> {
        Algorithm::ALL
            .into_iter()
            .filter(|a| *a != self.scheme.algorithm())
            .find_map(|alg| self.any_key(Cause::Algorithm(alg), alg, self.timestamp, self.body))
    }

    fn milliseconds(&self) -> Option<Found> {
        let ms: i64 = self.timestamp.parse().ok().filter(|t| looks_like_ms(*t))?;
        let secs = (ms / 1000).to_string();
        self.any_key(
            Cause::Milliseconds,
            self.scheme.algorithm(),
            &secs,
            self.body,
        )
    }

    fn bodies(&self) -> Option<Found> {
        let alg = self.scheme.algorithm();
        let found = body_variants(self.body).iter().find_map(|(change, body)| {
            self.any_key(Cause::Body(*change), alg, self.timestamp, body)
        });
        if found.is_some() {
            return found;
        }
        let field = match self.scheme.provider {
            Provider::Slack => Some("payload"),
            Provider::Mandrill => Some("mandrill_events"),
            _ => None,
        };
        let mut all = candidates::json(self.body);
        all.extend(candidates::form(self.body, field));
        let keys = self.keys().count().max(1) as u64;
        let cost = self.body.len() as u64 * (keys + 1);
        let mut spent: u64 = 0;
        for c in all.into_iter().take(candidates::MAX_CANDIDATES) {
            spent += cost;
            if spent > MAX_SEARCH_BYTES {
                break;
            }
            let Some(body) = (c.make)() else { continue };
            if body == self.body {
                continue;
            }
            let first = Cause::Body(c.changes[0]);
            if let Some(mut found) = self.any_key(first, alg, self.timestamp, &body) {
                found.also = c.changes[1..].iter().map(|b| Cause::Body(*b)).collect();
                return Some(found);
            }
        }
        None
    }
}

/// The URLs Mandrill may have signed instead of `url`: one or two changes.
fn url_variants(url: &str, target: Option<&str>) -> Vec<(Vec<UrlChange>, String)> {
    let mut out: Vec<(Vec<UrlChange>, String)> = Vec::new();
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let q = |b: String| match query {
        Some(q) => format!("{b}?{q}"),
        None => b,
    };
    let slash = match base.strip_suffix('/') {
        Some(b) => (UrlChange::SlashRemoved, b.to_string()),
        None => (UrlChange::SlashAdded, format!("{base}/")),
    };
    let scheme = if let Some(rest) = base.strip_prefix("https://") {
        Some((UrlChange::Http, format!("http://{rest}")))
    } else {
        base.strip_prefix("http://")
            .map(|rest| (UrlChange::Https, format!("https://{rest}")))
    };
    out.push((vec![slash.0], q(slash.1.clone())));
    if let Some((c, b)) = &scheme {
        out.push((vec![*c], q(b.clone())));
        let both = match b.strip_suffix('/') {
            Some(x) => x.to_string(),
            None => format!("{b}/"),
        };
        out.push((vec![*c, slash.0], q(both)));
    }
    if query.is_some() {
        out.push((vec![UrlChange::QueryDropped], base.to_string()));
        out.push((vec![UrlChange::QueryDropped, slash.0], slash.1.clone()));
    }
    if let Some(tq) = target.and_then(|t| t.split_once('?')).map(|(_, q)| q) {
        if query != Some(tq) {
            out.push((vec![UrlChange::QueryKept], format!("{base}?{tq}")));
            out.push((
                vec![UrlChange::QueryKept, slash.0],
                format!("{}?{tq}", slash.1),
            ));
        }
    }
    out
}

/// Unix times past the year 5000 in seconds are milliseconds.
pub fn looks_like_ms(t: i64) -> bool {
    t > 100_000_000_000
}

/// Keys the sender may have used instead, each named by how it differs.
fn secret_variants(scheme: &Scheme, secret: &str) -> Vec<(SecretChange, Vec<u8>)> {
    let mut out = Vec::new();
    let mut add = |change, key: Option<Vec<u8>>| {
        if let Some(k) = key {
            if scheme.key(secret).ok().as_ref() != Some(&k) && !out.iter().any(|(_, o)| *o == k) {
                out.push((change, k));
            }
        }
    };
    let trimmed = secret.trim();
    if let Some(inner) = unquoted(trimmed) {
        add(SecretChange::Quotes, scheme.key(inner.trim()).ok());
    }
    if let Some(once) = prefix_once(trimmed) {
        add(SecretChange::PrefixDoubled, scheme.key(once).ok());
    }
    if trimmed != secret {
        add(SecretChange::Whitespace, scheme.key(trimmed).ok());
    }
    if scheme.provider == Provider::Woocommerce {
        let decoded = scheme::html_decode(trimmed);
        if decoded != trimmed {
            add(SecretChange::HtmlEntitiesHeld, Some(decoded.into_bytes()));
        }
    }
    let bare = trimmed.strip_prefix("whsec_");
    match scheme.provider {
        Provider::Standard => {
            add(
                SecretChange::NotBase64Decoded,
                Some(trimmed.as_bytes().to_vec()),
            );
            add(
                SecretChange::NotBase64Decoded,
                bare.map(|b| b.as_bytes().to_vec()),
            );
        }
        Provider::Woocommerce => {
            add(
                SecretChange::HtmlEscaped,
                Some(scheme::html_escape(trimmed).into_bytes()),
            );
        }
        _ => {}
    }
    if scheme.provider != Provider::Standard {
        match bare {
            Some(b) => {
                add(SecretChange::PrefixExtra, Some(b.as_bytes().to_vec()));
                add(SecretChange::Base64Decoded, Encoding::Base64.decode(b));
            }
            None => {
                add(
                    SecretChange::PrefixMissing,
                    Some(format!("whsec_{trimmed}").into_bytes()),
                );
                add(
                    SecretChange::Base64Decoded,
                    Encoding::Base64.decode(trimmed).filter(|k| k.len() >= 16),
                );
            }
        }
    }
    out
}

/// The text inside surrounding quotes, if the secret is wrapped in them.
fn unquoted(s: &str) -> Option<&str> {
    ['"', '\'', '`']
        .iter()
        .find_map(|q| s.strip_prefix(*q)?.strip_suffix(*q))
        .filter(|inner| !inner.is_empty())
}

/// The secret with a doubled prefix (`whsec_whsec_…`, `shpss_shpss_…`) once.
fn prefix_once(s: &str) -> Option<&str> {
    let end = s.find('_')? + 1;
    let prefix = &s[..end];
    (2..=9).contains(&end).then_some(())?;
    prefix[..end - 1]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric())
        .then_some(())?;
    s[end..].starts_with(prefix).then(|| &s[end..])
}

/// Bodies the sender may have signed instead of `body`.
pub fn body_variants(body: &[u8]) -> Vec<(BodyChange, Vec<u8>)> {
    let mut out: Vec<(BodyChange, Vec<u8>)> = Vec::new();
    let mut add = |change, v: Vec<u8>| {
        if v != body && !out.iter().any(|(_, o)| *o == v) {
            out.push((change, v));
        }
    };
    if let Some(b) = body.strip_suffix(b"\r\n") {
        add(BodyChange::NewlineAdded, b.to_vec());
    }
    if let Some(b) = body.strip_suffix(b"\n") {
        add(BodyChange::NewlineAdded, b.to_vec());
    }
    add(BodyChange::NewlineStripped, [body, b"\n"].concat());
    add(BodyChange::NewlineStripped, [body, b"\r\n"].concat());
    if contains(body, b"\r\n") {
        add(BodyChange::LfToCrlf, replace(body, b"\r\n", b"\n"));
    } else if body.contains(&b'\n') {
        add(BodyChange::CrlfToLf, replace(body, b"\n", b"\r\n"));
    }
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    match body.strip_prefix(BOM) {
        Some(b) => add(BodyChange::BomAdded, b.to_vec()),
        None => add(BodyChange::BomStripped, [BOM, body].concat()),
    }
    if body.starts_with(&[0x1f, 0x8b]) {
        if let Some(plain) = gunzip(body) {
            add(BodyChange::Gzipped, plain);
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

pub(super) fn replace(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len() + hay.len() / 8);
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

fn gunzip(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body)
        .take(MAX_DIAGNOSED_BODY as u64)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Python's `json.dumps` default: `, ` and `: ` separators on one line.
struct Spaced;

fn separator<W: ?Sized + std::io::Write>(w: &mut W, first: bool) -> std::io::Result<()> {
    if first {
        Ok(())
    } else {
        w.write_all(b", ")
    }
}

impl serde_json::ser::Formatter for Spaced {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        separator(w, first)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        separator(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

pub fn json_in(value: &serde_json::Value, style: JsonStyle) -> Vec<u8> {
    let mut out = Vec::new();
    let result = match style {
        JsonStyle::Compact => value.serialize(&mut serde_json::Serializer::new(&mut out)),
        JsonStyle::Pretty2 => value.serialize(&mut serde_json::Serializer::pretty(&mut out)),
        JsonStyle::Pretty4 => value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out,
            serde_json::ser::PrettyFormatter::with_indent(b"    "),
        )),
        JsonStyle::Spaced => value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out, Spaced,
        )),
    };
    // Writing a parsed value into memory cannot fail.
    result.map(|()| out).unwrap_or_default()
}

/// Every non-ASCII character as `\uXXXX` (surrogate pairs past the BMP).
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

/// `\uXXXX` escapes of printable non-ASCII characters as raw UTF-8;
/// `None` when there are none.
pub(super) fn unescape_unicode(text: &str) -> Option<String> {
    if !text.contains("\\u") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\\u") {
        // An escaped backslash before `u` is not an escape.
        let backslashes = rest[..i].chars().rev().take_while(|c| *c == '\\').count();
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = (backslashes % 2 == 0)
            .then(|| decode_escape(rest))
            .flatten();
        match decoded {
            Some((c, len)) if !c.is_ascii() => {
                out.push(c);
                rest = &rest[len..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..2]);
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    let same: Option<serde_json::Value> = serde_json::from_str(&out).ok();
    (changed && same.as_ref() == Some(&value)).then_some(out)
}

fn decode_escape(s: &str) -> Option<(char, usize)> {
    let unit = |s: &str| u16::from_str_radix(s.get(2..6)?, 16).ok();
    let hi = unit(s)?;
    if (0xD800..0xDC00).contains(&hi) {
        let lo = unit(s.get(6..)?)?;
        let c = char::decode_utf16([hi, lo]).next()?.ok()?;
        return Some((c, 12));
    }
    Some((char::from_u32(u32::from(hi))?, 6))
}

pub(super) fn lower_escapes(s: &[u8]) -> Vec<u8> {
    let mut out = s.to_vec();
    for i in 0..out.len() {
        if out[i] == b'%' && i + 2 < out.len() {
            out[i + 1] = out[i + 1].to_ascii_lowercase();
            out[i + 2] = out[i + 2].to_ascii_lowercase();
        }
    }
    out
}

/// A one-line summary and the fix for a cause.
pub fn explain(cause: Cause, scheme: &Scheme) -> (String, Vec<String>) {
    let raw_body = "Verify the raw request body exactly as received, before any parsing, decoding or re-encoding; in most frameworks that means reading the body as bytes in the webhook route.".to_string();
    let (summary, fix): (String, Vec<String>) = match cause {
        Cause::AlteredOrSecret => (
            "no change plumb tried makes it match, but the body shows signs of having been parsed and written again: the body was altered after it arrived (re-serialised) or the secret differs".to_string(),
            vec![
                "To tell which: capture the raw bytes before any framework parses them (express.raw, request.get_data(), file_get_contents('php://input'), a proxy log) and verify those; if they pass, your stack re-serialises the body and must verify the raw bytes instead.".to_string(),
                "If the raw bytes fail too, the secret differs: copy the endpoint's signing secret again from the sender's dashboard.".to_string(),
            ],
        ),
        Cause::Url(change) => {
            let what = match change {
                UrlChange::SlashAdded => "the sender signed the URL with a trailing slash; --url lacks it",
                UrlChange::SlashRemoved => "the sender signed the URL without the trailing slash --url has",
                UrlChange::Http => "the sender signed the URL with http://; --url says https://",
                UrlChange::Https => "the sender signed the URL with https://; --url says http://",
                UrlChange::QueryDropped => "the sender signed the URL without the query string --url has",
                UrlChange::QueryKept => "the sender signed the URL with the query string the request carries; --url lacks it",
            };
            (
                what.to_string(),
                vec!["Mandrill signs the webhook URL exactly as configured in its settings: verify with that exact string (scheme, trailing slash and query string included); behind a proxy, do not rebuild it from the request.".to_string()],
            )
        }
        Cause::Body(change) => {
            let what = match change {
                BodyChange::NewlineAdded => "a trailing newline was added to the body after it was signed (an editor or `echo` saving the file, or a proxy)",
                BodyChange::NewlineStripped => "the body's trailing newline was removed after it was signed (the sender's body ends with a line break)",
                BodyChange::CrlfToLf => "the body's CRLF line endings were turned into LF after it was signed",
                BodyChange::LfToCrlf => "the body's LF line endings were turned into CRLF after it was signed",
                BodyChange::BomAdded => "a UTF-8 byte-order mark was added in front of the body after it was signed",
                BodyChange::BomStripped => "the UTF-8 byte-order mark at the start of the body was removed after it was signed",
                BodyChange::Json(JsonStyle::Compact) => "the JSON body was re-serialised: the sender signed it compact, on one line",
                BodyChange::Json(JsonStyle::Pretty2) => "the JSON body was re-serialised: the sender signed it pretty-printed with 2-space indents",
                BodyChange::Json(JsonStyle::Pretty4) => "the JSON body was re-serialised: the sender signed it pretty-printed with 4-space indents",
                BodyChange::Json(JsonStyle::Spaced) => "the JSON body was re-serialised: the sender signed it on one line with a space after each comma and colon",
                BodyChange::UnicodeUnescaped => "the JSON body was re-serialised: the sender escaped non-ASCII characters as \\uXXXX, the body verified has them as raw UTF-8",
                BodyChange::UnicodeEscaped => "the JSON body was re-serialised: the sender sent raw UTF-8, the body verified has \\uXXXX escapes",
                BodyChange::Gzipped => "the body was verified while still gzip-compressed: the sender signed the decompressed bytes",
                BodyChange::FormReencoded => "the form body was decoded and encoded again (spaces as + or %20, other characters escaped, or the case of %XX escapes changed) after it was signed",
                BodyChange::SlashesUnescaped => "the JSON body was re-serialised: the sender escaped / as \\/ (as PHP's json_encode and wp_json_encode write it), the body verified has plain /",
                BodyChange::SlashesEscaped => "the JSON body was re-serialised: the sender wrote plain /, the body verified has \\/ (as PHP's json_encode writes it)",
                BodyChange::NumbersShortened => "the JSON body was re-serialised: the sender wrote a number with a fraction (10.0), the body verified has it as an integer (10), as a JavaScript JSON.parse/JSON.stringify writes it",
                BodyChange::NumbersLengthened => "the JSON body was re-serialised: the sender wrote integers (10), the body verified has them as 10.0, as a parser that reads every number as a float writes them",
                BodyChange::KeysReordered => "the JSON body was re-serialised: the sender's keys were in alphabetical order, the body verified has them in another order",
                BodyChange::FormFieldExtracted => "the body given is the JSON of one form field; the sender signed the whole form body (payload=… or mandrill_events=…, percent-encoded)",
                BodyChange::FormDecoded => "the form body was percent-decoded before it was verified; the sender signed the encoded bytes",
                BodyChange::FormReordered => "the form fields were put in another order after the body was signed",
            };
            (what.to_string(), vec![raw_body])
        }
        Cause::Secret(change) => {
            let (what, fix) = match change {
                SecretChange::Quotes => ("the secret is wrapped in quotes (copied with them from a config file or a shell line); the sender's key has none", "Remove the quotes where the secret is stored (in .env files and YAML, quotes around a value are easily kept as part of it)."),
                SecretChange::PrefixDoubled => ("the secret's prefix appears twice (whsec_whsec_…): the prefix was typed, then the whole secret pasted after it", "Store the secret exactly as the sender shows it, with its prefix once."),
                SecretChange::HtmlEntitiesHeld => ("the secret holds HTML entities (&amp;, &lt;, &gt;, &quot;, &#039;) that WooCommerce decodes before signing: it matches only after plumb decoded them, so the receiver's check with this text fails", "On the receiving side, use the secret with the entities decoded (&amp; as &, &lt; as <, &gt; as >, &quot; as \", &#039; as '), as typed in WooCommerce; or set a new secret without those characters on both sides."),
                SecretChange::Whitespace => ("the secret has surrounding whitespace or a line break; the sender's has none", "Trim the secret where it is stored (a trailing newline from `echo` or a file is common)."),
                SecretChange::PrefixMissing => ("the secret lacks its whsec_ prefix: the sender's key includes it", "Use the whole signing secret, whsec_ prefix included, as the key."),
                SecretChange::PrefixExtra => ("the sender's key is the secret without its whsec_ prefix", "Strip whsec_ before using the secret as the key, as this sender does."),
                SecretChange::Base64Decoded => ("the sender base64-decodes the secret before using it as the key", "Base64-decode the secret (after any whsec_ prefix) and use the bytes as the key."),
                SecretChange::NotBase64Decoded => ("the sender uses the secret's text as the key, without base64-decoding it", "Check which scheme the sender really uses; for this sender use the secret's text as the key."),
                SecretChange::HtmlEscaped => ("the sender signed with the secret's HTML-escaped form (& as &amp;, < as &lt;, quotes as &quot; or &#039;): the site stored it escaped and signs it without decoding", "In WooCommerce (Settings → Advanced → Webhooks) set a secret without &, <, >, \" or ' and use the same text on the receiving side; until then the receiver must key its HMAC with the escaped form."),
            };
            (what.to_string(), vec![fix.to_string()])
        }
        Cause::Algorithm(Algorithm::Sha1) if scheme.provider == Provider::Github => (
            "only the legacy X-Hub-Signature (sha1=, HMAC-SHA1) was given; it matches with SHA-1, but GitHub's documented check is the SHA-256 one".to_string(),
            vec!["Verify X-Hub-Signature-256 in the handler (GitHub sends it beside X-Hub-Signature with every delivery), and give that header to plumb.".to_string()],
        ),
        Cause::Algorithm(alg) => (
            format!("the sender signs with {}, not {}", alg.name(), scheme.algorithm().name()),
            vec![format!("Compute {} for this sender (with plumb: --algorithm {}).", alg.name(), alg_flag(alg))],
        ),
        Cause::Encoding(enc) => (
            format!("the signature is {}-encoded; this scheme uses {}", enc.name(), scheme.encoding().name()),
            vec![format!("Compare the {} form of the MAC: encode the computed MAC as {} or decode the received one first.", enc.name(), enc.name())],
        ),
        Cause::Header(problem) => (
            format!("the signature header was copied wrong: {}", problem.text(scheme)),
            vec!["Pass the header value exactly as the sender sent it; read it from the request rather than from a log line or a web page.".to_string()],
        ),
        Cause::Milliseconds => (
            "the timestamp is in milliseconds; the sender signed it in seconds".to_string(),
            vec!["Use the timestamp in seconds (the header's value as sent), not a value from a log in milliseconds.".to_string()],
        ),
    };
    (summary, fix)
}

fn alg_flag(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::Sha256 => "sha256",
        Algorithm::Sha1 => "sha1",
        Algorithm::Sha512 => "sha512",
    }
}

/// Base64 of a body for tests and reports where text would not survive.
pub fn b64(bytes: &[u8]) -> String {
    scheme::B64.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The public cause codes, all of them: a rename shows here.
    #[test]
    fn cause_codes_are_spelled_out_and_unique() {
        use BodyChange as B;
        use HeaderProblem as H;
        use SecretChange as S;
        let causes = [
            Cause::Body(B::NewlineAdded),
            Cause::Body(B::NewlineStripped),
            Cause::Body(B::CrlfToLf),
            Cause::Body(B::LfToCrlf),
            Cause::Body(B::BomAdded),
            Cause::Body(B::BomStripped),
            Cause::Body(B::Json(JsonStyle::Compact)),
            Cause::Body(B::Json(JsonStyle::Pretty2)),
            Cause::Body(B::Json(JsonStyle::Pretty4)),
            Cause::Body(B::Json(JsonStyle::Spaced)),
            Cause::Body(B::UnicodeUnescaped),
            Cause::Body(B::UnicodeEscaped),
            Cause::Body(B::Gzipped),
            Cause::Body(B::FormReencoded),
            Cause::Secret(S::Whitespace),
            Cause::Secret(S::PrefixMissing),
            Cause::Secret(S::PrefixExtra),
            Cause::Secret(S::Base64Decoded),
            Cause::Secret(S::NotBase64Decoded),
            Cause::Secret(S::HtmlEscaped),
            Cause::Algorithm(Algorithm::Sha256),
            Cause::Algorithm(Algorithm::Sha1),
            Cause::Algorithm(Algorithm::Sha512),
            Cause::Encoding(Encoding::Hex),
            Cause::Encoding(Encoding::Base64),
            Cause::Header(H::Quotes),
            Cause::Header(H::Spaces),
            Cause::Header(H::HeaderName),
            Cause::Header(H::PrefixMissing),
            Cause::Header(H::PrefixDoubled),
            Cause::Header(H::Commas),
            Cause::Milliseconds,
            Cause::Body(B::SlashesUnescaped),
            Cause::Body(B::SlashesEscaped),
            Cause::Body(B::NumbersShortened),
            Cause::Body(B::NumbersLengthened),
            Cause::Body(B::KeysReordered),
            Cause::Body(B::FormFieldExtracted),
            Cause::Body(B::FormDecoded),
            Cause::Body(B::FormReordered),
            Cause::AlteredOrSecret,
            Cause::Secret(S::Quotes),
            Cause::Secret(S::PrefixDoubled),
            Cause::Secret(S::HtmlEntitiesHeld),
            Cause::Header(H::UpperCase),
            Cause::Header(H::TimestampTwice),
            Cause::Header(H::Truncated),
            Cause::Header(H::EqualsForComma),
            Cause::Header(H::ForeignPrefix),
            Cause::Url(UrlChange::SlashAdded),
            Cause::Url(UrlChange::SlashRemoved),
            Cause::Url(UrlChange::Http),
            Cause::Url(UrlChange::Https),
            Cause::Url(UrlChange::QueryDropped),
            Cause::Url(UrlChange::QueryKept),
        ];
        let codes: Vec<&str> = causes.iter().map(|c| c.code()).collect();
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert_eq!(
            codes.join(" "),
            "body.newline_added body.newline_stripped body.crlf_to_lf body.lf_to_crlf \
             body.bom_added body.bom_stripped body.json_compact body.json_pretty2 \
             body.json_pretty4 body.json_spaced body.unicode_unescaped body.unicode_escaped \
             body.gzipped body.form_reencoded secret.whitespace secret.prefix_missing \
             secret.prefix_extra secret.base64_decoded secret.not_base64_decoded \
             secret.html_escaped algorithm.sha256 algorithm.sha1 algorithm.sha512 \
             encoding.hex encoding.base64 header.quotes header.spaces header.header_name \
             header.prefix_missing header.prefix_doubled header.commas timestamp.milliseconds \
             body.slashes_unescaped body.slashes_escaped body.numbers_shortened \
             body.numbers_lengthened body.keys_reordered body.form_field_extracted \
             body.form_decoded body.form_reordered body.reserialised_or_secret secret.quotes \
             secret.prefix_doubled secret.html_entities_held header.upper_case \
             header.timestamp_twice header.truncated header.equals_for_comma \
             header.foreign_prefix url.slash_added url.slash_removed url.http url.https \
             url.query_dropped url.query_kept"
        );
        for c in &causes {
            let scheme = Scheme::new(Provider::Stripe);
            let (summary, fix) = explain(*c, &scheme);
            assert!(!summary.is_empty() && !fix.is_empty(), "{c:?}");
        }
    }

    #[test]
    fn json_styles() {
        let v: serde_json::Value = serde_json::from_str(r#"{"a":[1,2],"b":"é"}"#).unwrap();
        assert_eq!(
            json_in(&v, JsonStyle::Compact),
            r#"{"a":[1,2],"b":"é"}"#.as_bytes()
        );
        assert_eq!(
            json_in(&v, JsonStyle::Spaced),
            r#"{"a": [1, 2], "b": "é"}"#.as_bytes()
        );
        assert!(String::from_utf8(json_in(&v, JsonStyle::Pretty4))
            .unwrap()
            .contains("\n    \"a\""));
    }

    #[test]
    fn unicode_escapes_round_trip() {
        let raw = r#"{"name":"Zoë 😀","q":"\\u0041"}"#;
        let escaped = escape_non_ascii(raw);
        assert_eq!(escaped, r#"{"name":"Zo\u00eb \ud83d\ude00","q":"\\u0041"}"#);
        assert_eq!(unescape_unicode(&escaped).as_deref(), Some(raw));
        assert_eq!(unescape_unicode(raw), None);
    }

    #[test]
    fn variants_exclude_the_body_itself() {
        let vs = body_variants(b"{\"a\":1}\n");
        assert!(vs.iter().all(|(_, v)| v != b"{\"a\":1}\n"));
        assert!(vs
            .iter()
            .any(|(c, v)| *c == BodyChange::NewlineAdded && v == b"{\"a\":1}"));
    }

    #[test]
    fn mandrill_url_variants_name_each_change() {
        let v = url_variants("https://x.test/hook?a=1", Some("/hook?b=2"));
        let find = |u: &str| v.iter().find(|(_, c)| c == u).map(|(c, _)| c.clone());
        assert_eq!(
            find("https://x.test/hook/?a=1"),
            Some(vec![UrlChange::SlashAdded])
        );
        assert_eq!(find("http://x.test/hook?a=1"), Some(vec![UrlChange::Http]));
        assert_eq!(
            find("https://x.test/hook"),
            Some(vec![UrlChange::QueryDropped])
        );
        assert_eq!(
            find("https://x.test/hook?b=2"),
            Some(vec![UrlChange::QueryKept])
        );
    }
}
