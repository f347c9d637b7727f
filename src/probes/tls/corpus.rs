//! A generated corpus of certificate chains, judged by plumb's verifier
//! and by `openssl verify` (the oracle: OpenSSL-based clients, curl, PHP,
//! Python, Node and Ruby, decide as it does). The chains are made by rcgen
//! from a fixed seed (keys differ per run, shapes do not); the two chains
//! rcgen cannot make (a P-521 CA, ECDSA with SHA-512) were made once with
//! OpenSSL (tests/fixtures/tls-corpus/make.sh). OpenSSL's verdicts are
//! kept in tests/fixtures/tls-corpus/openssl-verdicts.txt, so the test
//! runs without openssl too; where openssl is installed the test also
//! checks that it still decides as recorded.

use super::cert;
use super::verify::{self, Verdict};
use crate::net::trust::TrustStore;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, DnType, DnValue, IsCa, Issuer, KeyIdMethod,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use std::fmt::Write as _;
use std::path::Path;

/// The moment every chain is judged at: 2030-01-01T00:00:00Z.
const AT: i64 = 1_893_456_000;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tls-corpus");

struct Node {
    params: CertificateParams,
    key: KeyPair,
    der: CertificateDer<'static>,
}

pub struct Scenario {
    pub name: String,
    /// Leaf first, then the intermediates the server sends.
    pub chain: Vec<CertificateDer<'static>>,
    /// The trusted certificates (`--ca-file`).
    pub anchors: Vec<CertificateDer<'static>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Usage {
    Normal,
    Absent,
    Forbidding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Same,
    Case,
    StringType,
}

/// One chain's shape.
#[derive(Debug, Clone, Copy)]
struct Shape {
    intermediates: usize,
    leaf_usage: Usage,
    ca_usage: Usage,
    /// Which CA (0 the root, 1 the first intermediate…) `ca_usage` is on.
    usage_on: usize,
    root_path_len: Option<u8>,
    leaf_ca: bool,
    leaf_aki_wrong: bool,
    root_expired: bool,
    issuer_form: Form,
    leaf_before_1970: bool,
}

impl Shape {
    const PLAIN: Shape = Shape {
        intermediates: 1,
        leaf_usage: Usage::Normal,
        ca_usage: Usage::Normal,
        usage_on: 0,
        root_path_len: None,
        leaf_ca: false,
        leaf_aki_wrong: false,
        root_expired: false,
        issuer_form: Form::Same,
        leaf_before_1970: false,
    };

    fn label(&self) -> String {
        let mut s = format!("int={}", self.intermediates);
        if self.leaf_usage != Usage::Normal {
            let _ = write!(s, " leaf_ku={:?}", self.leaf_usage);
        }
        if self.ca_usage != Usage::Normal {
            let _ = write!(s, " ca{}_ku={:?}", self.usage_on, self.ca_usage);
        }
        if let Some(p) = self.root_path_len {
            let _ = write!(s, " root_pathlen={p}");
        }
        for (on, what) in [
            (self.leaf_ca, "leaf_ca"),
            (self.leaf_aki_wrong, "leaf_aki_wrong"),
            (self.root_expired, "root_expired"),
            (self.leaf_before_1970, "leaf_before_1970"),
        ] {
            if on {
                let _ = write!(s, " {what}");
            }
        }
        if self.issuer_form != Form::Same {
            let _ = write!(s, " issuer_{:?}", self.issuer_form);
        }
        s
    }
}

fn ca_name(i: usize) -> String {
    if i == 0 {
        "Corpus Root CA".to_string()
    } else {
        format!("Corpus Intermediate {i}")
    }
}

fn ca_params(i: usize, shape: &Shape) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
    p.distinguished_name
        .push(DnType::CommonName, DnValue::Utf8String(ca_name(i)));
    p.is_ca = IsCa::Ca(match (i, shape.root_path_len) {
        (0, Some(n)) => BasicConstraints::Constrained(n),
        _ => BasicConstraints::Unconstrained,
    });
    p.key_usages = if i == shape.usage_on {
        match shape.ca_usage {
            Usage::Normal => vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign],
            Usage::Absent => vec![],
            Usage::Forbidding => vec![KeyUsagePurpose::DigitalSignature],
        }
    } else {
        vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign]
    };
    p.use_authority_key_identifier_extension = i > 0;
    p.not_before = date_time_ymd(2020, 1, 1);
    p.not_after = if i == 0 && shape.root_expired {
        date_time_ymd(2025, 1, 1)
    } else {
        date_time_ymd(2040, 1, 1)
    };
    p
}

fn build(shape: &Shape) -> (Vec<CertificateDer<'static>>, Vec<CertificateDer<'static>>) {
    let mut cas: Vec<Node> = Vec::new();
    for i in 0..=shape.intermediates {
        let params = ca_params(i, shape);
        let key = KeyPair::generate().expect("key");
        let der = match cas.last() {
            None => params.self_signed(&key).expect("root").der().clone(),
            Some(parent) => {
                let issuer = Issuer::from_params(&parent.params, &parent.key);
                params.signed_by(&key, &issuer).expect("ca").der().clone()
            }
        };
        cas.push(Node { params, key, der });
    }
    let mut leaf = CertificateParams::new(vec!["localhost".to_string()]).expect("leaf");
    leaf.distinguished_name
        .push(DnType::CommonName, "corpus server");
    leaf.use_authority_key_identifier_extension = true;
    leaf.key_usages = match shape.leaf_usage {
        Usage::Normal => vec![KeyUsagePurpose::DigitalSignature],
        Usage::Absent => vec![],
        Usage::Forbidding => vec![KeyUsagePurpose::KeyCertSign],
    };
    leaf.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    if shape.leaf_ca {
        leaf.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    }
    leaf.not_before = if shape.leaf_before_1970 {
        date_time_ymd(1965, 1, 1)
    } else {
        date_time_ymd(2021, 1, 1)
    };
    leaf.not_after = date_time_ymd(2039, 1, 1);
    let parent = cas.last().expect("a CA");
    let mut issuer_params = parent.params.clone();
    let cn = ca_name(shape.intermediates);
    match shape.issuer_form {
        Form::Same => {}
        Form::Case => {
            issuer_params.distinguished_name = rcgen::DistinguishedName::new();
            issuer_params
                .distinguished_name
                .push(DnType::CommonName, DnValue::Utf8String(cn.to_uppercase()));
        }
        Form::StringType => {
            issuer_params.distinguished_name = rcgen::DistinguishedName::new();
            issuer_params.distinguished_name.push(
                DnType::CommonName,
                DnValue::PrintableString(cn.as_str().try_into().expect("printable")),
            );
        }
    }
    if shape.leaf_aki_wrong {
        issuer_params.key_identifier_method = KeyIdMethod::PreSpecified(vec![0x5a; 20]);
    }
    let key = KeyPair::generate().expect("leaf key");
    let issuer = Issuer::from_params(&issuer_params, &parent.key);
    let leaf = leaf.signed_by(&key, &issuer).expect("leaf").der().clone();
    let mut chain = vec![leaf];
    chain.extend(cas[1..].iter().rev().map(|n| n.der.clone()));
    (chain, vec![cas[0].der.clone()])
}

/// A small deterministic generator (SplitMix64), so the corpus is the
/// same on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, in_ten: u64) -> bool {
        self.below(10) < in_ten
    }
}

fn usage(r: &mut Seeded) -> Usage {
    match r.below(6) {
        0 => Usage::Absent,
        1 => Usage::Forbidding,
        _ => Usage::Normal,
    }
}

/// The named scenarios (one per trait the oracle may disagree on), then
/// `seeded` random mixtures of them.
fn shapes(seeded: usize) -> Vec<(String, Shape)> {
    let p = Shape::PLAIN;
    let mut named = vec![
        ("plain", p),
        (
            "no intermediate",
            Shape {
                intermediates: 0,
                ..p
            },
        ),
        (
            "leaf keyUsage forbids server",
            Shape {
                leaf_usage: Usage::Forbidding,
                ..p
            },
        ),
        (
            "leaf without keyUsage",
            Shape {
                leaf_usage: Usage::Absent,
                ..p
            },
        ),
        (
            "intermediate keyUsage forbids signing",
            Shape {
                ca_usage: Usage::Forbidding,
                usage_on: 1,
                ..p
            },
        ),
        (
            "root keyUsage forbids signing",
            Shape {
                ca_usage: Usage::Forbidding,
                usage_on: 0,
                ..p
            },
        ),
        (
            "expired root in --ca-file",
            Shape {
                root_expired: true,
                ..p
            },
        ),
        (
            "pathLen 0 on the anchor, one intermediate",
            Shape {
                root_path_len: Some(0),
                ..p
            },
        ),
        (
            "pathLen 1 on the anchor, two intermediates",
            Shape {
                root_path_len: Some(1),
                intermediates: 2,
                ..p
            },
        ),
        (
            "pathLen 1 on the anchor, one intermediate",
            Shape {
                root_path_len: Some(1),
                ..p
            },
        ),
        (
            "leaf AKI not matching",
            Shape {
                leaf_aki_wrong: true,
                ..p
            },
        ),
        (
            "six intermediates",
            Shape {
                intermediates: 6,
                ..p
            },
        ),
        (
            "seven intermediates",
            Shape {
                intermediates: 7,
                ..p
            },
        ),
        (
            "eight intermediates",
            Shape {
                intermediates: 8,
                ..p
            },
        ),
        ("leaf marked CA:TRUE", Shape { leaf_ca: true, ..p }),
        (
            "leaf valid from 1965",
            Shape {
                leaf_before_1970: true,
                ..p
            },
        ),
        (
            "issuer name in upper case",
            Shape {
                issuer_form: Form::Case,
                ..p
            },
        ),
        (
            "issuer name as PrintableString",
            Shape {
                issuer_form: Form::StringType,
                ..p
            },
        ),
    ]
    .into_iter()
    .map(|(n, s)| (n.to_string(), s))
    .collect::<Vec<_>>();
    let mut r = Seeded(0x0070_6c75_6d62);
    for i in 0..seeded {
        let intermediates = usize::try_from(r.below(9)).unwrap_or(1);
        let shape = Shape {
            intermediates,
            leaf_usage: usage(&mut r),
            ca_usage: usage(&mut r),
            usage_on: usize::try_from(r.below(intermediates as u64 + 1)).unwrap_or(0),
            root_path_len: if r.chance(3) {
                Some(u8::try_from(r.below(4)).unwrap_or(0))
            } else {
                None
            },
            leaf_ca: r.chance(1),
            leaf_aki_wrong: r.chance(1),
            root_expired: r.chance(1),
            issuer_form: match r.below(10) {
                0 => Form::Case,
                1 => Form::StringType,
                _ => Form::Same,
            },
            leaf_before_1970: r.chance(1),
        };
        named.push((format!("seed {i:03}: {}", shape.label()), shape));
    }
    named
}

fn pem_file(name: &str) -> Vec<CertificateDer<'static>> {
    let text = std::fs::read(Path::new(FIXTURES).join(name)).expect("corpus fixture");
    CertificateDer::pem_slice_iter(&text)
        .map(|c| c.expect("pem"))
        .collect()
}

/// Every scenario: generated shapes, the pinned self-signed certificates,
/// and the chains made with OpenSSL.
pub fn corpus() -> Vec<Scenario> {
    let mut out: Vec<Scenario> = shapes(112)
        .into_iter()
        .map(|(name, shape)| {
            let (chain, anchors) = build(&shape);
            Scenario {
                name,
                chain,
                anchors,
            }
        })
        .collect();
    // What `openssl req -x509` makes: self-signed, CA:TRUE, pinned.
    for (name, ca) in [
        ("pinned self-signed CA:TRUE", true),
        ("pinned self-signed CA:FALSE", false),
    ] {
        let mut p = CertificateParams::new(vec!["localhost".to_string()]).expect("params");
        p.distinguished_name.push(DnType::CommonName, "localhost");
        if ca {
            p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        }
        p.not_before = date_time_ymd(2020, 1, 1);
        p.not_after = date_time_ymd(2040, 1, 1);
        let key = KeyPair::generate().expect("key");
        let der = p.self_signed(&key).expect("self-signed").der().clone();
        out.push(Scenario {
            name: name.to_string(),
            chain: vec![der.clone()],
            anchors: vec![der],
        });
    }
    for (name, stem) in [
        ("P-521 CA, ecdsa-with-SHA512", "p521"),
        ("P-256 CA, ecdsa-with-SHA512", "sha512"),
    ] {
        out.push(Scenario {
            name: name.to_string(),
            chain: pem_file(&format!("{stem}-leaf.pem")),
            anchors: pem_file(&format!("{stem}-ca.pem")),
        });
    }
    out
}

fn pem(certs: &[CertificateDer<'_>]) -> String {
    use base64::Engine;
    certs
        .iter()
        .map(|c| {
            let b64 = base64::engine::general_purpose::STANDARD.encode(c.as_ref());
            let lines: Vec<String> = b64
                .as_bytes()
                .chunks(64)
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .collect();
            format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                lines.join("\n")
            )
        })
        .collect()
}

/// Writes the scenario's files: leaf, intermediates, anchors.
fn files(s: &Scenario, dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let leaf = dir.join("leaf.pem");
    let rest = dir.join("untrusted.pem");
    let anchors = dir.join("anchors.pem");
    std::fs::write(&leaf, pem(&s.chain[..1])).expect("write");
    std::fs::write(&rest, pem(&s.chain[1..])).expect("write");
    std::fs::write(&anchors, pem(&s.anchors)).expect("write");
    (leaf, rest, anchors)
}

/// `openssl verify`'s verdict, or None when there is no openssl.
fn openssl(s: &Scenario, dir: &Path) -> Option<bool> {
    let (leaf, rest, anchors) = files(s, dir);
    let mut cmd = std::process::Command::new("openssl");
    cmd.args([
        "verify",
        "-no-CApath",
        "-no-CAstore",
        "-purpose",
        "sslserver",
    ])
    .args(["-attime", &AT.to_string()])
    .arg("-CAfile")
    .arg(&anchors);
    if s.chain.len() > 1 {
        cmd.arg("-untrusted").arg(&rest);
    }
    let out = cmd.arg(&leaf).output().ok()?;
    Some(out.status.success())
}

/// What plumb says: pass, fail, or cannot judge; `second` asks the
/// system's openssl where plumb cannot judge.
#[derive(Debug, PartialEq, Eq)]
enum Said {
    Pass,
    Fail(String),
    CannotJudge(String),
}

fn plumb(s: &Scenario, dir: &Path, second: bool) -> Said {
    let (_, _, anchors) = files(s, dir);
    let mut store = TrustStore::load(Some(&anchors)).expect("anchors");
    store.public.clear();
    let infos: Vec<_> = s.chain.iter().filter_map(|d| cert::parse(d)).collect();
    match verify::chain(&s.chain, &store, &infos, AT) {
        Verdict::Trusted(_) => Said::Pass,
        Verdict::Untrusted(p) => Said::Fail(p.summary),
        Verdict::CannotJudge(why, at) => {
            if !second {
                return Said::CannotJudge(why);
            }
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            let opinion = rt.block_on(verify::second_opinion(
                &s.chain,
                &store,
                at,
                std::time::Duration::from_secs(10),
            ));
            match opinion {
                Some((_, Ok(()))) => Said::Pass,
                Some((_, Err(why))) => Said::Fail(why),
                None => Said::CannotJudge(why),
            }
        }
    }
}

/// plumb as it was: webpki alone, against the anchors and the public roots.
fn webpki_alone(s: &Scenario) -> bool {
    let Ok(leaf) = webpki::EndEntityCert::try_from(&s.chain[0]) else {
        return false;
    };
    let anchors: Vec<_> = s
        .anchors
        .iter()
        .filter_map(|d| webpki::anchor_from_trusted_cert(d).ok())
        .collect();
    let time =
        rustls::pki_types::UnixTime::since_unix_epoch(std::time::Duration::from_secs(AT as u64));
    leaf.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &anchors,
        &s.chain[1..],
        time,
        webpki::KeyUsage::server_auth(),
        None,
        None,
    )
    .is_ok()
}

fn recorded() -> Vec<(String, bool)> {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join("openssl-verdicts.txt"))
        .unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (verdict, name) = l.split_once(' ')?;
            Some((name.to_string(), verdict == "ok"))
        })
        .collect()
}

#[test]
// The figures go to the test's output (cargo test -- --nocapture).
#[allow(clippy::disallowed_macros)]
fn verdicts_agree_with_openssl() {
    let corpus = corpus();
    let dir = tempfile::tempdir().expect("temp dir");
    let has_openssl = openssl(&corpus[0], dir.path()).is_some();
    let mut record = recorded();
    if std::env::var_os("PLUMB_RECORD_OPENSSL").is_some() {
        let version = std::process::Command::new("openssl")
            .arg("version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let mut text = format!(
            "# `openssl verify -purpose sslserver -attime {AT}` on each scenario of\n# src/probes/tls/corpus.rs, with the scenario's anchors as -CAfile only.\n# Recorded with {version}.\n"
        );
        record.clear();
        for s in &corpus {
            let ok = openssl(s, dir.path()).expect("openssl");
            let _ = writeln!(text, "{} {}", if ok { "ok" } else { "fail" }, s.name);
            record.push((s.name.clone(), ok));
        }
        std::fs::write(Path::new(FIXTURES).join("openssl-verdicts.txt"), text).expect("write");
    }
    let mut before = Vec::new();
    let mut false_pass = Vec::new();
    let mut false_fail = Vec::new();
    let mut unjudged = Vec::new();
    let mut unjudged_alone = 0;
    let mut false_pass_alone = Vec::new();
    let mut false_fail_alone = Vec::new();
    let mut drift = Vec::new();
    for s in &corpus {
        let Some((_, expected)) = record.iter().find(|(n, _)| *n == s.name) else {
            panic!(
                "no recorded OpenSSL verdict for {:?}: run with PLUMB_RECORD_OPENSSL=1",
                s.name
            );
        };
        let expected = *expected;
        if has_openssl && openssl(s, dir.path()) != Some(expected) {
            drift.push(s.name.clone());
        }
        if webpki_alone(s) != expected {
            before.push(format!(
                "{} (OpenSSL {})",
                s.name,
                if expected { "ok" } else { "fail" }
            ));
        }
        match plumb(s, dir.path(), false) {
            Said::CannotJudge(_) => unjudged_alone += 1,
            Said::Pass if !expected => false_pass_alone.push(s.name.clone()),
            Said::Fail(why) if expected => false_fail_alone.push(format!("{}: {why}", s.name)),
            _ => {}
        }
        match plumb(s, dir.path(), has_openssl) {
            Said::Pass if !expected => false_pass.push(s.name.clone()),
            Said::Fail(why) if expected => false_fail.push(format!("{}: {why}", s.name)),
            Said::CannotJudge(why) => {
                // Saying so is no verdict against the server, only where
                // OpenSSL accepts; a chain OpenSSL rejects must not pass.
                unjudged.push(format!("{}: {why}", s.name));
            }
            _ => {}
        }
    }
    eprintln!(
        "corpus: {} scenarios; webpki alone disagreed with OpenSSL on {}; now: {} false passes, {} false fails, {} not judged; without a second opinion: {} false passes, {} false fails, {unjudged_alone} not judged (said so)",
        corpus.len(),
        before.len(),
        false_pass.len(),
        false_fail.len(),
        unjudged.len(),
        false_pass_alone.len(),
        false_fail_alone.len(),
    );
    assert!(
        false_pass_alone.is_empty(),
        "plumb alone passes where OpenSSL rejects: {false_pass_alone:#?}"
    );
    assert!(
        false_fail_alone.is_empty(),
        "plumb alone blames the server where OpenSSL accepts: {false_fail_alone:#?}"
    );
    eprintln!("webpki alone disagreed on: {before:#?}");
    assert!(
        drift.is_empty(),
        "OpenSSL now decides otherwise: {drift:#?}"
    );
    assert!(
        false_pass.is_empty(),
        "plumb passes where OpenSSL rejects: {false_pass:#?}"
    );
    assert!(
        false_fail.is_empty(),
        "plumb fails where OpenSSL accepts: {false_fail:#?}"
    );
    if has_openssl {
        assert!(unjudged.is_empty(), "{unjudged:#?}");
    }
    assert!(
        !before.is_empty(),
        "the corpus should hold what webpki alone gets wrong"
    );
}

/// A chain Mozilla's list vouches for and the system store does not (a
/// container without a CA bundle): trusted, but only by Mozilla's roots,
/// which the trust check turns into a warning naming the bundle.
#[test]
fn trusted_by_mozilla_only_is_told_apart() {
    let (chain, anchors) = build(&Shape::PLAIN);
    let mut store = TrustStore::load(None).expect("store");
    store.public = anchors
        .iter()
        .map(|d| {
            webpki::anchor_from_trusted_cert(d)
                .expect("anchor")
                .to_owned()
        })
        .collect();
    let infos: Vec<_> = chain.iter().filter_map(|d| cert::parse(d)).collect();
    let verdict = verify::chain(&chain, &store, &infos, AT);
    assert!(
        matches!(
            verdict,
            Verdict::Trusted(crate::net::trust::Source::PublicOnly)
        ),
        "{verdict:?}"
    );
    let check = super::trust_check(&verdict, &infos, None, "SSL_CERT_FILE=/empty.pem");
    assert_eq!(check.status(), crate::report::Status::Warn);
    assert!(check
        .summary()
        .contains("not by this machine's CA bundle (SSL_CERT_FILE=/empty.pem)"));
    assert!(check
        .remediation()
        .iter()
        .any(|r| r.contains("apt-get install ca-certificates")));
}
