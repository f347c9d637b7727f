//! The bodies a sender may have signed when the one received was parsed
//! and written again on the way: JSON re-serialised the way real stacks
//! write it (PHP's `\/`, Python's `\uXXXX` and `", "`, sorted keys,
//! `1.0` written as `1`), and form bodies decoded, re-encoded, reordered or
//! unwrapped. Also the signs that a body was re-serialised when no
//! candidate matches.
//!
//! Bounded: candidates are made one at a time (one in memory beside the
//! body), at most [`MAX_CANDIDATES`] of them, and JSON is parsed into a
//! tree only up to [`MAX_PARSED_BODY`].

use super::diagnose::{BodyChange, JsonStyle};
use serde::Serialize;

/// Most candidate bodies tried for one delivery.
pub const MAX_CANDIDATES: usize = 256;
/// JSON bodies larger than this are only changed as text, never parsed
/// into a tree (a tree takes several times the text's memory).
pub const MAX_PARSED_BODY: usize = 2 * 1024 * 1024;
/// Integers numbered one by one when looking for a `1.0` written as `1`.
const MAX_SINGLE_NUMBERS: usize = 16;

/// A candidate: the one or two changes that make it, and how to make it.
pub struct Candidate {
    pub changes: Vec<BodyChange>,
    pub make: Box<dyn Fn() -> Option<Vec<u8>> + Send + Sync>,
}

fn one(
    change: BodyChange,
    make: impl Fn() -> Option<Vec<u8>> + Send + Sync + 'static,
) -> Candidate {
    Candidate {
        changes: vec![change],
        make: Box::new(make),
    }
}

fn two(
    a: BodyChange,
    b: BodyChange,
    make: impl Fn() -> Option<Vec<u8>> + Send + Sync + 'static,
) -> Candidate {
    Candidate {
        changes: vec![a, b],
        make: Box::new(make),
    }
}

/// What one textual change does to JSON text the sender wrote.
#[derive(Clone, Copy)]
enum Text {
    /// The sender wrote `\/` (PHP); the body verified has `/`.
    EscapeSlashes,
    UnescapeSlashes,
    EscapeUnicode,
    UnescapeUnicode,
    /// The sender wrote `10.0`; the body verified has `10`.
    IntsToFloats,
    FloatsToInts,
}

impl Text {
    fn change(self) -> BodyChange {
        match self {
            Text::EscapeSlashes => BodyChange::SlashesUnescaped,
            Text::UnescapeSlashes => BodyChange::SlashesEscaped,
            Text::EscapeUnicode => BodyChange::UnicodeUnescaped,
            Text::UnescapeUnicode => BodyChange::UnicodeEscaped,
            Text::IntsToFloats => BodyChange::NumbersShortened,
            Text::FloatsToInts => BodyChange::NumbersLengthened,
        }
    }

    fn apply(self, text: &str) -> Option<String> {
        let out = match self {
            Text::EscapeSlashes => text.contains('/').then(|| text.replace('/', "\\/"))?,
            Text::UnescapeSlashes => unescape_slashes(text)?,
            Text::EscapeUnicode => {
                (!text.is_ascii()).then(|| super::diagnose::escape_non_ascii(text))?
            }
            Text::UnescapeUnicode => super::diagnose::unescape_unicode(text)?,
            Text::IntsToFloats => rewrite_numbers(text, None)?,
            Text::FloatsToInts => floats_to_ints(text)?,
        };
        (out != text).then_some(out)
    }
}

const TEXTS: [Text; 6] = [
    Text::EscapeSlashes,
    Text::UnescapeSlashes,
    Text::EscapeUnicode,
    Text::UnescapeUnicode,
    Text::IntsToFloats,
    Text::FloatsToInts,
];

/// JSON candidates for `body`, most likely first; empty when it is not JSON.
pub fn json(body: &[u8]) -> Vec<Candidate> {
    let Ok(text) = std::str::from_utf8(body) else {
        return Vec::new();
    };
    let trimmed = text.trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return Vec::new();
    }
    let parsed: Option<serde_json::Value> = if body.len() <= MAX_PARSED_BODY {
        match serde_json::from_str(text) {
            Ok(v) => Some(v),
            Err(_) => return Vec::new(),
        }
    } else {
        None
    };
    let text: std::sync::Arc<str> = text.into();
    let value = parsed.map(std::sync::Arc::new);
    let mut out = Vec::new();
    // One textual change, everything else as received.
    for t in TEXTS {
        let s = text.clone();
        out.push(one(t.change(), move || t.apply(&s).map(String::into_bytes)));
    }
    // Each integer alone written as a float: a sender's 10.0 among integers.
    let ints = integer_spans(&text);
    if ints.len() > 1 {
        for i in 0..ints.len().min(MAX_SINGLE_NUMBERS) {
            let s = text.clone();
            out.push(one(BodyChange::NumbersShortened, move || {
                rewrite_numbers(&s, Some(i)).map(String::into_bytes)
            }));
        }
    }
    // Two textual changes together (PHP escapes both / and non-ASCII).
    for (i, a) in TEXTS.iter().enumerate() {
        for b in &TEXTS[i + 1..] {
            if conflicting(*a, *b) {
                continue;
            }
            let (a, b, s) = (*a, *b, text.clone());
            out.push(two(a.change(), b.change(), move || {
                let first = a.apply(&s)?;
                b.apply(&first).map(String::into_bytes)
            }));
        }
    }
    let Some(value) = value else { return out };
    let sorted = std::sync::Arc::new(sort_keys(&value));
    let reorders = !same_order(&value, &sorted);
    // Re-serialised by a real writer, alone or with the numbers or the key
    // order changed as well.
    for w in WRITERS {
        let v = value.clone();
        out.push(changed(w.changes(), move || w.write(&v)));
    }
    for w in WRITERS {
        let v = value.clone();
        out.push(changed(
            w.changes_with(BodyChange::NumbersShortened),
            move || {
                Text::IntsToFloats
                    .apply(&String::from_utf8(w.write(&v)?).ok()?)
                    .map(String::into_bytes)
            },
        ));
        if reorders {
            let v = sorted.clone();
            out.push(changed(
                w.changes_with(BodyChange::KeysReordered),
                move || w.write(&v),
            ));
        }
    }
    for w in WRITERS {
        for i in 0..ints.len().min(MAX_SINGLE_NUMBERS) {
            let v = value.clone();
            out.push(changed(
                w.changes_with(BodyChange::NumbersShortened),
                move || {
                    rewrite_numbers(&String::from_utf8(w.write(&v)?).ok()?, Some(i))
                        .map(String::into_bytes)
                },
            ));
        }
    }
    out
}

fn changed(
    changes: Vec<BodyChange>,
    make: impl Fn() -> Option<Vec<u8>> + Send + Sync + 'static,
) -> Candidate {
    Candidate {
        changes,
        make: Box::new(make),
    }
}

/// A JSON writer as real stacks configure it: layout, whether non-ASCII
/// is escaped as `\uXXXX`, whether `/` is escaped as `\/`.
#[derive(Clone, Copy)]
struct Writer(JsonStyle, bool, bool);

const WRITERS: [Writer; 10] = [
    // JavaScript JSON.stringify, Go, Rust: compact, raw UTF-8.
    Writer(JsonStyle::Compact, false, false),
    Writer(JsonStyle::Pretty2, false, false),
    Writer(JsonStyle::Pretty4, false, false),
    Writer(JsonStyle::Spaced, false, false),
    // Python's json.dumps: ", " and ": ", ensure_ascii; with indent=2.
    Writer(JsonStyle::Spaced, true, false),
    Writer(JsonStyle::Pretty2, true, false),
    Writer(JsonStyle::Compact, true, false),
    // PHP's json_encode and wp_json_encode: \uXXXX and \/; pretty is 4 spaces.
    Writer(JsonStyle::Compact, true, true),
    Writer(JsonStyle::Pretty4, true, true),
    // json_encode with JSON_UNESCAPED_UNICODE.
    Writer(JsonStyle::Compact, false, true),
];

impl Writer {
    /// The changes from what the sender wrote to what was verified.
    fn changes(self) -> Vec<BodyChange> {
        let mut c = vec![BodyChange::Json(self.0)];
        if self.1 {
            c.push(BodyChange::UnicodeUnescaped);
        }
        if self.2 {
            c.push(BodyChange::SlashesUnescaped);
        }
        c
    }

    fn changes_with(self, more: BodyChange) -> Vec<BodyChange> {
        let mut c = self.changes();
        c.push(more);
        c
    }

    fn write(self, v: &serde_json::Value) -> Option<Vec<u8>> {
        let text = String::from_utf8(super::diagnose::json_in(v, self.0)).ok()?;
        let text = if self.1 {
            super::diagnose::escape_non_ascii(&text)
        } else {
            text
        };
        let text = if self.2 {
            text.replace('/', "\\/")
        } else {
            text
        };
        Some(text.into_bytes())
    }
}

fn conflicting(a: Text, b: Text) -> bool {
    use Text::*;
    matches!(
        (a, b),
        (EscapeSlashes, UnescapeSlashes)
            | (EscapeUnicode, UnescapeUnicode)
            | (IntsToFloats, FloatsToInts)
    )
}

/// `\/` as `/`, leaving `\\/` (an escaped backslash, then `/`) alone.
fn unescape_slashes(text: &str) -> Option<String> {
    if !text.contains("\\/") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('/') => out.push('/'),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Byte spans of the integer literals outside strings.
fn integer_spans(text: &str) -> Vec<(usize, usize)> {
    number_spans(text)
        .into_iter()
        .filter(|(a, b)| !text[*a..*b].contains(['.', 'e', 'E']))
        .collect()
}

fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            i += 1;
        } else if c == b'-' || c.is_ascii_digit() {
            let start = i;
            while i < b.len() && matches!(b[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Every integer (or only the `only`-th) written as a float, `10` → `10.0`.
fn rewrite_numbers(text: &str, only: Option<usize>) -> Option<String> {
    let spans = integer_spans(text);
    if spans.is_empty() || only.is_some_and(|i| i >= spans.len()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + spans.len() * 2);
    let mut last = 0;
    for (n, (_, end)) in spans.into_iter().enumerate() {
        if only.is_some_and(|i| i != n) {
            continue;
        }
        out.push_str(&text[last..end]);
        out.push_str(".0");
        last = end;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Every float with a zero fraction written as an integer, `10.0` → `10`.
fn floats_to_ints(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut changed = false;
    for (a, b) in number_spans(text) {
        let lit = &text[a..b];
        if let Some((int, frac)) = lit.split_once('.') {
            if !frac.is_empty() && frac.bytes().all(|c| c == b'0') && !int.is_empty() {
                out.push_str(&text[last..a]);
                out.push_str(int);
                last = b;
                changed = true;
            }
        }
    }
    out.push_str(&text[last..]);
    changed.then_some(out)
}

fn sort_keys(v: &serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => {
            let mut pairs: Vec<(&String, &serde_json::Value)> = m.iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(b.0));
            serde_json::Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.clone(), sort_keys(v)))
                    .collect(),
            )
        }
        serde_json::Value::Array(a) => serde_json::Value::Array(a.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

/// Whether two equal values also list their keys in the same order.
fn same_order(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    let mut x = Vec::new();
    let mut y = Vec::new();
    let _ = a.serialize(&mut serde_json::Serializer::new(&mut x));
    let _ = b.serialize(&mut serde_json::Serializer::new(&mut y));
    x == y
}

/// What suggests the body was parsed and written again, when no
/// candidate recovers the sender's bytes.
pub fn json_evidence(body: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    if body.len() > MAX_PARSED_BODY {
        return out;
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return out;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return out;
    };
    let (pairs, unsorted) = key_order(&value);
    if pairs >= 4 && unsorted == 0 {
        out.push(format!(
            "every object's keys are in alphabetical order ({} neighbouring keys, none out of order): typical of a parser writing a map back sorted, rarely of a sender",
            pairs
        ));
    }
    for (a, b) in integer_spans(text) {
        let lit = &text[a..b];
        let digits = lit.trim_start_matches('-');
        if digits.len() >= 16 {
            if let Ok(f) = lit.parse::<f64>() {
                if f.abs() > 9_007_199_254_740_992.0 && format!("{f}") == lit {
                    out.push(format!(
                        "the integer {lit} is above 2^53 and reads like a JavaScript double (its last digits rounded to zeros): a JSON.parse/JSON.stringify on the way rounds such numbers"
                    ));
                    break;
                }
            }
        }
    }
    out
}

/// Neighbouring key pairs in objects, and how many are out of order.
fn key_order(v: &serde_json::Value) -> (usize, usize) {
    match v {
        serde_json::Value::Object(m) => {
            let keys: Vec<&String> = m.keys().collect();
            let mut pairs = keys.len().saturating_sub(1);
            let mut bad = keys.windows(2).filter(|w| w[0] > w[1]).count();
            for v in m.values() {
                let (p, b) = key_order(v);
                pairs += p;
                bad += b;
            }
            (pairs, bad)
        }
        serde_json::Value::Array(a) => a
            .iter()
            .map(key_order)
            .fold((0, 0), |x, y| (x.0 + y.0, x.1 + y.1)),
        _ => (0, 0),
    }
}

/// Slack's documented field order for slash commands (the order it sends).
const SLACK_ORDER: &[&str] = &[
    "token",
    "team_id",
    "team_domain",
    "enterprise_id",
    "enterprise_name",
    "channel_id",
    "channel_name",
    "user_id",
    "user_name",
    "command",
    "text",
    "response_url",
    "trigger_id",
    "api_app_id",
];

/// How a form encoder writes a value: which bytes stay as they are.
#[derive(Clone, Copy)]
enum FormEnc {
    /// The WHATWG/`application/x-www-form-urlencoded` set: `*-._` kept.
    Whatwg,
    /// Python's `urlencode`, Ruby and PHP's `http_build_query`: `-._~` kept.
    Rfc3986,
}

fn encode_form(pairs: &[(String, String)], enc: FormEnc, plus: bool) -> Vec<u8> {
    let keep = |b: u8| {
        b.is_ascii_alphanumeric()
            || match enc {
                FormEnc::Whatwg => matches!(b, b'*' | b'-' | b'.' | b'_'),
                FormEnc::Rfc3986 => matches!(b, b'~' | b'-' | b'.' | b'_'),
            }
    };
    let mut out = Vec::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        for (j, part) in [k, v].into_iter().enumerate() {
            if j == 1 {
                out.push(b'=');
            }
            for &b in part.as_bytes() {
                if keep(b) {
                    out.push(b);
                } else if b == b' ' && plus {
                    out.push(b'+');
                } else {
                    out.extend_from_slice(format!("%{b:02X}").as_bytes());
                }
            }
        }
    }
    out
}

/// Whether a body reads as `name=value&…` form fields.
pub fn looks_like_form(body: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    let first = text.split('&').next().unwrap_or_default();
    first.split_once('=').is_some_and(|(k, _)| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'[' || b == b']')
    })
}

/// Form candidates: the bodies a form sender signed when the body given
/// was decoded, re-encoded, reordered or is the JSON of one field.
/// `field` names the field a JSON body was pulled out of.
pub fn form(body: &[u8], field: Option<&'static str>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let text = String::from_utf8_lossy(body).into_owned();
    let trimmed = text.trim_start();
    if let Some(field) = field.filter(|_| trimmed.starts_with('{') || trimmed.starts_with('[')) {
        for (enc, plus) in [
            (FormEnc::Whatwg, true),
            (FormEnc::Rfc3986, true),
            (FormEnc::Whatwg, false),
            (FormEnc::Rfc3986, false),
        ] {
            let t = text.clone();
            out.push(one(BodyChange::FormFieldExtracted, move || {
                Some(encode_form(&[(field.to_string(), t.clone())], enc, plus))
            }));
        }
        return out;
    }
    if !looks_like_form(body) {
        return out;
    }
    // Decoded before verifying: the body given is the fields' plain text.
    let has_escapes = body
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit());
    // Bytes an encoder never leaves as they are: the body was decoded.
    let plain = body
        .iter()
        .any(|b| !(b.is_ascii_alphanumeric() || b"*-._~+=&%".contains(b)));
    if !has_escapes && plain {
        let naive: Vec<(String, String)> = text
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (kv.to_string(), String::new()),
            })
            .collect();
        let whole: Vec<(String, String)> = text
            .split_once('=')
            .map(|(k, v)| vec![(k.to_string(), v.to_string())])
            .unwrap_or_default();
        for fields in [naive, whole] {
            for (enc, plus) in [
                (FormEnc::Whatwg, true),
                (FormEnc::Rfc3986, true),
                (FormEnc::Whatwg, false),
                (FormEnc::Rfc3986, false),
            ] {
                let p = fields.clone();
                out.push(one(BodyChange::FormDecoded, move || {
                    Some(encode_form(&p, enc, plus))
                }));
            }
        }
    }
    // Re-encoded: same fields, another encoder.
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let b = body.to_vec();
    out.push(one(BodyChange::FormReencoded, move || {
        Some(super::diagnose::replace(&b, b"+", b"%20"))
    }));
    let b = body.to_vec();
    out.push(one(BodyChange::FormReencoded, move || {
        Some(super::diagnose::replace(&b, b"%20", b"+"))
    }));
    for (enc, plus) in [
        (FormEnc::Whatwg, true),
        (FormEnc::Rfc3986, true),
        (FormEnc::Whatwg, false),
        (FormEnc::Rfc3986, false),
    ] {
        let p = pairs.clone();
        out.push(one(BodyChange::FormReencoded, move || {
            Some(encode_form(&p, enc, plus))
        }));
        let p = pairs.clone();
        out.push(one(BodyChange::FormReencoded, move || {
            Some(super::diagnose::lower_escapes(&encode_form(&p, enc, plus)))
        }));
    }
    // Reordered: the sender's documented order, or sorted.
    let raw: Vec<&[u8]> = body.split(|b| *b == b'&').collect();
    let name = |f: &[u8]| f.split(|b| *b == b'=').next().unwrap_or_default().to_vec();
    let mut slack: Vec<&[u8]> = raw.clone();
    slack.sort_by_key(|f| {
        let n = name(f);
        SLACK_ORDER
            .iter()
            .position(|s| s.as_bytes() == n.as_slice())
            .unwrap_or(SLACK_ORDER.len())
    });
    let mut sorted = raw.clone();
    sorted.sort_by_key(|f| name(f));
    for order in [slack, sorted] {
        if order != raw {
            let joined = order.join(&b'&');
            out.push(one(BodyChange::FormReordered, move || Some(joined.clone())));
        }
    }
    out
}

/// What suggests a form body was parsed and written again.
pub fn form_evidence(body: &[u8]) -> Vec<String> {
    let names: Vec<Vec<u8>> = body
        .split(|b| *b == b'&')
        .map(|f| f.split(|b| *b == b'=').next().unwrap_or_default().to_vec())
        .collect();
    let mut out = Vec::new();
    if names.len() >= 4 && names.windows(2).all(|w| w[0] <= w[1]) {
        out.push(format!(
            "the {} form fields are in alphabetical order: typical of a framework writing parsed fields back, not of the sender",
            names.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made(cs: &[Candidate]) -> Vec<(Vec<BodyChange>, String)> {
        cs.iter()
            .filter_map(|c| Some((c.changes.clone(), String::from_utf8((c.make)()?).ok()?)))
            .collect()
    }

    #[test]
    fn text_changes() {
        assert_eq!(
            unescape_slashes(r#"{"u":"a\/b\\/c"}"#).unwrap(),
            r#"{"u":"a/b\\/c"}"#
        );
        assert_eq!(
            rewrite_numbers(r#"{"a":1,"b":"2","c":[3,4.5]}"#, None).unwrap(),
            r#"{"a":1.0,"b":"2","c":[3.0,4.5]}"#
        );
        assert_eq!(
            rewrite_numbers(r#"{"a":1,"c":3}"#, Some(1)).unwrap(),
            r#"{"a":1,"c":3.0}"#
        );
        assert_eq!(
            floats_to_ints(r#"{"a":1.0,"b":2.50,"c":"3.0"}"#).unwrap(),
            r#"{"a":1,"b":2.50,"c":"3.0"}"#
        );
    }

    #[test]
    fn php_and_python_writings_are_candidates() {
        let received = r#"{"url":"https://x.test/a","name":"Zoë","n":10}"#;
        let all = made(&json(received.as_bytes()));
        assert!(all.len() <= MAX_CANDIDATES, "{}", all.len());
        let php = r#"{"url":"https:\/\/x.test\/a","name":"Zo\u00eb","n":10}"#;
        assert!(all.iter().any(|(c, b)| b == php && c.len() == 2));
        let py = r#"{"url": "https://x.test/a", "name": "Zo\u00eb", "n": 10}"#;
        assert!(all.iter().any(|(_, b)| b == py));
        let js_float = r#"{"url":"https://x.test/a","name":"Zoë","n":10.0}"#;
        assert!(all
            .iter()
            .any(|(c, b)| b == js_float && c == &vec![BodyChange::NumbersShortened]));
    }

    #[test]
    fn evidence_of_sorting_and_rounding() {
        let e = json_evidence(br#"{"a":1,"b":{"c":1,"d":2,"e":3},"f":12345678901234567000}"#);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            json_evidence(br#"{"id":1,"object":"event","api_version":"x","created":2}"#).is_empty()
        );
    }

    #[test]
    fn form_candidates() {
        let sent = "payload=%7B%22a%22%3A%22x+y%22%7D";
        let all = made(&form(br#"{"a":"x y"}"#, Some("payload")));
        assert!(all.iter().any(|(_, b)| b == sent));
        let all = made(&form(br#"payload={"a":"x y"}"#, Some("payload")));
        assert!(all
            .iter()
            .any(|(c, b)| b == sent && c == &vec![BodyChange::FormDecoded]));
        let all = made(&form(b"text=hi&token=t&user_id=u", Some("payload")));
        assert!(all.iter().any(|(_, b)| b == "token=t&user_id=u&text=hi"));
    }
}
