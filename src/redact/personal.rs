//! Personal data in foreign text: email addresses and phone numbers are
//! shown by their shape only (`x.x@x.x`, `+9␠999␠999␠9999`), the same
//! shape `records` reports instead of any value.

/// Longest shape shown.
const MAX_SHAPE: usize = 32;

/// A value reduced to its shape: each run of letters becomes one `x`,
/// each digit `9`, whitespace `␠`; punctuation stays. `Jane.Doe@example.com`
/// becomes `x.x@x.x`, `(415) 555-0123` becomes `(999)␠999-9999`. Enough to
/// see what is wrong, never the value itself.
pub fn shape(value: &str) -> String {
    if value.is_empty() {
        return "(empty)".to_string();
    }
    let mut out = String::new();
    let mut n = 0;
    for c in value.chars() {
        if n >= MAX_SHAPE {
            out.push('…');
            break;
        }
        if c.is_alphabetic() {
            if !out.ends_with('x') {
                out.push('x');
                n += 1;
            }
            continue;
        }
        out.push(if c.is_numeric() {
            '9'
        } else if c.is_whitespace() {
            '␠'
        } else if c.is_control() {
            '?'
        } else {
            c
        });
        n += 1;
    }
    out
}

fn run(b: &[u8], from: usize, ok: impl Fn(u8) -> bool) -> usize {
    let mut j = from;
    while j < b.len() && ok(b[j]) {
        j += 1;
    }
    j
}

/// An email address starting at `i`: a local part, `@`, and a domain of
/// at least two labels whose last is letters. Returns where it ends.
pub(super) fn email(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let local_end = run(b, i, |c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c));
    if local_end == i || local_end - i > 64 || b.get(local_end) != Some(&b'@') {
        return None;
    }
    let d = local_end + 1;
    let end = run(b, d, |c| {
        c.is_ascii_alphanumeric() || c == b'-' || c == b'.'
    });
    // A sentence's full stop is not part of the domain.
    let domain = text[d..end].trim_end_matches('.');
    let end = d + domain.len();
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last()?;
    if labels.len() < 2
        || labels.iter().any(|l| l.is_empty())
        || tld.len() < 2
        || !tld.bytes().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    Some(end)
}

/// Fewest and most digits a phone number has (E.164 allows 15).
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 9..=15;

/// A phone number starting at `i` (at a digit, `+` or `(`): digit groups
/// joined by single spaces, dashes, dots or parentheses, 9 to 15 digits,
/// written with a `+` or in three groups or more. Dates, times, versions
/// and IPv4 addresses are not phone numbers.
pub(super) fn phone(text: &str, i: usize) -> Option<usize> {
    phone_end(text.as_bytes(), i)
}

/// Whether the redactor's personal pass could mask anything in `raw`: an
/// `@` (a possible email address) or a phone number at any place one may
/// start. Lets a caller that redacts many lines skip those with none; it
/// never answers no where the pass would mask something.
pub fn may_hold(raw: &[u8]) -> bool {
    if memchr::memchr(b'@', raw).is_some() {
        return true;
    }
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    (0..raw.len()).any(|i| {
        let starts = match raw[i] {
            b'0'..=b'9' => i == 0 || !word(raw[i - 1]),
            b'+' | b'(' => {
                raw.get(i + 1).is_some_and(u8::is_ascii_digit) && (i == 0 || !word(raw[i - 1]))
            }
            _ => false,
        };
        starts && phone_end(raw, i).is_some()
    })
}

fn phone_end(b: &[u8], i: usize) -> Option<usize> {
    let plus = b[i] == b'+';
    let mut j = if plus { i + 1 } else { i };
    let mut digits = 0;
    // What the checks below need of the groups of digits and the
    // separators between them, kept as they go (this runs at every place a
    // number starts, so it allocates nothing).
    let mut groups = 0usize;
    let mut first = 0usize;
    let mut second = None;
    let mut small_groups = true;
    let mut only_dots = true;
    let mut end = i;
    loop {
        // Up to two separators between groups: `) `, ` (`.
        let s = run(b, j, |c| b" -.()".contains(&c));
        if s - j > 2 || (s > j && b[j..s].contains(&b'.') && s - j > 1) {
            break;
        }
        let g = run(b, s, |c| c.is_ascii_digit());
        if g == s {
            break;
        }
        if groups > 0 || s > j {
            only_dots &= b[j..s].iter().all(|c| *c == b'.');
        }
        match groups {
            0 => first = g - s,
            1 => second = Some(g - s),
            _ => {}
        }
        small_groups &= g - s <= 3;
        groups += 1;
        digits += g - s;
        j = g;
        end = g;
        if digits > *PHONE_DIGITS.end() {
            return None;
        }
    }
    // `(415) 555-0123`: a closing parenthesis before the end is kept, an
    // opening one alone is not a number.
    if b.get(end)
        .is_some_and(|c| c.is_ascii_alphanumeric() || b"_:/@".contains(c))
    {
        return None;
    }
    // `1.2.3.4`, `3.14159`, `10.0.0.1`: a dot followed by a digit ends it.
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !PHONE_DIGITS.contains(&digits) {
        return None;
    }
    if only_dots && !plus && groups == 4 && small_groups {
        return None;
    }
    // `2026-11-23 10`, `2026/11/23`: a year first is a date.
    if !plus && groups > 0 && first == 4 && second.is_some_and(|g| g <= 2) {
        return None;
    }
    if !plus && groups < 3 {
        return None;
    }
    // The opening parenthesis of `(415)` belongs to the number.
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_hide_the_value() {
        assert_eq!(shape("Jane.Doe@example.com"), "x.x@x.x");
        assert_eq!(shape("(415) 555-0123"), "(999)␠999-9999");
        assert_eq!(shape(""), "(empty)");
        assert_eq!(shape("03/04/2025"), "99/99/9999");
    }

    #[test]
    fn emails() {
        fn found(s: &str) -> Option<&str> {
            email(s, 0).map(|e| &s[..e])
        }
        assert_eq!(found("jane.doe@example.com."), Some("jane.doe@example.com"));
        assert_eq!(
            found("a+tag@mail.example.co.uk x"),
            Some("a+tag@mail.example.co.uk")
        );
        assert_eq!(found("user@localhost"), None);
        assert_eq!(found("v1@2.3"), None);
        assert_eq!(found("no at sign"), None);
    }

    #[test]
    fn phones() {
        fn found(s: &str) -> Option<&str> {
            phone(s, 0).map(|e| &s[..e])
        }
        assert_eq!(found("+1 415 555 0123 called"), Some("+1 415 555 0123"));
        assert_eq!(found("(415) 555-0123"), Some("(415) 555-0123"));
        assert_eq!(found("415-555-0123"), Some("415-555-0123"));
        assert_eq!(found("+4930123456789"), Some("+4930123456789"));
        assert_eq!(found("+49 (0)30 1234567"), Some("+49 (0)30 1234567"));
        for not in [
            "2026-11-23 10:00:01",
            "2026/11/23 10:00",
            "192.168.100.200",
            "1700000000",
            "3.14159265358",
            "1.2.3",
            "v1.22.333",
            "12-34",
            "415-555-0123abc",
        ] {
            assert_eq!(found(not), None, "{not}");
        }
    }
}
