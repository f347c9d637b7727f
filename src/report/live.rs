//! Live events: what a long-running command (`webhook listen`) tells while
//! it runs, before its final report. A probe hands each [`Event`] to the
//! sink the app installed in `Ctx` (`context::Live`); only this module
//! renders one — a text line (with the full checks of a failure below it)
//! or, with `--format json`, one JSON object per line (NDJSON). Every
//! string passes the one redactor first, as a report's do.

use super::{text, Check, Status};
use crate::redact::{shapes, Entropy, Known};
use crate::secret::Secret;
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt::Write;
use std::time::SystemTime;

/// The schema every NDJSON line names.
pub const SCHEMA: &str = "plumb.event/v1";

/// One thing seen while the command runs.
#[derive(Debug, Clone)]
pub struct Event {
    /// What it is: `ready` (the command listens), `delivery`, `request`.
    pub kind: &'static str,
    pub time: SystemTime,
    pub status: Status,
    /// The one line a person reads, foreign text quoted in it.
    pub summary: String,
    /// Evidence, machine-readable (the JSON line's `details`).
    pub details: Map<String, Value>,
    /// The full checks behind a failure, shown below the line.
    pub checks: Vec<Check>,
    /// Secrets the command holds: masked in every string before rendering.
    secrets: Vec<Secret>,
}

impl Event {
    pub fn new(kind: &'static str, status: Status, summary: impl Into<String>) -> Self {
        Event {
            kind,
            time: SystemTime::now(),
            status,
            summary: summary.into(),
            details: Map::new(),
            checks: Vec::new(),
            secrets: Vec::new(),
        }
    }

    pub fn detail(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_string(), value.into());
        self
    }

    pub fn checks(mut self, checks: Vec<Check>) -> Self {
        self.checks = checks;
        self
    }

    /// Secrets no rendering may show (in any encoding the redactor knows).
    pub fn secrets(mut self, secrets: &[Secret]) -> Self {
        self.secrets = secrets.to_vec();
        self
    }

    /// The event as it may be shown: every string with the command's
    /// secrets masked and credential shapes masked. Free foreign text (an
    /// application's answer, a request path) has had the redactor's full
    /// pass, entropy included, from the probe before it was quoted
    /// (`redact::foreign`); identifiers a person must match against the
    /// provider's dashboard (event ids, topics) get the shape pass here,
    /// so a random-looking `evt_…` id stays readable while a credential
    /// shape in it is still masked.
    pub fn redacted(&self) -> Event {
        let known = Known::from_secrets(&self.secrets);
        let mut foreign = |s: &str| shapes(&known.apply(s), Entropy::Off);
        let mut out = self.clone();
        out.secrets.clear();
        out.summary = foreign(&self.summary);
        for v in out.details.values_mut() {
            super::redact_value(v, &mut foreign);
        }
        let mut report = super::Report::new("", "");
        report.checks = std::mem::take(&mut out.checks);
        report.add_secrets(&self.secrets);
        out.checks = report.redacted().checks;
        out
    }
}

/// RFC 3339 in UTC with milliseconds.
fn stamp(t: SystemTime) -> String {
    match jiff::Timestamp::try_from(t) {
        Ok(ts) => format!("{:.3}", ts),
        Err(_) => "-".to_string(),
    }
}

/// The event as one text line (`HH:MM:SS.mmm ✓ summary`) and, when it
/// failed or warned, its checks below it as the text report shows them.
pub fn text_line(event: &Event, color: bool) -> String {
    let event = event.redacted();
    let time = stamp(event.time);
    let clock = time.get(11..23).unwrap_or(&time);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{clock} {} {}",
        text::paint_status(color, event.status, text::mark(event.status)),
        crate::escape::clean(&event.summary)
    );
    if matches!(event.status, Status::Fail | Status::Warn) {
        for check in event
            .checks
            .iter()
            .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
        {
            let mut block = String::new();
            text::write_check_plain(&mut block, check, color);
            for line in block.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}

#[derive(Serialize)]
struct Line<'a> {
    schema: &'static str,
    event: &'a str,
    time: String,
    status: Status,
    summary: &'a str,
    details: &'a Map<String, Value>,
    #[serde(skip_serializing_if = "<[Check]>::is_empty")]
    checks: &'a [Check],
}

/// The event as one JSON object on one line, ending in a newline.
pub fn json_line(event: &Event) -> String {
    let event = event.redacted();
    let line = Line {
        schema: SCHEMA,
        event: event.kind,
        time: stamp(event.time),
        status: event.status,
        summary: &event.summary,
        details: &event.details,
        checks: &event.checks,
    };
    let mut out = serde_json::to_string(&line).unwrap_or_else(|_| "{}".to_string());
    out = super::json::escape_controls(&out);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Def;

    const D: Def = Def {
        id: "t.d",
        title: "T",
        judges: "",
        remedies: &[],
    };

    #[test]
    fn a_json_line_is_one_object_with_secrets_masked() {
        let secret = Secret::new("whsec_live_0123456789abcdef");
        let event = Event::new("delivery", Status::Fail, "got whsec_live_0123456789abcdef")
            .detail("id", "evt_1")
            .checks(vec![D.fail("saw whsec_live_0123456789abcdef")])
            .secrets(std::slice::from_ref(&secret));
        let line = json_line(&event);
        assert_eq!(line.matches('\n').count(), 1);
        assert!(!line.contains("0123456789abcdef"), "{line}");
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["event"], "delivery");
        assert_eq!(v["details"]["id"], "evt_1");
        assert_eq!(v["checks"][0]["id"], "t.d");
    }

    #[test]
    fn event_ids_stay_readable_and_credential_shapes_do_not() {
        let event = Event::new(
            "delivery",
            Status::Pass,
            "stripe #1 evt_1NqkXo2eZvKYlo2CkJ8nQxYz: sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
        );
        let out = text_line(&event, false);
        assert!(out.contains("evt_1NqkXo2eZvKYlo2CkJ8nQxYz"), "{out}");
        assert!(!out.contains("sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt"), "{out}");
    }

    #[test]
    fn a_text_line_shows_the_failing_checks_below_it() {
        let event = Event::new("delivery", Status::Fail, "evt_1 invalid\u{1b}[2J")
            .checks(vec![D.fail("why"), D.pass("fine")]);
        let out = text_line(&event, false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[0].contains("✗ evt_1 invalid\\u{1b}[2J"), "{out}");
        assert!(lines[1].starts_with("    ✗ T: why"), "{out}");
    }
}
