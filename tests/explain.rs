use crate::support::{assert_usage_error, run, run_json};

#[test]
fn explains_an_http_status_with_remedy_for_a_context() {
    let (code, report) = run_json(&["explain", "429", "--context", "custom-node"]);
    assert_eq!(code, 0);
    assert_eq!(report.command, "explain");
    let c = report.check("explain.http.429");
    assert_eq!(c.status, "info");
    assert_eq!(c.details["context"], "custom-node");
    assert!(!c.remediation.is_empty());
}

#[test]
fn forgiving_lookup_of_messages_statuses_and_typos() {
    for (query, id) in [
        ("Connection timeout", "explain.log.connection_timeout"),
        ("RATE-LIMITED", "explain.status.rate_limited"),
        ("Expired Credentials", "explain.status.expired_credentials"),
        (
            "woocommerce_rest_authentication_error",
            "explain.error.woocommerce_rest_authentication_error",
        ),
        ("HTTP/1.1 503 Service Unavailable", "explain.http.503"),
        ("Invalid signture", "explain.log.invalid_signature"),
        ("882", "explain.code.882"),
    ] {
        let (code, report) = run_json(&["explain", query]);
        assert_eq!(code, 0, "{query}");
        assert_eq!(report.ids(), vec![id], "{query}");
    }
}

#[test]
fn several_words_are_joined_into_one_query() {
    let (code, report) = run_json(&["explain", "Record", "validation", "failed"]);
    assert_eq!(code, 0);
    assert_eq!(report.ids(), vec!["explain.log.record_validation_failed"]);
}

#[test]
fn unknown_and_empty_queries_exit_2_with_suggestions() {
    let r = run(&["explain", "xyzzy plugh"]);
    assert_usage_error(&r, "plumb explain --list");
    assert!(
        !r.stderr.contains("closest"),
        "no unrelated suggestions: {}",
        r.stderr
    );
    assert_usage_error(
        &run(&["explain", "mailchimp member already there"]),
        "closest: 'member exists'",
    );
    assert_usage_error(&run(&["explain", ""]), "QUERY is empty");
    assert_usage_error(&run(&["explain"]), "QUERY");
}

#[test]
fn list_prints_the_whole_catalogue() {
    let (code, report) = run_json(&["explain", "--list"]);
    assert_eq!(code, 0);
    assert!(report.checks.len() >= 50, "{}", report.checks.len());
    assert!(report.ids().contains(&"explain.code.884"));
}

#[test]
fn text_output_snapshot() {
    let r = run(&["explain", "401", "--context", "prebuilt"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!(crate::assets::stable(&r.stdout));
}

/// A pasted line with a credential in it: the credential is masked in the
/// text header, the JSON target, JUnit and the exit-2 error line alike.
#[test]
fn credentials_in_a_pasted_line_are_never_echoed() {
    let keys = [
        ("sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv", "AbCdEfGhIj"),
        ("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", "0a1b2c3d4e"),
        ("ck_9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", "9f8e7d6c5b"),
        ("0a1b2c3d4e5f60718293a4b5c6d7e8f9-us6", "0a1b2c3d4e"),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "MfKQ9r8GKY"),
    ];
    for (key, piece) in keys {
        let line = format!("Invalid API Key provided: {key}");
        for format in ["text", "json", "junit"] {
            let r = run(&["explain", &line, "--format", format]);
            assert_eq!(r.code, 0, "{format} {key}");
            assert!(!r.stdout.contains(piece), "{format}: {}", r.stdout);
        }
        let (_, report) = run_json(&["explain", &line]);
        assert!(
            report.target.starts_with("Invalid API Key provided: "),
            "{}",
            report.target
        );
        let r = run(&["explain", &format!("zzqq {key} plugh")]);
        assert_eq!(r.code, 2);
        assert!(!r.stderr.contains(piece), "{}", r.stderr);
    }
}

#[test]
fn network_errors_as_runtimes_and_curl_print_them() {
    for (query, id) in [
        ("Error: read ECONNRESET", "net.connection_reset"),
        ("Error: socket hang up", "net.connection_reset"),
        ("Error: connect ECONNREFUSED 127.0.0.1:443", "net.connection_refused"),
        ("dial tcp 10.0.0.1:443: connect: connection refused", "net.connection_refused"),
        ("curl: (7) Failed to connect to api.example.com port 443 after 3 ms: Couldn't connect to server", "net.connection_refused"),
        ("Error: connect ETIMEDOUT 10.0.0.1:443", "net.timeout"),
        ("curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received", "net.timeout"),
        ("Get \"https://api.example.com\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", "net.timeout"),
        ("getaddrinfo EAI_AGAIN api.example.com", "net.eai_again"),
        ("getaddrinfo ENOTFOUND api.example.com", "log.dns_failure"),
        ("dial tcp: lookup api.example.com: no such host", "net.enotfound"),
        ("java.net.UnknownHostException: api.example.com", "net.enotfound"),
        ("curl: (6) Could not resolve host: api.example.com", "log.dns_failure"),
        ("x509: certificate signed by unknown authority", "net.unknown_authority"),
        ("Error: unable to get local issuer certificate", "net.unknown_authority"),
        ("javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target", "net.unknown_authority"),
        ("curl: (60) SSL certificate problem: self signed certificate in certificate chain", "net.unknown_authority"),
        ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired", "log.tls_error"),
        ("curl: (35) OpenSSL/3.0.11: error:0A00010B:SSL routines::wrong version number", "net.tls_connect"),
        ("requests.exceptions.ConnectionError: ConnectionResetError(104, 'Connection reset by peer')", "net.connection_reset"),
        ("java.net.SocketException: Connection reset", "net.connection_reset"),
        ("write EPIPE", "net.connection_reset"),
        ("connect EHOSTUNREACH 10.0.0.1:443", "net.unreachable"),
    ] {
        let (code, report) = run_json(&["explain", query]);
        assert_eq!(code, 0, "{query}");
        assert_eq!(report.ids(), vec![format!("explain.{id}").as_str()], "{query}");
    }
}

#[test]
fn oauth_provider_codes_and_redirects() {
    for (query, id) in [
        (r#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#, "oauth.invalid_grant"),
        ("invalid_client", "oauth.invalid_client"),
        ("unauthorized_client", "oauth.invalid_client"),
        ("Expired API Key provided: sk_live_****1234", "stripe.api_key_expired"),
        ("api_key_expired", "stripe.api_key_expired"),
        ("resource_missing", "stripe.resource_missing"),
        ("rate_limit_error", "stripe.rate_limit"),
        ("Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.", "shopify.throttled"),
        ("[API] Invalid API key or access token (unrecognized login or wrong password)", "shopify.invalid_token"),
        ("Member Exists", "mailchimp.member_exists"),
        ("Resource Not Found", "mailchimp.resource_not_found"),
        ("rest_no_route", "woocommerce.rest_no_route"),
        ("No route was found matching the URL and request method.", "woocommerce.rest_no_route"),
        ("woocommerce_rest_cannot_edit", "error.woocommerce_rest_cannot_view"),
        ("422", "http.422"),
    ] {
        let (code, report) = run_json(&["explain", query]);
        assert_eq!(code, 0, "{query}");
        assert_eq!(report.ids(), vec![format!("explain.{id}").as_str()], "{query}");
    }
    for status in 300..=308 {
        let (code, report) = run_json(&["explain", &status.to_string()]);
        assert_eq!(code, 0, "{status}");
        assert_eq!(
            report.ids(),
            vec![format!("explain.http.{status}").as_str()]
        );
    }
}

/// A mistyped command gets the command it was meant to be, swapped
/// letters included (clap's own tip misses `dsn` and `tsl`).
#[test]
fn mistyped_commands_suggest_the_right_one() {
    for (typed, meant) in [
        ("dsn", "'dns'"),
        ("tsl", "'tls'"),
        ("lgos", "'logs'"),
        ("explian", "'explain'"),
    ] {
        let r = run(&[typed]);
        assert_usage_error(&r, &format!("did you mean {meant}"));
    }
}
