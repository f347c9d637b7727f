//! The malformed-input sweep: every shipped command and
//! subcommand, with hostile values for every flag that takes one. Each run
//! must exit 0, 1 or 2, say exit 2 in exactly one line, never panic, finish
//! in bounded time, and never echo a raw ESC or U+202E to the terminal.
//! Network targets are loopback only: a local server, a closed port, a
//! loopback resolver.

use crate::support::http::{closed_port, Reply, Server};
use crate::support::plumb;
use std::path::Path;
use std::time::Duration;

/// Hostile values for a flag or argument that takes text. argv cannot hold
/// NUL, so NUL bytes reach plumb through files (see [`hostile_files`]).
fn hostile_values() -> Vec<String> {
    vec![
        String::new(),
        // Linux caps one argv string at 128 KiB (MAX_ARG_STRLEN); 1 MB
        // values reach plumb through files and standard input instead.
        "x".repeat(120 * 1024),
        "\u{1b}[31mred\u{1b}[0m\u{1b}]0;title\u{7}".to_string(),
        "\u{202e}txt.exe".to_string(),
        "line\nbreak\r\ttab".to_string(),
        "-1".to_string(),
        "0".to_string(),
        "99999999999999999999999999".to_string(),
        "5 fortnights".to_string(),
        "http://[::1".to_string(),
        "http://127.0.0.1:99999/".to_string(),
        "ftp://127.0.0.1/x".to_string(),
        "a:b:c:d".to_string(),
    ]
}

/// Hostile files: empty, invalid UTF-8, NUL bytes, terminal escapes,
/// right-to-left override, 1 MB of noise, a directory, a missing path.
fn hostile_files(dir: &Path) -> Vec<String> {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        (
            "latin1",
            b"name,email\n\xff\xfe\xe9t\xe9,\xc3\x28@x\n".to_vec(),
        ),
        ("nul", b"a\0b,\0\nc,d\0\n".to_vec()),
        (
            "escapes",
            b"col,\x1b[31mred\x1b[0m\n\x1b]0;pwned\x07,v\n".to_vec(),
        ),
        (
            "rtl",
            "h,\u{202e}gpj.exe\nv,\u{202e}x\n".as_bytes().to_vec(),
        ),
        ("huge", vec![b'z'; 1024 * 1024 + 7]),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p.display().to_string());
    }
    paths.push(dir.display().to_string());
    paths.push(dir.join("missing").display().to_string());
    paths
}

#[derive(Clone, Copy)]
enum Kind {
    /// Takes text: every hostile value.
    Value,
    /// Takes a file path: every hostile file.
    File,
}

/// One command: its working arguments, with `@` marking where a flag's
/// value goes (for positionals), and the flags to attack.
struct Entry {
    base: Vec<String>,
    flags: Vec<(&'static str, Kind)>,
}

fn entry(base: &str, flags: &[(&'static str, Kind)]) -> Entry {
    Entry {
        base: shell_words::split(base).unwrap(),
        flags: flags.to_vec(),
    }
}

struct Outcome {
    args: Vec<String>,
    problem: String,
}

fn check_run(args: &[String], stdin: &[u8], cwd: &Path) -> Option<String> {
    let out = plumb()
        .current_dir(cwd)
        .args(args)
        .write_stdin(stdin.to_vec())
        .timeout(Duration::from_secs(30))
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return Some(format!("did not finish: {e}")),
    };
    let code = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if ![0, 1, 2].contains(&code) {
        return Some(format!("exit {code}; stderr {:.300}", stderr));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Some(format!("panic text: {:.300}", stderr));
    }
    if code == 2 && stderr.trim_end().lines().count() != 1 {
        return Some(format!("exit 2 without exactly one line: {:.300}", stderr));
    }
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if bytes.contains(&0x1b) {
            return Some(format!("raw ESC on {stream}"));
        }
        if String::from_utf8_lossy(bytes).contains('\u{202e}') {
            return Some(format!("raw U+202E on {stream}"));
        }
    }
    None
}

#[test]
fn every_flag_survives_hostile_input() {
    let server = Server::http(|r| {
        if r.path_and_query.contains("redirect") {
            Reply::new(302).header("location", "http://127.0.0.1:1/%1b[31m?token=abc")
        } else {
            Reply::json(
                401,
                "{\"error\":{\"message\":\"bad key \\u001b[31m\\u202e\",\"type\":\"invalid_request_error\"}}",
            )
            .header("x-request-id", "req_123")
        }
    });
    let url = server.url("/hook");
    let base = server.url("/").trim_end_matches('/').to_string();
    let closed = closed_port();
    let dir = tempfile::tempdir().unwrap();
    let files = hostile_files(dir.path());
    let payload = dir.path().join("payload.json");
    std::fs::write(&payload, b"{\"id\":\"evt_1\"}").unwrap();
    let payload = payload.display().to_string();
    let a = dir.path().join("a.csv");
    std::fs::write(&a, b"id,email\n1,a@example.com\n").unwrap();
    let a = a.display().to_string();
    let doctor = dir.path().join("doctor.toml");
    std::fs::write(
        &doctor,
        format!(
            "[[check]]\nname = \"\\u001b[31mesc\\u202e\"\nrun = \"endpoint {url}\"\n[[check]]\nname = \"closed\"\nrun = \"tls {closed}\"\n"
        ),
    )
    .unwrap();
    let doctor = doctor.display().to_string();

    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let sk = "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt";
    let dns = format!("--no-system --resolver {closed}");
    use Kind::{File, Value};
    let entries = vec![
        entry("explain @", &[("--context", Value)]),
        entry("explain 429", &[("--context", Value)]),
        entry("credential @", &[("--for", Value), ("--now", Value)]),
        entry("credential --env @", &[]),
        entry("tls @ --address 127.0.0.1", &[]),
        entry(
            &format!("tls {closed}"),
            &[("--servername", Value), ("--address", Value), ("--warn-days", Value)],
        ),
        entry("endpoint @", &[]),
        entry(
            &format!("endpoint {url}"),
            &[
                ("--method", Value),
                ("-H", Value),
                ("--data", Value),
                ("--origin", Value),
                ("--deadline", Value),
            ],
        ),
        entry(&format!("endpoint {base}/redirect"), &[("-H", Value)]),
        entry("doctor --config @", &[]),
        entry(&format!("doctor --config {doctor}"), &[("--time-server", Value)]),
        entry("logs @", &[]),
        entry("records validate @", &[]),
        entry(
            &format!("records validate {a}"),
            &[
                ("--column", Value),
                ("--id-column", Value),
                ("--default-region", Value),
                ("--bad-out", Value),
            ],
        ),
        entry(&format!("records diff --key id @ {a}"), &[]),
        entry(
            &format!("records diff {a} {a}"),
            &[("--key", Value), ("--ignore-column", Value)],
        ),
        entry(&format!("dns @ {dns}"), &[]),
        entry(
            &format!("dns example.invalid {dns}"),
            &[("--type", Value), ("--resolver", Value)],
        ),
        entry(
            &format!("dns {dns} --service shopify"),
            &[("--store", Value)],
        ),
        entry(&format!("dns {dns} --service woocommerce"), &[("--url", Value)]),
        entry(&format!("dns {dns} --service mailchimp"), &[("--dc", Value)]),
        entry(&format!("dns {dns}"), &[("--service", Value)]),
        entry("rate-limit inspect --headers-file @", &[]),
        entry(&format!("rate-limit inspect {url}"), &[("-H", Value)]),
        entry("rate-limit inspect @", &[]),
        entry(
            &format!("rate-limit probe {url} --rate 50/s --requests 2"),
            &[("--rate", Value), ("--max-requests", Value), ("-H", Value)],
        ),
        entry(
            &format!("rate-limit probe {url} --rate 50/s --duration @"),
            &[],
        ),
        entry(&format!("rate-limit probe {url} --rate 50/s --requests @"), &[]),
        entry("rate-limit probe @ --rate 50/s --requests 1", &[]),
        entry("rate-limit limits", &[("--service", Value)]),
        entry(
            "rate-limit plan --service shopify --records 1000",
            &[
                ("--records", Value),
                ("--calls-per-record", Value),
                ("--plan", Value),
                ("--mode", Value),
                ("--rate", Value),
                ("--service", Value),
            ],
        ),
        entry(
            &format!("check stripe --api-key {sk} --api-base {base}"),
            &[
                ("--api-key", Value),
                ("--api-key-file", File),
                ("--webhook-url", Value),
                ("--webhook-secret", Value),
                ("--webhook-secret-file", File),
                ("--api-base", Value),
            ],
        ),
        entry(
            &format!("check shopify --store acme --token shpat_0123456789abcdef0123456789abcdef --api-base {base}"),
            &[
                ("--store", Value),
                ("--token", Value),
                ("--token-file", File),
                ("--api-version", Value),
                ("--require-scope", Value),
            ],
        ),
        entry(
            &format!("check mailchimp --api-key 0123456789abcdef0123456789abcdef-us6 --api-base {base}"),
            &[("--api-key", Value), ("--api-key-file", File), ("--account-url", Value)],
        ),
        entry(
            &format!("check woocommerce --url {base} --consumer-key ck_0123456789abcdef0123456789abcdef01234567 --consumer-secret cs_0123456789abcdef0123456789abcdef01234567"),
            &[
                ("--url", Value),
                ("--consumer-key", Value),
                ("--consumer-key-file", File),
                ("--consumer-secret", Value),
                ("--consumer-secret-file", File),
            ],
        ),
        entry(
            &format!("sign stripe --secret {secret} --payload {payload}"),
            &[
                ("--secret", Value),
                ("--secret-file", File),
                ("--payload", File),
                ("--timestamp", Value),
                ("--id", Value),
            ],
        ),
        entry(
            &format!("sign timestamped --secret {secret} --payload {payload}"),
            &[
                ("--url", Value),
                ("--algorithm", Value),
                ("--encoding", Value),
                ("--signature-header", Value),
                ("--timestamp-header", Value),
            ],
        ),
        entry(
            &format!("verify-signature stripe --secret {secret} --payload {payload} --signature t=1,v1=00"),
            &[
                ("--secret", Value),
                ("--secret-file", File),
                ("--payload", File),
                ("-H", Value),
                ("--signature", Value),
                ("--timestamp", Value),
                ("--id", Value),
                ("--tolerance", Value),
                ("--now", Value),
            ],
        ),
        entry(
            &format!("verify-signature github --secret {secret} --request @"),
            &[],
        ),
        entry(
            &format!("webhook send {url} --provider stripe --secret {secret} --payload {payload}"),
            &[
                ("--provider", Value),
                ("--secret", Value),
                ("--payload", File),
                ("--content-type", Value),
                ("-H", Value),
                ("--timestamp", Value),
                ("--id", Value),
                ("--deadline", Value),
            ],
        ),
        entry(
            &format!("webhook send @ --provider stripe --secret {secret} --payload {payload}"),
            &[],
        ),
        // Global flags, on a cheap offline command.
        entry(
            "explain 429",
            &[
                ("--format", Value),
                ("--timeout", Value),
                ("--ca-file", File),
                ("--fail-on", Value),
                ("--color", Value),
                ("-o", Value),
            ],
        ),
    ];

    let values = hostile_values();
    let mut runs: Vec<Vec<String>> = Vec::new();
    for e in &entries {
        let slot = e.base.iter().position(|a| a == "@");
        if let Some(i) = slot {
            // A positional that is a file in the command's shape gets files.
            let file_slot =
                e.base.get(i.wrapping_sub(1)).is_some_and(|f| {
                    ["--config", "--headers-file", "--request"].contains(&f.as_str())
                }) || e.base[0] == "logs"
                    || e.base[..2] == ["records".to_string(), "validate".to_string()]
                    || e.base[..2] == ["records".to_string(), "diff".to_string()];
            let pool = if file_slot { &files } else { &values };
            for v in pool {
                let mut args = e.base.clone();
                args[i] = v.clone();
                runs.push(args);
            }
        }
        for (flag, kind) in &e.flags {
            let pool = match kind {
                Kind::Value => &values,
                Kind::File => &files,
            };
            for v in pool {
                let mut args: Vec<String> = e.base.iter().filter(|a| *a != "@").cloned().collect();
                args.push(flag.to_string());
                args.push(v.clone());
                runs.push(args);
            }
        }
    }
    for args in &mut runs {
        // `-o` gets its hostile value from the table; everything else
        // writes to stdout, where the assertions look.
        args.extend(["--timeout".to_string(), "2s".to_string()]);
    }
    // Also feed every hostile file through standard input where a command
    // reads it (`credential` with no value, `-` paths).
    let mut stdin_runs: Vec<(Vec<String>, Vec<u8>)> = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for cmd in [
            "credential",
            "rate-limit inspect --headers-file -",
            "verify-signature github --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --request -",
            "records validate -",
            "logs -",
        ] {
            stdin_runs.push((shell_words::split(cmd).unwrap(), bytes.clone()));
        }
    }
    let total = runs.len() + stdin_runs.len();
    assert!(total >= 1000, "the sweep shrank to {total} invocations");

    let jobs: Vec<(Vec<String>, Vec<u8>)> = runs
        .into_iter()
        .map(|a| (a, Vec::new()))
        .chain(stdin_runs)
        .collect();
    let threads = 4;
    // `-o` and `--bad-out` write where they are told: keep that inside the
    // temporary directory.
    let cwd = dir.path();
    let failures: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(threads))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|(args, stdin)| {
                            check_run(args, stdin, cwd).map(|problem| Outcome {
                                args: args.clone(),
                                problem,
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let report: Vec<String> = failures
        .iter()
        .take(20)
        .map(|f| {
            let shown: Vec<String> = f
                .args
                .iter()
                .map(|a| format!("{:?}", a.chars().take(60).collect::<String>()))
                .collect();
            format!("plumb {}: {}", shown.join(" "), f.problem)
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {total} invocations misbehaved:\n{}",
        failures.len(),
        report.join("\n")
    );
}
