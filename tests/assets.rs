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

/// The top-level commands users run, from the command-line definition
/// (without clap's own `help`).
fn shipped_commands() -> Vec<String> {
    plumb::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|name| name != "help")
        .collect()
}

/// Every command and subcommand, as the words that name it, parents
/// before their children.
pub fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&plumb::cli::command(), &[], &mut out);
    out
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
    let commands = shipped_commands();
    assert!(!commands.is_empty());
    for cmd in commands {
        let cmd = cmd.as_str();
        assert!(root.join(format!("man/plumb-{cmd}.1")).exists(), "{cmd}");
        assert!(bash.contains(cmd), "{cmd}");
    }
    // The maintainers' generator is not a plumb command users can complete.
    assert!(!bash.contains("generate-assets"));
}

#[test]
fn help_snapshots() {
    for path in std::iter::once(Vec::new()).chain(command_paths()) {
        let args: Vec<&str> = path.iter().map(String::as_str).chain(["--help"]).collect();
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
