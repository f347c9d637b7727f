//! Every resource bounded: the run's time budget (--max-time), doctor
//! entries that block or burn CPU, and records' input, memory and
//! --bad-out caps. Each run is timed against a bound a regression breaks.

use crate::support::http::{Reply, Server};
use crate::support::{assert_usage_error, plumb, run, schema};
use std::io::Write;
use std::time::{Duration, Instant};

/// Runs plumb with `--format json`, timing it.
fn timed_json(args: &[&str]) -> (i32, schema::Report, Duration) {
    let start = Instant::now();
    let out = plumb()
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("plumb runs");
    let took = start.elapsed();
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, schema::parse(&stdout, code), took)
}

/// A FIFO nobody writes to, in a fresh directory; `None` (with a note of
/// the skipped test) where `mkfifo` is missing.
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn fifo(test: &str) -> Option<(tempfile::TempDir, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("never.log");
    match std::process::Command::new("mkfifo").arg(&path).status() {
        Ok(s) if s.success() => Some((dir, path.to_str().unwrap().to_string())),
        _ => {
            eprintln!("skipped {test}: mkfifo is not available");
            None
        }
    }
}

/// A gzip export that decompresses to `members` × ~1 MiB of CSV rows
/// (each member its own gzip stream, as `cat a.gz b.gz` makes), from a
/// file of a few hundred KiB.
fn gzip_bomb(members: usize) -> tempfile::NamedTempFile {
    let gz = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    };
    let mut rows = String::new();
    let filler = "x".repeat(80);
    for i in 0..10_000 {
        rows.push_str(&format!("{},not an email,{filler}\n", i % 7));
    }
    let member = gz(rows.as_bytes());
    let mut file = tempfile::Builder::new()
        .suffix(".csv.gz")
        .tempfile()
        .unwrap();
    file.write_all(&gz(b"id,email,note\n")).unwrap();
    for _ in 0..members {
        file.write_all(&member).unwrap();
    }
    file.flush().unwrap();
    file
}

/// The child's peak resident memory in KiB (VmHWM), read from /proc while
/// it runs, and its exit code.
fn peak_rss(args: &[&str]) -> (i32, u64, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_plumb"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("plumb starts");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let start = Instant::now();
    let code = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code().unwrap_or(-1);
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("plumb {args:?} ran past 120 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (code, peak, reader.join().unwrap())
}

// ------------------------------------------------------------- doctor

/// Entries that block (a FIFO), scan gigabytes of text or decompress a
/// bomb run on their own threads: doctor ends each at 3 × --timeout.
/// (/dev/zero is no longer endless for `logs`: it is refused as binary.)
#[test]
fn doctor_ends_blocking_and_endless_entries_at_their_deadline() {
    let Some((_dir, fifo)) = fifo("doctor_ends_blocking_and_endless_entries_at_their_deadline")
    else {
        return;
    };
    let bomb = gzip_bomb(2000);
    let mut config = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    write!(
        config,
        "[[check]]\nname = \"zero\"\nrun = \"logs {0}\"\n\
         [[check]]\nname = \"fifo\"\nrun = \"logs {fifo}\"\n\
         [[check]]\nname = \"bomb\"\nrun = \"records validate {0}\"\n\
         [[check]]\nname = \"quick\"\nrun = \"explain 429\"\n",
        bomb.path().display()
    )
    .unwrap();
    let (code, r, took) = timed_json(&[
        "doctor",
        "--config",
        config.path().to_str().unwrap(),
        "--timeout",
        "1s",
    ]);
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert_eq!(code, 1, "{:?}", r.ids());
    for entry in ["zero", "fifo", "bomb"] {
        let c = r.check(&format!("{entry}/doctor.timeout"));
        assert_eq!(c.status, "fail");
        assert!(c.summary.contains("within 3s"), "{}", c.summary);
    }
    assert_eq!(r.check("quick/explain.http.429").status, "info");
}

// ------------------------------------------------------- plain commands

#[test]
fn logs_of_an_endless_device_stop_at_max_time_with_a_warning() {
    // Two gigabytes of text in a small gzip file: more than a second's
    // scan. (/dev/zero itself is refused as binary, exit 2.)
    let bomb = gzip_bomb(2000);
    let (code, r, took) = timed_json(&["logs", bomb.path().to_str().unwrap(), "--max-time", "1s"]);
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert_eq!(code, 0);
    let c = r.check("logs.incomplete");
    assert_eq!(c.status, "warn");
    assert!(c.summary.contains("--max-time 1s"), "{}", c.summary);
    assert!(!c.remediation.is_empty());
}

/// A read the system blocks cannot be interrupted from inside: the
/// watchdog ends the run shortly after the budget, with one line.
#[test]
fn a_fifo_without_a_writer_ends_shortly_after_max_time() {
    let Some((_dir, fifo)) = fifo("a_fifo_without_a_writer_ends_shortly_after_max_time") else {
        return;
    };
    let start = Instant::now();
    let r = run(&["logs", &fifo, "--max-time", "1s"]);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert_usage_error(&r, "--max-time 1s");
}

#[test]
fn bad_max_time_and_size_values_are_one_line() {
    for bad in ["0", "forever", "25h", "-1s", ""] {
        let flag = format!("--max-time={bad}");
        let r = run(&["explain", "429", &flag]);
        assert_usage_error(&r, "--max-time");
        assert!(r.stderr.contains("invalid value"), "{}", r.stderr);
    }
    for bad in ["0", "lots", "5X", "-1M"] {
        for flag in ["--max-input-size", "--max-bad-out"] {
            let arg = format!("{flag}={bad}");
            let r = run(&["records", "validate", "x.csv", &arg]);
            assert_usage_error(&r, flag);
            assert!(r.stderr.contains("invalid value"), "{}", r.stderr);
        }
    }
}

// ------------------------------------------------------------ records

/// A gzip bomb is read up to --max-input-size, --bad-out stops at
/// --max-bad-out, memory stays flat, and the report says both.
#[test]
fn records_validate_caps_a_gzip_bomb_and_its_bad_out() {
    let bomb = gzip_bomb(400);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    let (code, peak_kb, stdout) = peak_rss(&[
        "records",
        "validate",
        bomb.path().to_str().unwrap(),
        "--bad-out",
        bad.to_str().unwrap(),
        "--max-input-size",
        "4M",
        "--max-bad-out",
        "256K",
        "--format",
        "json",
    ]);
    let r = schema::parse(&stdout, code);
    assert_eq!(code, 1);
    let limits = r.check("records.limits");
    assert_eq!(limits.status, "warn");
    assert!(
        limits.summary.contains("first 4 MiB") && limits.summary.contains("--max-input-size"),
        "{}",
        limits.summary
    );
    assert!(
        limits.summary.contains("--max-bad-out"),
        "{}",
        limits.summary
    );
    let rows = r.check("records.summary").details["rows"].as_u64().unwrap();
    assert!((40_000..50_000).contains(&rows), "{rows}");
    let written = std::fs::metadata(&bad).unwrap().len();
    assert!(written <= 256 * 1024 + 16 * 1024, "{written}");
    assert!(peak_kb < 100 * 1024, "peak RSS {peak_kb} KiB");
}

#[test]
fn records_diff_says_when_an_input_was_cut() {
    let a = gzip_bomb(50);
    let b = gzip_bomb(50);
    let (code, r, _) = timed_json(&[
        "records",
        "diff",
        a.path().to_str().unwrap(),
        b.path().to_str().unwrap(),
        "--key",
        "note",
        "--max-input-size",
        "2M",
    ]);
    assert_eq!(code, 1);
    let limits = r.check("records.limits");
    assert_eq!(limits.status, "warn");
    assert!(limits.summary.contains("first 2 MiB"), "{}", limits.summary);
    assert!(!limits.remediation.is_empty());
}

// ------------------------------------------------------ network probes

/// Each page of the endpoint list answers in 0.6 s, under --timeout 1s:
/// ten pages took 6 s and more. The default budget (5 × --timeout) ends
/// the run, and the checks it left unrun are named.
#[test]
fn check_stripe_against_a_slow_server_ends_within_its_budget() {
    const SK: &str = "sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH";
    let server = Server::http(|req| {
        if req.path_and_query.starts_with("/v1/balance") {
            return Reply::json(200, r#"{"object":"balance","livemode":false}"#);
        }
        let page = format!(
            r#"{{"object":"list","has_more":true,"data":[{{"id":"we_{}","url":"https://example.com/x","status":"enabled","enabled_events":["*"]}}]}}"#,
            req.path_and_query.len()
        );
        Reply::json(200, &page).after(Duration::from_millis(900))
    });
    let base = format!("http://{}", server.addr);
    let (code, r, took) = timed_json(&[
        "check",
        "stripe",
        "--api-key",
        SK,
        "--api-base",
        &base,
        "--webhook-url",
        "https://example.com/hooks/stripe",
        "--timeout",
        "1s",
    ]);
    assert!(took < Duration::from_secs(7), "took {took:?}");
    assert_eq!(code, 0, "{:?}", r.ids());
    assert_eq!(r.check("stripe.auth").status, "pass");
    for id in ["stripe.webhook_endpoint", "stripe.webhook_events"] {
        let c = r.check(id);
        assert_eq!(c.status, "skip", "{id}: {}", c.summary);
        assert!(c.summary.contains("time budget"), "{}", c.summary);
    }
    let budget = r.check("run.budget");
    assert_eq!(budget.status, "warn");
    assert!(
        budget.summary.contains("--max-time 5s"),
        "{}",
        budget.summary
    );
    let unrun = budget.details["not_run"].as_array().unwrap();
    assert_eq!(unrun.len(), 2, "{unrun:?}");
}

/// Three deliveries of 1.5 s each under --max-time 2s: the forged copies
/// are not all sent, and the report says so.
#[test]
fn webhook_send_forged_ends_within_max_time() {
    let server = Server::http(|_| Reply::new(401).after(Duration::from_millis(1500)));
    let mut payload = tempfile::NamedTempFile::new().unwrap();
    payload.write_all(br#"{"a":1}"#).unwrap();
    let url = format!("http://{}/hook", server.addr);
    let (code, r, took) = timed_json(&[
        "webhook",
        "send",
        &url,
        "--provider",
        "github",
        "--secret",
        "It's a Secret to Everybody",
        "--payload",
        payload.path().to_str().unwrap(),
        "--forged",
        "--max-time",
        "2s",
    ]);
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert_eq!(code, 1, "the delivery was refused");
    let forged = r.check("webhook.rejects_forged");
    assert_eq!(forged.status, "skip");
    assert!(forged.summary.contains("time budget"), "{}", forged.summary);
    assert!(r.check("run.budget").details["not_run"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v == "webhook.rejects_forged"));
}
