//! `plumb records`: data-quality checks on exports before or after a sync.
//! `validate` finds the records a destination would reject; `diff`
//! compares a source and a destination export by key.

mod columns;
pub mod diff;
mod email;
mod fields;
mod phone;
pub mod source;
mod tally;
pub mod validate;

use crate::context::Ctx;
use crate::error::Result;
use crate::report::{Def, Report};

/// Repeated records: `validate` looks for repeated ids and emails shared
/// between ids, `diff` for keys repeated in either export. Shared by both
/// commands, so a `static`: one declaration at one address.
pub static DUPLICATES: Def = Def {
    id: "records.duplicates",
    title: "Duplicate records",
    judges: "Whether a record id (or --key value) appears more than once; validate also warns when records with different ids share an email.",
    remedies: &[],
};
/// Shared by both commands, like [`DUPLICATES`].
pub static LIMITS: Def = Def {
    id: "records.limits",
    title: "Limits reached",
    judges: "Whether a bound stopped the run short (--max-input-size, --max-time, the memory for keys and records, --max-bad-out); it warns and names each one, so a partial result never looks whole.",
    remedies: &[],
};

/// Every check `records validate` reports, in report order.
pub const VALIDATE_CHECKS: &[&Def] = &[
    &validate::EMAIL,
    &validate::NAME,
    &validate::DATE,
    &validate::PHONE,
    &validate::ADDRESS,
    &DUPLICATES,
    &validate::SUMMARY,
    &LIMITS,
];

/// Every check `records diff` reports, in report order.
pub const DIFF_CHECKS: &[&Def] = &[
    &diff::COUNT,
    &diff::MISSING,
    &diff::EXTRA,
    &DUPLICATES,
    &diff::CHANGED,
    &diff::NEAR_KEYS,
    &LIMITS,
];

#[derive(Debug)]
pub struct Options {
    pub command: Records,
}

#[derive(Debug)]
pub enum Records {
    /// Find the records a sync would reject: emails, names, dates, phones,
    /// addresses, duplicates
    Validate(validate::Options),
    /// Compare two exports by key: missing, extra, repeated and changed records
    Diff(diff::Options),
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

pub fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    match args.command {
        Records::Validate(a) => validate::run(a, ctx),
        Records::Diff(a) => diff::run(a, ctx),
    }
}
