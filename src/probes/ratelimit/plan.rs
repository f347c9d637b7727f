//! `rate-limit limits` and `rate-limit plan`: the documented limits, and
//! how long a full sync takes at them.

use super::limits::{self, Service};
use super::probe::num;
use super::{Mode, PlanOptions};
use crate::duration::human_duration;
use crate::error::{Error, Result};
use crate::escape::clean;
use crate::report::{Def, Report, Status};
use std::time::Duration;

pub const LIMITS: Def = Def {
    id: "ratelimit.limits.{service}",
    title: "{service} limits",
    judges:
        "Nothing: it lists one service's documented rate limits, by plan, each with its source.",
    remedies: &[],
};
pub const PLAN: Def = Def {
    id: "ratelimit.plan",
    title: "Sync time",
    judges: "Nothing: it estimates how long --records take at the documented limit (or --rate), and lists what makes the sync faster.",
    remedies: &[],
};

pub fn limits_report(only: Option<Service>) -> Report {
    let target = only.map_or("documented limits", Service::as_str);
    let mut report = Report::new("rate-limit limits", target);
    for service in Service::ALL
        .into_iter()
        .filter(|s| only.is_none_or(|o| o == *s))
    {
        // The title names the service, as the id does.
        let mut check = LIMITS.check_titled(
            format!("ratelimit.limits.{}", service.as_str()),
            format!("{} limits", service.title()),
            Status::Info,
            limits_summary(service),
        );
        for l in limits::of(service) {
            let key = match (l.plan, l.source) {
                ("any", limits::GUIDE) => "integration_guide",
                ("any", _) => "documented",
                (plan, _) => plan,
            };
            check = check.detail(key, format!("{} — {}", l.text, l.source));
        }
        report.push(check);
    }
    report
}

fn limits_summary(service: Service) -> &'static str {
    match service {
        Service::Shopify => "by plan: 2, 4, 20 or 40 requests/s; the guide's table says 2 calls/s",
        Service::Mailchimp => {
            "10 concurrent connections documented; the guide's table says 10 calls/s"
        }
        Service::Stripe => {
            "100 requests/s live, 25/s in test mode; the guide's table says 25 calls/s"
        }
        Service::Woocommerce => "no limit of its own; the host may set one",
    }
}

pub fn plan(args: PlanOptions) -> Result<Report> {
    if args.records == 0 {
        return Err(Error::usage("--records: must be at least 1"));
    }
    if args.calls_per_record == 0 {
        return Err(Error::usage("--calls-per-record: must be at least 1"));
    }
    let key = plan_key(&args)?;
    let calls = args
        .records
        .checked_mul(args.calls_per_record)
        .ok_or_else(|| Error::usage("--records × --calls-per-record: too large"))?;
    let documented =
        limits::documented_rate(args.service, &key).or_else(|| limits::guide_rate(args.service));
    let (rate, basis) = match (args.rate, documented) {
        (Some(r), _) => (r.per_second, "--rate".to_string()),
        (None, Some(l)) => (l.per_second.unwrap_or(1.0), format!("{} — {}", l.text, l.source)),
        (None, None) => {
            return Err(Error::usage(format!(
                "--service {}: no documented rate limit (it depends on the host); give the host's with --rate N/s",
                args.service.as_str()
            )))
        }
    };
    let secs = (calls as f64 / rate).ceil();
    let took = Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX);
    let service = args.service.as_str();
    let target = if key == "any" {
        service.to_string()
    } else {
        format!("{service} ({key})")
    };
    let mut report = Report::new("rate-limit plan", target);
    let mut check = PLAN
        .info(format!(
            "{calls} calls at {}/s take about {}",
            num(rate),
            human_duration(took)
        ))
        .detail("service", service)
        .detail("records", args.records)
        .detail("calls_per_record", args.calls_per_record)
        .detail("calls", calls)
        .detail("rate", format!("{}/s", num(rate)))
        .detail("rate_basis", basis)
        .detail("duration", human_duration(took))
        .detail("duration_seconds", took.as_secs());
    if key != "any" {
        check = check.detail("plan", key.clone());
    }
    if args.service == Service::Mailchimp {
        check = check.detail(
            "note",
            "Mailchimp documents 10 concurrent connections, not a rate; 10 calls/s is the integration guide's figure",
        );
    }
    check = check.detail("faster", shorten(args.service, args.calls_per_record));
    report.push(check);
    Ok(report)
}

/// The plan or mode key into the limits table, validated for the service.
fn plan_key(args: &PlanOptions) -> Result<String> {
    match (args.service, &args.plan, args.mode) {
        (Service::Shopify, _, Some(_)) => {
            Err(Error::usage("--mode: applies only to --service stripe"))
        }
        (Service::Shopify, Some(p), None) => {
            let p = p.trim().to_ascii_lowercase();
            if limits::SHOPIFY_PLANS.contains(&p.as_str()) {
                Ok(p)
            } else {
                Err(Error::usage(format!(
                    "--plan '{}': Shopify plans are {}",
                    clean(&p),
                    limits::SHOPIFY_PLANS.join(", ")
                )))
            }
        }
        (Service::Shopify, None, None) => Ok("standard".to_string()),
        (s, Some(_), _) => Err(Error::usage(format!(
            "--plan: {} has no plans with their own limits; only shopify does",
            s.as_str()
        ))),
        (Service::Stripe, None, mode) => Ok(match mode {
            Some(Mode::Test) => "test".to_string(),
            _ => "live".to_string(),
        }),
        (_, None, Some(_)) => Err(Error::usage("--mode: applies only to --service stripe")),
        (_, None, None) => Ok("any".to_string()),
    }
}

fn shorten(service: Service, calls_per_record: u64) -> Vec<&'static str> {
    let mut out = Vec::new();
    if calls_per_record > 1 {
        out.push("fewer calls per record: fetch related data in the same call (expand, include, GraphQL)");
    }
    out.push(match service {
        Service::Shopify => {
            "bulk operations (GraphQL bulk queries) instead of page-by-page REST calls"
        }
        Service::Mailchimp => "batch operations (POST /batches) instead of one call per member",
        Service::Stripe => {
            "list endpoints with the largest page size (limit=100) instead of one call per object"
        }
        Service::Woocommerce => "batch endpoints (/batch) and the largest page size (per_page=100)",
    });
    out.push("webhooks for changes after the first full sync, instead of polling");
    out.push(
        "run the first full sync off-peak, when other integrations use less of the shared limit",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_reads_as_hours() {
        let args = PlanOptions {
            service: Service::Shopify,
            records: 7200,
            calls_per_record: 1,
            plan: None,
            mode: None,
            rate: None,
        };
        let r = plan(args).unwrap();
        assert_eq!(r.checks[0].summary(), "7200 calls at 2/s take about 1h 0m");
    }
}
