//! The flags of `plumb credential`, and the probe options they make.

use super::values::Use;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  plumb credential sk_live_…\n  \
                        printenv STRIPE_API_KEY | plumb credential --for stripe-api\n  \
                        plumb credential --env SHOPIFY_ACCESS_TOKEN --for shopify-admin")]
pub struct Args {
    /// The credential. Omit it to read standard input, which keeps it out
    /// of shell history
    #[arg(value_name = "VALUE", conflicts_with = "env")]
    pub value: Option<String>,
    /// Read the credential from this environment variable
    #[arg(long, value_name = "NAME")]
    pub env: Option<String>,
    /// What the credential is meant for: a credential of another kind fails
    #[arg(long = "for", value_enum, value_name = "USE")]
    pub intended: Option<Use>,
    /// Judge token times against this moment (Unix seconds) instead of now
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub now: Option<i64>,
}

impl From<Args> for crate::probes::credential::Options {
    fn from(a: Args) -> Self {
        Self {
            value: a.value,
            env: a.env,
            intended: a.intended.map(Into::into),
            now: a.now,
        }
    }
}
