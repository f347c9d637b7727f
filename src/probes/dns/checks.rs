//! From the answers for one name to its checks: `dns.answers` (the
//! evidence), `dns.resolve`, `dns.compare` and `dns.public_address`.

use super::{NameResult, Upstream};
use crate::duration::human_ms;
use crate::net::dns::{Answer, Data, Outcome, QType, Rr};
use crate::net::target::{classify, AddressClass};
use crate::report::{Check, Def, Status};
use std::net::IpAddr;
use std::time::Duration;

pub const ANSWERS: Def = Def {
    id: "dns.answers",
    title: "DNS answers",
    judges: "Nothing: it lists, per resolver and record type, the response code, latency, CNAME chain, answers and their TTLs.",
    remedies: &[],
};
pub const RESOLVE: Def = Def {
    id: "dns.resolve",
    title: "Name resolution",
    judges: "Whether every resolver returns usable records for the name, judged per record type: a resolver that answers one type but fails another warns; one with no usable answer (NXDOMAIN, SERVFAIL, REFUSED, a timeout, a refused port, no record, or only a blocker's sinkhole such as 0.0.0.0) fails, or warns when it is a public resolver asked only for comparison.",
    remedies: &[],
};
pub const COMPARE: Def = Def {
    id: "dns.compare",
    title: "Resolver agreement",
    judges: "Whether the resolvers that answered agree: a blocked answer (NXDOMAIN, 0.0.0.0, loopback) against a real one fails as filtering, private against public addresses warns as split horizon, differing public addresses pass (CDNs answer by location) and any other difference warns.",
    remedies: &[],
};
pub const PUBLIC_ADDRESS: Def = Def {
    id: "dns.public_address",
    title: "Public address",
    judges: "Whether the addresses the name resolves to are public: an unspecified or loopback answer fails (something blocks the name), a private, carrier-grade NAT or link-local one warns.",
    remedies: &[],
};

/// Every check `dns` reports for each name, in report order.
pub const ALL: &[&Def] = &[&ANSWERS, &RESOLVE, &COMPARE, &PUBLIC_ADDRESS];

/// Remediation text for each finding, in one place: every remedy here
/// depends on what the resolvers answered, so none is standing.
mod fix {
    pub const NAME_MISSING: &[&str] = &[
        "Check the spelling: every resolver says the name does not exist.",
        "Compare it with the host the service documents (api.stripe.com, NAME.myshopify.com, DC.api.mailchimp.com); a renamed store or a lapsed domain also ends here.",
    ];
    pub const FILTERED: &[&str] = &[
        "Only some resolvers hide the name: a DNS filter or a policy on those resolvers blocks it.",
        "Ask the network team to allow the name, and every name in its CNAME chain, in the DNS filter, and to check how the internal DNS forwards the domain.",
    ];
    pub const SERVFAIL: &[&str] = &[
        "The resolver could not complete the lookup: its upstream or forwarder is broken, or the zone failed DNSSEC validation.",
        "Try a public resolver (--resolver 1.1.1.1); if it answers, fix the forwarding on your DNS server.",
    ];
    pub const REFUSED: &[&str] = &[
        "The server will not resolve names for this client: it is not a recursive resolver for your network, or an access list leaves you out.",
        "Use the resolver your network assigns, or a public one (8.8.8.8, 1.1.1.1).",
    ];
    pub const TIMEOUT: &[&str] = &[
        "No answer in time: a firewall may drop DNS traffic (UDP and TCP port 53) to this server, or the server is down.",
        "Try a public resolver (8.8.8.8, 1.1.1.1); where outbound DNS is blocked, use the internal resolver, which forwards for you. Raise --timeout if the resolver is only slow.",
    ];
    pub const PORT_REFUSED: &[&str] = &[
        "Nothing listens for DNS at this address and port: the query was refused at once (ICMP port unreachable), so no firewall is dropping it. Check the resolver's address and port (--resolver IP:PORT) and that its DNS server is running.",
        "For the system resolver, check the servers /etc/resolv.conf names; a local stub such as 127.0.0.53 needs its service (systemd-resolved, dnsmasq) running.",
    ];
    pub const FAILED: &[&str] = &[
        "The query could not be completed: check that the resolver's address and port are right and reachable from this machine.",
        "For the system resolver, check that /etc/resolv.conf names at least one reachable server.",
    ];
    pub const NODATA: &[&str] = &[
        "The name exists but has no record of the type asked: check it is the host the service documents, or ask for another type with --type.",
    ];
    pub const REFERENCE_ONLY: &[&str] = &[
        "Your own resolver answered but a public one did not: this network blocks DNS to outside servers, which is common and harmless while the internal resolver works.",
        "To compare answers, run plumb dns from a network that allows outbound DNS, or name your other resolvers with --resolver.",
    ];
    pub const SINKHOLE: &[&str] = &[
        "An answer of 0.0.0.0, :: or a loopback address means a DNS filter or blocklist stops the name: no service answers there.",
        "Ask whoever runs the filter (network team, security product, ad blocker) to allow the name; compare with a public resolver (--resolver 1.1.1.1).",
    ];
    pub const PRIVATE: &[&str] = &[
        "A private address is reachable only inside one network: for a public service's name it means split-horizon DNS, a private endpoint, or a proxy answering for the service.",
        "If the service is reached through a private link or proxy on purpose, nothing needs fixing; otherwise find the internal DNS zone that overrides the name and remove it.",
    ];
    pub const DIFFER: &[&str] = &[
        "Resolvers disagree: a cache may still hold an old answer after a recent DNS change (wait for the TTL to pass), or one resolver is filtered or split-horizon.",
        "Compare again after the TTL shown; if one resolver keeps a different answer, ask whoever runs it.",
    ];
}

/// How an answer address looks to a client on the internet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Public,
    /// Reachable only inside some network.
    Private(&'static str),
    /// No service answers there: what DNS filters return to block a name.
    Sinkhole(&'static str),
}

fn class_of(ip: IpAddr) -> Class {
    match (classify(ip), ip) {
        (AddressClass::Public, _) => Class::Public,
        (AddressClass::Unspecified, _) => Class::Sinkhole("unspecified"),
        (AddressClass::Loopback, _) => Class::Sinkhole("loopback"),
        (AddressClass::LinkLocal, _) => Class::Private("link-local"),
        (AddressClass::Private, IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            Class::Private("unique local, fc00::/7")
        }
        (AddressClass::Private, _) if is_cgnat(ip) => {
            Class::Private("carrier-grade NAT, 100.64.0.0/10")
        }
        (AddressClass::Private, _) => Class::Private("private, RFC 1918"),
    }
}

fn is_cgnat(ip: IpAddr) -> bool {
    let v4 = match ip {
        IpAddr::V4(v4) => v4,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4,
            None => return false,
        },
    };
    let [a, b, ..] = v4.octets();
    a == 100 && (64..128).contains(&b)
}

pub fn for_name(
    r: &NameResult,
    ups: &[Upstream],
    types: &[QType],
    timeout: Duration,
) -> Vec<Check> {
    vec![
        answers(r, ups, types, timeout),
        resolve(r, ups, types, timeout),
        compare(r, ups, types),
        public_address(r, ups, types),
    ]
}

/// The evidence: per resolver and type, the response code, latency, CNAME
/// chain, answers and TTLs.
fn answers(r: &NameResult, ups: &[Upstream], types: &[QType], timeout: Duration) -> Check {
    let mut lines = Vec::new();
    for (up, per_type) in ups.iter().zip(&r.answers) {
        for (qtype, answer) in per_type {
            lines.push(format!(
                "{} {}",
                up.label,
                answer_line(&r.name, *qtype, answer, timeout)
            ));
        }
    }
    let kinds: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
    let n = ups.len();
    let slowest = r
        .answers
        .iter()
        .flatten()
        .map(|(_, a)| a.latency)
        .max()
        .unwrap_or_default();
    let mut check = ANSWERS
        .info(format!(
            "{} asked of {n} resolver{}, {}",
            r.name,
            if n == 1 { "" } else { "s" },
            kinds.join(", ")
        ))
        .detail("name", r.name.clone())
        .detail("answers", lines)
        .took(slowest);
    // Each resolver that answered at all: its slowest answer of the types
    // asked (a timeout or a refused port is no answer to time).
    for (up, per_type) in ups.iter().zip(&r.answers) {
        let answered = per_type
            .iter()
            .filter(|(_, a)| {
                matches!(
                    a.outcome,
                    Outcome::Records(_)
                        | Outcome::NoData
                        | Outcome::NxDomain
                        | Outcome::ServFail
                        | Outcome::Refused
                )
            })
            .map(|(_, a)| a.latency)
            .max();
        if let Some(took) = answered {
            check = check.answer_time(&up.label, took);
        }
    }
    check
}

/// `A: NOERROR in 3 ms: api.x.com CNAME edge.x.net (ttl 300) → 1.2.3.4 (ttl 60)`
fn answer_line(name: &str, qtype: QType, answer: &Answer, timeout: Duration) -> String {
    let ms = answer.latency.as_millis();
    let head = format!("{}: {}", qtype.as_str(), answer.outcome.code());
    match &answer.outcome {
        Outcome::Records(rrs) => format!("{head} in {ms} ms: {}", chain_text(name, rrs)),
        Outcome::NoData => format!("{head} in {ms} ms: no {} record", qtype.as_str()),
        Outcome::Timeout => format!("{head}: no answer within {}", human_ms(timeout)),
        Outcome::PortRefused => {
            format!("{head} in {ms} ms: connection refused (ICMP port unreachable)")
        }
        Outcome::Failed(why) => format!("{head}: {why}"),
        Outcome::NxDomain | Outcome::ServFail | Outcome::Refused => format!("{head} in {ms} ms"),
    }
}

fn chain_text(name: &str, rrs: &[Rr]) -> String {
    let mut parts = vec![name.to_string()];
    let mut current = name.to_string();
    // A chain longer than this is a loop; resolvers give up far sooner.
    for _ in 0..16 {
        let Some(rr) = rrs
            .iter()
            .find(|rr| rr.name == current && matches!(rr.data, Data::Cname(_)))
        else {
            break;
        };
        parts.push(format!("CNAME {} (ttl {})", rr.data, rr.ttl));
        if let Data::Cname(target) = &rr.data {
            current = target.clone();
        }
    }
    let finals: Vec<String> = rrs
        .iter()
        .filter(|rr| !matches!(rr.data, Data::Cname(_)))
        .map(|rr| format!("{} (ttl {})", rr.data, rr.ttl))
        .collect();
    if !finals.is_empty() {
        parts.push(finals.join(", "));
    }
    parts.join(" → ")
}

/// The values a type's answer ends in (addresses, not the CNAMEs on the way).
fn finals(qtype: QType, outcome: &Outcome) -> Vec<Data> {
    let Outcome::Records(rrs) = outcome else {
        return Vec::new();
    };
    let mut out: Vec<Data> = rrs
        .iter()
        .filter(|rr| qtype == QType::Cname || !matches!(rr.data, Data::Cname(_)))
        .map(|rr| rr.data.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn is_error(o: &Outcome) -> bool {
    !matches!(o, Outcome::Records(_) | Outcome::NoData)
}

fn has_records(per_type: &[(QType, Answer)]) -> bool {
    per_type
        .iter()
        .any(|(_, a)| matches!(a.outcome, Outcome::Records(_)))
}

/// `localhost` and names under it (RFC 6761) may answer loopback.
fn is_local_name(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
}

/// The sinkhole addresses an answer ends in, when it ends in nothing else:
/// what blockers answer for a public name (0.0.0.0, ::, loopback). Such an
/// answer never counts as resolving.
fn sinkholed(name: &str, qtype: QType, outcome: &Outcome) -> Option<Vec<IpAddr>> {
    let ips: Vec<IpAddr> = finals(qtype, outcome)
        .into_iter()
        .filter_map(|d| match d {
            Data::Ip(ip) => Some(ip),
            _ => None,
        })
        .collect();
    let blocked = |ip: &IpAddr| match class_of(*ip) {
        Class::Sinkhole("loopback") => !is_local_name(name),
        Class::Sinkhole(_) => true,
        _ => false,
    };
    (!ips.is_empty() && ips.iter().all(blocked)).then_some(ips)
}

/// Whether this answer gives the name a usable value of its type.
fn resolves(name: &str, qtype: QType, outcome: &Outcome) -> bool {
    matches!(outcome, Outcome::Records(_)) && sinkholed(name, qtype, outcome).is_none()
}

fn usable(name: &str, per_type: &[(QType, Answer)]) -> bool {
    per_type.iter().any(|(t, a)| resolves(name, *t, &a.outcome))
}

/// What went wrong for one or more types at one resolver.
enum What<'a> {
    Said(&'a Outcome),
    /// Answered only with sinkhole addresses.
    Sinkhole(Vec<IpAddr>),
}

impl What<'_> {
    fn code(&self) -> String {
        match self {
            What::Said(o) => o.code(),
            What::Sinkhole(_) => "SINKHOLE".to_string(),
        }
    }
}

/// One resolver's problem with the name, for `dns.resolve`.
struct Problem<'a> {
    up: &'a Upstream,
    what: What<'a>,
    types: Vec<QType>,
    /// The resolver gives no usable value for any type: the name fails
    /// there, not just one type.
    whole: bool,
}

fn problems<'a>(r: &'a NameResult, ups: &'a [Upstream]) -> Vec<Problem<'a>> {
    let mut out: Vec<Problem> = Vec::new();
    for (up, per_type) in ups.iter().zip(&r.answers) {
        let whole = !usable(&r.name, per_type);
        let mut found = false;
        for (qtype, answer) in per_type {
            let what = if is_error(&answer.outcome) {
                What::Said(&answer.outcome)
            } else if let Some(ips) = sinkholed(&r.name, *qtype, &answer.outcome) {
                What::Sinkhole(ips)
            } else {
                continue;
            };
            found = true;
            match out
                .iter_mut()
                .find(|p| std::ptr::eq(p.up, up) && p.what.code() == what.code())
            {
                Some(p) => {
                    p.types.push(*qtype);
                    if let (What::Sinkhole(have), What::Sinkhole(more)) = (&mut p.what, what) {
                        have.extend(more);
                    }
                }
                None => out.push(Problem {
                    up,
                    what,
                    types: vec![*qtype],
                    whole,
                }),
            }
        }
        // Only NODATA: no record of any type asked.
        if !found && whole && !has_records(per_type) {
            if let Some((_, first)) = per_type.first() {
                out.push(Problem {
                    up,
                    what: What::Said(&first.outcome),
                    types: per_type.iter().map(|(t, _)| *t).collect(),
                    whole,
                });
            }
        }
    }
    out
}

fn type_list(types: &[QType]) -> String {
    joined(types, " or ")
}

fn joined(types: &[QType], sep: &str) -> String {
    types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

fn phrase(p: &Problem, timeout: Duration) -> String {
    let outcome = match &p.what {
        What::Sinkhole(ips) => {
            let ips: Vec<String> = ips.iter().map(ToString::to_string).collect();
            return format!(
                "{}: {} answered {} (a blocker's sinkhole: no service answers there)",
                p.up.label,
                joined(&p.types, ", "),
                ips.join(", ")
            );
        }
        What::Said(o) => *o,
    };
    let per_type = if p.whole {
        String::new()
    } else {
        format!("{} ", joined(&p.types, ", "))
    };
    let what = match outcome {
        Outcome::NxDomain => "NXDOMAIN (no such name)".to_string(),
        Outcome::ServFail => "SERVFAIL (the resolver could not complete the lookup)".to_string(),
        Outcome::Refused => "REFUSED (the server will not resolve for this client)".to_string(),
        Outcome::Timeout => format!("no answer within {}", human_ms(timeout)),
        Outcome::PortRefused => {
            "connection refused (ICMP port unreachable: no DNS server listens there)".to_string()
        }
        Outcome::NoData | Outcome::Records(_) => {
            return format!("{}: no {} record", p.up.label, type_list(&p.types))
        }
        Outcome::Failed(why) => why.clone(),
    };
    format!("{}: {per_type}{what}", p.up.label)
}

/// Per record type, how the resolvers answered: `A: resolves`,
/// `AAAA: REFUSED at 127.0.0.1:5353`.
fn by_type(r: &NameResult, ups: &[Upstream], types: &[QType]) -> Vec<String> {
    types
        .iter()
        .map(|t| {
            let mut resolved = false;
            let mut bad = Vec::new();
            for (up, per_type) in ups.iter().zip(&r.answers) {
                let Some((_, a)) = per_type.iter().find(|(qt, _)| qt == t) else {
                    continue;
                };
                if resolves(&r.name, *t, &a.outcome) {
                    resolved = true;
                } else if sinkholed(&r.name, *t, &a.outcome).is_some() {
                    bad.push(format!("sinkhole at {}", up.label));
                } else if is_error(&a.outcome) {
                    bad.push(format!("{} at {}", a.outcome.code(), up.label));
                }
            }
            let verdict = match (resolved, bad.is_empty()) {
                (true, true) => "resolves".to_string(),
                (false, true) => "no record".to_string(),
                (true, false) => format!("resolves, but {}", bad.join("; ")),
                (false, false) => bad.join("; "),
            };
            format!("{}: {verdict}", t.as_str())
        })
        .collect()
}

fn resolve(r: &NameResult, ups: &[Upstream], types: &[QType], timeout: Duration) -> Check {
    let problems = problems(r, ups);
    let answered: Vec<&str> = ups
        .iter()
        .zip(&r.answers)
        .filter(|(_, per_type)| usable(&r.name, per_type))
        .map(|(up, _)| up.label.as_str())
        .collect();
    if problems.is_empty() {
        let mut values: Vec<Data> = r
            .answers
            .iter()
            .flat_map(|per_type| per_type.iter().flat_map(|(t, a)| finals(*t, &a.outcome)))
            .collect();
        values.sort();
        values.dedup();
        return RESOLVE
            .pass(format!(
                "{} resolves at {}: {}",
                r.name,
                every(ups.len()),
                shortened(&values)
            ))
            .detail("name", r.name.clone())
            .detail(
                "types",
                types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            );
    }
    // A resolver that answers one type but not another still resolves the
    // name: each type is judged, and only a resolver with no usable answer
    // at all fails it.
    let primary_failed = problems.iter().any(|p| p.up.primary && p.whole);
    let status = if primary_failed {
        Status::Fail
    } else {
        Status::Warn
    };
    let all_nx = problems.len() == ups.len()
        && problems
            .iter()
            .all(|p| matches!(p.what, What::Said(Outcome::NxDomain)));
    let phrases: Vec<String> = problems.iter().map(|p| phrase(p, timeout)).collect();
    let summary = if all_nx {
        format!("{} does not exist: every resolver answers NXDOMAIN", r.name)
    } else if problems.iter().all(|p| !p.whole) {
        let ok: Vec<&str> = types
            .iter()
            .filter(|t| {
                r.answers.iter().any(|per_type| {
                    per_type
                        .iter()
                        .any(|(qt, a)| qt == *t && resolves(&r.name, *qt, &a.outcome))
                })
            })
            .map(|t| t.as_str())
            .collect();
        format!(
            "{} resolves ({}), but not every type: {}",
            r.name,
            ok.join(", "),
            phrases.join("; ")
        )
    } else {
        format!("{} does not resolve at {}", r.name, phrases.join("; "))
    };
    let mut steps: Vec<&str> = Vec::new();
    let mut add = |s: &[&'static str]| {
        for step in s {
            if !steps.contains(step) {
                steps.push(step);
            }
        }
    };
    if !problems.iter().any(|p| p.up.primary) {
        add(fix::REFERENCE_ONLY);
    } else if all_nx {
        add(fix::NAME_MISSING);
    } else {
        for p in problems.iter().filter(|p| p.up.primary) {
            let outcome = match &p.what {
                What::Sinkhole(_) => {
                    add(fix::SINKHOLE);
                    continue;
                }
                What::Said(o) => *o,
            };
            match outcome {
                Outcome::NxDomain | Outcome::NoData if !answered.is_empty() => add(fix::FILTERED),
                Outcome::NxDomain => add(fix::NAME_MISSING),
                Outcome::NoData | Outcome::Records(_) => add(fix::NODATA),
                Outcome::ServFail => add(fix::SERVFAIL),
                Outcome::Refused => add(fix::REFUSED),
                Outcome::Timeout => add(fix::TIMEOUT),
                Outcome::PortRefused => add(fix::PORT_REFUSED),
                Outcome::Failed(_) => add(fix::FAILED),
            }
        }
    }
    let failed: Vec<String> = problems
        .iter()
        .map(|p| {
            format!(
                "{} {}: {}",
                p.up.label,
                joined(&p.types, ", "),
                p.what.code()
            )
        })
        .collect();
    let check = RESOLVE
        .check(status, summary)
        .detail("name", r.name.clone())
        .detail("by_type", by_type(r, ups, types))
        .detail("failed", failed);
    // An empty list would print as a blank line: leave it out.
    let check = if answered.is_empty() {
        check
    } else {
        check.detail("answered_by", answered)
    };
    check.remedies(steps)
}

fn every(n: usize) -> String {
    match n {
        1 => "the one resolver asked".to_string(),
        2 => "both resolvers".to_string(),
        n => format!("all {n} resolvers"),
    }
}

/// At most four values, then how many more.
fn shortened(values: &[Data]) -> String {
    let shown: Vec<String> = values.iter().take(4).map(ToString::to_string).collect();
    match values.len() {
        0 => "no records".to_string(),
        n if n > 4 => format!("{} and {} more", shown.join(", "), n - 4),
        _ => shown.join(", "),
    }
}

/// What one resolver says about the name, reduced for comparison: per
/// type, the final values or the reason there are none.
#[derive(PartialEq)]
enum View {
    Values(Vec<Data>),
    NoData,
    NxDomain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Public,
    Private,
    Sinkhole,
    Absent,
}

fn kind_of(views: &[(QType, View)]) -> Kind {
    let data: Vec<&Data> = views
        .iter()
        .flat_map(|(_, v)| match v {
            View::Values(d) => d.iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    if data.is_empty() {
        return Kind::Absent;
    }
    let classes: Vec<Class> = data
        .iter()
        .filter_map(|d| match d {
            Data::Ip(ip) => Some(class_of(*ip)),
            _ => None,
        })
        .collect();
    if classes.iter().any(|c| matches!(c, Class::Sinkhole(_))) {
        Kind::Sinkhole
    } else if classes.iter().any(|c| matches!(c, Class::Private(_))) {
        Kind::Private
    } else {
        Kind::Public
    }
}

fn view_text(views: &[(QType, View)]) -> String {
    if views.iter().all(|(_, v)| *v == View::NxDomain) {
        return "NXDOMAIN".to_string();
    }
    let mut values = Vec::new();
    for (t, v) in views {
        match v {
            View::Values(d) => values.extend(d.iter().map(ToString::to_string)),
            View::NoData => values.push(format!("no {}", t.as_str())),
            View::NxDomain => values.push(format!("NXDOMAIN for {}", t.as_str())),
        }
    }
    values.join(", ")
}

fn compare(r: &NameResult, ups: &[Upstream], types: &[QType]) -> Check {
    // Resolvers that failed to answer are dns.resolve's finding; compare
    // only the types every answering resolver answered (NXDOMAIN is an
    // answer), so one REFUSED AAAA does not hide a disagreement on A.
    let answered = |a: &Answer| {
        matches!(
            a.outcome,
            Outcome::Records(_) | Outcome::NoData | Outcome::NxDomain
        )
    };
    let answering: Vec<(&Upstream, &Vec<(QType, Answer)>)> = ups
        .iter()
        .zip(&r.answers)
        .filter(|(_, per_type)| per_type.iter().any(|(_, a)| answered(a)))
        .collect();
    let common: Vec<QType> = types
        .iter()
        .copied()
        .filter(|t| {
            answering
                .iter()
                .all(|(_, per_type)| per_type.iter().any(|(qt, a)| qt == t && answered(a)))
        })
        .collect();
    let views: Vec<(&Upstream, Vec<(QType, View)>)> = answering
        .into_iter()
        .map(|(up, per_type)| {
            let v = per_type
                .iter()
                .filter(|(t, _)| common.contains(t))
                .map(|(t, a)| {
                    let view = match &a.outcome {
                        Outcome::NxDomain => View::NxDomain,
                        Outcome::NoData => View::NoData,
                        other => View::Values(finals(*t, other)),
                    };
                    (*t, view)
                })
                .collect();
            (up, v)
        })
        .collect();
    let lines: Vec<String> = views
        .iter()
        .map(|(up, v)| format!("{}: {}", up.label, view_text(v)))
        .collect();
    let base = |status: Status, summary: String| {
        COMPARE
            .check(status, summary)
            .detail("name", r.name.clone())
            .detail("answers", lines.clone())
    };
    if views.len() < 2 || common.is_empty() {
        let summary = if ups.len() < 2 {
            "one resolver asked: nothing to compare (name more with --resolver)".to_string()
        } else {
            "fewer than two resolvers answered: nothing to compare".to_string()
        };
        return base(Status::Skip, summary);
    }
    let first = &views[0].1;
    if views.iter().all(|(_, v)| v == first) {
        return base(
            Status::Pass,
            format!("{} give the same answer", every(views.len())),
        );
    }
    let kinds: Vec<Kind> = views.iter().map(|(_, v)| kind_of(v)).collect();
    let labels = |want: &[Kind]| -> String {
        views
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| want.contains(k))
            .map(|((up, v), _)| format!("{} ({})", up.label, view_text(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let blocked = kinds
        .iter()
        .any(|k| matches!(k, Kind::Absent | Kind::Sinkhole));
    let real = kinds
        .iter()
        .any(|k| matches!(k, Kind::Public | Kind::Private));
    if blocked && real {
        return base(
            Status::Fail,
            format!(
                "resolvers disagree, a sign of DNS filtering: {} but {}",
                labels(&[Kind::Absent, Kind::Sinkhole]),
                labels(&[Kind::Public, Kind::Private])
            ),
        )
        .remedies(
            fix::FILTERED
                .iter()
                .chain(fix::SINKHOLE.iter().skip(1))
                .copied(),
        );
    }
    if kinds.contains(&Kind::Private) && kinds.contains(&Kind::Public) {
        return base(
            Status::Warn,
            format!(
                "split horizon: {} answer private addresses but {} public ones",
                labels(&[Kind::Private]),
                labels(&[Kind::Public])
            ),
        )
        .remedies(fix::PRIVATE.iter().copied());
    }
    let address_only = types.iter().all(|t| matches!(t, QType::A | QType::Aaaa));
    if kinds.iter().all(|k| *k == Kind::Public) && address_only {
        return base(
            Status::Pass,
            "resolvers give different public addresses: normal for CDNs and load-balanced names, which answer by location".to_string(),
        );
    }
    base(
        Status::Warn,
        format!("resolvers disagree: {}", lines.join("; ")),
    )
    .remedies(fix::DIFFER.iter().copied())
}

fn public_address(r: &NameResult, ups: &[Upstream], types: &[QType]) -> Check {
    if !types.iter().any(|t| matches!(t, QType::A | QType::Aaaa)) {
        return PUBLIC_ADDRESS
            .skip("no A or AAAA lookup asked (--type)")
            .detail("name", r.name.clone());
    }
    // Each address once, with the resolvers that gave it.
    let mut seen: Vec<(IpAddr, Class, Vec<&str>)> = Vec::new();
    for (up, per_type) in ups.iter().zip(&r.answers) {
        for (t, a) in per_type {
            for d in finals(*t, &a.outcome) {
                if let Data::Ip(ip) = d {
                    match seen.iter_mut().find(|(x, _, _)| *x == ip) {
                        Some((_, _, from)) => from.push(&up.label),
                        None => seen.push((ip, class_of(ip), vec![&up.label])),
                    }
                }
            }
        }
    }
    if seen.is_empty() {
        return PUBLIC_ADDRESS
            .skip("no address to judge: the name did not resolve")
            .detail("name", r.name.clone());
    }
    let text = |(ip, class, from): &(IpAddr, Class, Vec<&str>)| {
        let what = match class {
            Class::Public => "public",
            Class::Private(k) | Class::Sinkhole(k) => k,
        };
        format!("{ip} ({what}) from {}", from.join(", "))
    };
    let addresses: Vec<String> = seen.iter().map(text).collect();
    let check = |status, summary: String| {
        PUBLIC_ADDRESS
            .check(status, summary)
            .detail("name", r.name.clone())
            .detail("addresses", addresses.clone())
    };
    let sinkholes: Vec<String> = seen
        .iter()
        .filter(|(_, c, _)| matches!(c, Class::Sinkhole(_)))
        .map(text)
        .collect();
    if !sinkholes.is_empty() {
        return check(
            Status::Fail,
            format!("something blocks {}: {}", r.name, sinkholes.join("; ")),
        )
        .remedies(fix::SINKHOLE.iter().copied());
    }
    let private: Vec<String> = seen
        .iter()
        .filter(|(_, c, _)| matches!(c, Class::Private(_)))
        .map(text)
        .collect();
    if !private.is_empty() {
        return check(
            Status::Warn,
            format!(
                "{} is reachable only inside a private network: {}",
                r.name,
                private.join("; ")
            ),
        )
        .remedies(fix::PRIVATE.iter().copied());
    }
    let n = seen.len();
    check(
        Status::Pass,
        format!(
            "{} public address{}",
            if n == 1 {
                "one".to_string()
            } else {
                format!("all {n}")
            },
            if n == 1 { "" } else { "es" }
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> Class {
        class_of(s.parse().unwrap())
    }

    fn up(label: &str, primary: bool) -> Upstream {
        Upstream {
            label: label.into(),
            primary,
            resolver: Err("not built in unit tests".into()),
        }
    }

    fn answer(outcome: Outcome) -> (QType, Answer) {
        (
            QType::A,
            Answer {
                outcome,
                latency: Duration::from_millis(3),
            },
        )
    }

    fn ip(name: &str, addr: &str) -> Outcome {
        Outcome::Records(vec![Rr {
            name: name.into(),
            ttl: 60,
            data: Data::Ip(addr.parse().unwrap()),
        }])
    }

    #[test]
    fn public_resolvers_failing_next_to_a_working_system_one_only_warn() {
        let ups = [
            up("system", true),
            up("8.8.8.8", false),
            up("1.1.1.1", false),
        ];
        let r = NameResult {
            name: "api.stripe.com".into(),
            answers: vec![
                vec![answer(ip("api.stripe.com", "54.187.174.169"))],
                vec![answer(Outcome::Timeout)],
                vec![answer(Outcome::Timeout)],
            ],
        };
        let c = resolve(&r, &ups, &[QType::A], Duration::from_secs(1));
        assert_eq!(c.status(), Status::Warn, "{}", c.summary());
        assert!(
            c.summary().contains("8.8.8.8: no answer within"),
            "{}",
            c.summary()
        );
        assert!(c.remediation()[0].contains("blocks DNS to outside servers"));
        assert_eq!(compare(&r, &ups, &[QType::A]).status(), Status::Skip);
    }

    #[test]
    fn a_failing_system_resolver_fails_and_nxdomain_against_an_answer_is_filtering() {
        let ups = [up("system", true), up("8.8.8.8", false)];
        let r = NameResult {
            name: "api.stripe.com".into(),
            answers: vec![
                vec![answer(Outcome::NxDomain)],
                vec![answer(ip("api.stripe.com", "54.187.174.169"))],
            ],
        };
        let c = resolve(&r, &ups, &[QType::A], Duration::from_secs(1));
        assert_eq!(c.status(), Status::Fail);
        assert!(c.remediation().iter().any(|s| s.contains("DNS filter")));
        let c = compare(&r, &ups, &[QType::A]);
        assert_eq!(c.status(), Status::Fail);
        assert!(c.summary().contains("system (NXDOMAIN)"), "{}", c.summary());
    }

    #[test]
    fn each_type_is_judged_and_a_sinkhole_never_resolves() {
        let ups = [up("system", true)];
        let r = NameResult {
            name: "api.stripe.com".into(),
            answers: vec![vec![
                answer(ip("api.stripe.com", "54.187.174.169")),
                (
                    QType::Aaaa,
                    Answer {
                        outcome: Outcome::ServFail,
                        latency: Duration::ZERO,
                    },
                ),
            ]],
        };
        let c = resolve(&r, &ups, &[QType::A, QType::Aaaa], Duration::from_secs(1));
        assert_eq!(c.status(), Status::Warn, "{}", c.summary());
        assert!(
            c.summary().contains("system: AAAA SERVFAIL"),
            "{}",
            c.summary()
        );
        let r = NameResult {
            name: "api.stripe.com".into(),
            answers: vec![vec![answer(ip("api.stripe.com", "0.0.0.0"))]],
        };
        let c = resolve(&r, &ups, &[QType::A], Duration::from_secs(1));
        assert_eq!(c.status(), Status::Fail, "{}", c.summary());
        assert!(c.summary().contains("sinkhole"), "{}", c.summary());
        let local = |name: &str| sinkholed(name, QType::A, &ip(name, "127.0.0.1"));
        assert!(local("localhost").is_none() && local("app.localhost").is_none());
        assert!(local("api.stripe.com").is_some());
    }

    #[test]
    fn sinkholes_are_unspecified_and_loopback() {
        for ip in [
            "0.0.0.0",
            "127.0.0.1",
            "127.9.9.9",
            "::",
            "::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(matches!(class(ip), Class::Sinkhole(_)), "{ip}");
        }
    }

    #[test]
    fn private_ranges_are_named() {
        let cases = [
            ("10.1.2.3", "RFC 1918"),
            ("172.16.0.1", "RFC 1918"),
            ("172.31.255.255", "RFC 1918"),
            ("192.168.1.1", "RFC 1918"),
            ("100.64.0.1", "carrier-grade NAT"),
            ("100.127.255.254", "carrier-grade NAT"),
            ("::ffff:100.64.0.1", "carrier-grade NAT"),
            ("169.254.169.254", "link-local"),
            ("fd00::1", "unique local"),
            ("fc12::1", "unique local"),
            ("fe80::1", "link-local"),
            ("::ffff:10.0.0.1", "RFC 1918"),
        ];
        for (ip, label) in cases {
            match class(ip) {
                Class::Private(l) => assert!(l.contains(label), "{ip}: {l}"),
                other => panic!("{ip}: {other:?}"),
            }
        }
    }

    #[test]
    fn public_addresses_pass_including_range_edges() {
        for ip in [
            "54.187.174.169",
            "172.32.0.1",
            "172.15.255.255",
            "100.63.255.255",
            "100.128.0.1",
            "2606:4700::6810:1",
            "1.1.1.1",
        ] {
            assert_eq!(class(ip), Class::Public, "{ip}");
        }
    }
}
