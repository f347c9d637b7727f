//! Certificates made in the test by rcgen: a private CA and leaves that are
//! valid, expired, not yet valid, near expiry, for the wrong name, or
//! self-signed; and rustls server configurations that serve them.

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::time::{Duration, SystemTime};

/// What is wrong (or not) with a leaf certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// Issued by the test CA for `localhost` and 127.0.0.1, valid for a year.
    Valid,
    Expired,
    /// Expired this many hours ago.
    ExpiredHoursAgo(u64),
    NotYetValid,
    /// Valid, but only for this many more days.
    ExpiresInDays(u64),
    /// Valid and trusted, but for `wrong.example` only.
    WrongName,
    /// Valid and trusted for this name (a service host reached through a
    /// test proxy).
    For(&'static str),
    /// Signed by its own key rather than by the CA.
    SelfSigned,
    /// Issued by the CA, with a keyUsage (keyCertSign only) that forbids
    /// a TLS server's use.
    ForbiddingKeyUsage,
    /// Issued by the CA, and itself marked CA:TRUE.
    MarkedCa,
    /// Valid and trusted for `localhost` and this many more names: with
    /// 1,300 the certificate message is larger than a TLS client's usual
    /// 64 KiB limit.
    ManyNames(usize),
}

/// A private certificate authority for one test.
pub struct Pki {
    ca_params: CertificateParams,
    ca_key: KeyPair,
    pub ca_pem: String,
    pub ca_der: CertificateDer<'static>,
}

impl Pki {
    pub fn new() -> Self {
        Self::named("plumb test CA")
    }

    /// A CA whose common name is `cn` (to imitate an inspection product).
    pub fn named(cn: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, cn);
        params
            .distinguished_name
            .push(DnType::OrganizationName, "plumb tests");
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let key = KeyPair::generate().expect("ca key");
        let cert = params.self_signed(&key).expect("ca cert");
        Pki {
            ca_pem: cert.pem(),
            ca_der: cert.der().clone(),
            ca_params: params,
            ca_key: key,
        }
    }

    /// Writes the CA certificate to a file for `--ca-file`.
    pub fn ca_file(&self) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(file.path(), &self.ca_pem).expect("write ca");
        file
    }

    /// A leaf certificate chain and its key.
    pub fn leaf(&self, kind: Leaf) -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
        let names = match kind {
            Leaf::WrongName => vec!["wrong.example".to_string()],
            Leaf::For(name) => vec![name.to_string()],
            Leaf::ManyNames(n) => ["localhost".to_string(), "127.0.0.1".to_string()]
                .into_iter()
                .chain((0..n).map(|i| format!("host-{i:05}.a-longer-subdomain.plumb-test.example")))
                .collect(),
            _ => vec!["localhost".to_string(), "127.0.0.1".to_string()],
        };
        let mut params = CertificateParams::new(names).expect("leaf params");
        params
            .distinguished_name
            .push(DnType::CommonName, "plumb test server");
        let now = SystemTime::now();
        let day = Duration::from_secs(86_400);
        let (from, until) = match kind {
            Leaf::Expired => (now - 30 * day, now - 3 * day),
            Leaf::ExpiredHoursAgo(h) => (now - 30 * day, now - Duration::from_secs(h * 3_600 + 60)),
            Leaf::NotYetValid => (now + 3 * day, now + 30 * day),
            Leaf::ExpiresInDays(n) => (now - day, now + Duration::from_secs(n * 86_400)),
            _ => (now - day, now + 365 * day),
        };
        params.not_before = from.into();
        params.not_after = until.into();
        match kind {
            Leaf::ForbiddingKeyUsage => params.key_usages = vec![KeyUsagePurpose::KeyCertSign],
            Leaf::MarkedCa => params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained),
            _ => {}
        }
        let key = KeyPair::generate().expect("leaf key");
        let cert = if kind == Leaf::SelfSigned {
            params.self_signed(&key).expect("self-signed leaf")
        } else {
            let issuer = Issuer::from_params(&self.ca_params, &self.ca_key);
            params.signed_by(&key, &issuer).expect("signed leaf")
        };
        let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        (vec![cert.der().clone()], key_der)
    }

    /// A server configuration for `kind`, offering only `versions`.
    pub fn server_config(
        &self,
        kind: Leaf,
        versions: &[&'static rustls::SupportedProtocolVersion],
    ) -> rustls::ServerConfig {
        let (chain, key) = self.leaf(kind);
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_protocol_versions(versions)
            .expect("protocol versions")
            .with_no_client_auth();
        if let Leaf::ManyNames(_) = kind {
            // rustls would parse a certificate given with_single_cert, and
            // its parser takes none over 64 KiB: serve it unparsed.
            let key = provider.key_provider.load_private_key(key).expect("key");
            let certified = rustls::sign::CertifiedKey::new(chain, key);
            return builder.with_cert_resolver(std::sync::Arc::new(
                rustls::sign::SingleCertAndKey::from(certified),
            ));
        }
        builder.with_single_cert(chain, key).expect("server config")
    }
}

/// What `openssl req -x509` makes: a self-signed certificate for
/// `localhost` marked CA:TRUE. Its PEM (to pin with `--ca-file`) and a
/// server configuration that serves it.
pub fn pinned_self_signed() -> (String, rustls::ServerConfig) {
    let mut params = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
        .expect("params");
    params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let now = SystemTime::now();
    params.not_before = (now - Duration::from_secs(86_400)).into();
    params.not_after = (now + Duration::from_secs(86_400 * 365)).into();
    let key = KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("self-signed");
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_protocol_versions(BOTH)
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .expect("server config");
    (cert.pem(), config)
}

pub const BOTH: &[&rustls::SupportedProtocolVersion] =
    &[&rustls::version::TLS13, &rustls::version::TLS12];
pub const TLS12_ONLY: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS12];
pub const TLS13_ONLY: &[&rustls::SupportedProtocolVersion] = &[&rustls::version::TLS13];
