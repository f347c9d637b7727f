//! The built-in health check (no `--config`): proxy settings, clock skew
//! and reachability of the endpoints each service needs: outbound HTTPS to
//! these hosts with TLS 1.2 or later (docs/providers.md, "API hosts").

use super::{Entry, Job, CLOCK, ENTRY, NETWORK, PROXY};
use crate::context::Ctx;
use crate::credentials::{self as kinds, Kind};
use crate::net::http::{Client, Request};
use crate::report::{Check, Status, Timer};
use crate::service::Service;
use std::time::{Duration, SystemTime};

/// Clock skew below this passes (a `Date` header has one-second resolution).
const SKEW_OK: Duration = Duration::from_secs(10);
/// Skew from which signed webhooks fail: the providers' default tolerance
/// for a signature's timestamp is five minutes.
const SKEW_FAIL: Duration = Duration::from_secs(300);

/// Any name under myshopify.com is served by the same edge and wildcard
/// certificate, so reachability can be tested without knowing a store.
const GENERIC_SHOPIFY_HOST: &str = "example.myshopify.com";

pub fn default_time_server() -> url::Url {
    url::Url::parse("https://api.stripe.com/").expect("a valid constant URL")
}

/// What one entry of the built-in health check runs. The command-line
/// layer turns each into its probe's options directly: nothing is written
/// as a command line only to be parsed again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Builtin {
    /// `plumb dns NAME`: a bare host name.
    Dns(String),
    /// `plumb tls TARGET`: a host, or a WooCommerce store URL as given.
    Tls(String),
    /// `plumb check SERVICE`, with the credentials of the environment.
    Check(Service),
}

/// The built-in health check's entries as (name, what it runs), in report
/// order: DNS and TLS of every service endpoint, and `check SERVICE` for
/// each service whose credentials are in the environment.
pub fn health_check_plan() -> Vec<(String, Builtin)> {
    let mut plan: Vec<(String, Builtin)> = Vec::new();
    for (name, host) in endpoints() {
        // `dns` takes a bare name; a WooCommerce store URL goes to tls as is.
        let bare = url::Url::parse(&host)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| host.clone());
        plan.push((format!("{name}-dns"), Builtin::Dns(bare)));
        plan.push((name.to_string(), Builtin::Tls(host)));
    }
    // A full service check for every service whose credentials are in the
    // environment: the check reads them from there itself.
    for (name, service, vars) in SERVICE_CHECKS {
        if vars
            .iter()
            .all(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
        {
            plan.push((name.to_string(), Builtin::Check(*service)));
        }
    }
    plan
}

/// The jobs of the built-in health check: the proxy settings, then each
/// entry, or a failed check saying why it could not be made.
pub(super) fn health_check(entries: Vec<std::result::Result<Entry, (String, String)>>) -> Vec<Job> {
    let mut jobs = vec![Job::Proxy {
        name: "proxy".to_string(),
    }];
    for entry in entries {
        jobs.push(match entry {
            Ok(entry) => Job::Command(entry),
            Err((name, message)) => Job::Failed {
                name,
                check: ENTRY
                    .fail(message)
                    .remedy("Correct the environment variable that names this endpoint."),
            },
        });
    }
    jobs
}

/// `check SERVICE` runs when all of these variables are set.
const SERVICE_CHECKS: &[(&str, Service, &[&str])] = &[
    ("stripe-account", Service::Stripe, &["STRIPE_API_KEY"]),
    (
        "shopify-store",
        Service::Shopify,
        &["SHOPIFY_STORE", "SHOPIFY_ACCESS_TOKEN"],
    ),
    (
        "mailchimp-account",
        Service::Mailchimp,
        &["MAILCHIMP_API_KEY"],
    ),
    (
        "woocommerce-store",
        Service::Woocommerce,
        &["WC_STORE_URL", "WC_CONSUMER_KEY", "WC_CONSUMER_SECRET"],
    ),
];

/// The section names that test reachability.
pub const ENDPOINT_SECTIONS: &[&str] = &["stripe-api", "shopify", "mailchimp-api", "woocommerce"];

fn endpoints() -> Vec<(&'static str, String)> {
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut list = vec![("stripe-api", "api.stripe.com".to_string())];
    let shop = env("SHOPIFY_STORE")
        .and_then(|s| shopify_host(&s))
        .unwrap_or_else(|| GENERIC_SHOPIFY_HOST.to_string());
    list.push(("shopify", shop));
    let dc = env("MAILCHIMP_API_KEY")
        .and_then(|k| match kinds::identify(&k).kind {
            Kind::Mailchimp { dc } => Some(dc),
            _ => None,
        })
        .unwrap_or_else(|| "us1".to_string());
    list.push(("mailchimp-api", format!("{dc}.api.mailchimp.com")));
    if let Some(url) = env("WC_STORE_URL") {
        list.push(("woocommerce", url));
    }
    list
}

/// The store's host when SHOPIFY_STORE names a *.myshopify.com store
/// (`name`, `name.myshopify.com` or an admin URL); `check shopify` judges
/// anything else.
fn shopify_host(store: &str) -> Option<String> {
    crate::service::shopify_host(store).ok()
}

/// Fails the run with one clear line when no endpoint could be reached at
/// all: that is the network, not any one service.
pub fn network_verdict(sections: &[(String, Vec<Check>)]) -> Option<Check> {
    let reach: Vec<&Vec<Check>> = sections
        .iter()
        .filter(|(name, _)| ENDPOINT_SECTIONS.contains(&name.as_str()))
        .map(|(_, checks)| checks)
        .collect();
    let unreachable = |checks: &&Vec<Check>| {
        checks.iter().any(|c| {
            (c.id().ends_with("/tls.connect") || c.id().ends_with("/doctor.timeout"))
                && c.status() == Status::Fail
        })
    };
    if reach.is_empty() || !reach.iter().all(unreachable) {
        return None;
    }
    Some(
        NETWORK.fail(
            "no service endpoint could be reached: this machine has no working route to the internet, or its DNS does not answer",
        ),
    )
}

/// The section that needs no network: the proxy settings are read here.
const LOCAL_SECTION: &str = "proxy";

/// Each section that needs the network, as one skipped check: the network
/// verdict has said why once, and failing every entry again for it would
/// send the reader after causes that are not there (a misspelt or lapsed
/// domain). The first problem the entry met stays as evidence.
pub fn skip_unreachable(sections: Vec<(String, Vec<Check>)>) -> Vec<(String, Vec<Check>)> {
    sections
        .into_iter()
        .map(|(name, checks)| {
            if name == LOCAL_SECTION {
                return (name, checks);
            }
            let first = checks
                .iter()
                .find(|c| matches!(c.status(), Status::Fail | Status::Warn | Status::Skip))
                .map(|c| c.summary().to_string());
            let mut skip = ENTRY
                .skip("not checked: no route to any service endpoint (see doctor.network)")
                .in_section(&name);
            if let Some(first) = first {
                skip = skip.detail("first_error", first);
            }
            (name, vec![skip])
        })
        .collect()
}

/// Clock skew against an HTTPS server's `Date` header.
pub async fn clock(url: &url::Url, ctx: &Ctx) -> Check {
    let timer = Timer::start();
    let check = |status, summary: String| CLOCK.check(status, summary);
    let client = match Client::new(ctx) {
        Ok(c) => c,
        Err(e) => return check(Status::Skip, format!("cannot prepare TLS: {e}")),
    };
    let sent = SystemTime::now();
    let response = match client
        .send(&Request::new(http::Method::HEAD, url.clone()))
        .await
    {
        Ok(r) => r,
        Err(e) => {
            return check(
                Status::Skip,
                format!(
                    "could not read the time from {}: {e}",
                    crate::net::target::url_host(url)
                ),
            )
            .took(timer.elapsed())
        }
    };
    let Some(date) = response.header("date") else {
        return check(
            Status::Skip,
            format!(
                "{} answered without a Date header",
                crate::net::target::url_host(url)
            ),
        )
        .took(timer.elapsed());
    };
    let Ok(server) = httpdate::parse_http_date(date) else {
        return check(
            Status::Skip,
            "the server's Date header is not an HTTP date".to_string(),
        )
        .detail("date", date)
        .took(timer.elapsed());
    };
    // The server stamped its answer somewhere within the round trip; its
    // middle is the best local estimate of that moment.
    let local = sent + response.timings.total / 2;
    judge_skew(server, local, date)
        .detail("server", crate::net::target::url_host(url))
        .took(timer.elapsed())
}

/// The verdict on a server clock reading against the local one.
pub fn judge_skew(server: SystemTime, local: SystemTime, date: &str) -> Check {
    let (ahead, skew) = match local.duration_since(server) {
        Ok(d) => (true, d),
        Err(e) => (false, e.duration()),
    };
    let secs = skew.as_secs();
    let signed = if ahead { secs as i64 } else { -(secs as i64) };
    let direction = if ahead { "ahead of" } else { "behind" };
    let base = |status, summary: String| {
        CLOCK
            .check(status, summary)
            .detail("skew_seconds", signed)
            .detail("server_date", date)
    };
    if skew < SKEW_OK {
        base(
            Status::Pass,
            format!("within {} s of the server's clock", SKEW_OK.as_secs()),
        )
    } else if skew < SKEW_FAIL {
        base(
            Status::Warn,
            format!("{secs} s {direction} the server's clock: signatures still verify, but the clock is drifting"),
        )
    } else {
        base(
            Status::Fail,
            format!(
                "{} {direction} the server's clock: signed webhooks are rejected outside a 5-minute tolerance",
                humantime::format_duration(Duration::from_secs(secs))
            ),
        )
        .remedy("Until the clock is right, webhook signatures, JWT expiry and OAuth tokens are judged against the wrong time.")
    }
}

/// The proxy variables in effect and what they mean for plumb's checks.
pub fn proxy() -> Check {
    let names = [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ];
    let set: Vec<(&str, String)> = names
        .iter()
        .filter_map(|n| {
            std::env::var(n)
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(|v| (*n, v))
        })
        .collect();
    judge_proxy(&set)
}

/// The verdict on a set of proxy variables (name, value).
pub fn judge_proxy(set: &[(&str, String)]) -> Check {
    let proxies: Vec<&(&str, String)> = set
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case("no_proxy"))
        .collect();
    // What plumb's own HTTPS requests to a service will do: the same
    // decision the HTTP client makes, so the summary cannot disagree with
    // it (upper-case HTTP_PROXY, NO_PROXY, lower case winning, bad values).
    let settings = crate::net::proxy::Settings::from_vars(|name| {
        set.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
    });
    let check = |status, summary: String| PROXY.check(status, summary);
    let verdict = match proxies.is_empty() {
        true => None,
        false => Some(settings.for_url("https", "api.stripe.com")),
    };
    let mut check = match verdict {
        None => check(
            Status::Pass,
            "no proxy variables are set: connections go direct".to_string(),
        ),
        Some(Ok(Some(p))) => check(
            Status::Info,
            format!(
                "plumb's HTTPS checks below go through the proxy {}, as curl's would",
                p.shown()
            ),
        )
        .remedies([
            "Make sure the integration's runtime honours the proxy variables too (many SDKs do, some HTTP clients need it configured), and that NO_PROXY lists a service host only when it is reachable directly.",
            "To compare with a direct connection, run the same command with NO_PROXY='*'.",
        ]),
        Some(Ok(None)) => check(
            Status::Info,
            "proxy variables are set, but none applies to HTTPS requests to the services: plumb's checks below go direct".to_string(),
        )
        .remedy("If the integration reaches the services through a proxy, set HTTPS_PROXY (http://host:port) here as it has it."),
        Some(Err(e)) => check(Status::Warn, e.message).remedy(crate::net::proxy::REMEDY),
    };
    for (name, value) in set {
        check = check.detail(
            name.to_ascii_lowercase(),
            crate::net::proxy::shown_value(value),
        );
    }
    if proxies.iter().any(|(_, v)| has_credentials(v)) {
        check.set_status(Status::Warn);
        check = check.remedy(
            "The proxy asks for a user name and password: API traffic to the services should pass without proxy authentication; ask for an exception for their hosts.",
        );
    }
    if let Some((_, no_proxy)) = set.iter().find(|(n, _)| n.eq_ignore_ascii_case("no_proxy")) {
        let covered: Vec<&str> = [
            "api.stripe.com",
            "example.myshopify.com",
            "us1.api.mailchimp.com",
        ]
        .into_iter()
        .filter(|host| crate::net::proxy::no_proxy_covers(no_proxy, host))
        .collect();
        if !covered.is_empty() {
            check = check.detail("bypasses_proxy", covered.join(", "));
        }
    }
    check
}

fn has_credentials(value: &str) -> bool {
    url::Url::parse(value.trim())
        .map(|u| !u.username().is_empty() || u.password().is_some())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn skew_is_judged_by_the_signature_tolerance() {
        assert_eq!(judge_skew(at(1000), at(1003), "d").status(), Status::Pass);
        let warn = judge_skew(at(1000), at(1060), "d");
        assert_eq!(warn.status(), Status::Warn);
        assert_eq!(warn.details()["skew_seconds"], 60);
        let fail = judge_skew(at(10_000), at(9_000), "d");
        assert_eq!(fail.status(), Status::Fail);
        assert_eq!(fail.details()["skew_seconds"], -1000);
        assert!(fail.summary().contains("behind"));
    }

    #[test]
    fn proxy_passwords_are_never_shown() {
        let set = [(
            "HTTPS_PROXY",
            "http://alice:hunter2@proxy.corp:3128".to_string(),
        )];
        let check = judge_proxy(&set);
        assert_eq!(check.status(), Status::Warn);
        let all = serde_json::to_string(&check).unwrap();
        assert!(!all.contains("hunter2") && !all.contains("alice"), "{all}");
        assert!(check
            .remediation()
            .iter()
            .any(|r| r.contains("authentication")));
        assert_eq!(judge_proxy(&[]).status(), Status::Pass);
        // A proxy plumb uses, without credentials, is information.
        let plain = judge_proxy(&[("https_proxy", "http://proxy.corp:3128".to_string())]);
        assert_eq!(plain.status(), Status::Info);
        assert!(
            plain
                .summary()
                .contains("go through the proxy http://proxy.corp:3128 (https_proxy)"),
            "{}",
            plain.summary()
        );
        // Upper-case HTTP_PROXY is one plumb (like curl) does not use.
        let ignored = judge_proxy(&[("HTTP_PROXY", "http://proxy.corp:3128".to_string())]);
        assert!(
            ignored.summary().contains("go direct"),
            "{}",
            ignored.summary()
        );
        let socks = judge_proxy(&[("ALL_PROXY", "socks4://proxy.corp:1080".to_string())]);
        assert_eq!(socks.status(), Status::Warn);
        assert!(socks.summary().contains("socks4"), "{}", socks.summary());
    }

    #[test]
    fn shopify_store_values_become_hosts() {
        assert_eq!(shopify_host("acme").as_deref(), Some("acme.myshopify.com"));
        assert_eq!(
            shopify_host("https://Acme.myshopify.com/admin/apps").as_deref(),
            Some("acme.myshopify.com")
        );
        assert_eq!(shopify_host("shop.acme.com"), None);
        assert_eq!(shopify_host(""), None);
    }
}
