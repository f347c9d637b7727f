//! Property tests: what `sign` produces verifies, for every provider, and
//! each single mutation the issue lists is diagnosed as that mutation.

use super::diagnose::{BodyChange, Cause, JsonStyle, SecretChange};
use super::header::HeaderProblem;
use super::lookup;
use super::scheme::{sign, Algorithm, Encoding, Provider, Scheme};
use super::verify::{self, Inputs, Outcome};
use crate::secret::Secret;
use base64::Engine;
use proptest::prelude::*;

const NOW: i64 = 1_700_000_000;

fn scheme(p: Provider) -> Scheme {
    let mut s = Scheme::new(p);
    s.url = Some("https://example.com/webhook".to_string());
    s
}

/// Verifies `body` against headers a sender produced, as plumb reads them.
fn check(s: &Scheme, headers: &[(String, String)], secret: &str, body: &[u8]) -> Outcome {
    let get =
        |names: Vec<&str>| lookup(headers, &names).map(|(n, v)| (v.to_string(), n.to_string()));
    let inputs = Inputs {
        scheme: s.clone(),
        secrets: vec![Secret::new(secret)],
        signature: get(s.signature_headers()),
        timestamp: get(s.timestamp_headers()),
        id: get(s.id_headers()).map(|(v, _)| v),
        tolerance_secs: 300,
        now: NOW,
        notes: vec![],
        target: None,
    };
    let out = verify::verify(&inputs, &mut &body[..]).unwrap();
    assert_eq!(verify::passes(&inputs, &out), out.clean_match());
    out
}

fn secret_for(p: Provider, raw: &[u8]) -> String {
    match p {
        Provider::Standard => format!(
            "whsec_{}",
            base64::engine::general_purpose::STANDARD.encode(raw)
        ),
        _ => format!("k{}", hex::encode(raw)),
    }
}

fn json_body() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::btree_map("[a-zé]{1,6}", 0i64..1000, 1..5)
        .prop_map(|m| serde_json::to_vec(&m).unwrap())
}

fn form_body() -> Vec<u8> {
    b"mandrill_events=%5B%7B%22a%22%3A1%7D%5D".to_vec()
}

fn cause(out: &Outcome) -> Option<Cause> {
    out.diagnosis.as_ref().map(|f| f.cause)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn sign_then_verify_round_trips(raw in prop::collection::vec(any::<u8>(), 16..40),
                                    body in prop::collection::vec(any::<u8>(), 0..300)) {
        for p in Provider::ALL {
            let s = scheme(p);
            let body = if p == Provider::Mandrill { form_body() } else { body.clone() };
            let secret = secret_for(p, &raw);
            let h = sign(&s, &Secret::new(secret.clone()), &body, NOW, "msg_1").unwrap();
            let out = check(&s, &h, &secret, &body);
            prop_assert!(out.clean_match(), "{p:?}: {:?}", out.diagnosis);
        }
    }

    #[test]
    fn body_mutations_are_named(raw in prop::collection::vec(any::<u8>(), 16..40), body in json_body()) {
        let cases: Vec<(Vec<u8>, Vec<u8>, Cause)> = vec![
            (body.clone(), [&body[..], b"\n"].concat(), Cause::Body(BodyChange::NewlineAdded)),
            ([&body[..], b"\n"].concat(), body.clone(), Cause::Body(BodyChange::NewlineStripped)),
            ([&body[..], b"\r\n{}"].concat(), [&body[..], b"\n{}"].concat(), Cause::Body(BodyChange::CrlfToLf)),
            (body.clone(), [b"\xEF\xBB\xBF", &body[..]].concat(), Cause::Body(BodyChange::BomAdded)),
            (body.clone(), pretty(&body), Cause::Body(BodyChange::Json(JsonStyle::Compact))),
            (pretty(&body), body.clone(), Cause::Body(BodyChange::Json(JsonStyle::Pretty2))),
            (body.clone(), gzip(&body), Cause::Body(BodyChange::Gzipped)),
        ];
        for p in [Provider::Stripe, Provider::Shopify, Provider::Standard, Provider::Hmac] {
            let s = scheme(p);
            let secret = secret_for(p, &raw);
            for (signed, received, want) in &cases {
                let h = sign(&s, &Secret::new(secret.clone()), signed, NOW, "msg_1").unwrap();
                let out = check(&s, &h, &secret, received);
                prop_assert_eq!(cause(&out), Some(*want), "{:?}", p);
            }
        }
    }

    #[test]
    fn unicode_escaping_is_named(raw in prop::collection::vec(any::<u8>(), 16..40), word in "[a-z]{0,4}[éü😀][a-z]{0,4}") {
        let raw_utf8 = serde_json::to_vec(&serde_json::json!({"name": word})).unwrap();
        let escaped = super::diagnose::escape_non_ascii(std::str::from_utf8(&raw_utf8).unwrap()).into_bytes();
        let s = scheme(Provider::Github);
        let secret = secret_for(Provider::Github, &raw);
        let h = sign(&s, &Secret::new(secret.clone()), &escaped, NOW, "").unwrap();
        prop_assert_eq!(cause(&check(&s, &h, &secret, &raw_utf8)), Some(Cause::Body(BodyChange::UnicodeUnescaped)));
        let h = sign(&s, &Secret::new(secret.clone()), &raw_utf8, NOW, "").unwrap();
        prop_assert_eq!(cause(&check(&s, &h, &secret, &escaped)), Some(Cause::Body(BodyChange::UnicodeEscaped)));
    }

    #[test]
    fn secret_mutations_are_named(raw in prop::collection::vec(any::<u8>(), 16..40), body in json_body()) {
        let sign_with = |p: Provider, secret: &str| sign(&scheme(p), &Secret::new(secret), &body, NOW, "msg_1").unwrap();
        // Surrounding whitespace on the receiver's copy.
        let secret = secret_for(Provider::Github, &raw);
        let out = check(&scheme(Provider::Github), &sign_with(Provider::Github, &secret), &format!("{secret}\n"), &body);
        prop_assert_eq!(cause(&out), Some(Cause::Secret(SecretChange::Whitespace)));
        // Stripe keys include whsec_; the receiver dropped it.
        let bare = hex::encode(&raw);
        let out = check(&scheme(Provider::Stripe), &sign_with(Provider::Stripe, &format!("whsec_{bare}")), &bare, &body);
        prop_assert_eq!(cause(&out), Some(Cause::Secret(SecretChange::PrefixMissing)));
        // A sender that strips whsec_ before using the key.
        let out = check(&scheme(Provider::Stripe), &sign_with(Provider::Stripe, &bare), &format!("whsec_{bare}"), &body);
        prop_assert_eq!(cause(&out), Some(Cause::Secret(SecretChange::PrefixExtra)));
        // A Standard Webhooks secret used as text rather than decoded.
        let std_secret = secret_for(Provider::Standard, &raw);
        let h = sign(&scheme(Provider::Hmac), &Secret::new(std_secret.clone()), &body, NOW, "").unwrap();
        let mut s = scheme(Provider::Hmac);
        s.encoding = Encoding::Hex;
        let decoded = base64::engine::general_purpose::STANDARD.encode(&raw);
        let mut h2 = h.clone();
        h2[0].1 = hex::encode(super::scheme::mac(Algorithm::Sha256, &raw, &[&body]));
        let out = check(&s, &h2, &format!("whsec_{decoded}"), &body);
        prop_assert_eq!(cause(&out), Some(Cause::Secret(SecretChange::Base64Decoded)));
    }

    #[test]
    fn header_and_algorithm_mutations_are_named(raw in prop::collection::vec(any::<u8>(), 16..40), body in json_body()) {
        let secret = secret_for(Provider::Github, &raw);
        let s = scheme(Provider::Github);
        let h = sign(&s, &Secret::new(secret.clone()), &body, NOW, "").unwrap();
        let value = h[0].1.clone();
        let hexsig = value.trim_start_matches("sha256=").to_string();
        let with = |v: String| vec![(h[0].0.clone(), v)];
        let mutations = [
            (format!("\"{value}\""), Cause::Header(HeaderProblem::Quotes)),
            (hexsig.clone(), Cause::Header(HeaderProblem::PrefixMissing)),
            (format!("sha256={value}"), Cause::Header(HeaderProblem::PrefixDoubled)),
            (format!("sha256={}", base64::engine::general_purpose::STANDARD.encode(hex::decode(&hexsig).unwrap())), Cause::Encoding(Encoding::Base64)),
        ];
        for (v, want) in mutations {
            prop_assert_eq!(cause(&check(&s, &with(v), &secret, &body)), Some(want));
        }
        // Several Standard Webhooks signatures joined by commas.
        let ss = scheme(Provider::Standard);
        let std_secret = secret_for(Provider::Standard, &raw);
        let mut hs = sign(&ss, &Secret::new(std_secret.clone()), &body, NOW, "msg_1").unwrap();
        hs[2].1 = format!("v1,AAAA,{}", hs[2].1);
        prop_assert_eq!(cause(&check(&ss, &hs, &std_secret, &body)), Some(Cause::Header(HeaderProblem::Commas)));
        // The sender used SHA-1 where SHA-256 was expected.
        let hs = scheme(Provider::Hmac);
        let sha1 = hex::encode(super::scheme::mac(Algorithm::Sha1, secret.as_bytes(), &[&body]));
        prop_assert_eq!(cause(&check(&hs, &[("X-Signature".into(), sha1)], &secret, &body)), Some(Cause::Algorithm(Algorithm::Sha1)));
        // A Stripe timestamp given in milliseconds.
        let st = scheme(Provider::Stripe);
        let h = sign(&st, &Secret::new(secret.clone()), &body, NOW, "").unwrap();
        let ms = h[0].1.replace(&format!("t={NOW}"), &format!("t={NOW}000"));
        let out = check(&st, &[(h[0].0.clone(), ms)], &secret, &body);
        prop_assert_eq!(cause(&out), Some(Cause::Milliseconds));
    }
}

fn pretty(body: &[u8]) -> Vec<u8> {
    let v: serde_json::Value = serde_json::from_slice(body).unwrap();
    serde_json::to_vec_pretty(&v).unwrap()
}

fn gzip(body: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(body).unwrap();
    e.finish().unwrap()
}

#[test]
fn rotation_names_the_entry_that_matched() {
    let s = scheme(Provider::Stripe);
    let h = sign(&s, &Secret::new("whsec_new"), b"{}", NOW, "").unwrap();
    let old = sign(&s, &Secret::new("whsec_old"), b"{}", NOW, "").unwrap();
    let v1_old = old[0].1.split_once(",v1=").unwrap().1;
    let both = format!("{},v1={v1_old}", h[0].1);
    let out = check(&s, &[(h[0].0.clone(), both)], "whsec_old", b"{}");
    assert_eq!(out.matched, Some((0, 1)));
    assert!(out.clean_match());
}

#[test]
fn garbage_headers_never_panic_and_are_unusable() {
    for p in Provider::ALL {
        let s = scheme(p);
        for junk in ["", "!!!", "t=,v1=", "v1,", "sha256=zz", "\u{1b}[2J"] {
            let h: Vec<(String, String)> = s
                .signature_headers()
                .into_iter()
                .chain(s.timestamp_headers())
                .chain(s.id_headers())
                .map(|n| (n.to_string(), junk.to_string()))
                .collect();
            let out = check(&s, &h, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", b"x=1");
            assert!(!out.clean_match(), "{p:?} {junk:?}");
        }
    }
}

#[test]
fn a_re_encoded_form_body_is_named() {
    // Mandrill signs decoded values, so there re-encoding is harmless; a
    // plain HMAC over the raw form body is where it breaks the match.
    let sent = b"events=%5B%7B%22a%22%3A%22x+y%22%7D%5D";
    let received = b"events=%5B%7B%22a%22%3A%22x%20y%22%7D%5D";
    let s = scheme(Provider::Hmac);
    let h = sign(&s, &Secret::new("k"), sent, NOW, "").unwrap();
    let out = check(&s, &h, "k", received);
    assert_eq!(cause(&out), Some(Cause::Body(BodyChange::FormReencoded)));
    let m = scheme(Provider::Mandrill);
    let h = sign(&m, &Secret::new("k"), sent, NOW, "").unwrap();
    assert!(check(&m, &h, "k", received).clean_match());
}

#[test]
fn a_standard_secret_used_as_text_is_named() {
    let s = scheme(Provider::Standard);
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    // A sender that used the secret's text as the key, not its bytes.
    let mut h = sign(&s, &Secret::new(secret), b"{}", NOW, "msg_1").unwrap();
    let tag = super::scheme::mac(
        Algorithm::Sha256,
        secret.as_bytes(),
        &[b"msg_1.1700000000.{}"],
    );
    h[2].1 = format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(tag)
    );
    let out = check(&s, &h, secret, b"{}");
    assert_eq!(
        cause(&out),
        Some(Cause::Secret(SecretChange::NotBase64Decoded))
    );
}

#[test]
fn bodies_too_large_to_diagnose_are_verified_and_say_so() {
    let s = scheme(Provider::Github);
    let big = vec![b'a'; super::diagnose::MAX_DIAGNOSED_BODY + 1];
    let h = sign(&s, &Secret::new("k"), &big, NOW, "").unwrap();
    assert!(check(&s, &h, "k", &big).clean_match());
    let out = check(&s, &h, "other", &big);
    assert!(out.too_large && out.diagnosis.is_none() && out.signed.sha256.is_none());
}

/// The search stays inside its bounds on a body at the diagnosis limit's
/// parse size: the candidates made and the bytes hashed are capped.
#[test]
fn the_search_is_bounded() {
    use super::candidates::{self, MAX_CANDIDATES, MAX_PARSED_BODY};
    let mut big = String::from("{\"items\":[");
    while big.len() < MAX_PARSED_BODY - 64 {
        big.push_str("{\"n\":1,\"s\":\"é/\"},");
    }
    big.push_str("{}]}");
    let all = candidates::json(big.as_bytes());
    assert!(all.len() <= MAX_CANDIDATES + 256, "{}", all.len());
    let s = scheme(Provider::Github);
    let h = sign(&s, &Secret::new("a"), b"other", NOW, "").unwrap();
    let started = std::time::Instant::now();
    let out = check(&s, &h, "a", big.as_bytes());
    assert!(out.diagnosis.is_some());
    // 256 MiB hashed at most; far less than a minute even unoptimised.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}
