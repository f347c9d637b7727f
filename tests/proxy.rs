//! Proxies from the environment: plumb reaches services through an http
//! proxy as curl does (CONNECT for https, absolute-form for http), keeps
//! credentials inside the tunnel, names what the proxy did when it fails,
//! and never prints the proxy's password.

use crate::support::http::{Recorded, Reply, Server, Silent};
use crate::support::proxy::Proxy;
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{plumb, run_with, schema, Run};

/// A service name that is not loopback, so the proxy applies; the test
/// proxy tunnels it to the loopback server.
const HOST: &str = "api.plumb.test";
const SK: &str = "sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH";
const PROXY_PASSWORD: &str = "corp-proxy-pass-8e7d";

/// Runs plumb with `vars` set, as JSON.
fn run_env(args: &[&str], vars: &[(&str, &str)]) -> (Run, schema::Report) {
    let mut cmd = plumb();
    cmd.args(args).args(["--format", "json", "--timeout", "5s"]);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let r = run_with(&mut cmd);
    let report = schema::parse(&r.stdout, r.code);
    (r, report)
}

fn https_service(
    pki: &Pki,
    handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
) -> Server {
    Server::https(handler, pki.server_config(Leaf::For(HOST), BOTH))
}

#[test]
fn endpoint_goes_through_the_https_proxy_with_tls_end_to_end() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let service = https_service(&pki, |_| Reply::json(200, r#"{"ok":true}"#));
    let proxy = Proxy::start(service.addr, None);
    let url = format!("https://{HOST}/v1/ping");
    let (r, report) = run_env(
        &["endpoint", &url, "--ca-file", ca.path().to_str().unwrap()],
        &[("HTTPS_PROXY", &proxy.url())],
    );
    assert_eq!(r.code, 0, "{:#?}", report.checks);
    let connect = report.check("http.connect");
    assert!(
        connect.summary.contains(&format!(
            "through the proxy http://{} (HTTPS_PROXY)",
            proxy.addr
        )),
        "{}",
        connect.summary
    );
    assert!(report
        .check("http.dns")
        .summary
        .contains("resolved by the proxy"));
    assert_eq!(report.check("http.tls").status, "pass");
    let seen = proxy.seen();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(
        seen[0].starts_with(&format!("CONNECT {HOST}:443 HTTP/1.1\r\n")),
        "{seen:?}"
    );
    let served = service.requests();
    assert_eq!(served.len(), 1);
    assert_eq!(served[0].path_and_query, "/v1/ping");
    assert_eq!(served[0].header("host"), Some(HOST));
}

#[test]
fn a_credential_travels_only_inside_the_tunnel() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let service = https_service(&pki, |req| {
        if req.header("authorization") != Some(&format!("Bearer {SK}")) {
            return Reply::json(401, r#"{"error":{"type":"invalid_request_error"}}"#);
        }
        match req.path_and_query.as_str() {
            p if p.starts_with("/v1/balance") => Reply::json(
                200,
                r#"{"object":"balance","livemode":false,"available":[]}"#,
            ),
            p if p.starts_with("/v1/webhook_endpoints") => {
                Reply::json(200, r#"{"object":"list","has_more":false,"data":[]}"#)
            }
            _ => Reply::new(404),
        }
    });
    let proxy = Proxy::start(service.addr, Some(&format!("svc:{PROXY_PASSWORD}")));
    let base = format!("https://{HOST}");
    let (r, report) = run_env(
        &[
            "check",
            "stripe",
            "--api-base",
            &base,
            "--api-key",
            SK,
            "--ca-file",
            ca.path().to_str().unwrap(),
            "-v",
        ],
        &[(
            "https_proxy",
            &proxy.url_with(&format!("svc:{PROXY_PASSWORD}")),
        )],
    );
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    assert_eq!(
        report.check("stripe.auth").status,
        "pass",
        "{:#?}",
        report.checks
    );
    // The proxy saw CONNECT lines with its own credentials, never the key.
    let seen = proxy.seen();
    assert!(!seen.is_empty());
    for head in &seen {
        assert!(head.starts_with("CONNECT "), "{head}");
        assert!(!head.contains("sk_test"), "{head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("proxy-authorization: basic "),
            "{head}"
        );
    }
    // The service got the key; nobody printed it or the proxy password.
    assert!(service
        .requests()
        .iter()
        .all(|q| q.header("authorization").is_some()));
    for out in [&r.stdout, &r.stderr] {
        assert!(!out.contains(SK), "{out}");
        assert!(!out.contains(PROXY_PASSWORD), "{out}");
    }
}

#[test]
fn tls_handshakes_through_the_proxy_and_sees_the_services_certificate() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let service = https_service(&pki, |_| Reply::new(200));
    let proxy = Proxy::start(service.addr, None);
    let (r, report) = run_env(
        &[
            "tls",
            HOST,
            "--ca-file",
            ca.path().to_str().unwrap(),
            "--all-addresses",
        ],
        &[("HTTPS_PROXY", &proxy.url())],
    );
    assert_eq!(r.code, 0, "{:#?}", report.checks);
    assert!(report
        .check("tls.connect")
        .summary
        .contains(&format!("tunnel to {HOST}:443 through the proxy")));
    for id in ["tls.handshake", "tls.protocol", "tls.hostname", "tls.trust"] {
        assert_eq!(report.check(id).status, "pass", "{id}");
    }
    assert_eq!(report.check("tls.addresses").status, "skip");
    // The main handshake and the TLS 1.3 and 1.2 probes: three tunnels.
    assert_eq!(proxy.seen().len(), 3, "{:?}", proxy.seen());
}

#[test]
fn a_proxy_that_wants_credentials_is_named_with_its_remedy() {
    let service = Server::http(|_| Reply::new(200));
    let proxy = Proxy::start(service.addr, Some("svc:right-password"));
    let url = format!("https://{HOST}/");
    let (r, report) = run_env(&["endpoint", &url], &[("HTTPS_PROXY", &proxy.url())]);
    assert_eq!(r.code, 1);
    let c = report.check("http.connect");
    assert_eq!(c.status, "fail");
    assert!(
        c.summary.contains("asks for a user name and password (407"),
        "{}",
        c.summary
    );
    assert!(
        c.remediation.iter().any(|s| s.contains("NO_PROXY='*'")),
        "{:?}",
        c.remediation
    );
    let wrong = proxy.url_with(&format!("svc:{PROXY_PASSWORD}"));
    let (r, report) = run_env(&["tls", HOST], &[("HTTPS_PROXY", &wrong)]);
    assert_eq!(r.code, 1);
    let c = report.check("tls.connect");
    assert!(
        c.summary
            .contains("rejected the user name and password in HTTPS_PROXY"),
        "{}",
        c.summary
    );
    assert!(!r.stdout.contains(PROXY_PASSWORD) && !r.stderr.contains(PROXY_PASSWORD));
}

#[test]
fn a_silent_or_unusable_proxy_fails_within_the_timeout_by_name() {
    let silent = Silent::start();
    let url = format!("https://{HOST}/");
    let mut cmd = plumb();
    cmd.args(["endpoint", &url, "--format", "json", "--timeout", "2s"])
        .env("HTTPS_PROXY", format!("http://{}", silent.addr));
    let r = run_with(&mut cmd);
    let report = schema::parse(&r.stdout, r.code);
    assert_eq!(r.code, 1);
    assert!(
        report
            .check("http.connect")
            .summary
            .contains("did not answer the CONNECT request within 2s"),
        "{:#?}",
        report.checks
    );
    let (r, report) = run_env(
        &["endpoint", &url],
        &[(
            "ALL_PROXY",
            &format!("socks4://svc:{PROXY_PASSWORD}@127.0.0.1:1080"),
        )],
    );
    assert_eq!(r.code, 1);
    let c = report.check("http.connect");
    assert!(
        c.summary.contains("ALL_PROXY names a socks4 proxy"),
        "{}",
        c.summary
    );
    assert!(!r.stdout.contains(PROXY_PASSWORD));
}

#[test]
fn plain_http_goes_to_the_proxy_in_absolute_form_and_credentials_never_do() {
    // The test proxy answers plain-http requests itself.
    let proxy = Proxy::start(crate::support::http::closed_port(), None);
    let url = format!("http://{HOST}/status?x=1");
    let (r, report) = run_env(&["endpoint", &url, "-v"], &[("http_proxy", &proxy.url())]);
    assert_eq!(r.code, 0, "{:#?}", report.checks);
    assert_eq!(
        proxy.seen()[0].lines().next(),
        Some(format!("GET http://{HOST}/status?x=1 HTTP/1.1").as_str())
    );
    // (Upper-case HTTP_PROXY being ignored is a unit test in
    // src/net/proxy.rs: here it would send a real DNS query.)
    let before = proxy.seen().len();
    // A credential over plain http is refused before the proxy hears of it.
    let base = format!("http://{HOST}");
    let (r, _) = run_env(
        &["check", "stripe", "--api-base", &base, "--api-key", SK],
        &[("http_proxy", &proxy.url())],
    );
    assert_eq!(r.code, 1);
    assert_eq!(proxy.seen().len(), before);
}

#[test]
fn loopback_and_pinned_addresses_never_use_the_proxy() {
    let service = Server::http(|_| Reply::new(204));
    let proxy = Proxy::start(service.addr, None);
    let (r, _) = run_env(
        &["endpoint", &service.url("/")],
        &[("http_proxy", &proxy.url()), ("HTTPS_PROXY", &proxy.url())],
    );
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(proxy.seen().is_empty());
    assert_eq!(service.requests().len(), 1);
}

#[test]
fn hostile_proxy_values_fail_cleanly() {
    // The kernel caps one environment string at 128 KiB.
    let huge = format!("http://{}:3128", "a".repeat(100_000));
    let url = format!("https://{HOST}/");
    for value in [
        "\u{1b}[31mhttp://evil:1",
        "http://[::1",
        "http://proxy:99999",
        "http://user:pa ss@proxy:1",
        "http://\u{202e}proxy:1",
        "://",
        "http://:1",
        huge.as_str(),
    ] {
        let mut cmd = plumb();
        cmd.args(["endpoint", &url, "--format", "json", "--timeout", "2s"])
            .env("HTTPS_PROXY", value);
        let r = run_with(&mut cmd);
        assert!((0..=2).contains(&r.code), "{value:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{value:?}: {}", r.stderr);
        for out in [&r.stdout, &r.stderr] {
            assert!(
                !out.contains('\u{1b}') && !out.contains('\u{202e}'),
                "{value:?}: {out}"
            );
            assert!(
                out.len() < 64 * 1024,
                "{value:?}: output of {} bytes",
                out.len()
            );
        }
    }
}
