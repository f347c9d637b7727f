//! `plumb logs`: generated logs with known counts per class, in every input
//! form (plain, JSON lines, gzip, multi-member gzip, stdin, several files),
//! plus junk, over-long lines and bad inputs.

use crate::support::{assert_usage_error, run, run_json, run_stdin};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One message per class, each matching only its own class, and a clean
/// line that holds numbers but no problem.
const CLASSES: [(&str, &str); 9] = [
    (
        "timeout",
        "Request to api.example.com timed out after 30000 ms",
    ),
    ("auth", "HTTP 401 Unauthorized: invalid credentials"),
    ("permission", "insufficient permissions for this operation"),
    ("rate_limit", "status 429 Too Many Requests, retry in 2s"),
    (
        "validation",
        "Record validation failed for record 10042: email invalid",
    ),
    ("signature", "webhook rejected: invalid signature"),
    ("server_error", "upstream answered 502 Bad Gateway"),
    ("tls", "x509: certificate has expired or is not yet valid"),
    ("dns", "getaddrinfo ENOTFOUND api.example.com"),
];
const CLEAN: &str = "synced order 4011 in 500 ms, status ok";

/// How many lines of class `i` the generated logs hold.
fn expected(i: usize) -> u64 {
    (i as u64 + 1) * 3
}

const CLEAN_LINES: u64 = 40;

/// The log lines in order: every class's lines interleaved with clean ones,
/// one minute apart from 2026-11-23T10:00:00Z.
fn messages() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut minute = 0;
    let mut stamp = || {
        let t = format!("2026-11-23T{:02}:{:02}:00Z", 10 + minute / 60, minute % 60);
        minute += 1;
        t
    };
    for _ in 0..CLEAN_LINES / 2 {
        out.push((stamp(), CLEAN));
    }
    for (i, (_, msg)) in CLASSES.iter().enumerate() {
        for _ in 0..expected(i) {
            out.push((stamp(), *msg));
        }
    }
    for _ in 0..CLEAN_LINES / 2 {
        out.push((stamp(), CLEAN));
    }
    out
}

fn plain() -> String {
    messages()
        .iter()
        .map(|(t, m)| format!("{t} level=info {m}\n"))
        .collect()
}

fn json_lines() -> String {
    messages()
        .iter()
        .map(|(t, m)| {
            format!(
                "{}\n",
                serde_json::json!({"ts": t, "level": "info", "msg": m})
            )
        })
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, data).unwrap();
    path
}

fn total_lines() -> u64 {
    CLEAN_LINES + (0..CLASSES.len()).map(expected).sum::<u64>()
}

/// Every class found exactly `times` × its expected count.
fn assert_counts(report: &crate::support::schema::Report, times: u64) {
    for (i, (class, _)) in CLASSES.iter().enumerate() {
        let check = report.check(&format!("logs.{class}"));
        assert_eq!(check.status, "fail", "{class}");
        assert_eq!(check.details["count"], expected(i) * times, "{class}");
        assert!(!check.remediation.is_empty(), "{class}");
        let per_class = &report.check("logs.summary").details["lines_per_class"];
        assert_eq!(per_class[class], expected(i) * times, "{class}");
    }
    let summary = report.check("logs.summary");
    assert_eq!(summary.status, "info");
    assert_eq!(summary.details["lines"], total_lines() * times);
    assert_eq!(report.checks.len(), CLASSES.len() + 1, "{:?}", report.ids());
}

#[test]
fn plain_text_counts_every_class_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let log = plain();
    let path = write(dir.path(), "app.log", log.as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_counts(&report, 1);
    let summary = report.check("logs.summary");
    assert_eq!(summary.details["bytes"], log.len() as u64);
    let timeout = report.check("logs.timeout");
    assert_eq!(timeout.details["first_seen"], "2026-11-23T10:20:00Z");
    assert_eq!(timeout.details["last_seen"], "2026-11-23T10:22:00Z");
    assert_eq!(
        timeout.details["top_messages"][0],
        "3× level=info Request to api.example.com timed out after # ms"
    );
    assert!(summary.details["timeline"].is_string());
}

#[test]
fn json_lines_take_message_and_time_from_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "app.jsonl", json_lines().as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_counts(&report, 1);
    let validation = report.check("logs.validation");
    assert_eq!(
        validation.details["top_messages"][0],
        "15× Record validation failed for record #: email invalid"
    );
    assert_eq!(validation.details["record_ids"][0], "15× 10042");
    assert_eq!(
        report.check("logs.dns").details["last_seen"],
        "2026-11-23T12:34:00Z"
    );
}

#[test]
fn gzip_single_and_multi_member_read_directly() {
    let dir = tempfile::tempdir().unwrap();
    let log = plain();
    let one = write(dir.path(), "app.log.gz", &gzip(log.as_bytes()));
    let (code, report) = run_json(&["logs", one.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_counts(&report, 1);
    assert_eq!(
        report.check("logs.summary").details["bytes"],
        log.len() as u64,
        "bytes are the decompressed size"
    );

    // `cat a.gz b.gz` makes one file of two members: both are read.
    let mut two = gzip(log.as_bytes());
    two.extend(gzip(json_lines().as_bytes()));
    let two = write(dir.path(), "two.gz", &two);
    let (code, report) = run_json(&["logs", two.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_counts(&report, 2);
}

#[test]
fn stdin_and_several_files_add_up() {
    let (code, report) = {
        let r = run_stdin(&["logs", "-", "--json"], plain());
        (r.code, crate::support::schema::parse(&r.stdout, r.code))
    };
    assert_eq!(code, 1);
    assert_counts(&report, 1);
    assert_eq!(report.target, "standard input");

    // `-` twice: the second reads the end of the same input, and nothing hangs.
    let r = run_stdin(&["logs", "-", "-", "--json"], plain());
    let report = crate::support::schema::parse(&r.stdout, r.code);
    assert_counts(&report, 1);

    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.log", plain().as_bytes());
    let b = write(dir.path(), "b.jsonl.gz", &gzip(json_lines().as_bytes()));
    let c = write(dir.path(), "c.log", plain().as_bytes());
    let r = run_stdin(
        &[
            "logs",
            a.to_str().unwrap(),
            "-",
            b.to_str().unwrap(),
            c.to_str().unwrap(),
            "--json",
        ],
        json_lines(),
    );
    let report = crate::support::schema::parse(&r.stdout, r.code);
    assert_eq!(r.code, 1);
    assert_counts(&report, 4);
    assert_eq!(report.check("logs.summary").details["files"], 4);
}

#[test]
fn a_clean_log_exits_zero_with_only_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let log: String = (0..100).map(|i| format!("{i} {CLEAN}\n")).collect();
    let path = write(dir.path(), "clean.log", log.as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(report.status, "pass");
    assert_eq!(report.ids(), ["logs.summary"]);
    assert_eq!(report.check("logs.summary").details["lines"], 100);

    let (code, report) = run_json(&["logs", write(dir.path(), "empty", b"").to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(report.check("logs.summary").details["lines"], 0);
}

#[test]
fn junk_and_a_ten_megabyte_line_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut junk: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    junk.extend(b"\n\x00\xff\x1b[31m timed out \x07\n");
    let path = write(dir.path(), "junk.bin", &junk);
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(report.check("logs.timeout").details["count"].as_u64() >= Some(1));
    let text = run(&["logs", path.to_str().unwrap()]);
    assert_eq!(text.code, 1);
    assert!(!text.stdout.contains('\x1b'), "control bytes are escaped");

    let mut long = b"before: rate limit exceeded\n".to_vec();
    long.extend(std::iter::repeat_n(b'a', 10 * 1024 * 1024));
    long.extend(b" invalid signature\nafter: bad gateway from status 503\n");
    let path = write(dir.path(), "long.log", &long);
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(report.check("logs.summary").details["lines"], 3);
    assert_eq!(report.check("logs.rate_limit").details["count"], 1);
    assert_eq!(report.check("logs.server_error").details["count"], 1);
}

#[test]
fn secrets_in_log_lines_are_not_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let key = "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt";
    let log = format!("ERROR invalid api key {key} for account\n");
    let path = write(dir.path(), "key.log", log.as_bytes());
    for format in ["text", "json", "junit"] {
        let r = run(&["logs", path.to_str().unwrap(), "--format", format]);
        assert_eq!(r.code, 1);
        assert!(!r.stdout.contains("AbCdEf"), "{format}: {}", r.stdout);
    }
}

#[test]
fn bad_inputs_are_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.log");
    assert_usage_error(&run(&["logs", missing.to_str().unwrap()]), "nope.log");
    assert_usage_error(
        &run(&["logs", dir.path().to_str().unwrap()]),
        "is a directory",
    );
    let good = write(dir.path(), "good.log", b"timed out\n");
    let corrupt = write(
        dir.path(),
        "corrupt.gz",
        b"\x1f\x8b\x08\x00garbage that is not deflate",
    );
    assert_usage_error(
        &run(&["logs", good.to_str().unwrap(), corrupt.to_str().unwrap()]),
        "corrupt.gz",
    );
    let mut truncated = gzip(plain().as_bytes());
    truncated.truncate(truncated.len() / 2);
    let truncated = write(dir.path(), "cut.gz", &truncated);
    assert_usage_error(&run(&["logs", truncated.to_str().unwrap()]), "cut.gz");
    let r = run(&["logs"]);
    assert_eq!(r.code, 2);
}

#[test]
fn text_output_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "app.log", plain().as_bytes());
    let r = run(&["logs", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let shown = r.stdout.replace(path.to_str().unwrap(), "app.log");
    insta::assert_snapshot!(crate::assets::stable(&shown));
}
