//! `plumb doctor`'s flags and the entries it runs. In `plumb.toml` each
//! `run` is an ordinary plumb command line, parsed by the same clap
//! definition as the real one, so a config has no vocabulary of its own;
//! its relative paths are the config's neighbours. The built-in health
//! check's entries are made from values, straight into probe options.

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::probes::doctor::{Builtin, Entries, Entry};
use crate::run::Work;
use crate::service::Service;
use clap::parser::ValueSource;
use clap::FromArgMatches;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --config, doctor runs the built-in health check for this machine: proxy \
                  settings, clock skew, DNS and TLS reachability of the endpoints Stripe, Shopify, \
                  Mailchimp and (with WC_STORE_URL) WooCommerce need, and `check SERVICE` for \
                  every service whose credentials are in the environment.\n\n\
                  Examples:\n  plumb doctor\n  plumb doctor --init && plumb doctor --config plumb.toml\n  \
                  plumb doctor --config plumb.toml --format junit -o doctor.xml"
)]
pub struct Args {
    /// Run the entries of this TOML file instead of the built-in health check
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Write a commented example config (to --config FILE, or plumb.toml) and stop
    #[arg(long)]
    pub init: bool,
    /// Measure clock skew against this HTTPS server's Date header [default without --config: https://api.stripe.com/]
    #[arg(long, value_name = "URL")]
    pub time_server: Option<String>,
}

impl From<Args> for crate::probes::doctor::Options {
    fn from(a: Args) -> Self {
        Self {
            config: a.config,
            init: a.init,
            time_server: a.time_server,
        }
    }
}

/// Largest config file read.
const MAX_CONFIG: u64 = 1024 * 1024;
/// Most entries one config may hold.
pub const MAX_ENTRIES: usize = 64;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: Vec<RawEntry>,
    /// Entries with a `{target}` placeholder, which only `plumb serve`
    /// runs (for the target a scrape names); doctor leaves them out.
    #[serde(default)]
    module: Vec<RawModule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    name: String,
    /// What `{target}` must be: `host`, `url` or `shopify-store`.
    target: String,
    run: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    run: String,
}

/// Reads and validates a config: every entry must parse before any runs.
pub fn load(path: &Path) -> Result<Vec<Entry>> {
    let bytes = crate::input::read_file("--config", path, MAX_CONFIG)?;
    let shown = path.display();
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("--config {shown}: not UTF-8 text")))?;
    // A path in the file means a file beside it, wherever doctor runs from.
    let dir = path.parent().unwrap_or(Path::new(""));
    read(&text, dir).map_err(|e| Error::usage(format!("--config {shown}: {}", redact(&e))))
}

/// Parses config text, relative paths left relative to the working
/// directory; errors are one line without the file name, and never echo a
/// credential (see [`redact`]).
pub fn parse(text: &str) -> std::result::Result<Vec<Entry>, String> {
    read(text, Path::new("")).map_err(|e| redact(&e))
}

fn read(text: &str, dir: &Path) -> std::result::Result<Vec<Entry>, String> {
    let file = read_file(text)?;
    if file.check.is_empty() {
        return Err("no [[check]] entries: add one with a name and a run line (plumb doctor --init writes an example)".to_string());
    }
    lines(file.check)?
        .into_iter()
        .map(|(name, words)| entry_words(name, words, dir))
        .collect()
}

/// The `[[check]]` entries as names and split command lines, each name
/// checked and unique.
fn lines(check: Vec<RawEntry>) -> std::result::Result<Vec<(String, Vec<String>)>, String> {
    if check.len() > MAX_ENTRIES {
        return Err(format!(
            "{} entries: at most {MAX_ENTRIES} are allowed",
            check.len()
        ));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(check.len());
    for raw in check {
        let name = raw.name.trim().to_string();
        check_name(&name)?;
        if !seen.insert(name.clone()) {
            return Err(format!(
                "entry '{name}' appears twice: names must be unique"
            ));
        }
        let words = split(&name, &raw.run)?;
        out.push((name, words));
    }
    Ok(out)
}

fn split(name: &str, run: &str) -> std::result::Result<Vec<String>, String> {
    let words = shell_words::split(run).map_err(|e| format!("entry '{name}': run: {e}"))?;
    if words.is_empty() {
        return Err(format!("entry '{name}': run is empty"));
    }
    Ok(words)
}

fn read_file(text: &str) -> std::result::Result<File, String> {
    toml::from_str(text).map_err(|e| {
        // toml's message spans several lines with a source excerpt; the
        // first line plus the position is what a person needs.
        let first = e.message().lines().next().unwrap_or("invalid TOML").trim();
        match e.span() {
            Some(span) => format!("{first} (at line {})", line_of(text, span.start)),
            None => first.to_string(),
        }
    })
}

/// What `plumb serve` may run: a config's entries and modules, each
/// checked once here (a module with a sample target of its kind), kept as
/// command lines so that every probe makes a fresh entry.
#[derive(Debug, Clone)]
pub struct Served {
    dir: PathBuf,
    checks: Vec<(String, Vec<String>)>,
    modules: Vec<(
        String,
        crate::probes::doctor::serve::TargetKind,
        Vec<String>,
    )>,
}

/// The placeholder a module's run line names its target with.
pub const PLACEHOLDER: &str = "{target}";

/// Reads a config for `plumb serve`: entries and modules, every one of
/// which must parse before the server starts.
pub fn load_served(path: &Path) -> Result<Served> {
    let bytes = crate::input::read_file("--config", path, MAX_CONFIG)?;
    let shown = path.display();
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("--config {shown}: not UTF-8 text")))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    served(&text, dir).map_err(|e| Error::usage(format!("--config {shown}: {}", redact(&e))))
}

fn served(text: &str, dir: &Path) -> std::result::Result<Served, String> {
    use crate::probes::doctor::serve::TargetKind;
    let file = read_file(text)?;
    if file.check.is_empty() && file.module.is_empty() {
        return Err(
            "no [[check]] or [[module]] entries: plumb serve runs only what the config names"
                .to_string(),
        );
    }
    let checks = lines(file.check)?;
    for (name, words) in &checks {
        entry_words(name.clone(), words.clone(), dir)?;
    }
    let mut names: HashSet<String> = checks.iter().map(|(n, _)| n.clone()).collect();
    if file.module.len() > MAX_ENTRIES {
        return Err(format!(
            "{} modules: at most {MAX_ENTRIES} are allowed",
            file.module.len()
        ));
    }
    let mut modules = Vec::new();
    for raw in file.module {
        let name = raw.name.trim().to_string();
        check_name(&name)?;
        if !names.insert(name.clone()) {
            return Err(format!(
                "'{name}' appears twice: entry and module names must be unique"
            ));
        }
        let kind = TargetKind::parse(&raw.target).ok_or_else(|| {
            format!(
                "module '{name}': target = \"{}\" is not a kind of target: use one of {}",
                crate::escape::clean(&raw.target),
                TargetKind::NAMES.join(", ")
            )
        })?;
        let words = split(&name, &raw.run)?;
        if !words.iter().any(|w| w.contains(PLACEHOLDER)) {
            return Err(format!(
                "module '{name}': run has no {PLACEHOLDER} to put the target in"
            ));
        }
        entry_words(name.clone(), with_target(&words, kind.sample()), dir)?;
        modules.push((name, kind, words));
    }
    Ok(Served {
        dir: dir.to_path_buf(),
        checks,
        modules,
    })
}

/// The words of a module's line with the target in place of each
/// placeholder: the target is put inside words already split, so it can
/// only ever be (part of) the one argument the config placed it in.
fn with_target(words: &[String], target: &str) -> Vec<String> {
    words
        .iter()
        .map(|w| w.replace(PLACEHOLDER, target))
        .collect()
}

impl crate::probes::doctor::serve::Catalogue for Served {
    fn names(&self) -> Vec<String> {
        self.checks.iter().map(|(n, _)| n.clone()).collect()
    }

    fn modules(&self) -> Vec<String> {
        self.modules.iter().map(|(n, ..)| n.clone()).collect()
    }

    fn check(&self, name: &str) -> Option<std::result::Result<Entry, String>> {
        let (name, words) = self.checks.iter().find(|(n, _)| n == name)?;
        Some(entry_words(name.clone(), words.clone(), &self.dir))
    }

    fn module(&self, name: &str) -> Option<crate::probes::doctor::serve::TargetKind> {
        self.modules
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(_, k, _)| *k)
    }

    fn module_entry(&self, name: &str, target: &str) -> Option<std::result::Result<Entry, String>> {
        let (name, _, words) = self.modules.iter().find(|(n, ..)| n == name)?;
        Some(entry_words(
            name.clone(),
            with_target(words, target),
            &self.dir,
        ))
    }
}

/// Masks every credential-shaped value of an error: toml, serde and clap
/// quote the offending value (`invalid type: string "sk_live_…"`), and an
/// entry's name is quoted too, so a key pasted into the wrong place would
/// otherwise be printed whole.
fn redact(message: &str) -> String {
    crate::redact::text(message)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn check_name(name: &str) -> std::result::Result<(), String> {
    if name.is_empty() {
        return Err("an entry has an empty name".to_string());
    }
    if name.chars().count() > 64 {
        return Err(format!(
            "entry name '{}…' is longer than 64 characters",
            name.chars().take(20).collect::<String>()
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "entry name '{}' contains {c:?}: use letters, digits, '-', '_' and '.'",
            crate::escape::clean(name)
        ));
    }
    Ok(())
}

/// Flags whose value is a secret: never accepted from a config file.
const SECRET_FLAGS: &[&str] = &[
    "--secret",
    "--token",
    "--api-key",
    "--webhook-secret",
    "--consumer-key",
    "--consumer-secret",
    "--password",
];

/// Global flags that belong to the doctor run as a whole.
const RUN_WIDE: &[&str] = &[
    "format", "json", "output", "color", "fail_on", "quiet", "verbose", "max_time",
];

pub fn entry(name: String, run: &str) -> std::result::Result<Entry, String> {
    entry_in(name, run, Path::new(""))
}

/// An entry whose relative paths (files it reads or writes, `--ca-file`,
/// `--data @FILE`) are taken relative to `dir`, the config's directory.
fn entry_in(name: String, run: &str, dir: &Path) -> std::result::Result<Entry, String> {
    let words = split(&name, run)?;
    entry_words(name, words, dir)
}

/// An entry from its command line's words.
fn entry_words(name: String, words: Vec<String>, dir: &Path) -> std::result::Result<Entry, String> {
    scan_for_secrets(&name, &words)?;
    let argv = std::iter::once("plumb".to_string()).chain(words);
    let mut cli_command = crate::cli::command();
    let matches = cli_command
        .try_get_matches_from_mut(argv)
        .map_err(|e| format!("entry '{name}': {}", crate::cli::clap_message(&e)))?;
    // The words as written can hide a flag (`-HAuthorization: …`,
    // `-H=…`): judge what clap made of them too.
    scan_parsed(&name, &cli_command, &matches)?;
    for id in RUN_WIDE {
        if matches.value_source(id) == Some(ValueSource::CommandLine) {
            return Err(format!(
                "entry '{name}': --{} applies to the whole doctor run: give it to plumb doctor instead",
                id.replace('_', "-")
            ));
        }
    }
    let explicit = |id: &str| matches.value_source(id) == Some(ValueSource::CommandLine);
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| format!("entry '{name}': {e}"))?;
    rebase(&mut cli, dir);
    if matches!(
        cli.command,
        Command::Doctor(_) | Command::Bundle(_) | Command::Serve(_)
    ) {
        return Err(format!(
            "entry '{name}': '{}' cannot run inside doctor",
            cli.command.name()
        ));
    }
    Ok(Entry {
        name,
        timeout: explicit("timeout").then_some(cli.global.timeout),
        ca_file: if explicit("ca_file") {
            cli.global.ca_file
        } else {
            None
        },
        command: cli.command.name(),
        work: cli.command.work().map_err(|e| e.to_string())?,
    })
}

/// Makes every relative path of a parsed entry relative to `dir`. `-`
/// (standard input) and absolute paths stay as they are. Each command's
/// path-valued flags are listed here; `every_path_flag_is_rebased` keeps
/// the list complete.
fn rebase(cli: &mut Cli, dir: &Path) {
    if dir.as_os_str().is_empty() {
        return;
    }
    let one = |p: &mut PathBuf| {
        if p.is_relative() && p.as_os_str() != "-" {
            *p = dir.join(&*p);
        }
    };
    let opt = |p: &mut Option<PathBuf>| {
        if let Some(p) = p {
            one(p)
        }
    };
    opt(&mut cli.global.ca_file);
    match &mut cli.command {
        Command::Endpoint(a) => {
            if let Some(data) = &mut a.data {
                if let Some(file) = data.strip_prefix('@') {
                    let mut path = PathBuf::from(file);
                    one(&mut path);
                    *data = format!("@{}", path.display());
                }
            }
        }
        Command::Records(a) => match &mut a.command {
            super::records::Records::Validate(v) => {
                v.files.iter_mut().for_each(one);
                opt(&mut v.bad_out);
            }
            super::records::Records::Diff(d) => {
                one(&mut d.a);
                one(&mut d.b);
            }
        },
        Command::Check(a) => match &mut a.service {
            super::check::Service::Shopify(s) => opt(&mut s.token_file),
            super::check::Service::Mailchimp(m) => opt(&mut m.api_key_file),
            super::check::Service::Stripe(s) => {
                opt(&mut s.api_key_file);
                opt(&mut s.webhook_secret_file);
            }
            super::check::Service::Woocommerce(w) => {
                opt(&mut w.consumer_key_file);
                opt(&mut w.consumer_secret_file);
            }
        },
        Command::RateLimit(a) => {
            if let super::ratelimit::Action::Inspect(i) = &mut a.action {
                opt(&mut i.headers_file);
            }
        }
        Command::VerifySignature(a) => {
            opt(&mut a.scheme.secret_file);
            opt(&mut a.payload);
            opt(&mut a.request);
        }
        Command::Sign(a) => {
            opt(&mut a.scheme.secret_file);
            one(&mut a.payload);
        }
        Command::Webhook(a) => {
            use super::webhook::WebhookCommand as W;
            match &mut a.command {
                W::Send(s) => {
                    opt(&mut s.delivery.scheme.secret_file);
                    opt(&mut s.delivery.payload);
                }
                W::Audit(s) => {
                    opt(&mut s.delivery.scheme.secret_file);
                    opt(&mut s.delivery.payload);
                }
                W::Replay(r) => {
                    opt(&mut r.scheme.secret_file);
                    one(&mut r.input);
                }
                W::Events(_) => {}
                W::Listen(l) => {
                    opt(&mut l.scheme.secret_file);
                    opt(&mut l.record);
                }
            }
        }
        Command::Logs(a) => a.files.iter_mut().for_each(one),
        Command::Har(a) => {
            opt(&mut a.file);
            if let Some(super::har::Action::Redact(r)) = &mut a.action {
                one(&mut r.input);
                opt(&mut r.output);
            }
        }
        Command::Explain(_)
        | Command::Serve(_)
        | Command::Credential(_)
        | Command::Tls(_)
        | Command::Dns(_)
        | Command::Doctor(_)
        | Command::Bundle(_) => {}
    }
}

/// What `plumb doctor` runs: the config's entries, each made from its
/// command line here, where command lines are understood; or the built-in
/// health check's, each made from values.
pub fn entries(args: &Args) -> Result<Entries> {
    if args.init {
        return Ok(Entries::None);
    }
    Ok(match &args.config {
        Some(path) => Entries::Config(load(path)?),
        None => Entries::Builtin(
            crate::probes::doctor::health_check_plan()
                .into_iter()
                .map(|(name, what)| builtin(name.clone(), what).map_err(|why| (name, why)))
                .collect(),
        ),
    })
}

/// One entry of the built-in health check, its probe's options built
/// directly. A service check takes its credentials from the environment
/// as `plumb check SERVICE` does (the flags' own env and value parsers);
/// an unusable value there is the reason the entry could not be made.
fn builtin(name: String, what: Builtin) -> std::result::Result<Entry, String> {
    use crate::probes::{check, dns, tls};
    let (command, work) = match what {
        Builtin::Dns(host) => {
            let options = dns::Options::for_names(vec![host]);
            let work = Work::network(move |ctx| async move { dns::run(options, &ctx).await });
            ("dns", work)
        }
        Builtin::Tls(target) => {
            let options = tls::Options::for_target(target);
            let work = Work::network(move |ctx| async move { tls::run(options, &ctx).await });
            ("tls", work)
        }
        Builtin::Check(service) => {
            use super::check::{MailchimpArgs, ShopifyArgs, StripeArgs, WoocommerceArgs};
            let service = match service {
                Service::Shopify => {
                    check::Service::Shopify(from_environment::<ShopifyArgs>()?.into())
                }
                Service::Mailchimp => {
                    check::Service::Mailchimp(from_environment::<MailchimpArgs>()?.into())
                }
                Service::Stripe => check::Service::Stripe(from_environment::<StripeArgs>()?.into()),
                Service::Woocommerce => {
                    check::Service::Woocommerce(from_environment::<WoocommerceArgs>()?.into())
                }
            };
            let options = check::Options {
                service,
                api_base: None,
                offline: false,
                tls: super::check::tls_probe,
            };
            let work = Work::network(move |ctx| async move { check::run(options, &ctx).await });
            ("check", work)
        }
    };
    Ok(Entry {
        name,
        command,
        work,
        timeout: None,
        ca_file: None,
    })
}

/// A command's flags with nothing given on a command line: their defaults
/// and the environment variables they read.
fn from_environment<T: clap::Args + FromArgMatches>() -> std::result::Result<T, String> {
    let matches = T::augment_args(clap::Command::new("plumb"))
        .try_get_matches_from(["plumb"])
        .map_err(|e| super::clap_message(&e))?;
    T::from_arg_matches(&matches).map_err(|e| super::clap_message(&e))
}

/// The refusal of a config entry that holds a secret.
fn refuse(name: &str, what: String) -> std::result::Result<(), String> {
    Err(format!(
        "entry '{name}': {what} in a config file; secrets come only from the environment (see the command's --help for its variables)"
    ))
}

/// A config is a file people commit: a credential in it would leak. Refuse
/// secret-bearing flags and anything that looks like a credential, as
/// written (before clap, whose errors could quote a value).
fn scan_for_secrets(name: &str, words: &[String]) -> std::result::Result<(), String> {
    let refuse = |what: String| refuse(name, what);
    let mut previous: Option<&str> = None;
    for word in words {
        let flag = word.split('=').next().unwrap_or(word);
        if SECRET_FLAGS.contains(&flag) {
            return refuse(format!("{flag} would put a secret"));
        }
        if matches!(previous, Some("-H" | "--header")) || word.starts_with("--header=") {
            let header = word.trim_start_matches("--header=");
            if let Ok((h, v)) = crate::input::parse_header("-H", header) {
                if crate::input::is_secret_header(&h, &v) {
                    return refuse(format!("header {h} carries a credential"));
                }
            }
        }
        if looks_like_secret(word) {
            return refuse(format!(
                "a value that looks like a credential ({})",
                crate::secret::mask(word)
            ));
        }
        previous = Some(word.as_str());
    }
    Ok(())
}

/// The same refusal on the parsed entry: every value clap took from the
/// line, by the flag it went to (however the flag was spelled: attached
/// `-HName: v`, `-H=Name: v`, `--header=Name: v`), so no spelling
/// slips a secret flag, a credential header or a credential-shaped value
/// past [`scan_for_secrets`].
fn scan_parsed(
    name: &str,
    command: &clap::Command,
    matches: &clap::ArgMatches,
) -> std::result::Result<(), String> {
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if matches.value_source(id) != Some(ValueSource::CommandLine) {
            continue;
        }
        let long = arg.get_long().map(|l| format!("--{l}"));
        if let Some(flag) = long.as_deref().filter(|l| SECRET_FLAGS.contains(l)) {
            return refuse(name, format!("{flag} would put a secret"));
        }
        let Ok(Some(values)) = matches.try_get_raw(id) else {
            continue;
        };
        for value in values {
            let value = value.to_string_lossy();
            if long.as_deref() == Some("--header") {
                if let Ok((h, v)) = crate::input::parse_header("-H", &value) {
                    if crate::input::is_secret_header(&h, &v) {
                        return refuse(name, format!("header {h} carries a credential"));
                    }
                }
            }
            if looks_like_secret(&value) {
                return refuse(
                    name,
                    format!(
                        "a value that looks like a credential ({})",
                        crate::secret::mask(&value)
                    ),
                );
            }
        }
    }
    match matches.subcommand() {
        Some((sub, sub_matches)) => match command.find_subcommand(sub) {
            Some(sub_command) => scan_parsed(name, sub_command, sub_matches),
            None => Ok(()),
        },
        None => Ok(()),
    }
}

fn looks_like_secret(word: &str) -> bool {
    let value = word.split_once('=').map_or(word, |(_, v)| v);
    crate::input::looks_like_credential(word) || crate::input::looks_like_credential(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use std::time::Duration;

    /// The path-valued flags [`rebase`] handles, as `COMMAND… --flag` (or
    /// the positional's id). A new path flag must be added to both.
    const REBASED: &[&str] = &[
        "--ca-file",
        "check shopify --token-file",
        "check mailchimp --api-key-file",
        "check stripe --api-key-file",
        "check stripe --webhook-secret-file",
        "check woocommerce --consumer-key-file",
        "check woocommerce --consumer-secret-file",
        "har file",
        "har redact input",
        "logs files",
        "rate-limit inspect --headers-file",
        "records validate files",
        "records validate --bad-out",
        "records diff a",
        "records diff b",
        "sign --secret-file",
        "sign --payload",
        "verify-signature --secret-file",
        "verify-signature --payload",
        "verify-signature --request",
        "webhook audit --secret-file",
        "webhook audit --payload",
        "webhook replay --secret-file",
        "webhook replay input",
        "webhook send --secret-file",
        "webhook send --payload",
        "webhook listen --secret-file",
        "webhook listen --record",
    ];

    fn path_flags(cmd: &clap::Command, at: &str, out: &mut std::collections::BTreeSet<String>) {
        for arg in cmd.get_arguments() {
            if arg.is_global_set() && !at.is_empty() {
                continue;
            }
            if arg.get_value_parser().type_id() != clap::builder::ValueParser::path_buf().type_id()
            {
                continue;
            }
            let name = match arg.get_long() {
                Some(long) => format!("--{long}"),
                None => arg.get_id().to_string(),
            };
            out.insert(format!("{at} {name}").trim().to_string());
        }
        for sub in cmd.get_subcommands() {
            path_flags(sub, format!("{at} {}", sub.get_name()).trim(), out);
        }
    }

    #[test]
    fn every_path_flag_is_rebased() {
        let mut found = std::collections::BTreeSet::new();
        path_flags(&crate::cli::command(), "", &mut found);
        // Run-wide flags are refused in an entry; doctor's, bundle's and
        // serve's own never run (none of them may be an entry).
        for own in [
            "--output",
            "doctor --config",
            "bundle --config",
            "bundle --inspect",
            "bundle --log",
            "bundle --records",
            "bundle --har",
            "serve --config",
        ] {
            found.remove(own);
        }
        let listed: std::collections::BTreeSet<String> =
            REBASED.iter().map(|s| s.to_string()).collect();
        assert_eq!(found, listed);
    }

    #[test]
    fn relative_paths_are_taken_from_the_config_directory() {
        let mut cli = Cli::try_parse_from([
            "plumb",
            "logs",
            "app.log",
            "/var/log/x.log",
            "-",
            "--ca-file",
            "ca.pem",
        ])
        .unwrap();
        rebase(&mut cli, Path::new("/etc/plumb"));
        assert_eq!(cli.global.ca_file, Some(PathBuf::from("/etc/plumb/ca.pem")));
        let Command::Logs(a) = cli.command else {
            panic!("logs")
        };
        let want: Vec<PathBuf> = ["/etc/plumb/app.log", "/var/log/x.log", "-"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(a.files, want);
    }

    #[test]
    fn the_example_config_parses() {
        let entries = parse(crate::probes::doctor::EXAMPLE).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].name, "stripe-api");
        assert_eq!(entries[0].command, "tls");
        assert_eq!(entries[0].timeout, None);
    }

    #[test]
    fn per_entry_timeout_is_kept_only_when_given() {
        let e = parse("[[check]]\nname='a'\nrun='tls x.example --timeout 3s'\n").unwrap();
        assert_eq!(e[0].timeout, Some(Duration::from_secs(3)));
    }

    #[test]
    fn bad_configs_are_refused_with_one_line() {
        let cases = [
            ("", "no [[check]] entries"),
            ("[[check]]\nname='a'\n", "missing field `run`"),
            (
                "[[check]]\nname='a'\nrun='tls x'\nextra=1\n",
                "unknown field",
            ),
            ("[[check]]\nname='a b'\nrun='tls x'\n", "contains ' '"),
            (
                "[[check]]\nname='a'\nrun='tls x'\n[[check]]\nname='a'\nrun='tls y'\n",
                "appears twice",
            ),
            ("[[check]]\nname='a'\nrun=''\n", "run is empty"),
            (
                "[[check]]\nname='a'\nrun='nosuch'\n",
                "entry 'a': unrecognized subcommand",
            ),
            ("[[check]]\nname='a'\nrun='tls \"x'\n", "entry 'a': run:"),
            (
                "[[check]]\nname='a'\nrun='doctor'\n",
                "cannot run inside doctor",
            ),
            (
                "[[check]]\nname='a'\nrun='bundle --log x.log'\n",
                "'bundle' cannot run inside doctor",
            ),
            (
                "[[check]]\nname='a'\nrun='tls x --json'\n",
                "--json applies to the whole",
            ),
            (
                "[[check]]\nname='a'\nrun='tls x -o f'\n",
                "--output applies",
            ),
            ("[[check]]\nname = \n", "at line 2"),
        ];
        for (text, want) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(want), "{text:?}: {err}");
            assert!(!err.contains('\n'), "{text:?}: {err}");
        }
    }

    #[test]
    fn secrets_in_the_file_are_refused_and_never_echoed() {
        let key = "sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt";
        let cases = [
            format!("[[check]]\nname='a'\nrun='credential {key}'\n"),
            "[[check]]\nname='a'\nrun='check stripe --api-key=abc'\n".to_string(),
            "[[check]]\nname='a'\nrun=\"endpoint https://x.example -H 'Authorization: Bearer abcdef'\"\n".to_string(),
        ];
        for text in cases {
            let err = parse(&text).unwrap_err();
            assert!(err.contains("environment"), "{err}");
            assert!(!err.contains("AbCdEf") && !err.contains("abcdef"), "{err}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Credentials of the kinds a config must never hold or echo.
    fn secret() -> impl Strategy<Value = String> {
        prop_oneof![
            "sk_live_[A-Za-z0-9]{24,40}",
            "rk_test_[A-Za-z0-9]{24,40}",
            "whsec_[A-Za-z0-9+/]{32}",
            "shpat_[0-9a-f]{32}",
            "[0-9a-f]{32}-us[0-9]{1,2}",
            "ck_[0-9a-f]{40}",
        ]
    }

    /// TOML with the secret wherever a person might paste it.
    fn place(secret: &str, at: u8) -> String {
        let s = secret;
        match at % 12 {
            0 => format!("{s}\n"),
            1 => format!("{s} = 1\n"),
            2 => format!("check = \"{s}\"\n"),
            3 => format!("[[check]]\nname = \"{s}\"\nrun = \"explain x\"\n"),
            4 => format!("[[check]]\nname = \"{s}!\"\nrun = \"explain x\"\n"),
            5 => format!("[[check]]\nname = \"x\"\nrun = \"credential {s}\"\n"),
            6 => format!("[[check]]\nname = \"x\"\nrun = \"check stripe --secret={s}\"\n"),
            7 => format!("[[check]]\nname = \"x\"\nrun = \"tls {s}:x\"\n"),
            8 => format!("[[check]]\nname = \"x\"\nrun = \"explain\"\n{s} = \"y\"\n"),
            9 => format!("[[check]]\nname = \"x\"\nrun = [\"{s}\"]\n"),
            10 => format!(
                "[[check]]\nname = \"x\"\nrun = \"endpoint --timeout {s} https://a.test\"\n"
            ),
            _ => format!("[[check]]\nname = \"{s}{s}{s}\"\nrun = \"explain x\"\n"),
        }
    }

    /// Regressions found by `secrets_are_never_echoed`: toml and serde
    /// quoted the offending key or value, and entry names were quoted whole.
    #[test]
    fn errors_mask_credentials() {
        let key = "sk_live_51Habcdefghijklmnopqrstuvwx";
        for text in [
            format!("{key} = 1\n"),
            format!("check = \"{key}\"\n"),
            format!("[[check]]\nname = \"{key}!\"\nrun = \"explain x\"\n"),
            format!("[[check]]\nname = \"{key}{key}{key}\"\nrun = \"explain x\"\n"),
        ] {
            let e = parse(&text).unwrap_err();
            assert!(!e.contains("abcdefghijkl"), "{e}");
            assert!(e.contains("sk_live_…"), "{e}");
        }
        assert_eq!(redact("unknown field `check2`"), "unknown field `check2`");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Arbitrary text: a config or a one-line reason, never a panic.
        #[test]
        fn any_text_never_panics(text in "\\PC{0,200}") {
            if let Err(e) = parse(&text) {
                prop_assert!(!e.contains('\n'), "{e}");
            }
        }

        /// TOML-shaped text reaches the entry checks.
        #[test]
        fn toml_shaped_text_never_panics(
            entries in prop::collection::vec(("[a-z0-9_. !-]{0,10}", "[a-z -]{0,40}"), 0..4),
        ) {
            let mut text = String::new();
            for (name, run) in &entries {
                text.push_str(&format!("[[check]]\nname = {name:?}\nrun = {run:?}\n"));
            }
            if let Err(e) = parse(&text) {
                prop_assert!(!e.contains('\n'), "{e}");
            }
        }

        /// Arbitrary run lines go through clap, never a panic.
        #[test]
        fn any_run_line_never_panics(
            words in prop::collection::vec(prop_oneof![
                prop::sample::select(vec![
                    "tls", "dns", "endpoint", "credential", "check", "stripe", "explain", "records",
                    "validate", "rate-limit", "plan", "shopify", "--timeout", "-H", "--json", "--for",
                    "--port", "--now", "-5", "99999999999999999999", "'", "\"", "\\", "--", "-",
                ]).prop_map(str::to_string),
                "\\PC{0,12}",
            ], 0..6),
        ) {
            let _ = entry("x".to_string(), &words.join(" "));
        }

        /// A secret anywhere in a config is never echoed in the error.
        #[test]
        fn secrets_are_never_echoed(s in secret(), at in any::<u8>()) {
            if let Err(e) = parse(&place(&s, at)) {
                prop_assert!(!e.contains(&s), "leaked: {e}");
                prop_assert!(!e.contains(&s[..s.len() * 2 / 3]), "partly leaked: {e}");
            }
        }
    }
}
