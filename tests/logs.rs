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
    // Text first (a binary start is refused, see below), junk after.
    let mut junk = b"started\n".repeat(2000);
    junk.extend((0..=255u8).cycle().take(300_000));
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
fn credentials_in_grouped_messages_never_reach_the_output() {
    // Each message repeats with different ids and times, so it is grouped
    // and counted; each carries a credential in a form the redactor knows.
    // Neither the grouped message nor any other output may hold a piece of
    // one, digit-free pieces included.
    let secrets = [
        ("auth", "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt", "HTTP 401 Unauthorized: invalid api key sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt"),
        ("timeout", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "request with secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY timed out"),
        ("permission", "hunter2correcthorse", "403 Forbidden: insufficient permissions for https://admin:hunter2correcthorse@shop.example.com/orders"),
        ("rate_limit", "QmVhcmVyVG9rZW5TZWNyZXQ", "status 429 Too Many Requests with Authorization=Bearer QmVhcmVyVG9rZW5TZWNyZXQ"),
        ("server_error", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wIn0.c2lnbmF0dXJlX2hlcmU", "upstream answered 502 Bad Gateway for token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaG9wIn0.c2lnbmF0dXJlX2hlcmU"),
    ];
    let mut log = String::new();
    for i in 0..40 {
        for (_, _, line) in secrets {
            log.push_str(&format!(
                "2026-11-23T10:{:02}:00Z ERROR req={} {line}\n",
                i % 60,
                1000 + i
            ));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "creds.log", log.as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    for (class, _, _) in secrets {
        let check = report.check(&format!("logs.{class}"));
        assert_eq!(check.details["count"], 40, "{class}");
        let top = check.details["top_messages"][0].as_str().unwrap();
        assert!(top.starts_with("40× "), "{class}: grouped: {top}");
    }
    let pieces = [
        "51HxYzAbCdEf",
        "GhIjKlMnOp",
        "wJalrXUtnFEMI",
        "bPxRfiCY",
        "EXAMPLEKEY",
        "hunter2",
        "correcthorse",
        "QmVhcmVy",
        "ZW5TZWNy",
        "eyJzdWIi",
        "c2lnbmF0",
    ];
    for format in ["text", "json", "junit"] {
        let r = run(&["logs", path.to_str().unwrap(), "--format", format]);
        assert_eq!(r.code, 1, "{format}");
        for piece in pieces {
            assert!(
                !r.stdout.contains(piece),
                "{format} shows {piece}: {}",
                r.stdout
            );
            assert!(
                !r.stderr.contains(piece),
                "{format} shows {piece}: {}",
                r.stderr
            );
        }
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

/// The messages in `tests/fixtures/logs/tools.log`, one per new class and
/// one error no class takes.
fn assert_tools_log(report: &crate::support::schema::Report, times: u64) {
    for class in [
        "connection",
        "rate_limit",
        "validation",
        "oauth",
        "not_found",
    ] {
        assert_eq!(
            report.check(&format!("logs.{class}")).details["count"],
            times,
            "{class}"
        );
    }
    let other = report.check("logs.unclassified");
    assert_eq!(other.status, "warn");
    assert_eq!(other.details["count"], times);
    assert_eq!(report.check("logs.summary").details["lines"], 7 * times);
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/logs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn xz_bzip2_and_zstd_from_the_reference_tools_are_read() {
    for name in [
        "tools.log",
        "tools.log.xz",
        "tools.log.bz2",
        "tools.log.zst",
    ] {
        let (code, report) = run_json(&["logs", &fixture(name)]);
        assert_eq!(code, 1, "{name}");
        assert_tools_log(&report, 1);
    }
    // Concatenated streams (`cat a.xz b.xz`) are all read.
    for name in ["two.log.xz", "two.log.bz2", "two.log.zst"] {
        let (code, report) = run_json(&["logs", &fixture(name)]);
        assert_eq!(code, 1, "{name}");
        assert_tools_log(&report, 2);
    }
}

#[test]
fn compressed_logs_made_here_are_read_by_content_not_name() {
    let dir = tempfile::tempdir().unwrap();
    let log = plain();
    let mut xz = Vec::new();
    {
        let mut w =
            lzma_rust2::XzWriter::new(&mut xz, lzma_rust2::XzOptions::with_preset(6)).unwrap();
        w.write_all(log.as_bytes()).unwrap();
        w.finish().unwrap();
    }
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::default());
    bz.write_all(log.as_bytes()).unwrap();
    let bz = bz.finish().unwrap();
    let zst = ruzstd::encoding::compress_to_vec(
        log.as_bytes(),
        ruzstd::encoding::CompressionLevel::Fastest,
    );
    // Misleading names: the magic bytes decide.
    for (name, bytes) in [("a.txt", xz), ("b.log", bz), ("c.gz", zst)] {
        let path = write(dir.path(), name, &bytes);
        let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}");
        assert_counts(&report, 1);
        assert_eq!(
            report.check("logs.summary").details["bytes"],
            log.len() as u64
        );
    }
    // Standard input too.
    let r = run_stdin(
        &["logs", "-", "--json"],
        std::fs::read(fixture("tools.log.zst")).unwrap(),
    );
    assert_eq!(r.code, 1);
    assert_tools_log(&crate::support::schema::parse(&r.stdout, r.code), 1);
}

#[test]
fn archives_binary_files_and_corrupt_streams_are_never_a_clean_bill() {
    let dir = tempfile::tempdir().unwrap();
    assert_usage_error(&run(&["logs", &fixture("tools.zip")]), "zip archive");
    let mut tar = vec![0u8; 512];
    tar[..8].copy_from_slice(b"app.log\0");
    tar[257..263].copy_from_slice(b"ustar\0");
    let tar = write(dir.path(), "logs.tar", &tar);
    assert_usage_error(&run(&["logs", tar.to_str().unwrap()]), "tar archive");
    let elf = write(
        dir.path(),
        "plumb.bin",
        b"\x7fELF\x02\x01\x01\x00\x00\x00 timed out\n",
    );
    assert_usage_error(&run(&["logs", elf.to_str().unwrap()]), "binary data");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain("timed out\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16 = write(dir.path(), "win.log", &utf16);
    assert_usage_error(&run(&["logs", utf16.to_str().unwrap()]), "UTF-16");
    // Binary inside a compressed stream is refused too.
    let inner = write(dir.path(), "bin.gz", &gzip(&[0u8; 4096]));
    assert_usage_error(&run(&["logs", inner.to_str().unwrap()]), "binary data");
    // A cut xz, bzip2 or zstd stream names its format.
    for (name, what) in [
        ("tools.log.xz", "xz"),
        ("tools.log.bz2", "bzip2"),
        ("tools.log.zst", "zstd"),
    ] {
        let mut bytes = std::fs::read(fixture(name)).unwrap();
        bytes.truncate(bytes.len() / 2);
        let cut = write(dir.path(), &format!("cut-{name}"), &bytes);
        assert_usage_error(
            &run(&["logs", cut.to_str().unwrap()]),
            &format!("not a readable {what} stream"),
        );
    }
}

#[test]
fn unclassified_error_lines_are_counted_by_shape_with_redacted_samples() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = String::new();
    for i in 0..6 {
        log.push_str(&format!(
            "2026-11-23T10:0{i}:00Z ERROR disk quota 9{i}% reached on node-{i}\n"
        ));
    }
    log.push_str("2026-11-23T11:00:00Z FATAL could not start: key sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt rejected by vault\n");
    log.push_str(r#"{"time":"2026-11-23T12:00:00Z","level":"error","msg":"job 77 crashed"}"#);
    log.push_str("\njava.lang.IllegalStateException: bad state\n");
    log.push_str("INFO batch done, 0 errors\nDEBUG error budget at 3%\n");
    let path = write(dir.path(), "other.log", log.as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 0, "a warning alone does not fail the run");
    let c = report.check("logs.unclassified");
    assert_eq!(c.status, "warn");
    assert_eq!(c.details["count"], 9);
    assert_eq!(c.details["first_seen"], "2026-11-23T10:00:00Z");
    assert_eq!(c.details["last_seen"], "2026-11-23T12:00:00Z");
    assert_eq!(
        c.details["top_shapes"][0],
        "6× ERROR disk quota #% reached on node-#"
    );
    let all = serde_json::to_string(&c.details).unwrap();
    assert!(!all.contains("AbCdEf"), "{all}");
    assert_eq!(c.details["samples"].as_array().unwrap().len(), 3);
    assert!(
        report
            .check("logs.summary")
            .summary
            .contains("look like errors"),
        "no clean bill of health while error lines went unclassified"
    );
}

#[test]
fn new_classes_for_connections_oauth_and_provider_errors() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        ("connection", "Error: connect ECONNREFUSED 10.0.0.5:443"),
        ("connection", "Error: socket hang up"),
        ("connection", "write EPIPE"),
        ("connection", "read: connection reset by peer"),
        ("connection", "java.io.IOException: Broken pipe"),
        ("oauth", r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#),
        ("oauth", "token refresh failed: invalid_client"),
        ("oauth", "401: access token expired"),
        ("rate_limit", "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."),
        ("validation", "Mailchimp 400 Member Exists: a@b.example is already a list member"),
        ("not_found", r#"{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}"#),
        ("permission", r#"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}}"#),
    ];
    let log: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
    let path = write(dir.path(), "new.log", log.as_bytes());
    let (code, report) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    for class in [
        "connection",
        "oauth",
        "rate_limit",
        "validation",
        "not_found",
        "permission",
    ] {
        let want = lines.iter().filter(|(c, _)| *c == class).count() as u64;
        assert_eq!(
            report.check(&format!("logs.{class}")).details["count"],
            want,
            "{class}"
        );
    }
}

#[test]
fn a_large_file_split_across_cores_counts_as_one_thread_would() {
    // Above the size where a file is split across cores (16 MiB); the same
    // bytes on standard input are read by one thread: the reports agree.
    let dir = tempfile::tempdir().unwrap();
    let mut big = String::new();
    let mut i = 0u64;
    while big.len() < 17 * 1024 * 1024 {
        let t = format!(
            "2026-11-{:02}T{:02}:{:02}:00Z",
            20 + i / 1440 % 9,
            i / 60 % 24,
            i % 60
        );
        if i.is_multiple_of(97) {
            let (_, msg) = CLASSES[(i / 97) as usize % CLASSES.len()];
            big.push_str(&format!("{t} ERROR {msg}\n"));
        } else if i.is_multiple_of(211) {
            big.push_str(&format!("{t} ERROR disk {i} full\n"));
        } else {
            big.push_str(&format!("{t} INFO synced order {i} in 12 ms\n"));
        }
        i += 1;
    }
    let path = write(dir.path(), "big.log", big.as_bytes());
    let (code, split) = run_json(&["logs", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let r = run_stdin(&["logs", "-", "--json"], big.clone());
    let one = crate::support::schema::parse(&r.stdout, r.code);
    assert_eq!(split.ids(), one.ids());
    for id in split.ids() {
        let mut a = split.check(id).details.clone();
        let mut b = one.check(id).details.clone();
        for d in [&mut a, &mut b] {
            d.remove("files");
        }
        assert_eq!(a, b, "{id}");
    }
    assert_eq!(split.check("logs.summary").details["lines"], i);
}
