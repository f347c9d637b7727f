//! The documentation stays true: every ```` ```console ```` block of
//! README.md and docs/commands.md runs as written, and its output must be
//! the one shown. Such blocks hold only examples that need no network;
//! examples that need a server are shown in ```` ```text ```` blocks.
//!
//! In a block, a line starting with `$ ` is a command, run by `sh` with the
//! built `plumb` first on `PATH`, in a fresh directory shared by the
//! block's commands (so one can write a file the next reads). A command
//! continues on lines after a trailing `\` and on lines starting with `> `
//! (a here-document). The lines up to the next command are its output,
//! standard output and standard error together. A line holding only `…`
//! stands for any number of lines, and the run time in a report's summary
//! line (`· 0 ms`) is not compared.

use crate::support::CLEARED_ENV;
use std::path::Path;
use std::process::Command;

/// The documents whose console examples are run.
const DOCUMENTS: [&str; 2] = ["README.md", "docs/commands.md"];

/// "Under 15 KB": the README is the front door; the reference lives in docs/.
const README_MAX_BYTES: usize = 15_000;

const MARKER: &str = "@@plumb-doc-example@@";

#[derive(Debug)]
struct Step {
    command: String,
    expected: Vec<String>,
}

#[derive(Debug)]
struct Block {
    line: usize,
    steps: Vec<Step>,
}

fn console_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((n, line)) = lines.next() {
        if line.trim_end() != "```console" {
            continue;
        }
        let mut block = Block {
            line: n + 1,
            steps: Vec::new(),
        };
        let mut continues = false;
        for (_, line) in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            if let Some(step) = block.steps.last_mut().filter(|_| continues) {
                step.command.push('\n');
                step.command.push_str(line);
                continues = line.ends_with('\\');
            } else if let Some(command) = line.strip_prefix("$ ") {
                block.steps.push(Step {
                    command: command.to_string(),
                    expected: Vec::new(),
                });
                continues = line.ends_with('\\');
            } else if let Some(step) = block.steps.last_mut() {
                match line.strip_prefix("> ") {
                    Some(rest) if step.expected.is_empty() => {
                        step.command.push('\n');
                        step.command.push_str(rest);
                    }
                    _ => step.expected.push(line.to_string()),
                }
            } else {
                panic!(
                    "a console block must start with a `$ ` line (line {})",
                    n + 1
                );
            }
        }
        blocks.push(block);
    }
    blocks
}

/// `… · 12 ms` and `… · 5.7 s` at the end of a summary line become `· N`.
fn normalise(line: &str) -> String {
    if let Some((head, tail)) = line.rsplit_once(" · ") {
        let number = tail
            .strip_suffix(" ms")
            .or_else(|| tail.strip_suffix(" s"))
            .unwrap_or("");
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return format!("{head} · N");
        }
    }
    line.to_string()
}

/// Whether `actual` matches `expected`, where a lone `…` line in
/// `expected` stands for any number of lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => {
            actual.first().is_some_and(|a| a == first) && matches(rest, &actual[1..])
        }
    }
}

fn run_block(block: &Block) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut script = String::from("exec 2>&1\n");
    for step in &block.steps {
        script.push_str(&step.command);
        script.push_str(&format!(
            "\n__rc=$?; printf '\\n%s\\n' '{MARKER}'; (exit $__rc)\n"
        ));
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_plumb"))
        .parent()
        .expect("binary directory");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(&script).current_dir(dir.path());
    for var in CLEARED_ENV {
        cmd.env_remove(var);
    }
    let out = cmd.env("PATH", path).output().expect("sh runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let chunks: Vec<String> = text
        .split(&format!("\n{MARKER}\n"))
        .map(|c| c.strip_suffix('\n').unwrap_or(c).to_string())
        .collect();
    assert_eq!(
        chunks.len(),
        block.steps.len() + 1,
        "every command of the block at line {} ran: {text}",
        block.line
    );
    chunks
}

#[test]
fn console_examples_print_what_the_docs_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut ran = 0;
    for doc in DOCUMENTS {
        let text = std::fs::read_to_string(root.join(doc)).expect(doc);
        let blocks = console_blocks(&text);
        assert!(!blocks.is_empty(), "{doc} has console examples");
        for block in &blocks {
            let outputs = run_block(block);
            for (step, output) in block.steps.iter().zip(&outputs) {
                ran += 1;
                let actual: Vec<String> = if output.is_empty() {
                    Vec::new()
                } else {
                    output.lines().map(normalise).collect()
                };
                let expected: Vec<String> = step.expected.iter().map(|l| normalise(l)).collect();
                if !matches(&expected, &actual) {
                    failures.push(format!(
                        "{doc}:{}: `$ {}`\n--- the docs show\n{}\n--- plumb printed\n{}\n",
                        block.line,
                        step.command,
                        step.expected.join("\n"),
                        output
                    ));
                }
            }
        }
    }
    assert!(ran > 0);
    assert!(
        failures.is_empty(),
        "{} console example(s) drifted from plumb's output:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn readme_is_a_front_door() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme.len() < README_MAX_BYTES,
        "README.md is {} bytes; keep it under {README_MAX_BYTES} and move reference text into docs/",
        readme.len()
    );
    assert!(
        readme.contains("cargo install --path . --locked"),
        "the install line keeps --locked, or cargo ignores Cargo.lock"
    );
}

#[test]
fn relative_links_in_the_docs_lead_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![
        root.join("README.md"),
        root.join("benches/README.md"),
        root.join("fuzz/README.md"),
    ];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        docs.push(entry.expect("docs entry").path());
    }
    let mut broken = Vec::new();
    for doc in &docs {
        let text = std::fs::read_to_string(doc).expect("a document");
        for piece in text.split("](").skip(1) {
            let target = piece.split(')').next().unwrap_or("");
            let path = target.split('#').next().unwrap_or("");
            if path.is_empty() || path.contains("://") || path.starts_with("mailto:") {
                continue;
            }
            let base = doc.parent().expect("a folder");
            if !base.join(path).exists() {
                broken.push(format!("{}: {target}", doc.display()));
            }
        }
    }
    assert!(broken.is_empty(), "links to missing files: {broken:#?}");
}

#[test]
fn the_example_runner_reads_what_it_should() {
    let text = "```console\n$ printf 'a\\n' \\\n  > f\n$ cat <<'EOF'\n> x\n> EOF\nx\n…\n```\n";
    let blocks = console_blocks(text);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].steps.len(), 2);
    assert_eq!(blocks[0].steps[0].command, "printf 'a\\n' \\\n  > f");
    assert_eq!(blocks[0].steps[1].command, "cat <<'EOF'\nx\nEOF");
    assert_eq!(blocks[0].steps[1].expected, ["x", "…"]);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a", "…", "d"]), &s(&["a", "b", "c", "d"])));
    assert!(!matches(&s(&["a", "d"]), &s(&["a", "b", "d"])));
    assert_eq!(normalise("1 failed · 12 ms"), "1 failed · N");
    assert_eq!(normalise("1 warning · 5.7 s"), "1 warning · N");
    assert_eq!(normalise("a · b"), "a · b");
}
