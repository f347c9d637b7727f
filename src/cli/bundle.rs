//! `plumb bundle`: its flags, and the composition that fills the archive.
//! Like `cli/doctor.rs` this runs other commands' probes (doctor, logs,
//! records) and hands their reports, rendered as `--format json` renders
//! them, to `probes::bundle`, which redacts, counts and writes.

use crate::context::Ctx;
use crate::error::Result;
use crate::output::Target;
use crate::probes::bundle::{member_name, Member, MAX_MEMBER};
use crate::redact::Tally;
use crate::report::{Format, RenderOptions, Report, Status};
use crate::run::Work;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "-o FILE names the archive (default plumb-bundle-TIMESTAMP.tar.gz in the \
                  working directory); the report of what was written goes to standard output. \
                  The archive is written with mode 0600 and never sent anywhere: attach it to \
                  the ticket yourself, after reading what it holds with --inspect.\n\n\
                        Examples:\n  plumb bundle\n  \
                        plumb bundle --config plumb.toml --log sync.log --records customers.csv --har checkout.har -o ticket.tar.gz\n  \
                        plumb bundle --inspect ticket.tar.gz"
)]
pub struct Args {
    /// Run the entries of this doctor config for report.json instead of the built-in health check
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A log to include: its `plumb logs` report and the last lines of each class, redacted (repeatable)
    #[arg(long = "log", value_name = "FILE")]
    pub logs: Vec<PathBuf>,
    /// An export to include: its `records validate` report, which shows shapes, never values (repeatable)
    #[arg(long = "records", value_name = "FILE")]
    pub records: Vec<PathBuf>,
    /// A browser's HAR export to include: its `plumb har` report and the HAR itself with every credential and cookie redacted (repeatable)
    #[arg(long = "har", value_name = "FILE")]
    pub hars: Vec<PathBuf>,
    /// List what a bundle holds and how many values were redacted in each file, instead of making one
    #[arg(long, value_name = "FILE", conflicts_with_all = ["config", "logs", "records", "hars"])]
    pub inspect: Option<PathBuf>,
    /// The archive to write: the global -o, which `app` moves here
    /// (default plumb-bundle-TIMESTAMP.tar.gz in the working directory).
    #[arg(skip)]
    pub archive: Option<PathBuf>,
}

/// Lines of each class kept from the end of a log.
const LAST_LINES: usize = 20;
/// How much of a log's end is read for them.
const TAIL_BYTES: u64 = 1024 * 1024;

/// What a bundle collects, in archive order: each part becomes one or
/// more members. A new kind of evidence is one more variant here, its
/// flag in [`Args`], and its arm in [`Part::collect`].
#[derive(Debug)]
enum Part {
    /// Both parts of each `--log`: the logs report and the last lines.
    Log(usize, PathBuf),
    /// Each `--records`: the `records validate` report.
    Records(usize, PathBuf),
    /// Each `--har`: the `plumb har` report and the redacted HAR.
    Har(usize, PathBuf),
}

/// The bundle's work, checked before anything runs: the archive can be
/// written, the config parses, every named file can be opened.
pub fn work(args: Args) -> Result<Work> {
    if let Some(file) = args.inspect {
        let options = crate::probes::bundle::InspectOptions { file };
        return Ok(Work::offline(move |ctx| {
            crate::probes::bundle::inspect(options, ctx)
        }));
    }
    let path = args.archive.clone().unwrap_or_else(default_name);
    let target = Target::prepare("--output", &path)?;
    let doctor_args = super::doctor::Args {
        config: args.config.clone(),
        init: false,
        time_server: None,
    };
    let entries = super::doctor::entries(&doctor_args)?;
    let mut parts = Vec::new();
    for (i, p) in args.logs.iter().enumerate() {
        crate::input::open(&format!("--log {}", p.display()), p)?;
        parts.push(Part::Log(i + 1, p.clone()));
    }
    for (i, p) in args.records.iter().enumerate() {
        crate::input::open(&format!("--records {}", p.display()), p)?;
        parts.push(Part::Records(i + 1, p.clone()));
    }
    for (i, p) in args.hars.iter().enumerate() {
        crate::input::open(&format!("--har {}", p.display()), p)?;
        parts.push(Part::Har(i + 1, p.clone()));
    }
    Ok(Work::network(move |ctx| async move {
        let doctor = crate::probes::doctor::run(doctor_args.into(), entries, &ctx).await?;
        let mut members = vec![report_member("report.json", &doctor)];
        members.push(Member::text(
            "environment.json",
            &environment(&doctor, &ctx),
        ));
        for part in parts {
            members.extend(part.collect(&ctx)?);
        }
        let mut report = crate::probes::bundle::write(members, &target, &ctx)?;
        report.push(doctor_verdict(&doctor));
        Ok(report)
    }))
}

impl Part {
    fn collect(self, ctx: &Ctx) -> Result<Vec<Member>> {
        use crate::probes::{har, logs, records};
        Ok(match self {
            Part::Log(i, path) => {
                let name = format!("logs/{i}-{}", member_name(&path));
                let report = logs::run(
                    logs::Options {
                        files: vec![path.clone()],
                    },
                    ctx,
                )?;
                vec![
                    report_member(&format!("{name}.report.json"), &report),
                    last_lines(&format!("{name}.last-lines.txt"), &path)?,
                ]
            }
            Part::Records(i, path) => {
                let name = format!("records/{i}-{}", member_name(&path));
                let options = records::Options {
                    command: records::Records::Validate(records::validate::Options {
                        files: vec![path],
                        columns: Vec::new(),
                        id_column: None,
                        default_region: None,
                        bad_out: None,
                        max_input_size: 1 << 30,
                        max_bad_out: 0,
                    }),
                };
                vec![report_member(
                    &format!("{name}.report.json"),
                    &records::run(options, ctx)?,
                )]
            }
            Part::Har(i, path) => {
                let name = format!("har/{i}-{}", member_name(&path));
                let report = har::run(har::Options::for_file(path.clone()), ctx)?;
                // The HAR's own redactor first (headers, cookies, query
                // strings, form fields, bodies, every credential found
                // anywhere in the file masked wherever it recurs), then the
                // bundle's pass over the result, which counts by kind what
                // is still there and leaves the file out if it cannot scan it.
                let size = std::fs::metadata(&path)
                    .map(|m| m.len())
                    .unwrap_or(u64::MAX);
                let har_member = if size > MAX_MEMBER as u64 {
                    Member::left_out(
                        format!("{name}.har"),
                        format!("{size} bytes, over the {MAX_MEMBER}-byte member cap: its report is included"),
                    )
                } else {
                    let mut redacted = Vec::new();
                    har::redact_to(&path, &mut redacted)?;
                    Member::json_document(format!("{name}.har"), &redacted)
                };
                vec![
                    report_member(&format!("{name}.report.json"), &report),
                    har_member,
                ]
            }
        })
    }
}

/// `plumb-bundle-20261130T184640Z.tar.gz`.
fn default_name() -> PathBuf {
    let now = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    PathBuf::from(format!("plumb-bundle-{now}.tar.gz"))
}

/// A report as `--format json` renders it, redacted once with what was
/// masked counted (personal data included: the archive leaves the
/// machine).
fn report_member(name: &str, report: &Report) -> Member {
    let mut tally = Tally::default();
    let redacted = report.redacted_counted(true, &mut tally);
    let opts = RenderOptions {
        format: Format::Json,
        color: false,
        quiet: false,
        verbose: true,
        fail_on: Status::Fail,
    };
    let code = redacted.exit_code(Status::Fail);
    let bytes = crate::report::render(&redacted, &opts, code).into_bytes();
    Member::redacted(name, bytes, tally)
}

/// The last lines of each class at the end of a log, through the
/// redactor; a log whose end is not UTF-8 text (a compressed file) is
/// left out, and the manifest says so.
fn last_lines(name: &str, path: &Path) -> Result<Member> {
    use std::io::{Read, Seek, SeekFrom};
    let what = format!("--log {}", path.display());
    let mut file = crate::input::open(&what, path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let from = size.saturating_sub(TAIL_BYTES);
    let mut raw = Vec::new();
    let read = file
        .seek(SeekFrom::Start(from))
        .and_then(|_| file.take(TAIL_BYTES).read_to_end(&mut raw));
    if let Err(e) = read {
        return Err(crate::error::Error::usage(format!(
            "{what}: {}",
            crate::input::io_reason(&e)
        )));
    }
    // A cut first line (and a character cut with it) is dropped.
    let start = if from > 0 {
        memchr::memchr(b'\n', &raw).map_or(raw.len(), |n| n + 1)
    } else {
        0
    };
    let tail = &raw[start..];
    let Ok(text) = std::str::from_utf8(tail) else {
        // The redactor refuses it with the reason.
        return Ok(Member::text(name, tail));
    };
    let mut out = String::new();
    for (class, lines) in crate::probes::logs::last_lines(text, LAST_LINES) {
        out.push_str(&format!("## {class}\n"));
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    if out.is_empty() {
        out.push_str("(no line of a known class in the last 1 MiB)\n");
    }
    Ok(Member::text(name, out.as_bytes()))
}

/// `environment.json`: the facts about this machine a support engineer
/// asks for first. Values pass the redactor with the rest of the member;
/// integration variables are listed by name only.
fn environment(doctor: &Report, ctx: &Ctx) -> Vec<u8> {
    let env = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
    let proxies: serde_json::Map<String, Value> = [
        "https_proxy",
        "HTTPS_PROXY",
        "http_proxy",
        "HTTP_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
    ]
    .iter()
    .filter_map(|n| env(n).map(|v| (n.to_string(), Value::String(v))))
    .collect();
    let integration: Vec<String> = integration_variables()
        .into_iter()
        .filter(|n| std::env::var_os(n).is_some())
        .collect();
    let resolvers = match crate::net::dns::system_servers() {
        Ok(servers) => json!({"system": servers}),
        Err(why) => json!({"system": [], "error": why}),
    };
    let clock = doctor
        .checks
        .iter()
        .find(|c| c.id() == crate::probes::doctor::CLOCK.id)
        .map_or_else(
            || json!({"measured": false, "why": "the doctor run held no clock check (a --config run measures clock skew only when one of its entries does)"}),
            |c| json!({
                "measured": c.status() != Status::Skip,
                "status": c.status().as_str(),
                "summary": c.summary(),
                "skew_seconds": c.details().get("skew_seconds").cloned().unwrap_or(Value::Null),
            }),
        );
    let trust = crate::net::trust::TrustStore::load(ctx.ca_file.as_deref()).ok();
    let stores = match &trust {
        Some(t) => {
            let system = t.system();
            json!({
                "system": {"location": system.location, "certificates": system.anchors.len()},
                "public": {"source": "Mozilla's roots (webpki-roots, built in)", "certificates": t.public.len()},
                "ca_file": ctx.ca_file.as_ref().map(|p| json!({"path": p.display().to_string(), "certificates": t.ca_file.len()})),
            })
        }
        None => json!({"error": "--ca-file could not be read"}),
    };
    let doc = json!({
        "plumb_version": env!("CARGO_PKG_VERSION"),
        "os": std::env::consts::OS,
        "arch": std::env::consts::ARCH,
        "resolvers": resolvers,
        "proxy_variables": proxies,
        "clock_skew": clock,
        "integration_variables_set": integration,
        "trust_stores": stores,
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.truncate(MAX_MEMBER);
    bytes
}

/// Every environment variable plumb reads for an integration: those its
/// flags take a value from (read from the command table, so a new one is
/// listed without a second list) and the trust-store variables.
fn integration_variables() -> Vec<String> {
    fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if let Some(name) = arg.get_env() {
                out.push(name.to_string_lossy().into_owned());
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    let mut names = Vec::new();
    walk(&super::command(), &mut names);
    names.extend(["SSL_CERT_FILE", "SSL_CERT_DIR"].map(String::from));
    names.sort();
    names.dedup();
    names
}

/// The doctor run's verdict, for the person making the bundle.
fn doctor_verdict(doctor: &Report) -> crate::report::Check {
    let count = |s| doctor.count(s);
    crate::probes::bundle::DOCTOR.info(format!(
        "report.json: {} passed, {} warned, {} failed, {} skipped, {} info",
        count(Status::Pass),
        count(Status::Warn),
        count(Status::Fail),
        count(Status::Skip),
        count(Status::Info)
    ))
}
