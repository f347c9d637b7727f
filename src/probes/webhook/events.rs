//! What a delivery looks like when the provider sends it: the headers each
//! provider documents beside its signature (event name, delivery id, shop,
//! API version, User-Agent, Content-Type) and built-in sample events per
//! provider, so `webhook send`, `webhook audit` and a receiver's tests
//! need no payload file. The bodies are shaped like each provider's
//! documented examples but carry plumb's own made-up values. Sources in
//! docs/providers.md ("Delivery headers").

use crate::probes::webhook::signature::scheme::{mac, Algorithm, Encoding};
use crate::probes::webhook::signature::Provider;
use crate::secret::Secret;
use serde_json::json;

/// A sample event plumb can deliver without a payload file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// The provider's name for it: `customer.created`, `orders/create`, `push`.
    pub name: &'static str,
    /// One line on what it stands for.
    pub about: &'static str,
}

const fn s(name: &'static str, about: &'static str) -> Sample {
    Sample { name, about }
}

const STRIPE: &[Sample] = &[
    s("customer.created", "a customer object was created"),
    s("customer.updated", "a customer's details changed"),
    s("payment_intent.succeeded", "a payment went through"),
    s("invoice.paid", "an invoice was paid"),
    s("checkout.session.completed", "a Checkout session finished"),
];
const SHOPIFY: &[Sample] = &[
    s("orders/create", "an order was placed"),
    s("orders/paid", "an order was paid"),
    s("customers/create", "a customer account was created"),
    s("products/update", "a product changed"),
    s("app/uninstalled", "the shop removed the app"),
];
const WOOCOMMERCE: &[Sample] = &[
    s("order.created", "an order was placed"),
    s("order.updated", "an order changed"),
    s("customer.created", "a customer registered"),
    s("product.updated", "a product changed"),
];
const GITHUB: &[Sample] = &[
    s("ping", "sent once when a webhook is created"),
    s("push", "commits were pushed to a branch"),
    s("issues", "an issue was opened"),
    s("pull_request", "a pull request was opened"),
];
const SLACK: &[Sample] = &[
    s(
        "url_verification",
        "the challenge Slack sends when the Request URL is saved",
    ),
    s("app_mention", "someone mentioned the app (Events API)"),
    s("message", "a message was posted in a channel (Events API)"),
];
const STANDARD: &[Sample] = &[
    s(
        "user.created",
        "an example event of the specification's shape",
    ),
    s(
        "invoice.paid",
        "an example event of the specification's shape",
    ),
];
const MANDRILL: &[Sample] = &[
    s("send", "a message was sent"),
    s("open", "a recipient opened a message"),
    s("click", "a recipient clicked a link"),
    s("hard_bounce", "a message bounced permanently"),
];
const GENERIC: &[Sample] = &[s("ping", "a small JSON test event")];

/// The sample events plumb has for `provider`, the first being the default.
pub fn samples(provider: Provider) -> &'static [Sample] {
    match provider {
        Provider::Stripe => STRIPE,
        Provider::Shopify => SHOPIFY,
        Provider::Woocommerce => WOOCOMMERCE,
        Provider::Github => GITHUB,
        Provider::Slack => SLACK,
        Provider::Standard => STANDARD,
        Provider::Mandrill => MANDRILL,
        Provider::Timestamped | Provider::Hmac => GENERIC,
    }
}

/// What the provider calls the thing `--event` names: a topic (Shopify,
/// WooCommerce), an event type (Stripe, GitHub, Slack…).
pub fn event_word(provider: Provider) -> &'static str {
    match provider {
        Provider::Shopify | Provider::Woocommerce => "topic",
        _ => "event",
    }
}

/// The sample named `name` for `provider`, or a usage-style message that
/// lists the ones there are.
pub fn find(provider: Provider, name: &str) -> Result<Sample, String> {
    let all = samples(provider);
    all.iter().find(|s| s.name == name).copied().ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|s| s.name).collect();
        format!(
            "{} has no sample {} '{name}'; plumb has: {}",
            provider.as_str(),
            event_word(provider),
            names.join(", ")
        )
    })
}

/// Everything that makes one delivery unique: its ids and the moment it
/// was signed. Fresh for every delivery, shared by a retry.
#[derive(Debug, Clone)]
pub struct Identity {
    /// Unix seconds the delivery is signed with.
    pub timestamp: i64,
    /// The Standard Webhooks message id (`msg_…`), also the seed of the
    /// other providers' ids.
    pub id: String,
}

impl Identity {
    /// A random id of `len` hex digits derived from the message id, so one
    /// identity always yields the same delivery ids.
    fn hex(&self, salt: &str, len: usize) -> String {
        let digest = crate::probes::webhook::signature::scheme::sha256_hex(
            format!("{salt}:{}", self.id).as_bytes(),
        );
        digest[..len.min(digest.len())].to_string()
    }

    /// A UUID-shaped id (GitHub's X-GitHub-Delivery, Shopify's ids).
    fn uuid(&self, salt: &str) -> String {
        let h = self.hex(salt, 32);
        format!(
            "{}-{}-4{}-8{}-{}",
            &h[..8],
            &h[8..12],
            &h[13..16],
            &h[17..20],
            &h[20..32]
        )
    }

    /// A decimal id of `len` digits.
    fn number(&self, salt: &str, len: usize) -> u64 {
        let h = self.hex(salt, 15);
        u64::from_str_radix(&h, 16).unwrap_or(1) % 10u64.pow(len as u32)
    }

    fn rfc3339(&self) -> String {
        let at = std::time::UNIX_EPOCH
            + std::time::Duration::from_secs(u64::try_from(self.timestamp).unwrap_or(0));
        humantime::format_rfc3339_seconds(at).to_string()
    }
}

/// The body of a sample event, as the provider would serialise it
/// (compact JSON; Mandrill's form body `mandrill_events=[…]`).
pub fn body(provider: Provider, sample: &Sample, who: &Identity) -> Vec<u8> {
    let t = who.timestamp;
    let value = match provider {
        Provider::Stripe => stripe_body(sample.name, who),
        Provider::Shopify => shopify_body(sample.name, who),
        Provider::Woocommerce => woocommerce_body(sample.name, who),
        Provider::Github => github_body(sample.name, who),
        Provider::Slack => slack_body(sample.name, who),
        Provider::Standard => json!({
            "type": sample.name,
            "timestamp": who.rfc3339(),
            "data": match sample.name {
                "invoice.paid" => json!({"invoice_id": format!("inv_{}", who.hex("inv", 12)), "amount": 4200, "currency": "eur"}),
                _ => json!({"user_id": format!("usr_{}", who.hex("usr", 12)), "email": "ada@example.test"}),
            },
        }),
        Provider::Mandrill => {
            let event = json!([{
                "event": sample.name,
                "ts": t,
                "_id": who.hex("mandrill", 32),
                "msg": {
                    "ts": t - 30,
                    "email": "ada@example.test",
                    "sender": "shop@example.test",
                    "subject": "Your plumb test order",
                    "state": if sample.name == "hard_bounce" { "bounced" } else { "sent" },
                    "tags": ["plumb-test"],
                },
            }]);
            let form: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("mandrill_events", &event.to_string())
                .finish();
            return form.into_bytes();
        }
        Provider::Timestamped | Provider::Hmac => json!({
            "event": sample.name,
            "id": who.id,
            "created": t,
            "test": true,
        }),
    };
    value.to_string().into_bytes()
}

fn stripe_body(name: &str, who: &Identity) -> serde_json::Value {
    let t = who.timestamp;
    let customer = format!("cus_{}", who.hex("cus", 14));
    let object = match name {
        "customer.created" | "customer.updated" => json!({
            "id": customer,
            "object": "customer",
            "created": t,
            "email": "ada@example.test",
            "name": "Ada Example",
            "livemode": false,
            "metadata": {"source": "plumb"},
        }),
        "payment_intent.succeeded" => json!({
            "id": format!("pi_{}", who.hex("pi", 24)),
            "object": "payment_intent",
            "amount": 4200,
            "amount_received": 4200,
            "currency": "eur",
            "customer": customer,
            "status": "succeeded",
            "created": t,
            "livemode": false,
        }),
        "invoice.paid" => json!({
            "id": format!("in_{}", who.hex("in", 24)),
            "object": "invoice",
            "amount_paid": 4200,
            "currency": "eur",
            "customer": customer,
            "status": "paid",
            "created": t,
            "livemode": false,
        }),
        _ => json!({
            "id": format!("cs_test_{}", who.hex("cs", 24)),
            "object": "checkout.session",
            "amount_total": 4200,
            "currency": "eur",
            "customer": customer,
            "mode": "payment",
            "payment_status": "paid",
            "status": "complete",
            "created": t,
            "livemode": false,
        }),
    };
    let mut event = json!({
        "id": format!("evt_{}", who.hex("evt", 24)),
        "object": "event",
        "api_version": "2024-06-20",
        "created": t,
        "data": {"object": object},
        "livemode": false,
        "pending_webhooks": 1,
        "request": {"id": format!("req_{}", who.hex("req", 14)), "idempotency_key": null},
        "type": name,
    });
    if name == "customer.updated" {
        event["data"]["previous_attributes"] = json!({"email": "ada@old.example.test"});
    }
    event
}

fn shopify_body(topic: &str, who: &Identity) -> serde_json::Value {
    let id = who.number("shopify", 13);
    let at = who.rfc3339();
    let customer = json!({
        "id": who.number("customer", 13),
        "email": "ada@example.test",
        "first_name": "Ada",
        "last_name": "Example",
        "created_at": at,
        "updated_at": at,
        "state": "enabled",
        "currency": "EUR",
    });
    match topic {
        "customers/create" => customer,
        "products/update" => json!({
            "id": id,
            "title": "plumb test product",
            "handle": "plumb-test-product",
            "status": "active",
            "vendor": "plumb",
            "created_at": at,
            "updated_at": at,
            "variants": [{"id": who.number("variant", 13), "product_id": id, "sku": "PLUMB-1", "price": "42.00"}],
        }),
        "app/uninstalled" => json!({
            "id": who.number("shop", 9),
            "name": "plumb test shop",
            "domain": "plumb-test.myshopify.com",
            "myshopify_domain": "plumb-test.myshopify.com",
            "plan_name": "partner_test",
            "currency": "EUR",
        }),
        _ => json!({
            "id": id,
            "admin_graphql_api_id": format!("gid://shopify/Order/{id}"),
            "name": "#1001",
            "order_number": 1001,
            "email": "ada@example.test",
            "created_at": at,
            "updated_at": at,
            "currency": "EUR",
            "total_price": "42.00",
            "financial_status": if topic == "orders/paid" { "paid" } else { "pending" },
            "test": true,
            "customer": customer,
            "line_items": [{"id": who.number("line", 13), "title": "plumb test product", "quantity": 1, "price": "42.00", "sku": "PLUMB-1"}],
        }),
    }
}

fn woocommerce_body(topic: &str, who: &Identity) -> serde_json::Value {
    let id = who.number("woo", 4);
    let at = who.rfc3339();
    let at = at.trim_end_matches('Z');
    match topic {
        "customer.created" => json!({
            "id": id,
            "date_created": at,
            "email": "ada@example.test",
            "first_name": "Ada",
            "last_name": "Example",
            "role": "customer",
            "username": "ada.example",
        }),
        "product.updated" => json!({
            "id": id,
            "name": "plumb test product",
            "slug": "plumb-test-product",
            "type": "simple",
            "status": "publish",
            "sku": "PLUMB-1",
            "price": "42.00",
            "date_modified": at,
        }),
        _ => json!({
            "id": id,
            "status": if topic == "order.updated" { "completed" } else { "processing" },
            "currency": "EUR",
            "date_created": at,
            "date_modified": at,
            "total": "42.00",
            "customer_id": 0,
            "billing": {"first_name": "Ada", "last_name": "Example", "email": "ada@example.test"},
            "line_items": [{"id": who.number("line", 4), "name": "plumb test product", "quantity": 1, "total": "42.00", "sku": "PLUMB-1"}],
        }),
    }
}

fn github_body(event: &str, who: &Identity) -> serde_json::Value {
    let repo = json!({
        "id": who.number("repo", 9),
        "name": "plumb-test",
        "full_name": "example/plumb-test",
        "private": true,
        "owner": {"login": "example", "id": who.number("owner", 8), "type": "Organization"},
        "default_branch": "main",
    });
    let sender = json!({"login": "ada-example", "id": who.number("sender", 8), "type": "User"});
    match event {
        "ping" => json!({
            "zen": "Plumb the pipes before the flood.",
            "hook_id": who.number("hook", 9),
            "hook": {"type": "Repository", "id": who.number("hook", 9), "active": true, "events": ["push", "pull_request"]},
            "repository": repo,
            "sender": sender,
        }),
        "push" => {
            let before = who.hex("before", 40);
            let after = who.hex("after", 40);
            json!({
                "ref": "refs/heads/main",
                "before": before,
                "after": after,
                "created": false,
                "deleted": false,
                "forced": false,
                "commits": [{"id": after, "message": "Test commit from plumb", "timestamp": who.rfc3339(), "author": {"name": "Ada Example", "email": "ada@example.test"}}],
                "repository": repo,
                "pusher": {"name": "ada-example", "email": "ada@example.test"},
                "sender": sender,
            })
        }
        "issues" => json!({
            "action": "opened",
            "issue": {"number": 7, "title": "Test issue from plumb", "state": "open", "user": sender, "created_at": who.rfc3339()},
            "repository": repo,
            "sender": sender,
        }),
        _ => json!({
            "action": "opened",
            "number": 8,
            "pull_request": {"number": 8, "title": "Test pull request from plumb", "state": "open", "head": {"ref": "plumb-test"}, "base": {"ref": "main"}, "user": sender, "created_at": who.rfc3339()},
            "repository": repo,
            "sender": sender,
        }),
    }
}

fn slack_body(event: &str, who: &Identity) -> serde_json::Value {
    if event == "url_verification" {
        return json!({
            "token": "plumb-verification-token",
            "challenge": who.hex("challenge", 40),
            "type": "url_verification",
        });
    }
    let ts = format!("{}.{:06}", who.timestamp, who.number("ts", 6));
    let text = if event == "app_mention" {
        "<@U0PLUMBAPP> are the pipes clear?"
    } else {
        "a test message from plumb"
    };
    json!({
        "token": "plumb-verification-token",
        "team_id": "T0PLUMB01",
        "api_app_id": "A0PLUMB01",
        "event": {"type": event, "user": "U0PLUMBUSR", "text": text, "ts": ts, "channel": "C0PLUMB01", "event_ts": ts},
        "type": "event_callback",
        "event_id": format!("Ev{}", who.hex("ev", 10).to_uppercase()),
        "event_time": who.timestamp,
    })
}

/// The Content-Type each provider sends (Mandrill posts a form).
pub fn content_type(provider: Provider) -> &'static str {
    match provider {
        Provider::Stripe => "application/json; charset=utf-8",
        Provider::Mandrill => "application/x-www-form-urlencoded",
        _ => "application/json",
    }
}

/// The User-Agent a provider's deliveries carry: documented by GitHub (its
/// prefix) and WooCommerce (its source), seen on deliveries for Stripe,
/// Slack and Mandrill; none for the others (plumb's own is sent then).
pub fn user_agent(provider: Provider) -> Option<&'static str> {
    match provider {
        Provider::Stripe => Some("Stripe/1.0 (+https://stripe.com/docs/webhooks)"),
        Provider::Github => Some("GitHub-Hookshot/plumb"),
        Provider::Woocommerce => Some("WooCommerce/9.0.0 Hookshot (WordPress/6.6)"),
        Provider::Slack => Some("Slackbot 1.0 (+https://api.slack.com/robots)"),
        Provider::Mandrill => Some("Mandrill-Webhook/1.0"),
        _ => None,
    }
}

/// The Shopify Admin API version plumb's sample deliveries name.
pub const SHOPIFY_API_VERSION: &str = "2025-07";
/// The shop plumb's sample Shopify deliveries come from.
pub const SHOPIFY_SHOP: &str = "plumb-test.myshopify.com";
/// The site plumb's sample WooCommerce deliveries come from.
pub const WOOCOMMERCE_SOURCE: &str = "https://shop.example.test/";

/// The headers the provider sends beside its signature for this delivery:
/// the event or topic, delivery ids, the source, the User-Agent. The
/// signature itself comes from [`crate::probes::webhook::signature::sign`];
/// GitHub's legacy SHA-1 signature is added here since every GitHub
/// delivery carries it.
pub fn provider_headers(
    provider: Provider,
    event: &str,
    who: &Identity,
    secret: &Secret,
    body: &[u8],
) -> Vec<(String, String)> {
    let h = |n: &str, v: String| (n.to_string(), v);
    let mut out = vec![h("Content-Type", content_type(provider).to_string())];
    if let Some(ua) = user_agent(provider) {
        out.push(h("User-Agent", ua.to_string()));
    }
    match provider {
        Provider::Shopify => {
            out.push(h("X-Shopify-Topic", event.to_string()));
            out.push(h("X-Shopify-Shop-Domain", SHOPIFY_SHOP.to_string()));
            out.push(h("X-Shopify-API-Version", SHOPIFY_API_VERSION.to_string()));
            out.push(h("X-Shopify-Webhook-Id", who.uuid("webhook")));
            out.push(h("X-Shopify-Event-Id", who.uuid("event")));
            out.push(h("X-Shopify-Triggered-At", who.rfc3339()));
        }
        Provider::Github => {
            out.push(h("X-GitHub-Event", event.to_string()));
            out.push(h("X-GitHub-Delivery", who.uuid("delivery")));
            let hook = who.number("hook", 9).to_string();
            out.push(h("X-GitHub-Hook-ID", hook));
            out.push(h(
                "X-GitHub-Hook-Installation-Target-Type",
                "repository".to_string(),
            ));
            out.push(h(
                "X-GitHub-Hook-Installation-Target-ID",
                who.number("repo", 9).to_string(),
            ));
            let sha1 = mac(Algorithm::Sha1, secret.expose().as_bytes(), &[body]);
            out.push(h(
                "X-Hub-Signature",
                format!("sha1={}", Encoding::Hex.encode(&sha1)),
            ));
        }
        Provider::Woocommerce => {
            let (resource, action) = event.split_once('.').unwrap_or((event, ""));
            out.push(h("X-WC-Webhook-Source", WOOCOMMERCE_SOURCE.to_string()));
            out.push(h("X-WC-Webhook-Topic", event.to_string()));
            out.push(h("X-WC-Webhook-Resource", resource.to_string()));
            out.push(h("X-WC-Webhook-Event", action.to_string()));
            out.push(h("X-WC-Webhook-ID", who.number("woo-hook", 2).to_string()));
            out.push(h(
                "X-WC-Webhook-Delivery-ID",
                who.number("delivery", 6).to_string(),
            ));
        }
        _ => {}
    }
    out
}

/// Whether the scheme carries a timestamp a receiver should check.
pub fn timestamped(provider: Provider) -> bool {
    matches!(
        provider,
        Provider::Stripe | Provider::Slack | Provider::Standard | Provider::Timestamped
    )
}

/// How old a timestamp each timestamped provider's libraries still accept
/// (docs/providers.md, "Webhook signatures"): 5 minutes for Stripe, Slack
/// and Standard Webhooks; plumb uses the same for its generic scheme.
pub fn tolerance(provider: Provider) -> Option<std::time::Duration> {
    timestamped(provider).then_some(std::time::Duration::from_secs(300))
}

/// Which provider signed a recorded delivery, from the headers it carries.
pub fn detect(headers: &[(String, String)]) -> Option<Provider> {
    let has = |n: &str| headers.iter().any(|(h, _)| h.eq_ignore_ascii_case(n));
    [
        ("stripe-signature", Provider::Stripe),
        ("x-shopify-hmac-sha256", Provider::Shopify),
        ("x-wc-webhook-signature", Provider::Woocommerce),
        ("x-hub-signature-256", Provider::Github),
        ("x-slack-signature", Provider::Slack),
        ("webhook-signature", Provider::Standard),
        ("svix-signature", Provider::Standard),
        ("x-mandrill-signature", Provider::Mandrill),
    ]
    .into_iter()
    .find_map(|(n, p)| has(n).then_some(p))
}

/// The table `--event list` prints: provider, name, what it stands for.
pub fn listing() -> Vec<(Provider, &'static str, Sample)> {
    Provider::ALL
        .iter()
        .flat_map(|p| samples(*p).iter().map(move |s| (*p, event_word(*p), *s)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who() -> Identity {
        Identity {
            timestamp: 1_700_000_000,
            id: "msg_plumbtest0000000000000000".into(),
        }
    }

    #[test]
    fn every_sample_is_valid_json_or_a_form_and_names_itself() {
        for p in Provider::ALL {
            assert!(!samples(p).is_empty(), "{p:?}");
            for s in samples(p) {
                let b = body(p, s, &who());
                if p == Provider::Mandrill {
                    let fields: Vec<(String, String)> =
                        form_urlencoded::parse(&b).into_owned().collect();
                    assert_eq!(fields[0].0, "mandrill_events");
                    let v: serde_json::Value = serde_json::from_str(&fields[0].1).unwrap();
                    assert_eq!(v[0]["event"], s.name);
                } else {
                    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
                    let text = v.to_string();
                    match p {
                        Provider::Stripe => assert_eq!(v["type"], s.name),
                        Provider::Standard => assert_eq!(v["type"], s.name),
                        Provider::Slack if s.name != "url_verification" => {
                            assert_eq!(v["event"]["type"], s.name)
                        }
                        _ => assert!(text.len() > 20, "{text}"),
                    }
                }
                // The same identity gives the same bytes: a retry is identical.
                assert_eq!(b, body(p, s, &who()));
            }
        }
    }

    #[test]
    fn unknown_events_list_the_known_ones() {
        let e = find(Provider::Shopify, "orders/cancel").unwrap_err();
        assert!(e.contains("topic") && e.contains("orders/create"), "{e}");
        assert_eq!(
            find(Provider::Stripe, "invoice.paid").unwrap().name,
            "invoice.paid"
        );
    }

    #[test]
    fn provider_headers_are_the_documented_names() {
        let secret = Secret::new("hush");
        let names = |p: Provider, e: &str| -> Vec<String> {
            provider_headers(p, e, &who(), &secret, b"{}")
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        let shopify = names(Provider::Shopify, "orders/create");
        for n in [
            "X-Shopify-Topic",
            "X-Shopify-Shop-Domain",
            "X-Shopify-API-Version",
            "X-Shopify-Webhook-Id",
            "X-Shopify-Event-Id",
            "X-Shopify-Triggered-At",
        ] {
            assert!(shopify.iter().any(|h| h == n), "{n}");
        }
        let github = names(Provider::Github, "push");
        for n in [
            "X-GitHub-Event",
            "X-GitHub-Delivery",
            "X-GitHub-Hook-ID",
            "X-GitHub-Hook-Installation-Target-Type",
            "X-GitHub-Hook-Installation-Target-ID",
            "X-Hub-Signature",
            "User-Agent",
        ] {
            assert!(github.iter().any(|h| h == n), "{n}");
        }
        let woo = provider_headers(
            Provider::Woocommerce,
            "order.created",
            &who(),
            &secret,
            b"{}",
        );
        let get = |n: &str| woo.iter().find(|(h, _)| h == n).map(|(_, v)| v.as_str());
        assert_eq!(get("X-WC-Webhook-Resource"), Some("order"));
        assert_eq!(get("X-WC-Webhook-Event"), Some("created"));
        assert!(get("User-Agent").unwrap().contains("Hookshot (WordPress/"));
        let stripe = provider_headers(Provider::Stripe, "invoice.paid", &who(), &secret, b"{}");
        assert_eq!(stripe[0].1, "application/json; charset=utf-8");
        assert!(stripe[1].1.starts_with("Stripe/1.0"));
        // GitHub's legacy header: HMAC-SHA1 of the body, hex.
        let gh = provider_headers(Provider::Github, "push", &who(), &secret, b"{\"id\":1}");
        let sha1 = gh.iter().find(|(h, _)| h == "X-Hub-Signature").unwrap();
        assert_eq!(sha1.1.len(), "sha1=".len() + 40);
        // Each delivery its own ids; the same delivery the same ids.
        let other = Identity {
            id: "msg_other".into(),
            ..who()
        };
        let a = provider_headers(Provider::Shopify, "orders/create", &who(), &secret, b"");
        let b = provider_headers(Provider::Shopify, "orders/create", &other, &secret, b"");
        assert_ne!(a, b);
        assert_eq!(
            a,
            provider_headers(Provider::Shopify, "orders/create", &who(), &secret, b"")
        );
        let uuid = &a
            .iter()
            .find(|(h, _)| h == "X-Shopify-Webhook-Id")
            .unwrap()
            .1;
        assert_eq!(uuid.len(), 36);
        let at = &a
            .iter()
            .find(|(h, _)| h == "X-Shopify-Triggered-At")
            .unwrap()
            .1;
        assert_eq!(at, "2023-11-14T22:13:20Z");
    }

    #[test]
    fn providers_are_told_apart_by_their_signature_header() {
        let one = |n: &str| vec![(n.to_string(), "x".to_string())];
        assert_eq!(detect(&one("Stripe-Signature")), Some(Provider::Stripe));
        assert_eq!(detect(&one("svix-signature")), Some(Provider::Standard));
        assert_eq!(detect(&one("X-SLACK-SIGNATURE")), Some(Provider::Slack));
        assert_eq!(detect(&one("X-Other")), None);
        assert_eq!(tolerance(Provider::Shopify), None);
        assert!(tolerance(Provider::Stripe).is_some());
    }
}
