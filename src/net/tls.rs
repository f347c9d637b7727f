//! TCP connections and TLS handshakes, bounded and with failures named.

use super::{Deadline, NetError, Phase};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme, SupportedProtocolVersion};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

pub const BOTH: &[&SupportedProtocolVersion] = &[&rustls::version::TLS13, &rustls::version::TLS12];
pub const TLS12: &[&SupportedProtocolVersion] = &[&rustls::version::TLS12];
pub const TLS13: &[&SupportedProtocolVersion] = &[&rustls::version::TLS13];

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// How the server's certificate is judged during the handshake.
#[derive(Clone)]
pub enum Verify {
    /// Normal verification against these roots: for sending requests.
    Strict(Arc<rustls::RootCertStore>),
    /// Accept any certificate so the probe can inspect it and report every
    /// defect itself. Handshake signatures are still verified. Never used
    /// to send a request.
    Inspect,
}

/// A client configuration offering `versions` and `alpn`.
pub fn client_config(
    verify: &Verify,
    versions: &[&'static SupportedProtocolVersion],
    alpn: &[&[u8]],
) -> Arc<ClientConfig> {
    let builder = ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(versions)
        .unwrap_or_else(|_| {
            // The ring provider supports both versions; this cannot fail.
            ClientConfig::builder_with_provider(provider())
                .with_safe_default_protocol_versions()
                .expect("ring supports the default versions")
        });
    let mut config = match verify {
        Verify::Strict(roots) => {
            match rustls::client::WebPkiServerVerifier::builder_with_provider(
                roots.clone(),
                provider(),
            )
            .build()
            {
                Ok(webpki) => builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(Named(webpki, roots.clone())))
                    .with_no_client_auth(),
                // No roots at all: rustls' own verifier then rejects
                // every certificate as of an unknown issuer.
                Err(_) => builder
                    .with_root_certificates(roots.clone())
                    .with_no_client_auth(),
            }
        }
        Verify::Inspect => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider())))
            .with_no_client_auth(),
    };
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Arc::new(config)
}

/// rustls' own verifier, with an unknown issuer told apart by the
/// chain's shape (self-signed, a root not trusted here, an intermediate
/// missing), so the remedy fits, and with the checks OpenSSL makes on the
/// path and webpki does not ([`super::chain`]), so a request never goes
/// out over a chain OpenSSL-based clients refuse.
#[derive(Debug)]
struct Named(
    Arc<rustls::client::WebPkiServerVerifier>,
    Arc<rustls::RootCertStore>,
);

impl Named {
    /// What OpenSSL refuses in the path webpki found.
    fn openssl_refuses(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Option<String> {
        let leaf = webpki::EndEntityCert::try_from(end_entity).ok()?;
        let path = leaf
            .verify_for_usage(
                webpki::ALL_VERIFICATION_ALGS,
                &self.1.roots,
                intermediates,
                now,
                webpki::KeyUsage::server_auth(),
                None,
                None,
            )
            .ok()?;
        let mut certs = vec![end_entity.clone()];
        certs.extend(path.intermediate_certificates().map(|c| c.der()));
        let now = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
        super::chain::openssl_checks(&certs, None, now)
    }
}

impl ServerCertVerifier for Named {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verified = self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
            .map_err(|e| match e {
                rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer) => {
                    let judged = super::failure::untrusted_shape(end_entity, intermediates);
                    rustls::Error::InvalidCertificate(rustls::CertificateError::Other(
                        rustls::OtherError(Arc::new(judged)),
                    ))
                }
                other => other,
            })?;
        match self.openssl_refuses(end_entity, intermediates, now) {
            Some(words) => Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::Other(rustls::OtherError(Arc::new(
                    super::failure::Judged {
                        fault: super::failure::CertFault::WrongUsage,
                        words,
                    },
                ))),
            )),
            None => Ok(verified),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Opens a TCP connection before `deadline`, naming refused, unreachable
/// and silent (timed out) destinations apart.
pub async fn connect_tcp(
    addr: SocketAddr,
    deadline: Deadline,
) -> Result<(TcpStream, Duration), NetError> {
    let start = Instant::now();
    let what = connect_silence(addr);
    let stream = deadline
        .bound(Phase::Connect, &what, async {
            TcpStream::connect(addr)
                .await
                .map_err(|e| connect_error(addr, &e))
        })
        .await?;
    let _ = stream.set_nodelay(true);
    Ok((stream, start.elapsed()))
}

/// What a silent TCP destination did, for timeout messages.
pub fn connect_silence(addr: SocketAddr) -> String {
    format!("no answer from {addr} to the TCP connection (a firewall may be dropping packets)")
}

/// What a server that stalls the TLS handshake did, for timeout messages.
pub const HANDSHAKE_SILENCE: &str =
    "the server accepted the connection but did not complete the TLS handshake";

pub(crate) fn connect_error(addr: SocketAddr, e: &std::io::Error) -> NetError {
    use super::failure::Cause;
    use std::io::ErrorKind;
    let (cause, message) = match e.kind() {
        ErrorKind::ConnectionRefused => (
            Cause::Refused,
            format!("connection refused by {addr}: nothing is listening on that port"),
        ),
        ErrorKind::NetworkUnreachable => (
            Cause::Unreachable,
            format!("network unreachable: no route to {addr}"),
        ),
        ErrorKind::HostUnreachable => (Cause::Unreachable, format!("host unreachable: {addr}")),
        ErrorKind::AddrNotAvailable => (
            Cause::Unreachable,
            format!("cannot use address {addr} from this machine"),
        ),
        ErrorKind::PermissionDenied => (
            Cause::Unreachable,
            format!("connecting to {addr} was not permitted (a local firewall?)"),
        ),
        _ => (
            Cause::Unclassified,
            format!("cannot connect to {addr}: {}", crate::input::io_reason(e)),
        ),
    };
    NetError::new(Phase::Connect, message).because(cause)
}

/// Runs the TLS handshake before `deadline`.
pub async fn handshake(
    stream: TcpStream,
    server_name: ServerName<'static>,
    config: Arc<ClientConfig>,
    deadline: Deadline,
) -> Result<(TlsStream<TcpStream>, Duration), NetError> {
    let start = Instant::now();
    let connector = tokio_rustls::TlsConnector::from(config);
    let tls = deadline
        .bound(Phase::Tls, HANDSHAKE_SILENCE, async {
            connector
                .connect(server_name, stream)
                .await
                .map_err(|e| handshake_error(&e))
        })
        .await?;
    Ok((tls, start.elapsed()))
}

/// The SNI name for `host` (an IP address sends none).
pub fn server_name(host: &str) -> Result<ServerName<'static>, NetError> {
    ServerName::try_from(host.to_string()).map_err(|_| {
        NetError::new(
            Phase::Tls,
            format!("'{host}' cannot be used as a TLS server name"),
        )
    })
}

/// The largest handshake message rustls takes from a server: 64 KiB less
/// one byte (TLS allows 16 MiB; rustls bounds it against memory abuse).
const MAX_HANDSHAKE_MESSAGE: usize = 0xffff;

/// What a server whose handshake message is over [`MAX_HANDSHAKE_MESSAGE`]
/// is told; such a server is valid TLS, only too big for plumb.
pub fn too_large_message() -> String {
    format!(
        "the server sent a handshake message larger than plumb accepts ({} KiB), most likely its certificate message: a certificate with very many names or a very long chain",
        (MAX_HANDSHAKE_MESSAGE + 1) / 1024
    )
}

/// Whether rustls gave up on a handshake message over its size limit. It
/// says so in one of two ways: the message's declared length is over the
/// limit, or its buffer filled before the message was complete.
fn is_too_large(e: &std::io::Error, inner: Option<&rustls::Error>) -> bool {
    match inner {
        Some(rustls::Error::InvalidMessage(rustls::InvalidMessage::HandshakePayloadTooLarge)) => {
            true
        }
        Some(_) => false,
        None => {
            e.kind() == std::io::ErrorKind::InvalidData && e.to_string() == "message buffer full"
        }
    }
}

fn handshake_error(e: &std::io::Error) -> NetError {
    use super::failure::{self, Cause};
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    if is_too_large(e, inner) {
        return NetError::new(Phase::Tls, too_large_message()).because(Cause::TooLarge);
    }
    let (cause, message) = match inner {
        Some(inner) => failure::tls(inner),
        None => match e.kind() {
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => (
                Cause::Closed,
                "the server closed the connection during the TLS handshake".to_string(),
            ),
            _ => (
                Cause::Unclassified,
                format!("TLS handshake failed: {}", crate::input::io_reason(e)),
            ),
        },
    };
    NetError::new(Phase::Tls, message).because(cause)
}

/// What a port speaks when a TLS handshake with it fails: told from the
/// first bytes it answers a ClientHello with that also offers the old
/// versions and cipher suites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaks {
    /// It answered in plain HTTP.
    Http,
    /// It answered TLS, choosing (or naming) this version.
    Tls(&'static str),
    /// Nothing readable, or something else.
    Unknown,
}

/// A ClientHello offering TLS 1.0 to 1.2 with old and current cipher
/// suites, enough for a server to answer with the version it wants.
fn legacy_hello(name: &str) -> Vec<u8> {
    let suites: &[u16] = &[
        0xc02f, 0xc030, 0xc02b, 0xc02c, 0xc013, 0xc014, 0xc009, 0xc00a, 0x009c, 0x009d, 0x002f,
        0x0035, 0x000a,
    ];
    let mut ext = Vec::new();
    let mut push_ext = |ty: u16, body: &[u8]| {
        ext.extend_from_slice(&ty.to_be_bytes());
        ext.extend_from_slice(&(body.len() as u16).to_be_bytes());
        ext.extend_from_slice(body);
    };
    if name.parse::<std::net::IpAddr>().is_err() && !name.is_empty() && name.len() < 256 {
        let n = name.as_bytes();
        let mut sni = Vec::new();
        sni.extend_from_slice(&((n.len() + 3) as u16).to_be_bytes());
        sni.push(0);
        sni.extend_from_slice(&(n.len() as u16).to_be_bytes());
        sni.extend_from_slice(n);
        push_ext(0x0000, &sni);
    }
    push_ext(0x000a, &[0, 6, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18]);
    push_ext(0x000b, &[1, 0]);
    push_ext(
        0x000d,
        &[
            0, 16, 0x04, 0x01, 0x05, 0x01, 0x06, 0x01, 0x04, 0x03, 0x05, 0x03, 0x08, 0x04, 0x02,
            0x01, 0x02, 0x03,
        ],
    );
    push_ext(0xff01, &[0]);
    let mut body = vec![3, 3];
    body.extend((0..32u8).map(|i| i.wrapping_mul(37)));
    body.push(0);
    body.extend_from_slice(&((suites.len() * 2) as u16).to_be_bytes());
    for s in suites {
        body.extend_from_slice(&s.to_be_bytes());
    }
    body.extend_from_slice(&[1, 0]);
    body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
    body.extend_from_slice(&ext);
    let mut hs = vec![1];
    hs.extend_from_slice(&(body.len() as u32).to_be_bytes()[1..]);
    hs.extend_from_slice(&body);
    let mut record = vec![0x16, 3, 1];
    record.extend_from_slice(&(hs.len() as u16).to_be_bytes());
    record.extend_from_slice(&hs);
    record
}

/// Reads what the first answer bytes say the port speaks.
pub fn speaks(first: &[u8]) -> Speaks {
    if first.starts_with(b"HTTP/") || first.starts_with(b"<") {
        return Speaks::Http;
    }
    match first {
        // A ServerHello: the version it chose (TLS 1.3 hides behind 1.2).
        [0x16, 3, _, _, _, 2, _, _, _, major, minor, ..] => {
            super::failure::version_name(*major, *minor).map_or(Speaks::Unknown, Speaks::Tls)
        }
        // An alert: its record carries the version the server speaks.
        [0x15, major, minor, ..] => {
            super::failure::version_name(*major, *minor).map_or(Speaks::Unknown, Speaks::Tls)
        }
        _ => Speaks::Unknown,
    }
}

/// Asks `addr` what it speaks with [`legacy_hello`], before `deadline`.
pub async fn what_it_speaks(addr: SocketAddr, name: &str, deadline: Deadline) -> Speaks {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let probe = async {
        let (mut tcp, _) = connect_tcp(addr, deadline).await.ok()?;
        tcp.write_all(&legacy_hello(name)).await.ok()?;
        let mut buf = [0u8; 16];
        let mut got = 0;
        while got < buf.len() {
            match tcp.read(&mut buf[got..]).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got += n,
            }
            if buf[..got].starts_with(b"HTTP/") {
                break;
            }
        }
        Some(speaks(&buf[..got]))
    };
    tokio::time::timeout_at(deadline.at(), probe)
        .await
        .ok()
        .flatten()
        .unwrap_or(Speaks::Unknown)
}

/// What a completed handshake agreed on.
#[derive(Debug, Clone)]
pub struct Negotiated {
    pub version: String,
    pub cipher: String,
    pub alpn: Option<String>,
    pub chain: Vec<CertificateDer<'static>>,
    /// Which anchors trust the chain (set by the HTTP client).
    pub anchored_in: Option<super::trust::Source>,
    /// Where this machine's CA bundle is (set by the HTTP client).
    pub system_store: Option<String>,
}

impl Negotiated {
    /// Where this machine's CA bundle is, when the chain is trusted by
    /// Mozilla's roots and not by that bundle: OpenSSL-based clients here
    /// refuse it.
    pub fn mozilla_only(&self) -> Option<&str> {
        match self.anchored_in {
            Some(super::trust::Source::PublicOnly) => self.system_store.as_deref(),
            _ => None,
        }
    }
}

pub fn negotiated(stream: &TlsStream<TcpStream>) -> Negotiated {
    let (_, conn) = stream.get_ref();
    let version = match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".to_string(),
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".to_string(),
        Some(other) => format!("{other:?}"),
        None => "unknown".to_string(),
    };
    let cipher = conn
        .negotiated_cipher_suite()
        .map(|s| format!("{:?}", s.suite()))
        .unwrap_or_else(|| "unknown".to_string());
    let alpn = conn
        .alpn_protocol()
        .map(|p| String::from_utf8_lossy(p).into_owned());
    let chain = conn
        .peer_certificates()
        .map(|c| c.iter().map(|d| d.clone().into_owned()).collect())
        .unwrap_or_default();
    Negotiated {
        version,
        cipher,
        alpn,
        chain,
        anchored_in: None,
        system_store: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::failure::alert_name;
    use super::*;

    #[test]
    fn alert_names_follow_the_rfc() {
        assert_eq!(
            alert_name(rustls::AlertDescription::ProtocolVersion),
            "protocol_version"
        );
        assert_eq!(
            alert_name(rustls::AlertDescription::UnknownCA),
            "unknown_ca"
        );
    }

    #[test]
    fn first_bytes_tell_what_a_port_speaks() {
        assert_eq!(speaks(b"HTTP/1.1 400 Bad Request\r\n"), Speaks::Http);
        let hello10 = [0x16, 3, 1, 0, 0x2a, 2, 0, 0, 0x26, 3, 1, 7, 7];
        assert_eq!(speaks(&hello10), Speaks::Tls("TLS 1.0"));
        assert_eq!(speaks(&[0x15, 3, 2, 0, 2, 2, 70]), Speaks::Tls("TLS 1.1"));
        assert_eq!(speaks(b"SSH-2.0-OpenSSH"), Speaks::Unknown);
        assert_eq!(speaks(&[]), Speaks::Unknown);
        let hello = legacy_hello("api.example.com");
        assert_eq!(&hello[..3], &[0x16, 3, 1]);
        assert_eq!(
            usize::from(u16::from_be_bytes([hello[3], hello[4]])),
            hello.len() - 5
        );
    }
}
