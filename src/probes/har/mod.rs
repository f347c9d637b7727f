//! `plumb har`: read a browser's HAR export (Chrome, Firefox, Safari) and
//! name what went wrong — failed calls with the provider's own reason,
//! requests the browser never got an answer to, slow phases, rate limits
//! and the credentials the file would leak — and `plumb har redact`,
//! which writes the same HAR with every secret and cookie masked.
//!
//! The file is streamed entry by entry (`model`), so memory follows the
//! largest entry, not the file.

mod analyse;
mod model;
mod scrub;
mod secrets;

use crate::context::Ctx;
use crate::error::{io_reason, Error, Result};
use crate::report::{Check, Def, Report, Timer};
use analyse::{Cause, Tally};
use serde_json::json;
use std::path::{Path, PathBuf};

pub const FAILED: Def = Def {
    id: "har.failed",
    title: "Failed requests",
    judges: "Whether any request got a 4xx or 5xx answer: grouped by host, method and path, each explained from the catalogue (as plumb explain does) and by the provider's own error in the body when the file holds it (Stripe error.code and message, Shopify errors, Mailchimp title and detail).",
    remedies: &[],
};
pub const BLOCKED: Def = Def {
    id: "har.blocked",
    title: "Requests without an answer",
    judges: "Whether the browser got no usable answer to a request: blocked by an extension or ad blocker (net::ERR_BLOCKED_BY_CLIENT), refused by CORS (a preflight or answer without the right Access-Control-Allow-* headers), mixed content (http on an https page), DNS (net::ERR_NAME_NOT_RESOLVED), TLS (net::ERR_CERT_*, ERR_SSL_*) or a failed connection (a request that ended with no answer and no reason warns); requests the page itself cancelled (net::ERR_ABORTED) do not count.",
    remedies: &[],
};
pub const SLOW: Def = Def {
    id: "har.slow",
    title: "Slow requests",
    judges: "Whether any answered request took longer than the deadline plumb uses for its provider (docs/providers.md: Shopify 5 s, Stripe and Mailchimp 10 s; 10 s for other hosts, as endpoint --deadline): over it fails, over half of it warns; the slowest are listed by phase (blocked, dns, connect, ssl, send, wait, receive).",
    remedies: &[],
};
pub const RATELIMIT: Def = Def {
    id: "har.ratelimit",
    title: "Rate limits",
    judges: "Every rate-limit header the answers carry, read as rate-limit inspect reads them, with the fullest quota per host, and every 429 with its Retry-After: a 429 fails, a spent quota warns.",
    remedies: &[],
};
pub const SECRETS: Def = Def {
    id: "har.secrets",
    title: "Credentials in the file",
    judges: "Whether the file holds credentials (API keys, tokens, passwords, session cookies), by kind and last four characters: anyone who gets the file can use them.",
    remedies: &[
        "Rotate every credential listed if the file has been shared (a ticket, a chat, an email): the provider's dashboard issues a new one and revokes the old.",
        "Share the output of plumb har redact FILE -o SAFE.har instead: the same HAR with every secret and cookie masked.",
    ],
};
pub const SUMMARY: Def = Def {
    id: "har.summary",
    title: "HAR summary",
    judges: "Nothing: which browser wrote the file, how many requests it holds and how many were answered.",
    remedies: &[],
};
pub const REDACTED: Def = Def {
    id: "har.redact",
    title: "Redacted HAR",
    judges: "Whether the redacted copy was written: how many entries it holds and how many values were masked.",
    remedies: &[],
};

/// Every check `har` reports, in report order.
pub const ALL: &[&Def] = &[&FAILED, &BLOCKED, &SLOW, &RATELIMIT, &SECRETS, &SUMMARY];
/// The checks `har redact` reports.
pub const REDACT_CHECKS: &[&Def] = &[&REDACTED];

/// The default bound on the file's size (docs/limits.md).
pub const DEFAULT_MAX_INPUT: u64 = 1 << 30;

#[derive(Debug, Clone)]
pub struct Options {
    /// The HAR file ('-' reads standard input)
    pub file: PathBuf,
    /// Read at most this much of the file
    pub max_input_size: u64,
}

impl Options {
    /// The defaults for a caller other than the command line.
    pub fn for_file(file: impl Into<PathBuf>) -> Self {
        Options {
            file: file.into(),
            max_input_size: DEFAULT_MAX_INPUT,
        }
    }
}

#[derive(Debug, Clone)]
pub struct RedactOptions {
    /// The HAR file to redact
    pub input: PathBuf,
    /// Where the redacted HAR goes (`-o`)
    pub output: Option<PathBuf>,
    pub max_input_size: u64,
}

fn shown(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".into()
    } else {
        crate::escape::clean(&path.display().to_string())
    }
}

/// How the error for a file the run's budget did not let plumb finish
/// begins.
const BUDGET_SPENT: &str = "the run's time budget";

/// The one line for a file that is not a HAR plumb can read.
fn unreadable(name: &str, e: &serde_json::Error) -> Error {
    let text = e.to_string();
    if text.contains(model::ENTRY_TOO_LARGE) || text.contains(model::FILE_TOO_LARGE) {
        let cut = text.find(" at line ").unwrap_or(text.len());
        return Error::usage(format!("{name}: {}", &text[..cut]));
    }
    if let Some(at) = text.find(BUDGET_SPENT) {
        let cut = text[at..].find(" at line ").map_or(text.len(), |n| at + n);
        return Error::usage(format!("{name}: {}", &text[at..cut]));
    }
    if e.is_io() {
        return Error::usage(format!("{name}: cannot read: {text}"));
    }
    Error::usage(format!("{name}: not a HAR file plumb can read: {text}"))
}

fn not_har(name: &str, outline: &model::Outline) -> Result<()> {
    if !outline.had_log {
        return Err(Error::usage(format!(
            "{name}: not a HAR file: no \"log\" object (save it from the browser's network panel with \"Save all as HAR\" / \"Export HAR\")"
        )));
    }
    if !outline.had_entries {
        return Err(Error::usage(format!(
            "{name}: not a HAR file: \"log\" has no \"entries\" list"
        )));
    }
    Ok(())
}

/// The input as the walk reads it: buffered over the meter.
type Input = std::io::BufReader<model::Metered<Box<dyn std::io::Read>>>;

/// Opens the input with its bounds: the file (or standard input),
/// metered so that no entry and no file passes its bound.
fn open(path: &Path, max: u64) -> Result<(Input, std::rc::Rc<std::cell::Cell<u64>>)> {
    let name = shown(path);
    let (raw, _) = crate::input::open_stream(&name, path)?;
    let metered = model::Metered::new(raw, max);
    let since = metered.since.clone();
    Ok((std::io::BufReader::with_capacity(64 * 1024, metered), since))
}

/// Skips a UTF-8 byte order mark (some Windows tools write one).
fn skip_bom(r: &mut impl std::io::BufRead, name: &str) -> Result<()> {
    let head = r
        .fill_buf()
        .map_err(|e| Error::usage(format!("{name}: cannot read: {}", io_reason(&e))))?;
    if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        r.consume(3);
    } else if head.starts_with(&[0x1f, 0x8b]) {
        return Err(Error::usage(format!(
            "{name}: a gzip stream; decompress it first (gunzip), plumb reads the HAR's JSON"
        )));
    } else if head.starts_with(b"PK\x03\x04") {
        return Err(Error::usage(format!(
            "{name}: a zip archive; extract the .har file from it first"
        )));
    }
    Ok(())
}

pub fn run(options: Options, ctx: &Ctx) -> Result<Report> {
    let timer = Timer::start();
    let name = shown(&options.file);
    let (mut reader, since) = open(&options.file, options.max_input_size)?;
    skip_bom(&mut reader, &name)?;
    let mut tally = Tally::default();
    let now = ctx.now();
    let deadline = ctx.deadline;
    let mut sink = |_i: usize, e: model::Entry| {
        if std::time::Instant::now() >= deadline {
            return Err(format!(
                "{BUDGET_SPENT} (--max-time {}) ran out before the file was read; give a longer --max-time",
                humantime::format_duration(ctx.max_time)
            ));
        }
        tally.add(&e, now);
        Ok(())
    };
    let outline = model::walk(&mut reader, since, &mut sink).map_err(|e| unreadable(&name, &e))?;
    not_har(&name, &outline)?;
    let mut report = Report::new("har", name);
    let took = timer.elapsed();
    for check in [
        failed(&tally),
        blocked(&tally),
        slow(&tally),
        ratelimit(&tally),
        secrets(&tally),
        summary(&tally, &outline),
    ] {
        report.push(check.took(took));
    }
    Ok(report)
}

fn failed(t: &Tally) -> Check {
    if t.failed_total == 0 {
        return FAILED.pass(format!(
            "no request got a 4xx or 5xx answer ({} answered)",
            t.answered
        ));
    }
    let mut groups = Vec::new();
    let mut remedies: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for ((host, method, path, status), f) in &t.failed {
        let (code, message) = f.provider.clone().unwrap_or_default();
        let entry = analyse::explanation(*status, Some(&code));
        let said = match (&code, &message) {
            (c, m) if !c.is_empty() && !m.is_empty() => format!(": {c}: {m}"),
            (c, _) if !c.is_empty() => format!(": {c}"),
            (_, m) if !m.is_empty() => format!(": {m}"),
            _ => String::new(),
        };
        lines.push(format!("{status} {method} {host}{path} ×{}{said}", f.count));
        let mut g = json!({
            "host": host,
            "method": method,
            "path": path,
            "status": status,
            "count": f.count,
            "example": f.example,
        });
        if !code.is_empty() {
            g["provider_code"] = json!(code);
        }
        if !message.is_empty() {
            g["provider_message"] = json!(message);
        }
        if let Some(e) = entry {
            g["explained_by"] = json!(e.id);
            g["meaning"] = json!(e.title);
            let by_code = e.id != format!("http.{status}");
            let step = if by_code || said.is_empty() {
                e.remedy
                    .first()
                    .map(|first| format!("{status} from {host}{path} ({}): {first}", e.title))
            } else {
                // The provider's own reason is more precise than what the
                // status means in general.
                Some(format!(
                    "{status} {} from {host}{path}: the provider says{said}; act on that reason (plumb explain {status} tells what the status means in general).",
                    e.title
                ))
            };
            if let Some(step) = step.filter(|_| remedies.len() < 8) {
                remedies.push(step);
            }
        }
        groups.push(g);
    }
    let more = t.failed.len().saturating_sub(3);
    let mut summary = format!(
        "{} request(s) failed: {}",
        t.failed_total,
        lines.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
    );
    if more > 0 {
        summary.push_str(&format!("; and {more} more group(s)"));
    }
    FAILED
        .fail(summary)
        .detail("failed", t.failed_total)
        .detail("groups", groups)
        .remedies(remedies)
}

fn blocked(t: &Tally) -> Check {
    let aborted = t.aborted;
    if t.blocked_total == 0 {
        let mut s = format!("every request got an answer ({} answered)", t.answered);
        if aborted > 0 {
            s.push_str(&format!(
                "; {aborted} cancelled by the page (net::ERR_ABORTED), not counted"
            ));
        }
        return BLOCKED.pass(s).detail("aborted", aborted);
    }
    let mut groups = Vec::new();
    let mut remedies = Vec::new();
    let mut lines = Vec::new();
    let mut seen: Vec<(Cause, String)> = Vec::new();
    for ((cause, host), b) in &t.blocked {
        lines.push(format!("{} {host} ×{}", cause.name(), b.count));
        let origin = if b.origin.is_empty() {
            "the page's origin"
        } else {
            &b.origin
        };
        groups.push(json!({
            "cause": cause.name(),
            "host": host,
            "count": b.count,
            "example": b.example,
            "error": b.error,
        }));
        if remedies.len() < 8 && !seen.iter().any(|(c, h)| c == cause && h == host) {
            seen.push((*cause, host.clone()));
            remedies.push(cause.remedy(host, origin));
        }
    }
    let mut summary = format!(
        "{} request(s) got no usable answer: {}",
        t.blocked_total,
        lines.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
    );
    if lines.len() > 3 {
        summary.push_str(&format!("; and {} more", lines.len() - 3));
    }
    // Requests that ended with no answer and no stated reason (still
    // pending when the file was saved, or stopped without a word) are a
    // warning; a named cause fails.
    let only_unexplained = t.blocked.keys().all(|(c, _)| *c == Cause::NoAnswer);
    let check = if only_unexplained {
        BLOCKED.warn(summary)
    } else {
        BLOCKED.fail(summary)
    };
    check
        .detail("blocked", t.blocked_total)
        .detail("groups", groups)
        .detail("aborted", aborted)
        .remedies(remedies)
}

fn phase_remedy(phase: &str, host: &str) -> String {
    match phase {
        "wait" => format!("Most of the time was the server's (wait, time to first byte): {host} was slow to answer; check the provider's status page, and on your own server what that endpoint does before answering."),
        "dns" => format!("Most of the time was DNS: plumb dns {host} compares resolvers."),
        "connect" | "ssl" => format!("Most of the time was connecting ({phase}): plumb endpoint https://{host}/ times each phase from here; a distant or overloaded server, or a proxy, is the usual cause."),
        "blocked" => "Most of the time the request waited in the browser's queue (blocked): too many requests to one host over HTTP/1.1 (6 at a time), or the page's own scripts; HTTP/2 and fewer requests help.".into(),
        "receive" => format!("Most of the time was downloading the answer (receive): {host} sent a large body or sent it slowly."),
        _ => format!("Most of the time was sending the request ({phase}): a large upload or a slow link."),
    }
}

fn slow(t: &Tally) -> Check {
    let Some(worst) = t.slowest.first() else {
        return SLOW.skip("no answered request to time");
    };
    let listed: Vec<serde_json::Value> = t
        .slowest
        .iter()
        .map(|s| {
            let phases: serde_json::Map<String, serde_json::Value> = s
                .phases
                .iter()
                .map(|(n, ms)| ((*n).to_string(), json!((ms * 10.0).round() / 10.0)))
                .collect();
            json!({
                "request": s.url,
                "total_ms": (s.total_ms * 10.0).round() / 10.0,
                "deadline_ms": s.deadline.as_millis() as u64,
                "provider": if s.provider.is_empty() { "other" } else { s.provider },
                "phases_ms": phases,
            })
        })
        .collect();
    let dominant = worst
        .phases
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(n, ms)| (*n, *ms));
    let phase_text = dominant
        .map(|(n, ms)| format!(", {ms:.0} ms of it {n}"))
        .unwrap_or_default();
    let whose = if worst.provider.is_empty() {
        "the 10 s plumb uses for other hosts".to_string()
    } else {
        format!("{}'s {} s", worst.provider, worst.deadline.as_secs())
    };
    let head = format!(
        "slowest: {} in {:.0} ms{phase_text} (deadline: {whose})",
        worst.url, worst.total_ms
    );
    let check = if t.over_deadline > 0 {
        SLOW.fail(format!(
            "{} request(s) over their deadline; {head}",
            t.over_deadline
        ))
    } else if t.over_half > 0 {
        SLOW.warn(format!(
            "{} request(s) over half their deadline; {head}",
            t.over_half
        ))
    } else {
        return SLOW
            .pass(format!("every request within half its deadline; {head}"))
            .detail("slowest", listed);
    };
    let remedy = dominant.map(|(n, _)| phase_remedy(n, &worst.host));
    check
        .detail("over_deadline", t.over_deadline)
        .detail("over_half_deadline", t.over_half)
        .detail("slowest", listed)
        .remedies(remedy)
}

fn ratelimit(t: &Tally) -> Check {
    let hosts: Vec<serde_json::Value> = t
        .limits
        .iter()
        .map(|(host, l)| {
            let mut h = json!({
                "host": host,
                "responses": l.responses,
                "headers": l.dialects,
                "spent": l.spent,
            });
            if let Some((share, source, used, limit)) = l.tightest {
                h["fullest"] = json!({
                    "source": source,
                    "used": used,
                    "limit": limit,
                    "percent": (share * 1000.0).round() / 10.0,
                });
            }
            h
        })
        .collect();
    let limited: Vec<serde_json::Value> = t
        .limited
        .iter()
        .map(|l| {
            json!({
                "request": l.url,
                "retry_after_s": l.retry_after.as_ref().map(|(d, _)| d.as_secs_f64()),
                "retry_after_form": l.retry_after.as_ref().map(|(_, f)| *f),
            })
        })
        .collect();
    let spent: usize = t.limits.values().map(|l| l.spent).sum();
    let fullest = t
        .limits
        .iter()
        .filter_map(|(h, l)| l.tightest.map(|x| (h, x)))
        .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0));
    let fullest_text = fullest
        .map(|(h, (share, source, used, limit))| {
            format!(
                "; fullest: {h} {used}/{limit} ({:.0}%, {source})",
                share * 100.0
            )
        })
        .unwrap_or_default();
    if t.limited_total > 0 {
        let first = &t.limited[0];
        let wait = match &first.retry_after {
            Some((d, _)) => format!("Retry-After {}", crate::duration::human_duration(*d)),
            None => "no Retry-After".into(),
        };
        let remedy = match &first.retry_after {
            Some((d, _)) => format!(
                "{} limited the requests: wait as Retry-After says ({}) before retrying, and pace calls below the limit (plumb rate-limit limits --service NAME lists the documented ones).",
                first.host,
                crate::duration::human_duration(*d)
            ),
            None => format!(
                "{} limited the requests without saying how long to wait: back off exponentially (1 s, 2 s, 4 s… with jitter) and pace calls below the limit.",
                first.host
            ),
        };
        return RATELIMIT
            .fail(format!(
                "{} request(s) got 429 Too Many Requests: first {} ({wait}){fullest_text}",
                t.limited_total, first.url
            ))
            .detail("limited", t.limited_total)
            .detail("answers_429", limited)
            .detail("hosts", hosts)
            .remedy(remedy);
    }
    if t.limits.is_empty() {
        return RATELIMIT.pass("no rate-limit header and no 429 in the file");
    }
    if spent > 0 {
        return RATELIMIT
            .warn(format!(
                "{spent} answer(s) show a spent quota{fullest_text}"
            ))
            .detail("hosts", hosts)
            .remedy("The next request in that window will be limited: wait for the quota's reset before sending more, and spread calls out.");
    }
    RATELIMIT
        .pass(format!(
            "rate-limit headers from {} host(s), no quota spent and no 429{fullest_text}",
            t.limits.len()
        ))
        .detail("hosts", hosts)
}

fn secrets(t: &Tally) -> Check {
    let f = &t.found;
    if f.distinct == 0 {
        return SECRETS
            .pass(format!(
                "no credential found ({} cookie value(s), none a session or credential)",
                f.cookies
            ))
            .detail("cookies", f.cookies);
    }
    let list: Vec<serde_json::Value> = f
        .credentials
        .iter()
        .map(|(masked, c)| {
            json!({
                "kind": c.kind,
                "value": masked,
                "where": c.places,
                "hosts": c.hosts,
                "count": c.count,
            })
        })
        .collect();
    let names: Vec<String> = f
        .credentials
        .iter()
        .take(3)
        .map(|(m, c)| format!("{} {m}", c.kind))
        .collect();
    let more = f.distinct.saturating_sub(names.len());
    let mut summary = format!(
        "the file holds {} credential(s): {}",
        f.distinct,
        names.join(", ")
    );
    if more > 0 {
        summary.push_str(&format!(" and {more} more"));
    }
    SECRETS
        .fail(summary)
        .detail("credentials", list)
        .detail("distinct", f.distinct)
        .detail("cookies", f.cookies)
}

fn summary(t: &Tally, outline: &model::Outline) -> Check {
    let creator = &outline.creator;
    let by = if creator.name.is_empty() {
        "an unnamed tool".to_string()
    } else {
        crate::redact::text(format!("{} {}", creator.name, creator.version).trim())
    };
    SUMMARY
        .info(format!(
            "{} request(s) written by {by}: {} answered, {} failed, {} without an answer",
            t.entries, t.answered, t.failed_total, t.blocked_total
        ))
        .detail("entries", t.entries)
        .detail("pages", outline.pages.len())
        .detail("creator", by)
}

/// Writes `input` to `out` with every secret and cookie masked; returns
/// how many values were masked. Reads the file twice (once to learn the
/// credentials it holds, once to copy it), never whole.
pub fn redact_to(input: &Path, out: &mut dyn std::io::Write) -> Result<usize> {
    redact_bounded(input, DEFAULT_MAX_INPUT, out).map(|d| d.redacted)
}

fn redact_bounded(input: &Path, max: u64, out: &mut dyn std::io::Write) -> Result<scrub::Done> {
    let name = shown(input);
    if input.as_os_str() == "-" {
        return Err(Error::usage(
            "har redact -: the file is read twice; name a file, not standard input",
        ));
    }
    let (mut reader, since) = open(input, max)?;
    skip_bom(&mut reader, &name)?;
    let (known, outline) = scrub::collect(&mut reader, since).map_err(|e| unreadable(&name, &e))?;
    not_har(&name, &outline)?;
    let (mut reader, since) = open(input, max)?;
    skip_bom(&mut reader, &name)?;
    scrub::copy(&mut reader, since, &known, out).map_err(|e| match e {
        scrub::CopyError::Read(e) => unreadable(&name, &e),
        scrub::CopyError::Write(e) => {
            Error::usage(format!("cannot write the redacted HAR: {}", io_reason(&e)))
        }
    })
}

/// `har redact IN -o OUT`: the redacted HAR goes to OUT, replacing it
/// only once complete; the report says what was done.
pub fn run_redact(options: RedactOptions, _ctx: &Ctx) -> Result<Report> {
    let timer = Timer::start();
    let Some(output) = options.output.as_deref().filter(|p| p.as_os_str() != "-") else {
        return Err(Error::usage(
            "har redact: give -o FILE for the redacted HAR (the report goes to standard output)",
        ));
    };
    let target = crate::output::Target::prepare("--output", output)?;
    let mut pending = target.create()?;
    let done = {
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, &mut pending);
        let done = redact_bounded(&options.input, options.max_input_size, &mut w)?;
        std::io::Write::flush(&mut w).map_err(|e| {
            Error::usage(format!("--output {}: {}", output.display(), io_reason(&e)))
        })?;
        done
    };
    pending.commit()?;
    let mut report = Report::new("har redact", shown(&options.input));
    report.push(
        REDACTED
            .pass(format!(
                "wrote {}: {} entries, {} value(s) masked",
                crate::escape::clean(&output.display().to_string()),
                done.entries,
                done.redacted
            ))
            .detail("entries", done.entries)
            .detail("redacted", done.redacted)
            .detail("output", output.display().to_string())
            .took(timer.elapsed()),
    );
    Ok(report)
}

#[cfg(test)]
mod tests;
