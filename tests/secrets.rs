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
    for format in ["text", "json", "junit", "github"] {
        let summary = tempfile::NamedTempFile::new().unwrap();
        let mut cmd = plumb();
        cmd.env("GITHUB_STEP_SUMMARY", summary.path());
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
        let mut out = run_with(&mut cmd);
        assert!(
            [0, 1, 2].contains(&out.code),
            "{label} {format}: exit {}",
            out.code
        );
        // The GitHub step summary is output too.
        out.stdout
            .push_str(&std::fs::read_to_string(summary.path()).unwrap_or_default());
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

/// A server that echoes the credential it was sent where APIs put ids and
/// addresses: in `Request-Id` and `X-Request-Id`, in a redirect's
/// `Location`, and in an error body as the `Basic` value (base64 of the
/// key or of `ck_…:cs_…`) and as its decoded text.
fn mirror_server(redirect: bool) -> Server {
    Server::http(move |r| {
        let auth = r
            .header("authorization")
            .or_else(|| r.header("x-api-key"))
            .or_else(|| r.header("x-shopify-access-token"))
            .unwrap_or("")
            .to_string();
        let token = auth.split_whitespace().last().unwrap_or("").to_string();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(&token)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_else(|_| token.clone());
        let basic = base64::engine::general_purpose::STANDARD.encode(&decoded);
        if redirect && !r.path_and_query.starts_with("/moved") {
            return Reply::new(302).header(
                "location",
                &format!("/moved?key={decoded}&b={basic}&t={token}"),
            );
        }
        let body = serde_json::json!({
            "error": {
                "type": "invalid_request_error",
                "message": format!("bad credentials Basic {basic} ({decoded})"),
            },
            "code": format!("rejected {decoded}"),
        });
        Reply::json(401, &body.to_string())
            .header("request-id", &decoded)
            .header("x-request-id", &basic)
    })
}

#[test]
fn echoed_request_ids_locations_and_basic_bodies_are_masked() {
    for redirect in [false, true] {
        let api = mirror_server(redirect);
        let base = api.url("").trim_end_matches('/').to_string();
        let cases: Vec<Case> = vec![
            (
                format!("check stripe --api-key {SK} --api-base {base}"),
                vec![],
                String::new(),
                vec![SK],
            ),
            (
                format!(
                    "check woocommerce --url {base} --consumer-key {CK} --consumer-secret {CS}"
                ),
                vec![],
                String::new(),
                vec![CK, CS],
            ),
            (
                format!("check mailchimp --api-key {MC} --api-base {base}"),
                vec![],
                String::new(),
                vec![MC],
            ),
            (
                format!("check shopify --store acme --token {SHPAT} --api-base {base}"),
                vec![],
                String::new(),
                vec![SHPAT],
            ),
            (
                format!("endpoint {base}/x -H 'X-Api-Key: {TOKEN}'"),
                vec![],
                String::new(),
                vec![TOKEN],
            ),
            (
                format!(
                    "endpoint {base}/x -H 'Authorization: Basic {}'",
                    base64::engine::general_purpose::STANDARD.encode(format!("{CK}:{CS}"))
                ),
                vec![],
                String::new(),
                vec![CK, CS],
            ),
        ];
        for (line, env, stdin, secrets) in &cases {
            sweep(line, &words(line), env, stdin, secrets);
        }
        // The Basic forms never leak either.
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CK}:{CS}"));
        for format in ["text", "json", "junit"] {
            let out = run_with(plumb().args(words(&format!(
                "check woocommerce --url {base} --consumer-key {CK} --consumer-secret {CS} -v --format {format}"
            ))));
            assert!(
                !out.stdout.contains(&basic[8..40]),
                "{format}: {}",
                out.stdout
            );
        }
    }
}

/// A credential given where another value belongs is masked in the one
/// error line (and in any report), however clap or plumb quotes it.
#[test]
fn a_secret_given_to_the_wrong_flag_is_never_echoed() {
    const LIVE: &str = "sk_live_51WRONGflagKEYaaaaBBBBccccDDDD9876";
    const AWS: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    let dir = tempfile::tempdir().unwrap();
    let payload = dir.path().join("p.json");
    std::fs::write(&payload, "{}").unwrap();
    let p = payload.display();
    let cases = [
        format!("check stripe --api-key-file {LIVE}"),
        format!("--timeout {LIVE} explain 429"),
        format!("--timeout {AWS} explain 429"),
        format!("credential {LIVE} {LIVE}"),
        format!("credential --env {LIVE}"),
        format!("credential --env {AWS}"),
        format!("verify-signature stripe --secret {WH} --payload {p} --signature {WH}"),
        format!("verify-signature stripe --payload {p} --secret x --signature {LIVE}"),
        format!("explain {LIVE}"),
        format!("explain invalid key {AWS}"),
        format!("tls {LIVE}"),
    ];
    for line in &cases {
        for format in ["text", "json", "junit", "github"] {
            let out = run_with(
                plumb()
                    .args(words(line))
                    .args(["--format", format, "-v", "--timeout", "2s"])
                    .env_remove(LIVE),
            );
            assert_hidden(&format!("{line} --format {format}"), &out, &[LIVE, WH, AWS]);
        }
    }
}

#[test]
fn json_and_junit_escape_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("app.log");
    std::fs::write(
        &log,
        "2026-01-01T00:00:00Z ERROR upload of invoice\u{202e}fdp.exe failed\u{85} (timeout)\n",
    )
    .unwrap();
    for format in ["json", "junit", "github"] {
        let out = run_with(plumb().args(["logs", log.to_str().unwrap(), "-v", "--format", format]));
        assert!(out.stdout.contains("invoice"), "{format}: {}", out.stdout);
        for c in ['\u{202e}', '\u{85}'] {
            assert!(
                !out.stdout.contains(c),
                "{format} passed {c:?} through: {}",
                out.stdout
            );
        }
        if format == "json" {
            assert!(out.stdout.contains("\\u202e"), "{}", out.stdout);
            serde_json::from_str::<serde_json::Value>(&out.stdout).expect("valid JSON");
        }
    }
    let out = run_with(plumb().args(["explain", "429\u{202e}", "--format", "json"]));
    assert!(!out.stdout.contains('\u{202e}') && !out.stderr.contains('\u{202e}'));
}

#[test]
fn logs_samples_never_show_secret_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("app.log");
    let secrets = [
        "wJalrXUtnFEMI/KxMDENG/bPxRfiCYEXAMPLEKEY",
        "qWeRtYuIoPaSdFgHjKlZxCvBnMqWeRtY",
        "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
        "xapp-1-A0AAAAAAAAA-1111111111111-abcdefabcdefabcdefabcdef",
    ];
    let mut text = String::new();
    for s in secrets {
        text.push_str(&format!(
            "2026-01-01T00:00:00Z ERROR 401 Unauthorized: auth rejected {s} for user\n"
        ));
        text.push_str(&format!(
            "2026-01-01T00:00:01Z ERROR validation failed for record {s}\n"
        ));
    }
    text.push_str("2026-01-01T00:00:02Z ERROR 401 Unauthorized key -----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEAqWeRtYuIoPaSdFgHjKlZxCvBn\n");
    std::fs::write(&log, text).unwrap();
    for format in ["text", "json", "junit", "github"] {
        let out = run_with(plumb().args(["logs", log.to_str().unwrap(), "-v", "--format", format]));
        assert!(
            out.stdout.contains("auth rejected"),
            "{format}: {}",
            out.stdout
        );
        for s in secrets.iter().chain(["qWeRtYuIoPaSdFgHjKlZxCvBn"].iter()) {
            let pieces: Vec<&str> = s
                .split(['/', '-', '+', '.', '~'])
                .filter(|p| p.len() >= 8)
                .collect();
            for piece in pieces {
                assert!(
                    !out.stdout.contains(&piece[..8]),
                    "{format}: {piece} survived:\n{}",
                    out.stdout
                );
            }
        }
    }
}

#[test]
fn credential_never_reads_an_account_id_out_of_a_random_token() {
    const DUFFEL: &str = "duffel_test_Ab3dEf5hIj7lMn9pQr1tUv_3xYz5bCd7fGh9jKl1nOpXrSt";
    for format in ["text", "json", "junit"] {
        let out = run_with(plumb().args(["credential", DUFFEL, "-v", "--format", format]));
        let body = &DUFFEL["duffel_test_".len()..DUFFEL.len() - 4];
        for w in body.as_bytes().windows(6) {
            let w = std::str::from_utf8(w).unwrap();
            assert!(
                !out.stdout.contains(w),
                "{format}: {w} shown:\n{}",
                out.stdout
            );
        }
        assert!(!out.stdout.contains("account"), "{format}: {}", out.stdout);
    }
    for token in [
        "ghu_16C7e42F292c6912E7710c838347Ae178B4a",
        "xoxe.xoxp-1-Mi0yLTExMjI",
    ] {
        let out = run_with(plumb().args(["credential", token, "--format", "json"]));
        let kind = if token.starts_with("gh") {
            "GitHub"
        } else {
            "Slack"
        };
        assert!(out.stdout.contains(kind), "{token}: {}", out.stdout);
        assert!(!out.stdout.contains(&token[6..14]), "{}", out.stdout);
    }
}
