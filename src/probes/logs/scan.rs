//! The streaming scan: fixed buffers, a literal prefilter over each whole
//! buffer, and work per line only on lines the prefilter lands in.

use super::classes::{status_word_may_count, Class, Classifier};
use super::tally::Tally;
use super::{stamp, text};
use memchr::{memchr, memchr_iter, memrchr};
use std::io::{ErrorKind, Read};

/// Bytes read at a time. Also the longest line classified whole: a longer
/// line is classified by its first `CHUNK` bytes and the rest skipped.
pub const CHUNK: usize = 1 << 20;

/// JSON fields holding the message and the time, in the order tried.
const MESSAGE_FIELDS: [&str; 4] = ["msg", "message", "error", "log"];
const TIME_FIELDS: [&str; 4] = ["ts", "time", "timestamp", "@timestamp"];

pub struct Scanner {
    classifier: Classifier,
    pub tally: Tally,
    buf: Vec<u8>,
    /// An ASCII-lowercased copy of the region being scanned: the literals
    /// are searched for here, the fields taken from the original.
    lower: Vec<u8>,
    /// Reused for each matched line's normalised message.
    message: String,
    /// Where the region being scanned starts in the whole input.
    offset: u64,
    error_look: ErrorLook,
}

/// Why a scan stopped before the end.
#[derive(Debug)]
pub enum Stop {
    /// The reader failed (or a bound cut it).
    Io(std::io::Error),
    /// The input is not text: why, for the one-line error.
    Binary(&'static str),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Self {
        Stop::Io(e)
    }
}

/// How much of an input's start is looked at to tell text from binary.
pub const SNIFF: usize = 8 * 1024;

/// Why the start of an input is not a text log, or `None` for text: a
/// UTF-16 byte-order mark, a NUL byte, or more than one byte in eight a
/// control character that text does not hold.
pub fn binary_reason(head: &[u8]) -> Option<&'static str> {
    let head = &head[..head.len().min(SNIFF)];
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return Some(
            "UTF-16 text, which plumb does not read; convert it first (iconv -f UTF-16 -t UTF-8)",
        );
    }
    if memchr(0, head).is_some() {
        return Some("binary data (a NUL byte near the start), not a text log");
    }
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if odd * 8 > head.len() {
        return Some("binary data (control bytes near the start), not a text log");
    }
    None
}

/// The fields a matched line yields.
struct Line<'a> {
    time: Option<i64>,
    message: std::borrow::Cow<'a, [u8]>,
    record: Option<std::borrow::Cow<'a, [u8]>>,
}

impl Scanner {
    pub fn new() -> Self {
        Scanner {
            classifier: Classifier::new(),
            tally: Tally::default(),
            buf: vec![0; CHUNK],
            lower: Vec::with_capacity(CHUNK),
            message: String::new(),
            offset: 0,
            error_look: ErrorLook::new(),
        }
    }

    /// Scans one whole input to its end. Errors are the reader's, or the
    /// input's start is not text.
    pub fn scan(&mut self, reader: &mut dyn Read) -> Result<(), Stop> {
        self.scan_part(reader, 0, true)
    }

    /// Scans the part of an input that starts at `offset` (a line start)
    /// and ends where `reader` does; `last` when that is the input's end.
    /// Scanning the parts of an input in any order and merging their
    /// tallies in order gives the tally of one scan of the whole.
    pub fn scan_part(
        &mut self,
        reader: &mut dyn Read,
        offset: u64,
        last: bool,
    ) -> Result<(), Stop> {
        let mut buf = std::mem::take(&mut self.buf);
        self.offset = offset;
        let result = self.scan_with(reader, &mut buf, last);
        self.buf = buf;
        result
    }

    fn scan_with(&mut self, reader: &mut dyn Read, buf: &mut [u8], last: bool) -> Result<(), Stop> {
        let mut filled = 0;
        // Inside a line longer than the buffer whose start was classified.
        let mut skipping = false;
        let mut last_byte = b'\n';
        let mut first = self.offset == 0;
        loop {
            let n = match reader.read(&mut buf[filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(Stop::Io(e)),
            };
            filled += n;
            self.tally.bytes += n as u64;
            let eof = n == 0;
            if !eof && filled < buf.len() {
                continue;
            }
            if first {
                first = false;
                if let Some(why) = binary_reason(&buf[..filled]) {
                    return Err(Stop::Binary(why));
                }
            }
            if filled > 0 {
                last_byte = buf[filled - 1];
            }
            let end = if eof {
                filled
            } else {
                memrchr(b'\n', &buf[..filled]).map_or(filled, |i| i + 1)
            };
            skipping = self.region(&buf[..end], skipping, eof && last);
            self.offset += end as u64;
            buf.copy_within(end..filled, 0);
            filled -= end;
            if eof {
                break;
            }
        }
        // A last line without a newline is still a line.
        if last_byte != b'\n' {
            self.tally.lines += 1;
        }
        Ok(())
    }

    /// Handles whole lines, or the first `CHUNK` bytes of a longer one.
    /// Returns whether the region ended inside a line being skipped.
    fn region(&mut self, region: &[u8], skipping: bool, at_end: bool) -> bool {
        let mut start = 0;
        if skipping {
            match memchr(b'\n', region) {
                Some(i) => {
                    // The newline that ends the over-long line.
                    self.tally.lines += 1;
                    start = i + 1;
                }
                None => return true,
            }
        }
        let body = &region[start..];
        let newlines = memchr_iter(b'\n', body).count();
        self.tally.lines += newlines as u64;
        self.sample_times(body, self.offset + start as u64, at_end);
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        // One pass, copying and lowercasing.
        lower.extend(body.iter().map(u8::to_ascii_lowercase));
        let mut pos = 0;
        while pos < body.len() {
            let Some(found) = self.classifier.next_candidate(&lower, pos) else {
                break;
            };
            // `https://…` and `code=…` make no status without a number
            // after them: look on for another anchor instead.
            if found.status_word && !status_word_may_count(&lower, found) {
                pos = found.at + 1;
                continue;
            }
            let at = found.at;
            let line_start = memrchr(b'\n', &body[..at]).map_or(0, |i| i + 1);
            let line_end = memchr(b'\n', &body[at..]).map_or(body.len(), |i| at + i);
            self.line(&body[line_start..line_end], &lower[line_start..line_end]);
            pos = line_end + 1;
        }
        self.lower = lower;
        // A region with no newline at all is the start of an over-long line.
        newlines == 0 && !body.is_empty() && body.last() != Some(&b'\n')
    }

    /// Reads the time of a sample of lines, so the summary's time span
    /// covers clean logs too at the cost of a parse per `CHUNK` bytes: the
    /// line holding each byte whose offset is a multiple of `CHUNK`, and
    /// the input's last line. The sample depends only on the input, not on
    /// how it was read or split.
    fn sample_times(&mut self, body: &[u8], at: u64, at_end: bool) {
        let step = CHUNK as u64;
        let mut mark = at.div_ceil(step) * step;
        let end = at + body.len() as u64;
        let line_at = |i: usize| {
            let start = memrchr(b'\n', &body[..i]).map_or(0, |j| j + 1);
            let stop = memchr(b'\n', &body[i..]).map_or(body.len(), |j| i + j);
            &body[start..stop]
        };
        while mark < end {
            let i = usize::try_from(mark - at).unwrap_or(0);
            if let Some(t) = stamp::in_line(line_at(i)) {
                self.tally.span.add(t);
            }
            mark += step;
        }
        if at_end {
            let trimmed = body.strip_suffix(b"\n").unwrap_or(body);
            let last_start = memrchr(b'\n', trimmed).map_or(0, |i| i + 1);
            if let Some(t) = stamp::in_line(&trimmed[last_start..]) {
                self.tally.span.add(t);
            }
        }
    }

    /// One candidate line, as read and lowercased.
    fn line(&mut self, raw: &[u8], lowered: &[u8]) {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let found = self.classifier.classify(lowered);
        let Some(class) = found.class else {
            if found.error_word && self.error_look.matches(raw, lowered) {
                self.unclassified(raw);
            }
            return;
        };
        let fields = json_fields(raw).unwrap_or_else(|| Line {
            time: stamp::in_line(raw),
            message: raw.into(),
            record: None,
        });
        let record = match (class, &fields.record) {
            (Class::Validation, Some(id)) => Some(String::from_utf8_lossy(id)),
            (Class::Validation, None) => text::record_id(raw).map(String::from_utf8_lossy),
            _ => None,
        };
        text::normalize(&fields.message, &mut self.message);
        let record = record.as_deref().map(crate::redact::text);
        self.tally
            .record(class, fields.time, &self.message, record.as_deref());
    }

    /// An error-looking line no class took: counted by its shape, and the
    /// first few kept (redacted) as samples.
    fn unclassified(&mut self, raw: &[u8]) {
        let fields = json_fields(raw).unwrap_or_else(|| Line {
            time: stamp::in_line(raw),
            message: raw.into(),
            record: None,
        });
        text::normalize(&fields.message, &mut self.message);
        if let Some(t) = fields.time {
            self.tally.span.add(t);
        }
        self.tally
            .unclassified
            .record(fields.time, &self.message, || text::sample(raw));
    }
}

/// Whether a line no class matched still says it is an error: a level
/// written as log levels are (`ERROR`, `FATAL`, `level=error`, JSON
/// `"level":"error"`, `[error]`), an exception, or an `Error:` as
/// JavaScript and Python print them. A lower-case "error" in prose
/// ("0 errors") does not count. The searchers are built once: this runs on
/// every candidate line no class took.
struct ErrorLook {
    raw: Vec<memchr::memmem::Finder<'static>>,
    lowered: Vec<memchr::memmem::Finder<'static>>,
}

/// What [`ErrorLook`] looks for as written.
const ERROR_RAW: [&str; 5] = ["ERROR", "FATAL", "CRITICAL", "Exception", "Error:"];
/// What [`ErrorLook`] looks for in the lowercased line.
const ERROR_LOWERED: [&str; 7] = [
    "level=error",
    "level=fatal",
    "\"level\":\"error",
    "\"level\": \"error",
    "\"level\":\"fatal",
    "\"severity\":\"error",
    "[error]",
];

impl ErrorLook {
    fn new() -> Self {
        let owned = |n: &str| memchr::memmem::Finder::new(n.as_bytes()).into_owned();
        ErrorLook {
            raw: ERROR_RAW.iter().map(|n| owned(n)).collect(),
            lowered: ERROR_LOWERED.iter().map(|n| owned(n)).collect(),
        }
    }

    fn matches(&self, raw: &[u8], lowered: &[u8]) -> bool {
        self.raw.iter().any(|f| f.find(raw).is_some())
            || self.lowered.iter().any(|f| f.find(lowered).is_some())
    }
}

/// The message, time and record id of a JSON line; `None` for other lines.
fn json_fields(raw: &[u8]) -> Option<Line<'_>> {
    let trimmed = raw.trim_ascii_start();
    if !trimmed.starts_with(b"{") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(trimmed).ok()?;
    let object = value.as_object()?;
    let time = TIME_FIELDS
        .iter()
        .find_map(|k| object.get(*k).and_then(stamp::from_json));
    let message = MESSAGE_FIELDS
        .iter()
        .find_map(|k| object.get(*k))
        .map_or_else(|| raw.into(), |v| scalar_text(v).into_bytes().into());
    let record = text::ID_FIELDS
        .iter()
        .find_map(|k| object.get(*k))
        .map(|v| scalar_text(v).into_bytes().into());
    Some(Line {
        time,
        message,
        record,
    })
}

/// A string as itself, anything else as its JSON text.
fn scalar_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_in_chunks(data: &[u8], chunk: usize) -> Tally {
        struct Slow<'a>(&'a [u8], usize);
        impl Read for Slow<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut s = Scanner::new();
        s.scan(&mut Slow(data, chunk)).unwrap();
        s.tally
    }

    #[test]
    fn counts_lines_and_classes_however_the_input_arrives() {
        let log = b"ok\nConnection timeout\r\nstatus 429\n\nrate limit again\nlast has no newline: invalid signature";
        for chunk in [1, 3, 7, 4096] {
            let t = scan_in_chunks(log, chunk);
            assert_eq!(t.lines, 6, "chunk {chunk}");
            assert_eq!(t.bytes, log.len() as u64);
            assert_eq!(t.classes[Class::Timeout.index()].count, 1);
            assert_eq!(t.classes[Class::RateLimit.index()].count, 2);
            assert_eq!(t.classes[Class::Signature.index()].count, 1);
            assert_eq!(t.problems(), 4);
        }
        assert_eq!(scan_in_chunks(b"", 10).lines, 0);
        assert_eq!(scan_in_chunks(b"\n", 10).lines, 1);
    }

    #[test]
    fn json_lines_give_message_time_and_record() {
        let log = br#"{"ts":"2026-11-23T10:00:00Z","level":"error","msg":"record validation failed: email","record_id":"rec_7"}
{"time":1795431600000,"message":"Request timed out after 30000 ms"}
{"msg":"not json"
"#;
        let t = scan_in_chunks(log, 4096);
        let v = &t.classes[Class::Validation.index()];
        assert_eq!(v.count, 1);
        assert_eq!(v.records.top(1), vec![("rec_7", 1)]);
        assert_eq!(
            v.messages.top(1),
            vec![("record validation failed: email", 1)]
        );
        assert_eq!(v.seen.first, Some(1_795_428_000));
        let timeout = &t.classes[Class::Timeout.index()];
        assert_eq!(timeout.seen.last, Some(1_795_431_600));
        assert_eq!(
            timeout.messages.top(1),
            vec![("Request timed out after # ms", 1)]
        );
        assert_eq!(t.span.first, Some(1_795_428_000));
        assert_eq!(t.span.last, Some(1_795_431_600));
    }

    #[test]
    fn over_long_lines_count_once_and_junk_is_harmless() {
        let mut log = b"start\n".to_vec();
        log.extend(std::iter::repeat_n(b'x', CHUNK * 2 + 17));
        log.extend(b" timeout\nafter: rate limit\n");
        log.extend((0..=255u8).cycle().take(10_000));
        let t = scan_in_chunks(&log, 65_536);
        assert_eq!(t.classes[Class::RateLimit.index()].count, 1);
        assert_eq!(
            t.classes[Class::Timeout.index()].count,
            0,
            "past CHUNK: skipped"
        );
        let newlines = log.iter().filter(|&&b| b == b'\n').count() as u64;
        assert_eq!(t.lines, newlines + 1);
    }

    /// The straightforward scan the fast path must equal: every line split
    /// off, lowercased and classified whole (its first `CHUNK` bytes), the
    /// error test on every line no class took, every message redacted.
    fn reference(data: &[u8]) -> Tally {
        let classifier = Classifier::new();
        let look = ErrorLook::new();
        let mut t = Tally {
            bytes: data.len() as u64,
            ..Tally::default()
        };
        let mut message = String::new();
        let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        t.lines = lines.len() as u64;
        let plain = |raw: &[u8]| Line {
            time: stamp::in_line(raw),
            message: raw.to_vec().into(),
            record: None,
        };
        for line in lines {
            let line = &line[..line.len().min(CHUNK)];
            let lowered = line.to_ascii_lowercase();
            let raw = line.strip_suffix(b"\r").unwrap_or(line);
            match classifier.classify(&lowered).class {
                Some(class) => {
                    let fields = json_fields(raw).unwrap_or_else(|| plain(raw));
                    let record = match (class, &fields.record) {
                        (Class::Validation, Some(id)) => Some(String::from_utf8_lossy(id)),
                        (Class::Validation, None) => {
                            text::record_id(raw).map(String::from_utf8_lossy)
                        }
                        _ => None,
                    };
                    text::normalize_redacting_all(&fields.message, &mut message);
                    let record = record.as_deref().map(crate::redact::text);
                    t.record(class, fields.time, &message, record.as_deref());
                }
                None if look.matches(raw, &lowered) => {
                    let fields = json_fields(raw).unwrap_or_else(|| plain(raw));
                    text::normalize_redacting_all(&fields.message, &mut message);
                    t.unclassified
                        .record(fields.time, &message, || text::sample(raw));
                }
                None => {}
            }
        }
        t
    }

    /// A seeded log of every kind of line the scan meets: clean lines
    /// full of URLs and ids, every literal in any case, status words at
    /// every distance from a number, error words, JSON, secrets, CRLF,
    /// invalid UTF-8, lines longer than `CHUNK`, and lines across the
    /// buffers' edges (the log is several buffers long).
    fn mixed_corpus(seed: u64, size: usize) -> Vec<u8> {
        let mut rng = fastrand::Rng::with_seed(seed);
        let literals: Vec<&str> = Classifier::literals().collect();
        let clean = [
            "INFO webhook orders/create id={n} delivered to https://example.com/hooks/{n}",
            "DEBUG GET /admin/api/2024-10/products.json?page_info={n} took {n} ms",
            "DEBUG cache hit key=customer:{n} ttl={n}s shard={n}",
            "INFO response code={n} status ok, 0 errors",
            "INFO http client pool size {n}",
        ];
        let words = [
            "http",
            "HTTP/1.1\"",
            "status",
            "code",
            "response",
            "error",
            "Status:",
        ];
        let numbers = [
            "401", "403", "422", "429", "500", "502", "503", "504", "450", "5000", "200", "4512",
            "429ms", "-500", "_503", "404.", "(502)",
        ];
        let errors = [
            "ERROR",
            "Error:",
            "error",
            "level=error",
            "[error]",
            "FATAL",
            "Exception",
            "critical",
            "\"level\":\"error\"",
            "CRITICAL",
        ];
        let mut log = Vec::with_capacity(size + CHUNK * 2);
        let mut count = 0;
        while log.len() < size {
            count += 1;
            let stamp = format!(
                "2026-11-{:02}T{:02}:{:02}:{:02}Z ",
                rng.u8(1..29),
                rng.u8(..24),
                rng.u8(..60),
                rng.u8(..60)
            );
            let n = rng.u32(..1_000_000).to_string();
            let kind = if count % 9000 == 0 {
                255
            } else {
                rng.u8(..100)
            };
            let mut line = match kind {
                0..=49 => stamp + &clean[rng.usize(..clean.len())].replace("{n}", &n),
                50..=64 => {
                    let gap = " x/.".repeat(rng.usize(..9)).chars().take(rng.usize(..30)).collect::<String>();
                    format!(
                        "{stamp}{}{gap}{} id {n}",
                        words[rng.usize(..words.len())],
                        numbers[rng.usize(..numbers.len())]
                    )
                }
                65..=79 => {
                    let lit = literals[rng.usize(..literals.len())];
                    let lit: String = lit
                        .chars()
                        .map(|c| if rng.bool() { c.to_ascii_uppercase() } else { c })
                        .collect();
                    format!("{stamp}WARN call {n} failed: {lit} for record {n}")
                }
                80..=86 => format!(
                    "{stamp}{} something broke in job {n}",
                    errors[rng.usize(..errors.len())]
                ),
                87..=92 => format!(
                    "{stamp}ERROR {} {}",
                    literals[rng.usize(..literals.len())],
                    crate::redact::precheck::tests::risky_line(&mut rng)
                ),
                93..=96 => format!(
                    r#"{{"ts":"2026-11-2{}T10:00:00Z","level":"error","msg":"{} for {n}","record_id":"rec_{n}"}}"#,
                    rng.u8(..9),
                    literals[rng.usize(..literals.len())]
                ),
                255 => {
                    // Longer than a buffer, the literal before or past CHUNK.
                    let mut long = "y".repeat(CHUNK - 40 + rng.usize(..80));
                    long.insert_str(if rng.bool() { 10 } else { long.len() }, " invalid signature ");
                    long
                }
                _ => String::new(),
            }
            .into_bytes();
            if rng.u8(..20) == 0 {
                let at = rng.usize(..=line.len());
                line.insert(at, [0xff, 0xc3, 0x80, 0xe2][rng.usize(..4)]);
            }
            log.extend_from_slice(&line);
            log.extend_from_slice(if rng.u8(..4) == 0 { b"\r\n" } else { b"\n" });
        }
        log.extend_from_slice(b"2026-11-29T00:00:00Z ERROR 503 last line without a newline");
        log
    }

    /// The error test runs only on lines holding an error word: each of
    /// its literals holds one.
    #[test]
    fn every_error_look_literal_holds_an_error_word() {
        let c = Classifier::new();
        for lit in ERROR_RAW.iter().chain(&ERROR_LOWERED) {
            let lowered = lit.to_ascii_lowercase();
            assert!(c.classify(lowered.as_bytes()).error_word, "{lit}");
        }
        assert!(!c.classify(b"all fine, 0 warnings").error_word);
    }

    #[test]
    fn the_fast_scan_finds_what_reading_every_line_finds() {
        for seed in [1, 2] {
            let log = mixed_corpus(seed, 4 * CHUNK + 12_345);
            let want = reference(&log);
            assert!(want.problems() > 1000 && want.unclassified.count > 100);
            let mut fast = vec![scan_in_chunks(&log, 4096), scan_in_chunks(&log, 65_537)];
            #[cfg(unix)]
            {
                use std::io::Write;
                let mut file = tempfile::tempfile().unwrap();
                file.write_all(&log).unwrap();
                let bounds = crate::input::Bounds {
                    max_bytes: u64::MAX,
                    deadline: std::time::Instant::now() + std::time::Duration::from_secs(600),
                };
                for parts in [2, 3] {
                    let bar = crate::progress::Bar::default();
                    let out =
                        super::super::split::scan(&file, log.len() as u64, parts, bounds, &bar);
                    assert!(out.stop.is_none());
                    fast.push(out.tally);
                }
            }
            for (i, got) in fast.iter().enumerate() {
                assert_eq!(got.lines, want.lines, "seed {seed} run {i}");
                assert_eq!(got.bytes, want.bytes, "seed {seed} run {i}");
                for c in Class::ALL {
                    assert_eq!(
                        got.classes[c.index()],
                        want.classes[c.index()],
                        "seed {seed} run {i} class {}",
                        c.name()
                    );
                }
                assert_eq!(got.unclassified, want.unclassified, "seed {seed} run {i}");
                assert_eq!(got.hours, want.hours, "seed {seed} run {i}");
            }
        }
    }
}
