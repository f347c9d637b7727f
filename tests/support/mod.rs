//! Shared test harness: run the binary, parse its JSON strictly, and start
//! loopback servers (HTTP, HTTPS with rcgen certificates, silent TCP).
#![allow(dead_code)]

pub mod dns;
pub mod har;
pub mod hostile;
pub mod http;
pub mod proxy;
pub mod schema;
pub mod socks;
pub mod tls;

use std::time::Duration;

/// The variables every test run starts without: colour and secrets from
/// the caller's environment, and proxies.
pub const CLEARED_ENV: [&str; 20] = [
    "NO_COLOR",
    "GITHUB_STEP_SUMMARY",
    "CLICOLOR_FORCE",
    "PLUMB_WEBHOOK_SECRET",
    "STRIPE_API_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "SHOPIFY_STORE",
    "SHOPIFY_ACCESS_TOKEN",
    "MAILCHIMP_API_KEY",
    "WC_STORE_URL",
    "WC_CONSUMER_KEY",
    "WC_CONSUMER_SECRET",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "https_proxy",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// The built binary, with [`CLEARED_ENV`] removed so every test starts the
/// same.
pub fn plumb() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_plumb"));
    for var in CLEARED_ENV {
        cmd.env_remove(var);
    }
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// The one-worker tokio runtime a loopback test server runs on; dropping
/// it stops the server.
pub struct Background(Option<tokio::runtime::Runtime>);

impl Background {
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("test runtime");
        Background(Some(runtime))
    }

    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        self.0.as_ref().expect("runtime until drop")
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Run {
    run_with(plumb().args(args))
}

pub fn run_stdin(args: &[&str], stdin: impl Into<Vec<u8>>) -> Run {
    run_with(plumb().args(args).write_stdin(stdin))
}

pub fn run_with(cmd: &mut assert_cmd::Command) -> Run {
    let out = cmd.output().expect("plumb runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "plumb panicked: {}",
        run.stderr
    );
    run
}

/// Runs with `--format json` and parses the report strictly.
pub fn run_json(args: &[&str]) -> (i32, schema::Report) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let run = run(&all);
    (run.code, schema::parse(&run.stdout, run.code))
}

/// Asserts exit code 2 with exactly one line on stderr containing `needle`.
pub fn assert_usage_error(run: &Run, needle: &str) {
    assert_eq!(run.code, 2, "expected exit 2; stderr: {}", run.stderr);
    assert_eq!(
        run.stderr.trim_end().lines().count(),
        1,
        "expected one line on stderr, got: {:?}",
        run.stderr
    );
    assert!(
        run.stderr.contains(needle),
        "stderr {:?} should mention {needle:?}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "nothing on stdout: {:?}", run.stdout);
}

/// The path of a system tool a test needs (`promtool`, `prometheus`), or
/// `None` after saying on standard error which test is skipped and why.
/// Under CI (`CI=true`, where .ci/run installs every tool) a missing tool
/// fails the test instead: CI never skips.
#[allow(clippy::disallowed_macros)] // says why the test did not run
pub fn tool(test: &str, name: &str, package: &str) -> Option<std::path::PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test}: {name} is not installed, and CI never skips (.ci/run installs the {package} package)"
        );
        eprintln!("skipped {test}: {name} is not installed (apt-get install {package})");
    }
    found
}

/// The forms a secret may travel in, each of which must never reach any
/// output: raw, base64 (standard and URL-safe) and percent-encoded.
pub fn encoded_forms(secret: &str) -> Vec<String> {
    use base64::Engine;
    let standard = base64::engine::general_purpose::STANDARD;
    let url_safe = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let percent: String = secret
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    vec![
        secret.to_string(),
        standard.encode(secret),
        url_safe.encode(secret),
        percent,
    ]
}
