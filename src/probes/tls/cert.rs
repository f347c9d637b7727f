//! Reading a certificate's fields for people (x509-parser).

use std::time::{Duration, UNIX_EPOCH};
use x509_parser::prelude::*;
use x509_parser::public_key::PublicKey;

/// What a person needs to know about one certificate.
#[derive(Debug, Clone)]
pub struct CertInfo {
    pub subject: String,
    pub issuer: String,
    pub sans: Vec<String>,
    pub not_before: i64,
    pub not_after: i64,
    pub key: String,
    pub signature_algorithm: String,
    pub serial: String,
    pub self_signed: bool,
}

pub fn parse(der: &[u8]) -> Option<CertInfo> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let sans = cert
        .subject_alternative_name()
        .ok()
        .flatten()
        .map(|ext| {
            ext.value
                .general_names
                .iter()
                .filter_map(|n| match n {
                    GeneralName::DNSName(d) => Some((*d).to_string()),
                    GeneralName::IPAddress(bytes) => ip_text(bytes),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let key = match cert.public_key().parsed() {
        Ok(PublicKey::RSA(rsa)) => format!("RSA {} bits", rsa.key_size()),
        Ok(PublicKey::EC(ec)) => format!("EC {} bits", ec.key_size()),
        Ok(PublicKey::DSA(_)) => "DSA".to_string(),
        Ok(_) => oid_name(&cert.public_key().algorithm.algorithm),
        Err(_) => "unreadable key".to_string(),
    };
    Some(CertInfo {
        subject: cert.subject().to_string(),
        issuer: cert.issuer().to_string(),
        sans,
        not_before: cert.validity().not_before.timestamp(),
        not_after: cert.validity().not_after.timestamp(),
        key,
        signature_algorithm: oid_name(&cert.signature_algorithm.algorithm),
        serial: cert.raw_serial_as_string(),
        self_signed: cert.subject() == cert.issuer(),
    })
}

fn oid_name(oid: &x509_parser::der_parser::oid::Oid) -> String {
    x509_parser::objects::oid2sn(oid, x509_parser::objects::oid_registry())
        .map(str::to_string)
        .unwrap_or_else(|_| oid.to_id_string())
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => Some(std::net::Ipv4Addr::from(<[u8; 4]>::try_from(bytes).ok()?).to_string()),
        16 => Some(std::net::Ipv6Addr::from(<[u8; 16]>::try_from(bytes).ok()?).to_string()),
        _ => None,
    }
}

/// RFC 3339 for a Unix time, or the raw number outside the calendar.
pub fn date(t: i64) -> String {
    match u64::try_from(t) {
        Ok(secs) if secs < 253_402_300_800 => {
            humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(secs)).to_string()
        }
        _ => format!("{t} (Unix seconds)"),
    }
}

impl CertInfo {
    /// One line: `CN=api ← CN=CA · RSA 2048 bits · sha256WithRSAEncryption · until 2027-01-01`.
    pub fn line(&self) -> String {
        format!(
            "{} ← issued by {} · {} · {} · {} → {}",
            self.subject,
            self.issuer,
            self.key,
            self.signature_algorithm,
            &date(self.not_before)[..10.min(date(self.not_before).len())],
            &date(self.not_after)[..10.min(date(self.not_after).len())]
        )
    }
}
