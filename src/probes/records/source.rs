//! Streams records from an export: CSV (delimiter sniffed), JSON lines or a
//! JSON array, from a file, `-` (standard input) or gzip of either. Every
//! row reaches the caller as a reused `csv::StringRecord`, so one loop
//! serves every format and nothing is held per row.

use crate::error::{Error, Result};
use crate::input::{self, io_reason};
use csv::StringRecord;
use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;
use std::io::{BufRead, Read};
use std::path::Path;

/// How much of the start of a file is examined to sniff its format.
const SNIFF_BYTES: usize = 64 * 1024;

/// The shape of an export, as sniffed from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv(u8),
    JsonLines,
    JsonArray,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Csv(b',') => "CSV (comma)",
            Format::Csv(b';') => "CSV (semicolon)",
            Format::Csv(b'\t') => "CSV (tab)",
            Format::Csv(_) => "CSV",
            Format::JsonLines => "JSON lines",
            Format::JsonArray => "JSON array",
        }
    }
}

/// Receives one export's header, then each of its rows.
pub trait Sink {
    /// The column names, before any row. An error here ends the read.
    fn header(&mut self, columns: &[String], format: Format) -> Result<()>;
    /// One row. `line` is where it starts (1-based); `fields` follows the
    /// header's order, and a CSV row may have more or fewer fields.
    fn row(&mut self, line: u64, fields: &StringRecord) -> Result<()>;
    /// A JSON record past the first [`LOOKAHEAD`] brought keys none before
    /// it had: `columns` is the whole header now, the earlier columns first
    /// and in the same order. Earlier records lacked these fields.
    fn columns_added(&mut self, columns: &[String]) -> Result<()>;
}

/// How many JSON records are read before the header is settled: their
/// keys, together, are the columns (a record missing a field never hides
/// it), up to [`LOOKAHEAD_BYTES`] of them.
pub const LOOKAHEAD: usize = 1000;
pub const LOOKAHEAD_BYTES: u64 = 8 * 1024 * 1024;
/// Most distinct keys the records of one JSON export may have.
pub const MAX_COLUMNS: usize = 10_000;

/// Opens `path` (`-` is standard input; gzip is recognised by its magic
/// bytes) and feeds its header and rows to `sink`, within `bounds`: past
/// its size cap or its deadline the read stops, the rows so far stand, and
/// the answer says why it stopped.
pub fn read(path: &Path, sink: &mut dyn Sink, bounds: input::Bounds) -> Result<Option<input::Cut>> {
    let shown = path.display().to_string();
    let (raw, _) = input::open_stream(&shown, path)?;
    read_within(&shown, raw, sink, bounds)
}

/// [`read`] of a stream already open.
pub fn read_within(
    shown: &str,
    raw: impl Read + 'static,
    sink: &mut dyn Sink,
    bounds: input::Bounds,
) -> Result<Option<input::Cut>> {
    let cut = input::CutFlag::default();
    let reader = input::decoded_within(shown, Box::new(raw), bounds, &cut)?;
    match read_plain(shown, reader, sink) {
        // The reader failed because it was cut: what was read stands.
        Err(_) if cut.get().is_some() => Ok(cut.get()),
        Err(e) => Err(e),
        Ok(()) => Ok(None),
    }
}

/// Feeds the export `raw` holds (gzip recognised by its magic bytes) to
/// `sink`; `shown` names it in errors. The fuzz target's entry point.
pub fn read_from(shown: &str, raw: impl Read + 'static, sink: &mut dyn Sink) -> Result<()> {
    let reader = input::decoded(shown, Box::new(raw))?;
    read_plain(shown, reader, sink)
}

fn read_plain(shown: &str, mut reader: Box<dyn BufRead>, sink: &mut dyn Sink) -> Result<()> {
    let io = |e: std::io::Error| Error::usage(format!("{shown}: {}", io_reason(&e)));
    let head = sniff_window(&mut reader).map_err(io)?;
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    let bom = head.len() - text.len();
    let Some(first) = text.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(Error::usage(format!("{shown}: the file is empty")));
    };
    let format = match text[first] {
        b'[' => Format::JsonArray,
        b'{' => Format::JsonLines,
        _ => Format::Csv(sniff_delimiter(text)),
    };
    reader.consume(bom);
    match format {
        Format::Csv(delimiter) => read_csv(shown, reader, delimiter, sink),
        Format::JsonLines => read_json_lines(shown, reader, sink),
        Format::JsonArray => read_json_array(shown, reader, sink),
    }
}

/// Fills the buffer until it holds a whole first line or `SNIFF_BYTES`.
fn sniff_window(reader: &mut Box<dyn BufRead>) -> std::io::Result<Vec<u8>> {
    // BufReader only refills when empty, so copy what it has: the window is
    // small and read once per file.
    let buf = reader.fill_buf()?;
    Ok(buf[..buf.len().min(SNIFF_BYTES)].to_vec())
}

/// The delimiter the first line uses most outside quotes: comma,
/// semicolon or tab (comma when none appears).
pub fn sniff_delimiter(text: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in text {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    candidates[best]
}

fn read_csv(
    shown: &str,
    reader: Box<dyn BufRead>,
    delimiter: u8,
    sink: &mut dyn Sink,
) -> Result<()> {
    let since = std::rc::Rc::new(std::cell::Cell::new(0));
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(RecordBudget {
            inner: reader,
            since: since.clone(),
        });
    let mut record = StringRecord::new();
    let csv_error = |e: csv::Error| {
        let line = e
            .position()
            .map(|p| format!(" at line {}", p.line()))
            .unwrap_or_default();
        match e.kind() {
            csv::ErrorKind::Io(io) => Error::usage(format!("{shown}: {}", io_reason(io))),
            csv::ErrorKind::Utf8 { .. } => Error::usage(format!(
                "{shown}{line}: not UTF-8 text; save the export as UTF-8"
            )),
            _ => Error::usage(format!("{shown}{line}: not readable as CSV")),
        }
    };
    if !csv.read_record(&mut record).map_err(csv_error)? {
        return Err(Error::usage(format!("{shown}: the file is empty")));
    }
    let header: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
    if let Some(why) = not_a_header(&header) {
        return Err(Error::usage(format!(
            "{shown}: the first row is not a header ({why}); add a row of column names"
        )));
    }
    sink.header(&header, Format::Csv(delimiter))?;
    loop {
        since.set(0);
        let line = csv.position().line();
        if !csv.read_record(&mut record).map_err(csv_error)? {
            return Ok(());
        }
        if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
            continue; // a blank line
        }
        sink.row(line, &record)?;
    }
}

/// The input of the CSV and JSON array readers, counting the bytes read
/// since the last record ended: a record (an unclosed quote makes the rest
/// of the file one) never grows past [`MAX_LINE`].
struct RecordBudget<R> {
    inner: R,
    since: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for RecordBudget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.since.get() > MAX_LINE {
            return Err(std::io::Error::other(format!(
                "a record is longer than {} MiB (an unclosed quote?)",
                MAX_LINE / (1024 * 1024)
            )));
        }
        let n = self.inner.read(buf)?;
        self.since.set(self.since.get() + n as u64);
        Ok(n)
    }
}

/// Why a first row looks like data rather than column names, if it does.
fn not_a_header(header: &[String]) -> Option<String> {
    for (i, h) in header.iter().enumerate() {
        let why = if h.is_empty() {
            "a column has no name"
        } else if h.contains('@') {
            "it holds an email address"
        } else if h
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-./: ".contains(&b))
        {
            "it holds a number or date"
        } else {
            continue;
        };
        return Some(format!("column {}: {why}", i + 1));
    }
    None
}

fn read_json_lines(shown: &str, mut reader: Box<dyn BufRead>, sink: &mut dyn Sink) -> Result<()> {
    let mut rows = JsonRows::new(Format::JsonLines);
    let mut buf = Vec::new();
    let mut line_no = 0u64;
    loop {
        line_no += 1;
        let line = next_line(&mut reader, &mut buf)
            .map_err(|e| Error::usage(format!("{shown} line {line_no}: {e}")))?;
        let Some(line) = line else { break };
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| {
            Error::usage(format!(
                "{shown} line {line_no}: not valid JSON ({})",
                json_reason(&e)
            ))
        })?;
        rows.feed(shown, line_no, value, line.len() as u64, sink)?;
    }
    rows.finish(shown, sink)
}

/// The longest JSON Lines record plumb reads: one line never grows a
/// buffer past this, whatever the file holds.
pub const MAX_LINE: u64 = 16 * 1024 * 1024;

/// The next line (without its line break) read into `buf`, at most
/// [`MAX_LINE`] bytes; `None` at the end of the input.
fn next_line<'a>(
    reader: &mut dyn BufRead,
    buf: &'a mut Vec<u8>,
) -> std::result::Result<Option<&'a str>, String> {
    buf.clear();
    let n = reader
        .take(MAX_LINE + 1)
        .read_until(b'\n', buf)
        .map_err(|e| io_reason(&e))?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    } else if n as u64 > MAX_LINE {
        return Err(format!("longer than {} MiB", MAX_LINE / (1024 * 1024)));
    }
    std::str::from_utf8(buf)
        .map(Some)
        .map_err(|_| "stream did not contain valid UTF-8".to_string())
}

fn read_json_array(shown: &str, reader: Box<dyn BufRead>, sink: &mut dyn Sink) -> Result<()> {
    let mut rows = JsonRows::new(Format::JsonArray);
    let since = std::rc::Rc::new(std::cell::Cell::new(0));
    let mut de = serde_json::Deserializer::from_reader(RecordBudget {
        inner: reader,
        since: since.clone(),
    });
    let mut failure = None;
    let seed = ArraySeed {
        shown,
        rows: &mut rows,
        sink,
        failure: &mut failure,
        since: &since,
    };
    let parsed = seed.deserialize(&mut de).and_then(|()| de.end());
    if let Some(e) = failure {
        return Err(e);
    }
    parsed.map_err(|e| {
        if e.is_io() {
            return Error::usage(format!("{shown} line {}: {}", e.line(), json_reason(&e)));
        }
        Error::usage(format!(
            "{shown} line {}: not valid JSON ({})",
            e.line(),
            json_reason(&e)
        ))
    })?;
    rows.finish(shown, sink)
}

/// serde_json's message without its trailing "at line L column C".
fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Turns JSON objects into rows. The header is the union of the keys of
/// the first [`LOOKAHEAD`] records (held until then), in the order they
/// first appear; a key first seen later is added to it.
struct JsonRows {
    format: Format,
    header: Vec<String>,
    known: std::collections::HashSet<String>,
    /// Records read before the header was settled, with their line.
    pending: Vec<(u64, Map<String, Value>)>,
    pending_bytes: u64,
    settled: bool,
    record: StringRecord,
}

impl JsonRows {
    fn new(format: Format) -> Self {
        JsonRows {
            format,
            header: Vec::new(),
            known: std::collections::HashSet::new(),
            pending: Vec::new(),
            pending_bytes: 0,
            settled: false,
            record: StringRecord::new(),
        }
    }

    /// Adds the keys of `object` not yet in the header; whether any were.
    fn learn(&mut self, shown: &str, line: u64, object: &Map<String, Value>) -> Result<bool> {
        let mut added = false;
        for key in object.keys() {
            if !self.known.contains(key) {
                if self.header.len() >= MAX_COLUMNS {
                    return Err(Error::usage(format!(
                        "{shown} line {line}: the records have more than {MAX_COLUMNS} distinct keys"
                    )));
                }
                self.known.insert(key.clone());
                self.header.push(key.clone());
                added = true;
            }
        }
        Ok(added)
    }

    fn feed(
        &mut self,
        shown: &str,
        line: u64,
        value: Value,
        bytes: u64,
        sink: &mut dyn Sink,
    ) -> Result<()> {
        let Value::Object(object) = value else {
            return Err(Error::usage(format!(
                "{shown} line {line}: expected a JSON object per record"
            )));
        };
        let added = self.learn(shown, line, &object)?;
        if !self.settled {
            self.pending.push((line, object));
            self.pending_bytes += bytes;
            if self.pending.len() >= LOOKAHEAD || self.pending_bytes >= LOOKAHEAD_BYTES {
                self.settle(sink)?;
            }
            return Ok(());
        }
        if added {
            sink.columns_added(&self.header)?;
        }
        self.emit(line, &object, sink)
    }

    /// Sends the header and the records held until now.
    fn settle(&mut self, sink: &mut dyn Sink) -> Result<()> {
        self.settled = true;
        sink.header(&self.header, self.format)?;
        for (line, object) in std::mem::take(&mut self.pending) {
            self.emit(line, &object, sink)?;
        }
        Ok(())
    }

    fn emit(&mut self, line: u64, object: &Map<String, Value>, sink: &mut dyn Sink) -> Result<()> {
        self.record.clear();
        for name in &self.header {
            self.record.push_field(&scalar(object, name));
        }
        sink.row(line, &self.record)
    }

    fn finish(&mut self, shown: &str, sink: &mut dyn Sink) -> Result<()> {
        if !self.settled {
            if self.pending.is_empty() {
                return Err(Error::usage(format!("{shown}: holds no records")));
            }
            self.settle(sink)?;
        }
        Ok(())
    }
}

/// A field as text: strings as they are, null as empty, anything else as
/// compact JSON.
fn scalar(object: &Map<String, Value>, key: &str) -> String {
    match object.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Walks a top-level JSON array one element at a time, so an array export
/// streams like JSON lines instead of being parsed whole.
struct ArraySeed<'a> {
    shown: &'a str,
    rows: &'a mut JsonRows,
    sink: &'a mut dyn Sink,
    failure: &'a mut Option<Error>,
    /// Bytes read since the last element ended (see [`RecordBudget`]).
    since: &'a std::cell::Cell<u64>,
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let mut index = 0u64;
        loop {
            self.since.set(0);
            let Some(value) = seq.next_element::<Value>()? else {
                break;
            };
            index += 1;
            // Rows from an array carry their position, not a line number.
            let bytes = self.since.get();
            if let Err(e) = self.rows.feed(self.shown, index, value, bytes, self.sink) {
                *self.failure = Some(e);
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_are_read_without_their_breaks_and_bounded() {
        let mut input: &[u8] = b"{\"a\":1}\r\n\n{\"b\":2}";
        let mut buf = Vec::new();
        assert_eq!(next_line(&mut input, &mut buf), Ok(Some("{\"a\":1}")));
        assert_eq!(next_line(&mut input, &mut buf), Ok(Some("")));
        assert_eq!(next_line(&mut input, &mut buf), Ok(Some("{\"b\":2}")));
        assert_eq!(next_line(&mut input, &mut buf), Ok(None));
        let long = vec![b'x'; usize::try_from(MAX_LINE).unwrap() + 2];
        let mut input: &[u8] = &long;
        let err = next_line(&mut input, &mut buf).unwrap_err();
        assert!(err.contains("longer than 16 MiB"), "{err}");
        let mut input: &[u8] = b"\xff\n";
        assert!(next_line(&mut input, &mut buf).is_err());
    }

    #[test]
    fn delimiter_is_the_most_common_outside_quotes() {
        assert_eq!(sniff_delimiter(b"id,name,email\n1,a;b,c"), b',');
        assert_eq!(sniff_delimiter(b"id;name;\"a,b,c\"\n"), b';');
        assert_eq!(sniff_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(sniff_delimiter(b"id\n"), b',');
    }

    #[test]
    fn data_in_the_first_row_is_not_a_header() {
        let h = |v: &[&str]| not_a_header(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert!(h(&["id", "email"]).is_none());
        assert!(h(&["1", "a@b.co"]).is_some());
        assert!(h(&["id", ""]).is_some());
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;
    use std::io::{Cursor, Write};

    /// Keeps what a reader delivered.
    #[derive(Default)]
    struct Collect {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    }

    impl Sink for Collect {
        fn header(&mut self, columns: &[String], _: Format) -> Result<()> {
            self.header = columns.to_vec();
            Ok(())
        }
        fn row(&mut self, _: u64, fields: &StringRecord) -> Result<()> {
            self.rows.push(fields.iter().map(str::to_string).collect());
            Ok(())
        }
        fn columns_added(&mut self, columns: &[String]) -> Result<()> {
            self.header = columns.to_vec();
            Ok(())
        }
    }

    /// The columns of JSON records are the union of their keys: a field
    /// the first record lacks is still read from the others, within the
    /// look-ahead and after it.
    #[test]
    fn json_columns_are_the_union_of_keys() {
        let mut text = String::from("{\"id\":1}\n{\"id\":2,\"phone\":\"+1\"}\n");
        for i in 3..=LOOKAHEAD + 1 {
            text.push_str(&format!("{{\"id\":{i}}}\n"));
        }
        text.push_str("{\"id\":0,\"late\":\"x\"}\n");
        let got = read_bytes(text.into_bytes()).unwrap();
        assert_eq!(got.header, ["id", "phone", "late"]);
        assert_eq!(got.rows[1], ["2", "+1"]);
        assert_eq!(got.rows[0], ["1", ""]);
        assert_eq!(got.rows.last().unwrap(), &["0", "", "x"]);
    }

    fn read_bytes(bytes: Vec<u8>) -> Result<Collect> {
        let mut sink = Collect::default();
        read_from("export.csv", Cursor::new(bytes), &mut sink)?;
        Ok(sink)
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(bytes).unwrap();
        gz.finish().unwrap()
    }

    fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
        (2usize..5).prop_flat_map(|n| {
            (
                prop::collection::vec("[a-z][a-z_]{0,7}", n),
                prop::collection::vec(prop::collection::vec("\\PC{0,12}", n), 0..6),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any bytes (and their gzip): records or a one-line usage error.
        #[test]
        fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), zip: bool) {
            let bytes = if zip { gzip(&bytes) } else { bytes };
            if let Err(e) = read_bytes(bytes) {
                prop_assert_eq!(e.exit_code(), 2);
                prop_assert!(!e.to_string().contains('\n'), "{}", e);
            }
        }

        /// Export-shaped text reaches the CSV and JSON branches.
        #[test]
        fn export_shaped_text_never_panics(text in "(\u{feff})?[ \n]?(\\[|\\{)?([a-z\"@0-9,;\t:{}\\[\\] \n.-]|null|true){0,60}") {
            let _ = read_bytes(text.into_bytes());
        }

        /// format→parse: CSV written by a CSV writer (with any delimiter
        /// plumb sniffs, optionally gzipped) reads back cell for cell.
        #[test]
        fn csv_round_trips((header, rows) in table(), delimiter in prop::sample::select(vec![b',', b';', b'\t']), zip: bool) {
            let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
            w.write_record(&header).unwrap();
            for row in &rows {
                w.write_record(row).unwrap();
            }
            let bytes = w.into_inner().unwrap();
            let got = read_bytes(if zip { gzip(&bytes) } else { bytes }).unwrap();
            prop_assert_eq!(got.header, header);
            prop_assert_eq!(got.rows, rows);
        }

        /// format→parse: JSON lines and a JSON array of the same objects.
        #[test]
        fn json_round_trips((header, rows) in table(), array: bool) {
            let objects: Vec<Value> = rows
                .iter()
                .map(|r| Value::Object(header.iter().cloned().zip(r.iter().cloned().map(Value::from)).collect()))
                .collect();
            prop_assume!(!objects.is_empty());
            let mut header = header;
            let mut seen = std::collections::HashSet::new();
            header.retain(|h| seen.insert(h.clone()));
            let text = if array {
                serde_json::to_string(&objects).unwrap()
            } else {
                objects.iter().map(Value::to_string).collect::<Vec<_>>().join("\n")
            };
            let got = read_bytes(text.into_bytes()).unwrap();
            prop_assert_eq!(&got.header, &header);
            let expected: Vec<Vec<String>> = objects
                .iter()
                .map(|o| header.iter().map(|h| o[h].as_str().unwrap().to_string()).collect())
                .collect();
            prop_assert_eq!(got.rows, expected);
        }
    }
}
