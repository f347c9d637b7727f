//! `plumb dns`: resolve names through the system resolver and public (or
//! given) resolvers at once, and name what is wrong: a name that does not
//! resolve, resolvers that disagree, or an answer no public service has.

pub mod checks;
mod input;
mod service;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::net::dns::{Answer, QType, Resolver};
use crate::report::{Check, Report};
use crate::secret::Secret;
use service::Service;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

/// The public resolvers compared with the system one by default.
const PUBLIC: [Ipv4Addr; 2] = [Ipv4Addr::new(8, 8, 8, 8), Ipv4Addr::new(1, 1, 1, 1)];

#[derive(Debug)]
pub struct Options {
    /// Host names to resolve
    pub names: Vec<String>,
    /// Record types to ask for (comma-separated or repeated)
    pub types: Vec<QType>,
    /// Ask this resolver instead of the public ones (repeatable; port 53 unless given)
    pub resolvers: Vec<String>,
    /// Do not ask the system resolver (/etc/resolv.conf)
    pub no_system: bool,
    /// Also resolve the host names this service's API needs: shopify (NAME.myshopify.com from --store), mailchimp (DC.api.mailchimp.com from --dc or MAILCHIMP_API_KEY), stripe (api.stripe.com), woocommerce (the host of --url)
    pub service: Option<Service>,
    /// Shopify store for --service shopify: NAME, NAME.myshopify.com or the admin URL
    pub store: Option<String>,
    /// Store address for --service woocommerce
    pub url: Option<String>,
    /// Mailchimp data centre for --service mailchimp (us6); taken from the
    /// MAILCHIMP_API_KEY suffix when not given
    pub dc: Option<String>,
}

/// One resolver plumb asks, as the report names it.
pub struct Upstream {
    pub label: String,
    /// A failure here fails the run. The public resolvers asked by default
    /// next to the system one are only for comparison: networks that block
    /// outbound DNS to them are common and harmless.
    pub primary: bool,
    resolver: std::result::Result<Resolver, String>,
}

/// Every answer for one name: `answers[upstream][type]`.
pub struct NameResult {
    pub name: String,
    pub answers: Vec<Vec<(QType, Answer)>>,
}

/// The record types asked for when none are named.
pub const DEFAULT_TYPES: [QType; 2] = [QType::A, QType::Aaaa];

impl Options {
    /// `plumb dns NAME…` with every other flag at its default.
    pub fn for_names(names: Vec<String>) -> Self {
        Options {
            names,
            types: DEFAULT_TYPES.to_vec(),
            resolvers: Vec::new(),
            no_system: false,
            service: None,
            store: None,
            url: None,
            dc: None,
        }
    }
}

pub async fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let names = names(&args)?;
    let servers = args
        .resolvers
        .iter()
        .map(|r| input::resolver(r))
        .collect::<Result<Vec<_>>>()?;
    let mut types = Vec::new();
    for t in &args.types {
        if !types.contains(t) {
            types.push(*t);
        }
    }
    let mut report = Report::new("dns", names.join(" "));
    let upstreams = upstreams(&servers, !args.no_system, ctx.timeout);
    // Every query runs at once; none outlasts the run's budget.
    let results = resolve_all(&upstreams, &names, &types, ctx.timeout.min(ctx.remaining())).await;
    let several = names.len() > 1;
    for result in &results {
        for check in checks::for_name(result, &upstreams, &types, ctx.timeout) {
            report.push(if several {
                with_name(check, &result.name)
            } else {
                check
            });
        }
    }
    Ok(report)
}

/// With several names in one report, each check id carries its name
/// (`dns.resolve[api.stripe.com]`) so ids stay unique; the part before the
/// brackets is the id declared in [`checks::ALL`].
fn with_name(check: Check, name: &str) -> Check {
    check.about(name)
}

/// The validated names: those given, then the service's, without repeats.
fn names(args: &Options) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in &args.names {
        let name = input::name("NAME", raw)?;
        if !out.contains(&name) {
            out.push(name);
        }
    }
    if let Some(service) = args.service {
        let inputs = service::Inputs {
            store: args.store.as_deref(),
            url: args.url.as_deref(),
            dc: args.dc.as_deref(),
            mailchimp_key: std::env::var("MAILCHIMP_API_KEY").ok().map(Secret::new),
        };
        for host in service::endpoints(service, &inputs).map_err(Error::usage)? {
            let name = input::name("the service's host", &host)?;
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    Ok(out)
}

/// The system resolver (unless skipped), then the given resolvers, or the
/// public ones when none is given.
fn upstreams(servers: &[SocketAddr], system: bool, timeout: Duration) -> Vec<Upstream> {
    let mut out = Vec::new();
    if system {
        let resolver = Resolver::system(timeout);
        let label = match &resolver {
            Ok(r) => format!("system ({})", list(&r.servers)),
            Err(_) => "system".to_string(),
        };
        out.push(Upstream {
            label,
            primary: true,
            resolver,
        });
    }
    if servers.is_empty() {
        for ip in PUBLIC {
            let addr = SocketAddr::new(ip.into(), 53);
            out.push(Upstream {
                label: ip.to_string(),
                primary: !system,
                resolver: Resolver::server(addr, timeout),
            });
        }
    } else {
        for addr in servers {
            out.push(Upstream {
                label: list(std::slice::from_ref(addr)),
                primary: true,
                resolver: Resolver::server(*addr, timeout),
            });
        }
    }
    out
}

/// `8.8.8.8`, `127.0.0.1:5353`, `[::1]:5353`: the port only when not 53.
fn list(addrs: &[SocketAddr]) -> String {
    addrs
        .iter()
        .map(|a| {
            if a.port() == 53 {
                a.ip().to_string()
            } else {
                a.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Asks every upstream for every name and type at once; each query is
/// bounded by `timeout`, so the whole run is too.
async fn resolve_all(
    upstreams: &[Upstream],
    names: &[String],
    types: &[QType],
    timeout: Duration,
) -> Vec<NameResult> {
    let mut set = tokio::task::JoinSet::new();
    for (n, name) in names.iter().enumerate() {
        for (u, up) in upstreams.iter().enumerate() {
            for (t, qtype) in types.iter().enumerate() {
                let key = (n, u, t);
                match &up.resolver {
                    Ok(resolver) => {
                        let (resolver, name, qtype) = (resolver.clone(), name.clone(), *qtype);
                        set.spawn(
                            async move { (key, resolver.lookup(&name, qtype, timeout).await) },
                        );
                    }
                    Err(why) => {
                        let answer = Answer {
                            outcome: crate::net::dns::Outcome::Failed(why.clone()),
                            latency: Duration::ZERO,
                        };
                        set.spawn(async move { (key, answer) });
                    }
                }
            }
        }
    }
    let mut slots: Vec<Vec<Vec<Option<Answer>>>> =
        vec![vec![vec![None; types.len()]; upstreams.len()]; names.len()];
    while let Some(joined) = set.join_next().await {
        if let Ok(((n, u, t), answer)) = joined {
            slots[n][u][t] = Some(answer);
        }
    }
    names
        .iter()
        .zip(slots)
        .map(|(name, per_up)| NameResult {
            name: name.clone(),
            answers: per_up
                .into_iter()
                .map(|per_type| {
                    types
                        .iter()
                        .zip(per_type)
                        .map(|(t, a)| {
                            let a = a.unwrap_or(Answer {
                                outcome: crate::net::dns::Outcome::Failed(
                                    "the query task stopped".into(),
                                ),
                                latency: Duration::ZERO,
                            });
                            (*t, a)
                        })
                        .collect()
                })
                .collect(),
        })
        .collect()
}
