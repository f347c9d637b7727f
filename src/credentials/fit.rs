//! What a credential is for: the uses plumb knows, and whether a kind of
//! credential can serve one (and if not, why and what to use instead).
//! `plumb credential --for` and the signature checks both ask.

use super::Kind;

/// What a credential is meant to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
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

impl Use {
    pub const ALL: [Use; 9] = [
        Use::StripeApi,
        Use::StripeWebhook,
        Use::ShopifyAdmin,
        Use::ShopifyWebhook,
        Use::Mailchimp,
        Use::WoocommerceKey,
        Use::WoocommerceSecret,
        Use::WoocommerceWebhook,
        Use::StandardWebhook,
    ];
}

/// When `value` is recognisably a credential of another
/// kind than `use_` needs, its label, why it does not fit, and the fix.
/// Values plumb cannot identify give `None`: their shape proves nothing.
pub fn misfit(value: &str, use_: Use) -> Option<(String, String, String)> {
    let id = super::identify(value.trim());
    if matches!(id.kind, Kind::Unknown | Kind::Hex32) {
        return None;
    }
    fits(&id.kind, use_)
        .err()
        .map(|(why, fix)| (id.label, why, fix))
}

/// Whether a credential of `kind` can serve `use_`; if not, why and the fix.
pub fn fits(kind: &Kind, use_: Use) -> std::result::Result<(), (String, String)> {
    let no = |why: &str, fix: &str| Err((why.to_string(), fix.to_string()));
    match (use_, kind) {
        (Use::StripeApi, Kind::StripeSecret { .. } | Kind::StripeRestricted { .. }) => Ok(()),
        (Use::StripeApi, Kind::StripePublishable { .. }) => no(
            "is meant for browsers and mobile apps and cannot call the server API",
            "Use a secret key (sk_) or a restricted key (rk_) from Developers > API keys.",
        ),
        (Use::StripeApi, Kind::WebhookSecret { .. }) => no(
            "verifies webhook signatures and cannot call the API",
            "Use a secret key (sk_) or a restricted key (rk_) for API calls.",
        ),
        (Use::StripeWebhook, Kind::WebhookSecret { .. }) => Ok(()),
        (Use::StripeWebhook, Kind::StripeSecret { .. } | Kind::StripeRestricted { .. } | Kind::StripePublishable { .. }) => no(
            "is an API key, not the webhook's signing secret",
            "Reveal the endpoint's signing secret (whsec_…) under Developers > Webhooks and use that, prefix included.",
        ),
        (Use::ShopifyAdmin, Kind::ShopifyToken { .. } | Kind::Hex32) => Ok(()),
        (Use::ShopifyAdmin, Kind::ShopifyAppSecret) => no(
            "signs webhooks and OAuth but cannot call the Admin API",
            "Use the app's Admin API access token (shpat_…) from the app's API credentials.",
        ),
        (Use::ShopifyWebhook, Kind::ShopifyAppSecret | Kind::Hex32) => Ok(()),
        (Use::ShopifyWebhook, Kind::ShopifyToken { .. }) => no(
            "is an access token, and Shopify never signs webhooks with one",
            "Use the app's client secret (shpss_…); webhooks created in the store admin (Settings > Notifications) are signed with the key shown there.",
        ),
        (Use::Mailchimp, Kind::Mailchimp { .. }) => Ok(()),
        (Use::Mailchimp, Kind::Hex32) => no(
            "lacks the -dc suffix every Mailchimp key ends with",
            "Copy the whole key from Account > Extras > API keys, including the -usN suffix.",
        ),
        (Use::WoocommerceKey, Kind::WooKey) | (Use::WoocommerceSecret, Kind::WooSecret) => Ok(()),
        (Use::WoocommerceKey, Kind::WooSecret) => no(
            "is the consumer secret (cs_), not the key (ck_)",
            "Swap them: the consumer key starts with ck_, the secret with cs_.",
        ),
        (Use::WoocommerceSecret, Kind::WooKey) => no(
            "is the consumer key (ck_), not the secret (cs_)",
            "Swap them: the consumer key starts with ck_, the secret with cs_.",
        ),
        (Use::WoocommerceWebhook, Kind::WooKey | Kind::WooSecret) => no(
            "is a REST API credential, not the webhook's own secret",
            "Use the secret set on the webhook itself (WooCommerce > Settings > Advanced > Webhooks).",
        ),
        (Use::WoocommerceWebhook, _) => Ok(()),
        (Use::StandardWebhook, Kind::WebhookSecret { .. }) => Ok(()),
        _ => no(
            &format!("is not what {} needs", use_name(use_)),
            &format!("Use the credential documented for {}.", use_name(use_)),
        ),
    }
}

/// What a use needs, in words.
fn use_name(use_: Use) -> &'static str {
    match use_ {
        Use::StripeApi => "the Stripe API (sk_ or rk_ key)",
        Use::StripeWebhook => "Stripe webhook verification (whsec_ secret)",
        Use::ShopifyAdmin => "the Shopify Admin API (shpat_, shpca_ or shppa_ token)",
        Use::ShopifyWebhook => "Shopify webhook verification (shpss_ client secret)",
        Use::Mailchimp => "the Mailchimp API (32 hex characters and -dc)",
        Use::WoocommerceKey => "the WooCommerce consumer key (ck_)",
        Use::WoocommerceSecret => "the WooCommerce consumer secret (cs_)",
        Use::WoocommerceWebhook => "WooCommerce webhook verification",
        Use::StandardWebhook => "Standard Webhooks verification (whsec_ secret)",
    }
}
