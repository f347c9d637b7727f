//! The `plumb.report/v1` document, parsed with `deny_unknown_fields` so any
//! drift from the documented shape (docs/json.md) fails a test.

use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema: String,
    pub tool: Tool,
    pub command: String,
    pub target: String,
    pub status: String,
    pub exit_code: i32,
    pub started_at: String,
    pub duration_ms: u64,
    pub checks: Vec<Check>,
    /// Present only for commands with raw output (`sign`'s header lines).
    #[serde(default)]
    pub raw_text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    /// Present only in reports with sections (doctor's entries).
    #[serde(default)]
    pub section: Option<String>,
    pub title: String,
    pub status: String,
    pub summary: String,
    pub details: Map<String, Value>,
    pub remediation: Vec<String>,
    pub duration_ms: u64,
}

impl Report {
    pub fn check(&self, id: &str) -> &Check {
        self.checks
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no check {id} in {:?}", self.ids()))
    }

    pub fn ids(&self) -> Vec<&str> {
        self.checks.iter().map(|c| c.id.as_str()).collect()
    }
}

/// Parses and validates the invariants every report keeps.
pub fn parse(stdout: &str, exit_code: i32) -> Report {
    let report: Report = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("not a plumb report ({e}): {stdout}"));
    assert_eq!(report.schema, "plumb.report/v1");
    assert_eq!(report.tool.name, "plumb");
    assert_eq!(report.tool.version, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        report.exit_code, exit_code,
        "JSON exit_code matches the process"
    );
    assert!(["pass", "warn", "fail"].contains(&report.status.as_str()));
    assert!(
        humantime::parse_rfc3339(&report.started_at).is_ok(),
        "{}",
        report.started_at
    );
    let mut seen = std::collections::HashSet::new();
    for c in &report.checks {
        assert!(seen.insert(&c.id), "duplicate check id {}", c.id);
        assert!(
            ["pass", "warn", "fail", "skip", "info"].contains(&c.status.as_str()),
            "{}",
            c.status
        );
        assert!(
            c.id.contains('.') && !c.id.contains(' '),
            "ids are dotted: {}",
            c.id
        );
        if c.status == "fail" || c.status == "warn" {
            assert!(
                !c.remediation.is_empty(),
                "{} {} has no remediation",
                c.id,
                c.status
            );
        }
    }
    report
}
