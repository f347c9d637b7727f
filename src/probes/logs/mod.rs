//! `plumb logs`: classify integration logs at disk speed. Streams each
//! input through fixed buffers, so memory stays flat whatever its size.

mod classes;
mod scan;
#[cfg(unix)]
mod split;
mod stamp;
mod tally;
mod text;

use crate::catalog;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input;
use crate::progress::Bar;
use crate::report::{Check, Def, Report, Status, Timer};
use classes::Class;
use serde_json::{json, Map, Value};
use std::io::Read;
use std::path::{Path, PathBuf};
use tally::{ClassTally, Tally};

/// One class of problem lines, by its name; the title is the class's own.
pub const CLASS: Def = Def {
    id: "logs.{class}",
    title: "{class}",
    judges: "How many lines fall in a class of integration problem (signature, validation, dns, tls, connection, rate_limit, oauth, auth, permission, not_found, server_error, timeout), with their most frequent messages: one fail per class found.",
    remedies: &[],
};
pub const UNCLASSIFIED: Def = Def {
    id: "logs.unclassified",
    title: "Error lines in no class",
    judges: "Whether lines that say they are errors (ERROR, FATAL, CRITICAL, Exception, `Error:`, level=error, JSON \"level\":\"error\") fell in none of the classes: how many, when, their most frequent shapes (numbers and ids taken out) and a few redacted samples, so nothing is silently dropped.",
    remedies: &["Read the shapes and samples: plumb explain 'MESSAGE' tells what a known error string means; a message plumb does not know still needs a look."],
};
pub const INCOMPLETE: Def = Def {
    id: "logs.incomplete",
    title: "Read to the end",
    judges: "Whether every input was read to its end before the run's time budget (--max-time) ran out.",
    remedies: &["Give a longer --max-time for a large log, or save a stream that never ends (a device, a FIFO, `logs -f`) to a file first and pass the file."],
};
pub const SUMMARY: Def = Def {
    id: "logs.summary",
    title: "Log summary",
    judges: "Nothing: how many lines and bytes were read, how many were problems, and the time span the log covers.",
    remedies: &[],
};

/// Every check `logs` reports, in report order.
pub const ALL: &[&Def] = &[&CLASS, &UNCLASSIFIED, &SUMMARY, &INCOMPLETE];

#[derive(Debug)]
pub struct Options {
    /// Log files: plain text or JSON lines, plain or compressed with gzip,
    /// xz, bzip2 or zstd; '-' reads standard input
    pub files: Vec<PathBuf>,
}

/// Inputs at least this large (in total) get a progress bar on a terminal.
const PROGRESS_FROM: u64 = 64 * 1024 * 1024;
/// Messages and record ids listed per class.
const TOP: usize = 5;

pub fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    let timer = Timer::start();
    let inputs = args
        .files
        .iter()
        .map(|p| Input::open(p))
        .collect::<Result<Vec<_>>>()?;
    let total: u64 = inputs.iter().filter_map(|i| i.size).sum();
    let bar = Bar::bytes(ctx.progress && total >= PROGRESS_FROM, "reading", total);
    // No size cap: the scan's memory is flat. The run's budget ends a
    // stream that never does (/dev/zero, `kubectl logs -f`).
    let bounds = input::Bounds {
        max_bytes: u64::MAX,
        deadline: ctx.deadline,
    };
    let mut tally = Tally::default();
    let mut stopped_in = None;
    for input in inputs {
        let name = input.name.clone();
        let format = input.format;
        let (found, stop, cut) = input.scan(&bar, bounds)?;
        tally.merge(found);
        match stop {
            Some(_) if cut.is_some() => {
                stopped_in = Some(name);
                break;
            }
            Some(scan::Stop::Binary(why)) => {
                return Err(Error::usage(format!(
                    "{}: {why}; plumb reads text logs, plain or compressed with gzip, xz, bzip2 or zstd",
                    crate::escape::clean(&name)
                )))
            }
            Some(scan::Stop::Io(e)) => {
                return Err(Error::usage(format!(
                    "{}: {}",
                    crate::escape::clean(&name),
                    read_reason(&e, format)
                )))
            }
            None => {}
        }
    }
    bar.finish();
    let mut report = report(&args.files, &tally, timer);
    if let Some(name) = stopped_in {
        report.push(budget_cut(&name, &tally, ctx));
    }
    Ok(report)
}

/// The warning for a scan the run's budget ended: the counts cover only
/// what was read.
fn budget_cut(name: &str, tally: &Tally, ctx: &Ctx) -> Check {
    INCOMPLETE.warn(format!(
            "stopped reading {} after {} line(s): the run's time budget (--max-time {}) ran out; the counts above cover only what was read",
            crate::escape::clean(name),
            tally.lines,
            humantime::format_duration(ctx.max_time)
        ))
    .detail("bytes_read", tally.bytes)
}

/// One log to read: a file or standard input, opened (and its format
/// told from its first bytes) before any scanning, so a bad name or an
/// archive fails at once.
struct Input {
    name: String,
    path: PathBuf,
    raw: std::io::BufReader<Box<dyn Read>>,
    format: input::Format,
    /// A regular file's size; `None` for standard input, a FIFO, a device.
    size: Option<u64>,
}

impl Input {
    fn open(path: &Path) -> Result<Input> {
        let name = if path.as_os_str() == "-" {
            "standard input".to_string()
        } else {
            path.display().to_string()
        };
        let (raw, size) = input::open_stream(&name, path)?;
        let regular = path.as_os_str() != "-" && std::fs::metadata(path).is_ok_and(|m| m.is_file());
        let (raw, format) = input::sniffed(&name, raw)?;
        // An archive is refused here, with the one line that names it.
        format.readable(&name)?;
        Ok(Input {
            name,
            path: path.to_path_buf(),
            raw,
            format,
            size: size.filter(|_| regular),
        })
    }

    /// Scans the input: a large plain file on every core, anything else
    /// as one stream. Returns what was found, why it stopped early (if it
    /// did) and which bound cut it (if one did).
    fn scan(
        self,
        bar: &Bar,
        bounds: input::Bounds,
    ) -> Result<(Tally, Option<scan::Stop>, Option<input::Cut>)> {
        #[cfg(unix)]
        if let (input::Format::Plain, Some(size)) = (self.format, self.size) {
            let parts = split::parts_for(size);
            if parts > 1 {
                if let Ok(file) = std::fs::File::open(&self.path) {
                    let out = split::scan(&file, size, parts, bounds, bar);
                    return Ok((out.tally, out.stop, out.cut));
                }
            }
        }
        let cut = input::CutFlag::default();
        let raw: Box<dyn Read> = match self.size {
            Some(_) => Box::new(Tracked {
                inner: self.raw,
                bar: bar.clone(),
            }),
            None => Box::new(self.raw),
        };
        let (raw, format) = input::sniffed(&self.name, raw)?;
        let decoded = input::decoder(&self.name, raw, format)?;
        let mut reader = input::Bounded::new(decoded, bounds, cut.clone());
        let mut scanner = scan::Scanner::new();
        let stop = scanner.scan(&mut reader).err();
        Ok((scanner.tally, stop, cut.get()))
    }
}

/// Moves the progress bar as bytes are read from disk.
struct Tracked<R> {
    inner: R,
    bar: Bar,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

/// What went wrong reading, for one line naming the file.
fn read_reason(e: &std::io::Error, format: input::Format) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound | ErrorKind::PermissionDenied => input::io_reason(e),
        _ if format != input::Format::Plain => {
            format!("not a readable {} stream ({e})", format.name())
        }
        ErrorKind::InvalidData | ErrorKind::InvalidInput | ErrorKind::UnexpectedEof => {
            format!("cannot read ({e})")
        }
        _ => input::io_reason(e),
    }
}

fn report(files: &[PathBuf], tally: &Tally, timer: Timer) -> Report {
    let mut report = Report::new("logs", target(files));
    for class in Class::ALL {
        let found = &tally.classes[class.index()];
        if found.count > 0 {
            report.push(class_check(class, found, tally.lines));
        }
    }
    if tally.unclassified.count > 0 {
        report.push(unclassified_check(&tally.unclassified, tally.lines));
    }
    report.push(summary(files, tally).took(timer.elapsed()));
    report
}

fn target(files: &[PathBuf]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|p| match p.to_str() {
            Some("-") => "standard input".to_string(),
            _ => p.display().to_string(),
        })
        .collect();
    if names.len() <= 3 {
        names.join(", ")
    } else {
        format!(
            "{} and {} more files",
            names[..2].join(", "),
            names.len() - 2
        )
    }
}

fn class_check(class: Class, found: &ClassTally, lines: u64) -> Check {
    let top = found.messages.top(TOP);
    let most = top.first().map_or("", |(m, _)| m);
    let summary = format!(
        "{} ({}); most often: {}",
        plural(found.count, "line"),
        percent(found.count, lines),
        if most.is_empty() {
            "(empty line)"
        } else {
            most
        }
    );
    let mut check = CLASS
        .check_titled(
            format!("logs.{}", class.name()),
            class.title(),
            Status::Fail,
            summary,
        )
        .detail("count", found.count);
    if let (Some(first), Some(last)) = (found.seen.first, found.seen.last) {
        check = check
            .detail("first_seen", rfc3339(first))
            .detail("last_seen", rfc3339(last));
    }
    check = check.detail("top_messages", counted(&top));
    if class == Class::Validation && found.records.distinct() > 0 {
        check = check.detail("record_ids", counted(&found.records.top(TOP)));
    }
    if found.messages.overflow > 0 {
        check = check.detail(
            "ungrouped_lines",
            format!(
                "{}: after {} distinct messages the rest are counted but not grouped",
                found.messages.overflow,
                tally::MAX_GROUPS
            ),
        );
    }
    let steps = catalog::by_id(class.catalog_id()).map_or(&[][..], |e| e.remedy);
    check.remedies(steps.iter().copied())
}

fn unclassified_check(found: &tally::Unclassified, lines: u64) -> Check {
    let top = found.shapes.top(TOP);
    let most = top.first().map_or("", |(m, _)| m);
    let mut check = UNCLASSIFIED
        .warn(format!(
            "{} ({}) look like errors but fall in no class; most often: {}",
            plural(found.count, "line"),
            percent(found.count, lines),
            if most.is_empty() {
                "(empty line)"
            } else {
                most
            }
        ))
        .detail("count", found.count);
    if let (Some(first), Some(last)) = (found.seen.first, found.seen.last) {
        check = check
            .detail("first_seen", rfc3339(first))
            .detail("last_seen", rfc3339(last));
    }
    check = check.detail("top_shapes", counted(&top)).detail(
        "samples",
        Value::Array(found.samples.iter().cloned().map(Value::String).collect()),
    );
    if found.shapes.overflow > 0 {
        check = check.detail(
            "ungrouped_lines",
            format!(
                "{}: after {} distinct shapes the rest are counted but not grouped",
                found.shapes.overflow,
                tally::MAX_GROUPS
            ),
        );
    }
    check
}

fn summary(files: &[PathBuf], tally: &Tally) -> Check {
    let problems = tally.problems();
    let summary = if problems == 0 && tally.unclassified.count > 0 {
        format!(
            "{} read, none in a known class, but {} look like errors (see logs.unclassified)",
            plural(tally.lines, "line"),
            plural(tally.unclassified.count, "line")
        )
    } else if problems == 0 {
        format!(
            "{} read, no known problem found",
            plural(tally.lines, "line")
        )
    } else {
        format!(
            "{} read, {} in {}",
            plural(tally.lines, "line"),
            plural(problems, "problem line"),
            plural(
                tally.classes.iter().filter(|c| c.count > 0).count() as u64,
                "class"
            )
        )
    };
    let mut check = SUMMARY
        .info(summary)
        .detail("files", files.len())
        .detail("lines", tally.lines)
        .detail("bytes", tally.bytes)
        .detail("problem_lines", problems);
    if tally.unclassified.count > 0 {
        check = check.detail("unclassified_error_lines", tally.unclassified.count);
    }
    if let (Some(first), Some(last)) = (tally.span.first, tally.span.last) {
        check = check.detail(
            "time_span",
            format!(
                "{} to {} ({})",
                rfc3339(first),
                rfc3339(last),
                humantime::format_duration(std::time::Duration::from_secs(
                    u64::try_from(last - first).unwrap_or(0)
                ))
            ),
        );
    }
    let per_class: Map<String, Value> = Class::ALL
        .iter()
        .filter(|c| tally.classes[c.index()].count > 0)
        .map(|c| (c.name().to_string(), json!(tally.classes[c.index()].count)))
        .collect();
    check = check.detail("lines_per_class", Value::Object(per_class));
    if let Some(t) = tally::timeline(&tally.hours) {
        check = check.detail("timeline", t.marks).detail(
            "timeline_scale",
            format!(
                "{} per mark, from {} to {}, busiest mark {}",
                if t.hours_per_mark == 1 {
                    "1 hour".to_string()
                } else {
                    format!("{} hours", t.hours_per_mark)
                },
                rfc3339(t.start_hour * 3600),
                rfc3339(t.end_hour * 3600 + 3599),
                plural(t.peak, "problem line")
            ),
        );
    }
    check
}

fn counted(items: &[(&str, u64)]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|(text, n)| Value::String(format!("{n}× {text}")))
            .collect(),
    )
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else if word.ends_with("ss") {
        format!("{n} {word}es")
    } else {
        format!("{n} {word}s")
    }
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".to_string();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if p >= 10.0 || p == 0.0 {
        format!("{p:.0}% of lines")
    } else {
        format!("{p:.1}% of lines")
    }
}

fn rfc3339(unix: i64) -> String {
    let t = if unix >= 0 {
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix.unsigned_abs())
    } else {
        std::time::UNIX_EPOCH - std::time::Duration::from_secs(unix.unsigned_abs())
    };
    humantime::format_rfc3339_seconds(t).to_string()
}

/// The last `per_class` lines of each class in `text` (the end of a log),
/// class by class in report order, each class's lines in input order.
/// The lines are as written: the caller passes them through the redactor.
pub fn last_lines(text: &str, per_class: usize) -> Vec<(&'static str, Vec<&str>)> {
    let classifier = classes::Classifier::new();
    let mut found: Vec<(Class, Vec<&str>)> = Vec::new();
    let mut lower = Vec::new();
    for line in text.lines().rev() {
        lower.clear();
        lower.extend(line.bytes().map(|b| b.to_ascii_lowercase()));
        let Some(class) = classifier.classify(&lower).class else {
            continue;
        };
        match found.iter_mut().find(|(c, _)| *c == class) {
            Some((_, lines)) if lines.len() < per_class => lines.push(line),
            Some(_) => {}
            None => found.push((class, vec![line])),
        }
    }
    found.sort_by_key(|(c, _)| c.index());
    found
        .into_iter()
        .map(|(c, mut lines)| {
            lines.reverse();
            (c.name(), lines)
        })
        .collect()
}
