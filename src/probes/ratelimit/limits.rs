//! Documented rate limits per service and plan, each with its source.
//! Static data: nothing is parsed or fetched at start-up.

pub use crate::service::Service;

/// Where a figure comes from.
pub const PROVIDER: &str = "provider documentation";
/// A figure from a widely used integration guide's rate-limit table, shown
/// beside the provider's own (docs/providers.md, "Rate limits").
pub const GUIDE: &str = "integration guide's rate-limit table";

/// One documented limit.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub service: Service,
    /// The plan or mode it applies to (`advanced`, `live`), or `any`.
    pub plan: &'static str,
    /// Requests per second, when the limit is a rate.
    pub per_second: Option<f64>,
    /// The limit as documented, in words.
    pub text: &'static str,
    pub source: &'static str,
}

const fn rate(
    service: Service,
    plan: &'static str,
    per_second: f64,
    text: &'static str,
    source: &'static str,
) -> Limit {
    Limit {
        service,
        plan,
        per_second: Some(per_second),
        text,
        source,
    }
}

pub const LIMITS: &[Limit] = &[
    rate(
        Service::Shopify,
        "standard",
        2.0,
        "2 requests/s (REST, bucket of 40 calls)",
        PROVIDER,
    ),
    rate(
        Service::Shopify,
        "advanced",
        4.0,
        "4 requests/s (REST)",
        PROVIDER,
    ),
    rate(
        Service::Shopify,
        "plus",
        20.0,
        "20 requests/s (REST)",
        PROVIDER,
    ),
    rate(
        Service::Shopify,
        "enterprise",
        40.0,
        "40 requests/s (REST)",
        PROVIDER,
    ),
    rate(
        Service::Shopify,
        "any",
        2.0,
        "2 calls/s, refilled continuously",
        GUIDE,
    ),
    Limit {
        service: Service::Mailchimp,
        plan: "any",
        per_second: None,
        text: "10 concurrent connections (Too_Many_Connections); no rate-limit headers are sent",
        source: PROVIDER,
    },
    rate(
        Service::Mailchimp,
        "any",
        10.0,
        "10 calls/s, reset per minute",
        GUIDE,
    ),
    rate(
        Service::Stripe,
        "live",
        100.0,
        "100 requests/s in live mode",
        PROVIDER,
    ),
    rate(
        Service::Stripe,
        "test",
        25.0,
        "25 requests/s in test mode (sandbox)",
        PROVIDER,
    ),
    rate(
        Service::Stripe,
        "any",
        25.0,
        "25 calls/s, reset per second",
        GUIDE,
    ),
    Limit {
        service: Service::Woocommerce,
        plan: "any",
        per_second: None,
        text: "no limit by default; the hosting provider may impose one",
        source: PROVIDER,
    },
    Limit {
        service: Service::Woocommerce,
        plan: "any",
        per_second: None,
        text: "varies by hosting, reset per minute",
        source: GUIDE,
    },
];

/// Shopify's plans, for `--plan`.
pub const SHOPIFY_PLANS: &[&str] = &["standard", "advanced", "plus", "enterprise"];

/// Every limit documented for `service`.
pub fn of(service: Service) -> impl Iterator<Item = &'static Limit> {
    LIMITS.iter().filter(move |l| l.service == service)
}

/// The provider's documented rate for a service and plan or mode: the
/// figure a sync plan should use. `None` when only a guide figure exists.
pub fn documented_rate(service: Service, plan: &str) -> Option<&'static Limit> {
    of(service).find(|l| l.source == PROVIDER && l.plan == plan && l.per_second.is_some())
}

/// The integration guide's figure, used where the provider gives no rate.
pub fn guide_rate(service: Service) -> Option<&'static Limit> {
    of(service).find(|l| l.source == GUIDE && l.per_second.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_has_provider_and_guide_figures() {
        for s in Service::ALL {
            assert!(of(s).any(|l| l.source == PROVIDER), "{}", s.as_str());
            assert!(of(s).any(|l| l.source == GUIDE), "{}", s.as_str());
        }
    }

    #[test]
    fn documented_figures() {
        assert_eq!(
            documented_rate(Service::Shopify, "plus")
                .unwrap()
                .per_second,
            Some(20.0)
        );
        assert_eq!(
            documented_rate(Service::Stripe, "live").unwrap().per_second,
            Some(100.0)
        );
        assert_eq!(
            documented_rate(Service::Stripe, "test").unwrap().per_second,
            Some(25.0)
        );
        assert!(documented_rate(Service::Mailchimp, "any").is_none());
        assert_eq!(
            guide_rate(Service::Mailchimp).unwrap().per_second,
            Some(10.0)
        );
        assert!(guide_rate(Service::Woocommerce).is_none());
        for p in SHOPIFY_PLANS {
            assert!(documented_rate(Service::Shopify, p).is_some(), "{p}");
        }
    }
}
