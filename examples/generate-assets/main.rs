//! Regenerates completions/ and man/ from plumb's command line definition.
//!
//!     cargo run --example generate-assets            # rewrite stale files
//!     cargo run --example generate-assets -- --check # exit 1 if any is stale
//!
//! `--out-dir DIR` writes below DIR instead of the repository root.

// A maintainers' tool, not a probe: it reports straight to the terminal.
#![allow(clippy::disallowed_macros)]

mod assets;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut check = false;
    let mut out_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--out-dir" => match args.next() {
                Some(dir) => out_dir = PathBuf::from(dir),
                None => return usage("--out-dir needs a directory"),
            },
            other => return usage(&format!("unexpected argument '{other}'")),
        }
    }
    let mut stale = 0;
    for (rel, content) in assets::files() {
        let path = out_dir.join(&rel);
        if std::fs::read(&path).ok().as_deref() == Some(content.as_slice()) {
            continue;
        }
        if check {
            eprintln!("stale: {}", rel.display());
            stale += 1;
            continue;
        }
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &content));
        if let Err(e) = written {
            eprintln!("generate-assets: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("wrote {}", rel.display());
    }
    if stale > 0 {
        eprintln!("{stale} generated file(s) stale: run `cargo run --example generate-assets`");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("generate-assets: {msg}\nusage: cargo run --example generate-assets [-- --check] [--out-dir DIR]");
    ExitCode::from(2)
}
