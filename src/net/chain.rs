//! What OpenSSL checks in a certificate path and rustls-webpki does not:
//! key usage, path length (the anchor's included), authority key
//! identifiers and the anchor's own validity. `plumb tls` and the HTTP
//! client both add these to webpki's verdict, so neither passes a chain
//! OpenSSL-based clients refuse.

use rustls::pki_types::CertificateDer;
use x509_parser::prelude::{FromDer, ParsedExtension, X509Certificate};

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
