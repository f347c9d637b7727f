//! `plumb serve`'s flags: the config whose entries it runs on demand, where
//! it listens and how many probes run at once.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Serves, until SIGINT or SIGTERM (or --max-time, when given):\n  \
                  /probe?check=NAME                 run the config entry NAME now; Prometheus metrics\n  \
                  /probe?module=NAME&target=VALUE   run module NAME for VALUE (checked against the module's kind)\n  \
                  /report?check=NAME (or module=…)  the same run as a JSON report\n  \
                  /metrics                          plumb serve's own metrics\n  \
                  /-/healthy                        OK\n\n\
                  Each probe is bounded by its entry's --timeout (× 3, or Prometheus' scrape timeout when shorter).\n\n\
                  Examples:\n  plumb serve --config plumb.toml\n  \
                  curl 'http://127.0.0.1:9787/probe?check=stripe-api'"
)]
pub struct Args {
    /// The TOML file whose [[check]] entries and [[module]]s may run (the format of doctor --config)
    #[arg(long, value_name = "FILE")]
    pub config: PathBuf,
    /// Address and port to listen on (loopback unless you choose otherwise)
    #[arg(long, default_value = "127.0.0.1:9787", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// Probes run at once; more are answered 503
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=1024), value_name = "N")]
    pub max_probes: u16,
}

impl Args {
    /// The probe's options, the config read and every entry checked first.
    pub fn options(self) -> crate::error::Result<crate::probes::doctor::serve::Options> {
        let served = super::doctor::load_served(&self.config)?;
        Ok(crate::probes::doctor::serve::Options {
            listen: self.listen,
            max_probes: usize::from(self.max_probes),
            catalogue: Arc::new(served),
            render,
        })
    }
}

/// A probe's report in `format`, as the app renders every report (through
/// the redactor), for machines: no colour, every check.
fn render(report: &crate::report::Report, format: crate::report::Format, code: u8) -> String {
    let options = crate::report::RenderOptions {
        format,
        color: false,
        quiet: false,
        verbose: true,
        fail_on: crate::report::Status::Fail,
    };
    crate::report::render(report, &options, code)
}
