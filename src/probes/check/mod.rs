//! `plumb check SERVICE`: a service's credentials and account, format
//! checks first (offline), then the cheapest live calls its API documents.
//!
//! Every service shares [`Api`]: one HTTP client, the `--api-base`
//! override, redirect reporting, and the parser for error bodies.

pub mod mailchimp;
pub mod shopify;
pub mod stripe;
pub mod woocommerce;

use crate::context::Ctx;
use crate::error::Result;
use crate::net::http::{Client, Request, Response, Value};
use crate::net::{target, NetError};
use crate::report::{Check, Def, Report};
use crate::secret::Secret;
use serde_json::Value as Json;
use std::future::Future;
use std::pin::Pin;

/// The checks each service reports, for [`crate::probes::CHECKS`]. The
/// failures every service shares (a network failure, a redirect, an
/// answer that is not the API's) are made under the calling check's id.
pub const SHOPIFY_CHECKS: &[&Def] = shopify::ALL;
pub const MAILCHIMP_CHECKS: &[&Def] = mailchimp::ALL;
pub const STRIPE_CHECKS: &[&Def] = stripe::ALL;
pub const WOOCOMMERCE_CHECKS: &[&Def] = woocommerce::ALL;

#[derive(Debug)]
pub struct Options {
    pub service: Service,
    /// Send every call to this scheme://host[:port] instead of the service's own (a mock, a proxy); paths stay as documented
    pub api_base: Option<String>,
    /// Run only the format checks: no network call is made
    pub offline: bool,
    /// The tls checks for a `host:port`, with which WooCommerce names why
    /// a store's TLS connection failed.
    pub tls: TlsProbe,
}

/// Runs the tls checks on a `host:port`. The command line passes
/// `plumb tls` in (`cli::check::tls_probe`): a probe never imports
/// another, so the one that composes them sits above both.
pub type TlsProbe =
    for<'a> fn(String, &'a Ctx) -> Pin<Box<dyn Future<Output = Result<Report>> + 'a>>;

#[derive(Debug)]
pub enum Service {
    /// Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit
    Shopify(shopify::Options),
    /// Mailchimp: key format, data centre against the account URL, auth, account
    Mailchimp(mailchimp::Options),
    /// Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret
    Stripe(stripe::Options),
    /// WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth
    Woocommerce(woocommerce::Options),
}

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let base = match &args.api_base {
        Some(raw) => Some(api_base(raw)?),
        None => None,
    };
    let live = if args.offline {
        None
    } else {
        Some(Api::new(ctx, base)?)
    };
    let mut report = match args.service {
        Service::Stripe(a) => stripe::run(a, live).await,
        Service::Shopify(a) => shopify::run(a, live).await,
        Service::Mailchimp(a) => mailchimp::run(a, live).await,
        Service::Woocommerce(a) => woocommerce::run(a, live, args.tls).await,
    }?;
    super::unrun_after_budget(&mut report);
    Ok(report)
}

/// `--api-base`: an http(s) URL whose scheme, host and port replace the
/// service's; a path would be ignored, so it is refused.
fn api_base(raw: &str) -> Result<url::Url> {
    let url = target::parse_url("--api-base", raw)?;
    if url.path() != "/" || url.query().is_some() {
        return Err(crate::error::Error::usage(format!(
            "--api-base '{}': give only scheme://host[:port]; paths stay as the service documents them",
            crate::net::http::shown_url(&url)
        )));
    }
    Ok(url)
}

/// Parses a secret flag or environment variable straight into a [`Secret`];
/// only an empty value is refused here (its text is safe to echo).
pub fn secret_arg(s: &str) -> std::result::Result<Secret, String> {
    if s.trim().is_empty() {
        Err("the value is empty".to_string())
    } else {
        Ok(Secret::new(s))
    }
}

/// The secret from `--X-file FILE` (`-` reads standard input) when given,
/// else from the flag or its environment variable. One trailing newline,
/// as editors and `echo` add, is not part of the secret.
pub fn secret_or_file(
    value: Option<Secret>,
    file_flag: &str,
    file: Option<&std::path::Path>,
) -> Result<Option<Secret>> {
    let Some(path) = file else {
        return Ok(value);
    };
    let bytes = crate::input::read_file(file_flag, path, crate::input::MAX_STDIN_VALUE)?;
    let mut text = String::from_utf8(bytes).map_err(|_| {
        crate::error::Error::usage(format!("{file_flag} {}: not UTF-8 text", path.display()))
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    if text.trim().is_empty() {
        return Err(crate::error::Error::usage(format!(
            "{file_flag} {}: the file is empty",
            path.display()
        )));
    }
    Ok(Some(Secret::new(text)))
}

/// The live side of a check: the client and where calls go.
pub struct Api {
    client: Client,
    base: Option<url::Url>,
    ctx: Ctx,
}

impl Api {
    fn new(ctx: &Ctx, base: Option<url::Url>) -> Result<Self> {
        Ok(Api {
            client: Client::new(ctx)?,
            base,
            ctx: ctx.clone(),
        })
    }

    /// The global settings, for probes this one calls into (tls).
    pub fn ctx(&self) -> &Ctx {
        &self.ctx
    }

    /// `path` (with any query) on the service's `origin`, or on
    /// `--api-base` when given.
    pub fn url(&self, origin: &url::Url, path: &str) -> url::Url {
        let base = self.base.as_ref().unwrap_or(origin);
        base.join(path).unwrap_or_else(|_| base.clone())
    }

    /// One GET. A redirect is returned as an error: credentials never
    /// follow one, and an API that redirects is misconfigured.
    pub async fn get(&self, url: url::Url, headers: &[(&str, Value)]) -> Call {
        if self.ctx.out_of_time() {
            return Call::OutOfTime(self.ctx.out_of_time_summary());
        }
        let mut req = Request::get(url).header("accept", "application/json");
        for (name, value) in headers {
            req.headers.push(((*name).to_string(), value.clone()));
        }
        match self.client.send(&req).await {
            Err(e) if e.timed_out && self.ctx.out_of_time() => Call::OutOfTime(format!(
                "{} (--max-time {}) ran out while it waited for the answer",
                crate::context::OUT_OF_TIME,
                humantime::format_duration(self.ctx.max_time)
            )),
            Err(e) => Call::Failed(e),
            Ok(r) if (300..400).contains(&r.status) => {
                let to = match r.header("location") {
                    Some(loc) => req.url.join(loc).map_or_else(
                        |_| crate::escape::clean(loc),
                        |u| crate::net::http::shown_url(&u),
                    ),
                    None => "(no Location)".to_string(),
                };
                Call::Redirected(r, to)
            }
            Ok(r) if (200..300).contains(&r.status) => match unreadable(&r) {
                Some(why) => Call::Unreadable(r, why),
                None => Call::Answered(r),
            },
            Ok(r) => Call::Answered(r),
        }
    }
}

/// What one API call came to.
pub enum Call {
    Answered(Response),
    Redirected(Response, String),
    /// A success status whose body is not the JSON every one of these APIs
    /// answers with: what the server sent instead.
    Unreadable(Response, String),
    Failed(NetError),
    /// Not sent, or cut short, because the run's budget was spent: the
    /// summary of the skipped check.
    OutOfTime(String),
}

/// Why a successful answer cannot be the API's: too large, not UTF-8 text,
/// or not JSON. `None` when it is usable.
fn unreadable(r: &Response) -> Option<String> {
    if r.truncated {
        return Some(format!(
            "the API answered {} with a body larger than {} KiB (plumb stopped reading there); the service's answers are a few KiB of JSON",
            r.status,
            crate::net::http::MAX_BODY / 1024
        ));
    }
    if std::str::from_utf8(&r.body).is_err() {
        return Some(format!(
            "the API answered {} with a body that is not UTF-8 text, so not JSON",
            r.status
        ));
    }
    match serde_json::from_slice::<serde::de::IgnoredAny>(&r.body) {
        Ok(_) => None,
        Err(e) => Some(format!(
            "the API answered {} with a body that is not JSON ({})",
            r.status,
            crate::escape::clean(&e.to_string())
        )),
    }
}

/// Basic auth header value for `user:password`.
pub fn basic(user: &str, password: &Secret) -> Value {
    use base64::Engine;
    let raw = format!("{user}:{}", password.expose());
    Value::Secret(Secret::new(format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )))
}

/// An error body in any of the four services' shapes: Stripe
/// `error.{type,code,message}`, Mailchimp problem+json `title`/`detail`,
/// WooCommerce `code`/`message`, Shopify `errors`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ApiError {
    pub kind: Option<String>,
    pub code: Option<String>,
    pub message: Option<String>,
}

impl ApiError {
    pub fn parse(body: &[u8]) -> ApiError {
        let Ok(json) = serde_json::from_slice::<Json>(body) else {
            return ApiError::default();
        };
        let s = |v: Option<&Json>| v.and_then(Json::as_str).map(str::to_string);
        if let Some(e) = json.get("error").filter(|e| e.is_object()) {
            return ApiError {
                kind: s(e.get("type")),
                code: s(e.get("code")),
                message: s(e.get("message")),
            };
        }
        if json.get("title").is_some() || json.get("detail").is_some() {
            return ApiError {
                kind: s(json.get("type")),
                code: s(json.get("title")),
                message: s(json.get("detail")),
            };
        }
        if let Some(errors) = json.get("errors") {
            return ApiError {
                message: Some(flatten_errors(errors)),
                ..ApiError::default()
            };
        }
        ApiError {
            code: s(json.get("code")),
            message: s(json.get("message")).or_else(|| s(json.get("error"))),
            ..ApiError::default()
        }
    }

    /// The message and code in one line, for a summary.
    pub fn text(&self) -> Option<String> {
        match (&self.code, &self.message) {
            (Some(c), Some(m)) => Some(format!("{m} ({c})")),
            (None, Some(m)) => Some(m.clone()),
            (Some(c), None) => Some(c.clone()),
            (None, None) => None,
        }
    }
}

/// Shopify's `errors` is a string, a list, or an object of lists.
fn flatten_errors(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Array(items) => items
            .iter()
            .map(flatten_errors)
            .collect::<Vec<_>>()
            .join("; "),
        Json::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", flatten_errors(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

pub use crate::redact::foreign as scrub;

/// Adds the evidence of an answer: status, request id, the parsed error.
pub fn evidence(mut check: Check, r: &Response, secrets: &[&Secret]) -> Check {
    check = check.detail("http_status", r.status);
    for name in ["request-id", "x-request-id"] {
        if let Some(v) = r.header(name) {
            check = check.detail("request_id", scrub(v, secrets));
            break;
        }
    }
    let e = ApiError::parse(&r.body);
    if let Some(k) = &e.kind {
        check = check.detail("error_type", scrub(k, secrets));
    }
    if let Some(c) = &e.code {
        check = check.detail("error_code", scrub(c, secrets));
    }
    if let Some(m) = &e.message {
        check = check.detail("error_message", scrub(m, secrets));
    }
    check
}

/// The failed check for a call that `what` names when it answered with a
/// status outside 2xx the caller has no special reading for, with the
/// answer's evidence.
pub fn unexpected_status(def: &Def, what: &str, r: &Response, secrets: &[&Secret]) -> Check {
    evidence(
        def.fail(format!("{what} answered HTTP {}", r.status)),
        r,
        secrets,
    )
}

/// The answer of a call, or the failed check for a call that got none
/// usable: a network failure or a redirect.
pub fn answered<'a>(
    def: &Def,
    call: &'a Call,
    secrets: &[&Secret],
) -> std::result::Result<&'a Response, Box<Check>> {
    match call {
        Call::Answered(r) => Ok(r),
        Call::Failed(e) => {
            let check = def.fail(e.message.clone()).detail("phase", e.phase.as_str());
            Err(Box::new(match e.phase {
                _ if e.via_proxy => check.remedy(crate::net::proxy::REMEDY),
                crate::net::Phase::Policy => check.remedy("Use an https:// --api-base: credentials travel over plain http only to a loopback address."),
                crate::net::Phase::Dns | crate::net::Phase::Tls | crate::net::Phase::Connect => check.remedies(e.remedies()),
                _ => check.remedy("The server accepted the connection but gave no complete HTTP answer: retry, and raise --timeout if the network is slow."),
            }))
        }
        Call::OutOfTime(why) => Err(Box::new(def.skip(why.clone()))),
        Call::Unreadable(r, why) => Err(Box::new(
            evidence(def.fail(why.clone()), r, secrets)
                .detail("content_type", r.header("content-type").unwrap_or("(none)"))
                .remedy("Check --api-base and any proxy or firewall in between: the answer did not come from the service's API (a captive portal, error page or proxy answers with its own body)."),
        )),
        Call::Redirected(r, to) => Err(Box::new({
            let to = scrub(to, secrets);
            evidence(
                def.fail(format!(
                    "the API answered {} with a redirect to {to}; plumb does not follow it with credentials",
                    r.status
                )),
                r,
                secrets,
            )
            .detail("location", to)
            .remedy("Call the service's own API host directly: an API that redirects is a proxy or a wrong address, and credentials must not follow a redirect to another host.")
        })),
    }
}

/// A JSON body, or `Null` when it is not JSON.
pub fn json(r: &Response) -> Json {
    serde_json::from_slice(&r.body).unwrap_or(Json::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_answers_must_be_json_within_the_cap() {
        let answer = |body: &[u8], truncated: bool| Response {
            status: 200,
            headers: ::http::HeaderMap::new(),
            body: body.to_vec(),
            truncated,
            timings: crate::net::http::Timings::default(),
            remote: ([127, 0, 0, 1], 443).into(),
            tls: None,
            proxy: None,
            version: "HTTP/1.1",
            lost: Vec::new(),
            fallback: None,
            closed_body: false,
        };
        assert_eq!(unreadable(&answer(br#"{"ok":true}"#, false)), None);
        let why = |body: &[u8], truncated| unreadable(&answer(body, truncated)).unwrap();
        assert!(why(b"<html>", false).contains("not JSON"));
        assert!(why(b"", false).contains("not JSON"));
        assert!(why(b"\xff\xfe", false).contains("not UTF-8"));
        assert!(why(b"{}", true).contains("larger than 1024 KiB"));
    }

    #[test]
    fn error_bodies_of_every_service_parse() {
        let stripe = ApiError::parse(
            br#"{"error":{"type":"invalid_request_error","code":"api_key_expired","message":"Expired API Key provided"}}"#,
        );
        assert_eq!(stripe.kind.as_deref(), Some("invalid_request_error"));
        assert_eq!(stripe.code.as_deref(), Some("api_key_expired"));
        let mc = ApiError::parse(
            br#"{"type":"https://mailchimp.com/developer/","title":"API Key Invalid","status":401,"detail":"Your API key may be invalid."}"#,
        );
        assert_eq!(mc.code.as_deref(), Some("API Key Invalid"));
        assert_eq!(mc.message.as_deref(), Some("Your API key may be invalid."));
        let woo = ApiError::parse(
            br#"{"code":"woocommerce_rest_authentication_error","message":"Consumer secret is invalid.","data":{"status":401}}"#,
        );
        assert_eq!(
            woo.text().unwrap(),
            "Consumer secret is invalid. (woocommerce_rest_authentication_error)"
        );
        let shop = ApiError::parse(br#"{"errors":"[API] Invalid API key or access token"}"#);
        assert_eq!(
            shop.message.as_deref(),
            Some("[API] Invalid API key or access token")
        );
        let nested = ApiError::parse(br#"{"errors":{"base":["a","b"]}}"#);
        assert_eq!(nested.message.as_deref(), Some("base: a; b"));
        assert_eq!(ApiError::parse(b"<html>"), ApiError::default());
    }

    #[test]
    fn scrub_masks_echoed_secrets() {
        let key = Secret::new("sk_test_abcdefghijklmnopqrstuvwx");
        let out = scrub(
            "Invalid key sk_test_abcdefghijklmnopqrstuvwx given",
            &[&key],
        );
        assert!(!out.contains("abcdefghijklmnop"));
        assert!(out.contains("sk_test_…uvwx"));
    }

    #[test]
    fn api_base_takes_only_an_origin() {
        assert!(api_base("http://127.0.0.1:8080").is_ok());
        assert!(api_base("https://proxy.example.com/").is_ok());
        assert!(api_base("https://proxy.example.com/v1").is_err());
        assert!(api_base("").is_err());
        assert!(api_base("not a url").is_err());
    }
}
