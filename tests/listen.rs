//! `plumb webhook listen` on loopback: the built binary receives deliveries
//! from `plumb webhook send` and from raw TCP senders, forwards them to
//! loopback applications (one that verifies, one that accepts everything,
//! one that rejects everything, a slow one, an unreachable port), records
//! them for `verify-signature --request`, and withstands hostile senders.

use crate::support::http::{closed_port, Reply, Server};
use crate::support::{run, schema, CLEARED_ENV};
use plumb::probes::webhook::signature::{sign, Provider, Scheme};
use plumb::secret::Secret;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECRET: &str = "It's a Secret to Everybody";
const OTHER: &str = "the-old-secret-before-rotation";
const BODY: &[u8] = br#"{"action":"ping","zen":"Keep it logically awesome."}"#;

/// A running `webhook listen`, its address read from the ready line.
struct Listen {
    child: Child,
    addr: SocketAddr,
    stderr: String,
    err_reader: Option<BufReader<std::process::ChildStderr>>,
}

struct Ended {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Listen {
    fn start(args: &[&str]) -> Listen {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_plumb"));
        for var in CLEARED_ENV {
            cmd.env_remove(var);
        }
        cmd.args(["webhook", "listen", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("plumb starts");
        let mut reader = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).expect("ready line");
        assert!(
            line.starts_with("plumb: ready: listening on http://127.0.0.1:"),
            "{line}"
        );
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line}"));
        Listen {
            child,
            addr,
            stderr: line,
            err_reader: Some(reader),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Waits (at most 30 s) for the listener to end on its own.
    fn wait(mut self) -> Ended {
        let mut stdout = String::new();
        let mut out = self.child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let _ = out.read_to_string(&mut stdout);
            stdout
        });
        let mut err_reader = self.err_reader.take().unwrap();
        let err_thread = std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = err_reader.read_to_string(&mut rest);
            rest
        });
        let started = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if started.elapsed() > Duration::from_secs(30) {
                let _ = self.child.kill();
                panic!("webhook listen did not end");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stdout = reader.join().unwrap();
        let stderr = self.stderr.clone() + &err_thread.join().unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
        Ended {
            code: status.code().unwrap_or(-1),
            stdout,
            stderr,
        }
    }
}

impl Ended {
    /// The NDJSON lines of a `--format json` run: each live event, then
    /// the report on the last line.
    fn events(&self) -> (Vec<Value>, schema::Report) {
        let lines: Vec<&str> = self.stdout.lines().collect();
        assert!(!lines.is_empty(), "no output; stderr: {}", self.stderr);
        let events: Vec<Value> = lines[..lines.len() - 1]
            .iter()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        for e in &events {
            let broken = schema::event_violations(e);
            assert!(broken.is_empty(), "{}\n{e}", broken.join("\n"));
        }
        let report = schema::parse(lines[lines.len() - 1], self.code);
        (events, report)
    }
}

fn deliveries(events: &[Value]) -> Vec<&Value> {
    events.iter().filter(|e| e["event"] == "delivery").collect()
}

fn github(secret: &str, body: &[u8]) -> Vec<(String, String)> {
    sign(
        &Scheme::new(Provider::Github),
        &Secret::new(secret),
        body,
        0,
        "",
    )
    .unwrap()
}

/// One raw HTTP/1.1 exchange; the whole answer as text.
fn raw(addr: SocketAddr, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A POST of `body` with `headers` to `path`, its framing and Connection: close added.
fn post(addr: SocketAddr, path: &str, headers: &[(String, String)], body: &[u8]) -> String {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    )
    .into_bytes();
    for (n, v) in headers {
        req.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
    }
    req.extend_from_slice(b"\r\n");
    req.extend_from_slice(body);
    raw(addr, &req)
}

fn github_headers(secret: &str, id: &str) -> Vec<(String, String)> {
    let mut h = github(secret, BODY);
    h.push(("X-GitHub-Event".into(), "push".into()));
    h.push(("X-GitHub-Delivery".into(), id.into()));
    h
}

fn body_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(bytes).unwrap();
    f
}

/// An application that verifies GitHub signatures as it should.
fn verifying_app() -> Server {
    Server::http(|req| {
        let want = github(SECRET, &req.body);
        match req.header("x-hub-signature-256") {
            Some(got) if got == want[0].1 => {
                Reply::new(200).header("x-app", "verified").body("thanks")
            }
            _ => Reply::json(401, r#"{"error":"bad signature"}"#),
        }
    })
}

#[test]
fn deliveries_from_webhook_send_and_raw_senders_are_verified_told_and_counted() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--expect",
        "2",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    let payload = body_file(BODY);
    let sent = run(&[
        "webhook",
        "send",
        &listen.url("/hooks"),
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--payload",
        payload.path().to_str().unwrap(),
        "-H",
        "X-GitHub-Event: push",
        "-H",
        "X-GitHub-Delivery: 72d3162e-cc78-11e3-81ab-4c9367dc0958",
    ]);
    assert_eq!(sent.code, 0, "{}", sent.stdout);
    let answer = post(
        listen.addr,
        "/hooks",
        &github_headers("not-the-secret", "d2"),
        BODY,
    );
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let ended = listen.wait();
    assert_eq!(ended.code, 1, "{}", ended.stdout);
    let (events, report) = ended.events();
    assert_eq!(events[0]["event"], "ready");
    assert!(events[0]["details"]["address"]
        .as_str()
        .unwrap()
        .starts_with("127.0.0.1:"));
    let d = deliveries(&events);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["status"], "pass");
    assert_eq!(
        d[0]["details"]["event_id"],
        "72d3162e-cc78-11e3-81ab-4c9367dc0958"
    );
    assert_eq!(d[0]["details"]["type"], "push");
    assert_eq!(d[0]["details"]["verdict"], "valid");
    assert_eq!(d[0]["details"]["answered"], 200);
    assert_eq!(d[1]["status"], "fail");
    assert_eq!(d[1]["details"]["verdict"], "invalid");
    // The full diagnosis follows a failure, as verify-signature reports it.
    let ids: Vec<&str> = d[1]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"signature.match") && ids.contains(&"signature.diagnosis"),
        "{ids:?}"
    );
    assert_eq!(report.command, "webhook listen");
    assert_eq!(report.check("webhook.listen.deliveries").status, "pass");
    assert_eq!(
        report.check("webhook.listen.deliveries").details["received"],
        2
    );
    assert_eq!(report.check("webhook.listen.signature").status, "fail");
    assert!(
        report.check("webhook.listen.signature").details["invalid"][0]
            .as_str()
            .unwrap()
            .contains("#2 d2 (push)")
    );
    assert_eq!(report.check("webhook.listen.bind").status, "pass");
    assert_eq!(report.check("webhook.listen.refused").status, "pass");
    assert_eq!(report.check("webhook.listen.app_verifies").status, "skip");
    assert!(!ended.stdout.contains(SECRET) && !ended.stderr.contains(SECRET));
}

#[test]
fn all_valid_deliveries_pass_and_the_text_lines_name_each_one() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--expect",
        "1",
        "--for",
        "30s",
    ]);
    let answer = post(
        listen.addr,
        "/hooks",
        &github_headers(SECRET, "abc-1"),
        BODY,
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let ended = listen.wait();
    assert_eq!(ended.code, 0, "{}", ended.stdout);
    let first = ended.stdout.lines().next().unwrap();
    assert!(first.contains("✓ github #1 abc-1 (push): valid"), "{first}");
    assert!(
        ended.stdout.contains("[webhook.listen.signature]"),
        "{}",
        ended.stdout
    );
}

#[test]
fn rotation_names_the_secret_that_matched_by_position_and_last_four() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        OTHER,
        "--secret",
        SECRET,
        "--expect",
        "1",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    post(listen.addr, "/hooks", &github_headers(SECRET, "r1"), BODY);
    let ended = listen.wait();
    assert_eq!(ended.code, 0, "{}", ended.stdout);
    let (events, report) = ended.events();
    let d = deliveries(&events);
    assert_eq!(d[0]["details"]["matched_secret"], 2);
    let line = d[0]["summary"].as_str().unwrap();
    assert!(line.contains("valid, secret 2 of 2 (…body)"), "{line}");
    let by = &report.check("webhook.listen.deliveries").details["by_secret"];
    assert_eq!(by[1]["verified"], 1);
    assert_eq!(by[0]["verified"], 0);
    assert!(!ended.stdout.contains(OTHER) && !ended.stdout.contains(SECRET));
}

#[test]
fn fewer_deliveries_than_expected_fail_when_for_ends() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--expect",
        "2",
        "--for",
        "1s",
        "--format",
        "json",
    ]);
    post(listen.addr, "/hooks", &github_headers(SECRET, "e1"), BODY);
    let ended = listen.wait();
    assert_eq!(ended.code, 1);
    let (_, report) = ended.events();
    let c = report.check("webhook.listen.deliveries");
    assert_eq!(c.status, "fail");
    assert!(
        c.summary.contains("1 delivery of the 2 expected"),
        "{}",
        c.summary
    );
    assert_eq!(c.details["ended_by"], "--for");
}

#[test]
fn sigint_and_sigterm_end_the_listen_with_a_report() {
    for signal in ["INT", "TERM"] {
        let listen = Listen::start(&["--provider", "github", "--secret", SECRET]);
        post(listen.addr, "/hooks", &github_headers(SECRET, "s1"), BODY);
        std::thread::sleep(Duration::from_millis(100));
        listen.signal(signal);
        let ended = listen.wait();
        assert_eq!(ended.code, 0, "{signal}: {}", ended.stdout);
        assert!(
            ended.stdout.contains("ended by a signal (Ctrl-C)"),
            "{}",
            ended.stdout
        );
        assert!(
            ended.stdout.contains("1 delivery: 1 valid"),
            "{}",
            ended.stdout
        );
    }
}

#[test]
fn no_delivery_at_all_warns() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--for",
        "300ms",
        "--format",
        "json",
    ]);
    let ended = listen.wait();
    assert_eq!(ended.code, 0);
    let (_, report) = ended.events();
    assert_eq!(report.check("webhook.listen.deliveries").status, "warn");
    assert_eq!(report.check("webhook.listen.signature").status, "skip");
}

#[test]
fn the_budget_covers_for_even_when_it_is_longer_than_the_usual_budget() {
    // --timeout 400ms makes the usual budget 2 s; --for 3s must still run.
    let started = Instant::now();
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--for",
        "3s",
        "--timeout",
        "400ms",
        "--format",
        "json",
    ]);
    let ended = listen.wait();
    assert!(started.elapsed() >= Duration::from_secs(3));
    let (_, report) = ended.events();
    assert_eq!(
        report.check("webhook.listen.deliveries").details["ended_by"],
        "--for"
    );
    // With --expect alone the budget ends the wait.
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--expect",
        "1",
        "--timeout",
        "400ms",
        "--format",
        "json",
    ]);
    let ended = listen.wait();
    assert_eq!(ended.code, 1);
    let (_, report) = ended.events();
    let c = report.check("webhook.listen.deliveries");
    assert_eq!(c.status, "fail");
    assert_eq!(c.details["ended_by"], "the run's budget (--max-time)");
}

#[test]
fn a_port_in_use_is_one_line_and_exit_2() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let r = run(&[
        "webhook",
        "listen",
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--port",
        &port,
    ]);
    crate::support::assert_usage_error(&r, "--port");
    assert!(r.stderr.contains("already in use"), "{}", r.stderr);
}

#[test]
fn binding_beyond_loopback_warns() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plumb"));
    let out = cmd
        .args([
            "webhook",
            "listen",
            "--provider",
            "github",
            "--secret",
            SECRET,
            "--bind",
            "0.0.0.0",
            "--port",
            "0",
            "--for",
            "200ms",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap();
    let report = schema::parse(last, out.status.code().unwrap());
    let c = report.check("webhook.listen.bind");
    assert_eq!(c.status, "warn");
    assert!(
        c.summary.contains("not a loopback address"),
        "{}",
        c.summary
    );
}

#[test]
fn a_verifying_application_gets_the_delivery_unchanged_and_its_answer_goes_back() {
    let app = verifying_app();
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--forward-to",
        &app.url("/app/hooks"),
        "--expect",
        "2",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    let mut headers = github_headers(SECRET, "f1");
    headers.push(("X-Trace".into(), "kept".into()));
    headers.push(("TE".into(), "trailers".into()));
    headers.push(("User-Agent".into(), "GitHub-Hookshot/abc".into()));
    let answer = post(listen.addr, "/hooks", &headers, BODY);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("x-app: verified"), "{answer}");
    assert!(answer.ends_with("thanks"), "{answer}");
    let answer = post(listen.addr, "/hooks", &github_headers("forged", "f2"), BODY);
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    let ended = listen.wait();
    let seen = app.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].body, BODY);
    assert_eq!(seen[0].path_and_query, "/app/hooks");
    assert_eq!(seen[0].header("x-trace"), Some("kept"));
    assert_eq!(seen[0].header("user-agent"), Some("GitHub-Hookshot/abc"));
    assert_eq!(seen[0].header("x-github-delivery"), Some("f1"));
    assert_eq!(seen[0].header("te"), None);
    assert_eq!(seen[0].header("connection"), None);
    assert_eq!(
        seen[0].header("accept"),
        None,
        "plumb adds none of its own headers"
    );
    assert_eq!(seen[0].header("host"), Some(app.addr.to_string().as_str()));
    let (events, report) = ended.events();
    let d = deliveries(&events);
    assert_eq!(d[0]["details"]["forward"]["status"], 200);
    assert_eq!(d[0]["details"]["forward"]["answer_start"], "thanks");
    assert!(
        d[0]["summary"].as_str().unwrap().contains("→ app 200 in"),
        "{}",
        d[0]["summary"]
    );
    assert_eq!(d[1]["details"]["forward"]["status"], 401);
    assert_eq!(report.check("webhook.listen.app_verifies").status, "pass");
    assert_eq!(
        report.check("webhook.listen.app_accepts_valid").status,
        "pass"
    );
    // The invalid delivery still fails the run.
    assert_eq!(ended.code, 1);
}

#[test]
fn an_application_that_accepts_everything_does_not_verify() {
    let app = Server::http(|_| Reply::new(200).body("ok"));
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--forward-to",
        &app.url("/"),
        "--expect",
        "1",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    let answer = post(listen.addr, "/hooks", &github_headers("forged", "a1"), BODY);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let ended = listen.wait();
    assert_eq!(ended.code, 1);
    let (events, report) = ended.events();
    let c = report.check("webhook.listen.app_verifies");
    assert_eq!(c.status, "fail");
    assert!(c.summary.contains("does not verify"), "{}", c.summary);
    assert!(deliveries(&events)[0]["summary"]
        .as_str()
        .unwrap()
        .contains("accepted an invalid delivery"));
}

#[test]
fn an_application_that_rejects_a_valid_delivery_fails_with_likely_causes() {
    let app = Server::http(|_| {
        Reply::json(
            401,
            r#"{"k":"Zx8Qp2Lr7Vt4Nw9Ks3Hd6Jb1","error":"No signatures found matching the expected signature for payload"}"#,
        )
    });
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--forward-to",
        &app.url("/"),
        "--expect",
        "1",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    post(listen.addr, "/hooks", &github_headers(SECRET, "v1"), BODY);
    let ended = listen.wait();
    assert_eq!(ended.code, 1);
    let (events, report) = ended.events();
    let c = report.check("webhook.listen.app_accepts_valid");
    assert_eq!(c.status, "fail");
    let causes = c.remediation.join("\n");
    assert!(causes.contains("re-serialised body"), "{causes}");
    assert!(causes.contains("another secret"), "{causes}");
    assert!(causes.contains("X-Hub-Signature-256"), "{causes}");
    let d = deliveries(&events);
    assert_eq!(d[0]["status"], "fail");
    assert!(d[0]["details"]["forward"]["answer_start"]
        .as_str()
        .unwrap()
        .contains("No signatures"));
    // The application's answer is foreign text: the entropy pass masks a random token in it.
    assert!(
        !ended.stdout.contains("Zx8Qp2Lr7Vt4Nw9Ks3Hd6Jb1"),
        "{}",
        ended.stdout
    );
}

#[test]
fn a_slow_or_unreachable_application_gets_the_sender_a_502() {
    let slow = Server::http(|_| Reply::new(200).after(Duration::from_secs(3)));
    let closed = closed_port();
    for target in [slow.url("/"), format!("{closed}/hooks")] {
        let listen = Listen::start(&[
            "--provider",
            "github",
            "--secret",
            SECRET,
            "--forward-to",
            &target,
            "--expect",
            "1",
            "--for",
            "30s",
            "--timeout",
            "1s",
            "--format",
            "json",
        ]);
        let answer = post(listen.addr, "/hooks", &github_headers(SECRET, "u1"), BODY);
        assert!(answer.starts_with("HTTP/1.1 502"), "{target}: {answer}");
        let ended = listen.wait();
        assert_eq!(ended.code, 1);
        let (events, report) = ended.events();
        let line = deliveries(&events)[0]["summary"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(line.contains("app unreachable"), "{line}");
        let c = report.check("webhook.listen.app_accepts_valid");
        assert_eq!(c.status, "fail");
        assert!(c
            .remediation
            .iter()
            .any(|r| r.contains("Start the application")));
    }
}

#[test]
fn reject_invalid_answers_400_and_forwards_nothing_invalid() {
    let app = Server::http(|_| Reply::new(200));
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--forward-to",
        &app.url("/"),
        "--reject-invalid",
        "--expect",
        "1",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    let answer = post(listen.addr, "/hooks", &github_headers("forged", "x1"), BODY);
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let ended = listen.wait();
    assert!(app.requests().is_empty());
    let (_, report) = ended.events();
    assert_eq!(report.check("webhook.listen.app_verifies").status, "skip");
    assert_eq!(ended.code, 1);
}

#[test]
fn recorded_deliveries_verify_again_for_every_provider() {
    let dir = tempfile::tempdir().unwrap();
    let body = body_file(BODY);
    let form =
        body_file(b"mandrill_events=%5B%7B%22_id%22%3A%22m1%22%2C%22event%22%3A%22send%22%7D%5D");
    let secrets = [
        ("stripe", "whsec_test_secret"),
        ("shopify", "hush"),
        ("woocommerce", "hush"),
        ("github", SECRET),
        ("slack", "8f742231b10e8888abcd99yyyzzz85a5"),
        ("standard", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        ("mandrill", "test-webhook-key"),
        ("timestamped", "plain-secret"),
        ("hmac", "plain-secret"),
    ];
    for (provider, secret) in secrets {
        let record = dir.path().join(provider);
        let mut args = vec![
            "--provider",
            provider,
            "--secret",
            secret,
            "--record",
            record.to_str().unwrap(),
            "--expect",
            "1",
            "--for",
            "30s",
        ];
        let url_flag = ["--url", "https://example.com/webhook"];
        if provider == "mandrill" {
            args.extend(url_flag);
        }
        let listen = Listen::start(&args);
        let payload = if provider == "mandrill" { &form } else { &body };
        let mut send = vec![
            "webhook".to_string(),
            "send".into(),
            listen.url("/hooks"),
            "--provider".into(),
            provider.into(),
            "--secret".into(),
            secret.into(),
            "--payload".into(),
            payload.path().to_str().unwrap().into(),
        ];
        if provider == "mandrill" {
            send.extend([
                "--url".into(),
                url_flag[1].into(),
                "--content-type".into(),
                "application/x-www-form-urlencoded".into(),
            ]);
        }
        let sent = crate::support::run_with(crate::support::plumb().args(&send));
        assert_eq!(sent.code, 0, "{provider}: {}", sent.stdout);
        let ended = listen.wait();
        assert_eq!(ended.code, 0, "{provider}: {}", ended.stdout);
        // The directory is private; each file too; sorted names are arrival order.
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&record).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let mut files: Vec<_> = std::fs::read_dir(&record)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert_eq!(files.len(), 2, "{files:?}");
        let http = &files[0];
        assert!(
            http.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("000001"),
            "{http:?}"
        );
        assert_eq!(
            std::fs::metadata(http).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let index = std::fs::read_to_string(record.join("index.jsonl")).unwrap();
        let entry: Value = serde_json::from_str(index.lines().next().unwrap()).unwrap();
        assert_eq!(entry["verdict"], "valid", "{provider}");
        assert_eq!(entry["provider"], provider);
        assert_eq!(entry["matched_secret"], 1);
        assert_eq!(entry["file"], http.file_name().unwrap().to_str().unwrap());
        let raw = std::fs::read(http).unwrap();
        assert!(raw.ends_with(if provider == "mandrill" {
            b"%5D" as &[u8]
        } else {
            BODY
        }));
        assert!(
            !String::from_utf8_lossy(&raw).contains(secret),
            "{provider}: the secret is recorded"
        );
        let mut verify = vec![
            "verify-signature",
            provider,
            "--secret",
            secret,
            "--request",
            http.to_str().unwrap(),
        ];
        if provider == "mandrill" {
            verify.extend(url_flag);
        }
        let r = run(&verify);
        assert_eq!(r.code, 0, "{provider}: {}", r.stdout);
    }
}

#[test]
fn a_delivery_that_cannot_be_recorded_is_still_answered_forwarded_and_warned_about() {
    let app = verifying_app();
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("rec");
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--record",
        record.to_str().unwrap(),
        "--forward-to",
        &app.url("/app/hooks"),
        "--expect",
        "2",
        "--for",
        "30s",
        "--format",
        "json",
    ]);
    // The directory goes away under the listen, then comes back.
    std::fs::remove_dir_all(&record).unwrap();
    let answer = post(listen.addr, "/hooks", &github_headers(SECRET, "lost"), BODY);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    std::fs::create_dir(&record).unwrap();
    let answer = post(listen.addr, "/hooks", &github_headers(SECRET, "kept"), BODY);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let ended = listen.wait();
    assert_eq!(app.requests().len(), 2, "both were forwarded");
    let (events, report) = ended.events();
    let d = deliveries(&events);
    let first = d[0]["summary"].as_str().unwrap();
    assert!(first.contains("(not recorded: "), "{first}");
    assert!(first.contains("→ app 200 in"), "{first}");
    assert!(!d[1]["summary"].as_str().unwrap().contains("not recorded"));
    let check = report.check("webhook.listen.deliveries");
    assert_eq!(check.status, "warn");
    assert!(
        check.summary.contains("1 could not be recorded"),
        "{}",
        check.summary
    );
    assert_eq!(ended.code, 0);
    let kept = std::fs::read(record.join("000002-kept.http")).unwrap();
    assert!(kept.ends_with(BODY));
    assert!(!record.join("000001-lost.http").exists());
}

#[test]
fn a_second_listen_into_the_same_directory_goes_on_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("rec");
    for n in 1..=2 {
        let listen = Listen::start(&[
            "--provider",
            "github",
            "--secret",
            SECRET,
            "--record",
            record.to_str().unwrap(),
            "--expect",
            "1",
            "--for",
            "30s",
        ]);
        post(
            listen.addr,
            "/hooks",
            &github_headers(SECRET, &format!("../id {n}")),
            BODY,
        );
        assert_eq!(listen.wait().code, 0);
    }
    let mut names: Vec<String> = std::fs::read_dir(&record)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["000001-_id_1.http", "000002-_id_2.http", "index.jsonl"]
    );
}

#[test]
fn hostile_senders_are_refused_and_counted_and_deliveries_still_arrive() {
    let listen = Listen::start(&[
        "--provider",
        "github",
        "--secret",
        SECRET,
        "--expect",
        "1",
        "--for",
        "30s",
        "--timeout",
        "2s",
        "--format",
        "json",
    ]);
    // A crowd of idle connections beyond the cap (256): the extra ones are closed.
    let crowd: Vec<TcpStream> = (0..320)
        .filter_map(|_| TcpStream::connect(listen.addr).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    drop(crowd);
    std::thread::sleep(Duration::from_millis(200));
    // A body over the cap, declared: refused before it is read.
    let big = raw(
        listen.addr,
        b"POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n",
    );
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    // A trickled body: cut off at --timeout.
    let mut slow = TcpStream::connect(listen.addr).unwrap();
    slow.write_all(b"POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{\"a\"")
        .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    // Another path is answered 404 and counted.
    let stray = post(listen.addr, "/other", &github_headers(SECRET, "o1"), BODY);
    assert!(stray.starts_with("HTTP/1.1 404"), "{stray}");
    let ok = post(listen.addr, "/hooks", &github_headers(SECRET, "h1"), BODY);
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let ended = listen.wait();
    let (_, report) = ended.events();
    let c = report.check("webhook.listen.refused");
    assert_eq!(c.status, "warn");
    let counts = &c.details["counts"];
    assert_eq!(counts["body too large (413)"], 1, "{counts}");
    assert_eq!(counts["request too slow (408)"], 1, "{counts}");
    assert!(
        counts["too many connections (closed)"].as_u64().unwrap() >= 1,
        "{counts}"
    );
    assert!(
        c.summary.contains("1 × another path (404)"),
        "{}",
        c.summary
    );
    assert_eq!(
        report.check("webhook.listen.deliveries").details["received"],
        1
    );
    // Warnings alone do not fail the run.
    assert_eq!(ended.code, 0, "{}", ended.stdout);
}
