//! The flags of `plumb explain`, and the probe options they make.

use super::values::Context;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb explain 429\n  plumb explain 'Connection timeout' \
                        --context custom-node\n  plumb explain woocommerce_rest_authentication_error\n  \
                        plumb explain --list"
)]
pub struct Args {
    /// An HTTP status (429), a platform code (882), a log message, an error
    /// string or a sync status; several words are joined
    #[arg(value_name = "QUERY", required_unless_present = "list")]
    pub query: Vec<String>,
    /// Where the error happened, which changes who can fix it
    #[arg(long, value_enum, value_name = "CONTEXT")]
    pub context: Option<Context>,
    /// Print the whole catalogue
    #[arg(long, conflicts_with = "query")]
    pub list: bool,
}

impl From<Args> for crate::probes::explain::Options {
    fn from(a: Args) -> Self {
        Self {
            query: a.query,
            context: a.context.map(Into::into),
            list: a.list,
        }
    }
}
