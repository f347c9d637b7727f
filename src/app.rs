//! Dispatch: parse → probe → render → exit code. The only module that
//! writes the report (standard output or `-o`) and error lines (standard
//! error); the only other output is the progress bars and spinners some
//! probes draw on standard error (src/progress.rs) when `Ctx::progress`
//! allows it.
#![allow(clippy::disallowed_macros)]

use crate::cli::{Cli, ColorChoice, FailOn, GlobalArgs};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::Target;
use crate::report::{self, Format, RenderOptions, Status};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

pub fn main() -> ExitCode {
    install_panic_hook();
    let parsed = crate::cli::command()
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "plumb: {}",
                crate::error::one_line(&e.to_string())
            );
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    let mut global = cli.global;
    let mut command = cli.command;
    command.take_output(&mut global.output);
    // Checked before any probe runs; the report replaces the file only
    // once it is complete.
    let output = output_target(&global)?;
    check_ca_file(&global)?;
    let format = if global.json {
        Format::Json
    } else {
        global.format.into()
    };
    let summary = step_summary_file(format)?;
    // Progress goes to standard error, and only where a person watches a
    // text report being made (docs/commands.md, "Global flags").
    let progress = format == Format::Text && !global.quiet && std::io::stderr().is_terminal();
    let max_time = global
        .max_time
        .unwrap_or_else(|| command.default_budget(global.timeout));
    let live_color =
        format == Format::Text && use_color(global.color, std::io::stdout().is_terminal());
    let (live, live_used) = live_sink(format, live_color, global.quiet);
    let ctx = Ctx::new(global.timeout, global.ca_file.clone(), SystemTime::now())
        .with_progress(progress)
        .with_max_time(max_time)
        .with_live(live);
    let watchdog = Watchdog::start(&ctx);
    let mut report = command.work()?.run(&ctx)?;
    watchdog.disarm();
    if let Some(check) = budget_check(&report, &ctx) {
        report.push(check);
    }
    let report = report.finish();

    let fail_on = match global.fail_on {
        FailOn::Fail => Status::Fail,
        FailOn::Warn => Status::Warn,
    };
    let to_terminal = output.is_none() && std::io::stdout().is_terminal();
    let opts = RenderOptions {
        format,
        color: format == Format::Text && use_color(global.color, to_terminal),
        quiet: global.quiet,
        verbose: global.verbose,
        fail_on,
    };
    let code = report.exit_code(fail_on);
    // After live events in NDJSON, the report is the last line of it.
    let out = if format == Format::Json && live_used.load(std::sync::atomic::Ordering::SeqCst) {
        report::render_json_line(&report, code)
    } else {
        report::render(&report, &opts, code)
    };
    write_output(output.as_ref(), out.as_bytes())?;
    if let Some(file) = summary {
        file.append(&report, code)?;
    }
    Ok(code)
}

/// The GitHub Actions step summary (`GITHUB_STEP_SUMMARY`) that
/// `--format github` appends to, opened before any probe runs so that a
/// file it cannot write stops the run with one line (exit 2).
struct StepSummary {
    shown: String,
    file: std::fs::File,
}

fn step_summary_file(format: Format) -> Result<Option<StepSummary>> {
    if format != Format::Github {
        return Ok(None);
    }
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let path = std::path::PathBuf::from(path);
    let shown = format!("GITHUB_STEP_SUMMARY {}", path.display());
    match std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
    {
        Ok(file) => Ok(Some(StepSummary { shown, file })),
        Err(e) => Err(Error::usage(format!(
            "{shown}: cannot append the step summary: {}",
            crate::input::io_reason(&e)
        ))),
    }
}

impl StepSummary {
    /// Appends the report's Markdown, never replacing what other steps'
    /// tools wrote, within the room the file has left.
    fn append(mut self, report: &report::Report, code: u8) -> Result<()> {
        let used = self.file.metadata().map(|m| m.len()).unwrap_or(0);
        let markdown = report::step_summary(report, code, used);
        self.file
            .write_all(markdown.as_bytes())
            .and_then(|()| self.file.flush())
            .map_err(|e| {
                Error::usage(format!(
                    "{}: cannot append the step summary: {}",
                    self.shown,
                    crate::input::io_reason(&e)
                ))
            })
    }
}

/// The live-event sink (docs/design.md, "Live events"): each event is
/// rendered by `report::live` and written at once — a text line (with a
/// failure's checks below it) or one NDJSON object on standard output,
/// before the report; with JUnit (standard output is one XML document)
/// the text lines go to standard error. A `ready` event (a listener's
/// address) is also one line on standard error in every format, so a
/// script can wait for it; with `--quiet` only failing and warning events
/// are shown as text. The flag says whether any went out as NDJSON.
fn live_sink(
    format: Format,
    color: bool,
    quiet: bool,
) -> (
    crate::context::Live,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let used = std::sync::Arc::new(AtomicBool::new(false));
    let seen = used.clone();
    let sink = crate::context::Live::new(move |event| {
        if event.kind == "ready" {
            let line = report::live::text_line(&event, false);
            let line = line.split_once(' ').map_or(line.as_str(), |(_, rest)| rest);
            let line = line.strip_prefix("i ").unwrap_or(line);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "plumb: ready: {line}");
            let _ = err.flush();
            if format != Format::Json {
                return;
            }
        }
        let quiet_hides = quiet && !matches!(event.status, Status::Fail | Status::Warn);
        match format {
            Format::Json => {
                seen.store(true, Ordering::SeqCst);
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(report::live::json_line(&event).as_bytes());
                let _ = out.flush();
            }
            Format::Text if !quiet_hides => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(report::live::text_line(&event, color).as_bytes());
                let _ = out.flush();
            }
            Format::Junit if !quiet_hides => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(report::live::text_line(&event, false).as_bytes());
                let _ = err.flush();
            }
            _ => {}
        }
    });
    (sink, used)
}

/// The safety net of the run's budget: every probe stops starting steps
/// when the budget is spent, but a read the operating system blocks (a
/// FIFO without a writer, a stalled pipe) cannot be interrupted from
/// inside. Shortly after the budget the process ends with one line.
struct Watchdog(std::sync::Arc<std::sync::atomic::AtomicBool>);

/// How long after the budget the watchdog waits for the report.
const WATCHDOG_GRACE: Duration = Duration::from_secs(2);

impl Watchdog {
    fn start(ctx: &Ctx) -> Watchdog {
        use std::sync::atomic::{AtomicBool, Ordering};
        let done = std::sync::Arc::new(AtomicBool::new(false));
        let seen = done.clone();
        let until = ctx.deadline.checked_add(WATCHDOG_GRACE);
        let max_time = ctx.max_time;
        let spawned = std::thread::Builder::new()
            .name("plumb-watchdog".into())
            .spawn(move || {
                let Some(until) = until else { return };
                loop {
                    let left = until.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        break;
                    }
                    std::thread::sleep(left);
                }
                if !seen.load(Ordering::SeqCst) {
                    let _ = writeln!(
                        std::io::stderr(),
                        "plumb: the run's time budget (--max-time {}) ran out and a step did not stop (an input that never ends or never arrives?); no report was written",
                        humantime::format_duration(max_time)
                    );
                    std::process::exit(2);
                }
            });
        // Without the thread the probes' own budget checks still apply.
        drop(spawned);
        Watchdog(done)
    }

    fn disarm(&self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A warning that names the checks the run's budget left unrun, when
/// there are any: a report never silently lacks them.
fn budget_check(report: &report::Report, ctx: &Ctx) -> Option<report::Check> {
    let unrun: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| {
            c.status() == Status::Skip && c.summary().starts_with(crate::context::OUT_OF_TIME)
        })
        .map(|c| c.id())
        .collect();
    if unrun.is_empty() {
        return None;
    }
    Some(
        crate::probes::BUDGET
            .warn(format!(
                "the run's time budget (--max-time {}) ran out: {} check(s) were not run",
                humantime::format_duration(ctx.max_time),
                unrun.len()
            ))
            .detail("not_run", serde_json::json!(unrun)),
    )
}

/// Writes the report to the `-o` file, or to standard output.
fn write_output(output: Option<&Target>, bytes: &[u8]) -> Result<()> {
    if let Some(target) = output {
        return target.write_all(bytes);
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        // A reader that stopped early (`| head`) is not an error; the
        // verdict still decides the exit code.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        // A full disk or a closed descriptor is this machine's problem,
        // as with `-o FILE`: exit 2.
        Err(e) => Err(Error::usage(format!(
            "standard output: cannot write the report: {}",
            crate::input::io_reason(&e)
        ))),
        Ok(()) => Ok(()),
    }
}

/// The `-o` file, checked so that a run that cannot write it fails before
/// any probe runs; `None` for standard output (no `-o`, or `-o -`).
fn output_target(global: &GlobalArgs) -> Result<Option<Target>> {
    match &global.output {
        Some(path) if path.as_os_str() != "-" => Target::prepare("--output", path).map(Some),
        _ => Ok(None),
    }
}

fn check_ca_file(global: &GlobalArgs) -> Result<()> {
    let Some(path) = &global.ca_file else {
        return Ok(());
    };
    let shown = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(Error::usage(format!("--ca-file {shown}: not a file"))),
        Err(e) => Err(Error::usage(format!(
            "--ca-file {shown}: {}",
            crate::input::io_reason(&e)
        ))),
    }
}

/// `--color`, then `NO_COLOR` (present and not empty: off, as no-color.org
/// defines it), then `CLICOLOR_FORCE` (anything but `0`: on), then whether
/// the report goes to a terminal.
pub fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                to_terminal
            }
        }
    }
}

/// Turns clap's multi-line errors into plumb's one line (exit 2), keeping
/// the tip or list of possible values. Help and version print as usual.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => match e.print() {
            Err(why) if why.kind() != std::io::ErrorKind::BrokenPipe => {
                let _ = writeln!(
                    std::io::stderr(),
                    "plumb: standard output: cannot write the help: {}",
                    crate::input::io_reason(&why)
                );
                ExitCode::from(2)
            }
            _ => ExitCode::SUCCESS,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let mut line = crate::cli::clap_message(&e);
            if let Some(tip) = subcommand_typo(&e) {
                // Ours replaces clap's, which misses swapped letters.
                let end = line.rfind(" (see").unwrap_or(line.len());
                let start = line.find("; tip:").unwrap_or(end);
                line.replace_range(start..end, &tip);
            }
            let _ = writeln!(std::io::stderr(), "plumb: {line}");
            ExitCode::from(2)
        }
    }
}

/// For a mistyped command, the commands one edit away (two for longer
/// names), counting two swapped letters as one edit: `dsn` → `dns`.
fn subcommand_typo(e: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue};
    if e.kind() != clap::error::ErrorKind::InvalidSubcommand {
        return None;
    }
    let Some(ContextValue::String(given)) = e.get(ContextKind::InvalidSubcommand) else {
        return None;
    };
    let given = given.to_ascii_lowercase();
    let allowed = if given.chars().count() <= 4 { 1 } else { 2 };
    let near: Vec<String> = crate::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| strsim::damerau_levenshtein(&given, name) <= allowed)
        .map(|name| format!("'{name}'"))
        .collect();
    (!near.is_empty()).then(|| format!("; tip: did you mean {}?", near.join(" or ")))
}

/// A safety net only: any panic becomes one line and exit code 3.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        // The exit below skips destructors: remove half-written files.
        crate::output::remove_temporaries();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let _ = writeln!(
            std::io::stderr(),
            "plumb: internal error: {}{place} (please report this)",
            crate::error::one_line(&message)
        );
        std::process::exit(3);
    }));
}
