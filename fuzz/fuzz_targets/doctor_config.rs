//! `plumb doctor --config FILE`: arbitrary TOML text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = plumb::cli::doctor::parse(text);
    }
});
