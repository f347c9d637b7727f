//! `plumb explain`: what an error, status or log message means and how to
//! fix it, from the catalogue.

use crate::catalog::{self, Context, Entry, Lookup};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::{Check, Def, Report, Status};
use serde_json::Value;

#[derive(Debug)]
pub struct Options {
    /// An HTTP status (429), a platform code (882), a log message, an error
    /// string or a sync status; several words are joined
    pub query: Vec<String>,
    /// Where the error happened, which changes who can fix it
    pub context: Option<Context>,
    /// Print the whole catalogue
    pub list: bool,
}

/// One catalogue entry, by its id; the title is the entry's own.
pub const ENTRY: Def = Def {
    id: "explain.{entry}",
    title: "{entry}",
    judges: "Nothing: it tells what the catalogue entry means, its likely causes and the fix (for --context when given); with --list, one per entry.",
    remedies: &[],
};

/// Every check `explain` reports.
pub const ALL: &[&Def] = &[&ENTRY];

/// A check of the entry, titled as the entry is.
fn entry_check(entry: &Entry, title: String, summary: &str) -> Check {
    ENTRY.check_titled(
        format!("explain.{}", entry.id),
        title,
        Status::Info,
        summary,
    )
}

pub fn run(args: Options, _ctx: &Ctx) -> Result<Report> {
    if args.list {
        return Ok(list());
    }
    // A pasted log line may carry a credential: only its masked form is
    // ever shown (the report and error lines are redacted again later).
    let query = crate::redact::text(&args.query.join(" "));
    if query.trim().is_empty() {
        return Err(Error::usage(
            "QUERY is empty: give an HTTP status, error code, log message or status (see plumb explain --list)",
        ));
    }
    match catalog::lookup(&query) {
        Lookup::Found {
            entry,
            matched,
            exact,
        } => {
            let mut report = Report::new("explain", query.trim());
            report.push(explain(entry, matched, exact, args.context));
            Ok(report)
        }
        Lookup::NotFound { suggestions } => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!(
                    "; closest: {}",
                    suggestions
                        .iter()
                        .map(|s| format!("'{s}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            Err(Error::usage(format!(
                "nothing in the catalogue matches '{}'{hint} (plumb explain --list shows every entry)",
                query.trim()
            )))
        }
    }
}

fn explain(entry: &'static Entry, matched: &str, exact: bool, context: Option<Context>) -> Check {
    let mut check = entry_check(
        entry,
        format!("{} ({})", entry.title, entry.kind.as_str()),
        entry.meaning,
    );
    if !exact {
        check = check.detail("matched", matched);
    }
    if !entry.causes.is_empty() {
        check = check.detail("likely_causes", strings(entry.causes));
    }
    match context {
        Some(c) => match entry.remedy_for(c) {
            Some(steps) => check
                .detail("context", c.as_str())
                .remedies(steps.iter().copied()),
            None => check
                .detail(
                    "context",
                    format!(
                        "{}: this error does not arise there; general advice follows",
                        c.as_str()
                    ),
                )
                .remedies(entry.remedy.iter().copied()),
        },
        None => {
            check = check.remedies(entry.remedy.iter().copied());
            for c in Context::ALL {
                if entry.contexts.iter().any(|(x, _)| *x == c) {
                    let text = match entry.remedy_for(c) {
                        Some(steps) => steps.join(" "),
                        None => "does not arise here".to_string(),
                    };
                    check = check.detail(format!("in_{}", c.as_str().replace('-', "_")), text);
                }
            }
            check
        }
    }
}

fn list() -> Report {
    let mut report = Report::new("explain", "catalogue");
    for entry in catalog::ENTRIES {
        report.push(entry_check(
            entry,
            entry.title.to_string(),
            &format!("{}: {}", entry.kind.as_str(), entry.names.join(", ")),
        ));
    }
    report
}

fn strings(items: &[&str]) -> Value {
    Value::Array(items.iter().map(|s| Value::from(*s)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(query: &str, context: Option<Context>) -> Result<Report> {
        let args = Options {
            query: vec![query.to_string()],
            context,
            list: false,
        };
        run(
            args,
            &Ctx::new(
                std::time::Duration::from_secs(1),
                None,
                std::time::SystemTime::now(),
            ),
        )
    }

    #[test]
    fn context_selects_its_own_remedy() {
        let r = ask("429", Some(Context::CustomNode)).unwrap();
        let c = &r.checks[0];
        assert_eq!(c.id(), "explain.http.429");
        assert!(
            c.remediation()[0].contains("third-party API allows"),
            "{:?}",
            c.remediation()
        );
        let general = ask("429", None).unwrap();
        assert!(general.checks[0]
            .details()
            .contains_key("in_inbound_webhook"));
    }

    #[test]
    fn not_applicable_context_says_so() {
        let r = ask("308", Some(Context::InboundWebhook)).unwrap();
        let ctx = r.checks[0].details()["context"].as_str().unwrap();
        assert!(ctx.contains("does not arise"));
        assert!(!r.checks[0].remediation().is_empty());
    }

    #[test]
    fn unknown_and_empty_queries_are_usage_errors() {
        assert!(matches!(ask("zzzz qqqq", None), Err(Error::Usage(m)) if !m.contains("closest")));
        assert!(
            matches!(ask("signing secret vanished", None), Err(Error::Usage(m)) if m.contains("closest: 'lost signing secret'"))
        );
        assert!(matches!(ask("   ", None), Err(Error::Usage(_))));
    }

    #[test]
    fn list_has_every_entry() {
        assert_eq!(list().checks.len(), catalog::ENTRIES.len());
    }
}
