//! The catalogue of errors, statuses and log messages that `explain` and
//! `logs` (for each class's remedy) draw on: remediation text as data, in one place.
//!
//! Entries are static, so looking one up costs no parsing at start-up.

mod entries;
mod lookup;

pub use entries::ENTRIES;
pub use lookup::{lookup, normalize, Lookup};

/// The remedy when a host name does not resolve, worded once for every
/// probe that connects (`tls`, `endpoint`, `check`).
pub const NAME_DID_NOT_RESOLVE: &str = "Check the host name; compare what your resolver and a public one (8.8.8.8, 1.1.1.1) answer: plumb dns HOST asks both at once.";

/// Where an integration sits, which changes who can fix an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// An outside system calls your platform's webhook URL.
    InboundWebhook,
    /// Your platform delivers events to an endpoint someone configured.
    OutboundWebhook,
    /// A step you configured that calls a third-party API directly.
    CustomNode,
    /// A ready-made connector to a third-party service.
    Prebuilt,
    /// Events your own systems post into the platform.
    CustomEvent,
}

impl Context {
    pub const ALL: [Context; 5] = [
        Context::InboundWebhook,
        Context::OutboundWebhook,
        Context::CustomNode,
        Context::Prebuilt,
        Context::CustomEvent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Context::InboundWebhook => "inbound-webhook",
            Context::OutboundWebhook => "outbound-webhook",
            Context::CustomNode => "custom-node",
            Context::Prebuilt => "prebuilt",
            Context::CustomEvent => "custom-event",
        }
    }
}

/// What sort of thing an entry explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    HttpStatus,
    PlatformCode,
    LogMessage,
    ErrorMessage,
    Status,
    Webhook,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::HttpStatus => "HTTP status",
            Kind::PlatformCode => "platform error code",
            Kind::LogMessage => "log message",
            Kind::ErrorMessage => "error message",
            Kind::Status => "integration status",
            Kind::Webhook => "webhook behaviour",
        }
    }
}

/// One explained error, status or message.
#[derive(Debug)]
pub struct Entry {
    /// Stable dotted id; `explain.{id}` is the check id.
    pub id: &'static str,
    pub kind: Kind,
    /// What a user may type or see; the first is the display name.
    pub names: &'static [&'static str],
    pub title: &'static str,
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    /// Steps that apply wherever the error shows up.
    pub remedy: &'static [&'static str],
    /// Steps for particular contexts; an empty list means the error does
    /// not arise there. Contexts not listed use `remedy`.
    pub contexts: &'static [(Context, &'static [&'static str])],
}

impl Entry {
    /// The steps for `context`: `None` when the error does not arise there.
    pub fn remedy_for(&self, context: Context) -> Option<&'static [&'static str]> {
        match self.contexts.iter().find(|(c, _)| *c == context) {
            Some((_, [])) => None,
            Some((_, steps)) => Some(steps),
            None => Some(self.remedy),
        }
    }

    pub fn name(&self) -> &'static str {
        self.names[0]
    }
}

/// The entry with this id, or `None` for an id the catalogue lacks.
pub fn by_id(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for e in ENTRIES {
            assert!(ids.insert(e.id), "duplicate id {}", e.id);
            assert!(
                e.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
                "bad id {}",
                e.id
            );
            assert!(!e.names.is_empty(), "{} has no names", e.id);
            for n in e.names {
                assert!(names.insert(normalize(n)), "name {n:?} used twice");
            }
            assert!(!e.remedy.is_empty(), "{} has no remedy", e.id);
            assert!(!e.meaning.is_empty() && !e.title.is_empty());
        }
    }

    #[test]
    fn every_platform_code_has_an_entry_for_every_context() {
        let codes = [
            "308", "400", "401", "403", "404", "405", "406", "408", "409", "413", "429", "500",
            "502", "503", "504", "521", "523", "804", "811", "816", "844", "852", "882", "883",
            "884",
        ];
        for code in codes {
            let e = ENTRIES
                .iter()
                .find(|e| e.names.contains(&code))
                .unwrap_or_else(|| panic!("no entry for {code}"));
            assert_eq!(
                e.contexts.len(),
                5,
                "{code} must say something for all five contexts"
            );
            for c in Context::ALL {
                assert!(
                    e.contexts.iter().any(|(x, _)| *x == c),
                    "{code} lacks {}",
                    c.as_str()
                );
            }
        }
    }

    #[test]
    fn sync_statuses_and_log_patterns_are_covered() {
        for q in [
            "Active",
            "Processing",
            "Rate Limited",
            "Error",
            "Paused",
            "Setup Incomplete",
            "Failed Sync",
            "Expired Credentials",
            "Connection timeout",
            "Invalid credentials",
            "Rate limit exceeded",
            "Record validation failed",
            "Invalid signature",
            "woocommerce_rest_authentication_error",
            "circuit breaker",
        ] {
            assert!(matches!(lookup(q), Lookup::Found { .. }), "{q} not found");
        }
    }
}
