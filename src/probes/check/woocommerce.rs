//! `plumb check woocommerce`: HTTPS (certificate problems come from the
//! tls probe), the REST API index and its `wc/v3` namespace, Plain
//! permalinks, the key pair's format, and an authenticated call.

use super::{
    answered, basic, evidence, json, secret_or_file, unexpected_status, Api, ApiError, Call,
    TlsProbe,
};
use crate::credentials::{self as kinds, Kind};
use crate::error::{Error, Result};
use crate::net::http::Response;
use crate::net::{target, Phase};
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use serde_json::Value as Json;

#[derive(Debug)]
pub struct Options {
    /// The store's address (https://shop.example.com, or the WordPress folder)
    pub url: Option<String>,
    /// REST API consumer key (ck_…)
    pub consumer_key: Option<Secret>,
    /// Read --consumer-key from this file instead ('-' for standard input); wins over --consumer-key and WC_CONSUMER_KEY
    pub consumer_key_file: Option<std::path::PathBuf>,
    /// REST API consumer secret (cs_…)
    pub consumer_secret: Option<Secret>,
    /// Read --consumer-secret from this file instead ('-' for standard input); wins over --consumer-secret and WC_CONSUMER_SECRET
    pub consumer_secret_file: Option<std::path::PathBuf>,
}

pub const HTTPS: Def = Def {
    id: "woocommerce.https",
    title: "HTTPS",
    judges: "Whether the store is reached over HTTPS with a verified certificate (a chain trusted by Mozilla's roots but not by this machine's CA bundle warns), since WooCommerce accepts API keys only over HTTPS; when the handshake fails, the tls checks' warnings and failures follow under their own ids.",
    remedies: &[],
};
pub const TLS: Def = Def {
    id: "woocommerce.tls",
    title: "Certificate checks",
    judges: "After a failed handshake, whether the tls checks could run on the store's host to name the certificate's problem.",
    remedies: &["Run plumb tls on the store's host and port to see the certificate's problem."],
};
pub const REST: Def = Def {
    id: "woocommerce.rest_api",
    title: "REST API",
    judges: "Whether the WordPress REST API answers with an index that lists WooCommerce's wc/v3 namespace.",
    remedies: &[],
};
pub const PERMALINKS: Def = Def {
    id: "woocommerce.permalinks",
    title: "Permalinks",
    judges: "Whether the REST API answers at /wp-json/, which Plain permalinks prevent.",
    remedies: &["In WordPress go to Settings > Permalinks and choose \"Post name\" (or any structure but Plain), then save."],
};
pub const KEYS: Def = Def {
    id: "woocommerce.key_format",
    title: "API keys",
    judges: "Whether the consumer key is a ck_ value and the secret a cs_ value, each 40 hex characters after its prefix, and not swapped.",
    remedies: &[],
};
pub const AUTH: Def = Def {
    id: "woocommerce.auth",
    title: "Authentication",
    judges: "Whether the store accepts the key pair on GET wc/v3/system_status.",
    remedies: &[],
};

/// Every check `check woocommerce` reports, in report order.
pub const ALL: &[&Def] = &[&HTTPS, &TLS, &REST, &PERMALINKS, &KEYS, &AUTH];

/// How the REST API is addressed: pretty `/wp-json/…` or `?rest_route=/…`.
#[derive(Clone, Copy, PartialEq)]
enum Route {
    Pretty,
    Plain,
}

pub async fn run(args: Options, api: Option<Api>, tls: TlsProbe) -> Result<Report> {
    let raw = args
        .url
        .ok_or_else(|| Error::usage("--url is required (or set WC_STORE_URL)"))?;
    let store = target::parse_url("--url", &raw)?;
    let key = secret_or_file(
        args.consumer_key,
        "--consumer-key-file",
        args.consumer_key_file.as_deref(),
    )?
    .ok_or_else(|| {
        Error::usage("--consumer-key is required (or --consumer-key-file, or set WC_CONSUMER_KEY)")
    })?;
    let secret = secret_or_file(
        args.consumer_secret,
        "--consumer-secret-file",
        args.consumer_secret_file.as_deref(),
    )?
    .ok_or_else(|| {
        Error::usage(
            "--consumer-secret is required (or --consumer-secret-file, or set WC_CONSUMER_SECRET)",
        )
    })?;
    let mut report = Report::new("check", crate::net::http::shown_url(&store));
    report.add_secret(&key);
    report.add_secret(&secret);
    report.add_secret(&Secret::new(format!(
        "{}:{}",
        key.expose(),
        secret.expose()
    )));
    let https = store.scheme() == "https";
    let keys = key_check(&key, &secret);
    let keys_ok = keys.status() != Status::Fail;

    let Some(api) = api else {
        report.push(https_offline(&store));
        report.push(REST.skip("not run: --offline"));
        report.push(PERMALINKS.skip("not run: --offline"));
        report.push(keys);
        report.push(AUTH.skip("not run: --offline"));
        return Ok(report);
    };
    let prefix = store.path().trim_end_matches('/').to_string();
    let timer = Timer::start();
    let index = api
        .get(api.url(&store, &format!("{prefix}/wp-json/")), &[])
        .await;
    let took = timer.elapsed();

    // HTTPS: judged on the store's scheme and the first connection.
    if !https {
        report.push(https_offline(&store));
    } else if let Call::OutOfTime(why) = &index {
        report.push(HTTPS.skip(why));
    } else if let Call::Failed(e) = &index {
        if e.phase == Phase::Tls {
            report.push(
                HTTPS.fail(e.message.clone())
                    .remedy("Fix the store's certificate (the tls checks below name the problem): WooCommerce sends keys only over a valid HTTPS connection."),
            );
            report.checks.extend(tls_findings(&api, &store, tls).await);
        } else {
            report.push(HTTPS.skip("no connection to judge"));
        }
    } else {
        report.push(https_pass(&index));
    }

    let (rest, permalinks, route) = rest_checks(&api, &store, &prefix, index).await;
    let rest_ok = rest.status() != Status::Fail;
    report.push(rest.took(took));
    report.push(permalinks);
    report.push(keys);

    let auth = if !https {
        AUTH.skip("not run: keys are never sent over plain http")
    } else if !keys_ok {
        AUTH.skip("not run: fix the key formats first")
    } else if let (true, Some(route)) = (rest_ok, route) {
        let path = match route {
            Route::Pretty => format!("{prefix}/wp-json/wc/v3/system_status"),
            Route::Plain => format!("{prefix}/?rest_route=/wc/v3/system_status"),
        };
        let timer = Timer::start();
        let call = api
            .get(
                api.url(&store, &path),
                &[("authorization", basic(key.expose(), &secret))],
            )
            .await;
        auth_check(&call, &key, &secret).took(timer.elapsed())
    } else {
        AUTH.skip("not run: the WooCommerce REST API is not reachable")
    };
    report.push(auth);
    Ok(report)
}

fn https_offline(store: &url::Url) -> Check {
    if store.scheme() == "https" {
        HTTPS.pass("the store URL uses https")
    } else {
        HTTPS.fail("the store URL uses plain http: WooCommerce accepts API keys only over HTTPS, so none were sent")
            .remedy("Install a certificate on the store (most hosts offer a free one) and use its https:// address.")
    }
}

fn https_pass(call: &Call) -> Check {
    let tls = match call {
        Call::Answered(r) | Call::Redirected(r, _) | Call::Unreadable(r, _) => r.tls.as_ref(),
        Call::Failed(_) | Call::OutOfTime(_) => None,
    };
    match tls {
        // OpenSSL-based clients on this machine refuse a chain only
        // Mozilla's roots trust.
        Some(n) if n.mozilla_only().is_some() => {
            let location = n.mozilla_only().unwrap_or_default().to_string();
            HTTPS
                .warn(format!(
                    "{}; {}",
                    n.version,
                    crate::net::failure::mozilla_only_words(&location)
                ))
                .detail("tls_version", n.version.clone())
                .detail("system_store", location)
                .remedy(crate::net::failure::INSTALL_BUNDLE)
        }
        Some(n) => HTTPS
            .pass(format!("{} with a verified certificate", n.version))
            .detail("tls_version", n.version.clone()),
        None => HTTPS.pass("the store URL uses https"),
    }
}

/// The tls checks' warnings and failures for the store's host; a tls run
/// that could not complete is a check of its own.
async fn tls_findings(api: &Api, store: &url::Url, tls: TlsProbe) -> Vec<Check> {
    let host = target::url_host(store);
    let port = store.port_or_known_default().unwrap_or(443);
    let hp = target::HostPort { host, port };
    match tls(hp.to_string(), api.ctx()).await {
        Ok(r) => r
            .checks
            .into_iter()
            .filter(|c| matches!(c.status(), Status::Fail | Status::Warn))
            .collect(),
        Err(e) => vec![tls_not_run(&e)],
    }
}

/// The check for a tls run that ended in an error instead of a report.
fn tls_not_run(e: &Error) -> Check {
    TLS.fail(format!("the tls checks could not run: {e}"))
}

/// `wc/v3` in an index's namespaces, or why not.
fn namespaces(r: &Response) -> Option<Vec<String>> {
    json(r).get("namespaces").and_then(Json::as_array).map(|a| {
        a.iter()
            .filter_map(Json::as_str)
            .map(str::to_string)
            .collect()
    })
}

async fn rest_checks(
    api: &Api,
    store: &url::Url,
    prefix: &str,
    index: Call,
) -> (Check, Check, Option<Route>) {
    let r = match answered(&REST, &index, &[]) {
        Ok(r) => r.clone(),
        Err(c) => return (*c, PERMALINKS.skip("not judged: no REST answer"), None),
    };
    let (answer, route) = if r.status == 404 {
        let plain = api
            .get(api.url(store, &format!("{prefix}/?rest_route=/")), &[])
            .await;
        match plain {
            Call::Answered(p) if (200..300).contains(&p.status) && namespaces(&p).is_some() => {
                (p, Route::Plain)
            }
            _ => {
                let c = evidence(REST.fail("/wp-json/ answered 404 and ?rest_route=/ gave no REST index: the WordPress REST API is off or this is not a WordPress site"), &r, &[])
                    .remedy("Check the store URL; if WordPress lives in a folder, include it (https://example.com/shop).")
                    .remedy("Disable any plugin or server rule that blocks /wp-json/.");
                return (c, PERMALINKS.skip("not judged: no REST index"), None);
            }
        }
    } else {
        (r, Route::Pretty)
    };
    if !(200..300).contains(&answer.status) {
        let c = unexpected_status(&REST, "the REST API index", &answer, &[])
            .remedy("A security plugin, firewall or host rule is blocking the REST API: allow /wp-json/ for API clients.");
        return (c, PERMALINKS.skip("not judged: no REST index"), None);
    }
    let permalinks = match route {
        Route::Pretty => PERMALINKS.pass("/wp-json/ answers: permalinks are not Plain"),
        Route::Plain => PERMALINKS
            .fail("/wp-json/ answers 404 but ?rest_route=/ works: permalinks are set to Plain"),
    };
    let c = match namespaces(&answer) {
        None => evidence(REST.fail("the REST index is not the WordPress JSON index"), &answer, &[])
            .remedy("Check the store URL: something other than WordPress answered (a cache, a landing page or a firewall)."),
        Some(ns) if ns.iter().any(|n| n == "wc/v3") => REST.pass("the REST API lists the wc/v3 namespace")
            .detail("namespaces", ns),
        Some(ns) => REST.fail("the REST API does not list wc/v3: WooCommerce is not active or its REST API is off")
            .detail("namespaces", ns)
            .remedy("Activate the WooCommerce plugin (Plugins) and make sure it is up to date.")
            .remedy("In WooCommerce > Settings > Advanced > REST API, make sure the REST API is enabled."),
    };
    let ok = c.status() == Status::Pass;
    (c, permalinks, ok.then_some(route))
}

fn key_check(key: &Secret, secret: &Secret) -> Check {
    let k = kinds::identify(key.expose());
    let s = kinds::identify(secret.expose());
    let c = |status, summary: String| {
        KEYS.check(status, summary)
            .detail("consumer_key", key.masked())
            .detail("consumer_secret", secret.masked())
    };
    match (&k.kind, &s.kind) {
        (Kind::WooSecret, Kind::WooKey) => c(Status::Fail, "the key and the secret are swapped: the ck_ value is the consumer key".to_string())
            .remedy("Pass the ck_… value as --consumer-key and the cs_… value as --consumer-secret."),
        (Kind::WooKey, Kind::WooSecret) => {
            match k.problems.first().or(s.problems.first()) {
                Some(p) => c(Status::Fail, p.text.clone()).remedy(p.fix.clone()),
                None => c(Status::Pass, "ck_ and cs_ each followed by 40 hex characters".to_string()),
            }
        }
        (Kind::WooKey, _) => c(Status::Fail, format!("the consumer secret is not a cs_ value: {}", s.label))
            .remedy("Copy the consumer secret (cs_…) shown when the key was created in WooCommerce > Settings > Advanced > REST API; if it is lost, create a new key."),
        _ => c(Status::Fail, format!("the consumer key is not a ck_ value: {}", k.label))
            .remedy("Create a key in WooCommerce > Settings > Advanced > REST API (Add key, Read or Read/Write) and copy both values."),
    }
}

fn auth_check(call: &Call, key: &Secret, secret: &Secret) -> Check {
    let secrets = [key, secret];
    let r = match answered(&AUTH, call, &secrets) {
        Ok(r) => r,
        Err(c) => return *c,
    };
    let e = ApiError::parse(&r.body);
    let code = e.code.as_deref().unwrap_or("");
    let message = e.message.as_deref().unwrap_or("").to_ascii_lowercase();
    let check = |status, summary: &str| evidence(AUTH.check(status, summary), r, &secrets);
    match r.status {
        200..=299 => check(Status::Pass, "the key pair was accepted (GET wc/v3/system_status)"),
        401 if code == "woocommerce_rest_authentication_error" && message.contains("secret") => {
            check(Status::Fail, "401: the consumer key is known but the consumer secret is wrong")
                .remedy("Copy the consumer secret again; if it is lost, revoke the key and create a new one in WooCommerce > Settings > Advanced > REST API.")
        }
        401 if code == "woocommerce_rest_authentication_error" && message.contains("key") => {
            check(Status::Fail, "401: the consumer key is unknown to the store")
                .remedy("The key was revoked or belongs to another store: create a key in WooCommerce > Settings > Advanced > REST API.")
        }
        401 | 403 if code == "woocommerce_rest_cannot_view" => {
            check(Status::Fail, &format!("{}: the key is unknown or lacks read permission", r.status))
                .remedy("Edit the key in WooCommerce > Settings > Advanced > REST API and set its permissions to Read or Read/Write; its user must be allowed to manage WooCommerce.")
        }
        401 => check(Status::Fail, "401: the credentials were not accepted")
            .remedy("If the keys are right, the web server may be dropping the Authorization header (common with CGI/FastCGI): ask the host to pass it through.")
            .remedy("Otherwise create a new key pair in WooCommerce > Settings > Advanced > REST API."),
        s => check(Status::Fail, &format!("unexpected HTTP {s} from wc/v3/system_status"))
            .remedy("Read the error in the details; a security plugin or firewall may be blocking API clients."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CK: &str = "ck_0123456789abcdef0123456789abcdef01234567";
    const CS: &str = "cs_0123456789abcdef0123456789abcdef01234567";

    #[test]
    fn a_tls_run_that_fails_is_a_check() {
        let c = tls_not_run(&Error::usage("--ca-file x.pem: no certificate in the file"));
        assert_eq!((c.id(), c.status()), ("woocommerce.tls", Status::Fail));
        assert!(c.summary().ends_with("no certificate in the file"));
        assert_eq!(c.remediation(), TLS.remedies);
    }

    #[test]
    fn key_pairs() {
        let k = |a: &str, b: &str| key_check(&Secret::new(a), &Secret::new(b));
        assert_eq!(k(CK, CS).status(), Status::Pass);
        assert!(k(CS, CK).summary().contains("swapped"));
        assert_eq!(k(CK, "cs_123").status(), Status::Fail);
        assert_eq!(k("nope", CS).status(), Status::Fail);
    }
}
