//! Counting findings: how many records, which ids (the first few), one
//! redacted sample, and how often each kind of problem occurred.

use super::fields::shape;
use crate::report::Check;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// How many record ids a check lists.
pub const MAX_IDS: usize = 20;

#[derive(Debug, Default)]
pub struct Tally {
    /// Records with the problem (a record counts once).
    pub count: u64,
    /// The first [`MAX_IDS`] of their ids.
    pub ids: Vec<String>,
    /// The shape of the first offending value.
    pub sample: Option<String>,
    /// Occurrences per kind of problem.
    pub kinds: BTreeMap<&'static str, u64>,
    last_row: Option<u64>,
}

impl Tally {
    /// Notes one problem in record number `row`.
    pub fn add(&mut self, row: u64, id: &str, value: &str, kind: &'static str) {
        *self.kinds.entry(kind).or_default() += 1;
        if self.sample.is_none() && !value.is_empty() {
            self.sample = Some(shape(value));
        }
        if self.last_row != Some(row) {
            self.last_row = Some(row);
            self.count += 1;
            if self.ids.len() < MAX_IDS {
                self.ids.push(id.to_string());
            }
        }
    }

    /// Adds `count`, `ids`, `problems` and `sample` to a check.
    pub fn apply(&self, check: Check) -> Check {
        let problems: Map<String, Value> = self
            .kinds
            .iter()
            .map(|(k, n)| ((*k).to_string(), Value::from(*n)))
            .collect();
        let mut check = check
            .detail("count", self.count)
            .detail("ids", json!(self.ids));
        if !problems.is_empty() {
            check = check.detail("problems", Value::Object(problems));
        }
        if let Some(s) = &self.sample {
            check = check.detail("sample", s.clone());
        }
        check
    }
}

/// A value's 64-bit hash: what duplicate detection keeps per record.
pub fn hash(value: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Keys that are already hashes need no second hashing.
#[derive(Debug, Default)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type BuildU64 = BuildHasherDefault<U64Hasher>;
pub type IdSet = HashSet<u64, BuildU64>;

/// Most distinct values (ids, keys, emails) a duplicate check keeps, as
/// 64-bit hashes: just under a power of two, so the table stays at 4 Mi
/// slots (about 36 MB for a set, 68 MB for the email map) and never
/// doubles past it.
pub const MAX_TRACKED: usize = (1 << 22) / 8 * 7;

/// The hashes a duplicate check has seen, up to a cap: past it new values
/// are not kept (so their repeats go unnoticed) and `full` says so.
#[derive(Debug)]
pub struct CappedSet {
    set: IdSet,
    cap: usize,
    /// Whether a value arrived when the set was full.
    pub full: bool,
}

impl Default for CappedSet {
    fn default() -> Self {
        CappedSet::with_cap(MAX_TRACKED)
    }
}

impl CappedSet {
    pub fn with_cap(cap: usize) -> Self {
        CappedSet {
            set: IdSet::default(),
            cap,
            full: false,
        }
    }

    /// False when `h` was seen before; true for a new value, kept while
    /// there is room.
    pub fn insert(&mut self, h: u64) -> bool {
        if self.set.contains(&h) {
            return false;
        }
        if self.set.len() >= self.cap {
            self.full = true;
        } else {
            self.set.insert(h);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_set_stops_growing_and_says_so() {
        let mut s = CappedSet::with_cap(3);
        assert!(s.insert(1) && s.insert(2) && s.insert(3));
        assert!(!s.insert(2));
        assert!(!s.full);
        assert!(s.insert(4));
        assert!(s.full);
        assert_eq!(s.set.len(), 3);
        // A value past the cap is not kept: its repeat is not noticed.
        assert!(s.insert(4));
        // The default cap keeps the table below its next doubling.
        let mut big = CappedSet::default();
        for h in 0..(MAX_TRACKED as u64 + 10) {
            big.insert(h.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
        assert_eq!(big.set.len(), MAX_TRACKED);
        assert!(big.full);
        assert!(big.set.capacity() <= MAX_TRACKED, "{}", big.set.capacity());
    }

    #[test]
    fn a_record_counts_once_and_ids_stop_at_twenty() {
        let mut t = Tally::default();
        t.add(1, "a", "x y@z", "contains_space");
        t.add(1, "a", "", "other");
        for row in 2..40 {
            t.add(row, &format!("r{row}"), "v", "contains_space");
        }
        assert_eq!(t.count, 39);
        assert_eq!(t.ids.len(), MAX_IDS);
        assert_eq!(t.ids[0], "a");
        assert_eq!(t.sample.as_deref(), Some("x␠x@x"));
        assert_eq!(t.kinds["contains_space"], 39);
    }
}
