//! Names and resolvers as the user typed them, checked before any query:
//! a malformed one is a usage error (exit 2), never a query that fails.
//! The rules themselves are the network module's (`net::target`).

use crate::error::{Error, Result};
use crate::escape::clean;
use crate::net::target::{parse_host_port, validate_hostname};
use std::net::{IpAddr, SocketAddr};

/// Checks a host name given as `what` and returns it lowercased and
/// without the final dot.
pub fn name(what: &str, raw: &str) -> Result<String> {
    let shown = clean(raw);
    if raw.contains("://") {
        return Err(Error::usage(format!(
            "{what} '{shown}' is a URL: give only the host name (e.g. api.stripe.com)"
        )));
    }
    if raw.parse::<IpAddr>().is_ok() {
        return Err(Error::usage(format!(
            "{what} '{shown}' is an IP address, not a name: there is nothing to resolve"
        )));
    }
    if raw.contains([':', '/', '@']) {
        return Err(Error::usage(format!(
            "{what} '{shown}': give only the host name, without a port or path"
        )));
    }
    // An internationalised name is asked in its ASCII (xn--) form.
    let ascii = match url::Host::parse(raw) {
        Ok(url::Host::Domain(d)) if !raw.is_ascii() => d,
        _ => raw.to_string(),
    };
    validate_hostname(what, &ascii)?;
    Ok(ascii.trim_end_matches('.').to_ascii_lowercase())
}

/// Parses `IP`, `IP:PORT`, `[IPv6]` or `[IPv6]:PORT`; the port defaults to 53.
pub fn resolver(raw: &str) -> Result<SocketAddr> {
    let what = "--resolver";
    let not_an_ip = || {
        Error::usage(format!(
            "{what} '{}': not an IP address: give IP or IP:PORT (1.1.1.1, 127.0.0.1:5353, [::1]:53)",
            clean(raw)
        ))
    };
    if raw.contains("://") {
        return Err(not_an_ip());
    }
    let target = parse_host_port(what, raw, 53)?;
    let ip = target.ip().ok_or_else(not_an_ip)?;
    Ok(SocketAddr::new(ip, target.port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(r: Result<impl std::fmt::Debug>) -> String {
        r.expect_err("should be refused").to_string()
    }

    #[test]
    fn good_names_are_normalised() {
        let n = |s: &str| name("NAME", s).unwrap();
        assert_eq!(n("api.stripe.com"), "api.stripe.com");
        assert_eq!(n("API.Stripe.COM."), "api.stripe.com");
        assert_eq!(n("_dmarc.example.com"), "_dmarc.example.com");
        assert_eq!(n("localhost"), "localhost");
        assert_eq!(n("bücher.example"), "xn--bcher-kva.example");
        let longest = [
            "a".repeat(63),
            "b".repeat(63),
            "c".repeat(63),
            "d".repeat(61),
        ]
        .join(".");
        assert_eq!(longest.len(), 253);
        assert!(name("NAME", &longest).is_ok());
    }

    #[test]
    fn malformed_names_say_why() {
        let cases = [
            ("", "empty"),
            (".", "empty"),
            ("a..b", "empty label"),
            (".a.com", "empty label"),
            ("https://api.stripe.com/v1", "URL"),
            ("api.stripe.com:443", "without a port"),
            ("1.2.3.4", "IP address"),
            ("a b.com", "cannot contain"),
            ("a\u{1b}.com", "cannot contain"),
            ("under$core.com", "cannot contain"),
            ("-api.com", "'-'"),
            ("api-.com", "'-'"),
        ];
        for (raw, expected) in cases {
            let err = why(name("NAME", raw));
            assert!(err.contains(expected), "{raw:?}: {err}");
            assert!(err.contains("NAME"), "{raw:?}: {err}");
            assert!(!err.contains('\u{1b}'), "{raw:?}: {err}");
        }
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(why(name("NAME", &long_label)).contains("63"));
        let long_name = vec!["abcdefghi"; 26].join(".");
        assert!(long_name.len() > 253);
        assert!(why(name("NAME", &long_name)).contains("253"));
    }

    #[test]
    fn resolvers_take_an_ip_and_an_optional_port() {
        let ok = |s: &str| resolver(s).unwrap().to_string();
        assert_eq!(ok("8.8.8.8"), "8.8.8.8:53");
        assert_eq!(ok("127.0.0.1:5353"), "127.0.0.1:5353");
        assert_eq!(ok("::1"), "[::1]:53");
        assert_eq!(ok("[::1]"), "[::1]:53");
        assert_eq!(ok("[2001:db8::1]:5353"), "[2001:db8::1]:5353");
        assert!(why(resolver("dns.google")).contains("not an IP"));
        assert!(why(resolver("https://1.1.1.1")).contains("not an IP"));
        assert!(why(resolver("8.8.8.8:0")).contains("1 to 65535"));
        assert!(why(resolver("8.8.8.8:65536")).contains("1 to 65535"));
        assert!(why(resolver("8.8.8.8:dns")).contains("1 to 65535"));
        assert!(resolver("").is_err());
        assert!(resolver("::1:53:x").is_err());
    }
}
