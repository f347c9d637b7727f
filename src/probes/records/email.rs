//! Judging an email address as RFC 5321/5322 and IDNA do, under the policy
//! a CRM import applies (docs/commands.md, `records validate`): an address
//! a sync would refuse is named with its problem, and an address only
//! wrapped (`mailto:`, `<…>`, quotes, a trailing comma, a zero-width space)
//! says what the address inside is.

/// One problem with an address: a stable key for the report's `problems`,
/// and the sentence for `--bad-out`. `inner` is the address a wrapper
/// holds, when that address itself is usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: &'static str,
    pub what: String,
    pub inner: Option<String>,
}

impl Problem {
    fn new(key: &'static str, what: impl Into<String>) -> Self {
        Problem {
            key,
            what: what.into(),
            inner: None,
        }
    }

    /// The sentence for `--bad-out`: the problem, and the address a
    /// wrapper holds.
    pub fn describe(&self) -> String {
        match &self.inner {
            Some(inner) => format!("{}: the address is {inner}", self.what),
            None => self.what.clone(),
        }
    }
}

/// Longest address SMTP carries (RFC 5321 4.5.3.1.3 with its errata).
const MAX_ADDRESS: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;

/// Domains that never receive mail on the public internet (RFC 6761,
/// RFC 7686), as email-validator refuses them.
const SPECIAL_USE: &[&str] = &["arpa", "invalid", "local", "localhost", "onion", "test"];

const ZERO_WIDTH: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

pub fn problem(v: &str) -> Option<Problem> {
    // Bounds the work on a cell that holds something else entirely.
    if v.len() > 4 * MAX_ADDRESS {
        return Some(Problem::new("too_long", "is longer than 254 characters"));
    }
    if let Some(p) = wrapper(v) {
        return Some(p);
    }
    address(v)
}

/// A usable address inside something that is not part of it.
fn wrapper(v: &str) -> Option<Problem> {
    let wrapped = |key, what: &str, inner: &str| {
        let inner = inner.trim();
        let ok = address(inner).is_none();
        Problem {
            key,
            what: what.to_string(),
            inner: ok.then(|| inner.to_string()),
        }
    };
    if v.contains(ZERO_WIDTH) {
        return Some(wrapped(
            "zero_width",
            "contains an invisible zero-width character",
            &v.replace(ZERO_WIDTH, ""),
        ));
    }
    if v.trim() != v {
        return Some(wrapped(
            "surrounding_space",
            "has spaces around it",
            v.trim(),
        ));
    }
    if let Some(("mailto:", inner)) = v
        .get(..7)
        .map(|head| (head.to_ascii_lowercase(), &v[7..]))
        .as_ref()
        .map(|(h, i)| (h.as_str(), *i))
    {
        return Some(wrapped("mailto", "starts with mailto:", inner));
    }
    if let (Some(open), true) = (v.rfind('<'), v.ends_with('>')) {
        let what = if open == 0 {
            "wrapped in angle brackets"
        } else {
            "has a display name and angle brackets"
        };
        return Some(wrapped("angle_brackets", what, &v[open + 1..v.len() - 1]));
    }
    for q in ['"', '\''] {
        if v.len() > 2 && v.starts_with(q) && v.ends_with(q) && v[1..v.len() - 1].contains('@') {
            return Some(wrapped("quoted", "wrapped in quotes", &v[1..v.len() - 1]));
        }
    }
    for (end, what) in [
        (',', "ends with a comma"),
        (';', "ends with a semicolon"),
        ('.', "ends with a dot"),
    ] {
        if let Some(inner) = v.strip_suffix(end) {
            if inner.contains('@') && !inner.ends_with(['@', ',', ';', '.']) {
                return Some(wrapped("trailing_punctuation", what, inner));
            }
        }
    }
    None
}

fn address(v: &str) -> Option<Problem> {
    if v.is_empty() {
        return Some(Problem::new("empty", "is empty"));
    }
    if v.starts_with('"') {
        return Some(Problem::new(
            "quoted_local_part",
            "has a quoted part before the @ (RFC 5321 allows it; most CRMs refuse it)",
        ));
    }
    let Some((local, domain)) = v.rsplit_once('@') else {
        return Some(Problem::new("no_at", "has no @"));
    };
    if local.contains('@') {
        return Some(Problem::new("several_at", "has more than one @"));
    }
    if local.is_empty() {
        return Some(Problem::new("empty_local_part", "has nothing before the @"));
    }
    if domain.is_empty() {
        return Some(Problem::new("empty_domain", "has nothing after the @"));
    }
    if let Some(p) = local_part(local) {
        return Some(p);
    }
    let ascii = match domain_part(domain) {
        Ok(ascii) => ascii,
        Err(p) => return Some(p),
    };
    if local.len() + 1 + ascii.len() > MAX_ADDRESS {
        return Some(Problem::new("too_long", "is longer than 254 characters"));
    }
    None
}

/// RFC 5322 dot-atom: atext characters in runs separated by single dots.
fn local_part(local: &str) -> Option<Problem> {
    if local.len() > MAX_LOCAL {
        return Some(Problem::new(
            "local_part_too_long",
            "has more than 64 characters before the @",
        ));
    }
    for c in local.chars() {
        let p = match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' => continue,
            c if "!#$%&'*+-/=?^_`{|}~".contains(c) => continue,
            c if c.is_whitespace() => {
                Problem::new("contains_space", "contains a space before the @")
            }
            ',' => Problem::new("comma", "contains a comma before the @"),
            c if !c.is_ascii() && !c.is_control() => Problem::new(
                "non_ascii_local_part",
                "has non-ASCII letters before the @ (SMTPUTF8; most CRMs refuse them)",
            ),
            c if c.is_control() => {
                Problem::new("control_character", "contains a control character")
            }
            c => Problem::new(
                "invalid_character",
                format!("contains {c:?} before the @, which an address cannot hold unquoted"),
            ),
        };
        return Some(p);
    }
    if local.starts_with('.') {
        return Some(Problem::new("local_dot", "starts with a dot"));
    }
    if local.ends_with('.') {
        return Some(Problem::new("local_dot", "has a dot just before the @"));
    }
    if local.contains("..") {
        return Some(Problem::new(
            "local_dot",
            "has two dots in a row before the @",
        ));
    }
    None
}

/// A domain name as RFC 5321 and IDNA 2008 allow it, and one that can
/// receive mail: no IP literal, a real top-level domain.
/// Returns the domain's ASCII (IDNA) form.
fn domain_part(domain: &str) -> Result<String, Problem> {
    if domain.starts_with('[') {
        return Err(Problem::new(
            "ip_literal",
            "has an IP address instead of a domain (RFC 5321 allows it; most CRMs refuse it)",
        ));
    }
    if domain.chars().any(char::is_whitespace) {
        return Err(Problem::new(
            "contains_space",
            "contains a space after the @",
        ));
    }
    if domain.contains(',') {
        return Err(Problem::new("comma", "contains a comma after the @"));
    }
    if domain.ends_with('.') {
        return Err(Problem::new("trailing_dot", "ends with a dot"));
    }
    if domain.starts_with('.') || domain.contains("..") {
        return Err(Problem::new(
            "empty_domain_label",
            "has an empty part in the domain",
        ));
    }
    if !domain.contains('.') {
        return Err(Problem::new("no_dot_in_domain", "has no dot in the domain"));
    }
    for label in domain.split('.') {
        if label.contains('_') {
            return Err(Problem::new(
                "underscore",
                "has an underscore in the domain",
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(Problem::new(
                "hyphen",
                "has a part of the domain that starts or ends with a hyphen",
            ));
        }
        if let Some(c) = label
            .chars()
            .find(|c| c.is_ascii() && !c.is_ascii_alphanumeric() && *c != '-')
        {
            return Err(Problem::new(
                "invalid_character",
                format!("contains {c:?} in the domain, which a domain cannot hold"),
            ));
        }
    }
    let ascii = if domain.is_ascii() {
        domain.to_ascii_lowercase()
    } else {
        match idna::domain_to_ascii_strict(domain) {
            Ok(a) => a,
            Err(_) => {
                return Err(Problem::new(
                    "idna",
                    "has a domain that is not a valid internationalised name (IDNA)",
                ))
            }
        }
    };
    if ascii.len() > MAX_DOMAIN {
        return Err(Problem::new(
            "domain_too_long",
            "has a domain longer than 253 characters",
        ));
    }
    for label in ascii.split('.') {
        if label.len() > MAX_LABEL {
            return Err(Problem::new(
                "label_too_long",
                "has a part of the domain longer than 63 characters",
            ));
        }
        if label.get(2..4) == Some("--") && !label.starts_with("xn--") {
            return Err(Problem::new(
                "hyphen",
                "has a part of the domain with -- in third and fourth place, which only IDNA (xn--) names may have",
            ));
        }
        if label.starts_with("xn--") && idna::domain_to_unicode(label).1.is_err() {
            return Err(Problem::new(
                "idna",
                "has a domain that is not a valid internationalised name (IDNA)",
            ));
        }
    }
    let tld = ascii.rsplit('.').next().unwrap_or("");
    if !tld.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(Problem::new(
            "numeric_tld",
            "has a domain that does not end in a top-level domain (it ends in a digit or hyphen)",
        ));
    }
    if SPECIAL_USE.contains(&tld) {
        return Err(Problem::new(
            "special_use_domain",
            "has a special-use domain that never receives mail (.test, .local, .localhost…)",
        ));
    }
    Ok(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(v: &str) -> Option<&'static str> {
        problem(v).map(|p| p.key)
    }

    #[test]
    fn wrappers_name_the_address_inside() {
        let p = problem("<tom+news@gmx.ch>").unwrap();
        assert_eq!(
            p.describe(),
            "wrapped in angle brackets: the address is tom+news@gmx.ch"
        );
        assert_eq!(
            problem("mailto:tom@gmx.ch").unwrap().describe(),
            "starts with mailto:: the address is tom@gmx.ch"
        );
        assert_eq!(key("\"tom@gmx.ch\""), Some("quoted"));
        assert_eq!(key("tom@gmx.ch,"), Some("trailing_punctuation"));
        assert_eq!(key("tom@gmx.ch\u{200b}"), Some("zero_width"));
        // A wrapper around a bad address does not propose it.
        assert_eq!(problem("<to..m@gmx.ch>").unwrap().inner, None);
    }

    #[test]
    fn local_parts_and_domains() {
        assert_eq!(key("tom+news@gmx.ch"), None);
        assert_eq!(key("jorg@bücher.de"), None);
        assert_eq!(key(".tom@gmx.ch"), Some("local_dot"));
        assert_eq!(key("tom.@gmx.ch"), Some("local_dot"));
        assert_eq!(key("to..m@gmx.ch"), Some("local_dot"));
        assert_eq!(key("to,m@gmx.ch"), Some("comma"));
        assert_eq!(key("to m@gmx.ch"), Some("contains_space"));
        assert_eq!(key("tom@my_acme.com"), Some("underscore"));
        assert_eq!(key("tom@-x.com"), Some("hyphen"));
        assert_eq!(key("tom@x.123"), Some("numeric_tld"));
        assert_eq!(key("tom@co,uk"), Some("comma"));
        assert_eq!(key("\"tom jones\"@gmx.ch"), Some("quoted_local_part"));
        assert_eq!(key("tom@[192.0.2.1]"), Some("ip_literal"));
        assert_eq!(key("jörg@gmx.ch"), Some("non_ascii_local_part"));
        assert_eq!(key("a@example"), Some("no_dot_in_domain"));
        assert_eq!(key("a@@example.com"), Some("several_at"));
    }
}

/// email-validator's verdicts (the version its first line names) on the
/// addresses of its own test suite and the shapes exports contain.
#[cfg(test)]
mod oracle {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixtures/records/emails.tsv");

    /// Python's `unicode_escape`: `\\`, `\xNN`, `\uNNNN`, `\UNNNNNNNN`, `\t`…
    pub fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let hex = |n: usize, chars: &mut std::str::Chars| {
                let h: String = chars.take(n).collect();
                char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap()
            };
            match chars.next() {
                Some('x') => out.push(hex(2, &mut chars)),
                Some('u') => out.push(hex(4, &mut chars)),
                Some('U') => out.push(hex(8, &mut chars)),
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        out
    }

    #[test]
    fn verdicts_agree_with_email_validator() {
        let (mut tp, mut fp, mut fneg, mut n) = (0, Vec::new(), Vec::new(), 0);
        for line in FIXTURE.lines().filter(|l| !l.starts_with('#')) {
            let (value, verdict) = line.rsplit_once('\t').unwrap();
            let value = unescape(value);
            n += 1;
            match (problem(&value), verdict) {
                (Some(_), "invalid") => tp += 1,
                (Some(p), _) => fp.push(format!("{value:?}: {}", p.describe())),
                (None, "invalid") => fneg.push(value),
                (None, _) => {}
            }
        }
        let precision = tp as f64 / (tp + fp.len()) as f64;
        let recall = tp as f64 / (tp + fneg.len()) as f64;
        assert!(n > 300, "{n}");
        assert!(recall >= 0.99, "recall {recall}: missed {fneg:#?}");
        assert!(precision >= 0.97, "precision {precision}: {fp:#?}");
    }
}
