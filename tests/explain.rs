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
    assert_usage_error(&run(&["explain", "xyzzy plugh"]), "closest:");
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
