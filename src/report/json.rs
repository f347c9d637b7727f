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
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

pub fn render(report: &Report, exit_code: u8) -> String {
    let doc = Document {
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
    };
    // Serialising plain strings, numbers and maps cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
