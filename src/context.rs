//! What every probe receives besides its own arguments.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

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
}
