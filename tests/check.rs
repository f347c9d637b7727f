//! `plumb check SERVICE` against loopback servers that answer as each
//! service's API documents (docs/providers.md, "API calls plumb makes").

use crate::support::http::{Recorded, Reply, Server};
use crate::support::{assert_usage_error, run, run_json, Run};

/// Runs text (-v) and JSON (-v): the secrets appear in neither, nor on stderr.
fn assert_no_secret(args: &[&str], secrets: &[&str]) {
    let mut all = args.to_vec();
    all.push("-v");
    let text = run(&all);
    let mut json = all.clone();
    json.extend(["--format", "json"]);
    let j = run(&json);
    let mut junit = all.clone();
    junit.extend(["--format", "junit"]);
    let x = run(&junit);
    for r in [&text, &j, &x] {
        for s in secrets {
            assert!(!r.stdout.contains(s), "secret in stdout: {}", r.stdout);
            assert!(!r.stderr.contains(s), "secret in stderr: {}", r.stderr);
        }
    }
}

fn status_of(r: &crate::support::schema::Report, id: &str) -> String {
    r.check(id).status.clone()
}

// ---------------------------------------------------------------- stripe

const SK: &str = "sk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH";
const RK: &str = "rk_test_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH";
const WHSEC: &str = "whsec_abcdefghijklmnopqrstuvwxyz012345";
const HOOK: &str = "https://example.com/hooks/stripe";

fn stripe_endpoints(body: &'static str) -> impl Fn(&Recorded) -> Reply + Send + Sync {
    move |req: &Recorded| {
        let auth = req.header("authorization").unwrap_or("");
        if auth == format!("Bearer {RK}") {
            return Reply::json(403, r#"{"error":{"type":"invalid_request_error","message":"The provided key 'rk_test_***FgH' does not have the required permissions for this endpoint on account 'acct_1'. Having the 'rak_balance_read' permission would allow this request to continue."}}"#).header("request-id", "req_403");
        }
        if auth != format!("Bearer {SK}") {
            return Reply::json(401, r#"{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_****FgH"}}"#).header("request-id", "req_401");
        }
        if req.path_and_query.starts_with("/v1/balance") {
            Reply::json(
                200,
                r#"{"object":"balance","livemode":false,"available":[]}"#,
            )
        } else if req.path_and_query.starts_with("/v1/webhook_endpoints") {
            Reply::json(200, body)
        } else {
            Reply::new(404)
        }
    }
}

const ENDPOINTS_OK: &str = r#"{"object":"list","has_more":false,"data":[
  {"id":"we_1","url":"https://example.com/hooks/stripe","status":"enabled","livemode":false,"api_version":"2024-06-20","enabled_events":["customer.created","customer.updated","customer.deleted"]}]}"#;

fn stripe_args<'a>(server: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["check", "stripe", "--api-base", server];
    v.extend_from_slice(extra);
    v
}

#[test]
fn stripe_healthy() {
    let server = Server::http(stripe_endpoints(ENDPOINTS_OK));
    let base = server.url("");
    let args = stripe_args(
        &base,
        &[
            "--api-key",
            SK,
            "--webhook-url",
            HOOK,
            "--webhook-secret",
            WHSEC,
        ],
    );
    let (code, r) = run_json(&args);
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(
        r.ids(),
        vec![
            "stripe.key_format",
            "stripe.webhook_secret",
            "stripe.auth",
            "stripe.webhook_endpoint",
            "stripe.webhook_events"
        ]
    );
    assert!(
        r.checks.iter().all(|c| c.status == "pass"),
        "{:#?}",
        r.checks
    );
    assert_eq!(r.check("stripe.key_format").details["mode"], "test");
    let reqs = server.requests();
    assert!(reqs.iter().any(|q| q.path_and_query == "/v1/balance"));
    assert_no_secret(&args, &[SK, WHSEC]);
}

#[test]
fn stripe_text_snapshot() {
    let server = Server::http(stripe_endpoints(ENDPOINTS_OK));
    let base = server.url("");
    let mut args = stripe_args(&base, &["--api-key", SK, "--webhook-url", HOOK]);
    args.extend(["--color", "never"]);
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let out = crate::assets::stable(&r.stdout).replace(&base, "http://[server]");
    insta::assert_snapshot!(out.replace(&server.addr.to_string(), "[server]"));
}

#[test]
fn stripe_env_vars_are_read() {
    let server = Server::http(stripe_endpoints(ENDPOINTS_OK));
    let base = server.url("");
    let out = crate::support::run_with(
        crate::support::plumb()
            .args(["check", "stripe", "--api-base", &base, "--json"])
            .env("STRIPE_API_KEY", SK)
            .env("STRIPE_WEBHOOK_SECRET", SK),
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    let r = crate::support::schema::parse(&out.stdout, out.code);
    assert_eq!(status_of(&r, "stripe.auth"), "pass");
    let secret = r.check("stripe.webhook_secret");
    assert_eq!(secret.status, "fail");
    assert!(secret.summary.contains("API key"), "{}", secret.summary);
    assert!(!out.stdout.contains(SK));
}

#[test]
fn stripe_bad_and_restricted_keys() {
    let server = Server::http(stripe_endpoints(ENDPOINTS_OK));
    let base = server.url("");
    let bad = "sk_test_51HqLyjWDarjtT1zdp7dcWRONGWRONGWRO";
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key", bad, "--webhook-url", HOOK],
    ));
    assert_eq!(code, 1);
    let auth = r.check("stripe.auth");
    assert_eq!(auth.status, "fail");
    assert!(auth.summary.starts_with("401"));
    assert_eq!(auth.details["request_id"], "req_401");
    assert_eq!(status_of(&r, "stripe.webhook_endpoint"), "skip");

    let (code, r) = run_json(&stripe_args(&base, &["--api-key", RK]));
    assert_eq!(code, 1);
    let auth = r.check("stripe.auth");
    assert!(
        auth.summary.contains("rak_balance_read"),
        "{}",
        auth.summary
    );
    assert!(!auth.remediation.is_empty());
    assert_no_secret(&stripe_args(&base, &["--api-key", RK]), &[RK]);
}

#[test]
fn stripe_publishable_key_fails_offline() {
    let (code, r) = run_json(&[
        "check",
        "stripe",
        "--offline",
        "--api-key",
        "pk_live_51HqLyjWDarjtT1zdp7dcXyZ0aBcDeFgH",
    ]);
    assert_eq!(code, 1);
    let key = r.check("stripe.key_format");
    assert_eq!(key.status, "fail");
    assert!(key.summary.contains("publishable"));
    assert_eq!(status_of(&r, "stripe.auth"), "skip");
}

#[test]
fn stripe_missing_and_near_endpoint() {
    let server = Server::http(stripe_endpoints(
        r#"{"object":"list","has_more":false,"data":[{"id":"we_1","url":"http://example.com/hooks/stripe/","status":"enabled","livemode":false,"enabled_events":["*"]}]}"#,
    ));
    let base = server.url("");
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key", SK, "--webhook-url", HOOK],
    ));
    assert_eq!(code, 1);
    let ep = r.check("stripe.webhook_endpoint");
    assert_eq!(ep.status, "fail");
    assert_eq!(
        ep.details["near_matches"][0],
        "http://example.com/hooks/stripe/"
    );
    assert_eq!(status_of(&r, "stripe.webhook_events"), "skip");
}

#[test]
fn stripe_disabled_endpoint_missing_events_and_star() {
    let server = Server::http(stripe_endpoints(
        r#"{"object":"list","has_more":false,"data":[{"id":"we_1","url":"https://example.com/hooks/stripe","status":"disabled","livemode":false,"enabled_events":["customer.created"]}]}"#,
    ));
    let base = server.url("");
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key", SK, "--webhook-url", HOOK, "--subscriptions"],
    ));
    assert_eq!(code, 1);
    assert_eq!(status_of(&r, "stripe.webhook_endpoint"), "fail");
    let ev = r.check("stripe.webhook_events");
    assert_eq!(ev.status, "fail");
    assert_eq!(ev.details["missing_events"].as_array().unwrap().len(), 5);

    let star = Server::http(stripe_endpoints(
        r#"{"object":"list","has_more":false,"data":[{"id":"we_1","url":"https://example.com/hooks/stripe","status":"enabled","livemode":true,"enabled_events":["*"]}]}"#,
    ));
    let base = star.url("");
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key", SK, "--webhook-url", HOOK, "--subscriptions"],
    ));
    assert_eq!(code, 0, "warnings exit 0");
    assert_eq!(status_of(&r, "stripe.webhook_events"), "pass");
    assert_eq!(
        status_of(&r, "stripe.webhook_endpoint"),
        "warn",
        "live endpoint, test key"
    );
}

#[test]
fn stripe_endpoints_are_paginated() {
    let server = Server::http(|req: &Recorded| {
        if req.path_and_query.starts_with("/v1/balance") {
            return Reply::json(200, "{}");
        }
        if req.path_and_query.contains("starting_after=we_1") {
            Reply::json(
                200,
                r#"{"has_more":false,"data":[{"id":"we_2","url":"https://example.com/hooks/stripe","status":"enabled","livemode":false,"enabled_events":["*"]}]}"#,
            )
        } else {
            Reply::json(
                200,
                r#"{"has_more":true,"data":[{"id":"we_1","url":"https://other.example/x","status":"enabled","livemode":false,"enabled_events":["*"]}]}"#,
            )
        }
    });
    let base = server.url("");
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key", SK, "--webhook-url", HOOK],
    ));
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(
        r.check("stripe.webhook_endpoint").details["endpoint_id"],
        "we_2"
    );
}

#[test]
fn redirect_to_another_host_is_not_followed() {
    let server = Server::http(|_: &Recorded| {
        Reply::new(301).header("location", "http://127.0.0.2:9/v1/balance")
    });
    let base = server.url("");
    let (code, r) = run_json(&stripe_args(&base, &["--api-key", SK]));
    assert_eq!(code, 1);
    let auth = r.check("stripe.auth");
    assert_eq!(auth.status, "fail");
    assert!(auth.summary.contains("redirect"), "{}", auth.summary);
    assert_eq!(server.requests().len(), 1, "only the first call was made");
}

#[test]
fn credentials_never_go_over_plain_http_to_a_remote_host() {
    let (code, r) = run_json(&[
        "check",
        "stripe",
        "--api-key",
        SK,
        "--api-base",
        "http://192.0.2.1:9",
        "--timeout",
        "2s",
    ]);
    assert_eq!(code, 1);
    let auth = r.check("stripe.auth");
    assert_eq!(auth.details["phase"], "policy");
}

// ------------------------------------------------------------- bad input

#[test]
fn bad_input_is_one_line_naming_the_flag() {
    let r: Run = run(&["check", "paypal"]);
    assert_usage_error(&r, "paypal");
    assert_usage_error(&run(&["check", "stripe"]), "--api-key");
    assert_usage_error(&run(&["check", "stripe", "--api-key", ""]), "--api-key");
    assert_usage_error(
        &run(&["check", "stripe", "--api-key", SK, "--api-base", "nope"]),
        "--api-base",
    );
    assert_usage_error(
        &run(&["check", "stripe", "--api-key", SK, "--webhook-url", "x"]),
        "--webhook-url",
    );
}

// --------------------------------------------------------------- shopify

const SHPAT: &str = "shpat_0123456789abcdef0123456789abcdef";
const SHOP_JSON: &str = r#"{"shop":{"id":1,"name":"Acme","domain":"shop.acme.example","myshopify_domain":"acme.myshopify.com","plan_name":"professional","plan_display_name":"Shopify"}}"#;

/// A Shopify Admin API: `status`/`body` for shop.json, `scopes` for
/// access_scopes.json, and the headers Shopify sends.
fn shopify(
    status: u16,
    body: &'static str,
    scopes: &'static str,
    version: &'static str,
    limit: &'static str,
) -> Server {
    Server::http(move |req: &Recorded| {
        if req.header("x-shopify-access-token") != Some(SHPAT) {
            return Reply::json(401, r#"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#)
                .header("x-request-id", "req-401");
        }
        if req.path_and_query == "/admin/oauth/access_scopes.json" {
            return Reply::json(200, scopes);
        }
        if req.path_and_query.starts_with("/admin/api/")
            && req.path_and_query.ends_with("/shop.json")
        {
            return Reply::json(status, body)
                .header("x-shopify-api-version", version)
                .header("x-shopify-shop-api-call-limit", limit)
                .header("x-request-id", "req-shop");
        }
        Reply::new(404)
    })
}

const ALL_SCOPES: &str = r#"{"access_scopes":[{"handle":"read_customers"},{"handle":"read_orders"},{"handle":"read_products"}]}"#;

fn shopify_args<'a>(base: &'a str, token: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "check",
        "shopify",
        "--api-base",
        base,
        "--store",
        "acme",
        "--token",
        token,
    ];
    v.extend_from_slice(extra);
    v
}

#[test]
fn shopify_healthy() {
    let server = shopify(200, SHOP_JSON, ALL_SCOPES, "2026-10", "1/40");
    let base = server.url("");
    let args = shopify_args(&base, SHPAT, &[]);
    let (code, r) = run_json(&args);
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(
        r.ids(),
        vec![
            "shopify.store_url",
            "shopify.token_format",
            "shopify.auth",
            "shopify.scopes",
            "shopify.plan",
            "shopify.api_version",
            "shopify.rate_limit"
        ]
    );
    assert!(
        r.checks.iter().all(|c| c.status == "pass"),
        "{:#?}",
        r.checks
    );
    assert_eq!(r.target, "acme.myshopify.com");
    assert_eq!(
        r.check("shopify.auth").details["myshopify_domain"],
        "acme.myshopify.com"
    );
    assert!(server
        .requests()
        .iter()
        .any(|q| q.path_and_query == "/admin/api/2026-10/shop.json"));
    assert_no_secret(&args, &[SHPAT]);

    let mut text = args.clone();
    text.extend(["--color", "never"]);
    let out = run(&text);
    insta::assert_snapshot!("shopify_text", crate::assets::stable(&out.stdout));
}

#[test]
fn shopify_bad_token_and_app_secret() {
    let server = shopify(200, SHOP_JSON, ALL_SCOPES, "2026-10", "1/40");
    let base = server.url("");
    let wrong = "shpat_ffffffffffffffffffffffffffffffff";
    let (code, r) = run_json(&shopify_args(&base, wrong, &[]));
    assert_eq!(code, 1);
    let auth = r.check("shopify.auth");
    assert!(auth.summary.starts_with("401"));
    assert_eq!(auth.details["request_id"], "req-401");
    assert!(auth.details["error_message"]
        .as_str()
        .unwrap()
        .contains("Invalid API key"));
    assert_eq!(r.check("shopify.scopes").status, "skip");
    assert_no_secret(&shopify_args(&base, wrong, &[]), &[wrong]);

    let secret = "shpss_0123456789abcdef0123456789abcdef";
    let (code, r) = run_json(&shopify_args(&base, secret, &[]));
    assert_eq!(code, 1);
    assert!(r
        .check("shopify.token_format")
        .summary
        .contains("client secret"));
    assert!(server
        .requests()
        .iter()
        .all(|q| q.header("x-shopify-access-token") != Some(secret)));
}

#[test]
fn shopify_missing_scope_and_required_scope() {
    let server = shopify(
        200,
        SHOP_JSON,
        r#"{"access_scopes":[{"handle":"read_customers"}]}"#,
        "2026-10",
        "1/40",
    );
    let base = server.url("");
    let (code, r) = run_json(&shopify_args(
        &base,
        SHPAT,
        &["--require-scope", "read_inventory"],
    ));
    assert_eq!(code, 1);
    let scopes = r.check("shopify.scopes");
    assert_eq!(scopes.status, "fail");
    assert_eq!(
        scopes.details["missing"],
        serde_json::json!(["read_orders", "read_inventory"])
    );
    assert!(scopes.remediation[0].contains("Admin API access scopes"));
}

#[test]
fn shopify_frozen_and_locked_stores() {
    for (status, needle) in [
        (402, "frozen"),
        (423, "locked"),
        (404, "no such store"),
        (403, "may not"),
    ] {
        let server = shopify(
            status,
            r#"{"errors":"Unavailable Shop"}"#,
            ALL_SCOPES,
            "2026-10",
            "1/40",
        );
        let base = server.url("");
        let (code, r) = run_json(&shopify_args(&base, SHPAT, &[]));
        assert_eq!(code, 1);
        let auth = r.check("shopify.auth");
        assert!(
            auth.summary.starts_with(&status.to_string()),
            "{}",
            auth.summary
        );
        assert!(auth.summary.contains(needle), "{}", auth.summary);
        assert!(!auth.remediation.is_empty());
    }
}

#[test]
fn shopify_unsupported_version_call_limit_and_plans() {
    let server = shopify(
        200,
        r#"{"shop":{"name":"Acme","plan_name":"basic","plan_display_name":"Basic"}}"#,
        ALL_SCOPES,
        "2025-10",
        "38/40",
    );
    let base = server.url("");
    let (code, r) = run_json(&shopify_args(&base, SHPAT, &["--api-version", "2024-01"]));
    assert_eq!(code, 0, "warnings exit 0");
    let v = r.check("shopify.api_version");
    assert_eq!(v.status, "warn");
    assert_eq!(v.details["served"], "2025-10");
    let l = r.check("shopify.rate_limit");
    assert_eq!(l.status, "warn");
    assert_eq!(l.details["percent_used"], 95);
    assert_eq!(r.check("shopify.plan").status, "warn");
    let (code, _) = run_json(&shopify_args(
        &base,
        SHPAT,
        &["--api-version", "2024-01", "--fail-on", "warn"],
    ));
    assert_eq!(code, 1);

    let starter = shopify(
        200,
        r#"{"shop":{"plan_name":"starter"}}"#,
        ALL_SCOPES,
        "2026-10",
        "1/40",
    );
    let base = starter.url("");
    let (code, r) = run_json(&shopify_args(&base, SHPAT, &[]));
    assert_eq!(code, 1);
    assert_eq!(r.check("shopify.plan").status, "fail");
}

#[test]
fn shopify_store_forms() {
    let (code, r) = run_json(&[
        "check",
        "shopify",
        "--offline",
        "--store",
        "https://acme.myshopify.com/admin/orders",
        "--token",
        SHPAT,
    ]);
    assert_eq!(code, 0);
    assert!(r
        .check("shopify.store_url")
        .summary
        .contains("acme.myshopify.com"));
    let (code, r) = run_json(&[
        "check",
        "shopify",
        "--offline",
        "--store",
        "shop.acme.com",
        "--token",
        SHPAT,
    ]);
    assert_eq!(code, 1);
    let s = r.check("shopify.store_url");
    assert!(s.summary.contains("custom domain"));
    assert!(s.remediation[0].contains("Settings > Domains"));
    let (code, r) = run_json(&[
        "check",
        "shopify",
        "--offline",
        "--store",
        "my_shop",
        "--token",
        SHPAT,
    ]);
    assert_eq!(code, 1);
    assert_eq!(r.check("shopify.store_url").status, "fail");
    assert_usage_error(
        &run(&["check", "shopify", "--store", "", "--token", SHPAT]),
        "--store",
    );
    assert_usage_error(
        &run(&["check", "shopify", "--store", "a b", "--token", SHPAT]),
        "--store",
    );
    assert_usage_error(&run(&["check", "shopify", "--store", "acme"]), "--token");
    assert_usage_error(
        &run(&[
            "check",
            "shopify",
            "--store",
            "acme",
            "--token",
            SHPAT,
            "--api-version",
            "latest",
        ]),
        "--api-version",
    );
}

// ------------------------------------------------------------- mailchimp

const MC: &str = "0123456789abcdef0123456789abcdef-us6";

fn mailchimp(ping: u16, ping_body: &'static str) -> Server {
    Server::http(move |req: &Recorded| {
        use base64::Engine;
        let expected = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("plumb:{MC}"))
        );
        let problem = |status: u16, title: &str, detail: &str| {
            Reply::new(status)
                .header("content-type", "application/problem+json")
                .body(format!(r#"{{"type":"https://mailchimp.com/developer/marketing/docs/errors/","title":"{title}","status":{status},"detail":"{detail}","instance":"abc-123"}}"#))
        };
        if req.header("authorization") != Some(expected.as_str()) {
            return problem(
                401,
                "API Key Invalid",
                "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
            );
        }
        match req.path_and_query.as_str() {
            "/3.0/ping" if ping == 200 => {
                Reply::json(200, r#"{"health_status":"Everything's Chimpy!"}"#)
            }
            "/3.0/ping" => problem(ping, "User Disabled", ping_body),
            "/3.0/" => Reply::json(
                200,
                r#"{"account_id":"a1","account_name":"Acme Ltd","pricing_plan_type":"monthly"}"#,
            ),
            _ => Reply::new(404),
        }
    })
}

fn mc_args<'a>(base: &'a str, key: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["check", "mailchimp", "--api-base", base, "--api-key", key];
    v.extend_from_slice(extra);
    v
}

#[test]
fn mailchimp_healthy() {
    let server = mailchimp(200, "");
    let base = server.url("");
    let args = mc_args(
        &base,
        MC,
        &["--account-url", "https://us6.admin.mailchimp.com/"],
    );
    let (code, r) = run_json(&args);
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(
        r.ids(),
        vec![
            "mailchimp.key_format",
            "mailchimp.datacenter",
            "mailchimp.auth",
            "mailchimp.account"
        ]
    );
    assert!(
        r.checks.iter().all(|c| c.status == "pass"),
        "{:#?}",
        r.checks
    );
    assert_eq!(
        r.check("mailchimp.account").details["account_name"],
        "Acme Ltd"
    );
    assert_eq!(r.check("mailchimp.account").details["plan"], "monthly");
    assert_no_secret(&args, &[MC, "0123456789abcdef0123456789abcdef"]);
    let mut text = args.clone();
    text.extend(["--color", "never"]);
    let out = run(&text);
    let shown = crate::assets::stable(&out.stdout).replace(&server.addr.to_string(), "[server]");
    insta::assert_snapshot!("mailchimp_text", shown);
}

#[test]
fn mailchimp_wrong_data_centre_fails_offline() {
    let (code, r) = run_json(&[
        "check",
        "mailchimp",
        "--offline",
        "--api-key",
        MC,
        "--account-url",
        "https://us1.admin.mailchimp.com",
    ]);
    assert_eq!(code, 1);
    let dc = r.check("mailchimp.datacenter");
    assert_eq!(dc.status, "fail");
    assert_eq!(dc.details["account_data_centre"], "us1");
    let (code, r) = run_json(&[
        "check",
        "mailchimp",
        "--offline",
        "--api-key",
        "0123456789abcdef0123456789abcdef",
    ]);
    assert_eq!(code, 1);
    assert!(r
        .check("mailchimp.key_format")
        .summary
        .contains("without the -dc suffix"));
}

#[test]
fn mailchimp_invalid_key_and_disabled_account() {
    let server = mailchimp(200, "");
    let base = server.url("");
    let wrong = "ffffffffffffffffffffffffffffffff-us6";
    let (code, r) = run_json(&mc_args(&base, wrong, &[]));
    assert_eq!(code, 1);
    let auth = r.check("mailchimp.auth");
    assert!(auth.summary.contains("API Key Invalid"));
    assert_eq!(auth.details["error_code"], "API Key Invalid");
    assert_eq!(r.check("mailchimp.account").status, "skip");

    let disabled = mailchimp(403, "This account has been disabled.");
    let base = disabled.url("");
    let (code, r) = run_json(&mc_args(&base, MC, &[]));
    assert_eq!(code, 1);
    let auth = r.check("mailchimp.auth");
    assert!(auth.summary.contains("disabled or suspended"));
    assert_eq!(
        auth.details["error_message"],
        "This account has been disabled."
    );
}

#[test]
fn mailchimp_bad_input() {
    assert_usage_error(&run(&["check", "mailchimp"]), "--api-key");
    assert_usage_error(
        &run(&[
            "check",
            "mailchimp",
            "--api-key",
            MC,
            "--account-url",
            "us1",
        ]),
        "--account-url",
    );
}

// ----------------------------------------------------------- woocommerce

const CK: &str = "ck_0123456789abcdef0123456789abcdef01234567";
const CS: &str = "cs_0123456789abcdef0123456789abcdef01234567";
const WP_INDEX: &str = r#"{"name":"Acme","namespaces":["oembed/1.0","wp/v2","wc/v3"]}"#;

/// A WordPress site: `pretty` says whether /wp-json/ works (else Plain
/// permalinks), `index` is the REST index, `auth` answers wc/v3 calls.
fn wordpress(
    pretty: bool,
    index: &'static str,
    auth: (u16, &'static str),
) -> impl Fn(&Recorded) -> Reply + Send + Sync {
    move |req: &Recorded| {
        let p = req.path_and_query.as_str();
        let wc = p.starts_with("/wp-json/wc/v3/") || p.starts_with("/?rest_route=/wc/v3/");
        if wc {
            use base64::Engine;
            let good = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{CK}:{CS}"))
            );
            if req.header("authorization") == Some(good.as_str()) {
                return Reply::json(auth.0, auth.1);
            }
            return Reply::json(
                401,
                r#"{"code":"woocommerce_rest_authentication_error","message":"Consumer secret is invalid.","data":{"status":401}}"#,
            );
        }
        match p {
            "/wp-json/" if pretty => Reply::json(200, index),
            "/?rest_route=/" => Reply::json(200, index),
            _ => Reply::new(404).body("<html>not found</html>"),
        }
    }
}

struct Woo {
    server: Server,
    _pki: crate::support::tls::Pki,
    ca: tempfile::NamedTempFile,
}

impl Woo {
    fn start(pretty: bool, index: &'static str, auth: (u16, &'static str)) -> Self {
        use crate::support::tls::{Leaf, Pki, BOTH};
        let pki = Pki::new();
        let ca = pki.ca_file();
        let server = Server::https(
            wordpress(pretty, index, auth),
            pki.server_config(Leaf::Valid, BOTH),
        );
        Woo {
            server,
            _pki: pki,
            ca,
        }
    }

    fn url(&self) -> String {
        format!("https://localhost:{}", self.server.addr.port())
    }

    fn ca(&self) -> &str {
        self.ca.path().to_str().unwrap()
    }
}

fn woo_args<'a>(url: &'a str, ca: &'a str, key: &'a str, secret: &'a str) -> Vec<&'a str> {
    vec![
        "check",
        "woocommerce",
        "--url",
        url,
        "--consumer-key",
        key,
        "--consumer-secret",
        secret,
        "--ca-file",
        ca,
    ]
}

#[test]
fn woocommerce_healthy_over_https_with_a_private_ca() {
    let woo = Woo::start(true, WP_INDEX, (200, r#"{"environment":{}}"#));
    let url = woo.url();
    let args = woo_args(&url, woo.ca(), CK, CS);
    let (code, r) = run_json(&args);
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(
        r.ids(),
        vec![
            "woocommerce.https",
            "woocommerce.rest_api",
            "woocommerce.permalinks",
            "woocommerce.key_format",
            "woocommerce.auth"
        ]
    );
    assert!(
        r.checks.iter().all(|c| c.status == "pass"),
        "{:#?}",
        r.checks
    );
    assert_no_secret(&args, &[CK, CS]);
    let mut text = args.clone();
    text.extend(["--color", "never"]);
    let out = run(&text);
    let shown =
        crate::assets::stable(&out.stdout).replace(&woo.server.addr.port().to_string(), "[port]");
    insta::assert_snapshot!("woocommerce_text", shown);
}

#[test]
fn woocommerce_untrusted_certificate_is_reported_by_the_tls_checks() {
    let woo = Woo::start(true, WP_INDEX, (200, "{}"));
    let url = woo.url();
    let (code, r) = run_json(&[
        "check",
        "woocommerce",
        "--url",
        &url,
        "--consumer-key",
        CK,
        "--consumer-secret",
        CS,
    ]);
    assert_eq!(code, 1);
    assert_eq!(r.check("woocommerce.https").status, "fail");
    assert_eq!(r.check("tls.trust").status, "fail", "{:?}", r.ids());
    assert!(
        woo.server.requests().is_empty(),
        "nothing was sent over an untrusted connection"
    );
}

#[test]
fn woocommerce_plain_permalinks() {
    let woo = Woo::start(false, WP_INDEX, (200, "{}"));
    let url = woo.url();
    let (code, r) = run_json(&woo_args(&url, woo.ca(), CK, CS));
    assert_eq!(code, 1);
    let p = r.check("woocommerce.permalinks");
    assert_eq!(p.status, "fail");
    assert!(p.remediation[0].contains("Settings > Permalinks"));
    assert_eq!(r.check("woocommerce.rest_api").status, "pass");
    assert_eq!(
        r.check("woocommerce.auth").status,
        "pass",
        "auth used ?rest_route="
    );
}

#[test]
fn woocommerce_missing_namespace() {
    let woo = Woo::start(
        true,
        r#"{"namespaces":["oembed/1.0","wp/v2"]}"#,
        (200, "{}"),
    );
    let url = woo.url();
    let (code, r) = run_json(&woo_args(&url, woo.ca(), CK, CS));
    assert_eq!(code, 1);
    let rest = r.check("woocommerce.rest_api");
    assert_eq!(rest.status, "fail");
    assert!(rest.summary.contains("wc/v3"));
    assert_eq!(r.check("woocommerce.auth").status, "skip");
}

#[test]
fn woocommerce_wrong_secret_and_no_read_permission() {
    let woo = Woo::start(true, WP_INDEX, (200, "{}"));
    let url = woo.url();
    let wrong = "cs_ffffffffffffffffffffffffffffffffffffffff";
    let args = woo_args(&url, woo.ca(), CK, wrong);
    let (code, r) = run_json(&args);
    assert_eq!(code, 1);
    let auth = r.check("woocommerce.auth");
    assert!(
        auth.summary.contains("consumer secret is wrong"),
        "{}",
        auth.summary
    );
    assert_eq!(
        auth.details["error_code"],
        "woocommerce_rest_authentication_error"
    );
    assert_no_secret(&args, &[CK, wrong]);

    let woo = Woo::start(
        true,
        WP_INDEX,
        (
            403,
            r#"{"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":403}}"#,
        ),
    );
    let url = woo.url();
    let (code, r) = run_json(&woo_args(&url, woo.ca(), CK, CS));
    assert_eq!(code, 1);
    assert!(r
        .check("woocommerce.auth")
        .summary
        .contains("lacks read permission"));
}

#[test]
fn woocommerce_plain_http_sends_no_keys_and_swapped_keys_are_named() {
    let server = Server::http(wordpress(true, WP_INDEX, (200, "{}")));
    let url = server.url("");
    let (code, r) = run_json(&[
        "check",
        "woocommerce",
        "--url",
        &url,
        "--consumer-key",
        CK,
        "--consumer-secret",
        CS,
    ]);
    assert_eq!(code, 1);
    assert_eq!(r.check("woocommerce.https").status, "fail");
    assert_eq!(r.check("woocommerce.auth").status, "skip");
    assert!(server
        .requests()
        .iter()
        .all(|q| q.header("authorization").is_none()));

    let (code, r) = run_json(&[
        "check",
        "woocommerce",
        "--offline",
        "--url",
        "https://shop.example.com",
        "--consumer-key",
        CS,
        "--consumer-secret",
        CK,
    ]);
    assert_eq!(code, 1);
    assert!(r
        .check("woocommerce.key_format")
        .summary
        .contains("swapped"));
}

#[test]
fn woocommerce_bad_input() {
    assert_usage_error(
        &run(&[
            "check",
            "woocommerce",
            "--url",
            "",
            "--consumer-key",
            CK,
            "--consumer-secret",
            CS,
        ]),
        "--url",
    );
    assert_usage_error(
        &run(&[
            "check",
            "woocommerce",
            "--url",
            "shop",
            "--consumer-key",
            CK,
            "--consumer-secret",
            CS,
        ]),
        "--url",
    );
    assert_usage_error(
        &run(&[
            "check",
            "woocommerce",
            "--url",
            "https://shop.example.com",
            "--consumer-key",
            CK,
        ]),
        "--consumer-secret",
    );
}

#[test]
fn help_never_shows_a_secret_from_the_environment() {
    let r = crate::support::run_with(
        crate::support::plumb()
            .args(["check", "stripe", "--help"])
            .env("STRIPE_API_KEY", SK)
            .env("STRIPE_WEBHOOK_SECRET", WHSEC),
    );
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains(SK) && !r.stdout.contains(WHSEC));
}

#[test]
fn a_silent_api_is_bounded_by_the_timeout() {
    let silent = crate::support::http::Silent::start();
    let base = format!("http://{}", silent.addr);
    let (code, r) = run_json(&[
        "check",
        "mailchimp",
        "--api-key",
        MC,
        "--api-base",
        &base,
        "--timeout",
        "300ms",
    ]);
    assert_eq!(code, 1);
    let auth = r.check("mailchimp.auth");
    assert_eq!(auth.status, "fail");
    assert_eq!(auth.details["phase"], "http");
    assert!(auth.summary.contains("within"), "{}", auth.summary);
    assert_eq!(r.check("mailchimp.account").status, "skip");
}

#[test]
fn secrets_can_come_from_files() {
    let server = Server::http(stripe_endpoints(ENDPOINTS_OK));
    let base = server.url("");
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key");
    std::fs::write(&key, format!("{SK}\n")).unwrap();
    let secret = dir.path().join("whsec");
    std::fs::write(&secret, WHSEC).unwrap();
    let (k, s) = (key.to_str().unwrap(), secret.to_str().unwrap());
    let (code, r) = run_json(&stripe_args(
        &base,
        &["--api-key-file", k, "--webhook-secret-file", s],
    ));
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(r.check("stripe.auth").status, "pass");
    assert_eq!(r.check("stripe.webhook_secret").status, "pass");

    let empty = dir.path().join("empty");
    std::fs::write(&empty, "\n").unwrap();
    assert_usage_error(
        &run(&["check", "stripe", "--api-key-file", empty.to_str().unwrap()]),
        "--api-key-file",
    );
    assert_usage_error(
        &run(&[
            "check",
            "shopify",
            "--store",
            "acme",
            "--token-file",
            "/nonexistent/token",
        ]),
        "--token-file",
    );
}

#[test]
fn woocommerce_in_a_folder_through_api_base() {
    let inner = wordpress(true, WP_INDEX, (200, "{}"));
    let server =
        Server::http(
            move |req: &Recorded| match req.path_and_query.strip_prefix("/shop") {
                Some(rest) => {
                    let mut r = req.clone();
                    r.path_and_query = rest.to_string();
                    inner(&r)
                }
                None => Reply::new(404),
            },
        );
    let base = server.url("");
    let (code, r) = run_json(&[
        "check",
        "woocommerce",
        "--url",
        "https://shop.example.com/shop/",
        "--api-base",
        &base,
        "--consumer-key",
        CK,
        "--consumer-secret",
        CS,
    ]);
    assert_eq!(code, 0, "{:#?}", r.checks);
    assert_eq!(r.check("woocommerce.auth").status, "pass");
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|q| q.path_and_query.clone())
        .collect();
    assert_eq!(
        paths,
        vec!["/shop/wp-json/", "/shop/wp-json/wc/v3/system_status"]
    );
}

#[test]
fn a_secret_echoed_by_the_server_is_masked() {
    let server = Server::http(|req: &Recorded| {
        let sent = req
            .header("authorization")
            .unwrap_or("")
            .replace("Bearer ", "");
        Reply::json(
            401,
            &format!(
                r#"{{"error":{{"type":"invalid_request_error","message":"Invalid API Key provided: {sent}"}}}}"#
            ),
        )
    });
    let base = server.url("");
    let args = stripe_args(&base, &["--api-key", SK]);
    let (code, r) = run_json(&args);
    assert_eq!(code, 1);
    let msg = r.check("stripe.auth").details["error_message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.ends_with("sk_test_…eFgH"), "{msg}");
    assert_no_secret(&args, &[SK]);
}
