//! Reading a signature header value as a verifier would, while noticing
//! the copy mistakes (quotes, spaces, missing or doubled prefixes) that a
//! strict verifier rejects.

use super::scheme::{Encoding, Provider, Scheme};

/// A copy mistake in the header value that plumb undid to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderProblem {
    Quotes,
    Spaces,
    HeaderName,
    PrefixMissing,
    PrefixDoubled,
    Commas,
    /// Hex written in upper case: every provider's verifier compares the
    /// lower-case text.
    UpperCase,
    /// More than one `t=` in a Stripe header (the SDKs read the first).
    TimestampTwice,
    /// Fewer hex digits or base64 characters than the MAC has.
    Truncated,
    /// Standard Webhooks `v1=sig` where the scheme writes `v1,sig`.
    EqualsForComma,
    /// A `sha256=` prefix on a header whose value is the bare base64 MAC.
    ForeignPrefix,
}

impl HeaderProblem {
    /// Whether the provider's own verifier accepts the header anyway
    /// (Stripe's libraries read the first `t=` and ignore the rest).
    pub fn forgiven(self) -> bool {
        self == HeaderProblem::TimestampTwice
    }

    pub fn text(self, scheme: &Scheme) -> String {
        let prefix = match scheme.provider {
            Provider::Stripe => "t=…,v1=",
            Provider::Github => "sha256=",
            Provider::Slack => "v0=",
            Provider::Standard => "v1,",
            _ => "",
        };
        match self {
            HeaderProblem::Quotes => "the value is wrapped in quotes".into(),
            HeaderProblem::Spaces => "the value has spaces that are not part of it".into(),
            HeaderProblem::HeaderName => "the header's name was copied along with its value".into(),
            HeaderProblem::PrefixMissing => format!("the {prefix} prefix is missing"),
            HeaderProblem::PrefixDoubled => format!("the {prefix} prefix appears twice"),
            HeaderProblem::Commas => {
                "several signatures are separated by commas; the scheme separates them with spaces"
                    .into()
            }
            HeaderProblem::UpperCase => {
                "the hex signature is in upper case; the sender writes lower-case hex and its verifiers compare the text as written".into()
            }
            HeaderProblem::TimestampTwice => {
                "the header holds more than one t=; Stripe sends one, and its libraries read only the first".into()
            }
            HeaderProblem::Truncated => format!(
                "the signature is cut short: {} needs {} {}",
                scheme.algorithm().name(),
                match scheme.encoding() {
                    Encoding::Hex => scheme.algorithm().tag_len() * 2,
                    Encoding::Base64 => scheme.algorithm().tag_len().div_ceil(3) * 4,
                },
                match scheme.encoding() {
                    Encoding::Hex => "hex digits",
                    Encoding::Base64 => "base64 characters",
                }
            ),
            HeaderProblem::EqualsForComma => {
                "the signature is written v1=…; Standard Webhooks writes v1,… (a comma), and its libraries skip anything else".into()
            }
            HeaderProblem::ForeignPrefix => format!(
                "the value starts with sha256=; the {} header carries the bare base64 MAC",
                scheme.signature_header()
            ),
        }
    }
}

/// One signature found in the header.
#[derive(Debug, Clone)]
pub struct Entry {
    /// As written (after undoing copy mistakes).
    pub text: String,
    /// Decoded, when it decodes at all.
    pub bytes: Option<Vec<u8>>,
    /// The encoding it decoded with.
    pub encoding: Option<Encoding>,
}

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub entries: Vec<Entry>,
    /// Stripe's `t=`.
    pub timestamp: Option<String>,
    pub problems: Vec<HeaderProblem>,
    /// Parts that are not signatures this scheme checks (`v0=`, `v1a,`).
    pub ignored: Vec<String>,
}

impl Parsed {
    fn note(&mut self, p: HeaderProblem) {
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }
}

pub fn parse(scheme: &Scheme, raw: &str) -> Parsed {
    let mut out = Parsed::default();
    let value = undo_copy_mistakes(scheme, raw, &mut out);
    match scheme.provider {
        Provider::Stripe => stripe(&value, &mut out),
        Provider::Github => prefixed(&value, &["sha256=", "sha1="], &mut out),
        Provider::Slack => prefixed(&value, &["v0="], &mut out),
        Provider::Standard => standard(&value, &mut out),
        Provider::Hmac | Provider::Timestamped => {
            let v = ["sha256=", "sha1=", "sha512=", "v1="]
                .iter()
                .find_map(|p| value.strip_prefix(p))
                .unwrap_or(&value);
            push(&mut out, v);
        }
        _ => match value.strip_prefix("sha256=") {
            Some(rest) => {
                out.note(HeaderProblem::ForeignPrefix);
                push(&mut out, rest);
            }
            None => push(&mut out, &value),
        },
    }
    for e in &mut out.entries {
        (e.bytes, e.encoding) = decode(scheme, &e.text);
    }
    let tag_len = scheme.algorithm().tag_len();
    let whole = |n: usize| match scheme.provider {
        Provider::Hmac | Provider::Timestamped => matches!(n, 20 | 32 | 64),
        // GitHub's legacy sha1= signature is 20 bytes.
        Provider::Github => n == 20 || n >= tag_len,
        _ => n >= tag_len,
    };
    let mut problems = Vec::new();
    for e in &out.entries {
        let hexish = !e.text.is_empty() && e.text.bytes().all(|b| b.is_ascii_hexdigit());
        let hex_scheme = scheme.encoding() == Encoding::Hex || scheme.detects_encoding();
        let short = match &e.bytes {
            Some(b) => !whole(b.len()),
            // An odd number of hex digits: the end was cut off.
            None => hexish && hex_scheme && e.text.len() < tag_len * 2,
        };
        if short {
            problems.push(HeaderProblem::Truncated);
        }
        if e.encoding == Some(Encoding::Hex) && e.text.bytes().any(|b| b.is_ascii_uppercase()) {
            problems.push(HeaderProblem::UpperCase);
        }
    }
    for p in problems {
        out.note(p);
    }
    out
}

fn undo_copy_mistakes(scheme: &Scheme, raw: &str, out: &mut Parsed) -> String {
    let mut v = raw.to_string();
    for _ in 0..4 {
        let t = v.trim();
        if t.len() != v.len() {
            out.note(HeaderProblem::Spaces);
            v = t.to_string();
            continue;
        }
        let quoted = ['"', '\'']
            .iter()
            .find_map(|q| v.strip_prefix(*q)?.strip_suffix(*q));
        if let Some(inner) = quoted.filter(|_| v.len() >= 2) {
            out.note(HeaderProblem::Quotes);
            v = inner.to_string();
            continue;
        }
        let named = scheme.signature_headers().into_iter().find_map(|h| {
            let (name, rest) = v.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case(h)
                .then(|| rest.to_string())
        });
        if let Some(rest) = named {
            out.note(HeaderProblem::HeaderName);
            v = rest;
            continue;
        }
        break;
    }
    v
}

fn push(out: &mut Parsed, text: &str) {
    out.entries.push(Entry {
        text: text.to_string(),
        bytes: None,
        encoding: None,
    });
}

fn stripe(value: &str, out: &mut Parsed) {
    if !value.contains('=') {
        if !value.is_empty() {
            out.note(HeaderProblem::PrefixMissing);
            push(out, value);
        }
        return;
    }
    for part in value.split(',') {
        if part.trim() != part {
            out.note(HeaderProblem::Spaces);
        }
        let Some((k, v)) = part.trim().split_once('=') else {
            out.ignored.push(part.trim().to_string());
            continue;
        };
        match k.trim() {
            "t" if out.timestamp.is_some() => out.note(HeaderProblem::TimestampTwice),
            "t" => out.timestamp = Some(v.trim().to_string()),
            "v1" => match v.strip_prefix("v1=") {
                Some(inner) => {
                    out.note(HeaderProblem::PrefixDoubled);
                    push(out, inner.trim());
                }
                None => push(out, v.trim()),
            },
            _ => out.ignored.push(part.trim().to_string()),
        }
    }
}

fn prefixed(value: &str, prefixes: &[&str], out: &mut Parsed) {
    let found = prefixes.iter().find(|p| value.starts_with(*p));
    match found {
        Some(p) => {
            let rest = &value[p.len()..];
            match rest.strip_prefix(p) {
                Some(inner) => {
                    out.note(HeaderProblem::PrefixDoubled);
                    push(out, inner);
                }
                None => push(out, rest),
            }
        }
        None => {
            out.note(HeaderProblem::PrefixMissing);
            push(out, value);
        }
    }
}

fn standard(value: &str, out: &mut Parsed) {
    for token in value.split_whitespace() {
        let parts: Vec<&str> = token.split(',').collect();
        match parts.as_slice() {
            [sig] if sig.starts_with("v1=") => {
                out.note(HeaderProblem::EqualsForComma);
                push(out, &sig[3..]);
            }
            [sig] => {
                out.note(HeaderProblem::PrefixMissing);
                push(out, sig);
            }
            ["v1", sig] => push(out, sig),
            ["v1", "v1", sig] => {
                out.note(HeaderProblem::PrefixDoubled);
                push(out, sig);
            }
            [_, _] => out.ignored.push(token.to_string()),
            many => {
                out.note(HeaderProblem::Commas);
                for pair in many.chunks(2) {
                    match pair {
                        ["v1", sig] => push(out, sig),
                        other => out.ignored.push(other.join(",")),
                    }
                }
            }
        }
    }
}

/// Decodes with the scheme's encoding; a value that only makes sense in
/// the other one (the wrong length otherwise) decodes with that instead.
fn decode(scheme: &Scheme, text: &str) -> (Option<Vec<u8>>, Option<Encoding>) {
    let tag_len = |b: &Vec<u8>| matches!(b.len(), 20 | 32 | 64);
    let looks_hex = !text.is_empty()
        && text.len().is_multiple_of(2)
        && text.bytes().all(|b| b.is_ascii_hexdigit());
    let first = if scheme.detects_encoding() {
        if looks_hex {
            Encoding::Hex
        } else {
            Encoding::Base64
        }
    } else {
        scheme.encoding()
    };
    let other = match first {
        Encoding::Hex => Encoding::Base64,
        Encoding::Base64 => Encoding::Hex,
    };
    match (first.decode(text), other.decode(text)) {
        (Some(a), _) if tag_len(&a) => (Some(a), Some(first)),
        (_, Some(b)) if tag_len(&b) => (Some(b), Some(other)),
        (Some(a), _) => (Some(a), Some(first)),
        (None, Some(b)) => (Some(b), Some(other)),
        (None, None) => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    fn p(provider: Provider, raw: &str) -> Parsed {
        parse(&Scheme::new(provider), raw)
    }

    #[test]
    fn stripe_header_with_rotation_and_v0() {
        let r = p(Provider::Stripe, &format!("t=5,v1={HEX},v1={HEX},v0=abc"));
        assert_eq!(r.timestamp.as_deref(), Some("5"));
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.ignored, vec!["v0=abc"]);
        assert!(r.problems.is_empty());
        assert_eq!(r.entries[0].bytes.as_ref().unwrap().len(), 32);
    }

    #[test]
    fn copy_mistakes_are_named() {
        let r = p(Provider::Stripe, &format!("\"t=5, v1={HEX}\""));
        assert_eq!(
            r.problems,
            vec![HeaderProblem::Quotes, HeaderProblem::Spaces]
        );
        let r = p(Provider::Github, HEX);
        assert_eq!(r.problems, vec![HeaderProblem::PrefixMissing]);
        let r = p(Provider::Github, &format!("sha256=sha256={HEX}"));
        assert_eq!(r.problems, vec![HeaderProblem::PrefixDoubled]);
        let r = p(
            Provider::Github,
            &format!("X-Hub-Signature-256: sha256={HEX}"),
        );
        assert_eq!(
            r.problems,
            vec![HeaderProblem::HeaderName, HeaderProblem::Spaces]
        );
        let r = p(Provider::Standard, "v1,AAAA,v1,BBBB");
        assert_eq!(
            r.problems,
            vec![HeaderProblem::Commas, HeaderProblem::Truncated]
        );
        assert_eq!(r.entries.len(), 2);
    }

    #[test]
    fn standard_ignores_other_versions_and_garbage_does_not_panic() {
        let r = p(
            Provider::Standard,
            "v1a,xyz v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        );
        assert_eq!(r.ignored, vec!["v1a,xyz"]);
        assert_eq!(r.entries.len(), 1);
        for junk in ["", ",,,", "=", "t=", "\u{1b}[2J", "v1,,v1", "\"", "'"] {
            for provider in Provider::ALL {
                let _ = p(provider, junk);
            }
        }
    }

    #[test]
    fn mistakes_in_the_header_are_named() {
        let upper = HEX.to_ascii_uppercase();
        for (provider, raw, want) in [
            (
                Provider::Github,
                format!("sha256={upper}"),
                HeaderProblem::UpperCase,
            ),
            (
                Provider::Stripe,
                format!("t=5,v1={upper}"),
                HeaderProblem::UpperCase,
            ),
            (
                Provider::Slack,
                format!("v0={upper}"),
                HeaderProblem::UpperCase,
            ),
            (Provider::Hmac, upper.clone(), HeaderProblem::UpperCase),
            (
                Provider::Stripe,
                format!("t=5,t=6,v1={HEX}"),
                HeaderProblem::TimestampTwice,
            ),
            (
                Provider::Stripe,
                format!("t=5,v1={}", &HEX[..40]),
                HeaderProblem::Truncated,
            ),
            (
                Provider::Stripe,
                format!("t=5,v1={}", &HEX[..41]),
                HeaderProblem::Truncated,
            ),
            (
                Provider::Standard,
                "v1=g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=".to_string(),
                HeaderProblem::EqualsForComma,
            ),
            (
                Provider::Shopify,
                "sha256=VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=".to_string(),
                HeaderProblem::ForeignPrefix,
            ),
        ] {
            let r = p(provider, &raw);
            assert_eq!(r.problems, vec![want], "{provider:?} {raw}");
        }
        assert_eq!(
            p(Provider::Stripe, "t=5,t=6,v1=x").timestamp.as_deref(),
            Some("5")
        );
        // Base64 signatures have upper-case letters of their own.
        assert!(p(
            Provider::Shopify,
            "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY="
        )
        .problems
        .is_empty());
    }

    #[test]
    fn generic_schemes_detect_hex_or_base64() {
        let r = p(Provider::Hmac, HEX);
        assert_eq!(r.entries[0].encoding, Some(Encoding::Hex));
        let r = p(
            Provider::Hmac,
            "sha256=VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=",
        );
        assert_eq!(r.entries[0].encoding, Some(Encoding::Base64));
        // A base64 scheme given hex: decoded as hex, which the diagnosis names.
        let r = p(Provider::Shopify, HEX);
        assert_eq!(r.entries[0].encoding, Some(Encoding::Hex));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn provider() -> impl Strategy<Value = Provider> {
        prop::sample::select(Provider::ALL.to_vec())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever was pasted, every provider's reader returns.
        #[test]
        fn any_text_never_panics(p in provider(), raw in "\\PC{0,64}|[tv01=,; \"':a-fA-F0-9+/_-]{0,80}") {
            let s = Scheme::new(p);
            let parsed = parse(&s, &raw);
            for problem in &parsed.problems {
                prop_assert!(!problem.text(&s).is_empty());
            }
        }

        /// format→parse: the header a sender writes reads back as the tag
        /// (and Stripe's timestamp) that went into it.
        #[test]
        fn header_value_round_trips((p, tag) in provider().prop_flat_map(|p| (Just(p), prop::collection::vec(any::<u8>(), Scheme::new(p).algorithm().tag_len()))), ts in 0i64..4_000_000_000) {
            let s = Scheme::new(p);
            let ts = ts.to_string();
            let parsed = parse(&s, &s.header_value(&tag, &ts));
            prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
            prop_assert_eq!(parsed.entries.len(), 1);
            prop_assert_eq!(parsed.entries[0].bytes.as_deref(), Some(&tag[..]));
            if p == Provider::Stripe {
                prop_assert_eq!(parsed.timestamp, Some(ts));
            }
        }
    }
}
