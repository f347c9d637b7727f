use crate::support::{assert_usage_error, plumb, run, run_json, run_stdin, run_with};

const KEY: &str = "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt";
const HEX32: &str = "0123456789abcdef0123456789abcdef";

#[test]
fn identifies_each_kind() {
    let cases = [
        (KEY.to_string(), "Stripe secret key (live mode)"),
        (
            "rk_test_51HxYzAbCdEfGhIjKlMnOpQrSt".into(),
            "Stripe restricted key (test mode)",
        ),
        (
            "pk_test_51HxYzAbCdEfGhIjKlMnOpQrSt".into(),
            "Stripe publishable key (test mode)",
        ),
        (
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".into(),
            "Stripe webhook signing secret",
        ),
        (
            "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD".into(),
            "Standard Webhooks / Svix signing secret",
        ),
        (format!("shpat_{HEX32}"), "Shopify Admin API access token"),
        (format!("shpca_{HEX32}"), "Shopify custom app access token"),
        (
            format!("shppa_{HEX32}"),
            "Shopify legacy private app password",
        ),
        (format!("shpss_{HEX32}"), "Shopify app client secret"),
        (
            format!("{HEX32}-us6"),
            "Mailchimp API key (data centre us6)",
        ),
        (
            format!("ck_{HEX32}01234567"),
            "WooCommerce REST API consumer key",
        ),
        (
            format!("cs_{HEX32}01234567"),
            "WooCommerce REST API consumer secret",
        ),
        (
            "wlcro_live_4711_s3cr3tS3cr3tS3cr3t".into(),
            "API key of the form wlcro_live_{id}_{secret}",
        ),
        (HEX32.into(), "32-character hex value"),
    ];
    for (value, label) in cases {
        let (code, report) = run_json(&["credential", &value]);
        assert_eq!(code, 0, "{value}");
        let kind = report.check("credential.kind");
        assert!(kind.summary.starts_with(label), "{value}: {}", kind.summary);
        assert_eq!(report.check("credential.format").status, "pass", "{value}");
    }
}

#[test]
fn reads_stdin_and_env_and_never_prints_the_secret() {
    let secret_part = "AbCdEfGhIjKlMn";
    for format in ["text", "json", "junit"] {
        let r = run_stdin(
            &["credential", "-v", "--format", format],
            format!("{KEY}\n"),
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(
            !r.stdout.contains(secret_part),
            "{format} leaked: {}",
            r.stdout
        );
        assert!(r.stdout.contains("sk_live_…QrSt"), "{format}");
    }
    let r = run_with(
        plumb()
            .args(["credential", "--env", "MY_KEY", "--json"])
            .env("MY_KEY", KEY),
    );
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains(secret_part));
}

#[test]
fn copy_mistakes_fail_with_the_fix() {
    let (code, report) = run_json(&["credential", &format!("Bearer {KEY}")]);
    assert_eq!(code, 1);
    let format = report.check("credential.format");
    assert_eq!(format.status, "fail");
    assert!(format.summary.contains("Bearer"));
    let (code, report) = run_json(&["credential", &format!("shpat_{}", &HEX32[..28])]);
    assert_eq!(code, 1);
    assert!(report.check("credential.format").summary.contains("32 hex"));
}

#[test]
fn wrong_kind_for_the_intended_use_fails() {
    let (code, report) = run_json(&[
        "credential",
        "pk_live_51HxYzAbCdEfGhIjKlMnOpQrSt",
        "--for",
        "stripe-api",
    ]);
    assert_eq!(code, 1);
    assert_eq!(report.check("credential.kind").status, "fail");
    let (code, _) = run_json(&["credential", HEX32, "--for", "mailchimp"]);
    assert_eq!(code, 1);
}

#[test]
fn jwt_expiry_is_judged_against_now() {
    use base64::Engine;
    let e = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let jwt = format!(
        "{}.{}.c2lnbmF0dXJlLXBhcnQ",
        e.encode(r#"{"alg":"RS256","typ":"JWT"}"#),
        e.encode(r#"{"iss":"https://issuer.test","exp":1700000000,"iat":1699990000,"scope":"read_orders read_customers"}"#)
    );
    let (code, report) = run_json(&["credential", &jwt, "--now", "1700259200"]);
    assert_eq!(code, 1);
    let expiry = report.check("credential.expiry");
    assert_eq!(expiry.status, "fail");
    assert!(
        expiry.summary.contains("expired 3 days ago"),
        "{}",
        expiry.summary
    );
    assert_eq!(
        report.check("credential.kind").details["scopes"],
        serde_json::json!(["read_orders", "read_customers"])
    );
    let (code, report) = run_json(&["credential", &jwt, "--now", "1699995000"]);
    assert_eq!(code, 0);
    assert_eq!(report.check("credential.expiry").status, "pass");
}

#[test]
fn binary_junk_on_stdin_is_a_clean_report() {
    let junk: Vec<u8> = (0u8..=255).cycle().take(5000).collect();
    let r = run_stdin(&["credential"], junk);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("credential.format"));
    assert!(
        !r.stdout.contains('\u{1b}'),
        "escape bytes are never echoed"
    );
}

#[test]
fn empty_values_and_unset_variables_are_exit_2() {
    assert_usage_error(&run(&["credential", ""]), "VALUE is empty");
    assert_usage_error(&run_stdin(&["credential"], ""), "standard input is empty");
    assert_usage_error(
        &run_stdin(&["credential"], "  \n"),
        "standard input is empty",
    );
    assert_usage_error(
        &run(&["credential", "--env", "PLUMB_SURELY_UNSET_VAR"]),
        "--env PLUMB_SURELY_UNSET_VAR",
    );
    assert_usage_error(&run(&["credential", "--for", "everything", KEY]), "--for");
}

#[test]
fn text_output_snapshot() {
    let r = run(&["credential", &format!("  '{KEY}'")]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(crate::assets::stable(&r.stdout));
}
