//! The `plumb.report/v1` JSON document (its shape: docs/json.md).

use super::{Check, Report};
use serde::Serialize;

pub const SCHEMA: &str = "plumb.report/v1";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    tool: Tool,
    command: &'a str,
    target: &'a str,
    status: super::Status,
    exit_code: u8,
    started_at: String,
    duration_ms: u64,
    checks: &'a [Check],
    /// Output users paste elsewhere (`sign`'s header lines), when the
    /// command has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    raw_text: Option<&'a str>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

pub fn render(report: &Report, exit_code: u8) -> String {
    // Serialising plain strings, numbers and maps cannot fail.
    let mut out = escape_controls(
        &serde_json::to_string_pretty(&document(report, exit_code)).unwrap_or_default(),
    );
    out.push('\n');
    out
}

fn document(report: &Report, exit_code: u8) -> Document<'_> {
    Document {
        schema: SCHEMA,
        tool: Tool {
            name: "plumb",
            version: env!("CARGO_PKG_VERSION"),
        },
        command: &report.command,
        target: &report.target,
        status: report.status(),
        exit_code,
        started_at: humantime::format_rfc3339_seconds(report.started_at).to_string(),
        duration_ms: u64::try_from(report.duration.as_millis()).unwrap_or(u64::MAX),
        checks: &report.checks,
        raw_text: report.raw_text.as_deref(),
    }
}

/// The same document on one line: the last line of a command whose live
/// events went out as NDJSON before it, so the whole output is NDJSON.
pub fn render_line(report: &Report, exit_code: u8) -> String {
    let mut out =
        escape_controls(&serde_json::to_string(&document(report, exit_code)).unwrap_or_default());
    out.push('\n');
    out
}

/// The characters the text format shows as escapes (bidirectional
/// overrides, DEL and C1 controls; serde already escapes C0) written as
/// JSON `\uXXXX` escapes: the document stays valid JSON, reads back as
/// the same strings, and shows no reordered text. They occur only inside
/// strings, so replacing them everywhere is safe.
pub(super) fn escape_controls(json: &str) -> String {
    if !json.chars().any(crate::escape::needs_escape) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if crate::escape::needs_escape(c) && !matches!(c, '\n' | '\r' | '\t') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_appears_only_when_set() {
        let mut r = Report::new("t", "x");
        r.push(Check::new("a.a", "A", super::super::Status::Info, "s"));
        r.push(Check::new("b.b", "B", super::super::Status::Info, "s").in_section("e"));
        let back: serde_json::Value = serde_json::from_str(&render(&r, 0)).unwrap();
        assert!(back["checks"][0].get("section").is_none());
        assert_eq!(back["checks"][1]["section"], "e");
    }

    #[test]
    fn bidi_and_c1_controls_are_escaped_and_stay_json() {
        let mut r = Report::new("t", "a\u{202e}b");
        r.push(Check::new(
            "a.a",
            "A",
            super::super::Status::Info,
            "x\u{2066}\u{85}\u{7f}y",
        ));
        let out = render(&r, 0);
        assert!(
            !out.contains('\u{202e}') && !out.contains('\u{85}'),
            "{out}"
        );
        assert!(out.contains("a\\u202eb"), "{out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["target"], "a\u{202e}b");
        assert_eq!(back["checks"][0]["summary"], "x\u{2066}\u{85}\u{7f}y");
    }
}
