//! The Prometheus text exposition format (version 0.0.4), for
//! node_exporter's textfile collector, a Pushgateway or `plumb serve`.
//! The metric list and the label rules: docs/prometheus.md.
//!
//! Labels hold only bounded values: the check id without its subject
//! (`check`), the subject of a per-subject check (`subject`: a name the
//! command line or config gave, such as `dns.resolve[NAME]`'s NAME), the
//! doctor entry (`entry`: a config entry's name), the command, and the
//! fixed words of a status, phase or certificate. Summaries, details and
//! remedies (free text) never become labels.

use super::{Check, FigureKind, Report, Status};
use std::collections::HashMap;
use std::fmt::Write;

/// The content type of this format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

const STATUSES: [Status; 5] = [
    Status::Pass,
    Status::Warn,
    Status::Fail,
    Status::Skip,
    Status::Info,
];

/// Renders `report` (already redacted by the caller).
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let command = [("command", report.command.as_str())];
    family(
        &mut out,
        "plumb_report_status",
        "gauge",
        "Worst status of the report's checks that count: 0 pass, 1 warn, 2 fail (skip and info count as pass).",
    );
    sample(
        &mut out,
        "plumb_report_status",
        &command,
        f64::from(report.status().severity()),
    );
    family(
        &mut out,
        "plumb_report_duration_seconds",
        "gauge",
        "How long the whole command took.",
    );
    sample(
        &mut out,
        "plumb_report_duration_seconds",
        &command,
        report.duration.as_secs_f64(),
    );
    family(
        &mut out,
        "plumb_last_run_timestamp_seconds",
        "gauge",
        "When the command finished, in Unix seconds.",
    );
    let ended = (report.started_at + report.duration)
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    sample(
        &mut out,
        "plumb_last_run_timestamp_seconds",
        &command,
        (ended * 1000.0).round() / 1000.0,
    );

    let checks = distinct(&report.checks);
    if checks.is_empty() {
        return out;
    }
    family(
        &mut out,
        "plumb_check_status",
        "gauge",
        "A check's status as a state set: one series per status, 1 for the check's status and 0 for the others.",
    );
    for (labels, check) in &checks {
        for status in STATUSES {
            let mut with = labels.clone();
            with.push(("status", status.as_str().to_string()));
            sample(
                &mut out,
                "plumb_check_status",
                &borrowed(&with),
                if check.status() == status { 1.0 } else { 0.0 },
            );
        }
    }
    let timed: Vec<_> = checks.iter().filter(|(_, c)| c.timed()).collect();
    if !timed.is_empty() {
        family(
            &mut out,
            "plumb_check_duration_seconds",
            "gauge",
            "How long a check took, for the checks that time themselves (millisecond resolution).",
        );
        for (labels, check) in timed {
            sample(
                &mut out,
                "plumb_check_duration_seconds",
                &borrowed(labels),
                check.duration_ms() as f64 / 1000.0,
            );
        }
    }
    for kind in [
        FigureKind::NotAfter,
        FigureKind::RemainingRatio,
        FigureKind::DnsAnswer,
        FigureKind::Phase,
    ] {
        let (name, label, help) = figure_family(kind);
        let mut seen = std::collections::HashSet::new();
        let mut lines = String::new();
        for (labels, check) in &checks {
            for f in check.figures().iter().filter(|f| f.kind == kind) {
                let mut with = labels.clone();
                if let (Some(key), Some(value)) = (label, &f.label) {
                    with.push((key, value.clone()));
                }
                if seen.insert(with.clone()) {
                    sample(&mut lines, name, &borrowed(&with), f.value);
                }
            }
        }
        if !lines.is_empty() {
            family(&mut out, name, "gauge", help);
            out.push_str(&lines);
        }
    }
    out
}

/// A figure kind's metric name, the label it adds and its help.
fn figure_family(kind: FigureKind) -> (&'static str, Option<&'static str>, &'static str) {
    match kind {
        FigureKind::NotAfter => (
            "plumb_certificate_not_after_timestamp_seconds",
            Some("certificate"),
            "A certificate's notAfter in Unix seconds: certificate=\"leaf\" for the server's own, \"chain\" for the first of the chain to expire.",
        ),
        FigureKind::RemainingRatio => (
            "plumb_rate_limit_remaining_ratio",
            None,
            "The share of a rate-limit quota still left (remaining / limit), from 0 to 1.",
        ),
        FigureKind::DnsAnswer => (
            "plumb_dns_answer_seconds",
            Some("resolver"),
            "How long a resolver took to answer (the slowest of the record types asked).",
        ),
        FigureKind::Phase => (
            "plumb_endpoint_phase_seconds",
            Some("phase"),
            "How long one phase of a request took: dns, connect, tls, first_byte (request sent to response head) and total.",
        ),
    }
}

type Labels = Vec<(&'static str, String)>;

/// The checks as series, each label set once: a check id reported twice
/// keeps its worst status (the first of equals).
fn distinct(checks: &[Check]) -> Vec<(Labels, &Check)> {
    let mut out: Vec<(Labels, &Check)> = Vec::new();
    let mut index: HashMap<Labels, usize> = HashMap::new();
    for check in checks {
        let labels = check_labels(check);
        match index.get(&labels) {
            Some(&i) => {
                if check.status().severity() > out[i].1.status().severity() {
                    out[i].1 = check;
                }
            }
            None => {
                index.insert(labels.clone(), out.len());
                out.push((labels, check));
            }
        }
    }
    out
}

/// `entry` (a doctor section), `check` (the id without section or
/// subject) and `subject`, when there is one.
fn check_labels(check: &Check) -> Labels {
    let mut id = check.id();
    let mut labels = Labels::new();
    if let Some(section) = check.section() {
        id = id
            .strip_prefix(section)
            .and_then(|s| s.strip_prefix('/'))
            .unwrap_or(id);
        labels.push(("entry", section.to_string()));
    }
    if let Some(subject) = check.subject() {
        id = id
            .strip_suffix(']')
            .and_then(|s| s.strip_suffix(subject))
            .and_then(|s| s.strip_suffix('['))
            .unwrap_or(id);
    }
    labels.push(("check", id.to_string()));
    if let Some(subject) = check.subject() {
        labels.push(("subject", subject.to_string()));
    }
    labels
}

fn borrowed(labels: &Labels) -> Vec<(&'static str, &str)> {
    labels.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The `# HELP` and `# TYPE` lines of a metric family.
pub fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let help = help.replace('\\', "\\\\").replace('\n', "\\n");
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// One sample line, its label values escaped.
pub fn sample(out: &mut String, name: &str, labels: &[(&str, &str)], value: f64) {
    out.push_str(name);
    if !labels.is_empty() {
        out.push('{');
        for (i, (key, value)) in labels.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{key}=\"{}\"", escape_label(value));
        }
        out.push('}');
    }
    let _ = writeln!(out, " {}", number(value));
}

/// A sample value: integers without a fraction, `NaN` and infinities as
/// the format spells them.
pub fn number(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.to_string()
    } else {
        format!("{v}")
    }
}

/// A label value as the format quotes it: backslash, double quote and
/// line feed escaped.
pub fn escape_label(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape_label("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
    }

    #[test]
    fn a_state_set_per_check_with_entry_and_subject() {
        let mut r = Report::new("doctor", "plumb.toml");
        r.push(
            Check::new("dns.resolve", "R", Status::Warn, "s")
                .about("a\"b.example")
                .in_section("api")
                .took(Duration::from_millis(1500))
                .answer_time("system", Duration::from_millis(3)),
        );
        let out = render(&r);
        assert!(out.contains("plumb_check_status{entry=\"api\",check=\"dns.resolve\",subject=\"a\\\"b.example\",status=\"warn\"} 1\n"), "{out}");
        assert!(out.contains("plumb_check_status{entry=\"api\",check=\"dns.resolve\",subject=\"a\\\"b.example\",status=\"pass\"} 0\n"), "{out}");
        assert!(out.contains("plumb_check_duration_seconds{entry=\"api\",check=\"dns.resolve\",subject=\"a\\\"b.example\"} 1.5\n"), "{out}");
        assert!(out.contains("resolver=\"system\"} 0.003\n"), "{out}");
        assert!(
            out.contains("plumb_report_status{command=\"doctor\"} 1\n"),
            "{out}"
        );
        // Every family is introduced once, before its samples.
        assert_eq!(out.matches("# TYPE plumb_check_status gauge").count(), 1);
    }

    #[test]
    fn a_check_reported_twice_is_one_series_with_its_worst_status() {
        let mut r = Report::new("t", "x");
        r.push(Check::new("a.b", "A", Status::Pass, "s"));
        r.push(Check::new("a.b", "A", Status::Fail, "s"));
        let out = render(&r);
        assert_eq!(
            out.matches("plumb_check_status{check=\"a.b\",status=\"fail\"} 1")
                .count(),
            1,
            "{out}"
        );
        assert_eq!(out.matches("status=\"pass\"}").count(), 1, "{out}");
        assert!(
            !out.contains("plumb_check_duration_seconds{"),
            "untimed checks have no duration: {out}"
        );
    }
}
