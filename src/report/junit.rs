//! JUnit XML: one `<testsuite>` per report, one `<testcase>` per check.

use super::{Report, Status};
use std::fmt::Write;

pub fn render(report: &Report, fail_on: Status) -> String {
    let failed = |s: Status| s.counts() && s.severity() >= fail_on.severity() && s.severity() > 0;
    let failures = report.checks.iter().filter(|c| failed(c.status)).count();
    let skipped = report.count(Status::Skip);
    let tests = report.checks.len();
    let time = seconds(report.duration.as_millis());
    let suite = format!("plumb {} {}", report.command, report.target);
    let stamp = humantime::format_rfc3339_seconds(report.started_at).to_string();
    let stamp = stamp.trim_end_matches('Z');

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"plumb\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time}\">"
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"{time}\" timestamp=\"{stamp}\">",
        escape(&suite)
    );
    for check in &report.checks {
        let _ = write!(
            out,
            "    <testcase classname=\"plumb.{}\" name=\"{}\" time=\"{}\"",
            escape(&report.command),
            escape(&check.id),
            seconds(u128::from(check.duration_ms))
        );
        let message = format!("{}: {}", check.title, check.summary);
        if failed(check.status) {
            let _ = writeln!(out, ">");
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
                escape(&message),
                check.status.as_str(),
                escape(&body)
            );
            let _ = writeln!(out, "    </testcase>");
        } else if check.status == Status::Skip {
            let _ = writeln!(out, ">");
            let _ = writeln!(out, "      <skipped message=\"{}\"/>", escape(&message));
            let _ = writeln!(out, "    </testcase>");
        } else {
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <system-out>{} ({})</system-out>",
                escape(&message),
                check.status.as_str()
            );
            let _ = writeln!(out, "    </testcase>");
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn seconds(ms: u128) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Escapes text for XML attributes and content. Characters XML 1.0 cannot
/// carry at all (most C0 controls), and those the text format escapes
/// (bidirectional overrides, DEL, C1 controls), become visible `\u{..}` escapes.
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
            c if (c as u32) < 0x20
                || c == '\u{FFFE}'
                || c == '\u{FFFF}'
                || crate::escape::needs_escape(c) =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_and_controls() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(escape("line\nnext"), "line\nnext");
        assert_eq!(
            escape("a\u{202e}b\u{85}\u{7f}"),
            "a\\u{202e}b\\u{85}\\u{7f}"
        );
    }
}
