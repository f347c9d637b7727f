//! `plumb credential`: identify any value (API keys, JWTs, webhook
//! secrets) for every intended use; the value never reaches the report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plumb::probes::credential::{analyze, Use};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(value) = std::str::from_utf8(rest) else {
        return;
    };
    let uses = Use::ALL;
    let intended = uses.get(usize::from(which) % (uses.len() + 1)).copied();
    let report = analyze(value, intended, 1_700_000_000);
    let json = plumb::report::json::render(&report, 0);
    // A value long enough to be a secret is never echoed whole.
    if value.len() >= 24 && value.chars().all(|c| c.is_ascii_alphanumeric()) {
        assert!(!json.contains(value), "the credential leaked into the report");
    }
});
