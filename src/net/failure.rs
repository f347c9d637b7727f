//! One translation of every connection failure: what went wrong in words
//! (never a library's own error text) and the remedy that fits the cause.
//! Every command that opens a connection (`endpoint`, `webhook send`,
//! `check`, `rate-limit`, `tls`) names failures through this module.

use super::{NetError, Phase};

/// What a certificate is faulted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertFault {
    Expired,
    NotYetValid,
    WrongName,
    SelfSigned,
    /// The chain ends at a root nothing here trusts.
    UntrustedRoot,
    /// The server sent only its own certificate and nothing here knows
    /// its issuer: the intermediates are missing.
    MissingIntermediate,
    UnknownIssuer,
    Revoked,
    /// A certificate's key usage or extended key usage forbids its role.
    WrongUsage,
    /// plumb's verifier cannot judge it (an algorithm or a shape it does
    /// not support); the server is not at fault as far as plumb knows.
    Unsupported,
    Malformed,
    BadSignature,
    Other,
}

/// Why a connection failed, for choosing the remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cause {
    #[default]
    Unclassified,
    Refused,
    Unreachable,
    /// The destination never answered the TCP connection.
    Silent,
    /// The port answered, but not with TLS (plain HTTP, most often).
    NotTls,
    /// The server wanted a TLS version older than 1.2.
    OldVersion,
    /// No TLS version or cipher suite in common.
    NothingInCommon,
    /// The server ended the handshake with an alert.
    Alert,
    /// The server closed the connection during the handshake.
    Closed,
    TooLarge,
    Certificate(CertFault),
}

/// `n unit(s)`, pluralised.
fn count(n: i64, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// A span of time in words at the precision that matters: seconds,
/// minutes or hours under a day, days after that ("2 hours", "3 days").
pub fn span(secs: i64) -> String {
    let secs = secs.unsigned_abs();
    let secs = i64::try_from(secs).unwrap_or(i64::MAX);
    match secs {
        0..=119 => count(secs, "second"),
        120..=7_199 => count(secs / 60, "minute"),
        7_200..=86_399 => count(secs / 3_600, "hour"),
        _ => count(secs / 86_400, "day"),
    }
}

/// RFC 3339 for a Unix time (dates before 1970 included).
pub fn date(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_else(|_| "a date outside the calendar".to_string())
}

/// "expired 2 hours ago (2026-…)", "becomes valid in 3 days (…)".
pub fn expired_words(now: i64, not_after: i64) -> String {
    format!(
        "expired {} ago ({})",
        span(now - not_after),
        date(not_after)
    )
}

pub fn not_yet_words(now: i64, not_before: i64) -> String {
    format!(
        "becomes valid in {} ({})",
        span(not_before - now),
        date(not_before)
    )
}

fn unix(t: &rustls::pki_types::UnixTime) -> i64 {
    i64::try_from(t.as_secs()).unwrap_or(i64::MAX)
}

/// The DNS name or IP address a server name stands for.
fn name_text(name: &rustls::pki_types::ServerName<'_>) -> String {
    match name {
        rustls::pki_types::ServerName::DnsName(d) => d.as_ref().to_string(),
        rustls::pki_types::ServerName::IpAddress(ip) => std::net::IpAddr::from(*ip).to_string(),
        _ => "the name asked for".to_string(),
    }
}

/// A certificate error from rustls in words, with its fault.
pub fn certificate(e: &rustls::CertificateError) -> (CertFault, String) {
    use rustls::CertificateError as C;
    #[allow(deprecated)]
    match e {
        C::Expired => (
            CertFault::Expired,
            "the server's certificate has expired".into(),
        ),
        C::ExpiredContext { time, not_after } => (
            CertFault::Expired,
            format!(
                "the server's certificate {}",
                expired_words(unix(time), unix(not_after))
            ),
        ),
        C::NotValidYet => (
            CertFault::NotYetValid,
            "the server's certificate is not valid yet".into(),
        ),
        C::NotValidYetContext { time, not_before } => (
            CertFault::NotYetValid,
            format!(
                "the server's certificate is not valid yet: it {}",
                not_yet_words(unix(time), unix(not_before))
            ),
        ),
        C::NotValidForName => (
            CertFault::WrongName,
            "the server's certificate is not valid for this host name".into(),
        ),
        C::NotValidForNameContext {
            expected,
            presented,
        } => (
            CertFault::WrongName,
            format!(
                "the server's certificate is not valid for {}: it names {}",
                name_text(expected),
                if presented.is_empty() {
                    "no host at all".to_string()
                } else {
                    presented
                        .iter()
                        .map(|p| name_only(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        ),
        C::UnknownIssuer => (
            CertFault::UnknownIssuer,
            "the server's certificate is not issued by a CA trusted here (unknown issuer or incomplete chain)".into(),
        ),
        C::Revoked => (
            CertFault::Revoked,
            "the server's certificate has been revoked".into(),
        ),
        C::BadSignature => (
            CertFault::BadSignature,
            "a signature in the server's certificate chain does not verify".into(),
        ),
        C::BadEncoding => (
            CertFault::Malformed,
            "the server's certificate is malformed".into(),
        ),
        C::UnhandledCriticalExtension => (
            CertFault::Unsupported,
            "the server's certificate has a critical extension plumb's verifier does not support".into(),
        ),
        C::UnsupportedSignatureAlgorithm
        | C::UnsupportedSignatureAlgorithmContext { .. }
        | C::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => (
            CertFault::Unsupported,
            "the certificate chain is signed with an algorithm plumb's verifier does not support (for example P-521 or ECDSA with SHA-512); OpenSSL-based clients may accept it".into(),
        ),
        C::InvalidPurpose | C::InvalidPurposeContext { .. } => (
            CertFault::WrongUsage,
            "the server's certificate is not meant for TLS servers (its extended key usage lacks serverAuth)".into(),
        ),
        C::Other(other) => match other.0.downcast_ref::<Judged>() {
            Some(j) => (j.fault, j.words.clone()),
            None => (
                CertFault::Other,
                "the server's certificate was rejected".into(),
            ),
        },
        _ => (
            CertFault::Other,
            "the server's certificate was rejected".into(),
        ),
    }
}

/// `DnsName("a.example")` as rustls prints a presented name → `a.example`.
fn name_only(presented: &str) -> String {
    presented
        .strip_prefix("DnsName(\"")
        .or_else(|| presented.strip_prefix("IpAddress("))
        .map(|s| s.trim_end_matches("\")").trim_end_matches(')'))
        .unwrap_or(presented)
        .to_string()
}

/// A verdict plumb's own verifier reached, carried through rustls as the
/// error of a rejected certificate.
#[derive(Debug, Clone)]
pub struct Judged {
    pub fault: CertFault,
    pub words: String,
}

impl std::fmt::Display for Judged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words)
    }
}

impl std::error::Error for Judged {}

/// Why nothing here vouches for a chain, told by its shape: a
/// self-signed certificate, a root not trusted here, or an issuer that is
/// neither trusted nor sent (an intermediate missing, or a private CA).
pub fn untrusted_shape(
    end_entity: &[u8],
    intermediates: &[rustls::pki_types::CertificateDer<'_>],
) -> Judged {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let names = |der: &[u8]| {
        X509Certificate::from_der(der)
            .ok()
            .map(|(_, c)| (c.subject().to_string(), c.issuer().to_string()))
    };
    let Some((subject, issuer)) = names(end_entity) else {
        return Judged {
            fault: CertFault::Malformed,
            words: "the server's certificate cannot be read".into(),
        };
    };
    let last = intermediates
        .last()
        .and_then(|d| names(d))
        .unwrap_or((subject.clone(), issuer.clone()));
    if intermediates.is_empty() && subject == issuer {
        Judged {
            fault: CertFault::SelfSigned,
            words: format!(
                "the server's certificate is self-signed ({subject}) and not trusted here"
            ),
        }
    } else if last.0 == last.1 {
        Judged {
            fault: CertFault::UntrustedRoot,
            words: format!("the chain ends at {}, a root not trusted here", last.0),
        }
    } else {
        Judged {
            fault: if intermediates.is_empty() {
                CertFault::MissingIntermediate
            } else {
                CertFault::UnknownIssuer
            },
            words: format!(
                "unknown issuer or incomplete chain: nothing here trusts \"{}\", and the server did not send that certificate",
                last.1
            ),
        }
    }
}

/// A webpki error in words (for chains judged outside a handshake).
#[allow(deprecated)]
pub fn webpki(e: &webpki::Error) -> (CertFault, String) {
    use webpki::Error as W;
    let (fault, words) = match e {
        W::CertExpired { time, not_after } => (
            CertFault::Expired,
            format!(
                "a certificate in the chain {}",
                expired_words(unix(time), unix(not_after))
            ),
        ),
        W::CertNotValidYet { time, not_before } => (
            CertFault::NotYetValid,
            format!(
                "a certificate in the chain is not valid yet: it {}",
                not_yet_words(unix(time), unix(not_before))
            ),
        ),
        W::CertNotValidForName(_) => (
            CertFault::WrongName,
            "the certificate is not valid for this name".to_string(),
        ),
        W::UnknownIssuer => (
            CertFault::UnknownIssuer,
            "unknown issuer or incomplete chain".to_string(),
        ),
        W::CertRevoked => (CertFault::Revoked, "a certificate is revoked".to_string()),
        W::InvalidSignatureForPublicKey => (
            CertFault::BadSignature,
            "a signature in the chain does not verify with its issuer's key".to_string(),
        ),
        W::CaUsedAsEndEntity => (
            CertFault::Unsupported,
            "the server's certificate is marked as a CA (basicConstraints CA:TRUE); plumb's verifier refuses that, OpenSSL-based clients accept it".to_string(),
        ),
        W::EndEntityUsedAsCa => (
            CertFault::WrongUsage,
            "a certificate that is not a CA (no basicConstraints CA:TRUE) signed another in the chain".to_string(),
        ),
        W::PathLenConstraintViolated => (
            CertFault::WrongUsage,
            "the chain is longer than a CA's path length constraint (pathLenConstraint) allows".to_string(),
        ),
        W::RequiredEkuNotFound | W::RequiredEkuNotFoundContext(_) => (
            CertFault::WrongUsage,
            "the server's certificate is not meant for TLS servers (its extended key usage lacks serverAuth)".to_string(),
        ),
        W::NameConstraintViolation => (
            CertFault::WrongUsage,
            "a CA's name constraints forbid the server's name".to_string(),
        ),
        W::MaximumPathDepthExceeded | W::MaximumPathBuildCallsExceeded => (
            CertFault::Unsupported,
            "the chain has more intermediates than plumb's verifier follows (6); OpenSSL-based clients follow up to 100".to_string(),
        ),
        W::UnsupportedSignatureAlgorithm
        | W::UnsupportedSignatureAlgorithmContext(_)
        | W::UnsupportedSignatureAlgorithmForPublicKey
        | W::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => (
            CertFault::Unsupported,
            "the chain uses a key or signature algorithm plumb's verifier does not support (for example P-521 or ECDSA with SHA-512)".to_string(),
        ),
        W::UnsupportedCriticalExtension => (
            CertFault::Unsupported,
            "a certificate has a critical extension plumb's verifier does not support".to_string(),
        ),
        W::BadDerTime | W::InvalidCertValidity => (
            CertFault::Unsupported,
            "a certificate's validity dates cannot be read by plumb's verifier (dates before 1970, for example)".to_string(),
        ),
        _ => (
            CertFault::Malformed,
            "a certificate in the chain is malformed or uses a form plumb's verifier does not read".to_string(),
        ),
    };
    (fault, words)
}

/// The cause and words for a rustls error ended a handshake.
pub fn tls(e: &rustls::Error) -> (Cause, String) {
    match e {
        rustls::Error::AlertReceived(alert) => match alert {
            rustls::AlertDescription::ProtocolVersion => (
                Cause::NothingInCommon,
                "the server refused every offered TLS version (alert protocol_version)".into(),
            ),
            rustls::AlertDescription::HandshakeFailure => (
                Cause::NothingInCommon,
                "the server ended the handshake (alert handshake_failure): no protocol version or cipher suite in common".into(),
            ),
            other => (
                Cause::Alert,
                format!("the server ended the handshake with the TLS alert {}", alert_name(*other)),
            ),
        },
        rustls::Error::InvalidCertificate(why) => {
            let (fault, words) = certificate(why);
            (Cause::Certificate(fault), words)
        }
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } | rustls::Error::InappropriateHandshakeMessage { .. } => (
            Cause::NotTls,
            "the server answered with something that is not TLS (plain HTTP on this port?)".into(),
        ),
        rustls::Error::PeerIncompatible(why) => match why {
            rustls::PeerIncompatible::ServerDoesNotSupportTls12Or13
            | rustls::PeerIncompatible::ServerTlsVersionIsDisabledByOurConfig => (
                Cause::OldVersion,
                "the server wants a TLS version older than 1.2".into(),
            ),
            rustls::PeerIncompatible::NoCipherSuitesInCommon
            | rustls::PeerIncompatible::NoKxGroupsInCommon
            | rustls::PeerIncompatible::NoSignatureSchemesInCommon => (
                Cause::NothingInCommon,
                "the server chose no cipher suite, key exchange or signature scheme that current clients offer".into(),
            ),
            _ => (
                Cause::Unclassified,
                "the server's TLS handshake breaks the protocol in a way current clients refuse".into(),
            ),
        },
        rustls::Error::PeerMisbehaved(_) => (
            Cause::Unclassified,
            "the server broke the TLS protocol during the handshake".into(),
        ),
        _ => (
            Cause::Unclassified,
            "the TLS handshake failed".into(),
        ),
    }
}

/// `ProtocolVersion` → `protocol_version`, as the RFC names alerts.
pub fn alert_name(alert: rustls::AlertDescription) -> String {
    let debug = format!("{alert:?}");
    let mut out = String::new();
    let mut prev_lower = false;
    for c in debug.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// `plumb tls HOST[:PORT]`, the port kept unless it is 443.
pub fn tls_command(host: &str, port: u16) -> String {
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    };
    if port == 443 {
        format!("plumb tls {host}")
    } else {
        format!("plumb tls {host}:{port}")
    }
}

/// The remedies that fit why `e` happened, for the server it names
/// (a failure of the proxy's is the proxy's remedy: [`NetError::remedies`]);
/// `inspect_hint` points at `plumb tls HOST:PORT` for a TLS failure.
pub fn remedies_for(e: &NetError, inspect_hint: bool) -> Vec<String> {
    let (host, port) = e
        .target
        .clone()
        .unwrap_or_else(|| ("HOST".to_string(), 443));
    let inspect = format!(
        "See the whole certificate chain and the server's TLS versions with: {}",
        tls_command(&host, port)
    );
    let mut out: Vec<String> = Vec::new();
    match (e.phase, e.cause) {
        (Phase::Tls, _) if e.timed_out => out.push("The server accepts TCP but never answers TLS: check that this port serves TLS, and that no middlebox swallows the ClientHello.".into()),
        (Phase::Dns, _) => out.push(crate::catalog::NAME_DID_NOT_RESOLVE.to_string()),
        (_, Cause::Refused) => out.push(format!(
            "Nothing listens on {}: check the port number and that the server (or load balancer) is running.",
            hostport(&host, port)
        )),
        (_, Cause::Silent) => {
            out.push("Packets are being dropped: check firewalls and security groups between here and the server for outbound TCP on this port.".into());
            out.push("If this network allows the web only through a proxy, set https_proxy.".into());
        }
        (_, Cause::Unreachable) => out.push("Check this machine's network route to the server (VPN, firewall, IPv6 availability).".into()),
        (Phase::Connect, _) => out.push("Check that the server listens on this port and that no firewall drops outbound connections.".into()),
        (_, Cause::NotTls) => out.push("This port does not speak TLS (it answered like plain HTTP): use the port that serves https, or an http:// URL if the service really has no TLS.".into()),
        (_, Cause::OldVersion) => out.push("The server speaks only TLS 1.1 or older, which current clients refuse: enable TLS 1.2 and 1.3 on it.".into()),
        (_, Cause::NothingInCommon) => out.push("Enable TLS 1.2 and TLS 1.3 with current cipher suites (ECDHE with AES-GCM or ChaCha20) on the server.".into()),
        (_, Cause::TooLarge) => out.push("Serve a smaller certificate message: split the names over several certificates (SNI picks one), and send only the leaf and its intermediates.".into()),
        (_, Cause::Certificate(fault)) => {
            match fault {
                CertFault::Expired => out.push("Renew the certificate and install it with its intermediates; automate renewal (ACME) so it cannot lapse again.".into()),
                CertFault::NotYetValid => out.push("Check this machine's clock; if it is right, the server installed a certificate dated in the future.".into()),
                CertFault::WrongName => out.push(format!(
                    "Install a certificate that lists {host} in its subject alternative names, or use the host name the certificate was issued for (a CDN or load balancer may serve another site's certificate for this name)."
                )),
                CertFault::SelfSigned => out.push("Install a certificate issued by a public CA (for example via ACME); for a private service, trust this certificate explicitly with --ca-file.".into()),
                CertFault::MissingIntermediate | CertFault::UntrustedRoot | CertFault::UnknownIssuer => {
                    out.push("Configure the server to send the full chain (fullchain.pem) if an intermediate is missing.".into());
                    out.push("If the issuer is a private or corporate CA, trust its certificate with --ca-file (or install it in the system store).".into());
                }
                CertFault::Revoked => out.push("The CA revoked this certificate: install a new one.".into()),
                CertFault::WrongUsage => out.push("Re-issue the certificate with the usage a TLS server needs (keyUsage digitalSignature, extendedKeyUsage serverAuth; CAs with keyCertSign).".into()),
                CertFault::Unsupported => out.push("plumb's verifier cannot judge this chain; check it with the client your integration runs on (curl, openssl s_client).".into()),
                CertFault::Malformed | CertFault::BadSignature | CertFault::Other => out.push("Re-issue the certificate from a trusted CA and install it with its intermediates.".into()),
            }
            if e.no_ca_bundle {
                out.push(INSTALL_BUNDLE.into());
            }
        }
        (Phase::Tls, _) => out.push("Check the server's TLS configuration: certificate loaded, TLS 1.2 and 1.3 enabled.".into()),
        _ => {}
    }
    if e.phase == Phase::Tls && inspect_hint && e.cause != Cause::NotTls {
        out.push(inspect);
    }
    out
}

fn hostport(host: &str, port: u16) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// The TLS version a record header or ServerHello names (`[3, 1]` →
/// "TLS 1.0"), for servers that want an older one than plumb offers.
pub fn version_name(major: u8, minor: u8) -> Option<&'static str> {
    match (major, minor) {
        (3, 0) => Some("SSL 3.0"),
        (3, 1) => Some("TLS 1.0"),
        (3, 2) => Some("TLS 1.1"),
        (3, 3) => Some("TLS 1.2"),
        (3, 4) => Some("TLS 1.3"),
        _ => None,
    }
}

/// How to install the CA bundle OpenSSL-based clients read.
pub const INSTALL_BUNDLE: &str = "Install or update the CA bundle that OpenSSL-based clients (curl, PHP, Python, Node, Ruby) read: apt-get install ca-certificates (Debian, Ubuntu), apk add ca-certificates (Alpine), dnf install ca-certificates (Fedora, RHEL), in the container image too; if SSL_CERT_FILE or SSL_CERT_DIR (or, for curl, CURL_CA_BUNDLE) is set, point it at a complete bundle.";

/// A chain Mozilla's roots trust and this machine's CA bundle (at
/// `location`) does not, in the words every command uses.
pub fn mozilla_only_words(location: &str) -> String {
    format!(
        "the chain is trusted by Mozilla's roots but not by this machine's CA bundle ({location}): OpenSSL-based clients here (curl, PHP, Python, Node, Ruby) refuse it"
    )
}

/// An empty or missing system store (at `location`), in the words every
/// command uses.
pub fn empty_bundle_words(location: &str) -> String {
    format!("this machine's CA bundle is empty or missing ({location})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::pki_types::UnixTime;
    use std::time::Duration;

    fn at(secs: u64) -> UnixTime {
        UnixTime::since_unix_epoch(Duration::from_secs(secs))
    }

    #[test]
    fn spans_use_hours_under_a_day() {
        assert_eq!(span(7_300), "2 hours");
        assert_eq!(span(86_400 * 3 + 5), "3 days");
        assert_eq!(span(1), "1 second");
        assert_eq!(span(600), "10 minutes");
    }

    #[test]
    fn certificate_errors_never_show_library_text() {
        let now = 1_800_000_000;
        let cases = [
            rustls::CertificateError::ExpiredContext {
                time: at(now),
                not_after: at(now - 7_200),
            },
            rustls::CertificateError::NotValidYetContext {
                time: at(now),
                not_before: at(now + 86_400 * 2),
            },
            rustls::CertificateError::NotValidForNameContext {
                expected: rustls::pki_types::ServerName::try_from("a.example")
                    .unwrap()
                    .to_owned(),
                presented: vec!["DnsName(\"b.example\")".into()],
            },
            rustls::CertificateError::UnknownIssuer,
            rustls::CertificateError::UnhandledCriticalExtension,
        ];
        let words: Vec<String> = cases.iter().map(|c| certificate(c).1).collect();
        assert!(words[0].contains("expired 2 hours ago"), "{}", words[0]);
        assert!(words[1].contains("in 2 days"), "{}", words[1]);
        assert!(words[2].ends_with("not valid for a.example: it names b.example"));
        for w in &words {
            for raw in [
                "UnixTime",
                "DnsName",
                "UnknownIssuer",
                "Critical",
                "1800000000",
            ] {
                assert!(!w.contains(raw), "{w}");
            }
        }
        let (_, w) = webpki(&webpki::Error::BadDerTime);
        assert!(!w.contains("BadDerTime"));
    }

    #[test]
    fn the_inspect_command_keeps_the_port() {
        assert_eq!(tls_command("a.example", 443), "plumb tls a.example");
        assert_eq!(tls_command("a.example", 8443), "plumb tls a.example:8443");
        assert_eq!(tls_command("::1", 8443), "plumb tls [::1]:8443");
    }

    #[test]
    fn remedies_fit_the_cause() {
        let mut e = NetError::new(Phase::Tls, "x");
        e.target = Some(("a.example".into(), 8443));
        e.cause = Cause::Certificate(CertFault::Expired);
        let r = remedies_for(&e, true);
        assert!(!r.iter().any(|r| r.contains("--ca-file")), "{r:?}");
        assert!(r.iter().any(|r| r.contains("plumb tls a.example:8443")));
        e.cause = Cause::Certificate(CertFault::WrongName);
        assert!(!remedies_for(&e, true)
            .iter()
            .any(|r| r.contains("--ca-file")));
        e.cause = Cause::Certificate(CertFault::UnknownIssuer);
        assert!(remedies_for(&e, true)
            .iter()
            .any(|r| r.contains("--ca-file")));
    }
}
