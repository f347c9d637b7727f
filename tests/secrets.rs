//! Secrets sweep: every command that takes a secret, in
//! text, json and junit with -v, never shows it — only its kind and last
//! four — even when the server echoes the key back in an error body.

use crate::support::http::{Recorded, Reply, Server};
use crate::support::{plumb, run_with};
use base64::Engine;

const SK: &str = "sk_test_51SECRETstripeKEYaaaaBBBBccccDDDD1234";
const WH: &str = "whsec_SECRETsigningSECRETeeeeFFFFgggg5678";
const SHPAT: &str = "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";
const MC: &str = "5ec0e7aab1c2d3e4f506172839405a6b-us6";
const CK: &str = "ck_5ec0e7aa0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const CS: &str = "cs_5ec0e7bb9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const TOKEN: &str = "tok_5ecre7bearert0ken000011112222333344445555";

/// The credential a request carried, however it was sent.
fn credentials(r: &Recorded) -> Vec<String> {
    let mut out = Vec::new();
    for (name, value) in &r.headers {
        let n = name.to_ascii_lowercase();
        if n == "authorization" {
            let token = value.split_whitespace().last().unwrap_or("").to_string();
            if let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(&token) {
                let text = String::from_utf8_lossy(&raw).into_owned();
                out.extend(text.split(':').map(str::to_string));
            }
            out.push(token);
            out.push(value.clone());
        } else if n.contains("token") || n.contains("key") {
            out.push(value.clone());
        }
    }
    if let Some((_, q)) = r.path_and_query.split_once('?') {
        out.extend(
            q.split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(_, v)| v.to_string()),
        );
    }
    out
}

/// A server that answers 401 and quotes every credential it was sent, in
/// each service's error shape, the way careless APIs do.
fn echo_server() -> Server {
    Server::http(|r| {
        let echoed = credentials(r).join(" ");
        let m = format!("Invalid API Key provided: {echoed}");
        let body = serde_json::json!({
            "error": {"type": "invalid_request_error", "code": echoed, "message": m},
        });
        Reply::json(401, &body.to_string())
    })
}

/// Every place a secret could leak: stdout and stderr of the run.
fn assert_hidden(label: &str, out: &crate::support::Run, secrets: &[&str]) {
    for s in secrets {
        // The whole value, and a 10-character piece from its middle.
        let mid = &s[s.len() / 2 - 5..s.len() / 2 + 5];
        for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !text.contains(s) && !text.contains(mid),
                "{label}: secret {mid:?} leaked on {stream}:\n{text}"
            );
        }
    }
}

fn sweep(label: &str, args: &[String], env: &[(&str, &str)], stdin: &str, secrets: &[&str]) {
    for format in ["text", "json", "junit"] {
        let mut cmd = plumb();
        cmd.args(args).args([
            "--format",
            format,
            "-v",
            "--timeout",
            "5s",
            "--color",
            "always",
        ]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.write_stdin(stdin.to_string());
        let out = run_with(&mut cmd);
        assert!(
            [0, 1, 2].contains(&out.code),
            "{label} {format}: exit {}",
            out.code
        );
        assert_hidden(&format!("{label} --format {format}"), &out, secrets);
    }
}

/// A command line, its environment, its standard input, and the secrets
/// it must never show.
type Case<'a> = (String, Vec<(&'a str, &'a str)>, String, Vec<&'a str>);

fn words(s: &str) -> Vec<String> {
    shell_words::split(s).unwrap()
}

#[test]
fn no_command_shows_a_secret_in_any_format() {
    let api = echo_server();
    let base = api.url("").trim_end_matches('/').to_string();
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{}").unwrap();
    let p = payload.display();
    let key_file = dir.path().join("key");
    std::fs::write(&key_file, format!("{SK}\n")).unwrap();
    let kf = key_file.display();
    let config = dir.path().join("plumb.toml");
    std::fs::write(
        &config,
        format!("[[check]]\nname = \"stripe\"\nrun = \"check stripe --api-base {base}\"\n"),
    )
    .unwrap();
    let cfg = config.display();
    let hook = format!("{base}/hook");

    let cases: Vec<Case> = vec![
        (format!("credential {SK}"), vec![], String::new(), vec![SK]),
        ("credential".into(), vec![], format!("{SK}\n"), vec![SK]),
        ("credential --env K".to_string(), vec![("K", WH)], String::new(), vec![WH]),
        (
            format!("check stripe --api-key {SK} --webhook-secret {WH} --api-base {base} --webhook-url {hook}"),
            vec![],
            String::new(),
            vec![SK, WH],
        ),
        (
            format!("check stripe --api-key-file {kf} --api-base {base}"),
            vec![],
            String::new(),
            vec![SK],
        ),
        (
            format!("check stripe --api-base {base}"),
            vec![("STRIPE_API_KEY", SK), ("STRIPE_WEBHOOK_SECRET", WH)],
            String::new(),
            vec![SK, WH],
        ),
        (
            format!("check shopify --store acme --api-base {base}"),
            vec![("SHOPIFY_ACCESS_TOKEN", SHPAT)],
            String::new(),
            vec![SHPAT],
        ),
        (
            format!("check shopify --store acme --token {SHPAT} --api-base {base} --offline"),
            vec![],
            String::new(),
            vec![SHPAT],
        ),
        (
            format!("check mailchimp --api-key {MC} --api-base {base}"),
            vec![],
            String::new(),
            vec![MC],
        ),
        (
            format!("check woocommerce --url {base} --consumer-key {CK} --consumer-secret {CS}"),
            vec![],
            String::new(),
            vec![CK, CS],
        ),
        (
            format!("check woocommerce --url {base}"),
            vec![("WC_CONSUMER_KEY", CK), ("WC_CONSUMER_SECRET", CS)],
            String::new(),
            vec![CK, CS],
        ),
        (
            format!("verify-signature stripe --secret {WH} --payload {p} --signature t=1,v1=00"),
            vec![],
            String::new(),
            vec![WH],
        ),
        (
            format!("verify-signature github --secret {WH} --payload {p} -H 'X-Hub-Signature-256: sha256=00'"),
            vec![],
            String::new(),
            vec![WH],
        ),
        (format!("sign stripe --secret {WH} --payload {p}"), vec![], String::new(), vec![WH]),
        (
            format!("webhook send {hook} --provider stripe --secret {WH} --payload {p}"),
            vec![],
            String::new(),
            vec![WH],
        ),
        (
            format!("endpoint {hook} -H 'Authorization: Bearer {TOKEN}'"),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("endpoint {hook}?api_key={TOKEN}&consumer_secret={CS}"),
            vec![],
            String::new(),
            vec![TOKEN, CS],
        ),
        (
            format!("endpoint http://user:{TOKEN}@{}/x", api.addr),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("endpoint http://{TOKEN}:@{}/x", api.addr),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        // URLs that do not parse still never echo their credentials.
        (
            format!("endpoint http://user:{TOKEN}@127.0.0.1:99999/"),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("check stripe --api-key {SK} --api-base 'http://u:{TOKEN}@127.0.0.1:99999'"),
            vec![],
            String::new(),
            vec![SK, TOKEN],
        ),
        (
            format!("webhook send '{hook}?token={TOKEN}' --provider stripe --secret {WH} --payload {p}"),
            vec![],
            String::new(),
            vec![WH, TOKEN],
        ),
        // A malformed header that is really a pasted credential.
        (format!("endpoint {hook} -H 'Bearer {TOKEN}'"), vec![], String::new(), vec![TOKEN]),
        (format!("endpoint {hook} -H 'Bearer {TOKEN}: x'"), vec![], String::new(), vec![TOKEN]),
        (
            format!("rate-limit inspect {hook} -H 'Authorization: Bearer {TOKEN}'"),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("rate-limit inspect {hook}?token={TOKEN}"),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("rate-limit probe {hook} --rate 50/s --requests 2 -H 'X-Api-Key: {TOKEN}'"),
            vec![],
            String::new(),
            vec![TOKEN],
        ),
        (
            format!("doctor --config {cfg}"),
            vec![("STRIPE_API_KEY", SK)],
            String::new(),
            vec![SK],
        ),
    ];
    for (line, env, stdin, secrets) in &cases {
        sweep(line, &words(line), env, stdin, secrets);
    }
    // The echo server really did receive (and quote) the credentials.
    assert!(api
        .requests()
        .iter()
        .any(|r| credentials(r).iter().any(|c| c.contains(SK))));
}

#[test]
fn redirect_urls_are_masked_in_endpoint_reports() {
    let target = Server::http(|_| Reply::new(200));
    let to = target.url(&format!("/final?access_token={TOKEN}"));
    let api = Server::http(move |_| Reply::new(302).header("location", &to));
    let line = api.url(&format!("/start?key={SK}"));
    sweep(
        "endpoint redirect",
        &[String::from("endpoint"), line],
        &[],
        "",
        &[TOKEN, SK],
    );
}

#[test]
fn proxy_passwords_never_show_in_any_format() {
    const PASS: &str = "PrOxYpAsSwOrD0123456789xyz";
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("svc:{PASS}"));
    // A proxy that rejects these credentials, so every command fails
    // through it and has the most reason to talk about it.
    let upstream = crate::support::http::closed_port();
    let proxy = crate::support::proxy::Proxy::start(upstream, Some("svc:another-password"));
    let with_pass = proxy.url_with(&format!("svc:{PASS}"));
    let env = vec![("HTTPS_PROXY", with_pass.as_str())];
    for line in [
        "endpoint https://api.plumb.test/v1/ping".to_string(),
        "tls api.plumb.test".to_string(),
        format!("check stripe --api-base https://api.plumb.test --api-key {SK}"),
    ] {
        sweep(&line, &words(&line), &env, "", &[PASS, &basic, SK]);
    }
    assert!(
        !proxy.seen().is_empty(),
        "the commands went through the proxy"
    );
}
