//! Bounded counters: whatever the size of the log, the tables stop growing
//! at fixed caps, and the report says when a cap was reached.

use super::classes::Class;
use std::collections::HashMap;

/// Distinct messages kept per class; later new ones are counted apart.
pub const MAX_GROUPS: usize = 2_000;
/// Distinct hours kept for the timeline (over eleven years).
const MAX_HOURS: usize = 100_000;

/// Counts of keys up to a cap on distinct keys.
#[derive(Debug, Default, PartialEq)]
pub struct Groups {
    counts: HashMap<String, u64>,
    /// Occurrences of keys that arrived after the cap was reached.
    pub overflow: u64,
}

impl Groups {
    /// Counts `key`, allocating only the first time a key is seen.
    pub fn add(&mut self, key: &str) {
        if let Some(n) = self.counts.get_mut(key) {
            *n += 1;
        } else if self.counts.len() < MAX_GROUPS {
            self.counts.insert(key.to_string(), 1);
        } else {
            self.overflow += 1;
        }
    }

    /// The `n` most frequent keys, ties broken alphabetically.
    pub fn top(&self, n: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self.counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    pub fn distinct(&self) -> usize {
        self.counts.len()
    }

    /// Adds the counts of a table built from a later part of the input.
    /// Equal to counting both parts in order while neither reached the cap;
    /// past it, the kept keys may differ but no occurrence is lost.
    fn merge(&mut self, later: Groups) {
        let mut keys: Vec<(String, u64)> = later.counts.into_iter().collect();
        // Keys new to this table are taken in a stable order.
        keys.sort();
        for (key, n) in keys {
            if let Some(mine) = self.counts.get_mut(&key) {
                *mine += n;
            } else if self.counts.len() < MAX_GROUPS {
                self.counts.insert(key, n);
            } else {
                self.overflow += n;
            }
        }
        self.overflow += later.overflow;
    }
}

/// The earliest and latest of a set of times.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Span {
    pub first: Option<i64>,
    pub last: Option<i64>,
}

impl Span {
    pub fn add(&mut self, t: i64) {
        self.first = Some(self.first.map_or(t, |f| f.min(t)));
        self.last = Some(self.last.map_or(t, |l| l.max(t)));
    }

    fn merge(&mut self, other: Span) {
        for t in [other.first, other.last].into_iter().flatten() {
            self.add(t);
        }
    }
}

/// What was found for one class.
#[derive(Debug, Default, PartialEq)]
pub struct ClassTally {
    pub count: u64,
    pub seen: Span,
    pub messages: Groups,
    pub records: Groups,
}

impl ClassTally {
    fn merge(&mut self, later: ClassTally) {
        self.count += later.count;
        self.seen.merge(later.seen);
        self.messages.merge(later.messages);
        self.records.merge(later.records);
    }
}

/// Sample lines kept for the unclassified error lines.
pub const SAMPLES: usize = 3;

/// Lines that look like errors but fall in no class.
#[derive(Debug, Default, PartialEq)]
pub struct Unclassified {
    pub count: u64,
    pub seen: Span,
    /// Their shapes: the line with ids and numbers taken out.
    pub shapes: Groups,
    /// The first few, redacted and shortened, in input order.
    pub samples: Vec<String>,
}

impl Unclassified {
    pub fn record(&mut self, time: Option<i64>, shape: &str, sample: impl FnOnce() -> String) {
        self.count += 1;
        self.shapes.add(shape);
        if let Some(t) = time {
            self.seen.add(t);
        }
        if self.samples.len() < SAMPLES {
            self.samples.push(sample());
        }
    }

    fn merge(&mut self, later: Unclassified) {
        self.count += later.count;
        self.seen.merge(later.seen);
        self.shapes.merge(later.shapes);
        let room = SAMPLES.saturating_sub(self.samples.len());
        self.samples.extend(later.samples.into_iter().take(room));
    }
}

/// Everything the scan found.
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub lines: u64,
    pub bytes: u64,
    /// Times seen anywhere (problem lines and a sample of the others).
    pub span: Span,
    pub classes: [ClassTally; Class::ALL.len()],
    /// Problem lines per hour (Unix seconds / 3600).
    pub hours: HashMap<i64, u64>,
    pub unclassified: Unclassified,
}

impl Tally {
    pub fn record(&mut self, class: Class, time: Option<i64>, message: &str, record: Option<&str>) {
        let c = &mut self.classes[class.index()];
        c.count += 1;
        c.messages.add(message);
        if let Some(id) = record {
            c.records.add(id);
        }
        if let Some(t) = time {
            c.seen.add(t);
            self.span.add(t);
            let hour = t.div_euclid(3600);
            if let Some(n) = self.hours.get_mut(&hour) {
                *n += 1;
            } else if self.hours.len() < MAX_HOURS {
                self.hours.insert(hour, 1);
            }
        }
    }

    pub fn problems(&self) -> u64 {
        self.classes.iter().map(|c| c.count).sum()
    }

    /// Adds what a scan of the input's next part found: the result equals
    /// one scan of both parts in order (while no table reached its cap).
    pub fn merge(&mut self, later: Tally) {
        self.lines += later.lines;
        self.bytes += later.bytes;
        self.span.merge(later.span);
        for (mine, theirs) in self.classes.iter_mut().zip(later.classes) {
            mine.merge(theirs);
        }
        let mut hours: Vec<(i64, u64)> = later.hours.into_iter().collect();
        hours.sort_unstable();
        for (hour, n) in hours {
            if let Some(mine) = self.hours.get_mut(&hour) {
                *mine += n;
            } else if self.hours.len() < MAX_HOURS {
                self.hours.insert(hour, n);
            }
        }
        self.unclassified.merge(later.unclassified);
    }
}

/// Up to this many marks in the timeline; longer spans put several hours
/// in each mark.
const MAX_MARKS: i64 = 72;

/// A sparkline of problem lines per hour: the marks, the hours each mark
/// covers, the first hour, and the busiest mark's count.
pub struct Timeline {
    pub marks: String,
    pub hours_per_mark: i64,
    pub start_hour: i64,
    pub end_hour: i64,
    pub peak: u64,
}

pub fn timeline(hours: &HashMap<i64, u64>) -> Option<Timeline> {
    let start = *hours.keys().min()?;
    let end = *hours.keys().max()?;
    let span = end - start + 1;
    let per = (span + MAX_MARKS - 1) / MAX_MARKS;
    let width = usize::try_from((span + per - 1) / per).unwrap_or(1);
    let mut buckets = vec![0u64; width];
    for (h, n) in hours {
        let i = usize::try_from((h - start) / per).unwrap_or(0);
        buckets[i.min(width - 1)] += n;
    }
    let peak = buckets.iter().copied().max().unwrap_or(0);
    // An hour with no problems shows the lowest bar; any problem at all
    // shows at least the second, so a quiet hour and a bad one differ.
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let marks = buckets
        .iter()
        .map(|&n| {
            if n == 0 || peak == 0 {
                BARS[0]
            } else {
                let level = 1 + n.saturating_mul(6) / peak;
                BARS[usize::try_from(level).unwrap_or(7).min(7)]
            }
        })
        .collect();
    Some(Timeline {
        marks,
        hours_per_mark: per,
        start_hour: start,
        end_hour: end,
        peak,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_stop_growing_at_the_cap() {
        let mut g = Groups::default();
        for i in 0..MAX_GROUPS + 10 {
            g.add(&format!("m{i}"));
        }
        g.add("m0");
        assert_eq!(g.distinct(), MAX_GROUPS);
        assert_eq!(g.overflow, 10);
        assert_eq!(g.top(1), vec![("m0", 2)]);
    }

    #[test]
    fn timeline_marks_each_hour() {
        let hours: HashMap<i64, u64> = [(100, 1), (101, 0), (102, 10), (103, 5)].into();
        let t = timeline(&hours).unwrap();
        assert_eq!(t.marks, "▂▁█▅");
        assert_eq!(
            (t.hours_per_mark, t.start_hour, t.end_hour, t.peak),
            (1, 100, 103, 10)
        );
        let wide: HashMap<i64, u64> = [(0, 1), (1000, 1)].into();
        let t = timeline(&wide).unwrap();
        assert!(t.marks.chars().count() <= MAX_MARKS as usize);
        assert_eq!(t.hours_per_mark, 14);
        assert!(timeline(&HashMap::new()).is_none());
    }
}
