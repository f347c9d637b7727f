//! The command line: global flags and the command table.
//!
//! Each command's clap `Args` lives in a file of its own here and converts
//! into its probe's plain `Options`. Adding a command means that file, its
//! variant in [`Command`] with its arm in [`Command::work`] (and its name
//! in [`Command::name`]), and its checks in `probes::CHECKS`
//! (docs/design.md, "Where new things go").

pub mod bundle;
pub mod check;
pub mod credential;
pub mod dns;
pub mod doctor;
pub mod endpoint;
pub mod explain;
pub mod har;
pub mod logs;
pub mod ratelimit;
pub mod records;
pub mod serve;
pub mod signature;
pub mod tls;
pub mod values;
pub mod webhook;

use crate::duration::parse_timeout;
use crate::error::Result;
use crate::run::Work;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;
use values::Format;

const AFTER_HELP: &str = "\
Exit codes:
  0  every check passed (warnings too, unless --fail-on warn)
  1  at least one check failed: plumb found a problem
  2  usage error or unusable input
  3  plumb could not complete (internal error)

Environment:
  https_proxy, http_proxy, all_proxy, no_proxy (and upper case, except
  HTTP_PROXY): HTTP requests and `plumb tls` go through an http:// proxy
  as curl's do; loopback and --address never do. NO_COLOR, CLICOLOR_FORCE:
  colour with --color auto. Service credentials: see each command's help.

Run 'plumb help COMMAND' or 'plumb COMMAND --help' for a command's flags.";

/// Diagnose third-party integrations: name the cause, print the remedy.
#[derive(Debug, Parser)]
#[command(
    name = "plumb",
    version,
    about = "Diagnose third-party integrations (Shopify, Mailchimp, Stripe, WooCommerce, signed webhooks)",
    long_about = "Diagnose third-party integrations (Shopify, Mailchimp, Stripe, WooCommerce and any \
                  service that signs webhooks). Every command prints a report that names the cause \
                  and the remedy, and exits with a code a pipeline can gate on.",
    after_help = AFTER_HELP,
    arg_required_else_help = true,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts, before or after the command name.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Report format
    #[arg(long, global = true, value_enum, default_value_t = Format::Text, value_name = "FORMAT")]
    pub format: Format,
    /// Short for --format json
    #[arg(long, global = true)]
    pub json: bool,
    /// Write the report to FILE instead of standard output
    #[arg(short = 'o', long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// When to colour the text report [NO_COLOR and CLICOLOR_FORCE are honoured with auto]
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Bound for each network operation (500ms, 5s, 1m)
    #[arg(long, global = true, default_value = "10s", value_parser = parse_timeout, value_name = "DURATION")]
    pub timeout: Duration,
    /// Bound for the whole run: no step starts after it and the process ends soon after it [default: 5 × --timeout]
    #[arg(long, global = true, value_parser = parse_timeout, value_name = "DURATION")]
    pub max_time: Option<Duration>,
    /// An extra trust anchor (PEM) for every TLS connection
    #[arg(long, global = true, value_name = "PEM")]
    pub ca_file: Option<PathBuf>,
    /// The lowest status that makes plumb exit 1
    #[arg(long, global = true, value_enum, default_value_t = FailOn::Fail, value_name = "STATUS")]
    pub fail_on: FailOn,
    /// Print only the summary and the checks that fail the run
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print the evidence of checks that passed
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// The command line with each command's long help (`--help`) ending in
/// the checks it reports, from their declarations. Everything that parses
/// or documents plumb's command line starts here.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    for (path, defs) in crate::probes::CHECKS {
        if *path == crate::probes::EVERY_COMMAND {
            continue;
        }
        let names: Vec<&str> = path.split(' ').collect();
        add_checks(&mut cmd, &names, &checks_help(defs));
    }
    cmd
}

/// Appends `list` to the long help of the subcommand at `path`, in place,
/// so the commands keep their order in help and completions.
fn add_checks(cmd: &mut clap::Command, path: &[&str], list: &str) {
    let Some((name, rest)) = path.split_first() else {
        *cmd = append_long_help(std::mem::take(cmd), list);
        return;
    };
    if let Some(sub) = cmd.get_subcommands_mut().find(|s| s.get_name() == *name) {
        add_checks(sub, rest, list);
    }
}

fn append_long_help(cmd: clap::Command, list: &str) -> clap::Command {
    let before = cmd
        .get_after_long_help()
        .or_else(|| cmd.get_after_help())
        .map(|s| format!("{s}\n\n"))
        .unwrap_or_default();
    cmd.after_long_help(format!("{before}{list}"))
}

/// `Checks:` and one line per declared check.
fn checks_help(defs: &[&crate::report::Def]) -> String {
    let mut out = String::from("Checks:");
    for def in defs {
        out.push_str(&format!("\n  {}\n      {}", def.id, def.judges));
    }
    out
}

/// clap's multi-line error as one line, keeping the tip or the list of
/// possible values.
pub fn clap_message(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    // The first paragraph is the error with any list it names (missing
    // arguments, possible values); later ones hold tips and usage.
    let first = paragraphs
        .next()
        .unwrap_or("invalid command line")
        .trim_start_matches("error: ");
    let mut out = first.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    for extra in paragraphs.flat_map(str::lines).map(str::trim) {
        if extra.starts_with("tip:") || extra.starts_with("[possible values") {
            out.push_str("; ");
            out.push_str(extra);
        }
    }
    out.push_str(" (see 'plumb --help')");
    crate::error::one_line(&out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Fail,
    Warn,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain an error code, HTTP status, log message or sync status, with the fix
    Explain(explain::Args),
    /// Identify a credential (API key, token, webhook secret, JWT) and spot copy mistakes
    Credential(credential::Args),
    /// Check a server's TLS: versions, certificate name, trust, expiry and interception
    Tls(tls::Args),
    /// Make one HTTP request with a timing breakdown; explain the status; check CORS
    Endpoint(endpoint::Args),
    /// Run many checks at once: the built-in health check, or the entries of a config file
    Doctor(doctor::Args),
    /// Check exported records before a sync (validate) or compare two exports (diff)
    Records(records::Args),
    /// Check a service's credentials, permissions and account (Shopify, Mailchimp, Stripe, WooCommerce)
    Check(check::Args),
    /// Resolve names through the system and public resolvers; spot filtering, split horizon and sinkholes
    Dns(dns::Args),
    /// Read rate-limit headers, probe a limit at a steady pace, plan a sync against documented limits
    #[command(name = "rate-limit")]
    RateLimit(ratelimit::Args),
    /// Verify a webhook signature and, when it does not match, say why
    #[command(name = "verify-signature")]
    VerifySignature(signature::VerifyArgs),
    /// Print the signature headers a webhook sender would add to a payload
    Sign(signature::SignArgs),
    /// Send signed test deliveries to a webhook endpoint
    Webhook(webhook::Args),
    /// Classify integration logs (timeouts, 401/403/429, validation, signatures, 5xx, TLS, DNS)
    Logs(logs::Args),
    /// Write one redacted archive for a support ticket: doctor report, environment, logs, records
    Bundle(bundle::Args),
    /// Run config entries on demand over HTTP for Prometheus (/probe, /report, /metrics)
    Serve(serve::Args),
    /// Read a browser's HAR export: failed and blocked requests, slow phases, rate limits, leaked credentials
    Har(har::Args),
}

impl Command {
    /// The command's name as reports and JSON carry it.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Explain(_) => "explain",
            Command::Credential(_) => "credential",
            Command::Tls(_) => "tls",
            Command::Endpoint(_) => "endpoint",
            Command::Doctor(_) => "doctor",
            Command::Records(_) => "records",
            Command::Check(_) => "check",
            Command::Dns(_) => "dns",
            Command::RateLimit(_) => "rate-limit",
            Command::VerifySignature(_) => "verify-signature",
            Command::Sign(_) => "sign",
            Command::Webhook(a) => a.command.name(),
            Command::Logs(_) => "logs",
            Command::Bundle(_) => "bundle",
            Command::Serve(_) => "serve",
            Command::Har(args) if args.action.is_some() => "har redact",
            Command::Har(_) => "har",
        }
    }

    /// Hands `-o` to a command whose product is a file rather than the
    /// report (`har redact`, `bundle`); the report then goes to standard output.
    pub fn take_output(&mut self, output: &mut Option<PathBuf>) {
        // `plumb bundle -o FILE` names the archive (`--inspect` reports
        // like any command).
        if let Command::Bundle(args) = self {
            if args.inspect.is_none() {
                args.archive = output.take();
            }
        }
        if let Command::Har(args) = self {
            args.take_output(output);
        }
    }

    /// The run's budget without `--max-time`: [`crate::context::BUDGET_FACTOR`]
    /// × `--timeout`, plus the planned sending time of a rate-limit probe,
    /// whose steady pace is the point of the command.
    pub fn default_budget(&self, timeout: Duration) -> Duration {
        let base = timeout.saturating_mul(crate::context::BUDGET_FACTOR);
        match self {
            // A server runs until it is stopped; --max-time, when given,
            // is how long it serves.
            Command::Serve(_) => Duration::MAX,
            Command::RateLimit(args) => base.saturating_add(
                crate::probes::ratelimit::Options::from(args.clone()).planned_time(),
            ),
            Command::Webhook(args) => match &args.command {
                webhook::WebhookCommand::Listen(l) => {
                    crate::probes::webhook::listen::ListenOptions::from(l.clone()).budget(base)
                }
                webhook::WebhookCommand::Send(_)
                | webhook::WebhookCommand::Audit(_)
                | webhook::WebhookCommand::Replay(_)
                | webhook::WebhookCommand::Events(_) => base,
            },
            _ => base,
        }
    }

    /// The command's work with its arguments bound. One arm per command:
    /// an async probe can only become [`Work::network`], so whether a
    /// command needs the runtime is the compiler's to check.
    pub fn work(self) -> Result<Work> {
        use crate::probes::{
            check, credential, dns, endpoint, explain, har, logs, ratelimit, records, tls, webhook,
        };
        use webhook::signature;
        Ok(match self {
            Command::Explain(args) => {
                let args = args.into();
                Work::offline(move |ctx| explain::run(args, ctx))
            }
            Command::Credential(args) => {
                let args = args.into();
                Work::offline(move |ctx| credential::run(args, ctx))
            }
            Command::Tls(args) => {
                let args = args.into();
                Work::network(move |ctx| async move { tls::run(args, &ctx).await })
            }
            Command::Endpoint(args) => {
                let args = args.into();
                Work::network(move |ctx| async move { endpoint::run(args, &ctx).await })
            }
            Command::Doctor(args) => {
                let entries = doctor::entries(&args)?;
                let args = args.into();
                Work::network(move |ctx| async move {
                    crate::probes::doctor::run(args, entries, &ctx).await
                })
            }
            Command::Records(args) => {
                let args = args.into();
                Work::offline(move |ctx| records::run(args, ctx))
            }
            Command::Check(args) => {
                let args: check::Options = args.into();
                // `check --offline` makes no call, so it starts no runtime.
                if args.offline {
                    Work::offline(move |ctx| crate::run::ready(check::run(args, ctx)))
                } else {
                    Work::network(move |ctx| async move { check::run(args, &ctx).await })
                }
            }
            Command::Dns(args) => {
                let args = args.into();
                Work::network(move |ctx| async move { dns::run(args, &ctx).await })
            }
            Command::RateLimit(args) => {
                let args: ratelimit::Options = args.into();
                if args.needs_runtime() {
                    Work::network(move |ctx| async move { ratelimit::run(args, &ctx).await })
                } else {
                    Work::offline(move |ctx| crate::run::ready(ratelimit::run(args, ctx)))
                }
            }
            Command::VerifySignature(args) => {
                let args = args.into();
                Work::offline(move |ctx| signature::run_verify(args, ctx))
            }
            Command::Sign(args) => {
                let args = args.into();
                Work::offline(move |ctx| signature::run_sign(args, ctx))
            }
            Command::Webhook(args) => {
                let args = args.into();
                Work::network(move |ctx| async move { webhook::run(args, &ctx).await })
            }
            Command::Logs(args) => {
                let args = args.into();
                Work::offline(move |ctx| logs::run(args, ctx))
            }
            Command::Bundle(args) => bundle::work(args)?,
            Command::Serve(args) => {
                let options = args.options()?;
                Work::network(move |ctx| async move {
                    crate::probes::doctor::serve::run(options, &ctx).await
                })
            }
            Command::Har(args) => match args.action {
                Some(self::har::Action::Redact(r)) => {
                    let args = r.into();
                    Work::offline(move |ctx| har::run_redact(args, ctx))
                }
                None => {
                    let args = har::Options {
                        file: args.file.unwrap_or_default(),
                        max_input_size: args.max_input_size,
                    };
                    Work::offline(move |ctx| har::run(args, ctx))
                }
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Advice may only point at commands that ship.
    #[test]
    fn catalog_mentions_only_commands_that_ship() {
        let cli = Cli::command();
        let shipped: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        for e in crate::catalog::ENTRIES {
            let texts = e
                .remedy
                .iter()
                .chain(e.contexts.iter().flat_map(|(_, s)| s.iter()));
            for text in texts.chain(std::iter::once(&e.meaning)) {
                for (i, _) in text.match_indices("plumb ") {
                    let word: String = text[i + 6..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                        .collect();
                    assert!(
                        shipped.contains(&word.as_str()),
                        "{} mentions 'plumb {word}'",
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
        super::command().debug_assert();
    }
}
