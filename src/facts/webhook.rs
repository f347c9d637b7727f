//! The senders of signed webhooks plumb knows, and what each expects of a
//! receiver that more than one command judges by (docs/providers.md,
//! "Delivery deadlines and retries").

use std::time::Duration;

/// Who signed the delivery, and so how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Stripe-Signature: t=…,v1=hex over "{t}.{body}"
    Stripe,
    /// X-Shopify-Hmac-Sha256: base64 over the body
    Shopify,
    /// X-WC-Webhook-Signature: base64 over the body
    Woocommerce,
    /// X-Hub-Signature-256: sha256=hex over the body
    Github,
    /// X-Slack-Signature: v0=hex over "v0:{ts}:{body}"
    Slack,
    /// Standard Webhooks / Svix: webhook-signature: v1,base64 over "{id}.{ts}.{body}"
    Standard,
    /// Mailchimp Transactional: X-Mandrill-Signature over the URL and the sorted form fields (needs --url)
    Mandrill,
    /// HMAC over "{timestamp}.{body}" in headers named by --signature-header/--timestamp-header
    Timestamped,
    /// Plain HMAC of the body (--algorithm, --encoding)
    Hmac,
}

impl Provider {
    pub const ALL: [Provider; 9] = [
        Provider::Stripe,
        Provider::Shopify,
        Provider::Woocommerce,
        Provider::Github,
        Provider::Slack,
        Provider::Standard,
        Provider::Mandrill,
        Provider::Timestamped,
        Provider::Hmac,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Stripe => "stripe",
            Provider::Shopify => "shopify",
            Provider::Woocommerce => "woocommerce",
            Provider::Github => "github",
            Provider::Slack => "slack",
            Provider::Standard => "standard",
            Provider::Mandrill => "mandrill",
            Provider::Timestamped => "timestamped",
            Provider::Hmac => "hmac",
        }
    }
}

/// How long each provider waits for a delivery's answer, as its
/// documentation states (sources in docs/providers.md); 10 s where none
/// is documented.
pub fn deadline(provider: Provider) -> Duration {
    Duration::from_secs(match provider {
        Provider::Shopify => 5,
        Provider::Slack => 3,
        Provider::Github => 10,
        Provider::Woocommerce => 60,
        Provider::Standard => 15,
        Provider::Stripe | Provider::Mandrill | Provider::Timestamped | Provider::Hmac => 10,
    })
}
