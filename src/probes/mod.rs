//! One module per command. Each takes its arguments and a [`crate::context::Ctx`]
//! and returns a [`crate::report::Report`]; none prints or exits.

pub mod bundle;
pub mod check;
pub mod credential;
pub mod dns;
pub mod doctor;
pub mod endpoint;
pub mod explain;
pub mod har;
pub mod logs;
pub mod ratelimit;
pub mod records;
pub mod tls;
pub mod webhook;

use crate::context::OUT_OF_TIME;
use crate::report::{Def, Report, Status};

/// The warning that names the checks the run's budget left unrun; any
/// command can report it.
pub const BUDGET: Def = Def {
    id: "run.budget",
    title: "Time budget",
    judges: "Whether every check ran within the run's time budget (--max-time); it warns and names the checks that were not run.",
    remedies: &["Run again with a longer --max-time, or find the slow step with a shorter --timeout: each request gets at most --timeout, the whole run at most --max-time."],
};

/// Once the run's budget has cut one step, every later check skipped for
/// want of an earlier result was not run for the same reason: says so,
/// so the report names everything the budget left out.
pub fn unrun_after_budget(report: &mut Report) {
    let Some(first) = report
        .checks
        .iter()
        .position(|c| c.status() == Status::Skip && c.summary().starts_with(OUT_OF_TIME))
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
        if check.status() == Status::Skip
            && for_want_of.iter().any(|w| check.summary().starts_with(w))
        {
            check.set_summary(format!(
                "{OUT_OF_TIME} ran out before an earlier step finished"
            ));
        }
    }
}

/// The key in [`CHECKS`] of the checks any command may report.
pub const EVERY_COMMAND: &str = "(every command)";

/// Every check plumb declares, by the command that reports it: the one list
/// the check reference, the uniqueness test and the id snapshot read.
/// In the order the top-level help lists the commands.
pub const CHECKS: &[(&str, &[&Def])] = &[
    ("explain", explain::ALL),
    ("credential", credential::ALL),
    ("tls", tls::ALL),
    ("endpoint", endpoint::ALL),
    ("doctor", doctor::ALL),
    ("records validate", records::VALIDATE_CHECKS),
    ("records diff", records::DIFF_CHECKS),
    ("check shopify", check::SHOPIFY_CHECKS),
    ("check mailchimp", check::MAILCHIMP_CHECKS),
    ("check stripe", check::STRIPE_CHECKS),
    ("check woocommerce", check::WOOCOMMERCE_CHECKS),
    ("dns", dns::checks::ALL),
    ("rate-limit inspect", ratelimit::INSPECT_CHECKS),
    ("rate-limit probe", ratelimit::PROBE_CHECKS),
    ("rate-limit limits", ratelimit::LIMITS_CHECKS),
    ("rate-limit plan", ratelimit::PLAN_CHECKS),
    ("verify-signature", webhook::signature::checks::ALL),
    ("sign", webhook::signature::SIGN_CHECKS),
    ("webhook send", webhook::SEND_CHECKS),
    ("webhook audit", webhook::audit::AUDIT_CHECKS),
    ("webhook replay", webhook::replay::REPLAY_CHECKS),
    ("webhook events", webhook::EVENTS_CHECKS),
    ("webhook listen", webhook::listen::ALL),
    ("logs", logs::ALL),
    ("bundle", bundle::ALL),
    ("serve", doctor::serve::ALL),
    ("har", har::ALL),
    ("har redact", har::REDACT_CHECKS),
    (EVERY_COMMAND, &[&BUDGET]),
];

#[cfg(test)]
mod tests {
    use super::CHECKS;
    use crate::report::Def;
    use std::collections::HashMap;

    /// The ids that two different declarations share. The same declaration
    /// (the same address: shared ones are `static`) may be listed under
    /// several commands.
    fn ids_declared_twice(table: &[(&str, &[&Def])]) -> Vec<String> {
        let mut seen: HashMap<&str, &Def> = HashMap::new();
        let mut twice = Vec::new();
        for (command, defs) in table {
            for def in *defs {
                let first = *seen.entry(def.id).or_insert(def);
                if !std::ptr::eq(first, *def) {
                    twice.push(format!("{command}: {}", def.id));
                }
            }
        }
        twice
    }

    #[test]
    fn one_declaration_may_serve_several_commands_but_an_id_only_one() {
        static SHARED: Def = Def {
            id: "x.shared",
            title: "Shared",
            judges: "Something.",
            remedies: &[],
        };
        static OTHER: Def = Def {
            id: "x.shared",
            title: "Other",
            judges: "Something else.",
            remedies: &[],
        };
        let same: &[(&str, &[&Def])] = &[("a", &[&SHARED]), ("b", &[&SHARED])];
        assert!(ids_declared_twice(same).is_empty());
        let clash: &[(&str, &[&Def])] = &[("a", &[&SHARED]), ("b", &[&OTHER])];
        assert_eq!(ids_declared_twice(clash), ["b: x.shared"]);
    }

    /// An id names one check across all of plumb, and each declaration is
    /// complete: a changed id is a deliberate change, seen in review. One
    /// declaration may be listed under several commands that report it.
    #[test]
    fn check_ids_are_unique_and_declared_fully() {
        let twice = ids_declared_twice(CHECKS);
        assert!(twice.is_empty(), "declared twice: {twice:?}");
        for (command, defs) in CHECKS {
            for def in *defs {
                assert!(!def.title.is_empty(), "{}: no title", def.id);
                assert!(
                    def.judges.ends_with('.'),
                    "{}: judges is one sentence",
                    def.id
                );
                assert!(
                    def.id.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || "._{}".contains(c)),
                    "{command}: {} is not a dotted lower-case id",
                    def.id
                );
            }
        }
    }
}
