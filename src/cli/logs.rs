//! The flags of `plumb logs`, and the probe options they make.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  plumb logs integration.log\n  \
                        plumb logs app.log app.log.1.gz --json\n  \
                        kubectl logs deploy/sync | plumb logs -")]
pub struct Args {
    /// Log files: plain text or JSON lines, plain or compressed with gzip,
    /// xz, bzip2 or zstd; '-' reads standard input
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

impl From<Args> for crate::probes::logs::Options {
    fn from(a: Args) -> Self {
        Self { files: a.files }
    }
}
