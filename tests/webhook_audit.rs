//! `plumb webhook audit`, `replay`, `events` and `send` with sample
//! events, end to end against loopback receivers: a careful one (verifies
//! with the right secret, within the tolerance, idempotent), one that
//! verifies nothing, one that refuses everything, a slow one, one that
//! refuses repeats, one that redirects, one that ignores timestamps and
//! one that only checks that a signature header is present.
//!
//! The oracle for the sample events: every provider × sample event that
//! `send` delivers must pass `plumb verify-signature --request` on the
//! captured request, the verifier that is itself checked against the
//! providers' SDK vectors (tests/fixtures/signature).

use crate::support::http::{Recorded, Reply, Server};
use crate::support::{assert_usage_error, run, run_json};
use plumb::probes::webhook::signature::{sign, Provider, Scheme};
use plumb::secret::Secret;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const STRIPE_SECRET: &str = "whsec_plumbAuditTestSecret";
const SHOPIFY_SECRET: &str = "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";
const STANDARD_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The timestamp and id a delivery was signed with, read the way the
/// provider's library reads them.
fn signed_with(p: Provider, req: &Recorded) -> Option<(i64, String)> {
    let ts = match p {
        Provider::Stripe => req
            .header("stripe-signature")?
            .split(',')
            .find_map(|x| x.strip_prefix("t="))?
            .parse()
            .ok()?,
        Provider::Slack => req.header("x-slack-request-timestamp")?.parse().ok()?,
        Provider::Standard => req.header("webhook-timestamp")?.parse().ok()?,
        _ => 0,
    };
    let id = req.header("webhook-id").unwrap_or_default().to_string();
    Some((ts, id))
}

/// Whether the request carries a valid signature of `p` under `secret`,
/// recomputed with plumb's signer.
fn signature_ok(p: Provider, secret: &str, req: &Recorded) -> bool {
    let Some((ts, id)) = signed_with(p, req) else {
        return false;
    };
    let want = sign(&Scheme::new(p), &Secret::new(secret), &req.body, ts, &id).unwrap();
    want.iter().all(|(n, v)| req.header(n) == Some(v.as_str()))
}

/// How a test receiver behaves.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Verifies, enforces the 5-minute tolerance, answers repeats 200.
    Good,
    /// Verifies but refuses a delivery it has seen (409).
    RejectsDuplicates,
    /// Verifies the signature, never the timestamp's age.
    IgnoresTimestamp,
    /// Accepts any request with a signature header, whatever it says.
    HeaderPresenceOnly,
}

fn receiver(p: Provider, secret: &'static str, kind: Kind) -> Server {
    let seen: Arc<Mutex<HashSet<Vec<u8>>>> = Arc::default();
    let header = Scheme::new(p).signature_header().to_string();
    Server::http(move |req| {
        if kind == Kind::HeaderPresenceOnly {
            return match req.header(&header) {
                Some(_) => Reply::new(200),
                None => Reply::json(401, r#"{"error":"signature missing"}"#),
            };
        }
        if !signature_ok(p, secret, req) {
            return Reply::json(
                401,
                r#"{"error":"No signatures found matching the expected signature for payload"}"#,
            );
        }
        if kind != Kind::IgnoresTimestamp
            && matches!(p, Provider::Stripe | Provider::Slack | Provider::Standard)
        {
            let (ts, _) = signed_with(p, req).unwrap();
            if (now() - ts).abs() > 300 {
                return Reply::json(400, r#"{"error":"Timestamp outside the tolerance zone"}"#);
            }
        }
        let first = seen.lock().unwrap().insert(req.body.clone());
        if !first && kind == Kind::RejectsDuplicates {
            return Reply::json(409, r#"{"message":"duplicate delivery"}"#);
        }
        Reply::json(200, r#"{"received":true}"#)
    })
}

fn audit(
    url: &str,
    provider: &str,
    secret: &str,
    extra: &[&str],
) -> (i32, crate::support::schema::Report) {
    let mut args = vec![
        "webhook",
        "audit",
        url,
        "--provider",
        provider,
        "--secret",
        secret,
    ];
    args.extend(extra);
    run_json(&args)
}

fn statuses(r: &crate::support::schema::Report) -> Vec<(String, String)> {
    r.checks
        .iter()
        .map(|c| (c.id.clone(), c.status.clone()))
        .collect()
}

const AUDIT_IDS: [&str; 7] = [
    "webhook.https",
    "webhook.accepts_valid",
    "webhook.deadline",
    "webhook.duplicate_ack",
    "webhook.rejects_forged",
    "webhook.rejects_tampered",
    "webhook.rejects_stale",
];

#[test]
fn a_careful_receiver_passes_every_audit_check() {
    for (provider, p, secret) in [
        ("stripe", Provider::Stripe, STRIPE_SECRET),
        ("standard", Provider::Standard, STANDARD_SECRET),
    ] {
        let server = receiver(p, secret, Kind::Good);
        let (code, r) = audit(&server.url("/hooks"), provider, secret, &[]);
        assert_eq!(code, 0, "{provider}: {:?}", statuses(&r));
        assert_eq!(r.command, "webhook audit");
        assert_eq!(r.ids(), AUDIT_IDS);
        for id in &AUDIT_IDS[1..] {
            assert_eq!(
                r.check(id).status,
                "pass",
                "{provider} {id}: {}",
                r.check(id).summary
            );
        }
        assert_eq!(
            r.check("webhook.https").status,
            "warn",
            "plain http to loopback"
        );
        // valid, repeat, unsigned, wrong secret, tampered, stale.
        let seen = server.requests();
        assert_eq!(seen.len(), 6);
        assert_eq!(
            seen[0].body, seen[1].body,
            "the repeat is the same delivery"
        );
        assert_eq!(seen[0].headers, seen[1].headers);
    }
}

#[test]
fn a_receiver_that_verifies_nothing_fails_forged_tampered_and_stale() {
    let server = Server::http(|_| Reply::new(200));
    let (code, r) = audit(&server.url("/hooks"), "stripe", STRIPE_SECRET, &[]);
    assert_eq!(code, 1);
    for id in [
        "webhook.rejects_forged",
        "webhook.rejects_tampered",
        "webhook.rejects_stale",
    ] {
        let c = r.check(id);
        assert_eq!(c.status, "fail", "{id}");
        assert!(!c.remediation.is_empty(), "{id} names a remedy");
    }
    assert!(r
        .check("webhook.rejects_tampered")
        .summary
        .contains("does not verify signatures at all"));
    assert_eq!(r.check("webhook.accepts_valid").status, "pass");
    assert_eq!(r.check("webhook.duplicate_ack").status, "pass");
}

#[test]
fn a_receiver_that_only_looks_for_the_header_is_caught_by_the_wrong_secret() {
    let server = receiver(Provider::Shopify, SHOPIFY_SECRET, Kind::HeaderPresenceOnly);
    let (code, r) = audit(
        &server.url("/hooks"),
        "shopify",
        SHOPIFY_SECRET,
        &["--topic", "orders/paid"],
    );
    assert_eq!(code, 1);
    let f = r.check("webhook.rejects_forged");
    assert_eq!(f.status, "fail");
    assert!(f.summary.contains("a wrongly signed"), "{}", f.summary);
    assert!(!f.summary.contains("an unsigned"), "{}", f.summary);
    let t = r.check("webhook.rejects_tampered");
    assert_eq!(t.status, "fail");
    assert!(
        t.summary
            .contains("only that a signature header is present"),
        "{}",
        t.summary
    );
    assert!(
        f.remediation
            .iter()
            .any(|m| m.contains("not that the signature matches")),
        "{:?}",
        f.remediation
    );
    // Shopify signs no timestamp: nothing to make stale.
    let s = r.check("webhook.rejects_stale");
    assert_eq!(s.status, "skip");
    assert!(s.summary.contains("no timestamp"), "{}", s.summary);
    let first = &server.requests()[0];
    assert_eq!(first.header("x-shopify-topic"), Some("orders/paid"));
}

#[test]
fn a_receiver_that_ignores_the_timestamp_fails_only_the_stale_check() {
    let server = receiver(Provider::Stripe, STRIPE_SECRET, Kind::IgnoresTimestamp);
    let (code, r) = audit(
        &server.url("/hooks"),
        "stripe",
        STRIPE_SECRET,
        &["--event", "invoice.paid"],
    );
    assert_eq!(code, 1);
    let s = r.check("webhook.rejects_stale");
    assert_eq!(s.status, "fail", "{}", s.summary);
    assert!(s.summary.contains("not the age"), "{}", s.summary);
    assert_eq!(s.details["tolerance_s"], 300);
    for id in [
        "webhook.rejects_forged",
        "webhook.rejects_tampered",
        "webhook.accepts_valid",
    ] {
        assert_eq!(r.check(id).status, "pass", "{id}");
    }
}

#[test]
fn a_receiver_that_refuses_repeats_fails_the_duplicate_check() {
    let server = receiver(Provider::Standard, STANDARD_SECRET, Kind::RejectsDuplicates);
    let (code, r) = audit(&server.url("/hooks"), "standard", STANDARD_SECRET, &[]);
    assert_eq!(code, 1);
    let d = r.check("webhook.duplicate_ack");
    assert_eq!(d.status, "fail");
    assert_eq!(d.details["reason"], "duplicate delivery");
    assert!(
        d.remediation
            .iter()
            .any(|m| m.contains("answer 200 to a repeat")),
        "{:?}",
        d.remediation
    );
    assert_eq!(r.check("webhook.rejects_forged").status, "pass");
}

#[test]
fn a_receiver_that_refuses_everything_names_the_likely_causes() {
    let server = Server::http(|_| Reply::json(401, r#"{"error":"invalid signature"}"#));
    let (code, r) = audit(
        &server.url("/hooks"),
        "slack",
        "8f742231b10e8888abcd99yyyzzz85a5",
        &[],
    );
    assert_eq!(code, 1);
    let v = r.check("webhook.accepts_valid");
    assert_eq!(v.status, "fail");
    assert!(v.summary.contains("invalid signature"), "{}", v.summary);
    let all = v.remediation.join(" ");
    for cause in ["re-serialised", "another secret", "clock"] {
        assert!(all.contains(cause), "{cause}: {all}");
    }
    // A receiver that refuses everything proves nothing by refusing forgeries.
    for id in [
        "webhook.duplicate_ack",
        "webhook.rejects_forged",
        "webhook.rejects_tampered",
        "webhook.rejects_stale",
    ] {
        assert_eq!(r.check(id).status, "skip", "{id}");
    }
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_slow_receiver_misses_the_deadline() {
    let server = Server::http(|_| Reply::new(200).after(Duration::from_millis(1500)));
    let (code, r) = audit(
        &server.url("/hooks"),
        "shopify",
        SHOPIFY_SECRET,
        &["--deadline", "500ms"],
    );
    assert_eq!(code, 1);
    let d = r.check("webhook.deadline");
    assert_eq!(d.status, "fail");
    assert!(d.summary.contains("deadline 500ms"), "{}", d.summary);
    assert!(d.remediation.iter().any(|m| m.contains("at once")));
    assert_eq!(r.check("webhook.accepts_valid").status, "fail");
}

#[test]
fn a_redirecting_receiver_is_reported_with_its_location() {
    let server = Server::http(|_| Reply::new(301).header("location", "https://example.com/new"));
    let (code, r) = audit(
        &server.url("/hooks"),
        "github",
        "It's a Secret to Everybody",
        &[],
    );
    assert_eq!(code, 1);
    let v = r.check("webhook.accepts_valid");
    assert_eq!(v.status, "fail");
    assert!(v.summary.contains("redirect"), "{}", v.summary);
    assert_eq!(v.details["location"], "https://example.com/new");
}

#[test]
fn audit_input_errors_are_exit_2() {
    let r = run(&[
        "webhook",
        "audit",
        "ftp://x/hook",
        "--provider",
        "stripe",
        "--secret",
        "s",
    ]);
    assert_usage_error(&r, "URL");
    let r = run(&[
        "webhook",
        "audit",
        "http://127.0.0.1:9/hook",
        "--provider",
        "shopify",
        "--secret",
        "s",
        "--topic",
        "orders/cancel",
    ]);
    assert_usage_error(&r, "orders/create");
}

/// Every provider × sample event: the delivery `send` makes passes
/// verify-signature on the captured request, and carries the provider's
/// headers.
#[test]
fn every_sample_event_verifies_with_verify_signature() {
    let server = Server::http(|_| Reply::new(204));
    let dir = tempfile::tempdir().unwrap();
    let secret = |p: &str| match p {
        "standard" => STANDARD_SECRET,
        "stripe" => STRIPE_SECRET,
        _ => "plumb-oracle-secret",
    };
    let mut count = 0;
    for provider in [
        "stripe",
        "shopify",
        "woocommerce",
        "github",
        "slack",
        "standard",
        "mandrill",
        "timestamped",
        "hmac",
    ] {
        let (code, list) = run_json(&["webhook", "events", "--provider", provider]);
        assert_eq!(code, 0);
        let names: Vec<String> = list.check("webhook.events").details["events"][provider]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert!(!names.is_empty(), "{provider}");
        for event in &names {
            let url = server.url(&format!("/{provider}"));
            let mut args = vec![
                "webhook",
                "send",
                &url,
                "--provider",
                provider,
                "--secret",
                secret(provider),
                "--event",
                event,
            ];
            if provider == "mandrill" {
                args.extend(["--url", "https://example.com/webhook"]);
            }
            let (code, r) = run_json(&args);
            assert_eq!(code, 0, "{provider} {event}: {:?}", statuses(&r));
            let got = server.requests().pop().unwrap();
            let mut raw = format!("POST /{provider} HTTP/1.1\r\n").into_bytes();
            for (n, v) in &got.headers {
                raw.extend(format!("{n}: {v}\r\n").as_bytes());
            }
            raw.extend(b"\r\n");
            raw.extend(&got.body);
            let file = dir.path().join(format!("{count:03}.http"));
            std::fs::write(&file, &raw).unwrap();
            let mut verify = vec![
                "verify-signature",
                provider,
                "--request",
                file.to_str().unwrap(),
                "--secret",
                secret(provider),
            ];
            if provider == "mandrill" {
                verify.extend(["--url", "https://example.com/webhook"]);
            }
            let (code, v) = run_json(&verify);
            assert_eq!(
                code,
                0,
                "{provider} {event} does not verify: {:?}",
                v.checks
                    .iter()
                    .map(|c| (&c.id, &c.summary))
                    .collect::<Vec<_>>()
            );
            let headers = |names: &[&str]| {
                for n in names {
                    assert!(got.header(n).is_some(), "{provider} {event} lacks {n}");
                }
            };
            match provider {
                "shopify" => {
                    headers(&[
                        "x-shopify-topic",
                        "x-shopify-shop-domain",
                        "x-shopify-webhook-id",
                        "x-shopify-event-id",
                        "x-shopify-api-version",
                        "x-shopify-triggered-at",
                    ]);
                    assert_eq!(got.header("x-shopify-topic"), Some(event.as_str()));
                }
                "github" => {
                    headers(&[
                        "x-github-event",
                        "x-github-delivery",
                        "x-github-hook-id",
                        "x-hub-signature",
                    ]);
                    assert_eq!(got.header("x-github-event"), Some(event.as_str()));
                    assert!(got
                        .header("user-agent")
                        .unwrap()
                        .starts_with("GitHub-Hookshot/"));
                }
                "woocommerce" => {
                    headers(&[
                        "x-wc-webhook-topic",
                        "x-wc-webhook-resource",
                        "x-wc-webhook-event",
                        "x-wc-webhook-delivery-id",
                        "x-wc-webhook-source",
                        "x-wc-webhook-id",
                    ]);
                    assert_eq!(got.header("x-wc-webhook-topic"), Some(event.as_str()));
                }
                "stripe" => {
                    assert_eq!(
                        got.header("content-type"),
                        Some("application/json; charset=utf-8")
                    );
                    let body: serde_json::Value = serde_json::from_slice(&got.body).unwrap();
                    assert_eq!(body["type"], event.as_str());
                }
                "mandrill" => {
                    assert_eq!(
                        got.header("content-type"),
                        Some("application/x-www-form-urlencoded")
                    );
                }
                _ => {}
            }
            count += 1;
        }
    }
    assert!(count >= 25, "{count} sample events");
}

#[test]
fn a_user_header_replaces_plumbs_own() {
    let server = Server::http(|_| Reply::new(200));
    let (code, _) = run_json(&[
        "webhook",
        "send",
        &server.url("/h"),
        "--provider",
        "github",
        "--secret",
        "s",
        "--event",
        "push",
        "-H",
        "X-GitHub-Event: release",
        "-H",
        "User-Agent: my-test",
    ]);
    assert_eq!(code, 0);
    let got = &server.requests()[0];
    let events: Vec<_> = got
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("x-github-event"))
        .collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].1, "release");
    assert_eq!(got.header("user-agent"), Some("my-test"));
}

/// Records a Stripe delivery signed `age` seconds ago as a raw request file.
fn recorded_stripe(dir: &std::path::Path, name: &str, age: i64) -> std::path::PathBuf {
    let body = format!(r#"{{"id":"evt_{name}","object":"event","type":"customer.created"}}"#);
    let t = now() - age;
    let h = sign(
        &Scheme::new(Provider::Stripe),
        &Secret::new(STRIPE_SECRET),
        body.as_bytes(),
        t,
        "",
    )
    .unwrap();
    let raw = format!(
        "POST /webhooks/stripe HTTP/1.1\r\nHost: old.example\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: keep-alive\r\nUser-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n{}: {}\r\n\r\n{body}",
        body.len(),
        h[0].0,
        h[0].1
    );
    let path = dir.join(name);
    std::fs::write(&path, raw).unwrap();
    path
}

#[test]
fn replay_as_is_shows_replay_protection_and_resign_gets_through() {
    let dir = tempfile::tempdir().unwrap();
    recorded_stripe(dir.path(), "b-old.http", 3600);
    recorded_stripe(dir.path(), "a-fresh.http", 0);
    std::fs::write(dir.path().join("index.jsonl"), "{}\n").unwrap();
    let server = receiver(Provider::Stripe, STRIPE_SECRET, Kind::Good);
    let to = server.url("/webhooks/stripe");
    let (code, r) = run_json(&[
        "webhook",
        "replay",
        dir.path().to_str().unwrap(),
        "--to",
        &to,
        "--as-is",
    ]);
    assert_eq!(code, 0, "{:?}", statuses(&r));
    assert_eq!(r.command, "webhook replay");
    assert_eq!(
        r.ids(),
        ["webhook.replay[a-fresh.http]", "webhook.replay[b-old.http]"]
    );
    let old = r.check("webhook.replay[b-old.http]");
    assert_eq!(old.status, "pass");
    assert!(
        old.summary.contains("refused, as a replay"),
        "{}",
        old.summary
    );
    assert_eq!(
        old.details["reason"],
        "Timestamp outside the tolerance zone"
    );
    assert_eq!(old.details["status"], 400);
    assert!(old.details.contains_key("latency_ms"));
    // Hop-by-hop and framing headers are recomputed, the rest kept.
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_ne!(seen[0].header("host"), Some("old.example"));
    assert_eq!(
        seen[0].header("user-agent"),
        Some("Stripe/1.0 (+https://stripe.com/docs/webhooks)")
    );
    assert_eq!(seen[0].path_and_query, "/webhooks/stripe");

    // Re-signed with a fresh timestamp, the old delivery gets through.
    let (code, r) = run_json(&[
        "webhook",
        "replay",
        dir.path().join("b-old.http").to_str().unwrap(),
        "--to",
        &to,
        "--resign",
        "--secret",
        STRIPE_SECRET,
    ]);
    assert_eq!(code, 0, "{:?}", statuses(&r));
    let c = r.check("webhook.replay[b-old.http]");
    assert_eq!(c.status, "pass", "{}", c.summary);
    assert_eq!(c.details["resigned"], true);

    // A receiver without replay protection accepts the old one as-is: a finding.
    let careless = receiver(Provider::Stripe, STRIPE_SECRET, Kind::IgnoresTimestamp);
    let (code, r) = run_json(&[
        "webhook",
        "replay",
        dir.path().join("b-old.http").to_str().unwrap(),
        "--to",
        &careless.url("/x"),
    ]);
    assert_eq!(code, 1);
    let c = r.check("webhook.replay[b-old.http]");
    assert_eq!(c.status, "fail");
    assert!(c.summary.contains("no replay protection"), "{}", c.summary);
}

#[test]
fn replay_input_errors_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&[
        "webhook",
        "replay",
        dir.path().to_str().unwrap(),
        "--to",
        "http://127.0.0.1:9/",
    ]);
    assert_usage_error(&r, "no *.http files");
    let bad = dir.path().join("x.http");
    std::fs::write(&bad, "not a request at all\n").unwrap();
    let r = run(&[
        "webhook",
        "replay",
        bad.to_str().unwrap(),
        "--to",
        "http://127.0.0.1:9/",
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let unknown = dir.path().join("y.http");
    std::fs::write(
        &unknown,
        "POST / HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{}",
    )
    .unwrap();
    let r = run(&[
        "webhook",
        "replay",
        unknown.to_str().unwrap(),
        "--to",
        "http://127.0.0.1:9/",
        "--resign",
        "--secret",
        "s",
    ]);
    assert_usage_error(&r, "--provider");
    let r = run(&[
        "webhook",
        "replay",
        unknown.to_str().unwrap(),
        "--to",
        "http://127.0.0.1:9/",
        "--resign",
        "--as-is",
    ]);
    assert_eq!(r.code, 2);
}

#[test]
fn a_receiver_that_echoes_the_secret_does_not_get_it_printed() {
    // Not shaped like a credential: only the secret the command used can
    // tell the redactor to hide it.
    const PLAIN: &str = "correct horse battery staple";
    let server = Server::http(|_| {
        Reply::json(
            401,
            &format!(r#"{{"error":"expected a signature made with {PLAIN}"}}"#),
        )
    });
    for format in ["text", "json"] {
        let r = run(&[
            "webhook",
            "audit",
            &server.url("/hooks"),
            "--provider",
            "github",
            "--secret",
            PLAIN,
            "--format",
            format,
        ]);
        assert_eq!(r.code, 1);
        assert!(
            r.stdout.contains("expected a signature made with"),
            "{}",
            r.stdout
        );
        assert!(!r.stdout.contains("battery staple"), "{}", r.stdout);
    }
}

#[test]
fn mandrill_signs_the_audited_url_unless_told_another() {
    let server = Server::http(|_| Reply::new(200));
    let url = server.url("/mandrill");
    let (code, r) = audit(&url, "mandrill", "mandrill-key", &["--event", "open"]);
    assert_eq!(code, 1, "the receiver verifies nothing: {:?}", statuses(&r));
    let got = &server.requests()[0];
    let want = sign(
        &Scheme {
            url: Some(url.clone()),
            ..Scheme::new(Provider::Mandrill)
        },
        &Secret::new("mandrill-key"),
        &got.body,
        0,
        "",
    )
    .unwrap();
    assert_eq!(got.header("x-mandrill-signature"), Some(want[0].1.as_str()));
    assert_eq!(r.check("webhook.rejects_stale").status, "skip");
}

/// Slack and Standard Webhooks deliveries recorded an hour ago: refused
/// as recorded by a receiver with a tolerance, accepted once re-signed,
/// the provider told from the headers.
#[test]
fn resign_works_for_every_timestamped_provider() {
    let slack_secret = "8f742231b10e8888abcd99yyyzzz85a5";
    for (p, secret) in [
        (Provider::Slack, slack_secret),
        (Provider::Standard, STANDARD_SECRET),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let body = r#"{"type":"event_callback","event":{"type":"app_mention"}}"#;
        let signed = sign(
            &Scheme::new(p),
            &Secret::new(secret),
            body.as_bytes(),
            now() - 3600,
            "msg_plumbreplay",
        )
        .unwrap();
        let mut raw = String::from("POST /slack/events HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n");
        for (n, v) in &signed {
            raw.push_str(&format!("{n}: {v}\r\n"));
        }
        raw.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        let file = dir.path().join("0001.http");
        std::fs::write(&file, raw).unwrap();
        let file = file.to_str().unwrap();
        let server = receiver(p, secret, Kind::Good);
        let to = server.url("/events");
        let (code, r) = run_json(&["webhook", "replay", file, "--to", &to, "--as-is"]);
        assert_eq!(code, 0, "{p:?}: {:?}", statuses(&r));
        assert!(r
            .check("webhook.replay[0001.http]")
            .summary
            .contains("refused, as a replay"));
        let (code, r) = run_json(&[
            "webhook", "replay", file, "--to", &to, "--resign", "--secret", secret,
        ]);
        assert_eq!(
            code,
            0,
            "{p:?}: {:?}",
            r.check("webhook.replay[0001.http]").summary
        );
        let c = r.check("webhook.replay[0001.http]");
        assert_eq!(c.details["resigned"], true);
        assert_eq!(c.details["provider"], p.as_str());
        let last = server.requests().pop().unwrap();
        assert_eq!(last.body, body.as_bytes(), "the body is sent as recorded");
        if p == Provider::Standard {
            assert_eq!(last.header("webhook-id"), Some("msg_plumbreplay"));
        }
    }
}
