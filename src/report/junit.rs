//! JUnit XML as GitLab, Jenkins and GitHub test reporters read it: one
//! `<testsuites>` with the totals, one `<testsuite>` per part of the report
//! (`plumb.<command>`, and one `plumb.doctor.<entry>` per doctor entry),
//! one `<testcase>` per check with `classname` (its suite, never a space),
//! `name` and `time`; `<failure message type>` for a check that fails the
//! run, `<skipped message>` for a skipped one. Every character XML 1.0
//! forbids or discourages becomes a visible `\u{..}` escape.

use super::{Check, Report, Status};
use std::fmt::Write;

pub fn render(report: &Report, fail_on: Status) -> String {
    let failed = |s: Status| s.counts() && s.severity() >= fail_on.severity() && s.severity() > 0;
    let command = class_part(&report.command);
    let stamp = humantime::format_rfc3339_seconds(report.started_at).to_string();
    let stamp = stamp.trim_end_matches('Z');

    // Suites in the order their first check appears: the command's own
    // checks, then one per section.
    let mut suites: Vec<(String, Vec<&Check>)> = Vec::new();
    for check in &report.checks {
        let name = match &check.section {
            Some(section) => format!("plumb.{command}.{}", class_part(section)),
            None => format!("plumb.{command}"),
        };
        match suites.iter_mut().find(|(n, _)| *n == name) {
            Some((_, checks)) => checks.push(check),
            None => suites.push((name, vec![check])),
        }
    }
    if suites.is_empty() {
        suites.push((format!("plumb.{command}"), Vec::new()));
    }

    let tests = report.checks.len();
    let failures = report.checks.iter().filter(|c| failed(c.status)).count();
    let skipped = report.count(Status::Skip);
    let time = seconds(report.duration.as_millis());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"plumb {}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time}\">",
        attr(&report.command)
    );
    for (name, checks) in &suites {
        let failures = checks.iter().filter(|c| failed(c.status)).count();
        let skipped = checks.iter().filter(|c| c.status == Status::Skip).count();
        let ms: u128 = checks.iter().map(|c| u128::from(c.duration_ms)).sum();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{}\" timestamp=\"{stamp}\">",
            checks.len(),
            seconds(ms)
        );
        if name == &format!("plumb.{command}") {
            let _ = writeln!(
                out,
                "    <properties>\n      <property name=\"target\" value=\"{}\"/>\n    </properties>",
                attr(&report.target)
            );
        }
        for check in checks {
            write_case(&mut out, name, check, failed(check.status));
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn write_case(out: &mut String, class: &str, check: &Check, failed: bool) {
    // Within a section's suite the entry's name is the class; the case
    // is the check's own id.
    let name = match &check.section {
        Some(section) => check
            .id
            .strip_prefix(&format!("{section}/"))
            .unwrap_or(&check.id),
        None => &check.id,
    };
    let _ = writeln!(
        out,
        "    <testcase classname=\"{class}\" name=\"{}\" time=\"{}\">",
        attr(name),
        seconds(u128::from(check.duration_ms))
    );
    let message = format!("{}: {}", check.title, check.summary);
    if failed {
        let mut body = message.clone();
        for (key, value) in &check.details {
            let _ = write!(body, "\n{key}: {}", super::text::value_text(value));
        }
        for step in &check.remediation {
            let _ = write!(body, "\nfix: {step}");
        }
        let _ = writeln!(
            out,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            attr(&message),
            check.status.as_str(),
            escape(&body)
        );
    } else if check.status == Status::Skip {
        let _ = writeln!(out, "      <skipped message=\"{}\"/>", attr(&message));
    } else {
        let _ = writeln!(
            out,
            "      <system-out>{} ({})</system-out>",
            escape(&message),
            check.status.as_str()
        );
    }
    out.push_str("    </testcase>\n");
}

/// A part of a class name: letters, digits, `-` and `_` kept, anything
/// else (spaces, dots, slashes) as `_`, so class names stay dotted paths
/// that reporters split into packages.
fn class_part(s: &str) -> String {
    let part: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.is_empty() {
        "_".to_string()
    } else {
        part
    }
}

fn seconds(ms: u128) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Escapes text for an attribute value: as [`escape`], with line breaks
/// and tabs as character references, which attribute normalisation would
/// otherwise turn into spaces.
fn attr(s: &str) -> String {
    escape(s).replace('\n', "&#10;").replace('\t', "&#9;")
}

/// Escapes text for XML content. Characters XML 1.0 cannot carry at all
/// (C0 controls but tab and line feed; carriage return, which parsers
/// turn into a line feed; U+FFFE, U+FFFF), those it discourages
/// (noncharacters, C1 controls, DEL) and those the text format escapes
/// (bidirectional overrides) become visible `\u{..}` escapes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || is_noncharacter(c) || crate::escape::needs_escape(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// U+FDD0–U+FDEF and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_and_controls() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(escape("line\nnext"), "line\nnext");
        assert_eq!(escape("cr\r"), "cr\\u{d}");
        assert_eq!(escape("]]>"), "]]&gt;");
        assert_eq!(
            escape("a\u{202e}b\u{85}\u{7f}\u{fffe}\u{1ffff}\u{fdd0}"),
            "a\\u{202e}b\\u{85}\\u{7f}\\u{fffe}\\u{1ffff}\\u{fdd0}"
        );
        assert_eq!(attr("a\nb\tc"), "a&#10;b&#9;c");
    }

    #[test]
    fn class_names_have_no_spaces() {
        assert_eq!(class_part("rate-limit inspect"), "rate-limit_inspect");
        assert_eq!(class_part("api.v2/x"), "api_v2_x");
        assert_eq!(class_part(""), "_");
    }

    #[test]
    fn doctor_sections_become_suites() {
        let mut r = Report::new("doctor", "plumb.toml");
        r.push(Check::new("doctor.network", "N", Status::Pass, "ok"));
        r.push(Check::new("tls.expiry", "E", Status::Fail, "old").in_section("api"));
        r.push(Check::new("tls.trust", "T", Status::Skip, "no").in_section("api"));
        r.push(Check::new("http.status", "S", Status::Pass, "ok").in_section("hook.v2"));
        let out = render(&r, Status::Fail);
        assert!(
            out.contains("<testsuite name=\"plumb.doctor\" tests=\"1\""),
            "{out}"
        );
        assert!(
            out.contains("<testsuite name=\"plumb.doctor.api\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\""),
            "{out}"
        );
        assert!(out.contains("<testcase classname=\"plumb.doctor.hook_v2\" name=\"http.status\""));
        assert!(out.contains("<testcase classname=\"plumb.doctor.api\" name=\"tls.expiry\""));
        assert!(out.contains("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"1\""));
    }
}
