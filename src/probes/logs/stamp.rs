//! Timestamps in log lines, as Unix seconds, without allocating.
//!
//! Understood: ISO 8601 / RFC 3339 (`2026-11-23T10:00:00Z`, a space for the
//! `T`, fractions, `+01:00` or `+0100` offsets, no zone = UTC), the access
//! log form (`23/Nov/2026:10:00:00 +0000`) and, in JSON fields, numbers of
//! Unix seconds or milliseconds.

/// How far into a plain line a timestamp is looked for.
const LEAD: usize = 48;

/// The timestamp near the start of a plain-text line.
pub fn in_line(line: &[u8]) -> Option<i64> {
    let head = &line[..line.len().min(LEAD)];
    for i in 0..head.len() {
        let b = head[i];
        if !b.is_ascii_digit() || (i > 0 && head[i - 1].is_ascii_digit()) {
            continue;
        }
        if let Some(t) = iso(&line[i..]).or_else(|| access_log(&line[i..])) {
            return Some(t);
        }
    }
    None
}

/// A JSON field's value: an ISO string or a Unix time in s, ms, µs or ns.
pub fn from_json(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::String(s) => iso(s.as_bytes()).or_else(|| access_log(s.as_bytes())),
        serde_json::Value::Number(n) => {
            let mut v = n.as_f64()?;
            // Scale down until it is a plausible count of seconds.
            while v.abs() >= 1e11 {
                v /= 1000.0;
            }
            (v.is_finite() && v >= 0.0).then_some(v as i64)
        }
        _ => None,
    }
}

fn num(s: &[u8], at: usize, len: usize) -> Option<i64> {
    let digits = s.get(at..at + len)?;
    digits.iter().try_fold(0i64, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
    })
}

fn byte_is(s: &[u8], at: usize, want: &[u8]) -> bool {
    s.get(at).is_some_and(|b| want.contains(b))
}

/// `YYYY-MM-DD[T ]HH:MM:SS[.frac][Z|±HH[:]MM]`
fn iso(s: &[u8]) -> Option<i64> {
    let year = num(s, 0, 4)?;
    if !byte_is(s, 4, b"-") || !byte_is(s, 7, b"-") || !byte_is(s, 10, b"Tt ") {
        return None;
    }
    let (month, day) = (num(s, 5, 2)?, num(s, 8, 2)?);
    if !byte_is(s, 13, b":") || !byte_is(s, 16, b":") {
        return None;
    }
    let (h, m, sec) = (num(s, 11, 2)?, num(s, 14, 2)?, num(s, 17, 2)?);
    let mut i = 19;
    if byte_is(s, i, b".,") {
        i += 1;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    let offset = zone(&s[i.min(s.len())..]).unwrap_or(0);
    civil(year, month, day, h, m, sec).and_then(|t| after_epoch(t - offset))
}

/// Times before 1970 are not log times (and cannot be shown as RFC 3339).
fn after_epoch(t: i64) -> Option<i64> {
    (t >= 0).then_some(t)
}

/// `Z`, `+HH:MM` or `+HHMM` as seconds east of UTC.
fn zone(s: &[u8]) -> Option<i64> {
    let sign = match s.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h = num(s, 1, 2)?;
    let m = if byte_is(s, 3, b":") {
        num(s, 4, 2)?
    } else {
        num(s, 3, 2)?
    };
    Some(sign * (h * 3600 + m * 60))
}

/// `DD/Mon/YYYY:HH:MM:SS ±HHMM`
fn access_log(s: &[u8]) -> Option<i64> {
    const MONTHS: [&[u8]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let day = num(s, 0, 2)?;
    if !byte_is(s, 2, b"/") || !byte_is(s, 6, b"/") || !byte_is(s, 11, b":") {
        return None;
    }
    let name = s.get(3..6)?;
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name))? as i64 + 1;
    let year = num(s, 7, 4)?;
    let (h, m, sec) = (num(s, 12, 2)?, num(s, 15, 2)?, num(s, 18, 2)?);
    let offset = if byte_is(s, 20, b" ") {
        zone(&s[21..]).unwrap_or(0)
    } else {
        0
    };
    civil(year, month, day, h, m, sec).and_then(|t| after_epoch(t - offset))
}

/// Seconds since the Unix epoch for a UTC civil time (Howard Hinnant's
/// days-from-civil), or `None` when a field is out of range.
fn civil(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<i64> {
    if !(1970..=9999).contains(&y)
        || !(1..=12).contains(&mo)
        || !(1..=31).contains(&d)
        || h > 23
        || mi > 59
        || s > 60
    {
        return None;
    }
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_795_428_000; // 2026-11-23T10:00:00Z

    #[test]
    fn iso_forms() {
        assert_eq!(in_line(b"2026-11-23T10:00:00Z ERROR x"), Some(T));
        assert_eq!(in_line(b"[2026-11-23 10:00:00.123] x"), Some(T));
        assert_eq!(in_line(b"2026-11-23T11:00:00+01:00 x"), Some(T));
        assert_eq!(in_line(b"2026-11-23T05:00:00-0500 x"), Some(T));
        assert_eq!(in_line(b"level=error ts=2026-11-23T10:00:00Z"), Some(T));
        assert_eq!(in_line(b"1970-01-01T00:00:00Z"), Some(0));
    }

    #[test]
    fn access_log_and_json_numbers() {
        assert_eq!(
            in_line(b"1.2.3.4 - - [23/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 500"),
            Some(T)
        );
        assert_eq!(from_json(&serde_json::json!(T)), Some(T));
        assert_eq!(from_json(&serde_json::json!(T * 1000 + 5)), Some(T));
        assert_eq!(from_json(&serde_json::json!(T as f64 + 0.25)), Some(T));
        assert_eq!(
            from_json(&serde_json::json!("2026-11-23T10:00:00Z")),
            Some(T)
        );
        assert_eq!(from_json(&serde_json::json!(true)), None);
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        assert_eq!(in_line(b"no time here"), None);
        assert_eq!(in_line(b"2026-13-23T10:00:00Z"), None);
        assert_eq!(in_line(b"2026-11-23"), None);
        assert_eq!(in_line(b"12345678901234567890"), None);
        assert_eq!(in_line("2026-11-23T10:00:0\u{e9}".as_bytes()), None);
        assert_eq!(from_json(&serde_json::json!(-5)), None);
    }
}
