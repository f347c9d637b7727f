//! Trust anchors: the Mozilla roots (webpki-roots), the system store as
//! OpenSSL-based clients read it (`SSL_CERT_FILE`, `SSL_CERT_DIR`, or the
//! distribution's bundle) and `--ca-file`, kept apart so a probe can tell
//! "trusted publicly" from "trusted only because of a local CA", and
//! "trusted by Mozilla's list" from "trusted by the clients on this
//! machine".

use crate::error::{Error, Result};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, TrustAnchor, UnixTime};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Where a trust anchor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The public web PKI (Mozilla's list, via webpki-roots).
    Public,
    /// The operating system's store, minus what the public list has.
    System,
    /// Mozilla's list, but not the system store: clients that read the
    /// system store (OpenSSL-based ones) refuse the chain.
    PublicOnly,
    /// `--ca-file`.
    CaFile,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Public => "public roots",
            Source::System => "the system trust store",
            Source::PublicOnly => "Mozilla's roots only (not this machine's CA bundle)",
            Source::CaFile => "--ca-file",
        }
    }
}

/// The anchors plumb trusts, grouped by where they came from. The public
/// list and `--ca-file` are read up front (both cheap); the system store is
/// read only when a verification needs it (see [`TrustStore::system`]).
#[derive(Debug, Clone)]
pub struct TrustStore {
    pub public: Vec<TrustAnchor<'static>>,
    pub ca_file: Vec<TrustAnchor<'static>>,
    /// The `--ca-file` certificates themselves, for what an anchor does not
    /// carry (validity dates, path length) and for a pinned certificate.
    pub ca_file_certs: Vec<CertificateDer<'static>>,
    /// The `--ca-file` path, for a second opinion from OpenSSL.
    pub ca_file_path: Option<std::path::PathBuf>,
}

/// The system store as OpenSSL-based clients on this machine read it.
#[derive(Debug)]
pub struct System {
    /// Every anchor in it, the public ones included.
    pub anchors: Vec<TrustAnchor<'static>>,
    /// The certificates themselves (validity dates, path length).
    pub certs: Vec<CertificateDer<'static>>,
    /// Where it was read from, for people: `SSL_CERT_FILE=…` or the
    /// distribution's bundle.
    pub location: String,
}

/// The system store, read at most once per process: parsing every file
/// under /etc/ssl/certs costs more than a loopback handshake, and doctor
/// runs many probes that each build a client.
static SYSTEM: OnceLock<System> = OnceLock::new();

/// Where OpenSSL-based clients look for the system store: the variables
/// OpenSSL reads, else the distribution's bundle.
fn system_location() -> String {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let mut set = Vec::new();
    for name in ["SSL_CERT_FILE", "SSL_CERT_DIR"] {
        if let Some(v) = var(name) {
            set.push(format!("{name}={}", std::path::Path::new(&v).display()));
        }
    }
    if !set.is_empty() {
        return set.join(", ");
    }
    const BUNDLES: &[&str] = &[
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/ca-bundle.pem",
        "/etc/ssl/cert.pem",
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    ];
    BUNDLES
        .iter()
        .find(|b| Path::new(b).is_file())
        .map(|b| (*b).to_string())
        .unwrap_or_else(|| {
            "no CA bundle found in the usual places (/etc/ssl/certs, /etc/pki/tls)".to_string()
        })
}

impl TrustStore {
    /// The public roots and `--ca-file`. An unreadable or empty
    /// `--ca-file` is a usage error, reported here, before any connection.
    pub fn load(ca_file: Option<&Path>) -> Result<Self> {
        let public: Vec<TrustAnchor<'static>> = webpki_roots::TLS_SERVER_ROOTS.to_vec();
        let (ca_file_certs, ca_anchors) = match ca_file {
            Some(path) => read_ca_file(path)?,
            None => (Vec::new(), Vec::new()),
        };
        Ok(TrustStore {
            public,
            ca_file: ca_anchors,
            ca_file_certs,
            ca_file_path: ca_file.map(Path::to_path_buf),
        })
    }

    /// The operating system's store as OpenSSL-based clients read it, on
    /// first use. Unreadable files in it are left out.
    pub fn system(&self) -> &'static System {
        SYSTEM.get_or_init(|| {
            let mut anchors = Vec::new();
            let mut certs = Vec::new();
            for der in rustls_native_certs::load_native_certs().certs {
                if let Ok(anchor) = webpki::anchor_from_trusted_cert(&der) {
                    anchors.push(anchor.to_owned());
                    certs.push(der.into_owned());
                }
            }
            System {
                anchors,
                certs,
                location: system_location(),
            }
        })
    }

    /// Every anchor, in the order public, system, `--ca-file` (reads the
    /// system store).
    pub fn all(&self) -> Vec<TrustAnchor<'static>> {
        self.public
            .iter()
            .chain(&self.system().anchors)
            .chain(&self.ca_file)
            .cloned()
            .collect()
    }

    pub fn root_store(&self) -> Arc<rustls::RootCertStore> {
        Arc::new(rustls::RootCertStore { roots: self.all() })
    }

    /// Whether Mozilla's roots trust the chain, and the system store as
    /// OpenSSL-based clients read it as well: `Public` when both do,
    /// `PublicOnly` when only Mozilla's list does (clients here that read the
    /// system store refuse it), `None` when Mozilla's list does not. The
    /// chain is verified at `at`, the checks on the anchor at `now`.
    pub fn public_trust(
        &self,
        ders: &[CertificateDer<'static>],
        at: i64,
        now: i64,
    ) -> Option<Source> {
        use super::chain::{judge, Outcome};
        if ders.is_empty() {
            return None;
        }
        let Outcome::Verified = judge(ders, &self.public, &[], at, now) else {
            return None;
        };
        let system = self.system();
        match judge(ders, &system.anchors, &system.certs, at, now) {
            Outcome::Verified => Some(Source::Public),
            _ => Some(Source::PublicOnly),
        }
    }

    /// Which anchors trust a chain the HTTP client just verified: see
    /// [`Self::anchored_at`].
    pub fn anchored(&self, chain: &[CertificateDer<'static>]) -> Option<Source> {
        let now = UnixTime::now().as_secs();
        self.anchored_at(chain, i64::try_from(now).unwrap_or(i64::MAX))
    }

    /// Which anchors trust a chain verified at `now` (Unix seconds), in
    /// the order and with the verdict `plumb tls` gives
    /// ([`Self::public_trust`]): Mozilla's roots (`PublicOnly`
    /// when this machine's CA bundle does not trust the chain as well),
    /// then `--ca-file`, then the system store. With `--ca-file` given a
    /// chain Mozilla's roots trust is `Public`: the user chose the anchors.
    /// `None` when no source alone verifies it.
    pub fn anchored_at(&self, chain: &[CertificateDer<'static>], now: i64) -> Option<Source> {
        use super::chain::{judge, Outcome};
        if chain.is_empty() {
            return None;
        }
        match self.public_trust(chain, now, now) {
            Some(Source::PublicOnly) if !self.ca_file.is_empty() => return Some(Source::Public),
            Some(source) => return Some(source),
            None => {}
        }
        if let Outcome::Verified = judge(chain, &self.ca_file, &self.ca_file_certs, now, now) {
            return Some(Source::CaFile);
        }
        let system = self.system();
        match judge(chain, &system.anchors, &system.certs, now, now) {
            Outcome::Verified => Some(Source::System),
            _ => None,
        }
    }

    /// A certificate refused for its issuer, told with this machine's CA
    /// bundle named when it is empty or missing and no `--ca-file` was
    /// given: the words and remedy `plumb tls` gives.
    pub fn name_missing_bundle(&self, mut e: super::NetError) -> super::NetError {
        use super::failure::{Cause, CertFault};
        // Only an issuer nothing here trusts: an expired certificate or a
        // wrong name is refused whatever the bundle holds.
        let refused = matches!(
            e.cause,
            Cause::Certificate(
                CertFault::UnknownIssuer
                    | CertFault::UntrustedRoot
                    | CertFault::MissingIntermediate
                    | CertFault::SelfSigned
            )
        );
        if refused && !e.timed_out && self.ca_file.is_empty() && self.system().anchors.is_empty() {
            let words = super::failure::empty_bundle_words(&self.system().location);
            e.message = format!("{}; {words}", e.message);
            e.no_ca_bundle = true;
        }
        e
    }
}

/// The largest `--ca-file` plumb reads (a full public bundle is ~250 KB).
pub const MAX_CA_FILE: u64 = 4 * 1024 * 1024;

type CaFile = (Vec<CertificateDer<'static>>, Vec<TrustAnchor<'static>>);

fn read_ca_file(path: &Path) -> Result<CaFile> {
    let shown = path.display();
    let bytes = crate::input::read_file("--ca-file", path, MAX_CA_FILE)?;
    let mut anchors = Vec::new();
    let mut certs = Vec::new();
    for item in CertificateDer::pem_slice_iter(&bytes) {
        let der =
            item.map_err(|e| Error::usage(format!("--ca-file {shown}: not valid PEM ({e})")))?;
        let anchor = webpki::anchor_from_trusted_cert(&der).map_err(|e| {
            Error::usage(format!(
                "--ca-file {shown}: a certificate cannot be parsed ({})",
                crate::net::failure::webpki(&e).1
            ))
        })?;
        anchors.push(anchor.to_owned());
        certs.push(der);
    }
    if anchors.is_empty() {
        return Err(Error::usage(format!(
            "--ca-file {shown}: no PEM certificate (-----BEGIN CERTIFICATE-----) found"
        )));
    }
    Ok((certs, anchors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair, KeyUsagePurpose};

    /// A private root and a leaf for localhost it signed.
    fn chain() -> (CertificateDer<'static>, CertificateDer<'static>) {
        let ca_key = KeyPair::generate().expect("key");
        let mut ca = CertificateParams::new(Vec::new()).expect("ca");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "plumb test root");
        let root = ca.self_signed(&ca_key).expect("root").der().clone();
        let issuer = Issuer::from_params(&ca, &ca_key);
        let mut leaf = CertificateParams::new(vec!["localhost".to_string()]).expect("leaf");
        leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        leaf.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        let leaf_key = KeyPair::generate().expect("key");
        let leaf = leaf
            .signed_by(&leaf_key, &issuer)
            .expect("leaf")
            .der()
            .clone();
        (root, leaf)
    }

    fn anchor(der: &CertificateDer<'static>) -> TrustAnchor<'static> {
        webpki::anchor_from_trusted_cert(der)
            .expect("anchor")
            .to_owned()
    }

    /// The client's decision: a chain Mozilla's list trusts and the system
    /// store (this machine's, which does not hold a freshly made root)
    /// does not is `PublicOnly`, and only that is told as refused by
    /// OpenSSL-based clients here; with `--ca-file` given nothing new is
    /// said.
    #[test]
    fn the_client_tells_a_chain_trusted_by_mozilla_only() {
        let now = i64::try_from(UnixTime::now().as_secs()).expect("now");
        let (root, leaf) = chain();
        let leaf = std::slice::from_ref(&leaf);
        let mut store = TrustStore::load(None).expect("store");
        assert_eq!(store.anchored_at(leaf, now), None);
        store.public = vec![anchor(&root)];
        assert_eq!(store.anchored_at(leaf, now), Some(Source::PublicOnly));
        let mut negotiated = super::super::tls::Negotiated {
            version: "TLS 1.3".into(),
            cipher: "TLS13_AES_128_GCM_SHA256".into(),
            alpn: None,
            chain: leaf.to_vec(),
            anchored_in: store.anchored_at(leaf, now),
            system_store: Some("SSL_CERT_FILE=/empty.pem".into()),
        };
        assert_eq!(negotiated.mozilla_only(), Some("SSL_CERT_FILE=/empty.pem"));
        negotiated.anchored_in = Some(Source::System);
        assert_eq!(negotiated.mozilla_only(), None);
        store.ca_file = vec![anchor(&root)];
        store.ca_file_certs = vec![root.clone()];
        assert_eq!(store.anchored_at(leaf, now), Some(Source::Public));
        store.public.clear();
        assert_eq!(store.anchored_at(leaf, now), Some(Source::CaFile));
    }
}
