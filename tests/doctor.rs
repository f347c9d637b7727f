//! `plumb doctor`: configs run against loopback servers, the built-in
//! health check in a network namespace with no network at all.

use crate::support::http::{Reply, Server};
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{assert_usage_error, plumb, run, run_json, run_with};
use std::io::{Read, Write};
use std::time::{Duration, SystemTime};

fn config(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

fn path(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().unwrap()
}

#[test]
fn healthy_entries_pass_with_prefixed_ids() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let web = Server::http(|_| Reply::new(204));
    let file = config(&format!(
        "[[check]]\nname = \"api-tls\"\nrun = \"tls localhost:{} --ca-file '{}'\"\n\n\
         [[check]]\nname = \"hook\"\nrun = \"endpoint {} --method POST --data '{{}}'\"\n",
        tls.addr.port(),
        ca.path().display(),
        web.url("/hook"),
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(report.command, "doctor");
    assert_eq!(report.check("api-tls/tls.trust").status, "pass");
    assert_eq!(report.check("hook/http.status").status, "pass");
    assert!(report
        .checks
        .iter()
        .all(|c| c.id.starts_with("api-tls/") || c.id.starts_with("hook/")));
    assert_eq!(web.requests()[0].method, "POST");
}

#[test]
fn one_failing_entry_fails_the_run_and_the_others_still_report() {
    let web = Server::http(|_| Reply::new(200));
    let broken = Server::http(|_| Reply::new(503));
    let file = config(&format!(
        "[[check]]\nname = \"good\"\nrun = \"endpoint {}\"\n\n\
         [[check]]\nname = \"bad\"\nrun = \"endpoint {}\"\n\n\
         [[check]]\nname = \"missing-var\"\nrun = \"credential --env PLUMB_TEST_UNSET_VARIABLE\"\n",
        web.url("/"),
        broken.url("/"),
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 1);
    assert_eq!(report.check("good/http.status").status, "pass");
    assert_eq!(report.check("bad/http.status").status, "fail");
    let entry = report.check("missing-var/doctor.entry");
    assert_eq!(entry.status, "fail");
    assert!(entry.summary.contains("PLUMB_TEST_UNSET_VARIABLE"));
}

/// A server that answers nobody until `n` connections are open at once:
/// entries run one after another would each wait out their timeout.
fn rendezvous(n: usize) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut waiting = Vec::new();
        for stream in listener.incoming().flatten() {
            waiting.push(stream);
            if waiting.len() == n {
                for mut s in waiting.drain(..) {
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") && s.read(&mut byte).is_ok_and(|k| k == 1) {
                        head.push(byte[0]);
                    }
                    let _ = s.write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                    );
                }
            }
        }
    });
    addr
}

#[test]
fn entries_run_concurrently() {
    let addr = rendezvous(3);
    let mut text = String::new();
    for name in ["a", "b", "c"] {
        text.push_str(&format!(
            "[[check]]\nname = \"{name}\"\nrun = \"endpoint http://{addr}/{name} --timeout 20s\"\n"
        ));
    }
    let file = config(&text);
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 0, "{:?}", report.checks);
    for name in ["a", "b", "c"] {
        assert_eq!(report.check(&format!("{name}/http.status")).status, "pass");
    }
}

#[test]
fn an_entry_that_hangs_is_cut_off_at_its_deadline() {
    let silent = crate::support::http::Silent::start();
    let file = config(&format!(
        "[[check]]\nname = \"stuck\"\nrun = \"endpoint http://127.0.0.1:{}/ --timeout 1s\"\n",
        silent.addr.port()
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 1);
    let stuck: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == "fail")
        .collect();
    assert!(!stuck.is_empty());
    assert!(stuck.iter().all(|c| c.id.starts_with("stuck/")));
}

#[test]
fn clock_skew_is_measured_against_the_time_server() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let behind = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(3600));
    let server = Server::https(
        move |_| Reply::new(200).header("date", &behind),
        pki.server_config(Leaf::Valid, BOTH),
    );
    let file = config("[[check]]\nname = \"offline\"\nrun = \"explain 401\"\n");
    let (code, report) = run_json(&[
        "doctor",
        "--config",
        path(&file),
        "--time-server",
        &format!("https://localhost:{}/", server.addr.port()),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let clock = report.check("clock/doctor.clock");
    assert_eq!(clock.status, "fail");
    let skew = clock.details["skew_seconds"].as_i64().unwrap();
    assert!((3590..=3610).contains(&skew), "{skew}");
    assert!(clock.summary.contains("ahead of"), "{}", clock.summary);
    assert_eq!(server.requests()[0].method, "HEAD");
}

#[test]
fn text_output_has_a_section_per_entry() {
    let file = config(
        "[[check]]\nname = \"why-401\"\nrun = \"explain 401\"\n\n\
         [[check]]\nname = \"key\"\nrun = \"credential --env PLUMB_TEST_KEY --for stripe-api\"\n",
    );
    let r = run_with(
        plumb()
            .args(["doctor", "--config", path(&file), "--color", "never", "-q"])
            .env("PLUMB_TEST_KEY", "pk_test_51HxYzAbCdEfGhIjKlMnOpQrSt"),
    );
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("AbCdEf"));
    insta::assert_snapshot!(crate::assets::stable(&r.stdout));
}

/// The secret check judges what clap parsed, not how the flag was spelled:
/// attached `-HName: v`, `-H=Name: v` and `--header=Name: v` carry a
/// credential header just as `-H 'Name: v'` does.
#[test]
fn a_credential_header_in_any_spelling_is_refused() {
    let closed = crate::support::http::closed_port();
    let url = format!("http://{closed}/");
    for run_line in [
        format!("endpoint {url} '-HAuthorization: Bearer abcdefSECRET1234'"),
        format!("endpoint {url} '-H=X-Shopify-Access-Token: abcdefSECRET1234'"),
        format!("endpoint {url} '--header=X-Api-Key: abcdefSECRET1234'"),
        format!("endpoint {url} '-HX-Custom: sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt'"),
        format!("rate-limit inspect {url} '-HCookie: session=abcdefSECRET1234'"),
    ] {
        let file = config(&format!("[[check]]\nname = \"x\"\nrun = \"{run_line}\"\n"));
        let r = run(&["doctor", "--config", path(&file)]);
        assert_usage_error(&r, "environment");
        assert!(
            !r.stderr.contains("SECRET1234") && !r.stderr.contains("AbCdEf"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn bad_configs_are_usage_errors() {
    let missing = run(&["doctor", "--config", "/nonexistent/plumb.toml"]);
    assert_usage_error(&missing, "--config /nonexistent/plumb.toml");
    let cases = [
        (
            "[[check]]\nname = \"x\"\nrun = \"frobnicate\"\n",
            "entry 'x'",
        ),
        ("[[check]]\nname = \"x\"\nrun = \"tls\"\n", "entry 'x'"),
        (
            "[[check]]\nname = \"x\"\nrun = \"credential sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt\"\n",
            "environment",
        ),
        ("not toml at all", "--config"),
        (
            "[[check]]\nname = \"a/b\"\nrun = \"explain 401\"\n",
            "entry name",
        ),
    ];
    for (text, needle) in cases {
        let file = config(text);
        let r = run(&["doctor", "--config", path(&file)]);
        assert_usage_error(&r, needle);
        assert!(!r.stderr.contains("AbCdEf"), "{}", r.stderr);
    }
    let r = run(&["doctor", "--time-server", "ftp://x"]);
    assert_usage_error(&r, "--time-server");
}

#[test]
fn init_writes_a_config_that_doctor_accepts_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plumb.toml");
    let t = target.to_str().unwrap();
    let first = run(&["doctor", "--init", "--config", t]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("[[check]]"));
    let again = run(&["doctor", "--init", "--config", t]);
    assert_usage_error(&again, "already exists");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
}

/// The built-in health check must finish and say so when there is no
/// network. `unshare -rn` gives the run a namespace with no interfaces up,
/// so it cannot reach anything, loopback or internet.
#[test]
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn without_network_the_health_check_says_so_within_the_timeout() {
    let probe = std::process::Command::new("unshare")
        .args(["-rn", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipping: unshare -rn is not permitted here");
        return;
    }
    let mut cmd = assert_cmd::Command::new("unshare");
    cmd.args([
        "-rn",
        env!("CARGO_BIN_EXE_plumb"),
        "doctor",
        "--timeout",
        "2s",
        "--format",
        "json",
    ])
    .env_remove("NO_PROXY")
    .env_remove("no_proxy")
    .env(
        "HTTPS_PROXY",
        "http://alice:hunter2@proxy.corp.example:3128",
    )
    .env("MAILCHIMP_API_KEY", "0123456789abcdef0123456789abcdef-us7")
    .env("SHOPIFY_STORE", "acme-store")
    .env("STRIPE_API_KEY", "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt")
    .timeout(Duration::from_secs(30));
    let r = run_with(&mut cmd);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = crate::support::schema::parse(&r.stdout, r.code);
    assert_eq!(report.check("doctor.network").status, "fail");
    // Each entry's checks carry the entry as their section; the verdict
    // about the whole run belongs to none.
    for c in &report.checks {
        match c.id.split_once('/') {
            Some((entry, _)) => assert_eq!(c.section.as_deref(), Some(entry), "{}", c.id),
            None => assert_eq!(c.section, None, "{}", c.id),
        }
    }
    assert_eq!(report.check("proxy/doctor.proxy").status, "warn");
    assert!(report
        .check("mailchimp-api/tls.connect")
        .summary
        .contains("us7.api.mailchimp.com"));
    assert!(report
        .check("shopify/tls.connect")
        .summary
        .contains("acme-store.myshopify.com"));
    assert_eq!(report.check("clock/doctor.clock").status, "skip");
    assert_eq!(report.check("stripe-api-dns/dns.resolve").status, "fail");
    // Credentials in the environment bring in that service's full check.
    assert_eq!(
        report.check("stripe-account/stripe.key_format").status,
        "pass"
    );
    assert_eq!(report.check("stripe-account/stripe.auth").status, "fail");
    assert!(report
        .ids()
        .iter()
        .any(|id| id.starts_with("mailchimp-account/")));
    assert!(!report
        .ids()
        .iter()
        .any(|id| id.starts_with("woocommerce-store/")));
    assert!(report.duration_ms < 10_000, "{}", report.duration_ms);
    for secret in ["hunter2", "alice", "0123456789abcdef", "AbCdEfGhIj"] {
        assert!(!r.stdout.contains(secret), "{secret} leaked");
    }
}
