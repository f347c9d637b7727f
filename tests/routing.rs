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
