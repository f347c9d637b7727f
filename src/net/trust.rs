//! Trust anchors: the Mozilla roots (webpki-roots), the system store (for
//! corporate CAs) and `--ca-file`, kept apart so a probe can tell "trusted
//! publicly" from "trusted only because of a local CA".

use crate::error::{Error, Result};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, TrustAnchor};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Where a trust anchor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The public web PKI (Mozilla's list, via webpki-roots).
    Public,
    /// The operating system's store, minus what the public list has.
    System,
    /// `--ca-file`.
    CaFile,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Public => "public roots",
            Source::System => "the system trust store",
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
}

/// The system store, read at most once per process: parsing every file
/// under /etc/ssl/certs costs more than a loopback handshake, and doctor
/// runs many probes that each build a client.
static SYSTEM: OnceLock<Vec<TrustAnchor<'static>>> = OnceLock::new();

impl TrustStore {
    /// The public roots and `--ca-file`. An unreadable or empty
    /// `--ca-file` is a usage error, reported here, before any connection.
    pub fn load(ca_file: Option<&Path>) -> Result<Self> {
        let public: Vec<TrustAnchor<'static>> = webpki_roots::TLS_SERVER_ROOTS.to_vec();
        let ca_file = match ca_file {
            Some(path) => read_ca_file(path)?,
            None => Vec::new(),
        };
        Ok(TrustStore { public, ca_file })
    }

    /// The operating system's anchors that the public list lacks, read on
    /// first use. A system store that fails to load is simply left out.
    pub fn system(&self) -> &'static [TrustAnchor<'static>] {
        SYSTEM.get_or_init(|| {
            let public = webpki_roots::TLS_SERVER_ROOTS;
            let mut system = Vec::new();
            for der in rustls_native_certs::load_native_certs().certs {
                if let Ok(anchor) = webpki::anchor_from_trusted_cert(&der) {
                    let anchor = anchor.to_owned();
                    if !public.iter().any(|p| {
                        p.subject == anchor.subject
                            && p.subject_public_key_info == anchor.subject_public_key_info
                    }) {
                        system.push(anchor);
                    }
                }
            }
            system
        })
    }

    /// Every anchor, in the order public, system, `--ca-file` (reads the
    /// system store).
    pub fn all(&self) -> Vec<TrustAnchor<'static>> {
        self.public
            .iter()
            .chain(self.system())
            .chain(&self.ca_file)
            .cloned()
            .collect()
    }

    pub fn root_store(&self) -> Arc<rustls::RootCertStore> {
        Arc::new(rustls::RootCertStore { roots: self.all() })
    }
}

/// The largest `--ca-file` plumb reads (a full public bundle is ~250 KB).
pub const MAX_CA_FILE: u64 = 4 * 1024 * 1024;

fn read_ca_file(path: &Path) -> Result<Vec<TrustAnchor<'static>>> {
    let shown = path.display();
    let bytes = crate::input::read_file("--ca-file", path, MAX_CA_FILE)?;
    let mut anchors = Vec::new();
    for item in CertificateDer::pem_slice_iter(&bytes) {
        let der =
            item.map_err(|e| Error::usage(format!("--ca-file {shown}: not valid PEM ({e})")))?;
        let anchor = webpki::anchor_from_trusted_cert(&der).map_err(|e| {
            Error::usage(format!(
                "--ca-file {shown}: a certificate cannot be parsed ({e})"
            ))
        })?;
        anchors.push(anchor.to_owned());
    }
    if anchors.is_empty() {
        return Err(Error::usage(format!(
            "--ca-file {shown}: no PEM certificate (-----BEGIN CERTIFICATE-----) found"
        )));
    }
    Ok(anchors)
}
