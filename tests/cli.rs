//! Global behaviour: exit codes, formats, colour, output file, clap errors.

use crate::support::{assert_usage_error, plumb, run, run_json, run_with};

const KEY: &str = "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt";

#[test]
fn no_arguments_prints_help_and_exits_2() {
    let r = run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Usage:"), "{}", r.stderr);
}

#[test]
fn help_and_version_exit_0() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Exit codes:"));
    assert!(r.stdout.contains("explain") && r.stdout.contains("credential"));
    // The maintainers' asset generator is an example, not a command.
    assert!(!r.stdout.contains("generate-assets"));
    assert_eq!(run(&["generate-assets"]).code, 2);
    let r = run(&["help", "explain"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("--context"));
    let r = run(&["--version"]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("plumb {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_command_lines_are_one_line_exit_2() {
    assert_usage_error(
        &run(&["frobnicate"]),
        "unrecognized subcommand 'frobnicate'",
    );
    assert_usage_error(&run(&["explain", "429", "--fromat", "json"]), "--format");
    assert_usage_error(
        &run(&["--timeout", "forever", "explain", "429"]),
        "--timeout",
    );
    assert_usage_error(
        &run(&["--timeout", "0s", "explain", "429"]),
        "longer than zero",
    );
    assert_usage_error(
        &run(&["explain", "429", "--format", "yaml"]),
        "possible values: text, json, junit, github",
    );
    assert_usage_error(&run(&["--color", "sometimes", "explain", "429"]), "--color");
    assert_usage_error(&run(&["explain", "429", "-q", "-v"]), "cannot be used with");
    assert_usage_error(
        &run(&["explain", "429", "--context", "sideways"]),
        "--context",
    );
}

#[test]
fn global_flags_work_before_and_after_the_command() {
    let before = run(&["--format", "json", "explain", "429"]);
    let after = run(&["explain", "429", "--json"]);
    assert_eq!(before.code, 0);
    assert_eq!(after.code, 0);
    let a: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    assert_eq!(a["checks"], b["checks"]);
}

#[test]
fn exit_codes_follow_fail_on() {
    // An unknown credential is a warning: exit 0, or 1 under --fail-on warn.
    let (code, report) = run_json(&["credential", "hello-there"]);
    assert_eq!(code, 0);
    assert_eq!(report.status, "warn");
    let (code, report) = run_json(&["credential", "hello-there", "--fail-on", "warn"]);
    assert_eq!(code, 1);
    assert_eq!(report.exit_code, 1);
    let (code, report) = run_json(&["credential", &format!(" {KEY}")]);
    assert_eq!(code, 1);
    assert_eq!(report.status, "fail");
}

#[test]
fn output_file_receives_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let r = run(&["explain", "429", "--json", "-o", path.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
    let written = std::fs::read_to_string(&path).unwrap();
    crate::support::schema::parse(&written, 0);
}

#[test]
fn unwritable_output_and_missing_ca_file_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("missing-dir").join("r.json");
    assert_usage_error(
        &run(&["explain", "429", "-o", nowhere.to_str().unwrap()]),
        "--output",
    );
    assert_usage_error(
        &run(&["explain", "429", "-o", dir.path().to_str().unwrap()]),
        "is a directory",
    );
    assert_usage_error(
        &run(&["explain", "429", "--ca-file", "/no/such/ca.pem"]),
        "--ca-file /no/such/ca.pem",
    );
}

#[test]
fn colour_follows_flag_and_environment() {
    let esc = |r: &crate::support::Run| r.stdout.contains('\u{1b}');
    assert!(!esc(&run(&["explain", "429"])), "no colour when piped");
    assert!(esc(&run(&["explain", "429", "--color", "always"])));
    assert!(esc(&run_with(
        plumb().args(["explain", "429"]).env("CLICOLOR_FORCE", "1")
    )));
    assert!(!esc(&run_with(
        plumb()
            .args(["explain", "429"])
            .env("CLICOLOR_FORCE", "1")
            .env("NO_COLOR", "1")
    )));
    // no-color.org: NO_COLOR counts only when present and not empty.
    assert!(
        esc(&run_with(
            plumb()
                .args(["explain", "429"])
                .env("CLICOLOR_FORCE", "1")
                .env("NO_COLOR", "")
        )),
        "an empty NO_COLOR does not turn colour off"
    );
    assert!(
        !esc(&run(&["explain", "429", "--color", "always", "--json"])),
        "JSON is never coloured"
    );
}

#[test]
fn quiet_shows_only_failures_and_summary_verbose_shows_evidence() {
    let quiet = run(&["credential", &format!("'{KEY}'"), "-q"]);
    assert_eq!(quiet.code, 1);
    assert!(quiet.stdout.contains("credential.format"));
    assert!(!quiet.stdout.contains("credential.kind"));
    assert!(quiet.stdout.contains("1 failed"));
    let normal = run(&["explain", "401"]);
    let verbose = run(&["credential", KEY, "-v"]);
    assert!(normal.stdout.contains("likely causes"));
    assert!(verbose.stdout.contains("well-formed"));
}

#[test]
fn junit_has_a_testcase_per_check_and_failures() {
    let r = run(&["credential", &format!("\"{KEY}\""), "--format", "junit"]);
    assert_eq!(r.code, 1);
    let out = &r.stdout;
    assert!(out.starts_with("<?xml"));
    assert_eq!(out.matches("<testsuite ").count(), 1);
    assert_eq!(out.matches("<testcase ").count(), 3);
    assert!(out.contains(r#"name="credential.format""#));
    assert!(out.contains("<failure message=\"Credential format: is wrapped in quotes"));
    assert!(out.contains("<skipped message="));
    assert!(out.contains(r#"failures="1""#) && out.contains(r#"skipped="1""#));
    assert!(!out.contains("AbCdEfGh"), "the secret never appears");
}

#[test]
fn warnings_become_junit_failures_under_fail_on_warn() {
    let r = run(&[
        "credential",
        "hello-there",
        "--format",
        "junit",
        "--fail-on",
        "warn",
    ]);
    assert!(r.stdout.contains(r#"failures="1""#), "{}", r.stdout);
    let r = run(&["credential", "hello-there", "--format", "junit"]);
    assert!(r.stdout.contains(r#"failures="0""#), "{}", r.stdout);
}
