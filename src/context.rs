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
    now: SystemTime,
}

impl Ctx {
    pub fn new(timeout: Duration, ca_file: Option<PathBuf>, now: SystemTime) -> Self {
        Ctx {
            timeout,
            ca_file,
            now,
        }
    }

    /// The moment the command started.
    pub fn now(&self) -> SystemTime {
        self.now
    }
}
