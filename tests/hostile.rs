//! Hostile servers: every command that talks to a server, against servers
//! that misbehave (`support::hostile`, and the silent and endless servers
//! of `support::http`). Each run must finish (the harness's timeout is the
//! hard stop), exit 1 with a failed check naming what the server did —
//! never a generic error, never exit 3 — and read at most the body cap.
//! No wall-clock assertion: the machine running the tests may be slow.

use crate::support::dns::DnsServer;
use crate::support::hostile::{Act, Hostile};
use crate::support::http::{Endless, Silent};
use crate::support::{run_json, schema};
use std::io::Write;

const SK: &str = "sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH";
const SHPAT: &str = "shpat_0123456789abcdef0123456789abcdef";
const MC: &str = "0123456789abcdef0123456789abcdef-us6";
const CK: &str = "ck_0123456789abcdef0123456789abcdef01234567";
const CS: &str = "cs_0123456789abcdef0123456789abcdef01234567";
const HOOK_SECRET: &str = "hostile-test-secret-0123";

/// A command line, owned, so tests can build them from server addresses.
type Args = Vec<String>;

fn args(a: &[&str]) -> Args {
    a.iter().map(|s| s.to_string()).collect()
}

fn payload() -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(br#"{"action":"ping"}"#).unwrap();
    file
}

/// The four `check SERVICE` commands, pointed at `url`.
fn checks(url: &str) -> Vec<Args> {
    vec![
        args(&["check", "stripe", "--api-base", url, "--api-key", SK]),
        args(&[
            "check",
            "shopify",
            "--api-base",
            url,
            "--store",
            "acme",
            "--token",
            SHPAT,
        ]),
        args(&["check", "mailchimp", "--api-base", url, "--api-key", MC]),
        args(&[
            "check",
            "woocommerce",
            "--url",
            url,
            "--consumer-key",
            CK,
            "--consumer-secret",
            CS,
        ]),
    ]
}

/// Every command that sends HTTP requests, pointed at `url`.
fn http_commands(url: &str, payload: &tempfile::NamedTempFile) -> Vec<Args> {
    let mut all = vec![
        args(&["endpoint", url]),
        args(&["rate-limit", "inspect", url]),
        args(&[
            "rate-limit",
            "probe",
            url,
            "--rate",
            "10/s",
            "--requests",
            "2",
        ]),
        args(&[
            "webhook",
            "send",
            url,
            "--provider",
            "github",
            "--secret",
            HOOK_SECRET,
            "--payload",
            payload.path().to_str().unwrap(),
        ]),
    ];
    all.extend(checks(url));
    all
}

/// Runs `cmd` with `--timeout 2s` and returns its exit code and report.
fn hostile_run(cmd: &Args) -> (i32, schema::Report) {
    let mut all: Vec<&str> = cmd.iter().map(String::as_str).collect();
    all.extend(["--timeout", "2s"]);
    run_json(&all)
}

/// Exit 1, with a failed check whose summary contains `needle`.
fn assert_named(cmd: &Args, needle: &str) {
    let (code, r) = hostile_run(cmd);
    assert_eq!(code, 1, "{cmd:?}: {:#?}", r.checks);
    let failed: Vec<&schema::Check> = r.checks.iter().filter(|c| c.status == "fail").collect();
    assert!(
        failed.iter().any(|c| c.summary.contains(needle)),
        "{cmd:?}: no failed check says {needle:?}: {failed:#?}"
    );
    for c in failed {
        assert!(!c.remediation.is_empty(), "{cmd:?}: {} has no remedy", c.id);
    }
}

/// Runs every command on its own thread (each is a separate process) and
/// checks it with `judge`.
fn each(cmds: Vec<Args>, judge: impl Fn(&Args) + Sync) {
    std::thread::scope(|s| {
        let handles: Vec<_> = cmds.iter().map(|c| s.spawn(|| judge(c))).collect();
        for h in handles {
            if let Err(e) = h.join() {
                std::panic::resume_unwind(e);
            }
        }
    });
}

/// Every command against a server at `addr` that never completes an
/// answer: each names the phase it waited in.
fn stalled_at(addr: &str) {
    let body = payload();
    let mut cmds = http_commands(&format!("http://{addr}/"), &body);
    cmds.push(args(&["tls", addr]));
    each(cmds, |cmd| {
        let needle = if cmd[0] == "tls" {
            "did not complete the TLS handshake within 2s"
        } else {
            "no response headers arrived within 2s"
        };
        assert_named(cmd, needle);
    });
}

#[test]
fn a_server_that_accepts_and_never_speaks() {
    let silent = Silent::start();
    stalled_at(&silent.addr.to_string());
}

/// Each byte arrives within any per-read timeout; only the request's one
/// deadline ends the wait.
#[test]
fn a_server_that_sends_its_headers_a_byte_a_second() {
    let drip = Hostile::start(Act::Drip);
    stalled_at(&drip.target());
}

#[test]
fn a_server_that_sends_a_ten_megabyte_header() {
    let huge = Hostile::start(Act::HugeHeader);
    let body = payload();
    each(http_commands(&huge.url("/"), &body), |cmd| {
        assert_named(
            cmd,
            "response headers are larger than plumb accepts (64 KiB",
        );
    });
}

#[test]
fn a_server_that_closes_mid_handshake() {
    let cut = Hostile::start(Act::CutHandshake);
    let url = format!("https://{}/", cut.target());
    let body = payload();
    let mut cmds = http_commands(&url, &body);
    cmds.push(args(&["tls", &cut.target()]));
    each(cmds, |cmd| {
        assert_named(cmd, "closed the connection during the TLS handshake");
    });
}

#[test]
fn a_server_that_redirects_forever() {
    let loop_ = Hostile::start(Act::RedirectForever);
    let url = loop_.url("/");
    let body = payload();
    each(http_commands(&url, &body), |cmd| match cmd[0].as_str() {
        "endpoint" => assert_named(cmd, "more than 5 redirects: stopped following"),
        "webhook" => assert_named(cmd, "redirect"),
        "check" => assert_named(cmd, "/loop/"),
        // Reading rate-limit headers off a redirect is legitimate.
        _ => assert!(hostile_run(cmd).0 <= 1, "{cmd:?}"),
    });
}

#[test]
fn a_service_that_answers_bodies_that_are_not_json_or_not_utf8() {
    for (act, needle) in [
        (Act::NotJson, "with a body that is not JSON"),
        (Act::NotUtf8, "with a body that is not UTF-8 text"),
    ] {
        let server = Hostile::start(act);
        let body = payload();
        each(http_commands(&server.url("/"), &body), |cmd| {
            if cmd[0] == "check" {
                assert_named(cmd, needle);
            } else {
                // No JSON is expected: the command reports, never crashes,
                // and the raw escape sequence never reaches the output.
                let (code, r) = hostile_run(cmd);
                assert!(code <= 1, "{cmd:?}: {:#?}", r.checks);
            }
            let mut text: Vec<&str> = cmd.iter().map(String::as_str).collect();
            text.extend(["--timeout", "2s", "--color", "never", "-v"]);
            let out = crate::support::run(&text);
            assert!(
                !out.stdout.contains('\x1b'),
                "{cmd:?}: raw escape: {}",
                out.stdout
            );
        });
    }
}

#[test]
fn a_server_that_sends_an_endless_body() {
    let endless = Endless::start();
    let url = format!("http://{}/", endless.addr);
    let body = payload();
    each(http_commands(&url, &body), |cmd| match cmd[0].as_str() {
        "check" => assert_named(cmd, "with a body larger than 1024 KiB"),
        "endpoint" => {
            // A large body is no fault of an arbitrary URL; the cap shows.
            let (code, r) = hostile_run(cmd);
            assert_eq!(code, 0, "{:#?}", r.checks);
            assert_eq!(
                r.check("http.status").details["body"],
                "larger than 1048576 bytes; only that much was read"
            );
        }
        _ => assert!(hostile_run(cmd).0 <= 1, "{cmd:?}"),
    });
}

#[test]
fn a_resolver_that_never_answers() {
    let dns = DnsServer::silent();
    let cmd = args(&[
        "dns",
        "example.com",
        "--no-system",
        "--resolver",
        &dns.arg(),
    ]);
    assert_named(&cmd, "no answer within 2");
}

#[test]
fn doctor_entries_against_hostile_servers_fail_by_name() {
    let silent = Silent::start();
    let huge = Hostile::start(Act::HugeHeader);
    let cut = Hostile::start(Act::CutHandshake);
    let junk = Hostile::start(Act::NotJson);
    let dns = DnsServer::silent();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    write!(
        file,
        "[[check]]\nname = \"silent\"\nrun = \"endpoint http://{}/ --timeout 2s\"\n\n\
         [[check]]\nname = \"huge\"\nrun = \"rate-limit inspect {} --timeout 2s\"\n\n\
         [[check]]\nname = \"cut\"\nrun = \"tls {} --timeout 2s\"\n\n\
         [[check]]\nname = \"junk\"\nrun = \"check stripe --api-base {} --timeout 2s\"\n\n\
         [[check]]\nname = \"resolver\"\nrun = \"dns example.com --no-system --resolver {} --timeout 2s\"\n",
        silent.addr,
        huge.url("/"),
        cut.target(),
        junk.url("/"),
        dns.arg(),
    )
    .unwrap();
    let out = crate::support::run_with(
        crate::support::plumb()
            .args([
                "doctor",
                "--config",
                file.path().to_str().unwrap(),
                "--json",
            ])
            .env("STRIPE_API_KEY", SK),
    );
    let r = schema::parse(&out.stdout, out.code);
    assert_eq!(out.code, 1, "{:#?}", r.checks);
    assert!(!out.stdout.contains(SK));
    for (id, needle) in [
        (
            "silent/http.status",
            "no response headers arrived within 2s",
        ),
        ("huge/ratelimit.headers", "larger than plumb accepts"),
        (
            "cut/tls.handshake",
            "closed the connection during the TLS handshake",
        ),
        ("junk/stripe.auth", "not JSON"),
        ("resolver/dns.resolve", "no answer within 2"),
    ] {
        let c = r.check(id);
        assert_eq!(c.status, "fail", "{id}: {c:#?}");
        assert!(c.summary.contains(needle), "{id}: {c:#?}");
    }
}
