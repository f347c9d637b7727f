//! The flags of `plumb tls`, and the probe options they make.

use crate::probes::tls::DEFAULT_WARN_DAYS;
use std::net::IpAddr;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb tls api.stripe.com\n  plumb tls shop.example.com:8443 --warn-days 14\n  \
                        plumb tls api.stripe.com --address 203.0.113.7\n  plumb tls api.example.com --all-addresses"
)]
pub struct Args {
    /// The server: HOST, HOST:PORT, [IPv6]:PORT or an https:// URL (port 443 by default)
    #[arg(value_name = "HOST[:PORT]")]
    pub target: String,
    /// The name to send in SNI and check the certificate against (default: HOST)
    #[arg(long, value_name = "NAME")]
    pub servername: Option<String>,
    /// Connect to this address instead of resolving HOST (like curl --resolve), never through a proxy
    #[arg(long, value_name = "IP", conflicts_with = "all_addresses")]
    pub address: Option<IpAddr>,
    /// Warn when the certificate expires within this many days
    #[arg(
        long,
        default_value_t = DEFAULT_WARN_DAYS,
        value_name = "DAYS",
        allow_negative_numbers = true
    )]
    pub warn_days: u32,
    /// Handshake with every address HOST resolves to and compare certificates (skipped through a proxy)
    #[arg(long)]
    pub all_addresses: bool,
}

impl From<Args> for crate::probes::tls::Options {
    fn from(a: Args) -> Self {
        Self {
            target: a.target,
            servername: a.servername,
            address: a.address,
            warn_days: a.warn_days,
            all_addresses: a.all_addresses,
        }
    }
}
