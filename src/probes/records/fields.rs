//! Judging one date value; the redacted shape a report shows instead of
//! any value is the redactor's (`redact::personal::shape`). Emails and
//! phones are judged in `email.rs` and `phone.rs`.

use super::columns::DateKind;
use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::{SignedDuration, Timestamp};

pub use crate::redact::personal::shape;

/// The verdict on one date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateVerdict {
    /// ISO 8601 (RFC 3339) with an offset, or a calendar date.
    Ok,
    /// A time of day without an offset: which zone is a guess.
    NoTimezone,
    /// A real date written another way (RFC 2822, `July 13, 2006`,
    /// `13/04/2025`, a Unix timestamp): usable, but not ISO 8601.
    NotIso,
    /// Day and month could be either way round (03/04/2025).
    Ambiguous,
    Unparseable,
    /// A birthday or creation date after now.
    Future,
    /// A date that stands for "unknown": 1900-01-01, 0000-00-00…
    Placeholder,
    /// A word that stands for "unknown" instead of a date: N/A, null, -…
    PlaceholderText,
}

/// Slack for "in the future": a date-only value is read as midnight UTC,
/// which is already tomorrow in some zones.
const FUTURE_SLACK: SignedDuration = SignedDuration::from_hours(24);

/// Values that stand for "no value" where a date should be.
const PLACEHOLDER_TEXT: &[&str] = &[
    "n/a",
    "na",
    "n.a.",
    "null",
    "nil",
    "none",
    "-",
    "--",
    "---",
    "?",
    "unknown",
    "tbd",
    "0",
    "undefined",
    "nan",
    "#n/a",
];

/// Dates that stand for "unknown": spreadsheet and database zero dates,
/// the Unix epoch and the end of the calendar.
const PLACEHOLDER_DATES: &[(i16, i8, i8)] = &[
    (1900, 1, 1),
    (1899, 12, 30),
    (1899, 12, 31),
    (1970, 1, 1),
    (1, 1, 1),
    (9999, 12, 31),
];

pub fn judge_date(v: &str, kind: DateKind, now: Timestamp) -> DateVerdict {
    let t = v.trim();
    if PLACEHOLDER_TEXT.iter().any(|p| p.eq_ignore_ascii_case(t)) {
        return DateVerdict::PlaceholderText;
    }
    if is_zero_date(t) {
        return DateVerdict::Placeholder;
    }
    let (when, verdict) = match parse_date(t) {
        Parsed::Exact(t, true) => (Some(t), DateVerdict::Ok),
        Parsed::Exact(t, false) => (Some(t), DateVerdict::NotIso),
        Parsed::Local(t) => (Some(t), DateVerdict::NoTimezone),
        Parsed::Ambiguous => (None, DateVerdict::Ambiguous),
        Parsed::Invalid => return DateVerdict::Unparseable,
    };
    if let Some(at) = when {
        let date = Offset::UTC.to_datetime(at).date();
        if PLACEHOLDER_DATES.contains(&(date.year(), date.month(), date.day())) {
            return DateVerdict::Placeholder;
        }
    }
    let must_be_past = matches!(kind, DateKind::Birth | DateKind::Created);
    match when {
        Some(t) if must_be_past && t > now.saturating_add(FUTURE_SLACK).unwrap_or(now) => {
            DateVerdict::Future
        }
        _ => verdict,
    }
}

/// `0000-00-00`, `00/00/0000`, `0000-00-00 00:00:00`: MySQL's zero date.
fn is_zero_date(v: &str) -> bool {
    let date = v.split([' ', 'T']).next().unwrap_or(v);
    date.len() >= 8
        && date.bytes().any(|b| b == b'0')
        && date.bytes().all(|b| b == b'0' || b"-/.".contains(&b))
}

enum Parsed {
    /// An instant, or a calendar date (no time of day to misplace); and
    /// whether it was written in ISO 8601.
    Exact(Timestamp, bool),
    /// A date and time with no offset, read as UTC.
    Local(Timestamp),
    Ambiguous,
    Invalid,
}

fn parse_date(v: &str) -> Parsed {
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return unix(v);
    }
    if offset_out_of_range(v) {
        return Parsed::Invalid;
    }
    if let Ok(t) = v.parse::<Timestamp>() {
        return Parsed::Exact(t, true);
    }
    let has_time = v.contains(':');
    if has_time {
        if let Ok(dt) = v.parse::<DateTime>() {
            return utc(dt).map_or(Parsed::Invalid, Parsed::Local);
        }
    } else if let Ok(d) = v.parse::<Date>() {
        return midnight(d, true);
    }
    let date_part = v.split([' ', 'T']).next().unwrap_or(v);
    if date_part.contains(['/', '.', '-'])
        && date_part
            .bytes()
            .all(|b| b.is_ascii_digit() || b"/.-".contains(&b))
    {
        return numeric_date(v);
    }
    if let Ok(t) = jiff::fmt::rfc2822::DateTimeParser::new().parse_timestamp(v) {
        return Parsed::Exact(t, false);
    }
    written_month(v)
}

fn midnight(d: Date, iso: bool) -> Parsed {
    utc(d.to_datetime(jiff::civil::Time::midnight()))
        .map_or(Parsed::Invalid, |t| Parsed::Exact(t, iso))
}

/// An offset no place uses: real ones lie between -12:00 and +14:00.
fn offset_out_of_range(v: &str) -> bool {
    let b = v.as_bytes();
    let tail = |n: usize| b.len() > n + 8 && v.is_char_boundary(b.len() - n);
    let hours = if tail(6) && b[b.len() - 3] == b':' {
        &v[v.len() - 6..v.len() - 3]
    } else if tail(5) && b[b.len() - 5..].iter().skip(1).all(u8::is_ascii_digit) {
        &v[v.len() - 5..v.len() - 2]
    } else {
        return false;
    };
    let (sign, digits) = hours.split_at(1);
    if !(sign == "+" || sign == "-") || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // A time of day must come before the offset, or this is a date.
    if !v[..v.len() - hours.len()].contains(':') {
        return false;
    }
    digits.parse::<u8>().is_ok_and(|h| h > 14)
}

fn utc(dt: DateTime) -> Option<Timestamp> {
    Offset::UTC.to_timestamp(dt).ok()
}

/// Unix seconds (9 or 10 digits) or milliseconds (12 or 13 digits).
fn unix(v: &str) -> Parsed {
    let Ok(n) = v.parse::<i64>() else {
        return Parsed::Invalid;
    };
    let t = match v.len() {
        9 | 10 => Timestamp::from_second(n),
        12 | 13 => Timestamp::from_millisecond(n),
        _ => return Parsed::Invalid,
    };
    t.map_or(Parsed::Invalid, |t| Parsed::Exact(t, false))
}

/// A time of day as exports write it after a date: `HH:MM[:SS[.fff]]`,
/// optionally `AM`/`PM`, `Z` or an offset. Every field is checked, so
/// `24:61:00` is no time.
fn valid_time(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() {
        return true;
    }
    let (t, twelve) = match t
        .strip_suffix("AM")
        .or_else(|| t.strip_suffix("am"))
        .or_else(|| t.strip_suffix("PM"))
        .or_else(|| t.strip_suffix("pm"))
    {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let (clock, zone) = match t.find(['Z', 'z', '+', '-']) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let zone = zone.trim_start_matches(['Z', 'z']);
    if !zone.is_empty() {
        let z: String = zone[1..].chars().filter(|c| *c != ':').collect();
        let ok = z.len() == 4
            && z.bytes().all(|b| b.is_ascii_digit())
            && z[..2].parse::<u8>().is_ok_and(|h| h <= 14)
            && z[2..].parse::<u8>().is_ok_and(|m| m < 60);
        if !ok {
            return false;
        }
    }
    let parts: Vec<&str> = clock.trim().split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return false;
    }
    let num = |p: &str, max: u32| {
        let whole = p.split_once(['.', ',']).map_or(p, |(w, _)| w);
        (1..=2).contains(&whole.len())
            && whole.bytes().all(|b| b.is_ascii_digit())
            && whole.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let hour_max = if twelve { 12 } else { 23 };
    num(parts[0], hour_max) && num(parts[1], 59) && parts.get(2).is_none_or(|s| num(s, 60))
}

/// `DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY/MM/DD` with `/`, `.` or `-`, and an
/// optional time after a space or `T`, which must be a real time.
fn numeric_date(v: &str) -> Parsed {
    let (date_part, time) = match v.find([' ', 'T']) {
        Some(i) => (&v[..i], &v[i + 1..]),
        None => (v, ""),
    };
    if !valid_time(time) {
        return Parsed::Invalid;
    }
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
            Ok(date) => midnight(date, false),
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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month written as a word, in English: `July 13, 2006`, `13 July 2006`,
/// `Jul 13 2006`, `13-Jul-2006`, `Thursday, July 13, 2006`.
fn written_month(v: &str) -> Parsed {
    let (mut day, mut month, mut year) = (None, None, None);
    for token in v.split([' ', ',', '-', '/', '.']).filter(|t| !t.is_empty()) {
        let lower = token.to_ascii_lowercase();
        let word = |names: &[&str]| {
            names.iter().position(|n| {
                lower.len() >= 3
                    && (n.starts_with(&lower)
                        && (lower.len() == 3 || lower.len() == n.len() || lower == "sept"))
            })
        };
        if token.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Some(m) = word(&MONTHS) {
                if month.replace(m + 1).is_some() {
                    return Parsed::Invalid;
                }
            } else if word(&WEEKDAYS).is_none() {
                return Parsed::Invalid;
            }
            continue;
        }
        let digits = token
            .strip_suffix("st")
            .or_else(|| token.strip_suffix("nd"))
            .or_else(|| token.strip_suffix("rd"))
            .or_else(|| token.strip_suffix("th"))
            .unwrap_or(token);
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Parsed::Invalid;
        }
        let slot = match digits.len() {
            1 | 2 => &mut day,
            4 => &mut year,
            _ => return Parsed::Invalid,
        };
        if slot.replace(digits.parse::<i64>().unwrap_or(0)).is_some() {
            return Parsed::Invalid;
        }
    }
    let (Some(d), Some(m), Some(y)) = (day, month, year) else {
        return Parsed::Invalid;
    };
    let (Ok(y), Ok(d)) = (i16::try_from(y), i8::try_from(d)) else {
        return Parsed::Invalid;
    };
    match Date::new(y, m as i8, d) {
        Ok(date) => midnight(date, false),
        Err(_) => Parsed::Invalid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let now: Timestamp = "2025-06-01T00:00:00Z".parse().unwrap();
        let j = |v| judge_date(v, DateKind::Birth, now);
        assert_eq!(j("1990-02-03"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01T10:00:00Z"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01T10:00:00+02:00"), DateVerdict::Ok);
        assert_eq!(j("2025-05-01 10:00:00"), DateVerdict::NoTimezone);
        assert_eq!(j("03/04/2025"), DateVerdict::Ambiguous);
        assert_eq!(j("13/04/2025"), DateVerdict::NotIso);
        assert_eq!(j("04/04/2025"), DateVerdict::NotIso);
        assert_eq!(j("2025-02-30"), DateVerdict::Unparseable);
        assert_eq!(j("yesterday"), DateVerdict::Unparseable);
        assert_eq!(j("2030-01-01"), DateVerdict::Future);
        assert_eq!(j("1748736000"), DateVerdict::NotIso);
        assert_eq!(j("Thu, 25 Jun 1981 14:01:00 +0000"), DateVerdict::NotIso);
        assert_eq!(j("July 13, 2006"), DateVerdict::NotIso);
        assert_eq!(j("13 Jul 2006"), DateVerdict::NotIso);
        assert_eq!(j("Thursday, July 13th, 2006"), DateVerdict::NotIso);
        assert_eq!(j("978307199000"), DateVerdict::NotIso);
        assert_eq!(j("2006-07-13T24:61:00"), DateVerdict::Unparseable);
        assert_eq!(j("2006-07-13T10:00:00+25:00"), DateVerdict::Unparseable);
        assert_eq!(j("13/07/2006 24:61"), DateVerdict::Unparseable);
        assert_eq!(j("13/07/2006 10:30 PM"), DateVerdict::NotIso);
        assert_eq!(j("Julember 13, 2006"), DateVerdict::Unparseable);
        assert_eq!(j("February 30, 2006"), DateVerdict::Unparseable);
        assert_eq!(j("1900-01-01"), DateVerdict::Placeholder);
        assert_eq!(j("0000-00-00"), DateVerdict::Placeholder);
        assert_eq!(j("0000-00-00 00:00:00"), DateVerdict::Placeholder);
        assert_eq!(j("N/A"), DateVerdict::PlaceholderText);
        assert_eq!(j("null"), DateVerdict::PlaceholderText);
        assert_eq!(j("-"), DateVerdict::PlaceholderText);
        assert_eq!(
            judge_date("2030-01-01", DateKind::Other, now),
            DateVerdict::Ok
        );
    }
}
