//! `plumb doctor`: many checks at once, one report, like `flutter doctor`.
//!
//! Entries are plumb command lines (from `--config`) or the built-in health
//! check's probes, plus two checks only doctor makes (clock skew, proxy settings).
//! They run concurrently, each command on a thread of its own and bounded
//! by a deadline, and every check id in the report is prefixed with its
//! entry's name and carries that name as its section.

pub mod serve;
mod system;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::{Check, Def, Report, Timer};
use crate::run::Work;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::{Duration, Instant};

pub const NETWORK: Def = Def {
    id: "doctor.network",
    title: "Network",
    judges: "In the built-in health check: whether any service endpoint could be reached; it fails when none could, as that is the network, not one service.",
    remedies: &[
        "Check the network connection, then that outbound HTTPS (TCP 443) is allowed by the firewall.",
        "If names do not resolve, test a public resolver (8.8.8.8, 1.1.1.1) and check the DNS forwarding and filtering of this network.",
        "If outbound traffic must go through a proxy, set HTTPS_PROXY (http://host:port) as the integration has it: plumb uses it as curl does.",
    ],
};
pub const PROXY: Def = Def {
    id: "doctor.proxy",
    title: "Proxy settings",
    judges: "In the built-in health check (as proxy/doctor.proxy): the proxy variables in effect and whether plumb's HTTPS requests go through a proxy; an unusable value or a proxy asking for a password warns.",
    remedies: &[],
};
pub const CLOCK: Def = Def {
    id: "doctor.clock",
    title: "Clock",
    judges: "As clock/doctor.clock: the local clock against the Date header of --time-server; 10 s of skew warns, 5 minutes (the signature tolerance) fails.",
    remedies: &["Turn on time synchronisation (timedatectl set-ntp true, chrony or ntpd; on Windows w32tm /resync) and check the machine's time zone setting."],
};
pub const ENTRY: Def = Def {
    id: "doctor.entry",
    title: "Entry",
    judges: "As NAME/doctor.entry: an entry that could not be made or run fails; one the run's time budget cut short, or (in the built-in health check) one that needs the network when doctor.network finds no route at all, is skipped.",
    remedies: &[],
};
pub const TIMEOUT: Def = Def {
    id: "doctor.timeout",
    title: "Entry deadline",
    judges: "As NAME/doctor.timeout: whether an entry finished within 3 times its --timeout.",
    remedies: &["Run the entry's command on its own to see which step hangs, or give the entry a longer --timeout."],
};
pub const INIT: Def = Def {
    id: "doctor.init",
    title: "Example config",
    judges: "With --init: the example config written, as information.",
    remedies: &[],
};

/// Every check `doctor` reports itself, in report order; an entry's own
/// checks are those of its command, prefixed with the entry's name.
pub const ALL: &[&Def] = &[&NETWORK, &PROXY, &CLOCK, &ENTRY, &TIMEOUT, &INIT];

#[derive(Debug)]
pub struct Options {
    /// Run the entries of this TOML file instead of the built-in health check
    pub config: Option<PathBuf>,
    /// Write a commented example config (to --config FILE, or plumb.toml) and stop
    pub init: bool,
    /// Measure clock skew against this HTTPS server's Date header [default without --config: https://api.stripe.com/]
    pub time_server: Option<String>,
}

/// How long an entry may run, in multiples of its `--timeout`: a command
/// makes a few bounded steps in a row (connect, handshake, request).
const DEADLINE_FACTOR: u32 = 3;

/// Most entries one config may hold.
pub const MAX_ENTRIES: usize = 64;

/// One entry, ready to run: a plumb command with its arguments bound.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    /// The command's name (`tls`, `check`).
    pub command: &'static str,
    pub work: Work,
    /// The entry's own `--timeout`, when its line sets one.
    pub timeout: Option<Duration>,
    /// The entry's own `--ca-file`, when its line sets one.
    pub ca_file: Option<PathBuf>,
}

/// What doctor runs, made by the command-line layer (which understands
/// command lines) from a config file or from [`health_check_plan`].
#[derive(Debug)]
pub enum Entries {
    /// `--init`: nothing runs.
    None,
    Config(Vec<Entry>),
    /// The built-in health check: each entry, or its name and why it could
    /// not be made.
    Builtin(Vec<std::result::Result<Entry, (String, String)>>),
}

pub use system::{health_check_plan, Builtin};

/// One thing doctor runs.
enum Job {
    Command(Entry),
    Clock {
        name: String,
        url: url::Url,
    },
    Proxy {
        name: String,
    },
    /// An entry that could not be built; its check says why.
    Failed {
        name: String,
        check: Check,
    },
}

impl Job {
    fn name(&self) -> &str {
        match self {
            Job::Command(e) => &e.name,
            Job::Clock { name, .. } | Job::Proxy { name } | Job::Failed { name, .. } => name,
        }
    }
}

pub async fn run(args: Options, entries: Entries, ctx: &Ctx) -> Result<Report> {
    if args.init {
        return init(args.config);
    }
    let time_server = match &args.time_server {
        Some(u) => Some(crate::net::target::parse_url("--time-server", u)?),
        None => None,
    };
    let (target, mut jobs, builtin) = match (entries, &args.config) {
        (Entries::Config(entries), Some(path)) => {
            let jobs: Vec<Job> = entries.into_iter().map(Job::Command).collect();
            (path.display().to_string(), jobs, false)
        }
        (Entries::Builtin(entries), _) => (
            "this machine".to_string(),
            system::health_check(entries),
            true,
        ),
        _ => return Err(Error::Internal("doctor was given no entries".to_string())),
    };
    if let Some(url) = time_server.or_else(|| builtin.then(system::default_time_server)) {
        let at = if builtin { 1 } else { 0 };
        jobs.insert(
            at.min(jobs.len()),
            Job::Clock {
                name: "clock".into(),
                url,
            },
        );
    }
    let mut report = Report::new("doctor", target);
    let mut sections = run_all(jobs, ctx).await;
    if builtin {
        if let Some(check) = system::network_verdict(&sections) {
            report.push(check);
            // Without any route every section that needs the network fails
            // for that one reason: said once above, each is skipped.
            sections = system::skip_unreachable(sections);
        }
    }
    for (_, checks) in sections {
        for check in checks {
            report.push(check);
        }
    }
    Ok(report)
}

type Section = (String, Vec<Check>);

/// An entry's work, boxed: a doctor entry runs any command, doctor's own
/// `run` included in the type, so the future must be erased.
type Pending = Pin<Box<dyn Future<Output = Result<Vec<Check>>>>>;

/// Runs every job concurrently on the current thread and returns their
/// checks, prefixed, in the order the jobs were given.
async fn run_all(jobs: Vec<Job>, ctx: &Ctx) -> Vec<Section> {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let mut set = tokio::task::JoinSet::new();
            let names: Vec<String> = jobs.iter().map(|j| j.name().to_string()).collect();
            // A spinner per entry while the entries run.
            let spinners = crate::progress::Spinners::new(ctx.progress, &names);
            for (index, job) in jobs.into_iter().enumerate() {
                let ctx = ctx.clone();
                set.spawn_local(async move { (index, run_job(job, ctx).await) });
            }
            let mut results: Vec<Option<Vec<Check>>> = names.iter().map(|_| None).collect();
            while let Some(joined) = set.join_next().await {
                // A task ends in a JoinError only by panicking; its entry is
                // then reported as broken instead of losing the report.
                if let Ok((index, checks)) = joined {
                    spinners.done(index);
                    results[index] = Some(checks);
                }
            }
            names
                .into_iter()
                .zip(results)
                .map(|(name, checks)| {
                    let checks = checks.unwrap_or_else(|| {
                        vec![ENTRY.fail(
                            "this entry stopped unexpectedly (an internal error in plumb)",
                        )
                        .remedy(
                            "Run the entry's command on its own to see the error, and report it.",
                        )]
                    });
                    let prefixed = checks.into_iter().map(|c| c.in_section(&name)).collect();
                    (name, prefixed)
                })
                .collect()
        })
        .await
}

async fn run_job(job: Job, ctx: Ctx) -> Vec<Check> {
    let timer = Timer::start();
    let (run_deadline, max_time) = (ctx.deadline, ctx.max_time);
    let (timeout, future): (Duration, Pending) = match job {
        Job::Command(entry) => {
            let timeout = entry.timeout.unwrap_or(ctx.timeout);
            let entry_ctx = Ctx::new(
                timeout,
                entry.ca_file.or_else(|| ctx.ca_file.clone()),
                ctx.now(),
            )
            .with_max_time(ctx.max_time)
            .within(ctx.deadline)
            // Abandoned work notices soon after doctor stops waiting.
            .within(Instant::now() + timeout.saturating_mul(DEADLINE_FACTOR) + ENTRY_GRACE);
            (timeout, on_own_thread(entry.work, entry_ctx))
        }
        Job::Clock { url, .. } => (
            ctx.timeout,
            Box::pin(async move { Ok(vec![system::clock(&url, &ctx).await]) }),
        ),
        Job::Proxy { .. } => (ctx.timeout, Box::pin(async { Ok(vec![system::proxy()]) })),
        Job::Failed { check, .. } => (ctx.timeout, Box::pin(async { Ok(vec![check]) })),
    };
    let deadline = timeout.saturating_mul(DEADLINE_FACTOR);
    let entry_end = tokio::time::Instant::now() + deadline;
    // An entry that honours the run's budget reports its unrun steps
    // itself just before the budget's end; this waits a little for that.
    let run_end = tokio::time::Instant::from_std(run_deadline) + ENTRY_GRACE / 2;
    match tokio::time::timeout_at(entry_end.min(run_end), future).await {
        Ok(Ok(checks)) => checks,
        Ok(Err(e)) => vec![entry_error(&e).took(timer.elapsed())],
        Err(_) if run_end <= entry_end => vec![ENTRY
            .skip(format!(
                "{} (--max-time {}) ran out before it finished",
                crate::context::OUT_OF_TIME,
                humantime::format_duration(max_time)
            ))
            .took(timer.elapsed())],
        Err(_) => vec![TIMEOUT
            .fail(format!(
                "did not finish within {} ({DEADLINE_FACTOR} × its --timeout)",
                humantime::format_duration(deadline)
            ))
            .took(timer.elapsed())],
    }
}

/// How long after its deadline an abandoned entry still runs at most, when
/// it checks its budget (every read loop and every step does).
const ENTRY_GRACE: Duration = Duration::from_secs(1);

/// Runs an entry's command on a thread of its own (with its own runtime
/// when it does network I/O), so no entry can hold up doctor: reading a
/// FIFO or /dev/zero, decompressing a large gzip or parsing a large export
/// blocks only its own thread, and doctor stops waiting at the entry's
/// deadline. The entry's budget ends shortly after, so its read loops stop
/// too; a read the system blocks ends with the process.
fn on_own_thread(work: Work, ctx: Ctx) -> Pending {
    Box::pin(async move { own_thread(work, ctx).await.map(|r| r.checks) })
}

/// Runs `work` on a thread of its own and hands back its report, redacted
/// with the secrets it sent (each entry's report is): a future that any
/// runtime thread may hold, however the work itself is made.
fn own_thread(work: Work, ctx: Ctx) -> impl Future<Output = Result<Report>> + Send {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("plumb-doctor-entry".into())
        .spawn(move || {
            let _ = tx.send(work.run(&ctx).map(|r| r.redacted()));
        });
    async move {
        spawned.map_err(|e| Error::Internal(format!("cannot start a thread: {e}")))?;
        rx.await
            .map_err(|_| Error::Internal("the entry stopped without a report".to_string()))?
    }
}

fn entry_error(e: &Error) -> Check {
    let check = ENTRY.fail(format!("could not run: {e}"));
    match e {
        Error::Usage(_) => check.remedy(
            "Fix the entry's run line (a file it names, a value it passes) and run doctor again.",
        ),
        Error::Internal(_) => {
            check.remedy("Run the entry's command on its own to see the error, and report it.")
        }
    }
}

fn init(config: Option<PathBuf>) -> Result<Report> {
    let path = config.unwrap_or_else(|| PathBuf::from("plumb.toml"));
    let shown = path.display().to_string();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::usage(format!(
                "--init: {shown} already exists; remove it or pass --config with another name"
            )))
        }
        Err(e) => {
            return Err(Error::usage(format!(
                "--init: {shown}: {}",
                crate::input::io_reason(&e)
            )))
        }
    };
    // `-o` must not replace the file just made.
    crate::output::note_used("--init", &file)?;
    std::io::Write::write_all(&mut file, EXAMPLE.as_bytes())
        .map_err(|e| Error::usage(format!("--init: {shown}: {}", crate::input::io_reason(&e))))?;
    let mut report = Report::new("doctor", shown.clone());
    report.push(
        INIT.info(format!(
            "wrote {shown}: edit its entries, then run plumb doctor --config {shown}"
        ))
        .detail("entries", 3),
    );
    Ok(report)
}

/// What `plumb doctor --init` writes.
pub const EXAMPLE: &str = r#"# plumb doctor configuration.
#
# Each [[check]] is one entry: a name (letters, digits, '-', '_', '.') and
# `run`, a plumb command line without the word "plumb". Any command works,
# with the same flags as on the command line; `--timeout` and `--ca-file`
# may be set per entry. Entries run at the same time; every check id in the
# report is prefixed with its entry's name (stripe-api/tls.expiry).
#
# Secrets never belong here: put them in the environment variables the
# commands read (STRIPE_API_KEY, SHOPIFY_ACCESS_TOKEN, MAILCHIMP_API_KEY,
# PLUMB_WEBHOOK_SECRET...). plumb refuses a config that contains one.

[[check]]
name = "stripe-api"
run = "tls api.stripe.com --warn-days 14"

[[check]]
name = "mailchimp-api"
run = "tls us1.api.mailchimp.com"

[[check]]
name = "webhook-endpoint"
run = "endpoint https://example.com/webhooks/stripe --method POST --data '{}'"
"#;
