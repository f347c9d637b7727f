//! Every generated file (shell completions and man pages) rendered from the
//! clap definition. Shared by the `generate-assets` example, which writes
//! them, and the test suite, which fails when the committed copies are stale.
//!
//! It lives outside the library so that clap_complete and clap_mangen are
//! dev-dependencies and never linked into the shipped `plumb` binary.

use clap::CommandFactory;
use clap_complete::Shell;
use plumb::cli::Cli;
use std::path::{Path, PathBuf};

/// Every generated file: its path below the repository root and content.
pub fn files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut cmd = Cli::command();
    cmd.build();
    for (shell, name) in [
        (Shell::Bash, "plumb.bash"),
        (Shell::Zsh, "_plumb"),
        (Shell::Fish, "plumb.fish"),
        (Shell::PowerShell, "_plumb.ps1"),
        (Shell::Elvish, "plumb.elv"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "plumb", &mut buf);
        out.push((Path::new("completions").join(name), buf));
    }
    out.push((Path::new("man").join("plumb.1"), man_page(cmd.clone())));
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let name = format!("plumb-{}", sub.get_name());
        let page = man_page(sub.clone().name(name.clone()).bin_name(name.clone()));
        out.push((Path::new("man").join(format!("{name}.1")), page));
    }
    out
}

fn man_page(cmd: clap::Command) -> Vec<u8> {
    let mut buf = Vec::new();
    // Rendering into a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd).render(&mut buf);
    buf
}
