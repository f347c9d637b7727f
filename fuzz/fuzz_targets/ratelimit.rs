//! Rate-limit signals: a captured response (`rate-limit inspect
//! --headers-file`) parsed, then its headers and body read for limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::facts::ratelimit as headers;
use plumb::probes::ratelimit::response;
use std::time::{Duration, UNIX_EPOCH};

fuzz_target!(|data: &[u8]| {
    let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    if let Ok(captured) = response::parse(data) {
        let _ = headers::parse(&captured.headers, Some(&captured.body), now);
    }
    // The same bytes as header lines and as a body, whatever they hold.
    let text = String::from_utf8_lossy(data);
    let pairs: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let _ = headers::parse(&pairs, Some(data), now);
    for (_, v) in &pairs {
        let _ = headers::retry_after(v, now);
        let _ = headers::body_policy(v);
    }
});
