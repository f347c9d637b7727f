//! Connecting as the integration's own client does: every resolved
//! address raced (RFC 8305), HTTP/2 by ALPN, bodies that end at the
//! connection's close, SOCKS5 proxies and NO_PROXY as curl reads it. Where
//! curl is installed each scenario is also run through curl, and the two
//! must agree.

use crate::support::http::{Reply, Server, TlsRaw};
use crate::support::socks::Socks;
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{plumb, run_with, schema, Run};
use std::time::{Duration, Instant};

/// curl, when this machine has it.
fn curl(args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    let mut cmd = std::process::Command::new("curl");
    for var in crate::support::CLEARED_ENV {
        cmd.env_remove(var);
    }
    cmd.args(["-s", "--max-time", "10"])
        .args(args)
        .envs(env.iter().copied());
    let out = cmd.output().ok()?;
    Some(format!(
        "{} exit={}",
        String::from_utf8_lossy(&out.stdout),
        out.status.code().unwrap_or(-1)
    ))
}

fn json(args: &[&str], env: &[(&str, &str)]) -> (Run, schema::Report) {
    let mut cmd = plumb();
    cmd.args(args)
        .args(["--format", "json"])
        .envs(env.iter().copied());
    let run = run_with(&mut cmd);
    let report = schema::parse(&run.stdout, run.code);
    (run, report)
}

#[test]
fn h2_is_offered_by_alpn_and_reported() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let server = Server::https_h2(
        |r| {
            Reply::json(
                200,
                &format!(r#"{{"host":"{}"}}"#, r.header("host").unwrap_or("-")),
            )
        },
        pki.server_config(Leaf::Valid, BOTH),
    );
    let url = format!("https://localhost:{}/v1/x?a=1", server.addr.port());
    let (run, report) = json(&["endpoint", &url, "--ca-file", ca], &[]);
    assert_eq!(run.code, 0, "{:?}", report.checks);
    assert_eq!(report.check("http.tls").details["alpn"], "h2");
    let status = report.check("http.status");
    assert_eq!(status.details["protocol"], "HTTP/2");
    let latency = report.check("http.latency");
    for key in [
        "dns_ms",
        "connect_ms",
        "tls_ms",
        "first_byte_ms",
        "total_ms",
    ] {
        assert!(latency.details[key].is_u64(), "{key}");
    }
    let seen = server.requests();
    assert_eq!(seen[0].path_and_query, "/v1/x?a=1");
    if let Some(c) = curl(
        &[
            "--cacert",
            ca,
            "-o",
            "/dev/null",
            "-w",
            "%{http_version}",
            &url,
        ],
        &[],
    ) {
        assert_eq!(c, "2 exit=0", "curl agrees: HTTP/2");
    }
}

#[test]
fn a_body_ended_by_the_close_without_close_notify_is_read_as_curl_reads_it() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let server = TlsRaw::start(
        pki.server_config(Leaf::Valid, BOTH),
        b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nhello from php",
    );
    let url = format!("https://localhost:{}/", server.addr.port());
    let (run, report) = json(&["endpoint", &url, "--ca-file", ca], &[]);
    assert_eq!(run.code, 0, "{:?}", report.checks);
    assert_eq!(report.check("http.status").summary, "200 OK");
    let body = report.check("http.body");
    assert_eq!(body.status, "info");
    assert!(body.summary.contains("close_notify"), "{}", body.summary);
    assert_eq!(body.details["body_bytes"], 14);
    if let Some(c) = curl(&["--cacert", ca, &url], &[]) {
        assert!(
            c.starts_with("hello from php"),
            "curl reads the body too: {c}"
        );
    }
}

/// A body that breaks off after the status line: the status is reported
/// with the failure, and the phase timings are kept.
#[test]
fn a_broken_body_still_reports_the_status_and_timings() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let server = TlsRaw::start(
        pki.server_config(Leaf::Valid, BOTH),
        b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nonly this",
    );
    let url = format!("https://localhost:{}/", server.addr.port());
    let (run, report) = json(&["endpoint", &url, "--ca-file", ca], &[]);
    assert_eq!(run.code, 1, "{:?}", report.checks);
    let status = report.check("http.status");
    assert_eq!(status.status, "fail");
    assert_eq!(status.details["status"], 200);
    assert!(
        status.summary.contains("answered 200"),
        "{}",
        status.summary
    );
    assert_eq!(report.check("http.tls").status, "pass");
    let latency = report.check("http.latency");
    assert!(latency.details["tls_ms"].is_u64(), "{:?}", latency.details);
    assert!(
        latency.details["first_byte_ms"].is_u64(),
        "{:?}",
        latency.details
    );
    if let Some(c) = curl(&["--cacert", ca, "-o", "/dev/null", &url], &[]) {
        assert!(!c.ends_with("exit=0"), "curl fails it too: {c}");
    }
}

#[test]
fn socks5h_lets_the_proxy_resolve_and_socks5_resolves_here() {
    let upstream =
        Server::http(|r| Reply::new(200).body(format!("host={}", r.header("host").unwrap_or("-"))));
    let socks = Socks::start(upstream.addr, Some(("svc", "s3cr3t-pass")));
    let url = "http://shop.plumb-test.example:8080/orders";
    let with_login = |scheme: &str| format!("{scheme}://svc:s3cr3t-pass@{}", socks.addr);
    let h = with_login("socks5h");
    let (run, report) = json(&["endpoint", url, "-v"], &[("all_proxy", h.as_str())]);
    assert_eq!(run.code, 0, "{:?}", report.checks);
    assert_eq!(socks.targets(), ["shop.plumb-test.example:8080"]);
    let dns = report.check("http.dns");
    assert!(
        dns.details["proxy"]
            .as_str()
            .unwrap()
            .starts_with("socks5h://****@127.0.0.1"),
        "{:?}",
        dns.details
    );
    assert!(
        !run.stdout.contains("s3cr3t"),
        "the proxy password is never shown"
    );
    let seen = upstream.requests();
    assert_eq!(
        seen[0].path_and_query, "/orders",
        "origin form through a tunnel"
    );
    assert_eq!(seen[0].header("host"), Some("shop.plumb-test.example:8080"));
    // socks5:// resolves the name here, which cannot: told as a DNS failure.
    let local = with_login("socks5");
    let (run, report) = json(&["endpoint", url], &[("all_proxy", local.as_str())]);
    assert_eq!(run.code, 1);
    let failed = report.checks.iter().find(|c| c.status == "fail").unwrap();
    assert!(
        failed
            .summary
            .contains("cannot resolve shop.plumb-test.example"),
        "{}",
        failed.summary
    );
    // A wrong password is named as the proxy's refusal.
    let wrong = format!("socks5h://svc:nope@{}", socks.addr);
    let (run, report) = json(&["endpoint", url], &[("all_proxy", wrong.as_str())]);
    assert_eq!(run.code, 1);
    let failed = report.checks.iter().find(|c| c.status == "fail").unwrap();
    assert!(
        failed
            .summary
            .contains("rejected the user name and password in all_proxy"),
        "{}",
        failed.summary
    );
    if let Some(c) = curl(&["-x", &h, url], &[]) {
        assert_eq!(c, "host=shop.plumb-test.example:8080 exit=0", "curl agrees");
    }
    if let Some(c) = curl(&["-x", &local, url], &[]) {
        assert!(
            c.ends_with("exit=6") || c.ends_with("exit=97"),
            "curl cannot resolve it either: {c}"
        );
    }
}

/// https through socks5 to an IP address: the proxy gets the address, the
/// certificate is checked end to end.
#[test]
fn https_goes_through_a_socks5_tunnel() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let ca = ca.path().to_str().unwrap();
    let server = Server::https(
        |_| Reply::new(204),
        pki.server_config(Leaf::For("192.0.2.10"), BOTH),
    );
    let socks = Socks::start(server.addr, None);
    let url = "https://192.0.2.10/";
    let proxy = socks.url("socks5");
    let (run, report) = json(
        &["endpoint", url, "--ca-file", ca],
        &[("https_proxy", proxy.as_str())],
    );
    assert_eq!(run.code, 0, "{:?}", report.checks);
    assert_eq!(socks.targets(), ["192.0.2.10:443"]);
    assert!(report
        .check("http.tls")
        .summary
        .contains("certificate verified"));
}

#[test]
fn a_deadline_fails_a_slow_answer_when_it_passes() {
    let server = Server::http(|_| Reply::new(200).after(Duration::from_secs(4)));
    let t = Instant::now();
    let (run, report) = json(
        &[
            "endpoint",
            &server.url("/slow"),
            "--deadline",
            "1s",
            "--timeout",
            "10s",
        ],
        &[],
    );
    let took = t.elapsed();
    assert_eq!(run.code, 1, "{:?}", report.checks);
    assert!(
        took < Duration::from_millis(3000),
        "waited for the answer: {took:?}"
    );
    let latency = report.check("http.latency");
    assert_eq!(latency.status, "fail");
    assert!(latency.summary.contains("too slow"), "{}", latency.summary);
    assert_eq!(latency.details["deadline_ms"], 1000);
    assert!(latency.details["connect_ms"].is_u64());
    assert_eq!(report.check("http.connect").status, "pass");
    let status = report.check("http.status");
    assert_eq!(
        status.status, "skip",
        "slow is not broken: {}",
        status.summary
    );
    assert!(!status.summary.contains("did not answer as HTTP should"));
}

#[test]
fn include_shows_headers_verbose_the_body_and_address_keeps_the_name() {
    let server = Server::http(|r| {
        Reply::json(
            200,
            &format!(r#"{{"host":"{}"}}"#, r.header("host").unwrap_or("-")),
        )
        .header("x-served-by", "loopback")
    });
    let url = format!("http://shop.plumb-test.example:{}/", server.addr.port());
    let mut cmd = plumb();
    cmd.args(["endpoint", &url, "--address", "127.0.0.1", "-i", "-v"]);
    let run = run_with(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("x-served-by: loopback"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("HTTP/1.1 200 OK"), "{}", run.stdout);
    assert!(
        run.stdout.contains(&format!(
            r#"{{"host":"shop.plumb-test.example:{}"}}"#,
            server.addr.port()
        )),
        "-v shows the body's start: {}",
        run.stdout
    );
    let (run, _) = json(&["endpoint", &url], &[]);
    assert_eq!(run.code, 1, "without --address the name does not resolve");
}

/// The IPv4 address `dual.test` has inside the namespace: TEST-NET-1 on
/// the namespace's own loopback device, so traffic stays inside it, but
/// not a loopback address (a local server reached over 127.0.0.1 after
/// ::1 refused is how development machines are, and is not reported).
const V4: &str = "192.0.2.10";

/// Set when this binary runs again inside the namespace a test made.
const IN_NAMESPACE: &str = "PLUMB_TEST_IN_NETNS";

/// A host with a broken IPv6 route, built inside a network namespace of
/// its own: `dual.test` maps (through a bind-mounted /etc/hosts) to
/// 2001:db8::1, whose packets leave through a veth pair and are dropped in
/// silence, and to [`V4`], where the server listens. The namespace has
/// no route out.
#[test]
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn happy_eyeballs_and_no_proxy_in_a_namespace() {
    if std::env::var_os(IN_NAMESPACE).is_some() {
        happy_eyeballs_inside();
        no_proxy_by_address_inside();
        return;
    }
    let usable = std::process::Command::new("unshare")
        .args([
            "--net", "--mount", "--", "ip", "link", "add", "v0", "type", "veth", "peer", "name",
            "v1",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!(
            "skipping happy_eyeballs_and_no_proxy_in_a_namespace: needs root, unshare, ip (iproute2) and veth"
        );
        return;
    }
    let mut hosts = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(&mut hosts, b"2001:db8::1 dual.test\n192.0.2.10 dual.test\n")
        .unwrap();
    let script = "set -e; ip link set lo up; ip addr add 192.0.2.10/32 dev lo; ip link add v0 type veth peer name v1; \
                  ip link set v0 up; ip link set v1 up; \
                  ip -6 addr add 2001:db8::2/64 dev v0 nodad; \
                  ip -6 neigh add 2001:db8::1 lladdr 02:00:00:00:00:01 dev v0 nud permanent; \
                  mount --bind \"$1\" /etc/hosts; \
                  exec \"$2\" --exact \"$3\" --nocapture --test-threads=1";
    let out = std::process::Command::new("unshare")
        .args(["--net", "--mount", "--", "sh", "-c", script, "sh"])
        .arg(hosts.path())
        .arg(std::env::current_exe().unwrap())
        .arg("connect::happy_eyeballs_and_no_proxy_in_a_namespace")
        .env(IN_NAMESPACE, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "inside the namespace: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn happy_eyeballs_inside() {
    let server = Server::http_at(V4.parse().unwrap(), |_| Reply::new(200).body("ok"));
    let url = format!("http://dual.test:{}/", server.addr.port());
    let t = Instant::now();
    let (run, report) = json(&["endpoint", &url, "--timeout", "5s"], &[]);
    let took = t.elapsed();
    assert_eq!(run.code, 0, "{:?}", report.checks);
    assert!(took < Duration::from_secs(2), "fell back at once: {took:?}");
    let connect = report.check("http.connect");
    assert_eq!(connect.status, "warn", "{}", connect.summary);
    assert!(
        connect.summary.contains("over IPv4") && connect.summary.contains("after IPv6"),
        "{}",
        connect.summary
    );
    assert_eq!(
        connect.details["address"],
        format!("{V4}:{}", server.addr.port())
    );
    assert!(connect.details["other_addresses"][0]
        .as_str()
        .unwrap()
        .starts_with("[2001:db8::1]"));
    assert!(connect.remediation.iter().any(|r| r.contains("AAAA")));
    if let Some(c) = curl(
        &["-o", "/dev/null", "-w", "%{http_code} %{remote_ip}", &url],
        &[],
    ) {
        assert_eq!(c, format!("200 {V4} exit=0"), "curl agrees");
    }
    // `plumb tls` reaches the same address.
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https_at(
        V4.parse().unwrap(),
        |_| Reply::new(204),
        pki.server_config(Leaf::For("dual.test"), BOTH),
    );
    let target = format!("dual.test:{}", tls.addr.port());
    let (run, report) = json(
        &[
            "tls",
            &target,
            "--ca-file",
            ca.path().to_str().unwrap(),
            "--timeout",
            "5s",
        ],
        &[],
    );
    let connect = report.check("tls.connect");
    assert_eq!(connect.status, "pass", "{:?}", report.checks);
    assert!(connect.summary.contains(V4), "{}", connect.summary);
    assert_ne!(run.code, 2);
    // Only a silent IPv6 address: bounded by --timeout, both named.
    let (run, report) = json(
        &["endpoint", "http://[2001:db8::1]:9/", "--timeout", "1s"],
        &[],
    );
    assert_eq!(run.code, 1);
    assert!(report.check("http.connect").summary.contains("within 1s"));
}

/// Every NO_PROXY entry against every host, plumb beside curl: the same
/// hosts must go direct (which fails here at once: no route, no resolver)
/// and the same through the proxy (which answers). Exhaustive, so the
/// corpus is the same on every run. Entries with a port are left out:
/// plumb ignores the port, curl 7.88 ignores the whole entry.
fn no_proxy_corpus_agrees_with_curl_inside() -> (usize, usize) {
    let proxy = crate::support::proxy::Proxy::start(crate::support::http::closed_port(), None);
    let p = proxy.url();
    let entries = [
        "example.com",
        ".example.com",
        "ample.com",
        "EXAMPLE.COM",
        "10.0.0.1",
        "0.0.1",
        ".0.0.1",
        "10.0.0.0/8",
        "10.0.0.0/24",
        "192.168.1.0/24",
        "10.1.0.0/16",
        "192.168.0.0/33",
        "*",
        "localhost,10.1.2.3",
    ];
    let hosts = [
        "api.example.com",
        "example.com",
        "badexample.com",
        "10.0.0.1",
        "10.1.2.3",
        "192.168.1.7",
    ];
    let (mut cases, mut agree) = (0, 0);
    let mut disagreements = Vec::new();
    for entry in entries {
        for host in hosts {
            let url = format!("http://{host}:9/x");
            let env = [("http_proxy", p.as_str()), ("NO_PROXY", entry)];
            let (run, _) = json(&["endpoint", &url, "--timeout", "2s"], &env);
            let Some(c) = curl(&[&url], &env) else {
                skip_without_curl();
                return (0, 0);
            };
            cases += 1;
            let (plumb_proxied, curl_proxied) = (run.code == 0, c.ends_with("exit=0"));
            if plumb_proxied == curl_proxied {
                agree += 1;
            } else {
                disagreements.push(format!(
                    "NO_PROXY={entry} {host}: plumb proxied={plumb_proxied}, curl proxied={curl_proxied}"
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    (cases, agree)
}

#[allow(clippy::disallowed_macros)] // says why the comparison did not run
fn skip_without_curl() {
    eprintln!("skipping the NO_PROXY corpus comparison: curl is not installed");
}

fn no_proxy_by_address_inside() {
    let (cases, agree) = no_proxy_corpus_agrees_with_curl_inside();
    assert_eq!(cases, agree);
    // An http proxy on loopback answers absolute-form requests itself;
    // 10.0.0.1 has no route here, so a direct attempt fails at once.
    let proxy = crate::support::proxy::Proxy::start(crate::support::http::closed_port(), None);
    let p = proxy.url();
    let url = "http://10.0.0.1:9/x";
    for (no_proxy, proxied) in [
        ("0.0.1", true),
        (".0.0.1", true),
        ("10.0.0.0/8", false),
        ("10.0.0.1", false),
        ("*", false),
    ] {
        let env = [("http_proxy", p.as_str()), ("NO_PROXY", no_proxy)];
        let (run, report) = json(&["endpoint", url, "--timeout", "2s"], &env);
        assert_eq!(
            run.code == 0,
            proxied,
            "NO_PROXY={no_proxy}: {:?}",
            report.checks
        );
        if let Some(c) = curl(&[url], &env) {
            assert_eq!(
                c.ends_with("exit=0"),
                proxied,
                "curl agrees on NO_PROXY={no_proxy}: {c}"
            );
        }
    }
}
