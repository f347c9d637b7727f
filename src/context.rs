//! What every probe receives besides its own arguments.

use crate::report::Event;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The default whole-run budget, in multiples of `--timeout`: a command
/// makes a few bounded steps in a row.
pub const BUDGET_FACTOR: u32 = 5;

/// How every check that was not run because the budget was spent begins
/// its summary; the app counts them for the run's budget check.
pub const OUT_OF_TIME: &str = "not run: the run's time budget";

/// Shared settings from the global flags and the clock. Probes read time
/// from here (or from their own `--now`), never from the system directly,
/// so expiry and tolerance logic is testable without sleeping.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Bound for each network operation (`--timeout`).
    pub timeout: Duration,
    /// Extra trust anchor for TLS (`--ca-file`), already checked readable.
    pub ca_file: Option<PathBuf>,
    /// Whether a probe may draw progress on standard error: the app allows
    /// it only for text reports with standard error on a terminal.
    pub progress: bool,
    /// The whole run's budget (`--max-time`, default five × `--timeout`).
    pub max_time: Duration,
    /// When the budget runs out: no step starts after it, and no request
    /// outlasts it.
    pub deadline: Instant,
    /// Where a long-running command sends its live events (one per
    /// delivery, say) before its final report; the app installs it and
    /// decides how they render. Without one, events are dropped.
    pub live: Option<Live>,
    now: SystemTime,
}

/// The live-event sink: a probe calls [`Live::send`]; what happens to the
/// event (rendered by `report::live` and written at once) is the app's.
#[derive(Clone)]
pub struct Live(Arc<dyn Fn(Event) + Send + Sync>);

impl Live {
    pub fn new(sink: impl Fn(Event) + Send + Sync + 'static) -> Self {
        Live(Arc::new(sink))
    }

    pub fn send(&self, event: Event) {
        (self.0)(event);
    }
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Live")
    }
}

impl Ctx {
    /// Settings with the default budget ([`BUDGET_FACTOR`] × `timeout`),
    /// starting now.
    pub fn new(timeout: Duration, ca_file: Option<PathBuf>, now: SystemTime) -> Self {
        let max_time = timeout.saturating_mul(BUDGET_FACTOR);
        Ctx {
            timeout,
            ca_file,
            progress: false,
            max_time,
            deadline: after(max_time),
            live: None,
            now,
        }
    }

    /// Installs the live-event sink.
    pub fn with_live(mut self, live: Live) -> Self {
        self.live = Some(live);
        self
    }

    /// Sends a live event to the sink, if there is one.
    pub fn emit(&self, event: Event) {
        if let Some(live) = &self.live {
            live.send(event);
        }
    }

    /// Allows (or forbids) progress bars and spinners on standard error.
    pub fn with_progress(mut self, on: bool) -> Self {
        self.progress = on;
        self
    }

    /// A budget of `max_time` for the whole run, starting now.
    pub fn with_max_time(mut self, max_time: Duration) -> Self {
        self.max_time = max_time;
        self.deadline = after(max_time);
        self
    }

    /// Ends the budget at `deadline` if that is earlier (a doctor entry
    /// inside the run's budget).
    pub fn within(mut self, deadline: Instant) -> Self {
        self.deadline = self.deadline.min(deadline);
        self
    }

    /// The moment the command started.
    pub fn now(&self) -> SystemTime {
        self.now
    }

    /// The moment the command started, in Unix seconds.
    pub fn unix_now(&self) -> i64 {
        unix(self.now)
    }

    /// Whether the run's budget is spent: a probe starts no new step then.
    pub fn out_of_time(&self) -> bool {
        Instant::now() >= self.deadline
    }

    /// What is left of the budget.
    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// The summary of a check that was not run because the budget was
    /// spent; it begins with [`OUT_OF_TIME`].
    pub fn out_of_time_summary(&self) -> String {
        format!(
            "{OUT_OF_TIME} (--max-time {}) ran out before it started",
            humantime::format_duration(self.max_time)
        )
    }
}

/// Unix seconds of `t` (negative before 1970).
pub fn unix(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// `now + d`, or a year from now when that does not fit.
fn after(d: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(d)
        .unwrap_or_else(|| now + Duration::from_secs(86_400 * 365))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_budget_is_five_timeouts_and_a_doctor_entry_narrows_it() {
        let ctx = Ctx::new(Duration::from_secs(2), None, SystemTime::now());
        assert_eq!(ctx.max_time, Duration::from_secs(10));
        assert!(!ctx.out_of_time());
        let spent = ctx.clone().within(Instant::now());
        assert!(spent.out_of_time());
        assert!(spent.out_of_time_summary().starts_with(OUT_OF_TIME));
        let huge = ctx.with_max_time(Duration::MAX);
        assert!(huge.remaining() > Duration::from_secs(86_400));
    }
}
