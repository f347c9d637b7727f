//! What OpenSSL checks in a certificate path and rustls-webpki does not:
//! key usage, path length (the anchor's included), authority key
//! identifiers and the anchor's own validity. `plumb tls` and the HTTP
//! client both add these to webpki's verdict, so neither passes a chain
//! OpenSSL-based clients refuse.

use super::failure::{self, CertFault};
use rustls::pki_types::{CertificateDer, TrustAnchor, UnixTime};
use std::time::Duration;
use webpki::{EndEntityCert, KeyUsage};
use x509_parser::prelude::{FromDer, ParsedExtension, X509Certificate, X509Name};

/// "expired 3 days ago (…)" or "is not valid yet …", when `cert` is
/// outside its validity at `now`.
pub fn validity_words(cert: &X509Certificate<'_>, now: i64) -> Option<String> {
    let nb = cert.validity().not_before.timestamp();
    let na = cert.validity().not_after.timestamp();
    if now > na {
        Some(super::failure::expired_words(now, na))
    } else if now < nb {
        Some(format!(
            "is not valid yet: it {}",
            super::failure::not_yet_words(now, nb)
        ))
    } else {
        None
    }
}

/// What OpenSSL refuses in a path webpki accepted: a key usage that
/// forbids a certificate's role, a path length exceeded (the anchor's
/// included), an authority key identifier that does not name the issuer's
/// key, and an anchor outside its own validity.
pub fn openssl_checks(
    path: &[CertificateDer<'_>],
    anchor: Option<&CertificateDer<'static>>,
    now: i64,
) -> Option<String> {
    let mut parsed = Vec::new();
    for der in path.iter().chain(anchor) {
        let Ok((_, cert)) = X509Certificate::from_der(der) else {
            return None;
        };
        parsed.push(cert);
    }
    for (i, cert) in parsed.iter().enumerate() {
        let who = if i == 0 {
            "the server's certificate".to_string()
        } else {
            format!("the CA certificate {}", cert.subject())
        };
        if let Ok(Some(ku)) = cert.key_usage() {
            let ku = ku.value;
            if i == 0 && !(ku.digital_signature() || ku.key_encipherment() || ku.key_agreement()) {
                return Some(format!(
                    "{who} has a keyUsage that forbids TLS server use (no digitalSignature or keyEncipherment): OpenSSL-based clients refuse it"
                ));
            }
            if i > 0 && !ku.key_cert_sign() {
                return Some(format!(
                    "{who} has a keyUsage without keyCertSign, so it may not sign certificates: OpenSSL-based clients refuse the chain"
                ));
            }
        }
        if i > 0 {
            if let Ok(Some(bc)) = cert.basic_constraints() {
                if let Some(limit) = bc.value.path_len_constraint {
                    let below = u32::try_from(i - 1).unwrap_or(u32::MAX);
                    if below > limit {
                        return Some(format!(
                            "{who} allows {limit} intermediate certificate{} below it (pathLenConstraint) and the chain has {below}: OpenSSL-based clients refuse it",
                            if limit == 1 { "" } else { "s" }
                        ));
                    }
                }
            }
        }
        if let Some(issuer) = parsed.get(i + 1) {
            if let (Some(aki), Some(ski)) = (authority_key_id(cert), subject_key_id(issuer)) {
                if aki != ski {
                    return Some(format!(
                        "{who} names its issuer's key by an authority key identifier that does not match {}: OpenSSL-based clients do not take that CA as its issuer",
                        issuer.subject()
                    ));
                }
            }
        }
    }
    if let (Some(anchor), true) = (parsed.last(), anchor.is_some()) {
        if let Some(w) = validity_words(anchor, now) {
            return Some(format!(
                "the root {} {w}: OpenSSL-based clients refuse chains that end at it",
                anchor.subject()
            ));
        }
    }
    None
}

fn authority_key_id<'a>(cert: &'a X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                aki.key_identifier.as_ref().map(|k| k.0)
            }
            _ => None,
        })
}

fn subject_key_id<'a>(cert: &'a X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
            _ => None,
        })
}

/// What one set of anchors says about the chain.
pub enum Outcome {
    Verified,
    Rejected(webpki::Error),
    /// Verified by webpki, refused by a check OpenSSL makes and webpki
    /// does not (key usage, path length on the anchor, key identifiers,
    /// the anchor's own validity).
    Refused(String),
    CannotJudge(String),
}

/// Judges the chain against one set of anchors (`certs` are the anchors'
/// certificates where known), with what OpenSSL checks and webpki does
/// not on top.
pub fn judge(
    ders: &[CertificateDer<'static>],
    anchors: &[TrustAnchor<'static>],
    anchor_certs: &[CertificateDer<'static>],
    at: i64,
    now: i64,
) -> Outcome {
    // A self-signed certificate pinned in the store (what `openssl req
    // -x509` makes: CA:TRUE) is trusted as itself, as OpenSSL does.
    if let Some(pinned) = anchor_certs.iter().find(|c| c.as_ref() == ders[0].as_ref()) {
        if let Ok((_, cert)) = X509Certificate::from_der(pinned) {
            if cert.subject().as_raw() == cert.issuer().as_raw() {
                return match validity_words(&cert, now) {
                    Some(w) => Outcome::Refused(format!("the pinned certificate {w}")),
                    None => Outcome::Verified,
                };
            }
        }
    }
    let Ok(leaf) = EndEntityCert::try_from(&ders[0]) else {
        return Outcome::CannotJudge(
            "plumb's verifier cannot read the server's certificate".into(),
        );
    };
    let time = UnixTime::since_unix_epoch(Duration::from_secs(u64::try_from(at).unwrap_or(0)));
    let path = leaf.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        anchors,
        &ders[1..],
        time,
        KeyUsage::server_auth(),
        None,
        None,
    );
    match path {
        Ok(path) => {
            let mut certs: Vec<CertificateDer<'_>> = vec![ders[0].clone()];
            certs.extend(path.intermediate_certificates().map(|c| c.der()));
            let anchor = path.anchor();
            let anchor_cert = anchor_certs.iter().find(|c| {
                webpki::anchor_from_trusted_cert(c).is_ok_and(|a| {
                    a.subject == anchor.subject
                        && a.subject_public_key_info == anchor.subject_public_key_info
                })
            });
            match openssl_checks(&certs, anchor_cert, now) {
                Some(why) => Outcome::Refused(why),
                None => Outcome::Verified,
            }
        }
        Err(e) => {
            let (fault, words) = failure::webpki(&e);
            if fault == CertFault::Unsupported {
                return Outcome::CannotJudge(words);
            }
            if matches!(e, webpki::Error::UnknownIssuer) {
                if let Some(words) = issuer_differs_only_in_form(ders, anchor_certs) {
                    return Outcome::CannotJudge(words);
                }
            }
            Outcome::Rejected(e)
        }
    }
}

/// A name compared as RFC 5280 asks (case and string type ignored,
/// white space folded): each attribute's type and folded text.
fn folded(name: &X509Name<'_>) -> Vec<(String, String)> {
    name.iter_attributes()
        .map(|a| {
            let text = a.as_str().map(|s| s.to_string()).unwrap_or_default();
            let text = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            (a.attr_type().to_id_string(), text)
        })
        .collect()
}

/// When an issuer named by the chain is there, but its name differs from
/// the issuer field only in letter case or string type, webpki (which
/// compares bytes) cannot find it; OpenSSL can.
fn issuer_differs_only_in_form(
    ders: &[CertificateDer<'static>],
    anchor_certs: &[CertificateDer<'static>],
) -> Option<String> {
    let certs: Vec<X509Certificate<'_>> = ders
        .iter()
        .chain(anchor_certs)
        .filter_map(|d| X509Certificate::from_der(d).ok().map(|(_, c)| c))
        .collect();
    for child in certs.iter().take(ders.len()) {
        let wanted = folded(child.issuer());
        for parent in &certs {
            if parent.subject().as_raw() != child.issuer().as_raw()
                && folded(parent.subject()) == wanted
                && !wanted.is_empty()
            {
                return Some(format!(
                    "the issuer name in {} matches {} only when compared as RFC 5280 asks (letter case or string type differ); plumb's verifier compares names byte for byte",
                    child.subject(),
                    parent.subject()
                ));
            }
        }
    }
    None
}
