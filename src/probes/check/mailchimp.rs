//! `plumb check mailchimp`: the key's format and data-centre suffix, then
//! `GET /3.0/ping` and `GET /3.0/` on the key's data centre.

use super::{answered, basic, evidence, json, secret_or_file, unexpected_status, Api, Call};
use crate::credentials::{self as kinds, Kind};
use crate::error::{Error, Result};
use crate::net::target;
use crate::report::{Check, Def, Report, Status, Timer};
use crate::secret::Secret;
use serde_json::Value as Json;

#[derive(Debug)]
pub struct Options {
    /// Marketing API key (32 hex characters, a dash, the data centre: …-us6)
    pub api_key: Option<Secret>,
    /// Read --api-key from this file instead ('-' for standard input); wins over --api-key and MAILCHIMP_API_KEY
    pub api_key_file: Option<std::path::PathBuf>,
    /// The account's admin URL as the browser shows it (https://us6.admin.mailchimp.com)
    pub account_url: Option<String>,
}

pub const KEY: Def = Def {
    id: "mailchimp.key_format",
    title: "API key",
    judges: "Whether the key has the shape of a Marketing API key: 32 hex characters, a dash and the data centre.",
    remedies: &[],
};
pub const DC: Def = Def {
    id: "mailchimp.datacenter",
    title: "Data centre",
    judges: "Which data centre the key names, and whether it is the one --account-url shows.",
    remedies: &[],
};
pub const AUTH: Def = Def {
    id: "mailchimp.auth",
    title: "Authentication",
    judges: "Whether the key's data centre accepts the key on GET /3.0/ping.",
    remedies: &[],
};
pub const ACCOUNT: Def = Def {
    id: "mailchimp.account",
    title: "Account",
    judges: "Whether GET /3.0/ answers with the account's name and plan.",
    remedies: &[],
};

/// Every check `check mailchimp` reports, in report order.
pub const ALL: &[&Def] = &[&KEY, &DC, &AUTH, &ACCOUNT];

/// The data centre an admin URL names (`us6` in `https://us6.admin.mailchimp.com`).
fn account_dc(url: &url::Url) -> Option<String> {
    let host = target::url_host(url).to_ascii_lowercase();
    let dc = host.strip_suffix(".admin.mailchimp.com")?;
    (!dc.is_empty() && !dc.contains('.')).then(|| dc.to_string())
}

pub async fn run(args: Options, api: Option<Api>) -> Result<Report> {
    let key = secret_or_file(args.api_key, "--api-key-file", args.api_key_file.as_deref())?
        .ok_or_else(|| {
            Error::usage("--api-key is required (or --api-key-file, or set MAILCHIMP_API_KEY)")
        })?;
    let account = match &args.account_url {
        Some(u) => Some(target::parse_url("--account-url", u)?),
        None => None,
    };
    let id = kinds::identify(key.expose());
    let dc = match &id.kind {
        Kind::Mailchimp { dc } if id.problems.is_empty() => Some(dc.clone()),
        _ => None,
    };
    let origin = dc
        .as_ref()
        .map(|dc| url::Url::parse(&format!("https://{dc}.api.mailchimp.com/")).expect("valid"));
    let shown = match (&api, &origin) {
        (Some(a), Some(o)) => a.url(o, "/").origin().ascii_serialization(),
        (_, Some(o)) => o.origin().ascii_serialization(),
        _ => "mailchimp".to_string(),
    };
    let mut report = Report::new("check", shown);
    report.add_secret(&key);
    report.push(key_check(&key, &id));
    let dc_check = dc_check(dc.as_deref(), account.as_ref());
    let dc_ok = dc_check.status() != Status::Fail;
    report.push(dc_check);

    let Some(api) = api else {
        report.push(AUTH.skip("not run: --offline"));
        report.push(ACCOUNT.skip("not run: --offline"));
        return Ok(report);
    };
    let Some(origin) = origin.filter(|_| dc_ok) else {
        let why = "not run: the key names no usable data centre";
        report.push(AUTH.skip(why));
        report.push(ACCOUNT.skip(why));
        return Ok(report);
    };
    let headers = [("authorization", basic("plumb", &key))];
    let timer = Timer::start();
    let call = api.get(api.url(&origin, "/3.0/ping"), &headers).await;
    let auth = auth_check(&call, &key).took(timer.elapsed());
    let ok = auth.status() == Status::Pass;
    report.push(auth);
    if !ok {
        report.push(ACCOUNT.skip("not run: authentication failed"));
        return Ok(report);
    }
    let timer = Timer::start();
    let call = api.get(api.url(&origin, "/3.0/"), &headers).await;
    report.push(account_check(&call, &key).took(timer.elapsed()));
    Ok(report)
}

fn key_check(key: &Secret, id: &kinds::Identified) -> Check {
    let check = |status, summary: String| {
        KEY.check(status, summary)
            .detail("key", key.masked())
            .detail("kind", id.label.clone())
    };
    match &id.kind {
        Kind::Mailchimp { .. } => match id.problems.first() {
            Some(p) => check(Status::Fail, p.text.clone()).remedy(p.fix.clone()),
            None => check(Status::Pass, id.label.clone()),
        },
        Kind::Hex32 => check(Status::Fail, "32 hex characters without the -dc suffix: the key is incomplete".to_string())
            .remedy("Copy the whole key from Account > Extras > API keys; it ends in a dash and the data centre, such as -us6."),
        _ => check(Status::Fail, format!("not a Mailchimp API key: {}", id.label))
            .remedy("Create or copy a key in Account > Extras > API keys: 32 hex characters, a dash, and the data centre (…-us6)."),
    }
}

fn dc_check(dc: Option<&str>, account: Option<&url::Url>) -> Check {
    let Some(dc) = dc else {
        return DC.skip("the key names no data centre");
    };
    let api_host = format!("{dc}.api.mailchimp.com");
    let Some(account) = account else {
        return DC
            .pass(format!(
                "the key is for data centre {dc} ({api_host}); give --account-url to compare"
            ))
            .detail("key_data_centre", dc)
            .detail("api_host", api_host);
    };
    match account_dc(account) {
        None => DC.warn(format!("{} is not a Mailchimp admin URL (https://usN.admin.mailchimp.com)", account.as_str()))
            .detail("key_data_centre", dc)
            .remedy("Copy the address from the browser while logged in to Mailchimp; its first label (us6 in us6.admin.mailchimp.com) is the data centre."),
        Some(a) if a == dc => DC.pass(format!("the key and the account are both in {dc}"))
            .detail("key_data_centre", dc)
            .detail("account_data_centre", a)
            .detail("api_host", api_host),
        Some(a) => DC.fail(format!("the key is for {dc} but the account is in {a}"))
            .detail("key_data_centre", dc)
            .detail("account_data_centre", a.clone())
            .remedy(format!("The key belongs to another account, or was altered: generate a key in the {a} account (Account > Extras > API keys); it will end in -{a}.")),
    }
}

fn auth_check(call: &Call, key: &Secret) -> Check {
    let r = match answered(&AUTH, call, &[key]) {
        Ok(r) => r,
        Err(c) => return *c,
    };
    let check = |status, summary: &str| evidence(AUTH.check(status, summary), r, &[key]);
    match r.status {
        200..=299 => {
            let health = json(r)
                .get("health_status")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            check(Status::Pass, "the key was accepted (GET /3.0/ping)").detail("health_status", health)
        }
        401 => check(Status::Fail, "401 API Key Invalid: the key was deleted, regenerated or mistyped")
            .remedy("Generate a new key in Account > Extras > API keys and replace the old one everywhere it is used."),
        403 => check(Status::Fail, "403: the account is disabled or suspended")
            .remedy("Log in to Mailchimp and read the account notice: a suspended account (policy or billing) refuses every API call until it is resolved.")
            .remedy("Check that billing is current."),
        429 => check(Status::Warn, "429: too many requests (Mailchimp allows 10 concurrent connections)")
            .remedy("Retry shortly and keep fewer than 10 calls in flight."),
        s => check(Status::Fail, &format!("unexpected HTTP {s} from /3.0/ping"))
            .remedy("Check status.mailchimp.com and retry; read the error in the details."),
    }
}

fn account_check(call: &Call, key: &Secret) -> Check {
    let r = match answered(&ACCOUNT, call, &[key]) {
        Ok(r) => r,
        Err(c) => return *c,
    };
    if !(200..300).contains(&r.status) {
        return unexpected_status(&ACCOUNT, "GET /3.0/", r, &[key])
            .remedy("Log in to Mailchimp and check the account's status and billing.");
    }
    let body = json(r);
    let s = |k: &str| body.get(k).and_then(Json::as_str).unwrap_or("").to_string();
    let plan = s("pricing_plan_type");
    ACCOUNT
        .pass(format!(
            "{} ({} plan)",
            s("account_name"),
            if plan.is_empty() { "unknown" } else { &plan }
        ))
        .detail("account_name", s("account_name"))
        .detail("account_id", s("account_id"))
        .detail("plan", plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_centre_from_the_admin_url() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        assert_eq!(
            account_dc(&u("https://us1.admin.mailchimp.com/")).as_deref(),
            Some("us1")
        );
        assert_eq!(
            account_dc(&u("https://US6.admin.mailchimp.com/lists")).as_deref(),
            Some("us6")
        );
        assert_eq!(account_dc(&u("https://mailchimp.com/")), None);
        let c = dc_check(Some("us6"), Some(&u("https://us1.admin.mailchimp.com")));
        assert_eq!(c.status(), Status::Fail);
    }
}
