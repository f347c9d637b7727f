//! The flags of `plumb check SERVICE`, and the probe options they make.

use crate::context::Ctx;
use crate::error::Result;
use crate::probes::check::secret_arg;
use crate::probes::check::shopify::{api_version, DEFAULT_API_VERSION};
use crate::report::Report;
use crate::secret::Secret;
use std::future::Future;
use std::pin::Pin;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    SHOPIFY_ACCESS_TOKEN=shpat_… plumb check shopify --store acme\n  \
    plumb check mailchimp --api-key …-us6 --account-url https://us6.admin.mailchimp.com --offline\n  \
    STRIPE_API_KEY=sk_test_… plumb check stripe --webhook-url https://example.com/hooks/stripe\n  \
    plumb check woocommerce --url https://shop.example.com --consumer-key ck_… --consumer-secret cs_…\n  \
    plumb check stripe --api-base http://127.0.0.1:12111")]
pub struct Args {
    #[command(subcommand)]
    pub service: Service,
    /// Send every call to this scheme://host[:port] instead of the service's own (a mock, a proxy); paths stay as documented
    #[arg(long, global = true, value_name = "URL")]
    pub api_base: Option<String>,
    /// Run only the format checks: no network call is made
    #[arg(long, global = true)]
    pub offline: bool,
}

impl From<Args> for crate::probes::check::Options {
    fn from(a: Args) -> Self {
        Self {
            service: a.service.into(),
            api_base: a.api_base,
            offline: a.offline,
            tls: tls_probe,
        }
    }
}

/// `plumb tls HOST:PORT` with its defaults, as the service checks run it
/// ([`crate::probes::check::TlsProbe`]).
pub fn tls_probe(target: String, ctx: &Ctx) -> Pin<Box<dyn Future<Output = Result<Report>> + '_>> {
    let args = crate::probes::tls::Options::for_target(target);
    Box::pin(crate::probes::tls::run(args, ctx))
}

#[derive(Debug, clap::Subcommand)]
pub enum Service {
    /// Shopify: store address, Admin API token, auth, scopes, plan, API version, call limit
    Shopify(ShopifyArgs),
    /// Mailchimp: key format, data centre against the account URL, auth, account
    Mailchimp(MailchimpArgs),
    /// Stripe: key kind and mode, auth, the webhook endpoint, its events, the signing secret
    Stripe(StripeArgs),
    /// WooCommerce: HTTPS, REST API and wc/v3, permalinks, key formats, auth
    Woocommerce(WoocommerceArgs),
}

impl From<Service> for crate::probes::check::Service {
    fn from(a: Service) -> Self {
        match a {
            Service::Shopify(x) => Self::Shopify(x.into()),
            Service::Mailchimp(x) => Self::Mailchimp(x.into()),
            Service::Stripe(x) => Self::Stripe(x.into()),
            Service::Woocommerce(x) => Self::Woocommerce(x.into()),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ShopifyArgs {
    /// The store: NAME, NAME.myshopify.com or an admin URL
    #[arg(
        long,
        env = "SHOPIFY_STORE",
        hide_env_values = true,
        value_name = "STORE"
    )]
    pub store: Option<String>,
    /// Admin API access token (shpat_, shpca_, shppa_ or a legacy 32-hex token)
    #[arg(long, env = "SHOPIFY_ACCESS_TOKEN", hide_env_values = true, value_parser = secret_arg, value_name = "TOKEN")]
    pub token: Option<Secret>,
    /// Read --token from this file instead ('-' for standard input); wins over --token and SHOPIFY_ACCESS_TOKEN
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<std::path::PathBuf>,
    /// Admin API version to call (YYYY-MM)
    #[arg(long, default_value = DEFAULT_API_VERSION, value_parser = api_version, value_name = "VERSION")]
    pub api_version: String,
    /// Also require this access scope (repeatable)
    #[arg(long, value_name = "SCOPE")]
    pub require_scope: Vec<String>,
}

impl From<ShopifyArgs> for crate::probes::check::shopify::Options {
    fn from(a: ShopifyArgs) -> Self {
        Self {
            store: a.store,
            token: a.token,
            token_file: a.token_file,
            api_version: a.api_version,
            require_scope: a.require_scope,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct MailchimpArgs {
    /// Marketing API key (32 hex characters, a dash, the data centre: …-us6)
    #[arg(long, env = "MAILCHIMP_API_KEY", hide_env_values = true, value_parser = secret_arg, value_name = "KEY")]
    pub api_key: Option<Secret>,
    /// Read --api-key from this file instead ('-' for standard input); wins over --api-key and MAILCHIMP_API_KEY
    #[arg(long, value_name = "FILE")]
    pub api_key_file: Option<std::path::PathBuf>,
    /// The account's admin URL as the browser shows it (https://us6.admin.mailchimp.com)
    #[arg(long, value_name = "URL")]
    pub account_url: Option<String>,
}

impl From<MailchimpArgs> for crate::probes::check::mailchimp::Options {
    fn from(a: MailchimpArgs) -> Self {
        Self {
            api_key: a.api_key,
            api_key_file: a.api_key_file,
            account_url: a.account_url,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct StripeArgs {
    /// Secret (sk_) or restricted (rk_) API key
    #[arg(long, env = "STRIPE_API_KEY", hide_env_values = true, value_parser = secret_arg, value_name = "KEY")]
    pub api_key: Option<Secret>,
    /// Read --api-key from this file instead ('-' for standard input); wins over --api-key and STRIPE_API_KEY
    #[arg(long, value_name = "FILE")]
    pub api_key_file: Option<std::path::PathBuf>,
    /// The URL Stripe should deliver webhooks to: its endpoint and events are checked
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,
    /// The endpoint's signing secret (whsec_…), checked for its format
    #[arg(long, env = "STRIPE_WEBHOOK_SECRET", hide_env_values = true, value_parser = secret_arg, value_name = "SECRET")]
    pub webhook_secret: Option<Secret>,
    /// Read --webhook-secret from this file instead ('-' for standard input); wins over --webhook-secret and STRIPE_WEBHOOK_SECRET
    #[arg(long, value_name = "FILE")]
    pub webhook_secret_file: Option<std::path::PathBuf>,
    /// Also require the customer.subscription.* events
    #[arg(long)]
    pub subscriptions: bool,
}

impl From<StripeArgs> for crate::probes::check::stripe::Options {
    fn from(a: StripeArgs) -> Self {
        Self {
            api_key: a.api_key,
            api_key_file: a.api_key_file,
            webhook_url: a.webhook_url,
            webhook_secret: a.webhook_secret,
            webhook_secret_file: a.webhook_secret_file,
            subscriptions: a.subscriptions,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct WoocommerceArgs {
    /// The store's address (https://shop.example.com, or the WordPress folder)
    #[arg(long, env = "WC_STORE_URL", hide_env_values = true, value_name = "URL")]
    pub url: Option<String>,
    /// REST API consumer key (ck_…)
    #[arg(long, env = "WC_CONSUMER_KEY", hide_env_values = true, value_parser = secret_arg, value_name = "KEY")]
    pub consumer_key: Option<Secret>,
    /// Read --consumer-key from this file instead ('-' for standard input); wins over --consumer-key and WC_CONSUMER_KEY
    #[arg(long, value_name = "FILE")]
    pub consumer_key_file: Option<std::path::PathBuf>,
    /// REST API consumer secret (cs_…)
    #[arg(long, env = "WC_CONSUMER_SECRET", hide_env_values = true, value_parser = secret_arg, value_name = "SECRET")]
    pub consumer_secret: Option<Secret>,
    /// Read --consumer-secret from this file instead ('-' for standard input); wins over --consumer-secret and WC_CONSUMER_SECRET
    #[arg(long, value_name = "FILE")]
    pub consumer_secret_file: Option<std::path::PathBuf>,
}

impl From<WoocommerceArgs> for crate::probes::check::woocommerce::Options {
    fn from(a: WoocommerceArgs) -> Self {
        Self {
            url: a.url,
            consumer_key: a.consumer_key,
            consumer_key_file: a.consumer_key_file,
            consumer_secret: a.consumer_secret,
            consumer_secret_file: a.consumer_secret_file,
        }
    }
}
