//! One module per command. Each takes its arguments and a [`crate::context::Ctx`]
//! and returns a [`crate::report::Report`]; none prints or exits.

pub mod check;
pub mod credential;
pub mod dns;
pub mod doctor;
pub mod endpoint;
pub mod explain;
pub mod logs;
pub mod ratelimit;
pub mod records;
pub mod signature;
pub mod tls;
pub mod webhook;

use crate::context::OUT_OF_TIME;
use crate::report::{Report, Status};

/// Once the run's budget has cut one step, every later check skipped for
/// want of an earlier result was not run for the same reason: says so,
/// so the report names everything the budget left out.
pub fn unrun_after_budget(report: &mut Report) {
    let Some(first) = report
        .checks
        .iter()
        .position(|c| c.status == Status::Skip && c.summary.starts_with(OUT_OF_TIME))
    else {
        return;
    };
    // Skips that follow from a missing earlier answer, not from a flag.
    let for_want_of = [
        "not run: authentication failed",
        "no endpoint to read",
        "not judged:",
        "no connection to judge",
    ];
    for check in &mut report.checks[first + 1..] {
        if check.status == Status::Skip && for_want_of.iter().any(|w| check.summary.starts_with(w))
        {
            check.summary = format!("{OUT_OF_TIME} ran out before an earlier step finished");
        }
    }
}
