//! Durations as plumb's flags take them: humantime (`500ms`, `5s`, `1m`)
//! or a bare number of seconds, as curl's `--max-time`.

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
