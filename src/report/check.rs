use serde::Serialize;
use serde_json::{Map, Value};
use std::time::{Duration, Instant};

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Skip,
    Info,
}

impl Status {
    /// Whether this status takes part in the report's worst status.
    pub fn counts(self) -> bool {
        matches!(self, Status::Pass | Status::Warn | Status::Fail)
    }

    /// pass < warn < fail; skip and info rank with pass.
    pub fn severity(self) -> u8 {
        match self {
            Status::Warn => 1,
            Status::Fail => 2,
            Status::Pass | Status::Skip | Status::Info => 0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Info => "info",
        }
    }
}

/// One finding: a stable id, a verdict, and the evidence behind it.
///
/// Only a declaration ([`Def`]) makes one, and its fields are the report's
/// own: a probe reads them through the accessors below and changes a
/// check only through its methods, so an id and a title always come from
/// the declaration (with the situational part a family id, a subject or a
/// section adds).
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub(in crate::report) id: String,
    /// The part of a report the check belongs to (a doctor entry's name),
    /// for formats that group checks; absent for commands without parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(in crate::report) section: Option<String>,
    pub(in crate::report) title: String,
    pub(in crate::report) status: Status,
    pub(in crate::report) summary: String,
    /// Evidence, in the order the probe added it.
    pub(in crate::report) details: Map<String, Value>,
    /// Ordered steps that fix the problem.
    pub(in crate::report) remediation: Vec<String>,
    pub(in crate::report) duration_ms: u64,
    /// Whether `duration_ms` was measured ([`Check::took`]) rather than
    /// left at zero.
    #[serde(skip)]
    pub(in crate::report) timed: bool,
    /// The subject of a per-subject check ([`Check::about`]), kept apart
    /// for formats that label it.
    #[serde(skip)]
    pub(in crate::report) subject: Option<String>,
    /// Typed measurements behind the verdict, for formats that carry
    /// numbers (Prometheus); the same values are in `details` as text.
    #[serde(skip)]
    pub(in crate::report) figures: Vec<Figure>,
}

/// A measurement a check made, as a number with its unit in its kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub(in crate::report) kind: FigureKind,
    /// The one label a kind adds (`resolver`, `phase`, `certificate`).
    pub(in crate::report) label: Option<String>,
    pub(in crate::report) value: f64,
}

/// What a figure measures; each is one metric family of the Prometheus
/// format (docs/prometheus.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FigureKind {
    /// A certificate's notAfter, Unix seconds; the label says which
    /// (`leaf`, or `chain` for the first of the chain to expire).
    NotAfter,
    /// The share of a rate-limit quota still left, 0 to 1.
    RemainingRatio,
    /// How long one resolver took to answer, seconds; labelled by resolver.
    DnsAnswer,
    /// One phase of a request, seconds; labelled by phase.
    Phase,
}

/// The phases of a request a figure may name.
pub const PHASES: &[&str] = &["dns", "connect", "tls", "first_byte", "total"];

impl Check {
    /// Only a declaration makes a check ([`Def::check`] and its kin), so
    /// no probe can report a check `plumb` does not declare; the report's
    /// own tests build bare ones.
    pub(super) fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        status: Status,
        summary: impl Into<String>,
    ) -> Self {
        Check {
            id: id.into(),
            section: None,
            title: title.into(),
            status,
            summary: summary.into(),
            details: Map::new(),
            remediation: Vec::new(),
            duration_ms: 0,
            timed: false,
            subject: None,
            figures: Vec::new(),
        }
    }

    /// Adds one piece of evidence; a key added twice keeps the later value.
    pub fn detail(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.details.insert(key.into(), value.into());
        self
    }

    /// Adds one remediation step.
    pub fn remedy(mut self, step: impl Into<String>) -> Self {
        self.remediation.push(step.into());
        self
    }

    /// Adds remediation steps in order.
    pub fn remedies<S: Into<String>>(mut self, steps: impl IntoIterator<Item = S>) -> Self {
        self.remediation.extend(steps.into_iter().map(Into::into));
        self
    }

    /// Places the check in a section of the report (a doctor entry); its
    /// id then carries the section's name: `NAME/tls.expiry`.
    pub fn in_section(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        self.id = format!("{name}/{}", self.id);
        self.section = Some(name);
        self
    }

    /// Names the subject of a check a command makes once per subject (a
    /// host name of `plumb dns`): `dns.resolve[api.stripe.com]`.
    pub fn about(mut self, subject: &str) -> Self {
        self.id = format!("{}[{subject}]", self.id);
        self.subject = Some(subject.to_string());
        self
    }

    /// Changes the verdict once later evidence decides it.
    pub fn set_status(&mut self, status: Status) {
        self.status = status;
    }

    /// Rewrites the one-line summary once later evidence decides it.
    pub fn set_summary(&mut self, summary: impl Into<String>) {
        self.summary = summary.into();
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The report section the check belongs to, if any.
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn summary(&self) -> &str {
        &self.summary
    }

    pub fn details(&self) -> &Map<String, Value> {
        &self.details
    }

    pub fn remediation(&self) -> &[String] {
        &self.remediation
    }

    pub fn duration_ms(&self) -> u64 {
        self.duration_ms
    }

    pub fn took(mut self, duration: Duration) -> Self {
        self.duration_ms = u64::try_from(duration.as_millis()).unwrap_or(u64::MAX);
        self.timed = true;
        self
    }

    /// Whether the check measured its own duration.
    pub fn timed(&self) -> bool {
        self.timed
    }

    /// The subject of a per-subject check (`dns.resolve[NAME]`'s NAME).
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The typed measurements the check carries.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    fn figure(mut self, kind: FigureKind, label: Option<&str>, value: f64) -> Self {
        if value.is_finite() {
            self.figures.push(Figure {
                kind,
                label: label.map(str::to_string),
                value,
            });
        }
        self
    }

    /// The leaf certificate's notAfter and the first notAfter of the whole
    /// chain (the leaf's own when it expires first), in Unix seconds.
    pub fn not_after(self, leaf: i64, chain_first: i64) -> Self {
        self.figure(FigureKind::NotAfter, Some("leaf"), leaf as f64)
            .figure(FigureKind::NotAfter, Some("chain"), chain_first as f64)
    }

    /// The share of a quota still left (`remaining / limit`, 0 to 1).
    pub fn remaining_ratio(self, ratio: f64) -> Self {
        self.figure(FigureKind::RemainingRatio, None, ratio.clamp(0.0, 1.0))
    }

    /// How long `resolver` took to answer.
    pub fn answer_time(self, resolver: &str, took: Duration) -> Self {
        self.figure(FigureKind::DnsAnswer, Some(resolver), took.as_secs_f64())
    }

    /// How long one phase of a request took; `phase` is one of [`PHASES`].
    pub fn phase_time(self, phase: &'static str, took: Duration) -> Self {
        debug_assert!(PHASES.contains(&phase), "unknown phase {phase}");
        self.figure(FigureKind::Phase, Some(phase), took.as_secs_f64())
    }
}

/// A check as its probe declares it, once: the stable id, the title every
/// report shows, what it judges (for the generated check reference and
/// help), and the remedies that always apply when it warns or fails.
///
/// Probes make their checks from these declarations, so an id, a title or
/// a standing remedy is written in one place, and `plumb`'s list of every
/// check ([`crate::probes::CHECKS`]) is the set of declarations.
#[derive(Debug)]
pub struct Def {
    /// Stable dotted id (`tls.expiry`). A family of ids made at run time
    /// (one per catalogue entry, per log class) names its varying part in
    /// braces: `explain.{entry}`.
    pub id: &'static str,
    pub title: &'static str,
    /// What the check judges, one sentence.
    pub judges: &'static str,
    /// Steps added to every warn or fail made from this declaration,
    /// before any the probe adds for the particular cause.
    pub remedies: &'static [&'static str],
}

impl Def {
    /// A check from this declaration; a warn or fail carries the standing
    /// remedies.
    pub fn check(&self, status: Status, summary: impl Into<String>) -> Check {
        self.make(self.id.to_string(), status, summary)
    }

    /// A check of an id family (`explain.{entry}`), its varying part filled
    /// in by the probe.
    pub fn check_as(&self, id: String, status: Status, summary: impl Into<String>) -> Check {
        debug_assert!(self.is_family(), "{} is not an id family", self.id);
        self.make(id, status, summary)
    }

    /// A check of an id family whose title names its member as the id
    /// does (`explain.401` titled as the catalogue entry, `logs.timeout`
    /// titled "Timeouts"); the declaration's title is the pattern.
    pub fn check_titled(
        &self,
        id: String,
        title: impl Into<String>,
        status: Status,
        summary: impl Into<String>,
    ) -> Check {
        debug_assert!(self.is_family(), "{} is not an id family", self.id);
        let mut check = self.make(id, status, summary);
        check.title = title.into();
        check
    }

    fn make(&self, id: String, status: Status, summary: impl Into<String>) -> Check {
        let mut check = Check::new(id, self.title, status, summary);
        if matches!(status, Status::Warn | Status::Fail) {
            check = check.remedies(self.remedies.iter().copied());
        }
        check
    }

    pub fn pass(&self, summary: impl Into<String>) -> Check {
        self.check(Status::Pass, summary)
    }

    pub fn warn(&self, summary: impl Into<String>) -> Check {
        self.check(Status::Warn, summary)
    }

    pub fn fail(&self, summary: impl Into<String>) -> Check {
        self.check(Status::Fail, summary)
    }

    pub fn skip(&self, summary: impl Into<String>) -> Check {
        self.check(Status::Skip, summary)
    }

    pub fn info(&self, summary: impl Into<String>) -> Check {
        self.check(Status::Info, summary)
    }

    /// Whether the id is a family (`explain.{entry}`) rather than one id.
    pub fn is_family(&self) -> bool {
        self.id.contains('{')
    }
}

/// Measures how long a check took.
#[derive(Debug, Clone, Copy)]
pub struct Timer(Instant);

impl Timer {
    pub fn start() -> Self {
        Timer(Instant::now())
    }

    pub fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }
}
