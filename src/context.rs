//! What every probe receives besides its own arguments.

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
    now: SystemTime,
}

impl Ctx {
    pub fn new(timeout: Duration, ca_file: Option<PathBuf>, now: SystemTime) -> Self {
        Ctx {
            timeout,
            ca_file,
            progress: false,
            now,
        }
    }

    /// Allows (or forbids) progress bars and spinners on standard error.
    pub fn with_progress(mut self, on: bool) -> Self {
        self.progress = on;
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
}

/// Unix seconds of `t` (negative before 1970).
pub fn unix(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    }
}
