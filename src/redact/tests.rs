use super::*;

fn on(s: &str) -> String {
    shapes(s, Entropy::On)
}

fn off(s: &str) -> String {
    shapes(s, Entropy::Off)
}

#[test]
fn mask_keeps_kind_and_last_four() {
    assert_eq!(mask("sk_live_51HxYzAbCdEfGhIjKlMn4f2a"), "sk_live_…4f2a");
    assert_eq!(mask("hush"), "…(4 chars)");
    assert_eq!(mask("whsec_abc"), "whsec_…(9 chars)");
    assert_eq!(mask("xoxe.xoxp-1-abcdefghijklmnop"), "xoxe.xoxp-…mnop");
    assert_eq!(mask("ééééééééééééabcd"), "…abcd");
}

#[test]
fn every_prefixed_kind_is_found_in_prose() {
    for p in prefixes::PREFIXES {
        let body = "a1B2c3D4e5F6a7B8c9D0e1F2a3B4c5D6e7F8a9B0";
        let key = format!("{}{}", p.text, body);
        let out = off(&format!("the key ({key}) was refused"));
        assert!(!out.contains(&body[..20]), "{}: {out}", p.text);
        assert!(out.contains(&format!("{}…", p.text)), "{}: {out}", p.text);
    }
}

#[test]
fn prose_naming_a_prefix_is_left_alone() {
    for s in [
        "use a secret key (sk_live_/sk_test_) from the Dashboard",
        "the signing secret (whsec_…) under Developers > Webhooks",
        "stuck_in_a_loop and cs_ are fine",
        "Pass the token as X-Shopify-Access-Token: shpat_…",
    ] {
        assert_eq!(on(s), s);
    }
}

#[test]
fn structured_shapes() {
    let out = off("Authorization: Bearer abcDEF1234567890xyz");
    assert_eq!(out, "Authorization: Bearer …0xyz");
    let out = off("got Basic Y2tfMTIzOmNzXzQ1Ng== back");
    assert!(!out.contains("Y2tfMTIzOmNzXzQ1Ng"), "{out}");
    let out = off("https://user:hunter2hunter2@example.com/x");
    assert_eq!(out, "https://user:…ter2@example.com/x");
    let out = off("GET /cb?code=1&access_token=abcdefghij1234&next=/home");
    assert_eq!(out, "GET /cb?code=1&access_token=…1234&next=/home");
    let out = off(r#"{"client_secret": "abc123def456ghi", "id": "x"}"#);
    assert_eq!(out, r#"{"client_secret": "…6ghi", "id": "x"}"#);
    let out = off("Set-Cookie: sid=abcdef0123456789; Path=/; HttpOnly\nnext");
    assert!(!out.contains("abcdef0123456789"), "{out}");
    assert!(out.ends_with("\nnext"), "{out}");
    let out = off("X-Amz-Signature=0123abcd&x=1 url?X-Amz-Signature=0123abcdef99");
    assert!(out.starts_with("X-Amz-Signature=0123abcd&"), "{out}");
    assert!(!out.contains("0123abcdef99"), "{out}");
    let pem =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\ndefGHI\n-----END RSA PRIVATE KEY-----\nafter";
    assert_eq!(off(pem), "-----BEGIN PRIVATE KEY----- (redacted)\nafter");
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
    assert_eq!(off(&format!("token {jwt}.")), "token eyJ…dXJl.");
    let mc = format!("{}-us6", "0123456789abcdef0123456789abcdef");
    assert_eq!(off(&format!("key={mc}")), "key=…cdef-us6");
}

#[test]
fn plumbs_own_text_survives() {
    for s in [
        "stripe-api/tls.expiry",
        "api.stripe.com:443 (connected to 127.0.0.1:443)",
        "https://hooks.example.com/webhooks/stripe?mode=live",
        "2026-11-23T10:00:01Z",
        "expires 2027-01-01T00:00:00Z (in 42 days)",
        "Stripe-Signature: t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
        "req_8mKzn0kS3UpQ3w",
        "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "sha256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
        "Bearer authentication required",
        "WWW-Authenticate: Basic realm=\"shop\"",
    ] {
        assert_eq!(off(s), s, "own text changed");
    }
    // Foreign text keeps what people need: ids, names, dates, paths.
    for s in [
        "ERROR NullPointerException in MyVeryLongControllerName",
        "XMLHttpRequestEventTarget AbstractSingletonProxyFactoryBean",
        "release-2024-11-23-hotfix-build-17 on x86_64-linux-gnu",
        "/usr/lib/x86_64-linux-gnu/libssl.so.3",
        "request a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d failed: invalid_request_error",
        "ERR_CONNECTION_REFUSED_BY_PEER at 2026-11-23T10:00:01.123Z",
    ] {
        assert_eq!(on(s), s, "foreign text over-redacted");
    }
}

#[test]
fn random_tokens_in_foreign_text() {
    for secret in [
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMIKMDENGbPxRfiCYEXAMPLEKEY",
        "qWeRtYuIoPaSdFgHjKlZxCvBnMqWeRtY",
        "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        "0123456789abcdef0123456789abcdef01234567",
    ] {
        let out = on(&format!("leaked: {secret} end"));
        assert!(!out.contains(&secret[4..16]), "{secret}: {out}");
        // Plumb's own text keeps digests it computed.
        if secret.starts_with("0123") {
            assert_eq!(off(secret), secret);
        }
    }
}

#[test]
fn known_secrets_in_every_encoding() {
    let key = Secret::new("ck_0123456789abcdef0123456789abcdef01234567");
    let sec = Secret::new("cs_89abcdef0123456789abcdef0123456789abcdef");
    let pair = format!("{}:{}", key.expose(), sec.expose());
    let basic = Secret::new(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(&pair)
    ));
    let b64 = base64::engine::general_purpose::STANDARD.encode(&pair);
    for text in [
        format!("echo: {b64}"),
        format!("echo: {pair}"),
        format!("Request-Id: {}", sec.expose()),
        format!("?consumer_secret={}", percent(sec.expose(), false)),
    ] {
        let out = foreign(&text, &[&basic]);
        assert!(!out.contains(&sec.expose()[3..20]), "{out}");
        assert!(!out.contains(&b64[..20]), "{out}");
    }
    let proxy = Secret::new("alice:s3cret pass");
    let out = foreign("407 denied for alice:s3cret pass", &[&proxy]);
    assert!(!out.contains("s3cret"), "{out}");
    let out = foreign("form pw=s3cret+pass sent", &[&proxy]);
    assert!(!out.contains("s3cret"), "{out}");
}

#[test]
fn idempotent_on_its_own_output() {
    let s = "sk_live_51HxYzAbCdEfGhIjKlMn4f2a Authorization: Bearer abcDEF1234567890xyz";
    let once = on(s);
    assert_eq!(on(&once), once);
}

#[test]
fn names() {
    for n in [
        "Authorization",
        "X-Authorization",
        "Apikey",
        "X-Auth",
        "X-Auth-Token",
        "password",
        "client_secret",
        "access_token",
        "signature",
        "Cookie",
        "Set-Cookie",
        "X-Api-Key",
    ] {
        assert!(is_credential_name(n), "{n}");
    }
    for n in [
        "Content-Type",
        "Location",
        "Request-Id",
        "Idempotency-Key",
        "mode",
    ] {
        assert!(!is_credential_name(n), "{n}");
    }
}

#[test]
fn counts_by_kind_in_the_same_pass() {
    let text = "Authorization: Bearer abcDEF1234567890xyz\n\
                key sk_live_51HxYzAbCdEfGhIjKlMn4f2a and ghp_abcdefghijklmnop1234\n\
                Cookie: sid=abcdef0123456789\n\
                mail jane.doe@example.com or call +1 415 555 0123\n\
                id a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    let (out, tally) = text_counted(text);
    let counts: Vec<(&str, u64)> = tally.iter().collect();
    assert_eq!(
        counts,
        [
            ("authorization", 1),
            ("cookie", 1),
            ("email", 1),
            ("github", 1),
            ("phone", 1),
            ("stripe", 1)
        ],
        "{out}"
    );
    assert_eq!(tally.total(), 6);
    assert!(
        out.contains("x.x@x.x") && out.contains("+9␠999␠999␠9999"),
        "{out}"
    );
    // The counted pass is the plain pass.
    assert_eq!(out, super::text(text));
    // A second pass over the output finds nothing new to count.
    let (again, second) = text_counted(&out);
    assert_eq!(again, out);
    assert!(second.is_empty(), "{second:?}");
}

#[test]
fn sent_secrets_are_counted() {
    let s = Secret::new("hunter2hunter2hunter2");
    let mut tally = Tally::default();
    let known = Known::from_secrets([&s]);
    let out = known.apply_counted(
        "a hunter2hunter2hunter2 b aHVudGVyMmh1bnRlcjJodW50ZXIy",
        &mut tally,
    );
    assert!(!out.contains("hunter2hunter2"), "{out}");
    assert_eq!(tally.iter().collect::<Vec<_>>(), [("sent_secret", 2)]);
}

#[test]
fn one_masking_form() {
    // Every kind keeps its prefix (if it has one) and its last four, as
    // `Secret` shows itself.
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
    assert_eq!(on(jwt), mask_as("eyJ", jwt));
    let key = "sk_live_51HxYzAbCdEfGhIjKlMn4f2a";
    assert_eq!(on(key), Secret::new(key).masked());
    let mc = "0123456789abcdef0123456789abcdef-us6";
    assert_eq!(on(mc), format!("{}-us6", mask(&mc[..32])));
}

#[test]
fn cookies_and_set_cookie() {
    for text in [
        "Cookie: sid=s3ss10nTok3n; theme=dark",
        "set-cookie: sid=s3ss10nTok3n; Path=/; HttpOnly",
        "cookie=sid%3Ds3ss10nTok3n",
        r#"{"cookie": "sid=s3ss10nTok3n"}"#,
    ] {
        let (out, tally) = text_counted(text);
        assert!(!out.contains("s3ss10nTok3n"), "{out}");
        assert_eq!(tally.iter().collect::<Vec<_>>(), [("cookie", 1)], "{text}");
    }
}

#[test]
fn personal_data_by_shape_and_not_numbers() {
    for (text, want) in [
        ("from Jane.Doe@example.com.", "from x.x@x.x."),
        ("tel (415) 555-0123 ok", "tel (999)␠999-9999 ok"),
        ("tel:+4930123456789", "tel:+9999999999999"),
    ] {
        assert_eq!(super::text(text), want);
    }
    for text in [
        "2026-11-23 10:00:01 ERROR took 1700000000 ms",
        "connect 192.168.100.200:443 v1.22.333",
        "HTTP/1.1 503 after 3.14159265358 s",
        "order 1234 5678",
    ] {
        assert_eq!(super::text(text), text);
    }
    // plumb's own text keeps them: the shape pass without `personal`.
    assert_eq!(off("jane@example.com"), "jane@example.com");
}

#[test]
fn fails_closed_on_what_it_cannot_read() {
    assert_eq!(
        scan_bytes(b"abc", 2),
        Err(Unscannable::TooLarge { size: 3, cap: 2 })
    );
    assert_eq!(
        scan_bytes(b"ok \xff sk_live_51HxYzAbCdEfGhIjKlMn4f2a", 100),
        Err(Unscannable::NotUtf8 { at: 3 })
    );
    assert_eq!(scan_bytes(b"a\0b", 100), Err(Unscannable::Binary { at: 1 }));
    let (out, tally) = scan_bytes(b"k=sk_live_51HxYzAbCdEfGhIjKlMn4f2a", 100).unwrap();
    assert_eq!(out, "k=sk_live_…4f2a");
    assert_eq!(tally.total(), 1);
}

#[test]
fn json_masks_named_values_whole() {
    let mut har = serde_json::json!({"log": {"entries": [{"request": {
        "headers": [
            {"name": "Authorization", "value": "Basic YTpi"},
            {"name": "Accept", "value": "text/html"}
        ],
        "cookies": [{"name": "sid", "value": "short1"}],
        "queryString": [{"name": "api_key", "value": "k1"}]
    }}]}});
    let mut tally = Tally::default();
    json(&mut har, &mut tally);
    let text = har.to_string();
    for gone in ["YTpi", "short1", "\"k1\""] {
        assert!(!text.contains(gone), "{text}");
    }
    assert!(text.contains("text/html"), "{text}");
    assert_eq!(
        tally.iter().collect::<Vec<_>>(),
        [("authorization", 1), ("cookie", 1), ("credential_field", 1)]
    );
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    /// A credential of every kind plumb knows, with realistic bodies.
    pub fn credential() -> impl Strategy<Value = String> {
        let prefixed = (
            prop::sample::select(prefixes::PREFIXES.to_vec()),
            "[A-Za-z0-9]{40,60}",
        )
            .prop_map(|(p, body)| format!("{}{body}", p.text));
        prop_oneof![
            prefixed,
            "[0-9a-f]{32}-us[0-9]{1,2}",
            "eyJ[A-Za-z0-9_-]{20,40}\\.eyJ[A-Za-z0-9_-]{20,40}\\.[A-Za-z0-9_-]{20,43}",
            // Base64 as AWS and Azure issue it: `+` and `/` are two of 64.
            ("[A-Za-z0-9]{38}", 0usize..38, 0usize..38).prop_map(|(mut s, a, b)| {
                s.insert(a, '/');
                s.insert(b, '+');
                s
            }),
            "[A-Za-z0-9]{32,64}",
            "[0-9a-f]{40}",
            // Standard Webhooks: `whsec_` and base64 of 24 to 64 bytes.
            "whsec_[A-Za-z0-9+/]{32,86}={0,2}",
            // WooCommerce: `ck_`/`cs_` and 40 hex.
            "c[ks]_[0-9a-f]{40}",
            // Shopify legacy and Storefront tokens: 32 hex.
            "[0-9a-f]{32}",
            // GitHub fine-grained and Slack tokens as issued.
            "github_pat_[0-9A-Za-z]{22}_[0-9A-Za-z]{59}",
            "xox[bpe]-[0-9]{10,13}-[0-9]{10,13}-[0-9A-Za-z]{24}",
        ]
    }

    /// A credential's every 12-character window, in the forms the text may
    /// carry it: raw, base64 and percent-encoded.
    fn forms(secret: &str) -> Vec<String> {
        use base64::engine::general_purpose::STANDARD;
        vec![
            secret.to_string(),
            STANDARD.encode(secret),
            percent(secret, false),
        ]
    }

    /// A HAR document (as browsers export it) carrying `secret` in a
    /// header, a cookie, a query parameter, the URL, a posted body and a
    /// response body.
    fn har(secret: &str, how: u8) -> serde_json::Value {
        let entry = match how % 6 {
            0 => {
                serde_json::json!({"request": {"method": "GET", "url": "https://shop.example.com/",
                "headers": [{"name": "Authorization", "value": format!("Bearer {secret}")}]}})
            }
            1 => {
                serde_json::json!({"request": {"method": "GET", "url": "https://shop.example.com/",
                "cookies": [{"name": "session", "value": secret}],
                "headers": [{"name": "Cookie", "value": format!("session={secret}; theme=dark")}]}})
            }
            2 => serde_json::json!({"request": {"method": "GET",
                "url": format!("https://shop.example.com/cb?access_token={}", percent(secret, false)),
                "queryString": [{"name": "access_token", "value": secret}]}}),
            3 => {
                serde_json::json!({"request": {"method": "POST", "url": "https://api.example.com/",
                "postData": {"mimeType": "application/json",
                    "text": serde_json::json!({"api_key": secret}).to_string()}}})
            }
            4 => serde_json::json!({"response": {"status": 200,
                "headers": [{"name": "Set-Cookie", "value": format!("sid={secret}; Path=/; HttpOnly")}],
                "content": {"mimeType": "text/plain", "text": format!("your key is {secret}.")}}}),
            _ => serde_json::json!({"request": {"method": "GET",
                "url": format!("https://u:{}@example.com/", percent(secret, false)),
                "headers": [{"name": "X-Api-Key", "value": secret}]}}),
        };
        serde_json::json!({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
            "entries": [entry]}})
    }

    /// Text around a secret: prose, JSON, headers, URLs.
    fn embed(secret: &str, how: u8, before: &str, after: &str) -> String {
        match how % 8 {
            0 => format!("{before} {secret} {after}"),
            1 => serde_json::json!({"message": before, "key": secret, "x": after}).to_string(),
            2 => format!("{before}\nAuthorization: Bearer {secret}\n{after}"),
            3 => format!("https://example.com/cb?access_token={secret}&x={after}"),
            4 => format!("{before}({secret}){after}"),
            5 => format!("X-Request-Id: {secret}"),
            // A URL carries `/` in a password only percent-encoded.
            6 => format!(
                "https://user:{}@example.com/{after}",
                secret.replace('/', "%2F")
            ),
            _ => format!("{before}\"{secret}\",{after}"),
        }
    }

    /// Every 12-character window of the secret, and neither end of it is
    /// longer than four characters in the output.
    fn leaked(out: &str, secret: &str) -> bool {
        let body = secret.as_bytes();
        body.windows(12.min(body.len())).any(|w| {
            let w = std::str::from_utf8(w).unwrap_or("");
            out.contains(w)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn no_credential_survives_by_shape(
            secret in credential(),
            how in any::<u8>(),
            before in "[a-z ]{0,20}",
            after in "[a-z ]{0,20}",
        ) {
            let text = embed(&secret, how, &before, &after);
            let out = text_fn(&text);
            prop_assert!(!leaked(&out, &secret), "leaked {secret}: {out}");
        }

        #[test]
        fn no_credential_survives_with_counting(
            secret in credential(),
            how in any::<u8>(),
            before in "[a-z ]{0,20}",
            after in "[a-z ]{0,20}",
        ) {
            let text = embed(&secret, how, &before, &after);
            let (out, tally) = text_counted(&text);
            prop_assert!(!leaked(&out, &secret), "leaked {secret}: {out}");
            prop_assert!(tally.total() >= 1, "nothing counted: {text}");
            prop_assert_eq!(out, super::super::text(&text));
        }

        #[test]
        fn no_credential_survives_in_a_har_document(
            secret in credential(),
            how in any::<u8>(),
        ) {
            let doc = har(&secret, how);
            // As raw text (a pretty-printed file) and as a JSON document.
            let (raw, _) = text_counted(&serde_json::to_string_pretty(&doc).unwrap());
            let mut walked = doc.clone();
            let mut tally = Tally::default();
            json(&mut walked, &mut tally);
            let walked = walked.to_string();
            for out in [raw, walked] {
                for form in forms(&secret) {
                    prop_assert!(!leaked(&out, &form), "leaked {form}: {out}");
                }
            }
            prop_assert!(tally.total() >= 1);
        }

        #[test]
        fn personal_data_never_survives(
            user in "[a-z]{2,10}(\\.[a-z]{2,10})?",
            domain in "[a-z]{3,10}\\.(com|de|co\\.uk|org)",
            phone in prop_oneof![
                "\\+[1-9][0-9]{8,13}",
                "\\+[1-9][0-9]? [0-9]{3} [0-9]{3} [0-9]{4}",
                "\\([0-9]{3}\\) [0-9]{3}-[0-9]{4}",
                "[0-9]{3}-[0-9]{3}-[0-9]{4}",
            ],
            how in 0u8..3,
        ) {
            let email = format!("{user}@{domain}");
            let text = match how {
                0 => format!("customer {email} phone {phone} failed"),
                1 => serde_json::json!({"email": email, "phone": phone}).to_string(),
                _ => format!("to={email}&tel={phone}"),
            };
            let (out, tally) = text_counted(&text);
            prop_assert!(!out.contains(&email), "{out}");
            let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
            let out_digits: String = out.chars().filter(char::is_ascii_digit).collect();
            prop_assert!(!out_digits.contains(&digits), "{out}");
            prop_assert_eq!(tally.iter().find(|(k, _)| *k == "email").map(|(_, n)| n), Some(1));
        }

        #[test]
        fn bytes_are_scanned_or_refused_whole(
            text in "\\PC{0,100}",
            secret in credential(),
            junk in prop::collection::vec(any::<u8>(), 0..8),
        ) {
            let mut bytes = format!("{text} {secret} ").into_bytes();
            bytes.extend_from_slice(&junk);
            match scan_bytes(&bytes, 4096) {
                Ok((out, _)) => prop_assert!(!leaked(&out, &secret), "{out}"),
                Err(Unscannable::NotUtf8 { .. } | Unscannable::Binary { .. }) => {}
                Err(e) => prop_assert!(false, "{e}"),
            }
        }

        #[test]
        fn no_sent_secret_survives_in_any_encoding(
            secret in "[ -~]{8,40}",
            how in 0u8..5,
            before in "[a-z ]{0,20}",
        ) {
            let s = Secret::new(secret.clone());
            use base64::engine::general_purpose::STANDARD;
            let form = match how {
                0 => secret.clone(),
                1 => STANDARD.encode(&secret),
                2 => percent(&secret, false),
                3 => percent(&secret, true),
                _ => format!("Basic {}", STANDARD.encode(format!("user:{secret}"))),
            };
            let sent = if how == 4 { Secret::new(format!("Basic {}", STANDARD.encode(format!("user:{secret}")))) } else { s };
            let out = foreign(&format!("{before}{form}{before}"), &[&sent]);
            prop_assert!(!out.contains(&form), "leaked {form}: {out}");
            prop_assert!(!out.contains(&secret) || secret.trim().len() < 4, "leaked {secret}: {out}");
        }

        #[test]
        fn any_text_never_panics(text in "\\PC{0,200}") {
            let once = shapes(&text, Entropy::On);
            let _ = shapes(&text, Entropy::Off);
            prop_assert!(once.len() <= text.len() * 4 + 64);
        }
    }

    fn text_fn(s: &str) -> String {
        text(s)
    }
}

#[test]
fn a_header_value_with_a_multibyte_character_where_a_scheme_word_would_end() {
    // An earlier mask's `…` at byte 6: the scheme check must not slice
    // inside it.
    assert!(!shape::mask_value("shpat_…a5b6").is_empty());
    assert!(!shape::mask_value("Basic…").is_empty());
}
