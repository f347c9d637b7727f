//! Shell completions and man pages, generated from the clap definition.
//!
//! `cargo run -- generate-assets` rewrites completions/ and man/; the test
//! suite compares the committed files with [`files`] and fails when stale.

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::report::{Check, Report, Status};
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory that holds completions/ and man/
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Compare instead of writing; a stale file fails the run
    #[arg(long)]
    pub check: bool,
}

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

pub fn run(args: Args) -> Result<Report> {
    let mut report = Report::new("generate-assets", args.out_dir.display().to_string());
    for (rel, content) in files() {
        let path = args.out_dir.join(&rel);
        let shown = rel.display().to_string();
        let current = std::fs::read(&path).ok();
        let fresh = current.as_deref() == Some(content.as_slice());
        let check = if fresh {
            Check::new(
                format!("assets.{shown}"),
                "Generated file",
                Status::Pass,
                format!("{shown} is up to date"),
            )
        } else if args.check {
            Check::new(
                format!("assets.{shown}"),
                "Generated file",
                Status::Fail,
                format!("{shown} is stale"),
            )
            .remedy("Run `cargo run -- generate-assets` and commit the result.")
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::usage(format!("--out-dir {}: {e}", dir.display())))?;
            }
            std::fs::write(&path, &content)
                .map_err(|e| Error::usage(format!("--out-dir {}: {e}", path.display())))?;
            Check::new(
                format!("assets.{shown}"),
                "Generated file",
                Status::Pass,
                format!("wrote {shown}"),
            )
        };
        report.push(check);
    }
    Ok(report)
}
