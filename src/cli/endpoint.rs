//! The flags of `plumb endpoint`, and the probe options they make.

use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb endpoint https://example.com/webhooks/stripe --method POST --data '{}'\n  \
                        plumb endpoint https://api.example.com/v1/items --origin https://app.example.com\n  \
                        plumb endpoint https://shop.example.com/wp-json/ -H 'Accept: application/json'"
)]
pub struct Args {
    /// The URL to request (http or https)
    #[arg(value_name = "URL")]
    pub url: String,
    /// HTTP method
    #[arg(short = 'X', long, default_value = "GET", value_name = "METHOD")]
    pub method: String,
    /// Extra request header 'Name: value' (repeatable); credential headers are never printed
    #[arg(short = 'H', long = "header", value_name = "HEADER")]
    pub headers: Vec<String>,
    /// Request body, or @FILE to send a file's bytes
    #[arg(short = 'd', long, value_name = "DATA")]
    pub data: Option<String>,
    /// Also send a CORS preflight as a browser at this origin would
    #[arg(long, value_name = "ORIGIN")]
    pub origin: Option<String>,
    /// The longest the whole exchange may take (webhook senders give up after about 10 s)
    #[arg(long, default_value = "10s", value_parser = crate::duration::parse_timeout, value_name = "DURATION")]
    pub deadline: Duration,
    /// Show the response's status line and headers (like curl -i)
    #[arg(short = 'i', long)]
    pub include: bool,
    /// Connect to this address instead of resolving the URL's host (like curl --resolve); Host and TLS name stay the URL's, and no proxy is used
    #[arg(long, value_name = "IP")]
    pub address: Option<std::net::IpAddr>,
}

impl From<Args> for crate::probes::endpoint::Options {
    fn from(a: Args) -> Self {
        Self {
            url: a.url,
            method: a.method,
            headers: a.headers,
            data: a.data,
            origin: a.origin,
            deadline: a.deadline,
            include: a.include,
            address: a.address,
        }
    }
}
