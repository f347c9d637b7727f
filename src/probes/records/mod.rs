//! `plumb records`: data-quality checks on exports before or after a sync.
//! `validate` finds the records a destination would reject; `diff`
//! compares a source and a destination export by key.

mod columns;
pub mod diff;
mod fields;
pub mod source;
mod tally;
pub mod validate;

use crate::context::Ctx;
use crate::error::Result;
use crate::report::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Records,
}

#[derive(Debug, clap::Subcommand)]
pub enum Records {
    /// Find the records a sync would reject: emails, names, dates, phones,
    /// addresses, duplicates
    Validate(validate::Args),
    /// Compare two exports by key: missing, extra, repeated and changed records
    Diff(diff::Args),
}

/// One line on a read that stopped early: which file, why, after how many
/// records, and the flag that moves the bound.
pub fn cut_note(file: &str, cut: crate::input::Cut, rows: u64, ctx: &Ctx) -> String {
    match cut {
        crate::input::Cut::Size(max) => format!(
            "{file}: read only its first {} of data (--max-input-size), {rows} record(s); the rest was not read",
            validate::human_size(max)
        ),
        crate::input::Cut::Time => format!(
            "{file}: the run's time budget (--max-time {}) ran out after {rows} record(s); the rest was not read",
            humantime::format_duration(ctx.max_time)
        ),
    }
}

pub fn run(args: Args, ctx: &Ctx) -> Result<Report> {
    match args.command {
        Records::Validate(a) => validate::run(a, ctx),
        Records::Diff(a) => diff::run(a, ctx),
    }
}
