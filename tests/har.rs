//! `plumb har` and `plumb har redact` on HAR files generated in the shapes
//! Chrome, Firefox and Safari write: each check failing and passing, bad
//! inputs, a 100 MB file within 64 MiB, and a redaction round trip.

use crate::support::har::{
    document, entry, head_and_tail, token, Browser, Req, ALNUM, BROWSERS, HEX,
};
use crate::support::{assert_usage_error, run, run_json};
use std::io::Write;
use std::path::{Path, PathBuf};

const PAGE: &str = "https://shop.example/checkout";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn har_json(path: &Path) -> (i32, crate::support::schema::Report) {
    run_json(&["har", path.to_str().unwrap()])
}

/// A checkout that went well: every check passes in every browser's shape.
#[test]
fn a_clean_capture_passes_every_check_in_every_browser() {
    let dir = tempfile::tempdir().unwrap();
    for browser in BROWSERS {
        let reqs = [
            Req::get("https://api.stripe.com/v1/payment_methods", 200)
                .answer(r#"{"object":"list","data":[]}"#)
                .answer_header("X-RateLimit-Limit", "100")
                .answer_header("X-RateLimit-Remaining", "97"),
            Req::get("https://shop.example/app.js", 200).kind("script"),
        ];
        let p = write(dir.path(), "ok.har", &document(browser, PAGE, &reqs));
        let (code, report) = har_json(&p);
        assert_eq!(code, 0, "{browser:?}: {:?}", report.ids());
        for id in [
            "har.failed",
            "har.blocked",
            "har.slow",
            "har.ratelimit",
            "har.secrets",
        ] {
            assert_eq!(
                report.check(id).status,
                "pass",
                "{browser:?} {id}: {}",
                report.check(id).summary
            );
        }
        assert_eq!(
            report.check("har.summary").details["entries"],
            3,
            "{browser:?}"
        );
    }
}

#[test]
fn failed_calls_are_grouped_and_explained_by_the_provider_body() {
    let dir = tempfile::tempdir().unwrap();
    for browser in BROWSERS {
        let reqs = [
            Req::get("https://api.stripe.com/v1/payment_intents/pi_3Qabc12345678/confirm", 402)
                .method("POST")
                .answer(r#"{"error":{"code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds.","type":"card_error"}}"#),
            Req::get("https://api.stripe.com/v1/payment_intents/pi_3Qzzz99999999/confirm", 402)
                .method("POST")
                .answer(r#"{"error":{"code":"card_declined","message":"Your card was declined."}}"#),
            Req::get("https://my-shop.myshopify.com/admin/api/2024-10/products.json", 422)
                .answer(r#"{"errors":{"title":["can't be blank"]}}"#),
            Req::get("https://us6.api.mailchimp.com/3.0/lists/abc123/members", 400)
                .answer(r#"{"type":"https://mailchimp.com/developer/marketing/docs/errors/","title":"Member Exists","status":400,"detail":"x@example.com is already a list member.","instance":"1"}"#),
            Req::get("https://api.stripe.com/v1/customers/cus_Nabcdefgh12345", 404)
                .answer(r#"{"error":{"code":"resource_missing","message":"No such customer: 'cus_Nabcdefgh12345'"}}"#),
        ];
        let p = write(dir.path(), "failed.har", &document(browser, PAGE, &reqs));
        let (code, report) = har_json(&p);
        assert_eq!(code, 1);
        let c = report.check("har.failed");
        assert_eq!(c.status, "fail");
        assert_eq!(c.details["failed"], 5);
        let groups = c.details["groups"].as_array().unwrap();
        // The two Stripe confirmations group by their path's shape.
        assert_eq!(groups.len(), 4, "{browser:?} {groups:#?}");
        let stripe = groups.iter().find(|g| g["status"] == 402).unwrap();
        assert_eq!(stripe["count"], 2);
        assert_eq!(stripe["provider_code"], "card_declined");
        let shopify = groups.iter().find(|g| g["status"] == 422).unwrap();
        assert!(shopify["provider_message"]
            .as_str()
            .unwrap()
            .contains("can't be blank"));
        let mc = groups.iter().find(|g| g["status"] == 400).unwrap();
        assert_eq!(mc["provider_code"], "Member Exists");
        let missing = groups.iter().find(|g| g["status"] == 404).unwrap();
        assert_eq!(
            missing["explained_by"], "stripe.resource_missing",
            "{missing:#?}"
        );
        assert!(c.remediation.iter().any(|r| r.contains("card_declined")));
    }
}

#[test]
fn requests_without_an_answer_are_named_by_cause() {
    let dir = tempfile::tempdir().unwrap();
    let reqs = [
        Req::get("https://js.stripe.com/v3/", 200)
            .kind("script")
            .failed("net::ERR_BLOCKED_BY_CLIENT"),
        Req::get("https://api.shop-typo.example/v1/cart", 200).failed("net::ERR_NAME_NOT_RESOLVED"),
        Req::get("https://expired.example/v1/cart", 200).failed("net::ERR_CERT_DATE_INVALID"),
        Req::get("http://cdn.example/widget.js", 200)
            .kind("script")
            .failed("net::ERR_BLOCKED_BY_CLIENT"),
        Req::get("https://api.partner.example/v1/orders", 204)
            .method("OPTIONS")
            .kind("preflight")
            .header("Origin", "https://shop.example")
            .header("Access-Control-Request-Method", "PUT")
            .answer_header("Access-Control-Allow-Methods", "GET, PUT"),
        Req::get("https://shop.example/cancelled", 200).failed("net::ERR_ABORTED"),
        Req::get("https://api.other.example/v1/cart", 200)
            .header("Origin", "https://shop.example")
            .failed("net::ERR_FAILED"),
    ];
    let p = write(
        dir.path(),
        "blocked.har",
        &document(Browser::Chrome, PAGE, &reqs),
    );
    let (code, report) = har_json(&p);
    assert_eq!(code, 1);
    let c = report.check("har.blocked");
    assert_eq!(c.status, "fail");
    assert_eq!(c.details["blocked"], 6, "{:#?}", c.details);
    assert_eq!(c.details["aborted"], 1);
    let causes: Vec<(&str, &str)> = c.details["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["cause"].as_str().unwrap(), g["host"].as_str().unwrap()))
        .collect();
    for want in [
        ("blocked by an extension or ad blocker", "js.stripe.com"),
        ("DNS", "api.shop-typo.example"),
        ("TLS", "expired.example"),
        ("mixed content", "cdn.example"),
        ("CORS", "api.partner.example"),
        ("CORS", "api.other.example"),
    ] {
        assert!(causes.contains(&want), "{want:?} not in {causes:?}");
    }
    let remedies = c.remediation.join("\n");
    assert!(remedies.contains("plumb tls expired.example"), "{remedies}");
    assert!(remedies.contains("plumb dns"), "{remedies}");
    assert!(
        remedies.contains("Access-Control-Allow-Origin"),
        "{remedies}"
    );
}

/// A request that ended with no answer and no reason (Safari and Firefox
/// write status 0) warns rather than fails.
#[test]
fn an_unexplained_missing_answer_warns() {
    let dir = tempfile::tempdir().unwrap();
    for browser in [Browser::Firefox, Browser::Safari] {
        let mut r = Req::get("https://api.example/v1/slow", 0);
        r.resource_type = "fetch";
        let p = write(dir.path(), "pending.har", &document(browser, PAGE, &[r]));
        let (code, report) = har_json(&p);
        let c = report.check("har.blocked");
        assert_eq!(c.status, "warn", "{browser:?}: {}", c.summary);
        assert!(c.summary.contains("no answer recorded"), "{}", c.summary);
        assert_eq!(code, 0);
    }
}

/// Firefox records a CORS-refused answer with its status; the missing
/// Access-Control-Allow-Origin is what names it.
#[test]
fn a_cors_refused_answer_in_firefox_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let reqs = [Req::get("https://api.partner.example/v1/cart", 200)
        .header("Origin", "https://shop.example")
        .header("Sec-Fetch-Mode", "cors")
        .answer(r#"{"ok":true}"#)];
    let p = write(
        dir.path(),
        "cors.har",
        &document(Browser::Firefox, PAGE, &reqs),
    );
    let (_, report) = har_json(&p);
    let c = report.check("har.blocked");
    assert_eq!(c.status, "fail", "{}", c.summary);
    assert!(c.summary.contains("CORS"), "{}", c.summary);
}

#[test]
fn slow_requests_are_judged_against_the_providers_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "https://my-shop.myshopify.com/admin/api/2024-10/orders.json",
            6000.0,
            "fail",
        ),
        (
            "https://my-shop.myshopify.com/admin/api/2024-10/orders.json",
            3000.0,
            "warn",
        ),
        ("https://api.stripe.com/v1/charges", 6000.0, "warn"),
        ("https://api.stripe.com/v1/charges", 900.0, "pass"),
    ];
    for (url, wait, want) in cases {
        for browser in BROWSERS {
            let reqs = [Req::get(url, 200).wait(wait)];
            let p = write(dir.path(), "slow.har", &document(browser, PAGE, &reqs));
            let (_, report) = har_json(&p);
            let c = report.check("har.slow");
            assert_eq!(c.status, want, "{browser:?} {url} {wait}: {}", c.summary);
            if want != "pass" {
                assert!(c.summary.contains("of it wait"), "{}", c.summary);
            }
        }
    }
}

#[test]
fn rate_limits_and_429s_are_read_as_rate_limit_inspect_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let limited = [Req::get(
        "https://my-shop.myshopify.com/admin/api/2024-10/orders.json",
        429,
    )
    .answer_header("Retry-After", "2.0")
    .answer_header("X-Shopify-Shop-Api-Call-Limit", "40/40")
    .answer(r#"{"errors":"Exceeded 2 calls per second for api client."}"#)];
    let p = write(
        dir.path(),
        "429.har",
        &document(Browser::Chrome, PAGE, &limited),
    );
    let (_, report) = har_json(&p);
    let c = report.check("har.ratelimit");
    assert_eq!(c.status, "fail");
    assert_eq!(c.details["answers_429"][0]["retry_after_s"], 2.0);
    assert!(c.summary.contains("Retry-After 2s"), "{}", c.summary);

    let spent = [Req::get("https://api.github.com/repos", 200)
        .answer_header("X-RateLimit-Limit", "60")
        .answer_header("X-RateLimit-Remaining", "0")
        .answer_header("X-RateLimit-Reset", "1700000000")];
    let p = write(
        dir.path(),
        "spent.har",
        &document(Browser::Safari, PAGE, &spent),
    );
    let (_, report) = har_json(&p);
    assert_eq!(report.check("har.ratelimit").status, "warn");
}

#[test]
fn credentials_are_listed_by_kind_and_last_four_never_whole() {
    let dir = tempfile::tempdir().unwrap();
    let key = "sk_live_51QabcdefGHIJKLmnopQRSTuvwx4f2a";
    let reqs = [Req::get("https://api.stripe.com/v1/charges", 200)
        .header("Authorization", &format!("Bearer {key}"))
        .cookie("PHPSESSID", "q8d7f6g5h4j3k2l1m0n9b8v7c6")];
    let p = write(
        dir.path(),
        "secrets.har",
        &document(Browser::Chrome, PAGE, &reqs),
    );
    for format in ["json", "text"] {
        let r = run(&["har", p.to_str().unwrap(), "--format", format]);
        assert_eq!(r.code, 1);
        assert!(!r.stdout.contains(key) && !r.stdout.contains("q8d7f6g5h4j3k2l1m0n9b8v7c6"));
        assert!(r.stdout.contains("sk_live_…4f2a"), "{}", r.stdout);
        assert!(r.stdout.contains("Stripe secret key (live mode)"));
        assert!(r.stdout.contains("PHPSESSID"));
    }
    let (_, report) = har_json(&p);
    let c = report.check("har.secrets");
    assert_eq!(c.details["distinct"], 2);
    assert!(c.remediation.iter().any(|r| r.contains("Rotate")));
}

#[test]
fn unusable_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (head, _) = head_and_tail(Browser::Chrome, PAGE);
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write(d, "text.har", "hello, not json"),
            "not a HAR file plumb can read",
        ),
        (write(d, "empty.har", ""), "not a HAR file plumb can read"),
        (
            write(d, "nolog.har", r#"{"version":"1.2"}"#),
            "no \"log\" object",
        ),
        (
            write(d, "noentries.har", r#"{"log":{"version":"1.2"}}"#),
            "has no \"entries\"",
        ),
        (
            write(d, "object.har", r#"{"log":{"entries":{}}}"#),
            "not a HAR file plumb can read",
        ),
        (
            write(d, "array.har", "[1,2]"),
            "not a HAR file plumb can read",
        ),
        (
            write(d, "cut.har", &format!("{head}{{\"request\":")),
            "not a HAR file plumb can read",
        ),
        (
            write(
                d,
                "badentry.har",
                r#"{"log":{"entries":[{"request":{"headers":"x"}}]}}"#,
            ),
            "entry 1",
        ),
        (
            {
                let p = d.join("gz.har");
                std::fs::write(&p, [0x1f, 0x8b, 8, 0]).unwrap();
                p
            },
            "gzip",
        ),
        (d.join("missing.har"), "no such file"),
        (d.to_path_buf(), "directory"),
    ];
    for (path, needle) in cases {
        let r = run(&["har", path.to_str().unwrap()]);
        assert_usage_error(&r, needle);
    }
    let big = write(d, "big.har", &document(Browser::Chrome, PAGE, &[]));
    let r = run(&["har", big.to_str().unwrap(), "--max-input-size", "100"]);
    assert_usage_error(&r, "--max-input-size");
    let r = run(&["har", "redact", big.to_str().unwrap()]);
    assert_usage_error(&r, "-o FILE");
    // The redacted copy never replaces the file it is made from.
    let before = std::fs::read(&big).unwrap();
    let r = run(&[
        "har",
        "redact",
        big.to_str().unwrap(),
        "-o",
        big.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read(&big).unwrap(), before);
    let r = run(&[
        "har",
        "redact",
        big.to_str().unwrap(),
        "-o",
        d.to_str().unwrap(),
    ]);
    assert_usage_error(&r, "directory");
    // Standard input is read by `har`, refused by `har redact` (read twice).
    let doc = document(Browser::Safari, PAGE, &[]);
    let r = crate::support::run_stdin(&["har", "-", "--format", "json"], doc.clone());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = d.join("out.har");
    let r = crate::support::run_stdin(&["har", "redact", "-", "-o", out.to_str().unwrap()], doc);
    assert_usage_error(&r, "standard input");
}

/// Every credential kind `plumb credential` knows, with seeded bodies.
fn credentials(rng: &mut fastrand::Rng) -> Vec<String> {
    let t = |rng: &mut fastrand::Rng, n| token(rng, n, ALNUM);
    vec![
        format!("sk_live_{}", t(rng, 40)),
        format!("sk_test_{}", t(rng, 40)),
        format!("rk_live_{}", t(rng, 40)),
        format!("pk_live_{}", t(rng, 40)),
        format!("whsec_{}", t(rng, 32)),
        format!("shpat_{}", token(rng, 32, HEX)),
        format!("shpca_{}", token(rng, 32, HEX)),
        format!("shppa_{}", token(rng, 32, HEX)),
        format!("shpss_{}", token(rng, 32, HEX)),
        token(rng, 32, HEX),
        format!("{}-us6", token(rng, 32, HEX)),
        format!("ck_{}", token(rng, 40, HEX)),
        format!("cs_{}", token(rng, 40, HEX)),
        format!(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{}.{}",
            t(rng, 40),
            t(rng, 43)
        ),
        format!("ghp_{}", t(rng, 36)),
        format!(
            "xoxb-{}-{}-{}",
            token(rng, 12, b"0123456789"),
            token(rng, 13, b"0123456789"),
            t(rng, 24)
        ),
    ]
}

#[test]
fn redact_masks_every_credential_in_every_place_and_keeps_a_valid_har() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = fastrand::Rng::with_seed(0x4a52);
    let creds = credentials(&mut rng);
    for browser in BROWSERS {
        let mut reqs = Vec::new();
        for (i, c) in creds.iter().enumerate() {
            use base64::Engine;
            let basic = base64::engine::general_purpose::STANDARD.encode(format!("user{i}:{c}"));
            reqs.push(
                Req::get(
                    format!("https://api.example/v1/items?access_token={c}&q=shoes&n={i}"),
                    200,
                )
                .header("Authorization", &format!("Bearer {c}"))
                .header("X-Api-Key", c)
                .header("X-Debug", &format!("sent {c} upstream"))
                .cookie("session", c)
                .cookie("_ga", "GA1.2.1234.5678")
                .answer(&format!(
                    r#"{{"client_secret":"{c}","echo":"{c}","n":{i}}}"#
                )),
            );
            reqs.push(
                Req::get(format!("https://user:{c}@api.example/v2/form"), 201)
                    .header("Authorization", &format!("Basic {basic}"))
                    .post(
                        "application/x-www-form-urlencoded",
                        &format!("password={c}&note=hello+{c}"),
                    ),
            );
            reqs.push(
                Req::get("https://api.example/v3/json", 200)
                    .post(
                        "application/json",
                        &format!(r#"{{"api_key":"{c}","nested":{{"value":"{c}"}}}}"#),
                    )
                    .answer(&format!("token {c}"))
                    .kind("xhr"),
            );
            let mut b64 = Req::get("https://api.example/v4/blob", 200)
                .answer(&format!(r#"{{"secret":"{c}"}}"#));
            b64.base64 = true;
            reqs.push(b64);
        }
        let input = write(dir.path(), "in.har", &document(browser, PAGE, &reqs));
        let out = dir.path().join("out.har");
        let r = run(&[
            "har",
            "redact",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        for c in &creds {
            for f in crate::support::encoded_forms(c) {
                assert!(!text.contains(&f), "{browser:?}: {c} survives as {f}");
            }
        }
        let v: serde_json::Value = serde_json::from_str(&text).expect("output is JSON");
        let entries = v["log"]["entries"].as_array().unwrap();
        assert_eq!(entries.len(), reqs.len() + 1);
        for e in entries {
            for part in ["request", "response", "timings"] {
                assert!(e[part].is_object(), "{part} kept");
            }
            assert!(e["response"]["status"].is_number());
            let content = &e["response"]["content"];
            if let Some(t) = content["text"]
                .as_str()
                .filter(|_| content["encoding"].is_null())
            {
                assert_eq!(
                    content["size"].as_u64().unwrap() as usize,
                    t.len(),
                    "size follows the text"
                );
            }
        }
        assert!(text.contains("q=shoes"), "ordinary parameters stay");
        // The report of the redacted copy finds nothing whole to rotate.
        let (_, report) = run_json(&["har", out.to_str().unwrap()]);
        assert_eq!(
            report.check("har.summary").details["entries"],
            entries.len()
        );
    }
}

/// Peak resident memory of a process, read from /proc while it runs.
fn peak_rss_kib(mut child: std::process::Child) -> (u64, std::process::ExitStatus) {
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(s) = std::fs::read_to_string(&status_path) {
            for line in s.lines() {
                if let Some(v) = line.strip_prefix("VmHWM:") {
                    let kib: u64 = v.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak = peak.max(kib);
                }
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (peak, status);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// A 100 MB HAR is read entry by entry: the process stays under 64 MiB.
#[allow(clippy::disallowed_macros)] // says why the test did not run, and the figure
#[test]
fn a_100_mb_har_is_read_in_under_64_mib() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("skipped a_100_mb_har_is_read_in_under_64_mib: no /proc to read memory from");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.har");
    let mut rng = fastrand::Rng::with_seed(100);
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let (head, tail) = head_and_tail(Browser::Chrome, PAGE);
        f.write_all(head.as_bytes()).unwrap();
        let mut written = 0usize;
        let mut i = 0;
        while written < 100_000_000 {
            let body = token(&mut rng, 8000, b"abcdefghij klmnop ");
            let status = if i % 50 == 7 { 500 } else { 200 };
            let r = Req::get(format!("https://api.example/v1/items/{i}?page=2"), status)
                .header("Accept", "application/json")
                .answer(&format!(r#"{{"items":"{body}"}}"#));
            let e = serde_json::to_string(&entry(Browser::Chrome, &r, i)).unwrap();
            if i > 0 {
                f.write_all(b",").unwrap();
            }
            f.write_all(e.as_bytes()).unwrap();
            written += e.len();
            i += 1;
        }
        f.write_all(tail.as_bytes()).unwrap();
    }
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= 100_000_000);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_plumb"))
        .args([
            "har",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--max-time",
            "10m",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (peak, status) = peak_rss_kib(child);
    eprintln!("plumb har on {size} bytes: peak RSS {peak} KiB");
    assert_eq!(status.code(), Some(1), "the 500s fail har.failed");
    assert!(peak > 0 && peak < 64 * 1024, "peak RSS {peak} KiB");
}
