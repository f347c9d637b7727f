//! Judging one value: email, date, phone; and the redacted shape a report
//! shows instead of the value.

use super::columns::DateKind;
use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::{SignedDuration, Timestamp};

/// Longest shape a report shows.
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
    for c in value.chars() {
        if out.chars().count() >= MAX_SHAPE {
            out.push('…');
            break;
        }
        if c.is_alphabetic() {
            if !out.ends_with('x') {
                out.push('x');
            }
        } else if c.is_numeric() {
            out.push('9');
        } else if c.is_whitespace() {
            out.push('␠');
        } else if c.is_control() {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

/// What is wrong with an email address, if anything.
/// Returns `(key, description)`: the key names the problem in details.
pub fn email_problem(v: &str) -> Option<(&'static str, &'static str)> {
    if v.chars().any(char::is_whitespace) {
        return Some(("contains_space", "contains a space"));
    }
    let Some((local, domain)) = v.rsplit_once('@') else {
        return Some(("no_at", "has no @"));
    };
    if local.contains('@') {
        return Some(("several_at", "has more than one @"));
    }
    if local.is_empty() {
        return Some(("empty_local_part", "has nothing before the @"));
    }
    if domain.is_empty() {
        return Some(("empty_domain", "has nothing after the @"));
    }
    if domain.ends_with('.') {
        return Some(("trailing_dot", "ends with a dot"));
    }
    if !domain.contains('.') {
        return Some(("no_dot_in_domain", "has no dot in the domain"));
    }
    if domain.starts_with('.') || domain.contains("..") {
        return Some(("empty_domain_label", "has an empty part in the domain"));
    }
    None
}

/// The verdict on one date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateVerdict {
    Ok,
    /// A time of day without an offset: which zone is a guess.
    NoTimezone,
    /// Day and month could be either way round (03/04/2025).
    Ambiguous,
    Unparseable,
    /// A birthday or creation date after now.
    Future,
}

/// Slack for "in the future": a date-only value is read as midnight UTC,
/// which is already tomorrow in some zones.
const FUTURE_SLACK: SignedDuration = SignedDuration::from_hours(24);

pub fn judge_date(v: &str, kind: DateKind, now: Timestamp) -> DateVerdict {
    let (when, verdict) = match parse_date(v) {
        Parsed::Exact(t) => (Some(t), DateVerdict::Ok),
        Parsed::Local(t) => (Some(t), DateVerdict::NoTimezone),
        Parsed::Ambiguous => (None, DateVerdict::Ambiguous),
        Parsed::Invalid => return DateVerdict::Unparseable,
    };
    let must_be_past = matches!(kind, DateKind::Birth | DateKind::Created);
    match when {
        Some(t) if must_be_past && t > now.saturating_add(FUTURE_SLACK).unwrap_or(now) => {
            DateVerdict::Future
        }
        _ => verdict,
    }
}

enum Parsed {
    /// An instant, or a calendar date (no time of day to misplace).
    Exact(Timestamp),
    /// A date and time with no offset, read as UTC.
    Local(Timestamp),
    Ambiguous,
    Invalid,
}

fn parse_date(v: &str) -> Parsed {
    let v = v.trim();
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return unix(v);
    }
    if let Ok(t) = v.parse::<Timestamp>() {
        return Parsed::Exact(t);
    }
    let has_time = v.contains(':');
    if has_time {
        if let Ok(dt) = v.parse::<DateTime>() {
            return utc(dt).map_or(Parsed::Invalid, Parsed::Local);
        }
    } else if let Ok(d) = v.parse::<Date>() {
        return utc(d.to_datetime(jiff::civil::Time::midnight()))
            .map_or(Parsed::Invalid, Parsed::Exact);
    }
    numeric_date(v)
}

fn utc(dt: DateTime) -> Option<Timestamp> {
    Offset::UTC.to_timestamp(dt).ok()
}

/// Unix seconds (10 digits) or milliseconds (13 digits).
fn unix(v: &str) -> Parsed {
    let Ok(n) = v.parse::<i64>() else {
        return Parsed::Invalid;
    };
    let t = match v.len() {
        9 | 10 => Timestamp::from_second(n),
        13 => Timestamp::from_millisecond(n),
        _ => return Parsed::Invalid,
    };
    t.map_or(Parsed::Invalid, Parsed::Exact)
}

/// `DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY/MM/DD` with `/`, `.` or `-`, and an
/// optional time after a space (not judged further).
fn numeric_date(v: &str) -> Parsed {
    let date_part = v.split([' ', 'T']).next().unwrap_or(v);
    let parts: Vec<&str> = date_part.split(['/', '.', '-']).collect();
    let nums: Option<Vec<i64>> = parts.iter().map(|p| p.parse::<i64>().ok()).collect();
    let (Some(nums), 3) = (nums, parts.len()) else {
        return Parsed::Invalid;
    };
    let at = |y: i64, m: i64, d: i64| -> Parsed {
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
            return Parsed::Invalid;
        };
        match Date::new(y, m, d) {
            Ok(date) => utc(date.to_datetime(jiff::civil::Time::midnight()))
                .map_or(Parsed::Invalid, Parsed::Exact),
            Err(_) => Parsed::Invalid,
        }
    };
    if parts[0].len() == 4 {
        return at(nums[0], nums[1], nums[2]);
    }
    if parts[2].len() != 4 {
        return Parsed::Invalid;
    }
    let (a, b, year) = (nums[0], nums[1], nums[2]);
    match (a > 12, b > 12) {
        (true, false) => at(year, b, a),
        (false, true) => at(year, a, b),
        (false, false) if a == b => at(year, a, b),
        (false, false) if a >= 1 && b >= 1 => Parsed::Ambiguous,
        _ => Parsed::Invalid,
    }
}

/// Whether `v` is already in E.164 form: `+`, then up to 15 digits, the
/// first not zero.
pub fn is_e164(v: &str) -> bool {
    let Some(digits) = v.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// The E.164 form of a phone number written another way, when the
/// phonenumber crate can read it (a national number needs `region`) and
/// finds it valid.
pub fn to_e164(v: &str, region: Option<phonenumber::country::Id>) -> Option<String> {
    let number = phonenumber::parse(region, v).ok()?;
    if !phonenumber::is_valid(&number) {
        return None;
    }
    Some(number.format().mode(phonenumber::Mode::E164).to_string())
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
    fn email_problems() {
        let e = |v| email_problem(v).map(|p| p.1);
        assert_eq!(e("a@example.com"), None);
        assert_eq!(e("a.example.com"), Some("has no @"));
        assert_eq!(e("a b@example.com"), Some("contains a space"));
        assert_eq!(e("@example.com"), Some("has nothing before the @"));
        assert_eq!(e("a@"), Some("has nothing after the @"));
        assert_eq!(e("a@example"), Some("has no dot in the domain"));
        assert_eq!(e("a@example.com."), Some("ends with a dot"));
        assert_eq!(e("a@@example.com"), Some("has more than one @"));
    }

    #[test]
    fn dates() {
        let now: Timestamp = "2025-06-01T00:00:00Z".parse().unwrap();
        let j = |v| judge_date(v, DateKind::Birth, now);
        assert_eq!(j("1990-02-03"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01T10:00:00Z"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01T10:00:00+02:00"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01 10:00:00"), DateVerdict::NoTimezone);
        assert_eq!(j("03/04/2025"), DateVerdict::Ambiguous);
        assert_eq!(j("13/04/2025"), DateVerdict::Ok);
        assert_eq!(j("04/04/2025"), DateVerdict::Ok);
        assert_eq!(j("2025-02-30"), DateVerdict::Unparseable);
        assert_eq!(j("yesterday"), DateVerdict::Unparseable);
        assert_eq!(j("2030-01-01"), DateVerdict::Future);
        assert_eq!(j("1748736000"), DateVerdict::Ok);
        assert_eq!(
            judge_date("2030-01-01", DateKind::Other, now),
            DateVerdict::Ok
        );
    }

    #[test]
    fn phones() {
        assert!(is_e164("+14155550123"));
        assert!(!is_e164("4155550123"));
        assert!(!is_e164("+1 415 555 0123"));
        let us = Some(phonenumber::country::Id::US);
        assert_eq!(
            to_e164("(415) 555-0123", us).as_deref(),
            Some("+14155550123")
        );
        assert_eq!(
            to_e164("+1 415 555 0123", None).as_deref(),
            Some("+14155550123")
        );
        assert_eq!(to_e164("(415) 555-0123", None), None);
        assert_eq!(to_e164("12", us), None);
    }
}
