//! One regular file scanned on every core: the file is cut into parts at
//! line starts, each part scanned by its own thread through positioned
//! reads, and the tallies merged in file order, which gives what one
//! thread scanning the whole file gives (`Tally::merge`).

use super::scan::{binary_reason, Scanner, Stop, SNIFF};
use super::tally::Tally;
use super::Tracked;
use crate::input::{Bounded, Bounds, Cut, CutFlag};
use crate::progress::Bar;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;

/// Files smaller than this are scanned by one thread: the split would
/// save less than it costs.
pub const MIN_SPLIT: u64 = 16 * 1024 * 1024;

/// Most threads used, whatever the machine.
const MAX_PARTS: usize = 8;

/// How many parts to cut a file of `size` bytes into on this machine.
pub fn parts_for(size: u64) -> usize {
    if size < MIN_SPLIT {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_PARTS)
}

/// Where each part starts: `parts + 1` offsets from 0 to `size`, each (but
/// the last) the start of a line, none before the one before it.
pub fn boundaries(file: &File, size: u64, parts: usize) -> std::io::Result<Vec<u64>> {
    let mut cuts = vec![0u64];
    let mut piece = vec![0u8; 64 * 1024];
    for k in 1..parts as u64 {
        let nominal = (size / parts as u64 * k).max(*cuts.last().unwrap_or(&0));
        cuts.push(line_start_from(file, nominal, size, &mut piece)?);
    }
    cuts.push(size);
    Ok(cuts)
}

/// The first line start at or after `at`: `at` itself when the byte before
/// it is a newline, else the byte after the next newline (or `size`).
fn line_start_from(file: &File, at: u64, size: u64, piece: &mut [u8]) -> std::io::Result<u64> {
    if at == 0 || at >= size {
        return Ok(at.min(size));
    }
    let mut pos = at - 1;
    while pos < size {
        let n = file.read_at(piece, pos)?;
        if n == 0 {
            break;
        }
        if let Some(i) = memchr::memchr(b'\n', &piece[..n]) {
            return Ok(pos + i as u64 + 1);
        }
        pos += n as u64;
    }
    Ok(size)
}

/// A byte range of a file, read with positioned reads so that threads
/// share one file without sharing an offset.
struct Part<'a> {
    file: &'a File,
    pos: u64,
    end: u64,
}

impl Read for Part<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = usize::try_from(self.end - self.pos).unwrap_or(usize::MAX);
        let want = buf.len().min(left);
        if want == 0 {
            return Ok(0);
        }
        let n = self.file.read_at(&mut buf[..want], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// What scanning a split file gave: the merged tally of every part read,
/// and why it stopped early, if it did.
pub struct Outcome {
    pub tally: Tally,
    pub stop: Option<Stop>,
    pub cut: Option<Cut>,
}

/// Scans `file` (`size` bytes) in `parts` threads.
pub fn scan(file: &File, size: u64, parts: usize, bounds: Bounds, bar: &Bar) -> Outcome {
    let mut head = vec![0u8; SNIFF];
    let got = match file.read_at(&mut head, 0) {
        Ok(n) => n,
        Err(e) => return stopped(Stop::Io(e)),
    };
    if let Some(why) = binary_reason(&head[..got]) {
        return stopped(Stop::Binary(why));
    }
    let cuts = match boundaries(file, size, parts) {
        Ok(c) => c,
        Err(e) => return stopped(Stop::Io(e)),
    };
    let results: Vec<(Tally, Result<(), Stop>, Option<Cut>)> = std::thread::scope(|s| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                let bar = bar.clone();
                s.spawn(move || {
                    let cut = CutFlag::default();
                    let part = Tracked {
                        inner: Part {
                            file,
                            pos: start,
                            end,
                        },
                        bar,
                    };
                    let mut reader = Bounded::new(part, bounds, cut.clone());
                    let mut scanner = Scanner::new();
                    let result = scanner.scan_part(&mut reader, start, end == size);
                    (scanner.tally, result, cut.get())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    let lost = std::io::Error::other("a scanning thread failed");
                    (Tally::default(), Err(Stop::Io(lost)), None)
                })
            })
            .collect()
    });
    let mut outcome = Outcome {
        tally: Tally::default(),
        stop: None,
        cut: None,
    };
    for (tally, result, cut) in results {
        outcome.tally.merge(tally);
        if outcome.cut.is_none() {
            outcome.cut = cut;
        }
        if let (Err(e), None) = (result, &outcome.stop) {
            outcome.stop = Some(e);
        }
    }
    outcome
}

fn stopped(stop: Stop) -> Outcome {
    Outcome {
        tally: Tally::default(),
        stop: Some(stop),
        cut: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A log with every class, unclassified errors, JSON lines, ids,
    /// times out of order, an over-long line and no final newline.
    fn corpus() -> Vec<u8> {
        let mut log = Vec::new();
        let lines = [
            "2026-11-20T10:00:{s:02}Z INFO synced order {n} in {n} ms",
            "2026-11-20T09:{s:02}:00Z ERROR HTTP 401 Unauthorized for store shop-{n}",
            "2026-11-21T10:00:{s:02}Z ERROR Record validation failed for record {n}",
            r#"{"ts":"2026-11-22T10:00:{s:02}Z","level":"error","msg":"disk quota {n} reached"}"#,
            "2026-11-19T10:{s:02}:00Z ERROR read ECONNRESET after {n} bytes",
            "2026-11-20T11:00:{s:02}Z FATAL worker {n} crashed",
            "Exceeded 2 calls per second for api client. id {n}",
        ];
        for i in 0..24_000u64 {
            let tpl = lines[(i * 7 % 11) as usize % lines.len()];
            let line = tpl
                .replace("{s:02}", &format!("{:02}", i % 60))
                .replace("{n}", &(i * 31 % 997).to_string());
            log.extend_from_slice(line.as_bytes());
            log.push(b'\n');
            if i == 12_000 {
                log.extend(std::iter::repeat_n(b'y', super::super::scan::CHUNK + 5000));
                log.extend_from_slice(b" timeout\n");
            }
        }
        log.extend_from_slice(b"2026-11-23T00:00:00Z ERROR last line, no newline");
        log
    }

    fn file_with(bytes: &[u8]) -> File {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[test]
    fn any_split_gives_the_tally_of_one_thread() {
        let log = corpus();
        let file = file_with(&log);
        let size = log.len() as u64;
        let bounds = Bounds {
            max_bytes: u64::MAX,
            deadline: std::time::Instant::now() + std::time::Duration::from_secs(600),
        };
        let mut one = Scanner::new();
        one.scan(&mut &log[..]).unwrap();
        assert!(one.tally.problems() > 0 && one.tally.unclassified.count > 0);
        for parts in [2, 3, 7] {
            let out = scan(&file, size, parts, bounds, &Bar::default());
            assert!(out.stop.is_none() && out.cut.is_none(), "{parts} parts");
            assert_eq!(out.tally, one.tally, "{parts} parts");
        }
    }

    #[test]
    fn parts_start_at_line_starts() {
        let log = b"aaaa\nbb\n\ncccccccccc\nd";
        let file = file_with(log);
        let cuts = boundaries(&file, log.len() as u64, 4).unwrap();
        assert_eq!(cuts.first(), Some(&0));
        assert_eq!(cuts.last(), Some(&(log.len() as u64)));
        for c in &cuts[1..cuts.len() - 1] {
            let c = usize::try_from(*c).unwrap();
            assert!(c == log.len() || log[c - 1] == b'\n', "{c}");
        }
        assert!(cuts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_binary_file_is_refused_before_splitting() {
        let mut bytes = vec![0u8; 4096];
        bytes.extend(std::iter::repeat_n(b'x', 1 << 20));
        let file = file_with(&bytes);
        let bounds = Bounds {
            max_bytes: u64::MAX,
            deadline: std::time::Instant::now() + std::time::Duration::from_secs(60),
        };
        let out = scan(&file, bytes.len() as u64, 2, bounds, &Bar::default());
        assert!(matches!(out.stop, Some(Stop::Binary(_))));
    }
}
