//! The streaming scan: fixed buffers, a literal prefilter over each whole
//! buffer, and work per line only on lines the prefilter lands in.

use super::classes::{Class, Classifier};
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
        }
    }

    /// Scans one input to its end. Errors are the reader's.
    pub fn scan(&mut self, reader: &mut dyn Read) -> std::io::Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        let result = self.scan_with(reader, &mut buf);
        self.buf = buf;
        result
    }

    fn scan_with(&mut self, reader: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<()> {
        let mut filled = 0;
        // Inside a line longer than the buffer whose start was classified.
        let mut skipping = false;
        let mut last_byte = b'\n';
        loop {
            let n = match reader.read(&mut buf[filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            filled += n;
            self.tally.bytes += n as u64;
            let eof = n == 0;
            if !eof && filled < buf.len() {
                continue;
            }
            if filled > 0 {
                last_byte = buf[filled - 1];
            }
            let end = if eof {
                filled
            } else {
                memrchr(b'\n', &buf[..filled]).map_or(filled, |i| i + 1)
            };
            skipping = self.region(&buf[..end], skipping);
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
    fn region(&mut self, region: &[u8], skipping: bool) -> bool {
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
        self.sample_times(body);
        let mut lower = std::mem::take(&mut self.lower);
        lower.clear();
        lower.extend_from_slice(body);
        lower.make_ascii_lowercase();
        let mut pos = 0;
        while pos < body.len() {
            let Some(at) = self.classifier.next_candidate(&lower, pos) else {
                break;
            };
            let line_start = memrchr(b'\n', &body[..at]).map_or(0, |i| i + 1);
            let line_end = memchr(b'\n', &body[at..]).map_or(body.len(), |i| at + i);
            self.line(&body[line_start..line_end], &lower[line_start..line_end]);
            pos = line_end + 1;
        }
        self.lower = lower;
        // A region with no newline at all is the start of an over-long line.
        newlines == 0 && !body.is_empty() && body.last() != Some(&b'\n')
    }

    /// Reads the time of a region's first and last lines, so the summary's
    /// time span covers clean logs too at the cost of two parses a buffer.
    fn sample_times(&mut self, body: &[u8]) {
        let first_end = memchr(b'\n', body).unwrap_or(body.len());
        let trimmed = body.strip_suffix(b"\n").unwrap_or(body);
        let last_start = memrchr(b'\n', trimmed).map_or(0, |i| i + 1);
        for line in [&body[..first_end], &trimmed[last_start..]] {
            if let Some(t) = stamp::in_line(line) {
                self.tally.span.add(t);
            }
        }
    }

    /// One candidate line, as read and lowercased.
    fn line(&mut self, raw: &[u8], lowered: &[u8]) {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Some(class) = self.classifier.classify(lowered) else {
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
}
