//! The flags of `plumb dns`, and the probe options they make.

use super::values::{QType, Service};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  plumb dns api.stripe.com\n  \
                        plumb dns acme.myshopify.com --resolver 10.0.0.53 --resolver 1.1.1.1\n  \
                        plumb dns --service shopify --store acme\n  \
                        plumb dns example.com --type MX,TXT\n\n\
                        With several names, each check id carries the name: dns.resolve[api.stripe.com].")]
pub struct Args {
    /// Host names to resolve
    #[arg(value_name = "NAME", required_unless_present = "service")]
    pub names: Vec<String>,
    /// Record types to ask for (comma-separated or repeated)
    #[arg(
        long = "type",
        value_enum,
        value_delimiter = ',',
        ignore_case = true,
        value_name = "TYPE",
        default_values_t = crate::probes::dns::DEFAULT_TYPES.map(QType::from)
    )]
    pub types: Vec<QType>,
    /// Ask this resolver instead of the public ones (repeatable; port 53 unless given)
    #[arg(long = "resolver", value_name = "IP[:PORT]")]
    pub resolvers: Vec<String>,
    /// Do not ask the system resolver (/etc/resolv.conf)
    #[arg(long)]
    pub no_system: bool,
    /// Also resolve the host names this service's API needs: shopify (NAME.myshopify.com from --store), mailchimp (DC.api.mailchimp.com from --dc or MAILCHIMP_API_KEY), stripe (api.stripe.com), woocommerce (the host of --url)
    #[arg(long, value_enum, value_name = "SERVICE")]
    pub service: Option<Service>,
    /// Shopify store for --service shopify: NAME, NAME.myshopify.com or the admin URL
    #[arg(long, value_name = "STORE", env = "SHOPIFY_STORE")]
    pub store: Option<String>,
    /// Store address for --service woocommerce
    #[arg(long, value_name = "URL", env = "WC_STORE_URL")]
    pub url: Option<String>,
    /// Mailchimp data centre for --service mailchimp (us6); taken from the
    /// MAILCHIMP_API_KEY suffix when not given
    #[arg(long, value_name = "DC")]
    pub dc: Option<String>,
}

impl From<Args> for crate::probes::dns::Options {
    fn from(a: Args) -> Self {
        Self {
            names: a.names,
            types: a.types.into_iter().map(Into::into).collect(),
            resolvers: a.resolvers,
            no_system: a.no_system,
            service: a.service.map(Into::into),
            store: a.store,
            url: a.url,
            dc: a.dc,
        }
    }
}
