//! `plumb records diff`: compares two exports of the same records by key.
//! A is held as key → a hash of the whole row (and, within a memory
//! budget, a hash per column to name what differs); B is streamed
//! against it.

use super::columns::{self, Role};
use super::source::{self, Format, Sink};
use super::tally::{hash, CappedSet, Tally, MAX_IDS, MAX_TRACKED};
use super::{DUPLICATES, LIMITS};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::{Check, Def, Report, Status};
use csv::StringRecord;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

pub const COUNT: Def = Def {
    id: "records.count",
    title: "Record counts",
    judges: "Whether both exports hold the same number of records.",
    remedies: &[],
};
pub const MISSING: Def = Def {
    id: "records.missing",
    title: "Records missing from B",
    judges: "Whether every record of A has a record with the same key in B.",
    remedies: &[],
};
pub const EXTRA: Def = Def {
    id: "records.extra",
    title: "Records only in B",
    judges: "Whether every record of B has a record with the same key in A.",
    remedies: &[],
};
pub const NEAR_KEYS: Def = Def {
    id: "records.near_keys",
    title: "Keys that probably name the same record",
    judges: "Information: pairs of a record missing from B and a record only in B whose keys differ only by letter case, surrounding space or leading zeros (007 and 7), which are probably the same record keyed differently.",
    remedies: &[],
};
pub const CHANGED: Def = Def {
    id: "records.changed",
    title: "Records whose values differ",
    judges: "Whether records matched by key hold the same values, and in which columns they differ (--ignore-column leaves some out).",
    remedies: &[],
};

#[derive(Debug)]
pub struct Options {
    /// The source export
    pub a: PathBuf,
    /// The destination export
    pub b: PathBuf,
    /// The column that identifies a record in both files
    pub key: String,
    /// A column not to compare, such as updated_at (repeatable)
    pub ignore_column: Vec<String>,
    /// Read at most this much data per file, after decompression (K, M, G)
    pub max_input_size: u64,
}

/// What A's records may take in memory, estimated: keys, per-record
/// bookkeeping and per-column hashes. Past it A's further records are
/// counted but not held, and the report says so.
const MAX_HELD_BYTES: u64 = 512 * 1024 * 1024;
/// Of that, how many per-column hashes are kept (128 MiB): past them a
/// record is compared by its row hash alone, which finds a change but
/// cannot name the column.
const MAX_CELLS: u64 = 16 * 1024 * 1024;
/// What one held record costs besides its key and cells (the map's slot,
/// the key's and the record's headers), estimated.
const PER_RECORD: u64 = 96;

struct Held {
    order: u64,
    line: u64,
    /// The row hash over the compared-candidate columns ([`Source::digest`]).
    digest: u64,
    /// Per-column hashes, while the cell budget lasts.
    cells: Option<Box<[u64]>>,
    matched: bool,
}

/// Reads A: the header and, per key, the hashes of the compared columns.
struct Source<'a> {
    args: &'a Options,
    file: String,
    header: Vec<String>,
    key: usize,
    personal_key: bool,
    rows: u64,
    held: HashMap<String, Held>,
    dups: Tally,
    /// A's columns that go into the row hash: all but the key and the
    /// ignored ones.
    digest: Vec<bool>,
    held_bytes: u64,
    /// [`MAX_HELD_BYTES`], but smaller in tests.
    held_budget: u64,
    cells_left: u64,
    /// Records of A counted but not held (the memory budget was spent).
    unheld: u64,
}

fn ignored(args: &Options, name: &str) -> bool {
    args.ignore_column
        .iter()
        .any(|i| i.trim().eq_ignore_ascii_case(name))
}

/// One column's value hash, tied to its position in A.
/// An empty value counts as absent, as a JSON record without the key.
fn cell(i: usize, value: Option<&str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return 0;
    };
    let mut h = std::hash::DefaultHasher::new();
    i.hash(&mut h);
    value.hash(&mut h);
    h.finish()
}

/// A key as it would be written by a system that ignores case, spaces and
/// leading zeros: `  007 `, `7` and `07` are one; `AB-1` and `ab-1` too.
fn loose_key(key: &str) -> String {
    let key = key.trim().to_lowercase();
    let stripped = key.trim_start_matches('0');
    if stripped.is_empty() && !key.is_empty() {
        "0".to_string()
    } else {
        stripped.to_string()
    }
}

/// Most keys of B without a match that are kept to pair with A's.
const MAX_NEAR: usize = 100_000;

fn key_index(args: &Options, file: &str, header: &[String]) -> Result<usize> {
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

/// Per-column hashes; an empty or absent value is 0.
fn row_hashes(row: &StringRecord, cols: &[Option<usize>]) -> Vec<u64> {
    cols.iter()
        .map(|c| {
            c.and_then(|i| row.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map_or(0, hash)
        })
        .collect()
}

impl Sink for Source<'_> {
    fn header(&mut self, header: &[String], _format: Format) -> Result<()> {
        self.key = key_index(self.args, &self.file, header)?;
        self.personal_key = is_personal(&header[self.key]);
        self.header = header.to_vec();
        self.digest = header
            .iter()
            .enumerate()
            .map(|(i, h)| i != self.key && !ignored(self.args, h))
            .collect();
        Ok(())
    }

    fn columns_added(&mut self, header: &[String]) -> Result<()> {
        // Records held so far lacked the new columns: their cells end
        // early and their row hash has nothing for them, as for an empty
        // value.
        for h in &header[self.header.len()..] {
            self.digest.push(!ignored(self.args, h));
        }
        self.header = header.to_vec();
        Ok(())
    }

    fn row(&mut self, line: u64, row: &StringRecord) -> Result<()> {
        self.rows += 1;
        let key = row.get(self.key).unwrap_or("").trim();
        if self.held.contains_key(key) {
            let shown = label(self.personal_key, key, &self.file, line);
            self.dups.add(self.rows, &shown, "", "in_a");
            return Ok(());
        }
        let width = self.header.len() as u64;
        let keep_cells = self.cells_left >= width;
        let cost = PER_RECORD + key.len() as u64 + if keep_cells { width * 8 } else { 0 };
        if self.held_bytes + cost > self.held_budget {
            self.unheld += 1;
            return Ok(());
        }
        self.held_bytes += cost;
        // The row hash is needed only where the cells are not kept.
        let mut digest = 0u64;
        if !keep_cells {
            for (i, used) in self.digest.iter().enumerate() {
                if *used {
                    digest ^= cell(i, row.get(i));
                }
            }
        }
        let cells = keep_cells.then(|| {
            self.cells_left -= width;
            let cols: Vec<Option<usize>> = (0..self.header.len()).map(Some).collect();
            row_hashes(row, &cols).into_boxed_slice()
        });
        self.held.insert(
            key.to_string(),
            Held {
                order: self.rows,
                line,
                digest,
                cells,
                matched: false,
            },
        );
        Ok(())
    }
}

/// Streams B against what A left.
struct Target<'a, 's> {
    args: &'a Options,
    a: &'s mut Source<'a>,
    file: String,
    key: usize,
    /// For each A column, where B has it.
    map: Vec<Option<usize>>,
    /// A columns that are compared.
    compared: Vec<bool>,
    only_in_b: Vec<String>,
    /// Whether B lacks a column that is in A's row hash: records held
    /// without per-column hashes then cannot be compared.
    lacks_digest_column: bool,
    rows: u64,
    seen: CappedSet,
    extra: Tally,
    /// Matched records that differ, found by row hash: no column named.
    changed_unnamed: u64,
    /// Matched records that could not be compared (see `lacks_digest_column`).
    not_compared: u64,
    /// B's records with no match among those held, while A had records
    /// not held: they may be in A, so they are not called extra.
    unjudged: u64,
    dups: Tally,
    changed: Tally,
    changed_columns: BTreeMap<String, u64>,
    /// B's keys without a match, loosened ([`loose_key`]) → how B names them.
    near: HashMap<String, String>,
}

impl Target<'_, '_> {
    /// Where B holds each of A's columns, and which are compared.
    fn layout(&mut self, header: &[String]) {
        let ignored = |name: &str| ignored(self.args, name);
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
        self.lacks_digest_column = self
            .a
            .digest
            .iter()
            .zip(&self.map)
            .any(|(used, at)| *used && at.is_none());
    }
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
        self.layout(header);
        Ok(())
    }

    fn columns_added(&mut self, header: &[String]) -> Result<()> {
        self.layout(header);
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
            if self.a.unheld > 0 {
                self.unjudged += 1;
            } else {
                self.extra.add(self.rows, &shown, "", "only_in_b");
                if self.near.len() < MAX_NEAR {
                    self.near.entry(loose_key(key)).or_insert(shown);
                }
            }
            return Ok(());
        };
        held.matched = true;
        let Some(cells) = &held.cells else {
            if self.lacks_digest_column {
                self.not_compared += 1;
                return Ok(());
            }
            let mut theirs = 0u64;
            for (i, used) in self.a.digest.iter().enumerate() {
                if *used {
                    theirs ^= cell(i, self.map[i].and_then(|j| row.get(j)));
                }
            }
            if theirs != held.digest {
                self.changed_unnamed += 1;
                self.changed.add(self.rows, &shown, "", "changed");
            }
            return Ok(());
        };
        let theirs = row_hashes(row, &self.map);
        let mut any = false;
        for (i, theirs) in theirs.iter().enumerate() {
            // A record read before A's header grew lacks the later columns.
            let ours = cells.get(i).copied().unwrap_or(0);
            if self.compared[i] && ours != *theirs {
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

pub fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    if args.a.as_os_str() == "-" && args.b.as_os_str() == "-" {
        return Err(Error::usage(
            "A and B: standard input (-) can be read only once",
        ));
    }
    let mut a = Source::new(&args, MAX_HELD_BYTES, MAX_CELLS);
    let bounds = crate::input::Bounds {
        max_bytes: args.max_input_size,
        deadline: ctx.deadline,
    };
    let mut limits = Vec::new();
    let cut_a = source::read(&args.a, &mut a, bounds)?;
    if let Some(cut) = cut_a {
        limits.push(super::cut_note(&a.file, cut, a.rows, ctx));
    }
    if cut_a == Some(crate::input::Cut::Time) {
        limits.push(format!("{}: not read", args.b.display()));
        let mut report = Report::new(
            "records diff",
            format!("{} vs {}", args.a.display(), args.b.display()),
        );
        for def in [&COUNT, &MISSING, &EXTRA, &DUPLICATES, &CHANGED] {
            report.push(def.skip(ctx.out_of_time_summary()));
        }
        let b = Target::new(&args, &mut a);
        if let Some(check) = limits_check(limits, &b) {
            report.push(check);
        }
        return Ok(report);
    }
    let mut b = Target::new(&args, &mut a);
    if let Some(cut) = source::read(&args.b, &mut b, bounds)? {
        limits.push(super::cut_note(&b.file, cut, b.rows, ctx));
    }
    let mut report = build(&args, &b);
    if let Some(check) = limits_check(limits, &b) {
        report.push(check);
    }
    Ok(report)
}

impl<'a> Source<'a> {
    fn new(args: &'a Options, held_budget: u64, cells: u64) -> Self {
        Source {
            args,
            file: args.a.display().to_string(),
            header: Vec::new(),
            key: 0,
            personal_key: false,
            rows: 0,
            held: HashMap::new(),
            dups: Tally::default(),
            digest: Vec::new(),
            held_bytes: 0,
            held_budget,
            cells_left: cells,
            unheld: 0,
        }
    }
}

impl<'a, 's> Target<'a, 's> {
    fn new(args: &'a Options, a: &'s mut Source<'a>) -> Self {
        Target {
            args,
            a,
            file: args.b.display().to_string(),
            key: 0,
            map: Vec::new(),
            compared: Vec::new(),
            only_in_b: Vec::new(),
            lacks_digest_column: false,
            rows: 0,
            seen: CappedSet::default(),
            extra: Tally::default(),
            changed_unnamed: 0,
            not_compared: 0,
            unjudged: 0,
            dups: Tally::default(),
            changed: Tally::default(),
            changed_columns: BTreeMap::new(),
            near: HashMap::new(),
        }
    }
}

/// Every bound the run reached, so a partial comparison never looks whole.
fn limits_check(mut notes: Vec<String>, b: &Target<'_, '_>) -> Option<Check> {
    let mut remedies = Vec::new();
    if !notes.is_empty() {
        notes.push(
            "records past a cut count as missing or extra, so those counts are not final"
                .to_string(),
        );
    }
    if notes.iter().any(|n| n.contains("--max-input-size")) {
        remedies.push("Raise --max-input-size (e.g. --max-input-size 4G) to read the whole files.");
    }
    if notes.iter().any(|n| n.contains("--max-time")) {
        remedies.push("Give a longer --max-time: the run's time budget ended the read.");
    }
    let split = "Split both exports by the same key range (an id prefix, a date) and compare the parts: memory for A's records is bounded.";
    if b.a.unheld > 0 {
        notes.push(format!(
            "A holds more records than fit in plumb's memory budget: {} were held, {} were not, so {} record(s) of B without a match among the held ones were not judged",
            b.a.held.len(),
            b.a.unheld,
            b.unjudged
        ));
        remedies.push(split);
    }
    if b.changed_unnamed > 0 {
        notes.push(format!(
            "{} changed record(s) were compared by a hash of the whole row, so the columns that differ are named for the others only",
            b.changed_unnamed
        ));
    }
    if b.not_compared > 0 {
        notes.push(format!(
            "{} matched record(s) were not compared: their per-column values were not kept, and B lacks columns of A",
            b.not_compared
        ));
        remedies.push("Leave out the columns only A has with --ignore-column, so the remaining columns can be compared as a whole.");
    }
    if b.seen.full {
        notes.push(format!(
            "B has more than {MAX_TRACKED} distinct keys: repeats of keys past them were not looked for"
        ));
        if !remedies.contains(&split) {
            remedies.push(split);
        }
    }
    if notes.is_empty() {
        return None;
    }
    Some(
        LIMITS
            .warn(format!("the comparison is partial: {}", notes.join("; ")))
            .detail("limits", json!(notes))
            .remedies(remedies),
    )
}

fn build(args: &Options, b: &Target<'_, '_>) -> Report {
    let a = &*b.a;
    let mut report = Report::new(
        "records diff",
        format!("{} vs {}", args.a.display(), args.b.display()),
    );
    let status = |n: u64| if n == 0 { Status::Pass } else { Status::Fail };

    let same = a.rows == b.rows;
    report.push(
        remedy_if(
            COUNT.check(
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
        MISSING.check(status(n), format!("{n} record(s) in A have no match in B"))
            .detail("count", n)
            .detail("ids", json!(missing_ids)),
        "Re-sync the missing records and check the sync's log for why each was rejected (validation, permissions, rate limits).",
    ));
    let near = near_pairs(&missing, a, b);

    let n = b.extra.count;
    report.push(remedy_if(
        b.extra.apply(EXTRA.check(status(n), format!("{n} record(s) in B have no match in A"))),
        "Records only in the destination were deleted at the source or created elsewhere: decide whether to remove them or add them to the source.",
    ));

    let n = a.dups.count + b.dups.count;
    let ids: Vec<&String> = a.dups.ids.iter().chain(&b.dups.ids).take(MAX_IDS).collect();
    report.push(remedy_if(
        DUPLICATES.check(status(n), format!("{} key(s) repeated in A, {} in B", a.dups.count, b.dups.count))
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
        .apply(CHANGED.check(
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
            b.map.get(*i).is_some_and(Option::is_none)
                && !args.ignore_column.iter().any(|c| c.eq_ignore_ascii_case(h))
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
    if let Some(check) = near {
        report.push(check);
    }
    report
}

/// Records missing from B whose key B has in another case, with spaces or
/// without leading zeros: an info check with the first pairs, or nothing.
fn near_pairs(missing: &[(&String, &Held)], a: &Source<'_>, b: &Target<'_, '_>) -> Option<Check> {
    let pairs: Vec<(String, &String)> = missing
        .iter()
        .filter_map(|(k, h)| {
            b.near
                .get(&loose_key(k))
                .map(|theirs| (label(a.personal_key, k, &a.file, h.line), theirs))
        })
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let shown: Vec<Value> = pairs
        .iter()
        .take(MAX_IDS)
        .map(|(ours, theirs)| json!([ours, theirs]))
        .collect();
    Some(
        NEAR_KEYS
            .info(format!(
                "{} record(s) missing from B are probably the same record as one only in B: their keys differ only by case, surrounding space or leading zeros",
                pairs.len()
            ))
            .detail("count", pairs.len())
            .detail("pairs", Value::Array(shown))
            .remedy("Make both systems write the key the same way (case, padding with zeros), or compare on a normalised key, before re-syncing: these records exist on both sides."),
    )
}

fn remedy_if(check: Check, step: &str) -> Check {
    if check.status() == Status::Pass {
        check
    } else {
        check.remedy(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> Options {
        Options {
            a: "a.csv".into(),
            b: "b.csv".into(),
            key: "id".into(),
            ignore_column: Vec::new(),
            max_input_size: 1 << 30,
        }
    }

    fn header(width: usize) -> Vec<String> {
        std::iter::once("id".to_string())
            .chain((1..width).map(|i| format!("c{i}")))
            .collect()
    }

    fn row(id: u64, width: usize, value: &str) -> StringRecord {
        let mut r = StringRecord::new();
        r.push_field(&id.to_string());
        for _ in 1..width {
            r.push_field(value);
        }
        r
    }

    /// Memory for A is bounded: per-column hashes stop at their budget
    /// (changes are still found, by row hash), records stop at theirs
    /// (counted, and B's unmatched records are then not called extra),
    /// and the report says which bounds were reached.
    #[test]
    fn memory_for_a_is_bounded_and_the_report_says_so() {
        let args = args();
        let width = 50;
        // Cells for 10 records; room for about 100 records in all.
        let budget = 100 * (PER_RECORD + 3) + 10 * width as u64 * 8;
        let mut a = Source::new(&args, budget, 10 * width as u64);
        a.header(&header(width), Format::Csv(b',')).unwrap();
        for id in 0..1000 {
            a.row(id + 2, &row(id, width, "x")).unwrap();
        }
        assert!(a.held_bytes <= budget);
        assert!((90..110).contains(&a.held.len()), "{}", a.held.len());
        assert_eq!(a.held.values().filter(|h| h.cells.is_some()).count(), 10);
        assert_eq!(a.unheld, 1000 - a.held.len() as u64);
        let held = a.held.len() as u64;
        let mut b = Target::new(&args, &mut a);
        b.header(&header(width), Format::Csv(b',')).unwrap();
        for id in 0..1000 {
            // Every record held changes; the first 10 by column.
            b.row(id + 2, &row(id, width, "y")).unwrap();
        }
        assert_eq!(b.changed.count, held);
        assert_eq!(b.changed_unnamed, held - 10);
        assert_eq!(b.changed_columns["c1"], 10);
        assert_eq!(b.extra.count, 0);
        assert_eq!(b.unjudged, 1000 - held);
        let check = limits_check(Vec::new(), &b).unwrap();
        assert_eq!(check.status(), Status::Warn);
        assert!(
            check.summary().contains("memory budget"),
            "{}",
            check.summary()
        );
        assert!(
            check.summary().contains("hash of the whole row"),
            "{}",
            check.summary()
        );
    }

    /// Records held by row hash alone cannot be compared when B lacks a
    /// column of A; they are counted as such, never called changed.
    #[test]
    fn a_row_hash_needs_every_column_in_b() {
        let args = args();
        let mut a = Source::new(&args, MAX_HELD_BYTES, 0);
        a.header(&header(3), Format::Csv(b',')).unwrap();
        a.row(2, &row(1, 3, "x")).unwrap();
        let mut b = Target::new(&args, &mut a);
        b.header(&header(2), Format::Csv(b',')).unwrap();
        b.row(2, &row(1, 2, "x")).unwrap();
        assert_eq!(b.changed.count, 0);
        assert_eq!(b.not_compared, 1);
        let check = limits_check(Vec::new(), &b).unwrap();
        assert!(
            check.summary().contains("not compared"),
            "{}",
            check.summary()
        );
        // With every column present, an unchanged row matches its hash.
        let mut a = Source::new(&args, MAX_HELD_BYTES, 0);
        a.header(&header(3), Format::Csv(b',')).unwrap();
        a.row(2, &row(1, 3, "x")).unwrap();
        let mut b = Target::new(&args, &mut a);
        b.header(&header(3), Format::Csv(b',')).unwrap();
        b.row(2, &row(1, 3, " x ")).unwrap();
        assert_eq!(b.changed.count, 0);
        assert!(limits_check(Vec::new(), &b).is_none());
    }
}
