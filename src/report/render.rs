use super::{github, json, junit, prometheus, text, Report, Status};

/// Output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Junit,
    /// GitHub Actions: the text report, annotations, a step summary.
    Github,
    /// The Prometheus text exposition format (docs/prometheus.md).
    Prometheus,
}

/// How a report is rendered; decided once by the app from the global flags.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub format: Format,
    pub color: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// The lowest status that fails the run (`--fail-on`).
    pub fail_on: Status,
}

/// Renders `report` in the chosen format. `exit_code` is the one the process
/// will end with, which the JSON carries.
/// Every format renders the redacted report: nothing reaches output
/// without passing [`Report::redacted`].
pub fn render(report: &Report, opts: &RenderOptions, exit_code: u8) -> String {
    let report = &report.redacted();
    match opts.format {
        Format::Text => text::render(report, opts),
        Format::Json => json::render(report, exit_code),
        Format::Junit => junit::render(report, opts.fail_on),
        Format::Github => github::render(report, opts),
        Format::Prometheus => prometheus::render(report),
    }
}

/// The Markdown `--format github` appends to a GitHub Actions step summary
/// (`GITHUB_STEP_SUMMARY`), from the redacted report like every format;
/// `used` is the bytes the summary file already holds.
pub fn step_summary(report: &Report, exit_code: u8, used: u64) -> String {
    github::step_summary(&report.redacted(), exit_code, used)
}

/// The JSON report on one line (after live NDJSON events), redacted as
/// [`render`] redacts.
pub fn render_json_line(report: &Report, exit_code: u8) -> String {
    json::render_line(&report.redacted(), exit_code)
}
