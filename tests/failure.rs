//! One translation of connection and TLS failures: every command names the
//! cause in words (never a library's error text) with the remedy that fits.

use crate::support::hostile::{Act, Hostile};
use crate::support::http::{closed_port, Reply, Server};
use crate::support::run_json;
use crate::support::tls::{Leaf, Pki, BOTH};

/// Library text that must never reach a report.
const RAW: &[&str] = &[
    "UnknownIssuer",
    "CertExpired",
    "ExpiredContext",
    "NotValidYet",
    "UnixTime",
    "DnsName(",
    "BadDerTime",
    "UnsupportedCriticalExtension",
    "InvalidCertificate",
    "Unix seconds",
];

fn assert_words(text: &str) {
    for raw in RAW {
        assert!(!text.contains(raw), "library text {raw} in: {text}");
    }
}

fn serve(pki: &Pki, leaf: Leaf) -> Server {
    Server::https(|_| Reply::new(200), pki.server_config(leaf, BOTH))
}

/// The failing check of each command that sends a request to `url`.
fn each_command(url: &str, ca: Option<&str>) -> Vec<(String, String, Vec<String>)> {
    let body = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(body.path(), "{}").unwrap();
    let commands: Vec<(Vec<&str>, &str)> = vec![
        (vec!["endpoint", url], "http.tls"),
        (
            vec![
                "webhook",
                "send",
                url,
                "--provider",
                "github",
                "--secret",
                "s3cret-value",
                "--payload",
                body.path().to_str().unwrap(),
            ],
            "webhook.status",
        ),
        (vec!["rate-limit", "inspect", url], "ratelimit.headers"),
        (
            vec![
                "check",
                "stripe",
                "--api-base",
                url,
                "--api-key",
                "sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH",
            ],
            "stripe.auth",
        ),
    ];
    let mut out = Vec::new();
    for (mut args, id) in commands {
        if let Some(ca) = ca {
            args.extend(["--ca-file", ca]);
        }
        let (code, report) = run_json(&args);
        assert_eq!(code, 1, "{args:?}");
        let check = report.check(id);
        assert_eq!(check.status, "fail", "{args:?}");
        out.push((
            id.to_string(),
            check.summary.clone(),
            check.remediation.clone(),
        ));
    }
    out
}

#[test]
fn an_expired_certificate_is_named_in_hours_with_no_ca_file_advice() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::ExpiredHoursAgo(2));
    let port = server.addr.port();
    for (id, summary, remedies) in each_command(
        &format!("https://localhost:{port}/"),
        Some(ca.path().to_str().unwrap()),
    ) {
        assert!(summary.contains("expired 2 hours ago"), "{id}: {summary}");
        assert_words(&summary);
        assert!(
            !remedies.iter().any(|r| r.contains("--ca-file")),
            "{id}: {remedies:?}"
        );
        assert!(
            remedies.iter().any(|r| r.contains("Renew")),
            "{id}: {remedies:?}"
        );
        assert!(
            remedies
                .iter()
                .any(|r| r.contains(&format!("plumb tls localhost:{port}"))),
            "{id}: {remedies:?}"
        );
    }
    let (_, report) = run_json(&[
        "tls",
        &format!("localhost:{port}"),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    let expiry = report.check("tls.expiry");
    assert!(
        expiry.summary.contains("expired 2 hours ago"),
        "{}",
        expiry.summary
    );
}

#[test]
fn a_wrong_name_is_named_without_library_text() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::WrongName);
    let url = format!("https://localhost:{}/", server.addr.port());
    for (id, summary, remedies) in each_command(&url, Some(ca.path().to_str().unwrap())) {
        assert!(
            summary.contains("not valid for localhost: it names wrong.example"),
            "{id}: {summary}"
        );
        assert_words(&summary);
        assert!(
            !remedies.iter().any(|r| r.contains("--ca-file")),
            "{id}: {remedies:?}"
        );
    }
}

#[test]
fn untrusted_chains_are_told_apart_by_shape() {
    let pki = Pki::new();
    let self_signed = serve(&pki, Leaf::SelfSigned);
    let url = format!("https://localhost:{}/", self_signed.addr.port());
    for (id, summary, remedies) in each_command(&url, None) {
        assert!(summary.contains("self-signed"), "{id}: {summary}");
        assert_words(&summary);
        assert!(
            remedies.iter().any(|r| r.contains("--ca-file")),
            "{id}: {remedies:?}"
        );
    }
    let private = serve(&pki, Leaf::Valid);
    let url = format!("https://localhost:{}/", private.addr.port());
    for (id, summary, remedies) in each_command(&url, None) {
        assert!(summary.contains("incomplete chain"), "{id}: {summary}");
        assert_words(&summary);
        assert!(
            remedies.iter().any(|r| r.contains("fullchain")),
            "{id}: {remedies:?}"
        );
    }
}

#[test]
fn a_refused_port_names_host_and_port() {
    let port = closed_port().port();
    let url = format!("https://localhost:{port}/");
    let (_, report) = run_json(&["endpoint", &url]);
    let connect = report.check("http.connect");
    assert_eq!(connect.status, "fail");
    assert!(
        connect
            .remediation
            .iter()
            .any(|r| r.contains(&format!("localhost:{port}"))),
        "{:?}",
        connect.remediation
    );
}

#[test]
fn tls_against_plain_http_says_it_is_not_tls() {
    let server = Server::http(|_| Reply::new(200));
    let port = server.addr.port();
    let (code, report) = run_json(&["tls", &format!("127.0.0.1:{port}")]);
    assert_eq!(code, 1);
    let hs = report.check("tls.handshake");
    assert!(hs.summary.contains("plain HTTP"), "{}", hs.summary);
    let protocol = report.check("tls.protocol");
    assert_eq!(protocol.status, "skip", "{}", protocol.summary);
    let all: Vec<&String> = report
        .checks
        .iter()
        .flat_map(|c| c.remediation.iter())
        .collect();
    assert!(!all.iter().any(|r| r.contains("TLS 1.2 and")), "{all:?}");
    // endpoint says the same through the one translator.
    let (_, report) = run_json(&["endpoint", &format!("https://127.0.0.1:{port}/")]);
    let tls = report.check("http.tls");
    assert!(tls.summary.contains("not TLS"), "{}", tls.summary);
}

#[test]
fn a_server_that_wants_tls_1_0_is_named_with_that_version() {
    let server = Hostile::start(Act::Tls10Only);
    let (code, report) = run_json(&["tls", &server.target()]);
    assert_eq!(code, 1);
    let hs = report.check("tls.handshake");
    assert!(hs.summary.contains("speaks only TLS 1.0"), "{}", hs.summary);
    let protocol = report.check("tls.protocol");
    assert_eq!(protocol.status, "fail");
    assert!(protocol.summary.contains("TLS 1.0"), "{}", protocol.summary);
}

#[test]
fn a_chain_openssl_refuses_fails_every_command_too() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::ForbiddingKeyUsage);
    let url = format!("https://localhost:{}/", server.addr.port());
    for (id, summary, remedies) in each_command(&url, Some(ca.path().to_str().unwrap())) {
        assert!(summary.contains("keyUsage"), "{id}: {summary}");
        assert!(
            remedies.iter().any(|r| r.contains("Re-issue")),
            "{id}: {remedies:?}"
        );
    }
}

#[test]
fn a_certificate_not_yet_valid_points_at_the_clock() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::NotYetValid);
    let url = format!("https://localhost:{}/", server.addr.port());
    for (id, summary, remedies) in each_command(&url, Some(ca.path().to_str().unwrap())) {
        assert!(
            summary.contains("not valid yet: it becomes valid in"),
            "{id}: {summary}"
        );
        assert_words(&summary);
        assert!(
            remedies.iter().any(|r| r.contains("clock")),
            "{id}: {remedies:?}"
        );
        assert!(
            !remedies.iter().any(|r| r.contains("--ca-file")),
            "{id}: {remedies:?}"
        );
    }
}
