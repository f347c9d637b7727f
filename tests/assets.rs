//! Generated files stay in step with the command line, and every command's
//! help is snapshotted.

use crate::support::run;
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
    for (rel, content) in plumb::assets::files() {
        let on_disk = std::fs::read(root.join(&rel)).unwrap_or_default();
        if on_disk != content {
            stale.push(rel.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `cargo run -- generate-assets` and commit"
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
        "verify-signature",
        "sign",
        "webhook",
    ] {
        assert!(root.join(format!("man/plumb-{cmd}.1")).exists(), "{cmd}");
        assert!(bash.contains(cmd), "{cmd}");
    }
}

#[test]
fn help_snapshots() {
    for args in [
        vec!["--help"],
        vec!["explain", "--help"],
        vec!["credential", "--help"],
        vec!["tls", "--help"],
        vec!["endpoint", "--help"],
        vec!["verify-signature", "--help"],
        vec!["sign", "--help"],
        vec!["webhook", "send", "--help"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 0);
        let name = match args[0] {
            "--help" => "help_plumb".to_string(),
            cmd => format!("help_{cmd}"),
        };
        insta::assert_snapshot!(name, r.stdout);
    }
}
