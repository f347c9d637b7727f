//! Durations as plumb's flags take them: humantime (`500ms`, `5s`, `1m`)
//! or a bare number of seconds, as curl's `--max-time`; and durations as
//! a person reads them.

use std::time::Duration;

/// The longest `--timeout` accepted: past a day a bound stops being one.
const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// A bound: longer than zero, at most a day.
pub fn parse_timeout(s: &str) -> std::result::Result<Duration, String> {
    let d = parse_duration(s)?;
    if d.is_zero() {
        return Err("must be longer than zero".to_string());
    }
    if d > MAX_TIMEOUT {
        return Err("must be at most 24h".to_string());
    }
    Ok(d)
}

/// Parses a humantime duration (`500ms`, `5s`, `1m`, `1h 30m`). A bare
/// number is taken as seconds, as curl's `--max-time` does.
pub fn parse_duration(s: &str) -> std::result::Result<Duration, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("a duration such as 500ms, 5s or 1m is required".to_string());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    humantime::parse_duration(t)
        .map_err(|_| format!("'{t}' is not a duration: use a form such as 500ms, 5s or 1m"))
}

/// `183 ms`, `2.4 s`, `3m 12s`: short and unambiguous.
pub fn human_ms(d: std::time::Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{}m {}s", ms / 60_000, (ms % 60_000) / 1000)
    }
}

/// A span as a person reads it: `700ms`, `42s`, `1.5s`, `5m 20s`, `1h 0m`, `2d 3h`.
pub fn human_duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    let (days, hours, mins, secs) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60);
    if days > 0 {
        format!("{days}d {hours}h")
    } else if hours > 0 {
        format!("{hours}h {mins}m")
    } else if mins > 0 {
        format!("{mins}m {secs}s")
    } else if secs == 0 && d.subsec_millis() > 0 {
        format!("{}ms", d.subsec_millis())
    } else if d.subsec_millis() == 0 {
        format!("{secs}s")
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_like_curl_and_humantime() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        assert!(parse_duration("forever").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("-5s").is_err());
        assert!(parse_timeout("0s").is_err());
        assert!(parse_timeout("99999999999999999999h").is_err());
        assert!(parse_timeout("25h").is_err());
    }
}
