//! `plumb dns` against scripted DNS servers on loopback. Every run passes
//! --no-system and --resolver 127.0.0.1:PORT: no test asks a real resolver.

use crate::support::dns::{a, zones, DnsServer, Reply};
use crate::support::{assert_usage_error, plumb, run, run_json, run_with};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// `dns NAME… --no-system --resolver S…` plus `extra`.
fn args<'a>(names: &[&'a str], servers: &'a [String], extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["dns"];
    v.extend(names);
    v.push("--no-system");
    for s in servers {
        v.extend(["--resolver", s.as_str()]);
    }
    v.extend(extra);
    v
}

fn answers(report: &crate::support::schema::Report, id: &str) -> String {
    let c = report.check(id);
    serde_json::to_string(&c.details["answers"]).unwrap()
}

#[test]
fn plain_name_resolves_with_answers_ttls_and_codes() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    let (code, r) = run_json(&args(&["plain.test"], &s, &[]));
    assert_eq!(code, 0);
    assert_eq!(r.command, "dns");
    assert_eq!(r.target, "plain.test");
    assert_eq!(
        r.ids(),
        [
            "dns.answers",
            "dns.resolve",
            "dns.compare",
            "dns.public_address"
        ]
    );
    let ans = answers(&r, "dns.answers");
    assert!(ans.contains("A: NOERROR in "), "{ans}");
    assert!(
        ans.contains("plain.test → 93.184.216.34 (ttl 300)"),
        "{ans}"
    );
    assert!(ans.contains("2606:2800:220:1::1 (ttl 300)"), "{ans}");
    assert_eq!(r.check("dns.resolve").status, "pass");
    assert!(r.check("dns.resolve").summary.contains("93.184.216.34"));
    assert_eq!(r.check("dns.compare").status, "skip");
    assert_eq!(r.check("dns.public_address").status, "pass");
}

#[test]
fn cname_chain_is_shown_link_by_link() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    let (code, r) = run_json(&args(&["www.chain.test"], &s, &[]));
    assert_eq!(code, 0);
    let ans = answers(&r, "dns.answers");
    assert!(
        ans.contains(
            "www.chain.test → CNAME edge.chain.test (ttl 600) → CNAME edge.cdn.test (ttl 120) → 151.101.1.1 (ttl 30)"
        ),
        "{ans}"
    );
    let (_, r) = run_json(&args(&["www.chain.test"], &s, &["--type", "cname"]));
    assert!(answers(&r, "dns.answers").contains("CNAME edge.chain.test (ttl 600)"));
}

#[test]
fn each_failure_is_named_with_its_remedy() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    let cases = [
        (
            "nx.test",
            "does not exist: every resolver answers NXDOMAIN",
            "spelling",
        ),
        ("servfail.test", "SERVFAIL", "public resolver"),
        (
            "refused.test",
            "REFUSED",
            "will not resolve names for this client",
        ),
        (
            "empty.test",
            "no A or AAAA record",
            "no record of the type asked",
        ),
    ];
    for (name, summary, remedy) in cases {
        let (code, r) = run_json(&args(&[name], &s, &[]));
        assert_eq!(code, 1, "{name}");
        let c = r.check("dns.resolve");
        assert_eq!(c.status, "fail", "{name}");
        assert!(c.summary.contains(summary), "{name}: {}", c.summary);
        assert!(
            c.remediation.iter().any(|s| s.contains(remedy)),
            "{name}: {:?}",
            c.remediation
        );
        assert_eq!(r.check("dns.public_address").status, "skip", "{name}");
    }
}

#[test]
fn a_silent_resolver_is_a_timeout_within_the_bound() {
    let silent = DnsServer::silent();
    let s = [silent.arg()];
    let (code, r) = run_json(&args(&["plain.test"], &s, &["--timeout", "300ms"]));
    assert_eq!(code, 1);
    let c = r.check("dns.resolve");
    assert_eq!(c.status, "fail");
    assert!(
        c.summary.contains("no answer within 300 ms"),
        "{}",
        c.summary
    );
    assert!(c.remediation.iter().any(|s| s.contains("port 53")));
    assert!(answers(&r, "dns.answers").contains("A: TIMEOUT"));
    assert_eq!(r.check("dns.compare").status, "skip");
}

#[test]
fn sinkhole_answers_fail_and_private_answers_warn() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    let (code, r) = run_json(&args(&["blocked.test"], &s, &[]));
    assert_eq!(code, 1);
    let c = r.check("dns.public_address");
    assert_eq!(c.status, "fail");
    assert!(
        c.summary.contains("something blocks blocked.test"),
        "{}",
        c.summary
    );
    assert!(c.summary.contains("0.0.0.0 (unspecified"), "{}", c.summary);
    assert!(c.summary.contains(":: (unspecified"), "{}", c.summary);

    let (code, r) = run_json(&args(&["private.test"], &s, &[]));
    assert_eq!(code, 0, "a warning alone exits 0");
    let c = r.check("dns.public_address");
    assert_eq!(c.status, "warn");
    assert!(
        c.summary.contains("10.20.30.40 (private, RFC 1918)"),
        "{}",
        c.summary
    );
    assert!(!c.remediation.is_empty());
    let (code, _) = run_json(&args(&["private.test"], &s, &["--fail-on", "warn"]));
    assert_eq!(code, 1);
}

/// Two resolvers: `filter` blocks or rewrites some names, `open` answers
/// them as the internet does.
fn disagreeing() -> (DnsServer, DnsServer) {
    let filter = DnsServer::start(|name, t| match (name, t) {
        ("filtered.test", _) => Reply::Records(vec![a("filtered.test", 60, "0.0.0.0")]),
        ("hidden.test", _) => Reply::NxDomain,
        ("cdn.test", _) => Reply::Records(vec![a("cdn.test", 20, "104.16.1.1")]),
        ("internal.test", _) => Reply::Records(vec![a("internal.test", 60, "10.0.0.5")]),
        _ => zones(name, t),
    });
    let open = DnsServer::start(|name, t| match name {
        "filtered.test" | "hidden.test" | "internal.test" => {
            Reply::Records(vec![a(name, 60, "52.1.2.3")])
        }
        "cdn.test" => Reply::Records(vec![a("cdn.test", 20, "104.16.2.2")]),
        _ => zones(name, t),
    });
    (filter, open)
}

#[test]
fn resolvers_that_disagree_are_named_sensibly() {
    let (filter, open) = disagreeing();
    let s = [filter.arg(), open.arg()];
    let only_a = ["--type", "A"];

    let (code, r) = run_json(&args(&["filtered.test"], &s, &only_a));
    assert_eq!(code, 1);
    let c = r.check("dns.compare");
    assert_eq!(c.status, "fail");
    assert!(c.summary.contains("DNS filtering"), "{}", c.summary);
    assert!(
        c.summary.contains(&format!("{} (0.0.0.0)", filter.arg())),
        "{}",
        c.summary
    );
    assert!(
        c.summary.contains(&format!("{} (52.1.2.3)", open.arg())),
        "{}",
        c.summary
    );

    let (code, r) = run_json(&args(&["hidden.test"], &s, &only_a));
    assert_eq!(code, 1);
    assert_eq!(r.check("dns.compare").status, "fail");
    let c = r.check("dns.resolve");
    assert_eq!(c.status, "fail");
    assert!(
        c.summary.contains(&format!("{}: NXDOMAIN", filter.arg())),
        "{}",
        c.summary
    );
    assert!(
        c.remediation.iter().any(|s| s.contains("DNS filter")),
        "{:?}",
        c.remediation
    );

    let (code, r) = run_json(&args(&["internal.test"], &s, &only_a));
    assert_eq!(code, 0);
    let c = r.check("dns.compare");
    assert_eq!(c.status, "warn");
    assert!(c.summary.starts_with("split horizon"), "{}", c.summary);

    let (code, r) = run_json(&args(&["cdn.test"], &s, &only_a));
    assert_eq!(code, 0);
    let c = r.check("dns.compare");
    assert_eq!(
        c.status, "pass",
        "different public addresses are normal for a CDN"
    );
    assert!(c.summary.contains("CDN"), "{}", c.summary);

    let (code, r) = run_json(&args(&["plain.test"], &s, &[]));
    assert_eq!(code, 0);
    assert_eq!(
        r.check("dns.compare").summary,
        "both resolvers give the same answer"
    );
}

#[test]
fn a_silent_resolver_next_to_a_working_one_fails_and_is_named() {
    let good = DnsServer::start(zones);
    let silent = DnsServer::silent();
    let s = [good.arg(), silent.arg()];
    let (code, r) = run_json(&args(&["plain.test"], &s, &["--timeout", "300ms"]));
    assert_eq!(code, 1, "a resolver you name must answer");
    let c = r.check("dns.resolve");
    assert!(
        c.summary.contains(&format!("{}: no answer", silent.arg())),
        "{}",
        c.summary
    );
    assert!(!c.summary.contains(&good.arg()), "{}", c.summary);
    assert_eq!(r.check("dns.compare").status, "skip");
}

#[test]
fn several_names_get_one_set_of_checks_each() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    let (code, r) = run_json(&args(&["plain.test", "nx.test", "PLAIN.test."], &s, &[]));
    assert_eq!(code, 1);
    assert_eq!(r.target, "plain.test nx.test", "repeats are dropped");
    assert_eq!(r.checks.len(), 8);
    assert_eq!(r.check("dns.resolve[plain.test]").status, "pass");
    assert_eq!(r.check("dns.resolve[nx.test]").status, "fail");
    assert_eq!(
        r.check("dns.public_address[nx.test]").details["name"],
        "nx.test"
    );
}

#[test]
fn record_types_are_chosen_with_type() {
    let server = DnsServer::start(zones);
    let s = [server.arg()];
    for types in [
        &["--type", "MX,TXT"][..],
        &["--type", "mx", "--type", "txt"],
    ] {
        let (code, r) = run_json(&args(&["plain.test"], &s, types));
        assert_eq!(code, 0);
        let ans = answers(&r, "dns.answers");
        assert!(ans.contains("MX: NOERROR"), "{ans}");
        assert!(ans.contains("10 mail.plain.test (ttl 3600)"), "{ans}");
        assert!(ans.contains(r#"\"v=spf1 -all\" (ttl 3600)"#), "{ans}");
        assert_eq!(r.check("dns.public_address").status, "skip");
    }
    let bad = run(&["dns", "plain.test", "--type", "SRV"]);
    assert_usage_error(&bad, "--type");
}

#[test]
fn services_resolve_the_hosts_their_apis_need() {
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let server = DnsServer::start(move |name, t| {
        log.lock().unwrap().push(name.to_string());
        match t {
            hickory_proto::rr::RecordType::A => Reply::Records(vec![a(name, 60, "54.187.174.169")]),
            _ => Reply::Records(vec![]),
        }
    });
    let s = [server.arg()];
    let key = "0123456789abcdef0123456789abcdef-us21";
    let cases: [(&[&str], &str); 5] = [
        (&["--service", "stripe"], "api.stripe.com"),
        (
            &[
                "--service",
                "shopify",
                "--store",
                "https://admin.shopify.com/store/acme",
            ],
            "acme.myshopify.com",
        ),
        (
            &["--service", "mailchimp", "--dc", "us6"],
            "us6.api.mailchimp.com",
        ),
        (&["--service", "mailchimp"], "us21.api.mailchimp.com"),
        (
            &[
                "--service",
                "woocommerce",
                "--url",
                "https://shop.example.com/wp",
            ],
            "shop.example.com",
        ),
    ];
    for (extra, host) in cases {
        let mut all = args(&[], &s, extra);
        all.extend(["--format", "json", "-v"]);
        let out = run_with(plumb().args(&all).env("MAILCHIMP_API_KEY", key));
        assert_eq!(out.code, 0, "{extra:?}: {}", out.stderr);
        let r = crate::support::schema::parse(&out.stdout, out.code);
        assert_eq!(r.target, host);
        assert!(seen.lock().unwrap().contains(&host.to_string()), "{host}");
        assert!(
            !out.stdout.contains("0123456789abcdef0123"),
            "the key leaked"
        );
    }
    let missing = run(&["dns", "--service", "shopify", "--no-system"]);
    assert_usage_error(&missing, "--store");
    let custom = run(&["dns", "--service", "shopify", "--store", "shop.acme.com"]);
    assert_usage_error(&custom, "custom domain");
    let no_dc = run(&["dns", "--service", "mailchimp"]);
    assert_usage_error(&no_dc, "--dc");
}

#[test]
fn bad_names_and_resolvers_exit_2_before_any_query() {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    let server = DnsServer::start(move |name, t| {
        counter.fetch_add(1, Ordering::SeqCst);
        zones(name, t)
    });
    let addr = server.arg();
    let long_label = format!("{}.com", "a".repeat(64));
    let long_name = vec!["abcdefghi"; 26].join(".");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["plain.test", "a..b"], "empty label"),
        (vec!["plain.test", ""], "empty"),
        (vec![&long_label], "allows 63"),
        (vec![&long_name], "allows 253"),
        (vec!["https://api.stripe.com/v1"], "URL"),
        (vec!["bad_\u{1b}[31m.com"], "cannot contain"),
    ];
    for (names, why) in &cases {
        let r = run(&args(names, std::slice::from_ref(&addr), &[]));
        assert_usage_error(&r, why);
        assert!(r.stderr.contains("NAME"), "{}", r.stderr);
        assert!(!r.stderr.contains('\u{1b}'), "escaped: {}", r.stderr);
    }
    for (resolver, why) in [
        ("dns.google", "not an IP"),
        ("127.0.0.1:0", "1 to 65535"),
        ("127.0.0.1:65536", "1 to 65535"),
        ("127.0.0.1:x", "1 to 65535"),
    ] {
        let r = run(&["dns", "plain.test", "--no-system", "--resolver", resolver]);
        assert_usage_error(&r, "--resolver");
        assert!(r.stderr.contains(why), "{}", r.stderr);
    }
    assert_usage_error(&run(&["dns", "--no-system"]), "NAME");
    assert_eq!(count.load(Ordering::SeqCst), 0, "no query was sent");
}

/// Latencies change from run to run; the snapshot keeps their place.
fn steady(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(" in ") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(" ms") {
            out.push('N');
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    crate::assets::stable(&out)
}

#[test]
fn text_output_snapshot() {
    let (filter, open) = disagreeing();
    let s = [filter.arg(), open.arg()];
    let r = run(&args(
        &["www.chain.test", "filtered.test"],
        &s,
        &["--type", "A", "--color", "never"],
    ));
    assert_eq!(r.code, 1);
    let text = steady(&r.stdout)
        .replace(&filter.arg(), "FILTER")
        .replace(&open.arg(), "OPEN");
    insta::assert_snapshot!(text);
}

#[test]
fn one_refused_type_does_not_hide_a_disagreement_on_another() {
    let filter = DnsServer::start(|name, t| match t {
        hickory_proto::rr::RecordType::A => Reply::Records(vec![a(name, 60, "0.0.0.0")]),
        _ => Reply::Refused,
    });
    let open = DnsServer::start(|name, t| match t {
        hickory_proto::rr::RecordType::A => Reply::Records(vec![a(name, 60, "52.1.2.3")]),
        _ => Reply::Records(vec![]),
    });
    let s = [filter.arg(), open.arg()];
    let (code, r) = run_json(&args(&["partial.test"], &s, &[]));
    assert_eq!(code, 1);
    let c = r.check("dns.compare");
    assert_eq!(c.status, "fail", "{}", c.summary);
    assert!(c.summary.contains("DNS filtering"), "{}", c.summary);
    let c = r.check("dns.resolve");
    assert!(c.summary.contains("REFUSED"), "{}", c.summary);
}

#[test]
fn a_refused_aaaa_does_not_fail_a_name_whose_a_resolves() {
    let server = DnsServer::start(|name, t| match t {
        hickory_proto::rr::RecordType::A => Reply::Records(vec![a(name, 60, "52.1.2.3")]),
        _ => Reply::Refused,
    });
    let s = [server.arg()];
    let (code, r) = run_json(&args(&["api.partial.test"], &s, &[]));
    assert_eq!(
        code, 0,
        "the name resolves over A: a warning, not a failure"
    );
    let c = r.check("dns.resolve");
    assert_eq!(c.status, "warn", "{}", c.summary);
    assert!(
        c.summary
            .starts_with("api.partial.test resolves (A), but not every type: "),
        "{}",
        c.summary
    );
    assert!(c.summary.contains("AAAA REFUSED"), "{}", c.summary);
    let by_type = serde_json::to_string(&c.details["by_type"]).unwrap();
    assert!(by_type.contains("\"A: resolves\""), "{by_type}");
    assert!(
        by_type.contains(&format!("AAAA: REFUSED at {}", server.arg())),
        "{by_type}"
    );
    assert!(c.remediation.iter().any(|s| s.contains("will not resolve")));
    assert_eq!(r.check("dns.public_address").status, "pass");
}

#[test]
fn a_sinkhole_answer_never_counts_as_resolving() {
    let server = DnsServer::start(|name, t| match (name, t) {
        ("ads.tracker.test" | "localhost", hickory_proto::rr::RecordType::A) => {
            Reply::Records(vec![a(name, 60, "127.0.0.1")])
        }
        (n, t) => zones(n, t),
    });
    let s = [server.arg()];
    for (name, shown) in [
        ("blocked.test", "A, AAAA answered 0.0.0.0, ::"),
        ("ads.tracker.test", "A answered 127.0.0.1"),
    ] {
        let (code, r) = run_json(&args(&[name], &s, &[]));
        assert_eq!(code, 1, "{name}");
        let c = r.check("dns.resolve");
        assert_eq!(c.status, "fail", "{name}: {}", c.summary);
        assert!(c.summary.contains("does not resolve"), "{}", c.summary);
        assert!(c.summary.contains(shown), "{}", c.summary);
        assert!(c.summary.contains("sinkhole"), "{}", c.summary);
        assert!(
            c.remediation.iter().any(|s| s.contains("DNS filter")),
            "{:?}",
            c.remediation
        );
    }
    // localhost answering loopback is what it should do.
    let (_, r) = run_json(&args(&["localhost"], &s, &["--type", "A"]));
    assert_eq!(r.check("dns.resolve").status, "pass");
}

#[test]
fn a_closed_resolver_port_is_connection_refused_at_once_not_a_timeout() {
    // A port nothing listens on: the kernel answers ICMP port unreachable.
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = [format!("127.0.0.1:{port}")];
    let started = std::time::Instant::now();
    let (code, r) = run_json(&args(&["plain.test"], &s, &["--timeout", "5s"]));
    let took = started.elapsed();
    assert_eq!(code, 1);
    assert!(
        took < std::time::Duration::from_secs(2),
        "took {took:?}: told apart only after the timeout"
    );
    let c = r.check("dns.resolve");
    assert_eq!(c.status, "fail");
    assert!(c.summary.contains("connection refused"), "{}", c.summary);
    assert!(
        c.remediation
            .iter()
            .all(|s| !s.contains("firewall may drop")),
        "{:?}",
        c.remediation
    );
    assert!(c.remediation[0].contains("Nothing listens for DNS"));
    assert!(answers(&r, "dns.answers").contains("A: CONNREFUSED"));
}
