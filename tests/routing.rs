//! Credential routing: a token never follows a redirect
//! to another host, never travels over plain http to a host that is not
//! loopback, and never goes anywhere but the service's host or --api-base.

use crate::support::http::{Recorded, Reply, Server};
use crate::support::run;

const SK: &str = "sk_test_51ROUTEstripeKEYaaaaBBBBccccDDDD1234";
const SHPAT: &str = "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";
const MC: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90-us6";
const CK: &str = "ck_0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3";
const CS: &str = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c";
const WH: &str = "whsec_ROUTEsigningSECRETeeeeFFFFgggg5678";
const TOKEN: &str = "tok_r0ute0bearert0ken000011112222333344445555";

/// Whether a request carried any credential at all.
fn carries_credential(r: &Recorded) -> bool {
    r.headers.iter().any(|(n, _)| {
        let n = n.to_ascii_lowercase();
        n == "authorization" || n.contains("token") || n.contains("key")
    }) || ["consumer_key", "consumer_secret", "api_key", "token"]
        .iter()
        .any(|p| r.path_and_query.contains(&format!("{p}=")))
}

/// `elsewhere` is another host: `localhost` while the first server is
/// reached as 127.0.0.1 (the host names differ, so credentials must stay).
fn other_host(elsewhere: &Server, path: &str) -> String {
    format!("http://localhost:{}{path}", elsewhere.addr.port())
}

/// Every service's live check, with --api-base on a server that redirects
/// everything to another host.
#[test]
fn check_never_follows_a_redirect_with_credentials() {
    let elsewhere = Server::http(|_| Reply::json(200, "{}"));
    let to = other_host(&elsewhere, "/stolen");
    let api = Server::http(move |_| Reply::new(302).header("location", &to));
    let base = api.url("").trim_end_matches('/').to_string();
    for line in [
        format!("check stripe --api-key {SK} --api-base {base}"),
        format!("check shopify --store acme --token {SHPAT} --api-base {base}"),
        format!("check mailchimp --api-key {MC} --api-base {base}"),
        format!("check woocommerce --url {base} --consumer-key {CK} --consumer-secret {CS}"),
    ] {
        let args = shell_words::split(&line).unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&[&args[..], &["--timeout", "5s"]].concat());
        assert_eq!(r.code, 1, "{line}: {}", r.stdout);
        assert!(
            r.stdout.contains("redirect"),
            "{line}: names the redirect: {}",
            r.stdout
        );
    }
    assert!(!api.requests().is_empty(), "the API was called");
    assert!(
        elsewhere.requests().is_empty(),
        "nothing follows a redirect to another host: {:?}",
        elsewhere.requests()
    );
}

/// Every request of a live check goes to --api-base, and every one of them
/// carries the credential only there: never to the webhook URL.
#[test]
fn check_sends_credentials_only_to_the_api_base() {
    let api = Server::http(|_| Reply::json(401, "{\"error\":{\"message\":\"no\"}}"));
    let hook = Server::http(|_| Reply::new(200));
    let base = api.url("").trim_end_matches('/').to_string();
    let r = run(&[
        "check",
        "stripe",
        "--api-key",
        SK,
        "--webhook-secret",
        WH,
        "--api-base",
        &base,
        "--webhook-url",
        &hook.url("/hook"),
        "--timeout",
        "5s",
    ]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(api.requests().iter().all(carries_credential));
    assert!(
        !hook.requests().iter().any(carries_credential),
        "the API key never reaches the webhook endpoint"
    );
}

/// A credential over plain http to a host that is not loopback is refused
/// before any connection (192.0.2.1 is TEST-NET-1: never routed).
#[test]
fn credentials_never_travel_over_plain_http_to_a_remote_host() {
    let remote = "http://192.0.2.1:9";
    let auth = format!("Authorization: Bearer {TOKEN}");
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{}").unwrap();
    let p = payload.display().to_string();
    let hook = format!("{remote}/hook");
    let cases: Vec<Vec<String>> = vec![
        shell_words::split(&format!("check stripe --api-key {SK} --api-base {remote}")).unwrap(),
        shell_words::split(&format!(
            "check shopify --store acme --token {SHPAT} --api-base {remote}"
        ))
        .unwrap(),
        shell_words::split(&format!(
            "check mailchimp --api-key {MC} --api-base {remote}"
        ))
        .unwrap(),
        shell_words::split(&format!(
            "check woocommerce --url {remote} --consumer-key {CK} --consumer-secret {CS}"
        ))
        .unwrap(),
        vec!["endpoint".into(), hook.clone(), "-H".into(), auth.clone()],
        vec!["endpoint".into(), format!("{hook}?api_key={TOKEN}")],
        vec!["endpoint".into(), format!("http://u:{TOKEN}@192.0.2.1:9/")],
        vec![
            "rate-limit".into(),
            "inspect".into(),
            hook.clone(),
            "-H".into(),
            auth.clone(),
        ],
        shell_words::split(&format!(
            "rate-limit probe {hook} --rate 50/s --requests 2 -H 'X-Api-Key: {TOKEN}'"
        ))
        .unwrap(),
        vec![
            "webhook".into(),
            "send".into(),
            hook.clone(),
            "--provider".into(),
            "stripe".into(),
            "--secret".into(),
            WH.into(),
            "--payload".into(),
            p.clone(),
            "-H".into(),
            auth.clone(),
        ],
    ];
    for args in &cases {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        // The refusal comes before any connection, so a short bound is plenty.
        all.extend(["--timeout", "3s", "--format", "json"]);
        let r = run(&all);
        let refused = |t: &str| {
            t.contains("refusing to send a credential over plain http")
                || t.contains("never sent over plain http")
        };
        assert!(
            refused(&r.stdout) || refused(&r.stderr),
            "{args:?} must refuse plain http: exit {} {} {}",
            r.code,
            r.stdout,
            r.stderr
        );
        assert_ne!(r.code, 0, "{args:?}");
    }
}

/// endpoint, rate-limit and webhook send: a redirect to another host never
/// carries the credential along.
#[test]
fn redirects_to_another_host_drop_the_credential() {
    let elsewhere = Server::http(|_| Reply::new(200));
    let to = other_host(&elsewhere, "/next");
    let first = Server::http(move |_| Reply::new(307).header("location", &to));
    let url = first.url("/start");
    let auth = format!("Authorization: Bearer {TOKEN}");
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{}").unwrap();
    let p = payload.display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["endpoint", &url, "-H", &auth],
        vec![
            "endpoint",
            &url,
            "-H",
            "X-Shopify-Access-Token: shpat_x0000000000000000000000000000000",
        ],
        vec!["rate-limit", "inspect", &url, "-H", &auth],
        vec![
            "rate-limit",
            "probe",
            &url,
            "--rate",
            "50/s",
            "--requests",
            "2",
            "-H",
            &auth,
        ],
        vec![
            "webhook",
            "send",
            &url,
            "--provider",
            "stripe",
            "--secret",
            WH,
            "--payload",
            &p,
            "-H",
            &auth,
        ],
    ];
    for args in &cases {
        let r = run(&[&args[..], &["--timeout", "5s"]].concat());
        assert!([0, 1].contains(&r.code), "{args:?}: {}", r.stderr);
    }
    assert!(first.requests().iter().all(carries_credential));
    let leaked: Vec<_> = elsewhere
        .requests()
        .into_iter()
        .filter(carries_credential)
        .collect();
    assert!(leaked.is_empty(), "credential crossed hosts: {leaked:?}");
}

/// A redirect to the same host keeps the credential: the rule is about
/// hosts, not about redirects as such.
#[test]
fn endpoint_keeps_the_credential_on_the_same_host() {
    let server = Server::http(|r| {
        if r.path_and_query.starts_with("/start") {
            Reply::new(302).header("location", "/next")
        } else {
            Reply::new(200)
        }
    });
    let url = server.url("/start");
    let r = run(&[
        "endpoint",
        &url,
        "-H",
        &format!("Authorization: Bearer {TOKEN}"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert!(reqs.iter().all(carries_credential));
}

/// The origin is scheme, host and port: an https server redirecting to
/// plain http on another port of the same host (127.0.0.1) is another
/// origin, and no credential of any kind — Authorization (Bearer or Basic),
/// Cookie, X-Api-Key, a credential-shaped value — follows it.
#[test]
fn a_redirect_to_another_port_of_the_same_host_drops_every_credential() {
    use crate::support::tls::{Leaf, Pki, BOTH};
    let plain = Server::http(|_| Reply::new(200));
    let to = format!("http://127.0.0.1:{}/next", plain.addr.port());
    let pki = Pki::new();
    let ca = pki.ca_file();
    let secure = Server::https(
        move |_| Reply::new(302).header("location", &to),
        pki.server_config(Leaf::Valid, BOTH),
    );
    let url = format!("https://127.0.0.1:{}/start", secure.addr.port());
    let ca = ca.path().to_str().unwrap();
    for header in [
        format!("Authorization: Bearer {TOKEN}"),
        "Authorization: Basic Y2tfMTIzNDpjc181Njc4OTA=".to_string(),
        format!("Cookie: session={TOKEN}"),
        format!("X-Api-Key: {TOKEN}"),
        format!("X-Custom: {SK}"),
    ] {
        let r = run(&["endpoint", &url, "-H", &header, "--ca-file", ca]);
        assert!([0, 1].contains(&r.code), "{header}: {}", r.stdout);
        let last = plain.requests().pop().expect("the redirect was followed");
        let name = header.split(':').next().unwrap();
        assert!(
            last.header(name).is_none(),
            "{header} crossed to another origin: {last:?}"
        );
    }
    assert!(secure
        .requests()
        .iter()
        .all(|r| r.header("authorization").is_some()
            || r.header("cookie").is_some()
            || r.header("x-api-key").is_some()
            || r.header("x-custom").is_some()));
}

/// Credentials by name and by shape: `password=`, `client_secret=` in the
/// query and X-Api-Key, X-Auth, Apikey headers are refused over plain http
/// to an address that is not loopback (192.0.2.1 is TEST-NET-1: the
/// refusal comes before any connection), and a redirect to another origin
/// (`localhost` while the first server is 127.0.0.1) drops the headers.
#[test]
fn credentials_named_broadly_follow_the_sending_rules() {
    for args in [
        vec![
            "endpoint".to_string(),
            format!("http://192.0.2.1:9/?password={TOKEN}"),
        ],
        vec![
            "endpoint".to_string(),
            format!("http://192.0.2.1:9/?client_secret={TOKEN}"),
        ],
        vec![
            "endpoint".to_string(),
            format!("http://192.0.2.1:9/?q={SK}"),
        ],
        vec![
            "endpoint".into(),
            "http://192.0.2.1:9/".into(),
            "-H".into(),
            format!("X-Api-Key: {TOKEN}"),
        ],
        vec![
            "endpoint".into(),
            "http://192.0.2.1:9/".into(),
            "-H".into(),
            format!("X-Auth: {TOKEN}"),
        ],
        vec![
            "endpoint".into(),
            "http://192.0.2.1:9/".into(),
            "-H".into(),
            format!("Apikey: {TOKEN}"),
        ],
    ] {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend(["--timeout", "3s", "--format", "json"]);
        let r = run(&all);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(
            r.stdout
                .contains("refusing to send a credential over plain http"),
            "{args:?}: {}",
            r.stdout
        );
        assert!(
            !r.stdout.contains(&TOKEN[8..]),
            "{args:?} echoed: {}",
            r.stdout
        );
    }
    let elsewhere = Server::http(|_| Reply::new(200));
    let to = other_host(&elsewhere, "/next");
    let first = Server::http(move |_| Reply::new(307).header("location", &to));
    for header in ["X-Api-Key", "X-Auth", "Apikey", "X-Authorization"] {
        let r = run(&[
            "endpoint",
            &first.url("/start"),
            "-H",
            &format!("{header}: {TOKEN}"),
        ]);
        assert!([0, 1].contains(&r.code), "{header}: {}", r.stderr);
        let last = elsewhere.requests().pop().expect("followed");
        assert!(last.header(header).is_none(), "{header} crossed: {last:?}");
    }
}

/// Set when this binary runs again inside the namespace a test made.
const IN_NAMESPACE: &str = "PLUMB_TEST_IN_NETNS";

/// The address `shop.localhost` and `localhost` point to inside the
/// namespace: TEST-NET-1, on the namespace's own loopback device, so the
/// traffic never leaves it — but not a loopback address.
const REMOTE: &str = "192.0.2.10";

/// "Loopback" is the address connected to, not the name: inside a network
/// namespace of its own (no route out), with /etc/hosts mapping
/// `shop.localhost` and `localhost` to 192.0.2.10, plain http to those
/// names carries no credential, and is not called loopback.
#[test]
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn a_loopback_name_at_a_remote_address_gets_no_credential() {
    if std::env::var_os(IN_NAMESPACE).is_some() {
        return loopback_names_in_the_namespace();
    }
    let usable = std::process::Command::new("unshare")
        .args(["--net", "--mount", "--", "ip", "link", "set", "lo", "up"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !usable {
        eprintln!(
            "skipping a_loopback_name_at_a_remote_address_gets_no_credential: needs root, unshare and ip (iproute2)"
        );
        return;
    }
    let mut hosts = tempfile::NamedTempFile::new().unwrap();
    std::io::Write::write_all(
        &mut hosts,
        format!("{REMOTE} shop.localhost localhost\n").as_bytes(),
    )
    .unwrap();
    // A network namespace with only its loopback device (carrying
    // 192.0.2.10 too), and a mount namespace whose /etc/hosts is ours; then
    // this very test again, inside them.
    let script = "set -e; ip link set lo up; ip addr add \"$1\"/32 dev lo; \
                  mount --bind \"$2\" /etc/hosts; \
                  exec \"$3\" --exact \"$4\" --nocapture --test-threads=1";
    let out = std::process::Command::new("unshare")
        .args(["--net", "--mount", "--", "sh", "-c", script, "sh", REMOTE])
        .arg(hosts.path())
        .arg(std::env::current_exe().unwrap())
        .arg("routing::a_loopback_name_at_a_remote_address_gets_no_credential")
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

fn loopback_names_in_the_namespace() {
    let server = Server::http_at(REMOTE.parse().unwrap(), |_| Reply::new(200));
    let port = server.addr.port();
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{}").unwrap();
    let payload = payload.display().to_string();
    for name in ["shop.localhost", "localhost"] {
        let base = format!("http://{name}:{port}");
        let hook = format!("{base}/hook");
        let refused: Vec<Vec<String>> = vec![
            vec![
                "endpoint".into(),
                hook.clone(),
                "-H".into(),
                format!("Authorization: Bearer {TOKEN}"),
            ],
            vec!["endpoint".into(), format!("{hook}?password={TOKEN}")],
            vec![
                "rate-limit".into(),
                "inspect".into(),
                hook.clone(),
                "-H".into(),
                format!("X-Api-Key: {TOKEN}"),
            ],
            shell_words::split(&format!("check stripe --api-key {SK} --api-base {base}")).unwrap(),
            vec![
                "webhook".into(),
                "send".into(),
                hook.clone(),
                "--provider".into(),
                "stripe".into(),
                "--secret".into(),
                WH.into(),
                "--payload".into(),
                payload.clone(),
                "-H".into(),
                format!("Authorization: Bearer {TOKEN}"),
            ],
        ];
        for args in &refused {
            let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
            all.extend(["--timeout", "3s", "--format", "json"]);
            let r = run(&all);
            assert_ne!(r.code, 0, "{args:?}: {}", r.stdout);
            assert!(
                r.stdout
                    .contains(&format!("it is at {REMOTE}, not a loopback address")),
                "{args:?} names the address: {}",
                r.stdout
            );
        }
        let leaked: Vec<_> = server
            .requests()
            .into_iter()
            .filter(carries_credential)
            .collect();
        assert!(
            leaked.is_empty(),
            "{name}: a credential reached {REMOTE}: {leaked:?}"
        );

        // Without a credential the request goes, and is not called loopback.
        let (_, report) = crate::support::run_json(&["endpoint", &hook]);
        assert!(report.check("http.connect").summary.contains(REMOTE));
        let tls = report.check("http.tls");
        assert_eq!(tls.status, "warn", "{}", tls.summary);
        assert!(!tls.summary.contains("loopback"), "{}", tls.summary);
        let (_, report) = crate::support::run_json(&[
            "webhook",
            "send",
            &hook,
            "--provider",
            "stripe",
            "--secret",
            WH,
            "--payload",
            &payload,
        ]);
        let https = report.check("webhook.https");
        assert_eq!(https.status, "fail", "{}", https.summary);
    }
}
