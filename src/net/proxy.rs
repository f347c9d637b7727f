//! Proxies from the environment, read the way curl reads them, so plumb
//! reaches a service by the same path as curl and most SDKs on the machine:
//!
//! - `https_proxy` / `HTTPS_PROXY` for https URLs;
//! - `http_proxy` for http URLs (lower case only, as curl: a web server sets
//!   `HTTP_PROXY` from a request's `Proxy:` header in CGI programs);
//! - `all_proxy` / `ALL_PROXY` for either when the scheme's own is unset;
//! - `no_proxy` / `NO_PROXY`: `*`, host names and domain suffixes (matched
//!   at a dot, so `example.com` covers `api.example.com` but not
//!   `badexample.com`), IP addresses and CIDR ranges (`10.0.0.0/8`),
//!   reached directly.
//!
//! Loopback destinations never go through a proxy. plumb speaks to http://
//! proxies (a scheme-less value means http, as in curl) and to SOCKS5 ones:
//! through an http proxy an https target is reached through a `CONNECT`
//! tunnel, so TLS and its certificate checks stay end to end, and an http
//! target is sent as an absolute-form request; through `socks5://` (the
//! name resolved here) or `socks5h://` (resolved by the proxy) every
//! target is a tunnel. Any other proxy scheme (https, socks4) is refused
//! with a message instead of being bypassed silently.

use super::{Deadline, NetError, Phase};
use crate::secret::Secret;
use base64::Engine as _;
use std::net::SocketAddr;
use std::sync::OnceLock;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest proxy variable plumb reads as a URL.
const MAX_VALUE: usize = 2048;

/// The most bytes of a proxy's answer to `CONNECT` plumb reads.
const MAX_CONNECT_ANSWER: usize = 16 * 1024;

/// The kind of proxy, from its URL's scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Http,
    /// SOCKS5, the target's name resolved here (`socks5://`).
    Socks5,
    /// SOCKS5, the target's name resolved by the proxy (`socks5h://`).
    Socks5h,
}

impl Kind {
    fn scheme(self) -> &'static str {
        match self {
            Kind::Http => "http",
            Kind::Socks5 => "socks5",
            Kind::Socks5h => "socks5h",
        }
    }
}

/// One proxy to go through, and the variable that named it.
#[derive(Debug, Clone)]
pub struct Proxy {
    pub var: &'static str,
    pub host: String,
    pub port: u16,
    pub kind: Kind,
    /// `Basic …` from the user name and password in the proxy URL.
    auth: Option<Secret>,
    /// The same user name and password, for SOCKS5's own login.
    login: Option<(String, Secret)>,
}

impl Proxy {
    /// `http://proxy.corp:3128 (HTTPS_PROXY)`, never with its credentials.
    pub fn shown(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let user = if self.auth.is_some() { "****@" } else { "" };
        crate::escape::clean(&format!(
            "{}://{user}{host}:{} ({})",
            self.kind.scheme(),
            self.port,
            self.var
        ))
    }

    /// A SOCKS proxy: every target, plain http too, goes through a tunnel.
    pub fn is_socks(&self) -> bool {
        self.kind != Kind::Http
    }

    /// The `Proxy-Authorization` value, when the proxy URL carries a user.
    pub fn authorization(&self) -> Option<&Secret> {
        self.auth.as_ref()
    }
}

/// The proxy variables in effect.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    https: Option<(&'static str, String)>,
    http: Option<(&'static str, String)>,
    all: Option<(&'static str, String)>,
    no_proxy: Option<String>,
}

impl Settings {
    /// This process's settings, read once.
    pub fn from_env() -> &'static Settings {
        static SETTINGS: OnceLock<Settings> = OnceLock::new();
        SETTINGS.get_or_init(|| Settings::from_vars(|name| std::env::var(name).ok()))
    }

    /// Settings from a variable lookup; empty values count as unset. The
    /// lower-case name wins when both are set, as in curl.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Settings {
        let pick = |names: &[&'static str]| {
            names.iter().find_map(|n| {
                get(n)
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (*n, v.trim().to_string()))
            })
        };
        Settings {
            https: pick(&["https_proxy", "HTTPS_PROXY"]),
            http: pick(&["http_proxy"]),
            all: pick(&["all_proxy", "ALL_PROXY"]),
            no_proxy: pick(&["no_proxy", "NO_PROXY"]).map(|(_, v)| v),
        }
    }

    /// The proxy for a `scheme://host` URL, if one applies.
    pub fn for_url(&self, scheme: &str, host: &str) -> Result<Option<Proxy>, NetError> {
        // By name, as curl decides it: the proxy is chosen before anything
        // is resolved. Whether a credential may then travel in the clear is
        // decided on the address connected to (`http::clear_text_allowed`).
        if super::target::is_loopback_host(host) {
            return Ok(None);
        }
        if self
            .no_proxy
            .as_deref()
            .is_some_and(|list| no_proxy_covers(list, host))
        {
            return Ok(None);
        }
        let chosen = match scheme {
            "https" => self.https.as_ref().or(self.all.as_ref()),
            _ => self.http.as_ref().or(self.all.as_ref()),
        };
        chosen.map(|(var, value)| parse(var, value)).transpose()
    }

    /// The route to `scheme://host:port`: through a proxy, or `None` for a
    /// direct connection.
    pub fn route(&self, scheme: &str, host: &str, port: u16) -> Result<Option<Route>, NetError> {
        Ok(self.for_url(scheme, host)?.map(|proxy| Route {
            proxy,
            host: host.to_string(),
            port,
        }))
    }
}

/// Reads one proxy variable's value.
fn parse(var: &'static str, value: &str) -> Result<Proxy, NetError> {
    let refuse = |why: String| {
        NetError::new(
            Phase::Connect,
            format!("{var} {why}: fix or unset it, or set NO_PROXY='*' to connect directly"),
        )
        .proxy_fault()
    };
    if value.len() > MAX_VALUE {
        return Err(refuse(format!(
            "is {} bytes long: not a proxy URL",
            value.len()
        )));
    }
    let with_scheme = if value.contains("://") {
        value.to_string()
    } else {
        format!("http://{value}")
    };
    let url = url::Url::parse(&with_scheme)
        .map_err(|_| refuse(format!("is not a proxy URL ({})", shown_value(value))))?;
    let kind = match url.scheme() {
        "http" => Kind::Http,
        "socks5" => Kind::Socks5,
        "socks5h" => Kind::Socks5h,
        other => {
            return Err(refuse(format!(
                "names a {} proxy; plumb talks to http://, socks5:// and socks5h:// proxies",
                crate::escape::clean(other)
            )))
        }
    };
    let host = match url.host() {
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        Some(h) => h.to_string(),
        None => return Err(refuse(format!("has no host ({})", shown_value(value)))),
    };
    let mut login = None;
    let auth = if url.username().is_empty() && url.password().is_none() {
        None
    } else {
        let decode = |s: &str| {
            percent_decode(s)
                .ok_or_else(|| refuse("has a user name or password that is not valid UTF-8".into()))
        };
        let (user, password) = (
            decode(url.username())?,
            decode(url.password().unwrap_or(""))?,
        );
        let pair = format!("{user}:{password}");
        login = Some((user, Secret::new(password)));
        Some(Secret::new(format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )))
    };
    Ok(Proxy {
        var,
        host,
        // curl's default port for a proxy without one.
        port: url.port().unwrap_or(1080),
        kind,
        auth,
        login,
    })
}

fn percent_decode(s: &str) -> Option<String> {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|v| v.into_owned())
}

/// A proxy value for a message: credentials before an `@` are hidden,
/// control characters escaped, and the text cut at 120 characters.
pub fn shown_value(value: &str) -> String {
    let shown = match value.rsplit_once('@') {
        Some((_, host)) => format!("****@{host}"),
        None => value.to_string(),
    };
    let shown = crate::escape::clean(&shown);
    match shown.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown,
    }
}

/// NO_PROXY as curl reads it: `*`; names, matched exactly or as a domain
/// suffix at a dot (`.stripe.com`, `stripe.com` and `*.stripe.com` all
/// cover `api.stripe.com`; `pi.stripe.com` does not); and, for a host that
/// is an IP address, IP addresses and CIDR ranges (`10.0.0.0/8`,
/// `fd00::/8`), which never match by suffix. Entries may carry a port,
/// which is ignored.
pub fn no_proxy_covers(no_proxy: &str, host: &str) -> bool {
    let host = host
        .trim_end_matches('.')
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let host_ip = host.parse::<std::net::IpAddr>().ok();
    no_proxy
        .split([',', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .any(|p| {
            if p == "*" {
                return true;
            }
            let p = p.trim_start_matches("*.").trim_start_matches('.');
            let p = match p.rsplit_once(':') {
                Some((name, port)) if !name.contains(':') && port.parse::<u16>().is_ok() => name,
                _ => p,
            };
            let p = p
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim_end_matches('.')
                .to_ascii_lowercase();
            if p.is_empty() {
                return false;
            }
            match host_ip {
                Some(ip) => ip_covers(&p, ip),
                None => host == p || host.ends_with(&format!(".{p}")),
            }
        })
}

/// Whether a NO_PROXY entry (an address, or a range `addr/bits`) covers
/// `ip`.
fn ip_covers(entry: &str, ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    let (addr, bits) = match entry.split_once('/') {
        Some((a, b)) => match b.parse::<u32>() {
            Ok(b) => (a, Some(b)),
            Err(_) => return false,
        },
        None => (entry, None),
    };
    let Ok(net) = addr.trim_end_matches(']').parse::<IpAddr>() else {
        return false;
    };
    let prefix = |a: u128, b: u128, len: u32, width: u32| {
        let len = len.min(width);
        len == 0 || (a ^ b) >> (width - len) == 0
    };
    match (net, ip) {
        (IpAddr::V4(n), IpAddr::V4(h)) => prefix(
            u128::from(u32::from(n)),
            u128::from(u32::from(h)),
            bits.unwrap_or(32),
            32,
        ),
        (IpAddr::V6(n), IpAddr::V6(h)) => {
            prefix(u128::from(n), u128::from(h), bits.unwrap_or(128), 128)
        }
        _ => false,
    }
}

/// What to do when the proxy was the problem.
pub const REMEDY: &str = "Check the proxy named in the message: that it runs and is reachable from here, allows CONNECT to the service's host on port 443, and accepts the user name and password in the variable; NO_PROXY='*' makes plumb connect directly, to compare.";

/// What a proxy that never answers `CONNECT` did, for timeout messages.
pub fn connect_silence(proxy: &Proxy) -> String {
    let request = if proxy.is_socks() {
        "the SOCKS5 request"
    } else {
        "the CONNECT request"
    };
    format!(
        "the proxy {} accepted the connection but did not answer {request}",
        proxy.shown()
    )
}

/// A server reached through a proxy: the proxy, and the host and port it
/// tunnels to. The HTTP client and `plumb tls` both go through one.
#[derive(Debug, Clone)]
pub struct Route {
    pub proxy: Proxy,
    pub host: String,
    pub port: u16,
}

impl Route {
    /// `host:port`, with an IPv6 host in brackets.
    fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// An error reaching the proxy itself (resolving it, connecting to
    /// it): marked as the proxy's, and naming where the request was going.
    pub fn unreachable(&self, e: NetError) -> NetError {
        let mut e = e.proxy_fault();
        e.message = format!(
            "cannot reach {} through the proxy {}: {}",
            self.authority(),
            self.proxy.shown(),
            e.message
        );
        e
    }

    /// Connects to the proxy at `addr` and opens the tunnel.
    pub async fn open(&self, addr: SocketAddr, deadline: Deadline) -> Result<TcpStream, NetError> {
        let (tcp, _) = super::tls::connect_tcp(addr, deadline)
            .await
            .map_err(|e| self.unreachable(e))?;
        self.tunnel(tcp, deadline).await
    }

    /// Asks the proxy on `stream` for a tunnel to the server and returns
    /// the stream once the proxy has agreed (any 2xx to `CONNECT`, or a
    /// SOCKS5 success), ready for the TLS handshake or the request.
    pub async fn tunnel(
        &self,
        stream: TcpStream,
        deadline: Deadline,
    ) -> Result<TcpStream, NetError> {
        match self.proxy.kind {
            Kind::Http => self.http_tunnel(stream, deadline).await,
            Kind::Socks5 | Kind::Socks5h => {
                let what = connect_silence(&self.proxy);
                deadline
                    .bound(Phase::Connect, &what, self.socks_tunnel(stream))
                    .await
                    .map_err(NetError::proxy_fault)
            }
        }
    }

    /// The SOCKS5 exchange (RFC 1928, with RFC 1929's user name and
    /// password when the proxy URL has them): greeting, login, CONNECT.
    async fn socks_tunnel(&self, mut stream: TcpStream) -> Result<TcpStream, NetError> {
        let proxy = &self.proxy;
        let io = |e: std::io::Error| {
            lost(
                proxy,
                &format!(
                    "closed the connection during the SOCKS5 exchange ({})",
                    crate::input::io_reason(&e)
                ),
            )
        };
        let greeting: &[u8] = if proxy.login.is_some() {
            &[5, 2, 0, 2]
        } else {
            &[5, 1, 0]
        };
        stream.write_all(greeting).await.map_err(io)?;
        let mut two = [0u8; 2];
        stream.read_exact(&mut two).await.map_err(io)?;
        if two[0] != 5 {
            return Err(lost(proxy, "did not answer as a SOCKS5 proxy: is it one?"));
        }
        match (two[1], &proxy.login) {
            (0, _) => {}
            (2, Some((user, password))) => {
                let (u, p) = (user.as_bytes(), password.expose().as_bytes());
                let (Ok(ul), Ok(pl)) = (u8::try_from(u.len()), u8::try_from(p.len())) else {
                    return Err(lost(
                        proxy,
                        "needs a user name and password of at most 255 bytes each",
                    ));
                };
                let mut login = vec![1, ul];
                login.extend_from_slice(u);
                login.push(pl);
                login.extend_from_slice(p);
                stream.write_all(&login).await.map_err(io)?;
                stream.read_exact(&mut two).await.map_err(io)?;
                if two[1] != 0 {
                    return Err(lost(
                        proxy,
                        &format!("rejected the user name and password in {}", proxy.var),
                    ));
                }
            }
            (2, None) => {
                return Err(lost(
                    proxy,
                    &format!(
                        "asks for a user name and password: put them in {} as {}://USER:PASSWORD@host:port",
                        proxy.var,
                        proxy.kind.scheme()
                    ),
                ))
            }
            _ => {
                return Err(lost(
                    proxy,
                    "accepts none of the SOCKS5 login methods plumb offers (none, user name and password)",
                ))
            }
        }
        let mut ask = vec![5, 1, 0];
        let ip = match self.host.parse::<std::net::IpAddr>() {
            Ok(ip) => Some(ip),
            Err(_) if proxy.kind == Kind::Socks5 => {
                // socks5:// resolves the name here, as curl does.
                let found = tokio::net::lookup_host((self.host.as_str(), self.port))
                    .await
                    .map_err(|e| {
                        NetError::new(
                            Phase::Dns,
                            format!(
                                "cannot resolve {} for the SOCKS5 proxy: {}",
                                self.host,
                                crate::input::io_reason(&e)
                            ),
                        )
                    })?
                    .next()
                    .ok_or_else(|| {
                        NetError::new(Phase::Dns, format!("{} has no address", self.host))
                    })?;
                Some(found.ip())
            }
            Err(_) => None,
        };
        match ip {
            Some(std::net::IpAddr::V4(v4)) => {
                ask.push(1);
                ask.extend_from_slice(&v4.octets());
            }
            Some(std::net::IpAddr::V6(v6)) => {
                ask.push(4);
                ask.extend_from_slice(&v6.octets());
            }
            None => {
                let Ok(len) = u8::try_from(self.host.len()) else {
                    return Err(lost(proxy, "cannot be given a name over 255 bytes"));
                };
                ask.push(3);
                ask.push(len);
                ask.extend_from_slice(self.host.as_bytes());
            }
        }
        ask.extend_from_slice(&self.port.to_be_bytes());
        stream.write_all(&ask).await.map_err(io)?;
        let mut head = [0u8; 4];
        stream.read_exact(&mut head).await.map_err(io)?;
        if head[1] != 0 {
            let why = match head[1] {
                1 => "a general failure",
                2 => "its rules forbid it",
                3 => "network unreachable",
                4 => "host unreachable",
                5 => "connection refused by the server",
                6 => "the connection timed out",
                7 => "it does not support CONNECT",
                8 => "it does not support this address type",
                _ => "an unknown reason",
            };
            return Err(lost(
                proxy,
                &format!(
                    "refused a tunnel to {}: {why} (SOCKS5 reply {})",
                    self.authority(),
                    head[1]
                ),
            ));
        }
        let rest = match head[3] {
            1 => 4 + 2,
            4 => 16 + 2,
            3 => {
                let mut len = [0u8; 1];
                stream.read_exact(&mut len).await.map_err(io)?;
                usize::from(len[0]) + 2
            }
            _ => return Err(lost(proxy, "sent a SOCKS5 reply plumb cannot read")),
        };
        let mut bound = vec![0u8; rest];
        stream.read_exact(&mut bound).await.map_err(io)?;
        Ok(stream)
    }

    /// The http proxy's `CONNECT`.
    async fn http_tunnel(
        &self,
        mut stream: TcpStream,
        deadline: Deadline,
    ) -> Result<TcpStream, NetError> {
        let proxy = &self.proxy;
        let authority = self.authority();
        let mut ask = format!(
            "CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\nUser-Agent: {}\r\n",
            super::USER_AGENT
        );
        if let Some(auth) = proxy.authorization() {
            ask.push_str(&format!("Proxy-Authorization: {}\r\n", auth.expose()));
        }
        ask.push_str("\r\n");
        let what = connect_silence(proxy);
        let head = deadline
            .bound(Phase::Connect, &what, async {
                stream.write_all(ask.as_bytes()).await.map_err(|e| {
                    lost(
                        proxy,
                        &format!("closed the connection ({})", crate::input::io_reason(&e)),
                    )
                })?;
                read_answer(&mut stream, proxy).await
            })
            .await
            .map_err(NetError::proxy_fault)?;
        judge(&head, proxy, &authority).map_err(NetError::proxy_fault)?;
        Ok(stream)
    }
}

fn lost(proxy: &Proxy, what: &str) -> NetError {
    NetError::new(
        Phase::Connect,
        format!("the proxy {} {what}", proxy.shown()),
    )
}

/// Reads the proxy's answer head, up to the blank line. A tunnel's first
/// bytes come from the client (the TLS ClientHello), so any byte after the
/// head is a broken proxy, not data to keep.
async fn read_answer(stream: &mut TcpStream, proxy: &Proxy) -> Result<Vec<u8>, NetError> {
    let mut head = Vec::with_capacity(256);
    let mut buf = [0u8; 1024];
    loop {
        let n = stream.read(&mut buf).await.map_err(|e| {
            lost(
                proxy,
                &format!("closed the connection ({})", crate::input::io_reason(&e)),
            )
        })?;
        if n == 0 {
            return Err(lost(
                proxy,
                "closed the connection without answering the CONNECT request",
            ));
        }
        head.extend_from_slice(&buf[..n]);
        if let Some((_, after)) = crate::input::split_head(&head) {
            if !after.is_empty() {
                return Err(lost(proxy, "sent data after its answer to CONNECT"));
            }
            return Ok(head);
        }
        if head.len() > MAX_CONNECT_ANSWER {
            return Err(lost(
                proxy,
                &format!(
                    "answered CONNECT with more than {} KiB of headers",
                    MAX_CONNECT_ANSWER / 1024
                ),
            ));
        }
    }
}

/// Accepts a 2xx answer; names anything else.
fn judge(head: &[u8], proxy: &Proxy, authority: &str) -> Result<(), NetError> {
    let text = String::from_utf8_lossy(head);
    let line = text.lines().next().unwrap_or("").trim();
    let mut parts = line.splitn(3, ' ');
    let version = parts.next().unwrap_or("");
    let status = parts.next().and_then(|s| s.parse::<u16>().ok());
    let shown_line: String = crate::escape::clean(line).chars().take(120).collect();
    let sent: Vec<&Secret> = proxy.authorization().into_iter().collect();
    let shown_line = crate::redact::foreign(&shown_line, &sent);
    match status {
        _ if !version.starts_with("HTTP/") => Err(lost(
            proxy,
            &format!("did not answer CONNECT in HTTP ({shown_line:?}): is it an http proxy?"),
        )),
        None => Err(lost(
            proxy,
            &format!("answered CONNECT with no status code ({shown_line:?})"),
        )),
        Some(200..=299) => Ok(()),
        Some(407) if proxy.authorization().is_some() => Err(lost(
            proxy,
            &format!(
                "rejected the user name and password in {} (407 Proxy Authentication Required)",
                proxy.var
            ),
        )),
        Some(407) => Err(lost(
            proxy,
            &format!(
                "asks for a user name and password (407 Proxy Authentication Required): put them in {} as http://USER:PASSWORD@host:port",
                proxy.var
            ),
        )),
        Some(code) => Err(lost(
            proxy,
            &format!("refused a tunnel to {authority}: {shown_line}{}", refusal_hint(code)),
        )),
    }
}

fn refusal_hint(code: u16) -> &'static str {
    match code {
        403 => {
            " (its policy blocks this host or port: ask for the service's API hosts to be allowed)"
        }
        502 | 504 => " (the proxy could not reach the service itself)",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Settings {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_vars(|n| map.get(n).cloned())
    }

    #[test]
    fn each_scheme_uses_its_variable_as_curl_does() {
        let s = settings(&[
            ("HTTPS_PROXY", "http://secure.corp:3128"),
            ("http_proxy", "plain.corp:8080"),
        ]);
        let p = s.for_url("https", "api.stripe.com").unwrap().unwrap();
        assert_eq!(
            (p.var, p.host.as_str(), p.port),
            ("HTTPS_PROXY", "secure.corp", 3128)
        );
        let p = s.for_url("http", "example.com").unwrap().unwrap();
        assert_eq!(
            (p.var, p.host.as_str(), p.port),
            ("http_proxy", "plain.corp", 8080)
        );
        // Upper-case HTTP_PROXY is ignored (CGI can set it from a request).
        let s = settings(&[("HTTP_PROXY", "http://evil:1")]);
        assert!(s.for_url("http", "example.com").unwrap().is_none());
        // ALL_PROXY fills in, lower case wins, the default port is 1080.
        let s = settings(&[
            ("ALL_PROXY", "http://a.corp"),
            ("all_proxy", "http://b.corp"),
        ]);
        let p = s.for_url("https", "x.example").unwrap().unwrap();
        assert_eq!(
            (p.var, p.host.as_str(), p.port),
            ("all_proxy", "b.corp", 1080)
        );
        assert!(settings(&[])
            .for_url("https", "x.example")
            .unwrap()
            .is_none());
        assert!(settings(&[("https_proxy", "  ")])
            .for_url("https", "x.example")
            .unwrap()
            .is_none());
    }

    #[test]
    fn loopback_and_no_proxy_hosts_go_direct() {
        let s = settings(&[
            ("https_proxy", "http://p.corp:3128"),
            ("NO_PROXY", "localhost, .internal.example,stripe.com:443"),
        ]);
        assert!(s.for_url("https", "127.0.0.1").unwrap().is_none());
        assert!(s.for_url("https", "localhost").unwrap().is_none());
        assert!(s.for_url("https", "::1").unwrap().is_none());
        assert!(s.for_url("https", "db.internal.example").unwrap().is_none());
        assert!(s.for_url("https", "api.stripe.com").unwrap().is_none());
        assert!(s.for_url("https", "acme.myshopify.com").unwrap().is_some());
        let all = settings(&[("https_proxy", "http://p:1"), ("no_proxy", "*")]);
        assert!(all.for_url("https", "api.stripe.com").unwrap().is_none());
    }

    #[test]
    fn no_proxy_matches_names_and_suffixes_only() {
        assert!(no_proxy_covers("localhost,.stripe.com", "api.stripe.com"));
        assert!(no_proxy_covers("*", "api.stripe.com"));
        assert!(no_proxy_covers("myshopify.com", "example.myshopify.com"));
        assert!(no_proxy_covers("*.stripe.com", "api.stripe.com"));
        assert!(no_proxy_covers("API.Stripe.com", "api.stripe.com."));
        assert!(!no_proxy_covers("stripe.com.evil", "api.stripe.com"));
        assert!(!no_proxy_covers("pi.stripe.com", "api.stripe.com"));
        assert!(!no_proxy_covers(".", "api.stripe.com"));
        assert!(no_proxy_covers("[2001:db8::1]", "2001:db8::1"));
    }

    /// Addresses match as addresses, never as name suffixes (curl 7.86 and
    /// later): `0.0.1` does not cover 10.0.0.1; ranges do.
    #[test]
    fn no_proxy_matches_addresses_and_ranges() {
        assert!(!no_proxy_covers("0.0.1", "10.0.0.1"));
        assert!(!no_proxy_covers(".0.0.1", "10.0.0.1"));
        assert!(no_proxy_covers("10.0.0.1", "10.0.0.1"));
        assert!(no_proxy_covers("10.0.0.0/8", "10.20.30.40"));
        assert!(!no_proxy_covers("10.0.0.0/8", "11.0.0.1"));
        assert!(no_proxy_covers("192.168.1.0/24:8080", "192.168.1.7"));
        assert!(no_proxy_covers("fd00::/8", "fd12::1"));
        assert!(!no_proxy_covers("fd00::/8", "fe80::1"));
        assert!(no_proxy_covers("0.0.0.0/0", "203.0.113.9"));
        assert!(!no_proxy_covers("10.0.0.0/8", "ten.example"));
        assert!(!no_proxy_covers("example.com", "badexample.com"));
        assert!(!no_proxy_covers("10.0.0.0/x", "10.0.0.1"));
    }

    #[test]
    fn socks_proxies_are_read_with_their_scheme() {
        let s = settings(&[("all_proxy", "socks5h://u:p%40ss@127.0.0.1:9050")]);
        let p = s.for_url("https", "api.stripe.com").unwrap().unwrap();
        assert_eq!(p.kind, Kind::Socks5h);
        assert!(p.is_socks());
        assert_eq!(p.shown(), "socks5h://****@127.0.0.1:9050 (all_proxy)");
        assert_eq!(p.login.as_ref().unwrap().1.expose(), "p@ss");
        let s = settings(&[("https_proxy", "socks5://p.corp")]);
        let p = s.for_url("https", "x.example").unwrap().unwrap();
        assert_eq!((p.kind, p.port), (Kind::Socks5, 1080));
    }

    #[test]
    fn unsupported_or_broken_values_are_refused_without_their_credentials() {
        let s = settings(&[("https_proxy", "socks4://user:hunter2pass@p:1080")]);
        let e = s.for_url("https", "api.stripe.com").unwrap_err();
        assert!(e.message.contains("socks4 proxy"), "{}", e.message);
        assert!(e.message.contains("NO_PROXY='*'"), "{}", e.message);
        assert!(!e.message.contains("hunter2"), "{}", e.message);
        let s = settings(&[("https_proxy", "http://user:hunter2pass@[bad")]);
        let e = s.for_url("https", "api.stripe.com").unwrap_err();
        assert!(!e.message.contains("hunter2"), "{}", e.message);
        let huge = format!("http://{}:1", "a".repeat(5000));
        let e = settings(&[("https_proxy", &huge)])
            .for_url("https", "x.example")
            .unwrap_err();
        assert!(e.message.contains("bytes long"), "{}", e.message);
        assert!(e.message.len() < 300);
        let e = settings(&[("https_proxy", &format!("{}:bad", "b".repeat(500)))])
            .for_url("https", "x.example")
            .unwrap_err();
        assert!(e.message.len() < 400, "{}", e.message);
    }

    #[test]
    fn credentials_become_basic_auth_and_are_never_shown() {
        let s = settings(&[("https_proxy", "http://svc%40corp:p%3Ass@p.corp:3128")]);
        let p = s.for_url("https", "api.stripe.com").unwrap().unwrap();
        let expected = base64::engine::general_purpose::STANDARD.encode("svc@corp:p:ss");
        assert_eq!(
            p.authorization().unwrap().expose(),
            format!("Basic {expected}")
        );
        assert_eq!(p.shown(), "http://****@p.corp:3128 (https_proxy)");
    }

    fn proxy(auth: bool) -> Proxy {
        Proxy {
            var: "HTTPS_PROXY",
            host: "p.corp".into(),
            port: 3128,
            kind: Kind::Http,
            auth: auth.then(|| Secret::new("Basic dXNlcjpodW50ZXIy")),
            login: None,
        }
    }

    #[test]
    fn connect_answers_are_judged_and_named() {
        let ok = |h: &str| judge(h.as_bytes(), &proxy(false), "api.stripe.com:443");
        assert!(ok("HTTP/1.1 200 Connection established\r\n\r\n").is_ok());
        assert!(ok("HTTP/1.0 200 OK\r\nProxy-Agent: squid\r\n\r\n").is_ok());
        let e = ok("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n").unwrap_err();
        assert!(
            e.message.contains("asks for a user name and password"),
            "{}",
            e.message
        );
        let e = judge(b"HTTP/1.1 407 Nope\r\n\r\n", &proxy(true), "h:443").unwrap_err();
        assert!(e
            .message
            .contains("rejected the user name and password in HTTPS_PROXY"));
        let e = ok("HTTP/1.1 403 Forbidden\r\n\r\n").unwrap_err();
        assert!(e
            .message
            .contains("refused a tunnel to api.stripe.com:443: HTTP/1.1 403 Forbidden"));
        assert!(e.message.contains("policy"), "{}", e.message);
        let e = ok("SSH-2.0-OpenSSH_9.6\r\n\r\n").unwrap_err();
        assert!(e.message.contains("is it an http proxy?"), "{}", e.message);
        let e = ok("HTTP/1.1 \x1b[31mred\r\n\r\n").unwrap_err();
        assert!(!e.message.contains('\x1b'), "{}", e.message);
    }

    proptest::proptest! {
        #[test]
        fn any_proxy_value_parses_or_is_refused_without_panic(value in "\\PC{0,80}") {
            let s = settings(&[("https_proxy", value.as_str())]);
            let _ = s.for_url("https", "api.stripe.com");
        }

        #[test]
        fn any_connect_answer_is_judged_without_panic(head in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = judge(&head, &proxy(true), "h:443");
        }
    }
}
