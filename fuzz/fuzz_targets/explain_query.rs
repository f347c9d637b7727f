//! `plumb explain QUERY`: any text looked up in the catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let _ = plumb::catalog::lookup(&query);
    let _ = plumb::catalog::normalize(&query);
});
