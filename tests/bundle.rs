//! `plumb bundle`: the archive holds the doctor report, the environment,
//! each log's report and last lines and each export's report, and no
//! credential or personal datum of any known kind survives in any file of
//! it, in any encoding it was given in; `--inspect` shows what is inside.

use crate::support::http::{Recorded, Reply, Server};
use crate::support::{assert_usage_error, plumb, run, run_with};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::io::Read;

const SK: &str = "sk_test_51BUNDLEstripeKEYaaaaBBBBccccDDDD1234";
const WH: &str = "whsec_BUNDLEsigningSECRETeeeeFFFFgggg5678+/";
const SHPAT: &str = "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";
const MC: &str = "b0d1e7aab1c2d3e4f506172839405a6b-us6";
const CK: &str = "ck_b0d1e7aa0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const CS: &str = "cs_b0d1e7bb9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const GHP: &str = "ghp_BUNDLEgithubTOKENaaaaBBBBcccc01234567";
const XOXB: &str = "xoxb-1234567890-1234567890-BUNDLEslackTOKENaaaa";
const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJidW5kbGUifQ.BUNDLEjwtSIGNATUREaaaaBBBBcccc";
const BEARER: &str = "b0d1eBearerT0kenQQQQ1111RRRR2222SSSS";
const BASIC_PASS: &str = "b0d1eBasicPassw0rdZZ";
const URL_PASS: &str = "b0d1eUrlPassw0rdYYYY";
const COOKIE: &str = "b0d1eCookieSess10nXXXXWWWW9999";
const PROXY_PASS: &str = "b0d1eProxyPassw0rdVVVV";
const EMAIL: &str = "jane.doe@example.com";
const PHONE: &str = "+1 415 555 0123";

/// Every secret the bundle must hide, as the inputs carry it.
fn secrets() -> Vec<&'static str> {
    vec![
        SK, WH, SHPAT, MC, CK, CS, GHP, XOXB, JWT, BEARER, BASIC_PASS, URL_PASS, COOKIE, PROXY_PASS,
    ]
}

/// Whether `text` holds `secret` in any form, or a 12-character piece of
/// its middle.
fn leaks(text: &str, secret: &str) -> Option<String> {
    for form in crate::support::encoded_forms(secret) {
        let mid = form.len() / 2;
        let piece = &form[mid.saturating_sub(6)..(mid + 6).min(form.len())];
        if text.contains(&form) || text.contains(piece) {
            return Some(form);
        }
    }
    None
}

/// A server that answers 401 and quotes every credential it was sent.
fn echo_server() -> Server {
    Server::http(|r: &Recorded| {
        let mut sent: Vec<String> = r.headers.iter().map(|(n, v)| format!("{n}: {v}")).collect();
        sent.push(r.path_and_query.clone());
        let echoed = sent.join(" | ");
        let body = serde_json::json!({"error": {"message": format!("Invalid API Key provided: {echoed}")}});
        Reply::json(401, &body.to_string())
    })
}

fn log_text() -> String {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("shop:{BASIC_PASS}"));
    [
        format!("2026-11-23T10:00:01Z ERROR 401 Unauthorized: Invalid API Key provided: {SK}"),
        format!("2026-11-23T10:00:02Z ERROR signature verification failed with secret {WH}"),
        format!("2026-11-23T10:00:03Z ERROR 403 Forbidden X-Shopify-Access-Token: {SHPAT}"),
        format!("2026-11-23T10:00:04Z ERROR 401 mailchimp key {MC} rejected"),
        format!("2026-11-23T10:00:05Z ERROR 401 woocommerce keys {CK} {CS}"),
        format!("2026-11-23T10:00:05Z ERROR 401 GET /wc/v3?consumer_key={CK}&consumer_secret={CS}"),
        format!("2026-11-23T10:00:06Z ERROR 401 github token {GHP} and slack {XOXB} refused"),
        format!("2026-11-23T10:00:07Z ERROR 401 Unauthorized jwt {JWT}"),
        format!("Authorization: Bearer {BEARER}"),
        format!("2026-11-23T10:00:08Z ERROR 401 Unauthorized Authorization: Basic {basic}"),
        format!("2026-11-23T10:00:09Z ERROR connection refused https://shop:{URL_PASS}@db.internal/x"),
        format!("2026-11-23T10:00:10Z ERROR 429 Too Many Requests Cookie: session={COOKIE}"),
        format!("2026-11-23T10:00:11Z ERROR 500 Set-Cookie: session={COOKIE}; Path=/"),
        format!("2026-11-23T10:00:12Z ERROR timeout sending to {EMAIL} phone {PHONE}"),
        format!("{{\"level\":\"error\",\"msg\":\"401 Unauthorized\",\"key\":\"{SK}\",\"email\":\"{EMAIL}\"}}"),
    ]
    .join("\n")
        + "\n"
}

/// Every member of a gzip'd tar, unpacked with the tar crate.
fn unpack(bytes: &[u8]) -> Vec<(String, u32, Vec<u8>)> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    let mut out = Vec::new();
    for e in archive.entries().unwrap() {
        let mut e = e.unwrap();
        let name = e.path().unwrap().display().to_string();
        let mode = e.header().mode().unwrap();
        let mut body = Vec::new();
        e.read_to_end(&mut body).unwrap();
        out.push((name, mode, body));
    }
    out
}

fn har_text() -> String {
    use crate::support::har::{document, Browser, Req};
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("user:{BASIC_PASS}"));
    let reqs = vec![
        Req::get("https://api.stripe.com/v1/charges", 401)
            .header("Authorization", &format!("Bearer {SK}"))
            .answer(&format!("{{\"error\":{{\"message\":\"Invalid API Key provided: {SK}\"}}}}")),
        Req::get(format!("https://acme.myshopify.com/admin/api/2024-10/shop.json?access_token={SHPAT}"), 200)
            .header("X-Shopify-Access-Token", SHPAT)
            .cookie("_session_id", COOKIE),
        Req::get(format!("https://user:{URL_PASS}@example.com/hook"), 200)
            .method("POST")
            .header("Authorization", &format!("Basic {basic}"))
            .post("application/json", &format!("{{\"token\":\"{GHP}\",\"slack\":\"{XOXB}\",\"jwt\":\"{JWT}\",\"email\":\"{EMAIL}\"}}")),
        Req::get("https://us6.api.mailchimp.com/3.0/ping", 200)
            .header("Authorization", &format!("apikey {MC}"))
            .answer_header("Set-Cookie", &format!("sid={COOKIE}; HttpOnly")),
    ];
    document(Browser::Chrome, "https://shop.example.com/checkout", &reqs)
}

#[test]
#[allow(clippy::disallowed_macros)] // says why the system tar listing did not run
fn round_trip_holds_no_secret_and_matching_digests() {
    let api = echo_server();
    let base = api.url("").trim_end_matches('/').to_string();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plumb.toml");
    std::fs::write(
        &config,
        format!(
            "[[check]]\nname = \"stripe\"\nrun = \"check stripe --api-base {base}\"\n\n\
             [[check]]\nname = \"shopify\"\nrun = \"check shopify --store acme --api-base {base}\"\n\n\
             [[check]]\nname = \"mailchimp\"\nrun = \"check mailchimp --api-base {base}\"\n\n\
             [[check]]\nname = \"woo\"\nrun = \"check woocommerce --url {base}\"\n"
        ),
    )
    .unwrap();
    let log = dir.path().join("sync.log");
    std::fs::write(&log, log_text()).unwrap();
    let records = dir.path().join("customers.csv");
    std::fs::write(
        &records,
        format!("id,email,phone,note\n1,{EMAIL},{PHONE},key {SK}\n2,bad@,555,\n"),
    )
    .unwrap();
    // A browser's capture of a checkout holding credentials of every kind.
    let har = dir.path().join("checkout.har");
    std::fs::write(&har, har_text()).unwrap();
    let out_file = dir.path().join("ticket.tar.gz");
    let mut cmd = plumb();
    cmd.args(["bundle", "--config"])
        .arg(&config)
        .arg("--log")
        .arg(&log)
        .arg("--records")
        .arg(&records)
        .arg("--har")
        .arg(&har)
        .arg("-o")
        .arg(&out_file)
        .args(["--timeout", "5s", "--color", "never"])
        .env("STRIPE_API_KEY", SK)
        .env("STRIPE_WEBHOOK_SECRET", WH)
        .env("SHOPIFY_ACCESS_TOKEN", SHPAT)
        .env("MAILCHIMP_API_KEY", MC)
        .env("WC_CONSUMER_KEY", CK)
        .env("WC_CONSUMER_SECRET", CS)
        .env(
            "https_proxy",
            format!("http://proxyuser:{PROXY_PASS}@127.0.0.1:9"),
        );
    let made = run_with(&mut cmd);
    assert_eq!(made.code, 0, "{}\n{}", made.stdout, made.stderr);
    assert!(made.stdout.contains("bundle.archive"), "{}", made.stdout);

    // Created 0600, whatever the umask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "archive mode {mode:o}");
    }

    let bytes = std::fs::read(&out_file).unwrap();
    let members = unpack(&bytes);
    let names: Vec<&str> = members.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "report.json",
            "environment.json",
            "logs/1-sync.log.report.json",
            "logs/1-sync.log.last-lines.txt",
            "records/1-customers.csv.report.json",
            "har/1-checkout.har.report.json",
            "har/1-checkout.har.har",
            "manifest.json"
        ]
    );
    // The server saw the real keys: the echo is the test.
    assert!(
        api.requests().len() >= 4,
        "{} requests",
        api.requests().len()
    );

    for (name, mode, body) in &members {
        assert_eq!(*mode & 0o777, 0o600, "{name}");
        let text = String::from_utf8(body.clone()).expect("members are text");
        for s in secrets() {
            if let Some(form) = leaks(&text, s) {
                panic!("{name} leaks {form}:\n{text}");
            }
        }
        assert!(!text.contains(EMAIL), "{name} leaks the email:\n{text}");
        assert!(!text.contains(PHONE), "{name} leaks the phone:\n{text}");
    }
    for s in secrets() {
        assert!(leaks(&made.stdout, s).is_none() && leaks(&made.stderr, s).is_none());
    }

    // The manifest lists every other member with its size and digest, and
    // counts what was redacted by kind.
    let manifest: serde_json::Value = serde_json::from_slice(&members.last().unwrap().2).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files.len(), members.len() - 1);
    for (f, (name, _, body)) in files.iter().zip(&members) {
        assert_eq!(f["name"], name.as_str());
        assert_eq!(f["size"], body.len());
        assert_eq!(f["sha256"], hex::encode(Sha256::digest(body)), "{name}");
    }
    let lines = &files[3]["redacted"];
    for kind in [
        "stripe",
        "webhook_secret",
        "mailchimp",
        "woocommerce",
        "github",
        "slack",
        "jwt",
        "authorization",
        "url_userinfo",
        "cookie",
        "email",
        "phone",
    ] {
        assert!(
            lines[kind].as_u64().unwrap_or(0) >= 1,
            "no {kind} in {lines}"
        );
    }
    let env = String::from_utf8(members[1].2.clone()).unwrap();
    assert!(
        env.contains("STRIPE_API_KEY") && env.contains("https_proxy"),
        "{env}"
    );
    assert!(files[1]["redacted"]["url_userinfo"] == 1, "{}", files[1]);
    let report: serde_json::Value = serde_json::from_slice(&members[0].2).unwrap();
    assert_eq!(report["command"], "doctor");
    assert!(manifest["left_out"].as_array().unwrap().is_empty());

    // --inspect lists the files and the counts, and checks the digests.
    let seen = run(&[
        "bundle",
        "--inspect",
        out_file.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(seen.code, 0, "{}", seen.stderr);
    let inspected: serde_json::Value = serde_json::from_str(&seen.stdout).unwrap();
    let checks = inspected["checks"].as_array().unwrap();
    assert!(checks
        .iter()
        .any(|c| c["id"] == "bundle.digests" && c["status"] == "pass"));
    let contents = checks
        .iter()
        .find(|c| c["id"] == "bundle.contents")
        .unwrap();
    assert_eq!(contents["details"]["files"].as_array().unwrap().len(), 7);
    assert_eq!(
        contents["details"]["redacted_total"],
        manifest["redacted_total"]
    );

    // The system tar reads it too.
    if let Ok(out) = std::process::Command::new("tar")
        .arg("tzf")
        .arg(&out_file)
        .output()
    {
        let listed = String::from_utf8_lossy(&out.stdout);
        assert!(listed.contains("manifest.json"), "{listed}");
    } else {
        eprintln!("skipped the system tar listing: no tar on PATH");
    }
}

#[test]
fn unscannable_evidence_is_left_out_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plumb.toml");
    std::fs::write(&config, "[[check]]\nname = \"x\"\nrun = \"explain 429\"\n").unwrap();
    let log = dir.path().join("bin.log");
    let mut bytes = format!("ERROR 401 {SK}\n").into_bytes();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
    std::fs::write(&log, &bytes).unwrap();
    let out_file = dir.path().join("b.tar.gz");
    let made = run(&[
        "bundle",
        "--config",
        config.to_str().unwrap(),
        "--log",
        log.to_str().unwrap(),
        "-o",
        out_file.to_str().unwrap(),
    ]);
    // A warning: the archive was still written.
    assert_eq!(made.code, 0, "{}", made.stdout);
    assert!(made.stdout.contains("bundle.left_out"), "{}", made.stdout);
    let members = unpack(&std::fs::read(&out_file).unwrap());
    assert!(!members
        .iter()
        .any(|(n, _, _)| n.ends_with("last-lines.txt")));
    let manifest: serde_json::Value = serde_json::from_slice(&members.last().unwrap().2).unwrap();
    let left = &manifest["left_out"][0];
    assert_eq!(left["name"], "logs/1-bin.log.last-lines.txt");
    assert!(
        left["reason"].as_str().unwrap().contains("not UTF-8"),
        "{left}"
    );
    for (name, _, body) in &members {
        assert!(
            leaks(&String::from_utf8_lossy(body), SK).is_none(),
            "{name}"
        );
    }
}

#[test]
fn bad_inputs_are_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plumb.toml");
    std::fs::write(&config, "[[check]]\nname = \"x\"\nrun = \"explain 429\"\n").unwrap();
    let cfg = config.to_str().unwrap();
    let missing = dir.path().join("nope.log");
    let out = dir.path().join("b.tar.gz");
    let o = out.to_str().unwrap();
    assert_usage_error(
        &run(&[
            "bundle",
            "--config",
            cfg,
            "--log",
            missing.to_str().unwrap(),
            "-o",
            o,
        ]),
        "--log",
    );
    assert_usage_error(
        &run(&[
            "bundle",
            "--config",
            cfg,
            "--records",
            missing.to_str().unwrap(),
            "-o",
            o,
        ]),
        "--records",
    );
    assert!(!out.exists());
    assert_usage_error(
        &run(&["bundle", "--config", cfg, "-o", "/nonexistent-dir/b.tar.gz"]),
        "--output",
    );
    let corrupt = dir.path().join("corrupt.tar.gz");
    std::fs::write(&corrupt, b"\x1f\x8bnot really gzip").unwrap();
    assert_usage_error(
        &run(&["bundle", "--inspect", corrupt.to_str().unwrap()]),
        "--inspect",
    );
    assert_usage_error(
        &run(&["bundle", "--inspect", missing.to_str().unwrap()]),
        "--inspect",
    );
    // A gzip'd tar that is not a bundle.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(2);
    h.set_cksum();
    b.append_data(&mut h, "x.txt", &b"hi"[..]).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &b.into_inner().unwrap()).unwrap();
    let other = dir.path().join("other.tar.gz");
    std::fs::write(&other, gz.finish().unwrap()).unwrap();
    assert_usage_error(
        &run(&["bundle", "--inspect", other.to_str().unwrap()]),
        "not a plumb bundle",
    );
}

#[test]
fn inspect_fails_a_changed_member() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("plumb.toml");
    std::fs::write(&config, "[[check]]\nname = \"x\"\nrun = \"explain 429\"\n").unwrap();
    let out = dir.path().join("b.tar.gz");
    let made = run(&[
        "bundle",
        "--config",
        config.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let members = unpack(&std::fs::read(&out).unwrap());
    let mut b = tar::Builder::new(Vec::new());
    for (name, _, body) in &members {
        let body = if name == "environment.json" {
            b"{}".to_vec()
        } else {
            body.clone()
        };
        let mut h = tar::Header::new_gnu();
        h.set_size(body.len() as u64);
        h.set_mode(0o600);
        h.set_cksum();
        b.append_data(&mut h, name, body.as_slice()).unwrap();
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &b.into_inner().unwrap()).unwrap();
    std::fs::write(&out, gz.finish().unwrap()).unwrap();
    let seen = run(&["bundle", "--inspect", out.to_str().unwrap()]);
    assert_eq!(seen.code, 1, "{}", seen.stdout);
    assert!(seen.stdout.contains("environment.json"), "{}", seen.stdout);
}
