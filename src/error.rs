//! The two ways a command can end without a report.
//!
//! Everything a probe *finds* is a check in its report; these errors are for
//! input plumb cannot use (exit 2) and for plumb itself breaking (exit 3).

/// Why a command ended without producing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Unusable input: a malformed value, an unreadable file. Exit code 2.
    /// The message names the flag or file and fits on one line.
    #[error("{0}")]
    Usage(String),
    /// plumb could not complete. Exit code 3.
    #[error("{0}")]
    Internal(String),
}

impl Error {
    /// An input error; `message` names the flag or file at fault.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    /// The process exit code SPEC §1 assigns to this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Internal(_) => 3,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
