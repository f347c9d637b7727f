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
        Verify::Strict(roots) => builder
            .with_root_certificates(roots.clone())
            .with_no_client_auth(),
        Verify::Inspect => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider())))
            .with_no_client_auth(),
    };
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Arc::new(config)
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
    use std::io::ErrorKind;
    let message = match e.kind() {
        ErrorKind::ConnectionRefused => {
            format!("connection refused by {addr}: nothing is listening on that port")
        }
        ErrorKind::NetworkUnreachable => format!("network unreachable: no route to {addr}"),
        ErrorKind::HostUnreachable => format!("host unreachable: {addr}"),
        ErrorKind::AddrNotAvailable => format!("cannot use address {addr} from this machine"),
        ErrorKind::PermissionDenied => {
            format!("connecting to {addr} was not permitted (a local firewall?)")
        }
        _ => format!("cannot connect to {addr}: {}", crate::input::io_reason(e)),
    };
    NetError::new(Phase::Connect, message)
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
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    if is_too_large(e, inner) {
        return NetError::new(Phase::Tls, too_large_message());
    }
    let message = match inner {
        Some(rustls::Error::AlertReceived(alert)) => match alert {
            rustls::AlertDescription::ProtocolVersion => {
                "the server refused every offered TLS version (alert protocol_version)".to_string()
            }
            rustls::AlertDescription::HandshakeFailure => {
                "the server ended the handshake (alert handshake_failure): no protocol version or cipher suite in common"
                    .to_string()
            }
            other => format!("the server sent the TLS alert {}", alert_name(*other)),
        },
        Some(rustls::Error::InvalidCertificate(why)) => format!("certificate rejected: {why}"),
        Some(rustls::Error::InvalidMessage(_)) => {
            "the server answered with something that is not TLS (plain HTTP on this port?)".to_string()
        }
        Some(rustls::Error::PeerIncompatible(why)) => format!("the server is incompatible: {why:?}"),
        Some(other) => format!("TLS error: {other}"),
        None => match e.kind() {
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
                "the server closed the connection during the TLS handshake".to_string()
            }
            _ => format!("TLS handshake failed: {}", crate::input::io_reason(e)),
        },
    };
    NetError::new(Phase::Tls, message)
}

/// `ProtocolVersion` → `protocol_version`, as the RFC names alerts.
fn alert_name(alert: rustls::AlertDescription) -> String {
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

/// What a completed handshake agreed on.
#[derive(Debug, Clone)]
pub struct Negotiated {
    pub version: String,
    pub cipher: String,
    pub alpn: Option<String>,
    pub chain: Vec<CertificateDer<'static>>,
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
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(
            alert_name(rustls::AlertDescription::BadCertificate),
            "bad_certificate"
        );
    }
}
