//! `plumb records validate`: streams each export once and tallies the
//! records a sync would reject. Per row it keeps only a hash of the id
//! (and of the email, for the shared-email warning).

use super::columns::{AddressPart, Columns, DateKind, Role};
use super::fields::{self, DateVerdict};
use super::phone::{self, Phone};
use super::source::{self, Format, Sink};
use super::tally::{hash, CappedSet, Tally, MAX_TRACKED};
use super::{columns, email};
use super::{DUPLICATES, LIMITS};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::input::{self, io_reason};
use crate::report::{Check, Def, Report, Status};
use csv::StringRecord;
use jiff::Timestamp;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

pub const EMAIL: Def = Def {
    id: "records.email",
    title: "Email addresses",
    judges: "Whether every email address is one a sync accepts: RFC 5321/5322 syntax, an IDNA domain that can receive mail, and no quoted local part, IP-literal domain or non-ASCII local part (which most CRMs refuse); a wrapper (mailto:, <…>, quotes, a trailing comma, a zero-width space) is named with the address inside; skipped without an email column.",
    remedies: &[],
};
pub const NAME: Def = Def {
    id: "records.name",
    title: "Names",
    judges: "Whether every record has a name; skipped without a name column.",
    remedies: &[],
};
pub const DATE: Def = Def {
    id: "records.date",
    title: "Dates",
    judges: "Whether every date can be read and lies in the past: unreadable dates and times and future birthdays or creation dates fail; real dates not in ISO 8601 (RFC 2822, July 13, 2006, 13/04/2025, Unix timestamps), day/month order that could go either way, placeholder dates (1900-01-01, 0000-00-00) and placeholder words (N/A, null, -) warn; timestamps without a timezone are information.",
    remedies: &[],
};
pub const PHONE: Def = Def {
    id: "records.phone",
    title: "Phone numbers (E.164)",
    judges: "Whether every phone number is a valid number in E.164 form, judged with libphonenumber's metadata: unknown country codes, too few or too many digits and unassigned ranges fail; a valid number written another way fails with its E.164 form (a national number needs --default-region); a landline number in a mobile column warns.",
    remedies: &[],
};
pub const ADDRESS: Def = Def {
    id: "records.address",
    title: "Postal addresses",
    judges: "Whether every address that is filled in has its street line, city, postal code and country; an export lacking one of those columns warns.",
    remedies: &[],
};
pub const SUMMARY: Def = Def {
    id: "records.summary",
    title: "Records read",
    judges: "How many records were read and which columns were recognised; rows with more or fewer fields than the header warn.",
    remedies: &[],
};

#[derive(Debug)]
pub struct Options {
    /// Exports to check: CSV (comma, semicolon or tab), JSON lines or a
    /// JSON array; `-` reads standard input; gzip is read directly
    pub files: Vec<PathBuf>,
    /// Map a field to a column whose name plumb does not recognise
    /// (repeatable), e.g. email=E-Mail
    pub columns: Vec<String>,
    /// The column holding the record id [default: id, else the first column]
    pub id_column: Option<String>,
    /// Region for phone numbers written without a country code (US, GB,
    /// DE…): the report then says what the E.164 form would be
    pub default_region: Option<String>,
    /// Write the rows with problems (all their columns plus plumb_problems)
    /// to this CSV file
    pub bad_out: Option<PathBuf>,
    /// Read at most this much data per file, after decompression (K, M, G)
    pub max_input_size: u64,
    /// Stop writing --bad-out at this size (K, M, G)
    pub max_bad_out: u64,
}

pub fn run(args: Options, ctx: &Ctx) -> Result<Report> {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Error::usage(
            "FILE: standard input (-) can be read only once",
        ));
    }
    let region = match &args.default_region {
        Some(r) => Some(r.trim().to_ascii_uppercase().parse().map_err(|_| {
            Error::usage(format!(
                "--default-region {r}: not a region code; use two letters such as US, GB or DE"
            ))
        })?),
        None => None,
    };
    let bad_out = match &args.bad_out {
        Some(path) => Some(open_bad_out(path)?),
        None => None,
    };
    let now = Timestamp::try_from(ctx.now()).unwrap_or(Timestamp::UNIX_EPOCH);
    let mut v = Validator::new(&args, region, now, bad_out);
    let bounds = input::Bounds {
        max_bytes: args.max_input_size,
        deadline: ctx.deadline,
    };
    for (i, file) in args.files.iter().enumerate() {
        v.file = file.display().to_string();
        let rows_before = v.rows;
        let cut = source::read(file, &mut v, bounds)?;
        if let Some(cut) = cut {
            v.limits
                .push(super::cut_note(&v.file, cut, v.rows - rows_before, ctx));
            if cut == input::Cut::Time {
                let rest: Vec<String> = args.files[i + 1..]
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect();
                if !rest.is_empty() {
                    v.limits.push(format!("not read: {}", rest.join(", ")));
                }
                break;
            }
        }
    }
    if let Some(w) = v.bad_out.take() {
        // Only a complete file replaces the old one.
        let pending = w
            .into_inner()
            .map_err(|e| bad_out_error(&args, e.error()))?
            .inner
            .into_inner()
            .map_err(|e| bad_out_error(&args, e.error()))?;
        pending.commit()?;
    }
    let target = args
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(v.report(target))
}

type BadOut = csv::Writer<Counted<BufWriter<crate::output::Pending>>>;

/// The `--bad-out` file, written as `-o` is: to a temporary file renamed
/// into place when the run completes.
fn open_bad_out(path: &Path) -> Result<BadOut> {
    if path.as_os_str() == "-" {
        return Err(Error::usage(
            "--bad-out -: standard output carries the report; name a file",
        ));
    }
    let file = crate::output::Target::prepare("--bad-out", path)?.create()?;
    Ok(csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Counted {
            inner: BufWriter::new(file),
            written: 0,
        }))
}

/// A writer that counts what went through it, for `--max-bad-out`.
struct Counted<W> {
    inner: W,
    written: u64,
}

impl<W: std::io::Write> std::io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn bad_out_error(args: &Options, e: &std::io::Error) -> Error {
    let shown = args
        .bad_out
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    Error::usage(format!("--bad-out {shown}: {}", io_reason(e)))
}

/// How bad one problem is; a row with any problem goes to `--bad-out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Warn,
    Fail,
}

struct Validator<'a> {
    args: &'a Options,
    region: Option<phonenumber::country::Id>,
    now: Timestamp,
    file: String,
    columns: Option<Columns>,
    formats: Vec<&'static str>,
    recognised: Map<String, Value>,
    roles_seen: Vec<Role>,
    rows: u64,
    ragged: Tally,
    email: Tally,
    name: Tally,
    date: Tally,
    date_local: Tally,
    phone: Tally,
    phone_fixable: u64,
    address: Tally,
    absent_address: Vec<&'static str>,
    dup_id: Tally,
    dup_email: Tally,
    ids: CappedSet,
    email_owner: HashMap<u64, u64, super::tally::BuildU64>,
    /// Whether an email arrived when `email_owner` was full.
    emails_full: bool,
    bad_out: Option<BadOut>,
    /// Columns in the `--bad-out` header, before `plumb_problems`.
    bad_out_width: usize,
    bad_rows: u64,
    /// Rows with problems not written because --bad-out reached its cap.
    bad_rows_dropped: u64,
    /// Bounds that were reached, one line each.
    limits: Vec<String>,
    /// Problems of the current row: (level, text for `--bad-out`).
    problems: Vec<(Level, String)>,
}

impl<'a> Validator<'a> {
    fn new(
        args: &'a Options,
        region: Option<phonenumber::country::Id>,
        now: Timestamp,
        bad_out: Option<BadOut>,
    ) -> Self {
        Validator {
            args,
            region,
            now,
            file: String::new(),
            columns: None,
            formats: Vec::new(),
            recognised: Map::new(),
            roles_seen: Vec::new(),
            rows: 0,
            ragged: Tally::default(),
            email: Tally::default(),
            name: Tally::default(),
            date: Tally::default(),
            date_local: Tally::default(),
            phone: Tally::default(),
            phone_fixable: 0,
            address: Tally::default(),
            absent_address: Vec::new(),
            dup_id: Tally::default(),
            dup_email: Tally::default(),
            ids: CappedSet::default(),
            email_owner: HashMap::default(),
            emails_full: false,
            bad_out,
            bad_out_width: 0,
            bad_rows: 0,
            bad_rows_dropped: 0,
            limits: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn note(&mut self, level: Level, text: String) {
        self.problems.push((level, text));
    }

    fn check_row(&mut self, c: &Columns, line: u64, row: &StringRecord) {
        let id_value = row.get(c.id).map(str::trim).unwrap_or("");
        // An id taken from a personal column would print personal data.
        let id = if id_value.is_empty() || c.roles.iter().any(|(i, _)| *i == c.id) {
            format!("line {line}")
        } else {
            id_value.to_string()
        };
        if row.len() != c.names.len() {
            self.ragged.add(self.rows, &id, "", "ragged");
            self.note(
                Level::Fail,
                format!("has {} fields, the header has {}", row.len(), c.names.len()),
            );
        }
        let id_hash = (!id_value.is_empty()).then(|| hash(id_value));
        if let Some(h) = id_hash {
            if !self.ids.insert(h) {
                self.dup_id.add(self.rows, &id, "", "same_id");
                self.note(Level::Fail, "id: appears more than once".to_string());
            }
        }
        let mut address_present = false;
        let mut address_missing: Vec<&'static str> = Vec::new();
        for &(i, role) in &c.roles {
            let value = row.get(i).unwrap_or("");
            let header = &c.names[i];
            match role {
                Role::Email => self.email_value(value, &id, id_hash),
                Role::Name => {
                    if value.trim().is_empty() {
                        self.name.add(self.rows, &id, value, "empty");
                        self.note(Level::Fail, format!("{header}: empty"));
                    }
                }
                Role::Phone => self.phone_value(header, value, &id),
                Role::Date(kind) => self.date_value(header, value, kind, &id),
                Role::Address(part) => {
                    if !value.trim().is_empty() {
                        address_present = true;
                    } else if AddressPart::REQUIRED.contains(&part) {
                        address_missing.push(part.as_str());
                    }
                }
            }
        }
        if address_present && !address_missing.is_empty() {
            for part in &address_missing {
                self.address.add(self.rows, &id, "", part);
            }
            self.note(
                Level::Fail,
                format!("address: missing {}", address_missing.join(", ")),
            );
        }
    }

    fn email_value(&mut self, value: &str, id: &str, id_hash: Option<u64>) {
        if value.trim().is_empty() {
            return;
        }
        if let Some(problem) = email::problem(value) {
            self.email.add(self.rows, id, value, problem.key);
            self.note(Level::Fail, format!("email: {}", problem.describe()));
            return;
        }
        let Some(owner) = id_hash else { return };
        let key = hash(&value.to_lowercase());
        match self.email_owner.get(&key) {
            Some(&first) if first != owner => {
                self.dup_email.add(self.rows, id, value, "shared_email");
                self.note(
                    Level::Warn,
                    "email: also used by another record".to_string(),
                );
            }
            Some(_) => {}
            None if self.email_owner.len() >= MAX_TRACKED => self.emails_full = true,
            None => {
                self.email_owner.insert(key, owner);
            }
        }
    }

    fn phone_value(&mut self, header: &str, value: &str, id: &str) {
        let v = value.trim();
        if v.is_empty() {
            return;
        }
        match phone::judge(v, self.region) {
            Phone::Valid {
                e164,
                written_e164,
                landline,
            } => {
                if !written_e164 {
                    self.phone_fixable += 1;
                    self.phone.add(self.rows, id, value, "convertible");
                    self.note(
                        Level::Fail,
                        format!("{header}: not E.164 (E.164 form: {e164})"),
                    );
                } else if landline && is_mobile_column(header) {
                    self.phone
                        .add(self.rows, id, value, "landline_in_mobile_column");
                    self.note(
                        Level::Warn,
                        format!("{header}: a landline number in a mobile column"),
                    );
                }
            }
            Phone::NeedsRegion => {
                self.phone.add(self.rows, id, value, "no_country_code");
                self.note(
                    Level::Fail,
                    format!("{header}: not E.164, and without a country code (--default-region reads it)"),
                );
            }
            Phone::Invalid(key, what) => {
                self.phone.add(self.rows, id, value, key);
                self.note(Level::Fail, format!("{header}: not a valid number: {what}"));
            }
        }
    }

    fn date_value(&mut self, header: &str, value: &str, kind: DateKind, id: &str) {
        if value.trim().is_empty() {
            return;
        }
        let (tally, level, what) = match fields::judge_date(value, kind, self.now) {
            DateVerdict::Ok => return,
            DateVerdict::NoTimezone => {
                self.date_local.add(self.rows, id, value, "no_timezone");
                return;
            }
            DateVerdict::Ambiguous => (&mut self.date, Level::Warn, "ambiguous_day_month"),
            DateVerdict::NotIso => (&mut self.date, Level::Warn, "not_iso8601"),
            DateVerdict::Placeholder => (&mut self.date, Level::Warn, "placeholder_date"),
            DateVerdict::PlaceholderText => (&mut self.date, Level::Warn, "placeholder_text"),
            DateVerdict::Unparseable => (&mut self.date, Level::Fail, "unparseable"),
            DateVerdict::Future => (&mut self.date, Level::Fail, "future"),
        };
        tally.add(self.rows, id, value, what);
        let what = match what {
            "not_iso8601" => "valid, but not ISO 8601 (YYYY-MM-DD)",
            "placeholder_date" => "a placeholder date, not a real one",
            "placeholder_text" => "a placeholder word instead of a date",
            "ambiguous_day_month" => "ambiguous day/month order",
            other => other,
        };
        self.note(level, format!("{header}: {what}"));
    }

    fn write_bad(&mut self, row: &StringRecord) -> Result<()> {
        let worst = self.problems.iter().map(|(l, _)| *l).max();
        let Some(w) = self.bad_out.as_mut() else {
            return Ok(());
        };
        if worst < Some(Level::Warn) {
            return Ok(());
        }
        if w.get_ref().written >= self.args.max_bad_out {
            self.bad_rows_dropped += 1;
            return Ok(());
        }
        let text = self
            .problems
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        // Fields of keys a JSON file added after the --bad-out header was
        // written follow plumb_problems, so every column keeps its place.
        let width = self.bad_out_width.min(row.len());
        let mut out: StringRecord = row.iter().take(width).collect();
        for _ in width..self.bad_out_width {
            out.push_field("");
        }
        out.push_field(&text);
        for extra in row.iter().skip(self.bad_out_width) {
            out.push_field(extra);
        }
        w.write_record(&out)
            .map_err(|e| Error::usage(format!("--bad-out: {e}")))?;
        self.bad_rows += 1;
        Ok(())
    }
}

impl Validator<'_> {
    /// Takes a header (a new file's, or a JSON file's grown by keys seen
    /// later) and notes what its columns hold.
    fn take_columns(&mut self, header: &[String]) -> Result<Columns> {
        let c = Columns::assign(
            &self.file,
            header,
            &self.args.columns,
            self.args.id_column.as_deref(),
        )?;
        for &(i, role) in &c.roles {
            self.recognised
                .insert(c.names[i].clone(), Value::from(role.as_str()));
            if !self.roles_seen.contains(&role) {
                self.roles_seen.push(role);
            }
        }
        Ok(c)
    }

    fn note_absent_address(&mut self, c: &Columns) {
        for part in AddressPart::REQUIRED {
            let has_any = c.has(|r| matches!(r, Role::Address(_)));
            if has_any
                && c.with(Role::Address(part)).next().is_none()
                && !self.absent_address.contains(&part.as_str())
            {
                self.absent_address.push(part.as_str());
            }
        }
    }
}

impl Sink for Validator<'_> {
    fn header(&mut self, header: &[String], format: Format) -> Result<()> {
        let c = self.take_columns(header)?;
        self.formats.push(format.describe());
        self.note_absent_address(&c);
        if let Some(w) = self.bad_out.as_mut() {
            if self.columns.is_none() {
                let mut names = StringRecord::from(header.to_vec());
                names.push_field("plumb_problems");
                w.write_record(&names)
                    .map_err(|e| Error::usage(format!("--bad-out: {e}")))?;
                self.bad_out_width = header.len();
            }
        }
        self.columns = Some(c);
        Ok(())
    }

    fn columns_added(&mut self, header: &[String]) -> Result<()> {
        let c = self.take_columns(header)?;
        // A part that appears late was absent only from earlier records.
        self.absent_address
            .retain(|p| !c.roles.iter().any(|(_, r)| r.as_str() == *p));
        self.columns = Some(c);
        Ok(())
    }

    fn row(&mut self, line: u64, row: &StringRecord) -> Result<()> {
        self.rows += 1;
        self.problems.clear();
        let Some(c) = self.columns.take() else {
            return Err(Error::Internal(
                "a row arrived before its header".to_string(),
            ));
        };
        self.check_row(&c, line, row);
        self.columns = Some(c);
        if !self.problems.is_empty() {
            self.write_bad(row)?;
        }
        Ok(())
    }
}

impl Validator<'_> {
    fn report(self, target: String) -> Report {
        let mut report = Report::new("records validate", target);
        let has = |pred: fn(Role) -> bool| self.roles_seen.iter().any(|r| pred(*r));
        report.push(self.email_check(has(|r| r == Role::Email)));
        report.push(self.name_check(has(|r| r == Role::Name)));
        report.push(self.date_check(has(|r| matches!(r, Role::Date(_)))));
        report.push(self.phone_check(has(|r| r == Role::Phone)));
        report.push(self.address_check(has(|r| matches!(r, Role::Address(_)))));
        report.push(self.duplicates_check());
        report.push(self.summary_check());
        if let Some(check) = self.limits_check() {
            report.push(check);
        }
        report
    }

    /// Every bound the run reached, so a partial result never looks whole.
    fn limits_check(&self) -> Option<Check> {
        let mut notes = self.limits.clone();
        let mut remedies = Vec::new();
        if self.ids.full {
            notes.push(format!(
                "more than {MAX_TRACKED} distinct ids: repeats of ids past them were not looked for"
            ));
        }
        if self.emails_full {
            notes.push(format!(
                "more than {MAX_TRACKED} distinct emails: emails past them were not checked for sharing"
            ));
        }
        if self.ids.full || self.emails_full {
            remedies.push("Split the export (by id range or date) and check the parts: duplicates are looked for among a bounded number of values so memory stays bounded.".to_string());
        }
        if self.bad_rows_dropped > 0 {
            notes.push(format!(
                "--bad-out reached {} ({}); {} more row(s) with problems were not written",
                human_size(self.args.max_bad_out),
                "--max-bad-out",
                self.bad_rows_dropped
            ));
            remedies.push("Raise --max-bad-out to write every row with problems, or fix the most common problem first and run again.".to_string());
        }
        if notes.is_empty() {
            return None;
        }
        if self.limits.iter().any(|l| l.contains("--max-input-size")) {
            remedies.push(
                "Raise --max-input-size (e.g. --max-input-size 4G) to read the whole file."
                    .to_string(),
            );
        }
        if self.limits.iter().any(|l| l.contains("--max-time")) {
            remedies.push(
                "Give a longer --max-time: the run's time budget ended the read.".to_string(),
            );
        }
        Some(
            LIMITS
                .warn(format!("the results are partial: {}", notes.join("; ")))
                .detail("limits", json!(notes))
                .remedies(remedies),
        )
    }

    fn email_check(&self, present: bool) -> Check {
        if !present {
            return skipped(&EMAIL, "email");
        }
        let mut check = finding(&EMAIL, &self.email, "email address", "is malformed");
        let wrapped = [
            "zero_width",
            "surrounding_space",
            "mailto",
            "angle_brackets",
            "quoted",
            "trailing_punctuation",
        ];
        if wrapped.iter().any(|k| self.email.kinds.contains_key(k)) {
            check = check.remedy("Strip what surrounds the address (mailto:, <…>, quotes, a trailing comma, spaces, zero-width characters): --bad-out FILE names the address inside each one.");
        }
        if ["quoted_local_part", "ip_literal", "non_ascii_local_part"]
            .iter()
            .any(|k| self.email.kinds.contains_key(k))
        {
            check = check.remedy("Quoted local parts, IP-address domains and non-ASCII characters before the @ are valid in RFC 5321 but most CRMs refuse them: ask the customer for another address.");
        }
        check
            .remedy("Correct each address to the form name@domain.tld: exactly one @, no spaces, commas or doubled dots, a domain of letters, digits and inner hyphens ending in a top-level domain.")
            .remedy("Ask the source system to validate addresses on entry so malformed ones stop reaching the sync.")
    }

    fn name_check(&self, present: bool) -> Check {
        if !present {
            return skipped(&NAME, "name");
        }
        finding(&NAME, &self.name, "name", "is empty")
            .remedy("Fill in the missing names in the source system, or map a column that always has one with --column name=HEADER.")
            .remedy("If the destination requires a name, filter out records without one before the sync.")
    }

    fn date_check(&self, present: bool) -> Check {
        if !present {
            return skipped(&DATE, "date");
        }
        if self.date.count == 0 && self.date_local.count > 0 {
            let t = &self.date_local;
            return t
                .apply(DATE.info(format!("{} record(s) have timestamps without a timezone; the destination will assume one", t.count),
                ))
                .remedy("Export timestamps in ISO 8601 with an offset (2025-03-04T10:00:00Z) so no zone has to be guessed.");
        }
        let mut check = finding(&DATE, &self.date, "date", "cannot be used");
        if self.date_local.count > 0 {
            check = check.detail("no_timezone", self.date_local.count);
        }
        if self.date.count == 0 {
            return check;
        }
        let mut check = check;
        if !self.date.kinds.contains_key("unparseable") && !self.date.kinds.contains_key("future") {
            check.set_status(Status::Warn);
        }
        if self.date.kinds.contains_key("not_iso8601") {
            check = check.remedy("Dates that are valid but not ISO 8601 (RFC 2822, July 13, 2006, 13/04/2025, Unix timestamps): convert them to YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ) if the destination needs ISO 8601.");
        }
        if self.date.kinds.contains_key("placeholder_date")
            || self.date.kinds.contains_key("placeholder_text")
        {
            check = check.remedy("Placeholders (1900-01-01, 0000-00-00, N/A, null, -) stand for an unknown date: leave the field empty instead, so the destination does not store a false date or reject the record.");
        }
        if self.date.kinds.contains_key("ambiguous_day_month") {
            check = check.remedy("Dates such as 03/04/2025 read as 3 April or 4 March: export them as ISO 8601 (YYYY-MM-DD), or confirm the source's order and convert before the import.");
        }
        if self.date.kinds.contains_key("unparseable") {
            check = check.remedy("Rewrite unreadable dates as ISO 8601 (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ with a time).");
        }
        if self.date.kinds.contains_key("future") {
            check = check.remedy("A birthday or creation date after today is a data-entry or conversion error: correct it in the source, checking the year and the day/month order.");
        }
        check
    }

    fn phone_check(&self, present: bool) -> Check {
        if !present {
            return skipped(&PHONE, "phone");
        }
        let mut check = finding(
            &PHONE,
            &self.phone,
            "phone number",
            "is not a valid number in E.164 form (+ country code and digits, no spaces)",
        );
        if self.phone.count == 0 {
            return check;
        }
        if self
            .phone
            .kinds
            .keys()
            .all(|k| *k == "landline_in_mobile_column")
        {
            check.set_status(Status::Warn);
            check.set_summary(format!(
                "{} record(s): a landline number in a mobile column",
                self.phone.count
            ));
            return check.remedy("A landline cannot receive text messages: ask for a mobile number, or move the number to a phone column.");
        }
        check = check.detail("convertible", self.phone_fixable);
        if self.region.is_none() && self.phone.kinds.contains_key("no_country_code") {
            check = check.remedy("Run again with --default-region (US, GB, DE…) to see which numbers convert to E.164; --bad-out then lists the E.164 form of each.");
        } else {
            check = check.remedy("Rewrite each number in E.164 form; --bad-out FILE lists the E.164 form of every number that converts.");
        }
        check.remedy("Numbers that do not convert are incomplete or invalid: collect them again from the customer.")
    }

    fn address_check(&self, present: bool) -> Check {
        if !present {
            return skipped(&ADDRESS, "address");
        }
        let mut check = finding(
            &ADDRESS,
            &self.address,
            "address",
            "lacks a required part (address1, city, postal code, country)",
        );
        if !self.absent_address.is_empty() {
            check = check.detail("absent_columns", json!(self.absent_address));
            if check.status() == Status::Pass {
                check.set_status(Status::Warn);
                check.set_summary(format!(
                    "the export has address columns but none for: {}",
                    self.absent_address.join(", ")
                ));
                check = check.remedy("Add the missing address columns to the export, or map them with --column (e.g. --column country=Land).");
            }
        }
        if self.address.count > 0 {
            check = check.remedy("Complete each address (street line, city, postal code and country) or clear it entirely so the destination does not reject it.");
        }
        check
    }

    fn duplicates_check(&self) -> Check {
        let (ids, emails) = (&self.dup_id, &self.dup_email);
        let status = if ids.count > 0 {
            Status::Fail
        } else if emails.count > 0 {
            Status::Warn
        } else {
            Status::Pass
        };
        let summary = match status {
            Status::Pass => "no id appears twice and no email is shared between ids".to_string(),
            _ => format!(
                "{} record(s) repeat an id; {} record(s) share an email with another id",
                ids.count, emails.count
            ),
        };
        let mut check = DUPLICATES
            .check(status, summary)
            .detail("count", ids.count + emails.count)
            .detail(
                "ids",
                json!(ids
                    .ids
                    .iter()
                    .chain(&emails.ids)
                    .take(super::tally::MAX_IDS)
                    .collect::<Vec<_>>()),
            )
            .detail("duplicate_ids", ids.count)
            .detail("shared_emails", emails.count);
        if ids.count > 0 {
            check = check.remedy("Each record needs a unique id: remove the repeated rows or give them their own ids before the import.");
        }
        if emails.count > 0 {
            check = check.remedy("Records with different ids share an email: merge the duplicates, or confirm the destination accepts one email on several records.");
        }
        check
    }

    fn summary_check(&self) -> Check {
        let mut formats = self.formats.clone();
        formats.dedup();
        let mut check = SUMMARY
            .info(format!(
                "{} record(s) in {}; {} column(s) recognised",
                self.rows,
                formats.join(", "),
                self.recognised.len()
            ))
            .detail("rows", self.rows)
            .detail("columns_recognised", Value::Object(self.recognised.clone()));
        if let Some(c) = &self.columns {
            check = check.detail("id_column", c.names[c.id].clone());
        }
        if self.bad_out.is_some() {
            check = check.detail("bad_rows_written", self.bad_rows);
            if self.bad_rows_dropped > 0 {
                check = check.detail("bad_rows_not_written", self.bad_rows_dropped);
            }
        }
        if self.ragged.count > 0 {
            check.set_status(Status::Warn);
            check.set_summary(format!(
                "{}; {} row(s) have more or fewer fields than the header",
                check.summary(),
                self.ragged.count
            ));
            check = self
                .ragged
                .apply(check)
                .detail("ragged_rows", self.ragged.count)
                .remedy("Rows with a different number of fields usually hold an unquoted delimiter or line break: quote such values in the export, then re-check.");
        }
        check
    }
}

/// A column meant for mobile numbers, by its name.
fn is_mobile_column(header: &str) -> bool {
    matches!(
        columns::normalize(header).as_str(),
        "mobile" | "mobile_number" | "mobile_phone" | "cell" | "cell_phone" | "cellphone"
    )
}

/// A byte count as people write it (1 GiB, 256 MiB, 12 KiB).
pub fn human_size(bytes: u64) -> String {
    for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift && bytes.is_multiple_of(1 << shift) {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        if bytes >= 1 << shift {
            return format!("{:.1} {unit}", bytes as f64 / (1u64 << shift) as f64);
        }
    }
    format!("{bytes} bytes")
}

fn skipped(def: &Def, what: &str) -> Check {
    def.skip(format!(
        "no {what} column recognised (map one with --column {what}=HEADER)"
    ))
}

/// A check from a tally: fail when any record has the problem.
fn finding(def: &Def, t: &Tally, noun: &str, problem: &str) -> Check {
    let (status, summary) = if t.count == 0 {
        (Status::Pass, format!("every {noun} is usable"))
    } else {
        (
            Status::Fail,
            format!("{} record(s): the {noun} {problem}", t.count),
        )
    };
    t.apply(def.check(status, summary))
}
