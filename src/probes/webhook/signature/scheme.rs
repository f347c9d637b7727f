//! Every provider's signing scheme (docs/providers.md, "Webhook
//! signatures"): which
//! headers carry what, which bytes are signed, the MAC and its encoding.
//!
//! [`sign`] is the one entry point senders use (`plumb sign` and `plumb
//! webhook send`); verification feeds the same [`Mac`] as it streams.

use base64::Engine;
use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::{Digest, Sha256, Sha512};

pub const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

pub use crate::facts::webhook::Provider;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Sha256,
    Sha1,
    Sha512,
}

impl Algorithm {
    pub const ALL: [Algorithm; 3] = [Algorithm::Sha256, Algorithm::Sha1, Algorithm::Sha512];

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "HMAC-SHA256",
            Algorithm::Sha1 => "HMAC-SHA1",
            Algorithm::Sha512 => "HMAC-SHA512",
        }
    }

    pub fn tag_len(self) -> usize {
        match self {
            Algorithm::Sha256 => 32,
            Algorithm::Sha1 => 20,
            Algorithm::Sha512 => 64,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Hex,
    Base64,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Hex => "hex",
            Encoding::Base64 => "base64",
        }
    }

    pub fn encode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Hex => hex::encode(bytes),
            Encoding::Base64 => B64.encode(bytes),
        }
    }

    pub fn decode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            Encoding::Hex => hex::decode(text).ok(),
            Encoding::Base64 => B64
                .decode(text)
                .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(text))
                .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(text))
                .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text))
                .ok(),
        }
    }
}

/// A running HMAC, fed as the signed bytes stream past.
#[derive(Clone)]
pub enum Mac {
    Sha256(Hmac<Sha256>),
    Sha1(Hmac<sha1::Sha1>),
    Sha512(Hmac<Sha512>),
}

impl Mac {
    pub fn new(algorithm: Algorithm, key: &[u8]) -> Self {
        // HMAC takes keys of any length, so these never fail.
        match algorithm {
            Algorithm::Sha256 => Mac::Sha256(Hmac::new_from_slice(key).expect("any key length")),
            Algorithm::Sha1 => Mac::Sha1(Hmac::new_from_slice(key).expect("any key length")),
            Algorithm::Sha512 => Mac::Sha512(Hmac::new_from_slice(key).expect("any key length")),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        match self {
            Mac::Sha256(m) => m.update(bytes),
            Mac::Sha1(m) => m.update(bytes),
            Mac::Sha512(m) => m.update(bytes),
        }
    }

    pub fn tag(self) -> Vec<u8> {
        match self {
            Mac::Sha256(m) => m.finalize().into_bytes().to_vec(),
            Mac::Sha1(m) => m.finalize().into_bytes().to_vec(),
            Mac::Sha512(m) => m.finalize().into_bytes().to_vec(),
        }
    }
}

/// Compares a computed tag with a received one in constant time.
pub fn same_tag(computed: &[u8], received: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    computed.len() == received.len() && bool::from(computed.ct_eq(received))
}

/// The one-shot MAC of `parts` concatenated.
pub fn mac(algorithm: Algorithm, key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut m = Mac::new(algorithm, key);
    for p in parts {
        m.update(p);
    }
    m.tag()
}

/// A provider plus the settings the generic schemes take from flags.
#[derive(Debug, Clone)]
pub struct Scheme {
    pub provider: Provider,
    /// `--algorithm` (hmac and timestamped only).
    pub algorithm: Algorithm,
    /// `--encoding` (hmac and timestamped only); verification detects.
    pub encoding: Encoding,
    /// `--url`: the webhook URL exactly as configured (mandrill).
    pub url: Option<String>,
    /// `--signature-header` (hmac and timestamped).
    pub signature_header: String,
    /// `--timestamp-header` (timestamped).
    pub timestamp_header: String,
}

impl Scheme {
    /// The scheme with default settings for the generic providers.
    pub fn new(provider: Provider) -> Self {
        Scheme {
            provider,
            algorithm: Algorithm::Sha256,
            encoding: Encoding::Hex,
            url: None,
            signature_header: "X-Signature".to_string(),
            timestamp_header: "X-Timestamp".to_string(),
        }
    }

    pub fn algorithm(&self) -> Algorithm {
        match self.provider {
            Provider::Mandrill => Algorithm::Sha1,
            Provider::Hmac | Provider::Timestamped => self.algorithm,
            _ => Algorithm::Sha256,
        }
    }

    pub fn encoding(&self) -> Encoding {
        match self.provider {
            Provider::Stripe | Provider::Github | Provider::Slack => Encoding::Hex,
            Provider::Hmac | Provider::Timestamped => self.encoding,
            _ => Encoding::Base64,
        }
    }

    /// Whether verification accepts either encoding (the generic schemes).
    pub fn detects_encoding(&self) -> bool {
        matches!(self.provider, Provider::Hmac | Provider::Timestamped)
    }

    /// The header that carries the signature, as senders spell it.
    pub fn signature_header(&self) -> &str {
        match self.provider {
            Provider::Stripe => "Stripe-Signature",
            Provider::Shopify => "X-Shopify-Hmac-Sha256",
            Provider::Woocommerce => "X-WC-Webhook-Signature",
            Provider::Github => "X-Hub-Signature-256",
            Provider::Slack => "X-Slack-Signature",
            Provider::Standard => "webhook-signature",
            Provider::Mandrill => "X-Mandrill-Signature",
            Provider::Hmac | Provider::Timestamped => &self.signature_header,
        }
    }

    /// Headers that carry the signature, in the order they are looked up.
    pub fn signature_headers(&self) -> Vec<&str> {
        match self.provider {
            Provider::Standard => vec!["webhook-signature", "svix-signature"],
            // The legacy SHA-1 header, read only when the SHA-256 one is absent.
            Provider::Github => vec!["X-Hub-Signature-256", "X-Hub-Signature"],
            _ => vec![self.signature_header()],
        }
    }

    /// Headers that carry the timestamp when it is separate from the signature.
    pub fn timestamp_headers(&self) -> Vec<&str> {
        match self.provider {
            Provider::Slack => vec!["X-Slack-Request-Timestamp"],
            Provider::Standard => vec!["webhook-timestamp", "svix-timestamp"],
            Provider::Timestamped => vec![&self.timestamp_header],
            _ => vec![],
        }
    }

    pub fn id_headers(&self) -> Vec<&str> {
        match self.provider {
            Provider::Standard => vec!["webhook-id", "svix-id"],
            _ => vec![],
        }
    }

    pub fn uses_timestamp(&self) -> bool {
        matches!(
            self.provider,
            Provider::Stripe | Provider::Slack | Provider::Standard | Provider::Timestamped
        )
    }

    /// Whether timestamps ahead of now are tolerated without limit: the
    /// Stripe SDKs reject only timestamps too far in the past.
    pub fn only_past_expires(&self) -> bool {
        self.provider == Provider::Stripe
    }

    /// The MAC key a receiver derives from the secret it holds.
    pub fn key(&self, secret: &str) -> Result<Vec<u8>, String> {
        match self.provider {
            Provider::Standard => standard_key(secret),
            _ => Ok(secret.as_bytes().to_vec()),
        }
    }

    /// The MAC key the sender signs with: as [`Scheme::key`], except that
    /// WooCommerce stores the secret HTML-escaped and decodes it first.
    pub fn signing_key(&self, secret: &str) -> Result<Vec<u8>, String> {
        match self.provider {
            Provider::Woocommerce => Ok(html_decode(secret).into_bytes()),
            _ => self.key(secret),
        }
    }

    /// The bytes signed before the body (`{t}.`, `v0:{ts}:`, `{id}.{ts}.`).
    pub fn prefix(&self, timestamp: &str, id: &str) -> Vec<u8> {
        match self.provider {
            Provider::Stripe | Provider::Timestamped => format!("{timestamp}.").into_bytes(),
            Provider::Slack => format!("v0:{timestamp}:").into_bytes(),
            Provider::Standard => format!("{id}.{timestamp}.").into_bytes(),
            _ => Vec::new(),
        }
    }

    /// Whether the signed bytes are the prefix plus the raw body, so they
    /// can be hashed as the body streams (all but mandrill).
    pub fn streams(&self) -> bool {
        self.provider != Provider::Mandrill
    }

    /// The whole signed content for an in-memory body.
    pub fn signed_content(
        &self,
        timestamp: &str,
        id: &str,
        body: &[u8],
    ) -> Result<Vec<u8>, String> {
        if self.provider == Provider::Mandrill {
            let url = self.url.as_deref().unwrap_or_default();
            return Ok(mandrill_content(url, body));
        }
        let mut out = self.prefix(timestamp, id);
        out.extend_from_slice(body);
        Ok(out)
    }

    /// The signature header's value for a computed tag.
    pub fn header_value(&self, tag: &[u8], timestamp: &str) -> String {
        let encoded = self.encoding().encode(tag);
        match self.provider {
            Provider::Stripe => format!("t={timestamp},v1={encoded}"),
            Provider::Github => format!("sha256={encoded}"),
            Provider::Slack => format!("v0={encoded}"),
            Provider::Standard => format!("v1,{encoded}"),
            _ => encoded,
        }
    }
}

/// Standard Webhooks keys: strip `whsec_`, then base64-decode (padding optional).
fn standard_key(secret: &str) -> Result<Vec<u8>, String> {
    let t = secret.trim();
    if t.len() >= 2
        && ['"', '\'', '`']
            .iter()
            .any(|q| t.starts_with(*q) && t.ends_with(*q))
    {
        return Err("the secret is wrapped in quotes, so it is not a Standard Webhooks key".into());
    }
    if t.starts_with("whsec_whsec_") {
        return Err("the whsec_ prefix appears twice, so it is not a Standard Webhooks key".into());
    }
    // The libraries' base64 decoding skips surrounding whitespace.
    let body = t.strip_prefix("whsec_").unwrap_or(t);
    Encoding::Base64.decode(body).ok_or_else(|| {
        "the part after whsec_ is not base64, so it cannot be a Standard Webhooks key".to_string()
    })
}

/// The HTML escaping WordPress applies to a stored secret (`esc_attr`).
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#039;")
}

/// WooCommerce stores the secret HTML-escaped and unescapes it before signing.
pub fn html_decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Mandrill signs the URL, then every POST field's name and value, sorted
/// by name, with no separators.
pub fn mandrill_content(url: &str, body: &[u8]) -> Vec<u8> {
    let mut fields: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = url.as_bytes().to_vec();
    for (k, v) in fields {
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(v.as_bytes());
    }
    out
}

/// The headers a real sender adds for `payload`: the signature and, where
/// the scheme has them, the timestamp and message id. `webhook send` calls
/// this too.
pub fn sign(
    scheme: &Scheme,
    secret: &crate::secret::Secret,
    payload: &[u8],
    timestamp: i64,
    id: &str,
) -> Result<Vec<(String, String)>, String> {
    let ts = timestamp.to_string();
    let key = scheme.signing_key(secret.expose())?;
    let content = scheme.signed_content(&ts, id, payload)?;
    let tag = mac(scheme.algorithm(), &key, &[&content]);
    let value = scheme.header_value(&tag, &ts);
    let h = |n: &str, v: &str| (n.to_string(), v.to_string());
    Ok(match scheme.provider {
        Provider::Slack => vec![
            h("X-Slack-Request-Timestamp", &ts),
            h("X-Slack-Signature", &value),
        ],
        Provider::Standard => vec![
            h("webhook-id", id),
            h("webhook-timestamp", &ts),
            h("webhook-signature", &value),
        ],
        Provider::Timestamped => vec![
            h(&scheme.timestamp_header, &ts),
            h(&scheme.signature_header, &value),
        ],
        _ => vec![h(scheme.signature_header(), &value)],
    })
}

/// SHA-256 of some bytes, hex: how plumb fingerprints the signed content.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn signed(p: Provider, secret: &str, body: &[u8], ts: i64, id: &str) -> Vec<(String, String)> {
        sign(&Scheme::new(p), &Secret::new(secret), body, ts, id).unwrap()
    }

    #[test]
    fn facts_vector_standard_webhooks() {
        let h = signed(
            Provider::Standard,
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            br#"{"test": 2432232314}"#,
            1_614_265_330,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
        );
        assert_eq!(
            h[0],
            ("webhook-id".into(), "msg_p5jXN8AQM9LWM0D4loKWxJek".into())
        );
        assert_eq!(h[1].1, "1614265330");
        assert_eq!(h[2].1, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn facts_vector_github() {
        let h = signed(
            Provider::Github,
            "It's a Secret to Everybody",
            b"Hello, World!",
            0,
            "",
        );
        assert_eq!(
            h,
            vec![(
                "X-Hub-Signature-256".to_string(),
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
                    .to_string()
            )]
        );
    }

    #[test]
    fn facts_vector_stripe() {
        let h = signed(
            Provider::Stripe,
            "whsec_test_secret",
            br#"{"id":"evt_test_webhook","object":"event"}"#,
            1_700_000_000,
            "",
        );
        assert_eq!(
            h[0].1,
            "t=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990"
        );
    }

    #[test]
    fn facts_vector_shopify_and_woocommerce() {
        for p in [Provider::Shopify, Provider::Woocommerce] {
            let h = signed(p, "hush", br#"{"id":1}"#, 0, "");
            assert_eq!(
                h[0].1, "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=",
                "{p:?}"
            );
        }
        let woo = signed(Provider::Woocommerce, "hush", br#"{"id":1}"#, 0, "");
        assert_eq!(woo[0].0, "X-WC-Webhook-Signature");
    }

    #[test]
    fn facts_vector_mandrill() {
        let mut scheme = Scheme::new(Provider::Mandrill);
        scheme.url = Some("https://example.com/webhook".into());
        let h = sign(
            &scheme,
            &Secret::new("test-webhook-key"),
            b"mandrill_events=%5B%5D",
            0,
            "",
        )
        .unwrap();
        assert_eq!(
            h[0],
            (
                "X-Mandrill-Signature".into(),
                "02UwqnlC3560kgk/dUHSpOMCMDk=".into()
            )
        );
    }

    #[test]
    fn woocommerce_secrets_are_html_unescaped() {
        assert_eq!(html_decode("a&amp;b&lt;c&quot;"), "a&b<c\"");
        let plain = signed(Provider::Woocommerce, "a&b", b"x", 0, "");
        let escaped = signed(Provider::Woocommerce, "a&amp;b", b"x", 0, "");
        assert_eq!(plain, escaped);
        assert_eq!(html_escape("a&b<'\""), "a&amp;b&lt;&#039;&quot;");
        assert_eq!(html_decode(&html_escape("x&<>\"'y")), "x&<>\"'y");
    }

    #[test]
    fn slack_and_timestamped_sign_the_timestamp() {
        let h = signed(Provider::Slack, "s", b"body", 1_700_000_000, "");
        assert_eq!(
            h[0],
            ("X-Slack-Request-Timestamp".into(), "1700000000".into())
        );
        let want = hex::encode(mac(Algorithm::Sha256, b"s", &[b"v0:1700000000:body"]));
        assert_eq!(h[1].1, format!("v0={want}"));
        let h = signed(Provider::Timestamped, "s", b"body", 5, "");
        let want = hex::encode(mac(Algorithm::Sha256, b"s", &[b"5.body"]));
        assert_eq!(
            h,
            vec![
                ("X-Timestamp".into(), "5".into()),
                ("X-Signature".into(), want)
            ]
        );
    }

    #[test]
    fn constant_time_comparison_needs_equal_length() {
        assert!(same_tag(b"abc", b"abc"));
        assert!(!same_tag(b"abc", b"abd"));
        assert!(!same_tag(b"abc", b"ab"));
    }
}
