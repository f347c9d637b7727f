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

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    /// Takes text: every hostile value.
    Value,
    /// Takes a file path: every hostile file.
    File,
}

/// Which flags of an entry's command to attack.
enum Flags {
    /// Every flag of the command that takes a value, from the
    /// command-line definition.
    All,
    /// These flags only (they matter in this entry's shape).
    Only(&'static [&'static str]),
    /// The global flags that take a value.
    Global,
}

/// One working invocation, with `@` marking a slot for hostile values
/// (a positional or a flag's value), and the flags to attack on it.
struct Entry {
    base: Vec<String>,
    flags: Flags,
}

fn entry(base: &str, flags: Flags) -> Entry {
    Entry {
        base: shell_words::split(base).unwrap(),
        flags,
    }
}

/// Paths plumb writes to: they get hostile text, never the hostile files
/// (which they would overwrite).
const WRITTEN: [&str; 2] = ["output", "bad-out"];

/// What a flag or positional takes: a file plumb reads, or text.
fn kind(arg: &clap::Arg) -> Kind {
    use clap::ValueHint::{AnyPath, DirPath, FilePath};
    let path = matches!(arg.get_value_hint(), AnyPath | FilePath | DirPath);
    match path && !WRITTEN.contains(&arg.get_id().as_str()) {
        true => Kind::File,
        false => Kind::Value,
    }
}

/// The flag spelled `spelling` (`--name` or `-x`) among `cmd`'s arguments.
fn flag<'a>(cmd: &'a clap::Command, spelling: &str) -> Option<&'a clap::Arg> {
    cmd.get_arguments()
        .find(|a| match spelling.strip_prefix("--") {
            Some(long) => a.get_long() == Some(long),
            None => {
                spelling.strip_prefix('-').and_then(|s| s.chars().next()) == a.get_short()
                    && spelling.len() == 2
            }
        })
}

fn takes_value(arg: &clap::Arg) -> bool {
    arg.get_action().takes_values()
}

/// The subcommand an entry's words name, and how many words name it.
fn leaf<'a>(root: &'a clap::Command, base: &[String]) -> (&'a clap::Command, usize) {
    let mut cmd = root;
    let mut used = 0;
    for word in base {
        match cmd.find_subcommand(word) {
            Some(sub) => {
                cmd = sub;
                used += 1;
            }
            None => break,
        }
    }
    (cmd, used)
}

/// The kind of the `@` slot at `at`: the value of the flag before it, or
/// the positional it stands in.
fn slot_kind(cmd: &clap::Command, args: &[String], at: usize) -> Kind {
    let mut positional = 0;
    let mut i = 0;
    while i < at {
        let word = &args[i];
        if word.starts_with('-') && word.len() > 1 {
            let arg = flag(cmd, word).unwrap_or_else(|| panic!("unknown flag {word}"));
            if takes_value(arg) {
                if i + 1 == at {
                    return kind(arg);
                }
                i += 1;
            }
        } else {
            positional += 1;
        }
        i += 1;
    }
    let arg = cmd
        .get_positionals()
        .nth(positional)
        .or_else(|| cmd.get_positionals().last())
        .unwrap_or_else(|| panic!("no positional for @ in {args:?}"));
    kind(arg)
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
    let har_in = dir.path().join("in.har");
    std::fs::write(&har_in, br#"{"log":{"version":"1.2","entries":[]}}"#).unwrap();
    let har_in = har_in.display().to_string();
    let har_out = dir.path().join("out.har").display().to_string();
    let doctor = dir.path().join("doctor.toml");
    std::fs::write(
        &doctor,
        format!(
            "[[check]]\nname = \"\\u001b[31mesc\\u202e\"\nrun = \"endpoint {url}\"\n[[check]]\nname = \"closed\"\nrun = \"tls {closed}\"\n"
        ),
    )
    .unwrap();
    let doctor = doctor.display().to_string();
    let bundle_out = dir.path().join("sweep.tar.gz").display().to_string();
    let serve = dir.path().join("serve.toml");
    std::fs::write(
        &serve,
        "[[check]]\nname = \"why\"\nrun = \"explain 429\"\n[[module]]\nname = \"m\"\ntarget = \"host\"\nrun = \"tls {target}\"\n",
    )
    .unwrap();
    let serve = serve.display().to_string();

    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let sk = "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt";
    let dns = format!("--no-system --resolver {closed}");
    use Flags::{All, Global, Only};
    let entries = vec![
        entry("explain @", Only(&["--context"])),
        entry("explain 429", All),
        entry("credential @", All),
        entry("credential --env @", Only(&[])),
        entry("tls @ --address 127.0.0.1", Only(&[])),
        entry(
            &format!("tls {closed}"),
            All,
        ),
        entry("endpoint @", Only(&[])),
        entry(
            &format!("endpoint {url}"),
            All,
        ),
        entry(&format!("endpoint {base}/redirect"), Only(&["-H"])),
        entry("doctor --config @", Only(&[])),
        entry(&format!("doctor --config {doctor}"), All),
        entry("serve --config @ --max-time 300ms", Only(&[])),
        entry(
            &format!("serve --config {serve} --listen 127.0.0.1:0 --max-time 300ms"),
            All,
        ),
        entry("logs @", Only(&[])),
        entry(&format!("bundle --config {doctor} --log @ -o {bundle_out}"), Only(&[])),
        entry(&format!("bundle --config {doctor} --records @ -o {bundle_out}"), Only(&[])),
        entry("bundle --inspect @", Only(&[])),
        entry(
            &format!("bundle --config {doctor} -o {bundle_out}"),
            Only(&["--config", "--log", "--records", "--inspect"]),
        ),
        // `har FILE` reads as the first pass of `har redact` does.
        entry(&format!("har redact @ -o {har_out}"), Only(&[])),
        entry(&format!("har redact {har_in} -o {har_out}"), All),
        entry("records validate @", Only(&[])),
        entry(
            &format!("records validate {a}"),
            All,
        ),
        entry(&format!("records diff --key id @ {a}"), Only(&[])),
        entry(
            &format!("records diff {a} {a}"),
            All,
        ),
        entry(&format!("dns @ {dns}"), Only(&[])),
        entry(
            &format!("dns example.invalid {dns}"),
            All,
        ),
        entry(
            &format!("dns {dns} --service shopify"),
            Only(&["--store"]),
        ),
        entry(&format!("dns {dns} --service woocommerce"), Only(&["--url"])),
        entry(&format!("dns {dns} --service mailchimp"), Only(&["--dc"])),
        entry(&format!("dns {dns}"), Only(&["--service"])),
        entry("rate-limit inspect --headers-file @", Only(&[])),
        entry(&format!("rate-limit inspect {url}"), All),
        entry("rate-limit inspect @", Only(&[])),
        entry(
            &format!("rate-limit probe {url} --rate 50/s --requests 2"),
            All,
        ),
        entry(
            &format!("rate-limit probe {url} --rate 50/s --duration @"),
            Only(&[]),
        ),
        entry(&format!("rate-limit probe {url} --rate 50/s --requests @"), Only(&[])),
        entry("rate-limit probe @ --rate 50/s --requests 1", Only(&[])),
        entry("rate-limit limits", All),
        entry(
            "rate-limit plan --service shopify --records 1000",
            All,
        ),
        entry(
            &format!("check stripe --api-key {sk} --api-base {base}"),
            All,
        ),
        entry(
            &format!("check shopify --store acme --token shpat_0123456789abcdef0123456789abcdef --api-base {base}"),
            All,
        ),
        entry(
            &format!("check mailchimp --api-key 0123456789abcdef0123456789abcdef-us6 --api-base {base}"),
            All,
        ),
        entry(
            &format!("check woocommerce --url {base} --consumer-key ck_0123456789abcdef0123456789abcdef01234567 --consumer-secret cs_0123456789abcdef0123456789abcdef01234567"),
            All,
        ),
        entry(
            &format!("sign stripe --secret {secret} --payload {payload}"),
            All,
        ),
        entry(
            &format!("sign timestamped --secret {secret} --payload {payload}"),
            Only(&["--url", "--algorithm", "--encoding", "--signature-header", "--timestamp-header"]),
        ),
        entry(
            &format!("verify-signature stripe --secret {secret} --payload {payload} --signature t=1,v1=00"),
            All,
        ),
        entry(
            &format!("verify-signature github --secret {secret} --request @"),
            Only(&[]),
        ),
        entry(
            &format!("webhook send {url} --provider stripe --secret {secret} --payload {payload}"),
            All,
        ),
        entry(
            &format!("webhook send @ --provider stripe --secret {secret} --payload {payload}"),
            Only(&[]),
        ),
        entry(
            &format!("webhook audit {url} --provider stripe --secret {secret}"),
            All,
        ),
        entry(
            &format!("webhook audit @ --provider shopify --secret {secret}"),
            Only(&[]),
        ),
        entry(&format!("webhook replay @ --to {url}"), Only(&[])),
        entry(
            &format!("webhook replay {payload} --to {url} --resign --secret {secret}"),
            All,
        ),
        entry("webhook events", All),
        // A short listen on a free loopback port; --for ends it.
        entry(
            &format!("webhook listen --provider github --secret {secret} --port 0 --for 100ms"),
            All,
        ),
        // Global flags, on a cheap offline command.
        entry("explain 429", Global),
    ];

    let root = plumb::cli::command();
    let values = hostile_values();
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut swept: Vec<String> = Vec::new();
    for e in &entries {
        let (cmd, used) = leaf(&root, &e.base);
        assert!(
            cmd.get_subcommands().next().is_none(),
            "{:?} names no single command",
            e.base
        );
        swept.push(e.base[..used].join(" "));
        let pool = |kind| match kind {
            Kind::Value => &values,
            Kind::File => &files,
        };
        if let Some(i) = e.base.iter().position(|a| a == "@") {
            for v in pool(slot_kind(cmd, &e.base[used..], i - used)) {
                let mut args = e.base.clone();
                args[i] = v.clone();
                runs.push(args);
            }
        }
        let attacked: Vec<&clap::Arg> = match &e.flags {
            Flags::All => cmd
                .get_arguments()
                .filter(|a| !a.is_positional() && !a.is_global_set() && takes_value(a))
                .collect(),
            Flags::Only(names) => names
                .iter()
                .map(|n| flag(cmd, n).unwrap_or_else(|| panic!("{:?} has no flag {n}", e.base)))
                .collect(),
            Flags::Global => root
                .get_arguments()
                .filter(|a| a.is_global_set() && takes_value(a))
                .collect(),
        };
        assert!(
            attacked.iter().all(|a| takes_value(a)),
            "{:?}: a flag without a value",
            e.base
        );
        for arg in attacked {
            let spelling = match arg.get_long() {
                Some(long) => format!("--{long}"),
                None => format!("-{}", arg.get_short().unwrap()),
            };
            for v in pool(kind(arg)) {
                let mut args: Vec<String> = e.base.iter().filter(|a| *a != "@").cloned().collect();
                args.push(spelling.clone());
                args.push(v.clone());
                runs.push(args);
            }
        }
    }
    // Every shipped command and subcommand is swept.
    for path in crate::assets::command_paths() {
        let (cmd, _) = leaf(&root, &path);
        if cmd.get_subcommands().next().is_none() {
            let name = path.join(" ");
            assert!(swept.contains(&name), "the sweep misses `plumb {name}`");
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
    assert!(total >= 1680, "the sweep shrank to {total} invocations");

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
