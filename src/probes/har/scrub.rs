//! `har redact`: the same HAR with every secret and every cookie masked,
//! written as it is read.
//!
//! Two passes over the file: the first collects the credentials it holds
//! (as `har.secrets` finds them), the second copies the document, each
//! entry parsed alone, with those values masked wherever they appear in
//! any encoding the redactor knows, credential-named fields and every
//! cookie masked whatever their shape, and the shape pass over every
//! other string. Structure is kept; sizes that no longer hold are
//! rewritten (`content.size`, `bodySize`) or set to -1 as HAR 1.2 allows.

use super::model::{self, Entry};
use super::secrets::Found;
use crate::redact::{self, Known};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::io::{Read, Write};

/// Distinct credentials searched for in every encoding: each costs a
/// search of every string, so the list is bounded.
const MAX_KNOWN: usize = 64;

/// The credential values a file holds (pass one), at most [`MAX_KNOWN`].
pub fn collect(
    reader: impl Read,
    since: std::rc::Rc<std::cell::Cell<u64>>,
) -> Result<(Known, model::Outline), serde_json::Error> {
    let mut found = Found {
        raw: Some(Vec::new()),
        ..Found::default()
    };
    let mut sink = |_i: usize, e: Entry| {
        let host = super::analyse::place(&e.request.url).host;
        found.scan_entry(&e, &host);
        Ok(())
    };
    let outline = model::walk(reader, since, &mut sink)?;
    let mut known = Known::default();
    for v in found.raw.unwrap_or_default().iter().take(MAX_KNOWN) {
        known.add(v);
    }
    Ok((known, outline))
}

/// What the second pass did.
#[derive(Debug, Default)]
pub struct Done {
    pub redacted: usize,
    pub entries: usize,
}

/// Copies a HAR from `reader` to `out` with every secret masked.
pub fn copy(
    reader: impl Read,
    since: std::rc::Rc<std::cell::Cell<u64>>,
    known: &Known,
    out: &mut dyn Write,
) -> Result<Done, CopyError> {
    let mut w = Out {
        out,
        error: None,
        known,
        done: Done::default(),
        since,
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = Node {
        at: At::Root,
        w: &mut w,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    if let Some(e) = w.error.take() {
        return Err(CopyError::Write(e));
    }
    result.map_err(CopyError::Read)?;
    w.out.write_all(b"\n").map_err(CopyError::Write)?;
    Ok(w.done)
}

#[derive(Debug)]
pub enum CopyError {
    Read(serde_json::Error),
    Write(std::io::Error),
}

struct Out<'a> {
    out: &'a mut dyn Write,
    error: Option<std::io::Error>,
    known: &'a Known,
    done: Done,
    since: std::rc::Rc<std::cell::Cell<u64>>,
}

impl Out<'_> {
    fn put<E: serde::de::Error>(&mut self, bytes: &[u8]) -> Result<(), E> {
        if self.error.is_some() {
            return Err(E::custom("write failed"));
        }
        self.out.write_all(bytes).map_err(|e| {
            self.error = Some(e);
            E::custom("write failed")
        })
    }

    fn put_json<E: serde::de::Error>(&mut self, v: &Value) -> Result<(), E> {
        let bytes = serde_json::to_vec(v).map_err(E::custom)?;
        self.put(&bytes)
    }

    /// Foreign text outside the entries (page titles, comments).
    fn text(&mut self, s: &str) -> String {
        let out = redact::text(&self.known.apply(s));
        if out != s {
            self.done.redacted += 1;
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq)]
enum At {
    Root,
    Log,
    Entries,
    Other,
}

struct Node<'a, 'b> {
    at: At,
    w: &'a mut Out<'b>,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a HAR document")
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<(), E> {
        self.w.put(if v { b"true" } else { b"false" })
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<(), E> {
        self.w.put(v.to_string().as_bytes())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<(), E> {
        self.w.put(v.to_string().as_bytes())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<(), E> {
        self.w.put_json(&Value::from(v))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.w.put(b"null")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        let t = self.w.text(v);
        self.w.put_json(&Value::String(t))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        if self.at == At::Root || self.at == At::Log || self.at == At::Other {
            self.w.put(b"{")?;
            let mut first = true;
            while let Some(key) = m.next_key::<String>()? {
                if !first {
                    self.w.put(b",")?;
                }
                first = false;
                self.w.put_json(&Value::String(key.clone()))?;
                self.w.put(b":")?;
                let at = match (self.at, key.as_str()) {
                    (At::Root, "log") => At::Log,
                    (At::Log, "entries") => At::Entries,
                    _ => At::Other,
                };
                m.next_value_seed(Node {
                    at,
                    w: &mut *self.w,
                })?;
                self.w.since.set(0);
            }
            return self.w.put(b"}");
        }
        // An object where the entries belong: copied as any other value.
        Node {
            at: At::Other,
            w: self.w,
        }
        .visit_map(m)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<(), A::Error> {
        self.w.put(b"[")?;
        let mut first = true;
        if self.at == At::Entries {
            loop {
                let index = self.w.done.entries;
                let next = s
                    .next_element::<Value>()
                    .map_err(|e| serde::de::Error::custom(format!("entry {}: {e}", index + 1)))?;
                let Some(mut entry) = next else { break };
                self.w.since.set(0);
                if !first {
                    self.w.put(b",")?;
                }
                first = false;
                self.w.done.redacted += scrub_entry(&mut entry, self.w.known);
                self.w.done.entries += 1;
                self.w.put_json(&entry)?;
            }
        } else {
            while s
                .next_element_seed(ElementSeed {
                    first: &mut first,
                    w: &mut *self.w,
                })?
                .is_some()
            {}
        }
        self.w.put(b"]")
    }
}

/// One array element outside the entries, with its comma.
struct ElementSeed<'a, 'b> {
    first: &'a mut bool,
    w: &'a mut Out<'b>,
}

impl<'de> DeserializeSeed<'de> for ElementSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if !*self.first {
            self.w.put(b",")?;
        }
        *self.first = false;
        Node {
            at: At::Other,
            w: self.w,
        }
        .deserialize(d)
    }
}

/// Masks a value found under a credential name, keeping a scheme word
/// (the redactor's own header-value mask).
fn mask_named(value: &str) -> String {
    redact::mask_value(value.trim())
}

/// Every cookie value of a `Cookie` header masked; for `Set-Cookie`
/// (`first_only`) the cookie's value, its attributes kept.
fn mask_cookie_header(value: &str, first_only: bool) -> String {
    let mut out = Vec::new();
    for (i, part) in value.split(';').enumerate() {
        let masked = if i == 0 || !first_only {
            match part.split_once('=') {
                Some((n, v)) if !v.trim().is_empty() => format!("{n}={}", redact::mask(v.trim())),
                _ => part.to_string(),
            }
        } else {
            part.to_string()
        };
        out.push(masked);
    }
    out.join(";")
}

fn str_mut<'a>(v: &'a mut Value, key: &str) -> Option<&'a mut String> {
    match v.get_mut(key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// Sets `s` to `new`, counting a change.
fn set(s: &mut String, new: String, count: &mut usize) -> bool {
    if *s != new {
        *s = new;
        *count += 1;
        true
    } else {
        false
    }
}

/// Name/value pairs (headers, query, form fields): credential-named
/// values masked whatever their form; cookie headers cookie by cookie.
fn scrub_pairs(list: Option<&mut Value>, count: &mut usize) -> bool {
    let Some(Value::Array(items)) = list else {
        return false;
    };
    let mut changed = false;
    for item in items {
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(value) = str_mut(item, "value") else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let lower = name.trim().to_ascii_lowercase();
        let new = if lower == "cookie" {
            mask_cookie_header(value, false)
        } else if lower == "set-cookie" {
            mask_cookie_header(value, true)
        } else if redact::is_credential_name(&name) || lower == "key" {
            mask_named(value)
        } else {
            continue;
        };
        changed |= set(value, new, count);
    }
    changed
}

/// Every cookie of a `cookies` array masked.
fn scrub_cookies(list: Option<&mut Value>, count: &mut usize) {
    let Some(Value::Array(items)) = list else {
        return;
    };
    for item in items {
        if let Some(v) = str_mut(item, "value") {
            if !v.is_empty() {
                let new = redact::mask(v);
                set(v, new, count);
            }
        }
    }
}

/// A body's text: credential-named JSON fields and form fields masked,
/// then the shape pass.
fn scrub_body(text: &str, known: &Known) -> String {
    let t = text.trim_start();
    let structured = if t.starts_with('{') || t.starts_with('[') {
        serde_json::from_str::<Value>(t).ok().map(|mut v| {
            let mut n = 0;
            scrub_json_fields(&mut v, &mut n, 0);
            if n == 0 {
                text.to_string()
            } else {
                serde_json::to_string(&v).unwrap_or_else(|_| text.to_string())
            }
        })
    } else if !t.is_empty() && !t.contains(char::is_whitespace) && t.contains('=') {
        let mut changed = false;
        let pairs: Vec<(String, String)> = form_urlencoded::parse(t.as_bytes())
            .map(|(n, v)| {
                if (redact::is_credential_name(&n) || n == "key") && !v.is_empty() {
                    changed = true;
                    (n.into_owned(), redact::mask(&v))
                } else {
                    (n.into_owned(), v.into_owned())
                }
            })
            .collect();
        changed.then(|| {
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish()
        })
    } else {
        None
    };
    let text = structured.as_deref().unwrap_or(text);
    redact::text(&known.apply(text))
}

fn scrub_json_fields(v: &mut Value, count: &mut usize, depth: usize) {
    if depth > 64 {
        return;
    }
    match v {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match v {
                    Value::String(s) if redact::is_credential_name(k) && !s.is_empty() => {
                        let new = redact::mask(s);
                        set(s, new, count);
                    }
                    other => scrub_json_fields(other, count, depth + 1),
                }
            }
        }
        Value::Array(items) => {
            for i in items {
                scrub_json_fields(i, count, depth + 1);
            }
        }
        _ => {}
    }
}

/// Every string left: known secrets in their encodings, then shapes.
fn scrub_strings(v: &mut Value, known: &Known, count: &mut usize, depth: usize) {
    match v {
        Value::String(s) => {
            let new = redact::text(&known.apply(s));
            set(s, new, count);
        }
        Value::Array(items) if depth < 128 => {
            for i in items {
                scrub_strings(i, known, count, depth + 1);
            }
        }
        Value::Object(map) if depth < 128 => {
            for (_, v) in map.iter_mut() {
                scrub_strings(v, known, count, depth + 1);
            }
        }
        _ => {}
    }
}

/// Redacts one entry in place; returns how many values changed.
pub fn scrub_entry(entry: &mut Value, known: &Known) -> usize {
    let mut count = 0;
    if let Some(req) = entry.get_mut("request").filter(|r| r.is_object()) {
        if scrub_pairs(req.get_mut("headers"), &mut count) {
            req["headersSize"] = Value::from(-1);
        }
        scrub_pairs(req.get_mut("queryString"), &mut count);
        scrub_cookies(req.get_mut("cookies"), &mut count);
        if let Some(url) = str_mut(req, "url") {
            let new = scrub_url(url, known);
            set(url, new, &mut count);
        }
        let mut new_body_len = None;
        if let Some(post) = req.get_mut("postData").filter(|p| p.is_object()) {
            scrub_pairs(post.get_mut("params"), &mut count);
            if let Some(text) = str_mut(post, "text") {
                let new = scrub_body(text, known);
                if set(text, new, &mut count) {
                    new_body_len = Some(text.len());
                }
            }
        }
        if let Some(len) = new_body_len {
            if req
                .get("bodySize")
                .and_then(Value::as_i64)
                .is_some_and(|n| n >= 0)
            {
                req["bodySize"] = Value::from(len);
            }
        }
    }
    if let Some(res) = entry.get_mut("response").filter(|r| r.is_object()) {
        if scrub_pairs(res.get_mut("headers"), &mut count) {
            res["headersSize"] = Value::from(-1);
        }
        scrub_cookies(res.get_mut("cookies"), &mut count);
        let mut body_changed = false;
        if let Some(content) = res.get_mut("content").filter(|c| c.is_object()) {
            let base64 = content
                .get("encoding")
                .and_then(Value::as_str)
                .is_some_and(|e| e.eq_ignore_ascii_case("base64"));
            if let Some(text) = str_mut(content, "text") {
                let mut new_size = None;
                if base64 {
                    use base64::Engine;
                    let engine = base64::engine::general_purpose::STANDARD;
                    if let Some(plain) = engine
                        .decode(text.trim())
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                    {
                        let scrubbed = scrub_body(&plain, known);
                        if scrubbed != plain {
                            new_size = Some(scrubbed.len());
                            set(text, engine.encode(&scrubbed), &mut count);
                        }
                    }
                } else {
                    let new = scrub_body(text, known);
                    if set(text, new, &mut count) {
                        new_size = Some(text.len());
                    }
                }
                if let Some(n) = new_size {
                    body_changed = true;
                    content["size"] = Value::from(n);
                    if let Value::Object(c) = content {
                        c.remove("compression");
                    }
                }
            }
        }
        if body_changed {
            res["bodySize"] = Value::from(-1);
        }
        if let Some(loc) = str_mut(res, "redirectURL") {
            let new = scrub_url(loc, known);
            set(loc, new, &mut count);
        }
    }
    scrub_strings(entry, known, &mut count, 0);
    count
}

/// A URL with user info's password and credential-named query values
/// masked, then the shape pass.
fn scrub_url(raw: &str, known: &Known) -> String {
    let Ok(mut u) = url::Url::parse(raw) else {
        return redact::text(&known.apply(raw));
    };
    let mut changed = false;
    if u.password().is_some() {
        let pass = u.password().unwrap_or_default().to_string();
        let _ = u.set_password(Some(&redact::mask(&pass)));
        changed = true;
    }
    if u.query().is_some() {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(n, v)| {
                if (redact::is_credential_name(&n) || n == "key") && !v.is_empty() {
                    changed = true;
                    (n.into_owned(), redact::mask(&v))
                } else {
                    (n.into_owned(), v.into_owned())
                }
            })
            .collect();
        if changed {
            u.query_pairs_mut().clear().extend_pairs(pairs);
        }
    }
    let s = if changed {
        u.to_string()
    } else {
        raw.to_string()
    };
    redact::text(&known.apply(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_masked_and_attributes_kept() {
        assert_eq!(
            mask_cookie_header("sid=abcdefghijklmnop; Path=/; HttpOnly", true),
            "sid=…mnop; Path=/; HttpOnly"
        );
        assert_eq!(
            mask_cookie_header("a=1; b=2", false),
            "a=…(1 chars); b=…(1 chars)"
        );
    }

    #[test]
    fn credential_named_json_fields_are_masked() {
        let out = scrub_body(r#"{"password":"hunter2hunter2","n":1}"#, &Known::default());
        assert!(!out.contains("hunter2hunter2"), "{out}");
        assert!(out.contains("\"n\":1"));
    }

    #[test]
    fn url_user_info_and_query_are_masked() {
        let out = scrub_url(
            "https://user:s3cretpassw0rd@example.com/p?api_key=abcdefghijklmnop&q=shoes",
            &Known::default(),
        );
        assert!(
            !out.contains("s3cretpassw0rd") && !out.contains("abcdefghijklmnop"),
            "{out}"
        );
        assert!(out.contains("q=shoes"), "{out}");
    }
}
