//! `plumb records diff`: compares two exports of the same records by key.
//! A is held as key → per-column hashes; B is streamed against it.

use super::columns::{self, Role};
use super::source::{self, Format, Sink};
use super::tally::{hash, IdSet, Tally, MAX_IDS};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::{Check, Report, Status};
use csv::StringRecord;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plumb records diff source.csv destination.csv --key id\n  \
                        plumb records diff shop.jsonl crm.csv --key email --ignore-column updated_at"
)]
pub struct Args {
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
}

struct Held {
    order: u64,
    line: u64,
    hashes: Vec<u64>,
    matched: bool,
}

/// Reads A: the header and, per key, the hashes of the compared columns.
struct Source<'a> {
    args: &'a Args,
    file: String,
    header: Vec<String>,
    key: usize,
    personal_key: bool,
    rows: u64,
    held: HashMap<String, Held>,
    dups: Tally,
}

fn key_index(args: &Args, file: &str, header: &[String]) -> Result<usize> {
    columns::find(header, &args.key).ok_or_else(|| {
        Error::usage(format!(
            "--key {}: {file} has no such column (it has: {})",
            args.key,
            header.join(", ")
        ))
    })
}

/// A key that is an email, phone or name would print personal data: such
/// rows are named by line instead.
fn is_personal(header: &str) -> bool {
    matches!(
        columns::recognise(header),
        Some(Role::Email | Role::Phone | Role::Name)
    )
}

fn label(personal: bool, key: &str, file: &str, line: u64) -> String {
    if personal {
        format!("{file} line {line}")
    } else {
        key.to_string()
    }
}

fn row_hashes(row: &StringRecord, cols: &[Option<usize>]) -> Vec<u64> {
    cols.iter()
        .map(|c| c.and_then(|i| row.get(i)).map_or(0, |v| hash(v.trim())))
        .collect()
}

impl Sink for Source<'_> {
    fn header(&mut self, header: &[String], _format: Format) -> Result<()> {
        self.key = key_index(self.args, &self.file, header)?;
        self.personal_key = is_personal(&header[self.key]);
        self.header = header.to_vec();
        Ok(())
    }

    fn row(&mut self, line: u64, row: &StringRecord) -> Result<()> {
        self.rows += 1;
        let key = row.get(self.key).unwrap_or("").trim().to_string();
        let cols: Vec<Option<usize>> = (0..self.header.len()).map(Some).collect();
        let hashes = row_hashes(row, &cols);
        if self.held.contains_key(&key) {
            let shown = label(self.personal_key, &key, &self.file, line);
            self.dups.add(self.rows, &shown, "", "in_a");
            return Ok(());
        }
        self.held.insert(
            key,
            Held {
                order: self.rows,
                line,
                hashes,
                matched: false,
            },
        );
        Ok(())
    }
}

/// Streams B against what A left.
struct Target<'a, 's> {
    args: &'a Args,
    a: &'s mut Source<'a>,
    file: String,
    key: usize,
    /// For each A column, where B has it.
    map: Vec<Option<usize>>,
    /// A columns that are compared.
    compared: Vec<bool>,
    only_in_b: Vec<String>,
    rows: u64,
    seen: IdSet,
    extra: Tally,
    dups: Tally,
    changed: Tally,
    changed_columns: BTreeMap<String, u64>,
}

impl Sink for Target<'_, '_> {
    fn header(&mut self, header: &[String], _format: Format) -> Result<()> {
        self.key = key_index(self.args, &self.file, header)?;
        for ignored in &self.args.ignore_column {
            if columns::find(&self.a.header, ignored).is_none()
                && columns::find(header, ignored).is_none()
            {
                return Err(Error::usage(format!(
                    "--ignore-column {ignored}: neither file has such a column"
                )));
            }
        }
        let ignored = |name: &str| {
            self.args
                .ignore_column
                .iter()
                .any(|i| i.trim().eq_ignore_ascii_case(name))
        };
        self.map = self
            .a
            .header
            .iter()
            .map(|h| columns::find(header, h))
            .collect();
        self.compared = self
            .a
            .header
            .iter()
            .enumerate()
            .map(|(i, h)| i != self.a.key && !ignored(h) && self.map[i].is_some())
            .collect();
        self.only_in_b = header
            .iter()
            .filter(|h| columns::find(&self.a.header, h).is_none() && !ignored(h))
            .cloned()
            .collect();
        Ok(())
    }

    fn row(&mut self, line: u64, row: &StringRecord) -> Result<()> {
        self.rows += 1;
        let key = row.get(self.key).unwrap_or("").trim();
        let shown = label(self.a.personal_key, key, &self.file, line);
        if !self.seen.insert(hash(key)) {
            self.dups.add(self.rows, &shown, "", "in_b");
            return Ok(());
        }
        let Some(held) = self.a.held.get_mut(key) else {
            self.extra.add(self.rows, &shown, "", "only_in_b");
            return Ok(());
        };
        held.matched = true;
        let theirs = row_hashes(row, &self.map);
        let mut any = false;
        for (i, (ours, theirs)) in held.hashes.iter().zip(&theirs).enumerate() {
            if self.compared[i] && ours != theirs {
                any = true;
                *self
                    .changed_columns
                    .entry(self.a.header[i].clone())
                    .or_default() += 1;
            }
        }
        if any {
            self.changed.add(self.rows, &shown, "", "changed");
        }
        Ok(())
    }
}

pub fn run(args: Args, _ctx: &Ctx) -> Result<Report> {
    if args.a.as_os_str() == "-" && args.b.as_os_str() == "-" {
        return Err(Error::usage(
            "A and B: standard input (-) can be read only once",
        ));
    }
    let mut a = Source {
        args: &args,
        file: args.a.display().to_string(),
        header: Vec::new(),
        key: 0,
        personal_key: false,
        rows: 0,
        held: HashMap::new(),
        dups: Tally::default(),
    };
    source::read(&args.a, &mut a)?;
    let mut b = Target {
        args: &args,
        a: &mut a,
        file: args.b.display().to_string(),
        key: 0,
        map: Vec::new(),
        compared: Vec::new(),
        only_in_b: Vec::new(),
        rows: 0,
        seen: IdSet::default(),
        extra: Tally::default(),
        dups: Tally::default(),
        changed: Tally::default(),
        changed_columns: BTreeMap::new(),
    };
    source::read(&args.b, &mut b)?;
    Ok(build(&args, b))
}

fn build(args: &Args, b: Target<'_, '_>) -> Report {
    let a = &*b.a;
    let mut report = Report::new(
        "records diff",
        format!("{} vs {}", args.a.display(), args.b.display()),
    );
    let status = |n: u64| if n == 0 { Status::Pass } else { Status::Fail };

    let same = a.rows == b.rows;
    report.push(
        remedy_if(
            Check::new(
                "records.count",
                "Record counts",
                status(u64::from(!same)),
                if same {
                    format!("both exports hold {} record(s)", a.rows)
                } else {
                    format!("A holds {} record(s), B holds {}", a.rows, b.rows)
                },
            )
            .detail("rows_a", a.rows)
            .detail("rows_b", b.rows),
            "Compare the sync's filters and its error log: records rejected or skipped during the sync explain a lower count.",
        ),
    );

    let mut missing: Vec<(&String, &Held)> = a.held.iter().filter(|(_, h)| !h.matched).collect();
    missing.sort_by_key(|(_, h)| h.order);
    let missing_ids: Vec<String> = missing
        .iter()
        .take(MAX_IDS)
        .map(|(k, h)| label(a.personal_key, k, &a.file, h.line))
        .collect();
    let n = missing.len() as u64;
    report.push(remedy_if(
        Check::new("records.missing", "Records missing from B", status(n), format!("{n} record(s) in A have no match in B"))
            .detail("count", n)
            .detail("ids", json!(missing_ids)),
        "Re-sync the missing records and check the sync's log for why each was rejected (validation, permissions, rate limits).",
    ));

    let n = b.extra.count;
    report.push(remedy_if(
        b.extra.apply(Check::new("records.extra", "Records only in B", status(n), format!("{n} record(s) in B have no match in A"))),
        "Records only in the destination were deleted at the source or created elsewhere: decide whether to remove them or add them to the source.",
    ));

    let n = a.dups.count + b.dups.count;
    let ids: Vec<&String> = a.dups.ids.iter().chain(&b.dups.ids).take(MAX_IDS).collect();
    report.push(remedy_if(
        Check::new("records.duplicates", "Repeated keys", status(n), format!("{} key(s) repeated in A, {} in B", a.dups.count, b.dups.count))
            .detail("count", n)
            .detail("ids", json!(ids))
            .detail("in_a", a.dups.count)
            .detail("in_b", b.dups.count),
        "A key must identify one record: remove the duplicates, or choose a --key column that is unique.",
    ));

    let n = b.changed.count;
    let columns: Map<String, Value> = b
        .changed_columns
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(*v)))
        .collect();
    let mut changed = b
        .changed
        .apply(Check::new(
            "records.changed",
            "Records whose values differ",
            status(n),
            if n == 0 {
                "every matched record has the same values".to_string()
            } else {
                format!(
                    "{n} record(s) differ in: {}",
                    b.changed_columns
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        ))
        .detail("columns", Value::Object(columns));
    let only_in_a: Vec<&String> = a
        .header
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            b.map[*i].is_none() && !args.ignore_column.iter().any(|c| c.eq_ignore_ascii_case(h))
        })
        .map(|(_, h)| h)
        .collect();
    if !only_in_a.is_empty() {
        changed = changed.detail("columns_only_in_a", json!(only_in_a));
    }
    if !b.only_in_b.is_empty() {
        changed = changed.detail("columns_only_in_b", json!(b.only_in_b));
    }
    report.push(remedy_if(
        changed,
        "Check the field mapping and transformations for the columns listed; columns that always differ (timestamps) can be left out with --ignore-column.",
    ));
    report
}

fn remedy_if(check: Check, step: &str) -> Check {
    if check.status == Status::Pass {
        check
    } else {
        check.remedy(step)
    }
}
