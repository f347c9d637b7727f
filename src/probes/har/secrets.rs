//! Which credentials a HAR holds: kind and last four, never the value.
//!
//! Values under credential names (headers, cookies, parameters) count
//! whatever their form; anywhere else (URLs, bodies, other headers) a
//! value counts when the redactor's shape pass recognises it, so this
//! list and what `har redact` masks agree.

use super::model::{Entry, Pair};
use crate::redact;
use std::collections::BTreeMap;

/// Distinct credentials listed; more are counted.
const MAX_LISTED: usize = 100;
/// Most of one body scanned for credential shapes.
const MAX_SCANNED: usize = 4 * 1024 * 1024;

/// One credential found, by its masked form.
#[derive(Debug, Default, Clone)]
pub struct Credential {
    pub kind: String,
    pub places: Vec<String>,
    pub hosts: Vec<String>,
    pub count: usize,
}

#[derive(Debug, Default)]
pub struct Found {
    /// Masked value → what it is and where it was.
    pub credentials: BTreeMap<String, Credential>,
    pub distinct: usize,
    pub cookies: usize,
    /// The values themselves, for `har redact` to find again in every
    /// encoding; `None` when only the list is wanted.
    pub raw: Option<Vec<String>>,
}

/// Names of session cookies that `is_credential_name` does not already
/// catch (`PHPSESSID`, `JSESSIONID`, `connect.sid`, WordPress's login).
pub fn is_session_cookie(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    redact::is_credential_name(&n)
        || n.ends_with("sessid")
        || n.ends_with("sid")
        || n.starts_with("wordpress_logged_in")
        || n.starts_with("wordpress_sec")
        || n.starts_with("wp_woocommerce_session")
}

/// The credential-shaped values inside `text`: each changed span of the
/// redactor's shape pass, by word.
pub fn shaped_in(text: &str) -> Vec<String> {
    let text = &text[..floor(text, MAX_SCANNED)];
    let mut out = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || "\"'&=,;:?#<>(){}[]\\|`".contains(c)) {
        let token = token.trim_matches(|c: char| c == '.' || c == '/');
        if token.len() < 12 {
            continue;
        }
        let masked = redact::shapes(token, redact::Entropy::Off);
        if masked == token {
            continue;
        }
        let pre = common_prefix(token, &masked);
        let suf = common_suffix(&token[pre..], &masked[pre.min(masked.len())..]);
        // The mask keeps a kind's prefix and the last four characters:
        // the credential is the whole run of token characters around the
        // part that changed.
        let b = token.as_bytes();
        let body = |c: u8| c.is_ascii_alphanumeric() || b"_-.+/=".contains(&c);
        let mut start = pre;
        while start > 0 && body(b[start - 1]) && b[start - 1] != b'/' {
            start -= 1;
        }
        let mut end = token.len() - suf;
        while end < b.len() && body(b[end]) && b[end] != b'/' {
            end += 1;
        }
        let value = &token[start..end];
        if value.len() >= 8 {
            out.push(value.to_string());
        }
    }
    out
}

fn floor(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for ((i, x), y) in a.char_indices().zip(b.chars()) {
        if x != y {
            return i;
        }
        n = i + x.len_utf8();
    }
    n
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        n += x.len_utf8();
    }
    n.min(a.len())
}

/// What a credential value is, in words.
pub fn kind_of(value: &str) -> String {
    let id = crate::credentials::identify(value);
    if !matches!(id.kind, crate::credentials::Kind::Unknown) && !id.label.is_empty() {
        return id.label;
    }
    match crate::secret::prefixes::family(value) {
        Some(f) => format!("{f:?} token"),
        None => "credential".to_string(),
    }
}

impl Found {
    fn add(&mut self, value: &str, kind: Option<String>, place: &str, host: &str) {
        let value = value.trim();
        if value.is_empty() || matches!(value, "null" | "true" | "false") {
            return;
        }
        if let Some(raw) = &mut self.raw {
            if value.len() >= 8 && raw.len() < 256 && !raw.iter().any(|r| r == value) {
                raw.push(value.to_string());
            }
        }
        let masked = redact::mask(value);
        if !self.credentials.contains_key(&masked) {
            self.distinct += 1;
            if self.credentials.len() >= MAX_LISTED {
                return;
            }
        }
        let c = self.credentials.entry(masked).or_default();
        if c.kind.is_empty() {
            c.kind = kind.unwrap_or_else(|| kind_of(value));
        }
        c.count += 1;
        if c.places.len() < 4 && !c.places.iter().any(|p| p == place) {
            c.places.push(place.to_string());
        }
        if c.hosts.len() < 4 && !host.is_empty() && !c.hosts.iter().any(|h| h == host) {
            c.hosts.push(host.to_string());
        }
    }

    /// A header's value, by what its name says.
    fn header(&mut self, h: &Pair, host: &str, response: bool) {
        let name = h.name.trim();
        let lower = name.to_ascii_lowercase();
        let place = format!(
            "{} header {name}",
            if response { "response" } else { "request" }
        );
        if lower == "cookie" {
            for (n, v) in cookie_pairs(&h.value) {
                self.cookie(n, v, &place, host);
            }
        } else if lower == "set-cookie" {
            if let Some((n, v)) = cookie_pairs(&h.value).into_iter().next() {
                self.cookie(n, v, &place, host);
            }
        } else if redact::is_credential_name(name) {
            self.authorization(&h.value, &place, host);
        } else {
            self.text(&h.value, &place, host);
        }
    }

    /// An `Authorization`-like value: its scheme word off, Basic decoded.
    fn authorization(&mut self, value: &str, place: &str, host: &str) {
        let v = value.trim();
        let lower = v.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("basic ").map(|_| v[6..].trim()) {
            use base64::Engine;
            let plain = base64::engine::general_purpose::STANDARD
                .decode(rest)
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            match plain.as_deref().and_then(|p| p.split_once(':')) {
                Some((user, pass)) => {
                    if !pass.is_empty() {
                        self.add(
                            pass,
                            Some(format!("HTTP Basic password ({})", kind_of(pass))),
                            place,
                            host,
                        );
                    }
                    if redact::shapes(user, redact::Entropy::Off) != user || pass.is_empty() {
                        self.add(user, None, place, host);
                    }
                }
                None => self.add(rest, Some("HTTP Basic credentials".into()), place, host),
            }
            return;
        }
        for scheme in ["bearer ", "token ", "digest "] {
            if lower.starts_with(scheme) {
                let token = v[scheme.len()..].trim();
                self.add(token, None, place, host);
                return;
            }
        }
        self.add(v, None, place, host);
    }

    fn cookie(&mut self, name: &str, value: &str, place: &str, host: &str) {
        self.cookies += 1;
        if is_session_cookie(name) || redact::shapes(value, redact::Entropy::Off) != value {
            let kind = match kind_of(value).as_str() {
                "credential" => format!("session cookie {name}"),
                k => format!("cookie {name} ({k})"),
            };
            self.add(value, Some(kind), place, host);
        }
    }

    fn text(&mut self, text: &str, place: &str, host: &str) {
        for value in shaped_in(text) {
            self.add(&value, None, place, host);
        }
    }

    fn params(&mut self, params: &[Pair], what: &str, host: &str) {
        for p in params {
            let place = format!("{what} {}", p.name);
            if redact::is_credential_name(&p.name) || p.name.eq_ignore_ascii_case("key") {
                self.add(&p.value, None, &place, host);
            } else {
                self.text(&p.value, &place, host);
            }
        }
    }

    pub fn scan_entry(&mut self, entry: &Entry, host: &str) {
        let req = &entry.request;
        if let Ok(u) = url::Url::parse(&req.url) {
            if let Some(pass) = u.password() {
                let pass = percent_encoding::percent_decode_str(pass).decode_utf8_lossy();
                self.add(&pass, None, "URL user info", host);
            }
            let pairs: Vec<Pair> = u
                .query_pairs()
                .map(|(n, v)| Pair {
                    name: n.into_owned(),
                    value: v.into_owned(),
                })
                .collect();
            self.params(&pairs, "query parameter", host);
            self.text(u.path(), "URL path", host);
        } else {
            self.text(&req.url, "URL", host);
        }
        for h in &req.headers {
            self.header(h, host, false);
        }
        for h in &entry.response.headers {
            self.header(h, host, true);
        }
        // The cookies arrays repeat the Cookie and Set-Cookie headers;
        // counted once through them when the headers are absent (Firefox
        // leaves some out).
        let has = |hs: &[Pair], n: &str| hs.iter().any(|h| h.name.eq_ignore_ascii_case(n));
        if !has(&req.headers, "cookie") {
            for c in &req.cookies {
                self.cookie(&c.name, &c.value, "request cookie", host);
            }
        }
        if !has(&entry.response.headers, "set-cookie") {
            for c in &entry.response.cookies {
                self.cookie(&c.name, &c.value, "response cookie", host);
            }
        }
        if let Some(post) = &req.post_data {
            self.params(&post.params, "form field", host);
            self.text(&post.text, "request body", host);
            self.named_fields(&post.text, "request body", host);
        }
        let c = &entry.response.content;
        if let Some(body) = super::analyse::body_text(&c.text, &c.encoding) {
            self.text(&body, "response body", host);
            self.named_fields(&body, "response body", host);
        }
    }

    /// Values under credential-named JSON fields or form fields of a body.
    fn named_fields(&mut self, body: &str, place: &str, host: &str) {
        let t = body.trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            if body.len() > MAX_SCANNED {
                return;
            }
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(t) {
                self.json(&v, place, host, 0);
            }
        } else if !t.contains(char::is_whitespace) && t.contains('=') {
            for (n, v) in form_urlencoded::parse(t.as_bytes()) {
                if redact::is_credential_name(&n) {
                    self.add(&v, None, &format!("{place} field {n}"), host);
                }
            }
        }
    }

    fn json(&mut self, v: &serde_json::Value, place: &str, host: &str, depth: usize) {
        use serde_json::Value;
        if depth > 64 {
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    match v {
                        Value::String(s) if redact::is_credential_name(k) => {
                            self.add(s, None, &format!("{place} field {k}"), host);
                        }
                        _ => self.json(v, place, host, depth + 1),
                    }
                }
            }
            Value::Array(items) => {
                for i in items {
                    self.json(i, place, host, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// `a=1; b=2` (a Cookie header) or `a=1; Path=/` (a Set-Cookie header,
/// whose first pair is the cookie): name and value of each pair.
pub fn cookie_pairs(header: &str) -> Vec<(&str, &str)> {
    header
        .split(';')
        .filter_map(|part| {
            let (n, v) = part.split_once('=')?;
            Some((n.trim(), v.trim().trim_matches('"')))
        })
        .collect()
}
