//! `plumb check stripe`: the key's kind and mode, `GET /v1/balance`, the
//! webhook endpoint registered for a URL and its events, and the format of
//! the webhook signing secret.

use super::{answered, evidence, json, secret_or_file, unexpected_status, Api, Call};
use crate::credentials::{self as kinds, Kind};
use crate::error::{Error, Result};
use crate::net::http::Value;
use crate::net::target;
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use serde_json::Value as Json;

#[derive(Debug)]
pub struct Options {
    /// Secret (sk_) or restricted (rk_) API key
    pub api_key: Option<Secret>,
    /// Read --api-key from this file instead ('-' for standard input); wins over --api-key and STRIPE_API_KEY
    pub api_key_file: Option<std::path::PathBuf>,
    /// The URL Stripe should deliver webhooks to: its endpoint and events are checked
    pub webhook_url: Option<String>,
    /// The endpoint's signing secret (whsec_…), checked for its format
    pub webhook_secret: Option<Secret>,
    /// Read --webhook-secret from this file instead ('-' for standard input); wins over --webhook-secret and STRIPE_WEBHOOK_SECRET
    pub webhook_secret_file: Option<std::path::PathBuf>,
    /// Also require the customer.subscription.* events
    pub subscriptions: bool,
}

const ORIGIN: &str = "https://api.stripe.com";
const BASE_EVENTS: &[&str] = &["customer.created", "customer.updated", "customer.deleted"];
const SUBSCRIPTION_EVENTS: &[&str] = &[
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
];
/// Pages of 100 endpoints read before giving up (Stripe allows 16 per account).
const MAX_PAGES: usize = 10;

pub const KEY: Def = Def {
    id: "stripe.key_format",
    title: "API key",
    judges: "Whether the key is a secret or restricted API key that can call the server API, and in which mode.",
    remedies: &[],
};
pub const SECRET: Def = Def {
    id: "stripe.webhook_secret",
    title: "Webhook signing secret",
    judges: "Whether --webhook-secret has the shape of an endpoint's signing secret (whsec_…) rather than an API key.",
    remedies: &[],
};
pub const AUTH: Def = Def {
    id: "stripe.auth",
    title: "Authentication",
    judges: "Whether Stripe accepts the key on GET /v1/balance.",
    remedies: &[],
};
pub const ENDPOINT: Def = Def {
    id: "stripe.webhook_endpoint",
    title: "Webhook endpoint",
    judges: "Whether a webhook endpoint with exactly the --webhook-url is registered, enabled and in the key's mode.",
    remedies: &[],
};
pub const EVENTS: Def = Def {
    id: "stripe.webhook_events",
    title: "Webhook events",
    judges: "Whether that endpoint receives the customer events, and with --subscriptions the subscription events.",
    remedies: &[],
};

/// Every check `check stripe` reports, in report order.
pub const ALL: &[&Def] = &[&KEY, &SECRET, &AUTH, &ENDPOINT, &EVENTS];

pub async fn run(args: Options, api: Option<Api>) -> Result<Report> {
    let key = secret_or_file(args.api_key, "--api-key-file", args.api_key_file.as_deref())?
        .ok_or_else(|| {
            Error::usage(
            "--api-key is required (or --api-key-file, or set STRIPE_API_KEY): a secret (sk_) or restricted (rk_) key",
        )
        })?;
    let webhook_secret_value = secret_or_file(
        args.webhook_secret,
        "--webhook-secret-file",
        args.webhook_secret_file.as_deref(),
    )?;
    let webhook_url = match &args.webhook_url {
        Some(u) => Some(target::parse_url("--webhook-url", u)?),
        None => None,
    };
    let origin = url::Url::parse(ORIGIN).expect("constant URL");
    let target = match &api {
        Some(a) => a.url(&origin, "/").origin().ascii_serialization(),
        None => ORIGIN.to_string(),
    };
    let mut report = Report::new("check", target);
    report.add_secret(&key);
    if let Some(s) = &webhook_secret_value {
        report.add_secret(s);
    }

    let (key_check, live) = key_format(&key);
    let key_usable = key_check.status() != Status::Fail;
    report.push(key_check);
    report.push(webhook_secret(webhook_secret_value.as_ref()));

    let Some(api) = api else {
        for def in [&AUTH, &ENDPOINT, &EVENTS] {
            report.push(def.skip("not run: --offline"));
        }
        return Ok(report);
    };
    if !key_usable {
        for def in [&AUTH, &ENDPOINT, &EVENTS] {
            report.push(def.skip("not run: the key cannot call the API"));
        }
        return Ok(report);
    }
    let auth = Value::Secret(Secret::new(format!("Bearer {}", key.expose())));
    let headers = [("authorization", auth)];
    let timer = Timer::start();
    let call = api.get(api.url(&origin, "/v1/balance"), &headers).await;
    let auth_check = auth_check(&call, &key).took(timer.elapsed());
    let authed = auth_check.status() == Status::Pass;
    report.push(auth_check);

    let Some(url) = webhook_url else {
        report.push(ENDPOINT.skip("not checked: no --webhook-url"));
        report.push(EVENTS.skip("not checked: no --webhook-url"));
        return Ok(report);
    };
    if !authed {
        report.push(ENDPOINT.skip("not run: authentication failed"));
        report.push(EVENTS.skip("not run: authentication failed"));
        return Ok(report);
    }
    let timer = Timer::start();
    let listed = list_endpoints(&api, &origin, &headers, &key).await;
    let (endpoint_check, found) = match listed {
        Ok(all) => endpoint_check(&all, &url, live),
        Err(check) => (*check, None),
    };
    report.push(endpoint_check.took(timer.elapsed()));
    report.push(match found {
        Some(ep) => events_check(&ep, args.subscriptions),
        None => EVENTS.skip("no endpoint to read events from"),
    });
    Ok(report)
}

/// The key's kind and mode; the mode (`Some(live)`) when it can call the API.
fn key_format(key: &Secret) -> (Check, Option<bool>) {
    let id = kinds::identify(key.expose());
    let base = |status, summary: String| {
        KEY.check(status, summary)
            .detail("key", key.masked())
            .detail("kind", id.label.clone())
    };
    let live = match id.kind {
        Kind::StripeSecret { live } | Kind::StripeRestricted { live } => live,
        Kind::StripePublishable { .. } => {
            return (
                base(Status::Fail, format!("{}: it cannot call the server API", id.label))
                    .remedy("Use the secret key (sk_live_/sk_test_) or a restricted key (rk_) from the Stripe Dashboard (Developers > API keys); a publishable key belongs only in browser code."),
                None,
            )
        }
        Kind::WebhookSecret { .. } => {
            return (
                base(Status::Fail, "this is a webhook signing secret, not an API key".to_string())
                    .remedy("Pass the signing secret as --webhook-secret and the API key (sk_ or rk_) as --api-key."),
                None,
            )
        }
        _ => {
            return (
                base(Status::Fail, format!("not a Stripe API key: {}", id.label))
                    .remedy("Copy the secret key (sk_live_/sk_test_) or a restricted key (rk_) from the Stripe Dashboard (Developers > API keys)."),
                None,
            )
        }
    };
    let mode = if live { "live" } else { "test" };
    if let Some(p) = id.problems.first() {
        return (
            base(Status::Fail, format!("{}: {}", id.label, p.text))
                .detail("mode", mode)
                .remedy(p.fix.clone()),
            None,
        );
    }
    (
        base(Status::Pass, id.label.clone()).detail("mode", mode),
        Some(live),
    )
}

fn webhook_secret(secret: Option<&Secret>) -> Check {
    let Some(secret) = secret else {
        return SECRET.skip("not checked: no --webhook-secret");
    };
    let id = kinds::identify(secret.expose());
    let check = |status, summary: String| {
        SECRET
            .check(status, summary)
            .detail("secret", secret.masked())
            .detail("kind", id.label.clone())
    };
    match id.kind {
        Kind::WebhookSecret { .. } => match id.problems.first() {
            Some(p) => check(Status::Fail, p.text.clone()).remedy(p.fix.clone()),
            None => check(Status::Pass, "starts with whsec_ as a signing secret should".to_string()),
        },
        Kind::StripeSecret { .. } | Kind::StripeRestricted { .. } | Kind::StripePublishable { .. } => {
            check(Status::Fail, format!("this is an API key ({}), not the webhook signing secret", id.label))
                .remedy("Open the endpoint in the Stripe Dashboard (Developers > Webhooks), reveal its signing secret and copy the whole whsec_… value.")
        }
        _ => check(Status::Fail, format!("does not start with whsec_: {}", id.label))
            .remedy("Copy the endpoint's signing secret (whsec_…) from the Stripe Dashboard (Developers > Webhooks), prefix included."),
    }
}

fn auth_check(call: &Call, key: &Secret) -> Check {
    let r = match answered(&AUTH, call, &[key]) {
        Ok(r) => r,
        Err(c) => return *c,
    };
    let body = json(r);
    let check = |status, summary: &str| evidence(AUTH.check(status, summary), r, &[key]);
    match r.status {
        200..=299 => {
            let mut c = check(Status::Pass, "the key was accepted (GET /v1/balance)");
            if let Some(l) = body.get("livemode").and_then(Json::as_bool) {
                c = c.detail("livemode", l);
            }
            c
        }
        401 => check(Status::Fail, "401: the key is invalid, expired or was revoked")
            .remedy("Copy the current key from the Stripe Dashboard (Developers > API keys); a rolled key stops working once its expiry passes.")
            .remedy("Check that the key belongs to the account (and mode) you expect."),
        403 => {
            let message = super::ApiError::parse(&r.body).message.unwrap_or_default();
            let needs = permission_named(&message).unwrap_or_else(|| "Balance: Read".to_string());
            check(Status::Fail, &format!("403: the restricted key lacks a permission ({needs})"))
                .detail("needed_permission", needs.clone())
                .remedy(format!("Edit the restricted key in the Stripe Dashboard (Developers > API keys) and grant {needs}, or use a key that has it."))
        }
        429 => check(Status::Warn, "429: rate limited; the key could not be judged")
            .remedy("Retry in a few seconds; Stripe allows about 100 requests per second in live mode and 25 in test mode."),
        s => check(Status::Fail, &format!("unexpected HTTP {s} from /v1/balance"))
            .remedy("Check status.stripe.com and retry; read the error in the details."),
    }
}

/// The permission a 403 message names (`… the 'rak_balance_read' permission …`).
fn permission_named(message: &str) -> Option<String> {
    let start = message.find("'rak_")? + 1;
    let end = start + message[start..].find('\'')?;
    Some(message[start..end].to_string())
}

/// Every webhook endpoint, following `has_more` pages.
async fn list_endpoints(
    api: &Api,
    origin: &url::Url,
    headers: &[(&str, Value)],
    key: &Secret,
) -> std::result::Result<Vec<Json>, Box<Check>> {
    let mut all = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let path = match &after {
            Some(a) => format!("/v1/webhook_endpoints?limit=100&starting_after={a}"),
            None => "/v1/webhook_endpoints?limit=100".to_string(),
        };
        let call = api.get(api.url(origin, &path), headers).await;
        let r = match answered(&ENDPOINT, &call, &[key]) {
            Ok(r) => r,
            Err(c) => return Err(c),
        };
        if r.status == 403 {
            return Err(Box::new(
                evidence(ENDPOINT.fail("403: the key may not list webhook endpoints"), r, &[key])
                    .remedy("Grant the restricted key Webhook Endpoints: Read in the Stripe Dashboard (Developers > API keys), or use the secret key."),
            ));
        }
        if !(200..300).contains(&r.status) {
            return Err(Box::new(
                unexpected_status(&ENDPOINT, "listing webhook endpoints", r, &[key])
                    .remedy("Read the error in the details and retry."),
            ));
        }
        let body = json(r);
        let data = body
            .get("data")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        after = data
            .last()
            .and_then(|e| e.get("id"))
            .and_then(Json::as_str)
            .map(str::to_string);
        all.extend(data);
        if body.get("has_more").and_then(Json::as_bool) != Some(true) || after.is_none() {
            break;
        }
    }
    Ok(all)
}

fn ep_str<'a>(ep: &'a Json, key: &str) -> &'a str {
    ep.get(key).and_then(Json::as_str).unwrap_or("")
}

/// The URL without scheme, case or trailing slash: what a near match shares.
fn loose(url: &str) -> String {
    let s = url.trim().to_ascii_lowercase();
    let s = s.split_once("://").map_or(s.as_str(), |(_, r)| r);
    s.trim_end_matches('/').to_string()
}

fn endpoint_check(all: &[Json], url: &url::Url, live: Option<bool>) -> (Check, Option<Json>) {
    let wanted = url.as_str();
    let exact = all
        .iter()
        .find(|ep| url::Url::parse(ep_str(ep, "url")).is_ok_and(|u| u == *url));
    let Some(ep) = exact else {
        let near: Vec<String> = all
            .iter()
            .map(|ep| ep_str(ep, "url"))
            .filter(|u| {
                loose(u) == loose(wanted)
                    || url::Url::parse(u).is_ok_and(|p| p.host_str() == url.host_str())
            })
            .map(str::to_string)
            .collect();
        let mut c = ENDPOINT
            .fail(format!("no webhook endpoint has the URL {wanted}"))
            .detail("endpoints_listed", all.len());
        if !near.is_empty() {
            c = c.detail("near_matches", near);
        }
        return (
            c.remedy("Add an endpoint with exactly this URL in the Stripe Dashboard (Developers > Webhooks), or correct the URL: scheme, host, path and trailing slash must all match.")
                .remedy("Check that the key belongs to the account and mode (live or test) where the endpoint was created."),
            None,
        );
    };
    let status = ep_str(ep, "status");
    let ep_live = ep.get("livemode").and_then(Json::as_bool);
    let base = |s, summary: String| {
        ENDPOINT
            .check(s, summary)
            .detail("endpoint_id", ep_str(ep, "id"))
            .detail("status", status)
            .detail("livemode", ep_live)
            .detail(
                "api_version",
                ep.get("api_version").cloned().unwrap_or(Json::Null),
            )
    };
    let check = if status == "disabled" {
        base(Status::Fail, format!("the endpoint for {wanted} is disabled"))
            .remedy("Enable the endpoint in the Stripe Dashboard (Developers > Webhooks); events created while it was disabled are not re-sent.")
    } else if let (Some(k), Some(e)) = (live, ep_live) {
        if k != e {
            base(
                Status::Warn,
                format!(
                    "the endpoint is in {} mode but the key is a {} key",
                    if e { "live" } else { "test" },
                    if k { "live" } else { "test" }
                ),
            )
            .remedy("Use a key and an endpoint of the same mode: test-mode events never reach live endpoints, and the reverse.")
        } else {
            base(
                Status::Pass,
                format!("{} is registered and enabled", wanted),
            )
        }
    } else {
        base(Status::Pass, format!("{wanted} is registered and enabled"))
    };
    (check, Some(ep.clone()))
}

fn events_check(ep: &Json, subscriptions: bool) -> Check {
    let enabled: Vec<&str> = ep
        .get("enabled_events")
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let mut required: Vec<&str> = BASE_EVENTS.to_vec();
    if subscriptions {
        required.extend(SUBSCRIPTION_EVENTS);
    }
    let all = enabled.contains(&"*");
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|e| !all && !enabled.contains(e))
        .collect();
    let c = |status, summary: String| {
        EVENTS
            .check(status, summary)
            .detail("enabled_events", enabled.clone())
            .detail("required_events", required.clone())
    };
    if missing.is_empty() {
        if all {
            c(Status::Pass, "all events (*) are enabled".to_string())
        } else {
            c(
                Status::Pass,
                format!("all {} required events are enabled", required.len()),
            )
        }
    } else {
        c(Status::Fail, format!("missing event{}: {}", if missing.len() == 1 { "" } else { "s" }, missing.join(", ")))
            .detail("missing_events", missing.clone())
            .remedy(format!("Add {} to the endpoint's events in the Stripe Dashboard (Developers > Webhooks > the endpoint > Update details).", missing.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_kinds() {
        let (c, live) = key_format(&Secret::new("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        assert_eq!(c.status(), Status::Pass);
        assert_eq!(live, Some(false));
        let (c, _) = key_format(&Secret::new("pk_live_4eC39HqLyjWDarjtT1zdp7dc"));
        assert_eq!(c.status(), Status::Fail);
        let (c, _) = key_format(&Secret::new("whsec_4eC39HqLyjWDarjtT1zdp7dcabcdefgh"));
        assert!(c.summary().contains("signing secret"));
    }

    #[test]
    fn permission_in_a_403_message() {
        let m = "The provided key 'rk_test_***abc' does not have the required permissions for this endpoint. Having the 'rak_balance_read' permission would allow this request to continue.";
        assert_eq!(permission_named(m).as_deref(), Some("rak_balance_read"));
        assert_eq!(permission_named("no such thing"), None);
    }

    #[test]
    fn near_matches_ignore_scheme_case_and_slash() {
        assert_eq!(
            loose("http://Example.com/hook/"),
            loose("https://example.com/hook")
        );
        assert_ne!(
            loose("https://example.com/a"),
            loose("https://example.com/b")
        );
    }

    #[test]
    fn star_covers_every_event() {
        let ep = serde_json::json!({"enabled_events": ["*"]});
        assert_eq!(events_check(&ep, true).status(), Status::Pass);
        let ep = serde_json::json!({"enabled_events": ["customer.created"]});
        let c = events_check(&ep, false);
        assert_eq!(c.status(), Status::Fail);
        assert!(c.summary().contains("customer.updated, customer.deleted"));
    }
}
