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

    /// The process exit code for this error: 2 usage or unusable input, 3
    /// internal (README "Exit codes").
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Internal(_) => 3,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Joins a message's lines so every error is exactly one line, with any
/// credential-shaped value masked: errors quote arguments and file
/// contents, and a key given to the wrong flag must not be echoed.
pub fn one_line(s: &str) -> String {
    let joined = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    crate::escape::clean(&crate::redact::text(&joined))
}

/// The reason part of an I/O error, without Rust's `(os error 2)` suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}
