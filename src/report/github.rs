//! GitHub Actions output (`--format github`): the text report, with
//! workflow commands switched off while it prints, then one annotation
//! (`::error` / `::warning` workflow command) per failing or warning
//! check; and the Markdown a step summary gets (`GITHUB_STEP_SUMMARY`).
//!
//! Escaping is the Actions toolkit's (`@actions/core`, `command.ts`):
//! data `%` `\r` `\n`; properties also `:` and `,`. GitHub shows at most
//! 10 error and 10 warning annotations per step (50 per job), so beyond
//! that the rest of a kind fold into one annotation that names them.

use super::{text, Check, RenderOptions, Report, Status};
use crate::escape::clean;
use std::fmt::Write;

/// Annotations of one kind GitHub shows per step.
pub const PER_STEP: usize = 10;

/// Bytes the step summary may take: GitHub refuses a step's summary over
/// 1 MiB, and other tools of the same step may append theirs.
pub const SUMMARY_BUDGET: usize = 512 * 1024;

/// Escapes workflow-command data (the message), as `escapeData` does.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value, as `escapeProperty` does.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command: `::name key=value::message`.
fn command(name: &str, title: &str, message: &str) -> String {
    format!("::{name} title={}::{}\n", property(title), data(message))
}

/// The text report between `::stop-commands::` and its end token, so that
/// no line of it (foreign text included) is taken for a command, then the
/// annotations.
pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let plain = RenderOptions {
        color: false,
        ..*opts
    };
    let token = stop_token();
    let mut out = format!("::stop-commands::{token}\n");
    out.push_str(&text::render(report, &plain));
    let _ = writeln!(out, "::{token}::");
    out.push_str(&annotations(report));
    out
}

/// An end token nobody can put in a report: 128 random bits. Should the
/// system's source fail, the time and process id still make it unique to
/// this run.
fn stop_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        bytes = (now ^ (u128::from(std::process::id()) << 64)).to_le_bytes();
    }
    let mut token = String::from("plumb-");
    for b in bytes {
        let _ = write!(token, "{b:02x}");
    }
    token
}

/// The annotation of each failing (`::error`) and warning (`::warning`)
/// check: the check id as its title, the summary, then each remedy on a
/// line of its own. Beyond [`PER_STEP`] of a kind, the last shown one
/// names the rest.
pub fn annotations(report: &Report) -> String {
    let mut out = String::new();
    for (status, name, word) in [
        (Status::Fail, "error", "failing"),
        (Status::Warn, "warning", "warning"),
    ] {
        let checks: Vec<&Check> = report
            .checks
            .iter()
            .filter(|c| c.status == status)
            .collect();
        let shown = if checks.len() > PER_STEP {
            PER_STEP - 1
        } else {
            checks.len()
        };
        for check in &checks[..shown] {
            out.push_str(&command(name, &check.id, &message(check)));
        }
        let rest = &checks[shown..];
        if !rest.is_empty() {
            let ids: Vec<String> = rest.iter().map(|c| clean(&c.id)).collect();
            out.push_str(&command(
                name,
                &format!("plumb: {} more {word} checks", rest.len()),
                &format!(
                    "GitHub shows {PER_STEP} {name} annotations per step; the rest are in the step log: {}",
                    ids.join(", ")
                ),
            ));
        }
    }
    out
}

fn message(check: &Check) -> String {
    let mut m = format!("{}: {}", clean(&check.title), clean(&check.summary));
    for step in &check.remediation {
        let _ = write!(m, "\nfix: {}", clean(step));
    }
    m
}

/// The step summary (GitHub-flavoured Markdown): the verdict, a table of
/// the checks, and the remedies of each failing or warning check folded in
/// `<details>`. Kept under [`SUMMARY_BUDGET`] minus `used` (bytes the
/// step's summary already holds); what does not fit is left out with a
/// note saying so.
pub fn step_summary(report: &Report, exit_code: u8, used: u64) -> String {
    let budget = SUMMARY_BUDGET.saturating_sub(usize::try_from(used).unwrap_or(usize::MAX));
    let status = report.status();
    let mut head = format!(
        "### {} plumb {} {}: {}\n\n{} · exit code {exit_code}\n\n",
        text::mark(status),
        cell(&report.command),
        cell(&report.target),
        status.as_str(),
        cell(&text::summary_line(report)),
    );
    head.push_str("| | Check | Status | Summary |\n|---|---|---|---|\n");
    let rows: Vec<String> = report
        .checks
        .iter()
        .map(|c| {
            format!(
                "| {} | {} | {} | {} |\n",
                text::mark(c.status),
                cell(&c.id),
                c.status.as_str(),
                cell(&format!("{}: {}", c.title, c.summary))
            )
        })
        .collect();
    let remedies: Vec<String> = report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Warn) && !c.remediation.is_empty())
        .map(|c| {
            let mut block = format!("<details><summary>How to fix {}</summary>\n\n", cell(&c.id));
            for (i, step) in c.remediation.iter().enumerate() {
                let _ = writeln!(block, "{}. {}", i + 1, cell(step));
            }
            block.push_str("\n</details>\n\n");
            block
        })
        .collect();
    // The note that may end a cut summary, reserved from the start.
    let note = |left: usize| {
        format!(
            "\n_{left} more line(s) not shown: the step summary stays under GitHub's 1 MiB limit. The whole report is in the step log._\n"
        )
    };
    let room = budget.saturating_sub(note(usize::MAX).len());
    let mut out = String::new();
    if head.len() > room {
        return out;
    }
    out.push_str(&head);
    let mut left = rows.len() + remedies.len();
    let mut cut = false;
    for (i, piece) in rows.iter().enumerate() {
        if out.len() + piece.len() > room {
            cut = true;
            break;
        }
        out.push_str(piece);
        left -= 1;
        if i + 1 == rows.len() {
            out.push('\n');
        }
    }
    if !cut {
        for piece in &remedies {
            if out.len() + piece.len() > room {
                cut = true;
                break;
            }
            out.push_str(piece);
            left -= 1;
        }
    }
    if cut {
        out.push_str(&note(left));
    }
    out
}

/// Text made safe for a Markdown table cell and for inline Markdown:
/// terminal escapes as the text format makes them, HTML special
/// characters as entities, Markdown punctuation backslash-escaped (so
/// foreign text cannot make links, emphasis or a new column), and line
/// breaks as `<br>`.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lines = s.split('\n').peekable();
    while let Some(line) = lines.next() {
        for c in clean(line.strip_suffix('\r').unwrap_or(line)).chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-'
                | '.' | '!' | '|' | '~' | '"' | '\'' | '=' | ':' | '@' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case of `packages/core/__tests__/command.test.ts` in
    /// actions/toolkit (commit 4b9afa4c890de9d1a84c75bb617ee4d96207823a)
    /// that feeds a string: (input, as data, as a property).
    const TOOLKIT: &[(&str, &str, &str)] = &[
        (
            "percent % percent % cr \r cr \r lf \n lf \n",
            "percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A",
            "percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A",
        ),
        (
            "%25 %25 %0D %0D %0A %0A",
            "%2525 %2525 %250D %250D %250A %250A",
            "%2525 %2525 %250D %250D %250A %250A",
        ),
        (
            "percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,",
            "percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon : colon : comma , comma ,",
            "percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon %3A colon %3A comma %2C comma %2C",
        ),
        (
            "%25 %25 %0D %0D %0A %0A %3A %3A %2C %2C",
            "%2525 %2525 %250D %250D %250A %250A %253A %253A %252C %252C",
            "%2525 %2525 %250D %250D %250A %250A %253A %253A %252C %252C",
        ),
        ("some message", "some message", "some message"),
        ("value 1", "value 1", "value 1"),
        ("{\"test\":\"object\"}", "{\"test\":\"object\"}", "{\"test\"%3A\"object\"}"),
        ("", "", ""),
    ];

    #[test]
    fn escaping_matches_the_actions_toolkit() {
        for (input, as_data, as_property) in TOOLKIT {
            assert_eq!(data(input), *as_data, "data {input:?}");
            assert_eq!(property(input), *as_property, "property {input:?}");
        }
        assert_eq!(
            command("some-command", "value 1", "some message"),
            "::some-command title=value 1::some message\n"
        );
    }

    fn report(fails: usize, warns: usize) -> Report {
        let mut r = Report::new("doctor", "plumb.toml");
        for i in 0..fails {
            r.push(
                Check::new(
                    format!("e{i}/tls.expiry"),
                    "Expiry",
                    Status::Fail,
                    "expired",
                )
                .remedy("Renew, now.\nThen reload"),
            );
        }
        for i in 0..warns {
            r.push(Check::new(
                format!("w{i}/dns.ttl"),
                "TTL",
                Status::Warn,
                "low",
            ));
        }
        r.push(Check::new("ok.ok", "Fine", Status::Pass, "fine"));
        r
    }

    fn lines_of<'a>(out: &'a str, prefix: &str) -> Vec<&'a str> {
        out.lines().filter(|l| l.starts_with(prefix)).collect()
    }

    #[test]
    fn one_annotation_per_failing_or_warning_check_with_its_remedies() {
        let out = annotations(&report(2, 1));
        let errors = lines_of(&out, "::error ");
        assert_eq!(errors.len(), 2, "{out}");
        assert_eq!(
            errors[0],
            "::error title=e0/tls.expiry::Expiry: expired%0Afix: Renew, now.\\u{a}Then reload"
        );
        assert_eq!(lines_of(&out, "::warning ").len(), 1);
        assert_eq!(out.lines().count(), 3, "no annotation for a pass: {out}");
    }

    #[test]
    fn beyond_ten_of_a_kind_the_rest_fold_into_one() {
        for (n, shown) in [(9, 9), (10, 10), (11, 10), (25, 10)] {
            let out = annotations(&report(n, n));
            for kind in ["::error ", "::warning "] {
                let lines = lines_of(&out, kind);
                assert_eq!(lines.len(), shown, "{n} {kind}: {out}");
                if n > PER_STEP {
                    let last = lines[PER_STEP - 1];
                    let more = n - (PER_STEP - 1);
                    assert!(
                        last.contains(&format!("title=plumb%3A {more} more")),
                        "{last}"
                    );
                    // Every folded check is named, none twice.
                    let first_folded = if kind == "::error " { "e9/" } else { "w9/" };
                    assert!(last.contains(first_folded), "{last}");
                    assert!(!last.contains("e8/") && !last.contains("w8/"), "{last}");
                }
            }
        }
    }

    #[test]
    fn hostile_text_stays_one_command() {
        let mut r = Report::new("t", "x");
        r.push(Check::new(
            "a.b,c:d",
            "T",
            Status::Fail,
            "x\r\n::set-env name=A::B\n%0A\u{202e}",
        ));
        let out = annotations(&r);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.starts_with("::error title=a.b%2Cc%3Ad::"), "{out}");
        assert!(!out.contains('\u{202e}') && !out.contains('\r'), "{out}");
    }

    #[test]
    fn the_text_report_prints_with_commands_stopped() {
        let opts = RenderOptions {
            format: super::super::Format::Github,
            color: true,
            quiet: false,
            verbose: false,
            fail_on: Status::Fail,
        };
        let mut r = report(1, 0);
        r.push(Check::new("x.y", "Y", Status::Info, "::error::injected"));
        let out = render(&r, &opts);
        let first = out.lines().next().unwrap();
        let token = first.strip_prefix("::stop-commands::").expect(first);
        assert!(token.len() >= 32, "{token}");
        let end = format!("::{token}::");
        let (inside, after) = out.split_once(&end).expect("commands resume");
        assert!(inside.contains("injected") && !inside.contains('\u{1b}'));
        assert_eq!(lines_of(after, "::error ").len(), 1, "{after}");
        assert_ne!(stop_token(), stop_token());
    }

    #[test]
    fn cells_cannot_break_the_table_or_make_markup() {
        assert_eq!(cell("a|b"), "a\\|b");
        assert_eq!(cell("one\r\ntwo\nthree"), "one<br>two<br>three");
        assert_eq!(cell("<img src=x>"), "&lt;img src\\=x&gt;");
        assert_eq!(cell("[x](http://e)"), "\\[x\\]\\(http\\://e\\)");
        assert_eq!(cell("\u{1b}[31m"), "\\\\u\\{1b\\}\\[31m");
    }

    #[test]
    fn step_summary_has_verdict_table_and_remedies() {
        let md = step_summary(&report(1, 1), 1, 0);
        assert!(
            md.starts_with("### ✗ plumb doctor plumb\\.toml: fail"),
            "{md}"
        );
        assert!(md.contains("exit code 1"), "{md}");
        assert!(
            md.contains("| ✗ | e0/tls\\.expiry | fail | Expiry\\: expired |"),
            "{md}"
        );
        assert!(md.contains("<details><summary>How to fix e0/tls\\.expiry</summary>"));
        assert!(md.contains("1. Renew, now\\.<br>Then reload"), "{md}");
        assert!(!md.contains("not shown"), "{md}");
    }

    #[test]
    fn step_summary_stays_under_budget_with_a_note() {
        let big = report(5000, 0);
        let md = step_summary(&big, 1, 0);
        assert!(md.len() <= SUMMARY_BUDGET, "{}", md.len());
        assert!(
            md.contains("more line(s) not shown"),
            "{}",
            &md[md.len() - 300..]
        );
        // Space another tool already used counts against the budget.
        let md = step_summary(&big, 1, (SUMMARY_BUDGET - 10_000) as u64);
        assert!(md.len() <= 10_000, "{}", md.len());
        assert!(md.ends_with("in the step log._\n"));
        assert!(step_summary(&big, 1, SUMMARY_BUDGET as u64).is_empty());
    }
}
