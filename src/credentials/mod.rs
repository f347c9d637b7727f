//! Recognising a credential from its shape (docs/providers.md,
//! "Credential formats"): shared by `plumb credential`, the service checks,
//! doctor and the sending rules, so it sits below them all.

pub mod fit;
pub mod jwt;

use crate::secret::prefixes::{family, Family};
use base64::Engine;
use jwt::Jwt;
use serde_json::Value;

/// What a value is, as far as its shape tells.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    StripeSecret {
        live: bool,
    },
    StripeRestricted {
        live: bool,
    },
    StripePublishable {
        live: bool,
    },
    /// `whsec_`: Stripe's signing secret or a Standard Webhooks/Svix one.
    WebhookSecret {
        standard: Option<bool>,
    },
    ShopifyToken {
        prefix: &'static str,
    },
    ShopifyAppSecret,
    /// 32 hex characters: a legacy Shopify token or secret, a Storefront
    /// token, or a Mailchimp key without its data-centre suffix.
    Hex32,
    Mailchimp {
        dc: String,
    },
    WooKey,
    WooSecret,
    /// `prefix_live_{id}_{secret}`.
    Prefixed {
        prefix: String,
        live: bool,
        id: String,
    },
    Jwt(Jwt),
    GitHubToken,
    SlackToken,
    Unknown,
}

/// A finding about the value's format.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub text: String,
    pub fix: String,
}

/// The result of identifying a value.
#[derive(Debug, Clone)]
pub struct Identified {
    pub kind: Kind,
    /// What a person calls it: "Stripe secret key (live mode)".
    pub label: String,
    /// Evidence safe to print (never the secret part).
    pub facts: Vec<(&'static str, Value)>,
    pub problems: Vec<Problem>,
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_alnum(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn mode(live: bool) -> &'static str {
    if live {
        "live"
    } else {
        "test"
    }
}

/// The shortest body Stripe has issued after a key's prefix (older keys
/// were 24 characters; newer ones are far longer). Stripe does not promise
/// a length, so only a body shorter than any real key is called truncated.
const STRIPE_MIN_BODY: usize = 24;

pub fn identify(v: &str) -> Identified {
    let mut id = Identified {
        kind: Kind::Unknown,
        label: String::new(),
        facts: Vec::new(),
        problems: Vec::new(),
    };
    if let Some((kind, live, body)) = stripe_key(v) {
        id.kind = kind;
        id.facts.push(("mode", mode(live).into()));
        id.label = match &id.kind {
            Kind::StripeSecret { .. } => format!("Stripe secret key ({} mode)", mode(live)),
            Kind::StripeRestricted { .. } => format!("Stripe restricted key ({} mode)", mode(live)),
            _ => format!("Stripe publishable key ({} mode)", mode(live)),
        };
        stripe_body(&mut id, body);
    } else if let Some(body) = v.strip_prefix("whsec_") {
        whsec(&mut id, body);
    } else if let Some(prefix) = ["shpat_", "shpca_", "shppa_", "shpss_"]
        .into_iter()
        .find(|p| v.starts_with(p))
    {
        shopify(&mut id, prefix, &v[prefix.len()..]);
    } else if let Some(body) = v.strip_prefix("ck_") {
        id.kind = Kind::WooKey;
        id.label = "WooCommerce REST API consumer key".into();
        woo_body(&mut id, "ck_", body);
    } else if let Some(body) = v.strip_prefix("cs_") {
        id.kind = Kind::WooSecret;
        id.label = "WooCommerce REST API consumer secret".into();
        woo_body(&mut id, "cs_", body);
    } else if let Some((hex, dc)) = v.rsplit_once('-').filter(|(h, _)| is_hex(h)) {
        mailchimp(&mut id, hex, dc);
    } else if v.len() == 32 && is_hex(v) {
        id.kind = Kind::Hex32;
        id.label = "32-character hex value".into();
        id.facts.push((
            "could_be",
            "a legacy Shopify access token or app secret, a Shopify Storefront token, or a Mailchimp API key missing its -dc suffix".into(),
        ));
    } else if jwt::looks_like(v) {
        jwt(&mut id, v);
    } else if family(v) == Some(Family::GitHub) {
        id.kind = Kind::GitHubToken;
        id.label = "GitHub token".into();
    } else if family(v) == Some(Family::Slack) {
        id.kind = Kind::SlackToken;
        id.label = "Slack token".into();
    } else if let Some(p) = prefixed(v) {
        id.facts.push(("prefix", p.0.clone().into()));
        id.facts.push(("mode", mode(p.1).into()));
        // The account id is shown only when it is plainly one (a short
        // number): in a token like `duffel_test_…` an `_` inside the
        // random part would otherwise expose twenty secret characters.
        id.label = match &p.2 {
            Some(account) => {
                id.facts.push(("account_id", account.clone().into()));
                format!(
                    "API key of the form {}_{}_{{id}}_{{secret}}",
                    p.0,
                    mode(p.1)
                )
            }
            None => format!("API key with the prefix {}_{}_", p.0, mode(p.1)),
        };
        id.kind = Kind::Prefixed {
            prefix: p.0,
            live: p.1,
            id: p.2.unwrap_or_default(),
        };
    } else {
        id.label = "unrecognised value".into();
        near_miss(&mut id, v);
    }
    id
}

fn stripe_key(v: &str) -> Option<(Kind, bool, &str)> {
    let (kind, rest) = if let Some(r) = v.strip_prefix("sk_") {
        (Kind::StripeSecret { live: false }, r)
    } else if let Some(r) = v.strip_prefix("rk_") {
        (Kind::StripeRestricted { live: false }, r)
    } else if let Some(r) = v.strip_prefix("pk_") {
        (Kind::StripePublishable { live: false }, r)
    } else {
        return None;
    };
    let (live, body) = if let Some(b) = rest.strip_prefix("live_") {
        (true, b)
    } else if let Some(b) = rest.strip_prefix("test_") {
        (false, b)
    } else {
        return None;
    };
    let kind = match kind {
        Kind::StripeSecret { .. } => Kind::StripeSecret { live },
        Kind::StripeRestricted { .. } => Kind::StripeRestricted { live },
        _ => Kind::StripePublishable { live },
    };
    Some((kind, live, body))
}

fn stripe_body(id: &mut Identified, body: &str) {
    if !is_alnum(body) {
        id.problems.push(Problem {
            text: "the part after the prefix contains characters Stripe keys never have".into(),
            fix: "Copy the key again from the Stripe Dashboard (Developers > API keys).".into(),
        });
    } else if body.len() < STRIPE_MIN_BODY {
        id.problems.push(Problem {
            text: format!(
                "only {} characters follow the prefix: the key looks truncated",
                body.len()
            ),
            fix: "Copy the whole key again; use the copy button rather than selecting the text."
                .into(),
        });
    }
}

fn whsec(id: &mut Identified, body: &str) {
    let standard_chars = body.bytes().any(|b| matches!(b, b'+' | b'/' | b'='));
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(body)
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(body));
    let standard = if standard_chars {
        Some(true)
    } else if is_alnum(body) && body.len() == 32 {
        Some(false)
    } else {
        None
    };
    id.kind = Kind::WebhookSecret { standard };
    id.label = match standard {
        Some(true) => "Standard Webhooks / Svix signing secret".into(),
        Some(false) => "Stripe webhook signing secret".into(),
        None => "webhook signing secret (whsec_: Stripe, or Standard Webhooks / Svix)".into(),
    };
    if body.len() < STRIPE_MIN_BODY {
        id.problems.push(Problem {
            text: format!(
                "only {} characters follow whsec_: the secret looks truncated",
                body.len()
            ),
            fix: "Reveal the signing secret again in the webhook's settings and copy all of it."
                .into(),
        });
    } else if standard == Some(true) {
        match decoded {
            Ok(bytes) if (24..=64).contains(&bytes.len()) => {
                id.facts.push(("key_bytes", bytes.len().into()));
            }
            Ok(bytes) => id.problems.push(Problem {
                text: format!(
                    "decodes to {} bytes; Standard Webhooks keys are 24 to 64 bytes",
                    bytes.len()
                ),
                fix: "Copy the secret again; a missing or extra character changes its length."
                    .into(),
            }),
            Err(_) => id.problems.push(Problem {
                text: "the part after whsec_ is not valid base64".into(),
                fix: "Copy the secret again: it was cut or altered.".into(),
            }),
        }
    }
}

fn shopify(id: &mut Identified, prefix: &'static str, body: &str) {
    if prefix == "shpss_" {
        id.kind = Kind::ShopifyAppSecret;
        id.label = "Shopify app client secret (signs webhooks; not an access token)".into();
    } else {
        id.kind = Kind::ShopifyToken { prefix };
        id.label = match prefix {
            "shpat_" => "Shopify Admin API access token".into(),
            "shpca_" => "Shopify custom app access token".into(),
            _ => "Shopify legacy private app password (sent as an access token)".into(),
        };
    }
    if body.len() != 32 || !is_hex(body) {
        id.problems.push(Problem {
            text: format!(
                "{prefix} should be followed by 32 hex characters; found {} {}",
                body.chars().count(),
                if is_hex(body) {
                    "hex characters"
                } else {
                    "characters, not all hex"
                }
            ),
            fix: "Copy the value again from the app's API credentials; it was cut or extended."
                .into(),
        });
    }
}

fn woo_body(id: &mut Identified, prefix: &str, body: &str) {
    let lower_hex = body
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if body.len() != 40 || !lower_hex {
        id.problems.push(Problem {
            text: format!(
                "{prefix} should be followed by 40 lowercase hex characters; found {}",
                body.chars().count()
            ),
            fix: "Copy the key again from WooCommerce > Settings > Advanced > REST API (it is shown only once: create a new key if it is lost).".into(),
        });
    }
}

fn mailchimp(id: &mut Identified, hex: &str, dc: &str) {
    let dc_ok = dc.len() >= 3
        && dc.bytes().take_while(u8::is_ascii_lowercase).count() >= 2
        && dc
            .bytes()
            .skip_while(u8::is_ascii_lowercase)
            .all(|b| b.is_ascii_digit())
        && dc.bytes().last().is_some_and(|b| b.is_ascii_digit());
    id.kind = Kind::Mailchimp { dc: dc.to_string() };
    id.label = format!("Mailchimp API key (data centre {dc})");
    id.facts.push(("data_centre", dc.into()));
    id.facts.push((
        "api_host",
        format!("https://{dc}.api.mailchimp.com/3.0").into(),
    ));
    if hex.len() != 32 {
        id.problems.push(Problem {
            text: format!(
                "Mailchimp keys have 32 hex characters before the -{dc}; found {}",
                hex.len()
            ),
            fix: "Copy the key again from Account > Extras > API keys.".into(),
        });
    }
    if !dc_ok {
        id.problems.push(Problem {
            text: format!("'{dc}' is not a data-centre suffix such as us6"),
            fix: "The part after the dash must name the account's data centre (the usN in https://usN.admin.mailchimp.com).".into(),
        });
    }
}

fn jwt(id: &mut Identified, v: &str) {
    match jwt::decode(v) {
        Ok(token) => {
            id.label = "JSON Web Token".into();
            for key in ["alg", "typ", "kid"] {
                if let Some(val) = token.header.get(key) {
                    id.facts.push((header_name(key), val.clone()));
                }
            }
            for key in ["iss", "aud", "sub"] {
                if let Some(val) = token.claims.get(key) {
                    id.facts.push((claim_name(key), val.clone()));
                }
            }
            let scopes = token.scopes();
            if !scopes.is_empty() {
                id.facts.push(("scopes", scopes.into()));
            }
            let names: Vec<Value> = token
                .claims
                .keys()
                .map(|k| Value::from(k.as_str()))
                .collect();
            id.facts.push(("claims", Value::Array(names)));
            if token.header.get("alg").and_then(Value::as_str) == Some("none") {
                id.problems.push(Problem {
                    text: "the token is unsigned (alg \"none\"): no server should accept it".into(),
                    fix: "Get a signed token from the issuer.".into(),
                });
            }
            id.kind = Kind::Jwt(token);
        }
        Err(why) => {
            id.label = "malformed JSON Web Token".into();
            id.problems.push(Problem {
                text: format!("it looks like a JWT but {why}"),
                fix: "Copy the whole token again: all three dot-separated parts, nothing added."
                    .into(),
            });
        }
    }
}

fn header_name(key: &str) -> &'static str {
    match key {
        "alg" => "algorithm",
        "typ" => "type",
        _ => "key_id",
    }
}

fn claim_name(key: &str) -> &'static str {
    match key {
        "iss" => "issuer",
        "aud" => "audience",
        _ => "subject",
    }
}

/// `prefix_live_{secret}` or `prefix_live_{id}_{secret}` (docs/providers.md):
/// the id only when it is a short number and the rest is long enough to be
/// the secret.
fn prefixed(v: &str) -> Option<(String, bool, Option<String>)> {
    let mut parts = v.splitn(3, '_');
    let prefix = parts.next()?;
    let live = match parts.next()? {
        "live" => true,
        "test" => false,
        _ => return None,
    };
    let rest = parts.next()?;
    let prefix_ok =
        (2..=12).contains(&prefix.len()) && prefix.bytes().all(|b| b.is_ascii_lowercase());
    let rest_ok = rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && is_alnum(&rest.replace('_', ""));
    if !prefix_ok || !rest_ok {
        return None;
    }
    let account = rest.split_once('_').and_then(|(account, secret)| {
        let numeric =
            (1..=12).contains(&account.len()) && account.bytes().all(|b| b.is_ascii_digit());
        (numeric && is_alnum(secret) && secret.len() >= 16).then(|| account.to_string())
    });
    Some((prefix.to_string(), live, account))
}

/// Shapes that are almost a known kind: a case slip or a missing underscore.
fn near_miss(id: &mut Identified, v: &str) {
    let lower = v.to_ascii_lowercase();
    let known = [
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_", "whsec_", "shpat_",
        "shpca_", "shppa_", "shpss_",
    ];
    if let Some(p) = known.iter().find(|p| lower.starts_with(*p)) {
        id.problems.push(Problem {
            text: format!(
                "starts like {p} but with different capitalisation: prefixes are lowercase"
            ),
            fix: "Copy the value again; do not retype it.".into(),
        });
    } else if let Some(p) = known.iter().find(|p| {
        lower.starts_with(&p.replace('_', "")) && !p.ends_with("live_") && !p.ends_with("test_")
    }) {
        id.problems.push(Problem {
            text: format!("starts like {p} but the underscore is missing"),
            fix: "Copy the value again; the prefix was altered.".into(),
        });
    } else {
        id.problems.push(Problem {
            text: "plumb does not recognise this format".into(),
            fix: "Check it is the credential the service's documentation asks for, copied whole."
                .into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX32: &str = "0123456789abcdef0123456789abcdef";
    const HEX40: &str = "0123456789abcdef0123456789abcdef01234567";

    fn kind(v: &str) -> Kind {
        identify(v).kind
    }

    #[test]
    fn stripe_keys_by_kind_and_mode() {
        assert_eq!(
            kind("sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt"),
            Kind::StripeSecret { live: true }
        );
        assert_eq!(
            kind("rk_test_51HxYzAbCdEfGhIjKlMnOpQrSt"),
            Kind::StripeRestricted { live: false }
        );
        assert_eq!(
            kind("pk_live_51HxYzAbCdEfGhIjKlMnOpQrSt"),
            Kind::StripePublishable { live: true }
        );
        assert!(identify("sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt")
            .problems
            .is_empty());
        assert!(identify("sk_live_51HxYz").problems[0]
            .text
            .contains("truncated"));
        assert!(identify("sk_live_51HxYz-AbCdEfGhIjKlMnOpQrSt").problems[0]
            .text
            .contains("characters"));
    }

    #[test]
    fn webhook_secrets_stripe_and_standard() {
        assert_eq!(
            kind("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            Kind::WebhookSecret {
                standard: Some(false)
            }
        );
        let std = identify("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD");
        assert_eq!(
            std.kind,
            Kind::WebhookSecret {
                standard: Some(true)
            }
        );
        assert!(std.problems.is_empty(), "{:?}", std.problems);
        assert!(identify("whsec_abc").problems[0].text.contains("truncated"));
    }

    #[test]
    fn shopify_tokens_and_secrets() {
        assert_eq!(
            kind(&format!("shpat_{HEX32}")),
            Kind::ShopifyToken { prefix: "shpat_" }
        );
        assert_eq!(kind(&format!("shpss_{HEX32}")), Kind::ShopifyAppSecret);
        assert!(!identify(&format!("shpat_{}", &HEX32[..30]))
            .problems
            .is_empty());
        assert_eq!(kind(HEX32), Kind::Hex32);
    }

    #[test]
    fn mailchimp_woocommerce_and_prefixed() {
        let mc = identify(&format!("{HEX32}-us6"));
        assert_eq!(mc.kind, Kind::Mailchimp { dc: "us6".into() });
        assert!(mc.problems.is_empty());
        assert!(!identify(&format!("{HEX32}-zz")).problems.is_empty());
        assert_eq!(kind(&format!("ck_{HEX40}")), Kind::WooKey);
        assert!(identify(&format!("cs_{}", &HEX40[..39])).problems[0]
            .text
            .contains("40"));
        assert_eq!(
            kind("wlcro_live_4711_s3cr3tS3cr3tS3cr3t"),
            Kind::Prefixed {
                prefix: "wlcro".into(),
                live: true,
                id: "4711".into()
            }
        );
        // One `_` inside a random body is not an account id.
        let duffel = identify("duffel_test_Ab3dEf5hIj7lMn9pQr1tUv_3xYz5bCd7fGh9jKl1nOp3rSt");
        assert!(
            duffel.facts.iter().all(|(k, _)| *k != "account_id"),
            "{:?}",
            duffel.facts
        );
        assert!(!duffel.label.contains("Ab3dEf"), "{}", duffel.label);
        for t in [
            "ghu_abcdefghijklmnopqrstuvwxyz0123456789",
            "ghr_abcdefghijklmnopqrstuvwxyz0123456789",
        ] {
            assert_eq!(kind(t), Kind::GitHubToken);
        }
        for t in [
            "xapp-1-A0-1-abcdef",
            "xoxe.xoxp-1-abcdef",
            "xoxe-1-abc",
            "xoxs-1",
            "xoxo-1",
            "xoxa-2",
            "xoxr-1",
        ] {
            assert_eq!(kind(t), Kind::SlackToken, "{t}");
        }
    }

    #[test]
    fn near_misses_are_named() {
        assert!(identify("SK_LIVE_51HxYzAbCdEfGhIjKlMnOpQrSt").problems[0]
            .text
            .contains("capitalisation"));
        assert!(identify(&format!("shpat{HEX32}")).problems[0]
            .text
            .contains("underscore"));
        assert_eq!(identify("hello world").label, "unrecognised value");
    }
}
