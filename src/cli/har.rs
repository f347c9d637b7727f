//! The flags of `plumb har` and `plumb har redact`, and the probe options
//! they make.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Examples:\n  plumb har checkout.har\n  \
                  plumb har checkout.har --json\n  \
                  plumb har redact checkout.har -o checkout.safe.har"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// The HAR file, as Chrome, Firefox or Safari save it ('-' reads
    /// standard input)
    #[arg(value_name = "FILE", required = true)]
    pub file: Option<PathBuf>,
    /// Read at most this much of the file (K, M, G)
    #[arg(long, default_value = "1G", value_parser = crate::size::parse_size, value_name = "SIZE")]
    pub max_input_size: u64,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Write the same HAR with every secret and cookie masked (-o FILE)
    Redact(RedactArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  plumb har redact checkout.har -o checkout.safe.har")]
pub struct RedactArgs {
    /// The HAR file to redact
    #[arg(value_name = "FILE")]
    pub input: PathBuf,
    /// Read at most this much of the file (K, M, G)
    #[arg(long, default_value = "1G", value_parser = crate::size::parse_size, value_name = "SIZE")]
    pub max_input_size: u64,
    /// Set from the global -o, which names the redacted HAR here.
    #[arg(skip)]
    pub output: Option<PathBuf>,
}

impl From<RedactArgs> for crate::probes::har::RedactOptions {
    fn from(a: RedactArgs) -> Self {
        Self {
            input: a.input,
            output: a.output,
            max_input_size: a.max_input_size,
        }
    }
}

impl Args {
    /// `har redact` writes the HAR to `-o`; the report then goes to
    /// standard output. Takes the path when this is `har redact`.
    pub fn take_output(&mut self, output: &mut Option<PathBuf>) {
        if let Some(Action::Redact(r)) = &mut self.action {
            r.output = output.take();
        }
    }
}
