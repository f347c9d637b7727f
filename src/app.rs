//! Dispatch: parse → probe → render → exit code. The only module that
//! writes the report (standard output or `-o`) and error lines (standard
//! error); the only other output is the progress bars and spinners some
//! probes draw on standard error when `Ctx::progress` allows it.
#![allow(clippy::disallowed_macros)]

use crate::cli::{Cli, ColorChoice, FailOn, GlobalArgs};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::Target;
use crate::report::{self, Format, RenderOptions, Status};
use clap::Parser;
use std::future::Future;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::task::{Context, Poll, Waker};
use std::time::SystemTime;

pub fn main() -> ExitCode {
    install_panic_hook();
    let cli = match Cli::try_parse() {
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
    let global = cli.global;
    // Checked before any probe runs; the report replaces the file only
    // once it is complete.
    let output = output_target(&global)?;
    check_ca_file(&global)?;
    let format = if global.json {
        Format::Json
    } else {
        global.format
    };
    // Progress goes to standard error, and only where a person watches a
    // text report being made (docs/commands.md, "Global flags").
    let progress = format == Format::Text && !global.quiet && std::io::stderr().is_terminal();
    let ctx =
        Ctx::new(global.timeout, global.ca_file.clone(), SystemTime::now()).with_progress(progress);
    let report = if cli.command.needs_runtime() {
        block_on_network(cli.command.run(&ctx))?
    } else {
        block_on_offline(cli.command.run(&ctx))?
    }
    .finish();

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
    let out = report::render(&report, &opts, code);
    write_output(output.as_ref(), out.as_bytes())?;
    Ok(code)
}

/// Runs a network command on a single-threaded tokio runtime: plumb's
/// concurrency is I/O, and one thread keeps start-up and memory small.
fn block_on_network<T>(fut: impl Future<Output = Result<T>>) -> Result<T> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(fut);
    // Dropping a runtime waits for its blocking threads, and the operating
    // system's resolver (getaddrinfo, run on one) can outlast --timeout by
    // many seconds; the answer is no longer wanted, so do not wait for it.
    runtime.shutdown_background();
    result
}

/// Drives a command's future to completion without an async runtime.
/// Offline commands never wait on I/O, so their futures are ready on the
/// first poll; network commands run on [`block_on_network`]'s runtime.
fn block_on_offline<T>(fut: impl Future<Output = Result<T>>) -> Result<T> {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    match fut.as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => Err(Error::Internal(
            "an offline command waited on I/O".to_string(),
        )),
    }
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
            let _ = writeln!(
                std::io::stderr(),
                "plumb: {}",
                crate::error::clap_message(&e)
            );
            ExitCode::from(2)
        }
    }
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
