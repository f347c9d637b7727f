//! Resolvers: one hickory resolver per upstream (the system's configuration
//! or one server), and one query at a time turned into an [`Answer`] that
//! says what the server said, in DNS terms, and how long it took.

use hickory_resolver::config::{
    NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts, ServerOrderingStrategy,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use hickory_resolver::TokioResolver;
use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

/// The record types plumb asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QType {
    A,
    Aaaa,
    Cname,
    Mx,
    Txt,
}

impl QType {
    pub fn as_str(self) -> &'static str {
        match self {
            QType::A => "A",
            QType::Aaaa => "AAAA",
            QType::Cname => "CNAME",
            QType::Mx => "MX",
            QType::Txt => "TXT",
        }
    }

    fn record_type(self) -> RecordType {
        match self {
            QType::A => RecordType::A,
            QType::Aaaa => RecordType::AAAA,
            QType::Cname => RecordType::CNAME,
            QType::Mx => RecordType::MX,
            QType::Txt => RecordType::TXT,
        }
    }
}

/// The name servers the operating system's resolver configuration lists
/// (`/etc/resolv.conf`), as `address:port`.
pub fn system_servers() -> Result<Vec<String>, String> {
    let (config, _) = hickory_resolver::system_conf::read_system_conf()
        .map_err(|e| format!("cannot read the system resolver configuration: {e}"))?;
    let mut servers: Vec<String> = config
        .name_servers()
        .iter()
        .map(|s| s.ip.to_string())
        .collect();
    servers.dedup();
    Ok(servers)
}

/// A resolver bound to one upstream.
#[derive(Clone)]
pub struct Resolver {
    inner: TokioResolver,
    /// The servers it asks, in the order the configuration lists them.
    pub servers: Vec<SocketAddr>,
}

impl Resolver {
    /// The resolver the operating system uses (`/etc/resolv.conf`). Read
    /// only when asked for, so `--no-system` costs no file access.
    pub fn system(timeout: Duration) -> Result<Resolver, String> {
        let (config, opts) = hickory_resolver::system_conf::read_system_conf()
            .map_err(|e| format!("cannot read the system resolver configuration: {e}"))?;
        if config.name_servers().is_empty() {
            return Err("the system resolver configuration lists no name server".to_string());
        }
        Self::build(config, opts, timeout)
    }

    /// A resolver that asks exactly one server, over UDP with TCP for
    /// truncated answers (as dig does).
    pub fn server(addr: SocketAddr, timeout: Duration) -> Result<Resolver, String> {
        let mut server = NameServerConfig::udp_and_tcp(addr.ip());
        for conn in &mut server.connections {
            conn.port = addr.port();
        }
        let config = ResolverConfig::from_parts(None, Vec::new(), vec![server]);
        Self::build(config, ResolverOpts::default(), timeout)
    }

    fn build(
        config: ResolverConfig,
        mut opts: ResolverOpts,
        timeout: Duration,
    ) -> Result<Resolver, String> {
        let servers = config
            .name_servers()
            .iter()
            .map(|ns| {
                let port = ns.connections.first().map_or(53, |c| c.port);
                SocketAddr::new(ns.ip, port)
            })
            .collect();
        // Two tries inside the bound, so one lost datagram is not a timeout;
        // `lookup` enforces the bound itself whatever the library does.
        opts.timeout = (timeout / 2).max(Duration::from_millis(50));
        opts.attempts = 1;
        // What the servers answer, not what /etc/hosts or a cache says.
        opts.use_hosts_file = ResolveHosts::Never;
        opts.cache_size = 0;
        opts.preserve_intermediates = true;
        opts.server_ordering_strategy = ServerOrderingStrategy::UserProvidedOrder;
        opts.num_concurrent_reqs = 1;
        let inner = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
            .with_options(opts)
            .build()
            .map_err(|e| format!("cannot set up the resolver: {e}"))?;
        Ok(Resolver { inner, servers })
    }

    /// Asks for `name` (already validated; it is queried as fully
    /// qualified, so no search domain is appended) and `qtype`, within
    /// `bound`.
    pub async fn lookup(&self, name: &str, qtype: QType, bound: Duration) -> Answer {
        let start = Instant::now();
        let outcome = match Name::from_ascii(format!("{}.", name.trim_end_matches('.'))) {
            Err(e) => Outcome::Failed(format!("not a DNS name: {e}")),
            Ok(fqdn) => {
                let refused = port_refused(&self.servers, &fqdn, qtype.record_type());
                let query = self.inner.lookup(fqdn.clone(), qtype.record_type());
                let answered = tokio::select! {
                    answered = tokio::time::timeout(bound, query) => answered,
                    () = refused => return Answer {
                        outcome: Outcome::PortRefused,
                        latency: start.elapsed(),
                    },
                };
                match answered {
                    Err(_) => Outcome::Timeout,
                    Ok(Ok(lookup)) => {
                        let records: Vec<Rr> = lookup
                            .answers()
                            .iter()
                            .filter_map(Rr::from_record)
                            .collect();
                        // A CNAME chain that ends nowhere is no answer of this type.
                        let wanted = qtype.record_type();
                        if !lookup.answers().iter().any(|r| r.record_type() == wanted) {
                            Outcome::NoData
                        } else {
                            Outcome::Records(records)
                        }
                    }
                    Ok(Err(e)) => classify(&e),
                }
            }
        };
        Answer {
            outcome,
            latency: start.elapsed(),
        }
    }
}

/// How long a lookup runs before plumb also asks each server itself over
/// a connected socket, to hear an ICMP "port unreachable" (which the
/// resolver library's unconnected socket never sees). Most resolvers
/// answer well within it, so they get no second query.
const REFUSAL_PROBE_AFTER: Duration = Duration::from_millis(100);

/// Completes only when every server's port refuses (ICMP port
/// unreachable: connection refused on a connected UDP socket), as dig
/// reports "connection refused"; otherwise it never completes, and the
/// lookup's own answer or timeout decides.
async fn port_refused(servers: &[SocketAddr], name: &Name, rtype: RecordType) {
    if servers.is_empty() {
        return std::future::pending().await;
    }
    tokio::time::sleep(REFUSAL_PROBE_AFTER).await;
    let mut message = Message::new(fastrand::u16(..), MessageType::Query, OpCode::Query);
    message.metadata.recursion_desired = true;
    message.add_query(Query::query(name.clone(), rtype));
    let Ok(bytes) = message.to_vec() else {
        return std::future::pending().await;
    };
    // Dropping the set (the lookup ended first) aborts the probes.
    let mut set = tokio::task::JoinSet::new();
    for server in servers.iter().copied() {
        let bytes = bytes.clone();
        set.spawn(async move { refuses(server, &bytes).await });
    }
    while let Some(joined) = set.join_next().await {
        if !matches!(joined, Ok(true)) {
            return std::future::pending().await;
        }
    }
}

/// Whether `server` refuses a datagram: true on connection refused, false
/// on an answer or any other error; it waits (forever) otherwise.
async fn refuses(server: SocketAddr, query: &[u8]) -> bool {
    let local: SocketAddr = if server.is_ipv4() {
        (std::net::Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let Ok(socket) = tokio::net::UdpSocket::bind(local).await else {
        return false;
    };
    if socket.connect(server).await.is_err() {
        return false;
    }
    let refused = |e: &std::io::Error| e.kind() == std::io::ErrorKind::ConnectionRefused;
    if let Err(e) = socket.send(query).await {
        return refused(&e);
    }
    let mut buf = [0u8; 512];
    match socket.recv(&mut buf).await {
        Err(e) => refused(&e),
        Ok(_) => false,
    }
}

fn classify(e: &NetError) -> Outcome {
    match e {
        NetError::Timeout => Outcome::Timeout,
        NetError::Dns(DnsError::NoRecordsFound(no)) => match no.response_code {
            ResponseCode::NXDomain => Outcome::NxDomain,
            ResponseCode::NoError => Outcome::NoData,
            code => from_code(code),
        },
        NetError::Dns(DnsError::ResponseCode(code)) => from_code(*code),
        NetError::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Outcome::Timeout,
        other => Outcome::Failed(other.to_string()),
    }
}

fn from_code(code: ResponseCode) -> Outcome {
    match code {
        ResponseCode::NXDomain => Outcome::NxDomain,
        ResponseCode::ServFail => Outcome::ServFail,
        ResponseCode::Refused => Outcome::Refused,
        ResponseCode::NoError => Outcome::NoData,
        other => Outcome::Failed(format!("the server answered {}", rcode_name(other))),
    }
}

/// The mnemonic dig prints for a response code.
fn rcode_name(code: ResponseCode) -> String {
    match code {
        ResponseCode::NoError => "NOERROR".into(),
        ResponseCode::FormErr => "FORMERR".into(),
        ResponseCode::ServFail => "SERVFAIL".into(),
        ResponseCode::NXDomain => "NXDOMAIN".into(),
        ResponseCode::NotImp => "NOTIMP".into(),
        ResponseCode::Refused => "REFUSED".into(),
        ResponseCode::NotAuth => "NOTAUTH".into(),
        other => format!("RCODE{}", u16::from(other)),
    }
}

/// One query's result.
#[derive(Debug, Clone)]
pub struct Answer {
    pub outcome: Outcome,
    pub latency: Duration,
}

/// What a server said, as DNS names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// NOERROR with records of the type asked (after any CNAMEs).
    Records(Vec<Rr>),
    /// NOERROR, but the name has no record of this type.
    NoData,
    NxDomain,
    ServFail,
    Refused,
    /// No answer within the bound.
    Timeout,
    /// The server's port refused the query (ICMP port unreachable): no DNS
    /// server listens there.
    PortRefused,
    /// Another response code, or the transport failed.
    Failed(String),
}

impl Outcome {
    /// The response code or condition, as dig prints it.
    pub fn code(&self) -> String {
        match self {
            Outcome::Records(_) | Outcome::NoData => rcode_name(ResponseCode::NoError),
            Outcome::NxDomain => rcode_name(ResponseCode::NXDomain),
            Outcome::ServFail => rcode_name(ResponseCode::ServFail),
            Outcome::Refused => rcode_name(ResponseCode::Refused),
            Outcome::Timeout => "TIMEOUT".into(),
            Outcome::PortRefused => "CONNREFUSED".into(),
            Outcome::Failed(_) => "ERROR".into(),
        }
    }
}

/// One answer record, reduced to what plumb shows and compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rr {
    /// Owner name, without the final dot.
    pub name: String,
    pub ttl: u32,
    pub data: Data,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Data {
    Ip(IpAddr),
    Cname(String),
    Mx(u16, String),
    Txt(String),
}

impl Rr {
    fn from_record(r: &hickory_resolver::proto::rr::Record) -> Option<Rr> {
        let data = match &r.data {
            RData::A(a) => Data::Ip(IpAddr::V4(a.0)),
            RData::AAAA(a) => Data::Ip(IpAddr::V6(a.0)),
            RData::CNAME(c) => Data::Cname(bare(&c.0)),
            RData::MX(mx) => Data::Mx(mx.preference, bare(&mx.exchange)),
            RData::TXT(txt) => Data::Txt(
                txt.txt_data
                    .iter()
                    .map(|part| String::from_utf8_lossy(part).into_owned())
                    .collect(),
            ),
            _ => return None,
        };
        Some(Rr {
            name: bare(&r.name),
            ttl: r.ttl,
            data,
        })
    }
}

impl std::fmt::Display for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Data::Ip(ip) => write!(f, "{ip}"),
            Data::Cname(target) => write!(f, "{target}"),
            Data::Mx(pref, host) => write!(f, "{pref} {host}"),
            Data::Txt(text) => write!(f, "{text:?}"),
        }
    }
}

fn bare(name: &Name) -> String {
    let s = name.to_ascii();
    s.strip_suffix('.').unwrap_or(&s).to_ascii_lowercase()
}
