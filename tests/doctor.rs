//! `plumb doctor`: configs run against loopback servers, the built-in
//! health check in a network namespace with no network at all.

use crate::support::http::{Reply, Server};
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{assert_usage_error, plumb, run, run_json, run_with};
use std::io::{Read, Write};
use std::time::{Duration, SystemTime};

fn config(text: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

fn path(file: &tempfile::NamedTempFile) -> &str {
    file.path().to_str().unwrap()
}

#[test]
fn healthy_entries_pass_with_prefixed_ids() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let web = Server::http(|_| Reply::new(204));
    let file = config(&format!(
        "[[check]]\nname = \"api-tls\"\nrun = \"tls localhost:{} --ca-file '{}'\"\n\n\
         [[check]]\nname = \"hook\"\nrun = \"endpoint {} --method POST --data '{{}}'\"\n",
        tls.addr.port(),
        ca.path().display(),
        web.url("/hook"),
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 0, "{:?}", report.checks);
    assert_eq!(report.command, "doctor");
    assert_eq!(report.check("api-tls/tls.trust").status, "pass");
    assert_eq!(report.check("hook/http.status").status, "pass");
    assert!(report
        .checks
        .iter()
        .all(|c| c.id.starts_with("api-tls/") || c.id.starts_with("hook/")));
    assert_eq!(web.requests()[0].method, "POST");
}

#[test]
fn one_failing_entry_fails_the_run_and_the_others_still_report() {
    let web = Server::http(|_| Reply::new(200));
    let broken = Server::http(|_| Reply::new(503));
    let file = config(&format!(
        "[[check]]\nname = \"good\"\nrun = \"endpoint {}\"\n\n\
         [[check]]\nname = \"bad\"\nrun = \"endpoint {}\"\n\n\
         [[check]]\nname = \"missing-var\"\nrun = \"credential --env PLUMB_TEST_UNSET_VARIABLE\"\n",
        web.url("/"),
        broken.url("/"),
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 1);
    assert_eq!(report.check("good/http.status").status, "pass");
    assert_eq!(report.check("bad/http.status").status, "fail");
    let entry = report.check("missing-var/doctor.entry");
    assert_eq!(entry.status, "fail");
    assert!(entry.summary.contains("PLUMB_TEST_UNSET_VARIABLE"));
}

/// A server that answers nobody until `n` connections are open at once:
/// entries run one after another would each wait out their timeout.
fn rendezvous(n: usize) -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut waiting = Vec::new();
        for stream in listener.incoming().flatten() {
            waiting.push(stream);
            if waiting.len() == n {
                for mut s in waiting.drain(..) {
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") && s.read(&mut byte).is_ok_and(|k| k == 1) {
                        head.push(byte[0]);
                    }
                    let _ = s.write_all(
                        b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                    );
                }
            }
        }
    });
    addr
}

#[test]
fn entries_run_concurrently() {
    let addr = rendezvous(3);
    let mut text = String::new();
    for name in ["a", "b", "c"] {
        text.push_str(&format!(
            "[[check]]\nname = \"{name}\"\nrun = \"endpoint http://{addr}/{name} --timeout 20s\"\n"
        ));
    }
    let file = config(&text);
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 0, "{:?}", report.checks);
    for name in ["a", "b", "c"] {
        assert_eq!(report.check(&format!("{name}/http.status")).status, "pass");
    }
}

#[test]
fn an_entry_that_hangs_is_cut_off_at_its_deadline() {
    let silent = crate::support::http::Silent::start();
    let file = config(&format!(
        "[[check]]\nname = \"stuck\"\nrun = \"endpoint http://127.0.0.1:{}/ --timeout 1s\"\n",
        silent.addr.port()
    ));
    let (code, report) = run_json(&["doctor", "--config", path(&file)]);
    assert_eq!(code, 1);
    let stuck: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.status == "fail")
        .collect();
    assert!(!stuck.is_empty());
    assert!(stuck.iter().all(|c| c.id.starts_with("stuck/")));
}

#[test]
fn clock_skew_is_measured_against_the_time_server() {
    let pki = Pki::new();
    let ca = pki.ca_file();
    let behind = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(3600));
    let server = Server::https(
        move |_| Reply::new(200).header("date", &behind),
        pki.server_config(Leaf::Valid, BOTH),
    );
    let file = config("[[check]]\nname = \"offline\"\nrun = \"explain 401\"\n");
    let (code, report) = run_json(&[
        "doctor",
        "--config",
        path(&file),
        "--time-server",
        &format!("https://localhost:{}/", server.addr.port()),
        "--ca-file",
        ca.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let clock = report.check("clock/doctor.clock");
    assert_eq!(clock.status, "fail");
    let skew = clock.details["skew_seconds"].as_i64().unwrap();
    assert!((3590..=3610).contains(&skew), "{skew}");
    assert!(clock.summary.contains("ahead of"), "{}", clock.summary);
    assert_eq!(server.requests()[0].method, "HEAD");
}

#[test]
fn text_output_has_a_section_per_entry() {
    let file = config(
        "[[check]]\nname = \"why-401\"\nrun = \"explain 401\"\n\n\
         [[check]]\nname = \"key\"\nrun = \"credential --env PLUMB_TEST_KEY --for stripe-api\"\n",
    );
    let r = run_with(
        plumb()
            .args(["doctor", "--config", path(&file), "--color", "never", "-q"])
            .env("PLUMB_TEST_KEY", "pk_test_51HxYzAbCdEfGhIjKlMnOpQrSt"),
    );
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("AbCdEf"));
    insta::assert_snapshot!(crate::assets::stable(&r.stdout));
}

/// The secret check judges what clap parsed, not how the flag was spelled:
/// attached `-HName: v`, `-H=Name: v` and `--header=Name: v` carry a
/// credential header just as `-H 'Name: v'` does.
#[test]
fn a_credential_header_in_any_spelling_is_refused() {
    let closed = crate::support::http::closed_port();
    let url = format!("http://{closed}/");
    for run_line in [
        format!("endpoint {url} '-HAuthorization: Bearer abcdefSECRET1234'"),
        format!("endpoint {url} '-H=X-Shopify-Access-Token: abcdefSECRET1234'"),
        format!("endpoint {url} '--header=X-Api-Key: abcdefSECRET1234'"),
        format!("endpoint {url} '-HX-Custom: sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt'"),
        format!("rate-limit inspect {url} '-HCookie: session=abcdefSECRET1234'"),
    ] {
        let file = config(&format!("[[check]]\nname = \"x\"\nrun = \"{run_line}\"\n"));
        let r = run(&["doctor", "--config", path(&file)]);
        assert_usage_error(&r, "environment");
        assert!(
            !r.stderr.contains("SECRET1234") && !r.stderr.contains("AbCdEf"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn bad_configs_are_usage_errors() {
    let missing = run(&["doctor", "--config", "/nonexistent/plumb.toml"]);
    assert_usage_error(&missing, "--config /nonexistent/plumb.toml");
    let cases = [
        (
            "[[check]]\nname = \"x\"\nrun = \"frobnicate\"\n",
            "entry 'x'",
        ),
        ("[[check]]\nname = \"x\"\nrun = \"tls\"\n", "entry 'x'"),
        (
            "[[check]]\nname = \"x\"\nrun = \"credential sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt\"\n",
            "environment",
        ),
        ("not toml at all", "--config"),
        (
            "[[check]]\nname = \"a/b\"\nrun = \"explain 401\"\n",
            "entry name",
        ),
    ];
    for (text, needle) in cases {
        let file = config(text);
        let r = run(&["doctor", "--config", path(&file)]);
        assert_usage_error(&r, needle);
        assert!(!r.stderr.contains("AbCdEf"), "{}", r.stderr);
    }
    let r = run(&["doctor", "--time-server", "ftp://x"]);
    assert_usage_error(&r, "--time-server");
}

#[test]
fn init_writes_a_config_that_doctor_accepts_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plumb.toml");
    let t = target.to_str().unwrap();
    let first = run(&["doctor", "--init", "--config", t]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("[[check]]"));
    let again = run(&["doctor", "--init", "--config", t]);
    assert_usage_error(&again, "already exists");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
}

/// The built-in health check must finish and say so when there is no
/// network. `unshare -rn` gives the run a namespace with no interfaces up,
/// so it cannot reach anything, loopback or internet.
#[test]
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn without_network_the_health_check_says_so_within_the_timeout() {
    let probe = std::process::Command::new("unshare")
        .args(["-rn", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipping: unshare -rn is not permitted here");
        return;
    }
    let mut cmd = assert_cmd::Command::new("unshare");
    cmd.args([
        "-rn",
        env!("CARGO_BIN_EXE_plumb"),
        "doctor",
        "--timeout",
        "2s",
        "--format",
        "json",
    ])
    .env_remove("NO_PROXY")
    .env_remove("no_proxy")
    .env(
        "HTTPS_PROXY",
        "http://alice:hunter2@proxy.corp.example:3128",
    )
    .env("MAILCHIMP_API_KEY", "0123456789abcdef0123456789abcdef-us7")
    .env("SHOPIFY_STORE", "acme-store")
    .env("STRIPE_API_KEY", "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt")
    .timeout(Duration::from_secs(30));
    let r = run_with(&mut cmd);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = crate::support::schema::parse(&r.stdout, r.code);
    assert_eq!(report.check("doctor.network").status, "fail");
    // Each entry's checks carry the entry as their section; the verdict
    // about the whole run belongs to none.
    for c in &report.checks {
        match c.id.split_once('/') {
            Some((entry, _)) => assert_eq!(c.section.as_deref(), Some(entry), "{}", c.id),
            None => assert_eq!(c.section, None, "{}", c.id),
        }
    }
    assert_eq!(report.check("proxy/doctor.proxy").status, "warn");
    // No route at all: every section that needs the network is skipped
    // once, keeping the first problem it met (here, the host it tried).
    let first_error = |id: &str| {
        let c = report.check(id);
        assert_eq!(c.status, "skip", "{id}");
        c.details["first_error"].as_str().unwrap_or("").to_string()
    };
    assert!(first_error("mailchimp-api/doctor.entry").contains("us7.api.mailchimp.com"));
    assert!(first_error("shopify/doctor.entry").contains("acme-store.myshopify.com"));
    assert_eq!(report.check("clock/doctor.entry").status, "skip");
    assert_eq!(report.check("stripe-api-dns/doctor.entry").status, "skip");
    // Credentials in the environment bring in that service's full check,
    // skipped as well.
    assert_eq!(report.check("stripe-account/doctor.entry").status, "skip");
    assert!(report
        .ids()
        .iter()
        .any(|id| id.starts_with("mailchimp-account/")));
    assert!(!report
        .ids()
        .iter()
        .any(|id| id.starts_with("woocommerce-store/")));
    assert!(report.duration_ms < 10_000, "{}", report.duration_ms);
    for secret in ["hunter2", "alice", "0123456789abcdef", "AbCdEfGhIj"] {
        assert!(!r.stdout.contains(secret), "{secret} leaked");
    }
}

/// A namespace of its own with loopback up and no default route, as a
/// machine whose uplink is down: doctor says so once (doctor.network) and
/// skips each section that needs the network with that reason, instead of
/// failing every service with the causes of a single broken name.
#[test]
#[allow(clippy::disallowed_macros)] // says why the test did not run
fn with_no_route_the_service_sections_are_skipped_once() {
    let probe = std::process::Command::new("unshare")
        .args(["--net", "ip", "link", "set", "lo", "up"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!(
            "skipping with_no_route_the_service_sections_are_skipped_once: needs root for unshare --net and ip"
        );
        return;
    }
    let script = format!(
        "ip link set lo up && exec {} doctor --timeout 2s --format json",
        env!("CARGO_BIN_EXE_plumb")
    );
    let mut cmd = assert_cmd::Command::new("unshare");
    cmd.args(["--net", "sh", "-c", &script])
        .env_remove("HTTPS_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .env("STRIPE_API_KEY", "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt")
        .timeout(Duration::from_secs(30));
    let r = run_with(&mut cmd);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = crate::support::schema::parse(&r.stdout, r.code);
    let network = report.check("doctor.network");
    assert_eq!(network.status, "fail");
    let mut sections = std::collections::BTreeSet::new();
    for c in &report.checks {
        let Some(section) = c.section.as_deref() else {
            continue;
        };
        sections.insert(section.to_string());
        if section == "proxy" {
            continue;
        }
        assert_eq!(
            c.id,
            format!("{section}/doctor.entry"),
            "one check per section"
        );
        assert_eq!(c.status, "skip", "{}", c.id);
        assert!(c.summary.contains("doctor.network"), "{}", c.summary);
    }
    for section in [
        "clock",
        "stripe-api",
        "stripe-api-dns",
        "shopify",
        "mailchimp-api",
        "stripe-account",
    ] {
        assert!(
            sections.contains(section),
            "{section} missing: {sections:?}"
        );
    }
    // The reason is the network's, said once: no per-name remedy.
    let failed: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.status == "fail")
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(failed, ["doctor.network"]);
    for text in ["spelling", "lapsed"] {
        assert!(!r.stdout.contains(text), "{text}: {}", r.stdout);
    }
}

/// Paths in a config are the config's neighbours: a relative --ca-file and
/// a relative log file are found beside the file whichever directory
/// doctor runs from.
#[test]
fn relative_paths_in_a_config_resolve_against_its_directory() {
    let pki = Pki::new();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(pki.ca_file().path(), dir.path().join("ca.pem")).unwrap();
    std::fs::write(
        dir.path().join("app.log"),
        "2024-05-01T10:00:00Z INFO sync finished\n",
    )
    .unwrap();
    let conf = dir.path().join("plumb.toml");
    std::fs::write(
        &conf,
        format!(
            "[[check]]\nname = \"api-tls\"\nrun = \"tls localhost:{} --ca-file ca.pem\"\n\n\
             [[check]]\nname = \"sync-log\"\nrun = \"logs app.log\"\n",
            tls.addr.port()
        ),
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = run_with(plumb().current_dir(elsewhere.path()).args([
        "doctor",
        "--config",
        conf.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let r = (
        out.code,
        crate::support::schema::parse(&out.stdout, out.code),
    );
    assert_eq!(
        r.1.check("api-tls/tls.trust").status,
        "pass",
        "{:?}",
        r.1.ids()
    );
    assert!(
        !r.1.ids().iter().any(|id| id.ends_with("/doctor.entry")),
        "an entry could not run: {:?}",
        r.1.checks
            .iter()
            .map(|c| (&c.id, &c.summary))
            .collect::<Vec<_>>()
    );
    assert_eq!(r.0, 0);
}

/// The text report leads with one line per section, flutter doctor's
/// way, then the details of the sections that do not pass.
#[test]
fn the_text_report_leads_with_one_line_per_section() {
    let file = config(
        "[[check]]\nname = \"why-401\"\nrun = \"explain 401\"\n\n\
         [[check]]\nname = \"good-key\"\nrun = \"credential --env PLUMB_GOOD_KEY --for stripe-api\"\n\n\
         [[check]]\nname = \"bad-key\"\nrun = \"credential --env PLUMB_BAD_KEY --for stripe-api\"\n",
    );
    let r = run_with(
        plumb()
            .args(["doctor", "--config", path(&file), "--color", "never"])
            .env("PLUMB_GOOD_KEY", "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt")
            .env("PLUMB_BAD_KEY", "pk_test_51HxYzAbCdEfGhIjKlMnOpQrSt"),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // After the title and a blank line, one line per section, in order.
    assert!(lines[2].starts_with("[i] why-401 "), "{}", r.stdout);
    assert!(lines[3].starts_with("[✓] good-key "), "{}", r.stdout);
    assert!(lines[4].starts_with("[✗] bad-key "), "{}", r.stdout);
    assert!(lines[4].contains("1 failed"), "{}", lines[4]);
    // Details only for what does not pass.
    assert!(!r.stdout.contains("[good-key/"), "{}", r.stdout);
    assert!(!r.stdout.contains("[why-401/"), "{}", r.stdout);
    assert!(
        r.stdout.contains("[bad-key/credential.kind]"),
        "{}",
        r.stdout
    );
    let details = r.stdout.find("\nbad-key\n").expect("a details heading");
    assert!(details > r.stdout.find("[✗] bad-key").unwrap());
}
