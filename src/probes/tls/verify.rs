//! Judging a chain with rustls-webpki, one question at a time: does it
//! chain to an anchor (and from which source), and is it valid for the name.

use super::cert::CertInfo;
use crate::net::trust::{Source, TrustStore};
use rustls::pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};
use std::time::Duration;
use webpki::{EndEntityCert, KeyUsage};

/// Why a chain is not trusted, and what fixes it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub summary: String,
    pub remedies: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub enum Verdict {
    Trusted(Source),
    Untrusted(Problem),
}

/// Verifies the chain at a moment inside the leaf's validity, so an expired
/// certificate is reported by the expiry check, not as untrusted.
pub fn chain(
    ders: &[CertificateDer<'static>],
    store: &TrustStore,
    infos: &[CertInfo],
    now: i64,
) -> Verdict {
    let Ok(leaf) = EndEntityCert::try_from(&ders[0]) else {
        return Verdict::Untrusted(Problem {
            summary: "the server's certificate cannot be parsed".to_string(),
            remedies: vec!["Re-issue the certificate; it is malformed."],
        });
    };
    let at = now.clamp(infos[0].not_before, infos[0].not_after);
    let time = UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(at).unwrap_or(0)));
    let intermediates = &ders[1..];
    let verify = |anchors: &[TrustAnchor<'static>]| {
        leaf.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            anchors,
            intermediates,
            time,
            KeyUsage::server_auth(),
            None,
            None,
        )
        .map(|_| ())
    };
    if verify(&store.public).is_ok() {
        return Verdict::Trusted(Source::Public);
    }
    // An explicit --ca-file is tried before the system store, which is
    // read only when neither the public roots nor --ca-file vouch for the
    // chain (reading it costs more than the handshake on a fast network).
    if !store.ca_file.is_empty() {
        let mut with_ca_file = store.public.clone();
        with_ca_file.extend(store.ca_file.iter().cloned());
        if verify(&with_ca_file).is_ok() {
            return Verdict::Trusted(Source::CaFile);
        }
    }
    let system = store.system();
    let mut with_system = store.public.clone();
    with_system.extend(system.iter().cloned());
    if !system.is_empty() && verify(&with_system).is_ok() {
        return Verdict::Trusted(Source::System);
    }
    let all = store.all();
    let err = match verify(&all) {
        Ok(()) => return Verdict::Trusted(Source::CaFile),
        Err(e) => e,
    };
    Verdict::Untrusted(explain(&err, infos))
}

fn explain(err: &webpki::Error, infos: &[CertInfo]) -> Problem {
    let leaf = &infos[0];
    let last = infos.last().unwrap_or(leaf);
    match err {
        webpki::Error::UnknownIssuer | webpki::Error::CaUsedAsEndEntity if infos.len() == 1 && leaf.self_signed => Problem {
            summary: format!("the certificate is self-signed ({})", leaf.subject),
            remedies: vec![
                "Install a certificate issued by a public CA (for example via ACME), or",
                "for a private service, pass the certificate (or its CA) with --ca-file to trust it explicitly.",
            ],
        },
        webpki::Error::UnknownIssuer if last.self_signed => Problem {
            summary: format!("the chain ends at {}, a root this machine does not trust", last.subject),
            remedies: vec![
                "If this is a private or corporate CA, pass its certificate with --ca-file (or install it in the system store).",
                "Otherwise use a certificate from a publicly trusted CA.",
            ],
        },
        webpki::Error::UnknownIssuer => Problem {
            summary: format!(
                "unknown issuer or incomplete chain: nothing here trusts \"{}\", and the server did not send that certificate",
                last.issuer
            ),
            remedies: vec![
                "Configure the server to send the full chain: the certificate followed by every intermediate (fullchain.pem).",
                "If the issuer is a private CA, pass its certificate with --ca-file.",
            ],
        },
        other => Problem {
            summary: format!("the chain does not verify: {}", crate::net::failure::webpki(other).1),
            remedies: vec!["Re-issue the certificate from a trusted CA and install it with its intermediates."],
        },
    }
}

/// Whether `der` is valid for `name` (a DNS name or an IP address).
pub fn name_matches(der: &CertificateDer<'_>, name: &str) -> bool {
    let Ok(cert) = EndEntityCert::try_from(der) else {
        return false;
    };
    match ServerName::try_from(name) {
        Ok(server_name) => cert.verify_is_valid_for_subject_name(&server_name).is_ok(),
        Err(_) => false,
    }
}

/// Products that re-sign TLS traffic, as they name their CAs.
const INSPECTION: &[(&str, &str)] = &[
    ("zscaler", "Zscaler"),
    ("netskope", "Netskope"),
    ("palo alto", "Palo Alto Networks"),
    ("fortinet", "Fortinet"),
    ("fortigate", "Fortinet FortiGate"),
    ("blue coat", "Blue Coat"),
    ("bluecoat", "Blue Coat"),
    ("cisco umbrella", "Cisco Umbrella"),
    ("opendns", "Cisco Umbrella"),
    ("sophos", "Sophos"),
    ("kaspersky", "Kaspersky"),
    ("forcepoint", "Forcepoint"),
    ("websense", "Forcepoint"),
    ("mcafee web gateway", "McAfee Web Gateway"),
    ("check point", "Check Point"),
    ("checkpoint", "Check Point"),
    ("barracuda", "Barracuda"),
    ("watchguard", "WatchGuard"),
    ("sonicwall", "SonicWall"),
    ("untangle", "Untangle"),
    ("avast", "Avast"),
    ("eset ssl filter", "ESET"),
    ("bitdefender", "Bitdefender"),
    ("securly", "Securly"),
    ("lightspeed", "Lightspeed"),
    ("mitmproxy", "mitmproxy"),
    ("charles proxy", "Charles Proxy"),
    ("fiddler", "Fiddler"),
    ("portswigger", "Burp Suite"),
];

/// The inspection product named by any certificate of the chain.
pub fn inspection_product(chain: &[CertInfo]) -> Option<&'static str> {
    chain.iter().find_map(|c| {
        let names = format!("{} {}", c.subject, c.issuer).to_ascii_lowercase();
        INSPECTION
            .iter()
            .find(|(needle, _)| names.contains(needle))
            .map(|(_, product)| *product)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(subject: &str, issuer: &str) -> CertInfo {
        CertInfo {
            subject: subject.into(),
            issuer: issuer.into(),
            sans: vec![],
            not_before: 0,
            not_after: 1,
            key: String::new(),
            signature_algorithm: String::new(),
            serial: String::new(),
            self_signed: subject == issuer,
        }
    }

    #[test]
    fn inspection_products_are_named() {
        assert_eq!(
            inspection_product(&[info("CN=api.stripe.com", "CN=Zscaler Intermediate Root CA")]),
            Some("Zscaler")
        );
        assert_eq!(
            inspection_product(&[info("CN=x", "O=Palo Alto Networks, CN=Forward Trust")]),
            Some("Palo Alto Networks")
        );
        assert_eq!(
            inspection_product(&[info(
                "CN=api.stripe.com",
                "CN=DigiCert TLS RSA SHA256 2020 CA1"
            )]),
            None
        );
    }

    #[test]
    fn unknown_issuer_is_explained_by_chain_shape() {
        let self_signed = explain(&webpki::Error::UnknownIssuer, &[info("CN=a", "CN=a")]);
        assert!(self_signed.summary.contains("self-signed"));
        let private_root = explain(
            &webpki::Error::UnknownIssuer,
            &[info("CN=a", "CN=R"), info("CN=R", "CN=R")],
        );
        assert!(private_root.summary.contains("does not trust"));
        let incomplete = explain(
            &webpki::Error::UnknownIssuer,
            &[info("CN=a", "CN=Intermediate")],
        );
        assert!(incomplete.summary.contains("incomplete chain"));
    }
}
