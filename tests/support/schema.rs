//! The `plumb.report/v1` document, validated against the published JSON
//! Schema (schema/plumb.report.v1.json) and parsed with
//! `deny_unknown_fields`, so any drift from the documented shape
//! (docs/json.md) fails a test.

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

/// The published schema, as JSON.
pub fn published() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/plumb.report.v1.json");
        let text = std::fs::read_to_string(path).expect("schema/plumb.report.v1.json");
        serde_json::from_str(&text).expect("the schema is JSON")
    })
}

/// The published schema, compiled once (JSON Schema 2020-12).
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(published()).expect("a valid JSON Schema 2020-12")
    })
}

/// The event schema (`schema/plumb.event.v1.json`), compiled once; its
/// `$ref`s into the report schema resolve to the file beside it.
fn event_validator() -> &'static jsonschema::Validator {
    struct Beside;
    impl jsonschema::Retrieve for Beside {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
            match uri.path().as_str().rsplit('/').next() {
                Some("plumb.report.v1.json") => Ok(published().clone()),
                _ => Err(format!("no such schema beside plumb.event.v1.json: {uri}").into()),
            }
        }
    }
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/plumb.event.v1.json");
        let text = std::fs::read_to_string(path).expect("schema/plumb.event.v1.json");
        let schema: Value = serde_json::from_str(&text).expect("the event schema is JSON");
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .with_retriever(Beside)
            .build(&schema)
            .expect("a valid JSON Schema 2020-12")
    })
}

/// Every way `event` breaks the published event schema, one line each.
pub fn event_violations(event: &Value) -> Vec<String> {
    event_validator()
        .iter_errors(event)
        .map(|e| format!("{} at {}: {e}", e.schema_path(), e.instance_path()))
        .collect()
}

/// Every way `document` breaks the published schema, one line each.
pub fn violations(document: &Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|e| format!("{} at {}: {e}", e.schema_path(), e.instance_path()))
        .collect()
}

/// With `PLUMB_SCHEMA_DUMP=FILE`, every report a test parses is appended
/// to FILE as one line: the corpus `schema/update.py` reads to add the
/// details of new checks to the schema.
fn dump(document: &Value) {
    use std::io::Write;
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let Some(path) = std::env::var_os("PLUMB_SCHEMA_DUMP") else {
        return;
    };
    let _held = LOCK.lock();
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{document}");
    }
}

/// A command that streams live events (`webhook listen`) writes one
/// `plumb.event/v1` object per line before the report, which is then the
/// last line (NDJSON); every event line must be one such object.
fn after_live_events(stdout: &str) -> &str {
    let trimmed = stdout.trim_end();
    if !trimmed.starts_with("{\"schema\":\"plumb.event/v1\"") {
        return stdout;
    }
    let (events, report) = trimmed.rsplit_once('\n').unwrap_or(("", trimmed));
    for line in events.lines() {
        let event: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("an event line is not JSON ({e}): {line}"));
        let broken = event_violations(&event);
        assert!(
            broken.is_empty(),
            "the event breaks schema/plumb.event.v1.json:\n{}\n{line}",
            broken.join("\n")
        );
    }
    report
}

/// Parses and validates the invariants every report keeps, and its
/// conformance to the published schema.
pub fn parse(stdout: &str, exit_code: i32) -> Report {
    let stdout = after_live_events(stdout);
    let document: Value =
        serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"));
    dump(&document);
    let broken = violations(&document);
    assert!(
        broken.is_empty(),
        "the report breaks schema/plumb.report.v1.json:\n{}\n{stdout}",
        broken.join("\n")
    );
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
