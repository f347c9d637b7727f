//! `--format prometheus` and `plumb serve`, judged by Prometheus' own
//! tools: `promtool check metrics` on what plumb writes, `promtool check
//! config`/`check rules`/`test rules` on examples/prometheus, and a real
//! Prometheus on loopback scraping `plumb serve`. The tools come from
//! Debian's `prometheus` package; without it the tests say they skipped
//! (CI installs it and never skips).

use crate::support::dns::{zones, DnsServer};
use crate::support::http::{Reply, Server};
use crate::support::tls::{Leaf, Pki, BOTH};
use crate::support::{run, tool};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/prometheus");

/// `promtool check metrics` on `text`: its verdict and what it said.
fn promtool_metrics(promtool: &Path, text: &str) -> (bool, String) {
    let mut child = Command::new(promtool)
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

fn assert_valid(promtool: &Path, what: &str, text: &str) {
    let (ok, said) = promtool_metrics(promtool, text);
    assert!(ok, "promtool refuses {what}: {said}\n{text}");
    assert!(
        said.trim().is_empty(),
        "promtool lints {what}: {said}\n{text}"
    );
    // Every metric plumb writes is in the reference.
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/prometheus.md"))
        .unwrap();
    for line in text.lines().filter(|l| l.starts_with("# TYPE ")) {
        let name = line.split(' ').nth(2).unwrap();
        assert!(
            docs.contains(&format!("`{name}`")),
            "docs/prometheus.md does not list {name}"
        );
    }
}

fn file(text: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(text.as_bytes()).unwrap();
    f
}

/// The value of the one sample of `series` (name and labels as written).
fn value(text: &str, series: &str) -> f64 {
    let line = text
        .lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .unwrap_or_else(|| panic!("no {series} in\n{text}"));
    line[series.len()..].trim().parse().unwrap()
}

#[test]
fn promtool_accepts_every_command_s_metrics() {
    let Some(promtool) = tool(
        "promtool_accepts_every_command_s_metrics",
        "promtool",
        "prometheus",
    ) else {
        return;
    };
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let web = Server::http(|_| Reply::new(204));
    let dns = DnsServer::start(zones);
    let headers = file(
        "HTTP/1.1 200 OK\r\nX-RateLimit-Limit: 100\r\nX-RateLimit-Remaining: 15\r\nX-RateLimit-Reset: 30\r\n\r\n",
    );
    let tls_target = format!("localhost:{}", tls.addr.port());
    let ca_path = ca.path().to_str().unwrap().to_string();
    let hook = web.url("/hook");
    let resolver = dns.arg();
    let doctor = file(&format!(
        "[[check]]\nname = \"api-tls\"\nrun = \"tls {tls_target} --ca-file '{ca_path}'\"\n\n\
         [[check]]\nname = \"why\"\nrun = \"explain 429\"\n"
    ));
    let runs: Vec<Vec<&str>> = vec![
        vec!["explain", "429"],
        vec!["tls", &tls_target, "--ca-file", &ca_path],
        vec!["endpoint", &hook],
        vec![
            "dns",
            "plain.test",
            "www.chain.test",
            "--no-system",
            "--resolver",
            &resolver,
        ],
        vec![
            "rate-limit",
            "inspect",
            "--headers-file",
            headers.path().to_str().unwrap(),
        ],
        vec!["doctor", "--config", doctor.path().to_str().unwrap()],
        vec!["credential", "sk_test_51HxYzAbCdEfGhIjKlMnOpQrSt"],
    ];
    for args in runs {
        let mut all = args.clone();
        all.extend(["--format", "prometheus"]);
        let r = run(&all);
        assert!(r.code == 0 || r.code == 1, "{args:?}: {}", r.stderr);
        assert_valid(&promtool, &format!("{args:?}"), &r.stdout);
        assert!(
            r.stdout.contains("# TYPE plumb_check_status gauge"),
            "{}",
            r.stdout
        );
        // One series per status for every check: 1 for its status, and
        // the statuses of each check sum to 1.
        let ones = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("plumb_check_status{") && l.ends_with(" 1"))
            .count();
        let all_states = r
            .stdout
            .lines()
            .filter(|l| l.starts_with("plumb_check_status{"))
            .count();
        assert_eq!(all_states, ones * 5, "{}", r.stdout);
        match args[0] {
            "tls" => {
                let leaf = value(&r.stdout, "plumb_certificate_not_after_timestamp_seconds{check=\"tls.expiry\",certificate=\"leaf\"}");
                let chain = value(&r.stdout, "plumb_certificate_not_after_timestamp_seconds{check=\"tls.expiry\",certificate=\"chain\"}");
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs_f64();
                assert!(leaf > now && chain <= leaf, "{}", r.stdout);
            }
            "endpoint" => {
                for phase in ["dns", "connect", "first_byte", "total"] {
                    let v = value(
                        &r.stdout,
                        &format!("plumb_endpoint_phase_seconds{{check=\"http.latency\",phase=\"{phase}\"}}"),
                    );
                    assert!((0.0..5.0).contains(&v), "{phase}: {}", r.stdout);
                }
                assert!(
                    !r.stdout.contains("phase=\"tls\""),
                    "plain http has no TLS phase"
                );
            }
            "dns" => {
                let v = value(
                    &r.stdout,
                    &format!("plumb_dns_answer_seconds{{check=\"dns.answers\",subject=\"plain.test\",resolver=\"{resolver}\"}}"),
                );
                assert!((0.0..5.0).contains(&v), "{}", r.stdout);
                assert!(r.stdout.contains("plumb_check_status{check=\"dns.resolve\",subject=\"www.chain.test\",status=\"pass\"}"), "{}", r.stdout);
            }
            "rate-limit" => {
                let v = value(
                    &r.stdout,
                    "plumb_rate_limit_remaining_ratio{check=\"ratelimit.remaining\"}",
                );
                assert!((v - 0.15).abs() < 1e-9, "{}", r.stdout);
            }
            "doctor" => {
                assert!(r.stdout.contains("plumb_check_status{entry=\"api-tls\",check=\"tls.expiry\",status=\"pass\"} 1"), "{}", r.stdout);
                assert!(r.stdout.contains("plumb_certificate_not_after_timestamp_seconds{entry=\"api-tls\",check=\"tls.expiry\",certificate=\"leaf\"}"), "{}", r.stdout);
            }
            "credential" => {
                // The secret an argument carried is never a label or a value.
                assert!(!r.stdout.contains("AbCdEfGhIjKlMnOpQrSt"), "{}", r.stdout);
            }
            _ => {}
        }
    }
}

#[test]
fn output_file_is_replaced_whole_in_prometheus_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plumb.prom");
    std::fs::write(&out, "old contents\n").unwrap();
    let inode = |p: &Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let before = inode(&out);
    let r = run(&[
        "explain",
        "429",
        "--format",
        "prometheus",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# HELP plumb_report_status"), "{text}");
    assert!(!text.contains("old contents"));
    // A new file renamed over the old one (a reader sees the old report or
    // the new one, never half of one), and no temporary file left behind.
    assert_ne!(inode(&out), before, "the file was rewritten in place");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("plumb.prom")]);
}

#[test]
fn the_examples_are_valid_prometheus_config_and_rules() {
    let Some(promtool) = tool(
        "the_examples_are_valid_prometheus_config_and_rules",
        "promtool",
        "prometheus",
    ) else {
        return;
    };
    for args in [
        vec!["check", "config", "prometheus.yml"],
        vec!["check", "rules", "alerts.yml"],
        vec!["test", "rules", "alerts_test.yml"],
    ] {
        let out = Command::new(&promtool)
            .args(&args)
            .current_dir(EXAMPLES)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "promtool {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // plumb serve accepts the example config (it only checks the lines:
    // nothing is probed before a scrape asks).
    let r = run(&[
        "serve",
        "--config",
        &format!("{EXAMPLES}/plumb.toml"),
        "--listen",
        &free_addr().to_string(),
        "--max-time",
        "300ms",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("0 probe(s) ran"), "{}", r.stdout);
}

/// A loopback address nothing listens on yet.
fn free_addr() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// A child process killed (by its own id) when the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The built binary as a child process, without the environment
/// variables every test clears (proxies and the like).
fn plumb_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plumb"));
    for var in crate::support::CLEARED_ENV {
        cmd.env_remove(var);
    }
    cmd
}

/// `plumb serve` on a free loopback port, answering once healthy.
fn serve(config: &Path, extra: &[&str]) -> (Running, SocketAddr) {
    let addr = free_addr();
    let child = plumb_command()
        .args(["serve", "--config", config.to_str().unwrap()])
        .args(["--listen", &addr.to_string(), "--max-time", "120s"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let running = Running(child);
    let start = Instant::now();
    while get(addr, "/-/healthy").0 != 200 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (running, addr)
}

/// One plain HTTP/1.1 request: the status and the body (0 when nothing
/// answered).
fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String) {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return (0, String::new());
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let _ = write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    );
    let mut raw = String::new();
    let _ = s.read_to_string(&mut raw);
    let status = raw
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = raw
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    request(addr, "GET", path)
}

#[test]
fn serve_probes_entries_and_modules_and_counts_them() {
    let Some(promtool) = tool(
        "serve_probes_entries_and_modules_and_counts_them",
        "promtool",
        "prometheus",
    ) else {
        return;
    };
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let slow = Server::http(|_| Reply::new(204).after(Duration::from_millis(1500)));
    let config = file(&format!(
        "[[check]]\nname = \"api-tls\"\nrun = \"tls localhost:{} --ca-file '{}'\"\n\n\
         [[check]]\nname = \"slow\"\nrun = \"endpoint {}\"\n\n\
         [[module]]\nname = \"host-tls\"\ntarget = \"host\"\nrun = \"tls {{target}} --ca-file '{}'\"\n",
        tls.addr.port(),
        ca.path().display(),
        slow.url("/"),
        ca.path().display(),
    ));
    let (_serve, addr) = serve(config.path(), &["--max-probes", "1"]);

    let (code, body) = get(addr, "/probe?check=api-tls");
    assert_eq!(code, 200, "{body}");
    assert_valid(&promtool, "/probe", &body);
    assert_eq!(value(&body, "plumb_probe_success"), 1.0, "{body}");
    assert!(
        body.contains(
            "plumb_check_status{entry=\"api-tls\",check=\"tls.trust\",status=\"pass\"} 1"
        ),
        "{body}"
    );

    // A module for a target its kind accepts; one it refuses never runs.
    let (code, body) = get(
        addr,
        &format!(
            "/probe?module=host-tls&target=localhost:{}",
            tls.addr.port()
        ),
    );
    assert_eq!(code, 200, "{body}");
    assert_eq!(value(&body, "plumb_probe_success"), 1.0, "{body}");
    for bad in [
        "-oProxyCommand%3Dtouch",
        "a%20b",
        "x%22y",
        "",
        "localhost%3A1%20--insecure",
    ] {
        let (code, body) = get(addr, &format!("/probe?module=host-tls&target={bad}"));
        assert_eq!(code, 400, "{bad}: {body}");
    }
    // Only the config's names run.
    assert_eq!(get(addr, "/probe?check=nope").0, 404);
    assert_eq!(get(addr, "/probe?check=host-tls").0, 404);
    assert_eq!(get(addr, "/probe?check=api-tls&check=slow").0, 400);
    assert_eq!(get(addr, "/probe?run=explain%20429").0, 400);
    assert_eq!(get(addr, "/elsewhere").0, 404);
    assert_eq!(request(addr, "POST", "/probe?check=api-tls").0, 405);

    // The JSON report of the same entry.
    let (code, body) = get(addr, "/report?check=api-tls");
    assert_eq!(code, 200, "{body}");
    let report = crate::support::schema::parse(&body, 0);
    assert_eq!(report.check("api-tls/tls.trust").status, "pass");

    // With --max-probes 1, a probe while another runs is refused with 503.
    let slow_probe = std::thread::spawn(move || get(addr, "/probe?check=slow"));
    std::thread::sleep(Duration::from_millis(500));
    let (code, _) = get(addr, "/probe?check=api-tls");
    assert_eq!(code, 503);
    let (code, body) = slow_probe.join().unwrap();
    assert_eq!(code, 200, "{body}");
    assert!(
        value(&body, "plumb_probe_duration_seconds") >= 1.4,
        "{body}"
    );

    let (code, metrics) = get(addr, "/metrics");
    assert_eq!(code, 200);
    assert_valid(&promtool, "/metrics", &metrics);
    assert_eq!(
        value(
            &metrics,
            "plumb_serve_probes_total{entry=\"api-tls\",result=\"success\"}"
        ),
        2.0,
        "{metrics}"
    );
    assert_eq!(
        value(
            &metrics,
            "plumb_serve_probes_total{entry=\"host-tls\",result=\"success\"}"
        ),
        1.0,
        "{metrics}"
    );
    assert_eq!(
        value(&metrics, "plumb_serve_probes_refused_total"),
        1.0,
        "{metrics}"
    );
    assert_eq!(
        value(
            &metrics,
            "plumb_serve_request_errors_total{reason=\"bad_target\"}"
        ),
        5.0,
        "{metrics}"
    );
    assert_eq!(
        value(
            &metrics,
            "plumb_serve_probe_duration_seconds_count{entry=\"slow\"}"
        ),
        1.0,
        "{metrics}"
    );
    assert_eq!(
        value(&metrics, "plumb_serve_probes_in_flight"),
        0.0,
        "{metrics}"
    );
}

#[test]
fn serve_answers_carry_no_secret() {
    // The entry sends a credential from serve's environment; neither the
    // metrics nor the JSON report may show it.
    let key = "sk_test_51HxYzAbCdEfGhIjKlMnOpQrStUvWx";
    let api = Server::http(|_| {
        Reply::json(401, "{\"error\":{\"message\":\"Invalid API Key provided: sk_test_51HxYzAbCdEfGhIjKlMnOpQrStUvWx\"}}")
    });
    let config = file(&format!(
        "[[check]]\nname = \"stripe\"\nrun = \"check stripe --api-base {}\"\n",
        api.url("")
    ));
    let addr = free_addr();
    let child = plumb_command()
        .args([
            "serve",
            "--config",
            config.path().to_str().unwrap(),
            "--listen",
            &addr.to_string(),
            "--max-time",
            "60s",
        ])
        .env("STRIPE_API_KEY", key)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _running = Running(child);
    let start = Instant::now();
    while get(addr, "/-/healthy").0 != 200 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    for path in ["/probe?check=stripe", "/report?check=stripe", "/metrics"] {
        let (code, body) = get(addr, path);
        assert_eq!(code, 200, "{path}: {body}");
        assert!(!body.contains("AbCdEfGhIjKlMnOpQrStUvWx"), "{path}: {body}");
    }
    assert!(!api.requests().is_empty(), "the entry did call the API");
}

#[test]
fn a_real_prometheus_scrapes_plumb_serve() {
    let test = "a_real_prometheus_scrapes_plumb_serve";
    let (Some(_), Some(prometheus)) = (
        tool(test, "promtool", "prometheus"),
        tool(test, "prometheus", "prometheus"),
    ) else {
        return;
    };
    let pki = Pki::new();
    let ca = pki.ca_file();
    let tls = Server::https(|_| Reply::new(200), pki.server_config(Leaf::Valid, BOTH));
    let config = file(&format!(
        "[[check]]\nname = \"api-tls\"\nrun = \"tls localhost:{} --ca-file '{}'\"\n\n\
         [[module]]\nname = \"host-tls\"\ntarget = \"host\"\nrun = \"tls {{target}} --ca-file '{}'\"\n",
        tls.addr.port(),
        ca.path().display(),
        ca.path().display(),
    ));
    let (_serve, plumb) = serve(config.path(), &[]);
    let dir = tempfile::tempdir().unwrap();
    // The blackbox_exporter pattern of examples/prometheus/prometheus.yml:
    // the target list names what to probe, relabelled into a parameter.
    std::fs::write(
        dir.path().join("targets.json"),
        format!("[{{\"targets\": [\"localhost:{}\"]}}]", tls.addr.port()),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("prometheus.yml"),
        format!(
            "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n\
             scrape_configs:\n\
             - job_name: checks\n  metrics_path: /probe\n  static_configs:\n  - targets: [api-tls]\n\
             \x20 relabel_configs:\n\
             \x20 - {{source_labels: [__address__], target_label: __param_check}}\n\
             \x20 - {{source_labels: [__param_check], target_label: instance}}\n\
             \x20 - {{target_label: __address__, replacement: '{plumb}'}}\n\
             - job_name: hosts\n  metrics_path: /probe\n  params: {{module: [host-tls]}}\n\
             \x20 file_sd_configs:\n  - files: ['{}']\n\
             \x20 relabel_configs:\n\
             \x20 - {{source_labels: [__address__], target_label: __param_target}}\n\
             \x20 - {{source_labels: [__param_target], target_label: instance}}\n\
             \x20 - {{target_label: __address__, replacement: '{plumb}'}}\n\
             - job_name: plumb\n  static_configs:\n  - targets: ['{plumb}']\n",
            dir.path().join("targets.json").display()
        ),
    )
    .unwrap();
    let web = free_addr();
    let child = Command::new(prometheus)
        .arg(format!(
            "--config.file={}",
            dir.path().join("prometheus.yml").display()
        ))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("data").display()
        ))
        .arg(format!("--web.listen-address={web}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _prometheus = Running(child);
    let query = |q: &str| -> serde_json::Value {
        let path = format!(
            "/api/v1/query?query={}",
            url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        );
        let (code, body) = get(web, &path);
        if code != 200 {
            return serde_json::Value::Null;
        }
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null)
    };
    let wanted = [
        "plumb_probe_success{job=\"checks\",instance=\"api-tls\"}",
        "plumb_probe_success{job=\"hosts\"}",
        "plumb_serve_probes_total{job=\"plumb\",entry=\"api-tls\",result=\"success\"}",
    ];
    let start = Instant::now();
    loop {
        let found = wanted.iter().all(|q| {
            query(q)["data"]["result"]
                .as_array()
                .is_some_and(|r| !r.is_empty())
        });
        if found {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "Prometheus stored no plumb series in 60 s"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    let one = |q: &str| -> (serde_json::Value, f64) {
        let r = query(q);
        let first = r["data"]["result"][0].clone();
        let v = first["value"][1].as_str().unwrap_or("NaN").parse().unwrap();
        (first["metric"].clone(), v)
    };
    assert_eq!(one(wanted[0]).1, 1.0);
    let (labels, v) = one(wanted[1]);
    assert_eq!(v, 1.0);
    assert_eq!(labels["instance"], format!("localhost:{}", tls.addr.port()));
    let (labels, v) =
        one("plumb_check_status{job=\"checks\",check=\"tls.expiry\",status=\"pass\"}");
    assert_eq!(v, 1.0);
    assert_eq!(labels["entry"], "api-tls");
    let (_, not_after) = one("plumb_certificate_not_after_timestamp_seconds{job=\"checks\",certificate=\"leaf\"} - time()");
    assert!(not_after > 86_400.0, "{not_after}");
    assert!(one(wanted[2]).1 >= 1.0);
}

#[test]
fn serve_refuses_a_bad_config_before_listening() {
    for (text, needle) in [
        (
            "[[module]]\nname = \"m\"\ntarget = \"host\"\nrun = \"tls example.com\"\n",
            "module 'm': run has no {target}",
        ),
        (
            "[[module]]\nname = \"m\"\ntarget = \"anything\"\nrun = \"tls {target}\"\n",
            "is not a kind of target",
        ),
        (
            "[[check]]\nname = \"a\"\nrun = \"explain 429\"\n[[module]]\nname = \"a\"\ntarget = \"url\"\nrun = \"endpoint {target}\"\n",
            "'a' appears twice",
        ),
        (
            "[[module]]\nname = \"m\"\ntarget = \"url\"\nrun = \"endpoint {target} --nonsense\"\n",
            "entry 'm'",
        ),
        ("", "no [[check]] or [[module]] entries"),
        (
            "[[check]]\nname = \"s\"\nrun = \"serve --config x.toml\"\n",
            "cannot run inside doctor",
        ),
    ] {
        let f = file(text);
        let r = run(&["serve", "--config", f.path().to_str().unwrap(), "--listen", &free_addr().to_string()]);
        crate::support::assert_usage_error(&r, needle);
    }
    // A port already taken is named.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let f = file("[[check]]\nname = \"a\"\nrun = \"explain 429\"\n");
    let r = run(&[
        "serve",
        "--config",
        f.path().to_str().unwrap(),
        "--listen",
        &taken.local_addr().unwrap().to_string(),
    ]);
    crate::support::assert_usage_error(&r, "--listen");
}

#[test]
fn doctor_runs_the_checks_of_a_config_with_modules_and_leaves_the_modules_out() {
    let f = file(
        "[[check]]\nname = \"a\"\nrun = \"explain 429\"\n\n[[module]]\nname = \"m\"\ntarget = \"host\"\nrun = \"tls {target}\"\n",
    );
    let (code, report) =
        crate::support::run_json(&["doctor", "--config", f.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        report.checks.iter().all(|c| c.id.starts_with("a/")),
        "{:?}",
        report.ids()
    );
}
