//! `plumb check shopify`: the store address, the Admin API token, then
//! `shop.json` (auth, plan, API version, call limit) and the granted scopes.

use super::{answered, evidence, json, secret_or_file, unexpected_status, Api, Call};
use crate::credentials::{self as kinds, Kind};
use crate::error::{Error, Result};
use crate::net::http::{Response, Value};
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use crate::service::{parse_store, Store};
use serde_json::Value as Json;

/// A stable version Shopify supports as of this release (each is
/// supported for at least twelve months).
pub const DEFAULT_API_VERSION: &str = "2026-10";

#[derive(Debug)]
pub struct Options {
    /// The store: NAME, NAME.myshopify.com or an admin URL
    pub store: Option<String>,
    /// Admin API access token (shpat_, shpca_, shppa_ or a legacy 32-hex token)
    pub token: Option<Secret>,
    /// Read --token from this file instead ('-' for standard input); wins over --token and SHOPIFY_ACCESS_TOKEN
    pub token_file: Option<std::path::PathBuf>,
    /// Admin API version to call (YYYY-MM)
    pub api_version: String,
    /// Also require this access scope (repeatable)
    pub require_scope: Vec<String>,
}

const REQUIRED_SCOPES: &[&str] = &["read_customers", "read_orders"];
const OPTIONAL_SCOPES: &[&str] = &["read_products"];

pub const STORE: Def = Def {
    id: "shopify.store_url",
    title: "Store address",
    judges: "Whether --store names a store by its myshopify.com domain, the address the Admin API answers on.",
    remedies: &[],
};
pub const TOKEN: Def = Def {
    id: "shopify.token_format",
    title: "Access token",
    judges: "Whether the token has the shape of an Admin API access token rather than another Shopify credential.",
    remedies: &[],
};
pub const AUTH: Def = Def {
    id: "shopify.auth",
    title: "Authentication",
    judges:
        "Whether shop.json accepts the token, and what the store's answer means when it does not.",
    remedies: &[],
};
pub const SCOPES: Def = Def {
    id: "shopify.scopes",
    title: "Access scopes",
    judges: "Whether the token holds the required access scopes and any --require-scope (a write scope grants its read scope).",
    remedies: &[],
};
pub const PLAN: Def = Def {
    id: "shopify.plan",
    title: "Plan",
    judges: "Whether the store's plan gives an integration the Admin API access it needs.",
    remedies: &[],
};
pub const VERSION: Def = Def {
    id: "shopify.api_version",
    title: "API version",
    judges: "Whether Shopify served the requested --api-version rather than another one.",
    remedies: &[],
};
pub const LIMIT: Def = Def {
    id: "shopify.rate_limit",
    title: "Call limit",
    judges: "How much of the store's API call bucket is in use; warns from 80%.",
    remedies: &["Another app or integration is using most of the bucket: slow down or spread calls out (the bucket drains at 2 calls per second on standard plans)."],
};
const LIVE: [&Def; 5] = [&AUTH, &SCOPES, &PLAN, &VERSION, &LIMIT];

/// Every check `check shopify` reports, in report order.
pub const ALL: &[&Def] = &[&STORE, &TOKEN, &AUTH, &SCOPES, &PLAN, &VERSION, &LIMIT];

/// `YYYY-MM` with a quarterly month, or `unstable`.
pub fn api_version(s: &str) -> std::result::Result<String, String> {
    let t = s.trim();
    let ok = t == "unstable"
        || (t.len() == 7
            && t[..4].bytes().all(|b| b.is_ascii_digit())
            && &t[4..5] == "-"
            && ["01", "04", "07", "10"].contains(&&t[5..]));
    if ok {
        Ok(t.to_string())
    } else {
        Err("use a release such as 2026-10 (YYYY-01, -04, -07 or -10) or 'unstable'".to_string())
    }
}

pub async fn run(args: Options, api: Option<Api>) -> Result<Report> {
    let raw = args
        .store
        .ok_or_else(|| Error::usage("--store is required (or set SHOPIFY_STORE)"))?;
    let store = parse_store(&raw)?;
    let token = secret_or_file(args.token, "--token-file", args.token_file.as_deref())?
        .ok_or_else(|| {
            Error::usage("--token is required (or --token-file, or set SHOPIFY_ACCESS_TOKEN)")
        })?;
    for s in &args.require_scope {
        if s.trim().is_empty() || !s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(Error::usage(format!(
                "--require-scope '{}': a scope is lowercase words joined by _ such as read_products",
                crate::escape::clean(s)
            )));
        }
    }
    let shown = match &store {
        Store::Shop { domain, .. } => domain.clone(),
        Store::CustomDomain(h) | Store::BadName(h) => h.clone(),
    };
    let mut report = Report::new("check", shown);
    report.add_secret(&token);
    let (store_check, domain) = store_check(&store);
    report.push(store_check);
    let token_check = token_check(&token);
    let token_ok = token_check.status() != Status::Fail;
    report.push(token_check);

    let Some(api) = api else {
        skip_live(&mut report, "not run: --offline");
        return Ok(report);
    };
    let Some(domain) = domain.filter(|_| token_ok) else {
        skip_live(
            &mut report,
            "not run: fix the store address and token first",
        );
        return Ok(report);
    };
    let origin = url::Url::parse(&format!("https://{domain}/")).expect("valid store URL");
    let headers = [("x-shopify-access-token", Value::Secret(token.clone()))];
    let timer = Timer::start();
    let path = format!("/admin/api/{}/shop.json", args.api_version);
    let call = api.get(api.url(&origin, &path), &headers).await;
    let (auth, answer) = auth_check(&call, &token);
    report.push(auth.took(timer.elapsed()));
    let Some(r) = answer else {
        for def in [&SCOPES, &PLAN, &VERSION, &LIMIT] {
            report.push(def.skip("not run: authentication failed"));
        }
        return Ok(report);
    };
    let timer = Timer::start();
    let call = api
        .get(
            api.url(&origin, "/admin/oauth/access_scopes.json"),
            &headers,
        )
        .await;
    let mut required: Vec<String> = REQUIRED_SCOPES.iter().map(|s| s.to_string()).collect();
    for s in &args.require_scope {
        if !required.contains(s) {
            required.push(s.clone());
        }
    }
    report.push(scopes_check(&call, &required, &token).took(timer.elapsed()));
    report.push(plan_check(&json(&r)));
    report.push(version_check(&r, &args.api_version));
    report.push(limit_check(&r));
    Ok(report)
}

fn skip_live(report: &mut Report, why: &str) {
    for def in LIVE {
        report.push(def.skip(why));
    }
}

fn store_check(store: &Store) -> (Check, Option<String>) {
    match store {
        Store::Shop { domain, note } => {
            let summary = match note {
                Some(n) => format!("{domain} ({n})"),
                None => domain.clone(),
            };
            (
                STORE.pass(summary).detail("store", domain.clone()),
                Some(domain.clone()),
            )
        }
        Store::CustomDomain(host) => (
            STORE.fail(format!("{host} is a custom domain; the Admin API needs the store's myshopify.com domain"))
                .detail("given", host.clone())
                .remedy("Use the store's NAME.myshopify.com domain: the store admin lists it under Settings > Domains."),
            None,
        ),
        Store::BadName(name) => (
            STORE.fail(format!("'{name}' is not a valid store name"))
                .remedy("A store name has only lowercase letters, digits and hyphens: copy it from the admin URL (admin.shopify.com/store/NAME) or Settings > Domains."),
            None,
        ),
    }
}

fn token_check(token: &Secret) -> Check {
    let id = kinds::identify(token.expose());
    let check = |status, summary: String| {
        TOKEN
            .check(status, summary)
            .detail("token", token.masked())
            .detail("kind", id.label.clone())
    };
    match &id.kind {
        Kind::ShopifyToken { .. } => match id.problems.first() {
            Some(p) => check(Status::Fail, p.text.clone()).remedy(p.fix.clone()),
            None => check(Status::Pass, id.label.clone()),
        },
        Kind::Hex32 => check(Status::Pass, "32 hex characters: a legacy Admin token (a Storefront token has the same shape and would fail authentication)".to_string()),
        Kind::ShopifyAppSecret => check(Status::Fail, "this is the app's client secret (shpss_), not an access token".to_string())
            .remedy("Use the Admin API access token from the app's API credentials (shown once after install); the client secret only verifies webhooks."),
        _ => check(Status::Fail, format!("not a Shopify Admin API token: {}", id.label))
            .remedy("Copy the Admin API access token (shpat_…) from Settings > Apps and sales channels > Develop apps > the app > API credentials."),
    }
}

fn auth_check(call: &Call, token: &Secret) -> (Check, Option<Response>) {
    let r = match answered(&AUTH, call, &[token]) {
        Ok(r) => r,
        Err(c) => return (*c, None),
    };
    let check = |status, summary: &str| evidence(AUTH.check(status, summary), r, &[token]);
    let c = match r.status {
        200..=299 => {
            let body = json(r);
            let shop = body.get("shop").cloned().unwrap_or(Json::Null);
            let s = |k: &str| shop.get(k).and_then(Json::as_str).unwrap_or("").to_string();
            let c = check(Status::Pass, &format!("the token was accepted by {}", s("name")))
                .detail("shop_name", s("name"))
                .detail("domain", s("domain"))
                .detail("myshopify_domain", s("myshopify_domain"));
            return (c, Some(r.clone()));
        }
        401 => check(Status::Fail, "401: the token is invalid, revoked, or not an Admin API token")
            .remedy("Copy the Admin API access token again from the app's API credentials; if it was lost, uninstall and reinstall the app to get a new one.")
            .remedy("A Storefront API token or the app's API key cannot call the Admin API."),
        402 => check(Status::Fail, "402: the store is frozen because a bill is unpaid")
            .remedy("The store owner must settle the outstanding bill (Settings > Billing); the API answers again once the store is unfrozen."),
        403 => check(Status::Fail, "403: the token may not read the shop resource")
            .remedy("Grant the app the access scopes it needs in its configuration, then reinstall it so the new scopes take effect."),
        404 => check(Status::Fail, "404: no such store, or the token belongs to another store")
            .remedy("Check the store domain (Settings > Domains) and use a token issued for that store."),
        423 => check(Status::Fail, "423: the store is locked")
            .remedy("Shopify locks a store after repeated API abuse or a fraud risk: the owner must contact Shopify Support."),
        429 => check(Status::Warn, "429: throttled; the call limit is used up")
            .remedy("Wait for the bucket to drain (Retry-After) and spread calls out: 2 per second on standard plans."),
        s => check(Status::Fail, &format!("unexpected HTTP {s} from shop.json"))
            .remedy("Check www.shopifystatus.com and retry; read the error in the details."),
    };
    (c, None)
}

fn scopes_check(call: &Call, required: &[String], token: &Secret) -> Check {
    let r = match answered(&SCOPES, call, &[token]) {
        Ok(r) => r,
        Err(c) => return *c,
    };
    if !(200..300).contains(&r.status) {
        return unexpected_status(&SCOPES, "access_scopes.json", r, &[token]).remedy(
            "Read the error in the details; the token may have been revoked between calls.",
        );
    }
    let granted: Vec<String> = json(r)
        .get("access_scopes")
        .and_then(Json::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.get("handle").and_then(Json::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    // A write scope implies its read scope.
    let has = |s: &str| {
        granted.iter().any(|g| g == s)
            || s.strip_prefix("read_")
                .is_some_and(|rest| granted.iter().any(|g| g == &format!("write_{rest}")))
    };
    let missing: Vec<&String> = required.iter().filter(|s| !has(s)).collect();
    let optional_missing: Vec<&str> = OPTIONAL_SCOPES
        .iter()
        .copied()
        .filter(|s| !has(s))
        .collect();
    let c = |status, summary: String| {
        SCOPES
            .check(status, summary)
            .detail("granted", granted.clone())
    };
    if !missing.is_empty() {
        let names = missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return c(Status::Fail, format!("missing required scope{}: {names}", if missing.len() == 1 { "" } else { "s" }))
            .detail("missing", missing.iter().map(|s| s.as_str()).collect::<Vec<_>>())
            .remedy(format!("Grant {names} in Settings > Apps and sales channels > Develop apps > the app > Configuration > Admin API access scopes."))
            .remedy("Install the app again (or approve the update) so the new scopes reach the token.");
    }
    if !optional_missing.is_empty() {
        return c(
            Status::Pass,
            format!(
                "required scopes granted; optional {} not granted (product data will not sync)",
                optional_missing.join(", ")
            ),
        );
    }
    c(
        Status::Pass,
        "all required and optional scopes are granted".to_string(),
    )
}

/// API access by plan, keyed by `plan_name` (docs/providers.md, "Shopify
/// plans").
fn plan_check(body: &Json) -> Check {
    let shop = body.get("shop").cloned().unwrap_or(Json::Null);
    let name = shop
        .get("plan_name")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    let display = shop
        .get("plan_display_name")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_string();
    let shown = if display.is_empty() {
        name.clone()
    } else {
        display.clone()
    };
    let c = |status, summary: String| {
        PLAN.check(status, summary)
            .detail("plan_name", name.clone())
            .detail("plan_display_name", display.clone())
    };
    match name.as_str() {
        "" => PLAN.info("shop.json named no plan"),
        "shopify_plus" | "plus" | "unlimited" | "advanced" | "professional" | "shopify" => {
            c(Status::Pass, format!("{shown}: full API access"))
        }
        "basic" => c(Status::Warn, format!("{shown}: limited API access"))
            .remedy("Basic Shopify has limited API access: upgrade to the Shopify plan or higher if data is missing."),
        n if n.contains("starter") => c(Status::Fail, format!("{shown}: no API access"))
            .remedy("Shopify Starter has no Admin API access: upgrade the plan to connect an integration."),
        "frozen" => c(Status::Fail, format!("{shown}: the store is frozen"))
            .remedy("The owner must pay the outstanding bill (Settings > Billing) to unfreeze the store."),
        "cancelled" | "dormant" => c(Status::Fail, format!("{shown}: the store is closed or paused"))
            .remedy("Reopen the store or choose a paid plan; a closed or paused store serves no API calls."),
        "fraudulent" => c(Status::Fail, format!("{shown}: Shopify has flagged the store"))
            .remedy("The owner must contact Shopify Support."),
        "partner_test" | "affiliate" | "staff" | "staff_business" | "trial" | "development" => {
            c(Status::Info, format!("{shown}: a development or trial store"))
        }
        _ => c(Status::Info, format!("{shown}: not in plumb's plan table")),
    }
}

fn version_check(r: &Response, requested: &str) -> Check {
    match r.header("x-shopify-api-version") {
        None => VERSION.info(format!("requested {requested}; the answer did not say which version served it"))
            .detail("requested", requested),
        Some(served) if served == requested => {
            VERSION.pass(format!("{requested} is supported"))
                .detail("requested", requested)
                .detail("served", served)
        }
        Some(served) => VERSION.warn(
            format!("{requested} is not supported: Shopify answered with {served} instead"),
        )
        .detail("requested", requested)
        .detail("served", served)
        .remedy(format!("Move the integration to a supported version (Shopify served {served}); each version is supported for about twelve months.")),
    }
}

fn limit_check(r: &Response) -> Check {
    let Some(raw) = r.header("x-shopify-shop-api-call-limit") else {
        return LIMIT.info("no call-limit header in the answer");
    };
    let parsed = raw
        .split_once('/')
        .and_then(|(u, m)| Some((u.trim().parse::<u32>().ok()?, m.trim().parse::<u32>().ok()?)))
        .filter(|(_, m)| *m > 0);
    let Some((used, max)) = parsed else {
        return LIMIT.info(format!("unreadable call-limit header '{raw}'"));
    };
    let pct = used * 100 / max;
    let c = |status, summary: String| {
        LIMIT
            .check(status, summary)
            .detail("used", used)
            .detail("max", max)
            .detail("percent_used", pct)
    };
    if pct >= 80 {
        c(
            Status::Warn,
            format!("{used} of {max} calls in the bucket used ({pct}%)"),
        )
    } else {
        c(
            Status::Pass,
            format!("{used} of {max} calls in the bucket used ({pct}%)"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(s: &str) -> String {
        match parse_store(s).unwrap() {
            Store::Shop { domain, .. } => domain,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn store_forms() {
        assert_eq!(domain("acme"), "acme.myshopify.com");
        assert_eq!(domain("Acme.myshopify.com"), "acme.myshopify.com");
        assert_eq!(
            domain("https://acme.myshopify.com/admin/orders"),
            "acme.myshopify.com"
        );
        assert_eq!(
            domain("https://admin.shopify.com/store/acme/orders"),
            "acme.myshopify.com"
        );
        assert_eq!(
            parse_store("shop.acme.com").unwrap(),
            Store::CustomDomain("shop.acme.com".into())
        );
        assert!(matches!(parse_store("my_shop").unwrap(), Store::BadName(_)));
        assert!(parse_store("").is_err());
        assert!(parse_store("a b").is_err());
        assert!(parse_store("ftp://x").is_err());
        assert_eq!(domain("admin.shopify.com/store/acme"), "acme.myshopify.com");
        assert!(parse_store("admin.shopify.com").is_err());
    }

    #[test]
    fn versions() {
        assert!(api_version("2026-10").is_ok());
        assert!(api_version("unstable").is_ok());
        assert!(api_version("2026-02").is_err());
        assert!(api_version("latest").is_err());
    }

    #[test]
    fn plans_follow_the_plan_table() {
        let p = |n: &str| plan_check(&serde_json::json!({"shop": {"plan_name": n}})).status();
        assert_eq!(p("shopify_plus"), Status::Pass);
        assert_eq!(p("basic"), Status::Warn);
        assert_eq!(p("starter"), Status::Fail);
        assert_eq!(p("frozen"), Status::Fail);
        assert_eq!(p("partner_test"), Status::Info);
    }
}
