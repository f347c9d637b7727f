//! `plumb webhook send` against loopback receivers: one that verifies, one
//! that accepts anything, one that redirects, one that is slow.

use crate::support::http::{Reply, Server};
use crate::support::{assert_usage_error, run_json};
use plumb::probes::webhook::signature::{sign, Provider, Scheme};
use plumb::secret::Secret;
use std::io::Write;
use std::time::Duration;

const SECRET: &str = "It's a Secret to Everybody";

fn payload() -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(br#"{"action":"ping"}"#).unwrap();
    f
}

/// A receiver that checks the GitHub signature as a careful endpoint would.
fn verifying() -> Server {
    Server::http(|req| {
        let want = sign(
            &Scheme::new(Provider::Github),
            &Secret::new(SECRET),
            &req.body,
            0,
            "",
        )
        .unwrap();
        match req.header("x-hub-signature-256") {
            Some(got) if got == want[0].1 => Reply::new(204),
            _ => Reply::json(401, r#"{"error":"bad signature"}"#),
        }
    })
}

fn send(url: &str, extra: &[&str]) -> (i32, crate::support::schema::Report) {
    let body = payload();
    let mut args = vec![
        "webhook",
        "send",
        url,
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--payload",
        body.path().to_str().unwrap(),
    ];
    args.extend(extra);
    run_json(&args)
}

#[test]
fn a_verifying_endpoint_accepts_the_delivery_and_rejects_forgeries() {
    let server = verifying();
    let (code, r) = send(&server.url("/hook"), &["--forged"]);
    assert_eq!(code, 0, "{:?}", r.checks);
    assert_eq!(r.command, "webhook send");
    assert_eq!(
        r.ids(),
        vec![
            "webhook.https",
            "webhook.status",
            "webhook.latency",
            "webhook.rejects_forged"
        ]
    );
    assert_eq!(
        r.check("webhook.https").status,
        "warn",
        "plain http to loopback"
    );
    assert_eq!(r.check("webhook.status").status, "pass");
    assert_eq!(r.check("webhook.rejects_forged").status, "pass");
    let seen = server.requests();
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].header("content-type"), Some("application/json"));
    assert!(
        seen[1].header("x-hub-signature-256").is_none(),
        "the unsigned copy"
    );
    assert_ne!(
        seen[2].header("x-hub-signature-256"),
        seen[0].header("x-hub-signature-256")
    );
}

#[test]
fn an_endpoint_that_accepts_anything_fails_the_forged_check() {
    let server = Server::http(|_| Reply::new(200));
    let (code, r) = send(&server.url("/hook"), &["--forged"]);
    assert_eq!(code, 1);
    let f = r.check("webhook.rejects_forged");
    assert_eq!(f.status, "fail");
    assert!(
        f.summary.contains("unsigned and a wrongly signed"),
        "{}",
        f.summary
    );
    assert!(!f.remediation.is_empty());
}

#[test]
fn a_wrong_secret_is_reported_as_rejected() {
    let server = verifying();
    let body = payload();
    let (code, r) = run_json(&[
        "webhook",
        "send",
        &server.url("/hook"),
        "--provider",
        "github",
        "--secret",
        "not it",
        "--payload",
        body.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let s = r.check("webhook.status");
    assert_eq!(s.details["status"], 401);
    assert!(s.summary.contains("rejected"));
    assert_eq!(s.details["body_excerpt"], r#"{"error":"bad signature"}"#);
}

#[test]
fn redirects_are_not_followed() {
    let server = Server::http(|_| Reply::new(301).header("location", "https://example.com/new"));
    let (code, r) = send(&server.url("/old"), &[]);
    assert_eq!(code, 1);
    let s = r.check("webhook.status");
    assert_eq!(s.status, "fail");
    assert_eq!(s.details["location"], "https://example.com/new");
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn gone_and_broken_endpoints_are_named() {
    for (status, needle) in [(410, "disabled"), (404, "no such path"), (503, "broken")] {
        let server = Server::http(move |_| Reply::new(status));
        let (code, r) = send(&server.url("/h"), &[]);
        assert_eq!(code, 1);
        assert!(
            r.check("webhook.status").summary.contains(needle),
            "{status}"
        );
    }
}

#[test]
fn a_slow_endpoint_misses_the_deadline() {
    let server = Server::http(|_| Reply::new(200).after(Duration::from_secs(5)));
    let (code, r) = send(&server.url("/slow"), &["--deadline", "1s"]);
    assert_eq!(code, 1);
    assert_eq!(r.check("webhook.status").status, "fail");
    assert_eq!(r.check("webhook.latency").status, "fail");
}

#[test]
fn bad_input_is_exit_2() {
    let body = payload();
    let p = body.path().to_str().unwrap();
    let cases = [
        (["ftp://x", "--secret", "s", "--payload", p], "URL"),
        (
            [
                "https://example.com/",
                "--secret",
                "s",
                "--payload",
                "/no/such",
            ],
            "--payload",
        ),
        (
            ["https://example.com/", "--secret", "", "--payload", p],
            "--secret",
        ),
    ];
    for (extra, needle) in cases {
        let mut args = vec!["webhook", "send", "--provider", "github"];
        args.extend(extra);
        assert_usage_error(&crate::support::run(&args), needle);
    }
    let r = crate::support::run(&[
        "webhook",
        "send",
        "https://example.com/",
        "--provider",
        "github",
        "--payload",
        p,
    ]);
    assert_usage_error(&r, "PLUMB_WEBHOOK_SECRET");
}

/// Without --deadline a delivery waits as long as its provider does:
/// Shopify gives up after 5 s, so a 5.5 s answer fails there, where a 10 s
/// default would have passed it.
#[test]
fn each_provider_waits_as_long_as_its_own_deadline() {
    let server = Server::http(|_| Reply::new(200).after(Duration::from_millis(5500)));
    let body = payload();
    let (code, r) = run_json(&[
        "webhook",
        "send",
        &server.url("/shopify"),
        "--provider",
        "shopify",
        "--secret",
        SECRET,
        "--payload",
        body.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{:?}", r.checks);
    let latency = r.check("webhook.latency");
    assert_eq!(latency.status, "fail");
    assert!(
        latency.summary.contains("deadline 5s"),
        "{}",
        latency.summary
    );
}

/// A rejection is named in the receiver's own words, redacted.
#[test]
fn a_rejection_is_named_from_the_answer_body() {
    let server = Server::http(|_| {
        Reply::json(
            400,
            r#"{"error":{"message":"No signatures found matching the expected signature for payload","secret":"It's a Secret to Everybody"}}"#,
        )
    });
    let (code, r) = send(&server.url("/hook"), &[]);
    assert_eq!(code, 1);
    let status = r.check("webhook.status");
    assert!(
        status.summary.contains(
            r#"it said "No signatures found matching the expected signature for payload""#
        ),
        "{}",
        status.summary
    );
    assert_eq!(
        status.details["reason"],
        "No signatures found matching the expected signature for payload"
    );
    let html = Server::http(|_| {
        Reply::new(403)
            .header("content-type", "text/html")
            .body("<html><head><title>Blocked by ModSecurity</title></head><body>…</body></html>")
    });
    let (_, r) = send(&html.url("/hook"), &[]);
    assert!(
        r.check("webhook.status")
            .summary
            .contains("Blocked by ModSecurity"),
        "{}",
        r.check("webhook.status").summary
    );
}

/// A container without a CA bundle: the failed delivery names the empty
/// store and how to install one, as `plumb tls` and `endpoint` do.
#[test]
fn an_empty_system_store_is_named_when_a_delivery_fails() {
    use crate::support::tls::{Leaf, Pki, BOTH};
    let pki = Pki::new();
    let server = Server::https(|_| Reply::new(204), pki.server_config(Leaf::Valid, BOTH));
    let empty = tempfile::NamedTempFile::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let body = payload();
    let url = format!("https://localhost:{}/hook", server.addr.port());
    let run = crate::support::run_with(
        crate::support::plumb()
            .args(["webhook", "send", &url, "--provider", "github", "--secret"])
            .args([SECRET, "--payload", body.path().to_str().unwrap()])
            .args(["--format", "json"])
            .env("SSL_CERT_FILE", empty.path())
            .env("SSL_CERT_DIR", dir.path()),
    );
    let r = crate::support::schema::parse(&run.stdout, run.code);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let status = r.check("webhook.status");
    assert_eq!(status.status, "fail");
    assert!(
        status
            .summary
            .contains("this machine's CA bundle is empty or missing (SSL_CERT_FILE="),
        "{}",
        status.summary
    );
    assert!(
        status
            .remediation
            .iter()
            .any(|r| r.contains("apt-get install ca-certificates")),
        "{:?}",
        status.remediation
    );
}
