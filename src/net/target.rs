//! Parsing and judging what the user points plumb at: `HOST[:PORT]`, URLs,
//! host names, and whether an address is loopback, private or public.

use crate::error::{Error, Result};
use crate::input::is_secret_param;
use std::net::IpAddr;

/// A host (name or IP literal, without brackets) and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    pub host: String,
    pub port: u16,
}

impl HostPort {
    pub fn ip(&self) -> Option<IpAddr> {
        self.host.parse().ok()
    }
}

impl std::fmt::Display for HostPort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.ip() {
            Some(IpAddr::V6(_)) => write!(f, "[{}]:{}", self.host, self.port),
            _ => write!(f, "{}:{}", self.host, self.port),
        }
    }
}

/// Parses `HOST`, `HOST:PORT`, `[V6]:PORT`, a bare IPv6 address, or an
/// `https://` URL (its host and port). `what` names the argument in errors.
pub fn parse_host_port(what: &str, input: &str, default_port: u16) -> Result<HostPort> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Error::usage(format!(
            "{what} is empty: give a host name such as api.stripe.com"
        )));
    }
    if s.contains("://") {
        let url = parse_url(what, s)?;
        let host = url_host(&url);
        let port = url.port_or_known_default().unwrap_or(default_port);
        return Ok(HostPort { host, port });
    }
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok(HostPort {
            host: ip.to_string(),
            port: default_port,
        });
    }
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let (h, after) = rest.split_once(']').ok_or_else(|| {
            Error::usage(format!("{what} '{s}': missing ']' after the IPv6 address"))
        })?;
        let port = match after.strip_prefix(':') {
            Some(p) => parse_port(what, p)?,
            None if after.is_empty() => default_port,
            None => {
                return Err(Error::usage(format!(
                    "{what} '{s}': expected ':PORT' after ']'"
                )))
            }
        };
        h.parse::<IpAddr>()
            .map_err(|_| Error::usage(format!("{what} '{s}': '{h}' is not an IPv6 address")))?;
        (h.to_string(), port)
    } else if let Some((h, p)) = s.rsplit_once(':') {
        (h.to_string(), parse_port(what, p)?)
    } else {
        (s.to_string(), default_port)
    };
    if host.parse::<IpAddr>().is_err() {
        validate_hostname(what, &host)?;
    }
    Ok(HostPort {
        host: host.trim_end_matches('.').to_ascii_lowercase(),
        port,
    })
}

pub fn parse_port(what: &str, p: &str) -> Result<u16> {
    match p.parse::<u32>() {
        Ok(n) if (1..=65535).contains(&n) => Ok(n as u16),
        _ => Err(Error::usage(format!(
            "{what}: port '{p}' is not a number from 1 to 65535"
        ))),
    }
}

/// Checks a DNS host name: at most 253 characters, labels of 1 to 63
/// letters, digits, hyphens or underscores, not starting or ending with a
/// hyphen. A single trailing dot (the root) is allowed.
pub fn validate_hostname(what: &str, name: &str) -> Result<()> {
    let shown = crate::escape::clean(name);
    let n = name.strip_suffix('.').unwrap_or(name);
    if n.is_empty() {
        return Err(Error::usage(format!(
            "{what} is empty: give a host name such as api.stripe.com"
        )));
    }
    if n.len() > 253 {
        return Err(Error::usage(format!(
            "{what}: the name is {} characters long; DNS allows 253",
            n.len()
        )));
    }
    for label in n.split('.') {
        if label.is_empty() {
            return Err(Error::usage(format!(
                "{what} '{shown}': empty label (two dots in a row, or a leading dot)"
            )));
        }
        if label.len() > 63 {
            return Err(Error::usage(format!(
                "{what} '{}…': a label is {} characters long; DNS allows 63",
                &shown.chars().take(40).collect::<String>(),
                label.len()
            )));
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(Error::usage(format!(
                "{what} '{shown}': '{}' has characters a host name cannot contain",
                crate::escape::clean(label)
            )));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(Error::usage(format!(
                "{what} '{shown}': a label cannot start or end with '-'"
            )));
        }
    }
    Ok(())
}

/// Parses an http or https URL with a host; anything else is a usage error.
pub fn parse_url(what: &str, input: &str) -> Result<url::Url> {
    let s = input.trim();
    let shown = unparsed_url_shown(s);
    if s.is_empty() {
        return Err(Error::usage(format!(
            "{what} is empty: give a URL such as https://example.com/webhook"
        )));
    }
    let url = url::Url::parse(s)
        .map_err(|e| Error::usage(format!("{what} '{shown}': not a valid URL ({e})")))?;
    let shown = shown_url(&url);
    match url.scheme() {
        "http" | "https" => {}
        other => {
            return Err(Error::usage(format!(
                "{what} '{shown}': the scheme is '{other}'; only http and https are supported"
            )))
        }
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::usage(format!(
            "{what} '{shown}': the URL has no host"
        )));
    }
    Ok(url)
}

/// A URL that did not parse, safe to print in its error: a user:password@
/// part and the query (where credentials ride: `api_key=`, `token=`) are
/// masked, control characters escaped.
fn unparsed_url_shown(s: &str) -> String {
    let (before_query, query) = match s.split_once('?') {
        Some((b, _)) => (b, "?…"),
        None => (s, ""),
    };
    let authority_start = before_query.find("://").map_or(0, |i| i + 3);
    let rest = &before_query[authority_start..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let shown = match rest[..authority_end].rsplit_once('@') {
        Some((_, host)) => format!(
            "{}…@{host}{}{query}",
            &before_query[..authority_start],
            &rest[authority_end..]
        ),
        None => format!("{before_query}{query}"),
    };
    crate::escape::clean(&shown)
}

/// The URL's host without IPv6 brackets.
pub fn url_host(url: &url::Url) -> String {
    match url.host() {
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        Some(h) => h.to_string(),
        None => String::new(),
    }
}

/// `localhost`, `*.localhost`, 127.0.0.0/8 and ::1, by the name alone.
/// Only for choices made before anything is resolved (whether to use a
/// proxy, as curl does); never for deciding where a credential may go,
/// which depends on the address connected to: a resolver or /etc/hosts can
/// map `localhost` anywhere.
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    if h == "localhost" || h.ends_with(".localhost") {
        return true;
    }
    h.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// How an address is reachable, for judging DNS answers and certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressClass {
    /// 0.0.0.0, :: — what DNS filters answer for blocked names.
    Unspecified,
    Loopback,
    /// RFC 1918, CGNAT (100.64/10), ULA (fc00::/7).
    Private,
    LinkLocal,
    Public,
}

pub fn classify(ip: IpAddr) -> AddressClass {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            if v4.is_unspecified() {
                AddressClass::Unspecified
            } else if v4.is_loopback() {
                AddressClass::Loopback
            } else if v4.is_private() || (o[0] == 100 && (64..128).contains(&o[1])) {
                AddressClass::Private
            } else if v4.is_link_local() {
                AddressClass::LinkLocal
            } else {
                AddressClass::Public
            }
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return classify(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            if v6.is_unspecified() {
                AddressClass::Unspecified
            } else if v6.is_loopback() {
                AddressClass::Loopback
            } else if first & 0xfe00 == 0xfc00 {
                AddressClass::Private
            } else if first & 0xffc0 == 0xfe80 {
                AddressClass::LinkLocal
            } else {
                AddressClass::Public
            }
        }
    }
}

/// Whether a host is a name the public internet could resolve: not an
/// address outside the public range, not `localhost`, not a reserved or
/// internal-only suffix, and not a single label.
pub fn is_public_name(host: &str) -> bool {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return classify(ip) == AddressClass::Public;
    }
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let internal = [
        ".localhost",
        ".local",
        ".internal",
        ".lan",
        ".home.arpa",
        ".test",
        ".example",
        ".invalid",
        ".corp",
        ".intranet",
    ];
    h.contains('.') && h != "localhost" && !internal.iter().any(|s| h.ends_with(s))
}

/// A URL safe to print: a password in it and the values of credential
/// query parameters are masked, control characters escaped.
pub fn shown_url(url: &url::Url) -> String {
    let mut shown = url.clone();
    if url.password().is_some() {
        let _ = shown.set_password(Some("redacted"));
    }
    // A user name alone can be the credential (`https://sk_live_…:@host`,
    // as curl's -u KEY: sends it).
    if !url.username().is_empty() {
        let _ = shown.set_username(&crate::secret::mask(url.username()));
    }
    shown.set_query(None);
    shown.set_fragment(None);
    let mut text = shown.as_str().to_string();
    if let Some(query) = url.query() {
        let pieces: Vec<String> = query
            .split('&')
            .map(|piece| {
                let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
                let name = url::form_urlencoded::parse(key.as_bytes())
                    .next()
                    .map(|(k, _)| k.into_owned())
                    .unwrap_or_default();
                let raw = url::form_urlencoded::parse(piece.as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                if is_secret_param(&name, &raw) {
                    format!("{key}={}", crate::secret::mask(&raw))
                } else if value.is_empty() && !piece.contains('=') {
                    key.to_string()
                } else {
                    format!("{key}={value}")
                }
            })
            .collect();
        text.push('?');
        text.push_str(&pieces.join("&"));
    }
    if let Some(f) = url.fragment() {
        text.push('#');
        text.push_str(f);
    }
    crate::escape::clean(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_errors_never_echo_credentials() {
        for bad in [
            "http://user:sk_live_51HxYzAbCdEfGhIjKl@127.0.0.1:99999/",
            "https://h:99999/x?api_key=sk_live_51HxYzAbCdEfGhIjKl",
            "ftp://u:sk_live_51HxYzAbCdEfGhIjKl@h/",
            "https://u:sk_live_51HxYzAbCdEfGhIjKl@/",
        ] {
            let e = parse_url("URL", bad).unwrap_err().to_string();
            assert!(!e.contains("AbCdEf"), "{e}");
        }
        assert_eq!(unparsed_url_shown("http://h:1/p?x=1"), "http://h:1/p?…");
        assert_eq!(unparsed_url_shown("a@b/c"), "…@b/c");
    }

    fn hp(s: &str) -> Result<HostPort> {
        parse_host_port("HOST", s, 443)
    }

    #[test]
    fn host_port_forms() {
        assert_eq!(
            hp("api.stripe.com").unwrap(),
            HostPort {
                host: "api.stripe.com".into(),
                port: 443
            }
        );
        assert_eq!(
            hp("Example.COM.:8443").unwrap().to_string(),
            "example.com:8443"
        );
        assert_eq!(hp("[::1]:8443").unwrap().to_string(), "[::1]:8443");
        assert_eq!(hp("::1").unwrap().port, 443);
        assert_eq!(
            hp("https://shop.example.com/admin").unwrap().host,
            "shop.example.com"
        );
        assert_eq!(hp("http://127.0.0.1:8080/x").unwrap().port, 8080);
    }

    #[test]
    fn bad_hosts_and_ports_are_usage_errors() {
        for bad in [
            "",
            "host:0",
            "host:70000",
            "host:abc",
            "a..b",
            "-a.com",
            "a b.com",
            "[::1",
            "[zz]:1",
        ] {
            assert!(matches!(hp(bad), Err(Error::Usage(_))), "{bad:?}");
        }
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(hp(&long_label).is_err());
        let long_name = vec!["abcdefghij"; 26].join(".");
        assert!(hp(&long_name).is_err());
    }

    #[test]
    fn urls_need_http_or_https_and_a_host() {
        assert!(parse_url("URL", "https://example.com/hook").is_ok());
        assert!(parse_url("URL", "ftp://example.com").is_err());
        assert!(parse_url("URL", "example.com").is_err());
        assert!(parse_url("URL", "").is_err());
        assert!(parse_url("URL", "https://").is_err());
    }

    #[test]
    fn address_classes() {
        let c = |s: &str| classify(s.parse().unwrap());
        assert_eq!(c("0.0.0.0"), AddressClass::Unspecified);
        assert_eq!(c("::"), AddressClass::Unspecified);
        assert_eq!(c("127.0.0.1"), AddressClass::Loopback);
        assert_eq!(c("10.1.2.3"), AddressClass::Private);
        assert_eq!(c("100.64.0.1"), AddressClass::Private);
        assert_eq!(c("100.128.0.1"), AddressClass::Public);
        assert_eq!(c("fd00::1"), AddressClass::Private);
        assert_eq!(c("169.254.1.1"), AddressClass::LinkLocal);
        assert_eq!(c("fe80::1"), AddressClass::LinkLocal);
        assert_eq!(c("::ffff:192.168.1.1"), AddressClass::Private);
        assert_eq!(c("8.8.8.8"), AddressClass::Public);
    }

    #[test]
    fn loopback_and_public_names() {
        assert!(is_loopback_host("localhost"));
        assert!(is_loopback_host("127.0.0.5"));
        assert!(is_loopback_host("[::1]"));
        assert!(!is_loopback_host("example.com"));
        assert!(is_public_name("api.stripe.com"));
        assert!(!is_public_name("localhost"));
        assert!(!is_public_name("printer.local"));
        assert!(!is_public_name("10.0.0.1"));
        assert!(!is_public_name("intranet"));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// A valid DNS name: labels of letters, digits and inner hyphens.
    fn hostname() -> impl Strategy<Value = String> {
        prop::collection::vec("[a-zA-Z0-9]([a-zA-Z0-9_-]{0,20}[a-zA-Z0-9])?", 1..5)
            .prop_map(|labels| labels.join("."))
            // A numeric last label is an IPv4 address to URL parsers.
            .prop_filter("a name, not an address", |h| {
                h.rsplit('.')
                    .next()
                    .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text as HOST, PORT or URL: a value or a one-line usage
        /// error, never a panic.
        #[test]
        fn any_text_never_panics(s in "\\PC{0,80}|\\[?[0-9a-fA-F:.%]{0,40}\\]?(:[0-9-]{0,8})?|(https?|ftp)://[^/]{0,30}(/.{0,10})?") {
            let results = [
                parse_host_port("HOST", &s, 443).map(|hp| { let _ = hp.ip(); }),
                parse_port("--port", &s).map(drop),
                validate_hostname("HOST", &s),
                parse_url("URL", &s).map(|u| { let _ = url_host(&u); }),
            ];
            for r in results {
                if let Err(e) = r {
                    prop_assert_eq!(e.exit_code(), 2);
                }
            }
            let _ = is_loopback_host(&s);
            let _ = is_public_name(&s);
        }

        /// format→parse for names, ports, IPv4 and bracketed IPv6, and URLs.
        #[test]
        fn host_port_round_trips(host in hostname(), port in 1u16..=65535, v4: std::net::Ipv4Addr, v6: std::net::Ipv6Addr, dot: bool) {
            let want = host.to_ascii_lowercase();
            let dotted = if dot { format!("{host}.") } else { host.clone() };
            prop_assert!(validate_hostname("HOST", &dotted).is_ok());
            prop_assert_eq!(parse_port("--port", &port.to_string()).unwrap(), port);
            let hp = parse_host_port("HOST", &format!("{dotted}:{port}"), 443).unwrap();
            prop_assert_eq!((hp.host, hp.port), (want.clone(), port));
            let hp = parse_host_port("HOST", &dotted, 8443).unwrap();
            prop_assert_eq!((hp.host, hp.port), (want.clone(), 8443));
            let hp = parse_host_port("HOST", &format!("{v4}:{port}"), 443).unwrap();
            prop_assert_eq!((hp.host, hp.port), (v4.to_string(), port));
            let hp = parse_host_port("HOST", &format!("[{v6}]:{port}"), 443).unwrap();
            prop_assert_eq!((hp.host.clone(), hp.port), (v6.to_string(), port));
            prop_assert_eq!(hp.ip(), Some(IpAddr::V6(v6)));
            let url = parse_url("URL", &format!("https://{host}:{port}/hook")).unwrap();
            prop_assert_eq!(url_host(&url), want);
            prop_assert_eq!(url.port_or_known_default(), Some(port));
        }
    }
}
