//! `plumb endpoint` against loopback HTTP(S) servers.

use crate::support::http::{Endless, Reply, Server, Silent};
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{assert_usage_error, run, run_json};
use std::time::{Duration, Instant};

#[test]
fn ok_response_passes_with_a_timing_breakdown() {
    let server =
        Server::http(|_| Reply::json(200, r#"{"ok":true}"#).header("x-request-id", "req_123"));
    let (code, report) = run_json(&["endpoint", &server.url("/health")]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(
        report.ids(),
        vec![
            "http.dns",
            "http.connect",
            "http.tls",
            "http.status",
            "http.latency"
        ]
    );
    assert_eq!(
        report.check("http.tls").status,
        "skip",
        "plain http to loopback"
    );
    let status = report.check("http.status");
    assert_eq!(status.summary, "200 OK");
    assert_eq!(status.details["request_id"], "req_123");
    let latency = report.check("http.latency");
    assert_eq!(latency.status, "pass");
    assert!(latency.summary.contains("first byte"));
    for key in ["dns_ms", "connect_ms", "first_byte_ms", "total_ms"] {
        assert!(latency.details[key].is_u64(), "{key}");
    }
}

#[test]
fn https_with_a_private_ca_is_verified() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = Server::https(|_| Reply::new(204), pki.server_config(Leaf::Valid, BOTH));
    let url = format!("https://localhost:{}/", server.addr.port());
    let (code, report) = run_json(&["endpoint", &url, "--ca-file", ca.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert!(report
        .check("http.tls")
        .summary
        .contains("certificate verified"));
    let (code, report) = run_json(&["endpoint", &url]);
    assert_eq!(code, 1, "untrusted without --ca-file");
    let tls = report.check("http.tls");
    assert_eq!(tls.status, "fail");
    assert!(tls
        .remediation
        .iter()
        .any(|r| r.contains("plumb tls localhost")));
}

/// A private CA in `SSL_CERT_FILE` is the system store OpenSSL-based
/// clients read: the TLS row names it as what anchored the chain, as
/// `plumb tls` does, and says nothing about Mozilla's roots.
#[test]
fn a_chain_trusted_through_ssl_cert_file_is_anchored_in_the_system_store() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = Server::https(|_| Reply::new(204), pki.server_config(Leaf::Valid, BOTH));
    let url = format!("https://localhost:{}/", server.addr.port());
    let run = crate::support::run_with(
        crate::support::plumb()
            .args(["endpoint", &url, "--format", "json"])
            .env("SSL_CERT_FILE", ca.path())
            .env_remove("SSL_CERT_DIR"),
    );
    let report = crate::support::schema::parse(&run.stdout, run.code);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let tls = report.check("http.tls");
    assert_eq!(tls.status, "pass", "{}", tls.summary);
    assert_eq!(tls.details["anchored_in"], "the system trust store");
    assert!(!tls.summary.contains("Mozilla"), "{}", tls.summary);
}

/// A container without a CA bundle: endpoint names the empty store and
/// how to install one, in the words `plumb tls` uses for the same server.
#[test]
fn an_empty_system_store_is_named_by_endpoint_as_by_tls() {
    let pki = Pki::new();
    let server = Server::https(|_| Reply::new(204), pki.server_config(Leaf::Valid, BOTH));
    let empty = tempfile::NamedTempFile::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plumb = |args: &[&str]| {
        let run = crate::support::run_with(
            crate::support::plumb()
                .args(args)
                .args(["--format", "json"])
                .env("SSL_CERT_FILE", empty.path())
                .env("SSL_CERT_DIR", dir.path()),
        );
        (
            run.code,
            crate::support::schema::parse(&run.stdout, run.code),
        )
    };
    let url = format!("https://localhost:{}/", server.addr.port());
    let (code, endpoint) = plumb(&["endpoint", &url]);
    let (_, tls) = plumb(&["tls", &format!("localhost:{}", server.addr.port())]);
    assert_eq!(code, 1);
    let row = endpoint.check("http.tls");
    assert_eq!(row.status, "fail");
    let named = format!(
        "this machine's CA bundle is empty or missing (SSL_CERT_FILE={}, SSL_CERT_DIR={})",
        empty.path().display(),
        dir.path().display()
    );
    assert!(row.summary.contains(&named), "{}", row.summary);
    assert!(
        tls.check("tls.trust").summary.contains(&named),
        "{}",
        tls.check("tls.trust").summary
    );
    let install = tls
        .check("tls.trust")
        .remediation
        .iter()
        .find(|r| r.contains("apt-get install ca-certificates"))
        .cloned()
        .expect("tls names the bundle's install");
    assert!(row.remediation.contains(&install), "{:?}", row.remediation);
}

#[test]
fn server_errors_are_explained_from_the_catalogue() {
    let server = Server::http(|_| Reply::json(500, r#"{"error":"boom"}"#));
    let (code, report) = run_json(&[
        "endpoint",
        &server.url("/x"),
        "--method",
        "post",
        "--data",
        "{}",
    ]);
    assert_eq!(code, 1);
    let status = report.check("http.status");
    assert_eq!(status.summary, "500 Internal Server Error");
    assert!(status.details["meaning"]
        .as_str()
        .unwrap()
        .contains("server failed"));
    assert_eq!(status.details["body_excerpt"], r#"{"error":"boom"}"#);
    let seen = server.requests();
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].body, b"{}");
}

#[test]
fn slow_answers_are_judged_against_the_deadline() {
    let server = Server::http(|_| Reply::new(200).after(Duration::from_millis(700)));
    let (code, report) = run_json(&["endpoint", &server.url("/"), "--deadline", "1s"]);
    assert_eq!(code, 0);
    assert_eq!(report.check("http.latency").status, "warn");
    let (code, report) = run_json(&["endpoint", &server.url("/"), "--deadline", "500ms"]);
    assert_eq!(code, 1);
    assert_eq!(report.check("http.latency").status, "fail");
}

#[test]
fn redirects_are_listed_and_credentials_stay_on_their_host() {
    let target = Server::http(|_| Reply::new(200));
    let final_url = format!("http://localhost:{}/final", target.addr.port());
    let hop = Server::http(move |_| Reply::new(302).header("location", &final_url));
    let (code, report) = run_json(&[
        "endpoint",
        &hop.url("/start"),
        "-H",
        "Authorization: Bearer s3cr3t-token-value",
    ]);
    assert_eq!(code, 0, "a redirect to a 2xx is a warning");
    let status = report.check("http.status");
    assert_eq!(status.status, "warn");
    assert_eq!(status.details["redirects"].as_array().unwrap().len(), 2);
    assert_eq!(
        hop.requests()[0].header("authorization"),
        Some("Bearer s3cr3t-token-value")
    );
    let arrived = target.requests();
    assert_eq!(arrived.len(), 1);
    assert_eq!(
        arrived[0].header("authorization"),
        None,
        "credential must not cross to another host"
    );
    let all = serde_json::to_string(&report.checks.iter().map(|c| &c.details).collect::<Vec<_>>())
        .unwrap();
    assert!(!all.contains("s3cr3t"));
}

#[test]
fn redirect_loops_stop_after_five_hops() {
    let server =
        Server::http(|req| Reply::new(301).header("location", &format!("{}x", req.path_and_query)));
    let (code, report) = run_json(&["endpoint", &server.url("/")]);
    assert_eq!(code, 1);
    assert!(report
        .check("http.status")
        .summary
        .contains("more than 5 redirects"));
    assert_eq!(server.requests().len(), 6);
}

/// Each hop answers well inside --timeout, but the chain takes 1.8 s:
/// one --timeout bounds the chain, as curl's --max-time does.
#[test]
fn a_slow_redirect_chain_shares_one_timeout() {
    let server = Server::http(|req| match req.path_and_query.as_str() {
        "/r3" => Reply::new(200).after(Duration::from_millis(600)),
        p => Reply::new(302)
            .header("location", &format!("/r{}", p.len()))
            .after(Duration::from_millis(600)),
    });
    let (code, report) = run_json(&["endpoint", &server.url("/"), "--timeout", "1500ms"]);
    assert_eq!(code, 1, "{:#?}", report.checks);
    let status = report.check("http.status");
    assert!(
        status.summary.contains("following a redirect failed")
            && status.summary.contains("within 1s 500ms"),
        "{}",
        status.summary
    );
    assert!(server.requests().len() < 4, "{:?}", server.requests().len());
}

#[test]
fn endless_body_is_capped_and_silent_server_times_out() {
    let endless = Endless::start();
    let started = Instant::now();
    let (code, report) = run_json(&[
        "endpoint",
        &format!("http://127.0.0.1:{}/", endless.addr.port()),
        "--timeout",
        "5s",
    ]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(code, 0, "{report:?}");
    assert!(report.check("http.status").details["body"]
        .as_str()
        .unwrap()
        .contains("only that much was read"));

    let silent = Silent::start();
    let started = Instant::now();
    let (code, report) = run_json(&[
        "endpoint",
        &format!("http://127.0.0.1:{}/", silent.addr.port()),
        "--timeout",
        "1s",
    ]);
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(code, 1);
    let status = report.check("http.status");
    assert!(
        status
            .summary
            .contains("no response headers arrived within 1s"),
        "{}",
        status.summary
    );
}

#[test]
fn credentials_are_never_sent_over_plain_http_to_a_remote_host() {
    // 192.0.2.1 is TEST-NET-1: the refusal happens before any connection.
    let (code, report) = run_json(&[
        "endpoint",
        "http://192.0.2.1/hook",
        "-H",
        "X-Api-Key: abcdefghijklmnop",
    ]);
    assert_eq!(code, 1);
    let status = report.check("http.status");
    assert!(
        status
            .summary
            .contains("refusing to send a credential over plain http"),
        "{}",
        status.summary
    );
}

#[test]
fn cors_preflight_pass_and_fail() {
    let allow = Server::http(|req| {
        let r = Reply::new(if req.method == "OPTIONS" { 204 } else { 200 })
            .header("access-control-allow-origin", "https://app.example.com");
        if req.method == "OPTIONS" {
            r.header("access-control-allow-methods", "GET, POST, PUT")
                .header("access-control-allow-headers", "x-custom")
        } else {
            r
        }
    });
    let (code, report) = run_json(&[
        "endpoint",
        &allow.url("/api"),
        "--origin",
        "https://app.example.com",
        "-X",
        "PUT",
        "-H",
        "X-Custom: 1",
    ]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(report.check("http.cors").status, "pass");
    let deny = Server::http(|_| Reply::new(200));
    let (code, report) = run_json(&[
        "endpoint",
        &deny.url("/api"),
        "--origin",
        "https://app.example.com",
        "-X",
        "PUT",
    ]);
    assert_eq!(code, 1);
    let cors = report.check("http.cors");
    assert!(
        cors.summary.contains("no Access-Control-Allow-Origin"),
        "{}",
        cors.summary
    );
    assert!(
        cors.summary
            .contains("PUT is not in Access-Control-Allow-Methods"),
        "{}",
        cors.summary
    );
}

#[test]
fn bad_input_is_exit_2() {
    assert_usage_error(
        &run(&["endpoint", "ftp://example.com"]),
        "only http and https",
    );
    assert_usage_error(&run(&["endpoint", "not a url"]), "not a valid URL");
    assert_usage_error(&run(&["endpoint", ""]), "URL is empty");
    assert_usage_error(
        &run(&["endpoint", "http://localhost:1/", "-H", "no-colon"]),
        "expected 'Name: value'",
    );
    assert_usage_error(
        &run(&["endpoint", "http://localhost:1/", "-X", "BAD METHOD"]),
        "--method",
    );
    assert_usage_error(
        &run(&[
            "endpoint",
            "http://localhost:1/",
            "--origin",
            "https://a.example/path",
        ]),
        "--origin",
    );
    assert_usage_error(
        &run(&[
            "endpoint",
            "http://localhost:1/",
            "--data",
            "@/no/such/file",
        ]),
        "--data /no/such/file",
    );
    assert_usage_error(&run(&["endpoint", "http://localhost:99999/"]), "URL");
}

/// A header given with -H replaces plumb's own (Host, User-Agent, Accept)
/// instead of being sent next to it, as curl does; the connection and the
/// TLS name stay the URL's whatever Host says.
#[test]
fn user_headers_replace_plumbs_own_once() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let server = Server::https(|_| Reply::new(204), pki.server_config(Leaf::Valid, BOTH));
    let url = format!("https://localhost:{}/h", server.addr.port());
    let (code, report) = run_json(&[
        "endpoint",
        &url,
        "-H",
        "Host: api.other.example",
        "-H",
        "User-Agent: integration-test/1",
        "-H",
        "Accept: application/json",
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(
        report.check("http.tls").status,
        "pass",
        "verified as localhost"
    );
    let seen = server.requests().pop().unwrap();
    for (name, want) in [
        ("host", "api.other.example"),
        ("user-agent", "integration-test/1"),
        ("accept", "application/json"),
    ] {
        let values: Vec<&str> = seen
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(values, [want], "{name} sent once, the user's");
    }
    let r = run(&[
        "endpoint",
        &url,
        "-H",
        "Content-Length: 3",
        "--data",
        "abcdef",
    ]);
    assert_usage_error(&r, "Content-Length");
}
