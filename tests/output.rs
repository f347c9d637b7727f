//! `-o FILE` and `--bad-out FILE` never destroy data, and a report that
//! cannot be written is exit 2 with one line.

use crate::support::http::{Reply, Server};
use crate::support::{assert_usage_error, plumb, run, run_with, Run};
use std::path::Path;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every name in `dir`, sorted, so a leftover temporary file shows.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const LOG: &str = "2026-11-23T10:00:00Z Request to api.example.com timed out after 30000 ms\n";

#[cfg(unix)]
#[test]
fn a_symlink_at_the_output_path_is_refused_and_its_target_kept() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let link = dir.path().join("report.txt");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    assert_usage_error(
        &run(&["explain", "429", "-o", s(&link)]),
        "is a symbolic link",
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A dangling link would have created its target.
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("made.txt"), &dangling).unwrap();
    assert_usage_error(
        &run(&["explain", "429", "-o", s(&dangling)]),
        "is a symbolic link",
    );
    assert!(!dir.path().join("made.txt").exists());
    assert_eq!(
        names(dir.path()),
        ["dangling.txt", "report.txt", "victim.txt"]
    );
    // --bad-out follows the same rule.
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "id,email\n1,not-an-email\n").unwrap();
    assert_usage_error(
        &run(&["records", "validate", s(&csv), "--bad-out", s(&link)]),
        "--bad-out",
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_with(
        plumb()
            .current_dir(dir.path())
            .args(["explain", "429", "--json", "-o", "-"]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    crate::support::schema::parse(&r.stdout, 0);
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("app.log");
    std::fs::write(&log, LOG).unwrap();
    assert_usage_error(
        &run(&["logs", s(&log), "-o", s(&log)]),
        "is also read by this run",
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    // The same file by another name: compared by device and inode.
    let other_name = dir.path().join("alias.log");
    std::fs::hard_link(&log, &other_name).unwrap();
    assert_usage_error(
        &run(&["logs", s(&log), "-o", s(&other_name)]),
        "is also read by this run",
    );
    // Standard input redirected from the output file.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_plumb"));
    cmd.args(["logs", "-", "-o", s(&log)])
        .stdin(std::fs::File::open(&log).unwrap());
    assert_usage_error(&raw(&mut cmd), "standard input");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    // Every flag that names an input counts, not only positional files.
    let payload = dir.path().join("payload.json");
    std::fs::write(&payload, "{}").unwrap();
    assert_usage_error(
        &run(&[
            "sign",
            "stripe",
            "--secret",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "--payload",
            s(&payload),
            "-o",
            s(&payload),
        ]),
        "--payload",
    );
    assert_eq!(std::fs::read_to_string(&payload).unwrap(), "{}");
    // records: the export as --bad-out, and -o as --bad-out.
    let csv = dir.path().join("in.csv");
    let rows = "id,email\n1,not-an-email\n";
    std::fs::write(&csv, rows).unwrap();
    assert_usage_error(
        &run(&["records", "validate", s(&csv), "--bad-out", s(&csv)]),
        "--bad-out",
    );
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), rows);
    let bad = dir.path().join("bad.csv");
    assert_usage_error(
        &run(&[
            "records",
            "validate",
            s(&csv),
            "--bad-out",
            s(&bad),
            "-o",
            s(&bad),
        ]),
        "name two different files",
    );
    // A doctor entry that reads the -o file fails, and the report that
    // holds its failure does not replace the file either.
    let config = dir.path().join("plumb.toml");
    let toml = format!(
        "[[check]]\nname = 'app-log'\nrun = \"logs '{}'\"\n",
        s(&log)
    );
    std::fs::write(&config, &toml).unwrap();
    let r = run(&["doctor", "--config", s(&config), "-o", s(&log)]);
    assert_usage_error(&r, "is also read by this run");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), LOG);
    assert_usage_error(
        &run(&["doctor", "--config", s(&config), "-o", s(&config)]),
        "--config",
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), toml);
    assert_eq!(
        names(dir.path()),
        [
            "alias.log",
            "app.log",
            "in.csv",
            "payload.json",
            "plumb.toml"
        ]
    );
}

#[test]
fn a_run_that_ends_with_exit_2_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    assert_usage_error(
        &run(&["logs", "/no/such/app.log", "-o", s(&report)]),
        "/no/such/app.log",
    );
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    // An existing report stays as it was.
    std::fs::write(&report, "last week's report").unwrap();
    assert_usage_error(
        &run(&["logs", "/no/such/app.log", "-o", s(&report)]),
        "/no/such/app.log",
    );
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "last week's report"
    );
    // --bad-out: the second export is unusable after rows were written.
    let good = dir.path().join("a.csv");
    std::fs::write(&good, "id,email\n1,not-an-email\n").unwrap();
    let bad_out = dir.path().join("bad.csv");
    let r = run(&[
        "records",
        "validate",
        s(&good),
        "/no/such/b.csv",
        "--bad-out",
        s(&bad_out),
    ]);
    assert_usage_error(&r, "/no/such/b.csv");
    assert_eq!(names(dir.path()), ["a.csv", "report.txt"]);
}

#[test]
fn an_unwritable_output_fails_before_any_probe_runs() {
    let server = Server::http(|_| Reply::new(200));
    // /proc takes no new file, even for root.
    let r = run(&["endpoint", &server.url("/"), "-o", "/proc/plumb-report.txt"]);
    assert_usage_error(&r, "--output /proc/plumb-report.txt");
    assert!(server.requests().is_empty(), "the probe ran");
}

#[cfg(unix)]
#[test]
fn an_existing_report_is_replaced_whole_with_its_permissions() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    // A second name for the old file: a rename leaves it whole, where
    // writing in place would have changed it too.
    let before = dir.path().join("before.json");
    std::fs::hard_link(&report, &before).unwrap();
    let r = run(&["explain", "429", "--json", "-o", s(&report)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    crate::support::schema::parse(&std::fs::read_to_string(&report).unwrap(), 0);
    assert_eq!(std::fs::read_to_string(&before).unwrap(), "old");
    let meta = std::fs::metadata(&report).unwrap();
    assert_ne!(meta.ino(), std::fs::metadata(&before).unwrap().ino());
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    assert_eq!(names(dir.path()), ["before.json", "report.json"]);
    // A new report gets the usual permissions: readable, never executable.
    let fresh = dir.path().join("fresh.json");
    assert_eq!(run(&["explain", "429", "-o", s(&fresh)]).code, 0);
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o600, 0o600, "{mode:o}");
    assert_eq!(mode & 0o111, 0, "{mode:o}");
}

#[allow(clippy::disallowed_macros)] // says why the test did not run
fn to_dev_full(args: &[&str]) -> Option<Run> {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipping a_full_standard_output_is_exit_2_with_one_line: /dev/full is not available here");
        return None;
    };
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_plumb"));
    Some(raw(cmd.args(args).stdout(full)))
}

/// Runs the binary with standard streams the test chose (a file, not a
/// pipe, as `assert_cmd` makes).
fn raw(cmd: &mut std::process::Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_full_standard_output_is_exit_2_with_one_line() {
    let Some(r) = to_dev_full(&["explain", "429"]) else {
        return;
    };
    assert_usage_error(&r, "standard output");
    assert!(!r.stderr.contains("internal"), "{}", r.stderr);
    if let Some(r) = to_dev_full(&["--help"]) {
        assert_usage_error(&r, "standard output");
    }
    assert_usage_error(
        &run(&["explain", "429", "-o", "/dev/full"]),
        "--output /dev/full",
    );
    // A device is written, not replaced.
    assert_eq!(run(&["explain", "429", "-o", "/dev/null"]).code, 0);
}
