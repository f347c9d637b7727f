//! Clap's view of the domain's choice lists: each enum below mirrors one
//! of the domain (same variants, same names, same help), so `--help`,
//! completions and parsing come from clap while the probes stay free of it.
//! `choices!` converts both ways, so a variant added on one side only is a
//! compile error.

macro_rules! choices {
    ($(#[$m:meta])* $name:ident => $domain:path { $($(#[$vm:meta])* $variant:ident,)* }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
        $(#[$m])*
        pub enum $name {
            $($(#[$vm])* $variant,)*
        }
        impl From<$name> for $domain {
            fn from(v: $name) -> Self {
                match v {
                    $($name::$variant => <$domain>::$variant,)*
                }
            }
        }
        impl From<$domain> for $name {
            fn from(v: $domain) -> Self {
                match v {
                    $(<$domain>::$variant => $name::$variant,)*
                }
            }
        }
    };
}

choices! {
/// Where an integration sits, which changes who can fix an error.
Context => crate::catalog::Context {
    /// An outside system calls your platform's webhook URL.
    InboundWebhook,
    /// Your platform delivers events to an endpoint someone configured.
    OutboundWebhook,
    /// A step you configured that calls a third-party API directly.
    CustomNode,
    /// A ready-made connector to a third-party service.
    Prebuilt,
    /// Events your own systems post into the platform.
    CustomEvent,
}
}

choices! {
/// The record types plumb asks for.
#[value(rename_all = "UPPERCASE")]
QType => crate::net::dns::QType {
    A,
    #[value(name = "AAAA")]
    Aaaa,
    #[value(name = "CNAME")]
    Cname,
    #[value(name = "MX")]
    Mx,
    #[value(name = "TXT")]
    Txt,
}
}

choices! {
/// A service plumb knows. (No doc comment per variant: clap would turn
/// every `--service` help into the long form.)
Service => crate::service::Service {
    Shopify,
    Mailchimp,
    Stripe,
    Woocommerce,
}
}

choices! {
/// What a credential is meant to do.
Use => crate::probes::credential::Use {
    /// Server-side calls to the Stripe API
    StripeApi,
    /// Verifying Stripe webhook signatures
    StripeWebhook,
    /// Shopify Admin API calls
    ShopifyAdmin,
    /// Verifying Shopify webhook signatures
    ShopifyWebhook,
    /// Mailchimp Marketing API calls
    Mailchimp,
    /// The WooCommerce REST consumer key
    WoocommerceKey,
    /// The WooCommerce REST consumer secret
    WoocommerceSecret,
    /// Verifying WooCommerce webhook signatures
    WoocommerceWebhook,
    /// Verifying Standard Webhooks / Svix signatures
    StandardWebhook,
}
}

choices! {
Mode => crate::probes::ratelimit::Mode {
    Live,
    Test,
}
}

choices! {
/// Who signed the delivery, and so how.
Provider => crate::probes::webhook::signature::Provider {
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
}

choices! {
Algorithm => crate::probes::webhook::signature::Algorithm {
    Sha256,
    Sha1,
    Sha512,
}
}

choices! {
Encoding => crate::probes::webhook::signature::Encoding {
    Hex,
    Base64,
}
}

choices! {
/// Output formats (`--format`).
Format => crate::report::Format {
    Text,
    Json,
    Junit,
    Github,
    Prometheus,
}
}
