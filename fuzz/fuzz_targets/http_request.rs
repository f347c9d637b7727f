//! A raw HTTP request capture (`verify-signature --request FILE`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = plumb::probes::webhook::signature::request::parse(data) {
        // The body never grows beyond what the capture held.
        assert!(request.body.len() <= data.len());
    }
});
