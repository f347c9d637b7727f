//! HAR 1.2 as browsers write it, read one entry at a time.
//!
//! The document is never held whole: a [`serde::de::DeserializeSeed`]
//! walks `log` and hands each element of `log.entries` to a callback as
//! soon as it is parsed, so memory follows the largest entry, not the
//! file. Every field is optional and forgiving (`null` for a string or a
//! number, a number written as a string), since Chrome, Firefox and Safari
//! each leave out or add different ones: Chrome's `_error`,
//! `_resourceType`, `_initiator` and `_transferSize`, Firefox's missing
//! `content.text` and `-1` sizes, Safari's `_fetchType` and empty `pages`.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

/// A name/value pair: a header, a cookie, a query or form parameter.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct Pair {
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub value: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PostData {
    #[serde(rename = "mimeType", deserialize_with = "text")]
    pub mime_type: String,
    #[serde(deserialize_with = "text")]
    pub text: String,
    #[serde(deserialize_with = "pairs")]
    pub params: Vec<Pair>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Request {
    #[serde(deserialize_with = "text")]
    pub method: String,
    #[serde(deserialize_with = "text")]
    pub url: String,
    #[serde(deserialize_with = "pairs")]
    pub headers: Vec<Pair>,
    #[serde(deserialize_with = "pairs")]
    pub cookies: Vec<Pair>,
    #[serde(rename = "queryString", deserialize_with = "pairs")]
    pub query: Vec<Pair>,
    #[serde(rename = "postData")]
    pub post_data: Option<PostData>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Content {
    #[serde(rename = "mimeType", deserialize_with = "text")]
    pub mime_type: String,
    #[serde(deserialize_with = "text")]
    pub text: String,
    #[serde(deserialize_with = "text")]
    pub encoding: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Response {
    #[serde(deserialize_with = "number")]
    pub status: f64,
    #[serde(rename = "statusText", deserialize_with = "text")]
    pub status_text: String,
    #[serde(deserialize_with = "pairs")]
    pub headers: Vec<Pair>,
    #[serde(deserialize_with = "pairs")]
    pub cookies: Vec<Pair>,
    pub content: Content,
    /// Chrome: why the request failed (`net::ERR_BLOCKED_BY_CLIENT`).
    #[serde(rename = "_error", deserialize_with = "text")]
    pub error: String,
}

/// Milliseconds per phase; -1 (or absent) means the phase did not apply.
#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct Timings {
    #[serde(deserialize_with = "number")]
    pub blocked: f64,
    #[serde(deserialize_with = "number")]
    pub dns: f64,
    #[serde(deserialize_with = "number")]
    pub connect: f64,
    #[serde(deserialize_with = "number")]
    pub ssl: f64,
    #[serde(deserialize_with = "number")]
    pub send: f64,
    #[serde(deserialize_with = "number")]
    pub wait: f64,
    #[serde(deserialize_with = "number")]
    pub receive: f64,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            blocked: -1.0,
            dns: -1.0,
            connect: -1.0,
            ssl: -1.0,
            send: -1.0,
            wait: -1.0,
            receive: -1.0,
        }
    }
}

impl Timings {
    /// The phases plumb judges, by name, with their time when it applies.
    /// `connect` includes `ssl` in HAR 1.2; the TLS part is taken out so
    /// each phase counts once.
    pub fn phases(&self) -> Vec<(&'static str, f64)> {
        let ssl = self.ssl.max(0.0);
        let connect = if self.connect >= 0.0 {
            (self.connect - ssl).max(0.0)
        } else {
            -1.0
        };
        [
            ("blocked", self.blocked),
            ("dns", self.dns),
            ("connect", connect),
            ("ssl", self.ssl),
            ("send", self.send),
            ("wait", self.wait),
            ("receive", self.receive),
        ]
        .into_iter()
        .filter(|(_, ms)| ms.is_finite() && *ms >= 0.0)
        .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entry {
    #[serde(deserialize_with = "text")]
    pub pageref: String,
    #[serde(rename = "startedDateTime", deserialize_with = "text")]
    pub started: String,
    #[serde(deserialize_with = "number")]
    pub time: f64,
    pub request: Request,
    pub response: Response,
    pub timings: Timings,
    /// Chrome: `document`, `script`, `fetch`, `xhr`, `preflight`…
    #[serde(rename = "_resourceType", deserialize_with = "text")]
    pub resource_type: String,
    /// An error recorded on the entry rather than its response.
    #[serde(rename = "_error", deserialize_with = "text")]
    pub error: String,
    /// Why the request was blocked before it was sent, where an exporter
    /// records it apart from `_error`.
    #[serde(rename = "_blockedReason", deserialize_with = "text")]
    pub blocked_reason: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Page {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub title: String,
}

/// Who wrote the file (`log.creator`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Creator {
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub version: String,
}

/// What the walk saw besides the entries.
#[derive(Debug, Default)]
pub struct Outline {
    pub creator: Creator,
    pub pages: Vec<Page>,
    pub entries: usize,
    pub had_log: bool,
    pub had_entries: bool,
}

/// A string, or `null`/a number/a bool written where a string belongs.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        // An object or array where a string belongs (Safari's structured
        // `_initiator` lands elsewhere, but a stray one is no reason to
        // refuse the file): read past it.
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<String, A::Error> {
            while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(String::new())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<String, A::Error> {
            while s.next_element::<IgnoredAny>()?.is_some() {}
            Ok(String::new())
        }
    }
    d.deserialize_any(V)
}

/// A number, or `null`/a numeric string; anything else is -1 (unknown).
fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = f64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number")
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
            Ok(v.trim().parse().unwrap_or(-1.0))
        }
        fn visit_unit<E: de::Error>(self) -> Result<f64, E> {
            Ok(-1.0)
        }
        fn visit_none<E: de::Error>(self) -> Result<f64, E> {
            Ok(-1.0)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<f64, E> {
            Ok(-1.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<f64, A::Error> {
            while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(-1.0)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<f64, A::Error> {
            while s.next_element::<IgnoredAny>()?.is_some() {}
            Ok(-1.0)
        }
    }
    d.deserialize_any(V)
}

/// A list of pairs, or `null` for none.
fn pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Pair>, D::Error> {
    Ok(Option::<Vec<Pair>>::deserialize(d)?.unwrap_or_default())
}

/// The most one entry may take in the file: memory follows the largest
/// entry, so this bounds it (docs/limits.md).
pub const MAX_ENTRY: u64 = 32 * 1024 * 1024;

/// Counts the bytes read since the last entry ended; past [`MAX_ENTRY`]
/// the read fails, which ends the walk with an error naming the bound.
pub struct Metered<R> {
    inner: R,
    pub since: Rc<Cell<u64>>,
    pub total: Rc<Cell<u64>>,
    max_total: u64,
}

impl<R: Read> Metered<R> {
    pub fn new(inner: R, max_total: u64) -> Self {
        Metered {
            inner,
            since: Rc::default(),
            total: Rc::default(),
            max_total,
        }
    }
}

/// The error text a metered read fails with, recognised when the walk
/// reports it.
pub const ENTRY_TOO_LARGE: &str = "an entry larger than";
pub const FILE_TOO_LARGE: &str = "larger than --max-input-size";

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let since = self.since.get() + n as u64;
        let total = self.total.get() + n as u64;
        self.since.set(since);
        self.total.set(total);
        if since > MAX_ENTRY {
            return Err(std::io::Error::other(format!(
                "{ENTRY_TOO_LARGE} {} MiB",
                MAX_ENTRY >> 20
            )));
        }
        if total > self.max_total {
            return Err(std::io::Error::other(format!(
                "{FILE_TOO_LARGE} ({} bytes)",
                self.max_total
            )));
        }
        Ok(n)
    }
}

/// Walks a HAR document, calling `sink` for each entry in order. Returns
/// what it saw around them.
pub fn walk<R: Read, T: serde::de::DeserializeOwned>(
    reader: R,
    since: Rc<Cell<u64>>,
    sink: &mut dyn FnMut(usize, T) -> Result<(), String>,
) -> Result<Outline, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut outline = Outline::default();
    Root {
        outline: &mut outline,
        since,
        sink,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(outline)
}

struct Root<'a, T> {
    outline: &'a mut Outline,
    since: Rc<Cell<u64>>,
    sink: &'a mut dyn FnMut(usize, T) -> Result<(), String>,
}

impl<'de, T: serde::de::DeserializeOwned> DeserializeSeed<'de> for Root<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Root<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a HAR document (a JSON object with \"log\")")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        while let Some(key) = m.next_key::<String>()? {
            if key == "log" && !self.outline.had_log {
                self.outline.had_log = true;
                m.next_value_seed(Log {
                    outline: &mut *self.outline,
                    since: self.since.clone(),
                    sink: &mut *self.sink,
                })?;
            } else {
                m.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Log<'a, T> {
    outline: &'a mut Outline,
    since: Rc<Cell<u64>>,
    sink: &'a mut dyn FnMut(usize, T) -> Result<(), String>,
}

impl<'de, T: serde::de::DeserializeOwned> DeserializeSeed<'de> for Log<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Log<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("\"log\" as an object with \"entries\"")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<(), A::Error> {
        while let Some(key) = m.next_key::<String>()? {
            match key.as_str() {
                "entries" if !self.outline.had_entries => {
                    self.outline.had_entries = true;
                    m.next_value_seed(Entries {
                        outline: &mut *self.outline,
                        since: self.since.clone(),
                        sink: &mut *self.sink,
                    })?;
                }
                "creator" => self.outline.creator = m.next_value()?,
                "pages" => {
                    self.outline.pages = m.next_value::<Option<Vec<Page>>>()?.unwrap_or_default();
                }
                _ => {
                    m.next_value::<IgnoredAny>()?;
                }
            }
            self.since.set(0);
        }
        Ok(())
    }
}

struct Entries<'a, T> {
    outline: &'a mut Outline,
    since: Rc<Cell<u64>>,
    sink: &'a mut dyn FnMut(usize, T) -> Result<(), String>,
}

impl<'de, T: serde::de::DeserializeOwned> DeserializeSeed<'de> for Entries<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: serde::de::DeserializeOwned> Visitor<'de> for Entries<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("\"log.entries\" as an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<(), A::Error> {
        self.since.set(0);
        loop {
            let index = self.outline.entries;
            let next = s.next_element::<T>().map_err(|e| {
                de::Error::custom(format!("entry {}: {}", index + 1, strip_position(&e)))
            })?;
            let Some(entry) = next else { break };
            self.since.set(0);
            self.outline.entries += 1;
            (self.sink)(index, entry).map_err(de::Error::custom)?;
        }
        Ok(())
    }
}

/// serde_json's message without its ` at line L column C` (added again
/// by the outer error).
fn strip_position(e: &impl std::fmt::Display) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
