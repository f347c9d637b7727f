//! Generated files stay in step with the command line, and every command's
//! help is snapshotted.

use crate::support::run;

#[path = "../examples/generate-assets/assets.rs"]
mod generate;
use std::path::Path;

/// Replaces what changes between runs (durations) so snapshots are stable.
pub fn stable(text: &str) -> String {
    text.lines()
        .map(|line| match line.rfind(" · ") {
            Some(i) if line[i..].ends_with(" ms") || line[i..].ends_with(" s") => {
                format!("{} · [duration]", &line[..i])
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (rel, content) in generate::files() {
        let on_disk = std::fs::read(root.join(&rel)).unwrap_or_default();
        if on_disk != content {
            stale.push(rel.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `cargo run --example generate-assets` and commit"
    );
}

#[test]
fn every_shipped_command_has_a_man_page_and_completion_entry() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bash = std::fs::read_to_string(root.join("completions/plumb.bash")).unwrap();
    for cmd in [
        "explain",
        "credential",
        "tls",
        "endpoint",
        "records",
        "check",
        "doctor",
        "dns",
        "rate-limit",
        "verify-signature",
        "sign",
        "webhook",
        "logs",
    ] {
        assert!(root.join(format!("man/plumb-{cmd}.1")).exists(), "{cmd}");
        assert!(bash.contains(cmd), "{cmd}");
    }
    // The maintainers' generator is not a plumb command users can complete.
    assert!(!bash.contains("generate-assets"));
}

#[test]
fn help_snapshots() {
    for args in [
        vec!["--help"],
        vec!["explain", "--help"],
        vec!["credential", "--help"],
        vec!["tls", "--help"],
        vec!["endpoint", "--help"],
        vec!["doctor", "--help"],
        vec!["records", "--help"],
        vec!["records", "validate", "--help"],
        vec!["records", "diff", "--help"],
        vec!["check", "--help"],
        vec!["check", "shopify", "--help"],
        vec!["check", "mailchimp", "--help"],
        vec!["check", "stripe", "--help"],
        vec!["check", "woocommerce", "--help"],
        vec!["dns", "--help"],
        vec!["rate-limit", "--help"],
        vec!["rate-limit", "inspect", "--help"],
        vec!["rate-limit", "probe", "--help"],
        vec!["rate-limit", "limits", "--help"],
        vec!["rate-limit", "plan", "--help"],
        vec!["verify-signature", "--help"],
        vec!["sign", "--help"],
        vec!["webhook", "send", "--help"],
        vec!["logs", "--help"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0);
        let words: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| !a.starts_with('-'))
            .collect();
        let name = match words.is_empty() {
            true => "help_plumb".to_string(),
            false => format!("help_{}", words.join("_")),
        };
        insta::assert_snapshot!(name, r.stdout);
    }
}
