//! The human report: one line per check, evidence and fixes indented below.

use super::{Check, RenderOptions, Report, Status};
use colored::{ColoredString, Colorize};
use serde_json::Value;
use std::fmt::Write;

/// Colours for the text report. Its `Default` is plain, so rendering never
/// branches on whether colour is on.
#[derive(Debug, Clone, Copy, Default)]
struct Palette {
    on: bool,
}

impl Palette {
    fn paint(self, s: &str, style: fn(&str) -> ColoredString) -> String {
        if self.on {
            style(s).to_string()
        } else {
            s.to_string()
        }
    }

    fn status(self, status: Status, s: &str) -> String {
        match status {
            Status::Pass => self.paint(s, |s| s.green().bold()),
            Status::Warn => self.paint(s, |s| s.yellow().bold()),
            Status::Fail => self.paint(s, |s| s.red().bold()),
            Status::Skip => self.paint(s, |s| s.dimmed()),
            Status::Info => self.paint(s, |s| s.cyan().bold()),
        }
    }

    fn dim(self, s: &str) -> String {
        self.paint(s, |s| s.dimmed())
    }

    fn bold(self, s: &str) -> String {
        self.paint(s, |s| s.bold())
    }
}

pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Warn => "!",
        Status::Fail => "✗",
        Status::Skip => "-",
        Status::Info => "i",
    }
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    if let Some(raw) = &report.raw_text {
        return raw.lines().map(|l| clean(l) + "\n").collect();
    }
    if opts.color {
        colored::control::set_override(true);
    }
    let palette = Palette { on: opts.color };
    let gate =
        |s: Status| s.counts() && s.severity() > 0 && s.severity() >= opts.fail_on.severity();
    let mut out = String::new();
    if !opts.quiet {
        let _ = writeln!(
            out,
            "{} {}\n",
            palette.bold(&format!("plumb {}", report.command)),
            clean(&report.target)
        );
    }
    if report.checks.iter().any(|c| c.section.is_some()) {
        write_sections(&mut out, &report.checks, opts, palette, &gate);
    } else {
        for check in report
            .checks
            .iter()
            .filter(|c| !opts.quiet || gate(c.status))
        {
            write_check(&mut out, check, opts, palette);
        }
    }
    if !opts.quiet || report.checks.iter().any(|c| gate(c.status)) {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        palette.status(report.status(), &summary_line(report))
    );
    out
}

/// A report in sections (doctor's entries), as `flutter doctor` shows one:
/// first one line per section (its worst status, its name, a short
/// summary), then the checks that belong to no section, then the checks
/// of each section that warns or fails (every section with `-v`), its
/// skipped checks folded into one line unless `-v` asks for them.
fn write_sections(
    out: &mut String,
    checks: &[Check],
    opts: &RenderOptions,
    palette: Palette,
    gate: &dyn Fn(Status) -> bool,
) {
    let mut groups: Vec<(Option<&str>, &[Check])> = Vec::new();
    let mut rest = checks;
    while let Some(head) = rest.first() {
        let name = head.section.as_deref();
        let len = rest
            .iter()
            .take_while(|c| c.section.as_deref() == name)
            .count();
        let (group, tail) = rest.split_at(len);
        groups.push((name, group));
        rest = tail;
    }
    let worst = |group: &[Check]| {
        group
            .iter()
            .map(|c| c.status)
            .max_by_key(|s| (s.counts(), s.severity()))
            .unwrap_or(Status::Info)
    };
    let sections: Vec<(&str, &[Check])> = groups
        .iter()
        .filter_map(|(name, group)| name.map(|n| (n, *group)))
        .filter(|(_, group)| !opts.quiet || group.iter().any(|c| gate(c.status)))
        .collect();
    let width = sections
        .iter()
        .map(|(name, _)| clean(name).chars().count())
        .max()
        .unwrap_or(0);
    for (name, group) in &sections {
        let status = worst(group);
        let _ = writeln!(
            out,
            "[{}] {}  {}",
            palette.status(status, mark(status)),
            palette.bold(&format!("{:width$}", clean(name))),
            clean(&section_summary(group))
        );
    }
    let loose: Vec<&Check> = groups
        .iter()
        .filter(|(name, _)| name.is_none())
        .flat_map(|(_, group)| group.iter())
        .filter(|c| !opts.quiet || gate(c.status))
        .collect();
    if !loose.is_empty() {
        out.push('\n');
    }
    for check in loose {
        write_check(out, check, opts, palette);
    }
    for (name, group) in sections {
        if !opts.verbose && !matches!(worst(group), Status::Warn | Status::Fail) {
            continue;
        }
        let shown: Vec<&Check> = group
            .iter()
            .filter(|c| !opts.quiet || gate(c.status))
            .collect();
        let _ = writeln!(out, "\n{}", palette.bold(&clean(name)));
        let fold = !opts.verbose && shown.iter().any(|c| c.status != Status::Skip);
        let mut folded = 0;
        for check in shown {
            if check.status == Status::Skip && fold {
                folded += 1;
                continue;
            }
            let mut one = String::new();
            write_check(&mut one, check, opts, palette);
            for line in one.lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
        if folded > 0 {
            let what = if folded == 1 { "check" } else { "checks" };
            let _ = writeln!(
                out,
                "  {}",
                palette.dim(&format!("- {folded} more {what} not run (-v lists them)"))
            );
        }
    }
}

/// A section's line in the overview: its one check's summary, or how many
/// of its checks ended how (`1 failed, 4 passed`), worst first.
fn section_summary(group: &[Check]) -> String {
    if let [only] = group {
        return only.summary.clone();
    }
    let count = |s: Status| group.iter().filter(|c| c.status == s).count();
    let parts = [
        (count(Status::Fail), "failed", "failed"),
        (count(Status::Warn), "warning", "warnings"),
        (count(Status::Pass), "passed", "passed"),
        (count(Status::Skip), "skipped", "skipped"),
        (count(Status::Info), "info", "info"),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A status word or mark in its colour (live lines share the report's).
pub(super) fn paint_status(color: bool, status: Status, s: &str) -> String {
    if color {
        colored::control::set_override(true);
    }
    Palette { on: color }.status(status, s)
}

/// One check as the report shows a failing one, details and fixes below.
pub(super) fn write_check_plain(out: &mut String, check: &Check, color: bool) {
    let opts = RenderOptions {
        format: super::Format::Text,
        color,
        quiet: false,
        verbose: false,
        fail_on: Status::Fail,
    };
    write_check(out, check, &opts, Palette { on: color });
}

fn write_check(out: &mut String, check: &Check, opts: &RenderOptions, palette: Palette) {
    let _ = writeln!(
        out,
        "{} {}: {}  {}",
        palette.status(check.status, mark(check.status)),
        palette.bold(&clean(&check.title)),
        clean(&check.summary),
        palette.dim(&format!("[{}]", check.id))
    );
    let show_details = opts.verbose || !matches!(check.status, Status::Pass | Status::Skip);
    if show_details && !check.details.is_empty() {
        // JSON keys are snake_case identifiers; people read them as words.
        let label = |k: &str| clean(&k.replace('_', " "));
        let width = check
            .details
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        for (key, value) in &check.details {
            let text = value_text(value);
            let mut lines = text.lines();
            let first = lines.next().unwrap_or("");
            let _ = writeln!(
                out,
                "    {}  {}",
                palette.dim(&format!("{:width$}", label(key))),
                clean(first)
            );
            for line in lines {
                let _ = writeln!(out, "    {:width$}  {}", "", clean(line));
            }
        }
    }
    let show_fix = check.status != Status::Pass && check.status != Status::Skip;
    if show_fix {
        for step in &check.remediation {
            let _ = writeln!(
                out,
                "    {} {}",
                palette.status(check.status, "→"),
                clean(step)
            );
        }
    }
}

/// `3 passed, 1 warning, 1 failed` plus skipped/info counts when present.
pub fn summary_line(report: &Report) -> String {
    let parts = [
        (report.count(Status::Pass), "passed", "passed"),
        (report.count(Status::Warn), "warning", "warnings"),
        (report.count(Status::Fail), "failed", "failed"),
        (report.count(Status::Skip), "skipped", "skipped"),
        (report.count(Status::Info), "info", "info"),
    ];
    let mut words: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect();
    if words.is_empty() {
        words.push("no checks".to_string());
    }
    format!("{} · {}", words.join(", "), human_ms(report.duration))
}

/// A detail value as a person reads it: strings bare, lists of scalars joined.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "—".to_string(),
        Value::Array(items) if items.iter().all(|v| !v.is_array() && !v.is_object()) => {
            let texts: Vec<String> = items.iter().map(value_text).collect();
            // Items that hold commas, or are long, read better one per line.
            if texts.len() > 1 && texts.iter().any(|t| t.contains(", ") || t.len() > 40) {
                texts
                    .iter()
                    .map(|t| format!("• {t}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                texts.join(", ")
            }
        }
        other => other.to_string(),
    }
}

pub use crate::duration::{human_duration, human_ms};
pub use crate::escape::{clean, needs_escape};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;

    fn opts() -> RenderOptions {
        RenderOptions {
            format: Format::Text,
            color: false,
            quiet: false,
            verbose: false,
            fail_on: Status::Fail,
        }
    }

    #[test]
    fn durations_read_as_a_person_says_them() {
        use std::time::Duration;
        assert_eq!(human_duration(Duration::from_secs(3600)), "1h 0m");
        assert_eq!(human_duration(Duration::from_secs(90_061)), "1d 1h");
        assert_eq!(human_duration(Duration::from_secs(320)), "5m 20s");
        assert_eq!(human_duration(Duration::from_secs(42)), "42s");
        assert_eq!(human_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(human_duration(Duration::ZERO), "0s");
        assert_eq!(human_duration(Duration::from_millis(700)), "700ms");
    }

    #[test]
    fn clean_escapes_terminal_sequences_and_bidi() {
        assert_eq!(clean("ok"), "ok");
        assert_eq!(clean("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(clean("abc\u{202E}def"), "abc\\u{202e}def");
    }

    #[test]
    fn summary_counts_each_status() {
        let mut r = Report::new("t", "x");
        r.push(Check::new("a.a", "A", Status::Pass, "ok"));
        r.push(Check::new("a.b", "B", Status::Pass, "ok"));
        r.push(Check::new("a.c", "C", Status::Warn, "hm"));
        r.push(Check::new("a.d", "D", Status::Fail, "no"));
        assert!(summary_line(&r).starts_with("2 passed, 1 warning, 1 failed · "));
    }

    #[test]
    fn raw_text_replaces_the_checks_and_is_escaped() {
        let mut r = Report::new("t", "x");
        r.push(Check::new("a.a", "A", Status::Info, "v"));
        r.raw_text = Some("Name: value\nEvil: \u{1b}[2J".to_string());
        assert_eq!(render(&r, &opts()), "Name: value\nEvil: \\u{1b}[2J\n");
    }

    #[test]
    fn remediation_only_under_problems_and_details_hidden_for_pass() {
        let mut r = Report::new("t", "x");
        r.push(Check::new("a.ok", "Fine", Status::Pass, "ok").detail("k", "v"));
        r.push(
            Check::new("a.bad", "Broken", Status::Fail, "no")
                .detail("why", "x")
                .remedy("fix it"),
        );
        let out = render(&r, &opts());
        assert!(
            out.contains("✓ Fine: ok  [a.ok]\n✗ Broken: no  [a.bad]\n    why  x\n    → fix it\n"),
            "{out}"
        );
        let quiet = render(
            &r,
            &RenderOptions {
                quiet: true,
                ..opts()
            },
        );
        assert!(!quiet.contains("Fine"));
        assert!(quiet.contains("Broken"));
        let verbose = render(
            &r,
            &RenderOptions {
                verbose: true,
                ..opts()
            },
        );
        assert!(verbose.contains("    k  v"));
    }
}
