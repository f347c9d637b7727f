//! `plumb tls` against real TLS servers on loopback with rcgen certificates.

use crate::support::http::{closed_port, Reply, Server, Silent};
use crate::support::tls::{Leaf, Pki, BOTH, TLS12_ONLY, TLS13_ONLY};
use crate::support::{assert_usage_error, run, run_json};
use std::time::{Duration, Instant};

fn serve(pki: &Pki, leaf: Leaf, versions: &[&'static rustls::SupportedProtocolVersion]) -> Server {
    Server::https(|_| Reply::new(200), pki.server_config(leaf, versions))
}

fn target(server: &Server) -> String {
    format!("localhost:{}", server.addr.port())
}

fn status(report: &crate::support::schema::Report, id: &str) -> String {
    report.check(id).status.clone()
}

#[test]
fn valid_chain_from_a_private_ca_passes_every_check() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let (code, report) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{:?}", report.checks);
    for id in [
        "tls.connect",
        "tls.handshake",
        "tls.protocol",
        "tls.hostname",
        "tls.trust",
        "tls.expiry",
        "tls.interception",
    ] {
        assert_eq!(
            status(&report, id),
            "pass",
            "{id}: {}",
            report.check(id).summary
        );
    }
    assert_eq!(report.check("tls.handshake").details["version"], "TLS 1.3");
    assert_eq!(
        report.check("tls.trust").details["anchored_in"],
        "--ca-file"
    );
    assert_eq!(
        report.check("tls.protocol").summary,
        "TLS 1.3 and TLS 1.2 accepted"
    );
    assert!(
        report.check("tls.expiry").details["days_left"]
            .as_i64()
            .unwrap()
            >= 364
    );
}

#[test]
fn each_certificate_defect_fails_only_its_own_check() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap().to_string();
    let cases = [
        (Leaf::Expired, "tls.expiry", "expired 3 days ago"),
        (Leaf::NotYetValid, "tls.expiry", "not valid yet"),
        (Leaf::WrongName, "tls.hostname", "not valid for localhost"),
        (Leaf::SelfSigned, "tls.trust", "self-signed"),
    ];
    for (leaf, failing, words) in cases {
        let server = serve(&pki, leaf, BOTH);
        let (code, report) = run_json(&["tls", &target(&server), "--ca-file", &ca]);
        assert_eq!(code, 1, "{leaf:?}");
        let check = report.check(failing);
        assert_eq!(check.status, "fail", "{leaf:?}");
        assert!(check.summary.contains(words), "{leaf:?}: {}", check.summary);
        for other in ["tls.connect", "tls.handshake", "tls.protocol"] {
            assert_eq!(status(&report, other), "pass", "{leaf:?} {other}");
        }
        if leaf != Leaf::SelfSigned {
            assert_eq!(
                status(&report, "tls.trust"),
                "pass",
                "{leaf:?}: trust is judged apart from expiry and name"
            );
        }
    }
}

#[test]
fn near_expiry_warns_and_fail_on_warn_gates_it() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::ExpiresInDays(10), BOTH);
    let ca = ca.path().to_str().unwrap();
    let (code, report) = run_json(&["tls", &target(&server), "--ca-file", ca]);
    assert_eq!(code, 0);
    assert_eq!(status(&report, "tls.expiry"), "warn");
    assert!(
        report
            .check("tls.expiry")
            .summary
            .contains("expires in 9 days")
            || report
                .check("tls.expiry")
                .summary
                .contains("expires in 10 days")
    );
    let (code, _) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        ca,
        "--fail-on",
        "warn",
    ]);
    assert_eq!(code, 1);
    let (code, report) = run_json(&["tls", &target(&server), "--ca-file", ca, "--warn-days", "5"]);
    assert_eq!(code, 0);
    assert_eq!(status(&report, "tls.expiry"), "pass");
}

#[test]
fn unknown_ca_without_ca_file_is_an_untrusted_chain() {
    let pki = Pki::new();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let (code, report) = run_json(&["tls", &target(&server)]);
    assert_eq!(code, 1);
    let trust = report.check("tls.trust");
    assert_eq!(trust.status, "fail");
    assert!(
        trust.summary.contains("unknown issuer or incomplete chain"),
        "{}",
        trust.summary
    );
    assert!(trust.remediation.iter().any(|r| r.contains("--ca-file")));
}

#[test]
fn protocol_limited_servers_are_described() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let v12 = serve(&pki, Leaf::Valid, TLS12_ONLY);
    let (code, report) = run_json(&["tls", &target(&v12), "--ca-file", ca]);
    assert_eq!(code, 0);
    assert_eq!(
        report.check("tls.protocol").summary,
        "TLS 1.2 accepted; TLS 1.3 not offered"
    );
    assert_eq!(report.check("tls.handshake").details["version"], "TLS 1.2");
    let v13 = serve(&pki, Leaf::Valid, TLS13_ONLY);
    let (_, report) = run_json(&["tls", &target(&v13), "--ca-file", ca]);
    assert!(report
        .check("tls.protocol")
        .summary
        .starts_with("TLS 1.3 accepted; TLS 1.2 refused"));
}

#[test]
fn silent_server_fails_the_handshake_within_the_timeout() {
    let silent = Silent::start();
    let started = Instant::now();
    let (code, report) = run_json(&[
        "tls",
        &format!("localhost:{}", silent.addr.port()),
        "--timeout",
        "1s",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(code, 1);
    assert_eq!(status(&report, "tls.connect"), "pass");
    let hs = report.check("tls.handshake");
    assert_eq!(hs.status, "fail");
    assert!(
        hs.summary
            .contains("did not complete the TLS handshake within 1s"),
        "{}",
        hs.summary
    );
    assert_eq!(status(&report, "tls.expiry"), "skip");
}

#[test]
fn plain_http_port_is_named() {
    let server = Server::http(|_| Reply::new(200));
    let (code, report) = run_json(&["tls", &format!("127.0.0.1:{}", server.addr.port())]);
    assert_eq!(code, 1);
    let hs = report.check("tls.handshake");
    assert!(
        hs.summary
            .contains("answered in plain HTTP: this port does not speak TLS"),
        "{}",
        hs.summary
    );
}

#[test]
fn closed_port_is_refused() {
    let (code, report) = run_json(&["tls", &format!("127.0.0.1:{}", closed_port().port())]);
    assert_eq!(code, 1);
    let c = report.check("tls.connect");
    assert_eq!(c.status, "fail");
    assert!(c.summary.contains("refused"), "{}", c.summary);
    assert_eq!(status(&report, "tls.trust"), "skip");
}

#[test]
fn address_and_servername_steer_the_connection_and_the_name_check() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let server = serve(&pki, Leaf::WrongName, BOTH);
    let port = server.addr.port().to_string();
    let (code, report) = run_json(&[
        "tls",
        &format!("wrong.example:{port}"),
        "--address",
        "127.0.0.1",
        "--ca-file",
        ca,
    ]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(
        report.check("tls.connect").details["address"],
        format!("127.0.0.1:{port}")
    );
    let (code, report) = run_json(&[
        "tls",
        &format!("127.0.0.1:{port}"),
        "--servername",
        "wrong.example",
        "--ca-file",
        ca,
    ]);
    assert_eq!(code, 0);
    assert_eq!(status(&report, "tls.hostname"), "pass");
}

#[test]
fn inspection_ca_is_flagged() {
    let pki = Pki::named("Zscaler Root CA");
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let (code, report) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "interception is a warning");
    let i = report.check("tls.interception");
    assert_eq!(i.status, "warn");
    assert!(i.summary.contains("Zscaler"), "{}", i.summary);
}

#[test]
fn all_addresses_compares_each_address() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let (code, report) = run_json(&[
        "tls",
        &format!("127.0.0.1:{}", server.addr.port()),
        "--servername",
        "localhost",
        "--all-addresses",
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(
        report.check("tls.addresses").summary,
        "all 1 addresses serve the same certificate"
    );
}

#[test]
fn bad_targets_are_usage_errors() {
    assert_usage_error(&run(&["tls", ""]), "HOST is empty");
    assert_usage_error(&run(&["tls", "example.com:0"]), "port '0'");
    assert_usage_error(&run(&["tls", "example.com:99999"]), "1 to 65535");
    assert_usage_error(&run(&["tls", "exa mple.com"]), "cannot contain");
    assert_usage_error(
        &run(&["tls", "example.com", "--address", "not-an-ip"]),
        "--address",
    );
    assert_usage_error(
        &run(&["tls", "example.com", "--warn-days", "-1"]),
        "--warn-days",
    );
    assert_usage_error(&run(&["tls", "ftp://example.com"]), "only http and https");
    let empty_ca = tempfile::NamedTempFile::new().unwrap();
    assert_usage_error(
        &run(&[
            "tls",
            "localhost:1",
            "--ca-file",
            empty_ca.path().to_str().unwrap(),
        ]),
        "no PEM certificate",
    );
}

#[test]
fn a_certificate_message_too_large_is_named_not_called_plain_http() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let named = "larger than plumb accepts (64 KiB), most likely its certificate message";
    // rustls gives up in two ways, depending on how the message arrives:
    // its declared length is over the limit, or the buffer fills first.
    for (names, versions) in [
        (1300, BOTH),
        (1300, TLS12_ONLY),
        (4000, BOTH),
        (4000, TLS12_ONLY),
    ] {
        let server = serve(&pki, Leaf::ManyNames(names), versions);
        let (code, report) = run_json(&["tls", &target(&server), "--ca-file", ca]);
        assert_eq!(code, 1);
        let handshake = report.check("tls.handshake");
        assert!(
            handshake.summary.contains(named),
            "{names}: {}",
            handshake.summary
        );
        assert!(
            !handshake
                .remediation
                .iter()
                .any(|r| r.contains("plain HTTP")),
            "{:?}",
            handshake.remediation
        );
        // The server chose a version before it sent the certificate.
        assert_eq!(status(&report, "tls.protocol"), "pass");
        let text = run(&["tls", &target(&server), "--ca-file", ca]);
        assert_eq!(text.code, 1);
        assert!(text.stdout.contains(named), "{}", text.stdout);
        assert!(!text.stdout.contains("not TLS"), "{}", text.stdout);
        // The HTTP client names it the same way.
        let url = format!("https://localhost:{}/", server.addr.port());
        let r = run(&["endpoint", &url, "--ca-file", ca, "--json"]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stdout.contains(named), "{}", r.stdout);
        assert!(!r.stdout.contains("not TLS"), "{}", r.stdout);
    }
}

/// A private CA trusted only by the system store, given as OpenSSL reads
/// it (`SSL_CERT_FILE`): trusted through the system store.
#[test]
fn a_private_ca_in_ssl_cert_file_is_the_system_store() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let run = crate::support::run_with(
        crate::support::plumb()
            .args(["tls", &target(&server), "--format", "json"])
            .env("SSL_CERT_FILE", ca.path())
            .env_remove("SSL_CERT_DIR"),
    );
    let report = crate::support::schema::parse(&run.stdout, run.code);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let trust = report.check("tls.trust");
    assert_eq!(trust.details["anchored_in"], "the system trust store");
    // endpoint's client reads the same store.
    let run = crate::support::run_with(
        crate::support::plumb()
            .args([
                "endpoint",
                &format!("https://localhost:{}/", server.addr.port()),
            ])
            .env("SSL_CERT_FILE", ca.path())
            .env_remove("SSL_CERT_DIR"),
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// A container without a CA bundle: the system store OpenSSL reads is
/// empty, and the verdict says so with how to install one.
#[test]
fn an_empty_system_store_is_named_with_how_to_install_a_bundle() {
    let pki = Pki::new();
    let server = serve(&pki, Leaf::Valid, BOTH);
    let empty = tempfile::NamedTempFile::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = crate::support::run_with(
        crate::support::plumb()
            .args(["tls", &target(&server), "--format", "json"])
            .env("SSL_CERT_FILE", empty.path())
            .env("SSL_CERT_DIR", dir.path()),
    );
    let report = crate::support::schema::parse(&run.stdout, run.code);
    assert_eq!(run.code, 1);
    let trust = report.check("tls.trust");
    assert_eq!(trust.status, "fail");
    assert!(
        trust.summary.contains("CA bundle is empty or missing")
            && trust.summary.contains("SSL_CERT_FILE="),
        "{}",
        trust.summary
    );
    assert!(
        trust
            .remediation
            .iter()
            .any(|r| r.contains("ca-certificates")),
        "{:?}",
        trust.remediation
    );
}

/// OpenSSL refuses a leaf whose keyUsage forbids a server's use; webpki
/// alone passed it.
#[test]
fn a_key_usage_that_forbids_serving_fails_trust() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::ForbiddingKeyUsage, BOTH);
    let (code, report) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let trust = report.check("tls.trust");
    assert_eq!(trust.status, "fail");
    assert!(trust.summary.contains("keyUsage"), "{}", trust.summary);
}

/// What `openssl req -x509` makes (CA:TRUE), pinned with --ca-file, is
/// trusted as OpenSSL trusts it.
#[test]
fn a_pinned_self_signed_ca_certificate_is_trusted() {
    let (pem, config) = crate::support::tls::pinned_self_signed();
    let server = Server::https(|_| Reply::new(200), config);
    let pin = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pin.path(), pem).unwrap();
    let (code, report) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        pin.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{:?}", report.check("tls.trust").summary);
    assert_eq!(status(&report, "tls.trust"), "pass");
}

/// A leaf marked CA:TRUE is beyond plumb's verifier; the system's OpenSSL
/// judges it (CI installs openssl), and the server is not blamed.
#[test]
fn a_chain_plumb_cannot_judge_gets_openssls_opinion() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = serve(&pki, Leaf::MarkedCa, BOTH);
    let (code, report) = run_json(&[
        "tls",
        &target(&server),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    let trust = report.check("tls.trust");
    assert_eq!(code, 0, "{}", trust.summary);
    assert_eq!(trust.status, "pass");
    assert!(trust.summary.contains("OpenSSL"), "{}", trust.summary);
    assert!(trust.summary.contains("CA:TRUE"), "{}", trust.summary);
}
