//! The flags of `plumb records validate` and `plumb records diff`, and the probe options they make.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Records,
}

impl From<Args> for crate::probes::records::Options {
    fn from(a: Args) -> Self {
        Self {
            command: a.command.into(),
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Records {
    /// Find the records a sync would reject: emails, names, dates, phones,
    /// addresses, duplicates
    Validate(ValidateArgs),
    /// Compare two exports by key: missing, extra, repeated and changed records
    Diff(DiffArgs),
}

impl From<Records> for crate::probes::records::Records {
    fn from(a: Records) -> Self {
        match a {
            Records::Validate(x) => Self::Validate(x.into()),
            Records::Diff(x) => Self::Diff(x.into()),
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  plumb records validate customers.csv\n  \
                        plumb records validate export.jsonl.gz --default-region US --bad-out bad.csv\n  \
                        plumb records validate contacts.csv --column email=E-Mail --id-column Kundennr")]
pub struct ValidateArgs {
    /// Exports to check: CSV (comma, semicolon or tab), JSON lines or a
    /// JSON array; `-` reads standard input; gzip is read directly
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Map a field to a column whose name plumb does not recognise
    /// (repeatable), e.g. email=E-Mail
    #[arg(long = "column", value_name = "NAME=HEADER")]
    pub columns: Vec<String>,
    /// The column holding the record id [default: id, else the first column]
    #[arg(long, value_name = "COLUMN")]
    pub id_column: Option<String>,
    /// Region for phone numbers written without a country code (US, GB,
    /// DE…): the report then says what the E.164 form would be
    #[arg(long, value_name = "REGION")]
    pub default_region: Option<String>,
    /// Write the rows with problems (all their columns plus plumb_problems)
    /// to this CSV file
    #[arg(long, value_name = "FILE")]
    pub bad_out: Option<PathBuf>,
    /// Read at most this much data per file, after decompression (K, M, G)
    #[arg(long, default_value = "1G", value_parser = crate::size::parse_size, value_name = "SIZE")]
    pub max_input_size: u64,
    /// Stop writing --bad-out at this size (K, M, G)
    #[arg(long, default_value = "256M", value_parser = crate::size::parse_size, value_name = "SIZE")]
    pub max_bad_out: u64,
}

impl From<ValidateArgs> for crate::probes::records::validate::Options {
    fn from(a: ValidateArgs) -> Self {
        Self {
            files: a.files,
            columns: a.columns,
            id_column: a.id_column,
            default_region: a.default_region,
            bad_out: a.bad_out,
            max_input_size: a.max_input_size,
            max_bad_out: a.max_bad_out,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb records diff source.csv destination.csv --key id\n  \
                        plumb records diff shop.jsonl crm.csv --key email --ignore-column updated_at"
)]
pub struct DiffArgs {
    /// The source export
    #[arg(value_name = "A")]
    pub a: PathBuf,
    /// The destination export
    #[arg(value_name = "B")]
    pub b: PathBuf,
    /// The column that identifies a record in both files
    #[arg(long, value_name = "COLUMN")]
    pub key: String,
    /// A column not to compare, such as updated_at (repeatable)
    #[arg(long, value_name = "COLUMN")]
    pub ignore_column: Vec<String>,
    /// Read at most this much data per file, after decompression (K, M, G)
    #[arg(long, default_value = "1G", value_parser = crate::size::parse_size, value_name = "SIZE")]
    pub max_input_size: u64,
}

impl From<DiffArgs> for crate::probes::records::diff::Options {
    fn from(a: DiffArgs) -> Self {
        Self {
            a: a.a,
            b: a.b,
            key: a.key,
            ignore_column: a.ignore_column,
            max_input_size: a.max_input_size,
        }
    }
}
