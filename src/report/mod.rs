//! The one report model every command returns, and its renderers.
//!
//! Probes build a [`Report`]; only [`render`] turns it into bytes.

mod check;
pub mod github;
pub mod json;
pub mod junit;
pub mod live;
pub mod prometheus;
mod render;
pub mod text;

pub use check::{Check, Def, Figure, FigureKind, Status, Timer, PHASES};
pub use live::Event;
pub use render::{render, render_json_line, step_summary, Format, RenderOptions};

use crate::redact::{scan, Entropy, Known, Pass, Tally};
use crate::secret::Secret;
use std::time::{Duration, SystemTime};

/// Redacts every string inside a detail value.
fn redact_value(v: &mut serde_json::Value, f: &mut impl FnMut(&str) -> String) {
    match v {
        serde_json::Value::String(s) => *s = f(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| redact_value(i, f)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|i| redact_value(i, f)),
        _ => {}
    }
}

/// What one command found about one target.
#[derive(Debug, Clone)]
pub struct Report {
    /// The command that produced it (`tls`, `explain`, `doctor`).
    pub command: String,
    /// What was examined, already safe to print (secrets masked).
    pub target: String,
    pub started_at: SystemTime,
    pub duration: Duration,
    pub checks: Vec<Check>,
    /// Output a command's users paste elsewhere (`sign`'s `Name: value`
    /// lines), part of the report in every format: the text format prints
    /// it, escaped, instead of the checks; JSON carries it as `raw_text`
    /// beside the checks; JUnit, a list of test cases, has the checks.
    pub raw_text: Option<String>,
    /// The secrets the command sent: every string of the report is
    /// scrubbed of them, in each encoding, before any format renders it.
    secrets: Vec<Secret>,
}

impl Report {
    pub fn new(command: impl Into<String>, target: impl Into<String>) -> Self {
        Report {
            command: command.into(),
            target: target.into(),
            started_at: SystemTime::now(),
            duration: Duration::ZERO,
            checks: Vec::new(),
            raw_text: None,
            secrets: Vec::new(),
        }
    }

    /// Records a secret the command sent, so that no rendering shows it.
    pub fn add_secret(&mut self, secret: &Secret) {
        if !self.secrets.contains(secret) {
            self.secrets.push(secret.clone());
        }
    }

    /// Records every secret of `secrets` (see [`Report::add_secret`]).
    pub fn add_secrets(&mut self, secrets: &[Secret]) {
        for s in secrets {
            self.add_secret(s);
        }
    }

    /// The report as it may be shown: every string (target, titles,
    /// summaries, detail values, remedies, raw text) with the secrets the
    /// command sent masked in every encoding, and credential shapes masked.
    /// The target is foreign text (an argument) and gets the entropy pass.
    pub fn redacted(&self) -> Report {
        self.redacted_counted(false, &mut Tally::default())
    }

    /// [`Report::redacted`], counting what it masks by kind in `tally`;
    /// with `personal`, email addresses and phone numbers are masked to
    /// their shape too (a report that leaves the machine: `plumb bundle`).
    pub fn redacted_counted(&self, personal: bool, tally: &mut Tally) -> Report {
        let known = Known::from_secrets(&self.secrets);
        let own_pass = Pass {
            entropy: Entropy::Off,
            personal,
        };
        let foreign_pass = Pass {
            entropy: Entropy::On,
            personal,
        };
        let mut own = |s: &str| {
            let sent = known.apply_counted(s, tally);
            scan(&sent, own_pass, tally)
        };
        let mut out = self.clone();
        out.secrets.clear();
        out.raw_text = self.raw_text.as_deref().map(&mut own);
        for c in &mut out.checks {
            c.title = own(&c.title);
            c.summary = own(&c.summary);
            for v in c.details.values_mut() {
                redact_value(v, &mut own);
            }
            for r in &mut c.remediation {
                *r = own(r);
            }
        }
        let sent = known.apply_counted(&self.target, tally);
        out.target = scan(&sent, foreign_pass, tally);
        out
    }

    pub fn push(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// Records the time since `started_at` as the report's duration.
    pub fn finish(mut self) -> Self {
        self.duration = self.started_at.elapsed().unwrap_or_default();
        self
    }

    /// The worst status among checks that count (skip and info do not).
    pub fn status(&self) -> Status {
        self.checks
            .iter()
            .map(|c| c.status)
            .filter(|s| s.counts())
            .max_by_key(|s| s.severity())
            .unwrap_or(Status::Pass)
    }

    /// How many checks have `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }

    /// The exit code this report earns under `fail_on`: 1 when its worst
    /// counting status reaches `fail_on`, else 0 (README "Exit codes").
    pub fn exit_code(&self, fail_on: Status) -> u8 {
        let worst = self.status();
        if worst.severity() >= fail_on.severity() && worst.counts() {
            1
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(statuses: &[Status]) -> Report {
        let mut r = Report::new("test", "target");
        for (i, s) in statuses.iter().enumerate() {
            r.push(Check::new(format!("t.c{i}"), "T", *s, "s"));
        }
        r
    }

    #[test]
    fn worst_status_ignores_skip_and_info() {
        assert_eq!(report(&[]).status(), Status::Pass);
        assert_eq!(report(&[Status::Info, Status::Skip]).status(), Status::Pass);
        assert_eq!(report(&[Status::Pass, Status::Warn]).status(), Status::Warn);
        assert_eq!(
            report(&[Status::Fail, Status::Warn, Status::Info]).status(),
            Status::Fail
        );
    }

    #[test]
    fn exit_code_follows_fail_on() {
        let warn = report(&[Status::Pass, Status::Warn]);
        assert_eq!(warn.exit_code(Status::Fail), 0);
        assert_eq!(warn.exit_code(Status::Warn), 1);
        let fail = report(&[Status::Fail]);
        assert_eq!(fail.exit_code(Status::Fail), 1);
        assert_eq!(fail.exit_code(Status::Warn), 1);
        let ok = report(&[Status::Pass, Status::Info, Status::Skip]);
        assert_eq!(ok.exit_code(Status::Warn), 0);
    }
}
