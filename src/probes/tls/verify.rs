//! Judging a chain with rustls-webpki, one question at a time: does it
//! chain to an anchor (and from which source), and is it valid for the name.

use super::cert::CertInfo;
use crate::net::chain::{judge, Outcome};
use crate::net::failure;
use crate::net::trust::{Source, TrustStore};
use rustls::pki_types::{CertificateDer, ServerName, TrustAnchor};
use std::time::Duration;
use webpki::EndEntityCert;
use x509_parser::prelude::{FromDer, X509Certificate};

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
    /// plumb's verifier cannot judge the chain (an algorithm or a shape it
    /// does not support) where OpenSSL-based clients may accept it: the
    /// reason, and the verification moment (Unix seconds).
    CannotJudge(String, i64),
}

/// Verifies the chain at a moment inside the leaf's validity, so an expired
/// certificate is reported by the expiry check, not as untrusted. Each
/// source of anchors is judged on its own: Mozilla's list, the system
/// store as OpenSSL-based clients read it, and `--ca-file`.
pub fn chain(
    ders: &[CertificateDer<'static>],
    store: &TrustStore,
    infos: &[CertInfo],
    now: i64,
) -> Verdict {
    if EndEntityCert::try_from(&ders[0]).is_err() {
        return match X509Certificate::from_der(&ders[0]) {
            // x509-parser reads it; webpki does not (dates before 1970, …).
            Ok(_) => Verdict::CannotJudge(
                "plumb's verifier cannot read the server's certificate (dates before 1970 or an encoding it does not support)".to_string(),
                now,
            ),
            Err(_) => Verdict::Untrusted(Problem {
                summary: "the server's certificate cannot be parsed".to_string(),
                remedies: vec!["Re-issue the certificate; it is malformed."],
            }),
        };
    }
    let at = if infos[0].not_before <= infos[0].not_after {
        now.clamp(infos[0].not_before, infos[0].not_after)
    } else {
        now
    };
    let judge = |anchors: &[TrustAnchor<'static>], certs: &[CertificateDer<'static>]| {
        judge(ders, anchors, certs, at, now)
    };
    let system = store.system();
    if let Some(source) = store.public_trust(ders, at, now) {
        return Verdict::Trusted(source);
    }
    let mut worst = None;
    if !store.ca_file.is_empty() {
        match judge(&store.ca_file, &store.ca_file_certs) {
            Outcome::Verified => return Verdict::Trusted(Source::CaFile),
            other => worst = Some(other),
        }
    }
    if !system.anchors.is_empty() {
        match judge(&system.anchors, &system.certs) {
            Outcome::Verified => return Verdict::Trusted(Source::System),
            other => {
                if !matches!(worst, Some(Outcome::Refused(_) | Outcome::CannotJudge(_))) {
                    worst = Some(other);
                }
            }
        }
    }
    let outcome = match worst {
        Some(o) => o,
        None => judge(&store.public, &[]),
    };
    match outcome {
        Outcome::Verified => Verdict::Trusted(Source::CaFile),
        Outcome::Refused(why) => Verdict::Untrusted(Problem {
            summary: why,
            remedies: vec!["Re-issue the certificate with the usage and identifiers OpenSSL-based clients require (keyUsage digitalSignature on the server's certificate, keyCertSign on each CA, matching key identifiers, path lengths that allow the chain)."],
        }),
        Outcome::CannotJudge(why) => Verdict::CannotJudge(why, at),
        Outcome::Rejected(err) => {
            let mut problem = explain(&err, infos);
            if system.anchors.is_empty() && store.ca_file.is_empty() {
                problem.summary.push_str("; ");
                problem
                    .summary
                    .push_str(&failure::empty_bundle_words(&system.location));
                problem.remedies.push(INSTALL_BUNDLE);
            }
            Verdict::Untrusted(problem)
        }
    }
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

pub use crate::net::failure::INSTALL_BUNDLE;

/// What the system's `openssl verify` says of a chain plumb cannot judge:
/// `None` when there is no openssl binary (or it did not finish within
/// `limit`), else its version and `Ok` or the reason it gave.
pub async fn second_opinion(
    ders: &[CertificateDer<'static>],
    store: &TrustStore,
    at: i64,
    limit: Duration,
) -> Option<(String, Result<(), String>)> {
    let dir = Scratch::new()?;
    let pem = |certs: &[CertificateDer<'static>]| -> String {
        certs
            .iter()
            .map(|c| {
                let b64 =
                    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, c.as_ref());
                let lines: Vec<&str> = b64
                    .as_bytes()
                    .chunks(64)
                    .map(|l| std::str::from_utf8(l).unwrap_or_default())
                    .collect();
                format!(
                    "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                    lines.join("\n")
                )
            })
            .collect()
    };
    let leaf = dir.path().join("leaf.pem");
    let rest = dir.path().join("untrusted.pem");
    std::fs::write(&leaf, pem(&ders[..1])).ok()?;
    std::fs::write(&rest, pem(&ders[1..])).ok()?;
    let mut cmd = std::process::Command::new("openssl");
    cmd.arg("verify")
        .args(["-purpose", "sslserver", "-attime", &at.to_string()]);
    if ders.len() > 1 {
        cmd.arg("-untrusted").arg(&rest);
    }
    if let Some(path) = &store.ca_file_path {
        cmd.arg("-CAfile").arg(path);
    }
    cmd.arg(&leaf);
    let (code, out) = run_bounded(cmd, limit).await?;
    let version = run_bounded(
        {
            let mut v = std::process::Command::new("openssl");
            v.arg("version");
            v
        },
        limit,
    )
    .await
    .map(|(_, o)| {
        o.lines()
            .next()
            .unwrap_or("OpenSSL")
            .split(" (")
            .next()
            .unwrap_or("OpenSSL")
            .trim()
            .to_string()
    })
    .unwrap_or_else(|| "OpenSSL".to_string());
    if code == Some(0) {
        return Some((version, Ok(())));
    }
    let reason = out
        .lines()
        .find_map(|l| l.split_once("lookup:").map(|(_, r)| r.trim().to_string()))
        .or_else(|| {
            out.lines()
                .find(|l| l.starts_with("error"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| "verification failed".to_string());
    Some((version, Err(reason)))
}

/// A private directory for the files given to openssl, removed on drop.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Option<Self> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("plumb-verify-{}-{nanos}", std::process::id()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&path).ok()?;
        Some(Scratch(path))
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `cmd` to its end within `limit` (killed after), returning its
/// exit code and its output (both streams, at most 64 KiB).
async fn run_bounded(
    mut cmd: std::process::Command,
    limit: Duration,
) -> Option<(Option<i32>, String)> {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < limit => {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let mut out = String::new();
    if let Some(s) = child.stdout.take() {
        let _ = s.take(65_536).read_to_string(&mut out);
    }
    if let Some(s) = child.stderr.take() {
        let _ = s.take(65_536).read_to_string(&mut out);
    }
    Some((status.code(), out))
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
