//! The machine formats across every command: each command and subcommand
//! runs end to end against loopback servers and fixtures, and its
//! `--format json` must validate against the published schema
//! (schema/plumb.report.v1.json, checked in `support::schema::parse`), its
//! `--format junit` must parse with a real XML parser and have the shape
//! GitLab and Jenkins read, and its `--format github` must hold one
//! annotation per failing or warning check and append a step summary.

use crate::support::dns::{a, DnsServer, Reply as DnsReply};
use crate::support::http::{closed_port, Reply, Server};
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{plumb, run_with, schema};
use std::collections::BTreeSet;
use std::path::Path;

const SK: &str = "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt";
const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// Text no format may pass through raw: terminal escapes, a bell, the end
/// of an XML CDATA section, bidirectional overrides, a line break that
/// would start a workflow command.
const HOSTILE: &str = "\u{1b}[31m\u{7}]]>\u{202e}\u{2066}<x>&\"\r\n::error::injected|cell";

/// Everything the runs need, alive until the end of the test.
struct World {
    _http: Server,
    _tls: Server,
    _dns: DnsServer,
    _ca: tempfile::NamedTempFile,
    dir: tempfile::TempDir,
    cases: Vec<(String, Vec<String>)>,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn world() -> World {
    let http = Server::http(|r| {
        if r.path_and_query.contains("hostile") {
            Reply::new(500)
                .header("content-type", "text/plain")
                .body(HOSTILE)
        } else if r.path_and_query.contains("ok") {
            Reply::json(200, "{\"ok\":true}")
                .header("x-ratelimit-limit", "40")
                .header("x-ratelimit-remaining", "3")
        } else {
            Reply::json(
                401,
                "{\"error\":{\"message\":\"Invalid API Key provided\",\"type\":\"invalid_request_error\"}}",
            )
            .header("x-request-id", "req_123")
        }
    });
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let dns = DnsServer::start(|name, _| {
        if name == "api.example.test" {
            DnsReply::Records(vec![a(name, 300, "127.0.0.1")])
        } else {
            DnsReply::NxDomain
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = http.url("/").trim_end_matches('/').to_string();
    let ok = http.url("/ok");
    let closed = closed_port();
    let payload = write(d, "payload.json", b"{\"id\":\"evt_1\"}");
    let a_csv = write(
        d,
        "a.csv",
        b"id,email,name,phone,date\n1,a@example.com,Ann,+14155550100,2024-01-02\n2,not-an-email,,123,31/02/2024\n2,b@example.com,Bob,,\n",
    );
    let b_csv = write(
        d,
        "b.csv",
        b"id,email,name,phone,date\n1,a@example.org,Ann,+14155550100,2024-01-02\n3,c@example.com,Cy,,\n",
    );
    let log = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/logs/tools.log")
        .display()
        .to_string();
    let headers = write(
        d,
        "headers.txt",
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nX-Shopify-Shop-Api-Call-Limit: 40/40\r\n\r\n",
    );
    let recorded = write(
        d,
        "000001-evt_1.http",
        "POST /hook HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nStripe-Signature: t=1,v1=00\r\nContent-Length: 14\r\n\r\n{\"id\":\"evt_1\"}".as_bytes(),
    );
    let har = write(
        d,
        "capture.har",
        crate::support::har::document(
            crate::support::har::Browser::Chrome,
            "https://shop.example.com/checkout",
            &[
                crate::support::har::Req::get("https://api.stripe.com/v1/charges", 402)
                    .answer("{\"error\":{\"code\":\"card_declined\",\"message\":\"declined\"}}"),
                crate::support::har::Req::get("https://js.stripe.com/v3", 0)
                    .failed("net::ERR_BLOCKED_BY_CLIENT"),
            ],
        )
        .as_bytes(),
    );
    let ca_path = ca.path().display().to_string();
    let tls_target = format!("localhost:{}", tls.addr.port());
    let doctor = write(
        d,
        "doctor.toml",
        format!(
            "[[check]]\nname = \"api-tls\"\nrun = \"tls {tls_target} --ca-file '{ca_path}'\"\n\n\
             [[check]]\nname = \"hook.v2\"\nrun = \"endpoint {ok}\"\n\n\
             [[check]]\nname = \"hostile\"\nrun = \"endpoint {}\"\n\n\
             [[check]]\nname = \"closed_port\"\nrun = \"tls {closed}\"\n\n\
             [[check]]\nname = \"key\"\nrun = \"credential hello-there\"\n",
            http.url("/hostile"),
        )
        .as_bytes(),
    );
    let resolver = dns.arg();
    let line = |s: &str| -> Vec<String> { shell_words(s) };
    let cases: Vec<(String, Vec<String>)> = [
        ("explain", "explain 429".to_string()),
        ("credential", format!("credential \"'{SK}'\"")),
        ("tls", format!("tls {tls_target} --ca-file {ca_path}")),
        ("endpoint", format!("endpoint {}", http.url("/hostile"))),
        ("doctor", format!("doctor --config {doctor}")),
        ("records validate", format!("records validate {a_csv}")),
        ("records diff", format!("records diff --key id {a_csv} {b_csv}")),
        (
            "check shopify",
            format!("check shopify --store acme --token shpat_0123456789abcdef0123456789abcdef --api-base {base}"),
        ),
        (
            "check mailchimp",
            format!("check mailchimp --api-key 0123456789abcdef0123456789abcdef-us6 --api-base {base}"),
        ),
        ("check stripe", format!("check stripe --api-key {SK} --api-base {base}")),
        (
            "check woocommerce",
            format!("check woocommerce --url {base} --consumer-key ck_0123456789abcdef0123456789abcdef01234567 --consumer-secret cs_0123456789abcdef0123456789abcdef01234567"),
        ),
        (
            "dns",
            format!("dns api.example.test missing.example.test --no-system --resolver {resolver}"),
        ),
        ("rate-limit inspect", format!("rate-limit inspect --headers-file {headers}")),
        ("rate-limit probe", format!("rate-limit probe {ok} --rate 50/s --requests 3")),
        ("rate-limit limits", "rate-limit limits".to_string()),
        ("rate-limit plan", "rate-limit plan --service shopify --records 1000".to_string()),
        (
            "verify-signature",
            format!("verify-signature stripe --secret {WHSEC} --payload {payload} --signature t=1,v1=00"),
        ),
        ("sign", format!("sign stripe --secret {WHSEC} --payload {payload}")),
        (
            "webhook send",
            format!("webhook send {} --provider stripe --secret {WHSEC} --payload {payload}", http.url("/hook")),
        ),
        ("logs", format!("logs {log}")),
        (
            "webhook audit",
            format!("webhook audit {} --provider stripe --secret {WHSEC}", http.url("/hook")),
        ),
        (
            "webhook replay",
            format!("webhook replay {recorded} --to {}", http.url("/hook")),
        ),
        ("webhook events", "webhook events --provider shopify".to_string()),
        (
            "webhook listen",
            format!("webhook listen --provider stripe --secret {WHSEC} --port 0 --for 200ms"),
        ),
        ("har", format!("har {har}")),
        (
            "har redact",
            format!("har redact {har} -o {}", d.join("redacted.har").display()),
        ),
        (
            "serve",
            format!("serve --config {doctor} --listen 127.0.0.1:0 --max-time 300ms"),
        ),
        (
            "bundle",
            format!(
                "bundle --config {doctor} --log {log} --records {a_csv} -o {}",
                d.join("bundle.tar.gz").display()
            ),
        ),
    ]
    .into_iter()
    .map(|(name, cmd)| (name.to_string(), line(&cmd)))
    .collect();
    World {
        _http: http,
        _tls: tls,
        _dns: dns,
        _ca: ca,
        dir,
        cases,
    }
}

/// Splits a command line on spaces, keeping double-quoted words whole.
fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn run(args: &[String], format: &str, env: &[(&str, &Path)]) -> crate::support::Run {
    let mut cmd = plumb();
    cmd.args(args).args(["--format", format, "--timeout", "5s"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_with(&mut cmd)
}

#[test]
fn every_command_covers_every_shipped_command() {
    let w = world();
    let named: BTreeSet<String> = w.cases.iter().map(|(n, _)| n.clone()).collect();
    let root = plumb::cli::command();
    for path in crate::assets::command_paths() {
        let mut cmd = &root;
        for p in &path {
            cmd = cmd.find_subcommand(p).unwrap();
        }
        if cmd.get_subcommands().next().is_none() {
            let name = path.join(" ");
            assert!(named.contains(&name), "formats.rs runs no `plumb {name}`");
        }
    }
}

#[test]
fn every_command_json_validates_against_the_schema() {
    let w = world();
    let mut ids = BTreeSet::new();
    for (name, args) in &w.cases {
        let r = run(args, "json", &[]);
        assert!(
            r.code == 0 || r.code == 1,
            "{name}: exit {} {}",
            r.code,
            r.stderr
        );
        // `parse` validates against schema/plumb.report.v1.json.
        let report = schema::parse(&r.stdout, r.code);
        assert!(!report.checks.is_empty(), "{name}");
        ids.extend(report.checks.iter().map(|c| c.id.clone()));
    }
    assert!(ids.iter().any(|i| i.starts_with("hostile/")), "{ids:?}");
}

/// The `<testsuites>`/`<testsuite>`/`<testcase>` shape GitLab and Jenkins
/// read, with totals that add up.
fn assert_junit_shape(name: &str, xml: &str, checks: usize) {
    let doc =
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: not XML ({e}):\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites", "{name}");
    let num = |n: roxmltree::Node, a: &str| -> usize {
        n.attribute(a)
            .unwrap_or_else(|| panic!("{name}: <{}> lacks {a}", n.tag_name().name()))
            .parse()
            .unwrap_or_else(|e| panic!("{name}: {a}: {e}"))
    };
    let time = |n: roxmltree::Node| {
        let t = n.attribute("time").expect("time");
        assert!(t.parse::<f64>().is_ok(), "{name}: time {t}");
    };
    assert!(root.attribute("name").is_some(), "{name}");
    time(root);
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert!(!suites.is_empty(), "{name}");
    let (mut tests, mut failures, mut skipped) = (0, 0, 0);
    for suite in &suites {
        assert_eq!(suite.tag_name().name(), "testsuite", "{name}");
        let suite_name = suite.attribute("name").expect("suite name");
        assert!(
            suite_name.starts_with("plumb.") && !suite_name.contains(char::is_whitespace),
            "{name}: suite {suite_name:?}"
        );
        time(*suite);
        assert!(suite.attribute("timestamp").is_some(), "{name}");
        assert_eq!(num(*suite, "errors"), 0);
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let failed = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
            .count();
        let skips = cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name("skipped")))
            .count();
        assert_eq!(num(*suite, "tests"), cases.len(), "{name}: {suite_name}");
        assert_eq!(num(*suite, "failures"), failed, "{name}: {suite_name}");
        assert_eq!(num(*suite, "skipped"), skips, "{name}: {suite_name}");
        for case in &cases {
            assert_eq!(case.attribute("classname"), Some(suite_name), "{name}");
            assert!(!case.attribute("name").unwrap_or("").is_empty(), "{name}");
            time(*case);
            for f in case.children().filter(|n| n.has_tag_name("failure")) {
                assert!(f.attribute("message").is_some_and(|m| !m.is_empty()));
                assert!(matches!(f.attribute("type"), Some("fail" | "warn")));
            }
            for s in case.children().filter(|n| n.has_tag_name("skipped")) {
                assert!(s.attribute("message").is_some());
            }
        }
        tests += cases.len();
        failures += failed;
        skipped += skips;
    }
    assert_eq!(num(root, "tests"), tests, "{name}");
    assert_eq!(num(root, "failures"), failures, "{name}");
    assert_eq!(num(root, "skipped"), skipped, "{name}");
    assert_eq!(num(root, "errors"), 0, "{name}");
    assert_eq!(tests, checks, "{name}: one testcase per check");
    for text in doc.descendants().filter_map(|n| n.text()) {
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}', '\r']),
            "{name}: raw control or bidi character in {text:?}"
        );
    }
}

#[test]
fn every_command_junit_parses_with_the_shape_ci_reads() {
    let w = world();
    for (name, args) in &w.cases {
        let json = run(args, "json", &[]);
        let report = schema::parse(&json.stdout, json.code);
        let r = run(args, "junit", &[]);
        assert_eq!(r.code, json.code, "{name}");
        assert_junit_shape(name, &r.stdout, report.checks.len());
        let names: Vec<&str> = report.checks.iter().map(|c| c.id.as_str()).collect();
        if name == "doctor" {
            // One suite per entry, the entry's name in the class.
            for class in [
                "plumb.doctor.api-tls",
                "plumb.doctor.hook_v2",
                "plumb.doctor.hostile",
                "plumb.doctor.closed_port",
                "plumb.doctor.key",
            ] {
                assert!(
                    r.stdout.contains(&format!("<testsuite name=\"{class}\"")),
                    "{class}: {}",
                    r.stdout
                );
            }
            assert!(r.stdout.contains("]]&gt;"), "{}", r.stdout);
            assert!(r.stdout.contains("\\u{202e}"), "{}", r.stdout);
            assert!(names.iter().any(|n| n.starts_with("hostile/")));
        }
    }
}

#[test]
fn every_command_github_annotates_and_appends_a_step_summary() {
    let w = world();
    for (i, (name, args)) in w.cases.iter().enumerate() {
        let json = run(args, "json", &[]);
        let report = schema::parse(&json.stdout, json.code);
        let summary = w.dir.path().join(format!("summary-{i}.md"));
        std::fs::write(&summary, "# from an earlier tool\n").unwrap();
        let r = run(args, "github", &[("GITHUB_STEP_SUMMARY", &summary)]);
        assert_eq!(r.code, json.code, "{name}: {}", r.stderr);
        let count = |s: &str| report.checks.iter().filter(|c| c.status == s).count();
        let errors = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("::error "))
            .count();
        let warnings = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("::warning "))
            .count();
        assert_eq!(errors, count("fail").min(10), "{name}:\n{}", r.stdout);
        assert_eq!(warnings, count("warn").min(10), "{name}:\n{}", r.stdout);
        // The text report is there, with commands stopped around it.
        let first = r.stdout.lines().next().unwrap_or("");
        let token = first
            .strip_prefix("::stop-commands::")
            .unwrap_or_else(|| panic!("{name}: {first}"));
        let (report_text, annotations) = r
            .stdout
            .split_once(&format!("\n::{token}::\n"))
            .expect("commands resume");
        assert!(
            report_text.contains(&format!("plumb {}", report.command)) || report.raw_text.is_some()
        );
        assert!(
            annotations
                .lines()
                .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")),
            "{name}: {annotations}"
        );
        let md = std::fs::read_to_string(&summary).unwrap();
        assert!(
            md.starts_with("# from an earlier tool\n### "),
            "{name}: {md}"
        );
        assert!(
            md.contains("| | Check | Status | Summary |"),
            "{name}: {md}"
        );
        assert_eq!(
            md.lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| |"))
                .count(),
            report.checks.len(),
            "{name}: one row per check:\n{md}"
        );
        for secret in [SK, WHSEC] {
            let mid = &secret[secret.len() / 2 - 5..secret.len() / 2 + 5];
            assert!(
                !md.contains(mid) && !r.stdout.contains(mid),
                "{name}: {secret} leaked"
            );
        }
        if name == "doctor" {
            // Hostile text stays inside its command and its cell.
            assert!(!r.stdout.contains('\u{202e}') && !md.contains('\u{202e}'));
            assert!(!md.contains("<x>"), "{md}");
            assert!(
                !r.stdout.lines().any(|l| l.starts_with("::error::injected")),
                "{}",
                r.stdout
            );
        }
    }
}

#[test]
fn github_folds_annotations_beyond_ten_per_kind() {
    let dir = tempfile::tempdir().unwrap();
    let closed = closed_port();
    let mut config = String::new();
    for i in 0..12 {
        config.push_str(&format!(
            "[[check]]\nname = \"tls{i}\"\nrun = \"tls {closed}\"\n\n\
             [[check]]\nname = \"key{i}\"\nrun = \"credential hello-there\"\n\n"
        ));
    }
    let file = write(dir.path(), "doctor.toml", config.as_bytes());
    let args = ["doctor".to_string(), "--config".to_string(), file];
    let json = run(&args, "json", &[]);
    let report = schema::parse(&json.stdout, json.code);
    let r = run(&args, "github", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for (status, kind, word) in [("fail", "error", "failing"), ("warn", "warning", "warning")] {
        let ids: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| c.status == status)
            .map(|c| c.id.as_str())
            .collect();
        assert!(ids.len() >= 12, "{ids:?}");
        let lines: Vec<&str> = r
            .stdout
            .lines()
            .filter(|l| l.starts_with(&format!("::{kind} ")))
            .collect();
        assert_eq!(lines.len(), 10, "{}", r.stdout);
        let last = lines[9];
        let more = ids.len() - 9;
        assert!(
            last.starts_with(&format!(
                "::{kind} title=plumb%3A {more} more {word} checks::"
            )),
            "{last}"
        );
        for id in &ids[9..] {
            assert!(last.contains(id), "{id} not named in {last}");
        }
        for (line, id) in lines[..9].iter().zip(&ids) {
            assert!(
                line.starts_with(&format!("::{kind} title={id}::")),
                "{line}"
            );
        }
    }
}

#[test]
fn github_without_a_step_summary_file_writes_none_and_a_bad_one_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["explain".into(), "429".into()], "github", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("::stop-commands::"));
    let r = run(
        &["explain".into(), "429".into()],
        "github",
        &[("GITHUB_STEP_SUMMARY", dir.path())],
    );
    crate::support::assert_usage_error(&r, "GITHUB_STEP_SUMMARY");
    // Only --format github writes the summary.
    let summary = dir.path().join("s.md");
    let r = run(
        &["explain".into(), "429".into()],
        "json",
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(r.code, 0);
    assert!(!summary.exists());
}

/// The `title`s of the schema's per-check clauses: the declared ids whose
/// `details` it describes.
fn schema_clauses() -> Vec<(String, serde_json::Value)> {
    schema::published()["$defs"]["check"]["allOf"]
        .as_array()
        .expect("allOf")
        .iter()
        .map(|c| (c["title"].as_str().expect("title").to_string(), c.clone()))
        .collect()
}

#[test]
fn schema_covers_every_declared_check() {
    let clauses: BTreeSet<String> = schema_clauses().into_iter().map(|(t, _)| t).collect();
    let mut declared = BTreeSet::new();
    for (_, defs) in plumb::probes::CHECKS {
        for def in *defs {
            declared.insert(def.id.to_string());
        }
    }
    let missing: Vec<&String> = declared.difference(&clauses).collect();
    assert!(
        missing.is_empty(),
        "the schema has no details clause for {missing:?}"
    );
    let stale: Vec<&String> = clauses.difference(&declared).collect();
    assert!(
        stale.is_empty(),
        "the schema describes undeclared checks {stale:?}"
    );
}

/// The schema is a working one: each clause picks its own checks, and a
/// report with an unknown detail key, a wrongly typed one, or an unknown
/// field is refused.
#[test]
fn schema_refuses_drift() {
    let good = serde_json::json!({
        "schema": "plumb.report/v1",
        "tool": {"name": "plumb", "version": "0.1.0"},
        "command": "doctor", "target": "plumb.toml", "status": "fail", "exit_code": 1,
        "started_at": "2026-11-23T10:00:00Z", "duration_ms": 3,
        "checks": [
            {"id": "api/tls.expiry", "section": "api", "title": "Expiry", "status": "fail",
             "summary": "expired", "details": {"days_left": -3, "not_after": "x"},
             "remediation": ["Renew."], "duration_ms": 0},
            {"id": "dns.resolve[api.stripe.com]", "title": "Resolve", "status": "pass",
             "summary": "ok", "details": {"name": "api.stripe.com"}, "remediation": [], "duration_ms": 0},
            {"id": "logs.timeout", "title": "Timeouts", "status": "warn", "summary": "3",
             "details": {"count": 3}, "remediation": ["Wait."], "duration_ms": 0},
            {"id": "logs.summary", "title": "Summary", "status": "info", "summary": "3",
             "details": {"lines": 3}, "remediation": [], "duration_ms": 0}
        ]
    });
    assert_eq!(schema::violations(&good), Vec::<String>::new());
    // `key` of the object at `parent` set to `value`.
    let with = |parent: &str, key: &str, value: serde_json::Value| {
        let mut doc = good.clone();
        doc.pointer_mut(parent)
            .and_then(|v| v.as_object_mut())
            .unwrap_or_else(|| panic!("{parent}"))
            .insert(key.to_string(), value);
        doc
    };
    for (what, doc) in [
        (
            "unknown detail key",
            with("/checks/0/details", "days_left_x", 1.into()),
        ),
        (
            "wrong detail type",
            with("/checks/0/details", "days_left", "soon".into()),
        ),
        (
            "another check's key in a family",
            with("/checks/2/details", "lines", 3.into()),
        ),
        (
            "a family's key in a fixed id",
            with("/checks/3/details", "count", 3.into()),
        ),
        ("unknown status", with("/checks/1", "status", "ok".into())),
        (
            "fail without remedy",
            with("/checks/0", "remediation", serde_json::json!([])),
        ),
        ("unknown check field", with("/checks/1", "extra", 1.into())),
        ("unknown top field", with("", "extra", 1.into())),
    ] {
        assert!(
            !schema::violations(&doc).is_empty(),
            "{what} passed the schema"
        );
    }
}
